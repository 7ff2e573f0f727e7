"""The pooled judgements (bench/judged_pool.json) belong to the judged set: every pooled query is
one of bench/judged.json's, every grade is 0, 1 or 2, and every locator names its provision the
way the original judgements do; the graded measures reward a grade-2 answer above a grade-1 one."""
import json
from pathlib import Path

from bench.judged import graded_scores, pooled_judgements

ROOT = Path(__file__).resolve().parents[2]


def test_pooled_judgements_belong_to_the_judged_set():
    queries = {q["query"] for q in json.loads((ROOT / "bench" / "judged.json").read_text(encoding="utf-8"))["queries"]}
    pool = pooled_judgements()
    assert pool and set(pool) <= queries
    for q, locs in pool.items():
        for loc in locs:
            assert loc["grade"] in (0, 1, 2), (q, loc)
            assert loc["source"] and loc["language"] in ("ru", "kk") and loc["label"] and loc["text"], (q, loc)
    assert {loc["language"] for locs in pool.values() for loc in locs} == {"ru", "kk"}


def test_graded_measures():
    graded = [(("a",), 2), (("b",), 1)]
    best = graded_scores(["a", "b"], graded)
    worse = graded_scores(["b", "a"], graded)
    assert best["ndcg@10"] == 1.0 > worse["ndcg@10"]
    assert best["top5"] == worse["top5"] == 1.0
    assert graded_scores(["b", "x"], graded)["top5"] == 0.0        # an on-topic passage is not the answer
    assert graded_scores([], graded)["zero"] == 1.0


def test_the_unit_table_reads_unit_texts_as_stored(sample_corpus):
    """The judged set and its BM25-OR baseline read the index's unit texts (stored compressed)."""
    from bench.judged import unit_table
    rows = unit_table(str(sample_corpus.store.path))
    assert rows and all(isinstance(r[4], str) for r in rows)
    assert sum(1 for r in rows if "маслихат" in r[4].lower()) > 50
