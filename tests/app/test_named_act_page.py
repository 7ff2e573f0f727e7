"""The search page says which act a query names by its title words («когда вводится в действие
закон о порядке рассмотрения обращений»), in the interface's language, with its provisions first;
the CLI's text report likewise."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from maslihat.core import messages
from search_app import i18n
from search_app.safe import md_escape
from tests.app.test_pages import hit_heads, run
from tests.index.small_corpus import small_corpus
from tests.index.test_named_act import FILES, QUERIES


def cli(*args, db, lang="en"):
    env = {**os.environ, "MASLIHAT_DB": str(db), "MASLIHAT_ES_URL": "", "MASLIHAT_LANG": lang}
    return subprocess.run([sys.executable, "-m", "maslihat.cli", *args], capture_output=True, text=True, env=env)


@pytest.fixture(scope="module")
def named_db(tmp_path_factory):
    with small_corpus(tmp_path_factory.mktemp("named_page"), FILES) as c:
        path = c.db_path
    return path


@pytest.mark.parametrize("ui", ["kk", "ru", "en"])
def test_the_page_names_the_act_the_query_names(named_db, monkeypatch, ui):
    monkeypatch.setenv("MASLIHAT_DB", str(named_db))
    monkeypatch.delenv("MASLIHAT_ES_URL", raising=False)
    query, lang, want = QUERIES[0]
    at = run({"q": query, "ui": ui})
    captions = "\n".join(c.value for c in at.caption)
    title = "О порядке рассмотрения обращений граждан тестового региона"
    assert md_escape(i18n.t("named_act", ui, title=f"«{title}»")) in captions
    assert hit_heads(at)


@pytest.mark.parametrize("ui", ["kk", "ru", "en"])
def test_the_cli_names_the_act(named_db, ui):
    p = cli("search", QUERIES[2][0], "--limit", "3", db=named_db, lang=ui)
    assert p.returncode == 0, p.stderr
    assert messages.t("named_act", ui, title="«Тестовый өңір азаматтарының өтініштерін қарау тәртібі туралы»") in p.stdout


def test_a_query_naming_no_act_says_nothing_of_one(named_db):
    p = cli("search", "порядок рассмотрения обращений", "--json", db=named_db)
    assert "named" not in json.loads(p.stdout)
