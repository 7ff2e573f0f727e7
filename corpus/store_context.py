"""What a unit stands under, read from the corpus file for the ranking and the reader of a hit:
its document's title and where it was issued, its ancestors' headings, the headings that open its
part of a flat list, the words that open its parent's list (the chapeau), whether it is a table's
row, the notions it defines and the facts it states. ``ContextReads`` is part of ``Store`` (a
mixin over its connection), kept apart because it serves search, not storage.
"""
from __future__ import annotations

import re
import zlib
from functools import lru_cache
from typing import Optional

from maslihat.core.model import ROW_KINDS
from maslihat.corpus.store_rows import rows_in
from maslihat.nlp.definitions import LEAD_CHARS, defined_term

ROW_LEAD = 200                   # characters of a unit read to tell whether it opens with a table's row


def is_table_row(text: str) -> bool:
    """Whether ``text`` (a unit's first ``ROW_LEAD`` characters) holds a table's row: the readers
    join a row's cells with tabs («2. реализация сена\t180\t150\t100»), so a line of two cells or
    more (a group of rows opens with its name: «4. Кеңсе тауарлары\n сөреден\t100\t80\t60»)."""
    return any(sum(1 for cell in line.split("\t") if cell.strip()) >= 2 for line in text.split("\n"))


# a row's leading number, in its own cell or before its words: «4», «4.», «II.», «2.Құс», «а)», «-»
_ORDINAL = re.compile(r"^\s*(?:(?P<arabic>\d+(?:\.\d+)*[.)]?)(?=\s|$|[^\W\d_])|(?P<roman>[IVXLІ]+\.?)(?=\s|$)"
                      r"|(?P<letter>[^\W\d_]\))|(?P<dash>[-–—]))\s*")
_FIGURE = re.compile(r"[\d\s.,%+*/()\-–—]*\d[\d\s.,%+*/()\-–—]*|[xXхХ]")   # «3616», «107-00», «10%», «х»
GROUP_CHARS = 160                # a group's row is a name, not a sentence
GROUP_BACK = 40                  # siblings read back from a row for its group's row


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.split("\t") if c.strip()]


def has_figure(text: str) -> bool:
    """Whether ``text`` holds a table's row with a figure: a line of cells joined by tabs, one of
    them after the first a number, a rate or the «х» of a rate not set («- I класса токсичности\tза
    1 тонну\t3616», «Сөреден\t190\t150\t100»)."""
    return any(any(_FIGURE.fullmatch(c) for c in cells[1:])
               for cells in map(_cells, text.split("\n")) if len(cells) >= 2)


def _ordinal_style(text: str) -> str:
    m = _ORDINAL.match(text)
    return m.lastgroup if m else ""


def group_name(text: str) -> str:
    """The name of a group of a table's rows when ``text`` (a unit's own words, up to its first
    child) is the row that opens one: a single line of one cell of words after its number, no figure
    («4\tРазмещение отходов производства», «II. Азық-түлік тауарлары», «2.Құс»), not a sentence
    (prose ends with a full stop; «и т. д.» is not one); '' otherwise."""
    text = text.strip()
    if not text or len(text) > GROUP_CHARS or "\n" in text:
        return ""
    m = _ORDINAL.match(text)
    rest = text[m.end():] if m else text
    cells = _cells(rest)
    if len(cells) != 1 or _FIGURE.fullmatch(cells[0]) or sum(ch.isalpha() for ch in cells[0]) < 3:
        return ""
    name = cells[0]
    last = name.rstrip(".").split()[-1].split(".")[-1] if name.rstrip(".").split() else ""
    if name.endswith((";", "!", "?")) or (name.endswith(".") and not (last.isalpha() and len(last) <= 2)):
        return ""
    return name.rstrip(":").strip()


CHAPEAU_KINDS = frozenset({"point", "subpoint", "part", "article", "paragraph"})
CHAPEAU_DEPTH = 2                # the parent and the grandparent
CHAPEAU_LEAD = 400               # characters of a parent read for the words that open its list
SIBLING_ITEM_KINDS = frozenset({"part", "paragraph"})   # unnumbered lines: a list's items may follow its opening
SIBLING_BACK = 30                # siblings read back from an item for the line that opens its list


def chapeau(text: str) -> str:
    """The words that open a list and frame each of its items («Депутат маслихата вправе:»,
    «Мәслихат хатшысы мынадай өкілеттіктерді жүзеге асырады:»): ``text`` up to the end of its
    first line that ends with a colon; '' when it has none."""
    end = 0
    for line in text.split("\n"):
        end += len(line) + 1
        if line.rstrip().endswith(":"):
            return text[:end].strip()
    return ""


