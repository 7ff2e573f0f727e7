"""Precision of the learned RU↔KK word table (``nlp/data/glossary_learned.json``) over a judged sample.

The sample (issue 16, session 27; ``bench/learned_pairs_judged.json``): 150 Russian entries of the
shipped table drawn with ``random.Random(27).sample`` of its sorted Russian terms, and the 100
entries whose Russian term is in the most aligned units of the judged corpus (seeds + dev +
dev-laws, as ``bench.judged`` ingests them); each (Russian term, Kazakh sequence) pair judged right
/ partial / wrong by reading both languages, a wrong or partial one with its cause.

    python -m bench.learned_pairs                         # the table in nlp/data
    python -m bench.learned_pairs --table OTHER.json      # another table, same sample
    python -m bench.learned_pairs --sample --db CORPUS    # print the sample's entries (to judge)

A table is scored on the sample's entries: each of its pairs there is right, partial, wrong or
not yet judged (listed; judge it and add it to the file); a judged pair the table no longer has
counts as removed. Precision = right / pairs present (partial apart).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
JUDGED = ROOT / "bench" / "learned_pairs_judged.json"
SEED, N_RANDOM, N_FREQUENT = 27, 150, 100


def sample(table: dict, units: list[tuple]) -> list[tuple[str, list[str]]]:
    """[(ru term, [which sample])]: the seeded random entries, then the most frequent."""
    from maslihat.nlp.analyze import index_terms
    df: Counter = Counter()
    for r, _ in dict.fromkeys(u[:2] for u in units):
        df.update(set(index_terms(r, "ru")))
    ru = sorted(table["ru"])
    rnd = random.Random(SEED).sample(ru, N_RANDOM)
    top = sorted(ru, key=lambda w: (-df[w], w))[:N_FREQUENT]
    out: dict[str, list[str]] = {}
    for w in rnd:
        out.setdefault(w, []).append("random")
    for w in top:
        out.setdefault(w, []).append("frequent")
    return list(out.items())


def score(table: dict, judged: dict) -> dict:
    """Counts of the table's pairs on the sample's entries, by judgement, and the judged pairs it lost."""
    counts: Counter = Counter()
    lost: Counter = Counter()
    unjudged = []
    causes: Counter = Counter()
    for e in judged["entries"]:
        j = {p["kk"]: p for p in e["pairs"]}
        have = table["ru"].get(e["ru"], [])
        for kk in have:
            if kk in j:
                counts[j[kk]["judgement"]] += 1
                if j[kk]["judgement"] != "right":
                    causes[(j[kk]["judgement"], j[kk].get("cause", ""))] += 1
            else:
                unjudged.append((e["ru"], kk))
        for kk, p in j.items():
            if kk not in have and p.get("in_shipped", True):
                lost[p["judgement"]] += 1
    n = sum(counts.values())
    return {"pairs": n, **counts, "precision": counts["right"] / n if n else 0.0,
            "lost": dict(lost), "unjudged": unjudged, "causes": causes}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--table", help="a table file (default: nlp/data/glossary_learned.json)")
    ap.add_argument("--sample", action="store_true", help="print the sample's entries (needs --db)")
    ap.add_argument("--db", help="the judged corpus (for --sample: the frequencies)")
    a = ap.parse_args(argv)
    from maslihat.nlp import glossary
    table = glossary.load(Path(a.table) if a.table else glossary.LEARNED)
    if a.sample:
        sys.path.insert(0, str(ROOT / "scripts"))
        from learn_glossary import corpus_units
        for ru, which in sample(table, corpus_units(a.db)):
            print(ru, ",".join(which), "->", " | ".join(table["ru"][ru]))
        return
    judged = json.loads(JUDGED.read_text(encoding="utf-8"))
    s = score(table, judged)
    print(f"{len(judged['entries'])} entries, {s['pairs']} pairs present: right {s.get('right', 0)}, "
          f"partial {s.get('partial', 0)}, wrong {s.get('wrong', 0)}; precision {s['precision']:.1%} "
          f"(right + partial {(s.get('right', 0) + s.get('partial', 0)) / max(s['pairs'], 1):.1%})")
    print(f"judged pairs no longer in the table: {s['lost'] or 'none'}")
    for (j, c), n in sorted(s["causes"].items(), key=lambda x: -x[1]):
        print(f"  {j:7} {n:3}  {c}")
    for ru, kk in s["unjudged"]:
        print(f"  not judged yet: {ru} -> {kk}")


if __name__ == "__main__":
    main()
