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
its class (real: the texts state different facts, or a provision is on one side only; detail: a
fact one side states about the same thing and the other does not, such as an editor's note or a
caption more specific; false: a reading gap), the cause of a false flag, a one-line reason, and
the stages at which it was seen: «before» the fixes of the branch, «after-1» after the fixes of
commit 2c80e22 (chosen on half A only), «after» after all of them (commit 1595b37 added the table
rule); then, on branch i-rukk3 (all 29 acts now built on), «rukk3-tables» after the table
comparison (commit b144336) and «rukk3» after all of i-rukk3's fixes. A flag of the run is matched to its row by key (a key seen twice in a run takes two rows); a
flag with no row is «unjudged» and must be judged before the figure counts. Precision = (real + detail) / judged flags; strict = real /
judged flags.

    .venv/bin/python -m bench.rukk_heldout --judged-only --stage before --causes   # the figures of the data file
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


def table(rows: list[tuple[str, str, list[str]]]) -> str:
    """rows: (half, act, the class of each flag: real / detail / false / unjudged) → a markdown
    table with per-half totals. «real» counts both real classes: a contradiction or a provision on
    one side only («real»), and a fact one side states about the same thing and the other does not
    («detail»: an editor's note more specific, a caption with the decision's number); «strict»
    counts «real» only."""
    lines = ["| half | act | flags | real | of which detail | precision | strict | unjudged |",
             "|---|---|---|---|---|---|---|---|"]

    def pr(n, judged):
        return f"{100 * n / judged:.1f}%" if judged else "—"

    def line(half, act, cl, bold=False):
        n, r, d, u = len(cl), cl.count("real"), cl.count("detail"), cl.count("unjudged")
        cells = [half, act, n, r + d, d, pr(r + d, n - u), pr(r, n - u), u or ""]
        if bold:
            cells = [f"**{c}**" if c != "" else c for c in cells]
        return "| " + " | ".join(map(str, cells)) + " |"
    tot: dict[str, list[str]] = {}
    for half, act, cl in rows:
        lines.append(line(half, act, cl))
        tot.setdefault(half, []).extend(cl)
    for half, cl in tot.items():
        lines.append(line(half, "total", cl, bold=True))
    return "\n".join(lines)


def causes(judged: list[dict], stage: str) -> str:
    """False flags by cause, per half, at one stage."""
    from collections import Counter
    out = []
    for half in ("A", "B"):
        c = Counter(j["cause"] for j in judged if j["half"] == half and stage in j["stage"] and j["class"] == "false")
        out.append(f"{half}: " + ", ".join(f"{k} {v}" for k, v in c.most_common()))
    return "\n".join(out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--half", choices=["A", "B", "all"], default="all")
    ap.add_argument("--flags", action="store_true", help="list every flag with its judgement")
    ap.add_argument("--judged-only", action="store_true", help="precision from the data file, no run")
    ap.add_argument("--stage", default="after",
                    help="with --judged-only: rows seen at this stage (before/after-1/after/rukk3-tables/rukk3)")
    ap.add_argument("--causes", action="store_true", help="with --judged-only: false flags by cause")
    a = ap.parse_args(argv)
    split = json.loads(SPLIT.read_text(encoding="utf-8"))
    halves = ["A", "B"] if a.half == "all" else [a.half]
    judged = load_judged()
    rows = []
    if a.judged_only:
        for half in halves:
            for act in split[half]:
                rows.append((half, short(act), [j["class"] for j in judged
                                                if j["act"] == short(act) and a.stage in j["stage"]]))
        print(table(rows))
        if a.causes:
            print(causes(judged, a.stage))
        return 0
    by_key = {}
    for j in judged:
        by_key.setdefault(key(j), j)
    for half in halves:
        for act in split[half]:
            classes = []
            for f in flags_of(act):
                j = by_key.get(key(f))
                classes.append("unjudged" if j is None else j["class"])
                if a.flags:
                    verdict = "UNJUDGED" if j is None else j["class"] + " — " + j["reason"]
                    print(json.dumps({**f, "verdict": verdict}, ensure_ascii=False))
            rows.append((half, short(act), classes))
    print(table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
