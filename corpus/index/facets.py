"""Facets: one class per facet kind behind one interface, used by both back ends.

A facet knows its values in an index row, how to validate requested values, how to filter
and how to count in SQL and in Elasticsearch. ``FACETS`` is the registry the back ends, the
CLI and ``docs/search.md`` read (a test fails when a facet here is undocumented there).
"""
from __future__ import annotations

from typing import Iterable, Optional

from maslihat.corpus.index.base import QueryError
from maslihat.core.model import DOC_TYPES, ISSUER_KINDS, LANGUAGES, STATUSES

# domain.md §6; nlp.competency may know more codes, but the taxonomy is fixed by the domain.
COMPETENCIES = ("budget", "development", "taxes", "sessions", "acts", "bodies", "deputy_status",
                "inquiries", "akim_relations", "elections", "participation", "apparatus", "groups",
                "self_government", "territory", "social")

# Unit kinds that get an index row; containers (section, appendix, toc, title, signature) do not.
INDEXED_KINDS = ("point", "subpoint", "article", "part", "paragraph", "preamble", "note", "heading",
                 "chapter", "subchapter", "bibliography_entry")

FREE_FACET_SIZE = 50   # open vocabularies (issuer, region, year) report their top values only


def _competency_codes() -> tuple[str, ...]:
    try:  # the tagger's own list, when it has one, stays the source of truth
        from maslihat.nlp import competency  # type: ignore
        codes = getattr(competency, "CODES", None) or getattr(competency, "COMPETENCIES", None)
        if codes:
            return tuple(dict.fromkeys(list(codes) + list(COMPETENCIES)))
    except Exception:  # noqa: BLE001 - the facet must work before the tagger exists
        pass
    return COMPETENCIES


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

    def validate(self, values: Iterable[str]) -> list[str]:
        vals = [str(v) for v in values if v is not None and str(v) != ""]
        if self.vocabulary is not None:
            bad = [v for v in vals if v not in self.vocabulary]
            if bad:
                raise QueryError(f"unknown value {bad[0]!r} for facet {self.name!r}; "
                                 f"expected one of: {', '.join(self.vocabulary)}")
        return vals

    def row_values(self, row: dict) -> list[str]:
        v = row.get(self.field)
        return [v] if v else []

    # SQLite: rows live in ``search_units`` (alias u); counts run over a materialised CTE ``m``.
    def sql_where(self, values: list[str]) -> tuple[str, list]:
        marks = ",".join("?" * len(values))
        return f"u.{self.field} IN ({marks})", list(values)

    def sql_counts(self) -> str:
        return (f"SELECT '{self.name}', {self.field}, COUNT(*) FROM m WHERE {self.field} IS NOT NULL "
                f"GROUP BY {self.field}")

    # Elasticsearch: a keyword field of the same name.
    def es_filter(self, values: list[str]) -> dict:
        return {"terms": {self.field: values}}

    def es_agg(self) -> dict:
        return {"terms": {"field": self.field, "size": self.size,
                          "order": [{"_count": "desc"}, {"_key": "asc"}]}}


class ListFacet(Facet):
    """A multi-valued facet (``competency``): a unit counts once under each of its values."""

    multi = True

    def __init__(self, name: str, doc: str, vocabulary=None, table: str = "search_unit_competency"):
        super().__init__(name, doc, vocabulary)
        self.table = table

    def row_values(self, row: dict) -> list[str]:
        return sorted(set(row.get(self.field) or []))

    def sql_where(self, values: list[str]) -> tuple[str, list]:
        marks = ",".join("?" * len(values))
        return (f"u.rowid IN (SELECT unit_rowid FROM {self.table} WHERE value IN ({marks}))",
                list(values))

    def sql_counts(self) -> str:
        return (f"SELECT '{self.name}', c.value, COUNT(*) FROM m JOIN {self.table} c "
                f"ON c.unit_rowid = m.rowid GROUP BY c.value")


class YearFacet(Facet):
    """The year of adoption, derived from ``adopted_date``; values are four digits."""

    def validate(self, values: Iterable[str]) -> list[str]:
        vals = super().validate(values)
        bad = [v for v in vals if not (len(v) == 4 and v.isdigit())]
        if bad:
            raise QueryError(f"bad year {bad[0]!r}: expected four digits, e.g. 2014")
        return vals


FACETS: dict[str, Facet] = {f.name: f for f in (
    Facet("language", "language of the unit's document (ru, kk)", LANGUAGES),
    Facet("doc_type", "kind of act or text: " + ", ".join(DOC_TYPES), DOC_TYPES),
    ListFacet("competency", "competency codes of the unit (domain.md §6), several per unit",
              _competency_codes()),
    Facet("issuer_kind", "kind of issuing body: " + ", ".join(ISSUER_KINDS), ISSUER_KINDS),
    Facet("issuer", "the issuing body as written, e.g. \"Кокшетауский городской маслихат\" (open vocabulary)"),
    Facet("region", "region (oblast or city of republican significance) as written (open vocabulary)"),
    YearFacet("year", "year of adoption, from adopted_date (four digits)"),
    Facet("status", "in_force, repealed, unknown", STATUSES),
    Facet("kind", "unit kind: " + ", ".join(INDEXED_KINDS), INDEXED_KINDS),
)}


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
