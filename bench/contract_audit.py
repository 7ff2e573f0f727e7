#!/usr/bin/env python3
"""The CLI/JSON contract (shared/docs/contract.md) used the way an outside evaluation uses it.

Given a corpus built with ``maslihat ingest`` and its ``maslihat export``, this script

1. checks the export: every field of documents.jsonl; parallel_id both ways (documents and units,
   the other language, the parallel document); unit offsets inside the text, the unit's text
   without blank lines around it, its number near its start, children inside their parents,
   labels in the document's language; references: ``text[start:end] == surface``, the unit that
   holds them, resolved ids that exist and belong together;
2. runs the commands as separate processes, as a script would: ``show ID --json`` and ``show ID``
   for every document and a sample of its units (first two, last two, four at random), ``diff A B
   --json`` and ``diff A B`` for every RU/KK pair, ``search`` (JSON and text) with the title's words
   (alone, with ``--type``, ``--status``, ``--year`` of the document), a unit heading, a number of
   the text and the act's number; and records exit codes, non-JSON output, Python reprs or literal
   escapes in the text output, and commands slower than 2 s (wall clock, process start included).

    .venv/bin/python -m bench.contract_audit --db CORPUS --export DIR [--maslihat PATH] [--workers 2]
        [--json OUT]

Nothing of ../shared is written or kept: the corpus and the export are the caller's.
"""
from __future__ import annotations

import argparse
import collections
import json
import random
import re
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

SLOW = 2.0
TEXT_SMELLS = (r"\{'", r"\['", r"': '", r"\bNone\b", r"\\n", r"<mark>", r"&[a-z]+;", r"\bTrue\b|\bFalse\b")
LABEL_RU_IN_KK = re.compile(r"\b(?:п|ст|пп|гл)\. ")
LABEL_KK_IN_RU = re.compile(r"[әғқңөұүһі]|тармақ|\bбап\b")


