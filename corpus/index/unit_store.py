"""How the embedded index stores what it does not search: each text kept once (issue 14).

A unit's row (``search_units``) holds no copy of its text when the corpus file holds its
document's text as it was indexed (``doc_texts``): it holds where the text lies in it, the spans of
``rows.own_spans`` in bytes of the UTF-8 text, as "start length [gap length ...]" (each number from
the end of the one before); ``Texts`` cuts a page's texts from their documents again. Elsewhere
(an index on a connection of its own, a document stored with another text) the row keeps the
text, compressed by ``pack``. ``search_fts`` is contentless: each unit's terms are kept once, for
FTS5's 'delete' command: a document's together in ``search_docs.unit_terms`` (one line per unit, in
rowid order; files made since schema 3), else in each unit's ``search_units.terms``
(``doc_unit_terms`` reads both). ``slim_units`` rebuilds a file of the earlier layout once.
"""
from __future__ import annotations

import sqlite3
import threading
import zlib
from collections import OrderedDict
from typing import Optional

import numpy as np

from maslihat.corpus.index.rows import join_parts, spans_by_unit

UNITS_COLUMNS = """(
  rowid INTEGER PRIMARY KEY, unit_id TEXT NOT NULL, doc_rowid INTEGER NOT NULL,
  kind TEXT, label TEXT, ordinal INTEGER, text TEXT, nterms INTEGER, spans TEXT, terms TEXT)"""
UNITS_INDEX = "CREATE INDEX IF NOT EXISTS search_units_facets ON search_units(doc_rowid, ordinal, kind, nterms)"
BUMP = ("INSERT OR REPLACE INTO search_meta (key, value) "
        "VALUES ('generation', lower(hex(randomblob(8))))")
TEXT_CACHE_BYTES = 4_000_000   # documents' decompressed UTF-8 (prefixes) kept for the next pages' texts


def contentless(conn: sqlite3.Connection) -> bool:
    """Issue 14: ``search_fts`` keeps no copy of the terms it indexes (``content=''``); each unit's
    terms are kept once, in ``search_units.terms`` (compressed by ``pack``), which is what deleting
    its FTS5 row needs (FTS5's 'delete' command takes the values the row was indexed with). A file
    of the earlier layout keeps its FTS5 table with its content, and FTS5 deletes by rowid."""
    row = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'search_fts'").fetchone()
    return bool(row) and "content=''" in row[0].replace(" ", "")



def pack(text: Optional[str]):
    """A unit's text as stored: zlib-compressed bytes when that is at least a fifth smaller (most
    provisions), else the text itself (issue 14: the unit texts were a seventh of a corpus file)."""
    if not text:
        return text
    raw = text.encode("utf-8")
    z = zlib.compress(raw, 6)
    return z if len(z) * 5 <= len(raw) * 4 else text


def unpack(value) -> str:
    """What ``pack`` stored (rows written before were plain text)."""
    if isinstance(value, bytes):
        return zlib.decompress(value).decode("utf-8")
    return value or ""


def utf8_offsets(text: str) -> np.ndarray:
    """Per character position of ``text`` (and its end): the byte offset in ``text``'s UTF-8."""
    cp = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    size = 1 + (cp >= 0x80) + (cp >= 0x800) + (cp >= 0x10000)
    out = np.zeros(len(cp) + 1, dtype=np.int64)
    np.cumsum(size, out=out[1:])
    return out


def spans_code(spans: list[tuple[int, int]]) -> str:
    out, pos = [], 0
    for s, e in spans:
        out += [s - pos, e - s]
        pos = e
    return " ".join(map(str, out))


def spans_of(code: str) -> list[tuple[int, int]]:
    nums = [int(x) for x in code.split()]
    spans, pos = [], 0
    for k in range(0, len(nums) - 1, 2):
        s = pos + nums[k]
        pos = s + nums[k + 1]
        spans.append((s, pos))
    return spans


