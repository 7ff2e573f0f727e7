"""Ingest speed on real text (issue 14): MB of input per CPU-second of the whole process tree.

Runs ``maslihat ingest`` on the real texts in ../shared (dev decisions .txt and .html, dev-laws,
seeds) into a fresh corpus file: once with an empty lexicon ("cold": every Russian word goes
to pymorphy3) and once with the lexicon that run left ("warm": a later run, as in life), with
the default worker setting and with two workers forced. CPU time is user+sys of the child
process and its workers (``RUSAGE_CHILDREN``), steadier than wall time on a loaded machine.
Baseline in the same run: reading the same files and splitting them into words with a regex.
Also: how much a cache would save for Kazakh stems (rule-based) against Russian lemmas.

    .venv/bin/python -m bench.ingest_speed [--shared ../shared] [--repeat 3]
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TEXT_SUFFIXES = (".txt", ".html", ".md")


def _inputs(shared: Path) -> list[Path]:
    return [shared / "corpus" / "dev" / "derived", shared / "corpus" / "dev-laws", shared / "seeds"]


def _files(dirs: list[Path]) -> list[Path]:
    return sorted(p for d in dirs for p in d.rglob("*") if p.is_file() and p.suffix in TEXT_SUFFIXES
                  and p.name.lower() != "readme.md")


def _child_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def _ingest(db: Path, dirs: list[Path], workers: str | None) -> tuple[float, float]:
    env = dict(os.environ)
    if workers is not None:
        env["MASLIHAT_INGEST_WORKERS"] = workers
    exe = ROOT / ".venv" / "bin" / "maslihat"
    c0, t0 = _child_cpu(), time.perf_counter()
    subprocess.run([str(exe), "ingest", "--db", str(db), *map(str, dirs)], check=True, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return _child_cpu() - c0, time.perf_counter() - t0


def _copy_lexicon(src: Path, dst: Path) -> int:
    from maslihat.corpus.api import Corpus
    Corpus(str(dst), es_url="").close()
    conn = sqlite3.connect(dst)
    conn.execute("ATTACH ? AS f", (str(src),))
    conn.execute("INSERT INTO lexicon SELECT * FROM f.lexicon")
    conn.execute("INSERT OR REPLACE INTO meta SELECT * FROM f.meta WHERE key='lexicon_version'")
    conn.commit()
    n = conn.execute("SELECT count(*) FROM lexicon").fetchone()[0]
    conn.close()
    return n


def _baseline(files: list[Path]) -> float:
    word = re.compile(r"\w+")
    t0 = time.process_time()
    n = 0
    for p in files:
        n += len(word.findall(p.read_bytes().decode("utf-8", "replace").lower()))
    return time.process_time() - t0


def _word_costs(files: list[Path]) -> dict:
    """Per distinct word, cold: a Kazakh stem (rules) against a Russian lemma (pymorphy3)."""
    from maslihat.nlp.lang.kk.stemmer import stem
    from maslihat.nlp.lang.ru import lemmatizer
    word = re.compile(r"[^\W\d_]{2,}")
    kk, ru = set(), set()
    for p in files:
        words = word.findall(p.read_text(encoding="utf-8", errors="replace").lower())
        (kk if (".kaz." in p.name or p.name.startswith("kaz")) else ru).update(words)
    t0 = time.process_time()
    lemmatizer.morph()
    load = time.process_time() - t0
    t0 = time.process_time()
    for w in ru:
        lemmatizer._pymorphy_lemma(w)
    ru_s = time.process_time() - t0
    t0 = time.process_time()
    for w in kk:
        stem.__wrapped__(w)
    kk_s = time.process_time() - t0
    return {"pymorphy3_load_cpu_s": round(load, 3),
            "ru_distinct_words": len(ru), "ru_lemma_us_per_word": round(1e6 * ru_s / max(1, len(ru)), 1),
            "kk_distinct_words": len(kk), "kk_stem_us_per_word": round(1e6 * kk_s / max(1, len(kk)), 1)}


def _compile() -> None:
    """The project's modules compiled to bytecode before the runs, as ``pip install`` does and as
    any second run finds them: an environment with ``PYTHONDONTWRITEBYTECODE`` set (this one) would
    otherwise compile every changed module anew in every ingest process (~0.24 CPU-s a run)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    dirs = [str(ROOT / d) for d in ("core", "corpus", "ingest", "nlp", "maslihat", "search_app")]
    subprocess.run([sys.executable, "-m", "compileall", "-q", *dirs], check=True, env=env,
                   stdout=subprocess.DEVNULL)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args(argv)
    dirs = _inputs(Path(a.shared))
    files = _files(dirs)
    mb = sum(p.stat().st_size for p in files) / 1e6
    work = Path(tempfile.mkdtemp(prefix="maslihat-ingest-speed-"))
    out: dict = {"input_files": len(files), "input_mb": round(mb, 3),
                 "bytecode": "compiled before the runs (as an install does)"}
    _compile()
    try:
        for label, workers in (("default", None), ("2 workers", "2")):
            cold_cpu, warm_cpu, cold_wall, warm_wall = [], [], [], []
            for r in range(a.repeat):
                cold = work / f"cold{r}{workers}.sqlite"
                c, w = _ingest(cold, dirs, workers)
                cold_cpu.append(c), cold_wall.append(w)
                warm = work / f"warm{r}{workers}.sqlite"
                out["lexicon_words"] = _copy_lexicon(cold, warm)
                c, w = _ingest(warm, dirs, workers)
                warm_cpu.append(c), warm_wall.append(w)
            for kind, cpu, wall in (("cold lexicon", cold_cpu, cold_wall), ("warm lexicon", warm_cpu, warm_wall)):
                m = statistics.median(cpu)
                out[f"{label}, {kind}"] = {"cpu_s": round(m, 2), "wall_s": round(statistics.median(wall), 2),
                                           "mb_per_cpu_s": round(mb / m, 3)}
        base = statistics.median(_baseline(files) for _ in range(a.repeat))
        out["baseline read+regex words"] = {"cpu_s": round(base, 3), "mb_per_cpu_s": round(mb / base, 1)}
        out["word costs"] = _word_costs(files)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(out, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
