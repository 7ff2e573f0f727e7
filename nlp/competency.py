"""Competency tagging: unit text -> taxonomy codes (domain.md §6) with the terms that decided them.

Terms live in ``nlp/data/competencies.json`` per code and language, each with a weight. They are
normalised once with ``nlp.analyze.index_terms`` (lemmas / stems), so one entry covers every
inflected form, and matched in order allowing up to ``GAP`` other words between their words
(уточнение местного бюджета matches "уточнение бюджета"). A code is assigned when the summed
weights reach the threshold — a single weak word (бюджет in "за счет местного бюджета") does not
tag; each term counts at most twice; and a code must reach RELATIVE × the unit's best score,
so a point about voting that names the chairman once is not also tagged "bodies". A short unit (a subpoint,
a one-sentence part: at most SHORT_TERMS normalised words) names its subject once: there one supporting
word (SHORT_THRESHOLD) could tag its code when no other code scores more (off: SHORT_TERMS 0, see below). A phrase of weight 0 (за счет
бюджета) marks a passing mention: it takes its words' places and adds nothing. The result is explainable: code -> the phrases matched.
"""
from __future__ import annotations

import json
from bisect import bisect_right
from functools import lru_cache
from typing import Optional
from pathlib import Path

from maslihat.core.taxonomy import COMPETENCY_LABELS
from maslihat.nlp.analyze import index_terms

DATA = Path(__file__).resolve().parent / "data" / "competencies.json"
GAP = 1
MAX_COUNT = 2


@lru_cache(maxsize=1)
def _data() -> dict:
    return json.loads(DATA.read_text(encoding="utf-8"))


TAXONOMY: dict[str, dict[str, str]] = COMPETENCY_LABELS     # code -> labels; listed in core/data/taxonomy.yaml
THRESHOLD: float = _data()["threshold"]
RELATIVE: float = _data().get("relative", 0.0)
# a code's own RELATIVE (bodies 0.7: a body acts in almost every provision of a regulation, so it needs a
# larger share of the unit's strongest code than the others; the actor of another code's procedure is not
# what the unit is about. 1.0 costs right pairs of bench.compare_pairs, docs/quality.md, session 29 i-comp4)
RELATIVE_BY_CODE: dict[str, float] = _data().get("relative_by_code", {})
# a short unit (a subpoint, a one-sentence part: at most SHORT_TERMS normalised words) names its
# subject once: one supporting word (weight 1) tags its code when no other code scores more. Shipped
# off (0): at 16 it costs right pairs of bench.compare_pairs through the tags as pairing features
SHORT_TERMS: int = _data().get("short_terms", 0)
SHORT_THRESHOLD: float = _data().get("short_threshold", THRESHOLD)
# what a unit inherits from its act («Об утверждении ставок платы за …», «… төлем ставкасын бекіту
# туралы»): a table's row (a rate line «- III класса токсичности\t1 тонна\t400» has no word of its
# own) takes the codes its document's title reaches; a unit with no code of its own adds TITLE_WEIGHT ×
# the title's score to the codes it has some evidence of (weak: the title alone never tags such a unit)
TITLE_WEIGHT: float = _data().get("title_weight", 0.0)


@lru_cache(maxsize=4)
def _lexicon(lang: str) -> list[tuple[str, str, tuple[str, ...], float]]:
    """(code, phrase as written, normalised terms, weight), longest phrases first."""
    out = []
    for code, v in _data()["codes"].items():
        for phrase, weight in v.get(lang, []):
            terms = tuple(index_terms(phrase, lang))
            if terms:
                out.append((code, phrase, terms, float(weight)))
    out.sort(key=lambda e: -len(e[2]))
    return out


def _next_free(pos: list[int], after: int, used: set[int]) -> Optional[int]:
    """The first position in ``pos`` (ascending) within GAP words after ``after`` and not in ``used``:
    found by bisection, not by a pass over every occurrence (a long article repeats its words)."""
    i = bisect_right(pos, after)
    while i < len(pos) and pos[i] <= after + 1 + GAP:
        if pos[i] not in used:
            return pos[i]
        i += 1
    return None


