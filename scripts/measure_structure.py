#!/usr/bin/env python3
"""Measure segmentation and cross-references directly through nlp.segment / nlp.references.

Scores the dev gold (../shared/corpus/dev, read at run time, never copied) with the matching
rules of ../shared/scripts/score_corpus.py, Kazakh separately from Russian, plus hand-made
expectations on seed 001 (both halves). Documents are built from derived/*.txt with minimal
normalisation (NBSP and tabs -> space), because ingest is not part of what is measured here.

    .venv/bin/python scripts/measure_structure.py [--dev ../shared/corpus/dev] [--misses]
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import re
import sys
import unicodedata

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from maslihat.core.model import Document  # noqa: E402
from maslihat.nlp.references import find_references  # noqa: E402
from maslihat.nlp.segment import segment  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DEV = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "corpus", "dev"))
SEED_001 = os.path.normpath(os.path.join(HERE, "..", "corpus", "samples", "001_56a79b46f786f9f7.txt"))
KK_TITLE_001 = "Көкшетау қалалық мәслихатының регламентін бекіту туралы"
LOOKALIKE = str.maketrans("aceopxykmhtbi", "асеорхукмнтві")


def norm(s):
    if s is None:
        return None
    s = unicodedata.normalize("NFC", str(s)).strip().lower().translate(LOOKALIKE)
    return re.sub(r"[\s\u2013\u2014\-№.]+", "", s) or None


def ws(s):
    return re.sub(r"\s+", " ", s or "").strip().lower().translate(LOOKALIKE)


def minimal_normalise(text: str) -> str:
    return text.replace("\xa0", " ").replace("\t", " ")


def make_doc(text: str, lang: str, doc_id: str, doc_type: str = "decision") -> Document:
    return Document(id=doc_id, source=doc_id, part=0, language=lang, doc_type=doc_type, title="",
                    text=minimal_normalise(text))


def seed_001_docs() -> list[Document]:
    t = open(SEED_001, encoding="utf-8").read()
    k = t.index(KK_TITLE_001)
    return [make_doc(t[:k], "ru", "seed001/ru"), make_doc(t[k:], "kk", "seed001/kk")]


def score_units(doc: Document, units, gold_units) -> tuple[int, int, list]:
    ok, misses = 0, []
    for gu in gold_units:
        num, start = norm(gu.get("number")), ws(gu.get("text_start"))[:20]
        hit = any(norm(u.number) == num and start and start in ws(doc.text[u.start:u.end])[:150] for u in units)
        ok += hit
        if not hit:
            misses.append(gu)
    return ok, len(gold_units), misses


def score_refs(refs, gold_refs) -> tuple[int, int, int, int, list]:
    matched, found, misses = set(), 0, []
    for gr in gold_refs:
        surf, gt = ws(gr.get("surface")), gr.get("target") or {}
        hit = None
        for r in refs:
            ps = ws(r.surface)
            if not ps or not surf or not (ps in surf or surf in ps or ps[:25] == surf[:25]):
                continue
            if all(not gt.get(k) or norm(gt.get(k)) == norm(r.target.get(k)) for k in ("article", "point", "date")):
                hit = r
                break
        if hit is not None:
            found += 1
            matched.add(hit.id)
        else:
            misses.append(gr)
    return found, len(gold_refs), len(matched), len(refs), misses


def overlap_precision(refs, gold_refs) -> int:
    """Predicted references that agree with *some* gold reference (surface overlap, equal article/point/date).

    score_corpus.py counts a predicted reference only when it is the first hit of a gold one, so a
    citation repeated with the same surface (the Law cited 11 times in 20090) counts once: that
    figure is a lower bound. This one judges every prediction on its own.
    """
    ok = 0
    for r in refs:
        ps = ws(r.surface)
        for gr in gold_refs:
            surf, gt = ws(gr.get("surface")), gr.get("target") or {}
            if ps and surf and (ps in surf or surf in ps or ps[:25] == surf[:25]) and \
                    all(not gt.get(k) or norm(gt.get(k)) == norm(r.target.get(k)) for k in ("article", "point", "date")):
                ok += 1
                break
    return ok


def measure_dev(dev: str, show_misses: bool = False) -> dict:
    figs: dict = {}

    def add(key, a, b):
        t = figs.setdefault(key, [0, 0])
        t[0] += a
        t[1] += b

    unmatched_pred = []
    for g in sorted(glob.glob(os.path.join(dev, "gold", "*.*.json"))):
        gold = json.load(open(g, encoding="utf-8"))
        if not isinstance(gold, dict):
            continue
        name = os.path.basename(g)[:-5]
        lang = gold.get("language")
        path = os.path.join(dev, "derived", name + ".txt")
        if not os.path.exists(path):
            continue
        doc = make_doc(open(path, encoding="utf-8").read(), lang, name)
        doc.number, doc.adopted_date = gold.get("number"), gold.get("requisite_date")   # as ingest reads them
        units = segment(doc)
        ok, n, um = score_units(doc, units, gold.get("units", []))
        add(f"units.{lang}", ok, n)
        refs = find_references(doc, units)
        found, ng, matched, npred, rm = score_refs(refs, gold.get("references", []))
        add(f"refs_recall.{lang}", found, ng)
        add(f"refs_precision.{lang}", matched, npred)
        add(f"refs_precision_each.{lang}", overlap_precision(refs, gold.get("references", [])), npred)
        if show_misses:
            for gu in um:
                print(f"  unit miss {name}: {gu['kind']} {gu['number']} {gu['text_start'][:40]!r}")
            for gr in rm:
                print(f"  ref miss  {name}: {gr['surface'][:110]!r} {gr['target'].get('article')} "
                      f"{gr['target'].get('point')} {gr['target'].get('date')}")
            gold_surfs = [ws(x["surface"]) for x in gold.get("references", [])]
            for r in refs:
                ps = ws(r.surface)
                if not any(ps in s or s in ps or ps[:25] == s[:25] for s in gold_surfs):
                    unmatched_pred.append((name, r.surface))
    if show_misses:
        for name, s in unmatched_pred:
            print(f"  extra ref {name}: {s[:110]!r}")
    return figs


def measure_seed() -> dict:
    """Seed 001: 140 points, 13 chapters, subpoints of point 22, notes on 122/127/130, one appendix."""
    out = {}
    for doc in seed_001_docs():
        units = segment(doc)
        pts = [u.number for u in units if u.kind == "point" and u.part == 1]
        chapters = [u.number for u in units if u.kind == "chapter" and u.part == 1]
        by_id = {u.id: u for u in units}
        p22 = next(u for u in units if u.kind == "point" and u.part == 1 and u.number == "22")
        subs22 = [u.number for u in units if u.parent_id == p22.id and u.kind == "subpoint"]
        notes = sorted(by_id[u.parent_id].number for u in units
                       if u.kind == "note" and u.parent_id and by_id[u.parent_id].kind == "point")
        refs = find_references(doc, units)
        out[doc.language] = {
            "points 1..140": pts == [str(i) for i in range(1, 141)],
            "chapters 1..13": chapters == [str(i) for i in range(1, 14)],
            "subchapters": len([u for u in units if u.kind == "subchapter"]),
            "point 22 subpoints": subs22,
            "notes on points": notes,
            "appendices": len([u for u in units if u.kind == "appendix"]),
            "references": len(refs),
        }
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dev", default=DEFAULT_DEV)
    ap.add_argument("--misses", action="store_true")
    a = ap.parse_args()
    print("seed 001:")
    for lang, f in measure_seed().items():
        print(f"  {lang}: {f}")
    if not os.path.isdir(a.dev):
        print(f"no dev corpus at {a.dev}")
        return
    figs = measure_dev(a.dev, a.misses)
    print(f"dev corpus ({a.dev}):")
    for k, (x, n) in sorted(figs.items()):
        print(f"  {k:22s} {x}/{n} ({100 * x / n if n else 0:.1f}%)")


if __name__ == "__main__":
    main()
