"""Issue 14, the corpus file at ≤ 4× its text: a file's bytes are kept as the difference from the
texts of the documents read from it, a document's index terms are kept together (one compressed
record per document, not one per unit), units are found by their id alone (no second index by
document), pages are 8 KB. Every answer stays the same: the file's bytes come back whole, even
after one of those texts is replaced; a re-ingested edition leaves no posting behind; a file of the
previous layout (schema 2) answers the same read-only and once opened for writing, and takes new
editions. Russian and Kazakh."""
from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib
from dataclasses import replace

from maslihat.core.model import Unit
from maslihat.corpus.api import Corpus
from maslihat.nlp.facts import document_facts
from maslihat.corpus.index.unit_store import pack
from maslihat.corpus.store import Store

from tests.index.test_unit_spans import KK, RU, _answers, _corpus, _new_edition, _postings_match_stored_terms


def _raw(tmp_path) -> dict[str, bytes]:
    return {hashlib.sha256(b).hexdigest(): b for b in (RU.encode("utf-8"), KK.encode("utf-8"))}


def _layout(db) -> dict:
    con = sqlite3.connect(db)
    try:
        names = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
        units_sql = con.execute("SELECT sql FROM sqlite_master WHERE name = 'units'").fetchone()[0]
        doc_cols = {r[1] for r in con.execute("PRAGMA table_info(search_docs)")}
        src_cols = {r[1] for r in con.execute("PRAGMA table_info(sources)")}
        return {"units_doc": "units_doc" in names, "units_by_id": "WITHOUT ROWID" in units_sql.upper(),
                "doc_terms": "unit_terms" in doc_cols
                and con.execute("SELECT COUNT(unit_terms) FROM search_docs").fetchone()[0] > 0,
                "unit_terms": con.execute("SELECT COUNT(terms) FROM search_units").fetchone()[0] > 0,
                "packed": "base" in src_cols
                and con.execute("SELECT COUNT(base) FROM sources").fetchone()[0] > 0,
                "page_size": con.execute("PRAGMA page_size").fetchone()[0],
                "schema": con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]}
    finally:
        con.close()


def test_a_new_file_keeps_each_text_once_and_gives_every_byte_back(tmp_path):
    c = _corpus(tmp_path)
    assert _layout(tmp_path / "c.sqlite") == {"units_doc": False, "units_by_id": True, "doc_terms": True,
                                              "unit_terms": False, "packed": True, "page_size": 8192,
                                              "schema": "3"}
    for digest, raw in _raw(tmp_path).items():
        assert c.store.source_bytes(digest) == raw                 # each file's bytes, RU and KK
        size, blob = c.store.conn.execute("SELECT size, length(raw) FROM sources WHERE content_hash = ?",
                                          (digest,)).fetchone()
        assert size == len(raw) and blob < len(zlib.compress(raw, 9)) / 2    # the difference only
    for d in c.store.documents():                                   # a document's units, in order
        units = c.units(d.id)
        assert units and [u.ordinal for u in units] == sorted(u.ordinal for u in units)
        assert all(u.document_id == d.id and c.store.unit(u.id) == u for u in units)
    _postings_match_stored_terms(c)
    assert c.search("тыңдауға", lang="kk")["total"]
    _new_edition(tmp_path, c)                      # the old edition's postings go by its kept terms
    _postings_match_stored_terms(c)
    assert c.search("тыңдауға", lang="kk")["total"] == 0 and c.search("қарауға", lang="kk")["total"]
    assert c.search("благоустройства", lang="ru")["total"]
    c.close()


def test_a_file_keeps_its_bytes_when_a_text_they_rest_on_is_replaced(tmp_path):
    c = _corpus(tmp_path)
    raws = _raw(tmp_path)
    doc = next(d for d in c.store.documents() if d.language == "ru")
    with c.store.transaction():                       # the same document id written with another text
        c.store.put_document(replace(doc, text=doc.text.replace("маслихат", "МАСЛИХАТ")), None, None)
    assert c.store.document(doc.id).text != doc.text
    for digest, raw in raws.items():
        assert c.store.source_bytes(digest) == raw
    c.close()


