"""Build the generated corpus of N documents the way a user does, and measure what it costs.

    .venv/bin/python -m bench.build100k --n 10000 --work /work/bench100k [--es-url URL]

1. ``bench.generate`` writes N files (fixed seed) to ``WORK/gen-N`` (kept when already there);
2. ``maslihat ingest --db WORK/corpus-N.sqlite WORK/gen-N`` (the full pipeline: decode, language,
   segmentation, references, store, embedded index, snapshot) in a fresh corpus file;
3. with ``--es-url``: ``maslihat reindex --backend elasticsearch`` of that corpus file (the same
   documents and units into the Elasticsearch index of that corpus).

Reported: wall and CPU seconds (user+sys of the whole process tree, from ``wait4``), MB of raw
text per CPU-second, peak RSS of the ingest's parent process and of the whole process tree
(sampled twice a second with psutil), for the Elasticsearch step also the server's (JVM) CPU
seconds; corpus file size (with its snapshot folder) over the raw text, and the file alone
(``file_mb``, ``file_over_raw``) and the snapshot folder (``snapshot_mb``). JSON to
``WORK/build-N.json``. Run one at a time on a shared machine (``nice -n 10``).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.generate import SEED, write  # noqa: E402

EXE = ROOT / ".venv" / "bin" / "maslihat"


def raw_bytes(src: Path) -> int:
    return sum(p.stat().st_size for p in src.rglob("*.txt"))


def jvm_cpu_s() -> float | None:
    """CPU seconds (user+sys) used so far by the Elasticsearch server of scripts/elasticsearch.sh."""
    pid = Path(os.environ.get("ES_STATE_DIR", "/tmp/maslihat-es")) / "pid"
    try:
        f = open(f"/proc/{pid.read_text().strip()}/stat").read().rsplit(")", 1)[1].split()
        return (int(f[11]) + int(f[12])) / os.sysconf("SC_CLK_TCK")
    except Exception:  # noqa: BLE001
        return None


def run_measured(cmd: list[str], env: dict | None = None) -> dict:
    """Run a command; wall, CPU of its tree (wait4), peak RSS of the parent and of the tree, and
    the tree's peak PSS (shared pages counted once)."""
    import psutil
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    peak = {"parent": 0, "tree": 0, "pss": 0, "samples": 0}
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            try:
                p = psutil.Process(proc.pid)
                rss = p.memory_info().rss
                tree = rss + sum(c.memory_info().rss for c in p.children(recursive=True))
                peak["parent"] = max(peak["parent"], rss)
                peak["tree"] = max(peak["tree"], tree)
                # forked workers share the parent's pages: RSS counts them once per process, PSS
                # (proportional set size, /proc/<pid>/smaps_rollup) divides them among the sharers
                pss = sum(getattr(q.memory_full_info(), "pss", 0) for q in [p, *p.children(recursive=True)])
                peak["pss"] = max(peak["pss"], pss)
                peak["samples"] += 1
            except Exception:  # noqa: BLE001  (a child left between the two calls)
                pass
            done.wait(0.5)
    th = threading.Thread(target=sample, daemon=True)
    th.start()
    out_chunks: list[bytes] = []
    err_chunks: list[bytes] = []
    readers = [threading.Thread(target=lambda s=s, b=b: b.append(s.read()), daemon=True)
               for s, b in ((proc.stdout, out_chunks), (proc.stderr, err_chunks))]
    for r in readers:
        r.start()
    _pid, status, ru = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    done.set()
    for r in readers:
        r.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    return {"returncode": proc.returncode, "wall_s": round(wall, 1), "cpu_s": round(ru.ru_utime + ru.ru_stime, 1),
            "max_single_process_rss_mb": round(ru.ru_maxrss / 1024, 1),
            "peak_parent_rss_mb": round(peak["parent"] / 2**20, 1), "peak_tree_rss_mb": round(peak["tree"] / 2**20, 1),
            "peak_tree_pss_mb": round(peak["pss"] / 2**20, 1),
            "stdout_tail": b"".join(out_chunks).decode("utf-8", "replace")[-600:],
            "stderr_tail": b"".join(err_chunks).decode("utf-8", "replace")[-600:]}


def corpus_bytes(db: Path) -> int:
    size = sum(p.stat().st_size for p in (db, Path(f"{db}-wal")) if p.exists())
    snap = Path(f"{db}-snapshot")
    if snap.is_dir():
        size += sum(p.stat().st_size for p in snap.rglob("*") if p.is_file())
    return size


def build(n: int, work: Path, es_url: str | None) -> dict:
    src = work / f"gen-{n}"
    if not src.is_dir():
        write(n, src)
    raw = raw_bytes(src)
    db = work / f"corpus-{n}.sqlite"
    for p in work.glob(f"corpus-{n}.sqlite*"):
        shutil.rmtree(p) if p.is_dir() else p.unlink()
    env = {k: v for k, v in os.environ.items() if k != "MASLIHAT_ES_URL"}
    rep: dict = {"n": n, "seed": SEED, "raw_mb": round(raw / 1e6, 2), "load_average_before": os.getloadavg()}
    r = run_measured([str(EXE), "ingest", "--db", str(db), str(src)], env)
    r["mb_per_cpu_s"] = round(raw / 1e6 / max(r["cpu_s"], 1e-9), 3)
    r["mb_per_wall_s"] = round(raw / 1e6 / max(r["wall_s"], 1e-9), 3)
    r["load_average_after"] = os.getloadavg()
    rep["ingest"] = r
    rep["corpus_mb"] = round(corpus_bytes(db) / 1e6, 1)
    rep["corpus_over_raw"] = round(corpus_bytes(db) / raw, 2)
    # issue 14's «corpus file ≤ 4× raw text» is the file (and its log); corpus_mb above adds the
    # snapshot folder, a cache that is rebuilt when missing
    file_b = sum(p.stat().st_size for p in (db, Path(f"{db}-wal")) if p.exists())
    rep["file_mb"] = round(file_b / 1e6, 1)
    rep["file_over_raw"] = round(file_b / raw, 3)
    rep["snapshot_mb"] = round((corpus_bytes(db) - file_b) / 1e6, 1)
    print(json.dumps(rep, ensure_ascii=False), flush=True)
    if es_url:
        jvm0 = jvm_cpu_s()
        r = run_measured([str(EXE), "reindex", "--db", str(db), "--backend", "elasticsearch"],
                         env | {"MASLIHAT_ES_URL": es_url})
        jvm1 = jvm_cpu_s()
        r["jvm_cpu_s"] = round(jvm1 - jvm0, 1) if jvm0 is not None and jvm1 is not None else None
        r["load_average_after"] = os.getloadavg()
        rep["es_reindex"] = r
    return rep


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--work", default="/work/bench100k")
    ap.add_argument("--es-url", default=None)
    a = ap.parse_args(argv)
    work = Path(a.work)
    work.mkdir(parents=True, exist_ok=True)
    rep = build(a.n, work, a.es_url)
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
    rep["commit"] = commit
    (work / f"build-{a.n}.json").write_text(json.dumps(rep, ensure_ascii=False, indent=1), encoding="utf-8")
    print(json.dumps(rep, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
