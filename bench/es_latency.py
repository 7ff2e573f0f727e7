"""Elasticsearch query latency over the judged queries (bench/judged.json), on a copy of a corpus.

    .venv/bin/python -m bench.es_latency CORPUS.sqlite ES_URL [ROUNDS] [--hits OUT.json]
    cd OTHER_CODE && python /path/to/bench/es_latency.py CORPUS.sqlite ES_URL [ROUNDS]   # these queries, that code

Copies the corpus file (``bench.judged --db``) beside it, indexes it into Elasticsearch
(``converge.rebuild``: the index of that corpus, deleted at the end), runs every judged query
once to warm up and then ``ROUNDS`` times, as ``bench.judged`` asks them (``Corpus.search``,
``lang`` = the query's ``results_lang``, 20 hits), and prints p50/p95 of the timed calls and the
load average before and after. Only times are read in the timed rounds; ``--hits`` writes each
query's hits (unit ids and scores) and milliseconds of the last round afterwards, to compare what two codes find.
The code measured is the one the working directory maps (``maslihat`` from the current worktree),
so two worktrees give before and after; the queries are those beside this file (run it by its
path from an older tree to ask that code the same queries).
"""
from __future__ import annotations

import json
import os
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv=None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    hits_out = None
    if "--hits" in argv:
        k = argv.index("--hits")
        hits_out = argv[k + 1]
        del argv[k:k + 2]
    if len(argv) < 2:
        raise SystemExit(__doc__)
    src, url, rounds = argv[0], argv[1], int(argv[2]) if len(argv) > 2 else 2
    from maslihat.corpus.api import Corpus
    from maslihat.corpus.converge import rebuild
    db = str(Path(src).with_name(f"es-latency-{Path.cwd().name}.sqlite"))
    for ext in ("", "-wal", "-shm"):
        if Path(src + ext).exists():
            shutil.copy(src + ext, db + ext)
    c = Corpus(db, es_url=url)
    try:
        rebuild(c, "elasticsearch")
        qs = json.loads((ROOT / "bench" / "judged.json").read_text(encoding="utf-8"))["queries"]
        for q in qs:
            c.search(q["query"], lang=q.get("results_lang"), limit=20)
        load = [round(x, 2) for x in os.getloadavg()]
        t, last = [], []
        for r in range(rounds):
            for q in qs:
                t0 = time.perf_counter()
                res = c.search(q["query"], lang=q.get("results_lang"), limit=20)
                t.append((time.perf_counter() - t0) * 1000)
                if r == rounds - 1 and hits_out:
                    last.append((res["hits"], t[-1]))
        load_end = [round(x, 2) for x in os.getloadavg()]
        if hits_out:
            Path(hits_out).write_text(json.dumps([[q["query"], [[h["unit_id"], h["score"]] for h in hits], round(ms, 2)]
                                                  for q, (hits, ms) in zip(qs, last)], ensure_ascii=False), encoding="utf-8")
        t.sort()
        print(json.dumps({"code": str(Path.cwd()), "index": c.index.name, "calls": len(t),
                          "p50_ms": round(statistics.median(t), 1), "p95_ms": round(t[int(0.95 * len(t))], 1),
                          "load_start": load, "load_end": load_end}))
    finally:
        c.index.es.indices.delete(index=c.index.name, ignore_unavailable=True)
        c.close()


if __name__ == "__main__":
    main()