def test_a_unit_whose_id_does_not_start_with_its_documents_is_still_found_by_document(tmp_path):
    c = _corpus(tmp_path)
    doc = next(d for d in c.store.documents() if d.language == "kk")
    units = c.units(doc.id)
    odd = replace(units[-1], id="бөлек/тармақ_99", ordinal=units[-1].ordinal + 1)
    with c.store.transaction():
        c.store.put_units([odd])
    assert _layout(tmp_path / "c.sqlite")["units_doc"]
    assert c.units(doc.id) == units + [odd]
    c.close()


def _to_previous_layout(db) -> None:
    """Rewrite a file as schema 2 held it: units with a rowid and the units_doc index, each unit's
    index terms in its own row, the file's bytes zlib-compressed alone, no sources.base, 4 KB pages."""
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("PRAGMA journal_mode=DELETE")
    con.execute("BEGIN")
    s = Store.__new__(Store)
    s.conn = con
    raws = {h: s.source_bytes(h) for (h,) in con.execute("SELECT content_hash FROM sources").fetchall()}
    con.execute("UPDATE sources SET base = NULL")
    con.executemany("UPDATE sources SET raw = ? WHERE content_hash = ?", [(zlib.compress(r, 6), h) for h, r in raws.items()])
    con.execute("ALTER TABLE sources DROP COLUMN base")
    for drow, blob in con.execute("SELECT rowid, unit_terms FROM search_docs").fetchall():
        rids = [r for (r,) in con.execute("SELECT rowid FROM search_units WHERE doc_rowid = ? ORDER BY rowid", (drow,))]
        lines = zlib.decompress(blob).decode("utf-8").split("\n")
        con.executemany("UPDATE search_units SET terms = ? WHERE rowid = ?", [(pack(t), r) for r, t in zip(rids, lines)])
    con.execute("ALTER TABLE search_docs DROP COLUMN unit_terms")
    con.execute("CREATE TABLE old_units (id TEXT PRIMARY KEY, document_id TEXT NOT NULL, parent_id TEXT, kind TEXT, "
                "number TEXT, ordinal INTEGER, parallel_id TEXT, data TEXT NOT NULL)")
    con.execute("INSERT INTO old_units SELECT * FROM units")
    con.execute("DROP TABLE units")
    con.execute("ALTER TABLE old_units RENAME TO units")
    con.execute("CREATE INDEX units_doc ON units(document_id, ordinal)")
    con.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    con.execute("COMMIT")
    con.execute("PRAGMA page_size=4096")
    con.execute("VACUUM")
    con.close()


def test_a_file_of_the_previous_layout_answers_the_same_and_takes_new_editions(tmp_path):
    c = _corpus(tmp_path)
    before = _answers(c)
    assert before[("благоустройства", None)]["total"] and before[("абаттандыру", None)]["total"]
    c.close()
    db = tmp_path / "c.sqlite"
    _to_previous_layout(db)
    old = {"units_doc": True, "units_by_id": False, "doc_terms": False, "unit_terms": True, "packed": False,
           "page_size": 4096, "schema": "2"}
    assert _layout(db) == old
    ro = Corpus(str(db), readonly=True, es_url="")              # read as it is, nothing written
    assert _answers(ro) == before
    assert all(ro.store.source_bytes(h) == r for h, r in _raw(tmp_path).items())
    ro.close()
    assert _layout(db) == old
    c = Corpus(str(db), es_url="")                              # opened for writing: marked 3, rows kept
    assert _layout(db) == dict(old, schema="3")
    assert _answers(c) == before
    assert all(c.store.source_bytes(h) == r for h, r in _raw(tmp_path).items())
    _new_edition(tmp_path, c)                                   # old rows deleted by their own terms
    _postings_match_stored_terms(c)
    assert c.search("тыңдауға", lang="kk")["total"] == 0 and c.search("қарауға", lang="kk")["total"]
    assert c.search("благоустройства", lang="ru")["total"] and c.search("абаттандыру", lang="kk")["total"]
    c.close()


