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


@pytest.mark.parametrize("name", list(FACETS))
def test_the_docs_describe_each_facet_as_the_taxonomy_does(name):
    """The facet table says what core/data/taxonomy.yaml says (the values listed after it apart):
    a facet whose meaning changed there (issuer: the body's id, not its wording) changes here."""
    row = next((line for line in DOC.splitlines() if line.startswith(f"| `{name}` |")), None)
    assert row is not None, f"facet {name} has no row in docs/search.md's facet table"
    doc = FACETS[name].doc
    values = FACETS[name].vocabulary
    what = doc.rsplit(": ", 1)[0] if values and doc.endswith(", ".join(values)) else doc
    assert f" | {what} | " in row, f"docs/search.md describes facet {name} otherwise than taxonomy.yaml: {what!r}"


@pytest.mark.parametrize("query,lang", [("депутатский запрос", None), ("кезектен тыс сессияны кім шақырады", "ru")])
def test_every_field_of_a_hit_is_documented(sample_corpus, query, lang):
    """The search JSON's hit fields (those a corpus search answers with, ``matched_in`` included)
    are each named in docs/search.md's «Result» section: a field added to hits is documented."""
    result = DOC.split("\n## Result", 1)[1].split("\n## ", 1)[0]
    hits = sample_corpus.search(query, lang=lang, limit=10)["hits"]
    assert hits
    for field in sorted({k for h in hits for k in h}):
        assert f"`{field}`" in result, f"hit field {field} missing from docs/search.md «Result»"
