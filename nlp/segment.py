"""Document text -> structural units (points, chapters, articles, notes, appendices...).

Works on lines, because line structure is the only structure the sources keep reliably:
1. cut the text into lines and merge continuation lines (a wrapped line starts in lower case)
   into *blocks*;
2. give each block a token from the grammar of ``nlp.patterns`` (point, dotted, subpoint...);
3. decide what is ambiguous from context — ``N. Title`` is a chapter heading when it is short
   and does not continue the point sequence, because regulations number points continuously
   under their own numbered headings;
4. build the tree with a stack of open units, then ids, labels and spans.

Coursework and government replies have no numbered provisions: they get their own small
builders (table of contents, headings, paragraphs, bibliography; address, topics, signature).
Never raises on odd text: anything unrecognised becomes a paragraph.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from maslihat.core.ids import assign_unit_ids
from maslihat.core.model import Document, Unit
from maslihat.nlp import patterns as P

LEVEL = {"appendix": 0, "section": 1, "chapter": 2, "subchapter": 3, "article": 4, "point": 5, "subpoint": 6}


def _any(pats):
    return re.compile("(?:" + "|".join(f"(?:{p})" for p in pats) + ")")


_NOTE = {lang: re.compile(r"(?:" + "|".join(P.NOTE_MARKERS["ru"] + P.NOTE_MARKERS["kk"]) + ")") for lang in ("ru", "kk")}
_NOTE_ALONE = re.compile(P.NOTE_ALONE)
_SECTION = [re.compile(p) for p in P.SECTION_LINE]
_CHAPTER = [re.compile(p) for p in P.CHAPTER_LINE]
_ARTICLE = [re.compile(p) for p in P.ARTICLE_LINE]
_RCHAPTER = re.compile(P.ROMAN_CHAPTER_LINE)
_RPOINT = re.compile(P.ROMAN_POINT_LINE)
_DOTTED = re.compile(P.DOTTED_LINE)
_POINT = re.compile(P.POINT_LINE)
_SUBPOINT = re.compile(P.SUBPOINT_LINE)
_APP_START = _any(P.APPENDIX_START)
_APP_END = _any(P.APPENDIX_END)
_NAME = re.compile(P.NAME_LINE)
_OPERATIVE = re.compile(P.OPERATIVE)
_TOC = re.compile(P.TOC_HEAD)
_BIBLIO = re.compile(P.BIBLIO_HEAD)
_CW_HEAD = re.compile(P.COURSEWORK_HEADINGS)
_PAGE_RANGE = re.compile(r"(?<![\d.])\d{1,3}\s*[-–]\s*\d{1,3}(?![\d.])")
_PAGE_NO = re.compile(r"\d{1,3}\s*[-–]\s*\d{1,3}|\s\d{1,3}\s*$")
_LOWER_START = re.compile(rf"[{P.LO}]")
_UPPER_START = re.compile(rf"[«\"“(]?[{P.UP}]")


@dataclass
class Block:
    start: int                 # offset of the first non-space character
    end: int                   # offset after the last non-space character
    lines: list = field(default_factory=list)   # (start, end) of each line's content
    blank_before: bool = False
    kind: str = "text"         # token: text, note, section, chapter, article, rchapter, rpoint, dotted, point, subpoint
    num: Optional[str] = None
    head: str = ""
    role: str = ""             # decided later: appendix_caption, signature, title...

    def text(self, t: str) -> str:
        return t[self.start:self.end]

    def first_line(self, t: str) -> str:
        s, e = self.lines[0]
        return t[s:e]


# --- 1. lines and blocks --------------------------------------------------------------------------

def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of the content of every line; (s, s) for a blank line."""
    out, pos = [], 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        stripped = body.strip()
        if stripped:
            s = pos + (len(body) - len(body.lstrip()))
            out.append((s, s + len(stripped)))
        else:
            out.append((pos, pos))
        pos += len(raw)
    return out


