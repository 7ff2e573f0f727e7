"""The spaCy side of ``nlp.lang.ru`` (imported on demand: it imports spaCy)."""
from __future__ import annotations

import spacy
from spacy.language import Language

from maslihat.nlp.lang.ru.lemmatizer import lemma
from maslihat.nlp.lang.ru.tokenizer_exceptions import TOKENIZER_EXCEPTIONS


@Language.component("ru_pymorphy_lemmatizer")
def ru_pymorphy_lemmatizer(doc):
    """Set lemma_ (pymorphy3, cached) and norm_ (the search term)."""
    from maslihat.nlp.analyze import normalize_term
    from maslihat.nlp.lang import fold
    for tok in doc:
        if tok.is_alpha:
            f = fold(tok.text)
            tok.lemma_ = lemma(f)
            tok.norm_ = normalize_term(tok.text, "ru") or f
    return doc


def make_nlp() -> Language:
    """``spacy.blank("ru")`` with our exceptions and the cached pymorphy3 lemmatizer."""
    nlp = spacy.blank("ru")
    for orth, spec in TOKENIZER_EXCEPTIONS.items():
        nlp.tokenizer.add_special_case(orth, spec)
    nlp.add_pipe("ru_pymorphy_lemmatizer")
    return nlp
