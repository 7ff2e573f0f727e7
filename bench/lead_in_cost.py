"""What the hits' ``lead_in`` costs a search: ``Corpus.search`` over bench.search100k's queries, in
alternating rounds with ``corpus.hits.add_lead_ins`` on and off (one process, the same warm caches).

    .venv/bin/python -m bench.lead_in_cost CORPUS.sqlite [--rounds 4]

``alternate`` is the A/B runner the other one-step cost benches share (``bench.openings_cost``).
"""
from __future__ import annotations

import argparse
import time
from typing import Callable

import maslihat.corpus.hits as hits
from bench.search100k import _pct, queries
from maslihat.corpus.api import Corpus


def alternate(db: str, modes: dict[str, Callable[[], None]], rounds: int) -> dict[str, dict]:
    """Warm-up, then ``rounds`` rounds of every query under each mode (``modes[name]()`` switches
    to it), the order of the modes reversed every other round: {mode: percentiles of its ms}."""
    c = Corpus(db, readonly=True)
    qs = [qf for group in queries().values() for qf in group]
    for q, f in qs:
        c.search(q, filters=f)
    names = list(modes)
    ms: dict[str, list[float]] = {n: [] for n in names}
    for rnd in range(rounds):
        for name in (names if rnd % 2 == 0 else names[::-1]):
            modes[name]()
            for q, f in qs:
                t = time.perf_counter()
                c.search(q, filters=f)
                ms[name].append((time.perf_counter() - t) * 1000)
    return {n: _pct(v) for n, v in ms.items()}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db")
    ap.add_argument("--rounds", type=int, default=4)
    args = ap.parse_args(argv)
    real = hits.add_lead_ins
    try:
        got = alternate(args.db, {"on": lambda: setattr(hits, "add_lead_ins", real),
                                  "off": lambda: setattr(hits, "add_lead_ins", lambda store, res: res)}, args.rounds)
    finally:
        hits.add_lead_ins = real
    for mode, p in got.items():
        print(mode, p)


if __name__ == "__main__":
    main()
