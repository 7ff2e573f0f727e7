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


@pytest.mark.parametrize("n_sel", [3, 40, 400])
def test_both_ways_of_summing_the_selected_units_give_the_same_scores(n_sel):
    """``_exact`` looks the selected units up in each posting list or adds the lists into one
    array, whichever costs less; the sums are the same, bit for bit, as one unit at a time."""
    import numpy as np
    rng = np.random.default_rng(7)
    lists = [np.unique(rng.integers(0, 500, size=k)) for k in (300, 120, 40, 0, 5)]
    parts = [(r, rng.random(len(r))) for r in lists[:3]]
    extras = [(r, rng.random(len(r))) for r in lists[3:]]
    sel = np.unique(np.concatenate([r for r, _ in parts]))[:n_sel]
    m = rng.integers(0, 4, size=len(sel))
    factor = np.array([0.1, 0.3, 0.6, 1.0])
    want = np.zeros(len(sel))
    for r, sc in parts + extras:
        pos = {int(x): k for k, x in enumerate(r)}
        for j, u in enumerate(sel):
            if int(u) in pos:
                want[j] += sc[pos[int(u)]]
    got = ranking.Ranker._exact(parts, extras, sel, m, factor)      # 3, 40: look-ups; 400: one array
    assert np.array_equal(got, want * factor[m])


def test_the_other_language_branch_is_pruned_by_the_first_ones_best(sqlite_index, monkeypatch):
    """A query is scored once per language; the Kazakh units of a Russian query (and the reverse)
    need not be summed below the k-th best of the branch already scored, and the answer stays
    that of the full ranking (``test_pruned_ranking_answers_as_the_full_one``)."""
    small_window(monkeypatch)
    floors = []
    real = ranking.Ranker._pruned

    def spy(self, *a):
        out = real(self, *a)
        floors.append((self.floor, out is not None and bool((out == 0).any())))
        return out
    monkeypatch.setattr(ranking.Ranker, "_pruned", spy)
    for q in ("кто ведёт протокол сессии маслихата", "сессия күн тәртібін кім бекітеді"):
        floors.clear()
        sqlite_index._cache = ranking.TermCache()
        got = _answer(sqlite_index, SearchRequest(query=q, limit=5))
        assert floors[0][0] == 0 and any(f > 0 and pruned for f, pruned in floors[1:]), q
        monkeypatch.setattr(ranking.Ranker, "_pruned", lambda self, *a: None)
        assert got == _answer(sqlite_index, SearchRequest(query=q, limit=5))
        monkeypatch.setattr(ranking.Ranker, "_pruned", spy)
