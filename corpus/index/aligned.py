"""A query word neither the thesaurus nor the learned RU↔KK table translates, translated by the
corpus's own aligned provisions (issue 16).

The shipped RU↔KK table (``nlp/data/glossary_learned.json``) was learned from the aligned texts of
``../shared``; a user's corpus brings acts with words it lacks («признак», «призыв»). Such a word
would reach the other language only as itself or its cognate root, so a Russian question finds
nothing in Kazakh-only texts. But where the corpus holds both language versions of some act, the
units that hold the word have aligned provisions in the other language, and the word's
translation is the term that keeps coming back in them. So, at query time and only for such a
word: its best ``SAMPLE`` units in the query's language, their aligned provisions, and the other
language's terms counted there; a term is taken when it is in at least ``MIN_UNITS`` of them and
in ``COVER`` of them, its Dice coefficient against the word (``2c / (m + df)``, ``df`` its units in
the corpus scaled to the sample) is ``MIN_DICE`` or more, and no other term comes within ``KEEP``
of it (a word's few provisions often share several words: then none is taken). A word whose own
term is in ``COVER`` of its aligned provisions is spelled alike in both languages and left alone.
Nothing is learned or stored at ingest (issue 14's ingest cost); the answer is kept per index
generation (``SearchIndex.memo``), and both back ends ask the same questions (units holding a
term, their aligned provisions, the texts, the counts).
Measured: docs/quality.md, «translated by the corpus's aligned provisions».
"""
from __future__ import annotations

import math
from collections import Counter
from typing import Callable, Optional

from maslihat.nlp.analyze import index_terms

SAMPLE = 60          # units of the word read (its best by BM25 in the query's language)
MIN_UNITS = 3        # aligned provisions a translation must be in
MIN_DICE = 0.3       # Dice coefficient of the word and a translation
COVER = 0.5          # share of the word's aligned provisions a translation must be in
KEEP = 0.8           # the runner-up must stay below this share of the best one's Dice
MIN_LETTERS = 4      # shorter words (and numbers) are not translated this way
TEXT_CHARS = 600     # of an aligned provision read (a chapter's text would add its points' words)

Translate = Callable[[str, str, str], tuple]


def translations(term: str, src: str, target: str, units_with_term, parallel_of, texts_of,
                 term_counts) -> tuple:
    """The terms of ``target`` that translate the index term ``term`` of ``src`` in this corpus,
    best first; () when too few of its units are aligned or no term stands out.

    ``units_with_term(term, lang, n)``: ids of the best ``n`` units of ``lang`` holding ``term``;
    ``parallel_of(ids)``: {id: aligned id}; ``texts_of(ids)``: {id: text}; ``term_counts(terms)``:
    {term: units holding it}."""
    if len(term) < MIN_LETTERS or not term.isalpha():
        return ()
    ids = units_with_term(term, src, SAMPLE)
    if len(ids) < MIN_UNITS:
        return ()
    aligned = parallel_of(ids)
    other = [p for p in dict.fromkeys(aligned.get(i) for i in ids) if p]
    if len(other) < MIN_UNITS:
        return ()
    texts = texts_of(other)
    bags = [set(index_terms(texts[p][:TEXT_CHARS], target)) for p in other if texts.get(p)]
    m = len(bags)
    co = Counter(t for bag in bags for t in bag if len(t) >= MIN_LETTERS and t.isalpha())
    # Dice ≥ MIN_DICE needs 2c ≥ MIN_DICE · (m + df) and df ≥ c: c ≥ MIN_DICE · m / (2 - MIN_DICE)
    need = max(MIN_UNITS, math.ceil(MIN_DICE * m / (2 - MIN_DICE)), math.ceil(COVER * m))
    if co.pop(term, 0) >= need:
        return ()       # spelled alike in both languages (депутат, сессия, регламент): it is its own translation
    cands = sorted(t for t, c in co.items() if c >= need)
    if not cands:
        return ()
    df = term_counts(cands + [term])
    share = min(1.0, len(ids) / max(df.get(term) or len(ids), 1))    # the sample's share of the word's units
    dice = {t: 2 * co[t] / (m + df[t] * share) for t in cands if df.get(t)}
    ranked = sorted((t for t in dice if dice[t] >= MIN_DICE), key=lambda t: (-dice[t], -co[t], t))
    if not ranked:
        return ()
    best = dice[ranked[0]]
    if len(ranked) > 1 and dice[ranked[1]] > KEEP * best:
        return ()       # no term stands out: the word's few provisions share several (ties at Dice 1)
    return tuple(ranked[:1])


def translator(index) -> Optional[Translate]:
    """``translations`` over ``index`` (either back end, with the store's aligned provisions and
    texts set on it by ``corpus.api``), kept per generation; None when the index cannot tell."""
    parts = [getattr(index, n, None) for n in ("units_with_term", "parallel_of", "texts_of", "term_counts")]
    if any(p is None for p in parts):
        return None
    memo = index.memo("aligned_translations")

    def translate(term: str, src: str, target: str) -> tuple:
        key = (term, src, target)
        if memo is not None and key in memo:
            return memo[key]
        try:
            got = translations(term, src, target, *parts)
        except Exception:   # noqa: BLE001 - a failed look-up leaves the word untranslated, as before,
            return ()       # this once: not kept, so the next search asks again (a timeout, a busy file)
        if memo is not None:
            memo[key] = got
        return got

    return translate
