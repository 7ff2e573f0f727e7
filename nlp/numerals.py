"""Numbers written as words or digits, Russian and Kazakh: «десяти», «двух третей», «үштен екісі»,
«14-00», «сағат 14-те», «III».

Legal texts state their numbers both ways («10 (десяти) дней», «бір айдан») and in every case,
so a comparison or a fact extractor needs one reader that gives the value and the exact span.
The words are data (``core/data/numerals.json``: RU forms in full, KK stems plus suffix chains);
this module is the engine only. Results are :class:`Numeral` records sorted by position.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from itertools import repeat
from importlib import resources
from typing import Optional, Union

from maslihat.core import grammar as G
from maslihat.nlp.lang import fold

Value = Union[int, float, Fraction]
KINDS = ("cardinal", "ordinal", "fraction", "time", "roman", "decimal")


@dataclass(frozen=True)
class Numeral:
    """One number in a text: ``text[start:end]`` reads ``value``.

    ``kind`` is one of KINDS; ``norm`` is the value as a plain string ("10", "2/3", "14:00",
    "0.5"); ``written`` says how: "digits", "words" or "mixed" («10 (десяти)»). A time's value
    is minutes after midnight.
    """
    start: int
    end: int
    text: str
    value: Value
    kind: str
    norm: str
    written: str


# --- vocabulary -------------------------------------------------------------------------------------

@dataclass
class _Word:
    value: Value
    role: str            # cardinal | multiplier | ordinal | collective | denominator | half
    suffixed: bool = False
    ablative: bool = False
    singular: bool = True  # RU denominators: «треть» alone reads 1/3, «третей» needs a numerator


@lru_cache(maxsize=1)
def _data() -> dict:
    with resources.files("maslihat.core").joinpath("data/numerals.json").open(encoding="utf-8") as f:
        return json.load(f)


@lru_cache(maxsize=2)
def _lexicon(lang: str) -> dict:
    """Folded form -> _Word for the whole-form entries of one language."""
    d = _data()[lang]
    lex: dict[str, _Word] = {}
    for role in ("cardinals", "multipliers"):
        for v, forms in d[role].items():
            for f in forms:
                lex[fold(f)] = _Word(int(v), "multiplier" if role == "multipliers" else "cardinal")
    for v, forms in d.get("ordinal_forms", {}).items():
        for f in forms:
            lex[fold(f)] = _Word(int(v), "ordinal")
    for v, forms in d.get("fraction_denominators", {}).items():
        for i, f in enumerate(forms):
            lex[fold(f)] = _Word(int(v), "denominator", singular=i < 3)
    for v, forms in d.get("halves", {}).items():
        for f in forms:
            lex[fold(f)] = _Word(Fraction(v), "half")
    return lex


@lru_cache(maxsize=1)
def _kk_endings() -> tuple[frozenset, frozenset]:
    s = _data()["kk"]["suffixes"]
    plain = set(s["case"]) | set(s["possessive"])
    plain |= {p + c for p in s["possessive"] for c in s["case_after_possessive"]}
    return frozenset(plain), frozenset(s["ablative"])


@lru_cache(maxsize=65536)   # the distinct words of a large corpus: 8,192 thrashed on 129 files
def _word(w: str, lang: str) -> Optional[_Word]:
    """What one folded word contributes to a number, or None."""
    lex = _lexicon(lang)
    if w in lex:
        return lex[w]
    if not w.startswith(_word_stems(lang)):
        return None         # most words: no stem below begins them (one C-level test, issue 14)
    d = _data()[lang]
    if w in d.get("not_numerals", ()):
        return None
    if lang == "ru":
        endings = set(d["ordinal_endings"])
        plural = set(d["fraction_plural_endings"])
        for stem, v in _ordinal_stems():
            if w.startswith(stem) and w[len(stem):] in endings:
                rest = w[len(stem):]
                return _Word(v, "ordinal", singular=rest not in plural)
        return None
    plain, ablative = _kk_endings()
    for role, table in (("ordinal", d["ordinal_forms"]), ("collective", d["collective_forms"]),
                        ("cardinal", d["cardinals"]), ("multiplier", d["multipliers"])):
        for v, stems in table.items():
            for stem in stems:
                if w.startswith(stem) and len(w) > len(stem):
                    rest = w[len(stem):]
                    if rest in plain or (role == "ordinal" and rest[:2] in ("сі", "сы") and
                                         (rest[2:] == "" or rest[2:] in plain or rest[1:] in plain)):
                        return _Word(int(v), role, suffixed=True, ablative=rest in ablative)
    return None


@lru_cache(maxsize=2)
def _word_stems(lang: str) -> tuple:
    """Every stem ``_word`` tries after its whole-form look-up, for a quick test of a word."""
    if lang == "ru":
        return tuple(stem for stem, _ in _ordinal_stems())
    d = _data()[lang]
    return tuple(stem for table in ("ordinal_forms", "collective_forms", "cardinals", "multipliers")
                 for stems in d[table].values() for stem in stems)


# --- tokens -----------------------------------------------------------------------------------------

_LETTERS = G.LETTER
_WORD = re.compile(rf"[{_LETTERS}]+")
_KK_MARK = re.compile("[" + G.KK_LETTERS.replace("і", "").replace("І", "") + "]")   # і: Ukrainian has it too
_KK_DIGIT_SUFFIX = rf"(?:\s?[-–]\s?[{G.CYR_LOWER}]{{1,6}})?"
_NUM = re.compile(r"(?<![\d/.,№])(?P<n>\d{1,3}(?:[ \u00a0]\d{3})+(?![\d])|\d+)(?:(?P<sep>,)(?P<frac>\d+))?"
                  rf"(?:\s?[-–]\s?(?P<suf>[{G.CYR_LOWER}]{{1,6}})(?![{G.CYR_LOWER}]))?")
_DIGIT_FRACTION = re.compile(r"(?<![\d/№N-])(?P<a>\d{1,2})\s?/\s?(?P<b>\d{1,2})(?![\d/])")
_TIME = re.compile(r"(?<![\d.,:])(?P<h>[01]?\d|2[0-3])\s?(?P<sep>[:.\-–])\s?(?P<m>[0-5]\d)(?!\d|[.,]\d)"
                   rf"(?:\s?[-–]\s?[{G.CYR_LOWER}]{{1,5}}(?![{G.CYR_LOWER}]))?")
# ``(?<![\w.\-/])[IVXLCDMІХ]+(?![\w\-/])`` written to begin with its letter (the look-behind checks
# the character before it), so the engine skips to the next Roman letter: the same matches
_ROMAN = re.compile(r"[IVXLCDMІХ](?<![\w.\-/][IVXLCDMІХ])[IVXLCDMІХ]*(?![\w\-/])")
_ROMAN_LETTER = re.compile(r"[IVXLCDMІХ]")
_ANY_DIGIT = re.compile(r"\d")
_TIME_GATE = re.compile(r"\d\s?[:.\-–]\s?\d")     # what every ``_TIME`` match holds
_NUMBER_SIGN = re.compile(r"(?:№|N|номер|нөмір)\s*$", re.IGNORECASE)
_ORDINAL_SUFFIX = {"ru": {"й", "ый", "ой", "ий", "го", "ого", "его", "му", "ому", "м", "ом", "я", "ая", "е", "ое", "ую"},
                   "kk": {"ші", "шы", "інші", "ыншы", "нші", "ншы"}}


def guess_language(text: str) -> str:
    """Kazakh when a letter only Kazakh has occurs, else Russian (enough for a number's context)."""
    return "kk" if _KK_MARK.search(text) else "ru"


def _norm(value: Value, kind: str) -> str:
    if kind == "time":
        return f"{int(value) // 60:02d}:{int(value) % 60:02d}"
    if isinstance(value, Fraction):
        return str(value) if value.denominator != 1 else str(value.numerator)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _roman_value(s: str) -> Optional[int]:
    table = _data()["roman"]
    if len(s) == 1 and s not in _data()["roman_single_letters"]:
        return None
    vals = [table[c] for c in s]
    total = sum(-v if i + 1 < len(vals) and v < vals[i + 1] else v for i, v in enumerate(vals))
    canon = s.replace("І", "I").replace("Х", "X")
    return total if total > 0 and to_roman(total) == canon else None


def to_roman(n: int) -> str:
    """``n`` in Roman numerals, Latin letters («II», «IV»): how classes, categories and sections are
    numbered, which a question writes in words («второго класса»)."""
    out = ""
    for v, r in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                 (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out, n = out + r, n - v
    return out


# --- word numbers ------------------------------------------------------------------------------------

def _room(a: int, lang: str = "ru") -> int:
    """The largest additive value that may follow ``a`` in one numeral (двадцать → пять, сто → двадцать;
    KK «он бес» = 15: Kazakh builds the teens the same way)."""
    if a == 10 and lang == "kk":
        return 9
    if a >= 100 and a % 100 == 0:
        return 99
    if a >= 20 and a % 10 == 0:
        return 9
    return 0


def _word_numerals(text: str, lang: str, words=None) -> list[Numeral]:
    # most texts read here (sentences with a figure) hold no number word: every word tested at C
    # level (``_word`` is cached) before any token with its offsets is built (issue 14); ``words``
    # (the caller's folded tokens of ``text``) spares the second tokenization
    if not any(map(_word, map(fold, _WORD.findall(text)) if words is None else words, repeat(lang))):
        return []
    d = _data()[lang]
    toks = [(m.start(), m.end(), fold(m.group())) for m in _WORD.finditer(text)]
    company = tuple(d.get("company_nouns", ()))
    needs_company = set(d.get("only_with_company", ()))
    half_word = d.get("half_suffix_word")
    out: list[Numeral] = []
    i = 0
    while i < len(toks):
        w = _word(toks[i][2], lang)
        if w is None or (w.role == "denominator" and not w.singular) or \
                (lang == "ru" and w.role == "ordinal" and not w.singular):
            i += 1
            continue
        start, end = toks[i][0], toks[i][1]
        if w.role in ("half", "denominator"):
            value = w.value if w.role == "half" else Fraction(1, int(w.value))
            out.append(Numeral(start, end, text[start:end], value, "fraction", _norm(value, "fraction"), "words"))
            i += 1
            continue
        total, current, last, kind, words = 0, 0, None, w.role, 1
        j = i
        cur = w
        last_mult = None
        while True:
            if cur.role == "multiplier":
                total += max(current, 1) * int(cur.value)
                current, last, last_mult = 0, None, int(cur.value)
            else:
                current += int(cur.value)
                last = int(cur.value)
            end = toks[j][1]
            if cur.role in ("ordinal", "collective") or cur.suffixed:
                break
            if j + 1 >= len(toks) or text[end:toks[j + 1][0]].strip():
                break
            nxt = _word(toks[j + 1][2], lang)
            if nxt is None or nxt.role in ("half", "denominator"):
                break
            if nxt.role == "multiplier":
                if last_mult is not None and int(nxt.value) >= last_mult:
                    break
            elif last is not None and int(nxt.value) > _room(last, lang):
                break
            elif last is None and last_mult is not None and int(nxt.value) >= 1000:
                break
            j += 1
            words += 1
            cur = nxt
        value: Value = total + current
        kind = "ordinal" if cur.role == "ordinal" else "cardinal"
        nxt_tok = toks[j + 1] if j + 1 < len(toks) and not text[end:toks[j + 1][0]].strip() else None
        # fractions: «две трети», «трех пятых» (RU); «үштен екісі» (KK: ablative denominator first)
        if nxt_tok is not None and kind == "cardinal":
            nw = _word(nxt_tok[2], lang)
            if lang == "ru" and nw is not None and (nw.role == "denominator" or
                                                    (nw.role == "ordinal" and not nw.singular)) and value < nw.value:
                value = Fraction(int(value), int(nw.value))
                out.append(Numeral(start, nxt_tok[1], text[start:nxt_tok[1]], value, "fraction", _norm(value, "fraction"), "words"))
                i = j + 2
                continue
            if lang == "kk" and cur.ablative and nw is not None and nw.role in ("cardinal", "collective") \
                    and 0 < nw.value < value:
                value = Fraction(int(nw.value), int(value))
                out.append(Numeral(start, nxt_tok[1], text[start:nxt_tok[1]], value, "fraction", _norm(value, "fraction"), "words"))
                i = j + 2
                continue
            if lang == "kk" and half_word and nxt_tok[2].startswith(half_word):
                value = value + 0.5
                out.append(Numeral(start, nxt_tok[1], text[start:nxt_tok[1]], value, "cardinal", _norm(value, "cardinal"), "words"))
                i = j + 2
                continue
        if words == 1 and lang == "kk":
            stem_hit = next((s for s in needs_company if toks[i][2].startswith(s)), None)
            if stem_hit and (cur.suffixed or stem_hit == "тоқсан") and \
                    not (nxt_tok is not None and nxt_tok[2].startswith(company)):
                i = j + 1
                continue
            if stem_hit == "тоқсан" and cur.suffixed:
                # «өткен тоқсанға айлық есептік көрсеткіштің бес есе…»: a numeral before its noun
                # takes no case ending, so «тоқсанға», «тоқсанда» are the quarter, whatever follows
                i = j + 1
                continue
        out.append(Numeral(start, end, text[start:end], value, kind, _norm(value, kind), "words"))
        i = j + 1
    return out


# --- digits --------------------------------------------------------------------------------------------

def _time_context(text: str, start: int, end: int, lang: str) -> bool:
    tw = _data()[lang]["time_words"]
    before = [fold(w) for w in _WORD.findall(text[max(0, start - 12):start])[-1:]]
    after = [fold(w) for w in _WORD.findall(text[end:end + 12])[:1]]
    return bool(set(before) & set(tw["before"]) and lang == "kk" or set(after) & set(tw["hour"])
                or (lang == "ru" and set(before) & set(tw["before"]) and after and after[0] in tw["hour"]))


def _digit_numerals(text: str, lang: str) -> list[Numeral]:
    out: list[Numeral] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    # every pattern below needs a digit (times, fractions, numbers) or a Roman letter: one quick
    # search each spares most sentences the scans with look-behinds at every position
    has_digit = _ANY_DIGIT.search(text) is not None
    for m in (_TIME.finditer(text) if has_digit and _TIME_GATE.search(text) else ()):
        h, mi, sep = int(m.group("h")), int(m.group("m")), m.group("sep")
        if sep == ":" or (mi in (0, 30) and sep in "-–") or _time_context(text, m.start(), m.end(), lang):
            if sep == "." and not _time_context(text, m.start(), m.end(), lang):
                continue
            if _NUMBER_SIGN.search(text[max(0, m.start() - 8):m.start()]):
                continue
            v = h * 60 + mi
            out.append(Numeral(m.start(), m.end(), m.group(), v, "time", _norm(v, "time"), "digits"))
            taken.append((m.start(), m.end()))
    for m in (_DIGIT_FRACTION.finditer(text) if has_digit and "/" in text else ()):
        a, b = int(m.group("a")), int(m.group("b"))
        if 0 < a < b <= 12 and free(m.start(), m.end()) and not _NUMBER_SIGN.search(text[max(0, m.start() - 8):m.start()]):
            v = Fraction(a, b)
            out.append(Numeral(m.start(), m.end(), m.group(), v, "fraction", _norm(v, "fraction"), "digits"))
            taken.append((m.start(), m.end()))
    for m in (_NUM.finditer(text) if has_digit else ()):
        if not free(m.start(), m.end()):
            continue
        n = int(re.sub(r"\D", "", m.group("n")))
        suf = (m.group("suf") or "").lower()
        kind = "ordinal" if suf in _ORDINAL_SUFFIX["ru"] | _ORDINAL_SUFFIX["kk"] else "cardinal"
        value: Value = n
        if m.group("frac"):
            value, kind = float(f"{n}.{m.group('frac')}"), "decimal"
        start, end, written = m.start(), m.end(), "digits"
        # «10 (десяти)»: the words in brackets repeat the figure
        br = re.match(r"\s*\(([^()]{1,80})\)", text[end:])
        if br:
            inner = parse(br.group(1), lang)
            if inner is not None and inner.value == value:
                end, written = end + br.end(), "mixed"
        if lang == "kk" and kind == "cardinal" and re.search(r"сағат\s*$", fold(text[max(0, start - 10):start])) and n <= 24:
            v = n * 60
            out.append(Numeral(start, end, text[start:end], v, "time", _norm(v, "time"), written))
        elif lang == "ru" and kind == "cardinal" and n <= 24 and _ru_clock(text, start, m.end()):
            v = n * 60
            out.append(Numeral(start, end, text[start:end], v, "time", _norm(v, "time"), written))
        else:
            out.append(Numeral(start, end, text[start:end], value, kind, _norm(value, kind), written))
        taken.append((start, end))
    for m in (_ROMAN.finditer(text) if _ROMAN_LETTER.search(text) else ()):
        v = _roman_value(m.group())
        if v is not None and free(m.start(), m.end()):
            out.append(Numeral(m.start(), m.end(), m.group(), v, "roman", str(v), "digits"))
    return out


def _ru_clock(text: str, start: int, end: int) -> bool:
    """«в 14 часов», «к 10 часам»: an hour of the day, not a duration («в течение 24 часов»)."""
    tw = _data()["ru"]["time_words"]
    before = [fold(w) for w in _WORD.findall(text[max(0, start - 4):start])[-1:]]
    after = [fold(w) for w in _WORD.findall(text[end:end + 8])[:1]]
    return bool(before and before[0] in tw["before"] and after and after[0] in tw["hour"]
                and not re.search(r"течени\w*\s+$", text[max(0, start - 20):start]))


# --- public ----------------------------------------------------------------------------------------------

def find_numerals(text: str, lang: Optional[str] = None, words: Optional[list[str]] = None) -> list[Numeral]:
    """Every number in ``text`` (words, digits, fractions, times, Roman numerals), by position.

    Spans never overlap: a figure with its words in brackets is one numeral. ``words``: the
    folded words of ``text`` when the caller has them (``fold`` of each run of letters, in any
    order, other tokens such as figures or ``%`` allowed among them): the same numerals."""
    lang = lang or guess_language(text)
    if lang not in ("ru", "kk"):
        raise ValueError(f"numerals: unknown language {lang!r} (ru or kk)")
    digits = _digit_numerals(text, lang)
    words = _word_numerals(text, lang, words)
    spans = [(n.start, n.end) for n in digits]
    words = [w for w in words if all(w.end <= a or w.start >= b for a, b in spans)]
    return sorted(digits + words, key=lambda n: (n.start, -n.end))


def parse(phrase: str, lang: Optional[str] = None) -> Optional[Numeral]:
    """The number a whole phrase reads («двух третей» → 2/3, «бір айдан» → None: not only a number)."""
    s = phrase.strip()
    found = find_numerals(s, lang)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(s):
        return found[0]
    if found and lang is None and len(found) == 1:
        return None
    return None


def values(text: str, lang: Optional[str] = None) -> list[str]:
    """The normalised values of the numbers in ``text`` (Roman numerals left out): what two
    parallel provisions should share, for a quick comparison."""
    return [n.norm for n in find_numerals(text, lang) if n.kind != "roman"]


@lru_cache(maxsize=1)
def _ordinal_stems() -> tuple:
    return tuple(sorted(_data()["ru"]["ordinal_stems"].items(), key=lambda kv: -len(kv[0])))


def split_compound(word: str, lang: str) -> Optional[tuple[Value, str]]:
    """«тридцатидневный» → (30, "дневный"), «двухнедельного» → (2, "недельного"): a number fused
    with the word it counts (RU adjectives of duration). None when the word is not such a compound."""
    w = fold(word)
    starts = _compound_starts(lang)
    if not starts or not w.startswith(starts):
        return None
    for prefix, v in _compound_prefixes(lang):
        if w.startswith(prefix) and len(w) > len(prefix) + 3:
            return v, w[len(prefix):]
    return None


@lru_cache(maxsize=2)
def _compound_starts(lang: str) -> tuple:
    """The prefixes alone, for one ``str.startswith`` per word (the facts engine asks of every
    word of a sentence with a number: the tuple was built anew each time)."""
    return tuple(p for p, _ in _compound_prefixes(lang))


@lru_cache(maxsize=2)
def compound_counted(lang: str) -> tuple:
    """What a compound number counts when it is one («кратн», «месячн»: «четырехкратного»,
    «двенадцатимесячный»), ``compound_counted`` of core/data/numerals.json; () for a language without."""
    return tuple(fold(x) for x in _data()[lang].get("compound_counted", ()))


@lru_cache(maxsize=2)
def _compound_prefixes(lang: str) -> tuple:
    return tuple(sorted(_data()[lang].get("compound_prefixes", {}).items(), key=lambda kv: -len(kv[0])))


def number_stems(lang: str) -> list[str]:
    """The beginnings every number word of ``lang`` starts with (for quick filters): RU forms
    and ordinal stems, KK stems; Latin-look-alike spellings are caught by the caller's fold."""
    d = _data()[lang]
    out = [f for table in ("cardinals", "multipliers") for forms in d[table].values() for f in forms]
    out += [f for forms in d.get("ordinal_forms", {}).values() for f in forms]
    out += [f for forms in d.get("fraction_denominators", {}).values() for f in forms]
    out += [f for forms in d.get("halves", {}).values() for f in forms]
    out += list(d.get("ordinal_stems", {}))
    out += [f for forms in d.get("collective_forms", {}).values() for f in forms]
    return sorted({fold(x)[:4] if lang == "kk" else fold(x) for x in out if x})
