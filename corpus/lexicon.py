"""The corpus file's lexicon: Russian word -> lemma, kept across files, runs and processes.

Why: pymorphy3 costs ~0.3 s to load per process and first-seen words were a fifth of ingest
time (issue 14). The corpus layer hands the kept lemmas to ``nlp.lang.ru.lemmatizer`` (which
must not import the corpus) before an ingest (``load``; worker processes get them through
``worker_init``), stores the lemmas computed during a batch in that batch's transaction
(``save_new``: a crash loses no more of the lexicon than of the documents), and gives a search
process lazy per-word look-ups (``attach``), so a query whose words are known never loads
pymorphy3. Rows are only used when written under the same ``lexicon_version`` (pymorphy3, its
dictionary and the choice rule): lemmas are identical with and without the lexicon.
"""
from __future__ import annotations

import sqlite3
from typing import Optional

from maslihat.nlp.lang.ru import lemmatizer

_VERSION_KEY = "lexicon_version"


def _usable(conn: sqlite3.Connection) -> bool:
    """Whether the stored lexicon was written by this version of the lemmatizer."""
    try:
        row = conn.execute("SELECT value FROM meta WHERE key=?", (_VERSION_KEY,)).fetchone()
    except sqlite3.Error:
        return False
    return row is not None and row[0] == lemmatizer.lexicon_version()


def upgrade(conn: sqlite3.Connection) -> None:
    """A lexicon of rule 1 (same pymorphy3) differs from rule 2 only by the mark on the lemmas
    pymorphy3 guessed for words its dictionary lacks: marked in place (one transaction), so an
    existing corpus keeps its lexicon and its searches keep not loading pymorphy3."""
    try:
        row = conn.execute("SELECT value FROM meta WHERE key=?", (_VERSION_KEY,)).fetchone()
    except sqlite3.Error:
        return
    if row is None or row[0] != lemmatizer.lexicon_version("1") or lemmatizer.lexicon_version() == row[0]:
        return
    known = lemmatizer.morph().word_is_known
    guessed = [(lemmatizer.GUESSED + lem, w) for w, lem in conn.execute("SELECT word, lemma FROM lexicon")
               if not lem.startswith(lemmatizer.GUESSED) and not known(w)]
    own = not conn.in_transaction
    if own:
        conn.execute("BEGIN IMMEDIATE")
    try:
        conn.executemany("UPDATE lexicon SET lemma=? WHERE word=?", guessed)
        conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (_VERSION_KEY, lemmatizer.lexicon_version()))
        if own:
            conn.execute("COMMIT")
    except BaseException:
        if own:
            conn.execute("ROLLBACK")
        raise


def load(conn: sqlite3.Connection) -> dict[str, str]:
    """Every kept lemma (empty when the table is missing or from another version), handed to
    the lemmatizer of this process (a lexicon of the previous rule is upgraded first)."""
    upgrade(conn)
    if not _usable(conn):
        return {}
    try:
        mapping = dict(conn.execute("SELECT word, lemma FROM lexicon"))
    except sqlite3.Error:
        return {}
    lemmatizer.preload(mapping)
    return mapping


def save_new(conn: sqlite3.Connection) -> int:
    """Store the lemmas computed since the last call; inside the caller's transaction.

    A lexicon of another version is emptied first (its lemmas may differ)."""
    new = lemmatizer.take_new()
    if not new:
        return 0
    if not _usable(conn):
        conn.execute("DELETE FROM lexicon")
        conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (_VERSION_KEY, lemmatizer.lexicon_version()))
    conn.executemany("INSERT OR REPLACE INTO lexicon (word, lemma) VALUES (?, ?)", new.items())
    return len(new)


def add_query_vocabulary() -> None:
    """Lemmatize the words a search analyses besides the query's own (the query-word lists,
    the thesaurus), so that they reach the lexicon and a fresh search process finds them there."""
    from maslihat.nlp import glossary
    from maslihat.nlp.querywords import is_query_word
    for lang in ("ru", "kk"):
        is_query_word("а", lang)
        glossary.expand(["депутат"], lang)


def attach(conn: sqlite3.Connection) -> bool:
    """Lazy per-word look-ups for a search process (no preload: a query has a few words)."""
    if not _usable(conn):
        return False

    def lookup(word: str) -> Optional[str]:
        try:
            row = conn.execute("SELECT lemma FROM lexicon WHERE word=?", (word,)).fetchone()
        except sqlite3.Error:
            return None
        return row[0] if row else None
    lemmatizer.set_lookup(lookup)
    return True


def worker_init(mapping: dict[str, str]) -> None:
    """Initializer of an ingest worker process: the parent's lexicon."""
    lemmatizer.preload(mapping)


def worker_take() -> dict[str, str]:
    """Lemmas a worker computed for one file, sent back with its result."""
    return lemmatizer.take_new()


def learn(mapping: dict[str, str]) -> None:
    """Lemmas a worker sent back: known here, stored with the batch."""
    lemmatizer.learn(mapping)
