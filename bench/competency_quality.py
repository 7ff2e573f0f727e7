"""How right are the competency tags: precision, recall and F1 of ``nlp.competency`` against the
judged sample (bench/competency_judged.json), beside a baseline measured in the same run.

    .venv/bin/python -m bench.competency_quality CORPUS.sqlite [--judged FILE] [--out report.json] [--show]

CORPUS is a corpus built by ``python -m bench.judged --db CORPUS --es-url ""``. Each judged
locator (source key, language, label, first 40 characters of the provision's own text) is found
in CORPUS; the provision's span (what corpus/build.py tags: the unit with its sub-units, for an
item of a list the lead-in of its list, ``nlp.competency.lead_ins``, and its act's title) is tagged anew by the tagger of this checkout, so a change of nlp/data/competencies.json is measured without
rebuilding the corpus. Baseline: a code whenever any of its terms occurs (its normalised words
next to each other) in the span, no weights, no threshold, no relative cut, no lead-in.

Figures: micro precision / recall / F1 over (unit, code) pairs and per code, per language and per
half (A: the half errors may be looked at; B: held out in session 28, read in session 29; C: drawn
in session 29 by i-comp2, measured once there, read by i-comp3; D: drawn by i-comp3, measured once
there, read by i-comp4; E: drawn by i-comp4, measured once there, read by i-comp5; F: drawn by
i-comp5 in session 30, never looked at while changing anything). ``--show`` prints the
disagreements of halves A-E only (never F); ``--hide-f`` prints A-E only (while changing the tagger).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
JUDGED = ROOT / "bench" / "competency_judged.json"
FIELDS = ("source", "language", "label", "text", "half", "codes")
HALVES = ("A", "B", "C", "D", "E", "F")
SHOWN = ("A", "B", "C", "D", "E")  # the built-on halves whose errors --show prints (F: held out, session 30 i-comp5)


def load(path=JUDGED) -> list[dict]:
    """The judged units; refuses a unit without a locator field, a half other than A-F or a code
    outside the taxonomy (a typo would count as a miss forever)."""
    from maslihat.nlp.competency import TAXONOMY
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    units = data["units"]
    for k, u in enumerate(units):
        missing = [f for f in FIELDS if f not in u]
        if missing:
            raise ValueError(f"unit {k}: no {', '.join(missing)}")
        if u["half"] not in HALVES:
            raise ValueError(f"unit {k}: half {u['half']!r} is not A, B, C, D, E or F")
        if u["language"] not in ("ru", "kk"):
            raise ValueError(f"unit {k}: language {u['language']!r}")
        bad = [c for c in u["codes"] if c not in TAXONOMY]
        if bad:
            raise ValueError(f"unit {k}: unknown code(s) {', '.join(bad)}")
    return units


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else None
    r = tp / (tp + fn) if tp + fn else None
    f = 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)
    return {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f}


def score(gold: list[set], pred: list[set]) -> dict:
    """Micro P/R/F1 over (unit, code) pairs and the same per code; ``exact``: share of units whose
    predicted set equals the judged set (a unit judged about nothing counts when nothing is tagged)."""
    per = defaultdict(lambda: [0, 0, 0])
    for g, p in zip(gold, pred, strict=True):
        for c in g & p:
            per[c][0] += 1
        for c in p - g:
            per[c][1] += 1
        for c in g - p:
            per[c][2] += 1
    tp, fp, fn = (sum(v[i] for v in per.values()) for i in range(3))
    return {"n": len(gold), "micro": prf(tp, fp, fn),
            "exact": sum(g == p for g, p in zip(gold, pred)) / len(gold) if gold else None,
            "per_code": {c: prf(*v) for c, v in sorted(per.items())}}


def baseline(text: str, lang: str) -> set:
    """A code when any of its terms occurs: the phrase's normalised words consecutive."""
    from maslihat.nlp.analyze import index_terms
    from maslihat.nlp.competency import _lexicon
    terms = index_terms(text, lang)
    joined = " " + " ".join(terms) + " "
    return {code for code, _phrase, norm, _w in _lexicon(lang if lang in ("ru", "kk") else "ru")
            if " " + " ".join(norm) + " " in joined}


def resolve(db: str, units: list[dict], leads: Optional[list] = None, acts: Optional[list] = None) -> list[str]:
    """The span text of each judged unit in CORPUS (raises if a locator matches none or several);
    ``leads``, when given a list, gets each unit's lead-in text ("" for none); ``acts`` gets what
    the unit may inherit from its act: (its document's title, whether it is a table's row), as
    corpus/build.py reads them."""
    from bench.judged_build import snippet, source_key
    from maslihat.corpus.api import Corpus
    from maslihat.corpus.store_context import ROW_KINDS, ROW_LEAD, is_table_row
    from maslihat.nlp.competency import headings, lead_ins
    corpus = Corpus(db)
    want = {(u["source"], u["language"], u["label"], u["text"]) for u in units}
    found: dict[tuple, list[str]] = defaultdict(list)
    lead: dict[tuple, str] = {}
    act: dict[tuple, tuple[str, bool]] = {}
    for d in corpus.documents():
        key = source_key(d["source"])
        if not any(w[0] == key and w[1] == d["language"] for w in want):
            continue
        doc = corpus.document(d["id"])
        us = corpus.units(d["id"])
        spans = lead_ins(us, doc.text)
        heads = headings(us)
        for un in us:
            span = doc.text[un.start:un.end]
            k = (key, d["language"], un.label, snippet(span, 40))
            if k in want:
                found[k].append(span)
                lead[k] = doc.text[slice(*spans[un.id])] if un.id in spans else ""
                act[k] = (". ".join(x for x in (heads.get(un.id), doc.title) if x), un.kind in ROW_KINDS and is_table_row(span[:ROW_LEAD]))
    out = []
    for u in units:
        k = (u["source"], u["language"], u["label"], u["text"])
        if len(set(found.get(k, []))) != 1:
            raise LookupError(f"{k}: {len(found.get(k, []))} units in {db}")
        out.append(found[k][0])
        if leads is not None:
            leads.append(lead[k])
        if acts is not None:
            acts.append(act[k])
    return out


