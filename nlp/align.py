"""Pair the units of two versions of a text: RU/KK of one act, two editions, two maslikhats' regulations.

Structure first (same kind and number path: `point 36` <-> `36-тармақ`), because numbering is
what both languages and all editions share; then, for what numbering leaves unpaired, text
evidence. Within one language that is plain string similarity (rapidfuzz); across languages
it is what survives translation: digits, dates, amounts, shared stems of proper names and
loanwords (`депутат`, `Кокшетау`/`Көкшетау`, `округ`), length and position.

``discrepancies`` then reads the pairs for what a lawyer must check: units present on one side
only, different numbers, dates, amounts or cited acts, and items listed in a different order
(seed 001 point 130: subpoints 2 and 3 swapped between RU and KK).
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Optional

from rapidfuzz import fuzz

from maslihat.core.chars import replacer
from maslihat.core.model import Document, Unit
from maslihat.core import grammar as G
from maslihat.nlp import patterns as P

NUMBERED = ("section", "chapter", "subchapter", "article", "point", "subpoint", "appendix")
_FOLD = replacer(str.maketrans({
    "ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и", "ё": "е", "й": "и",
    "a": "а", "c": "с", "e": "е", "o": "о", "p": "р", "x": "х", "y": "у", "i": "и", "k": "к", "m": "м", "h": "н",
    "t": "т", "b": "в"}))
# the leading number of a point («12.», «3)», «1.2.»), not of a Kazakh heading whose word follows
# it («5-параграф.», «1-тарау.»: kept whole, as «Параграф 5.» is in Russian)
_LEAD_NUM = re.compile(rf"^\s*(?:{P.ROMAN}\.)?\d*(?:[.\-]\d+)*(?!-[^\W\d_])\s*[.)]?\s*")
_AMOUNT = re.compile(r"(\d[\d\s]*(?:[.,]\d+)?)\s*(?:тенге|теңге|МРП|АЕК|айлық есептік|%|процент|пайыз)")


_CHILDREN: dict[int, tuple] = {}     # id(units) -> (units, its length, {parent id: [children in order]})


def children(units: list[Unit], u: Unit) -> list[Unit]:
    """``u``'s children in ``units``' order. The index of a units list is built once and kept for the
    list (a diff or an alignment asks for each unit in turn: a scan of the list per unit made a
    700-unit law's RU/KK diff take seconds, a code's minutes)."""
    hit = _CHILDREN.get(id(units))
    if hit is None or hit[0] is not units or hit[1] != len(units):
        kids: dict = {}
        for v in units:
            if v.parent_id is not None:
                kids.setdefault(v.parent_id, []).append(v)
        if len(_CHILDREN) >= 8:
            _CHILDREN.clear()
        hit = _CHILDREN[id(units)] = (units, len(units), kids)
    return hit[2].get(u.id, [])


def first_child_start(units: list[Unit], u: Unit) -> int:
    """Where ``u``'s first child begins (its end when it has none)."""
    return min((v.start for v in children(units, u)), default=u.end)


def own_text(doc: Document, units: list[Unit], u: Unit) -> str:
    """The unit's own words: its span up to its first child, without the leading number."""
    return _LEAD_NUM.sub("", doc.text[u.start:max(u.start, first_child_start(units, u))]).strip()


def _path(units_by_id: dict, u: Unit) -> tuple:
    """(part, kind, numbers of the point/article chain): stable across languages and chapters."""
    chain = []
    p: Optional[Unit] = u
    while p is not None:
        if p.kind in ("article", "point", "subpoint") and p.number:
            chain.append((p.kind, _n(p.number)))
        p = units_by_id.get(p.parent_id)
    if u.kind in ("chapter", "subchapter", "section", "appendix"):
        chain = [(u.kind, _n(u.number or ""))]
    return (u.part, u.kind, tuple(reversed(chain)))


_N_TAIL = re.compile(r"[\s.)]+$")
_N_ROMAN = str.maketrans("IІХ", "IIX")
_STEM_WORD = re.compile(r"[а-яa-z]{4,}")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


@lru_cache(maxsize=8192)
def _n(s: str) -> str:
    return _N_TAIL.sub("", s).replace(" ", "").translate(_N_ROMAN)


def stems(text: str) -> set[str]:
    """4-letter word prefixes after folding Kazakh letters to Russian: cognates meet across languages."""
    return {w[:4] for w in _STEM_WORD.findall(_FOLD(text.lower()))}


def numbers(text: str) -> Counter:
    return Counter(_NUMBER.findall(text))


def dates(text: str) -> set[str]:
    return {d.iso for d in G.find_dates(text)}


def _strip_dates(text: str) -> str:
    for rx in G.DATE_RX:
        text = rx.sub(" ", text)
    return G.NUMBER_RX.sub(" ", text)


def amounts(text: str) -> set[str]:
    return {re.sub(r"\s", "", m.group(1)).replace(",", ".") for m in _AMOUNT.finditer(text)}


def _jacc(a, b) -> float:
    a, b = set(a), set(b)
    return len(a & b) / len(a | b) if (a or b) else 1.0


def similarity(ta: str, tb: str, cross_language: bool) -> float:
    """0..1: string similarity within a language, shared evidence across languages."""
    if not ta and not tb:
        return 1.0
    if not cross_language:
        return fuzz.ratio(ta, tb) / 100.0
    la, lb = len(ta), len(tb)
    length = min(la, lb) / max(la, lb) if max(la, lb) else 1.0
    na, nb = numbers(ta), numbers(tb)
    num = _jacc(na, nb) if (na or nb) else 0.5
    return 0.55 * _jacc(stems(ta), stems(tb)) + 0.25 * num + 0.20 * length


def align(doc_a: Document, units_a: list[Unit], doc_b: Document, units_b: list[Unit],
          threshold: float = 0.45) -> list[tuple[Optional[str], Optional[str], float]]:
    """Unit id pairs (a, b, score) in document order of a; unpaired units with None on the other side."""
    from maslihat.nlp.align_core import pair          # near-linear: indexes first, text only where needed
    pa, score = pair(doc_a, units_a, doc_b, units_b, path=_path, similarity=similarity, lead_num=_LEAD_NUM,
                     stems=stems, numbers=numbers, threshold=threshold)
    used_b = set(pa.values())

    # output in a's order, b-only units inserted after the b-unit that precedes them
    out: list[tuple[Optional[str], Optional[str], float]] = []
    after: dict[Optional[str], list[str]] = {}
    prev: Optional[str] = None
    for u in units_b:                     # one pass: each b-only unit follows the last paired one
        if u.id in used_b:
            prev = u.id
        else:
            after.setdefault(prev, []).append(u.id)
    for bid in after.get(None, []):
        out.append((None, bid, 0.0))
    for u in units_a:
        b = pa.get(u.id)
        out.append((u.id, b, score.get(u.id, 0.0)))
        for bid in after.get(b, []) if b else []:
            out.append((None, bid, 0.0))
    return out


def discrepancies(doc_a: Document, units_a: list[Unit], doc_b: Document, units_b: list[Unit], pairs,
                  refs_a=None, refs_b=None) -> list[dict]:
    """What differs between aligned versions: ``nlp.compare_rukk`` (facts, missing provisions, order)."""
    from maslihat.nlp.compare_rukk import discrepancies as _discrepancies
    return _discrepancies(doc_a, units_a, doc_b, units_b, pairs, refs_a, refs_b)
