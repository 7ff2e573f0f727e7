"""The read API's typed results carry the same findings as the JSON the CLI prints."""
from __future__ import annotations

from maslihat.corpus.api import Comparison, Parallel

from ..conftest import SEED_REGULATION


def _halves(corpus):
    rows = [r for r in corpus.documents() if r["source"] == SEED_REGULATION.name]
    return (next(r["id"] for r in rows if r["language"] == "ru"), next(r["id"] for r in rows if r["language"] == "kk"))


def test_compare_names_the_fields_of_diff(sample_corpus):
    ru, kk = _halves(sample_corpus)
    raw = sample_corpus.diff(ru, kk)
    res = sample_corpus.compare(ru, kk)
    assert isinstance(res, Comparison) and (res.a, res.b, res.cross_language) == (ru, kk, True)
    assert len(res.units) == len(raw["units"]) > 100
    assert [u.status for u in res.units] == [u["status"] for u in raw["units"]]
    assert res.summary == raw["summary"] and sum(res.summary.values()) == len(res.units)
    assert [d.kind for d in res.discrepancies] == [d["kind"] for d in raw["discrepancies"]]


def test_compare_of_one_language_carries_word_changes(sample_corpus):
    rows = sample_corpus.documents()
    a, b = next((x["id"], y["id"]) for x in rows for y in rows if x["id"] < y["id"] and x["language"] == y["language"])
    res = sample_corpus.compare(a, b)
    assert not res.cross_language
    changed = [u for u in res.units if u.status == "changed"]
    assert all(c.op in ("equal", "replace", "delete", "insert") for u in changed for c in u.changes)
    assert all(u.changes for u in changed) and res.summary["changed"] == len(changed)


def test_parallel_pairs_the_halves(sample_corpus):
    ru, kk = _halves(sample_corpus)
    par = sample_corpus.parallel(kk)
    assert isinstance(par, Parallel) and (par.ru, par.kk) == (ru, kk)
    assert len(par.pairs) > 100 and all(isinstance(s, float) for _, _, s in par.pairs)
