"""RU/KK discrepancies on acts the report was never built on (issue 12 part 2, branch i-rukk2).

    .venv/bin/python -m bench.rukk_heldout                 # run, match every flag to its judgement, precision
    .venv/bin/python -m bench.rukk_heldout --half B        # one half only (B is held out)
    .venv/bin/python -m bench.rukk_heldout --flags         # list the flags (to judge the unjudged ones)
    .venv/bin/python -m bench.rukk_heldout --judged-only   # precision from the data file alone, no run

Acts and halves: bench/rukk_heldout_split.json (the split was fixed before any of them was run:
within each folder of ../shared, acts sorted by code and alternated). Each act is ingested on its
own into a temporary corpus, as docs/quality.md «RU/KK discrepancies» does — the act folder of
corpus/dev-laws (rus.md, kaz.md, meta.yaml) or the pair derived/<code>.rus.txt + .kaz.txt of
corpus/dev — with ``maslihat ingest``; then ``maslihat diff --json RU KK``.

Judgements: bench/rukk_heldout_judged.json, one row per flag judged by reading both texts: act, the
flag's kind, unit labels and facts (its key), a 40-character locator of each side, real or not,
a one-line reason, and the stage at which it was seen («before» the fixes of the branch, or
«after»). A flag of the run is matched to its row by key; a flag with no row is «unjudged» and
must be judged before the figure counts. Precision = real flags / judged flags.
"""
from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
SPLIT = ROOT / "bench" / "rukk_heldout_split.json"
JUDGED = ROOT / "bench" / "rukk_heldout_judged.json"
LOC = 40


def act_files(act: str) -> list[Path]:
    folder, name = act.split("/", 1)
    if folder == "dev":
        d = SHARED / "dev" / "derived"
        return [d / f"{name}.rus.txt", d / f"{name}.kaz.txt"]
    return [SHARED / "dev-laws" / name]


def short(act: str) -> str:
    folder, name = act.split("/", 1)
    return name if folder == "dev" else name.rsplit("-", 1)[-1]


def _cli(*args: str) -> str:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    r = subprocess.run([sys.executable, "-m", "maslihat.cli", *args], capture_output=True, text=True,
                       env=env, cwd=ROOT)
    if r.returncode:
        raise SystemExit(f"rukk_heldout: maslihat {' '.join(args[:2])} failed: {r.stderr[-500:]}")
    return r.stdout


def flags_of(act: str) -> list[dict]:
    """Every discrepancy ``maslihat diff`` reports for the act's Russian text against its Kazakh."""
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "c.sqlite")
        _cli("ingest", "--db", db, *map(str, act_files(act)))
        con = sqlite3.connect(db)
        rows = con.execute("select id, language, parallel_id from documents where is_latest=1").fetchall()
        con.close()
        ru = [r for r in rows if r[1] == "ru"]
        kk = [r for r in rows if r[1] == "kk"]
        if len(ru) != 1 or len(kk) != 1:
            raise SystemExit(f"rukk_heldout: {act}: expected one RU and one KK document, got {rows}")
        res = json.loads(_cli("diff", "--db", db, "--json", ru[0][0], kk[0][0]))
    out = []
    for d in res.get("discrepancies") or []:
        out.append({"act": short(act), "kind": d["kind"], "label_a": d.get("label_a"),
                    "label_b": d.get("label_b"), "facts_a": sorted(d.get("facts_a") or []),
                    "facts_b": sorted(d.get("facts_b") or []),
                    "loc_a": (d.get("excerpt_a") or "")[:LOC], "loc_b": (d.get("excerpt_b") or "")[:LOC],
                    "detail": d.get("detail", "")})
    return out


def key(f: dict) -> tuple:
    return (f["act"], f["kind"], f["label_a"], f["label_b"], tuple(f["facts_a"]), tuple(f["facts_b"]))


def load_judged() -> list[dict]:
    return json.loads(JUDGED.read_text(encoding="utf-8")) if JUDGED.exists() else []


def table(rows: list[tuple[str, str, int, int, int]]) -> str:
    """rows: (half, act, flags, real, unjudged) → a markdown table with per-half totals."""
    lines = ["| half | act | flags | real | precision | unjudged |", "|---|---|---|---|---|---|"]

    def pr(real, judged):
        return f"{100 * real / judged:.1f}%" if judged else "—"
    tot: dict[str, list[int]] = {}
    for half, act, n, real, unj in rows:
        lines.append(f"| {half} | {act} | {n} | {real} | {pr(real, n - unj)} | {unj or ''} |")
        t = tot.setdefault(half, [0, 0, 0])
        t[0] += n
        t[1] += real
        t[2] += unj
    for half, (n, real, unj) in tot.items():
        lines.append(f"| **{half}** | **total** | **{n}** | **{real}** | **{pr(real, n - unj)}** | {unj or ''} |")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--half", choices=["A", "B", "all"], default="all")
    ap.add_argument("--flags", action="store_true", help="list every flag with its judgement")
    ap.add_argument("--judged-only", action="store_true", help="precision from the data file, no run")
    ap.add_argument("--stage", default=None, help="with --judged-only: rows seen at this stage")
    a = ap.parse_args(argv)
    split = json.loads(SPLIT.read_text(encoding="utf-8"))
    halves = ["A", "B"] if a.half == "all" else [a.half]
    judged = load_judged()
    rows = []
    if a.judged_only:
        for half in halves:
            for act in split[half]:
                js = [j for j in judged if j["act"] == short(act) and (a.stage is None or a.stage in j["stage"])]
                rows.append((half, short(act), len(js), sum(j["real"] for j in js), 0))
        print(table(rows))
        return 0
    by_key = {}
    for j in judged:
        by_key.setdefault(key(j), j)
    for half in halves:
        for act in split[half]:
            fl = flags_of(act)
            real = unj = 0
            for f in fl:
                j = by_key.get(key(f))
                if j is None:
                    unj += 1
                else:
                    real += bool(j["real"])
                if a.flags:
                    verdict = "UNJUDGED" if j is None else ("real" if j["real"] else "false") + " — " + j["reason"]
                    print(json.dumps({**f, "verdict": verdict}, ensure_ascii=False))
            rows.append((half, short(act), len(fl), real, unj))
    print(table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
