"""Canonical dump of an ingest (issue 14): the outputs an ingest speed-up must not change.

Ingests the real texts in ../shared (dev decisions, dev-laws, seeds) into a fresh corpus with
``maslihat ingest --db F ...`` and writes canonical JSON: documents (id, title, doc_type,
language, metadata), units (id, kind, label, start, end and their data), refs (all columns),
facts (id, unit_id, kind, value, data) and the search index terms of each unit.

    .venv/bin/python -m bench.ingest_dump [--shared ../shared] [--workers 0] OUT.json
    .venv/bin/python -m bench.ingest_dump --compare A.json B.json
"""
from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# columns that record when or in which run, not what was read
VOLATILE = {"run_id", "ingested_at", "created", "updated", "at"}


def _clean(obj):
    if isinstance(obj, dict):
        return {k: _clean(v) for k, v in obj.items() if k not in VOLATILE}
    if isinstance(obj, list):
        return [_clean(v) for v in obj]
    return obj


def _rows(conn: sqlite3.Connection, sql: str) -> list[dict]:
    cur = conn.execute(sql)
    names = [d[0] for d in cur.description]
    out = []
    for row in cur:
        rec = dict(zip(names, row))
        if isinstance(rec.get("data"), str):
            try:
                rec["data"] = json.loads(rec["data"])
            except ValueError:
                pass
        out.append(_clean(rec))
    return out


def dump(db: Path) -> dict:
    conn = sqlite3.connect(db)
    docs = _rows(conn, "SELECT * FROM documents ORDER BY id")
    units = _rows(conn, "SELECT * FROM units ORDER BY id")
    refs = _rows(conn, "SELECT * FROM refs ORDER BY id")
    facts = _rows(conn, "SELECT * FROM facts ORDER BY id")
    from maslihat.corpus.index.unit_store import stored_terms     # in FTS5's content or, contentless, in search_units
    terms = dict(sorted(stored_terms(conn).items()))
    texts = {d: len(z) for d, z in conn.execute("SELECT document_id, z FROM doc_texts ORDER BY document_id")}
    conn.close()
    return {"documents": docs, "units": units, "refs": refs, "facts": facts, "terms": terms,
            "doc_texts_z_len": texts}


def ingest(shared: Path, db: Path, workers: str | None) -> None:
    env = dict(os.environ, MASLIHAT_ES_URL="")
    if workers is not None:
        env["MASLIHAT_INGEST_WORKERS"] = workers
    dirs = [shared / "corpus" / "dev" / "derived", shared / "corpus" / "dev-laws", shared / "seeds"]
    subprocess.run([str(ROOT / ".venv" / "bin" / "maslihat"), "ingest", "--db", str(db), *map(str, dirs)],
                   check=True, env=env, stdout=subprocess.DEVNULL)


def compare(a: Path, b: Path) -> int:
    da, db = json.loads(a.read_text()), json.loads(b.read_text())
    bad = 0
    for key in da:
        if da[key] != db.get(key):
            bad += 1
            print(f"DIFFERENT: {key}")
            x, y = da[key], db.get(key) or {}
            if isinstance(x, dict):
                diff = [k for k in set(x) | set(y) if x.get(k) != y.get(k)]
            else:
                diff = [i for i in range(max(len(x), len(y)))
                        if (x[i] if i < len(x) else None) != (y[i] if i < len(y) else None)]
            print(f"  {len(diff)} differ, e.g. {sorted(map(str, diff))[:5]}")
    print("identical" if not bad else f"{bad} sections differ")
    return 1 if bad else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", nargs="?")
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--workers", default="0", help="MASLIHAT_INGEST_WORKERS (default 0: one process)")
    ap.add_argument("--db", help="dump this corpus file instead of ingesting")
    ap.add_argument("--compare", nargs=2)
    a = ap.parse_args()
    if a.compare:
        return compare(Path(a.compare[0]), Path(a.compare[1]))
    if not a.out:
        ap.error("OUT.json needed")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(a.db) if a.db else Path(tmp) / "dump.sqlite"
        if not a.db:
            ingest(Path(a.shared), db, a.workers)
        data = dump(db)
    Path(a.out).write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, indent=0))
    print(f"{a.out}: {len(data['documents'])} documents, {len(data['units'])} units, {len(data['refs'])} refs, "
          f"{len(data['facts'])} facts, {len(data['terms'])} indexed units")
    return 0


if __name__ == "__main__":
    sys.exit(main())
