"""Kazakh for spaCy: ``Kazakh(Language)`` with lang "kk", and the ``kk_stemmer`` component.

spaCy 3.8 ships no Kazakh module (domain.md §5). The class is registered through spaCy's entry
point (``[project.entry-points.spacy_languages]`` in pyproject.toml), so ``spacy.blank("kk")``
works in any program once maslihat is installed with the ``spacy`` extra. spaCy itself is
imported only when a pipeline is wanted — ``make_nlp()``, ``register()`` or the ``Kazakh``
attribute — so the search and ingest paths, which need only the stemmer and the word lists of
this folder, never pay for it (spaCy is an optional extra: docs/benchmarks.md, "Issue 8").
The component writes the stem into ``token.lemma_`` and the search term into ``token.norm_``
(the same function as ``nlp.analyze.normalize_term``).
"""
from __future__ import annotations

from maslihat.nlp.lang.kk.stemmer import stem
from maslihat.nlp.lang.kk.stop_words import STOP_WORDS
from maslihat.nlp.lang.kk.tokenizer_exceptions import NORM_EXCEPTIONS


def register():
    """Import spaCy, register the Kazakh language class and the ``kk_stemmer`` component; returns the class."""
    from maslihat.nlp.lang.kk import spacy_lang
    return spacy_lang.Kazakh


def make_nlp():
    """``spacy.blank("kk")`` with the stemmer."""
    from maslihat.nlp.lang.kk import spacy_lang
    return spacy_lang.make_nlp()


def __getattr__(name: str):
    if name in ("Kazakh", "KazakhDefaults", "kk_stemmer"):     # spaCy on demand
        from maslihat.nlp.lang.kk import spacy_lang
        return getattr(spacy_lang, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["Kazakh", "make_nlp", "register", "stem", "STOP_WORDS", "NORM_EXCEPTIONS"]
