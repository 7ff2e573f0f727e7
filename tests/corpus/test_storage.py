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
    for table in ("units", "facts"):    # compact JSON: no blank after ',' and ':'
        raws = [r[0] for r in con.execute(f"SELECT data FROM {table}")]
        assert raws and all(json.dumps(json.loads(r), ensure_ascii=False, separators=(",", ":")) == r
                            for r in raws), table
    data = [json.loads(r[0]) for r in con.execute("SELECT data FROM units")]
    assert data and not any({"id", "document_id", "parent_id", "parallel_id"} & set(d) for d in data)
    docs = [dict(json.loads(r[1]), id=r[0]) for r in con.execute("SELECT id, data FROM documents")]
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
        con.execute("ALTER TABLE sources DROP COLUMN base")      # bytes kept whole, before issue 14's packing
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


def _answers(c: Corpus, query: str) -> dict:
    docs = c.store.documents(latest_only=False)
    return {"documents": [d.to_json() for d in docs],
            "units": {d.id: c.units(d.id) for d in docs},
            "show": {d.id: c.show(d.id) for d in docs},
            "search": {k: v for k, v in c.search(query, limit=50).items() if k != "took_ms"}}


def test_documents_json_keeps_no_column_and_an_old_file_migrates_to_the_same_answers(tmp_path):
    """Issue 14: a document's JSON does not repeat its columns; a file of the earlier layout (every
    field in the JSON) is slimmed when opened for writing and answers the same, in Russian and Kazakh."""
    from maslihat.corpus.store import _DOC_COLS
    src = tmp_path / "src"
    src.mkdir()
    (src / "act.rus.txt").write_text(
        "Решение маслихата Алматинской области от 12 мая 2016 года № 2-16\n"
        "Об утверждении правил благоустройства территории\n\n"
        "1. Утвердить прилагаемые правила благоустройства территории населенных пунктов.\n"
        "2. Контроль за исполнением настоящего решения возложить на постоянную комиссию маслихата.\n",
        encoding="utf-8")
    (src / "act.kaz.txt").write_text(
        "Алматы облыстық мәслихатының 2016 жылғы 12 мамырдағы № 2-16 шешімі\n"
        "Аумақты абаттандыру қағидаларын бекіту туралы\n\n"
        "1. Елді мекендердің аумағын абаттандырудың қоса беріліп отырған қағидалары бекітілсін.\n"
        "2. Осы шешімнің орындалуын бақылау мәслихаттың тұрақты комиссиясына жүктелсін.\n",
        encoding="utf-8")
    db = tmp_path / "c.sqlite"
    c = Corpus(str(db))
    c.ingest([str(src), str(SEED_REGULATION)])
    langs = {d.language for d in c.store.documents(latest_only=False)}
    assert {"ru", "kk"} <= langs or {"rus", "kaz"} <= langs, langs
    before = {q: _answers(c, q) for q in ("благоустройства", "абаттандыру", "маслихат")}
    assert before["благоустройства"]["search"]["total"] and before["абаттандыру"]["search"]["total"]
    c.close()
    con = sqlite3.connect(db)
    stored = [json.loads(r[0]) for r in con.execute("SELECT data FROM documents")]
    assert stored and not any(set(_DOC_COLS) & set(d) for d in stored)
    with con:                           # rewrite as the earlier layout did: every field in the JSON
        for (doc_id,) in con.execute("SELECT id FROM documents").fetchall():
            full = [d for d in before["маслихат"]["documents"] if d["id"] == doc_id][0]
            full = {k: v for k, v in full.items() if k not in ("text", "original")}
            con.execute("UPDATE documents SET data=? WHERE id=?", (json.dumps(full, ensure_ascii=False), doc_id))
        con.execute("DELETE FROM meta WHERE key='doc_json_slim'")
    con.close()
    ro = Store(str(db), readonly=True)   # read-only: read as it is, not migrated
    assert [d.to_json() for d in ro.documents(latest_only=False)] == before["маслихат"]["documents"]
    ro.close()
    c = Corpus(str(db))                  # opened for writing: migrated in place
    for q, want in before.items():
        assert _answers(c, q) == want
    c.close()
    con = sqlite3.connect(db)
    stored = [json.loads(r[0]) for r in con.execute("SELECT data FROM documents")]
    assert not any(set(_DOC_COLS) & set(d) for d in stored)
    assert con.execute("SELECT value FROM meta WHERE key='doc_json_slim'").fetchone() == ("1",)
    con.close()


def test_references_keep_their_ids_in_columns_only_and_old_rows_still_read(tmp_path):
    """A reference's JSON leaves out the seven fields its columns hold; a row of the earlier layout
    (every field in the JSON) reads the same, and references and backlinks answer alike."""
    from maslihat.corpus.store import _REF_COLS
    db = tmp_path / "c.sqlite"
    c = Corpus(str(db))
    c.ingest([str(SEED_REGULATION)])
    store = c.store
    refs = store.references()
    assert refs and any(r.resolved_document_id for r in refs) and any(r.unit_id for r in refs)
    back = {r.resolved_document_id: store.backlinks(doc_id=r.resolved_document_id) for r in refs if r.resolved_document_id}
    cited = store.cited_acts(50)
    assert cited and all(c["target"] for c in cited)
    raw = [json.loads(r[0]) for r in store.conn.execute("SELECT data FROM refs")]
    assert raw and not any(set(_REF_COLS) & set(d) for d in raw)
    with store.transaction():           # rewrite as the earlier layout did
        for r in refs:
            store.conn.execute("UPDATE refs SET data=? WHERE id=?",
                               (json.dumps(r.to_json(), ensure_ascii=False), r.id))
    assert store.references() == refs
    assert {k: store.backlinks(doc_id=k) for k in back} == back
    assert store.cited_acts(50) == cited      # each act's target from its first reference, by id
    c.close()


def test_a_files_bytes_are_packed_against_its_texts_or_compressed_alone(tmp_path):
    """Issue 14: a file whose documents are stored keeps its bytes packed against their texts
    (``sources.base``), never first compressed alone; a file that has no document stored with it
    is zlib-compressed alone. Both read back whole."""
    db = tmp_path / "c.sqlite"
    c = Corpus(str(db), es_url="")
    c.ingest([str(SEED_REGULATION)])
    raw = SEED_REGULATION.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    con = sqlite3.connect(db)
    size, blob, base = con.execute("SELECT size, raw, base FROM sources WHERE content_hash=?", (digest,)).fetchone()
    assert base and json.loads(base) and len(blob) < len(raw) / 4 and size == len(raw)
    assert c.store.source_bytes(digest) == raw
    # no document of the file was stored after all (packing had nothing to pack against)
    other = ("\n".join(f"строка {i} {i * 7919 % 10007} слово{i % 13}" for i in range(3000))).encode("utf-8")
    h = hashlib.sha256(other).hexdigest()
    store = c.store
    with store.transaction():
        store.put_source(h, "other.txt", other, None, packed_later=True)
        store.settle_source()
    size, blob, base = con.execute("SELECT size, raw, base FROM sources WHERE content_hash=?", (h,)).fetchone()
    assert base is None and blob == zlib.compress(other, 4) and size == len(other)
    assert store.source_bytes(h) == other
    c.close()
