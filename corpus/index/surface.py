"""A second opinion on the best hits from the query's words as written (issue 16).

The ranking matches analysed terms: lemmas, stems, thesaurus concepts. It misses what a plain
word-prefix match sees: derivational kin that no lemma joins («визируют» / «визирования»,
«участковая» / «участков…»), and which of the query's words are rare *among the hits*. So the best
hits in the query's own language are ranked a second time, by BM25 over the first ``PREFIX``
letters of their words as written (the idf counted inside that window, so nothing is kept in the
corpus for it), and the two orders are fused by reciprocal rank (``WEIGHT`` for the second). The
fused order takes the places and scores those hits held, so hits of the other language keep
theirs (a Russian question whose answer is Kazakh is not pushed down by Russian word matches) and
scores still fall with rank. Measured on the judged queries (docs/quality.md, «word prefixes as a
second opinion»): nDCG@10 up in 14 of the 15 batches of judged queries, each written blind.

Both back ends call ``fused_order`` on the same window (their candidate window, ordered), so
they agree; a query restricted to another language's results, a strict query (operators) and
browsing are left as they are.
"""
from __future__ import annotations

import math
import re
from collections import Counter

from maslihat.core.model import LANGUAGES

PREFIX = 5          # letters of a word that stand for it (shorter words whole)
WINDOW = 100        # best hits ranked a second time
WEIGHT = 0.35       # of the prefix order against the ranking's own, in the fusion
RRF_K = 10          # reciprocal-rank constant: 1 / (RRF_K + rank)
K1, B = 1.2, 0.75   # BM25

_PREFIX = re.compile(r"([^\W_]{2,%d})[^\W_]*" % PREFIX)   # a word of two letters or more: its first letters


def prefixes(text: str) -> list[str]:
    """The words of ``text`` (two letters or more), lower-cased, cut to ``PREFIX`` letters."""
    return _PREFIX.findall(text.lower())


def applies(best_match: bool, src: str, lang) -> bool:
    """A best-match query whose results may be in its own language."""
    return best_match and src in LANGUAGES and (not lang or lang == src)


def prefix_order(query: str, words: list[list[str]]) -> list[int]:
    """Indexes of ``words`` (each a text's ``prefixes``) that share a prefix with ``query``, by
    BM25 over prefixes (idf and mean length counted over ``words``), best first; ties keep their
    order."""
    q = set(prefixes(query))
    if not q or not words:
        return []
    bags = [Counter(w) for w in words]
    n = len(bags)
    lengths = [sum(b.values()) for b in bags]
    avg = (sum(lengths) / n) or 1.0
    df = Counter(p for b in bags for p in q if p in b)
    idf = {p: math.log((n - c + 0.5) / (c + 0.5) + 1) for p, c in df.items()}
    score = []
    for bag, length in zip(bags, lengths):
        s = 0.0
        for p in idf:
            tf = bag.get(p, 0)
            if tf:
                s += idf[p] * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / avg))
        score.append(s)
    return sorted((i for i in range(n) if score[i] > 0), key=lambda i: (-score[i], i))


def fused_order(query: str, src: str, langs: list[str], words: list[list[str]]) -> list[int]:
    """A permutation of the window's positions (``langs`` of its hits, best first, and ``words``:
    their texts' ``prefixes``): the hits in ``src`` fused by reciprocal rank with their
    ``prefix_order``, placed in the positions hits in ``src`` held; the others stay where they are."""
    n = min(len(langs), WINDOW)
    own = [i for i in range(n) if langs[i] == src]
    out = list(range(len(langs)))
    if len(own) < 2:
        return out
    second = prefix_order(query, [words[i] for i in own])
    if not second:
        return out
    fused = [0.0] * len(own)
    for r in range(len(own)):
        fused[r] += 1.0 / (RRF_K + r)
    for r, j in enumerate(second):
        fused[j] += WEIGHT / (RRF_K + r)
    ranked = sorted(range(len(own)), key=lambda j: (-fused[j], j))
    for slot, j in zip(own, ranked):
        out[slot] = own[j]
    return out