def _tokenize(line: str) -> tuple[str, Optional[str], str]:
    """The grammar token of one line: (kind, number as written, rest of the line)."""
    if _NOTE["ru"].match(line):
        return "note", None, line
    for kind, pats in (("section", _SECTION), ("chapter", _CHAPTER), ("article", _ARTICLE)):
        for rx in pats:
            m = rx.match(line)
            if m:
                return kind, m.group("num"), m.group("head").strip()
    m = _RPOINT.match(line)
    if m and re.match(rf"{P.ROMAN}\s?\.\s?\d", line):
        return "rpoint", re.sub(r"\s", "", m.group("num")), m.group("head").strip()
    m = _RCHAPTER.match(line)
    if m:
        return "rchapter", m.group("num"), m.group("head").strip()
    m = _DOTTED.match(line)
    if m and not re.match(r"\d{1,2}\.\d{1,2}\.\d{2,4}", line):
        return "dotted", re.sub(r"\s", "", m.group("num")), m.group("head").strip()
    m = _POINT.match(line)
    if m:
        return "point", m.group("num"), m.group("head").strip()
    m = _SUBPOINT.match(line)
    if m and (m.group("num")[0].isdigit() or m.group("head")):
        return "subpoint", m.group("num"), m.group("head").strip()
    return "text", None, line


def _blocks(text: str) -> list[Block]:
    """Lines -> blocks: a line that starts in lower case after an unfinished line continues it."""
    blocks: list[Block] = []
    blank = False
    for s, e in _lines(text):
        if s == e:
            blank = True
            continue
        line = text[s:e]
        kind, num, head = _tokenize(line)
        prev = blocks[-1] if blocks else None
        if (prev is not None and kind == "text" and _LOWER_START.match(line)
                and not text[prev.end - 1] in ".;!?:" and prev.kind not in ("note",)
                and not (blank and prev.kind in ("chapter", "section", "article", "rchapter"))):
            prev.lines.append((s, e))
            prev.end = e
        else:
            blocks.append(Block(s, e, [(s, e)], blank, kind, num, head))
        blank = False
    return blocks


# --- 2. roles of blocks: captions, signatures, title ----------------------------------------------

def _short(b: Block, t: str, n: int = 80) -> bool:
    return all(e - s <= n for s, e in b.lines) and b.end - b.start <= 2 * n


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
                    or _APP_END.match(pt) or _APP_START.match(pt)):
                break
            p.role = "signature"
            j -= 1
            steps += 1


def _mark_captions(blocks: list[Block], t: str) -> None:
    """Appendix captions: `Приложение … к решению …` / `… шешіміне қосымша`, `Утвержден …` / `… бекітілген`."""
    i = 0
    while i < len(blocks):
        b = blocks[i]
        bt = b.text(t)
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
                    if p.kind != "text" or not _short(p, t, 80) or p.role == "signature" or p.text(t)[-1] in ".;:":
                        break
                    p.role = "caption"
                    j -= 1
        i += 1


# --- 3. the act builder ---------------------------------------------------------------------------

