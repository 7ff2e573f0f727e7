"""Rows of the corpus file and the model's objects (``core.model``) they hold: which fields a table
keeps in columns and which in its JSON, how a document's text is compressed, and how a row is read
back into a ``Document``, ``Unit``, ``Reference`` or fact dict. One place, so every reader and
writer of ``corpus.store`` (and ``corpus.converge``) agrees on the layout (issue 14: the columns
are not repeated in the JSON).
"""
from __future__ import annotations

import json
import sqlite3
import zlib
from dataclasses import MISSING, fields
from typing import Iterable, Iterator

from maslihat.core.model import Document, Reference, Unit

IN_CHUNK = 500          # ids per ``IN (…)`` list (``rows_in``): well under SQLite's variable limit


def rows_in(conn: sqlite3.Connection, sql: str, ids: Iterable) -> Iterator[tuple]:
    """The rows of ``sql`` over ``ids``, ``IN_CHUNK`` at a time: ``{ids}`` in ``sql`` stands for
    the chunk's placeholders («… WHERE id IN ({ids})»)."""
    ids = list(ids)
    for k in range(0, len(ids), IN_CHUNK):
        part = ids[k:k + IN_CHUNK]
        yield from conn.execute(sql.format(ids=",".join("?" * len(part))), part)


def _row_to(cls, data):
    """A dataclass from its JSON (or the dict already read from it): unknown keys are ignored."""
    d = json.loads(data) if isinstance(data, str) else data
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in d.items() if k in names})


# zlib level of a document's text (issue 14): 4 takes a third of level 6's CPU on the real texts
# (21 against 60 ms for 2.06 MB) for 15% more bytes (0.446 against 0.389 MB; level 5: 32 ms,
# 0.412 MB; level 1: 14 ms, 0.554 MB); reading decompresses any level alike
TEXT_LEVEL = 4