def is_list_item(text: str) -> bool:
    """Whether ``text`` (an unnumbered line's own words) reads as an item of a list: a short clause
    that ends with «;» or «,», or the last item's full stop («преждевременной ликвидации кладбища
    или его участка;»), not a line that opens a list itself."""
    text = text.strip()
    return 0 < len(text) < CHAPEAU_LEAD and text.endswith((";", ",", "."))


def _opening_run(headings: list, ordinal) -> list[str]:
    """The headings a unit at ``ordinal`` stands under among its siblings' ``headings`` ([(ordinal,
    text)] in order): the nearest one before it and those right before that one with nothing
    between (a heading has no units of its own, so their ordinals follow one another)."""
    if ordinal is None:
        return []
    before = [h for h in headings if h[0] < ordinal]
    if not before:
        return []
    run = [before[-1]]
    for h in reversed(before[:-1]):
        if h[0] != run[-1][0] - 1 or len(run) == 4:
            break
        run.append(h)
    return [text for _, text in reversed(run)]


@lru_cache(maxsize=1024)
def _issued_by(issuer: Optional[str], region: Optional[str], lang: str) -> tuple[str, ...]:
    """Where a document was issued: its region as written and as ``core/places`` names it, with
    the city or district of its body, in the document's language: what its provisions stand under
    for a query that names the place («по регламенту маслихата павлодарской области»; the
    regulation's points never say «Павлодарской»). Not the body's own words (маслихат, аким):
    a query's «акимата» is a topic, not a place."""
    if not issuer and not region:
        return ()
    from maslihat.core import places
    out = [region] if region else []
    body = places.match_body(issuer, region) if issuer else None
    if body is not None and body.region_id:
        out.append(places.label(body.region_id, lang))
        place = body.id.rsplit(".", 1)[0]
        if place != body.region_id:
            out.append(places.label(place, lang))
    # the names only: «область», «қаласы» are a query's words of another kind («в области», «город»)
    names = (" ".join(w for w in x.split() if not places.level_word(w)) for x in out if x)
    return tuple(dict.fromkeys(x for x in names if x))


