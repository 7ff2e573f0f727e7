"""Dates as written in Russian and Kazakh acts -> ISO 'YYYY-MM-DD'.

Forms: ``20 марта 2014 года``, ``20 марта 2014 г.``, ``09.10.2014``, OCR-spaced ``21 .10.2003``,
``2014 жылғы 20 наурыздағы``, ``2005 жылғы 21 қаңтарда``, ``23 қаңтар 2001 жылы``,
``«26» декабря 2001 года``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from maslihat.ingest.patterns import MONTH_KK_RE, MONTH_RU_RE, MONTHS_KK, MONTHS_RU

_Q = r"[«\"“]?"
_Q2 = r"[»\"”]?"
DATE_PATTERNS = (
    ("dmy_ru", re.compile(rf"{_Q}(\d{{1,2}}){_Q2}\s*({MONTH_RU_RE})\s+(\d{{4}})(?:\s*(?:года|г\.|г\b|год))?", re.I)),
    ("ydm_kk", re.compile(rf"(\d{{4}})\s*(?:жылғы|жылы|ж\.)\s+{_Q}(\d{{1,2}}){_Q2}\s*({MONTH_KK_RE})", re.I)),
    ("dmy_kk", re.compile(rf"{_Q}(\d{{1,2}}){_Q2}\s*({MONTH_KK_RE})\s+(\d{{4}})(?:\s*(?:жылғы|жылы|ж\.))?", re.I)),
    ("numeric", re.compile(r"(?<![\d.])(\d{1,2})\s?\.\s?(\d{1,2})\s?\.\s?(\d{4})(?!\d)")),
)


_YEAR = re.compile(r"\d{4}")


@dataclass
class FoundDate:
    iso: str
    start: int
    end: int


_BY_LENGTH: dict[int, tuple] = {}      # id(table) -> (table, its stems longest first): sorted once


def _month(word: str, table: dict[str, int]) -> int | None:
    w = word.lower()
    entry = _BY_LENGTH.get(id(table))
    if entry is None or entry[0] is not table:
        entry = _BY_LENGTH[id(table)] = (table, sorted(table, key=len, reverse=True))
    for stem in entry[1]:
        if w.startswith(stem):
            return table[stem]
    return None


def _iso(y: int, m: int | None, d: int) -> str | None:
    try:
        return date(y, m or 0, d).isoformat() if m else None
    except ValueError:
        return None


def find_dates(text: str) -> list[FoundDate]:
    """Every date in ``text``, in order of position (overlapping matches dropped)."""
    found: list[FoundDate] = []
    if not _YEAR.search(text):                 # every form has a 4-digit year
        return found
    for kind, rx in DATE_PATTERNS:
        for m in rx.finditer(text):
            if kind == "dmy_ru":
                iso = _iso(int(m.group(3)), _month(m.group(2), MONTHS_RU), int(m.group(1)))
            elif kind == "ydm_kk":
                iso = _iso(int(m.group(1)), _month(m.group(3), MONTHS_KK), int(m.group(2)))
            elif kind == "dmy_kk":
                iso = _iso(int(m.group(3)), _month(m.group(2), MONTHS_KK), int(m.group(1)))
            else:
                iso = _iso(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            if iso and not any(f.start < m.end() and m.start() < f.end for f in found):
                found.append(FoundDate(iso, m.start(), m.end()))
    return sorted(found, key=lambda f: f.start)


def first_date(text: str) -> str | None:
    found = find_dates(text)
    return found[0].iso if found else None
