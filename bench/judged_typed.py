"""Kazakh queries typed without the Kazakh letters (issue 16): how much of the answer is kept.

    .venv/bin/python -m bench.judged_typed --db BENCH.sqlite [--batches first blind2 blind3] [--list]

BENCH.sqlite: the corpus ``bench.judged --db`` builds. Every Kazakh judged query of the batches
named (``first`` = the built-on and held-out set) is run three ways on the embedded back end:
as written (with ә ө ү ұ і қ ғ ң һ), with those letters replaced by the Russian letters people
type instead (а о у у и к г н х), with and without ``corpus.respell``; graded nDCG@10 and
answer-in-top-5 with the pooled judgements, per batch. ``--list`` prints the queries the
respelling still loses (never use it on a batch kept blind).
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.judged import JUDGED, graded_scores, unit_table  # noqa: E402
from bench.judged_cv import judged  # noqa: E402

STRIP = str.maketrans("әөүұіқғңһӘӨҮҰІҚҒҢҺ", "аоууикгнхАОУУИКГНХ")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--batches", nargs="*", default=["first", "blind2", "blind3"])
    ap.add_argument("--list", action="store_true")
    a = ap.parse_args(argv)
    from maslihat.corpus import respell as module
    from maslihat.corpus.api import Corpus
    qs = [q for q in json.loads(JUDGED.read_text(encoding="utf-8"))["queries"]
          if q["lang"] == "kk" and (q.get("batch") or "first") in a.batches]
    items = judged(qs, unit_table(a.db))
    c = Corpus(a.db, readonly=True)

    def run(strip: bool, on: bool) -> list:
        keep = module.respell
        if not on:
            module.respell = lambda *x, **k: None
        try:
            out = []
            for q, graded in items:
                text = q["query"].translate(STRIP) if strip else q["query"]
                ids = [h["unit_id"] for h in c.search(text, lang=q.get("results_lang"), limit=20)["hits"]]
                s = graded_scores(ids, graded)
                out.append((s["ndcg@10"], s["top5"], q.get("batch") or "first"))
            return out
        finally:
            module.respell = keep

    print(f"Kazakh queries: {len(items)}; changed by taking the letters away: "
          f"{sum(q['query'].translate(STRIP) != q['query'] for q, _ in items)}")
    rows = {}
    for name, strip, on in (("typed with the Kazakh letters", False, True),
                            ("without them, read as typed", True, False),
                            ("without them, respelled", True, True)):
        rows[name] = r = run(strip, on)
        by: dict = {}
        for nd, t5, b in r:
            by.setdefault(b, []).append((nd, t5))
        print(f"| {name} | {statistics.mean(x[0] for x in r):.3f} / {100 * statistics.mean(x[1] for x in r):.0f}% | "
              + " | ".join(f"{b} {statistics.mean(x[0] for x in v):.3f} / {100 * statistics.mean(x[1] for x in v):.0f}%"
                           for b, v in sorted(by.items())) + " |")
    if a.list:
        for (q, _), x, y in zip(items, rows["typed with the Kazakh letters"], rows["without them, respelled"]):
            if y[0] < x[0] - 0.05:
                s = q["query"].translate(STRIP)
                print(f"{x[0]:.2f} -> {y[0]:.2f} | {s} => {module.respell(s, c.index.term_counts)} | {q['query']}")


if __name__ == "__main__":
    main()
