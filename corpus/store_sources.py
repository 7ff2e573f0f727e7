"""How the corpus file keeps the bytes of the files it read (``sources``; issue 14).

A file's bytes are mostly the text of the documents read from it, which ``doc_texts`` already
holds. So once those documents are stored (same transaction), the bytes are compressed again with
their normalised texts as zlib's preset dictionary (``zdict``, the last 32 KB of their UTF-8
texts, in the order of ``base``): what is left is the markup, the blanks normalisation changed
and whatever the documents do not hold. ``sources.base`` names those documents (a JSON list of
ids); a row whose ``base`` is NULL holds the bytes as before (zlib-compressed when shorter than
``size``). The packed form is kept only when it decompresses to the very bytes and is smaller.

A document's text is never deleted; when a document's text is replaced by another (the same id
written again with a different text), the rows built on it get their bytes back whole first
(``detach``), so no row ever depends on a text the file no longer holds.
"""
from __future__ import annotations

import json
import sqlite3
import zlib
from typing import Optional

WINDOW = 32768          # zlib's window: the most of a dictionary it can use
# zlib level of the packed form (issue 14): 3 takes a third of level 6's CPU on the real files
# (21 against 63 ms for 2.1 MB; 6 took 0.4 of 9's) for 24% more bytes (0.346 against 0.279 MB;
# level 4 gives 0.357 for the same CPU, 1 gives 0.470 for 15 ms); what is read is the same
LEVEL = 3


def has_base(conn: sqlite3.Connection) -> bool:
    return "base" in {r[1] for r in conn.execute("PRAGMA table_info(sources)")}


def add_column(conn: sqlite3.Connection) -> None:
    """A file of the earlier layout (opened for writing) gets the column; its rows stay as they are."""
    if not has_base(conn):
        conn.execute("ALTER TABLE sources ADD COLUMN base TEXT")


def _dictionary(conn: sqlite3.Connection, ids: list[str]) -> Optional[bytes]:
    texts = dict(conn.execute(f"SELECT document_id, z FROM doc_texts WHERE document_id IN "
                              f"({','.join('?' * len(ids))})", ids).fetchall()) if ids else {}
    if len(texts) != len(ids):
        return None
    return b"".join(zlib.decompress(texts[i]) for i in ids)[-WINDOW:]


def pack(conn: sqlite3.Connection, content_hash: str, raw: bytes) -> None:
    """Rewrite the row of ``content_hash`` (bytes ``raw``) against the texts of the documents
    read from it that are stored now (``documents.content_hash``), when that is smaller."""
    ids = [r[0] for r in conn.execute("SELECT id FROM documents WHERE content_hash = ? ORDER BY id",
                                      (content_hash,))]
    row = conn.execute("SELECT size, length(raw) FROM sources WHERE content_hash = ?", (content_hash,)).fetchone()
    if not ids or row is None or row[0] != len(raw):
        return
    zdict = _dictionary(conn, ids)
    if not zdict:
        return
    co = zlib.compressobj(LEVEL, zlib.DEFLATED, 15, 9, zlib.Z_DEFAULT_STRATEGY, zdict)
    z = co.compress(raw) + co.flush()
    if len(z) >= (row[1] or 0) or _inflate(z, zdict) != raw:
        return
    conn.execute("UPDATE sources SET raw = ?, base = ? WHERE content_hash = ?",
                 (z, json.dumps(ids, ensure_ascii=False), content_hash))


def _inflate(z: bytes, zdict: bytes) -> bytes:
    d = zlib.decompressobj(15, zdict)
    return d.decompress(z) + d.flush()


def read(conn: sqlite3.Connection, content_hash: str) -> Optional[bytes]:
    """The bytes of the file read with this hash, as they were (either form)."""
    base = ", base" if has_base(conn) else ", NULL"
    row = conn.execute(f"SELECT size, raw{base} FROM sources WHERE content_hash = ?", (content_hash,)).fetchone()
    if row is None or row[1] is None:
        return None
    size, blob, ids = row[0], bytes(row[1]), row[2]
    if ids is not None:
        zdict = _dictionary(conn, json.loads(ids))
        if zdict is None:
            raise sqlite3.IntegrityError(f"sources {content_hash}: a document it was packed with is gone")
        return _inflate(blob, zdict)
    return zlib.decompress(blob) if size is not None and len(blob) < size else blob


def detach(conn: sqlite3.Connection, document_id: str) -> None:
    """Before ``document_id``'s text is replaced: every row packed against it holds its bytes whole
    again (zlib alone, as rows of the earlier form)."""
    if not has_base(conn):
        return
    for h, ids in conn.execute("SELECT content_hash, base FROM sources WHERE base IS NOT NULL "
                               "AND instr(base, ?) > 0", (json.dumps(document_id, ensure_ascii=False),)).fetchall():
        if document_id not in json.loads(ids):
            continue
        raw = read(conn, h)
        z = zlib.compress(raw, 6)
        conn.execute("UPDATE sources SET raw = ?, base = NULL WHERE content_hash = ?",
                     (z if len(z) < len(raw) else raw, h))
