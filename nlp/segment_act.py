"""The builder of acts: decisions, regulations, decrees, laws and codes in articles.

Roles first (appendix captions, signatures), then one pass over the blocks with a stack of
open units: ``N. Title`` is a chapter heading when it is short and does not continue the point
sequence (regulations number points continuously under their own numbered headings).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from maslihat.core.model import Document, Unit
from maslihat.nlp import patterns as P

from maslihat.nlp.segment_blocks import (LEVEL, Block, _Builder, _heading_like, _int, _next_content, _short,
                                          table_row, _APP_END, _APP_START, _NAME, _NOTE_ALONE, _TOC, _UPPER_START)


def _mark_signatures(blocks: list[Block], t: str) -> None:
    """A name line (initials + surname) and the short position lines just before it."""
    for i, b in enumerate(blocks):
        if b.kind != "text" or b.role or not _short(b, t, 90):
            continue
        last = t[b.lines[-1][0]:b.lines[-1][1]]
        if not _NAME.match(last) or len(last) > 70:
            continue
        b.role = "signature"
        j, steps = i - 1, 0
        while j >= 0 and steps < 6:
            p = blocks[j]
            pt = p.text(t)
            if (p.kind != "text" or p.role or not _short(p, t, 70) or pt[-1] in ".;:" or _NAME.match(pt)
                    or _APP_END.match(pt) or _APP_START.match(pt) or _ANNEX_PAGES.match(pt)):
                break
            p.role = "signature"
            j -= 1
            steps += 1
    _mark_position_signatures(blocks, t)


_ANNEX_PAGES = re.compile(P.ANNEX_PAGES)
_SIGN_HEADS = frozenset(w for ws in P.SIGNATURE_HEADS.values() for w in ws)
_POSITION_WORDS = _SIGN_HEADS | frozenset(w for ws in P.SIGNATURE_WORDS.values() for w in ws)
_TOKEN = re.compile(r"[^\W\d_]+|\d+|_+|[^\w\s]+")
_NUMBERISH = re.compile(r"\d+|_+|[IVXLІ]+|[^\w\s]+")


def _position_block(b: Block, t: str) -> Optional[bool]:
    """True for a block that names signing positions only («Облыстық мәслихат сессиясының төрағасы»,
    «Секретарь Областного Маслихата»), False for one of their framing words without a position
    («Облыстық мәслихат»), None for anything else: a word outside ``P.SIGNATURE_WORDS`` that is
    not a proper name, a sentence's end, a caption."""
    if b.kind != "text" or b.role or len(b.lines) > 6 or any(e - s > 120 for s, e in b.lines):
        return None
    text = b.text(t)
    if text.rstrip()[-1:] in ".;:," or _APP_START.match(b.first_line(t)) or _APP_END.match(text.replace("\n", " ")):
        return None
    head = False
    for w in _TOKEN.findall(text):
        lw = w.lower()
        if lw in _SIGN_HEADS:
            head = True
        elif lw in _POSITION_WORDS or _NUMBERISH.fullmatch(w) or w[0].isupper():
            continue
        else:
            return None
    return head


_ANNEX_TITLE = re.compile(r"(?<![^\W\d_])(?:" + "|".join(P.ANNEX_TITLE_WORDS) + r")(?![^\W\d_])")


def _caption_like(b: Block, t: str) -> bool:
    """An appendix caption or stamp starts here (its first line, or its last: `… шешіміне қосымша`),
    or the capitals' title of an annexed document («ПОЛОЖЕНИЕ об …», «… туралы ЕРЕЖЕ»)."""
    last = t[b.lines[-1][0]:b.lines[-1][1]]
    return b.kind == "text" and bool(_APP_START.match(b.first_line(t)) or _APP_END.match(last)
                                     or (b.end - b.start <= 300 and _ANNEX_TITLE.search(b.text(t))))


def _mark_position_signatures(blocks: list[Block], t: str) -> None:
    """Signatures without a name: a run of position blocks (``_position_block``) with a position in it,
    right before an appendix caption, a named signature or the end of the text. Without this the
    last point of a decision kept «Председатель сессии … Секретарь …» (and the caption's stamp
    after it) as its own paragraphs."""
    reading = [_position_block(b, t) for b in blocks]
    i = 0
    while i < len(blocks):
        if reading[i] is None or i == 0:
            i += 1
            continue
        j = i
        while j < len(blocks) and reading[j] is not None:
            j += 1
        run = reading[i:j]
        while run and not run[-1]:          # framing words after the last position open what follows
            run.pop()
        end = i + len(run)
        after = blocks[end] if end < len(blocks) else None
        if run and (after is None or after.role == "signature" or _caption_like(after, t)
                    # trimmed framing lines («Алматы облыстық мәслихатының») open a stamp ending just after
                    or (end < j and any(_caption_like(x, t) for x in blocks[j:j + 3]))):
            for k in range(i, end):
                blocks[k].role = "signature"
        i = max(j, i + 1)


