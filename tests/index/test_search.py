"""Behaviour of search, run on both back ends over the fixture corpus (RU and KK)."""
import re
import sqlite3

import pytest

from maslihat.corpus.index.base import QueryError, SearchRequest
from maslihat.corpus.index.facets import FACETS
from maslihat.corpus.index.sqlite_fts import SqliteIndex

pytestmark = pytest.mark.filterwarnings("ignore")


def search(index, q="", **kw):
    return index.search(SearchRequest(query=q, **kw))


def ids(res):
    return [h["unit_id"] for h in res["hits"]]


def texts(index, q, **kw):
    return [h["text"].lower() for h in search(index, q, limit=500, **kw)["hits"]]


@pytest.mark.elasticsearch
class TestBothBackEnds:
    def test_result_has_the_contract_shape(self, index):
        res = search(index, "депутат", limit=3)
        assert set(res) >= {"query", "total", "took_ms", "hits", "facets"}
        assert res["query"] == "депутат" and res["total"] > 3 and len(res["hits"]) == 3
        for h in res["hits"]:
            assert set(h) >= {"unit_id", "document_id", "score", "label", "title", "language", "snippet",
                              "text", "kind", "doc_type", "adopted_date", "status", "issuer"}
        assert set(res["facets"]) == set(FACETS)

    @pytest.mark.parametrize("q,lang,word", [("сессия", "ru", "сесси"), ("мәслихат", "kk", "мәслихат")])
    def test_words_in_each_language(self, index, q, lang, word):
        found = search(index, q, lang=lang, limit=500)
        assert found["total"] > 0
        assert all(h["language"] == lang for h in found["hits"])
        assert all(word in h["text"].lower() for h in found["hits"])

    def test_phrase_needs_adjacent_words(self, index):
        phrase = texts(index, '"постоянная комиссия"', lang="ru")
        both = texts(index, "постоянная комиссия", lang="ru")
        assert phrase and all(re.search(r"постоянн\w* комисси", t) for t in phrase)
        assert len(both) >= len(phrase)

    def test_kazakh_phrase(self, index):
        found = texts(index, '"тұрақты комиссия"', lang="kk")
        assert found and all("тұрақты комиссия" in t for t in found)

    def test_or_is_the_union(self, index):
        a = set(ids(search(index, "бюджет", limit=500)))
        b = set(ids(search(index, "регламент", limit=500)))
        both = set(ids(search(index, "бюджет OR регламент", limit=1000)))
        assert both == a | b and a and b

    def test_not_and_minus_subtract(self, index):
        all_ = set(ids(search(index, "сессия", limit=500)))
        minus = set(ids(search(index, "сессия -депутат", limit=500)))
        not_ = set(ids(search(index, "сессия NOT депутат", limit=500)))
        dep = set(ids(search(index, "депутат", limit=500)))
        assert minus == not_ == all_ - dep and minus

    def test_lone_not_is_everything_else(self, index):
        total = search(index, "")["total"]
        dep = search(index, "депутат")["total"]
        assert search(index, "-депутат")["total"] == total - dep

    def test_prefix(self, index):
        found = texts(index, "депутат*", lang="ru")
        assert any("депутатск" in t for t in found) and any("депутаты" in t for t in found)
        assert len(found) > len(texts(index, "депутат", lang="ru"))

    def test_kazakh_prefix(self, index):
        found = texts(index, "сессия*", lang="kk")
        assert any("сессиясы" in t for t in found)

    def test_browse_with_filters_lists_units_in_document_order(self, index):
        res = search(index, "", filters={"doc_type": ["coursework"]}, limit=5)
        assert res["total"] == res["facets"]["doc_type"]["coursework"]
        assert ids(res) == [f"fx/coursework/000/kk/paragraph_{i}" for i in range(1, 6)]

    def test_pagination(self, index):
        first = ids(search(index, "депутат", limit=10))
        assert ids(search(index, "депутат", limit=5, offset=5)) == first[5:]

    def test_cross_lingual_russian_query_finds_kazakh_units(self, index):
        res = search(index, "депутатский запрос", limit=100)
        langs = {h["language"] for h in res["hits"]}
        assert "ru" in langs
        assert "kk" in langs
        assert any("сауал" in h["text"].lower() for h in res["hits"] if h["language"] == "kk")

    def test_cross_lingual_kazakh_query_finds_russian_units(self, index):
        res = search(index, "депутаттық сауал", limit=100)
        ru = [h for h in res["hits"] if h["language"] == "ru"]
        assert ru and any("запрос" in h["text"].lower() for h in ru)

    def test_lang_restricts_the_search(self, index):
        res = search(index, "депутатский запрос", lang="ru", limit=100)
        assert res["hits"] and {h["language"] for h in res["hits"]} == {"ru"}
        assert res["facets"]["language"] == {"ru": res["total"]}

    def test_snippets_escape_markup_and_mark_matches(self, index):
        res = search(index, "сессия", filters={"doc_type": ["other"]})
        assert res["total"] == 1
        snip = res["hits"][0]["snippet"]
        assert "<script>" not in snip and "&lt;script&gt;" in snip and "&amp;" in snip
        assert "<mark>сессия</mark>" in snip
        assert re.sub(r"</?mark>", "", snip).count("<") == 0, "only <mark> markup"

    def test_snippet_marks_original_word_forms(self, index):
        res = search(index, "депутат*", lang="ru", limit=50)
        marked = {m.lower() for h in res["hits"] for m in re.findall(r"<mark>(.*?)</mark>", h["snippet"])}
        assert any(m.startswith("депутатск") for m in marked)

    def test_no_hits(self, index):
        res = search(index, "квазиоблигация")
        assert res["total"] == 0 and res["hits"] == []

    @pytest.mark.parametrize("filters,needle", [
        ({"no_such_facet": ["x"]}, "no_such_facet"),
        ({"doc_type": ["no_such_type"]}, "no_such_type"),
        ({"language": ["en"]}, "en"),
        ({"status": ["alive"]}, "alive"),
        ({"kind": ["appendix"]}, "appendix"),
        ({"competency": ["astrology"]}, "astrology"),
        ({"issuer_kind": ["king"]}, "king"),
        ({"year": ["20x4"]}, "20x4"),
    ])
    def test_unknown_facet_or_value_is_an_error(self, index, filters, needle):
        with pytest.raises(QueryError) as e:
            search(index, "депутат", filters=filters)
        assert needle in str(e.value)

    def test_bad_syntax_is_an_error(self, index):
        with pytest.raises(QueryError):
            search(index, '"депутатский запрос')

    def test_free_facet_values_just_filter(self, index):
        res = search(index, "депутат", filters={"issuer": ["Нет такого маслихата"]})
        assert res["total"] == 0
        res = search(index, "депутат", filters={"region": ["Павлодарская область"], "year": ["1999", "2018"]})
        # a place named in any wording is one facet value: its id (core/places.py)
        assert res["total"] > 0 and set(res["facets"]["region"]) == {"kz-pav"}


