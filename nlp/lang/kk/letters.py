"""Kazakh typed without its own letters: the spellings a word may stand for.

Why: on a Russian keyboard or a phone without the Kazakh layout, people write «сессия кун тартибин
ким бекитеди» for «сессия күн тәртібін кім бекітеді». Nine Kazakh letters have a Russian
stand-in (ә→а, ө→о, ү/ұ→у, і→и, қ→к, ғ→г, ң→н, һ→х); every other letter is typed as it is.
``respellings`` lists what a word typed that way may be, using vowel harmony to keep the list
short: a native Kazakh word has only back vowels (а о ұ ы) or only front ones (ә ө ү і е), and
қ/ғ go with back vowels, к/г with front ones. Which spelling the user meant is decided by the
corpus (``corpus.respell``: the one its index knows best), not here.
"""
from __future__ import annotations

import itertools
import re
from functools import lru_cache

from maslihat.core.grammar import KK_LOWER

# each Kazakh letter and the Russian letter typed for it when the layout lacks it
STAND_IN = {"ә": "а", "ө": "о", "ү": "у", "ұ": "у", "і": "и", "қ": "к", "ғ": "г", "ң": "н", "һ": "х"}
# the letters a Kazakh word is typed with when the layout lacks its own, per vowel class:
# {typed letter: spellings it may stand for, most likely first}
BACK = {"у": ("ұ", "у"), "к": ("қ", "к"), "г": ("ғ", "г"), "н": ("н", "ң")}
FRONT = {"а": ("ә",), "о": ("ө",), "у": ("ү", "у"), "и": ("і",), "н": ("н", "ң")}
# a word typed with vowels of both classes (a loan root with a Kazakh ending: «депутаттык»):
# only the consonants and у may stand for another letter
MIXED = {"у": ("у", "ұ", "ү"), "к": ("к", "қ"), "г": ("г", "ғ"), "н": ("н", "ң")}
BACK_VOWELS = frozenset("ы")           # typed, they say the word is a back one
FRONT_VOWELS = frozenset("еэ")         # … a front one
MAX_SPELLINGS = 32                 # per reading
MAX_RESPELLINGS = 128
_OWN = re.compile(f"[{KK_LOWER}]")
_WORD = re.compile(r"[а-яё]+")


def has_kazakh_letters(word: str) -> bool:
    """True when ``word`` holds a letter only Kazakh has (ә, ө, ү, ұ, і, қ, ғ, ң, һ): it was typed
    with the Kazakh layout and needs no respelling."""
    return bool(_OWN.search(word.lower()))


def _variants(word: str, table: dict, before: str = "") -> list[str]:
    options = []
    for i, ch in enumerate(word):
        opts = table.get(ch, (ch,))
        prev = word[i - 1] if i else before[-1:]
        if ch == "н" and (not prev or prev not in "аоуыиеэяюё"):
            opts = ("н",)                       # ң follows a vowel and never opens a word
        options.append(opts)
    return ["".join(p) for p in itertools.islice(itertools.product(*options), MAX_SPELLINGS)]


def _classes(letters: set) -> list[dict]:
    """The vowel classes a word (or an ending) typed with ``letters`` may belong to."""
    out = []
    if not letters & FRONT_VOWELS:
        out.append(BACK)
    if not letters & BACK_VOWELS:
        out.append(FRONT)
    return out or [MIXED]


def respellings(word: str) -> list[str]:
    """The Kazakh spellings ``word`` (lower case, typed without Kazakh letters) may stand for,
    fewest changed letters first, the word itself excluded; [] when it has Kazakh letters or
    none of the nine stand-ins.

    Two readings: a native word, harmonised as a whole («тартибин» -> «тәртібін»), and a root
    kept as typed with a Kazakh ending harmonised on its own vowels — the loans the law is full
    of («нормативтик» -> «нормативтік», «сессияга» -> «сессияға», «актилердин» -> «актілердің»).
    """
    return list(_respellings(word.lower()))


@lru_cache(maxsize=8192)
def _respellings(w: str) -> tuple:
    """``respellings`` of a lower-case word, kept: every search asks it of each word of the query."""
    if not _WORD.fullmatch(w) or has_kazakh_letters(w):
        return ()
    found: list[str] = []
    for table in _classes(set(w)):
        found += _variants(w, table)
    for k in range(len(w) - 1, 1, -1):          # the longest root first: the shortest ending
        root, end = w[:k], w[k:]
        for table in _classes(set(end)):
            found += [root + v for v in _variants(end, table, root)]
    changed = {}
    for v in found:
        if v != w and v not in changed:
            changed[v] = sum(a != b for a, b in zip(v, w))
    return tuple(sorted(changed, key=changed.get)[:MAX_RESPELLINGS])
