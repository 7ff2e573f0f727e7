"""The wordnet probe of issue 16 (bench/wordnet_probe.py) reads the wordnet's SQLite file as the
index reads words, so its counts of what a synonym reaches mean what they say. Works without the
wiki-ru-wordnet package: the file is made here with the package's two tables."""
from __future__ import annotations

import sqlite3

from bench import wordnet_probe


def _wordnet(path):
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE synsets(synset_id INTEGER NOT NULL, lemma TEXT NOT NULL, definition TEXT NOT NULL)")
    con.execute("CREATE TABLE hypernyms(sid INTEGER NOT NULL, hypersid INTEGER NOT NULL)")
    con.executemany("INSERT INTO synsets VALUES (?, ?, '')", [
        (1, "машина"), (1, "автомобиль"), (1, "тачка"),
        (2, "транспортное средство"), (2, "техсредство"),
        (3, "жильё"), (3, "жилище"),
    ])
    con.execute("INSERT INTO hypernyms VALUES (1, 2)")
    con.commit()
    con.close()


def test_synonyms_and_hypernyms_that_are_index_terms(tmp_path):
    db = tmp_path / "wn.db"
    _wordnet(db)
    by_lemma, words, hyper = wordnet_probe.load_wordnet(str(db))
    assert "жилье" in by_lemma                      # ё folded as the index folds it
    vocabulary = {"машина", "автомобиль", "транспортный", "средство", "жилье", "жилище"}
    alternatives = wordnet_probe.alternatives_of(by_lemma, words, hyper, vocabulary)
    syn, hyp = alternatives("машина")
    assert syn == [("автомобиль",)]                 # «тачка» is no index term; the word itself is left out
    assert hyp == [("транспортный", "средство")]    # a phrase, lemmatised; «техсредство» is not in the corpus
    assert alternatives("жилье") == ([("жилище",)], [])
    assert alternatives("бомж") == ([], [])


def test_a_phrase_counts_only_when_every_word_is_in_the_corpus(tmp_path):
    db = tmp_path / "wn.db"
    _wordnet(db)
    alternatives = wordnet_probe.alternatives_of(*wordnet_probe.load_wordnet(str(db)), {"транспортный", "автомобиль"})
    assert alternatives("машина") == ([("автомобиль",)], [])
