"""The facts a provision states, in a form that is equal across Russian and Kazakh.

A translation says the same thing in other words, so RU/KK texts cannot be compared word by
word; what must survive translation are the facts: numbers (digits or words: «десять» = «он» =
10), dates, times of day («14 часов» = «14-00» = «сағат 14-те»), amounts and roman numerals
(I = 1 = І). Each fact carries its value, where it was found, and whether it was written in
digits (*strong*: a digit a translator dropped or changed is a real discrepancy) or in words
(*weak*: it only confirms a strong fact on the other side, because word numerals are also
ordinary words — «одного из депутатов», «бірі»).

Numbers written as words come from ``nlp.numerals`` (the one reader of numerals in words).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Optional

from maslihat.core import grammar as G

_TIME_RX = [
    # 14-00, 14.00, 14:00 (not a date 14.05.2014, not a decimal inside a longer number)
    # (a dot takes no blank: «2. 37-баптың» is a point's number and an article, not 2.37)
    re.compile(r"(?<![\d.,/])(?P<h>[01]?\d|2[0-4])(?:\s?[:\-–]\s?|\.)(?P<mi>[0-5]\d)(?![\d]|\.\d)"),
    # 14 часов, 9 ч. 30 мин., в 14 ч
    re.compile(r"(?<![\d.,/])(?P<h>[01]?\d|2[0-4])\s*(?:час(?:ов|а)?|ч\.)(?:\s*(?P<mi>[0-5]\d)\s*мин)?", re.I),
    # сағат 14-те, сағат 9.30-да
    # (not «кВт. сағат 7,31»: a decimal after «сағат» is a quantity per kilowatt-hour, not a clock)
    re.compile(r"сағат\s+(?P<h>[01]?\d|2[0-4])(?:\s?[:.\-]\s?(?P<mi>[0-5]\d))?(?!\d|,\d)", re.I),
]
_AMOUNT_UNITS = re.compile(r"\s*(?:тенге|теңге|МРП|АЕК|айлық есептік|%|процент|пайыз)", re.I)
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)?(?![\w])|(?<![\w.,])\d+" rf"(?=[-–][{G.CYR_LOWER}]|\)|-[IVXІХ])")
# not glued to letters: «6ip» is «бір»; a whole run of digits, never its tail: «Z000107_» (the legal
# database's link code of a cited law, left in copied texts) is no number of the text
_DIGITS = re.compile(r"(?<![^\W_])\d+(?:[.,]\d+)?(?![^\W\d_])")
# «06 утверждении», «06 областном бюджете»: the preposition «Об» read by OCR as the digits 06 (no
# number is written with a leading zero before a word)
_OCR_OB = re.compile(rf"06[ \t]+[{G.CYR_LOWER}]")
_OCR_ROMAN_II = re.compile(r"(?<![\w\-–])П(?=\s?[-–]\s?(?:санат|дәреже|топ|сынып|класс|категор|разряд|групп))")
_DAY_MONTH = re.compile(rf"(?<![\d.,/])(?P<d>[0-3]?\d)\s+(?P<m>[{G.CYR_LOWER}]{{3,}})")
_ROMAN_TOKEN = re.compile(rf"(?<![\w\-–]){G.ROMAN}(?![\w\-–])")
_AFTER_DIGITS = re.compile(r"\d\s?\(\s?$")
_ROMAN_CH = {"I": 1, "І": 1, "V": 5, "X": 10, "Х": 10, "L": 50, "C": 100}


@dataclass(frozen=True)
class Fact:
    """One stated fact: ``kind`` in number/date/time/amount; ``value`` comparable across languages."""
    kind: str
    value: str
    surface: str
    start: int
    end: int
    strong: bool = True          # written in digits (or a date/time); False: a numeral in words
    cardinal: bool = False       # a cardinal numeral in words («десяти», «он бес»): see ``compare_facts``


def roman_value(s: str) -> Optional[int]:
    """«XXIX» / «ХХІХ» (Cyrillic look-alikes) -> 29; None when it is not a roman numeral."""
    s = s.strip().upper()
    if not s or any(c not in _ROMAN_CH for c in s):
        return None
    total = 0
    for i, c in enumerate(s):
        v = _ROMAN_CH[c]
        total += -v if i + 1 < len(s) and _ROMAN_CH[s[i + 1]] > v else v
    return total if total > 0 else None


def number_value(s: Optional[str]) -> Optional[str]:
    """A unit's number as a comparable value: «I.» = «1» = «І»; «2.1» stays «2.1»; None if absent."""
    if not s:
        return None
    s = re.sub(r"[\s)]+$|\.$", "", s.strip()).rstrip(".")
    if re.fullmatch(r"\d+(?:[.\-]\d+)*", s):
        return ".".join(str(int(p)) for p in re.split(r"[.\-]", s))
    r = roman_value(s)
    if r is not None:
        return str(r)
    return s.lower() or None


def _num(s: str) -> str:
    s = s.replace(",", ".")
    try:
        f = float(s)
    except ValueError:
        return s
    return str(int(f)) if f == int(f) else str(f)


