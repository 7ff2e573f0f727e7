"""Documents and units -> index rows, the same rows for both back ends (pure functions).

Each word of a document is indexed once: a unit's row holds its own text minus the spans of
its indexed descendants (a point with subpoints indexes its lead-in; the subpoints index
themselves). Containers (section, appendix, toc, title, signature) get no row of their own.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator, Mapping, Optional

from maslihat.corpus.index.facets import INDEXED_KINDS
from maslihat.corpus.index.query import safe_term, terms_of
from maslihat.core import places
from maslihat.core.model import Document, Unit

ROW_FIELDS = ("unit_id", "document_id", "language", "doc_type", "competency", "issuer_kind", "issuer",
              "region", "year", "status", "kind", "label", "title", "adopted_date", "ordinal", "text",
              "terms", "nterms")
GAP = "\n"


def own_spans(unit: Unit, inner: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``unit``'s [start, end) minus the (possibly nested) spans of its indexed descendants."""
    spans, pos = [], unit.start
    for s, e in sorted(inner):
        s, e = max(s, unit.start), min(e, unit.end)
        if s > pos:
            spans.append((pos, s))
        pos = max(pos, e)
    if pos < unit.end:
        spans.append((pos, unit.end))
    return spans


def own_text(text: str, unit: Unit, inner: list[tuple[int, int]]) -> str:
    return spans_text(text, own_spans(unit, inner))


def spans_text(text: str, spans: list[tuple[int, int]]) -> str:
    """The words of ``text`` in ``spans`` as a unit's row holds them (``own_text``)."""
    return join_parts(text[s:e] for s, e in spans)


def spans_by_unit(units: Iterable[Unit]) -> dict[str, list[tuple[int, int]]]:
    """unit id -> ``own_spans`` of each indexed unit (the spans ``unit_rows_spans`` gives)."""
    return {u.id: own_spans(u, inner) for _seq, u, inner in _indexed(units)}


def join_parts(parts: Iterable[str]) -> str:
    """A unit's own text from the pieces of its spans: each stripped, empty ones left out, joined
    by ``GAP``."""
    return GAP.join(p for p in (x.strip() for x in parts) if p)


def _nearest_indexed_ancestor(unit: Unit, by_id: dict[str, Unit]) -> str | None:
    seen = set()
    pid = unit.parent_id
    while pid and pid in by_id and pid not in seen:
        seen.add(pid)
        parent = by_id[pid]
        if parent.kind in INDEXED_KINDS:
            return pid
        pid = parent.parent_id
    return None


@lru_cache(maxsize=200_000)
def cached_terms(text: str, lang: str) -> str:
    """Space-joined index terms; cached because generated corpora repeat their sentences."""
    return " ".join(terms_of(text, lang))


_SAFE: dict[str, str] = {}


def _safe_term_cached(term: str) -> str:
    """``safe_term`` memoised (a pure function of a term, and a corpus has few distinct terms)."""
    r = _SAFE.get(term)
    if r is None:
        if len(_SAFE) > 500_000:
            _SAFE.clear()
        r = _SAFE[term] = safe_term(term)
    return r


def _indexed(units: Iterable[Unit]) -> Iterator[tuple[int, Unit, list[tuple[int, int]]]]:
    """(position in document order, unit, its indexed descendants' spans) per indexed unit."""
    units = sorted(units, key=lambda u: (u.ordinal, u.start))
    by_id = {u.id: u for u in units}
    inner: dict[str, list[tuple[int, int]]] = {}
    for u in units:
        if u.kind in INDEXED_KINDS:
            anc = _nearest_indexed_ancestor(u, by_id)
            if anc:
                inner.setdefault(anc, []).append((u.start, u.end))
    for seq, u in enumerate(units):
        if u.kind in INDEXED_KINDS:
            yield seq, u, inner.get(u.id, [])


def unit_terms(units: Iterable[Unit], term_index) -> dict[str, str]:
    """unit id -> the ``terms`` its row holds, from the terms of the whole document computed once
    (``nlp.analyze.TermIndex`` of the document's text): the same string as ``unit_rows``
    computes from the unit's own text, so the worker stage can compute it (``corpus.build``)."""
    safe = _safe_term_cached
    out: dict[str, str] = {}
    for _seq, u, inner in _indexed(units):
        terms: list[str] = []
        for s, e in own_spans(u, inner):
            terms += term_index.terms_of(s, e)
        out[u.id] = " ".join(t for t in map(safe, terms) if t)
    return out


def unit_rows(doc: Document, units: Iterable[Unit], terms: Optional[Mapping[str, str]] = None) -> Iterator[dict]:
    """One row per indexed unit with any searchable text, in document order.

    ``terms`` (unit id -> terms, from ``unit_terms``) spares normalising the text again."""
    for row, _spans in unit_rows_spans(doc, units, terms):
        yield row


def unit_rows_spans(doc: Document, units: Iterable[Unit],
                    terms: Optional[Mapping[str, str]] = None) -> Iterator[tuple[dict, list[tuple[int, int]]]]:
    """``unit_rows``, each with the spans of ``doc.text`` its text is cut from (``spans_text``)."""
    year = (doc.adopted_date or "")[:4]
    for seq, u, inner in _indexed(units):
        spans = own_spans(u, inner)
        text = spans_text(doc.text, spans)
        if not text:
            continue
        t = terms.get(u.id) if terms is not None else None
        if t is None:
            t = cached_terms(text, doc.language)
        if not t:
            continue
        yield {
            "unit_id": u.id, "document_id": doc.id, "language": doc.language,
            "doc_type": doc.doc_type, "competency": sorted(set(u.competencies or [])),
            # one value per body and place (core/places.py ids), the wording when the body is unknown
            "issuer_kind": doc.issuer_kind or None, "issuer": _issuer_value(doc),
            "region": _region_value(doc), "year": year if len(year) == 4 and year.isdigit() else None,
            "status": doc.status or "unknown", "kind": u.kind, "label": u.label or "",
            "title": doc.title or "", "adopted_date": doc.adopted_date or None,
            "ordinal": seq, "text": text, "terms": t, "nterms": len(t.split()),
        }, spans


def rows_for(docs: list[Document], units_by_doc: dict[str, list[Unit]],
             terms: Optional[Mapping[str, str]] = None) -> Iterator[dict]:
    for d in docs:
        yield from unit_rows(d, units_by_doc.get(d.id, []), terms)


def rows_spans_for(docs: list[Document], units_by_doc: dict[str, list[Unit]],
                   terms: Optional[Mapping[str, str]] = None) -> Iterator[tuple[dict, list[tuple[int, int]]]]:
    for d in docs:
        yield from unit_rows_spans(d, units_by_doc.get(d.id, []), terms)



def _issuer_value(doc: Document) -> Optional[str]:
    """The issuer facet's value: the body's id (the one a filter in any spelling maps to), also for
    documents stored before ids existed; the wording when the body is unknown."""
    return doc.issuer_id or _body_id(doc.issuer, doc.region)


def _region_value(doc: Document) -> Optional[str]:
    return doc.region_id or _place_id(doc.region, doc.issuer)


@lru_cache(maxsize=4096)
def _body_id(issuer: Optional[str], region: Optional[str]) -> Optional[str]:
    body = places.match_body(issuer, region) if issuer else None
    return body.id if body else (issuer or None)


@lru_cache(maxsize=4096)
def _place_id(region: Optional[str], issuer: Optional[str]) -> Optional[str]:
    return places.match_region(region, issuer) or region or None
