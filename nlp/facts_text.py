"""Sentences and tokens as the facts engine (``nlp/facts.py``) reads them, and its value forms.

A sentence is split into folded word and number tokens with their offsets, so that cue phrases
of ``core/data/facts.json`` are matched token by token (exact word or stem) and every fact keeps
the exact span of the document text it came from.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from fractions import Fraction
from typing import Optional

from maslihat.core import grammar as G
from maslihat.nlp.lang import fold

# --- tokens -------------------------------------------------------------------------------------------

_TOKEN = re.compile(rf"\d+(?:[.,:]\d+)*|[{G.LETTER}]+|%")
# a sentence ends at the spaces after . ; ! ? before a capital or a digit, or at line breaks:
# ``(?<=[.;!?])\s+(?=[«"(]?[UP0-9])|\n+``, written to begin with ``\s`` so that the engine skips
# to the next space instead of trying both branches at every character (the same matches, twice
# as fast: issue 14)
_SENTENCE_END = re.compile(rf"\s(?:(?<=[.;!?]\s)\s*(?=[«\"(]?[{G.UP}0-9])|(?<=\n)\n*)")
CLAUSE_PUNCT = re.compile(r"[,;:.()–—]")


@dataclass
class Tok:
    start: int
    end: int
    w: str


class Sentence:
    """``folded``: the folded tokens, all that cue matching reads; ``toks`` (with offsets) are built
    on first use, as most sentences the engine is given hold none of the cues a fact needs and
    are dropped after matching them (issue 14)."""
    def __init__(self, text: str, offset: int, lang: str):
        self.text, self.offset, self.lang = text, offset, lang
        self.folded: list[str] = list(map(fold, _TOKEN.findall(text)))
        self._by_letter: Optional[dict[str, list[int]]] = None   # first letter -> its tokens
        self._found: dict[tuple, list[int]] = {}                  # cue element -> tokens it matches

    @cached_property
    def toks(self) -> list[Tok]:
        return [Tok(m.start(), m.end(), w) for m, w in zip(_TOKEN.finditer(self.text), self.folded)]

    def _starts(self, first: tuple) -> list[int]:
        """The tokens a cue's first element matches (exact word or stem), each element looked for
        once per sentence among the tokens that begin with its letter: ``has`` asks about dozens
        of cues, and trying each at every token was most of the engine's comparisons."""
        found = self._found.get(first)
        if found is None:
            if self._by_letter is None:
                by_letter: dict[str, list[int]] = {}
                for k, w in enumerate(self.folded):
                    by_letter.setdefault(w[:1], []).append(k)
                self._by_letter = by_letter
            stem, exact = first
            words = self.folded
            if not stem:
                found = [] if exact else list(range(len(words)))
            elif exact:
                found = [k for k in self._by_letter.get(stem[0], ()) if words[k] == stem]
            else:
                found = [k for k in self._by_letter.get(stem[0], ()) if words[k].startswith(stem)]
            self._found[first] = found
        return found

    def match(self, i: int, cue: tuple) -> bool:
        words = self.folded
        if i < 0 or i + len(cue) > len(words):
            return False
        for k, (stem, exact) in enumerate(cue):
            w = words[i + k]
            if (w != stem) if exact else not w.startswith(stem):
                return False
        return True

    def ending_before(self, i: int, cues, window: int = 3):
        """A cue that ends at most ``window`` tokens before token i: (cue index, start token)."""
        best = None
        for ci, cue in enumerate(cues):
            for s in range(max(0, i - window - len(cue) + 1), i - len(cue) + 1):
                if self.match(s, cue) and (best is None or s < best[1] or len(cue) > len(cues[best[0]])):
                    if best is None or s + len(cue) >= best[1] + len(cues[best[0]]):
                        best = (ci, s)
        return best

    def all_ending_before(self, i: int, cues, window: int) -> list[tuple[int, int]]:
        """Every cue that ends at most ``window`` tokens before token i: [(cue index, start token)]."""
        return [(ci, st) for ci, cue in enumerate(cues)
                for st in range(max(0, i - window - len(cue) + 1), i - len(cue) + 1) if self.match(st, cue)]

    def all_starting_after(self, j: int, cues, window: int) -> list[tuple[int, int]]:
        return [(ci, st) for st in range(j, min(len(self.folded), j + window + 1))
                for ci, cue in enumerate(cues) if self.match(st, cue)]

    def starting_after(self, j: int, cues, window: int = 3):
        for s in range(j, min(len(self.folded), j + window + 1)):
            for ci, cue in enumerate(cues):
                if self.match(s, cue):
                    return ci, s
        return None

    def has(self, cues, lo: int = 0, hi: Optional[int] = None) -> bool:
        hi = len(self.folded) if hi is None else hi
        lo = max(0, lo)
        for cue in cues:
            if not cue:
                if lo < hi and lo <= len(self.folded):
                    return True
                continue
            last = hi - len(cue)         # the whole cue must end by ``hi``
            if any(lo <= s <= last and self.match(s, cue) for s in self._starts(cue[0])):
                return True
        return False

    def tok_range(self, start: int, end: int) -> tuple[int, int]:
        ids = [k for k, t in enumerate(self.toks) if t.start >= start and t.end <= end]
        if not ids:
            k = next((k for k, t in enumerate(self.toks) if t.end > start), len(self.toks))
            return k, k
        return ids[0], ids[-1] + 1

    def words(self, lo: int, hi: int) -> str:
        if lo >= hi:
            return ""
        return self.text[self.toks[lo].start:self.toks[hi - 1].end]


def sentences(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in _SENTENCE_END.finditer(text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


# --- values -------------------------------------------------------------------------------------------

def num(v) -> str:
    if isinstance(v, Fraction):
        return str(v) if v.denominator != 1 else str(v.numerator)
    if isinstance(v, float):
        return f"{v:g}"
    return str(v)


def duration(n, unit: str) -> str:
    """n × ISO unit (``P1M`` × 2 → ``P2M``; ``PT1H`` × 24 → ``PT24H``)."""
    m = re.fullmatch(r"(PT?)1([DWMYH])", unit)
    return f"{m.group(1)}{num(n)}{m.group(2)}" if m else unit
