#!/usr/bin/env python3
"""Where the answers stand: the rank of each judged query's first answering unit (original
judgements) in the embedded back end's top ``--depth`` hits, counted in bands (1–5, 6–20, 21–100,
101–depth, not found), per language. Tells near misses (an answer outranked by neighbours) from
answers the query never reaches (a vocabulary gap): the two call for different work.

    .venv/bin/python -m bench.answer_ranks --db CORPUS [--depth 1000] [--skip blind24 …]

CORPUS is the file ``bench.judged --db`` built (the bench's own inputs); batches named in --skip
(held-out ones) are left out and never printed.
"""
from __future__ import annotations

import argparse
import collections
import json

from bench.judged import JUDGED, _which, matcher, resolve, unit_table

BANDS = ((5, "1-5"), (20, "6-20"), (100, "21-100"))


def band(rank: int | None, depth: int) -> str:
    if rank is None:
        return "none"
    return next((name for top, name in BANDS if rank <= top), f"101-{depth}")


def main(argv=None) -> None:
    from maslihat.corpus.api import Corpus
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--depth", type=int, default=1000)
    ap.add_argument("--skip", nargs="*", default=[], help="batches left out (held out)")
    a = ap.parse_args(argv)
    table = unit_table(a.db)
    parallel = {r[0]: r[5] for r in table if r[5]}
    queries = [q for q in json.loads(JUDGED.read_text(encoding="utf-8"))["queries"] if q.get("batch") not in a.skip]
    c = Corpus(a.db)
    counts: dict = {"ru": collections.Counter(), "kk": collections.Counter()}
    for q in queries:
        groups = matcher([u for u in (resolve(table, loc) for loc in q["relevant"]) if u], parallel)
        ids = [h["unit_id"] for h in c.search(q["query"], lang=q.get("results_lang"), limit=a.depth)["hits"]]
        rank = next((i + 1 for i, h in enumerate(ids) if _which(h, groups, set()) is not None), None)
        counts[q["lang"]][band(rank, a.depth)] += 1
    c.close()
    names = [n for _, n in BANDS] + [f"101-{a.depth}", "none"]
    print(f"{len(queries)} queries; first answer's rank: " + ", ".join(
        f"{n}: {counts['ru'][n] + counts['kk'][n]} (RU {counts['ru'][n]}, KK {counts['kk'][n]})" for n in names))


if __name__ == "__main__":
    main()
