"""The embedded corpus: one SQLite file holding documents, units, references, provenance and runs.

WAL mode lets the app read while an ingest writes. Everything one file contributes (its
documents, units, references and index rows) is written in one transaction, so a failure
inside one file leaves the corpus exactly as it was before that file.
"""
from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import time
import urllib.parse
import zlib
from pathlib import Path
from typing import Iterable, Iterator, Optional

from maslihat.core.ids import NATIONAL_DOC_TYPES
from maslihat.core.model import Document, Quarantined, Reference, Unit
from maslihat.nlp.definitions import LEAD_CHARS, defined_term

from maslihat.corpus import store_sources
from maslihat.corpus.store_context import (  # noqa: F401  (re-exported: callers import them from here)
    ContextReads, _issued_by, chapeau, is_table_row)
from maslihat.corpus.store_rows import (  # noqa: F401  (re-exported: callers import them from here)
    _COMPACT, _DOC_COLS, _DOC_SELECT, _ENCODE, _FACT_SELECT, _REF_COLS, _REF_NOT_JSON, _REF_SELECT,
    _UNIT_SELECT, IN_CHUNK, _doc_json, _doc_row, _fact_row, _fact_slim, _json, _ref_row, _unit_json,
    _unit_row, _unzip, _zip, rows_in)
from maslihat.corpus.schema import _SCHEMA, SCHEMA_VERSION, UNITS_DOC  # noqa: F401  (re-exported)
from maslihat.corpus.store_errors import (  # noqa: F401  (re-exported: callers import them from here)
    StoreError, _fatal, is_disk_full, lock_wait_seconds, plain)

MODAL_CHARS = 500       # how much of a candidate's opening says whether it permits, forbids or obliges


PAGE_SIZE = 8192
# issue 14: an ingest run that at least doubled the corpus, by at least this many documents, ends
# with ``Store.compact`` (a bulk build's pages are left a fifth empty by keys arriving out of order)
COMPACT_MIN_DOCS = 1000

# the acts citations may name by title or short name (``catalog.national_acts``)
NATIONAL_TYPES = NATIONAL_DOC_TYPES
NATIONAL_SQL = "(" + ", ".join(f"'{t}'" for t in NATIONAL_TYPES) + ")"
ACT_IDS = "issuing body"      # how the corpus names its acts (``check_act_ids``): since 2026-12-07, by their body


def number_key(number: Optional[str]) -> Optional[str]:
    """Act numbers compared loosely: 'С-24/4', 'C-24/4', '№ с 24/4' -> 'с24/4'."""
    if not number:
        return None
    t = number.translate(str.maketrans("ABCEHKMOPTXYaceopxy", "АВСЕНКМОРТХУасеорху")).lower()
    return "".join(ch for ch in t if ch.isalnum() or ch == "/") or None


def as_of(doc: Document) -> Optional[str]:
    """The date an edition speaks for: its edition date (meta.yaml's version_date), else its latest
    amendment note, else its adoption. Amendments linked from an amending act found in the corpus
    ("from": "amending act") say nothing of which text this edition holds, so they do not count."""
    version = (doc.extra or {}).get("version_date")
    if version:
        return version
    dates = [a.get("date") for a in (doc.amendments or []) if a.get("date") and a.get("from") != "amending act"]
    return max(dates + ([doc.adopted_date] if doc.adopted_date else [])) if (dates or doc.adopted_date) else None


