"""Facets: one class per facet kind behind one interface, used by both back ends.

A facet knows its values in an index row, how to validate requested values, and how to filter
and count in Elasticsearch (the SQLite back end counts in ``columnar``). The facets themselves —
names, vocabularies, help — are listed once in ``core/data/taxonomy.yaml``; ``FACETS`` is the
registry the back ends, the CLI and ``docs/search.md`` read (a test fails when a facet is
undocumented there).
"""
from __future__ import annotations

from typing import Iterable, Optional

from maslihat.corpus.index.base import QueryError
from maslihat.core.taxonomy import COMPETENCIES, FACET_SPECS, INDEXED_KINDS, FacetSpec  # noqa: F401

FREE_FACET_SIZE = 50   # open vocabularies (issuer, region, year) report their top values only


class Facet:
    """A single-valued keyword facet (``language``, ``doc_type``, ``issuer`` ...)."""

    multi = False

    def __init__(self, name: str, doc: str, vocabulary: Optional[Iterable[str]] = None):
        self.name = name
        self.field = name
        self.doc = doc
        self.vocabulary = tuple(vocabulary) if vocabulary is not None else None

    @property
    def size(self) -> int:
        return len(self.vocabulary) if self.vocabulary else FREE_FACET_SIZE

    def offered(self, counts: dict) -> dict:
        """The values a reader may pick, with what each keeps (an interface's facet list): the
        counts as stored, unless a value's filter keeps others too (``StatusFacet``)."""
        return dict(counts)

    def validate(self, values: Iterable[str]) -> list[str]:
        vals = [str(v) for v in values if v is not None and str(v) != ""]
        if self.vocabulary is not None:
            bad = [v for v in vals if v not in self.vocabulary]
            if bad:
                raise QueryError(f"unknown value {bad[0]!r} for facet {self.name!r}; "
                                 f"expected one of: {', '.join(self.vocabulary)}")
        return vals

    # Elasticsearch: a keyword field of the same name.
    def es_filter(self, values: list[str]) -> dict:
        return {"terms": {self.field: values}}

    def es_agg(self) -> dict:
        return {"terms": {"field": self.field, "size": self.size,
                          "order": [{"_count": "desc"}, {"_key": "asc"}]}}


class ListFacet(Facet):
    """A multi-valued facet (``competency``): a unit counts once under each of its values."""

    multi = True


class YearFacet(Facet):
    """The year of adoption, derived from ``adopted_date``; values are four digits."""

    def validate(self, values: Iterable[str]) -> list[str]:
        vals = super().validate(values)
        bad = [v for v in vals if not (len(v) == 4 and v.isdigit())]
        if bad:
            raise QueryError(f"bad year {bad[0]!r}: expected four digits, e.g. 2014")
        return vals


class PlaceFacet(Facet):
    """``issuer`` / ``region``: values are canonical ids of core/places.py (``kz-alm.maslikhat``,
    ``kz-alm``), one per body or place whatever the wording; a filter may name the body in any
    spelling or language («маслихат Алматинской области», «Алматы облыстық мәслихаты»)."""

    def validate(self, values: Iterable[str]) -> list[str]:
        from maslihat.core import places
        out = []
        for v in super().validate(values):
            if places.label(v, "ru") != v:            # already an id
                out.append(v)
                continue
            if self.name == "issuer":
                body = places.match_body(v)
                out.append(body.id if body else v)
            else:
                out.append(places.match_region(v) or v)
            if out[-1] != v:       # a document whose body/place has no id keeps its wording
                out.append(v)
        return out


class StatusFacet(Facet):
    """``status``: a filter on ``in_force`` keeps every act not known to be repealed. An act's text
    rarely says it is in force: without a repeal in its requisite or notes its status is
    ``unknown`` (the dev gold's «in_force_or_unknown»), so a filter on the stored value alone
    would keep nothing; ``unknown`` and ``repealed`` filter as stored, and counts stay by value."""

    CURRENT = {"in_force": ("in_force", "unknown")}

    def validate(self, values: Iterable[str]) -> list[str]:
        return list(dict.fromkeys(x for v in super().validate(values) for x in self.CURRENT.get(v, (v,))))

    def offered(self, counts: dict) -> dict:
        """``unknown`` is offered as ``in_force``, whose filter keeps it."""
        out = dict(counts)
        for value, kept in self.CURRENT.items():
            n = sum(out.pop(k, 0) for k in kept)
            if n:
                out[value] = n
        return out


_TYPES = {"single": Facet, "list": ListFacet, "year": YearFacet, "place": PlaceFacet, "status": StatusFacet}


def _facet(spec: FacetSpec) -> Facet:
    return _TYPES[spec.type](spec.name, spec.doc, spec.vocabulary)


# The facets listed in core/data/taxonomy.yaml, in the order shown.
FACETS: dict[str, Facet] = {spec.name: _facet(spec) for spec in FACET_SPECS}


def validate_filters(filters: Optional[dict]) -> dict[str, list[str]]:
    """Check facet names and values; drop empty lists. Unknown names raise ``QueryError``."""
    out: dict[str, list[str]] = {}
    for name, values in (filters or {}).items():
        facet = FACETS.get(name)
        if facet is None:
            raise QueryError(f"unknown facet {name!r}; facets are: {', '.join(FACETS)}")
        if isinstance(values, str):
            values = [values]
        vals = facet.validate(values or [])
        if vals:
            out[name] = vals
    return out


def order_counts(pairs: Iterable[tuple[str, int]], size: int) -> dict[str, int]:
    """Counts by descending count, then value: the order both back ends report."""
    ranked = sorted(((str(v), int(c)) for v, c in pairs), key=lambda p: (-p[1], p[0]))
    return dict(ranked[:size])


def empty_facets() -> dict[str, dict]:
    return {name: {} for name in FACETS}
