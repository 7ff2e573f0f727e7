"""Search quality of both back ends: nDCG@10 and recall@20 from bench/queries.json.

    .venv/bin/python -m bench.quality [--es-url URL] [--out report.json]

The seeds are ingested into a fresh corpus through ``corpus.api.Corpus`` (the real pipeline);
each judged locator (source, language, kind, number) is mapped to unit ids of that corpus. A
hit counts for a relevant unit when it is that unit or one of its descendants (a subpoint of
a relevant point), once per relevant unit; relevance is binary. Two runs per back end: open
(no ``lang``: cross-lingual, every judged unit counts) and restricted (``lang`` = the query's
language, only judged units of that language count). Figures per query language.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
QUERIES = ROOT / "bench" / "queries.json"


def locate(corpus, loc: dict, cache: dict) -> list[str]:
    """Unit ids for one locator; for seed 001 points, the regulation's (appendix) points first."""
    key = (loc["source"], loc["language"])
    if key not in cache:
        docs = [d for d in corpus.documents() if Path(d["source"]).name == loc["source"]
                and d["language"] == loc["language"]]
        cache[key] = [u for d in docs for u in corpus.units(d["id"])]
    cands = [u for u in cache[key] if u.kind == loc["kind"]
             and (u.number or "").rstrip(".)") == str(loc["number"])]
    appendix = [u for u in cands if u.part >= 1]
    return [u.id for u in (appendix or cands)][:1]


def ndcg(hit_ids: list[str], relevant: list[str], k: int = 10) -> float:
    found, dcg = set(), 0.0
    for i, h in enumerate(hit_ids[:k]):
        r = next((r for r in relevant if r not in found and (h == r or h.startswith(r + "/"))), None)
        if r:
            found.add(r)
            dcg += 1 / math.log2(i + 2)
    idcg = sum(1 / math.log2(i + 2) for i in range(min(k, len(relevant))))
    return dcg / idcg if idcg else 0.0


def recall(hit_ids: list[str], relevant: list[str], k: int = 20) -> float:
    found = {r for r in relevant for h in hit_ids[:k] if h == r or h.startswith(r + "/")}
    return len(found) / len(relevant) if relevant else 0.0


def evaluate(corpus, queries: list[dict]) -> dict:
    cache: dict = {}
    out: dict = {}
    for mode in ("open", "restricted"):
        for q in queries:
            rel_locs = [r for r in q["relevant"] if mode == "open" or r["language"] == q["lang"]]
            relevant = [uid for r in rel_locs for uid in locate(corpus, r, cache)]
            if not relevant:
                continue
            res = corpus.search(q["query"], lang=q["lang"] if mode == "restricted" else None, limit=20)
            ids = [h["unit_id"] for h in res["hits"]]
            bucket = out.setdefault(mode, {}).setdefault(q["lang"], {"n": 0, "ndcg@10": 0.0, "recall@20": 0.0})
            bucket["n"] += 1
            bucket["ndcg@10"] += ndcg(ids, relevant)
            bucket["recall@20"] += recall(ids, relevant)
    for mode in out.values():
        for b in mode.values():
            b["ndcg@10"] = round(b["ndcg@10"] / b["n"], 3)
            b["recall@20"] = round(b["recall@20"] / b["n"], 3)
    return out


def main(argv=None) -> None:
    from maslihat.corpus.api import Corpus
    from maslihat.core.config import samples_dir
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--es-url", default=os.environ.get("MASLIHAT_TEST_ES_URL"))
    ap.add_argument("--out")
    a = ap.parse_args(argv)
    queries = json.loads(QUERIES.read_text(encoding="utf-8"))["queries"]
    report = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, url in (("sqlite", ""), ("elasticsearch", a.es_url)):
            if name == "elasticsearch" and not url:
                continue
            if url:
                from maslihat.corpus.index.elastic import ElasticIndex
                ElasticIndex(url).clear()
            c = Corpus(str(Path(tmp) / f"{name}.sqlite"), es_url=url)
            c.ingest([str(samples_dir())])
            report[name] = evaluate(c, queries)
            c.close()
    text = json.dumps(report, ensure_ascii=False, indent=1)
    if a.out:
        Path(a.out).write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
