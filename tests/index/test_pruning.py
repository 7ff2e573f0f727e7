"""Issue 14: a best-match query scores only the units that can reach the page (``Ranker._pruned``);
what a user gets — hits, their scores and order, totals, facets, the fact facet's window — is the
same as when every matching unit is scored."""
import pytest

from maslihat.corpus.index import ranking, scoring, sqlite_fts
from maslihat.corpus.index.base import SearchRequest

QUERIES = ["кто ведёт протокол сессии маслихата", "депутат сессия комиссия", "сессия күн тәртібін кім бекітеді",
           "мәслихат депутаттары сессия", "бюджет маслихат аким", "когда сессия маслихата правомочна"]


def _answer(index, req):
    res = index.search(req)
    return ([(h["unit_id"], h["score"]) for h in res["hits"]], res["total"], res["facets"], res.get("window_ids"))


def small_window(monkeypatch):
    """The test corpus is small: prune from a few hundred matching units, for a page of 5."""
    monkeypatch.setattr(ranking, "PRUNE_MIN", 0)
    monkeypatch.setattr(scoring, "CANDIDATES", 5)


@pytest.mark.parametrize("req", [SearchRequest(query=q, limit=5) for q in QUERIES]
                         + [SearchRequest(query=QUERIES[1], limit=5, offset=5),
                            SearchRequest(query=QUERIES[1], limit=5, window=30),
                            SearchRequest(query=QUERIES[1], limit=5, lang="kk"),
                            SearchRequest(query=QUERIES[4], limit=5, filters={"doc_type": ["regulation"]})],
                         ids=lambda r: f"{r.query}|{r.offset}|{r.window}|{r.lang}|{sorted(r.filters)}")
def test_pruned_ranking_answers_as_the_full_one(sqlite_index, monkeypatch, req):
    small_window(monkeypatch)
    pruned_calls = []
    real = ranking.Ranker._pruned

    def spy(self, *a):
        out = real(self, *a)
        pruned_calls.append(out is not None and bool((out == 0).any()))
        return out
    monkeypatch.setattr(ranking.Ranker, "_pruned", spy)
    sqlite_index._cache = ranking.TermCache()
    got = _answer(sqlite_index, req)
    monkeypatch.setattr(ranking.Ranker, "_pruned", lambda self, *a: None)
    assert got == _answer(sqlite_index, req)


def test_pruning_skips_units_that_cannot_reach_the_page(sqlite_index, monkeypatch):
    small_window(monkeypatch)
    kept = []
    real = ranking.Ranker._pruned

    def spy(self, parts, extras, rows, m, factor):
        out = real(self, parts, extras, rows, m, factor)
        if out is not None:
            kept.append(((out > 0).sum(), len(rows)))
        return out
    monkeypatch.setattr(ranking.Ranker, "_pruned", spy)
    for q in QUERIES:
        sqlite_index.search(SearchRequest(query=q, limit=5))
    assert len(kept) >= len(QUERIES), "most queries' branches were pruned"
    assert all(k < n for k, n in kept)
