"""A corpus built once per test session from the sample corpus plus one hostile document."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from maslihat.core import config
from maslihat.corpus.api import Corpus

APP = str(Path(__file__).resolve().parents[2] / "search_app" / "app.py")

# Untrusted document text: markup, event handlers, attribute breakers and Markdown links.
HOSTILE = """Об утверждении правил <script>alert(1)</script> тестового маслихата

Решение Тестового городского маслихата Акмолинской области от 1 февраля 2015 года № С-99/1.

      1. Депутатский запрос <img src=x onerror=alert(1)> направляется акиму.
      2. Ответ на запрос " onmouseover="alert(1)" x=" дается в срок <a href="javascript:alert(1)" onclick="alert(1)">ссылка</a>.
      3. Запрос [нажмите](javascript:alert(1)) и ![картинка](http://127.0.0.1:9/x.png) рассматривается на сессии <style>body{display:none}</style>.
"""
HOSTILE_WORD = "onerror"


@pytest.fixture(scope="session")
def corpus_dir(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("app_corpus_src")
    for f in sorted(config.samples_dir().glob("*.txt")):
        shutil.copy(f, d / f.name)
    (d / "hostile_ru.txt").write_text(HOSTILE, encoding="utf-8")
    return d


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory, corpus_dir) -> str:
    db = str(tmp_path_factory.mktemp("app_corpus") / "corpus.sqlite")
    c = Corpus(db=db, es_url="")
    summary = c.ingest([str(corpus_dir)])
    c.close()
    assert summary.documents_added >= 6, summary
    return db


@pytest.fixture(scope="session")
def corpus(corpus_db) -> Corpus:
    c = Corpus(db=corpus_db, es_url="")
    yield c
    c.close()


@pytest.fixture()
def app_env(corpus_db, monkeypatch):
    """Point the app at the session corpus (the app reads MASLIHAT_DB like the CLI)."""
    monkeypatch.setenv("MASLIHAT_DB", corpus_db)
    monkeypatch.delenv("MASLIHAT_ES_URL", raising=False)
    return corpus_db


@pytest.fixture(scope="session")
def ids(corpus) -> dict:
    """Well-known documents of the sample corpus: seed 001 in RU and KK, and the hostile one."""
    rows = corpus.documents(latest_only=False)
    ru = next(r for r in rows if r["source"].startswith("001_") and r["language"] == "ru")
    kk = next(r for r in rows if r["source"].startswith("001_") and r["language"] == "kk")
    hostile = next(r for r in rows if r["source"].startswith("hostile"))
    return {"ru": ru["id"], "kk": kk["id"], "hostile": hostile["id"]}