class ContextReads:
    """The reads of ``heading_context`` and its kin; needs ``self.conn`` and ``self._of_doc``."""

    def heading_context(self, unit_ids: list[str], depth: int = 4) -> dict[str, tuple[str, str, bool]]:
        """{unit id: (its language, what it stands under: the document's title, the headings of
        its ancestors, «Приложение … Ставки платы за пользование водными ресурсами», and the run
        of headings that opens its part of a flat list, «№ Вид деятельности Стоимость талона» over a
        table's rows, and the chapeau of its parent and grandparent points, «Секретарь маслихата
        осуществляет следующие полномочия:» over «2) подписывает протоколы»; whether the unit is a
        table's row)} of these units: words a provision need not repeat to be the answer
        (``scoring.with_heading_coverage``)."""
        out: dict[str, tuple[str, list]] = {}
        up: dict[str, str] = {}
        chain: list[tuple] = []            # (unit id, a node of its chain: parent, ordinal, kind, document)
        maybe_rows: list[str] = []         # the units themselves of the kinds a table's row is read as
        for uid, parent, ordinal, kind, doc, lang, title, issuer, region in rows_in(
                self.conn, "SELECT u.id, u.parent_id, u.ordinal, u.kind, u.document_id, d.language, d.title, "
                           "d.issuer, d.region FROM units u JOIN documents d ON d.id = u.document_id "
                           "WHERE u.id IN ({ids})", unit_ids):
            out[uid] = (lang, [title or "", *_issued_by(issuer, region, lang)])
            chain.append((uid, parent, ordinal, kind, doc))
            if kind in ROW_KINDS:
                maybe_rows.append(uid)
            if parent:
                up[uid] = parent
        framing: dict[str, list] = {}     # unit id -> its parent points whose opening words frame it
        for level in range(depth):
            if not up:
                break
            got = {i: (p, h, o, k, d) for i, p, h, o, k, d in rows_in(
                self.conn, "SELECT id, parent_id, json_extract(data, '$.heading'), ordinal, kind, document_id "
                           "FROM units WHERE id IN ({ids})", sorted(set(up.values())))}
            nxt = {}
            for uid, a in up.items():
                if a not in got:
                    continue
                p, h, o, k, d = got[a]
                if h:
                    out[uid][1].append(h)
                elif k in CHAPEAU_KINDS and level < CHAPEAU_DEPTH:
                    framing.setdefault(uid, []).append(a)
                chain.append((uid, p, o, k, d))
                if p:
                    nxt[uid] = p
            up = nxt
        heads = self._sibling_headings({c[4] for c in chain if c[3] != "heading"})
        for uid, parent, ordinal, kind, doc in chain:
            if kind != "heading":
                out[uid][1].extend(_opening_run(heads.get((doc, parent), ()), ordinal))
        leads = self.unit_leads(maybe_rows, CHAPEAU_LEAD)
        rows = {u for u in maybe_rows if u in leads and is_table_row(leads[u][1][:ROW_LEAD])}
        for uid, names in self.row_groups(sorted(rows)).items():
            out[uid][1].extend(names)
        opening = self._openings([a for v in framing.values() for a in v])
        for uid, ancestors in framing.items():
            out[uid][1].extend(opening[a] for a in ancestors if a in opening)
        return {u: (lang, " ".join(parts), u in rows) for u, (lang, parts) in out.items()}

    def _openings(self, unit_ids: list[str]) -> dict[str, str]:
        """{unit id: the words that open its list (``chapeau``)} of these units, read in their own
        text only: up to their first child (an article with no title whose first point ends in «:»
        opens no list of its own; its points are not its list items' opening)."""
        leads = {u: lead for u, (_, lead) in self.unit_leads(unit_ids, CHAPEAU_LEAD).items() if ":" in lead}
        return {u: c for u, (lead, _) in self._own_words(leads).items() if (c := chapeau(lead))}

    def _own_words(self, leads: dict[str, str]) -> dict[str, tuple[str, bool]]:
        """{unit id: (its lead up to its first child, whether it has a child)} of these leads."""
        out = {}
        for uid, start in rows_in(self.conn, "SELECT id, json_extract(data, '$.start') FROM units "
                                             "WHERE id IN ({ids})", list(leads)):
            lead = leads[uid]
            # its first child: the first of its descendants in document order, read in the key's range
            # of its own subtree (ids are paths: ``core.ids``; no index on the document's order)
            first = self.conn.execute("SELECT json_extract(data, '$.start') FROM units WHERE id > ? AND id < ? "
                                      "ORDER BY ordinal LIMIT 1", (uid + "/", uid + "0")).fetchone()
            if first and first[0] is not None and start is not None:
                lead = lead[:max(0, first[0] - start)]
            out[uid] = (lead, first is not None)
        return out

    def row_groups(self, unit_ids: list[str]) -> dict[str, list[str]]:
        """{unit id: the names of the groups of a table's rows it stands under, outermost first} of
        these units that are rows with a figure: the row that opens a group names it and holds no
        figure («4\tРазмещение отходов производства»), and the rows under it hold only their own
        cells («- I класса токсичности\tза 1 тонну\t3616»). The readers put the group's row either
        as the rows' parent or as their sibling before them; a group of groups («II. Азық-түлік
        тауарлары» over «2.Құс» over «Сөреден\t190\t150\t100») is read the same way one level up.
        A sibling opens the row's group only when numbered otherwise than the row (a row «3. овощи»
        after «2. молочные продукты» is its peer), has no rows of its own, and nothing but rows of
        figures stands between them."""
        info = {u: (d, p, o, k) for u, d, p, o, k in rows_in(
            self.conn, "SELECT id, document_id, parent_id, ordinal, kind FROM units WHERE id IN ({ids})", unit_ids)}
        leads = {u: lead for u, (_, lead) in self.unit_leads(
            [u for u in unit_ids if info.get(u, (0,) * 4)[3] in ROW_KINDS], ROW_LEAD).items() if has_figure(lead)}
        rows = sorted(leads)
        if not rows:
            return {}
        parents = {info[u][1] for u in rows if info[u][1]}
        for u, d, p, o, k in rows_in(self.conn, "SELECT id, document_id, parent_id, ordinal, kind FROM units "
                                                "WHERE id IN ({ids})", sorted(parents)):
            info[u] = (d, p, o, k)
        own = self._own_words({u: lead for u, (_, lead) in self.unit_leads(
            [p for p in parents if info.get(p, (0,) * 4)[3] in ROW_KINDS], CHAPEAU_LEAD).items()})
        out = {}
        for u in rows:
            doc, parent, _, _ = info[u]
            found = []
            if parent in own and (name := group_name(own[parent][0])):
                found += [*self._group_before(parent, info[parent], own[parent][0]), name]
            found += self._group_before(u, info[u], leads[u])
            if found:
                out[u] = found
        return out

    def _group_before(self, uid: str, node: tuple, text: str) -> list[str]:
        """[the name of the group's row among the siblings before ``uid``] or [] (``row_groups``)."""
        doc, parent, ordinal, _ = node
        if ordinal is None:
            return []
        before = self._siblings_before(doc, parent, ordinal, GROUP_BACK)
        leads = self.unit_leads([i for i, k in before if k in ROW_KINDS], GROUP_CHARS + 40)
        style = _ordinal_style(text)
        for sid, kind in before:
            if kind not in ROW_KINDS or sid not in leads:
                return []
            lead = leads[sid][1]
            if has_figure(lead):
                continue
            name = group_name(lead)
            theirs = _ordinal_style(lead)
            has_rows = self.conn.execute("SELECT 1 FROM units WHERE id > ? AND id < ? LIMIT 1",
                                         (sid + "/", sid + "0")).fetchone() is not None
            if name and not has_rows and (theirs != style or not style):
                return [name]
            return []
        return []

    def _siblings_before(self, doc: str, parent: Optional[str], ordinal: int, limit: int) -> list[tuple]:
        """[(id, kind)] of the ``limit`` units before ``ordinal`` under ``parent`` of ``doc``, nearest
        first: where a row's group (``_group_before``) or a list line's opening (``sibling_leads``)
        stands."""
        where, args = self._of_doc(doc)
        return self.conn.execute(
            "SELECT id, kind FROM units WHERE " + where + " AND parent_id IS ? AND ordinal < ? "
            "ORDER BY ordinal DESC LIMIT ?", (*args, parent, ordinal, limit)).fetchall()

    def sibling_leads(self, unit_ids: list[str]) -> dict[str, str]:
        """{unit id: the words that open its list} of these units that are unnumbered items of a list
        opened by a sibling line, not by their parent: «Перезахоронение … не допускается, кроме
        случаев:» then «преждевременной ликвидации кладбища или его участка;» as paragraphs of one
        point. The opening is the nearest sibling before the item that ends with a colon, with
        nothing but items between (``is_list_item``); a point after a point ending in a colon is
        not its item (numbered lines are siblings, not items), so only parts and paragraphs. The
        reader of a hit shows it (``lead_ins``); the ranking does not read it: measured on the judged
        queries it moved none (docs/quality.md «session 31»), and each item costs a read of its
        siblings."""
        info = {u: (d, p, o) for u, d, p, o, k in rows_in(
            self.conn, "SELECT id, document_id, parent_id, ordinal, kind FROM units WHERE id IN ({ids})",
            unit_ids) if k in SIBLING_ITEM_KINDS and o is not None}
        own = {u: lead for u, (_, lead) in self.unit_leads(sorted(info), CHAPEAU_LEAD).items() if is_list_item(lead)}
        out = {}
        for uid in sorted(own):
            before = self._siblings_before(*info[uid], SIBLING_BACK)
            leads = self.unit_leads([i for i, _ in before], CHAPEAU_LEAD)
            for sid, kind in before:
                lead = leads.get(sid, ("", ""))[1].strip()
                if kind in SIBLING_ITEM_KINDS and lead.endswith(":") and len(lead) < CHAPEAU_LEAD:
                    out[uid] = lead
                    break
                if kind not in SIBLING_ITEM_KINDS or not is_list_item(lead) or lead.endswith("."):
                    break
        return out

    def lead_ins(self, unit_ids: list[str]) -> dict[str, list[str]]:
        """{unit id: the chapeaux of its parent and grandparent points, outermost first, then the
        names of the groups of a table's rows it stands under (``row_groups``)} of these
        units, where they have one: «4) подписывает решения маслихата» does not say who signs;
        «41. Секретарь маслихата:» above it does. The same lists the ranking reads as the unit's
        own words (``heading_context``), here for the reader of a hit."""
        up = {u: p for u, p in rows_in(self.conn, "SELECT id, parent_id FROM units WHERE id IN ({ids})",
                                       unit_ids) if p}
        framing: dict[str, list] = {}
        for _ in range(CHAPEAU_DEPTH):
            if not up:
                break
            got = {i: (p, h, k) for i, p, h, k in rows_in(
                self.conn, "SELECT id, parent_id, json_extract(data, '$.heading'), kind FROM units "
                           "WHERE id IN ({ids})", sorted(set(up.values())))}
            nxt = {}
            for uid, a in up.items():
                p, h, k = got.get(a, (None, None, None))
                if h or k not in CHAPEAU_KINDS:     # an article's title or an appendix: not a list's opening
                    continue
                framing.setdefault(uid, []).append(a)
                if p:
                    nxt[uid] = p
            up = nxt
        opening = self._openings([a for v in framing.values() for a in v])
        out = {}
        for uid, ancestors in framing.items():
            found = [opening[a] for a in reversed(ancestors) if a in opening]
            if found:
                out[uid] = found
        # a list opened by a line before the item, not by its parent («… не допускается, кроме случаев:»)
        for uid, lead in self.sibling_leads(unit_ids).items():
            out[uid] = out.get(uid, []) + [lead]
        # a table's row under its group's row: «- I класса токсичности 3616» names no waste; the
        # group «Размещение отходов производства» above it does (``row_groups``; not twice when the
        # group's row ends with a colon and is the row's chapeau already)
        for uid, names in self.row_groups(unit_ids).items():
            have = out.get(uid, [])
            more = [n for n in names if not any(n in c for c in have)]
            if more:
                out[uid] = have + more
        return out

    def _sibling_headings(self, doc_ids: set) -> dict[tuple, list]:
        """{(document id, parent id or None): [(ordinal, heading text)] in order} of the headings that
        are units of their own (a table's column names, an appendix's title lines) in these documents."""
        out: dict[tuple, list] = {}
        for doc in sorted(d for d in doc_ids if d):
            where, args = self._of_doc(doc)
            for parent, ordinal, text in self.conn.execute(
                    "SELECT parent_id, ordinal, json_extract(data, '$.heading') FROM units WHERE " + where
                    + " AND kind='heading' ORDER BY ordinal", args):
                if text:
                    out.setdefault((doc, parent), []).append((ordinal, text))
        return out

    def fact_kinds(self, unit_ids: list[str]) -> dict[str, set]:
        """{unit id: the kinds of facts it states} of these units (those with a fact; latest editions)."""
        out: dict[str, set] = {}
        for uid, kind in rows_in(self.conn, "SELECT DISTINCT f.unit_id, f.kind FROM facts f JOIN documents d "
                                            "ON d.id = f.document_id WHERE d.is_latest=1 AND f.unit_id IN ({ids})", unit_ids):
            out.setdefault(uid, set()).add(kind)
        return out

    def defined_notions(self, unit_ids: list[str]) -> dict[str, tuple[str, str]]:
        """{unit id: (its language, the notion it defines)} of these units (those that define one):
        from the ``defines`` table when every unit has its row, else read from the texts."""
        if not unit_ids:
            return {}
        if self.conn.execute("SELECT 1 FROM meta WHERE key='defines_complete'").fetchone() is None:
            return {i: (lang, n) for i, (lang, lead) in self.unit_leads(unit_ids).items()
                    if (n := defined_term(lead))}
        return {u: (lang, n) for u, lang, n in rows_in(
            self.conn, "SELECT unit_id, language, notion FROM defines WHERE unit_id IN ({ids})", unit_ids)}

    def unit_leads(self, unit_ids: list[str], chars: int = LEAD_CHARS) -> dict[str, tuple[str, str]]:
        """{unit id: (its language, the first ``chars`` characters of its text)} of these units:
        what a corpus written before the ``defines`` table shows of a candidate, one partial
        decompression per document."""
        spans: dict[str, list] = {}
        lang: dict[str, str] = {}
        for uid, doc_id, start, end, language in rows_in(
                self.conn, "SELECT u.id, u.document_id, json_extract(u.data, '$.start'), json_extract(u.data, '$.end'), "
                           "d.language FROM units u JOIN documents d ON d.id = u.document_id WHERE u.id IN ({ids})",
                unit_ids):
            spans.setdefault(doc_id, []).append((uid, start or 0, end or 0))
            lang[doc_id] = language
        out: dict[str, tuple[str, str]] = {}
        for doc_id, z, old in self.conn.execute(
                "SELECT d.id, t.z, CASE WHEN t.z IS NULL THEN json_extract(d.data, '$.text') END "
                f"FROM documents d LEFT JOIN doc_texts t ON t.document_id = d.id "
                f"WHERE d.id IN ({','.join('?' * len(spans))})", list(spans)) if spans else ():
            # only as far as the last lead: a UTF-8 character takes at most 4 bytes
            upto = 4 * max(start + chars for _, start, _ in spans[doc_id])
            text = (zlib.decompressobj().decompress(z, upto).decode("utf-8", "ignore") if z is not None
                    else (old or ""))
            for uid, start, end in spans[doc_id]:
                out[uid] = (lang[doc_id], text[start:min(end, start + chars)])
        return out
