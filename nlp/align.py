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
from typing import Optional

from rapidfuzz import fuzz

from maslihat.core.model import Document, Unit
from maslihat.core import grammar as G
from maslihat.nlp import patterns as P

NUMBERED = ("section", "chapter", "subchapter", "article", "point", "subpoint", "appendix")
_FOLD = str.maketrans({"ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и",
                       "ё": "е", "й": "и", "a": "а", "c": "с", "e": "е", "o": "о", "p": "р", "x": "х", "y": "у",
                       "i": "и", "k": "к", "m": "м", "h": "н", "t": "т", "b": "в"})
_LEAD_NUM = re.compile(rf"^\s*(?:{P.ROMAN}\.)?\d*(?:[.\-]\d+)*\s*[.)]?\s*")
_AMOUNT = re.compile(r"(\d[\d\s]*(?:[.,]\d+)?)\s*(?:тенге|теңге|МРП|АЕК|айлық есептік|%|процент|пайыз)")


def own_text(doc: Document, units: list[Unit], u: Unit) -> str:
    """The unit's own words: its span up to its first child, without the leading number."""
    first_child = min((v.start for v in units if v.parent_id == u.id), default=u.end)
    return _LEAD_NUM.sub("", doc.text[u.start:max(u.start, first_child)]).strip()


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


def _n(s: str) -> str:
    return re.sub(r"[\s.)]+$", "", s).replace(" ", "").translate(str.maketrans("IІХ", "IIX"))


def stems(text: str) -> set[str]:
    """4-letter word prefixes after folding Kazakh letters to Russian: cognates meet across languages."""
    return {w[:4] for w in re.findall(r"[а-яa-z]{4,}", text.lower().translate(_FOLD))}


def numbers(text: str) -> Counter:
    return Counter(re.findall(r"\d+(?:[.,]\d+)?", text))


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
    cross = doc_a.language != doc_b.language
    ia, ib = {u.id: u for u in units_a}, {u.id: u for u in units_b}
    ta = {u.id: own_text(doc_a, units_a, u) for u in units_a}
    tb = {u.id: own_text(doc_b, units_b, u) for u in units_b}
    pa: dict[str, str] = {}
    used_b: set[str] = set()
    score: dict[str, float] = {}

    # 1. within one language, identical text wins over numbering (renumbered or moved points)
    if not cross:
        by_text: dict[tuple, list[str]] = {}
        for u in units_b:
            if tb[u.id]:
                by_text.setdefault((u.kind, re.sub(r"\s+", " ", tb[u.id])), []).append(u.id)
        for u in units_a:
            cand = by_text.get((u.kind, re.sub(r"\s+", " ", ta[u.id])), [])
            cand = [c for c in cand if c not in used_b]
            if ta[u.id] and cand and len(ta[u.id]) > 15:
                pa[u.id] = cand[0]
                used_b.add(cand[0])
                score[u.id] = 1.0

    # 2. structure: same part, kind and number chain; unnumbered children follow their parent
    keys_b: dict[tuple, list[str]] = {}
    for u in units_b:
        if u.kind in NUMBERED and u.number:
            keys_b.setdefault(_path(ib, u), []).append(u.id)
    for u in units_a:
        if u.id in pa or u.kind not in NUMBERED or not u.number:
            continue
        cand = [c for c in keys_b.get(_path(ia, u), []) if c not in used_b]
        if cand:
            s = similarity(ta[u.id], tb[cand[0]], cross)
            if cross or s >= 0.3 or len(ta[u.id]) < 15:
                pa[u.id] = cand[0]
                used_b.add(cand[0])
                score[u.id] = round(max(s, 0.5 if cross else s), 3)
    for u in units_a:                     # unnumbered children: n-th of its kind under paired parents
        if u.id in pa or u.kind in NUMBERED and u.number:
            continue
        pb = pa.get(u.parent_id) if u.parent_id else None
        sib_a = [v.id for v in units_a if v.parent_id == u.parent_id and v.kind == u.kind]
        sib_b = [v.id for v in units_b if v.parent_id == pb and v.kind == u.kind] if (pb or not u.parent_id) else []
        k = sib_a.index(u.id)
        if k < len(sib_b) and sib_b[k] not in used_b:
            s = similarity(ta[u.id], tb[sib_b[k]], cross)
            if s >= threshold or cross and s >= 0.3:
                pa[u.id] = sib_b[k]
                used_b.add(sib_b[k])
                score[u.id] = round(s, 3)

    # 3. text evidence for the rest: best candidate of the same kind, near the same relative position
    rest_b = [u for u in units_b if u.id not in used_b]
    na, nb = max(len(units_a), 1), max(len(units_b), 1)
    for u in units_a:
        if u.id in pa:
            continue
        best, best_s = None, threshold
        for v in rest_b:
            if v.id in used_b or v.kind != u.kind:
                continue
            s = similarity(ta[u.id], tb[v.id], cross)
            s -= 0.2 * abs(u.ordinal / na - v.ordinal / nb)
            if s > best_s:
                best, best_s = v, s
        if best is not None:
            pa[u.id] = best.id
            used_b.add(best.id)
            score[u.id] = round(best_s, 3)

    # output in a's order, b-only units inserted after the b-unit that precedes them
    out: list[tuple[Optional[str], Optional[str], float]] = []
    pos_b = {u.id: k for k, u in enumerate(units_b)}
    only_b = [u.id for u in units_b if u.id not in used_b]
    after: dict[Optional[str], list[str]] = {}
    for bid in only_b:
        prev = None
        for k in range(pos_b[bid] - 1, -1, -1):
            if units_b[k].id in used_b:
                prev = units_b[k].id
                break
        after.setdefault(prev, []).append(bid)
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
