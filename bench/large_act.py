"""Ingest of one long code (hardening of issue 14): CPU seconds and peak memory against the act's
size, to show whether a stage grows faster than the text.

A real act of ``../shared/corpus/dev-laws`` (the law on legal acts, 68 articles, RU + KK) is
repeated ``--copies`` times with its articles renumbered, as one act of a repository folder
(``rus.md``, ``kaz.md``, ``meta.yaml``), written to a temporary folder at run time (nothing of
``../shared`` is committed), and ingested by ``maslihat ingest`` in a child process
(``RUSAGE_CHILDREN`` of a launcher: the process and its workers). Baseline in the same run: reading the same
files and splitting them into words with a regex.

    .venv/bin/python -m bench.large_act [--copies 1,4,12] [--shared ../shared] [--json OUT]
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ACT = "codes__0406-o-pravovykh-aktakh-100890"
# heading patterns per file (prefix, number, suffix): articles, chapters and sections numbered on
NUMBERED = {"rus.md": [r"^(#+ Статья )(\d+(?:-\d+)?)()", r"^(#+ Глава )(\d+(?:-\d+)?)()", r"^(#+ РАЗДЕЛ )(\d+)()"],
            "kaz.md": [r"^(#+ )(\d+(?:-\d+)?)(-бап)", r"^(#+ )(\d+(?:-\d+)?)(-тарау)", r"^(#+ )(\d+)(-БӨЛІМ)"]}

FOOTNOTE = re.compile(r"^>\s*\*?(?:Сноска|Ескерту)\b.*\n?", re.M)


def write_act(shared: Path, copies: int, out: Path) -> int:
    """The act repeated ``copies`` times, its sections, chapters and articles numbered on (a code
    of ``copies`` × 68 articles; the amendment footnotes only in the first copy, since they name
    their article by number); returns its bytes."""
    src = shared / "corpus" / "dev-laws" / ACT
    dst = out / f"codes__0101-bench-large-act-{copies}"
    dst.mkdir(parents=True)
    size = 0
    for name, pats in NUMBERED.items():
        text = (src / name).read_text(encoding="utf-8")
        compiled = [re.compile(x, re.M) for x in pats]
        first = min(m.start() for m in (c.search(text) for c in compiled) if m)
        head, body = text[:first], text[first:]
        counters = [0] * len(compiled)
        parts = [head]
        for i in range(copies):
            # the footnotes name their article by its old number: kept in the first copy only
            copy = body if i == 0 else FOOTNOTE.sub("", body)
            for k, pat in enumerate(compiled):
                def renumber(m, k=k):
                    counters[k] += 1
                    return m.group(1) + str(counters[k]) + m.group(3)
                copy = pat.sub(renumber, copy)
            parts.append(copy)
        data = "".join(parts).encode("utf-8")
        (dst / name).write_bytes(data)
        size += len(data)
    shutil.copy(src / "meta.yaml", dst / "meta.yaml")
    return size


_LAUNCH = """import json, resource, subprocess, sys
subprocess.run([sys.executable, "-m", "maslihat.cli", "ingest", sys.argv[1], "--db", sys.argv[2]],
               check=True, capture_output=True)
r = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"cpu_s": r.ru_utime + r.ru_stime, "peak_rss_mb": r.ru_maxrss / 1024}))"""


def ingest(folder: Path, db: Path) -> dict:
    """CPU and peak RSS of one ``maslihat ingest`` and its workers (a launcher process of its own,
    so that the peak is this run's, not the largest of the runs before it)."""
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", _LAUNCH, str(folder), str(db)], check=True,
                         capture_output=True, text=True).stdout
    got = json.loads(out.strip().splitlines()[-1])
    return {"cpu_s": round(got["cpu_s"], 2), "wall_s": round(time.perf_counter() - t0, 2),
            "peak_rss_mb": round(got["peak_rss_mb"], 1)}


def baseline(folder: Path) -> float:
    t0 = time.process_time()
    words = 0
    for p in sorted(folder.rglob("*.md")):
        words += len(re.findall(r"\w+", p.read_text(encoding="utf-8")))
    return round(time.process_time() - t0, 3)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", default="1,4,12")
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--json")
    a = ap.parse_args(argv)
    rows = []
    for k in (int(x) for x in a.copies.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            t = Path(tmp)
            size = write_act(Path(a.shared), k, t / "in")
            got = ingest(t / "in", t / "c.sqlite")
            row = {"copies": k, "mb": round(size / 1e6, 2), **got, "baseline_cpu_s": baseline(t / "in")}
            row["mb_per_cpu_s"] = round(row["mb"] / got["cpu_s"], 3) if got["cpu_s"] else None
            rows.append(row)
            print(json.dumps(row, ensure_ascii=False), flush=True)
    if a.json:
        Path(a.json).write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
