"""The term a provision defines: «2) анонимное обращение – обращение, по которому …»,
«4) нормативтік құқықтық акт – …».

Why: a question such as «что такое нормативный правовой акт» or «өтініш дегеніміз не» is answered
by the provision that defines the notion (a law's article on its basic notions), not by the
hundred that use it. Ranking (``corpus.index.scoring.with_definition``) asks this module which
candidates define what the question names. The form is the same in both languages and in every
act: a list item (or a paragraph) that opens with the notion, then a dash, then what it means.
"""
from __future__ import annotations

import re
from typing import Optional

from maslihat.core.grammar import CYR_LOWER

# an optional list marker (2) / 1-2) / 3. / а)), the notion (no sentence punctuation, no digits
# first), a dash with blanks around it (a hyphen inside a word is not one), then the meaning
_DEFINES = re.compile(
    rf"^\s*(?:(?:\d+(?:-\d+)*|[{CYR_LOWER}])\)\s*|\d+(?:\.\d+)*\.\s+)?"
    r"(?P<term>[^\W\d_][^–—:;.!?()\n]{0,150}?)\s+[–—-]{1,2}\s+(?=\S)",
    re.IGNORECASE)
MAX_WORDS = 12          # longer leads are sentences with a dash, not notions
LEAD_CHARS = 200        # what of a unit's text is read: the notion and its dash come first


def defined_term(text: str) -> Optional[str]:
    """The notion ``text`` opens by defining, or None (the words before the dash, as written)."""
    m = _DEFINES.match(text or "")
    if not m:
        return None
    term = m.group("term").strip()
    return term if 0 < len(term.split()) <= MAX_WORDS else None