def _count(positions: dict[str, list[int]], phrase: tuple[str, ...], used: set[int]) -> int:
    """Occurrences of ``phrase`` in order with at most GAP words between consecutive words,
    on positions no longer phrase has taken (председатель inside председатель сессии counts once)."""
    n = 0
    for start in positions.get(phrase[0], ()):
        if start in used:
            continue
        span = [start]
        for w in phrase[1:]:
            nxt = _next_free(positions.get(w, ()), span[-1], used)
            if nxt is None:
                break
            span.append(nxt)
        else:
            used.update(span)
            n += 1
            if n >= MAX_COUNT:
                break
    return n


@lru_cache(maxsize=4)
def _by_first_term(lang: str) -> dict[str, list[int]]:
    """First normalised term -> positions in ``_lexicon(lang)`` of the phrases starting with it."""
    out: dict[str, list[int]] = {}
    for k, (_code, _phrase, norm, _weight) in enumerate(_lexicon(lang)):
        out.setdefault(norm[0], []).append(k)
    return out


@lru_cache(maxsize=4)
def _phrase_terms(lang: str) -> frozenset:
    """Every normalised term of any phrase of ``_lexicon(lang)``."""
    return frozenset(t for _code, _phrase, norm, _weight in _lexicon(lang) for t in norm)


def scores(text: str, lang: str) -> dict[str, tuple[float, list[str]]]:
    """Every code with some evidence: (score, phrases matched)."""
    return scores_of_terms(index_terms(text, lang), lang)


def scores_of_terms(terms: list[str], lang: str) -> dict[str, tuple[float, list[str]]]:
    """``scores`` of a text already turned into its ``index_terms``."""
    key = lang if lang in ("ru", "kk") else "ru"
    # the places of the terms some phrase holds, the only ones matching reads (most of a text's
    # terms are in none: a set test is cheaper than a list per distinct term, issue 14)
    vocabulary = _phrase_terms(key)
    positions: dict[str, list[int]] = {}
    for i, t in enumerate(terms):
        if t in vocabulary:
            positions.setdefault(t, []).append(i)
    out: dict[str, tuple[float, list[str]]] = {}
    used: dict[str, set[int]] = {}
    lexicon, first = _lexicon(key), _by_first_term(key)
    # only the phrases whose first term occurs, in lexicon order (longest first)
    candidates = sorted(k for t in positions if t in first for k in first[t])
    for k in candidates:
        code, phrase, norm, weight = lexicon[k]
        c = _count(positions, norm, used.setdefault(code, set()))
        if c:
            s, found = out.get(code, (0.0, []))
            out[code] = (s + weight * c, found + [phrase])
    return out


def tag(text: str, lang: str, lead: str = "", title: str = "", row: bool = False) -> dict[str, list[str]]:
    """Taxonomy codes of ``text`` -> the phrases (as written in the term list) that decided them.
    ``lead``: the lead-in of the list the unit is an item of (``lead_ins``), read with it; ``title``:
    its document's title and ``row``: whether the unit is a table's row (``tag_terms``)."""
    return tag_terms(index_terms(text, lang), lang, index_terms(lead, lang) if lead else (),
                     tuple(index_terms(title, lang)) if title else (), row)


LIST_ITEM_KINDS = frozenset({"subpoint", "part", "paragraph"})