def _zip(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8"), TEXT_LEVEL)


def _unzip(blob: bytes) -> str:
    return zlib.decompress(blob).decode("utf-8")


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


# what ``json.dumps(x, ensure_ascii=False)`` does, without building an encoder per call
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode
# the same without the blanks after ',' and ':' (issue 14: 7% of a unit's JSON), for the JSON that
# is only ever read back by ``json.loads`` (units, facts, references: since ``cited_acts`` picks a
# reference by ``MIN(id)``, not ``MIN(data)``, rows of both forms read alike); documents keep
# ``_ENCODE``'s form, which ``_amends_indexed`` looks for
_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _json(obj, skip: frozenset = frozenset(), encode=_ENCODE) -> str:
    """``json.dumps(obj.to_json())`` of a flat data class without ``asdict``'s deep copy (same text:
    the model's fields hold JSON values only), leaving out the fields in ``skip``."""
    names = _FIELD_NAMES.get(type(obj))
    if names is None:
        names = _FIELD_NAMES[type(obj)] = tuple(f.name for f in fields(obj))
    return encode({n: getattr(obj, n) for n in names if n not in skip})


# a unit's columns (the table's own, indexed) are not repeated in its JSON, nor fields at their
# default (empty competencies, explain, changed_in); reading merges them back (issue 14: the unit
# JSON was mostly ids that the columns already hold)
_UNIT_COLS = ("id", "document_id", "parent_id", "kind", "number", "ordinal", "parallel_id")
_UNIT_DEFAULTS: dict = {}


def _unit_json(u: Unit) -> str:
    if not _UNIT_DEFAULTS:
        for f in fields(Unit):
            if f.default is not MISSING:
                _UNIT_DEFAULTS[f.name] = f.default
            elif f.default_factory is not MISSING:        # type: ignore[misc]
                _UNIT_DEFAULTS[f.name] = f.default_factory()  # type: ignore[misc]
    names = _FIELD_NAMES.get(Unit) or _FIELD_NAMES.setdefault(Unit, tuple(f.name for f in fields(Unit)))
    out = {}
    for n in names:
        if n in _UNIT_COLS:
            continue
        v = getattr(u, n)
        if n in _UNIT_DEFAULTS and v == _UNIT_DEFAULTS[n]:
            continue
        out[n] = v
    return _COMPACT(out)


def _unit_row(row) -> Unit:
    """A unit from ``SELECT <_UNIT_COLS>, data``: the JSON (old rows: everything) and the columns."""
    d = json.loads(row[-1])
    d.update(zip(_UNIT_COLS, row[:-1]))
    return Unit(**{k: v for k, v in d.items() if k in _UNIT_NAMES})


_UNIT_NAMES = frozenset(f.name for f in fields(Unit))     # once, not once per row read


_UNIT_SELECT = "SELECT " + ", ".join(_UNIT_COLS) + ", data FROM units"


def _doc_json(doc: Document) -> str:
    """A document's JSON without ``original`` (the decoded text before normalisation: the raw
    bytes are kept in ``sources`` and nothing reads it back from the store) and without ``text``
    (compressed in ``doc_texts``; issue 14: both were most of the corpus file)."""
    return _json(doc, _DOC_NOT_JSON)


# a document's fields that the documents table holds in columns of the same name (written with
# the JSON by every writer): not repeated in the JSON (issue 14), merged back on read
_DOC_COLS = ("id", "act_id", "language", "version", "source", "part", "content_hash", "doc_type", "title",
             "issuer", "issuer_kind", "region", "adopted_date", "number", "status", "parallel_id")
_DOC_NOT_JSON = frozenset(("original", "text") + _DOC_COLS)

_DOC_SELECT = ("SELECT d.data, t.z, " + ", ".join("d." + c for c in _DOC_COLS)
               + " FROM documents d LEFT JOIN doc_texts t ON t.document_id = d.id")


# the fields of a reference its columns hold: its JSON leaves them out (issue 14: a reference's row
# repeated seven ids, a quarter of the refs table), and reading merges the columns back in
_REF_COLS = ("id", "document_id", "unit_id", "kind", "resolved_document_id", "resolved_unit_id", "cited_act_key")
_REF_NOT_JSON = frozenset(_REF_COLS)
_REF_SELECT = "SELECT data, " + ", ".join(_REF_COLS) + " FROM refs"

# a fact's fields its columns hold: its JSON leaves them out where the column says the same (issue 14:
# a sixth of the facts table); reading puts them back in ``Fact``'s field order, so a fact reads
# the same dict, keys in the same order, as it was written (rows written before hold them all)
_FACT_COLS = ("id", "document_id", "unit_id", "kind", "subject", "language", "value")
_FACT_SELECT = "SELECT f.data, " + ", ".join("f." + c for c in _FACT_COLS)


def _fact_slim(f: dict, cols: tuple) -> dict:
    return {k: v for k, v in f.items() if not (k in _FACT_COLS and v is not None and v == cols[_FACT_COLS.index(k)])}


def _fact_row(row) -> dict:
    d = json.loads(row[0])
    if all(k in d for k in _FACT_COLS):
        return d
    from maslihat.nlp.facts import Fact
    have = dict(zip(_FACT_COLS, row[1:]))
    out = {}
    for name in (f.name for f in fields(Fact)):
        if name in d:
            out[name] = d[name]
        elif have.get(name) is not None:
            out[name] = have[name]
    out.update((k, v) for k, v in d.items() if k not in out)
    return out


def _ref_row(row) -> Reference:
    """A reference from ``_REF_SELECT`` (or ``r.data, r.<columns>``): rows written before kept
    every field in their JSON, which agrees with the columns; newer rows have them in columns only."""
    d = dict(zip(_REF_COLS, row[1:]))
    d.update(json.loads(row[0]))
    return _row_to(Reference, d)


def _doc_row(row) -> Document:
    """A document from ``_DOC_SELECT``: its JSON, its compressed text (older rows: in the JSON)
    and its columns. What the JSON holds wins (rows written before kept every field there, and
    the migration drops only the keys equal to their column), the columns fill in the rest."""
    d = dict(zip(_DOC_COLS, row[2:]))
    d.update(json.loads(row[0]))
    if row[1] is not None:
        d["text"] = _unzip(row[1])
    d.setdefault("text", "")
    return _row_to(Document, d)
