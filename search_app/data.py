"""Access to the corpus for the app: one cached read-only Corpus per database file.

Everything goes through ``corpus.api.Corpus``; this module only decides which file, caches the
object across reruns and memoises the slow look-ups that every rerun repeats.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import streamlit as st

from maslihat.core import config
from maslihat.corpus.api import Corpus


def db_path() -> Path:
    """MASLIHAT_DB (set by ``maslihat serve --db``) or the user's default corpus."""
    return config.db_path(None)


@st.cache_resource(show_spinner=False)
def _open(path: str) -> Corpus:
    return Corpus(db=path)


def corpus() -> Optional[Corpus]:
    """The corpus, or None when there is none yet (opening would create an empty file)."""
    path = db_path()
    if not path.exists():
        return None
    return _open(str(path))


def refresh() -> None:
    """After an ingest: drop memoised answers so pages see the new documents."""
    st.cache_data.clear()


def _version() -> float:
    """Changes whenever the corpus file is written (WAL included), to key the memos."""
    p = db_path()
    wal = p.with_name(p.name + "-wal")
    return max((f.stat().st_mtime for f in (p, wal) if f.exists()), default=0.0)


@st.cache_resource(show_spinner=False, max_entries=4)
def _document_rows(path: str, version: float, latest_only: bool) -> list[dict]:
    """Every document row, for the pages that list them all (reader's picker, compare, parallel).
    A resource, not a data memo: Streamlit would unpickle a fresh copy of the whole table on every
    rerun; callers only read it. The search page never asks for it (``rows_for``)."""
    return _open(path).documents(latest_only=latest_only)


def document_rows(latest_only: bool = False) -> list[dict]:
    c = corpus()
    if c is None:
        return []
    return _document_rows(str(db_path()), _version(), latest_only)


def rows_by_id() -> dict[str, dict]:
    return _rows_by_id(str(db_path()), _version()) if corpus() is not None else {}


@st.cache_resource(show_spinner=False, max_entries=2)
def _rows_by_id(path: str, version: float) -> dict[str, dict]:
    return {r["id"]: r for r in _document_rows(path, version, False)}


def rows_for(doc_ids) -> dict[str, dict]:
    """The rows of these documents only (one page of hits): one indexed query, whatever the corpus size."""
    c = corpus()
    if c is None:
        return {}
    return {r["id"]: r for r in c.documents(latest_only=False, ids=list(doc_ids))}


@st.cache_resource(show_spinner=False, max_entries=4)
def _stats(path: str, version: float) -> dict:
    """A resource (shared, never copied): the server's warm-up (``search_app.server``) fills it
    before the first visitor, which a data memo made outside a page's run would not share."""
    return _open(path).stats()


def stats() -> dict:
    """Corpus counts for the sidebar, counted once per corpus generation (not on every rerun)."""
    return _stats(str(db_path()), _version()) if corpus() is not None else {}


@st.cache_resource(show_spinner=False, max_entries=4)
def _has_documents(path: str, version: float) -> bool:
    return _open(path).has_documents()


def is_empty(c: Optional[Corpus]) -> bool:
    return c is None or not _has_documents(str(db_path()), _version())
