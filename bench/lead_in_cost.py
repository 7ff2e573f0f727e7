"""What the hits' ``lead_in`` costs a search: ``Corpus.search`` over bench.search100k's queries, in
alternating rounds with ``corpus.hits.add_lead_ins`` on and off (one process, the same warm caches).

    .venv/bin/python -m bench.lead_in_cost CORPUS.sqlite [--rounds 4]
"""
from __future__ import annotations

import argparse
import time

import maslihat.corpus.hits as hits
from bench.search100k import _pct, queries
from maslihat.corpus.api import Corpus


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db")
    ap.add_argument("--rounds", type=int, default=4)
    args = ap.parse_args(argv)
    real = hits.add_lead_ins
    c = Corpus(args.db, readonly=True)
    qs = [qf for group in queries().values() for qf in group]
    for q, f in qs:
        c.search(q, filters=f)                  # warm-up
    ms: dict[str, list[float]] = {"on": [], "off": []}
    try:
        for rnd in range(args.rounds):
            for mode in (("on", "off") if rnd % 2 == 0 else ("off", "on")):
                hits.add_lead_ins = real if mode == "on" else (lambda store, res: res)
                for q, f in qs:
                    t = time.perf_counter()
                    c.search(q, filters=f)
                    ms[mode].append((time.perf_counter() - t) * 1000)
    finally:
        hits.add_lead_ins = real
    for mode, v in ms.items():
        print(mode, _pct(v))


if __name__ == "__main__":
    main()
