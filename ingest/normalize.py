"""Text normalisation: one canonical form that segmentation, search and offsets rely on.

Keeps the line structure (segmentation is line-based). Tabs between two pieces of text are
kept as a single tab, because the readers write table rows as tab-separated cells; any other
tab and every odd space becomes a plain space, and runs of spaces inside a line collapse to one.
Leading indentation is kept (it separates paragraphs from wrapped lines in copied acts). The
hyphen (U+2010) and the non-breaking hyphen (U+2011) are the hyphen-minus (one character for one).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from maslihat.core.chars import replacer
from maslihat.core.grammar import CYR, CYR_LOWER, KK_LOWER
from maslihat.ingest.patterns import LOOKALIKE_SINGLE_WORDS, LOOKALIKES

_ODD_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\u180e"
_SPACE_TABLE = {ord(c): " " for c in _ODD_SPACES}
_SPACE_TABLE.update({ord(c): None for c in "\u200b\u200c\u200d\u2060\ufeff\u00ad"})
_SPACE_TABLE.update({ord("\v"): "\n", ord("\f"): "\n", 0x2028: "\n", 0x2029: "\n"})
# the hyphen and the non-breaking hyphen of Word and PDF exports are the hyphen (`10‑1‑бап`, `2‑1)`)
_SPACE_TABLE.update({0x2010: "-", 0x2011: "-"})
_odd_spaces = replacer(_SPACE_TABLE)

_CYR = CYR
_WORD = re.compile(r"[^\W\d_]+")
_HAS_CYR = re.compile(f"[{_CYR}]")
_HAS_LATIN = re.compile(r"[A-Za-zəƏɵƟ]")
_LOOK_TABLE = str.maketrans(LOOKALIKES)
# Act numbers typed with a Latin prefix letter: "№ C-30/3" -> "№ С-30/3".
_ACT_NUMBER = re.compile(r"(?<=№)(\s*)([ABCEHKMOPTX]{1,3})(?=\s*[-–]\s*\d)")
_INDENT = re.compile(r"[ \t]*")
_TAB_RUN = re.compile(r" *\t[ \t]*")
_SPACE_RUN = re.compile(r" {2,}")
_SINGLE_LOOKALIKE = re.compile(rf"(?<=[{_CYR}] )([{LOOKALIKE_SINGLE_WORDS}])(?= [{_CYR}])")
_HYPHENATED = re.compile(r"\w+-\w+")
_BROKEN = re.compile(rf"([{_CYR}A-Za-z]+)-\n([ \t]*)([{CYR_LOWER}a-z]+)")


@lru_cache(maxsize=65536)
def _fix_word(word: str) -> str:
    # kept per word (issue 14): the words of lines holding a Latin letter repeat (18,713 words,
    # 4,217 distinct, in the real files)
    if _HAS_CYR.search(word) and _HAS_LATIN.search(word):
        return word.translate(_LOOK_TABLE)
    return word


def fix_lookalikes(line: str) -> str:
    """Map Latin look-alikes inside Cyrillic words (``тиicтi`` -> ``тиісті``) and in act numbers.

    A word entirely in Latin is left alone (English words, Roman numerals), except a single
    look-alike letter standing between Cyrillic words (``c Законом``).
    """
    if not _HAS_LATIN.search(line):
        return line
    line = _WORD.sub(lambda m: _fix_word(m.group()), line)
    line = _ACT_NUMBER.sub(lambda m: m.group(1) + m.group(2).translate(_LOOK_TABLE), line)
    return _SINGLE_LOOKALIKE.sub(lambda m: m.group(1).translate(_LOOK_TABLE), line)


def _join_broken_words(text: str) -> str:
    """Re-join ``мәсли-\\nхат``; keep the hyphen when the text elsewhere writes the word with one."""
    if "-\n" not in text:
        return text
    hyphenated = set(_HYPHENATED.findall(text))

    def repl(m: re.Match) -> str:
        a, indent, b = m.groups()
        return f"{a}-{b}" if f"{a}-{b}" in hyphenated else f"{a}{b}"
    return _BROKEN.sub(repl, text)


def _clean_line(line: str) -> str:
    line = line.rstrip()
    indent = _INDENT.match(line).group()
    body = line[len(indent):]
    if "\t" in body:
        body = _TAB_RUN.sub("\t", body)
    if "  " in body:
        body = _SPACE_RUN.sub(" ", body)
    return indent.replace("\t", " ") + fix_lookalikes(body)


# line -> _clean_line(line): lines repeat across files (the .txt and .html of one decision, the
# formulas of every act) and a line is cleaned by its own text only
_CLEAN: dict[str, str] = {}
_CLEAN_MAX = 16_384


def normalize(text: str) -> str:
    """The canonical text of a document (see the module docstring for what changes)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00ad\n", "")  # a soft hyphen at a line end marks a broken word
    text = unicodedata.normalize("NFC", _odd_spaces(text))
    text = _join_broken_words(text)
    memo = _CLEAN
    if len(memo) >= _CLEAN_MAX:
        memo.clear()
    lines = []
    for line in text.split("\n"):
        got = memo.get(line)
        if got is None:
            got = memo[line] = _clean_line(line)
        lines.append(got)
    return unicodedata.normalize("NFC", "\n".join(lines).strip("\n"))


_FOLD_KK = str.maketrans(KK_LOWER, "агкноуухи")


def fold(text: str, kazakh_letters: bool = False) -> str:
    """Search key: lower case, look-alikes mapped, ё -> е, whitespace collapsed.

    With ``kazakh_letters`` the Kazakh letters also fold to their Russian neighbours, so that
    ``маслихат`` and ``мәслихат`` (Kazakh words spelt with Russian letters) meet.
    """
    t = " ".join(fix_lookalikes(w) for w in unicodedata.normalize("NFC", text).split())
    t = t.lower().replace("ё", "е")
    return t.translate(_FOLD_KK) if kazakh_letters else t
