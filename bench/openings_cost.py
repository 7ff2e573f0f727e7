"""What reading a list's opening in its parent's own words costs a search (``Store._openings``: the
parent's first child looked up in the key range of its subtree), against reading the parent's first 400
characters whole (the session-27 reading): ``Corpus.search`` over bench.search100k's queries, in
alternating rounds in one process (``bench.lead_in_cost.alternate``).

    .venv/bin/python -m bench.openings_cost CORPUS.sqlite [--rounds 4]
"""
from __future__ import annotations

import argparse

from bench.lead_in_cost import alternate
from maslihat.corpus import store as S


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
    try:
        got = alternate(args.db, {"own words": lambda: setattr(S.Store, "_openings", real),
                                  "first 400 characters": lambda: setattr(S.Store, "_openings", _whole)}, args.rounds)
    finally:
        S.Store._openings = real
    for mode, p in got.items():
        print(mode, p)


if __name__ == "__main__":
    main()