def _word_numerals(text: str, lang: str) -> list[tuple[str, str, int, int]]:
    """(value, kind, start, end) of numbers written as words («десяти», «бір», «первой»), read by
    ``nlp.numerals`` (the one reader of numerals; digits are read here, in ``facts``)."""
    from maslihat.nlp.numerals import find_numerals
    out = []
    for n in find_numerals(text, lang if lang in ("ru", "kk") else None):
        if n.written != "words" or n.kind in ("roman", "fraction"):
            continue
        out.append((n.norm, "time" if n.kind == "time" else "cardinal" if n.kind == "cardinal" else "number",
                    n.start, n.end))
    if lang == "ru":
        out += _compound_numerals(text)
    return out


_RU_WORD = re.compile(rf"[{G.CYR_LOWER}{G.CYR_UPPER}]+")


def _compound_numerals(text: str) -> list[tuple[str, str, int, int]]:
    """«четырехкратного» (4), «десятикратного» (10), «двенадцатимесячный» (12): a number fused with
    what it counts (``nlp.numerals.split_compound``), when what follows is a counted word of
    ``core/data/numerals.json`` ``compound_counted`` («кратн», «месячн» …, not «семинар»)."""
    from maslihat.nlp.numerals import _compound_starts, compound_counted, split_compound
    starts = _compound_starts("ru")
    counted = compound_counted("ru")
    out = []
    for m in _RU_WORD.finditer(text):
        w = m.group(0).lower().replace("ё", "е")
        if not w.startswith(starts):
            continue
        comp = split_compound(w, "ru")
        if comp and comp[1].startswith(counted) and comp[0] == int(comp[0]):
            # a count fused with what it counts («тридцатидневный» = «отыз күндік»)
            out.append((str(int(comp[0])), "cardinal", m.start(), m.end()))
    return out


def facts(text: str, lang: str) -> list[Fact]:
    """Dates, times, amounts and numbers of ``text``; each character belongs to one fact at most."""
    out: list[Fact] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for d in G.find_dates(text, lang):              # the one date reader of the project
        if free(d.start, d.end):
            out.append(Fact("date", d.iso, text[d.start:d.end].strip(), d.start, d.end))
            taken.append((d.start, d.end))
    for m in _DAY_MONTH.finditer(text):
        # «12 июня» without its year: it answers «2001 жылғы 12 маусымдағы» and the day «12», and
        # either answers it
        mon, day = G.month_number(m.group("m"), lang if lang in ("ru", "kk") else None), int(m.group("d"))
        if mon and 1 <= day <= 31 and free(m.start(), m.end()):
            out.append(Fact("date", f"--{mon:02d}-{day:02d}", m.group(0), m.start(), m.end()))
            taken.append((m.start(), m.end()))
    for rx in _TIME_RX:
        for m in rx.finditer(text):
            if not free(m.start(), m.end()):
                continue
            h, mi = int(m.group("h")), int(m.group("mi") or 0)
            out.append(Fact("time", f"{h:02d}:{mi:02d}", m.group(0).strip(), m.start(), m.end()))
            taken.append((m.start(), m.end()))
    for m in _DIGITS.finditer(text):
        if not free(m.start(), m.end()):
            continue
        if lang == "ru" and _OCR_OB.match(text, m.start()):
            continue
        unit = _AMOUNT_UNITS.match(text, m.end())
        kind = "amount" if unit else "number"
        end = unit.end() if unit else m.end()
        out.append(Fact(kind, _num(m.group(0)), text[m.start():end].strip(), m.start(), end))
        taken.append((m.start(), end))
    for m in _ROMAN_TOKEN.finditer(text):
        v = roman_value(m.group(0))
        if v is not None and free(m.start(), m.end()) and (len(m.group(0)) > 1 or _roman_context(text, m)):
            out.append(Fact("number", str(v), m.group(0), m.start(), m.end()))
            taken.append((m.start(), m.end()))
    for m in _OCR_ROMAN_II.finditer(text):
        # «П-санат»: roman II typed (or read by OCR) as the Cyrillic П; it answers «II категорию»
        if free(m.start(), m.end()):
            out.append(Fact("number", "2", m.group(0), m.start(), m.end(), strong=False))
            taken.append((m.start(), m.end()))
    for v, kind, s, e in _word_numerals(text, lang):
        if free(s, e):
            # a count written out after its digits («2 (два) метра», «7 (жеті)») states the number as
            # firmly as the digits do: it accuses alone
            restated = kind == "cardinal" and bool(_AFTER_DIGITS.search(text, 0, s)) and text[e:e + 1] == ")"
            out.append(Fact("number" if kind == "cardinal" else kind, v, text[s:e], s, e, strong=restated,
                            cardinal=kind == "cardinal"))
            taken.append((s, e))
    return sorted(out, key=lambda f: f.start)


def _roman_context(text: str, m: re.Match) -> bool:
    """A one-letter «I»/«V» is a numeral only beside a convocation/section word, not a stray letter."""
    around = text[max(0, m.start() - 25):m.end() + 25].lower()
    return bool(re.search(r"созыв|шақырылым|раздел|бөлім|глава|тарау|сесси", around))


