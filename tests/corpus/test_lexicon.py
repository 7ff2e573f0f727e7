"""The corpus file's lexicon (issue 14): Russian lemmas kept across runs and processes give the
same corpus and the same search results as lemmas computed afresh, and spare pymorphy3."""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

from tests.conftest import ROOT, SAMPLES
from tests.corpus.test_ingest_parallel import _dump

# Runs in a fresh process (cold caches): ingest or search, then says whether pymorphy3 was loaded.
_SCRIPT = r"""
import json, sys
from maslihat.corpus.api import Corpus
from maslihat.nlp.lang.ru import lemmatizer
what, db = sys.argv[1], sys.argv[2]
if __name__ == "__main__":
    c = Corpus(db, es_url="")
    out = {}
    if what in ("ingest", "stop", "kill"):
        stored = []
        def on_file(path, outcome, detail):
            if what == "stop" and outcome == "ingested":
                stored.append(path)
                raise KeyboardInterrupt          # as Ctrl+C after the first stored file
            if what == "kill" and outcome == "ingested":
                import os, sqlite3 as sq
                if sq.connect(db).execute("SELECT count(*) FROM lexicon").fetchone()[0]:
                    os._exit(0)                  # as kill -9 once a file's lemmas are stored
        s = c.ingest(sys.argv[3:], on_file=on_file)
        out.update(added=s.documents_added, interrupted=s.interrupted, stored=len(stored))
    else:
        out["hits"] = [[h["unit_id"], h["score"]] for h in c.search(sys.argv[3])["hits"]]
    c.close()
    out["pymorphy3"] = lemmatizer._MORPH is not None
    print(json.dumps(out))
"""


def _run(tmp_path, *args, env=None) -> dict:
    script = tmp_path / "run.py"
    script.write_text(_SCRIPT, encoding="utf-8")
    r = subprocess.run([sys.executable, str(script), *args], cwd=ROOT, capture_output=True,
                       text=True, timeout=600, env=env)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout.strip().splitlines()[-1])


def _lexicon(db) -> dict:
    conn = sqlite3.connect(db)
    out = dict(conn.execute("SELECT word, lemma FROM lexicon"))
    conn.close()
    return out


def _fresh_with_lexicon(tmp_path, name: str, rows: dict, version: str):
    """A new corpus file whose lexicon holds ``rows`` written under ``version``."""
    from maslihat.corpus.api import Corpus
    db = tmp_path / name
    Corpus(str(db), es_url="").close()
    conn = sqlite3.connect(db)
    conn.executemany("INSERT INTO lexicon VALUES (?, ?)", rows.items())
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('lexicon_version', ?)", (version,))
    conn.commit()
    conn.close()
    return db


def test_cold_and_warm_lexicon_give_the_same_corpus_and_spare_pymorphy3(tmp_path):
    from maslihat.nlp.lang.ru.lemmatizer import lexicon_version
    cold = tmp_path / "cold.sqlite"
    assert _run(tmp_path, "ingest", str(cold), str(SAMPLES))["pymorphy3"] is True
    lex = _lexicon(cold)
    assert lex.get("решения") == "решение" and lex.get("депутатского") == "депутатский"
    warm = _fresh_with_lexicon(tmp_path, "warm.sqlite", lex, lexicon_version())
    res = _run(tmp_path, "ingest", str(warm), str(SAMPLES))
    assert res["pymorphy3"] is False          # every Russian word came from the lexicon
    assert _dump(cold) == _dump(warm)
    assert _lexicon(warm) == lex
    for q in ("депутатский запрос", "кто ведёт протокол сессии маслихата", "полномочия акима"):
        a, b = _run(tmp_path, "search", str(cold), q), _run(tmp_path, "search", str(warm), q)
        assert a["hits"] and a["hits"] == b["hits"]
        assert b["pymorphy3"] is False        # a fresh search process: lemmas looked up in the file


def test_a_lexicon_of_another_version_is_not_used(tmp_path):
    cold = tmp_path / "cold.sqlite"
    _run(tmp_path, "ingest", str(cold), str(SAMPLES / "001_56a79b46f786f9f7.txt"))
    wrong = {w: "x" + lem for w, lem in _lexicon(cold).items()}      # what an older pymorphy3 might say
    stale = _fresh_with_lexicon(tmp_path, "stale.sqlite", wrong, "0;pymorphy3=0.1")
    _run(tmp_path, "ingest", str(stale), str(SAMPLES / "001_56a79b46f786f9f7.txt"))
    assert _dump(cold) == _dump(stale)
    assert _lexicon(stale) == _lexicon(cold)      # rewritten under this version


