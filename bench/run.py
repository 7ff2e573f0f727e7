"""Benchmark both back ends side by side on a generated corpus (bench/generate.py).

    .venv/bin/python -m bench.run --n 10000 --es-url $(scripts/elasticsearch.sh url)

Measures indexing throughput (MB of raw text per second through our index layer: rows,
terms, writes), index size against raw text, query latency p50/p95 for a fixed mix (single
term, phrase, facet-filtered, cross-lingual, no-hit) and peak memory; ``--e2e N`` also times
``maslihat ingest`` (corpus.api.Corpus.ingest) on the first N generated files. Prints a JSON
report. ``--reuse`` queries an index built by an earlier run (``WORK/bench-N.sqlite`` and the
Elasticsearch index ``bench_N``) instead of loading again. Latency reports p50/p95 after one
warm-up per query, the warm-up pass itself (``cold``) and the very first search
(``first_query_ms``; for SQLite it includes loading the in-memory snapshot).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.generate import documents, write  # noqa: E402
from bench.units import to_documents  # noqa: E402
from maslihat.corpus.index.base import SearchRequest  # noqa: E402

MIX = {
    "single term": [("депутат", {}), ("бюджет", {}), ("мәслихат", {}), ("сессия", {}), ("голосование", {})],
    "phrase": [('"постоянная комиссия"', {}), ('"тұрақты комиссия"', {}), ('"повестка дня"', {})],
    "facet-filtered": [("сессия", {"language": ["kk"], "year": ["2015"]}),
                       ("бюджет", {"region": ["Павлодарской области"], "status": ["in_force"]}),
                       ("депутат", {"doc_type": ["decision"], "kind": ["point"]})],
    "cross-lingual": [("депутатский запрос", {}), ("депутаттық сауал", {}), ("тайное голосование", {})],
    "no-hit": [("квазиоблигация", {}), ("zzqxj", {})],
    "question (best-match)": [("кто ведёт протокол сессии", {}), ("сессия күн тәртібін кім бекітеді", {}),
                              ("как отозвать депутата маслихата", {}), ("отчет мэра перед депутатами", {})],
}


def machine() -> dict:
    cpu = ""
    try:
        cpu = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name"))
    except Exception:  # noqa: BLE001
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return {"nproc": os.cpu_count(), "ram_gb": round(mem, 1), "cpu": cpu, "python": platform.python_version(),
            "sqlite": sqlite3.sqlite_version}


def batches(n: int, size: int = 500):
    """(raw bytes, docs, units) in batches, built by the light segmenter of bench/units.py."""
    docs, units, raw = [], {}, 0
    for name, text, meta in documents(n):
        d, u = to_documents(name, text, meta)
        docs += d
        units.update(u)
        raw += len(text.encode("utf-8"))
        if len(docs) >= size:
            yield raw, docs, units
            docs, units, raw = [], {}, 0
    if docs:
        yield raw, docs, units


def load(index, n: int, commit=None) -> dict:
    t0 = time.perf_counter()
    raw = 0
    for b, docs, units in batches(n):
        index.add(docs, units)
        if commit:
            commit()
        raw += b
    if hasattr(index, "flush"):
        index.flush()
    secs = time.perf_counter() - t0
    return {"raw_mb": round(raw / 1e6, 1), "seconds": round(secs, 1), "mb_per_s": round(raw / 1e6 / secs, 2),
            "units": index.count()}


def latency(index, repeat: int) -> dict:
    """p50/p95 per category after one warm-up per query; ``cold`` is the warm-up pass itself
    (first time each query runs in this process), ``first_query_ms`` the very first search
    (for the embedded back end it includes loading the in-memory snapshot)."""
    out = {}
    all_ms, cold = [], []
    t = time.perf_counter()
    index.search(SearchRequest(query="бюджет"))
    out["first_query_ms"] = round((time.perf_counter() - t) * 1000, 1)
    for cat, queries in MIX.items():
        for q, f in queries:                     # warm-up
            t = time.perf_counter()
            index.search(SearchRequest(query=q, filters=f))
            cold.append((time.perf_counter() - t) * 1000)
        ms = []
        for _ in range(repeat):
            for q, f in queries:
                t = time.perf_counter()
                index.search(SearchRequest(query=q, filters=f))
                ms.append((time.perf_counter() - t) * 1000)
        all_ms += ms
        out[cat] = _pct(ms)
    out["all"] = _pct(all_ms)
    out["cold"] = _pct(cold)
    return out


def _pct(ms: list[float]) -> dict:
    ms = sorted(ms)
    return {"p50": round(statistics.median(ms), 1), "p95": round(ms[int(0.95 * (len(ms) - 1))], 1)}


def es_store_mb(index) -> float:
    st = index.es.indices.stats(index=index.name, metric="store")
    return round(st["_all"]["primaries"]["store"]["size_in_bytes"] / 1e6, 1)


def es_rss_mb() -> float | None:
    pid = Path(os.environ.get("ES_STATE_DIR", "/tmp/maslihat-es")) / "pid"
    try:
        for line in open(f"/proc/{pid.read_text().strip()}/status"):
            if line.startswith("VmHWM"):
                return round(int(line.split()[1]) / 1024, 1)
    except Exception:  # noqa: BLE001
        return None


def run_sqlite(n: int, repeat: int, work: Path, reuse: bool = False) -> dict:
    from maslihat.corpus.index.sqlite_fts import SqliteIndex
    db = work / f"bench-{n}.sqlite"
    res = {}
    if reuse and db.exists():
        conn = sqlite3.connect(db)
        idx = SqliteIndex(conn)
        conn.commit()
        res["load"] = {"reused": str(db), "units": idx.count()}
    else:
        if db.exists():
            db.unlink()
        conn = sqlite3.connect(db)
        conn.execute("PRAGMA journal_mode=WAL")
        idx = SqliteIndex(conn)
        res["load"] = load(idx, n, conn.commit)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    res["index_mb"] = round(db.stat().st_size / 1e6, 1)
    t = time.perf_counter()
    idx.snapshot()
    res["snapshot_load_s"] = round(time.perf_counter() - t, 2)
    idx = SqliteIndex(conn)       # a fresh index object: latency() sees the first query cold
    res["latency_ms"] = latency(idx, repeat)
    res["peak_rss_mb_python"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    conn.close()
    return res


def run_es(n: int, repeat: int, url: str, reuse: bool = False) -> dict:
    from maslihat.corpus.index.elastic import ElasticIndex
    idx = ElasticIndex(url, index_name=f"bench_{n}", refresh=False)
    if reuse and idx.es.indices.exists(index=idx.name):
        res = {"load": {"reused": idx.name, "units": idx.count()}}
    else:
        idx.clear()
        res = {"load": load(idx, n)}
    res["index_mb"] = es_store_mb(idx)
    res["latency_ms"] = latency(idx, repeat)
    res["peak_rss_mb_es_jvm"] = es_rss_mb()
    return res


def run_e2e(n: int, work: Path, es_url: str | None) -> dict:
    """``maslihat ingest`` end to end (decode, split, segment, references, store, index)."""
    from maslihat.corpus.api import Corpus
    src = work / f"e2e-{n}"
    shutil.rmtree(src, ignore_errors=True)
    raw = write(n, src)
    out = {}
    for name, url in (("sqlite", None), ("elasticsearch", es_url)):
        if name == "elasticsearch" and not url:
            continue
        db = work / f"e2e-{name}.sqlite"
        if db.exists():
            db.unlink()
        if url:
            from maslihat.corpus.index.elastic import ElasticIndex
            ElasticIndex(url).clear()
        c = Corpus(str(db), es_url=url or "")
        t = time.perf_counter()
        c.ingest([str(src)])
        secs = time.perf_counter() - t
        out[name] = {"files": n, "raw_mb": round(raw / 1e6, 2), "seconds": round(secs, 1),
                     "mb_per_s": round(raw / 1e6 / secs, 3)}
        c.close()
    return out


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, nargs="+", default=[10000])
    ap.add_argument("--es-url", default=os.environ.get("MASLIHAT_TEST_ES_URL"))
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--e2e", type=int, default=0, help="also ingest this many files end to end")
    ap.add_argument("--backends", default="sqlite,elasticsearch")
    ap.add_argument("--work", default=None)
    ap.add_argument("--out", default=None, help="write the JSON report here")
    ap.add_argument("--reuse", action="store_true",
                    help="query WORK/bench-N.sqlite and the index bench_N when they exist instead of loading")
    a = ap.parse_args(argv)
    work = Path(a.work or tempfile.mkdtemp(prefix="maslihat-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    report = {"machine": machine(), "command": " ".join([Path(sys.executable).name, "-m", "bench.run"] + (argv or sys.argv[1:])),
              "runs": {}}
    for n in a.n:
        r = {}
        if "sqlite" in a.backends:
            r["sqlite"] = run_sqlite(n, a.repeat, work, a.reuse)
            print(json.dumps({n: {"sqlite": r["sqlite"]}}, ensure_ascii=False), flush=True)
        if "elasticsearch" in a.backends and a.es_url:
            r["elasticsearch"] = run_es(n, a.repeat, a.es_url, a.reuse)
            print(json.dumps({n: {"elasticsearch": r["elasticsearch"]}}, ensure_ascii=False), flush=True)
        report["runs"][n] = r
    if a.e2e:
        report["e2e"] = run_e2e(a.e2e, work, a.es_url)
    text = json.dumps(report, ensure_ascii=False, indent=1)
    if a.out:
        Path(a.out).write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
