"""Elasticsearch query latency over the judged queries (bench/judged.json), on a copy of a corpus.

    .venv/bin/python -m bench.es_latency CORPUS.sqlite ES_URL [ROUNDS]

Copies the corpus file (``bench.judged --db``) beside it, indexes it into Elasticsearch
(``converge.rebuild``: the index of that corpus, deleted at the end), runs every judged query
once to warm up and then ``ROUNDS`` times, as ``bench.judged`` asks them (``Corpus.search``,
``lang`` = the query's ``results_lang``, 20 hits), and prints p50/p95 of the timed calls. Only
times are read: no query's hits. The code measured is the one the working directory maps
(``maslihat`` from the current worktree), so two worktrees give before and after.
"""
from __future__ import annotations

import json
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv=None) -> None:
    argv = sys.argv[1:] if argv is None else argv
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
        t = []
        for _ in range(rounds):
            for q in qs:
                t0 = time.perf_counter()
                c.search(q["query"], lang=q.get("results_lang"), limit=20)
                t.append((time.perf_counter() - t0) * 1000)
        t.sort()
        print(json.dumps({"code": str(Path.cwd()), "index": c.index.name, "calls": len(t),
                          "p50_ms": round(statistics.median(t), 1), "p95_ms": round(t[int(0.95 * len(t))], 1)}))
    finally:
        c.index.es.indices.delete(index=c.index.name, ignore_unavailable=True)
        c.close()


if __name__ == "__main__":
    main()
