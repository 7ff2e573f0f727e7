"""Measure the nlp layer on the seeds: speed of index_terms, Kazakh stem accuracy, Russian lemma
accuracy, competency precision/recall. Prints Markdown tables for docs/quality.md.

    .venv/bin/python scripts/measure_nlp.py [--json]
"""
from __future__ import annotations

import json
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import seed_units  # noqa: E402

TESTS = ROOT / "tests" / "nlp"


def load_stems(path: Path = TESTS / "kk_stems.tsv") -> list[tuple[str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            form, st = line.split("\t")[:2]
            rows.append((form, st))
    return rows


def load_gold(path: Path = TESTS / "competency_gold.jsonl") -> list[dict]:
    return [json.loads(l) for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]


def stem_accuracy(path: Path = TESTS / "kk_stems.tsv") -> tuple[float, list]:
    from maslihat.nlp.lang.kk.stemmer import stem
    rows = load_stems(path)
    bad = [(f, e, stem(f)) for f, e in rows if stem(f) != e]
    return 1 - len(bad) / len(rows), bad


def competency_scores(gold: list[dict]) -> dict:
    """Micro P/R/F1 and per-code P/R over gold units (text re-read from the seeds by locator)."""
    from maslihat.nlp.competency import TAXONOMY, tag
    tp, fp, fn = Counter(), Counter(), Counter()
    for g in gold:
        pred = set(tag(seed_units.unit_text(g), g["language"]))
        want = set(g["codes"])
        for c in pred & want:
            tp[c] += 1
        for c in pred - want:
            fp[c] += 1
        for c in want - pred:
            fn[c] += 1
    per = {}
    for c in TAXONOMY:
        p = tp[c] / (tp[c] + fp[c]) if tp[c] + fp[c] else None
        r = tp[c] / (tp[c] + fn[c]) if tp[c] + fn[c] else None
        per[c] = {"tp": tp[c], "fp": fp[c], "fn": fn[c], "precision": p, "recall": r}
    TP, FP, FN = sum(tp.values()), sum(fp.values()), sum(fn.values())
    P, R = TP / (TP + FP), TP / (TP + FN)
    return {"micro": {"precision": P, "recall": R, "f1": 2 * P * R / (P + R)}, "per_code": per, "units": len(gold)}


def speed() -> dict:
    """tokens/s of index_terms in a fresh process: cold (every distinct word analysed) and warm."""
    code = r"""
import json, sys, time
sys.path.insert(0, %r); sys.path.insert(0, %r)
import seed_units as s
from maslihat.nlp.analyze import index_terms, tokens
h = s.seed001_halves()
kk = h["kk"] + "".join(s.read(f) for f in ["000_eba0dbad217e7da3.txt", "002_fc27ebda89a446a4.txt", "003_c60c2ee9ece42dff.txt", "004_a94f33b09feff6f9.txt"])
out = {}
for lang, txt in (("kk", kk), ("ru", h["ru"])):
    n = len(tokens(txt))
    t = time.perf_counter(); index_terms(txt, lang); cold = time.perf_counter() - t
    t = time.perf_counter()
    for _ in range(5): index_terms(txt, lang)
    warm = (time.perf_counter() - t) / 5
    out[lang] = {"tokens": n, "chars": len(txt), "cold_tok_s": n / cold, "warm_tok_s": n / warm}
import spacy  # "kk" comes from our spacy_languages entry point
for lang, txt in (("kk", kk), ("ru", h["ru"])):
    nlp = spacy.blank(lang)
    t = time.perf_counter(); d = nlp(txt); out[lang]["spacy_tokenizer_tok_s"] = len(d) / (time.perf_counter() - t)
print(json.dumps(out))
""" % (str(ROOT), str(ROOT / "scripts"))
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(res.stdout)


def main() -> None:
    acc, bad = stem_accuracy()
    held = TESTS / "kk_stems_heldout.tsv"
    hacc, hbad = stem_accuracy(held) if held.exists() else (None, [])
    comp = competency_scores(load_gold())
    sp = speed()
    if "--json" in sys.argv:
        print(json.dumps({"kk_stem_accuracy": acc, "kk_heldout_accuracy": hacc, "competency": comp, "speed": sp},
                         ensure_ascii=False, indent=1))
        return
    print(f"Kazakh stems: {acc:.1%} of {len(load_stems())} forms; misses: {bad}")
    if hacc is not None:
        print(f"Kazakh stems held out: {hacc:.1%} of {len(load_stems(held))}; misses: {hbad}")
    m = comp["micro"]
    print(f"\nCompetency ({comp['units']} units): micro P {m['precision']:.2f} R {m['recall']:.2f} F1 {m['f1']:.2f}\n")
    print("| code | P | R | TP | FP | FN |\n| --- | --- | --- | --- | --- | --- |")
    for c, v in comp["per_code"].items():
        f = lambda x: "–" if x is None else f"{x:.2f}"
        print(f"| {c} | {f(v['precision'])} | {f(v['recall'])} | {v['tp']} | {v['fp']} | {v['fn']} |")
    print("\n| lang | tokens | cold tok/s | warm tok/s | spaCy tokenizer tok/s |\n| --- | --- | --- | --- | --- |")
    for lang, v in sp.items():
        print(f"| {lang} | {v['tokens']} | {v['cold_tok_s']:,.0f} | {v['warm_tok_s']:,.0f} | {v['spacy_tokenizer_tok_s']:,.0f} |")


if __name__ == "__main__":
    main()
