"""Text -> search terms, the one normalisation shared by indexing and querying (both back ends).

Initial version: lower-casing, look-alike folding and word tokens. The nlp helper replaces the
bodies with Russian lemmas (pymorphy3) and Kazakh stems; the signatures are the interface.
"""
from __future__ import annotations

import re

_WORD = re.compile(r"[\w\-]+", re.UNICODE)
_FOLD = str.maketrans("aceopxykmhtbiі", "асеорхукмнтвіі")


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Word tokens with their offsets in ``text``."""
    return [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text)]


def normalize_term(word: str, lang: str) -> str:
    """One word -> its index term (lemma for ru, stem for kk); '' for a stop word."""
    return word.lower().translate(_FOLD)


def index_terms(text: str, lang: str) -> list[str]:
    """Terms of ``text`` in order (stop words dropped consistently with ``query_terms``)."""
    return [t for t in (normalize_term(w, lang) for w, _, _ in tokens(text)) if t]


def query_terms(text: str, lang: str) -> list[str]:
    return index_terms(text, lang)


def guess_language(text: str) -> str:
    """'kk' when the text has Kazakh-only letters, else 'ru' (queries are short)."""
    return "kk" if re.search(r"[әғқңөұүһі]", text.lower()) else "ru"
