"""Shared machinery of segmentation: lines -> blocks with grammar tokens, and the unit builder.

Every builder (acts and laws, coursework, replies) walks the same blocks; this module knows
the line grammar of ``nlp.patterns`` and nothing about any one kind of text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from maslihat.core import grammar as G
from maslihat.core.model import Document, Unit
from maslihat.core.wrapped import MID_SENTENCE, cut_at_width, wrap_width
from maslihat.nlp import patterns as P

LEVEL = {"appendix": 0, "section": 1, "chapter": 2, "subchapter": 3, "article": 4, "point": 5, "subpoint": 6}

def _any(pats):
    return re.compile("(?:" + "|".join(f"(?:{p})" for p in pats) + ")")


_NOTE = {lang: re.compile(r"(?:" + "|".join(P.NOTE_MARKERS["ru"] + P.NOTE_MARKERS["kk"]) + ")") for lang in ("ru", "kk")}
_NOTE_ALONE = re.compile(P.NOTE_ALONE)
_MD_MARK = re.compile(r"(?:#{1,6}\s+|>\s*\**|\*(?=\S))")
_SECTION = [re.compile(p) for p in P.SECTION_LINE]
_CHAPTER = [re.compile(p) for p in P.CHAPTER_LINE]
_ARTICLE = [re.compile(p) for p in P.ARTICLE_LINE]
_PARAGRAPH = [re.compile(p) for p in P.PARAGRAPH_LINE]
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
    kind, num, head = _tokenize_raw(line)
    if num is not None and "–" in num:          # `Статья 10–1.` typeset with an en dash: article 10-1
        num = num.replace("–", "-")
    return kind, num, head


def _tokenize_raw(line: str) -> tuple[str, Optional[str], str]:
    """The grammar token of one line: (kind, number as written, rest of the line).

    Markdown the reader left in place (an indented ``    #### 5.4 Title``, a ``> *Сноска. …*`` quote)
    is a structure hint, not text: the marker is skipped and the rest tokenized."""
    m = _MD_MARK.match(line)
    if m:
        line = line[m.end():]
    if _NOTE["ru"].match(line):
        return "note", None, line
    for kind, pats in (("section", _SECTION), ("chapter", _CHAPTER), ("article", _ARTICLE),
                       ("paragraph_head", _PARAGRAPH)):
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
    """Lines -> blocks: a line that starts in lower case after an unfinished line continues it; in a
    text hard-wrapped at a fixed width (``core.wrapped``), so does any line that opens no unit after a
    line cut at the width."""
    blocks: list[Block] = []
    blank = False
    lines = _lines(text)
    width = wrap_width(e - _bol(text, s) for s, e in lines if e > s)
    spaced = bool(width) and _spaced(text, lines, width)
    for s, e in lines:
        if s == e:
            blank = True
            continue
        line = text[s:e]
        kind, num, head = _tokenize(line)
        prev = blocks[-1] if blocks else None
        if len(blocks) > 1 and not blank and (_wrapped_on(text, prev, line, kind)      # never the title
                                              or width and _cut_on(text, prev, line, kind, head, width, spaced)):
            _join(text, prev, s, e, width)
        elif (prev is not None and kind == "text" and _LOWER_START.match(line)
                and not text[prev.end - 1] in ".;!?:" and (prev.kind != "note" or not blank)
                and not (blank and prev.kind in ("chapter", "section", "article", "rchapter"))):
            _join(text, prev, s, e, width)
        else:
            blocks.append(Block(s, e, [(s, e)], blank, kind, num, head))
        blank = False
    return _split_title_heading(text, blocks)


_FIRST, _SECOND = {"1", "I", "І"}, {"2", "II", "ІІ"}
_FIRST_HEADS = ("section", "chapter", "rchapter", "point")
_SHORT_HEAD = 12                  # words of a heading («Общие положения», «Жұмысты жоспарлау»)
_TITLE_LINE = 250                 # characters of a line holding a title and a first heading
# where a first heading may start inside a line: «1.», «I.», «1-тарау», or a word then 1 («Глава 1.»)
_FIRST_AT = re.compile(r"\s(?=(?:[^\W\d_]+\s+)?[1IІ](?![\dIІ]))")


def _short_head(head: str) -> bool:
    return bool(head) and head[-1] not in ".;:," and len(head.split()) <= _SHORT_HEAD and \
        bool(_UPPER_START.match(head))


def _split_title_heading(text: str, blocks: list[Block]) -> list[Block]:
    """A title and the first numbered heading after it on one line, as some conversions of the
    repositories join them («Регламент акимата Алматинской области 1. Общие положения», the next
    heading «2. Планирование работы» on its own line): two blocks, the title and the first
    heading, so the first chapter is read as the others are and pairs with the other language's.
    Only where a later line opens the same kind of heading at 2 («2. …», «II. …», «Глава 2. …»,
    «2-тарау. …») and the line's start is words, not the heading's own word («Глава 1. …»)."""
    seconds = {b.kind for b in blocks if b.kind in _FIRST_HEADS and b.num in _SECOND
               and len(b.lines) == 1 and _short_head(b.head)}
    if not seconds:
        return blocks
    out: list[Block] = []
    for i, b in enumerate(blocks):
        if b.kind != "text" or len(b.lines) != 1 or b.end - b.start > _TITLE_LINE or "\t" in text[b.start:b.end]:
            out.append(b)
            continue
        line = text[b.start:b.end]
        for m in _FIRST_AT.finditer(line):
            cut = m.end()
            kind, num, head = _tokenize(line[cut:])
            if kind in seconds and num in _FIRST and _short_head(head) \
                    and len(line[:cut].split()) >= 2 and any(
                        x.kind == kind and x.num in _SECOND and _short_head(x.head) for x in blocks[i + 1:]):
                title_end = b.start + len(line[:cut].rstrip())
                out.append(Block(b.start, title_end, [(b.start, title_end)], b.blank_before))
                out.append(Block(b.start + cut, b.end, [(b.start + cut, b.end)], False, kind, num, head))
                break
        else:
            out.append(b)
    return out



_HEADS = ("section", "chapter", "article", "paragraph_head", "rchapter", "rpoint", "dotted")


def _join(text: str, prev: Block, s: int, e: int, width) -> None:
    """Line (s, e) goes on from block ``prev``; a heading cut at the width of a hard-wrapped text
    takes the line into its heading («1-тарау. … оларды мәслихаттың» / «тұрақты комиссияларында …»)."""
    ls, le = prev.lines[-1]
    if width and prev.kind in _HEADS and prev.head and cut_at_width(text[_bol(text, ls):le], text[s:e], width):
        prev.head = prev.head + " " + text[s:e]
    prev.lines.append((s, e))
    prev.end = e


def _bol(text: str, s: int) -> int:
    """The start of the line whose content starts at ``s``, its indent included: a hard-wrapped text
    counts an indented paragraph's indent in its width («    Постоянные комиссии …» cut 4 characters
    earlier than the lines around it)."""
    while s > 0 and text[s - 1] in " \t":
        s -= 1
    return s


WRAPPED_LINE = 70        # characters of a full line of a text hard-wrapped at a fixed width (80 or more)


def _wrapped_on(text: str, prev: Block, line: str, kind: str) -> bool:
    """A line a hard-wrapped text (a PDF's, an e-mail's) cut from the line before it, beginning with a
    digit: the previous line ends in «№» (the number follows: «… 8 августа 2018 года №» / «4782.
    Утратило силу …»), or it is a full line left unfinished and this one goes on with a date or a
    number that opens no unit («… Водного кодекса Республики Казахстан от» / «9 июля 2003 года, …»).
    Not a table's row (tabs), not a note."""
    if "\t" in line or prev.kind in ("note",) or not line[:1].isdigit():
        return False
    s, e = prev.lines[-1]
    last = text[s:e].rstrip()
    if last.endswith(("№", " N")):
        return True
    return kind == "text" and len(last) >= WRAPPED_LINE and last[-1:] not in ".;!?:" and "\t" not in last


