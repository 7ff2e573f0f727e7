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
