"""Search costs on a corpus built by ``bench.build100k``: embedded vs Elasticsearch in one run.

    .venv/bin/python -m bench.search100k --n 10000 --work /work/bench100k [--es-url URL] [--repeat 10]

Everything goes through what a user runs: the ``maslihat search`` command and ``Corpus.search``
(the API behind the CLI and the app: index search, facts facet, parallel provisions,
suggestions). Per back end (SQLite FTS5 embedded; Elasticsearch when ``--es-url``, the index
filled by ``maslihat reindex``):

- ``cli``: whole process ``maslihat search "депутатский запрос" --json --db …`` (wall, peak RSS
  from ``wait4``), median of 5;
- ``fresh``: a new Python process opens the corpus and runs its first search (the first query
  alone, and the time from process creation to the answer), median of 5;
- ``warm``: p50/p95/p99 of ``Corpus.search`` after one warm-up per query, per group: the mix of
  ``bench.run`` (16 queries + 4 questions) and the natural questions of ``bench/judged.json``
  (28, RU and KK), ``--repeat`` rounds; ``cold`` is the warm-up pass itself; the same queries
  through the index alone (``SearchIndex.search``) show what the rest of ``Corpus.search`` adds;
  the judged queries that restrict the results' language (``lang_restricted``), with and without
  the step through the aligned text, apart from «all»;
- ``after_write``: a reader that has answered ``депутатский запрос`` once; ``maslihat ingest``
  adds one new generated document (the full ingest, in another process, into a copy of the
  corpus file so the measured corpus stays at N documents); the reader's next search, and the
  same search again. Median of 3 writes.

JSON to ``WORK/search-N[-LABEL].json`` with the main commit, the load average and the machine.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.build100k import EXE, run_measured  # noqa: E402
from bench.generate import documents  # noqa: E402
from bench.run import MIX, machine  # noqa: E402

QUERY = "депутатский запрос"
FRESH = r"""
import json, resource, sys, time
import psutil
t0 = time.perf_counter()
from maslihat.corpus.api import Corpus
c = Corpus(sys.argv[1], es_url=sys.argv[2], readonly=True)
t1 = time.perf_counter()
r = c.search(sys.argv[3])
t2 = time.perf_counter()
born = psutil.Process().create_time()
print(json.dumps({"first_query_ms": round((t2 - t1) * 1000, 1), "open_ms": round((t1 - t0) * 1000, 1),
                  "process_ms": round((time.time() - born) * 1000, 1), "total": r["total"],
                  "rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}))
"""


def queries() -> dict[str, list[tuple[str, dict]]]:
    """The latency groups: bench.run's mix and the judged set's natural questions by language."""
    groups = {k: list(v) for k, v in MIX.items()}
    judged = json.loads((ROOT / "bench" / "judged.json").read_text(encoding="utf-8"))["queries"]
    for lang in ("ru", "kk"):
        groups[f"judged questions {lang}"] = [(q["query"], {}) for q in judged
                                              if q["kind"] == "question" and q["lang"] == lang]
    return groups


def _pct(ms: list[float]) -> dict:
    ms = sorted(ms)
    pick = lambda q: round(ms[min(len(ms) - 1, int(round(q * (len(ms) - 1))))], 1)  # noqa: E731
    return {"p50": round(statistics.median(ms), 1), "p95": pick(0.95), "p99": pick(0.99), "n": len(ms)}


def _timed(run, items: list, repeat: int) -> list[float]:
    """Milliseconds of ``run(item)`` for every item, ``repeat`` rounds."""
    ms = []
    for _ in range(repeat):
        for item in items:
            t = time.perf_counter()
            run(item)
            ms.append((time.perf_counter() - t) * 1000)
    return ms


def warm(corpus, repeat: int) -> dict:
    out, per, cold = {}, {}, []
    groups = queries()
    for qs in groups.values():
        for q, f in qs:
            t = time.perf_counter()
            corpus.search(q, filters=f)
            cold.append((time.perf_counter() - t) * 1000)
    for name, qs in groups.items():
        ms = _timed(lambda qf: corpus.search(qf[0], filters=qf[1]), qs, repeat)
        out[name] = _pct(ms)
        per[name] = ms
    out["mix of bench.run"] = _pct([m for k, v in per.items() if k in MIX for m in v])
    out["judged questions"] = _pct([m for k, v in per.items() if k not in MIX for m in v])
    out["all"] = _pct([m for v in per.values() for m in v])
    out["cold (first run of each query)"] = _pct(cold)
    from maslihat.corpus.index.base import SearchRequest
    ms = []                                   # the index alone (no facts facet, parallels, suggestions)
    for _ in range(repeat):
        for qs in groups.values():
            for q, f in qs:
                t = time.perf_counter()
                corpus.index.search(SearchRequest(query=q, filters={k: list(v) for k, v in f.items()}))
                ms.append((time.perf_counter() - t) * 1000)
    out["all, index search only"] = _pct(ms)
    out.update(lang_restricted(corpus, repeat))
    return out


def lang_restricted(corpus, repeat: int) -> dict:
    """The judged cross-lingual queries run with the results' language they were judged in (a
    Kazakh question with lang=ru): the query is also run in its own language and carries the
    aligned provisions (``common.via_parallel``); the same queries without that step beside them.
    Not part of «all» (kept comparable with earlier runs)."""
    judged = json.loads((ROOT / "bench" / "judged.json").read_text(encoding="utf-8"))["queries"]
    qs = [(q["query"], q["results_lang"]) for q in judged if q.get("results_lang")]
    out = {}
    index = corpus.index
    saved = index.parallel_of
    for name, aligned in (("judged lang-restricted, through the aligned text", saved),
                          ("judged lang-restricted, without it", None)):
        index.parallel_of = aligned
        try:
            _timed(lambda ql: corpus.search(ql[0], lang=ql[1]), qs, 1)        # warm-up
            ms = _timed(lambda ql: corpus.search(ql[0], lang=ql[1]), qs, repeat)
        finally:
            index.parallel_of = saved
        out[name] = _pct(ms)
    return out


def fresh(db: Path, es_url: str, times: int = 5) -> dict:
    runs = []
    subprocess.run([sys.executable, "-c", FRESH, str(db), es_url, QUERY], capture_output=True,
                   text=True, check=True, env=_env(es_url))     # not counted: writes the bytecode
    for _ in range(times):
        r = subprocess.run([sys.executable, "-c", FRESH, str(db), es_url, QUERY], capture_output=True,
                           text=True, check=True, env=_env(es_url))
        runs.append(json.loads(r.stdout.strip().splitlines()[-1]))
    return {k: round(statistics.median(r[k] for r in runs), 1) for k in ("first_query_ms", "open_ms", "process_ms", "rss_mb")} \
        | {"total": runs[0]["total"], "runs": times}


def cli(db: Path, es_url: str, times: int = 5) -> dict:
    runs = [run_measured([str(EXE), "search", QUERY, "--json", "--db", str(db)], _env(es_url)) for _ in range(times)]
    bad = [r for r in runs if r["returncode"]]
    if bad:
        raise SystemExit(f"maslihat search failed: {bad[0]['stderr_tail']}")
    total = json.loads(_stdout(db, es_url))["total"]
    return {"wall_ms": round(statistics.median(r["wall_s"] for r in runs) * 1000),
            "wall_ms_all": [round(r["wall_s"] * 1000) for r in runs],
            "cpu_ms": round(statistics.median(r["cpu_s"] for r in runs) * 1000),
            "peak_rss_mb": statistics.median(r["max_single_process_rss_mb"] for r in runs), "total": total}


def _stdout(db: Path, es_url: str) -> str:
    return subprocess.run([str(EXE), "search", QUERY, "--json", "--db", str(db)], capture_output=True, text=True,
                          check=True, env=_env(es_url)).stdout


def _env(es_url: str) -> dict:
    # a user's Python keeps the bytecode it compiles (pip compiles an install's at install time);
    # this environment sets PYTHONDONTWRITEBYTECODE, which made every measured process compile
    # the project's sources again (~40 ms of a first query at s11)
    env = {k: v for k, v in os.environ.items() if k not in ("MASLIHAT_ES_URL", "PYTHONDONTWRITEBYTECODE")}
    if es_url:
        env["MASLIHAT_ES_URL"] = es_url
    return env


def after_write(db: Path, es_url: str, n: int, times: int = 3) -> dict:
    from maslihat.corpus.api import Corpus
    tmp = Path(tempfile.mkdtemp(prefix="after-write-", dir=db.parent))
    try:
        copy = tmp / db.name
        for p in db.parent.glob(db.name + "*"):
            (shutil.copytree if p.is_dir() else shutil.copy2)(p, tmp / p.name)
        extra = list(documents(n + times))[n:]
        reader = Corpus(str(copy), es_url=es_url, readonly=True)
        rows = []
        for name, text, _meta in extra:
            reader.search(QUERY)
            f = tmp / name
            f.write_text(text, encoding="utf-8")
            w = run_measured([str(EXE), "ingest", "--db", str(copy), str(f)], _env(es_url))
            t = time.perf_counter()
            r = reader.search(QUERY)
            first = (time.perf_counter() - t) * 1000
            t = time.perf_counter()
            reader.search(QUERY)
            again = (time.perf_counter() - t) * 1000
            rows.append({"ingest_one_file_s": w["wall_s"], "first_search_after_write_ms": round(first, 1),
                         "same_search_again_ms": round(again, 1), "total": r["total"]})
        reader.close()
        return {"runs": rows, **{k: round(statistics.median(r[k] for r in rows), 1)
                                 for k in ("ingest_one_file_s", "first_search_after_write_ms", "same_search_again_ms")}}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def es_store_mb(db: Path, es_url: str) -> float | None:
    from maslihat.corpus.api import Corpus
    c = Corpus(str(db), es_url=es_url, readonly=True)
    try:
        st = c.index.es.indices.stats(index=c.index.name, metric="store")
        return round(st["_all"]["primaries"]["store"]["size_in_bytes"] / 1e6, 1)
    finally:
        c.close()


def measure(db: Path, n: int, es_url: str, repeat: int, skip_write: bool) -> dict:
    from maslihat.corpus.api import Corpus
    res: dict = {"load_average_start": os.getloadavg()}
    res["cli"] = cli(db, es_url)
    res["fresh"] = fresh(db, es_url)
    c = Corpus(str(db), es_url=es_url, readonly=True)
    t = time.perf_counter()
    c.search(QUERY)
    res["first_query_in_this_process_ms"] = round((time.perf_counter() - t) * 1000, 1)
    res["warm_ms"] = warm(c, repeat)
    c.close()
    if not skip_write:
        res["after_write"] = after_write(db, es_url, n)
    if es_url:
        res["index_mb"] = es_store_mb(db, es_url)
    res["load_average_end"] = os.getloadavg()
    return res


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--work", default="/work/bench100k")
    ap.add_argument("--es-url", default=None)
    ap.add_argument("--repeat", type=int, default=10)
    ap.add_argument("--backends", default="sqlite,elasticsearch")
    ap.add_argument("--warm-only", action="store_true", help="only the warm latency (re-measure after a ranking change)")
    ap.add_argument("--label", default="")
    a = ap.parse_args(argv)
    work = Path(a.work)
    db = work / f"corpus-{a.n}.sqlite"
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
    rep: dict = {"n": a.n, "db": str(db), "commit": commit, "machine": machine(),
                 "command": " ".join(["python", "-m", "bench.search100k"] + (argv or sys.argv[1:]))}
    for backend in a.backends.split(","):
        url = a.es_url if backend == "elasticsearch" else ""
        if backend == "elasticsearch" and not url:
            continue
        if a.warm_only:
            from maslihat.corpus.api import Corpus
            c = Corpus(str(db), es_url=url, readonly=True)
            c.search(QUERY)
            rep[backend] = {"load_average_start": os.getloadavg(), "warm_ms": warm(c, a.repeat),
                            "load_average_end": os.getloadavg()}
            c.close()
        else:
            rep[backend] = measure(db, a.n, url, a.repeat, False)
        print(json.dumps({backend: rep[backend]}, ensure_ascii=False), flush=True)
    out = work / f"search-{a.n}{'-' + a.label if a.label else ''}.json"
    out.write_text(json.dumps(rep, ensure_ascii=False, indent=1), encoding="utf-8")
    print(json.dumps(rep, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
