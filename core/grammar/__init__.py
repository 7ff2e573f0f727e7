"""One grammar per language, as data: the engine that reads ``ru.yaml``, ``kk.yaml`` and ``common.yaml``.

The requisite parser (``ingest.metadata``), the citation engine (``nlp.references``), the aligner
and the display of dates all read dates, act numbers, months, act words, unit words and the
alphabets from here, so that a date or a number is read the same way wherever it is written.
The vocabulary is data (the YAML files beside this module, each pattern with the examples it
must match, checked by ``tests/core/test_grammar_data.py``); this module only compiles it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Optional

from maslihat.core import yamlfile

_HERE = Path(__file__).resolve().parent
LANGS = ("ru", "kk")


@lru_cache(maxsize=None)
def data(name: str) -> dict:
    """The parsed data file ``name`` (``ru``, ``kk`` or ``common``)."""
    return yamlfile.load(_HERE / f"{name}.yaml")


# --- alphabets -----------------------------------------------------------------------------------
_L = data("common")["letters"]
KK_LOWER: str = _L["kk_lower"]                 # әғқңөұүһі
KK_UPPER: str = _L["kk_upper"]
KK_LETTERS: str = KK_LOWER + KK_UPPER         # letters only Kazakh Cyrillic has
RU_ONLY_LETTERS: str = _L["ru_only"]
KK_LATIN_LETTERS: str = _L["kk_latin"]
# Regex class bodies (without brackets), for embedding: `[{CYR}]`.
CYR_LOWER = "а-яё" + KK_LOWER
CYR_UPPER = "А-ЯЁ" + KK_UPPER
CYR = CYR_LOWER + CYR_UPPER                    # the Cyrillic letters of both languages
UP = CYR_UPPER + "A-Z"                         # upper-case letters of both alphabets (plus Latin)
LO = CYR_LOWER + "a-z"
LETTER = UP + LO

_LETTER_CLASSES = {"letters.all": LETTER, "letters.up": UP, "letters.lo": LO, "letters.cyr": CYR}
_REF = re.compile(r"\{([a-z_]+(?:\.[a-z_]+)?)\}")


def _expand(pattern: str, lang: str) -> str:
    """Insert fragments (``{month}``) and letter classes (``{letters.lo}``) into a data pattern."""
    def sub(m: re.Match) -> str:
        name = m.group(1)
        if name in _LETTER_CLASSES:
            return _LETTER_CLASSES[name]
        for src in ((data(lang) if lang != "common" else {}), data("common")):
            frag = src.get("fragments", {}).get(name, src.get(name))
            if isinstance(frag, str):
                return _expand(frag, lang)
        raise KeyError(f"grammar: unknown fragment {{{name}}} in {lang}")
    return _REF.sub(sub, pattern)


def fragment(lang: str, name: str) -> str:
    """A named regex fragment of ``lang`` (``month``, ``code_adjective``, ``code_names``, ``roman``)."""
    return _expand("{" + name + "}", lang)


ROMAN = fragment("common", "roman")

# --- months --------------------------------------------------------------------------------------


@lru_cache(maxsize=None)
def _month_stems(lang: str) -> tuple[tuple[str, int], ...]:
    stems = [(s, m["n"]) for m in data(lang)["months"] for s in m["stems"]]
    return tuple(sorted(stems, key=lambda x: -len(x[0])))


MONTHS = {lang: dict(_month_stems(lang)) for lang in LANGS}    # stem -> month number


def month_number(word: str, lang: Optional[str] = None) -> Optional[int]:
    """``марта`` -> 3, ``қарашаның`` -> 11 (both languages tried when ``lang`` is None)."""
    w = word.lower()
    for lg in ((lang,) if lang else ("kk", "ru")):
        for stem, n in _month_stems(lg):
            if w.startswith(stem):
                return n
    return None


def month_name(n: int, lang: str, case: str = "") -> str:
    """The month as acts write it after a day: RU genitive (``марта``), KK nominative (``наурыз``)."""
    entry = data(lang)["months"][n - 1]
    return entry[case or ("genitive" if lang == "ru" else "nominative")]


def human_date(iso: Optional[str], lang: str) -> str:
    """'2014-03-20' -> '20 марта 2014 г.' / '2014 жылғы 20 наурыз', as acts write dates."""
    if not iso:
        return ""
    y, m, d = (int(x) for x in iso.split("-"))
    if lang == "kk":
        return f"{y} жылғы {d} {month_name(m, 'kk')}"
    return f"{d} {month_name(m, 'ru')} {y} г."


# --- dates ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class DateForm:
    name: str
    lang: str               # ru, kk or common (figures)
    pattern: str            # expanded regex, named groups d, y and m/mk (word) or mn (figures)
    examples: tuple         # ((text, iso), ...) it must read
    rejects: tuple          # texts it must not read as a date


@dataclass(frozen=True)
class FoundDate:
    iso: str
    start: int
    end: int
    form: str = ""


def _forms() -> tuple[DateForm, ...]:
    out = []
    for lang in ("ru", "common", "kk"):            # order = priority where two forms overlap
        for f in data(lang).get("date_forms", []):
            out.append(DateForm(f["name"], lang, _expand(f["pattern"], lang),
                                tuple(tuple(e) for e in f.get("examples", [])), tuple(f.get("rejects", []))))
    return tuple(out)


DATE_FORMS: tuple[DateForm, ...] = _forms()
DATE_FLAGS = re.IGNORECASE                      # `20 МАРТА 2014 ГОДА`, `2015 ЖЫЛҒЫ 3 ШІЛДЕДЕГІ`
DATE_RX = [re.compile(f.pattern, DATE_FLAGS) for f in DATE_FORMS]
DATE_RX_END = [re.compile(f"(?:{f.pattern})\\s*$", DATE_FLAGS) for f in DATE_FORMS]   # a date ending a text
_YEAR = re.compile(r"\d{4}")


def date_iso(m: re.Match) -> Optional[str]:
    """The ISO date a match of a date form reads, or None when it is no real date."""
    g = m.groupdict()
    try:
        y, d = int(g["y"]), int(g["d"])
        mon = int(g["mn"]) if g.get("mn") else month_number(g.get("m") or g.get("mk") or "")
        if not mon or not 1900 < y < 2100:
            return None
        return date(y, mon, d).isoformat()
    except (KeyError, TypeError, ValueError):
        return None


def find_dates(text: str, lang: Optional[str] = None) -> list[FoundDate]:
    """Every date in ``text`` in order of position; of two overlapping readings the form listed
    first wins. ``lang`` puts that language's forms first (all forms are tried: acts quote dates
    of the other language)."""
    if not _YEAR.search(text):                  # every form has a 4-digit year
        return []
    if len(text) <= _KEPT_TEXT:
        return list(_kept_dates(text, lang))
    return _find_dates(text, lang)


# The dates of short texts (a requisite line, a note, a title) are kept: an ingest asks about the
# same ones again (a line read as a requisite and then its first sentence, the two formats of one
# decision): 1,498 questions, 700 distinct texts on the 129 real files (issue 14).
_KEPT_TEXT = 2000


@lru_cache(maxsize=8192)
def _kept_dates(text: str, lang: Optional[str]) -> tuple[FoundDate, ...]:
    return tuple(_find_dates(text, lang))


def _find_dates(text: str, lang: Optional[str]) -> list[FoundDate]:
    found: list[FoundDate] = []
    order = range(len(DATE_FORMS))
    if lang:
        order = sorted(order, key=lambda i: DATE_FORMS[i].lang not in (lang, "common"))
    for i in order:
        for m in DATE_RX[i].finditer(text):
            iso = date_iso(m)
            if iso and not any(f.start < m.end() and m.start() < f.end for f in found):
                found.append(FoundDate(iso, m.start(), m.end(), DATE_FORMS[i].name))
    return sorted(found, key=lambda f: f.start)


def parse_date(text: str, lang: Optional[str] = None) -> Optional[str]:
    """The first date of ``text`` as ISO ``YYYY-MM-DD``, or None."""
    found = find_dates(text, lang)
    return found[0].iso if found else None


def date_at(text: str, pos: int = 0, end: bool = False) -> tuple[Optional[re.Match], Optional[str]]:
    """A date that starts at ``pos`` (or, ``end=True``, that ends ``text``): (match, ISO) of the
    first form that reads a real date there, else (None, None)."""
    for rx in (DATE_RX_END if end else DATE_RX):
        m = rx.search(text, pos) if end else rx.match(text, pos)
        if m:
            iso = date_iso(m)
            if iso:
                return m, iso
    return None, None


# --- act numbers ---------------------------------------------------------------------------------
_N = data("common")["number"]
NUMBER: str = _expand(_N["pattern"], "common")      # group `num`: the number as written
NUMBER_RX = re.compile(NUMBER)
_FOLD = str.maketrans({**_N["lookalikes"], "–": "-", "—": "-"})
_KEY_SUFFIX = re.compile(_N["key_suffix"])


@dataclass(frozen=True)
class FoundNumber:
    number: str             # as written, spaces tidied (`С-24/4`, `148-II`, `ҚР ДСМ-81`)
    key: str                # comparable key (`C-24/4`, `148`)
    start: int
    end: int


# compiled once: these run for every number of every text (module-level re calls look the pattern up)
_AROUND_DASH, _SPACES = re.compile(r"\s*([-–/])\s*"), re.compile(r"\s+")
_NUMBER_SIGN, _DIGIT = re.compile(r"^\s*(?:N\s?№|№|N)\s*"), re.compile(r"\d")


def normalise_number(raw: str) -> str:
    """The number as written, without the spaces around its dashes and slashes: ``45 - 264`` -> ``45-264``."""
    s = _AROUND_DASH.sub(r"\1", raw.strip())
    return _SPACES.sub(" ", s).rstrip(".")


@lru_cache(maxsize=8192)
def number_key(raw: str) -> str:
    """A key under which one act number compares equal however it is typed: Cyrillic look-alikes
    fold to Latin, spaces and the convocation suffix go (``148``, ``148-II``, ``№ 148-ІІ`` -> ``148``)."""
    s = _NUMBER_SIGN.sub("", raw)
    s = normalise_number(s).upper()
    k = _KEY_SUFFIX.sub("", s) if _DIGIT.search(_KEY_SUFFIX.sub("", s)) else s
    return k.translate(_FOLD).replace(" ", "")


def find_numbers(text: str) -> list[FoundNumber]:
    """Every act number (`№ …`, `N …`) in ``text``, in order."""
    out = []
    for m in NUMBER_RX.finditer(text):
        n = normalise_number(m.group("num"))
        out.append(FoundNumber(n, number_key(n), m.start(), m.end()))
    return out


def first_number(text: str) -> Optional[str]:
    found = find_numbers(text)
    return found[0].number if found else None


# --- act words and unit words ----------------------------------------------------------------------

@dataclass(frozen=True)
class ActWord:
    type: str               # normalised act type, as in the gold (`Закон`, `решение`)
    doc_type: str           # documents.jsonl doc_type (`law`, `decision`)
    pattern: str            # the word in its case forms
    requisite: str          # the form a requisite line uses (RU opens, KK closes it), or ""
    cited: bool             # read by the citation engine
    examples: tuple


@lru_cache(maxsize=None)
def act_words(lang: str, cited: Optional[bool] = True) -> tuple[ActWord, ...]:
    """The act words of ``lang`` in data order (longer phrases first); ``cited=None`` gives all."""
    out = []
    for w in data(lang)["act_words"]:
        aw = ActWord(w["type"], w["doc_type"], _expand(w["pattern"], lang), w.get("requisite", ""),
                     w.get("cited", True), tuple(w.get("examples", [])))
        if cited is None or aw.cited == cited:
            out.append(aw)
    return tuple(out)


def requisite_words(lang: str) -> dict[str, str]:
    """Requisite form (lower case) -> doc_type: ``решение`` -> ``decision``, ``шешімі`` -> ``decision``."""
    return {w.requisite.lower(): w.doc_type for w in act_words(lang, None) if w.requisite}


def requisite_word_pattern(lang: str) -> str:
    """An alternation of the requisite forms of ``lang``, longest first, spaces as ``\\s+``."""
    words = sorted((w.requisite for w in act_words(lang, None) if w.requisite), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


def unit_abbreviations(lang: str) -> tuple[str, ...]:
    """The unit words of ``lang`` cut short before a number («ст.», «пп.»; ``unit_abbreviations``)."""
    return tuple(data(lang).get("unit_abbreviations", ()))


@lru_cache(maxsize=None)
def unit_words(lang: str, cited: Optional[bool] = True) -> dict[str, str]:
    """Unit kind -> the pattern of its word in ``lang`` (``article`` -> ``стать(...)``/``бап(...)``)."""
    return {u["kind"]: _expand(u["pattern"], lang) for u in data(lang)["unit_words"]
            if cited is None or u.get("cited", True) == cited}
