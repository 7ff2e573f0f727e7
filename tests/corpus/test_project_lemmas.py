"""The lemmas of the project's own words (the query vocabulary, the competency terms) ship computed
(nlp/data/project_lemmas.json, issue 14): a new corpus takes them from the file instead of pymorphy3.
The file must say exactly what pymorphy3 and the lemmatizer say now, a corpus must come out the
same with and without it (RU and KK), and a file made for other files or another pymorphy3 must
never be used."""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

import pytest

from tests.conftest import ROOT, SAMPLES, key_follows_file
from tests.corpus.test_ingest_parallel import _dump

_FRESH = ("import json; from maslihat.corpus.lexicon import project_lemmas; "
          "print(json.dumps(project_lemmas(), ensure_ascii=False))")


@pytest.fixture
def fresh_lexicon():
    from maslihat.corpus import lexicon
    from maslihat.nlp.lang.ru import lemmatizer
    lemmatizer.reset()
    lexicon._shipped.cache_clear()
    yield lexicon
    lemmatizer.reset()
    lexicon._shipped.cache_clear()


def test_the_shipped_file_is_what_a_fresh_process_computes_now():
    from maslihat.corpus import lexicon
    from maslihat.nlp.lang.ru import lemmatizer
    kept = json.loads(lexicon.SHIPPED.read_text(encoding="utf-8"))
    assert kept["key"] == lexicon.shipped_key(), "stale: run `.venv/bin/python scripts/project_lemmas.py`"
    r = subprocess.run([sys.executable, "-c", _FRESH], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    now = json.loads(r.stdout)
    # the key holds pymorphy3's version: the same pymorphy3 as the file's
    assert now["key"] == kept["key"] and now["lexicon"] == kept["lexicon"]
    assert kept["vocabulary"] == now["vocabulary"], "run `.venv/bin/python scripts/project_lemmas.py`"
    assert kept["terms"] == now["terms"], "run `.venv/bin/python scripts/project_lemmas.py`"
    assert len(kept["vocabulary"]) > 3000 and kept["terms"]
    assert not set(kept["vocabulary"]) & set(kept["terms"])
    # every lemma is pymorphy3's, with the lexicon's mark on a guessed one: Russian words of the
    # query-word lists and the thesaurus, and Kazakh words written in common letters
    voc = kept["vocabulary"]
    assert voc["депутатский"] == "депутатский" and voc["запрос"] == "запрос"
    assert voc["сессиясы"].startswith(lemmatizer.GUESSED) and voc["аудан"].startswith(lemmatizer.GUESSED)
    lemmatizer.reset()
    assert all(lemmatizer.computed(w) == lem for part in ("vocabulary", "terms") for w, lem in kept[part].items())


def test_an_offered_word_is_taken_as_computed_and_stored(fresh_lexicon):
    from maslihat.nlp.lang.ru import lemmatizer
    lemmatizer.offer({"депутатского": "депутатский", "хатшысы": lemmatizer.GUESSED + "хатшыс"})
    calls = []
    real = lemmatizer.computed
    lemmatizer.computed = lambda w: (calls.append(w), real(w))[1]
    try:
        assert lemmatizer.lemma("депутатского") == "депутатский"          # RU
        assert lemmatizer.lemma("хатшысы") == "хатшыс"                    # KK, guessed by pymorphy3
        assert not lemmatizer.is_known("хатшысы") and lemmatizer.is_known("депутатского")
        assert calls == []
        assert lemmatizer.lemma("решения") == "решение" and calls == ["решения"]
    finally:
        lemmatizer.computed = real
    assert lemmatizer.take_new() == {"депутатского": "депутатский", "хатшысы": lemmatizer.GUESSED + "хатшыс",
                                     "решения": "решение"}


def test_a_stale_broken_or_foreign_file_is_not_used(tmp_path, monkeypatch, fresh_lexicon):
    lexicon = fresh_lexicon
    kept = json.loads(lexicon.SHIPPED.read_text(encoding="utf-8"))
    cases = {"other-files": {**kept, "key": "0" * 16}, "other-pymorphy3": {**kept, "lexicon": "2;pymorphy3=0.1"},
             "no-terms": {k: v for k, v in kept.items() if k != "terms"}}
    for name, data in cases.items():
        f = tmp_path / f"{name}.json"
        f.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        monkeypatch.setattr(lexicon, "SHIPPED", f)
        lexicon._shipped.cache_clear()
        assert lexicon._shipped() is None and lexicon.offer_shipped() is False, name
    f = tmp_path / "broken.json"
    f.write_text("{not json", encoding="utf-8")
    monkeypatch.setattr(lexicon, "SHIPPED", f)
    lexicon._shipped.cache_clear()
    assert lexicon.offer_shipped() is False
    monkeypatch.setattr(lexicon, "SHIPPED", tmp_path / "missing.json")
    lexicon._shipped.cache_clear()
    assert lexicon.offer_shipped() is False


def test_the_key_follows_the_files_the_lemmas_depend_on(tmp_path, monkeypatch):
    from maslihat.corpus import lexicon
    from maslihat.nlp import competency
    before, changed, after = key_follows_file(lexicon.shipped_key, competency, "DATA", tmp_path, monkeypatch)
    assert changed != before
    assert after == before


# Ingests in a fresh process, with or without the shipped file; says how many words pymorphy3 analysed.
_SCRIPT = r"""
import json, sys
from maslihat.corpus import lexicon
from maslihat.corpus.api import Corpus
from maslihat.nlp.lang.ru import lemmatizer
use, db = sys.argv[1], sys.argv[2]
if __name__ == "__main__":
    if use == "without":
        lexicon.SHIPPED = lexicon.SHIPPED.with_name("missing.json")
    n = []
    real = lemmatizer.computed
    lemmatizer.computed = lambda w: (n.append(w), real(w))[1]
    c = Corpus(db, es_url="")
    s = c.ingest(sys.argv[3:])
    c.close()
    print(json.dumps({"added": s.documents_added, "computed": len(n), "pymorphy3": lemmatizer._MORPH is not None}))
"""


def _run(tmp_path, *args, workers="0") -> dict:
    script = tmp_path / "run.py"
    script.write_text(_SCRIPT, encoding="utf-8")
    r = subprocess.run([sys.executable, str(script), *args], cwd=ROOT, capture_output=True, text=True,
                       timeout=600, env={**os.environ, "MASLIHAT_INGEST_WORKERS": workers})
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout.strip().splitlines()[-1])


