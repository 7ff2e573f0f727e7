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
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Optional

from maslihat import nlp as _nlp
from maslihat.nlp.lang.ru import lemmatizer

_VERSION_KEY = "lexicon_version"


def _usable(conn: sqlite3.Connection) -> bool:
    """Whether the stored lexicon was written by this version of the lemmatizer."""
    try:
        row = conn.execute("SELECT value FROM meta WHERE key=?", (_VERSION_KEY,)).fetchone()
    except sqlite3.Error:
        return False
    return row is not None and row[0] == lemmatizer.lexicon_version()


@contextmanager
def _transaction(conn: sqlite3.Connection):
    """One transaction of its own, unless the caller's is open (then the caller's commits)."""
    own = not conn.in_transaction
    if own:
        conn.execute("BEGIN IMMEDIATE")
    try:
        yield
        if own:
            conn.execute("COMMIT")
    except BaseException:
        if own:
            conn.execute("ROLLBACK")
        raise


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
    with _transaction(conn):
        conn.executemany("UPDATE lexicon SET lemma=? WHERE word=?", guessed)
        conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (_VERSION_KEY, lemmatizer.lexicon_version()))


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


def save_new(conn: sqlite3.Connection, vocabulary: bool = False) -> int:
    """Store the lemmas computed since the last call; inside the caller's transaction.

    A lexicon of another version is emptied first (its lemmas may differ). ``vocabulary``: the
    query vocabulary is among what was computed (``add_query_vocabulary``) or already stored, so
    its stamp is written; a file's own lemmas do not write it, or a run killed before its end
    would leave a stamp without the vocabulary, and no later run would add it."""
    new = lemmatizer.take_new()
    if new:
        if not _usable(conn):
            conn.execute("DELETE FROM lexicon")
            conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (_VERSION_KEY, lemmatizer.lexicon_version()))
        conn.executemany("INSERT OR REPLACE INTO lexicon (word, lemma) VALUES (?, ?)", new.items())
    if vocabulary and _usable(conn):
        conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (_VOCABULARY_KEY, _vocabulary_stamp()))
    return len(new)


def add_query_vocabulary() -> None:
    """Lemmatize the words a search analyses besides the query's own (the query-word lists,
    the thesaurus), so that they reach the lexicon and a fresh search process finds them there
    (``save_new(conn, vocabulary=True)`` stores them and marks the vocabulary taken). Their lemmas
    come from ``SHIPPED`` when it was made for this vocabulary, analyser and pymorphy3 (the same
    lemmas, new here when this process had not met them: the same rows are stored)."""
    shipped = _shipped()
    if shipped is not None:
        lemmatizer.learn(shipped[0])
        return
    _analyse_vocabulary()


def _analyse_vocabulary() -> None:
    from maslihat.nlp.analyze import normalize_term
    for word in _vocabulary_words():
        normalize_term.__wrapped__(word, "ru")      # past its cache: the lemma is looked up or computed


_VOCABULARY_KEY = "query_vocabulary"


def vocabulary_taken(conn: sqlite3.Connection) -> bool:
    """Whether the stored lexicon already holds the query vocabulary of this version (its stamp,
    as ``refresh_query_vocabulary`` reads it): an ingest into such a corpus need not read and
    lemmatize the vocabulary again (issue 14: 0.05 CPU-s of every later ingest)."""
    if not _usable(conn):
        return False
    try:
        row = conn.execute("SELECT value FROM meta WHERE key=?", (_VOCABULARY_KEY,)).fetchone()
    except sqlite3.Error:
        return False
    return row is not None and row[0] == _vocabulary_stamp()


@lru_cache(maxsize=1)
def _vocabulary_stamp() -> str:
    """What the query vocabulary is made of: the query-word lists, the thesaurus files and the
    gazetteer (the names of places a provision stands under, ``Store.heading_context``)."""
    import hashlib
    from pathlib import Path
    from maslihat.core import places
    from maslihat.nlp import glossary, querywords
    h = hashlib.sha256(lemmatizer.lexicon_version().encode())
    files = sorted(Path(querywords.LANG_DIR).glob("*/query_words.txt"))
    files += [glossary.MANUAL, glossary.LEARNED, places.DATA]
    for f in files:
        h.update(f.name.encode() + (f.read_bytes() if f.exists() else b""))
    return h.hexdigest()[:16]


# The lemmas of the project's own words, computed when the project is built
# (``scripts/project_lemmas.py``): the query vocabulary's (3,800 words, 600 of them only guessed by
# pymorphy3) and the competency terms'. Every new corpus stored them again, computing them with
# pymorphy3 (issue 14: 50-80 ms of a cold ingest, and pymorphy3's load in an ingest of no file).
# Used only when made for these files and this pymorphy3 (``shipped_key``, ``lexicon``); else the
# words are analysed as before (same lemmas, slower); tests/corpus/test_project_lemmas.py fails
# while the file is stale.
SHIPPED = Path(_nlp.__file__).parent / "data" / "project_lemmas.json"


@lru_cache(maxsize=1)
def shipped_key() -> str:
    """What the shipped lemmas depend on: the query vocabulary (its stamp: its files and
    pymorphy3's version), the analyser's files (which words reach pymorphy3, and the choice rule)
    and the competency terms."""
    import hashlib
    from maslihat.nlp import competency, glossary
    h = hashlib.sha256(_vocabulary_stamp().encode())
    for f in (*glossary.ANALYSER_FILES, competency.DATA):
        h.update(f.name.encode() + b"\0" + f.read_bytes())
    return h.hexdigest()[:16]


