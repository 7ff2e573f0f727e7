"""Everything that is listed, listed once: ``core/data/taxonomy.yaml``.

Languages, statuses, doc types, issuer kinds, unit kinds, the competency codes of domain.md §6
with their labels in Russian, Kazakh and English, and the search facets. The data model, the
index back ends, the tagger, the app, the CLI and the tests read these names instead of writing
their own copies, so adding a doc type or a facet is one edit.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

from maslihat.core import yamlfile

DATA = Path(__file__).resolve().parent / "data" / "taxonomy.yaml"


@lru_cache(maxsize=1)
def data() -> dict:
    return yamlfile.load(DATA)


def _labels(name: str) -> dict[str, dict[str, str]]:
    return {code: dict(labels) for code, labels in data()[name].items()}


LANGUAGE_LABELS = _labels("languages")
STATUS_LABELS = _labels("statuses")
DOC_TYPE_LABELS = _labels("doc_types")
ISSUER_KIND_LABELS = _labels("issuer_kinds")
UNIT_KIND_LABELS = _labels("unit_kinds")
COMPETENCY_LABELS = _labels("competencies")

LANGUAGES: tuple[str, ...] = tuple(LANGUAGE_LABELS)
STATUSES: tuple[str, ...] = tuple(STATUS_LABELS)
DOC_TYPES: tuple[str, ...] = tuple(DOC_TYPE_LABELS)
ISSUER_KINDS: tuple[str, ...] = tuple(ISSUER_KIND_LABELS)
UNIT_KINDS: tuple[str, ...] = tuple(UNIT_KIND_LABELS)
# Unit kinds that get a search row; containers (section, appendix, toc, title, signature) do not.
INDEXED_KINDS: tuple[str, ...] = tuple(data()["indexed_unit_kinds"])
COMPETENCIES: tuple[str, ...] = tuple(COMPETENCY_LABELS)

_VOCABULARIES = {"languages": LANGUAGES, "statuses": STATUSES, "doc_types": DOC_TYPES,
                 "issuer_kinds": ISSUER_KINDS, "indexed_unit_kinds": INDEXED_KINDS, "competencies": COMPETENCIES}
# facet name -> labels of its values (the app shows these; open facets show values as they come)
VALUE_LABELS: dict[str, dict[str, dict[str, str]]] = {
    "language": LANGUAGE_LABELS, "status": STATUS_LABELS, "doc_type": DOC_TYPE_LABELS,
    "issuer_kind": ISSUER_KIND_LABELS, "kind": UNIT_KIND_LABELS, "competency": COMPETENCY_LABELS,
}


@dataclass(frozen=True)
class FacetSpec:
    """One search facet as listed: the back ends build their filters and counts from these."""
    name: str
    type: str                              # single, list, year, place (issuer/region ids) or status
    level: str                             # document (a property of the unit's document) or unit
    vocabulary: Optional[tuple[str, ...]]  # closed vocabulary, or None (open)
    doc: str


def _facets() -> tuple[FacetSpec, ...]:
    out = []
    for f in data()["facets"]:
        vocab = _VOCABULARIES[f["values"]] if f.get("values") else None
        doc = f["doc"] + (": " + ", ".join(vocab) if f.get("doc_lists_values") and vocab else "")
        out.append(FacetSpec(f["name"], f["type"], f["level"], vocab, doc))
    return tuple(out)


FACET_SPECS: tuple[FacetSpec, ...] = _facets()
FACET_NAMES: tuple[str, ...] = tuple(f.name for f in FACET_SPECS)
DOCUMENT_FACETS: tuple[str, ...] = tuple(f.name for f in FACET_SPECS if f.level == "document")


def label(facet: str, value: str, lang: str) -> str:
    """The label of a listed value in ``lang`` (ru, kk, en); the value itself when not listed."""
    entry = VALUE_LABELS.get(facet, {}).get(str(value))
    return entry.get(lang, str(value)) if entry else str(value)
