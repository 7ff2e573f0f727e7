"""``maslihat serve`` warms the app while the server starts (search_app/server.py): the first visitor's
page finds the corpus open and its index loaded, and a missing or damaged corpus is left for the page
to report, untouched."""
from __future__ import annotations

import pytest

from maslihat.search_app import data, server


@pytest.fixture
def fresh_cache(monkeypatch):
    monkeypatch.delenv("MASLIHAT_ES_URL", raising=False)
    for memo in (data._open, data._stats, data._has_documents):
        memo.clear()
    yield
    for memo in (data._open, data._stats, data._has_documents):
        memo.clear()


def test_the_first_page_finds_the_corpus_the_server_opened(corpus_db, monkeypatch, fresh_cache):
    monkeypatch.setenv("MASLIHAT_DB", corpus_db)
    opened = []
    real = data.Corpus
    monkeypatch.setattr(data, "Corpus", lambda db: opened.append(db) or real(db=db))
    assert server.prewarm() is True
    assert len(opened) == 1
    c = data.corpus()                      # what the page's run calls
    assert len(opened) == 1                # not opened again
    assert c._index is not None            # the index was loaded by the warm-up's search
    counted = []
    monkeypatch.setattr(type(c.store), "counts", lambda self: counted.append(1) or {})
    assert data.stats()["units"] > 0 and not counted     # the sidebar's counts were made by the warm-up
    # the warm corpus answers in both languages
    assert c.search("депутатский запрос", limit=3)["total"] > 0
    assert c.search("мәслихат сессиясы", limit=3)["total"] > 0


def test_no_corpus_file_is_not_created(tmp_path, monkeypatch, fresh_cache):
    db = tmp_path / "none.sqlite"
    monkeypatch.setenv("MASLIHAT_DB", str(db))
    assert server.prewarm() is False
    assert not db.exists()


def test_a_damaged_corpus_is_left_for_the_page(tmp_path, monkeypatch, fresh_cache):
    db = tmp_path / "broken.sqlite"
    db.write_bytes(b"not a corpus \x00" * 100)
    monkeypatch.setenv("MASLIHAT_DB", str(db))
    before = db.read_bytes()
    assert server.prewarm() is False       # no exception escapes the thread
    assert db.read_bytes() == before
