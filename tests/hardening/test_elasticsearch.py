"""Item 8 of issue 11: Elasticsearch as a back end that can fail, be shared or be late.

The dead-server tests need no server (a free port on localhost); the others run against the
real server of tests/index (marked ``elasticsearch``)."""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
from pathlib import Path

import pytest

from maslihat.corpus.api import Corpus
from maslihat.corpus.store import StoreError

from .conftest import ROOT, SAMPLES, SEED, SEED_RU, cli, err, out

SCRIPT = ROOT / "scripts" / "elasticsearch.sh"


def _dead_url() -> str:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()                     # nothing listens there now
    return f"http://127.0.0.1:{port}"


def test_dead_elasticsearch_stops_the_ingest_before_anything_is_written(tmp_path):
    db = tmp_path / "c.sqlite"
    p = cli("ingest", SAMPLES, db=db, env={"MASLIHAT_ES_URL": _dead_url()}, timeout=60)
    assert p.returncode == 1 and "Traceback" not in err(p)
    assert "Elasticsearch at http://127.0.0.1:" in err(p) and len(err(p).strip().splitlines()) == 1
    c = Corpus(str(db), es_url="")
    assert c.stats()["documents"] == 0 and c.quarantined() == []
    c.close()


def test_elasticsearch_dying_mid_ingest_is_a_write_failure_not_a_quarantine(tmp_path, monkeypatch):
    """The server answers the check, then dies: the ingest stops with an error, no good file is
    blamed, and the corpus holds nothing the index lacks."""
    from maslihat.corpus.index.elastic import ElasticIndex
    monkeypatch.setattr(ElasticIndex, "check", lambda self: None)
    db = tmp_path / "c.sqlite"
    c = Corpus(str(db), es_url=_dead_url())
    with pytest.raises(StoreError, match="Elasticsearch at .* failed while"):
        c.ingest([str(SEED), str(SEED_RU)])
    assert c.store.counts()["documents"] == 0
    assert c.quarantined() == []
    c.close()


@pytest.fixture(scope="session")
def es_url():
    """The same server as tests/index (started once per session, stopped by whoever started it)."""
    url = os.environ.get("MASLIHAT_TEST_ES_URL")
    if url:
        yield url
        return
    running = subprocess.run(["bash", str(SCRIPT), "url"], capture_output=True, text=True)
    started_here = running.returncode != 0
    proc = running if not started_here else subprocess.run(
        ["bash", str(SCRIPT), "start"], capture_output=True, text=True, timeout=400)
    assert proc.returncode == 0, f"could not start Elasticsearch:\n{proc.stderr[-3000:]}"
    try:
        yield proc.stdout.strip().splitlines()[-1]
    finally:
        if started_here:
            subprocess.run(["bash", str(SCRIPT), "stop"], capture_output=True, timeout=120)


def _drop(url: str, db: Path) -> None:
    c = Corpus(str(db), es_url=url)
    c.index.es.indices.delete(index=c.index.name, ignore_unavailable=True)
    c.close()


@pytest.mark.elasticsearch
def test_two_corpora_on_one_server_do_not_see_each_other(tmp_path, es_url):
    a, b = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    try:
        assert cli("ingest", SEED, db=a, env={"MASLIHAT_ES_URL": es_url}).returncode == 0
        assert cli("ingest", SAMPLES / "002_fc27ebda89a446a4.txt", db=b,
                   env={"MASLIHAT_ES_URL": es_url}).returncode == 0
        ra = json.loads(out(cli("search", "", "--json", "--limit", "1000", db=a, env={"MASLIHAT_ES_URL": es_url})))
        rb = json.loads(out(cli("search", "", "--json", "--limit", "1000", db=b, env={"MASLIHAT_ES_URL": es_url})))
        assert ra["total"] > 0 and rb["total"] > 0
        assert {h["document_id"].split("/")[1] for h in ra["hits"]} == {"decision"}
        assert all("coursework" in h["document_id"] for h in rb["hits"])
        for h in ra["hits"][:3]:          # every hit can be shown from its own corpus
            assert cli("show", h["unit_id"], "--json", db=a, env={"MASLIHAT_ES_URL": es_url}).returncode == 0
    finally:
        _drop(es_url, a)
        _drop(es_url, b)


@pytest.mark.elasticsearch
def test_documents_the_server_never_got_are_indexed_by_the_next_ingest_and_reindex(tmp_path, es_url):
    db = tmp_path / "c.sqlite"
    try:
        assert cli("ingest", SEED, db=db).returncode == 0               # before Elasticsearch was set
        env = {"MASLIHAT_ES_URL": es_url}
        p = cli("ingest", SEED, SEED_RU, db=db, env=env)                # SEED is unchanged
        assert p.returncode == 0, err(p)
        c = Corpus(str(db), es_url=es_url)
        assert c.index.missing() == []
        n = c.index.count()
        c.index.es.indices.delete(index=c.index.name)                  # the server loses the index
        c.close()
        p = cli("reindex", "--progress", db=db, env=env)
        assert p.returncode == 0, err(p)
        assert "into elasticsearch" in out(p)
        c = Corpus(str(db), es_url=es_url)
        assert c.index.count() == n and c.index.missing() == []
        assert c.search("маслихат")["total"] > 0
        c.close()
    finally:
        _drop(es_url, db)
