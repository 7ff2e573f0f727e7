"""Items 4, 14 and 18 of issue 11: bounded queries, URL parameters never Markdown, prefixes folded."""
from __future__ import annotations

import json
import random
import time
from pathlib import Path

import pytest

from maslihat.corpus.api import Corpus
from maslihat.corpus.index.base import QueryError

from .conftest import ROOT, SEED, cli, err, out

APP = str(ROOT / "search_app" / "app.py")
WORDS = "депутат маслихат сессия бюджет комиссия акимат решение постоянная регламент район аудит".split()


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("q") / "corpus.sqlite"
    c = Corpus(str(db), es_url="")
    c.ingest([str(SEED)])
    c.close()
    return db


@pytest.fixture(scope="module")
def corpus(db):
    c = Corpus(str(db), es_url="", readonly=True)
    yield c
    c.close()


def test_long_query_is_refused_fast(corpus):
    """Item 4: hundreds of words used to take minutes to plan (every span tried on the glossary)."""
    q = " ".join(random.Random(7).choice(WORDS) for _ in range(400))
    t0 = time.perf_counter()
    with pytest.raises(QueryError, match="too long"):
        corpus.search(q)
    assert time.perf_counter() - t0 < 0.5


def test_query_at_the_word_bound_is_planned_fast(corpus):
    """Below the bound a long query runs, and the glossary spans tried stay bounded."""
    q = " ".join(random.Random(3).choice(WORDS) for _ in range(95))
    t0 = time.perf_counter()
    res = corpus.search(q)
    assert res["total"] > 0
    assert time.perf_counter() - t0 < 3.0


def test_deep_parentheses_are_a_query_error_not_a_recursion_error(corpus):
    q = "(" * 250 + "маслихат" + ")" * 250
    t0 = time.perf_counter()
    with pytest.raises(QueryError, match="nested too deeply"):
        corpus.search(q)
    assert time.perf_counter() - t0 < 0.5
    with pytest.raises(QueryError):
        corpus.search("маслихат " * 5000)          # 40 000 characters


def test_cli_answers_the_contract_error_for_a_hostile_query(db):
    for q in ("(" * 250 + "маслихат" + ")" * 250, " ".join(["маслихат"] * 400)):
        p = cli("search", q, "--json", db=db)
        assert p.returncode != 0 and "Traceback" not in err(p)
        assert "error" in json.loads(out(p))


@pytest.mark.parametrize("q", ["маслихат*", "маслих*", "Маслихат*", "мәслихат*"])
def test_prefix_goes_through_the_same_folding_as_words(corpus, q):
    """Item 18: маслихат* found 0 while маслихат found hundreds (index terms are мәслихат)."""
    assert corpus.search(q)["total"] > 0
    assert corpus.search(q)["total"] >= corpus.search("мәслихат*")["total"] * 0.9


def _app(params: dict, db) -> "AppTest":
    from streamlit.testing.v1 import AppTest
    at = AppTest.from_file(APP, default_timeout=120)
    for k, v in params.items():
        at.query_params[k] = v
    at.run()
    return at


ATTACK = "**x**![i](http://127.0.0.1:9/t.png)[link](javascript:alert(1))"


def test_url_parameters_are_not_rendered_as_markdown(db, corpus, monkeypatch):
    """Item 14: ``?unit=**x**![i](http://host/t.png)`` made bold text and an outside image."""
    monkeypatch.setenv("MASLIHAT_DB", str(db))
    monkeypatch.delenv("MASLIHAT_ES_URL", raising=False)
    doc = corpus.documents()[0]["id"]
    for params in ({"page": "reader", "doc": doc, "unit": ATTACK}, {"page": "reader", "doc": doc, "unit": "*" + ATTACK}):
        at = _app(params, db)
        assert not at.exception, [e.value for e in at.exception]
        shown = "\n".join(w.value for w in at.warning)
        assert shown, params
        assert "![i](" not in shown and "**x**" not in shown and "](javascript" not in shown
        assert "\\!\\[i\\]" in shown


def test_app_search_with_a_hostile_query_shows_a_plain_error(db, monkeypatch):
    """Item 4 through the app's ``?q=``: an error message, no exception box with file paths."""
    monkeypatch.setenv("MASLIHAT_DB", str(db))
    monkeypatch.delenv("MASLIHAT_ES_URL", raising=False)
    at = _app({"page": "search", "q": "(" * 250 + "маслихат" + ")" * 250}, db)
    assert not at.exception, [e.value for e in at.exception]
    assert at.error and "Traceback" not in at.error[0].value