class Store(ContextReads):
    """``readonly``: for commands that only read (search, show, export ...): the corpus is opened
    with SQLite's read-only mode, so a read-only file (or one on a read-only disk) can still be
    searched, and a reader never creates a file or takes a write lock."""

    def __init__(self, path: str | os.PathLike, readonly: bool = False, timeout: float = 30,
                 on_wait=None):
        self.path = Path(path)
        self.readonly = readonly
        self.on_wait = on_wait    # callable(message): told once when a write waits for another writer
        self._source: Optional[tuple[str, bytes]] = None   # the last file's bytes put (packed with its documents)
        # counts the writes of this connection that may change which national acts are latest, or
        # their requisites (and rollbacks, which may undo what was read): ``catalog.NationalActs``
        # reads them again only when it moved (or another connection committed, ``PRAGMA data_version``)
        self.national_writes = 0
        try:
            if readonly:
                self.conn = self._open_readonly()
            else:
                if self.path.is_dir():
                    raise StoreError(f"{self.path}: is a folder, not a corpus file")
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self.conn = sqlite3.connect(str(self.path), timeout=min(timeout, 0.5), isolation_level=None,
                                            check_same_thread=False)
                self._when_unlocked(self._prepare)
            self._check_version()
        except StoreError:
            raise
        except sqlite3.Error as e:
            raise StoreError(f"{self.path}: cannot open the corpus: {plain(e)}") from e
        except OSError as e:
            raise StoreError(f"{self.path}: cannot create the corpus: {plain(e)}") from e

    def _prepare(self) -> None:
        # issue 14: a new file gets 8 KB pages (a document's JSON, text and index terms are rows of
        # 1-3 KB, which left a third of a 4 KB page empty); a file that exists keeps its own size
        self.conn.execute(f"PRAGMA page_size={PAGE_SIZE}")
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.execute("PRAGMA foreign_keys=ON")
        self.conn.executescript(_SCHEMA)
        if not self._units_by_id():         # a file made before: its units are found by units_doc
            self.conn.execute(UNITS_DOC)
        # who this corpus is (names its Elasticsearch index): made once, kept with the file
        self.conn.execute("INSERT OR IGNORE INTO meta VALUES ('corpus_id', lower(hex(randomblob(8))))")
        # a corpus that starts empty has the notions of all its units (every ingest writes them);
        # one written before they existed has them once ``maslihat reindex`` has run
        self.conn.execute("INSERT OR IGNORE INTO meta SELECT 'defines_complete', '1' "
                          "WHERE NOT EXISTS (SELECT 1 FROM documents)")
        self._slim_documents()
        store_sources.add_column(self.conn)
        if not self.conn.execute("SELECT 1 FROM meta WHERE key='search_spans'").fetchone():
            from maslihat.corpus.index.unit_store import slim_units   # numpy: only when it has work
            slim_units(self.conn, self.unit_places)
        from maslihat.corpus.lexicon import refresh_query_vocabulary, upgrade
        upgrade(self.conn)                      # a lexicon of the previous rule, once
        refresh_query_vocabulary(self.conn)     # words a newer maslihat's searches analyse, once

    def _slim_documents(self) -> None:
        """Issue 14: documents written before keep in their JSON the fields their columns hold;
        drop those keys (only where the JSON's value equals the column's, so every document reads
        back the same), once, in one transaction; the meta key says it was done."""
        if self.conn.execute("SELECT 1 FROM meta WHERE key='doc_json_slim'").fetchone():
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            last = -1
            while True:
                rows = self.conn.execute(
                    "SELECT rowid, data, " + ", ".join(_DOC_COLS) + " FROM documents WHERE rowid > ? "
                    "ORDER BY rowid LIMIT 2000", (last,)).fetchall()
                if not rows:
                    break
                last = rows[-1][0]
                updates = []
                for rowid, data, *cols in rows:
                    d = json.loads(data)
                    slim = {k: v for k, v in d.items()
                            if not (k in _DOC_COLS and v == cols[_DOC_COLS.index(k)])}
                    if len(slim) < len(d):
                        updates.append((_ENCODE(slim), rowid))
                self.conn.executemany("UPDATE documents SET data=? WHERE rowid=?", updates)
            self.conn.execute("INSERT OR IGNORE INTO meta VALUES ('doc_json_slim', '1')")
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    def _when_unlocked(self, fn) -> None:
        """``fn()``, retried while another writer holds the lock (up to ``lock_wait_seconds``)."""
        deadline = time.monotonic() + lock_wait_seconds()
        told = False
        while True:
            try:
                fn()
                return
            except sqlite3.OperationalError as e:
                if "locked" not in str(e).lower() and "busy" not in str(e).lower():
                    raise
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                if time.monotonic() >= deadline:
                    raise StoreError(f"{self.path}: another program is writing to the corpus; it held the "
                                     f"write lock for over {lock_wait_seconds():.0f} s: try again when it "
                                     f"has finished") from e
                if not told and self.on_wait is not None:
                    self.on_wait("another program is writing to the corpus: waiting for it ...")
                    told = True
                time.sleep(0.05)

    def _open_readonly(self) -> sqlite3.Connection:
        if not self.path.exists():
            raise StoreError(f"{self.path}: no corpus here")
        if self.path.is_dir():
            raise StoreError(f"{self.path}: is a folder, not a corpus file")
        uri = "file:" + urllib.parse.quote(str(self.path.resolve())) + "?mode=ro"
        try:
            conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError as e:
            if "readonly" not in str(e).lower() and "unable to open" not in str(e).lower():
                raise
            # WAL needs its -shm file beside the corpus; where nothing may be written there, read
            # the file as it is (nobody who can write it is around: we could not either)
            conn = sqlite3.connect(uri + "&immutable=1", uri=True, isolation_level=None,
                                   check_same_thread=False)
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        if not {"meta", "documents", "units"} <= names:
            raise StoreError(f"{self.path}: not a maslihat corpus (no corpus tables)")
        return conn

    def _check_version(self) -> None:
        row = self.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        if row is not None and int(row[0]) > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: corpus schema {row[0]} is newer than this maslihat ({SCHEMA_VERSION})")
        if not self.readonly and (row is None or int(row[0]) < SCHEMA_VERSION):   # migrated by _prepare
            self.conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))

    def check_act_ids(self) -> None:
        """Before an ingest: a corpus holding local acts named before their ids named the issuing body
        (``core.ids.issuer_key``, 2026-12-07) is not written to (the same acts would be stored again
        under other ids); any other corpus is marked as naming acts the current way."""
        row = self.conn.execute("SELECT value FROM meta WHERE key='act_ids'").fetchone()
        if row is not None and row[0] == ACT_IDS:
            return
        old = self.conn.execute(f"SELECT 1 FROM documents WHERE doc_type NOT IN {NATIONAL_SQL} "
                                "AND adopted_date IS NOT NULL AND number IS NOT NULL LIMIT 1").fetchone()
        if old is not None:
            from maslihat.corpus.store_errors import OLD_ACT_IDS
            raise StoreError(f"{self.path}: {OLD_ACT_IDS}")
        with self.transaction():
            self.conn.execute("INSERT OR REPLACE INTO meta VALUES ('act_ids', ?)", (ACT_IDS,))

    def close(self) -> None:
        self.conn.close()

    def corpus_id(self) -> Optional[str]:
        row = self.conn.execute("SELECT value FROM meta WHERE key='corpus_id'").fetchone()
        return row[0] if row else None

    def _begin(self) -> None:
        """BEGIN IMMEDIATE, waiting for another writer (an ingest, an upload) to finish its write.

        Writers hold the lock only while they write one file's rows (see ``transaction``), so
        the wait is short; ``on_wait`` is told once so a user sees why nothing moves."""
        self._when_unlocked(lambda: self.conn.execute("BEGIN IMMEDIATE"))

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All or nothing: the body's writes land together or not at all.

        Each transaction commits on its own, so the write lock is held only while one file's
        rows are written, never while files are read or parsed (a second writer waits
        milliseconds, not a batch). A failure of the disk or the file (full, I/O error, locked)
        becomes a ``StoreError`` with a plain cause after the rollback: the corpus keeps every
        earlier transaction and nothing of this one."""
        if self.conn.in_transaction:          # nested: a savepoint inside the caller's transaction
            self.conn.execute("SAVEPOINT store_tx")
            try:
                yield self.conn
            except BaseException as e:
                self.national_writes += 1
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK TO store_tx")
                    self.conn.execute("RELEASE store_tx")
                if _fatal(e):
                    raise self._wrap(e) from e
                raise
            else:
                self.conn.execute("RELEASE store_tx")
            return
        self._begin()
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except BaseException as e:
            self.national_writes += 1
            if self.conn.in_transaction:      # SQLite may have rolled back already (disk full)
                try:
                    self.conn.execute("ROLLBACK")
                except sqlite3.Error:
                    pass
            if _fatal(e):
                raise self._wrap(e) from e
            raise

    def _wrap(self, e: BaseException) -> BaseException:
        if isinstance(e, sqlite3.Error):
            err = StoreError(f"{self.path}: cannot write the corpus: {plain(e)}")
            err.disk_full = is_disk_full(e)
            return err
        return e

    @contextlib.contextmanager
    def batch(self) -> Iterator[sqlite3.Connection]:
        """Kept for callers that group transactions: each ``transaction()`` inside still commits
        on its own (holding the write lock across a batch made a second writer wait for the
        whole batch's parsing, and fail after 30 s)."""
        yield self.conn

    # runs and quarantine -------------------------------------------------------------
    def start_run(self, args: list[str]) -> int:
        with self.transaction():       # every write waits its turn (``_begin``), even a one-liner
            cur = self.conn.execute("INSERT INTO runs(started, args) VALUES (?, ?)",
                                    (time.strftime("%Y-%m-%dT%H:%M:%S"), json.dumps(args, ensure_ascii=False)))
        return int(cur.lastrowid)

    def finish_run(self, run_id: int, files: int, added: int, unchanged: int, versions: int, quarantined: int) -> None:
        with self.transaction():
            self.conn.execute("UPDATE runs SET finished=?, files=?, added=?, unchanged=?, versions=?, quarantined=? WHERE id=?",
                              (time.strftime("%Y-%m-%dT%H:%M:%S"), files, added, unchanged, versions, quarantined, run_id))

    def quarantine(self, item: Quarantined, run_id: Optional[int]) -> None:
        """One row per path: a file quarantined again replaces its earlier row (latest reason)."""
        with self.transaction():
            self.conn.execute("DELETE FROM quarantine WHERE path=?", (item.path,))
            self.conn.execute("INSERT INTO quarantine(path, reason, run_id, at) VALUES (?, ?, ?, ?)",
                              (item.path, item.reason, run_id, time.strftime("%Y-%m-%dT%H:%M:%S")))

    def clear_quarantine(self, path: str) -> None:
        """A file that now ingested (or is unchanged) is no longer quarantined."""
        if self.conn.execute("SELECT 1 FROM quarantine WHERE path=?", (path,)).fetchone():
            with self.transaction():
                self.conn.execute("DELETE FROM quarantine WHERE path=?", (path,))

    def quarantined(self, run_id: Optional[int] = None) -> list[Quarantined]:
        q = "SELECT path, reason FROM quarantine" + (" WHERE run_id=?" if run_id else "") + " ORDER BY id"
        return [Quarantined(p, r) for p, r in self.conn.execute(q, (run_id,) if run_id else ())]

    def runs(self) -> list[dict]:
        cur = self.conn.execute("SELECT * FROM runs ORDER BY id")
        cols = [c[0] for c in cur.description]
        return [dict(zip(cols, r)) for r in cur]

    # writing ---------------------------------------------------------------------------
    def has_content(self, content_hash: str) -> bool:
        return self.conn.execute("SELECT 1 FROM sources WHERE content_hash=?", (content_hash,)).fetchone() is not None

    def next_version(self, act_id: str, language: str) -> int:
        row = self.conn.execute("SELECT MAX(version) FROM documents WHERE act_id=? AND language=?",
                                (act_id, language)).fetchone()
        return (row[0] or 0) + 1

    def put_source(self, content_hash: str, source: str, raw: bytes, run_id: Optional[int],
                   packed_later: bool = False) -> None:
        """The file's bytes, zlib-compressed when that is smaller (``size`` is the raw length, so
        a stored blob shorter than ``size`` is compressed; rows written before were not); once the
        documents read from it are stored, compressed against their texts (``store_sources``).
        Level 4 (issue 14): level 4 takes 0.36 of level 6's CPU on the real files (29 against
        81 ms) for 8% more bytes in the rows that stay as they are (146 against 136 KB: second
        formats of one edition).

        ``packed_later``: the documents read from the file are stored next in this transaction,
        and ``store_sources.pack`` rewrites the row against their texts: the bytes go in as they
        are, and ``settle_source`` compresses them only if packing did not (issue 14: the level-4
        form was computed for every such file, 22 of 29 ms on the real files, and thrown away)."""
        packed = raw if packed_later else zlib.compress(raw, 4)
        self.conn.execute("INSERT OR IGNORE INTO sources (content_hash, source, size, run_id, raw) VALUES (?, ?, ?, ?, ?)",
                          (content_hash, source, len(raw), run_id, packed if len(packed) < len(raw) else raw))
        self._source = (content_hash, raw)

    def settle_source(self) -> None:
        """After ``put_source(..., packed_later=True)`` and the file's documents: the row that
        packing left as the bytes themselves is zlib-compressed at level 4, as ``put_source``
        would have stored it."""
        if self._source is None:
            return
        content_hash, raw = self._source
        row = self.conn.execute("SELECT size, length(raw) FROM sources WHERE content_hash = ? AND base IS NULL",
                                (content_hash,)).fetchone()
        if row is None or row[0] != len(raw) or row[1] != len(raw):
            return
        packed = zlib.compress(raw, 4)
        if len(packed) < len(raw):
            self.conn.execute("UPDATE sources SET raw = ? WHERE content_hash = ?", (packed, content_hash))

    def source_bytes(self, content_hash: str) -> Optional[bytes]:
        """The bytes of the file read with this hash, as they were."""
        return store_sources.read(self.conn, content_hash)

    def put_document(self, doc: Document, pair_key: Optional[str], run_id: Optional[int]) -> None:
        cur = self.conn.execute("UPDATE documents SET is_latest=0 WHERE act_id=? AND language=?", (doc.act_id, doc.language))
        if cur.rowcount or doc.doc_type in NATIONAL_TYPES or not doc.act_id:   # another edition, a national act
            self.national_writes += 1
        self.conn.execute(
            "INSERT OR REPLACE INTO documents VALUES (?,?,?,?,1,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (doc.id, doc.act_id, doc.language, doc.version, doc.source, doc.part, doc.content_hash, pair_key,
             doc.doc_type, doc.title, doc.issuer, doc.issuer_kind, doc.region, doc.adopted_date, doc.number,
             number_key(doc.number), doc.status, doc.parallel_id, as_of(doc), run_id, _doc_json(doc)))
        old = self.conn.execute("SELECT z FROM doc_texts WHERE document_id=?", (doc.id,)).fetchone()
        if old is not None and _unzip(old[0]) != doc.text:
            store_sources.detach(self.conn, doc.id)     # no file's bytes may rest on a text that goes
        self.conn.execute("INSERT OR REPLACE INTO doc_texts VALUES (?, ?)", (doc.id, _zip(doc.text)))
        self._put_amends(doc)
        if self._source is not None and self._source[0] == doc.content_hash:
            store_sources.pack(self.conn, *self._source)

    def _put_amends(self, doc: Document) -> None:
        self.conn.execute("DELETE FROM amends WHERE document_id=?", (doc.id,))
        if doc.amends:
            self.conn.executemany("INSERT INTO amends VALUES (?,?,?)",
                                  [(doc.id, a.get("date"), a.get("number")) for a in doc.amends])

    def put_units(self, units: Iterable[Unit]) -> None:
        # in key order (stable: of one id written twice the last still wins): fuller pages
        rows = sorted(((u.id, u.document_id, u.parent_id, u.kind, u.number, u.ordinal, u.parallel_id, _unit_json(u))
                       for u in units), key=lambda r: r[0])
        if any(not i.startswith(d + "/") for i, d, *_ in rows):
            self.conn.execute(UNITS_DOC)      # found by document id from now on, not by id prefix
        self.conn.executemany("INSERT OR REPLACE INTO units VALUES (?,?,?,?,?,?,?,?)", rows)

    def set_unit_parallels(self, pairs: list[tuple[Optional[str], str]]) -> None:
        """(parallel id, unit id): the aligned unit of each stored unit (a column only: a unit's
        JSON leaves its parallel id out)."""
        if pairs:
            self.conn.executemany("UPDATE units SET parallel_id=? WHERE id=?", pairs)

    def _units_by_id(self) -> bool:
        """The units table is keyed by id alone (issue 14, files made since): no rowid."""
        row = self.conn.execute("SELECT sql FROM sqlite_master WHERE type='table' AND name='units'").fetchone()
        return bool(row) and "WITHOUTROWID" in row[0].upper().replace(" ", "")

    def _of_doc(self, doc_id: str) -> tuple[str, tuple]:
        """WHERE clause and parameters of a document's units: by ``units_doc`` where the file has
        it; else by the range of ids that start with the document's id and '/' (every unit of
        such a file: ``put_units`` makes the index otherwise), read from the table's own key."""
        if self.conn.execute("SELECT 1 FROM sqlite_master WHERE type='index' AND name='units_doc'").fetchone():
            return "document_id=?", (doc_id,)
        return "id >= ? AND id < ? AND document_id=?", (doc_id + "/", doc_id + "0", doc_id)

    def put_references(self, refs: Iterable[Reference]) -> None:
        self.conn.executemany("INSERT OR REPLACE INTO refs VALUES (?,?,?,?,?,?,?,?,?,?)",
                              [(r.id, r.document_id, r.unit_id, r.kind, r.resolved_document_id, r.resolved_unit_id,
                                r.cited_act_key, (r.target or {}).get("date"), number_key((r.target or {}).get("number")),
                                _json(r, _REF_NOT_JSON, _COMPACT)) for r in refs])

    def _text_kept(self, doc: Document) -> None:
        """Before a document's JSON is rewritten without its text: a row written before
        ``doc_texts`` moves its text there (from the document given, else from its old JSON)."""
        if self.conn.execute("SELECT 1 FROM doc_texts WHERE document_id=?", (doc.id,)).fetchone():
            return
        text = doc.text
        if not text:
            row = self.conn.execute("SELECT json_extract(data, '$.text') FROM documents WHERE id=?", (doc.id,)).fetchone()
            text = (row[0] if row else None) or ""
        self.conn.execute("INSERT INTO doc_texts VALUES (?, ?)", (doc.id, _zip(text)))

    def update_document(self, doc: Document) -> None:
        """Rewrite a stored document's metadata (sources, links, requisites); its edition rank,
        units and references stay."""
        self._text_kept(doc)
        self.national_writes += 1
        self.conn.execute(
            "UPDATE documents SET doc_type=?, title=?, issuer=?, issuer_kind=?, region=?, adopted_date=?, "
            "number=?, number_key=?, status=?, parallel_id=?, as_of=?, data=? WHERE id=?",
            (doc.doc_type, doc.title, doc.issuer, doc.issuer_kind, doc.region, doc.adopted_date, doc.number,
             number_key(doc.number), doc.status, doc.parallel_id, as_of(doc), _doc_json(doc), doc.id))
        self._put_amends(doc)

    def source_of(self, content_hash: str) -> Optional[str]:
        row = self.conn.execute("SELECT source FROM sources WHERE content_hash=?", (content_hash,)).fetchone()
        return row[0] if row else None

    def documents_with_hash(self, content_hash: str) -> list[Document]:
        """Documents read from a file with these bytes (their first source or any other)."""
        return [_doc_row(r) for r in self.conn.execute(
            _DOC_SELECT + " WHERE d.content_hash=? OR instr(d.data, ?) > 0 ORDER BY d.id",
            (content_hash, content_hash))]

    def set_latest(self, act_id: str, language: str, doc_id: str) -> None:
        """Mark ``doc_id`` as the latest edition of (act, language)."""
        self.national_writes += 1
        self.conn.execute("UPDATE documents SET is_latest=(id=?) WHERE act_id=? AND language=?",
                          (doc_id, act_id, language))

    def is_latest(self, doc_id: str) -> bool:
        row = self.conn.execute("SELECT is_latest FROM documents WHERE id=?", (doc_id,)).fetchone()
        return bool(row and row[0])

    def _amends_indexed(self) -> None:
        """A corpus written before the ``amends`` table fills it once (one scan of the documents)."""
        if not self.conn.execute("SELECT 1 FROM meta WHERE key='amends_indexed'").fetchone():
            with self.transaction():
                for row in self.conn.execute(
                        _DOC_SELECT + " WHERE instr(d.data, '\"amends\": [{') > 0").fetchall():
                    self._put_amends(_doc_row(row))
                self.conn.execute("INSERT OR IGNORE INTO meta VALUES ('amends_indexed', '1')")

    def amending_of_run(self, run_id: int) -> list[str]:
        """Ids of the amending acts a run concerns: those it stored, and the latest stored ones that
        amend an act it stored (same date and number), through the ``amends`` table — no scan of
        every document's data (2.1 s of a one-file ingest at 100,000 documents), nothing held
        per document of the run."""
        self._amends_indexed()
        own = [r[0] for r in self.conn.execute(
            "SELECT DISTINCT a.document_id FROM amends a JOIN documents d ON d.id = a.document_id "
            "WHERE d.run_id = ? ORDER BY a.document_id", (run_id,))]
        seen = set(own)
        other = [r[0] for r in self.conn.execute(
            "SELECT DISTINCT a.document_id FROM documents n CROSS JOIN amends a ON a.target_date = n.adopted_date "
            "JOIN documents d ON d.id = a.document_id "
            "WHERE n.run_id = ? AND n.number IS NOT NULL AND a.target_number = n.number AND d.is_latest = 1 "
            "ORDER BY a.document_id", (run_id,)) if r[0] not in seen]
        return own + other

    def run_keys(self, run_id: int, chunk: int = 2000) -> Iterable[list[tuple[str, str]]]:
        """The (date, number) of the documents a run stored, a chunk at a time (by rowid)."""
        last = -1
        while True:
            rows = self.conn.execute(
                "SELECT rowid, adopted_date, number FROM documents WHERE run_id = ? AND rowid > ? "
                "AND adopted_date IS NOT NULL AND number IS NOT NULL ORDER BY rowid LIMIT ?",
                (run_id, last, chunk)).fetchall()
            if not rows:
                return
            last = rows[-1][0]
            yield list(dict.fromkeys((r[1], r[2]) for r in rows))

    def run_rows(self, run_id: int, doc_types: Optional[Iterable[str]] = None) -> list[tuple]:
        """(id, act_id, doc_type, adopted_date, number, title) of a run's documents, of these types."""
        q, p = ("SELECT id, act_id, doc_type, adopted_date, number, title FROM documents WHERE run_id = ?",
                [run_id])
        if doc_types is not None:
            types = list(doc_types)
            q += f" AND doc_type IN ({','.join('?' * len(types))})"
            p += types
        return self.conn.execute(q + " ORDER BY rowid", p).fetchall()

    def run_acts(self, run_id: int) -> int:
        return self.conn.execute("SELECT COUNT(DISTINCT act_id) FROM documents WHERE run_id = ?",
                                 (run_id,)).fetchone()[0]

    def put_facts(self, doc_id: str, facts: Iterable[dict]) -> None:
        """The facts of one document (``Fact.to_json()`` dicts), replacing what it had."""
        self.conn.execute("DELETE FROM facts WHERE document_id=?", (doc_id,))
        rows = []
        for f in facts:
            cols = (f["id"], doc_id, f.get("unit_id"), f["kind"], f.get("subject"), f.get("language"), f.get("value"))
            rows.append(cols + (_COMPACT(_fact_slim(f, cols)),))
        self.conn.executemany("INSERT OR REPLACE INTO facts VALUES (?,?,?,?,?,?,?,?)", rows)
        self.conn.execute("INSERT OR IGNORE INTO facts_done VALUES (?)", (doc_id,))

    def fact_rows(self, where: str = "", params: tuple = ()) -> list[dict]:
        """Facts of the latest editions, filtered by an SQL condition on ``facts`` (f) / ``documents`` (d)."""
        q = (_FACT_SELECT + " FROM facts f JOIN documents d ON d.id = f.document_id WHERE d.is_latest=1"
             + (f" AND {where}" if where else "") + " ORDER BY d.act_id, d.language, f.document_id")
        try:
            return [_fact_row(r) for r in self.conn.execute(q, params)]
        except sqlite3.OperationalError as e:      # a corpus from before facts, opened read-only
            if "no such table" in str(e):
                return []
            raise

    def facts_of(self, doc_id: str) -> list[dict]:
        """The stored facts of one document, in the order they were written."""
        return [_fact_row(r) for r in self.conn.execute(
            _FACT_SELECT + " FROM facts f WHERE f.document_id=? ORDER BY f.rowid", (doc_id,))]

    def facts_missing(self) -> list[str]:
        """Latest documents whose facts were never extracted (a corpus built before facts existed).

        Once none is missing the corpus says so (``facts_complete``: every ingest writes the facts
        of what it adds), and later processes skip the scan (0.26 s at 100,000 documents, paid by
        every fresh process's first search)."""
        try:
            if self.conn.execute("SELECT 1 FROM meta WHERE key='facts_complete'").fetchone():
                return []
            return [r[0] for r in self.conn.execute(
                "SELECT id FROM documents WHERE is_latest=1 AND id NOT IN (SELECT document_id FROM facts_done)")]
        except sqlite3.OperationalError as e:
            if "no such table" in str(e):
                return [r[0] for r in self.conn.execute("SELECT id FROM documents WHERE is_latest=1")]
            raise

    def mark_facts_complete(self) -> None:
        self.conn.execute("INSERT OR IGNORE INTO meta VALUES ('facts_complete', '1')")

    def set_parallel(self, doc_a: str, doc_b: str, both: bool = True) -> None:
        """``doc_a`` and ``doc_b`` are each other's language version (``both=False``: ``doc_a``'s
        row only, when ``doc_b`` was just written with ``doc_a`` as its partner)."""
        for a, b in ((doc_a, doc_b), (doc_b, doc_a)) if both else ((doc_a, doc_b),):
            doc = self.document(a)
            if doc is not None:
                doc.parallel_id = b
                self._text_kept(doc)
                self.conn.execute("UPDATE documents SET parallel_id=?, data=? WHERE id=?", (b, _doc_json(doc), a))

    # reading ---------------------------------------------------------------------------
    def document(self, doc_id: str) -> Optional[Document]:
        row = self.conn.execute(_DOC_SELECT + " WHERE d.id=?", (doc_id,)).fetchone()
        return _doc_row(row) if row else None

    def documents(self, latest_only: bool = True, where: str = "", params: tuple = ()) -> list[Document]:
        q = _DOC_SELECT + " WHERE 1=1" + (" AND d.is_latest=1" if latest_only else "")
        q += (f" AND {where}" if where else "") + " ORDER BY d.act_id, d.language, d.version"
        return [_doc_row(r) for r in self.conn.execute(q, params)]

    def latest_of_act(self, act_id: str) -> list[tuple[str, str]]:
        """(id, language) of an act's latest documents, one per language (no text read)."""
        return list(self.conn.execute("SELECT id, language FROM documents WHERE act_id=? AND is_latest=1 "
                                      "ORDER BY language", (act_id,)))

    def document_rows(self, latest_only: bool = True, ids: Optional[Iterable[str]] = None) -> list[dict]:
        """Document metadata without the (large) text, for listings; only ``ids`` when given (the
        documents of one page of hits: a page does not read the whole table)."""
        cols = ("id", "act_id", "language", "version", "is_latest", "source", "part", "doc_type", "title", "issuer",
                "issuer_kind", "region", "adopted_date", "number", "status", "parallel_id", "as_of")
        order = " ORDER BY adopted_date IS NULL, adopted_date, act_id, language"
        if ids is None:
            q = f"SELECT {', '.join(cols)} FROM documents" + (" WHERE is_latest=1" if latest_only else "") + order
            return [dict(zip(cols, r)) for r in self.conn.execute(q)]
        q = (f"SELECT {', '.join(cols)} FROM documents WHERE id IN ({{ids}})"
             + (" AND is_latest=1" if latest_only else ""))
        return [dict(zip(cols, r)) for r in rows_in(self.conn, q, dict.fromkeys(ids))]

    def parents(self, unit_ids: list[str]) -> dict[str, str]:
        """{unit id: its parent's id} of these units (those with a parent)."""
        return dict(rows_in(self.conn, "SELECT id, parent_id FROM units WHERE id IN ({ids}) AND parent_id IS NOT NULL",
                            unit_ids))

    def parallels(self, unit_ids: list[str]) -> dict[str, str]:
        """{unit id: the id of its aligned provision in the other language} of these units (those
        aligned; ``scoring.PARALLEL``: a query matched in one language ranks that provision)."""
        return dict(rows_in(self.conn, "SELECT id, parallel_id FROM units WHERE id IN ({ids}) AND parallel_id IS NOT NULL",
                            unit_ids))

    def put_defines(self, doc: Document, units: Iterable[Unit]) -> None:
        """The notions ``doc``'s units define («2) анонимное обращение – …», ``nlp.definitions``),
        kept so that a definition question finds them among its candidates without reading texts."""
        rows = []
        for u in units:
            notion = defined_term(doc.text[u.start:min(u.end, u.start + LEAD_CHARS)])
            if notion:
                rows.append((u.id, doc.id, doc.language, notion))
        # by the range of unit ids the document's own (``_of_doc``): ``document_id`` alone has no
        # index, and scanning the table for every document stored grew with the corpus (issue 14)
        where, args = self._of_doc(doc.id)
        self.conn.execute("DELETE FROM defines WHERE " + where.replace("id >= ? AND id < ?", "unit_id >= ? AND unit_id < ?"),
                          args)
        self.conn.executemany("INSERT OR REPLACE INTO defines VALUES (?,?,?,?)", rows)

    def mark_defines_complete(self) -> None:
        self.conn.execute("INSERT OR IGNORE INTO meta VALUES ('defines_complete', '1')")

    def document_count(self) -> int:
        return self.conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]

    def compact(self) -> bool:
        """Issue 14: the file rewritten without the room its pages keep free (``VACUUM``), then the
        write-ahead log emptied. Rows, their order, rowids of every table that names its own (the
        index's) and the index generation stay what they were, so every answer, kept snapshot and
        reader stays valid; only pages move. A bulk ingest leaves a fifth of the units' and
        indexes' pages empty (ids arrive in no key order); this gives it back (−6.6% of the file
        at 10,000 generated files, 1.6 s). Not done, and False, when the file is read-only or
        another writer or an open statement holds it (nothing is lost: the room is reused by later
        writes). It needs free space for a copy of the file (SQLite's temporary directory) and,
        for the moment, a log as large as the file."""
        if self.readonly or self.conn.in_transaction:
            return False
        try:
            self.conn.execute("VACUUM")
        except sqlite3.OperationalError:       # busy or locked: another writer, an unfinished read
            return False
        try:
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        except sqlite3.OperationalError:
            pass
        return True

    def has_documents(self) -> bool:
        return self.conn.execute("SELECT 1 FROM documents LIMIT 1").fetchone() is not None

    def versions(self, act_id: str, language: str) -> list[dict]:
        cur = self.conn.execute("SELECT id, version, is_latest, as_of, content_hash, source FROM documents "
                                "WHERE act_id=? AND language=? ORDER BY as_of IS NULL, as_of, version",
                                (act_id, language))
        cols = [c[0] for c in cur.description]
        return [dict(zip(cols, r)) for r in cur]

    def find_documents(self, adopted_date: Optional[str], number: Optional[str], language: Optional[str] = None) -> list[str]:
        q, p = "SELECT id FROM documents WHERE is_latest=1", []
        if adopted_date:
            q += " AND adopted_date=?"
            p.append(adopted_date)
        if number:
            q += " AND number_key=?"
            p.append(number_key(number))
        if language:
            q += " AND language=?"
            p.append(language)
        if len(p) < (2 if language else 1):
            return []
        found = [r[0] for r in self.conn.execute(q, p)]
        if not found and adopted_date and number:
            # a joint act cited by its second act's number («решение маслихата … № 41-5» of the akimat's
            # «№ 210 и решение … № 41-5»): the acts of that date only (the date index), their requisite's second act
            key = number_key(number)
            q2 = ("SELECT id, json_extract(data, '$.extra.joint.number') FROM documents WHERE is_latest=1 "
                  "AND adopted_date=? AND json_extract(data, '$.extra.joint.number') IS NOT NULL")
            p2 = [adopted_date]
            if language:
                q2 += " AND language=?"
                p2.append(language)
            found = [i for i, n in self.conn.execute(q2, p2) if number_key(n) == key]
        return found

    def by_pair_key(self, key: str) -> list[Document]:
        return [_doc_row(r) for r in
                self.conn.execute(_DOC_SELECT + " WHERE d.pair_key=? AND d.is_latest=1", (key,))]

    def units(self, doc_id: str) -> list[Unit]:
        where, args = self._of_doc(doc_id)
        return [_unit_row(r) for r in self.conn.execute(_UNIT_SELECT + f" WHERE {where} ORDER BY ordinal", args)]

    def unit_places(self, doc_id: str) -> list[Unit]:
        """The units of a document with their place only (id, kind, parent, ordinal, start, end;
        no label, heading or competencies): what the search index's spans are computed from,
        read without parsing each unit's JSON."""
        where, args = self._of_doc(doc_id)
        return [Unit(id=i, document_id=doc_id, kind=k, start=s, end=e, label="", parent_id=p, ordinal=o or 0)
                for i, k, p, o, s, e in self.conn.execute(
                    "SELECT id, kind, parent_id, ordinal, json_extract(data, '$.start'), json_extract(data, '$.end') "
                    f"FROM units WHERE {where} ORDER BY ordinal", args)]

    def unit(self, unit_id: str) -> Optional[Unit]:
        row = self.conn.execute(_UNIT_SELECT + " WHERE id=?", (unit_id,)).fetchone()
        return _unit_row(row) if row else None

    def references(self, doc_id: Optional[str] = None, unit_id: Optional[str] = None) -> list[Reference]:
        if unit_id:
            cur = self.conn.execute(_REF_SELECT + " WHERE unit_id=?", (unit_id,))
        elif doc_id:
            cur = self.conn.execute(_REF_SELECT + " WHERE document_id=?", (doc_id,))
        else:
            cur = self.conn.execute(_REF_SELECT + " ORDER BY document_id")
        return sorted((_ref_row(r) for r in cur), key=lambda r: (r.document_id, r.start))

    def backlinks(self, doc_id: Optional[str] = None, unit_id: Optional[str] = None) -> list[Reference]:
        if unit_id:
            cur = self.conn.execute(_REF_SELECT + " WHERE resolved_unit_id=?", (unit_id,))
        else:
            cur = self.conn.execute(_REF_SELECT + " WHERE resolved_document_id=?", (doc_id,))
        return sorted((_ref_row(r) for r in cur), key=lambda r: (r.document_id, r.start))

    def unresolved_citing(self, adopted_date: Optional[str], number: Optional[str]) -> list[Reference]:
        """External references still unresolved whose target names this date and number."""
        return [_ref_row(r) for r in self.conn.execute(
            _REF_SELECT + " WHERE kind='external' AND resolved_document_id IS NULL "
            "AND target_date IS ? AND target_number IS ?", (adopted_date, number_key(number)))]

    def find_by_title(self, title: str, language: Optional[str] = None) -> list[str]:
        q = "SELECT id FROM documents WHERE is_latest=1 AND lower(title)=lower(?)" + (" AND language=?" if language else "")
        return [r[0] for r in self.conn.execute(q, (title, language) if language else (title,))]

    def cited_acts(self, limit: int = 20) -> list[dict]:
        # each act's target as its first reference by id states it (MIN(data) picked that one
        # while a reference's JSON began with its id; the JSON no longer holds the id)
        rows = self.conn.execute(
            "SELECT cited_act_key, COUNT(*), COUNT(DISTINCT document_id), MAX(resolved_document_id), MIN(id) "
            "FROM refs WHERE cited_act_key IS NOT NULL AND kind='external' "
            "GROUP BY cited_act_key ORDER BY COUNT(*) DESC LIMIT ?", (limit,)).fetchall()
        first = [r[4] for r in rows]
        data = dict(self.conn.execute(f"SELECT id, data FROM refs WHERE id IN ({','.join('?' * len(first))})",
                                      first).fetchall()) if first else {}
        return [{"key": key, "citations": n, "citing_documents": ndocs, "resolved_document_id": resolved,
                 "target": json.loads(data[rid]).get("target", {})} for key, n, ndocs, resolved, rid in rows]

    def citation_edges(self, keys: list[str]) -> list[tuple[str, str, int]]:
        """(citing document, cited act key, how many references) for the given cited acts."""
        if not keys:
            return []
        marks = ",".join("?" * len(keys))
        return [tuple(r) for r in self.conn.execute(
            f"SELECT r.document_id, r.cited_act_key, COUNT(*) FROM refs r JOIN documents d ON d.id = r.document_id "
            f"WHERE d.is_latest=1 AND r.kind='external' AND r.cited_act_key IN ({marks}) "
            f"GROUP BY r.document_id, r.cited_act_key ORDER BY r.document_id, r.cited_act_key", keys)]

    def counts(self) -> dict:
        one = lambda q: self.conn.execute(q).fetchone()[0]  # noqa: E731
        return {"documents": one("SELECT COUNT(*) FROM documents WHERE is_latest=1"),
                "editions": one("SELECT COUNT(*) FROM documents"),
                "units": one("SELECT COUNT(*) FROM units"),
                "references": one("SELECT COUNT(*) FROM refs"),
                "quarantined": one("SELECT COUNT(*) FROM quarantine")}
