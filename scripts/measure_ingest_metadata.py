#!/usr/bin/env python3
"""Measure ingest metadata against the dev gold, at the ingest level (no store, no CLI).

    .venv/bin/python scripts/measure_ingest_metadata.py [--shared ../shared] [--format txt|html] [--show-misses]

Loads every ``derived/<code>.<rus|kaz>.<fmt>`` with ``ingest.pipeline.load_file``, links the two
language files of an act by ``pair_key`` and ``ingest.metadata.inherit`` (as the store does), then
compares with ``gold/<code>.<rus|kaz>.json`` the way ``../shared/scripts/score_corpus.py`` does:
date, number, registration, issuer and repealed_by only where the requisite is in the document's
own language; language, document count and status everywhere. ``adopted_date`` is compared both
with the requisite date and with the gold ``adopted_date`` (meta.approved_on, which can differ by
a day: the ingest reports the requisite date and does not try to match approved_on).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from maslihat.ingest.metadata import inherit  # noqa: E402
from maslihat.ingest.pipeline import load_file, pair_key  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--format", default="txt", choices=["txt", "html"])
    ap.add_argument("--show-misses", action="store_true")
    a = ap.parse_args()
    dev = Path(a.shared) / "corpus" / "dev"
    golds = sorted((dev / "gold").glob("*.*.json"))
    golds = [g for g in golds if g.name != "index.json"]
    docs = {}
    for g in golds:
        name = g.name[:-5] + "." + a.format
        docs[name] = load_file(dev / "derived" / name, name)
    by_key: dict = {}
    for name in docs:
        key, lang = pair_key(name)
        by_key.setdefault(key, {})[lang] = name
    for m in by_key.values():
        if len(m) == 2 and len(docs[m["ru"]]) == len(docs[m["kk"]]) == 1:
            ru, kk = docs[m["ru"]][0], docs[m["kk"]][0]
            kk = inherit(kk, ru)
            docs[m["kk"]], docs[m["ru"]] = [kk], [inherit(ru, kk)]

    figs: dict = {}

    def tally(key, ok, miss):
        t = figs.setdefault(key, [0, 0])
        t[0] += bool(ok)
        t[1] += 1
        if not ok and a.show_misses:
            print("MISS", key, miss)

    for g in golds:
        gold = json.loads(g.read_text(encoding="utf-8"))
        name = g.name[:-5] + "." + a.format
        ds, lang = docs[name], gold["language"]
        tally("documents: exactly one per file", len(ds) == 1, (name, len(ds)))
        d = ds[0]
        tally("language", d.language == lang, (name, d.language))
        tally("doc_type decision", d.doc_type == "decision", (name, d.doc_type))
        tally("status repealed?", (d.status == "repealed") == (gold["status"] == "repealed"), (name, d.status))
        if gold.get("requisite_language") in (None, lang):
            tally("adopted_date = requisite date", d.adopted_date == gold["requisite_date"], (name, d.adopted_date))
            tally("adopted_date = gold adopted_date", d.adopted_date == gold["adopted_date"],
                  (name, d.adopted_date, gold["adopted_date"]))
            tally("number", d.number == gold["number"], (name, d.number, gold["number"]))
            tally("issuer_kind", d.issuer_kind == gold["issuer_type"], (name, d.issuer_kind))
            tally("issuer (exact text)", d.issuer == gold["issuer"], (name, d.issuer, gold["issuer"]))
            gr = gold.get("registration") or {}
            tally("registration date+number", (d.registration or {}).get("date") == gr.get("date") and
                  (d.registration or {}).get("number") == gr.get("number"), (name, d.registration, gr))
            if gold["status"] == "repealed":
                tally("repealed_by date", (d.repealed_by or {}).get("date") == gold["repealed_by"]["date"],
                      (name, d.repealed_by))
        else:
            tally("kk act_id shared with ru", d.act_id and d.id == f"{d.act_id}/{lang}" and "/decision/" in d.act_id,
                  (name, d.act_id))

    print(f"{len(golds)} gold documents, format {a.format}")
    for k, (ok, n) in figs.items():
        print(f"  {k:36s} {ok}/{n} ({100 * ok / n:.1f}%)")


if __name__ == "__main__":
    main()
