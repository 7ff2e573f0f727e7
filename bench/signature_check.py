#!/usr/bin/env python3
"""Provisions that hold a signature or an appendix's stamp (structure check, no gold needed).

Over a corpus export (``maslihat export --out DIR``): the points, parts, paragraphs and subpoints
outside appendices (coursework left out) whose text holds a signing position on a line of its own
(«Председатель сессии …», «Секретарь … маслихата», «… сессиясының төрағасы», «… хатшысы») or a Kazakh
stamp line («… шешіміне қосымша»), per language; the signature units; and the references that stand
in no unit (a stamp cut across an appendix's start). Each should be 0 or a known exception.

    .venv/bin/python -m bench.signature_check DIR
"""
from __future__ import annotations

import collections
import json
import re
import sys

LINE = re.compile(r"(сессиясының\s+төрағасы\s*$|^\s*председатель сессии|^\s*секретарь .{0,40}маслихата\s*$"
                  r"|хатшысы\s*$|шешіміне\s+қосымша\s*$)", re.I | re.M)
PROVISIONS = ("point", "part", "paragraph", "subpoint")


def main(argv=None) -> None:
    folder = (argv or sys.argv[1:])[0]
    docs = {d["id"]: d for d in map(json.loads, open(f"{folder}/documents.jsonl", encoding="utf-8"))}
    units = [json.loads(line) for line in open(f"{folder}/units.jsonl", encoding="utf-8")]
    refs = [json.loads(line) for line in open(f"{folder}/references.jsonl", encoding="utf-8")]
    held = collections.Counter()
    for u in units:
        d = docs[u["document_id"]]
        if u["kind"] in PROVISIONS and "/appendix_" not in u["id"] and d.get("doc_type") != "coursework" \
                and LINE.search(d["text"][u["start"]:u["end"]]):
            held[d["language"]] += 1
    print(f"provisions holding a signature or stamp line: ru {held['ru']}, kk {held['kk']}; "
          f"signature units {sum(1 for u in units if u['kind'] == 'signature')}; "
          f"references in no unit {sum(1 for r in refs if not r.get('unit_id'))}; units {len(units)}")


if __name__ == "__main__":
    main()
