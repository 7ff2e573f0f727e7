"""Per-language resources (spaCy-style folders ``ru/`` and ``kk/`` with the same file names) and
the orthographic fold both languages share.

``fold`` lower-cases a word and undoes the spelling noise of the corpus (domain.md §4): Latin
look-alikes inside Cyrillic words (тиicтi, бip, Kөпшілік), Kazakh і typed as Latin i, ё, and
Latin/other-script stand-ins for Kazakh letters (ə, ɵ, ӊ). Words with no Cyrillic letter stay
as they are (pdf, Elasticsearch).
"""
from __future__ import annotations

import re
from functools import lru_cache

from maslihat.core.chars import replacer
from maslihat.core.grammar import CYR_LOWER

_UPPER_LOOKALIKE = replacer(str.maketrans("ABCEHKMOPTXY", "АВСЕНКМОРТХУ"))
_LOWER_LOOKALIKE = replacer(str.maketrans({
    "a": "а", "c": "с", "e": "е", "o": "о", "p": "р", "x": "х", "y": "у", "k": "к",
    "i": "і", "h": "һ", "ə": "ә", "ɵ": "ө", "ӊ": "ң", "ҥ": "ң", "ї": "і", "ё": "е",
    "Ə": "ә", "Ɵ": "ө",
}))
_CYR = re.compile(f"[{CYR_LOWER}]", re.IGNORECASE)


@lru_cache(maxsize=262144)
def fold(word: str) -> str:
    """One word -> lower case, Cyrillic spelling (look-alikes only inside Cyrillic words)."""
    if _CYR.search(word):
        return _LOWER_LOOKALIKE(_UPPER_LOOKALIKE(word).lower())
    return word.lower().replace("ё", "е")


def lazy_tokenizer_exceptions(module: str, abbreviations: list[str]):
    """A module ``__getattr__`` that builds ``TOKENIZER_EXCEPTIONS`` on first use.

    It needs spaCy's ORTH symbol; building it lazily keeps spaCy out of the ingest and search
    paths, which only read ``NORM_EXCEPTIONS``.
    """
    import sys

    def __getattr__(name: str):
        if name == "TOKENIZER_EXCEPTIONS":
            from spacy.symbols import ORTH
            value = {a: [{ORTH: a}] for a in abbreviations}
            setattr(sys.modules[module], name, value)
            return value
        raise AttributeError(f"module {module!r} has no attribute {name!r}")
    return __getattr__
