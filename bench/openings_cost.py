"""What reading a list's opening in its parent's own words costs a search (``Store._openings``: the
parent's first child looked up in the key range of its subtree), against reading the parent's first 400
characters whole (the session-27 reading): ``Corpus.search`` over bench.search100k's queries, in
alternating rounds in one process.

    .venv/bin/python -m bench.openings_cost CORPUS.sqlite [--rounds 4]
"""
from __future__ import annotations

import argparse
import time

from bench.search100k import _pct, queries
from maslihat.corpus import store as S
from maslihat.corpus.api import Corpus


def _whole(self, ids):
    """The reading before: the chapeau of the first ``CHAPEAU_LEAD`` characters, children included."""
    leads = self.unit_leads(ids, S.CHAPEAU_LEAD)
    return {u: c for u, (_, lead) in leads.items() if (c := S.chapeau(lead))}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db")
    ap.add_argument("--rounds", type=int, default=4)
    args = ap.parse_args(argv)
    real = S.Store._openings
    c = Corpus(args.db, readonly=True)
    qs = [qf for group in queries().values() for qf in group]
    for q, f in qs:
        c.search(q, filters=f)                  # warm-up
    ms: dict[str, list[float]] = {"own words": [], "first 400 characters": []}
    try:
        for rnd in range(args.rounds):
            for mode in (("own words", "first 400 characters") if rnd % 2 == 0 else ("first 400 characters", "own words")):
                S.Store._openings = real if mode == "own words" else _whole
                for q, f in qs:
                    t = time.perf_counter()
                    c.search(q, filters=f)
                    ms[mode].append((time.perf_counter() - t) * 1000)
    finally:
        S.Store._openings = real
    for mode, v in ms.items():
        print(mode, _pct(v))


if __name__ == "__main__":
    main()
