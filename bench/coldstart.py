"""What a search costs when nothing is warm: a fresh process, and the first search after a write.

    .venv/bin/python -m bench.coldstart --n 10000 --work /tmp/mx/cold [--es-url URL]

Builds (or, with ``--reuse``, reopens) the generated corpus of ``bench.run`` in an embedded index,
then measures, each in a new Python process so that nothing is cached in memory:

- ``fresh_process``: wall and CPU time from interpreter start to the first answer (imports,
  opening the index, the snapshot, the query), and the first query alone;
- ``after_write``: a reader that has answered once, a writer that adds one document and commits
  (its ``checkpoint``, which keeps the new snapshot on disk, timed apart), then the reader's next
  search;
- ``warm``: p50/p95/p99 over the query mix of ``bench.run`` in that process;
- ``rebuild``: the old path for comparison, the snapshot built from the corpus tables.

With ``--es-url`` the same fresh-process and after-write figures are taken for Elasticsearch in
the same run (index ``bench_N`` loaded by ``bench.run`` when it does not exist).
"""
from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.run import MIX, batches, load, machine  # noqa: E402

QUERY = "депутатский запрос"

FRESH = r"""
import json, resource, sqlite3, sys, time
t0 = time.perf_counter(); c0 = time.process_time()
from maslihat.corpus.index.base import SearchRequest
backend, where = sys.argv[1], sys.argv[2]
if backend == "sqlite":
    from maslihat.corpus.index.sqlite_fts import SqliteIndex
    idx = SqliteIndex(sqlite3.connect(where))
else:
    from maslihat.corpus.index.elastic import ElasticIndex
    idx = ElasticIndex(sys.argv[3], index_name=where, refresh=False)
t1 = time.perf_counter()
r = idx.search(SearchRequest(query=sys.argv[4]))
t2 = time.perf_counter()
print(json.dumps({"process_ms": round((t2 - t0) * 1000, 1), "cpu_ms": round((time.process_time() - c0) * 1000, 1),
                  "first_query_ms": round((t2 - t1) * 1000, 1), "total": r["total"],
                  "rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}))
"""


def _median_run(args: list[str], times: int = 5) -> dict:
    runs = []
    for _ in range(times):
        out = subprocess.run([sys.executable, "-c", FRESH, *args], capture_output=True, text=True, check=True)
        runs.append(json.loads(out.stdout))
    keys = ("process_ms", "cpu_ms", "first_query_ms", "rss_mb")
    return {k: round(statistics.median(r[k] for r in runs), 1) for k in keys} | {"total": runs[0]["total"],
                                                                                "runs": times}


def _pct(ms: list[float]) -> dict:
    ms = sorted(ms)
    pick = lambda q: round(ms[min(len(ms) - 1, int(q * (len(ms) - 1)))], 1)  # noqa: E731
    return {"p50": round(statistics.median(ms), 1), "p95": pick(0.95), "p99": pick(0.99)}


def _warm(idx, repeat: int) -> dict:
    from maslihat.corpus.index.base import SearchRequest
    for qs in MIX.values():
        for q, f in qs:
            idx.search(SearchRequest(query=q, filters=f))
    ms = []
    for _ in range(repeat):
        for qs in MIX.values():
            for q, f in qs:
                t = time.perf_counter()
                idx.search(SearchRequest(query=q, filters=f))
                ms.append((time.perf_counter() - t) * 1000)
    return _pct(ms)


def _one_more_document(n: int):
    """A document of the generator that is not in the first ``n`` (the write to measure)."""
    *_, last = batches(n + 1, size=1)
    return last[1], last[2]


def _after_write(reader, writer, commit, docs, units) -> dict:
    from maslihat.corpus.index.base import SearchRequest
    reader.search(SearchRequest(query=QUERY))
    t = time.perf_counter()
    writer.add(docs, units)
    commit()
    add_ms = (time.perf_counter() - t) * 1000
    t = time.perf_counter()
    writer.checkpoint()
    checkpoint_ms = (time.perf_counter() - t) * 1000
    t = time.perf_counter()
    r = reader.search(SearchRequest(query=QUERY))
    first_ms = (time.perf_counter() - t) * 1000
    t = time.perf_counter()
    reader.search(SearchRequest(query=QUERY))
    again_ms = (time.perf_counter() - t) * 1000
    return {"write_ms": round(add_ms, 1), "checkpoint_ms": round(checkpoint_ms, 1),
            "first_search_after_write_ms": round(first_ms, 1), "same_search_again_ms": round(again_ms, 1),
            "total": r["total"]}


