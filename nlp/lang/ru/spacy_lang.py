"""The spaCy side of ``nlp.lang.ru`` (imported on demand: it imports spaCy).

``Russian`` is spaCy's Russian class with our ``RussianDefaults`` (tokenizer exceptions and stop
words of this folder); importing the module registers the ``ru_pymorphy_lemmatizer`` component."""
from __future__ import annotations

from spacy.lang.ru import Russian as _SpacyRussian
from spacy.lang.ru import RussianDefaults as _SpacyRussianDefaults
from spacy.language import Language
from spacy.util import update_exc

from maslihat.nlp.lang.ru.lemmatizer import lemma
from maslihat.nlp.lang.ru.stop_words import STOP_WORDS
from maslihat.nlp.lang.ru.tokenizer_exceptions import TOKENIZER_EXCEPTIONS


class RussianDefaults(_SpacyRussianDefaults):
    tokenizer_exceptions = update_exc(_SpacyRussianDefaults.tokenizer_exceptions, TOKENIZER_EXCEPTIONS)
    stop_words = STOP_WORDS


class Russian(_SpacyRussian):
    lang = "ru"
    Defaults = RussianDefaults


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
    """``Russian()`` (our exceptions and stop words) with the cached pymorphy3 lemmatizer."""
    nlp = Russian()
    nlp.add_pipe("ru_pymorphy_lemmatizer")
    return nlp
