"""Search over units: one interface (``base.SearchIndex``), two back ends.

``open_index(conn, es_url)`` gives Elasticsearch when ``es_url`` is set (the config reads
``MASLIHAT_ES_URL``), else the embedded SQLite FTS5 index inside the corpus file.
"""
from __future__ import annotations

import sqlite3
from typing import Optional

from maslihat.corpus.index.base import QueryError, SearchIndex, SearchRequest

__all__ = ["open_index", "QueryError", "SearchIndex", "SearchRequest"]


def open_index(conn: sqlite3.Connection, es_url: Optional[str] = None, **kw) -> SearchIndex:
    if es_url:
        from maslihat.corpus.index.elastic import ElasticIndex
        return ElasticIndex(es_url, **kw)
    from maslihat.corpus.index.sqlite_fts import SqliteIndex
    return SqliteIndex(conn)
