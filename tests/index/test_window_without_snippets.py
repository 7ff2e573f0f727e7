"""The fact facet's window of 500 hits costs no second search and no snippets (issue 14: per search
only the work the answer needs); the answer a user sees is unchanged."""
from __future__ import annotations

from maslihat.corpus import facts
from maslihat.corpus.index.base import SearchRequest
from maslihat.corpus.index.scoring import CANDIDATES

QUERIES = ["депутатский запрос", "сессия", "кто ведёт протокол сессии", "депутаттық сауал", "мәслихат сессиясы"]


def test_a_hit_without_snippet_is_the_same_hit(sample_corpus):
    for q in QUERIES:
        full = sample_corpus.index.search(SearchRequest(query=q, limit=50))
        light = sample_corpus.index.search(SearchRequest(query=q, limit=50, snippets=False))
        assert full["total"] == light["total"] > 0, q
        assert full["facets"] == light["facets"]
        assert [h["snippet"] for h in light["hits"]] == [""] * len(light["hits"])
        assert any("<mark>" in h["snippet"] for h in full["hits"])
        strip = lambda hits: [{k: v for k, v in h.items() if k != "snippet"} for h in hits]  # noqa: E731
        assert strip(full["hits"]) == strip(light["hits"])


def test_search_answer_keeps_snippets_facts_and_the_fact_facet(sample_corpus, monkeypatch):
    asked = []
    real = sample_corpus.index.search

    def spy(req):
        asked.append((req.limit, req.window, req.snippets))
        return real(req)
    monkeypatch.setattr(sample_corpus.index, "search", spy)
    for q in QUERIES:
        asked.clear()
        res = sample_corpus.search(q, limit=10)
        assert asked == [(10, facts.FACT_WINDOW, True)], q     # one ranking: the page and the window's ids
        assert res["hits"] and all("<mark>" in h["snippet"] for h in res["hits"]), q
        assert "fact" in res["facets"] and "window_ids" not in res
        # the same answer as reading the window with snippets
        window = real(SearchRequest(query=q, limit=facts.FACT_WINDOW))
        ids = [h["unit_id"] for h in window["hits"]]
        unit_facts = facts.hit_facts(sample_corpus.store, ids)
        counts: dict[str, int] = {}
        for uid in ids:
            for kind in {f["kind"] for f in unit_facts.get(uid, [])}:
                counts[kind] = counts.get(kind, 0) + 1
        assert res["facets"]["fact"] == dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    asked.clear()
    kept = sample_corpus.search("срок", filters={"fact": ["deadline"]}, limit=5)
    assert asked == [(facts.FACT_WINDOW, 0, True)]
    assert kept["hits"] and all(h["snippet"] for h in kept["hits"])
    assert all(any(f["kind"] == "deadline" for f in h["facts"]) for h in kept["hits"])


def test_window_ids_are_the_best_hits_of_the_same_ranking(sample_corpus):
    N = CANDIDATES + 50       # a window wider than the page's candidates holds the same hits as a read of N
    for q, flt in [("депутатский запрос", {}), ("сессия", {"language": ["kk"]}), ("", {}), ("мәслихат", {})]:
        page = sample_corpus.index.search(SearchRequest(query=q, limit=5, offset=3, filters=flt, window=N))
        plain = sample_corpus.index.search(SearchRequest(query=q, limit=5, offset=3, filters=flt))
        whole = sample_corpus.index.search(SearchRequest(query=q, limit=N, filters=flt))
        assert page["hits"] == plain["hits"] and page["total"] == plain["total"], q
        assert len(page["window_ids"]) == min(N, whole["total"]) > 0, q
        assert set(page["window_ids"]) == {h["unit_id"] for h in whole["hits"]}, q
