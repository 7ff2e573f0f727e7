"""What the hits' ``copies`` (the other acts' hits stating the same provision, issues 16 and 12) cost a
search: ``Corpus.search`` over bench.search100k's queries, in alternating rounds with the embedded
back end's ``mark_copies`` on and off (one process, the same warm caches; ``bench.lead_in_cost``).
Also how many of the first ten hits name copies, per query language (RU and KK apart).

    .venv/bin/python -m bench.copies_cost CORPUS.sqlite [--rounds 4]
"""
from __future__ import annotations

import argparse

import maslihat.corpus.index.sqlite_fts as fts
from bench.lead_in_cost import alternate
from bench.search100k import queries
from maslihat.corpus.api import Corpus
from maslihat.nlp.analyze import guess_language


def named(db: str) -> dict[str, dict]:
    """Per query language: queries, first-ten hits, hits that name copies, copies named."""
    c = Corpus(db, readonly=True)
    out: dict[str, dict] = {}
    for q, f in (qf for group in queries().values() for qf in group):
        hits = c.search(q, filters=f, limit=10)["hits"]
        row = out.setdefault(guess_language(q), {"queries": 0, "hits": 0, "with_copies": 0, "named": 0})
        row["queries"] += 1
        row["hits"] += len(hits)
        row["with_copies"] += sum(1 for h in hits if h["copies"])
        row["named"] += sum(len(h["copies"]) for h in hits)
    return out


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db")
    ap.add_argument("--rounds", type=int, default=4)
    args = ap.parse_args(argv)
    real = fts.mark_copies
    try:
        got = alternate(args.db, {"on": lambda: setattr(fts, "mark_copies", real),
                                  "off": lambda: setattr(fts, "mark_copies", lambda *a: None)}, args.rounds)
    finally:
        fts.mark_copies = real
    for mode, p in got.items():
        print(mode, p)
    for lang, row in sorted(named(args.db).items()):
        print(lang, row)


if __name__ == "__main__":
    main()