class _Builder:
    """Collects units with temporary ids and parent links while walking blocks."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.units: list[Unit] = []
        self.stack: list[Unit] = []
        self.part = 0
        self.n = 0

    def add(self, kind: str, b_start: int, b_end: int, number=None, heading=None, parent: Optional[Unit] = None,
            level: Optional[int] = None) -> Unit:
        self.n += 1
        if level is not None:
            while self.stack and LEVEL[self.stack[-1].kind] >= level:
                self.stack.pop()
            parent = self.stack[-1] if self.stack else None
        u = Unit(id=f"tmp{self.n}", document_id=self.doc.id, kind=kind, start=b_start, end=b_end, label="",
                 parent_id=parent.id if parent else None, number=number, heading=heading or None,
                 part=self.part, ordinal=len(self.units))
        self.units.append(u)
        if level is not None:
            self.stack.append(u)
        return u

    def top(self, *kinds) -> Optional[Unit]:
        for u in reversed(self.stack):
            if u.kind in kinds:
                return u
        return None


def _int(num: Optional[str]) -> Optional[int]:
    m = re.match(r"\d+", num or "")
    return int(m.group(0)) if m else None


def _next_content(blocks: list[Block], i: int) -> Optional[Block]:
    for k in range(i + 1, len(blocks)):          # by index: a slice per block is quadratic
        b = blocks[k]
        if b.kind != "note" and b.role not in ("note_body",):
            return b
    return None


def _heading_like(b: Block, t: str, limit: int = 130) -> bool:
    txt = b.text(t)
    return len(b.lines) == 1 and len(txt) <= limit and txt[-1] not in ";:,"


def _build_act(doc: Document, blocks: list[Block]) -> list[Unit]:
    t = doc.text
    B = _Builder(doc)
    last_point: dict[int, int] = {}
    seen_numbered = False
    last_struct: Optional[Unit] = None       # last heading-level unit opened (note attachment)
    point_since_struct = False
    para_count: dict[str, int] = {}

    for i, b in enumerate(blocks):
        txt = b.text(t)
        if b.role == "note_body":
            continue
        # title: the first block of the document
        if i == 0 and b.kind == "text" and len(txt) <= 400:
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
                    and k < i + 8:
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
        if kind == "note":
            end = b.end
            if _NOTE_ALONE.match(txt) and i + 1 < len(blocks) and blocks[i + 1].kind == "text" and not blocks[i + 1].role:
                blocks[i + 1].role = "note_body"
                end = blocks[i + 1].end
            if last_struct is not None and not point_since_struct:
                parent = last_struct
            else:
                parent = B.top("point", "article", "chapter", "subchapter", "section", "appendix")
            B.add("note", b.start, end, parent=parent)
            continue
        nxt = _next_content(blocks, i)
        if kind in ("section", "chapter", "article", "rchapter"):
            k = {"rchapter": "chapter"}.get(kind, kind)
            u = B.add(k, b.start, b.end, number=num, heading=b.head, level=LEVEL[k])
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
                elif nxt_num is not None and nxt_num == n and not (fits and txt[-1] == "."):
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
        owner = B.top("point", "article")
        if owner is not None:
            para_count[owner.id] = para_count.get(owner.id, 1) + 1
            B.add("part", b.start, b.end, number=None, parent=owner)
        elif not seen_numbered and B.part == 0:
            B.add("preamble", b.start, b.end)
        else:
            parent = B.top("subchapter", "chapter", "section", "appendix")
            B.add("paragraph", b.start, b.end, parent=parent)
    return B.units


def _ends_sentence(t: str, b: Block) -> bool:
    return t[b.end - 1] in ".;:"


# --- coursework and government replies ----------------------------------------------------------

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


def _build_coursework(doc: Document, blocks: list[Block]) -> list[Unit]:
    t = doc.text
    B = _Builder(doc)
    heading: Optional[Unit] = None
    in_biblio = False
    i = 0
    # table of contents: an explicit `Мазмұны` or a plan of numbered headings at the very top
    if blocks:
        first = blocks[0].text(t)
        plan = [b for b in blocks[:5] if len(b.text(t)) <= 400 and re.search(r"(?<!\d)\d\.\d(?!\d)", b.text(t))]
        if _TOC.match(first):
            end = blocks[0].end
            i = 1
            while i < len(blocks) and i < 40:
                bt = blocks[i].text(t)
                nxt = blocks[min(i + 1, len(blocks) - 1)].text(t)
                if (_PAGE_NO.search(bt) and len(bt) < 2000) or (len(bt) <= 120 and not bt.endswith(".")
                                                              and _PAGE_NO.search(nxt)):
                    end = blocks[i].end
                    # the text may start on the line of the last entry (`… ӘДЕБИЕТТЕР 58-59 1995 жылы …`)
                    pages = list(_PAGE_RANGE.finditer(bt))
                    if pages and len(" ".join(bt[pages[-1].end():].split())) > 150:
                        end = blocks[i].start + pages[-1].end()
                        tail_start = end + len(bt[pages[-1].end():]) - len(bt[pages[-1].end():].lstrip())
                        blocks[i] = Block(tail_start, blocks[i].end, [(tail_start, blocks[i].end)], False)
                        break
                    i += 1
                else:
                    break
            B.add("toc", blocks[0].start, end, heading=first.split()[0])
        elif plan and plan[0] is blocks[0]:
            # a plan of numbered headings at the very top (`1. Кіріспе бөлім: 1.1 …`)
            while i < len(blocks) and i < 5 and blocks[i] in plan:
                i += 1
            B.add("toc", blocks[0].start, blocks[i - 1].end, heading="plan")
    n_bib = 0
    for bi, b in enumerate(blocks[i:], start=i):       # bi: the index of b (block starts are distinct)
        bt = b.text(t)
        bm = _BIBLIO.match(bt)
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
            if _BIBLIO.match(bt):
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


# --- 4. ids, labels, spans -----------------------------------------------------------------------

def _labels(units: list[Unit], lang: str) -> None:
    """Human citations, built from each unit's chain of parents (before ids are rewritten)."""
    L = P.LABELS["kk" if lang == "kk" else "ru"]
    by_id = {u.id: u for u in units}
    nth: dict[tuple, int] = {}

    def anc(u, kind):
        p = by_id.get(u.parent_id)
        while p is not None:
            if p.kind == kind:
                return p
            p = by_id.get(p.parent_id)
        return None

    for u in units:
        key = (u.parent_id, u.kind)
        nth[key] = nth.get(key, 0) + 1
        n = u.number or str(nth[key])
        own = L.get(u.kind, u.kind).format(n=n)
        art, pt = anc(u, "article"), anc(u, "point")
        parent = by_id.get(u.parent_id)
        if lang == "kk":
            if u.kind == "point" and art:
                own = f"{P.KK_GENITIVE['article'].format(n=art.number)} {P.KK_POSSESSIVE['point'].format(n=n)}"
            elif u.kind == "subpoint" and pt:
                chain = f"{P.KK_GENITIVE['article'].format(n=art.number)} " if art else ""
                own = f"{chain}{P.KK_GENITIVE['point'].format(n=pt.number)} {P.KK_POSSESSIVE['subpoint'].format(n=n)}"
            elif u.kind == "subpoint" and art:
                own = f"{P.KK_GENITIVE['article'].format(n=art.number)} {P.KK_POSSESSIVE['subpoint'].format(n=n)}"
            elif u.kind in ("part", "note") and parent is not None and parent.label:
                own = f"{parent.label}, {own}"
        else:
            if u.kind == "point" and art:
                own = f"{art.label} {own}"
            elif u.kind == "subpoint" and pt:
                own = f"{pt.label} {own}" if art else f"{own} {pt.label}"
            elif u.kind == "subpoint" and art:
                own = f"{art.label} {own}"
            elif u.kind in ("part", "note") and parent is not None and parent.label:
                own = f"{parent.label} {own}" if u.kind == "part" else f"{own} ({parent.label})"
        u.label = own


