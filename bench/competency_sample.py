"""Draw the judged sample of the competency facet (docs/quality.md, "The competency facet").

    .venv/bin/python -m bench.competency_sample CORPUS.sqlite [--show] [--half c|d|e] [--half-c]

CORPUS is a corpus built by ``python -m bench.judged --db CORPUS --es-url ""`` (seeds, dev, dev-laws).
Provisions (points, subpoints, articles, parts) whose span is 30..1500 characters are drawn with a
fixed seed per language and document group (GROUPS), then split into halves A and B by the same
seed. ``--show`` prints each drawn unit's text (its whole span: what the tagger reads) for judging,
never its tags; without it the locators are printed as JSON (source, language, label, the first
40 characters of the provision's own text: bench/judged.json's locator).

``--half-c`` draws half C (session 29, held out while A and B were read): per language half of
GROUPS' counts (30 units) by SEED_C, none already in bench/competency_judged.json (A or B).

``--half d`` draws half D (session 29, branch i-comp3, held out while A, B and C were read): per
language half of GROUPS' counts (30 units) by SEED_D, none already judged (A, B or C), among
KINDS_D — the kinds of A-C and paragraphs (a table's rows and a list's items the segmenter reads
as paragraphs: «- III класса токсичности за 1 тонну\t400»), so rate lines and list items are
drawn as often as the corpus has them.

``--half e`` draws half E (session 29, branch i-comp4, held out while A-D were read): as D (the
same groups, counts and kinds) by SEED_E, none already judged (A, B, C or D).

``--half f`` draws half F (session 30, branch i-comp5, held out while A-E were read): as D and E
by SEED_F, none already judged (A-E).
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.judged_build import snippet, source_key  # noqa: E402

SEED = 2812
KINDS = ("point", "subpoint", "article", "part")
MIN_CHARS, MAX_CHARS = 30, 1500
# per language: group -> how many units
GROUPS = {"seeds": 10, "model": 10, "laws": 12, "regulations": 12, "dev": 16}
SEED_C = 2912
SEED_D = 3012
SEED_E = 3112
SEED_F = 3212
KINDS_D = KINDS + ("paragraph",)
JUDGED = ROOT / "bench" / "competency_judged.json"


def group(source: str) -> str:
    name = Path(source).name
    if re.match(r"\d{3}_[0-9a-f]+\.txt$", name):
        return "seeds"
    if "tipovogo-reglamenta" in name:
        return "model"
    if name.startswith("codes__"):
        return "laws"
    if name.startswith("local-"):
        return "regulations"
    return "dev"


def candidates(db: str, kinds=KINDS) -> list[dict]:
    from maslihat.corpus.api import Corpus
    corpus = Corpus(db)
    out = []
    for d in sorted(corpus.documents(), key=lambda d: (d["source"], d["language"])):
        doc = corpus.document(d["id"])
        for u in corpus.units(d["id"]):
            if u.kind not in kinds:
                continue
            span = doc.text[u.start:u.end]
            if not MIN_CHARS <= len(span.strip()) <= MAX_CHARS:
                continue
            out.append({"source": source_key(d["source"]), "language": d["language"],
                        "label": u.label, "text": snippet(span, 40), "group": group(d["source"]),
                        "kind": u.kind, "span": span, "unit_id": u.id})
    return out


def draw(cands: list[dict]) -> list[dict]:
    rng = random.Random(SEED)
    sample = []
    for lang in ("ru", "kk"):
        drawn = []
        for g, n in GROUPS.items():
            pool = [c for c in cands if c["language"] == lang and c["group"] == g]
            drawn += rng.sample(pool, min(n, len(pool)))
        order = list(range(len(drawn)))
        rng.shuffle(order)
        for rank, i in enumerate(order):
            drawn[i]["half"] = "A" if rank % 2 == 0 else "B"
        sample += drawn
    return sample


def draw_c(cands: list[dict], judged=JUDGED, seed=SEED_C, half="C") -> list[dict]:
    """Half C (or D: ``seed``, ``half``): the same groups at half the counts, among the units not
    judged yet (any half of ``judged``)."""
    seen = {(u["source"], u["language"], u["label"], u["text"])
            for u in json.loads(Path(judged).read_text(encoding="utf-8"))["units"]}
    rng = random.Random(seed)
    sample = []
    for lang in ("ru", "kk"):
        for g, n in GROUPS.items():
            pool = [c for c in cands if c["language"] == lang and c["group"] == g
                    and (c["source"], c["language"], c["label"], c["text"]) not in seen]
            for c in rng.sample(pool, min(n // 2, len(pool))):
                c["half"] = half
                sample.append(c)
    return sample


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus")
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--half-c", action="store_true", help="draw half C (units not in A or B)")
    ap.add_argument("--half", choices=("c", "d", "e", "f"), help="draw half C, D, E or F (units not judged yet)")
    a = ap.parse_args(argv)
    half = "c" if a.half_c else a.half
    if half == "f":
        sample = draw_c(candidates(a.corpus, KINDS_D), seed=SEED_F, half="F")
    elif half == "e":
        sample = draw_c(candidates(a.corpus, KINDS_D), seed=SEED_E, half="E")
    elif half == "d":
        sample = draw_c(candidates(a.corpus, KINDS_D), seed=SEED_D, half="D")
    elif half == "c":
        sample = draw_c(candidates(a.corpus))
    else:
        sample = draw(candidates(a.corpus))
    if a.show:
        for k, s in enumerate(sample):
            print(f"=== #{k} {s['language']} {s['group']} {s['half']} {s['source'][:60]} | {s['label']} ({s['kind']})")
            print(" ".join(s["span"].split()))
        return
    print(json.dumps([{k: s[k] for k in ("source", "language", "label", "text", "group", "half")}
                      for s in sample], ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
