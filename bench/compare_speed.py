"""Time of content pairing as regulations grow (issue 12): rare-term candidates against all pairs.

    .venv/bin/python -m bench.compare_speed

The sample regulation (seed 001, Russian, 142 points) against the Pavlodar regulation of
../shared; each side is then repeated k times (k = 1, 2, 4, 8) to see how the time grows. The
baseline scores every pair of provisions with rapidfuzz (what a naive pairing does).
"""
from __future__ import annotations

import dataclasses
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.compare_pairs import load  # noqa: E402


def repeat(doc, units, k: int):
    """The document's text k times, its units shifted into each copy (ids made unique)."""
    n = len(doc.text)
    d = dataclasses.replace(doc, text=doc.text * k)
    out = []
    for i in range(k):
        for u in units:
            out.append(dataclasses.replace(u, id=f"{u.id}#{i}", start=u.start + i * n, end=u.end + i * n,
                                           parent_id=f"{u.parent_id}#{i}" if u.parent_id else None,
                                           ordinal=u.ordinal + i * len(units)))
    return d, out


def main() -> None:
    from rapidfuzz import fuzz

    from maslihat.nlp.compare import pair_by_content, unit_text
    da, ua = load("seeds/001_56a79b46f786f9f7.txt")
    db, ub = load("corpus/dev-laws/local-pavlodar__0328-o-reglamente-maslikhata-pavlodarskoi-oblasti-79415/rus.md")
    pair_by_content(da, ua, db, ub)                        # warm the lemmatizer caches
    print("| k | provisions A / B | content pairing | all pairs (rapidfuzz) |")
    print("|---|---|---|---|")
    for k in (1, 2, 4, 8):
        xa, ya = repeat(da, ua, k)
        xb, yb = repeat(db, ub, k)
        pa = [u for u in ya if u.kind in ("point", "article")]
        pb = [u for u in yb if u.kind in ("point", "article")]
        t0 = time.perf_counter()
        pair_by_content(xa, ya, xb, yb)
        t1 = time.perf_counter()
        ta = [unit_text(xa, ya, u, {}) for u in pa]
        tb = [unit_text(xb, yb, u, {}) for u in pb]
        for x in ta:
            max(fuzz.ratio(x, y) for y in tb)
        t2 = time.perf_counter()
        print(f"| {k} | {len(pa)} / {len(pb)} | {1000 * (t1 - t0):.0f} ms | {1000 * (t2 - t1):.0f} ms |")


if __name__ == "__main__":
    main()
