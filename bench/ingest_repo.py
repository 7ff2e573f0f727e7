"""Benchmark (issue 10): ingest a generated repository-layout corpus, interrupt it, resume it.

Generates N acts in the public repositories' layout (``<region>/<year>/<MMDD>-<slug>-<code>/
rus.md, kaz.md, meta.yaml``; points recombined from the seeds' regulation, RU and KK, as in
bench/generate.py; fixed seed), then times ``maslihat ingest`` as a user runs it:
1. a full run into a fresh corpus (files/s, acts/s, MB/s);
2. a second fresh run stopped with SIGTERM half way (the time of the full run / 2), then the same
   command again (resume): its wall time, and how many files it skipped as already done;
3. the same command once more on the finished corpus (nothing to do: the cost of checking);
baseline in the same run: reading and hashing every file (what any resume must at least do).
Prints one JSON object.

    .venv/bin/python -m bench.ingest_repo --acts 2000 --out /tmp/repo-2k
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.generate import MONTHS_KK, MONTHS_RU, REGIONS, SEED, _nominative, _seed_parts  # noqa: E402

# registry prefixes of core/data/places.yaml for the regions bench/generate.py uses (others: unknown codes)
CODES = {"Павлодарской области": "164", "Восточно-Казахстанской области": "157"}


def _act(rng: random.Random, i: int, parts) -> tuple[str, str, str, str]:
    ru_pts, kk_pts, nums, _ = parts
    reg_ru, reg_kk, issuers = rng.choice(REGIONS)
    g, k = rng.choice(issuers)
    year = rng.randint(2005, 2024)
    day, month = rng.randint(1, 28), rng.randint(0, 11)
    num = f"{rng.randint(1, 60)}/{i}"
    chosen = sorted(rng.sample(nums, rng.randint(2, 8)), key=int)
    title_ru = f"Об утверждении правил № {i} {g} маслихата"
    title_kk = f"{k} мәслихатының № {i} қағидаларын бекіту туралы"
    requisite = (f"Решение {g} маслихата {reg_ru} от {day} {MONTHS_RU[month]} {year} года № {num}. "
                 f"Зарегистрировано Департаментом юстиции {reg_ru} {day} {MONTHS_RU[month]} {year} года № {1000 + i}")
    ru = [f"# {title_ru}", ""]
    kk = [f"# {title_kk}", ""]
    if rng.random() < 0.4:
        ru += [f"> *Сноска. Пункт 1 - в редакции решения {g} маслихата {reg_ru} от 12.11.{year} № 5/{i}.*", ""]
        kk += [f"> *Ескерту. 1-тармақ жаңа редакцияда - {reg_kk} {k} мәслихатының 12.11.{year} № 5/{i} шешімімен.*", ""]
    ru += [f"В соответствии со статьей 6 Закона Республики Казахстан \"О местном государственном управлении и "
           f"самоуправлении в Республике Казахстан\", {_nominative(g)} маслихат РЕШИЛ:", ""]
    kk += [f"\"Қазақстан Республикасындағы жергілікті мемлекеттік басқару және өзін-өзі басқару туралы\" Заңының "
           f"6-бабына сәйкес {k} мәслихаты ШЕШТІ:", ""]
    for j, n in enumerate(chosen, 1):
        ru += [f"{j}. {ru_pts[n]}", ""]
        kk += [f"{j}. {kk_pts[n]}", ""]
    code = str(100000 + i)
    prefix = CODES.get(reg_ru, "199")
    date = f"{year}-{month + 1:02d}-{day:02d}"
    q = lambda s: "'" + s.replace("'", "''") + "'"  # noqa: E731
    meta = "\n".join([f"act_code: '{code}'", f"requisite: {q(requisite)}", "title:", f"  rus: {q(title_ru)}",
                      f"  kaz: {q(title_kk)}", "form: РЕШ", "type_codes:", "- ПРАВ", "- РЕШ", f"approved_on: {date}",
                      "approved_by:", f"- '{prefix}000000002'", "version_date:", f"  kaz: {date}", f"  rus: {date}",
                      "source:", f"  kaz: https://zan.gov.kz/client/#!/doc/{code}/kaz",
                      f"  rus: https://zan.gov.kz/client/#!/doc/{code}/rus"]) + "\n"
    folder = f"{re.sub(r'[^a-z]+', '-', reg_ru.lower().encode('ascii', 'ignore').decode()) or 'r'}{CODES.get(reg_ru, '')}" \
             f"/{year}/{month + 1:02d}{day:02d}-act-{code}"
    return folder, "\n".join(ru) + "\n", "\n".join(kk) + "\n", meta


def generate(n: int, out: Path, seed: int = SEED) -> int:
    """Write n acts under ``out`` (same n and seed -> the same files); returns their size in bytes."""
    rng = random.Random(seed)
    parts = _seed_parts()
    size = 0
    for i in range(n):
        folder, ru, kk, meta = _act(rng, i, parts)
        d = out / f"r{i % 17:02d}" / folder
        d.mkdir(parents=True, exist_ok=True)
        for name, text in (("rus.md", ru), ("kaz.md", kk), ("meta.yaml", meta)):
            data = text.encode("utf-8")
            (d / name).write_bytes(data)
            size += len(data)
    return size


def _ingest(src: Path, db: Path, stop_after: float | None = None) -> tuple[float, int, str]:
    env = dict(os.environ, MASLIHAT_DB=str(db))
    env.pop("MASLIHAT_ES_URL", None)
    exe = str(Path(sys.executable).parent / "maslihat")
    t0 = time.perf_counter()
    p = subprocess.Popen([exe, "ingest", str(src)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True)
    if stop_after is not None:
        try:
            p.wait(timeout=stop_after)
        except subprocess.TimeoutExpired:
            p.send_signal(signal.SIGTERM)
    out, err = p.communicate()
    return time.perf_counter() - t0, p.returncode, out + err


def _documents(db: Path) -> int:
    conn = sqlite3.connect(str(db))
    try:
        return conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    finally:
        conn.close()


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--acts", type=int, default=2000)
    ap.add_argument("--out", required=True, help="folder of the generated corpus (reused when present)")
    a = ap.parse_args(argv)
    out = Path(a.out)
    if not (out / ".done").exists():
        size = generate(a.acts, out)
        (out / ".done").write_text(str(size))
    size = int((out / ".done").read_text())
    files = [p for p in out.rglob("*") if p.is_file() and not p.name.startswith(".")]
    t0 = time.perf_counter()
    for p in files:
        hashlib.sha256(p.read_bytes()).hexdigest()
    t_read = time.perf_counter() - t0
    tmp = Path(tempfile.mkdtemp(prefix="bench_repo_"))
    t_full, rc_full, log_full = _ingest(out, tmp / "full.sqlite")
    docs_full = _documents(tmp / "full.sqlite")
    t_cut, rc_cut, _ = _ingest(out, tmp / "cut.sqlite", stop_after=t_full / 2)
    docs_cut = _documents(tmp / "cut.sqlite")
    t_resume, rc_resume, log_resume = _ingest(out, tmp / "cut.sqlite")
    docs_resumed = _documents(tmp / "cut.sqlite")
    t_noop, rc_noop, log_noop = _ingest(out, tmp / "cut.sqlite")
    unchanged = re.search(r"(\d+) unchanged", log_resume)
    print(json.dumps({
        "acts": a.acts, "files": len(files), "mb": round(size / 1e6, 1), "cpus": os.cpu_count(),
        "full": {"seconds": round(t_full, 1), "exit": rc_full, "documents": docs_full,
                 "files_per_s": round(len(files) / t_full, 1), "acts_per_s": round(a.acts / t_full, 1),
                 "mb_per_s": round(size / 1e6 / t_full, 2), "summary": log_full.strip().splitlines()[:4]},
        "interrupted": {"after_seconds": round(t_cut, 1), "exit": rc_cut, "documents_kept": docs_cut},
        "resume": {"seconds": round(t_resume, 1), "exit": rc_resume, "documents": docs_resumed,
                   "files_skipped_as_done": int(unchanged.group(1)) if unchanged else None,
                   "same_corpus_as_full_run": docs_resumed == docs_full},
        "rerun_nothing_to_do": {"seconds": round(t_noop, 1), "exit": rc_noop},
        "baseline_read_and_hash_all_files_s": round(t_read, 2),
    }, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
