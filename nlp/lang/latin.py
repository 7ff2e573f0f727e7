"""Kazakh and Russian written in Latin letters: the Cyrillic spellings a word may stand for.

Why: Kazakh has an official Latin alphabet (2021) and drafts still in use, and people without a
Cyrillic keyboard write both languages in Latin letters («kezekten tys sessiia qashan
shaqyrylady», «deputatskiy zapros»). Read as typed, such a query matched nothing. Each language's
letters are data (``nlp/lang/<lang>/latin.yaml``: a Latin letter or group and the Cyrillic it may
stand for, most likely first, with examples that a test reads back). ``readings`` lists what a
word may be; which one was meant is decided by the corpus (``corpus.respell.transliterate``: the
spelling its index knows best), not here.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

MAX_READINGS = 64          # per word and language: the likeliest first
MAX_COST = 4               # the sum of the ranks of the letters' second, third… readings
LATIN_WORD = re.compile(r"[A-Za-zÀ-ɏ](?:[A-Za-zÀ-ɏ]|'(?=[A-Za-zÀ-ɏ]))*'?")


@lru_cache(maxsize=2)
def _data(lang: str) -> dict:
    from maslihat.core.yamlfile import load
    return load(Path(__file__).with_name(lang) / "latin.yaml")


@lru_cache(maxsize=2)
def table(lang: str) -> tuple[dict, int]:
    """({Latin letter or group: Cyrillic readings, likeliest first}, the longest group's length)."""
    letters = {str(k).lower(): tuple(v) for k, v in _data(lang)["letters"].items()}
    return letters, max(map(len, letters))


def examples(lang: str) -> list[tuple[str, str]]:
    """The data file's (Latin, Cyrillic) examples: what the table must read back."""
    return [(a, b) for a, b in _data(lang).get("examples", [])]


def _lower(word: str) -> str:
    return word.replace("İ", "i").lower()


def _edges(word: str, i: int, lang: str) -> list[tuple[int, tuple[str, ...]]]:
    """The groups ``word`` may have at ``i``, longest first, each (its length, its readings): «iya»
    is «iy»+«a» and, one step less likely, «i»+«ya» (ия); a letter the table does not know stands
    for itself."""
    letters, longest = table(lang)
    out = [(n, letters[word[i:i + n]]) for n in range(min(longest, len(word) - i), 0, -1)
           if word[i:i + n] in letters]
    return out or [(1, ("",) if word[i] == "'" else (word[i],))]


def readings(word: str, lang: str) -> tuple[str, ...]:
    """The Cyrillic spellings a Latin ``word`` may stand for in ``lang``, likeliest first: every
    group's first reading, then those that take a later one (a group's n-th reading costs n-1;
    cheapest first, at most ``MAX_COST`` and ``MAX_READINGS``; every way of cutting the word
    into groups, a group cut shorter than the longest at its place costing one more). () for a
    word with no Latin letter."""
    w = _lower(word)
    if not LATIN_WORD.fullmatch(w):
        return ()
    return _readings(w, lang)


@lru_cache(maxsize=4096)
def _readings(w: str, lang: str) -> tuple[str, ...]:
    found: dict[str, None] = {}

    def spend(i: int, budget: int, done: str) -> None:
        """Every reading of ``w[i:]`` that costs exactly ``budget`` more, after ``done``."""
        if len(found) >= MAX_READINGS:
            return
        if i == len(w):
            if budget == 0:
                found.setdefault(done)
            return
        for cut, (n, options) in enumerate(_edges(w, i, lang)):   # a shorter group costs more
            for rank, r in enumerate(options[:budget + 1 - cut]):
                spend(i + n, budget - cut - rank, done + r)

    for cost in range(MAX_COST + 1):
        spend(0, cost, "")
    return tuple(found)
