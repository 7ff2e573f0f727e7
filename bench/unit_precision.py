"""Unit precision against a gold corpus: of the numbered units the product makes, how many the gold has.

    .venv/bin/python -m bench.unit_precision EXPORT_DIR [--gold ../shared/corpus/dev/gold]

``EXPORT_DIR`` holds the ``maslihat export`` of a corpus built from ``<corpus>/derived/*.txt`` (as
``../shared/scripts/score_corpus.py`` builds it). ``score_corpus.py`` reports recall (gold units found);
this is the other half: a numbered unit (point, subpoint, article, chapter, section) counts as right
when its document's gold has a unit of the same number whose text starts (first 20 characters,
spaces and case folded) near the unit's beginning — the scorer's own matching rule. The gold cuts no
table into units, so the numbered lines of a rates table read as points are what this counts against.
"""
from __future__ import annotations

import argparse
import json
import re
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

NUMBERED = ("point", "subpoint", "article", "chapter", "section")
_LOOKALIKE = str.maketrans("aceopxykmhtbi", "асеорхукмнтві")


def _norm(s) -> str | None:
    """A number as the scorer compares it: NFC, case folded, Latin look-alikes Cyrillic, no spaces,
    dashes, «№» or dots."""
    if not s:
        return None
    s = unicodedata.normalize("NFC", str(s)).strip().lower().translate(_LOOKALIKE)
    return re.sub(r"[\s\u2013\u2014\-№.]+", "", s) or None


def _ws(s: str) -> str:
    return re.sub(r"\s+", " ", s or "").strip().lower().translate(_LOOKALIKE)


def precision(export: Path, gold: Path) -> tuple[Counter, Counter, dict]:
    """(right per language, made per language, {(act code, language): [units not in the gold]})."""
    docs = [json.loads(x) for x in (export / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    units = defaultdict(list)
    for line in (export / "units.jsonl").read_text(encoding="utf-8").splitlines():
        u = json.loads(line)
        if u["kind"] in NUMBERED and u.get("number"):
            units[u["document_id"]].append(u)
    by_source = {}
    for d in docs:
        m = re.match(r"(\d+)\.(rus|kaz)\.txt$", Path(d["source"]).name)
        if m:
            by_source[(m.group(1), "ru" if m.group(2) == "rus" else "kk")] = d
    right, made, wrong = Counter(), Counter(), defaultdict(list)
    for f in sorted(gold.glob("*.json")):
        g = json.loads(f.read_text(encoding="utf-8"))
        if not isinstance(g, dict) or "act_code" not in g:
            continue
        d = by_source.get((g["act_code"], g["language"]))
        if d is None:
            continue
        want = [(_norm(u["number"]), _ws(u["text_start"])[:20]) for u in g["units"]]
        text = d.get("text") or ""
        for u in units[d["id"]]:
            lang = g["language"]
            made[lang] += 1
            body = _ws(text[u["start"]:u["end"]])[:200]
            if any(_norm(u["number"]) == n and s and s in body for n, s in want):
                right[lang] += 1
            else:
                wrong[(g["act_code"], lang)].append((u["kind"], u["number"], body[:50]))
    return right, made, wrong


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("export", type=Path)
    ap.add_argument("--gold", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared/corpus/dev/gold")
    a = ap.parse_args(argv)
    right, made, wrong = precision(a.export, a.gold)
    for lang in ("ru", "kk"):
        print(f"{lang}: {right[lang]}/{made[lang]} ({right[lang] / max(1, made[lang]):.1%})")
    print(f"all: {sum(right.values())}/{sum(made.values())} ({sum(right.values()) / max(1, sum(made.values())):.1%})")
    for (code, lang), bad in sorted(wrong.items(), key=lambda x: -len(x[1])):
        print(f"  {code} {lang}: {len(bad)} not in the gold, e.g. {bad[0]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