def _narrow(b: Block, t: str) -> bool:
    """Short lines, at most 12 of them: a stamp whose act's title is set in a narrow column."""
    return len(b.lines) <= 12 and all(e - s <= 80 for s, e in b.lines)


# a caption line may end in a date's abbreviation (`28.03.2014 ж.`, `от 28.03.2014 г.`): not a sentence's end
_DATE_ABBR_END = re.compile(r"\d{4}\s*(?:ж|г|жыл|год)\.$")


def _mark_captions(blocks: list[Block], t: str) -> None:
    """Appendix captions: `Приложение … к решению …` / `… шешіміне қосымша`, `Утвержден …` / `… бекітілген`."""
    i = 0
    while i < len(blocks):
        b = blocks[i]
        bt = b.text(t)
        if (b.kind == "text" and not b.role and i > 0 and len(b.lines) > 2 and _narrow(b, t) and not _short(b, t, 80)
                and not bt.rstrip().endswith(".")
                and _APP_END.match(t[b.lines[-1][0]:b.lines[-1][1]])):
            # a stamp whose act's title runs over many short lines: «Алматы облыстық мәслихатының / 2008
            # жылғы 10 сәуірдегі "Жергілікті маңызы / бар … туралы" / N 8-57 шешіміне қосымша»
            b.role = "caption"
            i += 1
            continue
        if b.kind == "text" and b.role != "caption" and _short(b, t, 130) and "листах" not in bt:
            if _APP_START.match(b.first_line(t)) and i > 0:
                b.role = "caption"
                k = i + 1
                while k < len(blocks) and k <= i + 5 and blocks[k].kind == "text" and _short(blocks[k], t, 80) \
                        and not blocks[k].blank_before and not _NAME.match(blocks[k].text(t)):
                    blocks[k].role = "caption"
                    k += 1
                i = k
                continue
            if _APP_END.match(bt.replace("\n", " ")) and i > 0 and not bt.rstrip().endswith("."):
                b.role = "caption"
                j = i
                while j > 0 and j > i - 5 and not blocks[j].blank_before:
                    p = blocks[j - 1]
                    pt = p.text(t)
                    if p.kind != "text" or not _narrow(p, t) or p.role == "signature" or (
                            pt[-1] in ".;:" and not _DATE_ABBR_END.search(pt)):
                        break
                    p.role = "caption"
                    j -= 1
        i += 1



_NOTE_MARK = re.compile("(?:" + "|".join(P.NOTE_MARKERS["ru"] + P.NOTE_MARKERS["kk"]) + r")\s*")
_OWN_NOTE = re.compile("(?:" + "|".join(P.OWN_NOTE.values()) + ")")
_NOTE_SUBJECT = {lang: [(re.compile(rx), kind) for rx, kind in rules] for lang, rules in P.NOTE_SUBJECT.items()}


def note_subject(txt: str, lang: str, B: _Builder) -> Optional[Unit]:
    """The unit a footnote names as its subject, among the units built so far (the nearest one:
    `Пункт 3` is the point 3 of the current article), or None."""
    m = _NOTE_MARK.match(txt)
    subject = txt[m.end():].lstrip(" *") if m else txt
    for rx, kind in _NOTE_SUBJECT["kk" if lang == "kk" else "ru"] + _NOTE_SUBJECT["ru" if lang == "kk" else "kk"]:
        sm = rx.match(subject)
        if not sm:
            continue
        n = sm.group("n")
        scope = B.top("article") if kind in ("point", "subpoint") else None
        for u in reversed(B.units):
            if u.kind == kind and (u.number or "").rstrip(".") == n:
                if scope is not None and u.ordinal < scope.ordinal:
                    break
                if kind in ("article", "chapter", "section") and u is not B.top(kind):
                    break       # an article or chapter closed before: a note is not lent to it across others
                return u
        return None
    return None


_HEADS = ("section", "chapter", "article", "paragraph_head", "rchapter")


