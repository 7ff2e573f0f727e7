"""Issue 14, storage: each text kept once. The file's bytes are kept compressed and come back as
they were; a unit's JSON does not repeat its columns or empty defaults; a document's normalised
text is kept once, compressed, beside a JSON of its metadata; rows written by an earlier version
(full JSON with the text, raw bytes) still read, and keep their text when rewritten."""
from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib

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
    assert docs and all("original" not in d and "text" not in d for d in docs)
    texts = dict(con.execute("SELECT document_id, z FROM doc_texts"))
    assert set(texts) == {d["id"] for d in docs}
    for d in docs:
        text = c.document(d["id"]).text
        assert text and len(texts[d["id"]]) < len(text.encode("utf-8")) / 2    # compressed, read back whole
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
        for d in con.execute("SELECT id, data FROM documents").fetchall():
            full = json.loads(d[1])
            full["text"] = zlib.decompress(con.execute("SELECT z FROM doc_texts WHERE document_id=?",
                                                       (d[0],)).fetchone()[0]).decode("utf-8")
            con.execute("UPDATE documents SET data=? WHERE id=?", (json.dumps(full, ensure_ascii=False), d[0]))
        texts = {d: t for d, t in con.execute("SELECT document_id, z FROM doc_texts")}
        con.execute("DELETE FROM doc_texts")
        for u in units:
            full = {f: getattr(u, f) for f in u.__dataclass_fields__}
            con.execute("UPDATE units SET data=? WHERE id=?", (json.dumps(full, ensure_ascii=False), u.id))
        raw = SEED_REGULATION.read_bytes()
        con.execute("UPDATE sources SET raw=? WHERE size=?", (raw, len(raw)))
    con.close()
    s = Store(str(db))
    assert s.units(doc_id) == units
    assert s.source_bytes(hashlib.sha256(raw).hexdigest()) == raw
    old = s.document(doc_id)
    assert old.text == zlib.decompress(texts[doc_id]).decode("utf-8")
    with s.transaction():                 # a rewrite of its metadata moves the text, never loses it
        old.text = ""
        s.update_document(old)
    assert s.document(doc_id).text == zlib.decompress(texts[doc_id]).decode("utf-8")
    s.close()
