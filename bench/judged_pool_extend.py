"""Extend the pooled judgements of bench/judged.json (bench/judged_pool.json) to a deeper pool.

    .venv/bin/python -m bench.judged_pool_extend collect --db CORPUS.sqlite --out todo.json [--depth 10]
                                                         [--es-url URL] [--batch blind2]
    .venv/bin/python -m bench.judged_pool_extend show todo.json [--from N] [--count K]
    .venv/bin/python -m bench.judged_pool_extend apply todo.json grades.txt

``collect`` runs every judged query (both splits) the way bench/judged.py runs it (``results_lang``
as ``lang``; the embedded back end through ``Corpus(db, readonly=True).search``, the bench's
``Bm25Or`` baseline, Elasticsearch when a URL is given), takes the top ``depth`` hits of each, and
keeps those that neither the original judgements nor the pool already cover: a hit is covered
when it is a judged unit, a descendant of one, or its aligned unit in the other language, exactly
as ``judged.matcher``/``_which`` count it (a grade-0 pool entry covers its unit too). Each kept
passage is written with its locator (``judged_build.source_key``, language, label, first 60
characters of its own text), its text, its parent's text and document title, so that it can be
read and graded without its rank or score (``todo.json`` holds no rank; candidates are in query
order, systems interleaved and deduplicated). ``--batch NAME`` collects for the queries of that
batch only (``batch`` field of bench/judged.json).

``show`` prints candidates for reading. ``apply`` takes ``grades.txt`` (lines ``<index> <grade>``
for every candidate; ``#`` comments) and appends the graded locators to the queries of
bench/judged_pool.json; each locator is checked to resolve back to the unit it was taken from.
"""
from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.judged import JUDGED, POOL, Bm25Or, matcher, pooled_judgements, resolve, unit_table  # noqa: E402
from bench.judged_build import snippet  # noqa: E402


def _covered(h: str, ids: set) -> bool:
    """``h`` is a covered unit or a descendant of one (``ids`` holds the aligned units too)."""
    return any(h == r or h.startswith(r + "/") for r in ids)


def _context(db: str) -> tuple[dict, dict]:
    con = sqlite3.connect(db)
    try:
        parent = dict(con.execute("SELECT id, parent_id FROM units"))
        title = dict(con.execute("SELECT u.id, d.title FROM units u JOIN documents d ON d.id = u.document_id"))
    finally:
        con.close()
    return parent, title


def collect(db: str, depth: int, es_url: str | None, batch: str | None = None) -> list[dict]:
    from maslihat.corpus.api import Corpus
    queries = json.loads(JUDGED.read_text(encoding="utf-8"))["queries"]
    if batch:
        queries = [q for q in queries if q.get("batch") == batch]
    table = unit_table(db)
    by_id = {r[0]: r for r in table}
    parallel = {r[0]: r[5] for r in table if r[5]}
    parent, title = _context(db)
    pool = pooled_judgements()
    base = Bm25Or(table)
    c = Corpus(db, readonly=True)
    systems = {"baseline": lambda q, lang: base.search(q, lang, k=depth),
               "sqlite": lambda q, lang: [h["unit_id"] for h in c.search(q, lang=lang, limit=20)["hits"]][:depth]}
    if es_url:
        systems["elasticsearch"] = _es(es_url, depth)
    out = []
    dropped = 0
    for q in queries:
        judged = [resolve(table, loc) for loc in q["relevant"] + pool.get(q["query"], [])]
        ids = {x for g in matcher([u for u in judged if u], parallel) for x in g}
        runs = {name: fn(q["query"], q.get("results_lang")) for name, fn in systems.items()}
        order = [h for i in range(depth) for name in sorted(runs) for h in runs[name][i:i + 1]]
        for h in dict.fromkeys(order):
            if h not in by_id:      # a hit the bench's corpus does not hold (another ingest's unit)
                dropped += 1
                continue
            if _covered(h, ids):
                continue
            r = by_id[h]
            ids.update(matcher([h], parallel)[0])
            p = parent.get(h)
            out.append({"i": len(out), "query": q["query"], "query_lang": q["lang"], "kind": q["kind"],
                        "systems": sorted(n for n in runs if h in runs[n]),
                        "unit": h, "aligned": parallel.get(h), "title": title.get(h),
                        "parent": p and by_id.get(p, (None,) * 5)[4],
                        "locator": {"source": r[1], "language": r[2], "label": r[3], "text": snippet(r[4])},
                        "passage": r[4],
                        "aligned_text": parallel.get(h) in by_id and by_id[parallel[h]][4] or None})
    c.close()
    if dropped:
        print(f"{dropped} hits dropped: not units of {db}", file=sys.stderr)
    return out


