"""Issue 14, storage: each text kept once. The file's bytes are kept compressed and come back as
they were; a unit's JSON does not repeat its columns or empty defaults; a document's JSON holds
the normalised text only; rows written by an earlier version (full JSON, raw bytes) still read."""
from __future__ import annotations

import hashlib
import json
import sqlite3

from maslihat.corpus.api import Corpus
from maslihat.corpus.store import Store

from tests.conftest import SEED_REGULATION


def test_units_and_sources_are_stored_once_and_read_back_whole(tmp_path):
    db = tmp_path / "c.sqlite"
    c = Corpus(str(db))
    c.ingest([str(SEED_REGULATION)])
    raw = SEED_REGULATION.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    assert c.store.source_bytes(digest) == raw
    con = sqlite3.connect(db)
    size, blob = con.execute("SELECT size, raw FROM sources WHERE content_hash=?", (digest,)).fetchone()
    assert size == len(raw) and len(blob) < len(raw) / 2          # text compresses well
    data = [json.loads(r[0]) for r in con.execute("SELECT data FROM units")]
    assert data and not any({"id", "document_id", "parent_id", "parallel_id"} & set(d) for d in data)
    docs = [json.loads(r[0]) for r in con.execute("SELECT data FROM documents")]
    assert docs and all("original" not in d and d["text"] for d in docs)
    for doc in c.documents():
        units = c.units(doc["id"])
        assert units and all(u.document_id == doc["id"] for u in units)
        assert all(c.store.unit(u.id) == u for u in units[:20])
    assert any(u.parallel_id for d in c.documents() for u in c.units(d["id"]))
    c.close()


def test_rows_of_the_earlier_layout_still_read(tmp_path):
    db = tmp_path / "c.sqlite"
    c = Corpus(str(db))
    c.ingest([str(SEED_REGULATION)])
    doc_id = c.documents()[0]["id"]
    units = c.units(doc_id)
    c.close()
    con = sqlite3.connect(db)           # rewrite as the earlier layout did: every field in the JSON
    with con:
        for u in units:
            full = {f: getattr(u, f) for f in u.__dataclass_fields__}
            con.execute("UPDATE units SET data=? WHERE id=?", (json.dumps(full, ensure_ascii=False), u.id))
        raw = SEED_REGULATION.read_bytes()
        con.execute("UPDATE sources SET raw=? WHERE size=?", (raw, len(raw)))
    con.close()
    s = Store(str(db))
    assert s.units(doc_id) == units
    assert s.source_bytes(hashlib.sha256(raw).hexdigest()) == raw
    s.close()
