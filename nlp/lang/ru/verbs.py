"""Other lemmas of a Russian verb, for query expansion: pymorphy3 gives a reflexive verb its own
lemma («награждаются» -> награждаться, «награждают» -> награждать; «рассматривается» ->
рассматриваться), and acts state rules in the reflexive-passive while people ask in the active.
A query's verb lemma is expanded to its pair; the index is unchanged.
"""
from __future__ import annotations

REFLEXIVE = ("ся", "сь")
VERB_ENDINGS = ("ть", "ти", "чь")


def variants(lemma: str) -> tuple[str, ...]:
    """The reflexive/non-reflexive pair of a verb lemma; () for anything that is not a verb lemma."""
    for r in REFLEXIVE:
        if lemma.endswith(r) and lemma[: -len(r)].endswith(VERB_ENDINGS) and len(lemma) > 5:
            return (lemma[: -len(r)],)
    if lemma.endswith(VERB_ENDINGS) and len(lemma) > 4:
        return (lemma + ("ся" if lemma.endswith("ть") or lemma.endswith("чь") else "сь"),)
    return ()


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
