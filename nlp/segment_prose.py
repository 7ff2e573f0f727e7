"""Builders of texts without numbered provisions: coursework (contents, headings, paragraphs,
bibliography) and government replies (address, topics, signature).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from maslihat.core.model import Document, Unit
from maslihat.nlp import patterns as P

from maslihat.nlp.segment_blocks import Block, _Builder, _short, _BIBLIO, _CW_HEAD, _NAME, _PAGE_NO, _PAGE_RANGE, _TOC, _UPPER_START

_UPPER_RUN = re.compile(rf"[{P.UP}0-9][{P.UP}0-9\s,\-–«»\"()]{{10,}}(?<=[{P.UP}»)])")
_NUM_HEAD = re.compile(r"(\d{1,2}(?:\.\d{1,2})+)\.?\s+(?=\S)")
_CAMEL = re.compile(rf"[{P.LO}][{P.UP}]")
_PERIOD_GLUED = re.compile(rf"([^.!?:;\n]{{3,90}}?)\.(?=[{P.UP}\d])")


def _predicate_final(phrase: str, lang: str) -> bool:
    words = [w.lower() for w in re.findall(rf"[{P.LETTER}]+", phrase)]
    if not words:
        return False
    if lang == "kk":                     # Kazakh is verb-final
        return bool(re.search(f"{P.PREDICATE_END['kk']}$", words[-1]))
    return any(len(w) >= 5 and re.search(f"{P.PREDICATE_END['ru']}$", w) for w in words)


def _glued_headings(bt: str, lang: str) -> list[tuple[int, int, Optional[str]]]:
    """Headings glued to the front of a paragraph, as (start, end, number) relative to the block:
    `ҚАЗАҚСТАН … БАСҚАРУ  1.1   Қазақстан … құрылысыЖергілікті мемлекеттік …` (an upper-case
    chapter title, a numbered title, then text with no space or stop between title and text),
    `Жергілікті өкілді және атқарушы органдар.1995 жылғы …` (a noun phrase and a glued full stop)."""
    out: list[tuple[int, int, Optional[str]]] = []
    p = len(bt) - len(bt.lstrip())
    for _ in range(3):
        rest = bt[p:]
        num = None
        m = _NUM_HEAD.match(rest)
        body = m.end() if m else 0
        if m:
            num = m.group(1)
        up = _UPPER_RUN.match(rest, body)
        if up and len(up.group(0).split()) >= 2 and not m:
            e = up.end()
            out.append((p, p + e, None))
            p += e + (len(rest[e:]) - len(rest[e:].lstrip()))
            continue
        cm = _CAMEL.search(rest, body, body + 200)
        if cm and not re.search(r"[.!?:;]", rest[body:cm.start() + 1]) and len(rest[body:cm.start() + 1].split()) <= 16:
            e = cm.start() + 1
            out.append((p, p + e, num))
            p += e
            continue
        pm = _PERIOD_GLUED.match(rest, body)
        if pm and len(pm.group(1).split()) <= 8 and _UPPER_START.match(pm.group(1).strip() or "x") \
                and not _predicate_final(pm.group(1), lang):
            e = pm.end(1)
            out.append((p, p + e, num))
            p = p + pm.end()
            continue
        break
    return out


def _heading_block(b: Block, t: str, nxt: Optional[Block], lang: str) -> bool:
    """A whole block that is a heading: short, no final stop, and an announced title, a number,
    capitals, or a noun phrase (no predicate) followed by a longer paragraph."""
    bt = b.text(t)
    if not (_short(b, t, 130) and bt[-1] not in ".;:,"):
        return False
    if _CW_HEAD.match(bt) or re.match(r"\d+(?:\.\d+)*\.?\s+\S", bt) or (bt.upper() == bt and re.search(rf"[{P.UP}]", bt)):
        return True
    words = bt.split()
    return (len(words) <= 6 and _UPPER_START.match(bt) is not None and not _predicate_final(bt, lang)
            and nxt is not None and nxt.end - nxt.start > 2 * len(bt) and not re.match(r"[-–·•\d]", bt))


TITLE_PAGE_BLOCKS = 30      # a contents list may follow a title page of at most this many blocks


def _toc_end(blocks: list[Block], t: str, at: int) -> tuple[int, int]:
    """(index of the first block after the contents list that opens at block ``at``, its end offset):
    entries end with a page number (`… 5`, `3-4`); the text may start on the last entry's line
    (`… ӘДЕБИЕТТЕР 58-59 1995 жылы …`), then that block is cut there."""
    end = blocks[at].end
    i = at + 1
    while i < len(blocks) and i < at + 40:
        bt = blocks[i].text(t)
        nxt = blocks[min(i + 1, len(blocks) - 1)].text(t)
        if (_PAGE_NO.search(bt) and len(bt) < 2000) or (len(bt) <= 120 and not bt.endswith(".")
                                                      and _PAGE_NO.search(nxt)):
            end = blocks[i].end
            pages = list(_PAGE_RANGE.finditer(bt))
            if pages and len(" ".join(bt[pages[-1].end():].split())) > 150:
                end = blocks[i].start + pages[-1].end()
                tail_start = end + len(bt[pages[-1].end():]) - len(bt[pages[-1].end():].lstrip())
                blocks[i] = Block(tail_start, blocks[i].end, [(tail_start, blocks[i].end)], False)
                break
            i += 1
        else:
            break
    return i, end


def _build_coursework(doc: Document, blocks: list[Block]) -> list[Unit]:
    t = doc.text
    B = _Builder(doc)
    heading: Optional[Unit] = None
    in_biblio = False
    i = 0
    toc: Optional[tuple[int, int, int]] = None      # (first block, block after it, end offset) of a later contents list
    # table of contents: an explicit `Мазмұны` or a plan of numbered headings at the very top
    if blocks:
        first = blocks[0].text(t)
        plan = [b for b in blocks[:5] if len(b.text(t)) <= 400 and re.search(r"(?<!\d)\d\.\d(?!\d)", b.text(t))]
        if _TOC.match(first):
            i, end = _toc_end(blocks, t, 0)
            B.add("toc", blocks[0].start, end, heading=first.split()[0])
        elif plan and plan[0] is blocks[0]:
            # a plan of numbered headings at the very top (`1. Кіріспе бөлім: 1.1 …`)
            while i < len(blocks) and i < 5 and blocks[i] in plan:
                i += 1
            B.add("toc", blocks[0].start, blocks[i - 1].end, heading="plan")
        else:
            # a title page first (ministry, university, «КУРСОВАЯ РАБОТА», the topic, the author), then
            # `СОДЕРЖАНИЕ`: its entries (`Список использованной литературы 24`) are no headings of the text
            at = next((k for k in range(1, min(len(blocks), TITLE_PAGE_BLOCKS))
                       if _TOC.match(blocks[k].text(t)) and len(blocks[k].text(t)) <= 2000), None)
            if at is not None:
                after, end = _toc_end(blocks, t, at)
                if after > at + 1:
                    toc = (at, after, end)
    # the bibliography opens at the last heading that names it: an earlier one is an entry of the contents
    bib_at = max((k for k in range(i, len(blocks)) if _BIBLIO.match(blocks[k].text(t))
                  and not (toc and toc[0] <= k < toc[1])), default=None)
    n_bib = 0
    for bi, b in enumerate(blocks[i:], start=i):       # bi: the index of b (block starts are distinct)
        if toc and toc[0] <= bi < toc[1]:
            if bi == toc[0]:
                B.add("toc", b.start, toc[2], heading=b.text(t).split()[0])
            continue
        bt = b.text(t)
        bm = _BIBLIO.match(bt) if bi == bib_at else None
        off = 0
        if bm:
            # the heading, alone or with the first entries glued after it (`Қолданылған әдебиеттер 1. …`)
            heading = B.add("heading", b.start, b.start + bm.end(), heading=" ".join(bm.group(0).split()))
            in_biblio = True
            off = bm.end() + len(bt[bm.end():]) - len(bt[bm.end():].lstrip(" :.\n"))
            if off >= len(bt):
                continue
        elif in_biblio and re.match(r"(?:Қосымша|ҚОСЫМША|Приложение|ПРИЛОЖЕНИЕ)\b", bt):
            in_biblio = False
        if in_biblio:
            # one entry per block (wrapped lines are already joined), or numbered entries glued together
            for ls, le in [(b.start, b.end)]:
                ls = max(ls, b.start + off)
                if le <= ls:
                    continue
                line = t[ls:le]
                cuts = [m.start() for m in re.finditer(r"(?:(?<=\s)|^)\d{1,3}\s?[.)]\s+(?=[^\d\s])", line)] or [0]
                if cuts[0] != 0 and line[:cuts[0]].strip():
                    cuts = [0] + cuts
                for k, c in enumerate(cuts):
                    e = cuts[k + 1] if k + 1 < len(cuts) else len(line)
                    seg = line[c:e].rstrip()
                    if seg.strip():
                        n_bib += 1
                        B.add("bibliography_entry", ls + c, ls + c + len(seg), number=str(n_bib), parent=heading)
            continue
        nxt = blocks[bi + 1] if bi + 1 < len(blocks) else None
        if _heading_block(b, t, nxt, doc.language):
            heading = B.add("heading", b.start, b.end, number=(re.match(r"\d+(?:\.\d+)*", bt) or [None])[0],
                            heading=" ".join(bt.strip(" -–").split()))
            if bi == bib_at and _BIBLIO.match(bt):
                in_biblio = True
            continue
        pos = 0
        for hs, he, num in _glued_headings(bt, doc.language):
            heading = B.add("heading", b.start + hs, b.start + he, number=num, heading=" ".join(bt[hs:he].split()))
            pos = he
        rest = bt[pos:]
        lead = len(rest) - len(rest.lstrip(" .\n"))
        if rest.strip(" .\n"):
            B.add("paragraph", b.start + pos + lead, b.end, parent=heading)
    return B.units


def _build_reply(doc: Document, blocks: list[Block]) -> list[Unit]:
    t = doc.text
    B = _Builder(doc)
    heading: Optional[Unit] = None
    k = 0
    for k, b in enumerate(blocks):
        if re.match(r"(?:Құрметті|Уважаем)", b.text(t)):
            break
    else:
        k = 0
    if k:
        B.add("preamble", blocks[0].start, blocks[k - 1].end, heading="address")
    for i, b in enumerate(blocks[k:], start=k):
        bt = b.text(t)
        if b.role == "signature" or (_NAME.match(bt) and len(bt) < 60):
            if B.units and B.units[-1].kind == "signature":
                B.units[-1].end = b.end
            else:
                B.add("signature", b.start, b.end)
            continue
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if (len(b.lines) == 1 and len(bt) <= 110 and bt[-1] not in ".:;!,?" and _UPPER_START.match(bt)
                and nxt is not None and _UPPER_START.match(nxt.text(t))):
            heading = B.add("heading", b.start, b.end, heading=" ".join(bt.split()))
            continue
        B.add("paragraph", b.start, b.end, parent=heading)
    return B.units