def test_an_interrupted_run_keeps_the_lemmas_of_its_stored_files(tmp_path):
    """The lexicon is written in each file's transaction: what was stored before a stop is
    complete and correct, and finishing the run gives the corpus of an uninterrupted one."""
    from maslihat.nlp.lang.ru import lemmatizer
    db = tmp_path / "stop.sqlite"
    res = _run(tmp_path, "stop", str(db), str(SAMPLES))
    assert res["interrupted"] and res["stored"] == 1
    kept = _lexicon(db)
    assert kept
    lemmatizer.reset()
    assert all(lemmatizer.computed(w) == lem for w, lem in kept.items())
    full = tmp_path / "full.sqlite"
    _run(tmp_path, "ingest", str(full), str(SAMPLES))
    _run(tmp_path, "ingest", str(db), str(SAMPLES))          # resume
    assert _dump(db)["units"] == _dump(full)["units"] and _dump(db)["index"] == _dump(full)["index"]
    assert _lexicon(db) == _lexicon(full)


def test_a_run_killed_before_its_end_leaves_the_query_vocabulary_to_the_next(tmp_path):
    """The query vocabulary's stamp is written with the vocabulary, at a run's end: a run killed
    once a file's lemmas are stored leaves no stamp, and the next run adds the vocabulary (a fresh search
    process then finds its words in the lexicon)."""
    from maslihat.corpus import lexicon
    db = tmp_path / "kill.sqlite"
    script = tmp_path / "run.py"
    script.write_text(_SCRIPT, encoding="utf-8")
    subprocess.run([sys.executable, str(script), "kill", str(db), str(SAMPLES)], cwd=ROOT, timeout=600)
    conn = sqlite3.connect(db)
    assert _lexicon(db) and not lexicon.vocabulary_taken(conn)       # lemmas kept, no stamp
    conn.close()
    _run(tmp_path, "ingest", str(db), str(SAMPLES))                   # the next run converges
    conn = sqlite3.connect(db)
    assert lexicon.vocabulary_taken(conn)
    conn.close()
    assert "полномочие" in set(_lexicon(db).values())                 # a thesaurus word's lemma


def test_worker_processes_send_their_lemmas_back(tmp_path):
    import os
    one, two = tmp_path / "one.sqlite", tmp_path / "two.sqlite"
    _run(tmp_path, "ingest", str(one), str(SAMPLES), env={**os.environ, "MASLIHAT_INGEST_WORKERS": "0"})
    _run(tmp_path, "ingest", str(two), str(SAMPLES), env={**os.environ, "MASLIHAT_INGEST_WORKERS": "2"})
    assert _lexicon(one) and _lexicon(one) == _lexicon(two)
    assert _dump(one) == _dump(two)


def test_a_lexicon_of_the_previous_rule_is_upgraded_not_thrown_away(tmp_path):
    """A corpus whose lexicon was kept before guessed lemmas were marked keeps its lemmas: the
    next ingest marks the guessed ones in place and a Kazakh word it held is not Russian."""
    import sqlite3
    from maslihat.corpus import lexicon
    from maslihat.nlp.lang.ru import lemmatizer
    db = tmp_path / "old.sqlite"
    con = sqlite3.connect(db)
    con.executescript("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
                      "CREATE TABLE lexicon (word TEXT PRIMARY KEY, lemma TEXT NOT NULL) WITHOUT ROWID;")
    con.executemany("INSERT INTO lexicon VALUES (?, ?)", [("депутатов", "депутат"), ("пайдалану", "пайдалан")])
    con.execute("INSERT INTO meta VALUES ('lexicon_version', ?)", (lemmatizer.lexicon_version("1"),))
    con.commit()
    con.isolation_level = None
    lemmatizer.reset()
    try:
        kept = lexicon.load(con)
        assert kept == {"депутатов": "депутат", "пайдалану": lemmatizer.GUESSED + "пайдалан"}
        assert lemmatizer.is_known("депутатов") and not lemmatizer.is_known("пайдалану")
        assert lemmatizer.lemma("пайдалану") == "пайдалан"
    finally:
        lemmatizer.reset()
        con.close()


def test_words_a_newer_search_analyses_reach_an_existing_lexicon(tmp_path, monkeypatch):
    """A corpus whose lexicon predates a word of the query-word lists gets that word's lemma the
    next time it is opened for writing (once), so a fresh search process need not load pymorphy3."""
    import sqlite3
    from maslihat.corpus import lexicon
    from maslihat.corpus.store import Store
    from maslihat.nlp.lang.ru import lemmatizer
    db = tmp_path / "c.sqlite"
    _run(tmp_path, "ingest", str(db), str(SAMPLES))
    con = sqlite3.connect(db)
    assert con.execute("SELECT lemma FROM lexicon WHERE word='понимается'").fetchone()
    con.execute("DELETE FROM lexicon WHERE word='понимается'")      # as before the word was listed
    con.execute("DELETE FROM meta WHERE key='query_vocabulary'")
    con.commit()
    con.close()
    lemmatizer.reset()
    Store(str(db)).close()
    con = sqlite3.connect(db)
    assert con.execute("SELECT lemma FROM lexicon WHERE word='понимается'").fetchone() == ("пониматься",)
    con.close()
    lemmatizer.reset()
    assert lexicon.refresh_query_vocabulary(sqlite3.connect(db)) == 0       # once per vocabulary


