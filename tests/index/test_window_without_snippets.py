"""The fact facet's window of 500 hits is read without snippets (issue 14: per search only the work
the answer needs); the answer a user sees is unchanged."""
from __future__ import annotations

from maslihat.corpus import facts
from maslihat.corpus.index.base import SearchRequest

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
        asked.append((req.limit, req.snippets))
        return real(req)
    monkeypatch.setattr(sample_corpus.index, "search", spy)
    for q in QUERIES:
        asked.clear()
        res = sample_corpus.search(q, limit=10)
        assert asked == [(facts.FACT_WINDOW, False), (10, True)], q
        assert res["hits"] and all("<mark>" in h["snippet"] for h in res["hits"]), q
        assert "fact" in res["facets"]
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
    assert asked == [(facts.FACT_WINDOW, True)]
    assert kept["hits"] and all(h["snippet"] for h in kept["hits"])
    assert all(any(f["kind"] == "deadline" for f in h["facts"]) for h in kept["hits"])
