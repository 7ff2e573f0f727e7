"""Russian lemmas with pymorphy3 called directly, cached.

Why not spaCy's ``lemmatizer`` in pymorphy3 mode: without a tagger it returns the word unchanged
whenever pymorphy3 offers several normal forms, and it ran at about 3,900 tokens/s here; a
direct, ``lru_cache``d pymorphy3 lookup runs at tens of thousands of tokens/s cold and far more
warm (domain.md §5). Choice rule, deterministic so that index and query agree: the first parse's
normal form (pymorphy3 orders parses by probability), except that a noun parse among the
top-scoring ones wins (права -> право, not правый: queries are nominal).

Lexicon (issue 14): loading pymorphy3's dictionary costs ~0.3 s per process and first-seen
words dominate ingest analysis, so the corpus layer may hand in the lemmas it kept from earlier
runs (``preload``, or ``set_lookup`` for lazy per-word look-ups in a search process) and collect
the ones computed here (``take_new``); a lemma pymorphy3 only guessed is kept marked ``GUESSED``
(``is_known`` answers from the mark). The corpus layer may also offer pymorphy3's answers for
the project's own words, computed when the project was built (``offer``: the query vocabulary's
and the competency terms' lemmas, which every new corpus would otherwise compute again): an
offered word is taken as if computed here, so it is stored all the same. Only pymorphy3's
answers go to the lexicon; they are keyed
by ``LEXICON_VERSION`` (pymorphy3 and its dictionary, plus this module's choice rule), so a
lexicon from another version is not used and lemmas are the same with or without it.
This module never imports the corpus layer.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Callable, Mapping, Optional

_MORPH = None
_RULE = "2"     # bump when the choice rule below changes: older lexicons are then not used
# a lemma pymorphy3 guessed for a word its dictionary does not know is kept with this mark, so
# that «seen in a Russian text» is not taken for «a Russian word» (a Kazakh word written in
# common letters inside a Russian document, or typed in an earlier query)
GUESSED = "~"

_KNOWN: dict[str, str] = {}             # word -> lemma handed in by the corpus layer
_NEW: dict[str, str] = {}               # word -> lemma computed by pymorphy3, not yet taken
_OFFERED: dict[str, str] = {}           # word -> what ``computed`` gives, computed ahead (``offer``)
_LOOKUP: Optional[Callable[[str], Optional[str]]] = None


def morph() -> "pymorphy3.MorphAnalyzer":  # noqa: F821
    global _MORPH
    if _MORPH is None:
        import pymorphy3    # imported here: a process served by the lexicon never loads it
        try:
            # the dictionary's own path: without it pymorphy3 looks for it among the entry
            # points of every installed package (issue 14: 0.02 of 0.055 CPU-s per process)
            import pymorphy3_dicts_ru
            path = pymorphy3_dicts_ru.get_path()
        except (ImportError, AttributeError):
            path = None
        _MORPH = pymorphy3.MorphAnalyzer(path=path, lang="ru")
    return _MORPH


@lru_cache(maxsize=2)
def lexicon_version(rule: str = _RULE) -> str:
    """What the lemmas depend on: pymorphy3's version, its dictionary's, and this module's rule
    (``rule``: an earlier one, to recognise a lexicon that can be upgraded in place)."""
    parts = [rule]
    for dist, module in (("pymorphy3", "pymorphy3"), ("pymorphy3-dicts-ru", "pymorphy3_dicts_ru")):
        parts.append(f"{dist}={_installed_version(dist, module)}")
    return ";".join(parts)


@lru_cache(maxsize=4)
def _installed_version(dist: str, module: str) -> str:
    """The version ``importlib.metadata`` gives for ``dist``, read from the one ``.dist-info``
    folder of that name beside the package ``module`` (found without importing it); '?' when
    not installed. Why not ``importlib.metadata`` itself: importing it and scanning every entry
    of ``sys.path`` cost 15-25 ms of every ingest and search process (issue 14); it is still
    asked when the folder is not where a wheel puts it (an egg, a zip, several versions)."""
    import re
    from importlib.util import find_spec
    from pathlib import Path
    try:
        spec = find_spec(module)
    except (ImportError, ValueError):
        spec = None
    if spec is not None and spec.origin and spec.submodule_search_locations:
        wanted = re.sub(r"[-_.]+", "-", dist).lower()
        site = Path(spec.origin).parent.parent
        found = list(site.glob(f"{wanted.replace('-', '_')}-*.dist-info"))
        if len(found) == 1:
            name = version = None
            try:
                with open(found[0] / "METADATA", encoding="utf-8") as f:
                    for line in f:
                        if not line.strip():
                            break           # the headers end at the first empty line
                        key, _, value = line.partition(":")
                        if key == "Name":
                            name = re.sub(r"[-_.]+", "-", value.strip()).lower()
                        elif key == "Version" and version is None:
                            version = value.strip()
            except OSError:
                pass
            if name == wanted and version:
                return version
    from importlib.metadata import PackageNotFoundError, version as metadata_version
    try:
        return metadata_version(dist)
    except PackageNotFoundError:
        return "?"


def preload(mapping: Mapping[str, str]) -> None:
    """Lemmas kept from earlier runs (same ``lexicon_version``): used instead of pymorphy3."""
    _KNOWN.update(mapping)


def offer(mapping: Mapping[str, str]) -> None:
    """What ``computed`` gives for some words (same ``lexicon_version``), computed ahead: such a
    word is not analysed here but taken from ``mapping`` when first met, and is then new like a
    computed one (stored by the corpus layer), so the lexicon holds the same rows either way."""
    _OFFERED.update(mapping)


def set_lookup(fn: Optional[Callable[[str], Optional[str]]]) -> None:
    """A per-word look-up (word -> lemma or None) asked before pymorphy3; None removes it."""
    global _LOOKUP
    _LOOKUP = fn
    lemma.cache_clear()


def is_known(word: str) -> bool:
    """True when ``word`` (lower case) is in pymorphy3's dictionary (answered from the lexicon
    when it holds the word: its guessed lemmas carry ``GUESSED``). Why: a Kazakh query written
    without the Kazakh-only letters («кезектен тыс сессия», «хатшы», «пайдалану») is told from
    Russian by Russian not knowing its words, whatever texts the process has read before."""
    if word in LEMMA_EXCEPTIONS:
        return True
    kept = _KNOWN.get(word)
    if kept is None and _LOOKUP is not None:
        kept = _LOOKUP(word)
    if kept is None:
        kept = _OFFERED.get(word)
    if kept is not None:
        return not kept.startswith(GUESSED)
    return bool(morph().word_is_known(word))


def learn(mapping: Mapping[str, str]) -> None:
    """Lemmas computed elsewhere (a worker process): known here and due to be stored."""
    for w, lem in mapping.items():
        if w not in _KNOWN:
            _KNOWN[w] = lem
            _NEW[w] = lem


def take_new() -> dict[str, str]:
    """The lemmas computed by pymorphy3 since the last call (to be stored), then forgotten."""
    global _NEW
    out, _NEW = _NEW, {}
    return out


def reset() -> None:
    """Forget every handed-in, offered and computed lemma (tests: a cold process)."""
    global _LOOKUP
    _KNOWN.clear()
    _NEW.clear()
    _OFFERED.clear()
    _LOOKUP = None
    lemma.cache_clear()


# lemma choices pymorphy3 gets wrong for this domain (its first parse is not the legal sense)
LEMMA_EXCEPTIONS = {
    "прав": "право", "права": "право", "правам": "право", "правами": "право", "правах": "право",
    "органов": "орган", "органы": "орган",
    "сессии": "сессия", "депутатов": "депутат",
    "слушаний": "слушание", "слушания": "слушание", "слушаниях": "слушание",
    "выборов": "выборы", "выборах": "выборы", "выборам": "выборы", "выборы": "выборы",
    "полномочий": "полномочие", "полномочия": "полномочие", "полномочиях": "полномочие",
    "полномочиями": "полномочие", "полномочиям": "полномочие",
}


# Kazakh loans declined as Russian nouns that pymorphy3's guesser does not know (маслихата)
LOAN_STEMS = ("маслихат", "акимат", "аким", "мажилис", "сенат", "тенге", "аул")
_NOUN_ENDINGS = frozenset({"", "а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах", "ой", "ою", "и",
                           "ей", "ям", "ями", "ях", "я", "ю", "ем"})


@lru_cache(maxsize=262144)
def lemma(word: str) -> str:
    """Lower-case Russian word -> lemma (ё folded to е)."""
    if word in LEMMA_EXCEPTIONS:
        return LEMMA_EXCEPTIONS[word]
    for stem in LOAN_STEMS:
        if word.startswith(stem) and word[len(stem):] in _NOUN_ENDINGS:
            return stem
    if not word.isalpha():
        return word
    known = _KNOWN.get(word)
    if known is None and _LOOKUP is not None:
        known = _LOOKUP(word)
    if known is not None:
        return known.lstrip(GUESSED)
    kept = _OFFERED.get(word)
    if kept is None:
        kept = computed(word)
    _KNOWN[word] = kept
    _NEW[word] = kept
    return kept.lstrip(GUESSED)


def computed(word: str) -> str:
    """What the lexicon keeps for ``word``: pymorphy3's lemma, marked ``GUESSED`` when its
    dictionary does not know the word."""
    lookup = _dictionary_lookup()
    if lookup is not None:
        found = lookup(word)
        if found is not None:
            return found
        if word not in _INITIALS:       # no dictionary entry: pymorphy3 guesses
            return GUESSED + _pymorphy_lemma(word)
    found = _pymorphy_lemma(word)
    return found if morph().word_is_known(word) else GUESSED + found


_INITIALS: frozenset = frozenset()
_LOOKUP_FN: Optional[Callable[[str], Optional[str]]] = None
_LOOKUP_READY = False


def _dictionary_lookup() -> Optional[Callable[[str], Optional[str]]]:
    """``_pymorphy_lemma`` for a word pymorphy3's dictionary knows, computed from the dictionary
    as ``MorphAnalyzer.parse`` would (the same entries, P(t|w) scores, order and normal form)
    without building every parse's normal form and namedtuple, and the known-word test from the
    same look-up (issue 14: a cold ingest's 8,931 words, most of them in the dictionary, cost
    half as much). The word -> its lemma, or None when the dictionary has no entry for it. None
    (use ``parse``) when the analyser is not made as this relies on: the dictionary first among
    its units, then only the initials' units before the first terminal one, P(t|w) estimator."""
    global _LOOKUP_FN, _LOOKUP_READY, _INITIALS
    if _LOOKUP_READY:
        return _LOOKUP_FN
    _LOOKUP_READY = True
    m = morph()
    try:
        from pymorphy3.analyzer import ProbabilityEstimator
        from pymorphy3.units.abbreviations import _InitialsAnalyzer
        from pymorphy3.units.by_lookup import DictionaryAnalyzer
        units = list(m._units)
        first = [u for u, _ in units[:3]]
        if (type(first[0]) is not DictionaryAnalyzer or [t for _, t in units[:3]] != [False, False, True]
                or not all(isinstance(u, _InitialsAnalyzer) for u in first[1:])
                or type(m.prob_estimator) is not ProbabilityEstimator):
            return None
        _INITIALS = frozenset().union(*(u._letters_set for u in first[1:]))
        d = m.dictionary
        similar, subs = d.words.similar_items, m.char_substitutes
        paradigms, gramtab, normal_form = d.paradigms, d.gramtab, d.build_normal_form
        cpd = m.prob_estimator.p_t_given_w
        prob, per = cpd.get, cpd.MULTIPLIER
    except (ImportError, AttributeError, TypeError, ValueError, IndexError):
        return None

    tag_str: dict[int, str] = {}        # tag id -> the tag as P(t|w) keys it, and whether a noun
    noun: dict[int, bool] = {}

    def lookup(word: str) -> Optional[str]:
        if word in _INITIALS:          # a capital initial: those units add parses
            return None
        low = word.lower()
        found = []
        for fixed, entries in similar(low, subs):
            for para, idx in entries:
                paradigm = paradigms[para]
                found.append((fixed, para, idx, paradigm[len(paradigm) // 3 + idx]))
        if not found:
            return None
        best = found[0]
        if len(found) > 1:
            keys = []
            for f in found:
                key = tag_str.get(f[3])
                if key is None:
                    tag = gramtab[f[3]]
                    key = tag_str[f[3]] = str(tag)
                    noun[f[3]] = tag.POS == "NOUN"
                keys.append(key)
            scores = [prob(f"{low}:{key}", 0) / per for key in keys]
            if sum(scores) == 0:       # no P(t|w): pymorphy3 keeps the order, equal scores
                scores = [1.0] * len(found)
            else:                      # sorted by P(t|w), ties in dictionary order
                order = sorted(range(len(found)), key=scores.__getitem__, reverse=True)
                found, scores = [found[i] for i in order], [scores[i] for i in order]
            best, top = found[0], scores[0]
            for p, score in zip(found, scores):
                if score < top * 0.5:
                    break
                if noun[p[3]]:
                    best = p
                    break
        return normal_form(best[1], best[2], best[0]).replace("ё", "е")
    _LOOKUP_FN = lookup
    return lookup


def _pymorphy_lemma(word: str) -> str:
    parses = morph().parse(word)
    if not parses:
        return word
    best = parses[0]
    top = best.score
    for p in parses:
        if p.score < top * 0.5:
            break
        if p.tag.POS == "NOUN":
            best = p
            break
    return best.normal_form.replace("ё", "е")
