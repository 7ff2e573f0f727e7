"""Issue 14: how big the corpus file is against the text it holds.

    python bench/corpus_size.py                 # ingest the dev data into a fresh file, then measure
    python bench/corpus_size.py --db F          # measure an existing corpus file
    python bench/corpus_size.py --db F DIR...   # ... and its ratio over the input text files in DIR...

Prints the size of each table and index (``dbstat``: pages in use, MB), the file size, the raw
bytes of the input text files (when it ingested them) and of the documents' stored text, and
the ratios of the file over each.
"""
from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
INPUTS = [SHARED / "corpus/dev/derived", SHARED / "corpus/dev-laws", SHARED / "seeds"]
TEXT_EXT = {".txt", ".html", ".htm", ".md"}


def input_bytes(paths) -> int:
    """Bytes of the input text files (the files ingest reads as documents: .txt, .html, .md)."""
    n = 0
    for p in paths:
        for f in (Path(p).rglob("*") if Path(p).is_dir() else [Path(p)]):
            if f.is_file() and f.suffix.lower() in TEXT_EXT:
                n += f.stat().st_size
    return n


def breakdown(db: str) -> list[tuple[str, float]]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return [(name, size / 1e6) for name, size in conn.execute(
            "SELECT name, SUM(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC")]
    finally:
        conn.close()


def text_bytes(db: str) -> int:
    """UTF-8 bytes of every stored document's normalised text (doc_texts, or old rows' JSON)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    n = 0
    try:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        if "doc_texts" in names:
            for (z,) in conn.execute("SELECT z FROM doc_texts"):
                n += len(zlib.decompress(z))
        for (t,) in conn.execute("SELECT json_extract(data, '$.text') FROM documents"
                                 + (" WHERE id NOT IN (SELECT document_id FROM doc_texts)" if "doc_texts" in names else "")):
            n += len((t or "").encode("utf-8"))
    finally:
        conn.close()
    return n


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", help="measure this existing corpus file (no ingest)")
    ap.add_argument("--keep", help="ingest into this file (kept) instead of a temporary one")
    ap.add_argument("paths", nargs="*", help="inputs to ingest (default: the dev data)")
    a = ap.parse_args(argv)
    paths = [Path(p) for p in a.paths] or INPUTS
    tmp = None
    raw_in = None
    if a.db:
        db = a.db
        if a.paths:                       # the files it was ingested from: the ratio over them
            raw_in = input_bytes(paths)
    else:
        if a.keep:
            db = a.keep
            if os.path.exists(db):
                sys.exit(f"{db} exists: give a fresh file")
        else:
            tmp = tempfile.TemporaryDirectory()
            db = os.path.join(tmp.name, "corpus.sqlite")
        exe = ROOT / ".venv/bin/maslihat"
        if not exe.exists():              # a worktree without its own venv: the running one's
            exe = Path(sys.executable).parent / "maslihat"
        subprocess.run([str(exe), "ingest", "--db", db, *map(str, paths)], check=True,
                       stdout=subprocess.DEVNULL)
        raw_in = input_bytes(paths)
    # fold the WAL in so the file size is the corpus's
    c = sqlite3.connect(db)
    c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    c.close()
    rows = breakdown(db)
    total = sum(mb for _, mb in rows)
    text = text_bytes(db)
    print(f"{'table/index':40s} {'MB':>9s}")
    for name, mb in rows:
        print(f"{name:40s} {mb:9.3f}")
    print(f"{'(all pages)':40s} {total:9.3f}")
    print(f"file size                                {os.path.getsize(db) / 1e6:9.3f}")
    print(f"documents' text (UTF-8)                  {text / 1e6:9.3f}   ratio file/text {os.path.getsize(db) / text:.2f}x")
    if raw_in is not None:
        print(f"input text files (.txt/.html/.md)        {raw_in / 1e6:9.3f}   ratio file/input {os.path.getsize(db) / raw_in:.2f}x")
    if tmp is not None:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
