#!/usr/bin/env python3
"""How often the first page holds copies of one provision in several acts (issue 16 §4, across acts).

Regulations of several maslikhats drafted from one model repeat a point almost word for word. For
each judged query of the read batches (bench/judged.json without the held-out blind35–blind39),
the first ten hits of a ``bench.judged --out`` run are read, and a hit is a copy when it is in the
same language as an earlier hit of another act and their distinct word prefixes
(``surface.prefixes``) have a Jaccard of at least the bar (``scoring.copy_of``, the ranking's own
rule). Prints, per back end and bar: the queries with a copy on the first page (and in the top 5),
the copies, and how many of them are graded answers of their query (the bench counts every copy of
an answer as an answer).

    .venv/bin/python -m bench.dedup --db CORPUS.sqlite --runs J.json    # from bench.judged --db/--out
    .venv/bin/python -m bench.dedup --compare BEFORE.json AFTER.json    # two bench.judged --out runs

``--compare`` prints nDCG@10, recall@20 and answer-in-top-5 of the read set and of the held-out
blind35–blind38 (aggregates only), per language and kind, per system, on the original and the pooled
judgements, and the queries whose nDCG@10 / top-5 went up or down.
"""
from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
HELD = {f"blind{n}" for n in range(35, 40)}        # never read: only aggregate figures


def keys_of(db: str) -> dict:
    """{unit id: (act, language, frozenset of its words' prefixes)} of every indexed unit."""
    from maslihat.corpus.index.surface import prefixes
    from maslihat.corpus.index.unit_store import unit_texts
    from maslihat.nlp.diff import act_of
    con = sqlite3.connect(db)
    try:
        rows = con.execute("""SELECT s.unit_id, d.id, d.language FROM search_units s
                              JOIN units u ON u.id = s.unit_id JOIN documents d ON d.id = u.document_id
                              WHERE d.is_latest = 1""").fetchall()
        text = unit_texts(con)
    finally:
        con.close()
    return {u: (act_of(d), lang, frozenset(prefixes(text[u]))) for u, d, lang in rows}


def answers_of(db: str) -> dict:
    """{query: the unit ids (and their aligned units) judged as its answers}."""
    from bench.judged import JUDGED, matcher, resolve, unit_table
    table = unit_table(db)
    parallel = {r[0]: r[5] for r in table if r[5]}
    out = {}
    for q in json.loads(JUDGED.read_text(encoding="utf-8"))["queries"]:
        if q.get("batch") in HELD:
            continue
        rel = [u for u in (resolve(table, loc) for loc in q["relevant"]) if u]
        out[q["query"]] = [g for g in matcher(rel, parallel)]
    return out


def is_answer(h: str, groups: list) -> bool:
    return any(h == r or h.startswith(r + "/") for g in groups for r in g)


GROUPS = ("all", "ru", "kk", "question", "everyday", "cross", "keyword")
MEASURES = ("ndcg@10", "recall@20", "top5")


def part(rows: list[dict], which: str) -> list[dict]:
    """The read set (every batch but blind35–39) or the held-out blind35–38."""
    return [r for r in rows if (r.get("batch") in HELD) == (which == "held")]


def compare(before: str, after: str) -> None:
    runs = [json.loads(Path(f).read_text(encoding="utf-8")) for f in (before, after)]
    for judg in ("per_query", "pooled_per_query"):
        for which in ("read", "held"):
            print(f"\n#### {which}, {'original' if judg == 'per_query' else 'pooled'} judgements\n")
            print("| system | run | " + " | ".join(GROUPS) + " | nDCG up / down | top-5 up / down |")
            print("|" + " --- |" * (4 + len(GROUPS)))
            for system in runs[0][judg]:
                sets = [part(run[judg].get(system, []), which) for run in runs]
                for name, rows in zip(("before", "after"), sets):
                    cells = []
                    for g in GROUPS:
                        v = [r for r in rows if g == "all" or r["lang"] == g or r["kind"] == g]
                        cells.append(f"{len(v)}: " + " / ".join(
                            f"{sum(r[m] for r in v) / len(v):.4f}" if m != "top5" else
                            f"{sum(r[m] for r in v) / len(v):.1%}" for m in MEASURES) if v else "–")
                    moves = ""
                    if name == "after":
                        pairs = list(zip(sets[0], rows))
                        assert all(a["query"] == b["query"] for a, b in pairs)
                        nd = [b["ndcg@10"] - a["ndcg@10"] for a, b in pairs]
                        t5 = [b["top5"] - a["top5"] for a, b in pairs]
                        moves = (f" {sum(d > 1e-9 for d in nd)} / {sum(d < -1e-9 for d in nd)} |"
                                 f" {sum(d > 0 for d in t5)} / {sum(d < 0 for d in t5)} |")
                    print(f"| {system} | {name} | " + " | ".join(cells) + " |" + (moves or " | |"))


def main(argv=None) -> None:
    from maslihat.corpus.index import scoring
    if argv is None and len(sys.argv) > 1 and sys.argv[1] == "--compare":
        compare(*sys.argv[2:4])
        return
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--runs", required=True, help="bench.judged --out of the same corpus")
    ap.add_argument("--bars", default="0.6,0.7,0.8,0.9")
    a = ap.parse_args(argv)
    keys = keys_of(a.db)
    answers = answers_of(a.db)
    per_query = json.loads(Path(a.runs).read_text(encoding="utf-8"))["per_query"]
    print("| back end | bar | read queries | with a copy in top 10 (ru / kk) | … in top 5 | copies in top 10 "
          "| copies that are graded answers | queries whose copy is an answer and the original too |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for system in ("sqlite", "elasticsearch"):
        rows = [r for r in per_query.get(system, []) if r.get("batch") not in HELD]
        for bar in (float(b) for b in a.bars.split(",")):
            scoring.COPY_BAR = bar
            with_copy, top5, n_copies, n_answer, both = Counter(), 0, 0, 0, 0
            for r in rows:
                hits = r["hits"][:10]
                of = scoring.copy_of([keys.get(h) for h in hits])
                cp = [j for j, c in enumerate(of) if c is not None]
                if not cp:
                    continue
                with_copy[r["lang"]] += 1
                top5 += any(j < 5 for j in cp)
                n_copies += len(cp)
                groups = answers.get(r["query"], [])
                ans = [j for j in cp if is_answer(hits[j], groups)]
                n_answer += len(ans)
                both += any(is_answer(hits[of[j]], groups) for j in ans)
            print(f"| {system} | {bar} | {len(rows)} | {sum(with_copy.values())} ({with_copy['ru']} / "
                  f"{with_copy['kk']}) | {top5} | {n_copies} | {n_answer} | {both} |")


if __name__ == "__main__":
    main()
