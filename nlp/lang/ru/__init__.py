"""Russian for spaCy: ``spacy.blank("ru")`` tokenization plus the ``ru_pymorphy_lemmatizer``
component, which calls pymorphy3 directly through a cache (see ``lemmatizer``) instead of
spaCy's pymorphy3-mode lemmatizer (slow, and the word unchanged when ambiguous).

spaCy (an optional extra) is imported only by ``make_nlp()`` / ``register()`` or the
``Russian`` / ``RussianDefaults`` attributes: the search and ingest paths use ``lemmatizer`` and
the word lists without it. spaCy has a Russian class of its own, so ours is not registered
under "ru"; ``make_nlp()`` builds it directly.
"""
from __future__ import annotations

from maslihat.nlp.lang.ru.lemmatizer import lemma
from maslihat.nlp.lang.ru.stop_words import STOP_WORDS
from maslihat.nlp.lang.ru.tokenizer_exceptions import NORM_EXCEPTIONS


def register() -> None:
    """Import spaCy and register the ``ru_pymorphy_lemmatizer`` component."""
    from maslihat.nlp.lang.ru import spacy_lang  # noqa: F401


def make_nlp():
    """``spacy.blank("ru")`` with our exceptions and the cached pymorphy3 lemmatizer."""
    from maslihat.nlp.lang.ru import spacy_lang
    return spacy_lang.make_nlp()


def __getattr__(name: str):
    if name in ("Russian", "RussianDefaults", "ru_pymorphy_lemmatizer"):     # spaCy on demand
        from maslihat.nlp.lang.ru import spacy_lang
        return getattr(spacy_lang, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["Russian", "lemma", "make_nlp", "register", "STOP_WORDS", "NORM_EXCEPTIONS"]
