"""CPU time of a RU/KK comparison (``maslihat diff RU KK``: pairing, discrepancies, report) as an act
grows — a code is thousands of units, and a step that scans every unit per unit grows with the square.

    .venv/bin/python -m bench.rukk_diff_speed [--copies 1,2,4,8]

Data: the law on legal acts of ../shared/corpus/dev-laws (RU and KK, read at run time, nothing
committed), each language's text repeated k times with its units shifted into each copy
(``bench.compare_speed.repeat``). Baseline in the same run: splitting both texts into words with a
regex (the least any comparison reads).
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.compare_pairs import load  # noqa: E402
from bench.compare_speed import repeat  # noqa: E402

ACT = "corpus/dev-laws/codes__0406-o-pravovykh-aktakh-100890/rus.md"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--copies", default="1,2,4,8")
    args = ap.parse_args()
    from maslihat.nlp.diff import diff
    ru, ur = load(ACT, "ru")
    kk, uk = load(ACT, "kk")
    diff(ru, ur, kk, uk)                                   # warm the analysers' caches
    print("| copies | units RU / KK | diff RU/KK: CPU s | per 1,000 units | regex words: CPU s |")
    print("|---|---|---|---|---|")
    for k in (int(x) for x in args.copies.split(",")):
        a, ua = repeat(ru, ur, k)
        b, ub = repeat(kk, uk, k)
        t0 = time.process_time()
        diff(a, ua, b, ub)
        t1 = time.process_time()
        re.findall(r"\w+", a.text), re.findall(r"\w+", b.text)
        t2 = time.process_time()
        n = len(ua) + len(ub)
        print(f"| {k} | {len(ua)} / {len(ub)} | {t1 - t0:.2f} | {1000 * (t1 - t0) / n:.2f} | {t2 - t1:.3f} |")


if __name__ == "__main__":
    main()