def project_lemmas() -> dict:
    """{"key", "lexicon", "vocabulary": {word: kept lemma}, "terms": {word: kept lemma}}: what a
    process with no lexicon computes for the query vocabulary (``add_query_vocabulary``, in the
    order it does), then for the competency terms' other Russian words, as the lexicon keeps them
    (``GUESSED`` marks); what ``scripts/project_lemmas.py`` writes to ``SHIPPED``. Run it in a
    process of its own: it forgets this process's lemmas (``lemmatizer.reset``)."""
    from maslihat.nlp import competency
    from maslihat.nlp.analyze import _WORD, normalize_term
    lemmatizer.reset()
    _analyse_vocabulary()
    vocabulary = lemmatizer.take_new()
    for v in competency._data()["codes"].values():
        for phrase, _weight in v.get("ru", []):
            for word in _WORD.findall(phrase):
                normalize_term.__wrapped__(word, "ru")
    terms = lemmatizer.take_new()
    lemmatizer.reset()
    return {"key": shipped_key(), "lexicon": lemmatizer.lexicon_version(), "vocabulary": vocabulary,
            "terms": terms}


@lru_cache(maxsize=1)
def _shipped() -> Optional[tuple[dict[str, str], dict[str, str]]]:
    """(vocabulary, terms) of ``SHIPPED`` when made for these files and this pymorphy3, else None."""
    import json
    try:
        data = json.loads(SHIPPED.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if (not isinstance(data, dict) or data.get("key") != shipped_key()
            or data.get("lexicon") != lemmatizer.lexicon_version()):
        return None
    vocabulary, terms = data.get("vocabulary"), data.get("terms")
    if not isinstance(vocabulary, dict) or not isinstance(terms, dict):
        return None
    return vocabulary, terms


def offer_shipped() -> bool:
    """Offer the shipped lemmas to this process's lemmatizer (a new corpus, or a lexicon of another
    version: its words then come from the file, not from pymorphy3); False when the file is not
    usable here."""
    shipped = _shipped()
    if shipped is None:
        return False
    lemmatizer.offer(shipped[0])
    lemmatizer.offer(shipped[1])
    return True


@lru_cache(maxsize=1)
def _vocabulary_words() -> tuple[str, ...]:
    """Every word of the query-word lists, of the thesaurus files and of the places' names that
    Russian could lemmatize (lower case, common Cyrillic letters), as written: read from the files,
    not through the analyser's caches, so that none is skipped for having been seen before in this
    process."""
    import json
    import re
    from pathlib import Path
    from maslihat.core import places
    from maslihat.nlp import glossary, querywords
    strings: list[str] = []

    def walk(x):
        if isinstance(x, str):
            strings.append(x)
        elif isinstance(x, dict):
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)
    for f in sorted(Path(querywords.LANG_DIR).glob("*/query_words.txt")):
        walk([line.split("#", 1)[0] for line in f.read_text(encoding="utf-8").splitlines()])
    for f in (glossary.MANUAL, glossary.LEARNED):
        if f.exists():
            walk(json.loads(f.read_text(encoding="utf-8")))
    walk([p.names for p in places.gazetteer().places.values()])     # what a provision stands under
    # the strings' words found in one pass over their distinct whitespace-separated pieces (a line
    # break joins them: no word spans two; a sixth of the text once repeated pieces go, issue 14),
    # a word kept when it is all Russian letters: a run of them with no letter on either side
    # (the same words as testing each run of letters ``[^\W\d_]+`` with ``[а-яё]+``); the strings
    # themselves deduplicated first (5,932 distinct of 10,143: the thesaurus repeats its words
    # across pairs and synonym groups; half the cost of lowering and splitting them)
    pieces = set("\n".join(dict.fromkeys(strings)).lower().split())
    return tuple(sorted(set(re.findall(r"(?<![^\W\d_])[а-яё]+(?![^\W\d_])", "\n".join(pieces)))))


def refresh_query_vocabulary(conn: sqlite3.Connection) -> int:
    """Once per change of the query vocabulary (a newer maslihat on an existing corpus, opened for
    writing): add the lemmas of its words that the lexicon lacks, so that a fresh search process
    still finds them there instead of loading pymorphy3 (issue 14: first query of a process).
    A lexicon of another version is left to the next ingest. Returns how many were added."""
    if not _usable(conn):
        return 0
    stamp = _vocabulary_stamp()
    row = conn.execute("SELECT value FROM meta WHERE key=?", (_VOCABULARY_KEY,)).fetchone()
    if row is not None and row[0] == stamp:
        return 0
    shipped = _shipped()
    if shipped is not None:                  # the vocabulary's lemmas as computed: the lexicon's
        with _transaction(conn):             # rows stay, the others are added
            before = conn.total_changes
            conn.executemany("INSERT OR IGNORE INTO lexicon (word, lemma) VALUES (?, ?)", shipped[0].items())
            added = conn.total_changes - before
            conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (_VOCABULARY_KEY, stamp))
        return added
    attach(conn)                             # known words are looked up, the others computed
    try:
        _analyse_vocabulary()
        new = lemmatizer.take_new()
    finally:
        lemmatizer.set_lookup(None)
    with _transaction(conn):
        conn.executemany("INSERT OR REPLACE INTO lexicon (word, lemma) VALUES (?, ?)", new.items())
        conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (_VOCABULARY_KEY, stamp))
    return len(new)


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


def worker_init(mapping: dict[str, str], offered: bool = False) -> None:
    """Initializer of an ingest worker process: the parent's lexicon, and the shipped lemmas when
    the parent offers them (``offer_shipped``)."""
    lemmatizer.preload(mapping)
    if offered:
        offer_shipped()


def worker_take() -> dict[str, str]:
    """Lemmas a worker computed for one file, sent back with its result."""
    return lemmatizer.take_new()


def learn(mapping: dict[str, str]) -> None:
    """Lemmas a worker sent back: known here, stored with the batch."""
    lemmatizer.learn(mapping)