def report(units: list[dict], texts: list[str], leads: Optional[list[str]] = None,
           acts: Optional[list[tuple[str, bool]]] = None) -> dict:
    from maslihat.nlp.competency import tag
    gold = [set(u["codes"]) for u in units]
    leads = leads or [""] * len(units)
    acts = acts or [("", False)] * len(units)
    preds = {"tagger": [set(tag(t, u["language"], ld, *a)) for u, t, ld, a in zip(units, texts, leads, acts)],
             "baseline": [baseline(t, u["language"]) for u, t in zip(units, texts)]}
    out = {}
    for name, pred in preds.items():
        out[name] = {}
        for half in (*HALVES, "AB", "ABC", "ABCD", "ABCDE", "all"):
            for lang in ("ru", "kk", "all"):
                idx = [i for i, u in enumerate(units) if (half == "all" or u["half"] in half) and lang in ("all", u["language"])]
                out[name][f"{half}/{lang}"] = score([gold[i] for i in idx], [pred[i] for i in idx])
    out["_pred"] = {k: [sorted(p) for p in v] for k, v in preds.items()}
    return out


def fmt(x) -> str:
    return "–" if x is None else f"{x:.2f}"


def tables(rep: dict, halves=HALVES) -> str:
    """The markdown tables of ``rep`` for ``halves`` (the rows of all halves together only when
    every half is printed: a held-out half stays unseen while the tagger is changed)."""
    lines = ["| half / lang | n | tagger P / R / F1 | tagger exact | baseline P / R / F1 | baseline exact |",
             "| --- | ---: | --- | ---: | --- | ---: |"]
    for half in (*halves, "AB", "ABC", "ABCD", "ABCDE", *(["all"] if tuple(halves) == HALVES else [])):
        for lang in ("ru", "kk", "all"):
            k = f"{half}/{lang}"
            t, b = rep["tagger"][k], rep["baseline"][k]
            lines.append(f"| {half} / {lang} | {t['n']} | {fmt(t['micro']['precision'])} / {fmt(t['micro']['recall'])} / "
                         f"{fmt(t['micro']['f1'])} | {fmt(t['exact'])} | {fmt(b['micro']['precision'])} / "
                         f"{fmt(b['micro']['recall'])} / {fmt(b['micro']['f1'])} | {fmt(b['exact'])} |")
    hs = [f"{h}/all" for h in halves]
    lines += ["", "| code | judged " + " / ".join(halves) + " | "
              + " | ".join(f"{n} {h}: P / R" for n in ("tagger", "baseline") for h in halves) + " |",
              "| --- | --- | " + " | ".join("---" for _ in range(2 * len(halves))) + " |"]
    codes = sorted({c for n in ("tagger", "baseline") for h in hs for c in rep[n][h]["per_code"]})
    for c in codes:
        cells = []
        for n in ("tagger", "baseline"):
            for h in hs:
                v = rep[n][h]["per_code"].get(c)
                cells.append(f"{fmt(v['precision'])} / {fmt(v['recall'])}" if v else "– / –")
        judged = []
        for h in hs:
            j = rep["tagger"][h]["per_code"].get(c, {"tp": 0, "fn": 0})
            judged.append(str(j["tp"] + j["fn"]))
        lines.append(f"| {c} | {' / '.join(judged)} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus")
    ap.add_argument("--judged", default=str(JUDGED))
    ap.add_argument("--out")
    ap.add_argument("--show", action="store_true", help="the disagreements of halves A-E (never F)")
    ap.add_argument("--hide-f", dest="hide", action="store_true",
                    help="print A-E only (while changing the tagger; --out still holds every half)")
    a = ap.parse_args(argv)
    units = load(a.judged)
    leads: list[str] = []
    acts: list[tuple[str, bool]] = []
    texts = resolve(a.corpus, units, leads, acts)
    rep = report(units, texts, leads, acts)
    print(tables(rep, SHOWN if a.hide else HALVES))
    if a.show:
        for i, (u, t) in enumerate(zip(units, texts)):
            p = set(rep["_pred"]["tagger"][i])
            if u["half"] in SHOWN and p != set(u["codes"]):
                print(f"\n#{i} {u['half']} {u['language']} {u['source'][:40]} {u['label']}: judged {sorted(u['codes'])} "
                      f"tagged {sorted(p)}\n  {' '.join(t.split())[:300]}")
    if a.out:
        Path(a.out).write_text(json.dumps(rep, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
