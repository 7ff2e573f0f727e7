"""A letterhead: the opening run of short lines of an act laid out as printed — the body's name, the act
word, the date and the number, the place — in any order, RU or KK, one column or two, above the title.
What it states is read as the requisite line's words are (``ingest.requisites``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from maslihat.core import grammar as G
from maslihat.core.grammar import find_dates, parse_date
from maslihat.ingest import patterns as P
from maslihat.ingest.requisites import (_KK_LETTERS, _UP, ActMeta, _national, first_number, issuer_kind_of,
                                        kk_issuer, ru_issuer)

# --- letterhead -----------------------------------------------------------------------------
# An act laid out as printed (a user's own DOCX, PDF or TXT) opens with a letterhead: short lines of
# their own, in any order, RU or KK, with or without blank lines — the body's name («ТЕСТОВЫЙ РАЙОННЫЙ
# МАСЛИХАТ», «Алматы облыстық мәслихаты», or with the act word in the genitive: «РЕШЕНИЕ АЛМАТИНСКОГО
# ОБЛАСТНОГО МАСЛИХАТА»), the act word («РЕШЕНИЕ», «ШЕШІМ»), the date and number («от 12 марта 2020
# года № 45-3», «2020 жылғы 12 наурыздағы № 45-3», «12.03.2020 ж. № 45-3»), the place («г. Кокшетау»,
# «Көкшетау қ.»), the country or the session; a bilingual letterhead flattened from two columns puts
# the Kazakh and Russian words on one line, three spaces or more apart. The title is the first line
# after it that is none of those.

_COLUMNS = re.compile(r"\s{3,}|\t+")
_BODY_NOUNS_RU = ("маслихат", "акимат", "аким")
_BODY_NOUNS_KK = ("мәслихаты", "маслихаты", "әкімдігі", "әкімі")
_BODY_GEN_KK = tuple(k for k, v in P.KK_NOMINATIVE.items() if v in _BODY_NOUNS_KK)
_PLACE_LINE = re.compile(rf"^(?:(?:г|с|п|пос|ст|а)\.\s*|город\s+|село\s+|поселок\s+)[{_UP}][\w-]+(?:\s+[{_UP}][\w-]+)?$|"
                         rf"^[{_UP}][\w-]+(?:\s+[{_UP}][\w-]+)?\s+(?:қ\.|а\.|қаласы|ауылы|кенті)$", re.I)
_PLACE_ANY = re.compile(rf"(?:(?<!\S)(?:г|с|п|пос|ст|а)\.\s*|(?<!\S)(?:город|село|поселок)\s+)[{_UP}][\w-]+|"
                        rf"(?<!\S)[{_UP}][\w-]+\s+(?:қ\.|а\.|қаласы|ауылы|кенті)(?!\w)")
_MISC_LINE = re.compile(r"^(?:РЕСПУБЛИКА\s+КАЗАХСТАН|ҚАЗАҚСТАН\s+РЕСПУБЛИКАСЫ|[IVXLCІ\d]+[-\s]*(?:й\s+)?(?:сессия|сессиясы|созыва|"
                        r"шақырылған|шақырылым\w*)(?:\s+\S+){0,3}|(?:\S+\s+){0,3}(?:сессия|сессиясы|созыва|шақырылған))$", re.I)
_DATE_FILLER = frozenset({"от", "года", "г", "ж", "жылғы", "№", "n", "за"})
_ACT_HEADS = {**{w: dt for w, dt in G.requisite_words("ru").items() if " " not in w},
              "шешім": "decision", "қаулы": "resolution", "бұйрық": "order", "өкім": "order", "жарлық": "decree",
              **G.requisite_words("kk")}


def _recase(line: str) -> str:
    """A body's name printed in capitals, in the case the requisite writes it: the first word and the
    names of places (``core.places``) capitalised, the rest in lower case."""
    if line != line.upper():
        return line
    from maslihat.core import places
    stems = [st for p in places.gazetteer().places.values() for st in p.stems + p.former]
    out = []
    for k, w in enumerate(line.lower().split()):
        f = places.fold(w)
        if k == 0 or any(f.startswith(st) for st in stems if " " not in st) or f.startswith(("республик", "казахстан", "қазақстан")):
            w = w[:1].upper() + w[1:]
        out.append(w)
    return " ".join(out)


def _body_line(col: str) -> Optional[tuple[str, str, Optional[str]]]:
    """(language, issuer as written, act word or None) of a letterhead's body line, or None."""
    words = col.split()
    if not 1 < len(words) <= 7 or find_dates(col) or re.search(r"\d|[.;:,«»\"]$", col):
        return None
    low = [places_fold(w) for w in words]
    if sum(1 for w in low if w.startswith(_BODY_STEMS)) != 1:
        return None                 # two bodies: a two-column header's halves, read apart
    act = low[0] if low[0] in _ACT_HEADS and low[0] in G.requisite_words("ru") else None
    if act and low[-1] in (_BODY_NOUNS_RU_GEN):               # «РЕШЕНИЕ АЛМАТИНСКОГО ОБЛАСТНОГО МАСЛИХАТА»
        return "ru", " ".join(words[1:]), act
    if act and low[1] in _BODY_NOUNS_RU_GEN:                  # «РЕШЕНИЕ МАСЛИХАТА АЛМАТИНСКОЙ ОБЛАСТИ»
        return "ru", " ".join(words[1:]), act
    if low[-1] in G.requisite_words("kk") and len(low) > 2 and low[-2] in _BODY_GEN_KK:
        return "kk", " ".join(words[:-1]), low[-1]            # «АЛМАТЫ ОБЛЫСТЫҚ МӘСЛИХАТЫНЫҢ ШЕШІМІ»
    if low[-1] in _BODY_NOUNS_KK:
        return "kk", col, None
    if low[-1] in _BODY_NOUNS_RU or low[0] in _BODY_NOUNS_RU:
        return "ru", col, None
    return None