def test_a_later_ingest_reads_the_query_vocabulary_only_when_the_lexicon_lacks_it(tmp_path, monkeypatch):
    """The query vocabulary is lemmatized into a corpus's lexicon once: a later ingest (RU and KK
    files) into a corpus whose lexicon holds it does not read it again (issue 14), and a lexicon
    that lost it gets it back when the corpus is opened for writing."""
    from maslihat.corpus import lexicon
    from maslihat.corpus.api import Corpus
    from maslihat.nlp.lang.ru import lemmatizer
    calls = []
    real = lexicon.add_query_vocabulary
    monkeypatch.setattr(lexicon, "add_query_vocabulary", lambda: (calls.append(1), real())[1])
    files = sorted(SAMPLES.glob("*.txt"))
    db = tmp_path / "c.sqlite"

    def ingest(paths) -> None:
        lemmatizer.reset()                  # a fresh process each time, as from the command line
        c = Corpus(str(db), es_url="")
        try:
            assert c.ingest([str(p) for p in paths]).documents_added
        finally:
            c.close()
    try:
        ingest(files[1:2])                  # RU: a new corpus, the vocabulary read
        assert calls == [1]
        ingest(files[:1] + files[2:3])      # KK: taken already
        assert calls == [1]
        con = sqlite3.connect(db)
        con.execute("DELETE FROM lexicon WHERE word='понимается'")
        con.execute("DELETE FROM meta WHERE key='query_vocabulary'")
        con.commit()
        con.close()
        ingest(files[3:])
        con = sqlite3.connect(db)
        assert con.execute("SELECT lemma FROM lexicon WHERE word='понимается'").fetchone() == ("пониматься",)
        con.close()
    finally:
        lemmatizer.reset()


def test_the_query_vocabulary_is_the_all_russian_words_of_its_files(tmp_path, monkeypatch):
    """The words the query vocabulary lemmatizes (issue 14: found over the distinct pieces of its
    strings): every word of the query-word lists, of the thesaurus values and of the places' names
    (what a provision stands under) written in Russian letters only, lower-cased; no part of a Kazakh, Latin or mixed word (`әкімдік` gives no
    `кімдік`), thesaurus keys left out, digits and punctuation ending a word."""
    from maslihat.corpus import lexicon
    from maslihat.nlp import glossary, querywords
    (tmp_path / "ru").mkdir()
    (tmp_path / "kk").mkdir()
    (tmp_path / "ru" / "query_words.txt").write_text(
        "Депутатский запрос  # a comment: коммент\nсессия,маслихата\n", encoding="utf-8")
    (tmp_path / "kk" / "query_words.txt").write_text("әкімдік шешімі\nаудан\n", encoding="utf-8")
    manual = tmp_path / "glossary.json"
    manual.write_text(json.dumps({"ru": {"ключ": ["Бюджет2024 год", "qwerty бюджетъ-Ёлка"],
                                         "ещё": ["qwerty бюджетъ-Ёлка", "Бюджет2024 год"]},     # repeated
                                  "kk": {"кілт": ["Мәслихат сессиясы", "ревизионная комиссия"]}},
                                 ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(querywords, "LANG_DIR", tmp_path)
    monkeypatch.setattr(glossary, "MANUAL", manual)
    monkeypatch.setattr(glossary, "LEARNED", tmp_path / "none.json")
    from types import SimpleNamespace
    from maslihat.core import places
    place = SimpleNamespace(names={"ru": "Павлодарская область", "kk": "Павлодар облысы", "en": "Pavlodar Region"})
    monkeypatch.setattr(places, "gazetteer", lambda: SimpleNamespace(places={"kz-pav": place}))
    lexicon._vocabulary_words.cache_clear()
    try:
        words = lexicon._vocabulary_words()
    finally:
        lexicon._vocabulary_words.cache_clear()
    assert words == ("аудан", "бюджет", "бюджетъ", "год", "депутатский", "запрос", "комиссия",
                     "маслихата", "область", "облысы", "павлодар", "павлодарская", "ревизионная", "сессия",
                     "сессиясы", "ёлка")