_OPENS_UNIT = re.compile(r"[#>|<*]")


def _spaced(text: str, lines: list, width: int) -> bool:
    """A hard-wrapped text whose paragraphs are set apart by blank lines: a line not cut at the width
    (a paragraph's last) is nearly always followed by a blank line (at most one time in five not:
    the title, the requisite, a caption, a signature)."""
    after_blank = not_cut = 0
    for k in range(1, len(lines)):
        (ps, pe), (s, e) = lines[k - 1], lines[k]
        if s == e:
            continue
        if ps == pe:
            after_blank += 1
        elif not cut_at_width(text[_bol(text, ps):pe], text[s:e], width):
            not_cut += 1
    return after_blank >= 5 and not_cut <= 0.2 * after_blank


def _cut_on(text: str, prev: Block, line: str, kind: str, head: str, width: int, spaced: bool = False) -> bool:
    """In a text hard-wrapped at ``width``: ``line`` goes on from the block before it when it opens no
    unit (plain text, no Markdown mark, no table's row) and the block's last line was cut at the width
    in the middle of a sentence, whatever the first letter («… в соответствии с Кодексом Республики» /
    «Казахстан «О налогах …»). A note's and a heading's cut lines take their rest too."""
    if kind not in _GOES_ON or "\t" in line or _OPENS_UNIT.match(line) or table_row(prev, text):
        return False
    s, e = prev.lines[-1]
    last, full = text[s:e], text[_bol(text, s):e]      # full: with its indent, as the width counts it
    if _CITES.search(last) and line[:1].isdigit():
        return cut_at_width(full, line, width)      # «… см. ст.» / «67).»: the article's number, no subpoint 67)
    if kind != "text" and _CODE_ON.match(head):
        return cut_at_width(full, line, width)      # «(СП РК» / «3.02-141-2014).»: a code's rest, no chapter 3.02
    if _ABBREV.search(last) and re.match(rf"[\d{P.LO}]", line):
        return kind == "text" and cut_at_width(full, line, width)      # «… 2004 г., № 5, ст.» / «29; № 13 …»
    if last[-1:] in ".!?;" and spaced and kind == "text" and prev.kind not in _HEADS + ("note",) \
            and not _OPENS_UNIT.match(last):
        # cut at a sentence's or a list item's end: no blank line, the same paragraph («… кодексi;» /
        # «Қазақстан Республикасының шоғырландырылған заңы; …» inside one subpoint)
        return cut_at_width(full, line, width)
    if last[-1:] in ".!?:" or _OPENS_UNIT.match(last) and prev.kind == "text":
        return False
    if last[-1:] == ";" and not (kind == "text" and re.match(rf"[\d{P.LO}]", line)):
        return False            # a list's item ends in «;»: its rest, cut at the width, is in lower case
    if kind != "text" and (prev.kind in _HEADS or not MID_SENTENCE.search(last)):
        return False
    if kind in _HEADS and not _LOWER_START.match(head):
        return False            # «16-бапты қоспағанда, …» read as article 16 headed «ты қоспағанда»
    return cut_at_width(full, line, width)