def _rows(db) -> tuple[dict, dict]:
    conn = sqlite3.connect(db)
    out = (dict(conn.execute("SELECT word, lemma FROM lexicon")),
           dict(conn.execute("SELECT key, value FROM meta WHERE key IN ('lexicon_version', 'query_vocabulary')")))
    conn.close()
    return out


def test_a_new_corpus_is_the_same_with_the_shipped_lemmas_and_analyses_fewer_words(tmp_path):
    """The sample corpus (RU and KK, a bilingual file) ingested into a new corpus with and without
    the file: the same documents, units, references, index terms and lexicon rows; with the file
    pymorphy3 analyses only the words of the files that are not the project's own, and an ingest
    of no file does not load it at all."""
    with_, without = tmp_path / "with.sqlite", tmp_path / "without.sqlite"
    a = _run(tmp_path, "with", str(with_), str(SAMPLES))
    b = _run(tmp_path, "without", str(without), str(SAMPLES))
    assert a["added"] == b["added"] > 5
    assert _dump(with_) == _dump(without)
    assert _rows(with_) == _rows(without)
    lex = _rows(with_)[0]
    assert lex.get("понимается") == "пониматься" and lex.get("решения") == "решение"
    assert 0 < a["computed"] < b["computed"] - 2000
    empty = tmp_path / "empty"
    empty.mkdir()
    c = _run(tmp_path, "with", str(tmp_path / "none.sqlite"), str(empty))
    d = _run(tmp_path, "without", str(tmp_path / "none2.sqlite"), str(empty))
    assert c["computed"] == 0 and c["pymorphy3"] is False
    assert d["computed"] > 3000 and d["pymorphy3"] is True
    assert _rows(tmp_path / "none.sqlite") == _rows(tmp_path / "none2.sqlite")


def test_two_workers_store_the_same_lexicon_with_the_shipped_lemmas(tmp_path):
    one, two = tmp_path / "one.sqlite", tmp_path / "two.sqlite"
    _run(tmp_path, "without", str(one), str(SAMPLES), workers="0")
    _run(tmp_path, "with", str(two), str(SAMPLES), workers="2")
    assert _rows(one) == _rows(two)
    assert _dump(one) == _dump(two)


def test_an_existing_lexicon_gets_the_missing_vocabulary_from_the_file(tmp_path, fresh_lexicon):
    """A corpus opened for writing by a newer maslihat adds the vocabulary's words its lexicon lacks
    (RU and KK words in common letters), leaves its other rows alone, and analyses nothing."""
    from maslihat.corpus.store import Store
    from maslihat.nlp.lang.ru import lemmatizer
    lexicon = fresh_lexicon
    db = tmp_path / "c.sqlite"
    _run(tmp_path, "without", str(db), str(SAMPLES / "001_56a79b46f786f9f7.txt"))
    full, meta = _rows(db)
    con = sqlite3.connect(db)
    con.execute("DELETE FROM lexicon WHERE word IN ('понимается', 'сессиясы')")
    con.execute("DELETE FROM meta WHERE key='query_vocabulary'")
    con.commit()
    con.close()
    real = lemmatizer.computed
    calls = []
    lemmatizer.computed = lambda w: (calls.append(w), real(w))[1]
    try:
        Store(str(db)).close()
    finally:
        lemmatizer.computed = real
    assert calls == []
    assert _rows(db) == (full, meta)
    assert full["понимается"] == "пониматься" and full["сессиясы"].startswith(lemmatizer.GUESSED)
    assert lexicon.refresh_query_vocabulary(sqlite3.connect(db)) == 0       # once per vocabulary
