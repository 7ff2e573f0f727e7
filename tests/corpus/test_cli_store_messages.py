"""A corpus the command cannot read says why in one line, in the user's language (the JSON
``error`` keeps the English words scripts match on)."""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys

import pytest

from maslihat.core.messages import catalog
from maslihat.corpus.store_errors import CAUSE_KEYS, NO_EMBEDDED_INDEX
from tests.conftest import SAMPLES


def run(*args, lang="en"):
    env = {**os.environ, "MASLIHAT_LANG": lang, "MASLIHAT_ES_URL": ""}
    return subprocess.run([sys.executable, "-m", "maslihat.cli", *args], capture_output=True, text=True, env=env)


def test_every_cause_has_words_in_three_languages():
    for words, key in CAUSE_KEYS.items():
        entry = catalog()[key]
        assert entry["en"] == words and entry["ru"] and entry["kk"] and entry["ru"] != entry["kk"]


@pytest.fixture(scope="module")
def indexed_elsewhere(tmp_path_factory):
    """A corpus whose search index is not the embedded one (as after an ingest with
    MASLIHAT_ES_URL set): the embedded back end's tables are absent."""
    db = tmp_path_factory.mktemp("es-only") / "c.sqlite"
    assert run("ingest", str(SAMPLES), "--db", str(db)).returncode == 0
    conn = sqlite3.connect(db)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table' AND name LIKE 'search_%' "
                                "AND name NOT LIKE 'search_fts_%' AND name != 'search_es_indexed'").fetchall():
        conn.execute(f"DROP TABLE IF EXISTS {name}")
    conn.commit()
    conn.close()
    shutil.rmtree(str(db) + "-snapshot", ignore_errors=True)
    return db


@pytest.mark.parametrize("lang,needle", [("en", "no embedded search index"), ("ru", "нет встроенного поискового индекса"),
                                         ("kk", "кірістірілген іздеу индексі жоқ")])
def test_a_corpus_indexed_in_elasticsearch_read_without_it(indexed_elsewhere, lang, needle):
    p = run("search", "депутат", "--db", str(indexed_elsewhere), lang=lang)
    assert p.returncode == 1 and p.stdout == ""
    line = p.stderr.strip()
    assert "\n" not in line and str(indexed_elsewhere) in line and needle in line
    assert "MASLIHAT_ES_URL" in line and "maslihat reindex --backend sqlite" in line
    out = json.loads(run("search", "депутат", "--json", "--db", str(indexed_elsewhere), lang=lang).stdout)
    assert out["error"].endswith(NO_EMBEDDED_INDEX)


def test_reindex_builds_the_missing_embedded_index(indexed_elsewhere, tmp_path):
    db = tmp_path / "copy.sqlite"
    shutil.copy(indexed_elsewhere, db)
    assert run("reindex", "--backend", "sqlite", "--db", str(db)).returncode == 0
    assert json.loads(run("search", "депутат", "--json", "--db", str(db)).stdout)["total"] > 0


@pytest.mark.parametrize("lang,needle", [("ru", "это папка, а не файл корпуса"), ("kk", "бұл қалта, корпус файлы емес"),
                                         ("en", "is a folder, not a corpus file")])
def test_a_folder_given_as_the_corpus(tmp_path, lang, needle):
    p = run("search", "x", "--db", str(tmp_path), lang=lang)
    assert p.returncode != 0 and needle in p.stderr


@pytest.mark.parametrize("lang,needle", [("ru", "это не корпус maslihat"), ("kk", "бұл maslihat корпусы емес")])
def test_a_file_that_is_not_a_corpus(tmp_path, lang, needle):
    bad = tmp_path / "bad.sqlite"
    bad.write_text("not a database", encoding="utf-8")
    p = run("search", "x", "--db", str(bad), lang=lang)
    assert p.returncode == 1 and needle in p.stderr and "cannot open" not in p.stderr
    assert "not a maslihat corpus" in json.loads(run("search", "x", "--json", "--db", str(bad), lang=lang).stdout)["error"]
