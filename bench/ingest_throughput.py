"""End-to-end ingestion throughput: generated files on disk -> searchable corpus.

Times ``corpus.api.Corpus.ingest`` (what ``maslihat ingest`` runs: reading, decoding,
normalisation, language identification, bilingual split, requisites, segmentation,
references, competency tags, resolution, store writes and FTS5 indexing) on N files of
``bench/generate.py`` and prints one JSON line: MB/s of raw text, MB/s per core, wall and CPU
seconds (this process and its workers), peak RSS of this process and of the largest worker,
and the corpus file against the raw text.

    .venv/bin/python -m bench.ingest_throughput --n 10000 [--work /tmp/maslihat-e2e] [--workers 2]
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.generate import write  # noqa: E402
from bench.run import machine  # noqa: E402


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--work", default="/tmp/maslihat-e2e")
    ap.add_argument("--workers", default=None, help="MASLIHAT_INGEST_WORKERS for the run (default: one per CPU)")
    a = ap.parse_args(argv)
    work = Path(a.work)
    src = work / f"files-{a.n}"
    marker = work / f"files-{a.n}.done"     # generated once, reused by later runs
    if not marker.exists():
        work.mkdir(parents=True, exist_ok=True)
        write(a.n, src)
        marker.write_text("")
    raw = sum(p.stat().st_size for p in src.rglob("*.txt"))
    db = work / f"corpus-{a.n}.sqlite"
    for f in (db, Path(str(db) + "-wal"), Path(str(db) + "-shm")):
        f.unlink(missing_ok=True)
    if a.workers is not None:
        os.environ["MASLIHAT_INGEST_WORKERS"] = a.workers

    t0, c0 = time.perf_counter(), os.times()
    from maslihat.corpus.api import Corpus
    c = Corpus(str(db), es_url="")
    s = c.ingest([str(src)])
    stats = c.stats()
    c.store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    c.close()
    secs, c1 = time.perf_counter() - t0, os.times()
    cpu = sum(getattr(c1, k) - getattr(c0, k) for k in ("user", "system", "children_user", "children_system"))
    cores = len(os.sched_getaffinity(0))
    out = {"machine": machine(), "files": a.n, "raw_mb": round(raw / 1e6, 1), "documents": s.documents_added,
           "units": stats["units"], "references": stats["references"], "quarantined": len(s.quarantined),
           "workers": os.environ.get("MASLIHAT_INGEST_WORKERS", "auto"),
           "seconds": round(secs, 1), "cpu_seconds": round(cpu, 1),
           "mb_per_s": round(raw / 1e6 / secs, 3), "mb_per_s_per_core": round(raw / 1e6 / secs / cores, 3),
           "mb_per_cpu_second": round(raw / 1e6 / cpu, 3),
           "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
           "peak_rss_mb_worker": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024),
           "corpus_mb": round(db.stat().st_size / 1e6, 1),
           "corpus_to_raw": round(db.stat().st_size / raw, 2),
           "load_average": os.getloadavg(),
           "command": " ".join([Path(sys.executable).name, "-m", "bench.ingest_throughput"] + (argv or sys.argv[1:]))}
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