# a number at a line's start opens a point only after a finished sentence: after a word cut mid-sentence
# it goes on («… в соответствии с подпунктом» / «1-16) пункта 1 статьи 27 …», «… от 13.04.2004 №» / «5-37.»)
_GOES_ON = ("text", "point", "subpoint", "dotted", "article", "chapter", "section")
_ABBREV = re.compile(rf"(?<![{P.LETTER}])[{P.LO}]{{1,3}}\.$")       # ст., г., п., ж.: no sentence's end
_CITES = re.compile(rf"(?<![{P.LETTER}])(?:{'|'.join(sorted({a for lang in G.LANGS for a in G.unit_abbreviations(lang)}, key=lambda a: (-len(a), a)))})\.$")   # a unit's word cut from its number
_CODE_ON = re.compile(r"[-–/]")       # a number going on with a dash or a slash: a code's or a time's rest


def _short(b: Block, t: str, n: int = 80) -> bool:
    return all(e - s <= n for s, e in b.lines) and b.end - b.start <= 2 * n



# --- the builder ------------------------------------------------------------------------------------

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


_DIGITS = re.compile(r"\d+")


def _int(num: Optional[str]) -> Optional[int]:
    m = _DIGITS.match(num or "")
    return int(m.group(0)) if m else None


def _next_content(blocks: list[Block], i: int) -> Optional[Block]:
    for k in range(i + 1, len(blocks)):          # by index: a slice per block is quadratic
        b = blocks[k]
        if b.kind != "note" and b.role not in ("note_body",):
            return b
    return None


def _heading_like(b: Block, t: str, limit: int = 130) -> bool:
    txt = b.text(t)
    return len(b.lines) == 1 and len(txt) <= limit and txt[-1] not in ";:," and not table_row(b, t)


def table_row(b: Block, t: str) -> bool:
    """A row of a table (the readers join a row's cells by tabs): a rate, a route, a column header;
    never the heading of what follows, though it is short and unpunctuated like one («5\tГидроэнергетика
    \tТиын/кВт. час\t7,31» was a heading, and «1.\tФизические лица …» a chapter)."""
    s, e = b.lines[0]
    return "\t" in t[s:e].strip("\t ")

