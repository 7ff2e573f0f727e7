"""The spaCy side of ``nlp.lang.kk`` (imported on demand: it imports spaCy).

``Kazakh`` is what spaCy's ``spacy_languages`` entry point names (pyproject.toml); importing this
module also registers the ``kk_stemmer`` component."""
from __future__ import annotations

import spacy
from spacy.language import BaseDefaults, Language
from spacy.lang.tokenizer_exceptions import BASE_EXCEPTIONS
from spacy.util import update_exc

from maslihat.nlp.lang.kk.stemmer import stem
from maslihat.nlp.lang.kk.stop_words import STOP_WORDS
from maslihat.nlp.lang.kk.tokenizer_exceptions import NORM_EXCEPTIONS, TOKENIZER_EXCEPTIONS


class KazakhDefaults(BaseDefaults):
    tokenizer_exceptions = update_exc(BASE_EXCEPTIONS, TOKENIZER_EXCEPTIONS)
    stop_words = STOP_WORDS


class Kazakh(Language):
    lang = "kk"
    Defaults = KazakhDefaults



@Language.component("kk_stemmer")
def kk_stemmer(doc):
    """Set lemma_ (stem) and norm_ (search term, '' for stop words is left as the fold)."""
    from maslihat.nlp.analyze import normalize_term
    from maslihat.nlp.lang import fold
    for tok in doc:
        if tok.is_alpha:
            f = fold(tok.text)
            tok.lemma_ = NORM_EXCEPTIONS.get(stem(f), stem(f))
            tok.norm_ = normalize_term(tok.text, "kk") or f
    return doc


def make_nlp() -> Language:
    """``spacy.blank("kk")`` with the stemmer."""
    nlp = spacy.blank("kk")
    nlp.add_pipe("kk_stemmer")
    return nlp