@dataclass
class FactDiff:
    """Facts stated on one side and absent from the other (both empty: the texts agree)."""
    only_a: list[Fact]
    only_b: list[Fact]

    @property
    def differs(self) -> bool:
        return bool(self.only_a or self.only_b)


def compare_facts(fa: Iterable[Fact], fb: Iterable[Fact], words: str = "") -> FactDiff:
    """A strong fact (digits, dates, times) of one side missing from everything the other side
    states is a discrepancy; weak facts (words) only answer for strong ones, never accuse.

    ``words="pair"``: a count in words accuses too when the other side has one of its own that
    this side does not state — one number put for another («в течение двух дней» / «бес күн ішінде»;
    a word numeral alone unanswered is more often a word the reader of numerals missed on the other
    side, «одного из» / «бірі»). ``words="all"``: every fact given accuses (facts already found
    missing, checked against a wider scope)."""
    fa, fb = list(fa), list(fb)

    def values(fs):
        out = set()
        for f in fs:
            out.add(f.value)
            if f.kind == "date" and f.value.startswith("--"):     # «12 июня»: also the day «12»
                out.add(str(int(f.value[-2:])))
            elif f.kind == "date":          # a date's year also answers a bare year («2014 год»)
                out.add(f.value[:4])
            if f.kind == "time":
                out.add(str(int(f.value[:2])))
        return out
    va, vb = values(fa), values(fb)

    def missing(fs, other_vals, other_facts):
        seen, out = set(), []
        for f in fs:
            if f.value in seen or not (f.strong or words == "all" or (words == "pair" and f.cardinal)):
                continue
            ok = f.value in other_vals or (f.kind == "date" and "--" + f.value[-5:] in other_vals)
            if not ok and f.kind == "date" and f.value.startswith("--"):
                # «12 июня» = «маусымның 12-сі» = «2001 жылғы 12 маусымдағы»; the day alone answers
                # only as a number of its own, never as the day of another month («1 февраля» /
                # «1 қаңтардағы» differ)
                day = str(int(f.value[-2:]))
                ok = any((g.kind == "number" and g.value == day)
                         or (g.kind == "date" and g.value.endswith(f.value[1:])) for g in other_facts)
            if not ok and f.kind == "time" and f.value.endswith(":00"):
                ok = str(int(f.value[:2])) in other_vals      # «с 10 до 14 часов» = «сағат 10-нан»
            if not ok and f.kind == "number" and f.value.isdigit():
                # «2001» beside a date on the other side, or a time's hour («14 часов» = «14-00»)
                ok = any((g.kind == "date" and f.value == g.value[:4])
                         or (g.kind == "time" and f.value == str(int(g.value[:2]))) for g in other_facts)
            if not ok:
                out.append(f)
                seen.add(f.value)
        return out
    d = FactDiff(missing(fa, vb, fb), missing(fb, va, fa))
    if words == "pair":
        d = paired_words(d)
    return d


def paired_words(d: "FactDiff") -> "FactDiff":
    """Counts in words left unanswered only when both sides have one: a substitution."""
    wa = [f for f in d.only_a if not f.strong]
    wb = [f for f in d.only_b if not f.strong]
    if wa and wb:
        return d
    return FactDiff([f for f in d.only_a if f.strong], [f for f in d.only_b if f.strong])


KIND_WORDS = {
    "number": {"ru": "число", "kk": "сан", "en": "number"},
    "date": {"ru": "дата", "kk": "күні", "en": "date"},
    "time": {"ru": "время", "kk": "уақыт", "en": "time"},
    "amount": {"ru": "сумма", "kk": "сома", "en": "amount"},
}


def describe(d: FactDiff, lang_a: str, lang_b: str) -> dict[str, str]:
    """The differing facts in plain words, {ru, kk, en}: «в русском тексте: 24; в казахском: нет»."""
    side = {"ru": {"ru": "русском", "kk": "казахском"}, "kk": {"ru": "орыс", "kk": "қазақ"},
            "en": {"ru": "Russian", "kk": "Kazakh"}}

    def listing(fs, ui):
        return "; ".join(f"{f.surface} ({KIND_WORDS[f.kind][ui]})" for f in fs)
    out = {}
    for ui in ("ru", "kk", "en"):
        parts = []
        for fs, lg in ((d.only_a, lang_a), (d.only_b, lang_b)):
            if not fs:
                continue
            name = side[ui].get(lg, lg)
            other = side[ui].get(lang_b if lg == lang_a else lang_a, "")
            if ui == "ru":
                parts.append(f"только в {name} тексте: {listing(fs, ui)} (в {other} этого нет)")
            elif ui == "kk":
                parts.append(f"тек {name} мәтінінде: {listing(fs, ui)} ({other} мәтінінде жоқ)")
            else:
                parts.append(f"only in the {name} text: {listing(fs, ui)} (absent from the {other} text)")
        out[ui] = "; ".join(parts)
    return out
