"""Russian lemmas with pymorphy3 called directly, cached.

Why not spaCy's ``lemmatizer`` in pymorphy3 mode: without a tagger it returns the word unchanged
whenever pymorphy3 offers several normal forms, and it ran at about 3,900 tokens/s here; a
direct, ``lru_cache``d pymorphy3 lookup runs at tens of thousands of tokens/s cold and far more
warm (domain.md §5). Choice rule, deterministic so that index and query agree: the first parse's
normal form (pymorphy3 orders parses by probability), except that a noun parse among the
top-scoring ones wins (права -> право, not правый: queries are nominal).
"""
from __future__ import annotations

from functools import lru_cache

import pymorphy3

_MORPH = None


def morph() -> "pymorphy3.MorphAnalyzer":
    global _MORPH
    if _MORPH is None:
        _MORPH = pymorphy3.MorphAnalyzer(lang="ru")
    return _MORPH


# lemma choices pymorphy3 gets wrong for this domain (its first parse is not the legal sense)
LEMMA_EXCEPTIONS = {
    "прав": "право", "права": "право", "правам": "право", "правами": "право", "правах": "право",
    "органов": "орган", "органы": "орган",
    "сессии": "сессия", "депутатов": "депутат",
    "слушаний": "слушание", "слушания": "слушание", "слушаниях": "слушание",
    "выборов": "выборы", "выборах": "выборы", "выборам": "выборы", "выборы": "выборы",
    "полномочий": "полномочие", "полномочия": "полномочие", "полномочиях": "полномочие",
    "полномочиями": "полномочие", "полномочиям": "полномочие",
}


# Kazakh loans declined as Russian nouns that pymorphy3's guesser does not know (маслихата)
LOAN_STEMS = ("маслихат", "акимат", "аким", "мажилис", "сенат", "тенге", "аул")
_NOUN_ENDINGS = frozenset({"", "а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах", "ой", "ою", "и",
                           "ей", "ям", "ями", "ях", "я", "ю", "ем"})


@lru_cache(maxsize=262144)
def lemma(word: str) -> str:
    """Lower-case Russian word -> lemma (ё folded to е)."""
    if word in LEMMA_EXCEPTIONS:
        return LEMMA_EXCEPTIONS[word]
    for stem in LOAN_STEMS:
        if word.startswith(stem) and word[len(stem):] in _NOUN_ENDINGS:
            return stem
    if not word.isalpha():
        return word
    parses = morph().parse(word)
    if not parses:
        return word
    best = parses[0]
    top = best.score
    for p in parses:
        if p.score < top * 0.5:
            break
        if p.tag.POS == "NOUN":
            best = p
            break
    return best.normal_form.replace("ё", "е")