def _finish(doc: Document, units: list[Unit]) -> list[Unit]:
    by_id = {u.id: u for u in units}
    for u in reversed(units):            # children included in their parents' spans
        p = by_id.get(u.parent_id)
        if p is not None:
            p.end = max(p.end, u.end)
            p.start = min(p.start, u.start)
    for u in units:                      # an appendix runs to the next appendix / end of text
        if u.kind == "appendix":
            nxt = [v.start for v in units if v.kind == "appendix" and v.start > u.start]
            u.end = max(u.end, (min(nxt) if nxt else len(doc.text.rstrip())))
    for k, u in enumerate(units):
        u.ordinal = k
    _labels(units, doc.language)
    assign_unit_ids(doc.id, units)
    return units


def segment(doc: Document) -> list[Unit]:
    """Units of ``doc`` in document order, ids assigned, spans including children."""
    text = doc.text or ""
    if not text.strip():
        return []
    blocks = _blocks(text)
    if not blocks:
        return []
    try:
        if doc.doc_type == "coursework":
            units = _build_coursework(doc, blocks)
        elif doc.doc_type == "government_reply":
            _mark_signatures(blocks, text)
            units = _build_reply(doc, blocks)
        else:
            _mark_signatures(blocks, text)
            _mark_captions(blocks, text)
            units = _build_act(doc, blocks)
    except Exception:                    # never lose a document to a grammar bug: fall back to paragraphs
        B = _Builder(doc)
        for b in blocks:
            B.add("paragraph", b.start, b.end)
        units = B.units
    return _finish(doc, units)
