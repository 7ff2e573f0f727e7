"""Precision and recall of fact extraction on the judged sample (bench/facts_gold.jsonl).

The gold names provisions by source file, line, unit number and a text prefix (no shared text is
copied); the texts are read from ../shared and corpus/samples at run time. A provision is one
line of the source (a point or a paragraph). A predicted fact is right when the gold of that
provision has a fact of the same kind and value (multiset match). Baseline: figures and a unit
word only (what a regular expression on digits finds), to show what reading numbers written as
words adds.

    .venv/bin/python bench/facts_quality.py [--kinds deadline,quorum,threshold] [--errors]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from maslihat.nlp.facts import extract

ROOT = Path(__file__).resolve().parent.parent
ROOTS = {"dev-laws": ROOT.parent / "shared" / "corpus" / "dev-laws", "dev": ROOT.parent / "shared" / "corpus" / "dev",
         "seeds": ROOT / "corpus" / "samples"}
_BASE = re.compile(r"(\d+)\s*(дн|день|дня|месяц|недел|год|лет|күн|ай|апта|жыл)", re.I)
_BASE_UNIT = {"дн": "D", "день": "D", "дня": "D", "месяц": "M", "недел": "W", "год": "Y", "лет": "Y",
              "күн": "D", "ай": "M", "апта": "W", "жыл": "Y"}


def baseline(text: str, lang: str) -> list[tuple[str, str]]:
    out = [("deadline", f"P{m.group(1)}{_BASE_UNIT[m.group(2).lower()]}") for m in _BASE.finditer(text)
           if int(m.group(1)) < 1000]
    out += [("quorum", f"{a}/{b}") for a, b in re.findall(r"\b(\d)/(\d)\b", text)]
    return out


def load(path: Path) -> list[dict]:
    rows, cache = [], {}
    for line in open(path, encoding="utf-8"):
        g = json.loads(line)
        top, rest = g["source"].split("/", 1)
        f = ROOTS[top] / rest
        if not f.exists():
            sys.exit(f"facts_quality: {f} is missing (../shared must sit beside the checkout)")
        if f not in cache:
            cache[f] = f.read_text(encoding="utf-8").split("\n")
        text = cache[f][g["line"] - 1].strip()
        if not text.startswith(g["prefix"]):
            sys.exit(f"facts_quality: {g['source']} line {g['line']} no longer starts with {g['prefix']!r}")
        g["text"] = text
        rows.append(g)
    return rows


def score(rows, predict, kinds=None):
    """(split, language, kind) -> Counter(tp, fp, fn); errors as (row, predicted, gold)."""
    counts: dict[tuple, Counter] = defaultdict(Counter)
    errors = []
    for g in rows:
        pred = Counter((k, v) for k, v in predict(g["text"], g["language"]) if not kinds or k in kinds)
        gold = Counter((f["kind"], f["value"]) for f in g["facts"] if not kinds or f["kind"] in kinds)
        tp = pred & gold
        for (k, _), n in tp.items():
            counts[(g["split"], g["language"], k)]["tp"] += n
        for (k, _), n in (pred - gold).items():
            counts[(g["split"], g["language"], k)]["fp"] += n
        for (k, _), n in (gold - pred).items():
            counts[(g["split"], g["language"], k)]["fn"] += n
        if pred != gold:
            errors.append((g, sorted((pred - gold).elements()), sorted((gold - pred).elements())))
    return counts, errors


def table(counts, group) -> list[str]:
    agg: dict[tuple, Counter] = defaultdict(Counter)
    for key, c in counts.items():
        agg[group(key)].update(c)
    lines = []
    for key in sorted(agg):
        c = agg[key]
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else float("nan")
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else float("nan")
        lines.append(f"| {' | '.join(key)} | {c['tp'] + c['fn']} | {c['tp']} | {c['fp']} | {c['fn']} | {p:.3f} | {r:.3f} |")
    return lines


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", default=str(ROOT / "bench" / "facts_gold.jsonl"))
    ap.add_argument("--errors", action="store_true")
    args = ap.parse_args(argv)
    rows = load(Path(args.gold))
    n_facts = sum(len(g["facts"]) for g in rows)
    print(f"judged provisions: {len(rows)}, gold facts: {n_facts} "
          f"(ru {sum(len(g['facts']) for g in rows if g['language'] == 'ru')}, "
          f"kk {sum(len(g['facts']) for g in rows if g['language'] == 'kk')})\n")
    ours, errors = score(rows, lambda t, l: [(f.kind, f.value) for f in extract(t, l)])
    base, _ = score(rows, baseline, kinds={"deadline", "quorum"})
    head = "| {} | gold | tp | fp | fn | precision | recall |"
    print("### maslihat, per split, language and kind\n")
    print(head.format("split | lang | kind") + "\n|---|---|---|---|---|---|---|---|---|")
    print("\n".join(table(ours, lambda k: k)))
    print("\n### maslihat, deadlines + quorums + thresholds, per split and language\n")
    print(head.format("split | lang") + "\n|---|---|---|---|---|---|---|---|")
    core = {k: v for k, v in ours.items() if k[2] in ("deadline", "quorum", "threshold")}
    print("\n".join(table(core, lambda k: (k[0], k[1]))))
    print("\n### baseline (digits + unit word; digit fractions), deadlines + quorums, per split and language\n")
    print(head.format("split | lang") + "\n|---|---|---|---|---|---|---|---|")
    base_core = {k: v for k, v in base.items()}
    for k, c in ours.items():     # the baseline's misses of thresholds count against it too
        if k[2] == "threshold":
            base_core.setdefault(k, Counter())["fn"] += c["tp"] + c["fn"]
    print("\n".join(table(base_core, lambda k: (k[0], k[1]))))
    if args.errors:
        print("\n### errors\n")
        for g, fp, fn in errors:
            print(f"{g['source'].split('/')[-2] if g['source'].count('/') > 1 else g['source']} {g['language']} "
                  f"line {g['line']}: extra {fp} missed {fn} | {g['text'][:160]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