def places_fold(word: str) -> str:
    return re.sub(r"[^\w-]", "", word.lower().replace("ё", "е"))


_BODY_NOUNS_RU_GEN = ("маслихата", "акимата", "акима")


def _date_line(col: str) -> bool:
    """A line of the date and number (the act word may stand before them): nothing else."""
    dates, nums = find_dates(col), G.find_numbers(col)
    if not (dates or nums):
        return False
    rest = col
    for a, b in sorted([(d.start, d.end) for d in dates] + [(n.start, n.end) for n in nums], reverse=True):
        rest = rest[:a] + " " + rest[b:]
    # the place may stand on the date's line («г. Кокшетау    от 12 марта 2020 года № 45-3»)
    rest = _PLACE_ANY.sub(" ", rest, count=1)
    return all(not w or w in _DATE_FILLER or w in _ACT_HEADS for w in map(places_fold, rest.split()))


def _letterhead_kind(col: str):
    """('body', (lang, issuer, act)) | ('act', word) | ('date', None) | ('place'|'misc', None) | None."""
    col = col.strip()
    if not col or len(col) > 120:
        return None
    if _date_line(col):
        return "date", None
    words = [places_fold(w) for w in col.split()]
    if 0 < len(words) <= 2 and all(w in _ACT_HEADS for w in words):
        return "act", words[0]
    body = _body_line(col)
    if body:
        return "body", body
    if _PLACE_LINE.match(col):
        return "place", None
    if _MISC_LINE.match(col):
        return "misc", None
    return None


@dataclass
class Letterhead:
    end: int                                  # index of the first line after it (the title's)
    lines: list                               # (index, kind, value, column) of its columns


def _columns(line: str) -> Optional[list[tuple[str, tuple]]]:
    """(column, kind) of a letterhead line, or None when it is not one. A two-column header
    flattened keeps its columns three spaces apart, or one when the text's spaces were collapsed:
    then the line is read as two columns split at the word where both halves are letterhead lines."""
    cols = [c for c in _COLUMNS.split(line.strip()) if c.strip()]
    kinds = [_letterhead_kind(c) for c in cols]
    if all(kinds):
        return list(zip(cols, kinds))
    words = line.split()
    # two columns have two of: a body's noun, an act word, a place's mark (the split is tried only then)
    cues = sum(1 for w in words if (f := places_fold(w)) in _ACT_HEADS or f.startswith(_BODY_STEMS)
               or w.lower() in _PLACE_MARKS)
    if len(cols) == 1 and 2 <= len(words) <= 16 and cues >= 2:
        for k in range(1, len(words)):
            left, right = " ".join(words[:k]), " ".join(words[k:])
            a = _letterhead_kind(left)
            b = _letterhead_kind(right) if a else None
            if a and b:
                return [(left, a), (right, b)]
    return None


_BODY_STEMS = ("маслихат", "мәслихат", "аким", "әкім")
_PLACE_MARKS = frozenset({"г.", "с.", "п.", "пос.", "ст.", "а.", "қ.", "город", "село", "поселок", "қаласы", "ауылы",
                          "кенті"})


def find_letterhead(lines: list[str], most: int = 10) -> Optional[Letterhead]:
    """The letterhead opening ``lines``, or None: a run of letterhead lines (blank lines between them
    or not) holding a date line and an act word, and a line after it (the title)."""
    found, seen = [], 0
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        cols = _columns(line)
        if cols is None:
            # the act word is needed: an agency's reply on its letterhead (body, date, number) is no act
            has = {k[0] for _, k, _ in found} | {"act" for _, k, _ in found if k[0] == "body" and k[1][2]}
            return Letterhead(i, found) if {"date", "act"} <= has and len(found) >= 2 else None
        found.extend((i, k, c) for c, k in cols)
        seen += 1
        if seen >= most:
            return None
    return None


def letterhead_meta(head: Letterhead, language: str) -> ActMeta:
    """The requisites a letterhead states, read in the document's language where it states both."""
    meta = ActMeta()

    def lang_of(col: str) -> str:
        return "kk" if _KK_LETTERS.search(col) or re.search(r"\bж\.|жылғы", col) else "ru"

    def pick(kind):
        cols = [(k, c) for _, k, c in head.lines if k[0] == kind]
        mine = [x for x in cols if lang_of(x[1]) == language]
        return (mine or cols or [None])[0]

    # the date and the number may stand on lines of their own («от 12 марта 2020 года» / «№ 45-3»)
    dates = sorted((c for _, k, c in head.lines if k[0] == "date"), key=lambda c: lang_of(c) != language)
    meta.adopted_date = next((d for d in map(parse_date, dates) if d), None)
    meta.number = next((n for n in map(first_number, dates) if n), None)
    acts = [k[1] for _, k, c in head.lines if k[0] == "act" and lang_of(c) == language] + \
        [k[1][2] for _, k, c in head.lines if k[0] == "body" and k[1][2]] + \
        [k[1] for _, k, c in head.lines if k[0] == "act"]
    if acts:
        meta.doc_type = _ACT_HEADS.get(acts[0], "other")
    body = pick("body")
    if body:
        lang, name, _ = body[0][1]
        name = _recase(name)
        meta.issuer, meta.region = (ru_issuer if lang == "ru" else kk_issuer)(name)
        meta.issuer, meta.issuer_kind = _national(meta.issuer, meta.doc_type, lang)
        meta.issuer_kind = meta.issuer_kind or issuer_kind_of(meta.issuer or "")
    meta.extra["letterhead"] = [c for _, _, c in head.lines]
    return meta