def run_sqlite(n: int, work: Path, reuse: bool, repeat: int) -> dict:
    from maslihat.corpus.index import snapfile
    from maslihat.corpus.index.columnar import Snapshot
    from maslihat.corpus.index.sqlite_fts import SqliteIndex
    db = work / f"cold-{n}.sqlite"
    res: dict = {}
    if not (reuse and db.exists()):
        for p in (db, Path(str(db) + "-wal"), Path(str(db) + "-shm")):
            p.unlink(missing_ok=True)
        conn = sqlite3.connect(db)
        conn.execute("PRAGMA journal_mode=WAL")
        res["load"] = load(SqliteIndex(conn), n, conn.commit)
        conn.close()
    conn = sqlite3.connect(db)
    idx = SqliteIndex(conn)
    t = time.perf_counter()
    idx.checkpoint()
    res["checkpoint_s"] = round(time.perf_counter() - t, 2)
    gen = conn.execute("SELECT value FROM search_meta WHERE key = 'generation'").fetchone()[0]
    t = time.perf_counter()
    Snapshot(conn, gen)
    res["rebuild_snapshot_s"] = round(time.perf_counter() - t, 2)
    t = time.perf_counter()
    snapfile.load(Snapshot, snapfile.directory(conn), gen)
    res["open_kept_snapshot_ms"] = round((time.perf_counter() - t) * 1000, 1)
    res["fresh_process"] = _median_run(["sqlite", str(db), "", QUERY])
    res["warm_ms"] = _warm(idx, repeat)
    docs, units = _one_more_document(n)
    writer = SqliteIndex(sqlite3.connect(db))
    res["after_write"] = _after_write(idx, writer, writer.conn.commit, docs, units)
    writer.remove([d.id for d in docs])
    writer.conn.commit()
    writer.checkpoint()
    res["corpus_file_mb"] = round(db.stat().st_size / 1e6, 1)
    conn.close()
    return res


def run_es(n: int, url: str, repeat: int) -> dict:
    from maslihat.corpus.index.elastic import ElasticIndex
    name = f"bench_{n}"
    idx = ElasticIndex(url, index_name=name, refresh=False)
    res: dict = {}
    if not idx.es.indices.exists(index=idx.name):
        res["load"] = load(idx, n)
    idx.es.indices.refresh(index=idx.name)
    res["fresh_process"] = _median_run(["elasticsearch", name, url, QUERY])
    res["warm_ms"] = _warm(idx, repeat)
    docs, units = _one_more_document(n)
    writer = ElasticIndex(url, index_name=name)                  # refresh on write, as ingest does
    res["after_write"] = _after_write(idx, writer, lambda: None, docs, units)
    writer.remove([d.id for d in docs])
    return res


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--work", default=None)
    ap.add_argument("--reuse", action="store_true")
    ap.add_argument("--repeat", type=int, default=10)
    ap.add_argument("--es-url", default=os.environ.get("MASLIHAT_TEST_ES_URL"))
    ap.add_argument("--out", default=None)
    a = ap.parse_args(argv)
    work = Path(a.work or tempfile.mkdtemp(prefix="maslihat-cold-"))
    work.mkdir(parents=True, exist_ok=True)
    report = {"machine": machine(), "load_average": os.getloadavg(),
              "command": " ".join(["python", "-m", "bench.coldstart"] + (argv or sys.argv[1:])),
              "sqlite": run_sqlite(a.n, work, a.reuse, a.repeat)}
    if a.es_url:
        report["elasticsearch"] = run_es(a.n, a.es_url, a.repeat)
    text = json.dumps(report, ensure_ascii=False, indent=1)
    if a.out:
        Path(a.out).write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
