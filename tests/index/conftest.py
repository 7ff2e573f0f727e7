"""Fixtures for the index tests: the fixture corpus in both back ends.

``es_url``: ``MASLIHAT_TEST_ES_URL`` when set; otherwise ``scripts/elasticsearch.sh start`` for
the session (stopped at the end). Without Java/Maven the Elasticsearch tests fail when ``CI``
is set and are skipped locally.
"""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import fixture  # noqa: E402

from maslihat.corpus.index.sqlite_fts import SqliteIndex  # noqa: E402

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "elasticsearch.sh"


def _unavailable(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"Elasticsearch tests cannot run in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def es_url():
    url = os.environ.get("MASLIHAT_TEST_ES_URL")
    if url:
        yield url
        return
    if not shutil.which("java"):
        _unavailable("java is not installed")
    m2 = Path.home() / ".m2" / "repository" / "org" / "elasticsearch"
    if not shutil.which("mvn") and not m2.exists():
        _unavailable("maven is not installed and no Elasticsearch zip is cached")
    running = subprocess.run(["bash", str(SCRIPT), "url"], capture_output=True, text=True)
    started_here = running.returncode != 0          # never stop a server someone else started
    proc = running if not started_here else subprocess.run(
        ["bash", str(SCRIPT), "start"], capture_output=True, text=True, timeout=400)
    if proc.returncode != 0:
        pytest.fail(f"could not start Elasticsearch:\n{proc.stderr[-3000:]}")
    try:
        yield proc.stdout.strip().splitlines()[-1]
    finally:
        if started_here:
            subprocess.run(["bash", str(SCRIPT), "stop"], capture_output=True, timeout=120)


@pytest.fixture(scope="session")
def corpus_data():
    return fixture.build()


@pytest.fixture(scope="session")
def sqlite_index(corpus_data):
    conn = sqlite3.connect(":memory:", check_same_thread=False)
    idx = SqliteIndex(conn)
    docs, units = corpus_data
    idx.add(docs, units)
    conn.commit()
    return idx


@pytest.fixture(scope="session")
def es_index(es_url, corpus_data):
    from maslihat.corpus.index.elastic import ElasticIndex
    idx = ElasticIndex(es_url, index_name=f"maslihat_test_{uuid.uuid4().hex[:8]}")
    idx.clear()
    docs, units = corpus_data
    idx.add(docs, units)
    yield idx
    idx.es.indices.delete(index=idx.name, ignore_unavailable=True)


@pytest.fixture(params=["sqlite", "elasticsearch"])
def index(request):
    """Each behavioural test runs against both back ends."""
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_index")
    return request.getfixturevalue("es_index")