def load(folder: str, name: str) -> list[dict]:
    with open(f"{folder}/{name}.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def check_export(docs: dict, units: list[dict], refs: list[dict]) -> dict[str, list]:
    p: dict[str, list] = collections.defaultdict(list)
    uid = {u["id"]: u for u in units}
    fields = ("id", "source", "part", "language", "doc_type", "title", "issuer", "issuer_kind", "region",
              "adopted_date", "number", "registration", "status", "repealed_by", "amendments", "parallel_id", "text")
    for d in docs.values():
        p["document lacks a field"].extend((d["id"], k) for k in fields if k not in d)
        o = docs.get(d["parallel_id"]) if d["parallel_id"] else None
        if d["parallel_id"] and (o is None or o["parallel_id"] != d["id"] or o["language"] == d["language"]):
            p["document parallel_id not both ways"].append(d["id"])
        if d["status"] not in ("in_force", "repealed", "unknown") or (d["status"] == "repealed") != bool(d["repealed_by"]):
            p["status and repealed_by disagree"].append(d["id"])
        if not d["title"] or len(d["title"]) > 400 or "\n" in d["title"]:
            p["title empty, multi-line or over 400 characters"].append(d["id"])
    for u in units:
        d = docs.get(u["document_id"])
        if d is None or not 0 <= u["start"] < u["end"] <= len(d["text"]):
            p["unit offsets outside its document"].append(u["id"])
            continue
        seg = d["text"][u["start"]:u["end"]]
        if seg != seg.strip():
            p["unit text with blank lines around it"].append(u["id"])
        if u["number"] and u["kind"] in ("point", "subpoint", "article", "chapter", "section", "subchapter") \
                and u["number"].rstrip(".)") not in seg[:80]:
            p["unit number not near its start"].append(u["id"])
        pa = uid.get(u["parent_id"]) if u["parent_id"] else None
        if u["parent_id"] and (pa is None or not pa["start"] <= u["start"] <= u["end"] <= pa["end"]):
            p["unit outside its parent"].append(u["id"])
        o = uid.get(u["parallel_id"]) if u["parallel_id"] else None
        if u["parallel_id"] and (o is None or o["parallel_id"] != u["id"] or o["document_id"] != d["parallel_id"]):
            p["unit parallel_id not both ways or not in the parallel document"].append(u["id"])
        bad = LABEL_KK_IN_RU if d["language"] == "ru" else LABEL_RU_IN_KK
        if not u["label"] or bad.search(u["label"]):
            p["unit label empty or in the other language"].append(u["id"])
    for r in refs:
        d = docs.get(r["document_id"])
        if d is None or d["text"][r["start"]:r["end"]] != r["surface"]:
            p["reference text[start:end] != surface"].append(r["id"])
            continue
        u = uid.get(r["unit_id"]) if r["unit_id"] else None
        if u is None or not u["start"] <= r["start"] <= r["end"] <= u["end"]:
            p["reference outside a unit"].append(r["id"])
        if r["resolved_document_id"] and r["resolved_document_id"] not in docs:
            p["reference resolved to no document"].append(r["id"])
        ru = uid.get(r["resolved_unit_id"]) if r["resolved_unit_id"] else None
        if r["resolved_unit_id"] and (ru is None or ru["document_id"] != r["resolved_document_id"]):
            p["reference resolved to a unit not of its document"].append(r["id"])
        if r["kind"] not in ("internal", "external") or not all(
                k in r["target"] for k in ("act_type", "title", "date", "number", "article", "point", "subpoint")):
            p["reference kind or target fields"].append(r["id"])
    return {k: v for k, v in p.items() if v}


def jobs_for(docs: list[dict], by_doc: dict, seed: int = 7) -> list[tuple[list[str], bool]]:
    rnd = random.Random(seed)
    jobs: list[tuple[list[str], bool]] = []
    for d in docs:
        jobs += [(["show", d["id"], "--json"], True), (["show", d["id"]], False)]
        us = by_doc.get(d["id"], [])
        sample = us[:2] + us[-2:] + rnd.sample(us, min(4, len(us)))
        for u in {u["id"]: u for u in sample}.values():
            jobs += [(["show", u["id"], "--json"], True), (["show", u["id"]], False)]
        if d.get("parallel_id") and d["language"] == "ru":
            jobs += [(["diff", d["id"], d["parallel_id"], "--json"], True), (["diff", d["id"], d["parallel_id"]], False)]
        words = " ".join(re.findall(r"\w{4,}", d["title"])[:4])
        qs = [[words], [words, "--type", d["doc_type"]], [words, "--status", d["status"]]]
        if d.get("adopted_date"):
            qs.append([words, "--year", d["adopted_date"][:4]])
        heads = [u for u in us if u.get("heading")]
        if heads:
            qs.append([rnd.choice(heads)["heading"][:80]])
        nums = re.findall(r"\b\d{2,}(?:[-/]\d+)?\b", d["text"][200:5000])
        if nums:
            qs.append([rnd.choice(nums)])
        if d.get("number"):
            qs.append([d["number"]])
        for q in qs:
            jobs += [(["search", *q, "--json", "--limit", "10"], True), (["search", *q, "--limit", "5"], False)]
    return jobs


def run_one(maslihat: str, db: str, args: list[str], want_json: bool) -> dict:
    t0 = time.perf_counter()
    p = subprocess.run([maslihat, *args, "--db", db], capture_output=True, text=True)
    rec = {"args": args, "rc": p.returncode, "secs": round(time.perf_counter() - t0, 2), "problems": []}
    if "Traceback" in p.stderr:
        rec["problems"].append(("traceback", p.stderr[-600:]))
    if want_json:
        try:
            rec["json"] = json.loads(p.stdout)
        except ValueError:
            rec["problems"].append(("not JSON", p.stdout[:200]))
            rec["json"] = None
        if p.returncode and not (isinstance(rec["json"], dict) and set(rec["json"]) == {"error"}):
            rec["problems"].append(("non-zero exit without a JSON error", p.stdout[:200]))
    else:
        if p.returncode and (p.stdout.strip() or len(p.stderr.strip().splitlines()) != 1):
            rec["problems"].append(("non-zero exit without one line on stderr", p.stderr[-300:]))
        for pat in TEXT_SMELLS:
            m = re.search(pat, p.stdout)
            if m:
                rec["problems"].append((f"text output has {pat}", p.stdout[max(0, m.start() - 60):m.end() + 60]))
    if rec["secs"] > SLOW:
        rec["problems"].append(("slower than 2 s", rec["secs"]))
    return rec


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--export", required=True, help="the folder `maslihat export --out` wrote")
    ap.add_argument("--maslihat", default=shutil.which("maslihat") or "maslihat")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--json", help="write every finding here")
    a = ap.parse_args(argv)
    docs = load(a.export, "documents")
    units = load(a.export, "units")
    refs = load(a.export, "references")
    found = check_export({d["id"]: d for d in docs}, units, refs)
    print(f"export: {len(docs)} documents, {len(units)} units, {len(refs)} references")
    for k, v in sorted(found.items()):
        print(f"  {k}: {len(v)}  e.g. {v[:3]}")
    by_doc: dict[str, list] = collections.defaultdict(list)
    for u in units:
        by_doc[u["document_id"]].append(u)
    jobs = jobs_for(docs, by_doc)
    with ThreadPoolExecutor(a.workers) as ex:
        recs = list(ex.map(lambda j: run_one(a.maslihat, a.db, *j), jobs))
    kinds = collections.Counter(f"{r['args'][0]}{' --json' if '--json' in r['args'] else ''}" for r in recs)
    print(f"commands: {len(recs)} ({', '.join(f'{k} {n}' for k, n in sorted(kinds.items()))})")
    probs = collections.defaultdict(list)
    for r in recs:
        for what, detail in r["problems"]:
            probs[what].append((r["args"], detail))
    misses = []
    for d in docs:                  # the title's words find the document (or its other language)
        words = " ".join(re.findall(r"\w{4,}", d["title"])[:4])
        r = next((r for r in recs if r["args"][:2] == ["search", words] and r["args"][2] == "--json"), None)
        hits = (r or {}).get("json") or {}
        ids = [h["document_id"] for h in hits.get("hits", [])]
        if r and "error" not in hits and d["id"] not in ids and d.get("parallel_id") not in ids:
            misses.append(d["id"])
    secs = sorted(r["secs"] for r in recs)
    print(f"  wall clock per command: median {secs[len(secs) // 2]:.2f} s, max {secs[-1]:.2f} s")
    for k, v in sorted(probs.items()):
        print(f"  {k}: {len(v)}  e.g. {v[:2]}")
    print(f"  title words not finding their document in the top 10: {len(misses)} {misses[:5]}")
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump({"export": found, "commands": {k: v for k, v in probs.items()}, "title_misses": misses,
                       "counts": dict(kinds)}, f, ensure_ascii=False, indent=1, default=str)
    return 0


if __name__ == "__main__":
    sys.exit(main())
