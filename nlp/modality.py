"""Does a provision permit, forbid, oblige or give a right? (issue 16: «можно ли …» questions)

Why: a question «можно ли …», «может ли депутат …», «… бола ма» asks whether something may be
done; the provision that answers says «вправе», «не допускается», «обязан», «құқылы»,
«тыйым салынады». The words are data (``nlp/lang/<lang>/modal_words.txt``); a question of this
kind (``permission`` in ``answer_kinds.txt``) ranks the candidates that say one of them higher
(``corpus.index.scoring.with_permission``).
"""
from __future__ import annotations

import re
from functools import lru_cache

from maslihat.nlp.lang import fold
from maslihat.nlp.querywords import LANG_DIR

_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=4)
def cues(lang: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """{first word: (the folded phrases starting with it, longest first)} of ``lang``'s list."""
    path = LANG_DIR / lang / "modal_words.txt"
    out: dict[str, list] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            words = tuple(fold(w) for w in line.split("#", 1)[0].split())
            if words:
                out.setdefault(words[0], []).append(words)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


@lru_cache(maxsize=4096)
def _cue_terms(phrase: tuple, lang: str) -> frozenset:
    from maslihat.nlp.analyze import normalize_term
    return frozenset(t for t in (normalize_term(w, lang) for w in phrase) if t)


def states_modality(text: str, lang: str, asked: frozenset = frozenset()) -> bool:
    """True when ``text`` says, in ``lang``, that something may, must or must not be done.
    ``asked``: index terms of the question; a cue made of the question's own words does not count
    («нужно ли разрешение»: «без разрешения» is the question's subject, not an answer to it)."""
    table = cues(lang)
    if not table:
        return False
    words = [fold(w) for w in _WORD.findall(text)]
    for i, w in enumerate(words):
        for phrase in table.get(w, ()):
            if tuple(words[i:i + len(phrase)]) == phrase and not (asked and _cue_terms(phrase, lang) & asked):
                return True
    return False
