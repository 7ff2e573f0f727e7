"""Everything listed is listed once (core/data/taxonomy.yaml), in three languages, and read by the
index, the CLI and the app from there."""
from __future__ import annotations

from maslihat.core import model, taxonomy as T
from maslihat.corpus.index.facets import FACETS


def test_every_listed_value_has_a_label_in_ru_kk_and_en():
    for labels in (T.LANGUAGE_LABELS, T.STATUS_LABELS, T.DOC_TYPE_LABELS, T.ISSUER_KIND_LABELS,
                   T.UNIT_KIND_LABELS, T.COMPETENCY_LABELS):
        for code, entry in labels.items():
            assert set(entry) == {"ru", "kk", "en"} and all(entry.values()), code
    assert T.label("doc_type", "decision", "kk") == "шешім" and T.label("region", "Алматы", "en") == "Алматы"


def test_the_model_the_index_and_the_app_read_the_same_lists():
    from maslihat.search_app import i18n
    assert model.DOC_TYPES is T.DOC_TYPES and model.UNIT_KINDS is T.UNIT_KINDS
    assert set(T.INDEXED_KINDS) <= set(T.UNIT_KINDS)
    assert tuple(FACETS) == T.FACET_NAMES
    assert FACETS["doc_type"].vocabulary == T.DOC_TYPES and FACETS["kind"].vocabulary == T.INDEXED_KINDS
    assert FACETS["competency"].vocabulary == T.COMPETENCIES and FACETS["competency"].multi
    assert set(T.DOCUMENT_FACETS) == {"language", "doc_type", "issuer_kind", "issuer", "region", "year", "status"}
    assert i18n.competency_codes() == list(T.COMPETENCIES)
    assert i18n.value_label("issuer_kind", "akimat", "kk") == T.label("issuer_kind", "akimat", "kk")


def test_the_cli_has_one_filter_flag_per_facet():
    from maslihat.cli import _FILTER_FLAGS
    assert set(_FILTER_FLAGS) == {"type", "competency", "issuer-kind", "issuer", "region", "year", "status", "kind"}