def lead_ins(units, text: Optional[str] = None) -> dict[str, tuple[int, int]]:
    """Unit id -> the span of the lead-in each subpoint is an item of: its parent's text before the
    parent's first sub-unit («58. Депутаты маслихата: 1) … 5) не должны прерывать выступающих»;
    «69. Мәслихат хатшысы: … 12) …»). The item completes that sentence, so its subject is often named
    only there. With the document's ``text``, a part or paragraph of a list reads its list's opening
    too: the parent's words before its first sub-unit, or that first part, when they end with a colon.
    Other units (points, articles) read their own span, sub-units included.
    One pass over the units (a law has thousands)."""
    by_id = {u.id: u for u in units}
    first: dict[str, int] = {}
    opening_of: dict[str, object] = {}
    for u in units:
        if u.parent_id is not None and (u.parent_id not in first or u.start < first[u.parent_id]):
            first[u.parent_id] = u.start
            opening_of[u.parent_id] = u
    out = {}
    for u in units:
        parent = by_id.get(u.parent_id) if u.kind in LIST_ITEM_KINDS and u.parent_id else None
        if parent is None:
            continue
        if u.kind == "subpoint":
            if first[parent.id] > parent.start:
                out[u.id] = (parent.start, first[parent.id])
        elif text is not None:
            # a part or paragraph is an item when its parent opens a list: the parent's words
            # before its first sub-unit, or that first sub-unit itself, end with a colon
            # («Адресная социальная помощь оказывается в виде:» / «- социальной помощи на погребение …»)
            if first[parent.id] > parent.start and text[parent.start:first[parent.id]].rstrip().endswith(":"):
                out[u.id] = (parent.start, first[parent.id])
            else:
                opening = opening_of.get(parent.id)
                if opening is not None and opening.id != u.id and opening.start < u.start \
                        and text[opening.start:opening.end].rstrip().endswith(":"):
                    out[u.id] = (opening.start, opening.end)
    return out


HEADED_KINDS = frozenset({"section", "chapter", "subchapter", "appendix"})


def headings(units) -> dict[str, str]:
    """Unit id -> the headings of the sections, chapters and appendices it stands in, outermost
    first, one line («Депутатская этика» over «58. Депутаты маслихата: … 3) не должны призывать …»):
    what the act says the unit is about where the unit's own words do not. Units outside any: none."""
    by_id = {u.id: u for u in units}
    out = {}
    for u in units:
        heads, p = [], by_id.get(u.parent_id) if u.parent_id else None
        while p is not None:
            if p.kind in HEADED_KINDS and getattr(p, "heading", None):
                heads.append(p.heading)
            p = by_id.get(p.parent_id) if p.parent_id else None
        if heads:
            out[u.id] = ". ".join(reversed(heads))
    return out


def tag_terms(terms: list[str], lang: str, lead: tuple = (), title: tuple = (),
              row: bool = False) -> dict[str, list[str]]:
    """``tag`` of a text already turned into its ``index_terms`` (saves re-tokenising); ``lead``: the
    terms of its lead-in (``lead_ins``), read before it — they add evidence, never make the unit long.
    ``title``: the terms of its document's title, read only when the unit has no code of its own:
    a table's row (``row``) inherits the codes the title reaches (a rate line is about what its
    act sets); another unit adds TITLE_WEIGHT × the title's score to the codes it has evidence of."""
    sc = scores_of_terms(list(lead) + list(terms) if lead else terms, lang)
    own = _decide(sc, len(terms) <= SHORT_TERMS)
    if own or not title or not (row or TITLE_WEIGHT):
        return own
    tsc = scores_of_terms(list(title), lang)
    inherited = _decide(tsc, False)
    if row:
        return {code: ["title: " + p for p in found] for code, found in inherited.items()}
    mixed = {code: (sc[code][0] + TITLE_WEIGHT * tsc[code][0], sc[code][1] + ["title: " + p for p in inherited[code]])
             for code in inherited if code in sc}
    return {code: found for code, (s, found) in mixed.items() if s >= THRESHOLD}


def _decide(sc: dict[str, tuple[float, list[str]]], short: bool) -> dict[str, list[str]]:
    """The codes of scores ``sc`` that reach the threshold and RELATIVE × the best score (the
    code's own RELATIVE_BY_CODE where it has one)."""
    best = max((s for s, _ in sc.values()), default=0.0)
    return {code: found for code, (s, found) in sc.items()
            if s >= RELATIVE_BY_CODE.get(code, RELATIVE) * best and (s >= THRESHOLD or short and s >= SHORT_THRESHOLD and s == best)}


def label(code: str, lang: str = "ru") -> str:
    """Human label of a code in ru, kk or en."""
    return TAXONOMY.get(code, {}).get(lang, code)
