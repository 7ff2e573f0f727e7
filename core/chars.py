"""``str.translate`` for texts that seldom hold the characters it changes.

CPython's ``translate`` looks each character of a non-ASCII text up in the table, about 65 ns a
character on this corpus; ``in`` and ``str.replace`` scan for one character far faster, so one
scan per changed character wins on whole texts and lines (issue 14: the odd spaces of the 129
real files' texts, 0.074 -> 0.008 CPU-s).
"""
from __future__ import annotations

import re
from typing import Callable

# a text shorter than this (a word, a line) is first searched once for any of the characters: most
# hold none, and one search costs less than a scan per character (words: a third of the time;
# issue 14); longer texts keep the scans, which are faster than the search over many characters
_SHORT = 1000


def replacer(table: dict) -> Callable[[str], str]:
    """A function returning ``text.translate(table)`` (a ``str.maketrans`` table). The same
    result: each character is replaced at most once, since no replacement holds a character the
    table changes (refused otherwise)."""
    pairs = [(k if isinstance(k, str) else chr(k),
              "" if v is None else (v if isinstance(v, str) else chr(v))) for k, v in table.items()]
    changed = {a for a, _ in pairs}
    if any(c in changed for _, b in pairs for c in b):
        raise ValueError("a replacement holds a character the table changes")
    search = re.compile("[" + "".join(re.escape(a) for a, _ in pairs) + "]").search if pairs else None

    def translate(text: str) -> str:
        if search is None or (len(text) < _SHORT and search(text) is None):
            return text
        for a, b in pairs:
            if a in text:
                text = text.replace(a, b)
        return text
    return translate
