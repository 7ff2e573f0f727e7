"""The term a provision defines: «2) анонимное обращение – обращение, по которому …»,
«4) нормативтік құқықтық акт – …».

Why: a question such as «что такое нормативный правовой акт» or «өтініш дегеніміз не» is answered
by the provision that defines the notion (a law's article on its basic notions), not by the
hundred that use it. Ranking (``corpus.index.scoring.with_definition``) asks this module which
candidates define what the question names. The form is the same in both languages and in every
act: a list item (or a paragraph) that opens with the notion, then a dash, then what it means
(prose says «X дегеніміз – бұл …», «Под X понимается …» too).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from maslihat.core.grammar import CYR_LOWER
from maslihat.nlp.amendments import REPEALED

# an optional list marker (2) / 1-2) / 3. / а)), the notion (no sentence punctuation, no digits
# first), a dash with blanks around it (a hyphen inside a word is not one), then the meaning
_MARKER = rf"^\s*(?:(?:\d+(?:-\d+)*|[{CYR_LOWER}])\)\s*|\d+(?:\.\d+)*\.\s+)?"
_DEFINES = re.compile(_MARKER + r"(?P<term>[^\W\d_][^–—:;.!?()\n]{0,150}?)\s+[–—-]{1,2}\s+(?=\S)", re.IGNORECASE)
# «Под местным самоуправлением понимается …»: the notion between «под» and the verb that defines
_UNDER = re.compile(_MARKER + r"под\s+(?P<term>[^\W\d_][^–—:;.!?()\n,]{0,150}?)\s+понима(?:ется|ются)\s",
                    re.IGNORECASE)
# «Жергілікті мемлекеттік басқару дегеніміз – бұл …»: a word that says «what we call» stands
# between the notion and its dash; it is not part of the notion
_CALLED = re.compile(r"\s+(?:дегеніміз|дегеніміз\s+не|деген|дегенде|деп)$", re.IGNORECASE)
MAX_WORDS = 12          # longer leads are sentences with a dash, not notions
LEAD_CHARS = 200        # what of a unit's text is read: the notion and its dash come first


def defined_term(text: str) -> Optional[str]:
    """The notion ``text`` opens by defining, or None (the words before the dash, as written).
    Not a notion: a list of several («постановления акимата, решения акима – …»), words that begin
    or end with a function word («8) для нормативных постановлений – …», «кодекстер үшін – …»), a
    repealed item («2) алып тасталды – …», «исключен»)."""
    m = _DEFINES.match(text or "") or _UNDER.match(text or "")
    if not m:
        return None
    term = _CALLED.sub("", m.group("term").strip())
    words = term.lower().split()
    if not 0 < len(words) <= MAX_WORDS or "," in term or _REPEALED.match(term):
        return None
    stops = _function_words()
    return None if _stop(words[0], stops) or _stop(words[-1], stops) else term


def _stop(word: str, stops: frozenset) -> bool:
    """A function word, also in another case than the list's («этим»: «это»)."""
    if word in stops:
        return True
    from maslihat.nlp.lang.ru import lemma
    return lemma(word) in stops


_REPEALED = re.compile(REPEALED, re.IGNORECASE)


@lru_cache(maxsize=1)
def _function_words() -> frozenset:
    """Both languages' stop words (a notion is told apart without knowing its language)."""
    from maslihat.nlp.lang.kk.stop_words import STOP_WORDS as KK
    from maslihat.nlp.lang.ru.stop_words import STOP_WORDS as RU
    return frozenset(RU) | frozenset(KK)