def unit_texts(conn: sqlite3.Connection) -> dict[str, str]:
    """{unit id: its row's own text} of every indexed unit, rows of either layout (for benches and
    checks that read the whole index: each document's text decompressed once)."""
    has_spans = "spans" in {r[1] for r in conn.execute("PRAGMA table_info(search_units)")}
    out: dict[str, str] = {}
    doc, raw = None, b""
    for uid, did, text, code in conn.execute(
            "SELECT u.unit_id, d.document_id, u.text, " + ("u.spans" if has_spans else "NULL")
            + " FROM search_units u JOIN search_docs d ON d.rowid = u.doc_rowid ORDER BY u.doc_rowid, u.rowid"):
        if text is not None or code is None:
            out[uid] = unpack(text)
            continue
        if did != doc:
            row = conn.execute("SELECT z FROM doc_texts WHERE document_id = ?", (did,)).fetchone()
            doc, raw = did, zlib.decompress(row[0]) if row else b""
        out[uid] = join_parts(raw[s:e].decode("utf-8") for s, e in spans_of(code))
    return out


def slim_units(conn: sqlite3.Connection, units_of) -> None:
    """Issue 14, once per corpus file, when it is opened for writing: ``search_units`` of the
    earlier layout (each row's text, ``unit_id`` UNIQUE) rebuilt in the new one (spans into the
    document's text, no unique index), in one transaction. A row keeps its text unless the text
    cut from ``doc_texts`` by its unit's spans (``units_of(document id)``) is the same string,
    so every search and snippet reads the same; rowids stay, so FTS5, the competency rows and
    the kept snapshots stay valid. ``meta.search_spans`` marks it done; the generation changes,
    so readers of other connections pick the new layout up."""
    if conn.execute("SELECT 1 FROM meta WHERE key = 'search_spans'").fetchone():
        return
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    conn.execute("BEGIN IMMEDIATE")
    try:
        if "search_units" in names and "doc_texts" in names:
            _rebuild_units(conn, units_of)
        conn.execute("INSERT OR IGNORE INTO meta VALUES ('search_spans', '1')")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _rebuild_units(conn: sqlite3.Connection, units_of) -> None:
    have = {r[1] for r in conn.execute("PRAGMA table_info(search_units)")}
    names = ("rowid", "unit_id", "doc_rowid", "kind", "label", "ordinal", "text", "nterms", "spans", "terms")
    cols = ", ".join(names)
    old = ", ".join(n if n in have or n == "rowid" else "NULL" for n in names)   # older tables lack some
    conn.execute("DROP TABLE IF EXISTS search_units_new")
    conn.execute(f"CREATE TABLE search_units_new {UNITS_COLUMNS}")
    for doc_rowid, did in conn.execute("SELECT rowid, document_id FROM search_docs ORDER BY rowid").fetchall():
        rows = conn.execute(f"SELECT {old} FROM search_units WHERE doc_rowid = ? ORDER BY rowid",
                            (doc_rowid,)).fetchall()
        if not rows:
            continue
        z = conn.execute("SELECT z FROM doc_texts WHERE document_id = ?", (did,)).fetchone()
        spans, raw, offsets = {}, b"", None
        if z is not None and any(r[6] is not None for r in rows):
            spans = spans_by_unit(units_of(did))
            raw = zlib.decompress(z[0])
            offsets = utf8_offsets(raw.decode("utf-8"))
        out = []
        for r in rows:
            r = list(r)
            if r[6] is not None and r[1] in spans:
                b = [(int(offsets[s]), int(offsets[e])) for s, e in spans[r[1]]]
                if join_parts(raw[s:e].decode("utf-8") for s, e in b) == unpack(r[6]):
                    r[6], r[8] = None, spans_code(b)
            out.append(r)
        conn.executemany(f"INSERT INTO search_units_new ({cols}) VALUES (?,?,?,?,?,?,?,?,?,?)", out)
    # rows whose document left search_docs (none should) go over as they are
    conn.execute(f"INSERT INTO search_units_new ({cols}) SELECT {old} FROM search_units "
                 "WHERE doc_rowid NOT IN (SELECT rowid FROM search_docs)")
    conn.execute("DROP TABLE search_units")
    conn.execute("ALTER TABLE search_units_new RENAME TO search_units")
    conn.execute(UNITS_INDEX)
    if "search_meta" in {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}:
        conn.execute(BUMP)