def test_facts_read_back_as_they_were_written_whole_and_in_order(tmp_path):
    """A fact's row leaves out what its columns hold; it reads back the very dict, keys in order,
    as does a row of the earlier layout (every field in its JSON)."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "act.rus.txt").write_text(RU + "3. Сессия правомочна, если на ней присутствует не менее двух третей "
                                     "депутатов. Решение вступает в силу через десять календарных дней.\n",
                                     encoding="utf-8")
    (src / "act.kaz.txt").write_text(KK + "3. Сессия депутаттардың кемінде үштен екісі қатысса, құқылы. "
                                     "Шешім он күнтізбелік күннен кейін күшіне енеді.\n", encoding="utf-8")
    c = Corpus(str(tmp_path / "c.sqlite"), es_url="")
    c.ingest([str(src)])
    want = {}
    for d in c.store.documents():
        want[d.id] = [f.to_json() for f in document_facts(d, c.units(d.id))]
    assert {lang for d in c.store.documents() for lang in [d.language] if want[d.id]} == {"ru", "kk"}
    dump = lambda rows: [json.dumps(r, ensure_ascii=False) for r in rows]      # noqa: E731  (key order too)
    for doc_id, facts in want.items():
        assert dump(c.store.facts_of(doc_id)) == dump(facts)
    con = c.store.conn
    slim = [json.loads(r) for (r,) in con.execute("SELECT data FROM facts")]
    assert slim and not any({"id", "kind", "value"} & set(d) for d in slim)
    with c.store.transaction():                     # rows of the earlier layout: the whole dict
        for doc_id, facts in want.items():
            con.executemany("UPDATE facts SET data = ? WHERE id = ?",
                            [(json.dumps(f, ensure_ascii=False), f["id"]) for f in facts])
    for doc_id, facts in want.items():
        assert dump(c.store.facts_of(doc_id)) == dump(facts)
    assert dump(c.store.fact_rows()) == dump([f for d in sorted(want, key=lambda i: (i.rsplit("/", 1)[0], i))
                                               for f in want[d]])
    c.close()


def test_a_bulk_ingest_gives_back_its_empty_pages_and_answers_the_same(tmp_path, monkeypatch):
    """An ingest that at least doubles the corpus (here: into an empty file, Russian and Kazakh)
    ends by rewriting the file without free room; every answer is the one of the same ingest
    left as written, and a later small ingest into the grown corpus does not rewrite it."""
    from maslihat.corpus import store as corpus_store
    calls: list = []
    real = corpus_store.Store.compact

    def spy(self):
        calls.append(self.path.name)
        return real(self)
    monkeypatch.setattr(corpus_store.Store, "compact", spy)
    (tmp_path / "plain").mkdir()
    (tmp_path / "packed").mkdir()
    monkeypatch.setattr(corpus_store, "COMPACT_MIN_DOCS", 10**9)       # too few documents: as written
    plain = _corpus(tmp_path / "plain")
    assert calls == []
    monkeypatch.setattr(corpus_store, "COMPACT_MIN_DOCS", 1)
    packed = _corpus(tmp_path / "packed")
    assert calls == ["c.sqlite"]
    con = packed.store.conn
    assert con.execute("PRAGMA freelist_count").fetchone()[0] == 0
    assert (tmp_path / "packed" / "c.sqlite-wal").stat().st_size == 0      # the log emptied too
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    want = _answers(plain)
    assert want[("благоустройства", "ru")]["total"] and want[("абаттандыру", "kk")]["total"]
    assert _answers(packed) == want
    for digest, raw in _raw(tmp_path).items():
        assert packed.store.source_bytes(digest) == raw
    _new_edition(tmp_path / "packed", packed)       # 1 document into 2: not doubled, not rewritten
    assert calls == ["c.sqlite"]
    _postings_match_stored_terms(packed)
    assert packed.search("қарауға", lang="kk")["total"] and not packed.search("тыңдауға", lang="kk")["total"]
    plain.close()
    packed.close()


def test_compact_leaves_a_file_it_cannot_lock_as_it_is(tmp_path):
    c = _corpus(tmp_path)
    other = sqlite3.connect(tmp_path / "c.sqlite", timeout=0)
    other.execute("BEGIN IMMEDIATE")                # another writer holds the file
    try:
        assert c.store.compact() is False
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert c.store.compact() is True
    assert c.search("благоустройства", lang="ru")["total"] and c.search("абаттандыру", lang="kk")["total"]
    c.close()


def test_the_national_acts_index_holds_only_national_acts_and_answers_as_the_full_one(tmp_path):
    """Citations by name look up the latest national acts (RU and KK laws here) through an index of
    those rows only; a file made before, whose index holds every document, gives the same list."""
    from maslihat.corpus.catalog import NATIONAL_IN, national_acts
    from tests.structure.test_law_resolution import DECISION_KK, DECISION_RU, LAW_KK, LAW_RU, _ingest
    files = {"law": {"law.rus.md": LAW_RU, "law.kaz.md": LAW_KK},
             "local": {"decision.rus.txt": DECISION_RU, "decision.kaz.txt": DECISION_KK}}
    c = _ingest(tmp_path, files, ("local", "law"))
    con = c.store.conn
    acts = [vars(a) for a in national_acts(c.store)]
    assert sorted((a["language"], a["doc_type"]) for a in acts) == [("kk", "law"), ("ru", "law")]
    assert con.execute("SELECT COUNT(*) FROM documents WHERE doc_type = 'decision'").fetchone()[0] == 2
    n_rows = con.execute("SELECT COUNT(*) FROM documents INDEXED BY documents_national "
                         f"WHERE doc_type IN {NATIONAL_IN}").fetchone()[0]
    assert n_rows == 2
    plan = " ".join(r[-1] for r in con.execute(
        "EXPLAIN QUERY PLAN SELECT id, language, doc_type, title, adopted_date, number FROM documents "
        f"WHERE is_latest=1 AND doc_type IN {NATIONAL_IN}"))
    assert "COVERING INDEX documents_national" in plan
    sql = con.execute("SELECT sql FROM sqlite_master WHERE name = 'documents_national'").fetchone()[0]
    assert sql.endswith(f"WHERE doc_type IN {NATIONAL_IN}")       # the query's term, word for word
    con.execute("DROP INDEX documents_national")                  # the index of a file made before
    con.execute("CREATE INDEX documents_national ON documents(doc_type, is_latest, id, language, title, "
                "adopted_date, number)")
    assert [vars(a) for a in national_acts(c.store)] == acts
    assert "WITHOUT ROWID" in con.execute("SELECT sql FROM sqlite_master WHERE name = 'facts_done'").fetchone()[0]
    assert not c.store.facts_missing()
    c.close()


def test_references_are_written_compact_and_read_as_rows_of_the_spaced_form(tmp_path):
    """A reference's JSON has no blanks after ',' and ':' (issue 14); references, backlinks and the
    most cited acts read the same from rows of the earlier, spaced form. RU and KK."""
    from tests.structure.test_law_resolution import DECISION_KK, DECISION_RU, LAW_KK, LAW_RU, _ingest
    files = {"law": {"law.rus.md": LAW_RU, "law.kaz.md": LAW_KK},
             "local": {"decision.rus.txt": DECISION_RU, "decision.kaz.txt": DECISION_KK}}
    c = _ingest(tmp_path, files, ("law", "local"))
    con = c.store.conn
    rows = con.execute("SELECT id, data FROM refs").fetchall()
    assert {i.rsplit("/", 1)[-1].split("#")[0] for i, _ in rows} == {"ru", "kk"}
    assert rows and all(d == json.dumps(json.loads(d), ensure_ascii=False, separators=(",", ":")) for _, d in rows)

    def answers():
        docs = [d.id for d in c.store.documents()]
        return ([r.to_json() for r in c.store.references()], [[r.to_json() for r in c.store.backlinks(doc_id=d)]
                                                              for d in docs], c.store.cited_acts())
    want = answers()
    assert want[0] and any(want[1]) and want[2]
    with c.store.transaction():
        con.executemany("UPDATE refs SET data = ? WHERE id = ?",
                        [(json.dumps(json.loads(d), ensure_ascii=False), i) for i, d in rows])
    assert con.execute("SELECT COUNT(*) FROM refs WHERE instr(data, '\": ') > 0").fetchone()[0] == len(rows)
    assert answers() == want
    c.close()
