"""Is a text hard-wrapped at a fixed width (saved from a PDF or an e-mail), and at which width?

A text saved from a PDF or an e-mail has every line cut at some width W (60 to 120 characters): almost
every line of prose is at most W characters long and many are within a few characters of it. An
ordinary text has a paragraph per line, and many of its lines are far longer. The segmenter and the
requisite reader join a line cut at the width to the line it goes on from only in a text found wrapped
here, so that an ordinary text is never touched.
"""
from __future__ import annotations

import re
from typing import Iterable, Optional

from maslihat.core.grammar import LO

WIDTHS = (60, 120)      # the widths a hard-wrapped text is looked for at
NEAR = 12               # a line within this many characters of the width is a full one
PROSE = 40              # lines longer than this are prose (not a signature, a date, a table's cell)
MIN_PROSE = 6           # fewer prose lines than this: too little to tell
FULL = (WIDTHS[0] - NEAR, WIDTHS[1])    # the lengths a full line of a hard-wrapped text may have
# a line that stops in the middle of a sentence: after a lower-case word, a comma or the number sign
MID_SENTENCE = re.compile(rf"(?:[{LO},]|№|\bN)[ \t]*$")


def wrap_width(lengths: Iterable[int]) -> Optional[int]:
    """The width W a text is hard-wrapped at, from the lengths of its non-blank lines (stripped), or
    None for an ordinary text: of its prose lines (over ``PROSE`` characters) at least 40% are full
    (within ``NEAR`` characters of W) and at most a quarter are longer than W (a heading or a table's
    row kept whole)."""
    prose = sorted(n for n in lengths if n > PROSE)
    if len(prose) < MIN_PROSE:
        return None
    lo, hi = WIDTHS
    counts = [0] * (hi + 1)
    over = 0
    for n in prose:
        if n <= hi:
            counts[n] += 1
        else:
            over += 1
    best, best_w = 0, None
    for w in range(lo, hi + 1):
        near = sum(counts[w - NEAR + 1:w + 1])
        if near > best:
            best, best_w = near, w
    if best_w is None or best < 0.4 * len(prose) or best < 5:
        return None
    if sum(counts[best_w + 1:]) + over > 0.25 * len(prose):
        return None
    return max(n for n in prose if n <= best_w)


def cut_at_width(last: str, line: str, width: Optional[int], slack: int = 3) -> bool:
    """``last`` (a line of a text wrapped at ``width``) was cut there: it is at most ``width`` long
    and the first word of ``line`` would not have fitted after it (with ``slack`` characters for a
    width read a little short, or a proportional font's)."""
    if not width or len(last) > width:
        return False
    word = line.split(None, 1)[0] if line.strip() else ""
    return len(last) + 1 + len(word) > width - slack
