"""Every facet, setting and query operator is documented in docs/search.md."""
from pathlib import Path

import pytest

from maslihat.corpus.index.base import SETTINGS
from maslihat.corpus.index.facets import FACETS
from maslihat.corpus.index.query import AND_WORDS, NOT_WORDS, OR_WORDS

DOC = (Path(__file__).resolve().parents[2] / "docs" / "search.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", list(FACETS))
def test_facet_is_documented(name):
    assert f"`{name}`" in DOC, f"facet {name} missing from docs/search.md"


@pytest.mark.parametrize("name", list(SETTINGS))
def test_setting_is_documented(name):
    assert f"`{name}`" in DOC, f"setting {name} missing from docs/search.md"


@pytest.mark.parametrize("op", sorted(AND_WORDS | OR_WORDS | NOT_WORDS))
def test_operator_is_documented(op):
    assert f"`{op}`" in DOC, f"operator {op} missing from docs/search.md"


@pytest.mark.parametrize("name", [n for n, f in FACETS.items() if f.vocabulary])
def test_closed_vocabularies_are_listed(name):
    for value in FACETS[name].vocabulary:
        assert f"`{value}`" in DOC, f"{name} value {value} missing from docs/search.md"
