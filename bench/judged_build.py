"""Turn a hand-written judgement list into bench/judged.json (locators that survive id changes).

    .venv/bin/python -m bench.judged_build SPEC CORPUS.sqlite [--out bench/judged.json]

SPEC lines (written while reading the texts; see docs/quality.md, "Issue 16"):

    Q <lang> <kind> | <query>        a query (kind: question, everyday, cross, keyword)
    L <lang>                         evaluate with results restricted to this language
    R <source>|<lang>|<label>[|<fragment>]   an answering provision of the query above
    B <name>                         the queries below form the batch <name>: all held out,
                                     reported apart by bench/judged.py (``--split <name>``)

``source`` is a prefix of the document's source key (``001_56a…txt``, ``<act>/rus.md``),
``lang`` the provision's language, or ``kk~`` for "the Kazakh unit aligned to the Russian unit
with this label". The builder looks each provision up in CORPUS and writes its locator: source
key, language, label and the start of its own text (``text``), which bench/quality.py resolves
to unit ids again at evaluation time. ~30 % of the queries are marked held out by a hash of the
query text, fixed before any tuning.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sqlite3
import sys
from pathlib import Path

LEAD = re.compile(r"^\s*(?:[-–•·]\s*|\(?[0-9IVXА-Яа-я]{1,4}(?:[.)\-][0-9]*)*[.)]\s+)")


def source_key(src: str) -> str:
    """``<act>/rus.md`` for the public repositories' layout (also staged as ``<act>.rus.md``)."""
    p = Path(src)
    m = re.match(r"(.+)\.(rus|kaz)\.md$", p.name)
    if m:
        return f"{m.group(1)}/{m.group(2)}.md"
    if p.name in ("rus.md", "kaz.md"):
        return f"{p.parent.name}/{p.name}"
    return p.name


def snippet(text: str, n: int = 60) -> str:
    t = " ".join(text.split())
    t = LEAD.sub("", t, count=1)
    return t[:n]


def held_out(query: str) -> bool:
    return int(hashlib.sha1(query.encode("utf-8")).hexdigest(), 16) % 10 < 3


def main(argv=None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("spec")
    ap.add_argument("corpus")
    ap.add_argument("--out", default=str(Path(__file__).with_name("judged.json")))
    ap.add_argument("--batch", help="rebuild only this batch's queries; the other queries of OUT are "
                                    "kept as they are (their locators were written by earlier runs)")
    a = ap.parse_args(argv)
    con = sqlite3.connect(a.corpus)
    rows = con.execute("""SELECT s.unit_id, d.source, d.language, s.label, s.unit_id, u.parallel_id
                          FROM search_units s JOIN units u ON u.id = s.unit_id
                          JOIN documents d ON d.id = u.document_id WHERE d.is_latest = 1""").fetchall()
    from maslihat.corpus.index.unit_store import unit_texts  # stored compressed, or as spans
    text = unit_texts(con)
    rows = [(r[0], r[1], r[2], r[3], text[r[4]], r[5]) for r in rows]
    by_id = {r[0]: r for r in rows}
    queries, errors = [], []
    batch = None
    for line in Path(a.spec).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        tag, rest = line[0], line[2:].strip()
        if tag == "B":
            batch = rest
        elif tag == "Q":
            head, text = rest.split("|", 1)
            lang, kind = head.split()
            q = {"query": text.strip(), "lang": lang, "kind": kind,
                 "held_out": True if batch else held_out(text.strip()), "relevant": []}
            if batch:
                q["batch"] = batch
            queries.append(q)
        elif tag == "L":
            queries[-1]["results_lang"] = rest
        elif tag == "R":
            parts = rest.split("|")
            src, lang, label = parts[:3]
            frag = parts[3] if len(parts) > 3 else ""
            want = "ru" if lang == "kk~" else lang
            cands = [r for r in rows if source_key(r[1]).startswith(src) and r[2] == want and r[3] == label
                     and frag in r[4]]
            if len(cands) != 1:
                errors.append(f"{queries[-1]['query']}: {rest}: {len(cands)} candidates")
                continue
            r = cands[0]
            if lang == "kk~":
                r = by_id.get(r[5])
                if r is None:
                    errors.append(f"{queries[-1]['query']}: {rest}: no aligned Kazakh unit")
                    continue
            queries[-1]["relevant"].append({"source": source_key(r[1]), "language": r[2], "label": r[3],
                                            "text": snippet(r[4])})
    if a.batch:
        keep = [q for q in json.loads(Path(a.out).read_text(encoding="utf-8"))["queries"]
                if q.get("batch") != a.batch]
        mine = {q["query"] for q in queries if q.get("batch") == a.batch}
        errors = [e for e in errors if e.split(":", 1)[0] in mine]
        queries = keep + [q for q in queries if q.get("batch") == a.batch]
    doc = {"_doc": "Judged queries of issue 16 (docs/quality.md): each answering provision located by "
                   "document source, language, label and the start of its own text; resolved to unit "
                   "ids by bench/quality.py. held_out queries were set aside before tuning.",
           "queries": queries}
    Path(a.out).write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for e in errors:
        print("ERROR", e, file=sys.stderr)
    print(f"{len(queries)} queries, {sum(len(q['relevant']) for q in queries)} judgements, "
          f"{sum(q['held_out'] for q in queries)} held out, {len(errors)} errors")


if __name__ == "__main__":
    main()
