"""Issue 14: a search in the app reads what the search needs, not the whole corpus. At 225,000
acts a page run that lists or counts every document costs seconds; these tests fail when a
search or a sidebar rerun goes back to whole-table reads."""
from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from maslihat.corpus.store import Store

APP = str(Path(__file__).resolve().parents[2] / "search_app" / "app.py")


@pytest.fixture()
def reads(monkeypatch):
    """Every whole-table access the app makes, memoised or not: document listings (a memo still
    hands the page a table of every act), document rows read without ids, corpus counts."""
    from maslihat.search_app import data
    seen: list[str] = []
    rows, counts = Store.document_rows, Store.counts
    listing, by_id = data.document_rows, data.rows_by_id

    def document_rows(self, latest_only=True, ids=None):
        if ids is None:
            seen.append("Store.document_rows")
        return rows(self, latest_only, ids)

    def count_all(self):
        seen.append("Store.counts")
        return counts(self)

    def app_listing(*a, **k):
        seen.append("data.document_rows")
        return listing(*a, **k)

    def app_by_id(*a, **k):
        seen.append("data.rows_by_id")
        return by_id(*a, **k)
    monkeypatch.setattr(Store, "document_rows", document_rows)
    monkeypatch.setattr(Store, "counts", count_all)
    monkeypatch.setattr(data, "document_rows", app_listing)
    monkeypatch.setattr(data, "rows_by_id", app_by_id)
    return seen


def test_a_search_reads_only_the_documents_of_its_hits(app_env, reads):
    at = AppTest.from_file(APP, default_timeout=180)
    at.query_params["q"] = "депутатский запрос"
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert any(b.proto.body.startswith('<div><span class="ms-badge">') for b in at.get("html")), "hits shown"
    assert "data.document_rows" not in reads and "data.rows_by_id" not in reads, reads
    reads.clear()                     # the first run may count the corpus once (the sidebar)
    at.text_input(key="w_q").input("сессия күн тәртібі").run()
    assert not at.exception, [e.value for e in at.exception]
    at.text_input(key="w_q").input("постоянные комиссии").run()
    assert not at.exception, [e.value for e in at.exception]
    assert reads == [], f"whole-table reads on a search rerun: {reads}"
