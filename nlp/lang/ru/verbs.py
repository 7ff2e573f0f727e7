"""Other lemmas of a Russian verb, for query expansion: pymorphy3 gives a reflexive verb its own
lemma («награждаются» -> награждаться, «награждают» -> награждать; «рассматривается» ->
рассматриваться), and acts state rules in the reflexive-passive while people ask in the active.
Each aspect is a lemma of its own too («упразднить», «упразднять»): people ask «кто может
упразднить», the law says «упраздняют». A query's verb lemma is expanded to both aspects (``family``;
the rules are data, ``verb_families.txt``); the index is unchanged.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

FAMILIES = Path(__file__).with_name("verb_families.txt")

REFLEXIVE = ("ся", "сь")
VERB_ENDINGS = ("ть", "ти", "чь")


def reflexive_pair(lemma: str) -> tuple[str, ...]:
    """The reflexive/non-reflexive pair of a verb lemma; () for anything that is not a verb lemma."""
    for r in REFLEXIVE:
        if lemma.endswith(r) and lemma[: -len(r)].endswith(VERB_ENDINGS) and len(lemma) > 5:
            return (lemma[: -len(r)],)
    if lemma.endswith(VERB_ENDINGS) and len(lemma) > 4:
        return (lemma + ("ся" if lemma.endswith("ть") or lemma.endswith("чь") else "сь"),)
    return ()


@lru_cache(maxsize=1)
def rules() -> tuple[tuple[str, str], ...]:
    """The aspect rules of ``verb_families.txt``: (perfective ending, imperfective ending)."""
    out = []
    for line in FAMILIES.read_text(encoding="utf-8").splitlines():
        parts = line.split("#", 1)[0].split()
        if parts[:1] == ["aspect"] and len(parts) == 3:
            out.append((parts[1], parts[2]))
    return tuple(out)


MIN_STEM = 1                     # letters left before an ending


def _swap(word: str, pairs, backwards: bool = False) -> list[str]:
    out = []
    for a, b in pairs:
        src, dst = (b, a) if backwards else (a, b)
        if word.endswith(src) and len(word) - len(src) >= MIN_STEM:
            out.append(word[: -len(src)] + dst)
    return out


@lru_cache(maxsize=8192)
def family(lemma: str) -> tuple[str, ...]:
    """The other lemmas of a verb lemma's aspect pair and their reflexive forms («упразднить» ->
    «упраздниться», «упразднять», «упраздняться»; «утверждать» -> «утвердить», …). Over-generated:
    forms no text uses have no postings. () for anything that is not a verb lemma."""
    base = lemma
    for r in REFLEXIVE:
        if lemma.endswith(r) and lemma[: -len(r)].endswith(VERB_ENDINGS):
            base = lemma[: -len(r)]
    if not base.endswith(VERB_ENDINGS):
        return ()
    verbs = [base, *_swap(base, rules()), *_swap(base, rules(), backwards=True)]
    out = [f for v in dict.fromkeys(verbs) for f in (v, *reflexive_pair(v))]
    return tuple(f for f in dict.fromkeys(out) if f != lemma)


def variants(lemma: str) -> tuple[str, ...]:
    """Other lemmas a query's ``lemma`` may take in the law (``family``: the reflexive pair first,
    then the other aspect and its reflexive); () for anything that is not a verb lemma."""
    return family(lemma)


PRIVATIVE_FINAL = ("ие", "ия", "а", "я", "о", "е", "ь")    # cut before «-ный»: плата -> бесплатный
PRIVATIVE_ALTERNATION = {"к": "ч", "г": "ж", "х": "ш"}    # срок -> бессрочный
VOICELESS = frozenset("кпстфхцчшщ")                       # «бес-» before these, «без-» elsewhere


def privative(lemma: str) -> tuple[str, ...]:
    """The adjective «без-/бес-…-ный» of a noun lemma and its adverb («срок» -> «бессрочный»,
    «бессрочно»; «плата» -> «бесплатный»; «возмездие» -> «безвозмездный»): the law says
    «действует бессрочно» where a user asks for the «срок действия». A form that does not exist
    has no postings."""
    if len(lemma) < 3 or lemma.endswith(VERB_ENDINGS + REFLEXIVE) or lemma.endswith(("ый", "ий", "ой")):
        return ()
    stem = lemma
    for end in PRIVATIVE_FINAL:
        if stem.endswith(end) and len(stem) - len(end) >= 3:
            stem = stem[: -len(end)]
            break
    stem = ("бес" if stem[0] in VOICELESS else "без") + stem[:-1] + PRIVATIVE_ALTERNATION.get(stem[-1], stem[-1])
    return (stem + "ный", stem + "но")                    # «бессрочный», «действует бессрочно»
