"""Words of a query that ask rather than name (кто, как, сколько; кім, қалай, неше, ма/ме…).

Why: people type questions. A best-match query (``corpus.index.query``, no operators) drops these
words before scoring so that «кто ведёт протокол сессии» scores on «вести протокол сессия». They
are data, one file per language beside the language's other vocabulary
(``nlp/lang/<lang>/query_words.txt``); the index keeps every word, so a quoted phrase still
finds them.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from maslihat.nlp.analyze import normalize_term
from maslihat.nlp.lang import fold

LANG_DIR = Path(__file__).resolve().parent / "lang"


@lru_cache(maxsize=4)
def _words(lang: str) -> tuple[frozenset, frozenset]:
    """(folded surface forms, their index terms) of the language's query words."""
    path = LANG_DIR / lang / "query_words.txt"
    if not path.exists():
        return frozenset(), frozenset()
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        words.update(fold(w) for w in line.split("#", 1)[0].split())
    terms = {normalize_term(w, lang) for w in words}
    return frozenset(words), frozenset(t for t in terms if t)


def is_query_word(word: str, lang: str) -> bool:
    """True when ``word`` only asks (a question word, particle or request word of ``lang``)."""
    surface, terms = _words(lang)
    f = fold(word)
    if f in surface:
        return True
    t = normalize_term(word, lang)
    return bool(t) and t in terms and len(f) <= len(t) + 3
