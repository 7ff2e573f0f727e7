#!/usr/bin/env python3
"""How often the first page breaks the diversity rule (issue 16 §4: one act does not crowd it).

For each judged query (bench/judged.json, as typed, no language restriction) over a corpus, the
first page (``scoring.WINDOW`` hits) is checked as a user sees it: a document with more than
``scoring.PER_DOC`` hits there while a hit of another act below the page scores at least
``scoring.RATIO`` × one of its extra hits breaks the rule. The other language version of the
same act does not count as another act (its hits follow the page by design: one provision once).
Also prints how many hits the most frequent document holds on each page.

    .venv/bin/python -m bench.diversity --db CORPUS        # e.g. the sample corpus: maslihat ingest ../shared/seeds
"""
from __future__ import annotations

import argparse
import collections
import json
from pathlib import Path

from maslihat.nlp.diff import act_of as act

ROOT = Path(__file__).resolve().parent.parent
JUDGED = ROOT / "bench" / "judged.json"


def breaks(hits: list, per_doc: int, ratio: float, window: int) -> bool:
    page, below = hits[:window], hits[window:]
    per: dict = {}
    for h in page:
        per.setdefault(h["document_id"], []).append(h["score"])
    return any(h["score"] >= ratio * extra
               for doc, scores in per.items() for extra in scores[per_doc:]
               for h in below if act(h["document_id"]) != act(doc) and len(per.get(h["document_id"], ())) < per_doc)


def main(argv=None) -> None:
    from maslihat.corpus.api import Corpus
    from maslihat.corpus.index.scoring import PER_DOC, RATIO, WINDOW
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True)
    a = ap.parse_args(argv)
    queries = json.loads(JUDGED.read_text(encoding="utf-8"))["queries"]
    c = Corpus(a.db)
    bad = collections.Counter()
    most = collections.Counter()
    for q in queries:
        hits = c.search(q["query"], limit=3 * WINDOW)["hits"]
        bad[q["lang"]] += breaks(hits, PER_DOC, RATIO, WINDOW)
        n = collections.Counter(h["document_id"] for h in hits[:WINDOW])
        most[max(n.values()) if n else 0] += 1
    c.close()
    print(f"PER_DOC {PER_DOC}, RATIO {RATIO}, {len(queries)} queries: first pages breaking the rule "
          f"ru {bad['ru']}, kk {bad['kk']}, all {sum(bad.values())}")
    print("hits of the most frequent document on a page: " + ", ".join(f"{k}: {v}" for k, v in sorted(most.items())))


if __name__ == "__main__":
    main()