def _es(url: str, depth: int):
    """Elasticsearch back end over a fresh ingest of the bench's inputs (as bench/judged.py does)."""
    import tempfile
    from bench.judged import stage
    from maslihat.corpus.api import Corpus
    from maslihat.corpus.index.elastic import ElasticIndex
    tmp = Path(tempfile.mkdtemp())
    (tmp / "in").mkdir()
    inputs = stage(ROOT.parent / "shared", tmp / "in")
    ElasticIndex(url).clear()
    ce = Corpus(str(tmp / "es.sqlite"), es_url=url)
    ce.ingest(inputs)
    return lambda q, lang: [h["unit_id"] for h in ce.search(q, lang=lang, limit=20)["hits"]][:depth]


def show(todo: list[dict], start: int, count: int, answers: dict) -> None:
    last = None
    for c in todo[start:start + count]:
        if c["query"] != last:
            last = c["query"]
            print(f"\n======== Q: {c['query']}  [{c['query_lang']}/{c['kind']}]")
            for a in answers.get(c["query"], []):
                print(f"   answer: {a}")
        print(f"--- [{c['i']}] {c['locator']['source'][:50]} {c['locator']['language']} {c['locator']['label']}"
              f" | {(c['title'] or '')[:90]}")
        if c["parent"]:
            print(f"    parent: {' '.join(c['parent'].split())[:200]}")
        print(f"    {' '.join(c['passage'].split())[:900]}")


def apply(todo: list[dict], grades_file: str) -> int:
    grades = {}
    for line in Path(grades_file).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            i, g = line.split()[:2]
            grades[int(i)] = int(g)
    missing = [c["i"] for c in todo if c["i"] not in grades]
    if missing:
        raise SystemExit(f"no grade for candidates {missing[:20]}…")
    doc = json.loads(POOL.read_text(encoding="utf-8"))
    by_q = {q["query"]: q for q in doc["queries"]}
    for q in json.loads(JUDGED.read_text(encoding="utf-8"))["queries"]:
        if q["query"] not in by_q:
            by_q[q["query"]] = {"query": q["query"], "pooled": []}
            doc["queries"].append(by_q[q["query"]])
    for c in todo:
        by_q[c["query"]]["pooled"].append({**c["locator"], "grade": grades[c["i"]]})
    POOL.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return len(todo)


def check(todo: list[dict], db: str) -> list[dict]:
    """Candidates whose locator does not resolve back to the unit it was taken from."""
    table = unit_table(db)
    return [c for c in todo if resolve(table, c["locator"]) != c["unit"]]


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    a1 = sub.add_parser("collect")
    a1.add_argument("--db", required=True)
    a1.add_argument("--out", required=True)
    a1.add_argument("--depth", type=int, default=10)
    a1.add_argument("--es-url")
    a1.add_argument("--batch", help="only the queries of this batch (e.g. blind2)")
    a2 = sub.add_parser("show")
    a2.add_argument("todo")
    a2.add_argument("--from", dest="start", type=int, default=0)
    a2.add_argument("--count", type=int, default=40)
    a3 = sub.add_parser("apply")
    a3.add_argument("todo")
    a3.add_argument("grades")
    a = ap.parse_args(argv)
    if a.cmd == "collect":
        todo = collect(a.db, a.depth, a.es_url, a.batch)
        bad = check(todo, a.db)
        for c in bad:      # lengthen the text until the locator names its unit alone
            full = snippet(c["passage"], 10**6)
            for n in (120, 240, 480, len(full)):
                c["locator"]["text"] = full[:n]
                if not check([c], a.db):
                    break
        Path(a.out).write_text(json.dumps(todo, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"{len(todo)} passages to judge ({len(bad)} locators lengthened; "
              f"{len(check(todo, a.db))} still ambiguous)")
    elif a.cmd == "show":
        todo = json.loads(Path(a.todo).read_text(encoding="utf-8"))
        answers = {q["query"]: [f"{loc['source'][:40]} {loc['language']} {loc['label']}: {loc['text']}"
                                for loc in q["relevant"]]
                   for q in json.loads(JUDGED.read_text(encoding="utf-8"))["queries"]}
        show(todo, a.start, a.count, answers)
    else:
        todo = json.loads(Path(a.todo).read_text(encoding="utf-8"))
        print(f"{apply(todo, a.grades)} judgements appended to {POOL}")


if __name__ == "__main__":
    main()