def toc_span(blocks: list[Block], t: str) -> Optional[tuple[int, int]]:
    """The contents list at the top of a law: (first, end) block indices, or None.

    A run of heading lines (sections, chapters, articles) with no text between them, after an
    optional `Содержание` / `Мазмұны` line, whose article numbers come back later as the articles
    themselves. Read as articles it would double every article and hold none of their text."""
    limit = max(1, len(blocks) // 2)
    i0 = next((k for k in range(min(limit, 60)) if _TOC.match(blocks[k].text(t)) or blocks[k].kind in _HEADS), None)
    if i0 is None:
        return None
    j = i0 + 1 if _TOC.match(blocks[i0].text(t)) and blocks[i0].kind == "text" else i0
    run_start = j
    arts: list[str] = []
    while j < len(blocks) and blocks[j].kind in _HEADS:
        if blocks[j].kind == "article":
            if blocks[j].num in arts:            # the body starts: its first article again
                break
            arts.append(blocks[j].num)
        j += 1
    heads = [" ".join(blocks[k].text(t).split()).lower() for k in range(run_start, j)]
    while j > run_start and blocks[j - 1].kind != "article" and heads[j - 1 - run_start] in heads[:j - 1 - run_start]:
        j -= 1                                   # `Глава 1.` again: the body's first heading, not the list's
    if j - run_start < 3 or len(arts) < 2:
        return None
    later = {b.num for b in blocks[j:] if b.kind == "article"}
    if sum(1 for a in arts if a in later) < max(2, int(0.8 * len(arts))):
        return None
    return i0, j


_CODE_PART = re.compile(P.CODE_PART_LINE)


def _quoted(doc: Document) -> set[int]:
    """Line numbers of ``doc.text`` that were a Markdown blockquote (``extra["layout"]``): in an
    act's header, before its first numbered unit, a publication note («Подлежит опубликованию в
    Собрании актов…», «…жариялануға тиіс») — a note on the act, not a part of its preamble."""
    return {h["line"] for h in (doc.extra or {}).get("layout") or [] if h.get("kind") in ("quote", "note")}


def _on_lines(t: str, start: int, end: int, lines: set[int]) -> bool:
    first = t.count("\n", 0, start)
    return all(k in lines for k in range(first, first + t.count("\n", start, end) + 1))


def _title_block(doc: Document, blocks: list[Block], t: str) -> int:
    """Index of the block holding the document's title: 0, or the first block that begins with the
    title when short blocks (a letterhead's lines, a requisite line) stand before it."""
    title = " ".join((doc.title or "").split())[:60]
    if not title or not blocks or " ".join(blocks[0].text(t).split()).startswith(title):
        return 0
    for i, b in enumerate(blocks[:12]):
        txt = " ".join(b.text(t).split())
        if txt.startswith(title):
            return i if b.kind == "text" else 0
        if len(txt) > 600:
            return 0
    return 0


def _build_act(doc: Document, blocks: list[Block]) -> list[Unit]:
    t = doc.text
    B = _Builder(doc)
    quoted = _quoted(doc)
    toc = toc_span(blocks, t)
    last_point: dict[int, int] = {}
    seen_numbered = False
    last_struct: Optional[Unit] = None       # last heading-level unit opened (note attachment)
    point_since_struct = False
    para_count: dict[str, int] = {}
    title_at = _title_block(doc, blocks, t)
    from maslihat.nlp.references import new_wording_spans
    wording = new_wording_spans(t) if ("«" in t or '"' in t or "“" in t) else []

    for i, b in enumerate(blocks):
        txt = b.text(t)
        if b.role == "note_body":
            continue
        if toc is not None and toc[0] <= i < toc[1]:
            if i == toc[0]:                      # the contents list: one unit, not articles
                B.add("toc", b.start, blocks[toc[1] - 1].end, heading=" ".join(txt.split())[:80])
            continue
        # title: the first block of the document, or the block holding the title under a letterhead or
        # a requisite line standing first (those lines are the preamble's, as the requisite under a title)
        if i == title_at and b.kind == "text" and len(txt) <= 400:
            B.add("title", b.start, b.end, heading=" ".join(txt.split()))
            continue
        if b.role == "caption":
            if i > 0 and blocks[i - 1].role == "caption":
                continue
            B.part += 1
            app = B.add("appendix", b.start, b.end, number=str(B.part), level=0)
            last_point[B.part] = 0
            last_struct, point_since_struct = app, False
            # the appendix title: short unnumbered blocks right after the caption
            k = i + 1
            while k < len(blocks) and blocks[k].role == "caption":
                k += 1
            while k < len(blocks) and blocks[k].kind == "text" and not blocks[k].role and _short(blocks[k], t, 160) \
                    and k < i + 8 and not table_row(blocks[k], t):
                blocks[k].role = "app_title"
                if app.heading is None:
                    app.heading = " ".join(blocks[k].text(t).split())
                k += 1
            continue
        if b.role == "app_title":
            B.add("heading", b.start, b.end, heading=" ".join(txt.split()), parent=B.top("appendix"))
            continue
        if b.role == "signature":
            if i > 0 and blocks[i - 1].role == "signature" and B.units and B.units[-1].kind == "signature":
                B.units[-1].end = b.end
                continue
            while B.stack and B.stack[-1].kind != "appendix":
                B.stack.pop()
            B.add("signature", b.start, b.end, parent=B.top("appendix"))
            continue
        kind, num = b.kind, b.num
        if wording and kind != "note" and any(ws < b.start < we for ws, we in wording) \
                and B.top("point", "article") is not None:
            # a line of the new wording an amending act quotes («1) доходы – … тысяч тенге;» after
            # «пункт 1 изложить в новой редакции: "1. Утвердить бюджет …:») is the amended act's
            # provision, not this act's subpoint or point: a paragraph of the amending point
            owner = B.top("point", "article")
            para_count[owner.id] = para_count.get(owner.id, 1) + 1
            B.add("part", b.start, b.end, number=None, parent=owner)
            continue
        if kind == "note":
            end = b.end
            if _NOTE_ALONE.match(txt) and i + 1 < len(blocks) and blocks[i + 1].kind == "text" and not blocks[i + 1].role:
                blocks[i + 1].role = "note_body"
                end = blocks[i + 1].end
            if last_struct is not None and not point_since_struct:
                parent = last_struct
            elif _OWN_NOTE.match(txt) and B.top("article") is not None:
                parent = B.top("article")       # «Примечание.» ending an article is the article's
            else:
                parent = B.top("point", "article", "chapter", "subchapter", "section", "appendix")
            # a footnote names what it annotates (`Сноска. Статья 6 …`, `Ескерту. 6-бапқа …`)
            parent = note_subject(txt, doc.language, B) or parent
            B.add("note", b.start, end, parent=parent)
            continue
        nxt = _next_content(blocks, i)
        if kind in _HEADS and table_row(b, t):
            # a table's row is a row, never a chapter: «I. Доходы\t9 876 543» of a budget's appendix
            # («I. Кірістер\t…») opens no chapter of the rows below it
            kind, num = "text", None
        if kind in ("section", "chapter", "article", "rchapter", "paragraph_head"):
            k = {"rchapter": "chapter", "paragraph_head": "subchapter"}.get(kind, kind)
            u = B.add(k, b.start, b.end, number=num, heading=b.head, level=LEVEL[k])
            if kind == "paragraph_head":
                u.label = P.PARAGRAPH_LABEL["kk" if doc.language == "kk" else "ru"].format(n=num)
            last_struct, point_since_struct, seen_numbered = u, False, True
            continue
        if kind == "dotted":
            first = num.split(".")[0]
            is_head = _heading_like(b, t) and nxt is not None and (
                nxt.kind in ("point", "section", "chapter", "article")
                or (nxt.kind == "dotted" and nxt.num.count(".") > num.count(".")))
            if is_head:
                ch = B.top("chapter")
                if ch is not None and ch.number == first:
                    u = B.add("subchapter", b.start, b.end, number=num, heading=b.head, level=LEVEL["subchapter"])
                else:
                    u = B.add("chapter", b.start, b.end, number=num, heading=b.head, level=LEVEL["chapter"])
                last_struct, point_since_struct, seen_numbered = u, False, True
                continue
            B.add("point", b.start, b.end, number=num, level=LEVEL["point"])
            point_since_struct, seen_numbered = True, True
            continue
        if kind == "rpoint":
            B.add("point", b.start, b.end, number=num, level=LEVEL["point"])
            point_since_struct, seen_numbered = True, True
            continue
        if kind == "point":
            n = _int(num)
            last = last_point.get(B.part, 0)
            fits = n == last + 1 or (n == last and "-" in num)
            is_head = False
            if _heading_like(b, t, 260 if (n is not None and n <= last and not fits) else 130) and B.top("article") is None:
                nxt_num = _int(nxt.num) if nxt is not None and nxt.kind == "point" else None
                if n is not None and n <= last and not fits:         # numbering goes back: a heading
                    is_head = True
                elif nxt_num is not None and nxt_num == n and "-" not in nxt.num and not (fits and txt[-1] == "."):
                    # `1. Общие положения` / `1. Настоящий…`
                    is_head = True
                elif nxt is not None and nxt.kind == "dotted" and nxt.num.split(".")[0] == num:
                    is_head = True
                elif (last == 0 and txt[-1] != "." and len(b.head.split()) <= 5 and nxt_num == (n or 0) + 1
                      and _UPPER_START.match(b.head or "x")):         # title of chapter 1, point 1 unnumbered
                    is_head = True
            if is_head:
                u = B.add("chapter", b.start, b.end, number=num, heading=b.head, level=LEVEL["chapter"])
                last_struct, point_since_struct, seen_numbered = u, False, True
                continue
            B.add("point", b.start, b.end, number=num, level=LEVEL["point"])
            if n is not None:
                last_point[B.part] = n
            point_since_struct, seen_numbered = True, True
            continue
        if kind == "subpoint":
            parent_kinds = ("point", "article", "subchapter", "chapter", "section", "appendix")
            while B.stack and B.stack[-1].kind == "subpoint":
                B.stack.pop()
            parent = B.top(*parent_kinds)
            B.n += 1
            u = Unit(id=f"tmp{B.n}", document_id=doc.id, kind="subpoint", start=b.start, end=b.end, label="",
                     parent_id=parent.id if parent else None, number=num, part=B.part, ordinal=len(B.units))
            B.units.append(u)
            B.stack.append(u)
            continue
        # unnumbered text
        if table_row(b, t) and _table_header(blocks, i, t):
            B.add("heading", b.start, b.end, heading=" ".join(txt.split()),
                  parent=B.top("point", "article", "subchapter", "chapter", "section", "appendix"))
            continue
        if B.part == 0 and _CODE_PART.fullmatch(" ".join(txt.split())):
            while B.stack:                    # «ОСОБЕННАЯ ЧАСТЬ»: the article before it ends here
                B.stack.pop()
            B.add("heading", b.start, b.end, heading=" ".join(txt.split()))
            continue
        owner = B.top("point", "article")
        if owner is not None:
            para_count[owner.id] = para_count.get(owner.id, 1) + 1
            B.add("part", b.start, b.end, number=None, parent=owner)
        elif not seen_numbered and B.part == 0:
            pub = _publication_note(blocks, i, t)
            if pub is not None:               # `Подлежит опубликованию …` written without Markdown quotes
                for k in range(i + 1, pub + 1):
                    blocks[k].role = "note_body"
                B.add("note", b.start, blocks[pub].end, parent=None)
                continue
            if quoted and _on_lines(t, b.start, b.end, quoted):
                prev = B.units[-1] if B.units else None
                if prev is not None and prev.kind == "note" and prev.parent_id is None \
                        and _on_lines(t, prev.end, b.start, quoted):
                    prev.end = b.end          # the next line of the same quote
                else:
                    B.add("note", b.start, b.end, parent=None)
                continue
            B.add("preamble", b.start, b.end)
        else:
            parent = B.top("subchapter", "chapter", "section", "appendix")
            B.add("paragraph", b.start, b.end, parent=parent)
    return B.units


_PUB_RU = re.compile(P.PUBLICATION_NOTE["ru"])
_PUB_KK = re.compile(P.PUBLICATION_NOTE["kk"])


def _publication_note(blocks: list[Block], i: int, t: str) -> Optional[int]:
    """The last block of the publication note opening at block ``i`` (short lines with no blank
    line between them: RU opens with «Подлежит опубликованию», KK ends with «жариялануға тиіс»), or None."""
    j = i
    while j + 1 < len(blocks) and j < i + 5 and not blocks[j + 1].blank_before and blocks[j + 1].kind == "text" \
            and _short(blocks[j + 1], t, 80):
        j += 1
    if not _short(blocks[i], t, 80):
        return None
    if _PUB_RU.match(blocks[i].text(t)):
        return j
    for k in range(i, j + 1):
        if _PUB_KK.fullmatch(t[blocks[i].start:blocks[k].end]):
            return k
    return None


def _table_header(blocks: list[Block], i: int, t: str) -> bool:
    """The first row of a table, rows after it, and no number in its cells («№\tВид
    водопользования\tЕдиницы измерения\tСтавки платы»): the columns' names, a heading of the table
    (its rows are provisions: ``table_row``)."""
    if i > 0 and table_row(blocks[i - 1], t) or i + 1 >= len(blocks) or not table_row(blocks[i + 1], t):
        return False
    return not re.search(r"\d", blocks[i].text(t).replace("№", ""))


def _ends_sentence(t: str, b: Block) -> bool:
    return t[b.end - 1] in ".;:"

