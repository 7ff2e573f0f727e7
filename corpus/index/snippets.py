"""Snippets: the matched words highlighted in the unit's own wording, built in Python so that
both back ends return byte-identical snippets.

Document text is untrusted: everything is HTML-escaped and the only markup in a snippet is
``<mark>``…``</mark>``. A word is marked when its index term (``nlp.analyze.normalize_term``)
is one of the query's positive terms or starts with one of its prefixes.
"""
from __future__ import annotations

import html
import re
from functools import lru_cache

from maslihat.nlp import analyze
from maslihat.corpus.index.query import safe_term

WINDOW = 240      # characters of context shown around the first match
LEAD = 60         # of which before it
ELLIPSIS = "…"
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=262144)
def _term(word: str, lang: str) -> str:
    """A word's index term as the indexes hold it: every word of every hit on a page is read
    again on the next query that shows it (issue 14: 2 ms of a warm query's 20 hits)."""
    return safe_term(analyze.normalize_term(word, lang))


def match_spans(text: str, lang: str, terms: set, prefixes: set) -> list[tuple[int, int]]:
    spans = []
    if not terms and not prefixes:
        return spans
    for word, s, e in analyze.tokens(text):
        t = _term(word, lang)
        if not t:
            continue
        if t in terms or any(t.startswith(p) for p in prefixes):
            spans.append((s, e))
    return spans


def _window(text: str, spans: list[tuple[int, int]]) -> tuple[int, int]:
    if len(text) <= WINDOW:
        return 0, len(text)
    first = spans[0][0] if spans else 0
    start = max(0, first - LEAD)
    end = min(len(text), start + WINDOW)
    start = max(0, min(start, end - WINDOW))
    if start > 0:                               # do not cut a word in two
        sp = text.find(" ", start, first if spans else start + LEAD)
        start = sp + 1 if sp != -1 else start
    if end < len(text):
        sp = text.rfind(" ", max(start, spans[-1][1] if spans and spans[-1][1] <= end else start), end)
        end = sp if sp > start else end
    return start, end


def snippet(text: str, lang: str, terms: set, prefixes: set) -> str:
    """Escaped excerpt of ``text`` with matched words in <mark>; the whole text when short."""
    spans = match_spans(text, lang, terms, prefixes)
    start, end = _window(text, spans)
    out, pos = [], start
    for s, e in spans:
        if s < start or e > end:
            continue
        out.append(html.escape(text[pos:s]))
        out.append("<mark>" + html.escape(text[s:e]) + "</mark>")
        pos = e
    out.append(html.escape(text[pos:end]))
    body = _SPACE.sub(" ", "".join(out))
    return (ELLIPSIS if start > 0 else "") + body + (ELLIPSIS if end < len(text) else "")
