"""Ingest with worker processes gives the same corpus as ingest in one process."""
from __future__ import annotations

import shutil
import sqlite3

from maslihat.corpus.api import Corpus
from tests.conftest import SAMPLES


def _dump(db) -> dict:
    conn = sqlite3.connect(db)
    q = {"documents": "SELECT id, is_latest, parallel_id, data FROM documents ORDER BY id",
         "units": "SELECT * FROM units ORDER BY id",
         "refs": "SELECT * FROM refs ORDER BY id",
         "quarantine": "SELECT path, reason FROM quarantine ORDER BY path",
         "index": "SELECT u.unit_id, u.text, f.terms, f.lang FROM search_units u "
                  "JOIN search_fts f ON f.rowid = u.rowid ORDER BY u.unit_id",
         "competency": "SELECT u.unit_id, c.value FROM search_unit_competency c "
                       "JOIN search_units u ON u.rowid = c.unit_rowid ORDER BY 1, 2"}
    out = {k: conn.execute(v).fetchall() for k, v in q.items()}
    conn.close()
    return out


def test_workers_give_the_same_corpus(tmp_path, monkeypatch):
    from bench.generate import write
    src = tmp_path / "in"
    write(40, src / "gen")
    for p in SAMPLES.glob("*.txt"):
        shutil.copy(p, src / p.name)
    shutil.copy(SAMPLES / "004_a94f33b09feff6f9.txt", src / "same_content.txt")  # same bytes under two names
    (src / "empty.txt").write_bytes(b"")                                          # quarantined
    dumps, summaries = [], []
    for workers in ("0", "2"):
        monkeypatch.setenv("MASLIHAT_INGEST_WORKERS", workers)
        db = tmp_path / f"c{workers}.sqlite"
        c = Corpus(str(db), es_url="")
        seen: list[tuple[str, str]] = []
        s = c.ingest([str(src)], on_file=lambda path, outcome, detail: seen.append((path, outcome)))
        c.close()
        summaries.append((s.files, s.documents_added, s.unchanged, len(s.quarantined), seen))
        dumps.append(_dump(db))
    assert summaries[0] == summaries[1]
    assert summaries[0][3] == 1
    for k in dumps[0]:
        assert dumps[0][k] == dumps[1][k], k
