"""What a unit stands under, read from the corpus file for the ranking and the reader of a hit:
its document's title and where it was issued, its ancestors' headings, the headings that open its
part of a flat list, the words that open its parent's list (the chapeau), whether it is a table's
row, the notions it defines and the facts it states. ``ContextReads`` is part of ``Store`` (a
mixin over its connection), kept apart because it serves search, not storage.
"""
from __future__ import annotations

import zlib
from functools import lru_cache
from typing import Optional

from maslihat.corpus.store_rows import rows_in
from maslihat.nlp.definitions import LEAD_CHARS, defined_term

ROW_KINDS = frozenset({"point", "subpoint", "paragraph", "part"})   # the kinds a table's row is read as
ROW_LEAD = 200                   # characters of a unit read to tell whether it opens with a table's row


def is_table_row(text: str) -> bool:
    """Whether ``text`` (a unit's first ``ROW_LEAD`` characters) holds a table's row: the readers
    join a row's cells with tabs («2. реализация сена\t180\t150\t100»), so a line of two cells or
    more (a group of rows opens with its name: «4. Кеңсе тауарлары\n сөреден\t100\t80\t60»)."""
    return any(sum(1 for cell in line.split("\t") if cell.strip()) >= 2 for line in text.split("\n"))


CHAPEAU_KINDS = frozenset({"point", "subpoint", "part", "article", "paragraph"})
CHAPEAU_DEPTH = 2                # the parent and the grandparent
CHAPEAU_LEAD = 400               # characters of a parent read for the words that open its list


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
        opening = self._openings([a for v in framing.values() for a in v])
        for uid, ancestors in framing.items():
            out[uid][1].extend(opening[a] for a in ancestors if a in opening)
        return {u: (lang, " ".join(parts), u in rows) for u, (lang, parts) in out.items()}

    def _openings(self, unit_ids: list[str]) -> dict[str, str]:
        """{unit id: the words that open its list (``chapeau``)} of these units, read in their own
        text only: up to their first child (an article with no title whose first point ends in «:»
        opens no list of its own; its points are not its list items' opening)."""
        leads = {u: lead for u, (_, lead) in self.unit_leads(unit_ids, CHAPEAU_LEAD).items() if ":" in lead}
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
            if c := chapeau(lead):
                out[uid] = c
        return out

    def lead_ins(self, unit_ids: list[str]) -> dict[str, list[str]]:
        """{unit id: the chapeaux of its parent and grandparent points, outermost first} of these
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
