"""What kind of statement a provision makes, read from its words: does it permit, forbid, oblige
or give a right; does it state a liability; does it name the papers to bring? (issue 16)

Why: a question says what kind of provision answers it. «можно ли …», «может ли депутат …»,
«… бола ма» ask whether something may be done; the provision that answers says «вправе», «не
допускается», «обязан», «құқылы», «тыйым салынады». «что грозит …», «кто отвечает за …», «кім
жауап береді» ask for a liability; the answer says «несут ответственность», «жауапты болады».
«какие документы нужны …», «қандай анықтама әкелу керек» ask for the papers; the answer names
them («справка о смерти», «жеке куәлігінің көшірмесі»). The words are data, one file per kind
and language (``CUE_FILES`` in ``nlp/lang/<lang>/``); a question of that kind (``answer_kinds.txt``)
ranks the candidates that say one of them higher (``corpus.index.scoring.with_cues``). A word
ending in ``*`` in a file stands for every word it begins («справк*»: справка, справку, справок);
a colon is a word of its own («документы :» is the opening of a list of them).
"""
from __future__ import annotations

import re
from functools import lru_cache

from maslihat.nlp.lang import fold
from maslihat.nlp.querywords import LANG_DIR

#: answer kind -> the file of the words by which a provision answers it
CUE_FILES = {"permission": "modal_words.txt", "liability": "liability_words.txt",
             "documents": "document_words.txt", "funding": "funding_words.txt",
             "basis": "basis_words.txt", "purpose": "purpose_words.txt"}
CUE_KINDS = tuple(CUE_FILES)
#: kinds whose answer is said in the question's own words: «на основании какого закона» is answered
#: by «на основании статьи 6 Закона …», «қай заңға сәйкес» by «… Заңына сәйкес» (the legal basis,
#: the stated purpose of an act), so the question's words are not set aside for them (``_asked``)
FORM_KINDS = frozenset({"basis", "purpose"})
#: … and the words by which a provision speaks of its own act («Настоящий Закон …», «Осы Заң …»):
#: read for a query that names the act, not for a kind of question
SELF = "self"
CUE_FILES[SELF] = "self_words.txt"
#: … and by which a decision's final clause speaks of the decision («Контроль за исполнением настоящего
#: решения …», «Осы шешімнің орындалуын бақылау …»): its subject is the act's title
CLAUSE = "clause"
CUE_FILES[CLAUSE] = "clause_words.txt"
#: … and by which a provision says it is void: «3. Исключен Законом РК от …», «15) алып тасталды – …»,
#: «Утратил силу …»: its number is all that is left of it. Read at the opening only (``ANCHORED``):
#: «… подпункт 3) исключен» inside a provision that says something is not void
VOID = "void"
CUE_FILES[VOID] = "void_words.txt"
ANCHORED = frozenset({VOID})
#: what may stand before a void provision's words: its number or label («3.», «15)», «Статья 59.», «2-бап.»)
_LABEL = re.compile(r"^\s*(?:(?:статья|бап|глава|тарау|пункт|тармақ)\s*)?(?:\d+(?:-\d+)*(?:-(?:бап|тарау|тармақ))?[.)]?\s*)+",
                    re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+|:")    # a colon is a token: «… документы:» opens the list of them


@lru_cache(maxsize=16)
def cues(lang: str, kind: str = "permission") -> dict[str, tuple[tuple[str, ...], ...]]:
    """{first word: (the folded phrases starting with it, longest first)} of ``lang``'s list of
    ``kind``; a first word ending in «*» is a word's beginning (``states_cue`` looks each word's
    beginnings of the lengths ``_prefix_lengths`` up as well)."""
    path = LANG_DIR / lang / CUE_FILES[kind]
    out: dict[str, list] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            words = tuple(fold(w) for w in line.split("#", 1)[0].split())
            if words:
                out.setdefault(words[0], []).append(words)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


@lru_cache(maxsize=16)
def _prefix_lengths(lang: str, kind: str) -> tuple[int, ...]:
    return tuple(sorted({len(k) - 1 for k in cues(lang, kind) if k.endswith("*")}, reverse=True))


def _same(word: str, cue: str) -> bool:
    return word.startswith(cue[:-1]) if cue.endswith("*") else word == cue


@lru_cache(maxsize=4096)
def _cue_terms(phrase: tuple, lang: str) -> frozenset:
    from maslihat.nlp.analyze import normalize_term
    return frozenset(t for t in (normalize_term(w, lang) for w in phrase if not w.endswith("*")) if t)


def _asked(phrase: tuple, lang: str, asked: frozenset) -> bool:
    """The cue is made of the question's own words: one of its words is a term of the question,
    or a term of the question begins with one of its word beginnings («ответственност*»:
    «ответственность»). A cue ending in a colon opens a list («құжаттар:»): what follows names
    what the question asks for, in its words or not."""
    if phrase[-1] == ":":
        return False
    if _cue_terms(phrase, lang) & asked:
        return True
    stems = [w[:-1] for w in phrase if w.endswith("*")]
    return any(t.startswith(p) or (len(t) >= 4 and p.startswith(t)) for p in stems for t in asked)


def states_cue(text: str, lang: str, kind: str, asked: frozenset = frozenset()) -> bool:
    """True when ``text`` says, in ``lang``, one of the words of ``kind`` (``CUE_FILES``).
    ``asked``: index terms of the question; a cue made of the question's own words does not count
    («нужно ли разрешение»: «без разрешения» is the question's subject, not an answer to it), except
    for the kinds answered in the question's words (``FORM_KINDS``)."""
    table = cues(lang, kind)
    if kind in FORM_KINDS:
        asked = frozenset()
    if kind in ANCHORED:
        text = _LABEL.sub("", text, count=1)
    if not table:
        return False
    prefixes = _prefix_lengths(lang, kind)
    words = [fold(w) for w in _WORD.findall(text)]
    for i, w in enumerate(words[:1] if kind in ANCHORED else words):
        heads = [w] + [w[:n] + "*" for n in prefixes if len(w) >= n]      # «анықтама*»: анықтама too
        for head in heads:
            for phrase in table.get(head, ()):
                if len(words) - i >= len(phrase) and all(_same(x, c) for x, c in zip(words[i:], phrase)) \
                        and not (asked and _asked(phrase, lang, asked)):
                    return True
    return False


def states_modality(text: str, lang: str, asked: frozenset = frozenset()) -> bool:
    """True when ``text`` says, in ``lang``, that something may, must or must not be done."""
    return states_cue(text, lang, "permission", asked)