FACET_PROBES = {  # facet -> a value present in the fixture corpus
    "language": "kk", "doc_type": "regulation", "competency": "sessions", "issuer_kind": "maslikhat",
    "issuer": "kz-akm-kokshetau.maslikhat", "region": "kz-akm", "year": "2018",
    "status": "in_force", "kind": "subpoint",
}


@pytest.mark.elasticsearch
@pytest.mark.parametrize("name", list(FACETS))
def test_each_facet_counts_and_filters(index, name):
    value = FACET_PROBES[name]
    base = search(index, "депутат OR мәслихат OR маслихат")
    n = base["facets"][name].get(value)
    assert n, f"{name}={value} has no count"
    filtered = search(index, "депутат OR мәслихат OR маслихат", filters={name: [value]}, limit=500)
    kept = {value} | ({"unknown"} if name == "status" else set())   # in_force: not known to be repealed
    assert filtered["total"] == sum(base["facets"][name].get(v, 0) for v in kept)
    assert filtered["facets"][name].get(value) == n
    if name != "competency":          # a unit has several competencies, the others are counted too
        assert set(filtered["facets"][name]) == kept


@pytest.mark.elasticsearch
def test_status_in_force_keeps_every_act_not_known_to_be_repealed(index):
    """An act's text rarely says it is in force: one without a repeal note is ``unknown``, and
    ``--status in_force`` keeps those with the acts marked in force; ``repealed`` and ``unknown``
    filter as stored."""
    q = "депутат OR мәслихат OR маслихат"
    counts = search(index, q)["facets"]["status"]
    assert counts.get("unknown") and counts.get("repealed") and counts.get("in_force")
    current = search(index, q, filters={"status": ["in_force"]}, limit=500)
    assert current["total"] == counts["in_force"] + counts["unknown"]
    assert {h["status"] for h in current["hits"]} == {"in_force", "unknown"}
    for value in ("repealed", "unknown"):
        only = search(index, q, filters={"status": [value]}, limit=500)
        assert only["total"] == counts[value] and {h["status"] for h in only["hits"]} == {value}


@pytest.mark.elasticsearch
def test_filters_and_across_facets_or_within(index):
    a = search(index, "", filters={"language": ["ru"], "kind": ["subpoint"]})
    b = search(index, "", filters={"language": ["ru", "kk"], "kind": ["subpoint"]})
    assert 0 < a["total"] < b["total"] == b["facets"]["kind"]["subpoint"]
    assert a["total"] == b["facets"]["language"]["ru"]


def test_facet_counts_cover_the_whole_result_set(sqlite_index):
    res = search(sqlite_index, "депутат", limit=1)
    assert sum(res["facets"]["language"].values()) == res["total"]
    assert sum(res["facets"]["kind"].values()) == res["total"]


def test_sqlite_add_and_remove_do_not_commit(corpus_data):
    docs, units = corpus_data
    conn = sqlite3.connect(":memory:")
    idx = SqliteIndex(conn)
    conn.commit()
    idx.add(docs[:2], units)
    assert conn.in_transaction and idx.count() > 0
    conn.rollback()
    assert idx.count() == 0
    idx.add(docs[:2], units)
    conn.commit()
    n = idx.count()
    idx.remove([docs[0].id])
    assert conn.in_transaction
    conn.rollback()
    assert idx.count() == n


def test_readding_a_document_replaces_its_rows(corpus_data):
    docs, units = corpus_data
    idx = SqliteIndex(sqlite3.connect(":memory:"))
    idx.add(docs[:1], units)
    n = idx.count()
    idx.add(docs[:1], units)
    assert idx.count() == n
    idx.clear()
    assert idx.count() == 0