def doc_unit_terms(conn: sqlite3.Connection, doc_rowid: int) -> list[tuple[int, Optional[str]]]:
    """[(rowid, the terms its FTS5 row was indexed with)] of one document's units, in rowid order:
    kept together in ``search_docs.unit_terms`` (one line per unit) or, in rows written before
    (or a document whose terms hold a line break), in each unit's ``terms``; None where neither."""
    rows = conn.execute("SELECT rowid, terms FROM search_units WHERE doc_rowid = ? ORDER BY rowid",
                        (doc_rowid,)).fetchall()
    has = "unit_terms" in {r[1] for r in conn.execute("PRAGMA table_info(search_docs)")}
    blob = conn.execute("SELECT unit_terms FROM search_docs WHERE rowid = ?", (doc_rowid,)).fetchone() if has else None
    if blob is not None and blob[0] is not None:
        lines = zlib.decompress(blob[0]).decode("utf-8").split("\n")
        if len(lines) != len(rows):
            raise sqlite3.IntegrityError(f"search_docs {doc_rowid}: {len(lines)} lines of terms for {len(rows)} units")
        return [(rid, t) for (rid, _), t in zip(rows, lines)]
    return [(rid, unpack(t) if t is not None else None) for rid, t in rows]


def stored_terms(conn: sqlite3.Connection) -> dict[str, str]:
    """{unit id: the terms its FTS5 row indexes} of every indexed unit, either layout."""
    if contentless(conn):
        uid = dict(conn.execute("SELECT rowid, unit_id FROM search_units"))
        return {uid[rid]: t or "" for (d,) in conn.execute("SELECT rowid FROM search_docs").fetchall()
                for rid, t in doc_unit_terms(conn, d) if rid in uid} | {
            u: unpack(t) for u, t in conn.execute("SELECT unit_id, terms FROM search_units WHERE doc_rowid NOT IN "
                                                 "(SELECT rowid FROM search_docs)")}
    return dict(conn.execute("SELECT u.unit_id, f.terms FROM search_units u JOIN search_fts f ON f.rowid = u.rowid"))

class Texts:
    """A page's unit texts: what a row holds, else cut from its document's text by its spans,
    each document read once and decompressed only as far as the page's last span in it; the
    prefixes are kept (``TEXT_CACHE_BYTES``, least recently used out) per index generation."""

    def __init__(self):
        self._lock = threading.Lock()
        self._raw: OrderedDict = OrderedDict()   # (generation, document id) -> decompressed prefix
        self._bytes = 0

    def fill(self, conn: sqlite3.Connection, rows, gen) -> None:
        """Each row's ``text`` from its ``text`` and ``spans`` (the latter taken out of the row)."""
        need: dict[str, int] = {}
        for r in rows:
            code = r.pop("spans")
            r["spans"] = spans_of(code) if r["text"] is None and code is not None else None
            if r["spans"]:
                did = r["document_id"]
                need[did] = max(need.get(did, 0), r["spans"][-1][1])
        raw = self._cached(gen, need)
        docs = [d for d in need if d not in raw]
        for k in range(0, len(docs), 500):
            part = docs[k:k + 500]
            for did, z in conn.execute(f"SELECT document_id, z FROM doc_texts WHERE document_id IN "
                                       f"({','.join('?' * len(part))})", part):
                raw[did] = zlib.decompressobj().decompress(z, need[did])
                self._keep(gen, did, raw[did])
        for r in rows:
            spans = r.pop("spans")
            if spans is None:
                r["text"] = unpack(r["text"])
            else:
                b = raw.get(r["document_id"], b"")
                r["text"] = join_parts(b[s:e].decode("utf-8") for s, e in spans)

    def _cached(self, gen, need: dict[str, int]) -> dict[str, bytes]:
        """The kept prefixes of this generation that reach as far as ``need`` asks."""
        out = {}
        with self._lock:
            for did, n in need.items():
                b = self._raw.get((gen, did))
                if b is not None and len(b) >= n:
                    self._raw.move_to_end((gen, did))
                    out[did] = b
        return out

    def _keep(self, gen, did: str, b: bytes) -> None:
        if gen is None or len(b) > TEXT_CACHE_BYTES // 4:
            return
        with self._lock:
            old = self._raw.pop((gen, did), None)
            self._bytes += len(b) - (len(old) if old is not None else 0)
            self._raw[(gen, did)] = b
            while self._bytes > TEXT_CACHE_BYTES:
                _, dropped = self._raw.popitem(last=False)
                self._bytes -= len(dropped)
