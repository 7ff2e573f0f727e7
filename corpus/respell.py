"""Kazakh typed with Russian letters, read as Kazakh (issue 16: questions as people type them).

«сессия кун тартибин ким бекитеди» is «сессия күн тәртібін кім бекітеді» written without the
Kazakh layout. Read as it is, its words match nothing Kazakh (and «кун», «ким» are even Russian
words). ``respell`` gives the query as the corpus reads it: each word typed without Kazakh
letters becomes the spelling (``nlp.lang.kk.letters.respellings``) whose index term the corpus
holds most often, when that is clearly more often than the word as typed; a spelling that is a
Kazakh question word («кім», «қалай») is taken as such. Both back ends answer the counts
(``SearchIndex.term_counts``), so both respell a query alike.

Only best-match queries (no operators, no quoted phrase) are respelled, and only when a word of the query is not
Russian (``nlp.lang.ru.lemmatizer.is_known``): a Russian query is never touched.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, Optional

from maslihat.core.grammar import CYR
from maslihat.corpus.index.query import MAX_QUERY_CHARS, MAX_QUERY_TOKENS, is_best_match, safe_term
from maslihat.nlp.analyze import normalize_term
from maslihat.nlp.lang import fold
from maslihat.nlp.lang.kk.letters import STAND_IN, respellings
from maslihat.nlp.querywords import is_query_word

_WORD = re.compile(r"[^\W\d_]+")
#: which reading a search made (its answer's ``correction``) -> the message that says so (the CLI's
#: ``core/data/messages.yaml``, the app's ``search_app/i18n.py``: the same keys)
SEARCHED_AS = {"kazakh_letters": "searched_as", "keyboard_layout": "searched_as_layout",
               "latin_script": "searched_as_latin", "spelling": "searched_as_spelling"}
CLEARLY = 2          # a spelling replaces the word when its term is this many times as frequent


def _not_russian(word: str) -> bool:
    """A word that could be Kazakh typed without its letters and that Russian does not know
    (asked only of words with a stand-in letter: the others are never respelled)."""
    from maslihat.nlp.lang.ru.lemmatizer import LOAN_STEMS, is_known
    w = fold(word)
    if len(w) <= 2 or not respellings(w) or is_query_word(w, "ru") or is_query_word(w, "kk"):
        return False
    if w.startswith(tuple(LOAN_STEMS)):      # «акима», «маслихата»: Kazakh loans declined in Russian
        return False
    return not is_known(w)


def _known(lang: str) -> frozenset:
    """Index terms the thesaurus and the learned RU↔KK table know (``nlp.glossary.known_terms``,
    imported when a reading needs it: a process that only shows a document does not load it)."""
    from maslihat.nlp.glossary import known_terms
    return known_terms(lang)


def _term(word: str, lang: str) -> str:
    """The index term of ``word`` read in ``lang`` ('' for a stop word)."""
    return safe_term(normalize_term(word, lang))


def _cased(new: str, old: str) -> str:
    if old.isupper() and len(old) > 1:
        return new.upper()
    return new[0].upper() + new[1:] if old[:1].isupper() else new


def _replaced(query: str, found: list, chosen: dict[int, str]) -> str:
    """``query`` with its ``found`` words (regex matches) of the indexes ``chosen`` replaced, in the
    case they were typed; everything between them kept as typed."""
    out, pos = [], 0
    for i, m in enumerate(found):
        if i in chosen:
            out += [query[pos:m.start()], _cased(chosen[i], m.group(0))]
            pos = m.end()
    out.append(query[pos:])
    return "".join(out)


def respell(query: str, counts: Callable[[list], dict]) -> Optional[str]:
    """``query`` with its Kazakh words respelled, or None when nothing changes. ``counts``:
    index terms -> how many units hold each (``SearchIndex.term_counts``)."""
    if not query or not query.strip() or len(query) > MAX_QUERY_CHARS:
        return None                 # too long: the parser says so
    if not is_best_match(query) or '"' in query:
        return None                 # strict syntax and quoted phrases mean what they spell
    found = list(_WORD.finditer(query))
    if len(found) > MAX_QUERY_TOKENS:
        return None
    if not any(_not_russian(m.group(0)) for m in found):
        return None
    choices: dict[int, list[str]] = {}
    chosen: dict[int, str] = {}
    terms: set = set()
    for i, m in enumerate(found):
        w = m.group(0)
        if is_query_word(w, "ru") or is_query_word(w, "kk"):
            continue
        cands = respellings(fold(w))
        if not cands:
            continue
        asking = [c for c in cands if is_query_word(c, "kk")]
        if not asking and normalize_term(w, "ru"):  # «ози» -> «өзі»: a Kazakh stop word, not a Russian one
            asking = [c for c in cands if not normalize_term(c, "kk")]
        if asking:                                  # «ким» -> «кім», «калай» -> «қалай»
            chosen[i] = asking[0]
            continue
        choices[i] = cands
        terms.update(_term(w, lang) for lang in ("kk", "ru"))
        terms.update(_term(c, "kk") for c in cands)
    terms.discard("")
    have = dict(counts(sorted(terms))) if terms else {}
    for t in terms & _known("kk"):           # a word of the thesaurus reaches the law's words
        have[t] = have.get(t, 0) + 1
    for i, cands in choices.items():
        w = found[i].group(0)
        typed = max(have.get(_term(w, lang), 0) for lang in ("kk", "ru"))
        best, n = None, 0
        for c in cands:                             # first of the most frequent: ``respellings`` order
            k = have.get(_term(c, "kk"), 0)
            if k > n:
                best, n = c, k
        if best is not None and n > CLEARLY * typed:
            chosen[i] = best
    if not chosen:
        return None
    return _replaced(query, found, chosen)


# --- the wrong keyboard layout -----------------------------------------------------------------
_CYRILLIC = re.compile(f"[{CYR}]")
_LATIN_TOKEN = re.compile(r"[A-Za-z\[\];',.`]*[A-Za-z\[\];'`][A-Za-z\[\];',.`]*")
ENOUGH = 0.5         # the share of the read-back words the corpus must know


@lru_cache(maxsize=1)
def _layout() -> dict:
    from pathlib import Path
    from maslihat.core.yamlfile import load
    import maslihat.core as core
    table = load(Path(core.__file__).resolve().parent / "data" / "keyboard.yaml")["jcuken"]
    return {**table, **{k.upper(): v.upper() for k, v in table.items() if k.isalpha()}}


def relayout(query: str, counts: Callable[[list], dict]) -> Optional[str]:
    """``query`` typed with the Latin layout on instead of the Russian one («ltgenfncrbq pfghjc»),
    read back through the keyboard (``core/data/keyboard.yaml``) when the corpus knows at least
    half of the words it gives and none of the words as typed; else None. A query with any
    Cyrillic letter, or one the parser would refuse, is left alone."""
    if not query or len(query) > MAX_QUERY_CHARS or _CYRILLIC.search(query):
        return None
    found = list(_LATIN_TOKEN.finditer(query))
    if not found or len(found) > MAX_QUERY_TOKENS:
        return None
    table = _layout()
    out, pos, words = [], 0, []
    for m in found:
        token = m.group(0)
        core_len = len(token.rstrip(",."))          # a comma or full stop after a word is punctuation
        if not any(ch.isalpha() for ch in token[:core_len]):
            continue
        read = "".join(table.get(ch, ch) for ch in token[:core_len])
        out += [query[pos:m.start()], read, token[core_len:]]
        pos = m.end()
        words.append((token[:core_len], read))
    out.append(query[pos:])
    typed = {_term(w.lower(), "ru") for w, _ in words} - {""}
    if any(counts(sorted(typed)).get(t, 0) for t in typed):
        return None                                  # the words as typed are the corpus's: Latin on purpose
    read_back = "".join(out)
    read_back = respell(read_back, counts) or read_back      # Kazakh typed without its letters, too
    asked = [w for w in _WORD.findall(read_back)
             if len(w) > 2 and not is_query_word(w, "ru") and not is_query_word(w, "kk")]
    if not asked:
        return None
    terms = {w: {_term(w, lang) for lang in ("ru", "kk")} - {""} for w in asked}
    have = counts(sorted({t for ts in terms.values() for t in ts}))
    known = sum(1 for w in asked if any(have.get(t, 0) for t in terms[w]))
    return read_back if known >= ENOUGH * len(asked) else None


# --- Latin letters ---------------------------------------------------------------------------------
KAZAKH_LATIN = re.compile(r"[äğñöūüışqáǵńóúý]|[agnous]'")      # the Kazakh alphabets' own letters


def _dictionary_word(word: str, lang: str) -> bool:
    """A word the language's word list holds: pymorphy3's dictionary for Russian; for Kazakh,
    which has none here, a word with a Kazakh-only letter (ә ғ қ ң ө ұ ү һ і)."""
    if lang == "ru":
        from maslihat.nlp.lang.ru.lemmatizer import is_known
        return is_known(word)
    from maslihat.nlp.lang.kk.letters import has_kazakh_letters
    return has_kazakh_letters(word)


def _read_latin(found: list, lang: str, counts: Callable[[list], dict]) -> tuple[dict, int, tuple]:
    """Each Latin word of ``found`` read in ``lang``: ({word index: Cyrillic}, the number of words
    counted, (words the corpus knows, words of the language's word list, units they are in))."""
    from maslihat.nlp.lang.latin import readings
    chosen: dict[int, str] = {}
    options: dict[int, list[tuple[str, str]]] = {}
    for i, m in enumerate(found):
        cands = readings(m.group(0), lang)
        if not cands:
            continue
        # a question or stop word among the likeliest readings («kakoi» -> какой): taken, not counted
        first = sorted(cands[:3], key=lambda c: not _dictionary_word(c, lang))   # «какой» before «какои»
        asking = (next((c for c in first if is_query_word(c, lang)), None)
                  or next((c for c in first if not _term(c, lang) and _dictionary_word(c, lang)), None)
                  or (cands[0] if not _term(cands[0], lang) else None))
        if asking:
            chosen[i] = asking
            continue
        options[i] = [(c, _term(c, lang)) for c in cands]
    terms = sorted({t for opts in options.values() for _, t in opts} - {""})
    have = dict(counts(terms)) if terms else {}
    if lang == "kk":
        for t in set(terms) & _known("kk"):      # a word of the thesaurus reaches the law's words
            have[t] = have.get(t, 0) + 1
    known = units = listed = 0
    for i, opts in options.items():
        # the most frequent in the corpus; among equals a word of the language's word list; then the likeliest
        ranked = [(have.get(t, 0), _dictionary_word(c, lang) if k < 8 else False, -k, c)
                  for k, (c, t) in enumerate(opts)]
        n, listed_word, _, pick = max(ranked)
        chosen[i] = pick
        known += n > 0
        units += n
        listed += listed_word
    return chosen, len(options), (known, listed, units)


def transliterate(query: str, counts: Callable[[list], dict]) -> Optional[str]:
    """``query`` written in Latin letters («kezekten tys sessiia qashan shaqyrylady», «deputatskiy
    zapros») read as Kazakh or Russian Cyrillic, or None. Each word becomes the reading
    (``nlp.lang.latin.readings``) whose index term the corpus holds most often (a question or stop
    word is taken as such). The Russian reading is taken when most of its words are Russian
    dictionary words and the corpus knows at least half of them, and more than as typed; else the
    Kazakh one on the same terms; a letter only the Kazakh alphabets have reads Kazakh at once.
    Left alone: a query with any Cyrillic letter, strict syntax, or words the corpus knows as
    typed (Latin on purpose: «COVID», «Wi-Fi»; a Roman numeral «V» among the words does not count)."""
    from maslihat.nlp.lang.latin import LATIN_WORD
    if not query or len(query) > MAX_QUERY_CHARS or _CYRILLIC.search(query):
        return None
    if not is_best_match(query) or '"' in query:
        return None
    found = list(LATIN_WORD.finditer(query))
    if not found or len(found) > MAX_QUERY_TOKENS or max(len(m.group(0)) for m in found) < 3:
        return None                 # letters alone («ñ», «a'») are too short to be read as a word
    typed = {_term(m.group(0).lower(), "ru") for m in found if len(m.group(0)) > 2} - {""}
    have = counts(sorted(typed)) if typed else {}
    as_typed = sum(1 for t in typed if have.get(t, 0))
    chosen = None
    # Russian when its reading is made of Russian words the corpus knows; else Kazakh (a letter
    # only the Kazakh alphabets have, «q», «ñ», «ä», decides at once)
    for lang in (("kk",) if KAZAKH_LATIN.search(query.lower()) else ("ru", "kk")):
        words, n, (known, listed, _) = _read_latin(found, lang, counts)
        if n and known >= ENOUGH * n and known > as_typed and (lang == "kk" or listed >= ENOUGH * n):
            chosen = words
            break
    if chosen is None:
        return None
    return _replaced(query, found, chosen)


# --- a typing slip -----------------------------------------------------------------------------------
RU_LETTERS = "абвгдежзийклмнопрстуфхцчшщъыьэюя"
SLIP_MIN_UNITS = 2     # units that must hold a correction
SLIP_RARE = 2          # a word in this many units or fewer may itself be a slip (the texts have some: «сесия»)
SLIP_MORE = 20         # … when its correction is in this many times as many units
SLIP_MIN_LENGTH = 4


def _one_slip(word: str) -> tuple[list[str], list[str], list[str]]:
    """Every spelling one keystroke away from ``word``: a letter too few (one more letter: «запрс»
    -> «запрос»), a letter too many, a letter wrong or two swapped."""
    cut = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    longer = [a + c + b for a, b in cut for c in RU_LETTERS]
    shorter = [a + b[1:] for a, b in cut if b]
    kept = [a + b[1] + b[0] + b[2:] for a, b in cut if len(b) > 1]
    kept += [a + c + b[1:] for a, b in cut if b for c in RU_LETTERS if c != b[0]]
    return tuple(list(dict.fromkeys(x for x in group if x != word)) for group in (longer, shorter, kept))


def _slip_fix(word: str, counts: Callable[[list], dict], held: int = 0) -> Optional[str]:
    """The Russian dictionary word one keystroke from ``word`` whose index term the corpus holds
    most often (among equals one letter more, then one less, then the same length: «утверждат» ->
    «утверждает», «бюджетт» -> «бюджет»); None when none is held by ``SLIP_MIN_UNITS`` units and
    by ``SLIP_MORE`` times the ``held`` units of the word as typed."""
    from maslihat.nlp.lang.ru.lemmatizer import is_known
    ranked = [(c, rank) for rank, group in zip((2, 1, 0), _one_slip(fold(word))) for c in group if is_known(c)]
    terms = [(c, rank, _term(c, "ru")) for c, rank in ranked]
    have = dict(counts(sorted({t for _, _, t in terms} - {""}))) if terms else {}
    best = max(((have.get(t, 0), rank, -k, c) for k, (c, rank, t) in enumerate(terms) if t), default=None)
    if best and best[0] >= max(SLIP_MIN_UNITS, SLIP_MORE * held):
        return best[3]
    return None


def correct_slips(query: str, counts: Callable[[list], dict]) -> Optional[str]:
    """A Russian ``query`` with each word that is no word at all («запрс», «депутатскй», «сесия»)
    replaced by the dictionary word one keystroke away that the corpus holds most often, or None
    when no word changes. A word counts as a slip when Russian does not know it, its index term
    is in at most ``SLIP_RARE`` units and it is in no thesaurus entry; a real word the corpus lacks
    («грабли») stays as typed. A Kazakh query (``_kazakh_slips``) gets only the slips that rarely
    make another word: without a Kazakh dictionary a rare form («әкем», my father) cannot be told
    from a slip, and any one letter changed made it «әкім», the akim. Only best-match queries;
    question words and short words are never touched."""
    from maslihat.nlp.lang.kk.letters import has_kazakh_letters
    from maslihat.nlp.lang.ru.lemmatizer import is_known
    if not query or not query.strip() or len(query) > MAX_QUERY_CHARS:
        return None
    if not is_best_match(query) or '"' in query:
        return None
    found = list(_WORD.finditer(query))
    if len(found) > MAX_QUERY_TOKENS:
        return None
    if has_kazakh_letters(query):
        return _kazakh_slips(query, found, counts)
    words = {i: m.group(0) for i, m in enumerate(found)
             if len(m.group(0)) >= SLIP_MIN_LENGTH and _CYRILLIC.search(m.group(0))
             and not is_query_word(m.group(0), "ru") and not query.startswith("*", m.end())}
    terms = {i: _term(w, "ru") for i, w in words.items()}
    have = dict(counts(sorted(set(terms.values()) - {""}))) if terms else {}
    known = _known("ru")
    chosen: dict[int, str] = {}
    for i, w in words.items():
        held = have.get(terms[i], 0)
        # the dictionary last: a word the corpus holds needs no look-up (a search process that
        # finds every word in the corpus's lexicon never loads pymorphy3's dictionary, issue 14)
        if not terms[i] or held > SLIP_RARE or terms[i] in known or is_known(fold(w)):
            continue
        fix = _slip_fix(w, counts, held)
        if fix:
            chosen[i] = fix
    if not chosen:
        return None
    return _replaced(query, found, chosen)


def _kazakh_pairs() -> dict[str, str]:
    """Each letter -> the letters a slip may have put for it: a Kazakh letter and its Russian
    stand-in (``nlp.lang.kk.letters.STAND_IN``), either way. The other slips of a Kazakh word are
    not tried: «әкем» -> «әкім», «атам» -> «адам» are words of their own."""
    out: dict[str, str] = {}
    for kk, ru in STAND_IN.items():
        out[kk] = out.get(kk, "") + ru
        out[ru] = out.get(ru, "") + kk
    return out


_KK_PAIRS = _kazakh_pairs()
SLIP_MIN_UNITS_KK = 5     # a Kazakh correction must be in this many units


def _kazakh_slip_edits(word: str) -> list[str]:
    """The keystroke slips a Kazakh word is read back from, and only those that rarely make another
    word: a doubled letter typed once or once too often («сессиясынның», «депутатардың»), two
    letters swapped after the first, a Kazakh letter typed with its Russian stand-in or back."""
    out = []
    for i in range(1, len(word)):
        if word[i] == word[i - 1]:
            out.append(word[:i] + word[i + 1:])                      # «нн» -> «н»
        out.append(word[:i] + word[i - 1] + word[i:])                # «т» -> «тт»
        if i >= 2 and word[i] != word[i - 1]:
            out.append(word[:i - 1] + word[i] + word[i - 1] + word[i + 1:])
    for i, ch in enumerate(word):
        out.extend(word[:i] + alt + word[i + 1:] for alt in _KK_PAIRS.get(ch, ""))
    return [w for w in dict.fromkeys(out) if w != word]


def _kazakh_slips(query: str, found: list, counts: Callable[[list], dict]) -> Optional[str]:
    """``correct_slips`` for a Kazakh query: a word whose index term is in no unit and no thesaurus
    entry becomes the reading of ``_kazakh_slip_edits`` whose term the corpus holds most, in at
    least ``SLIP_MIN_UNITS_KK`` units."""
    words = {i: m.group(0) for i, m in enumerate(found)
             if len(m.group(0)) >= SLIP_MIN_LENGTH + 1 and not is_query_word(m.group(0), "kk")
             and not query.startswith("*", m.end())}           # a prefix means what it spells
    terms = {i: _term(w, "kk") for i, w in words.items()}
    have = dict(counts(sorted(set(terms.values()) - {""}))) if terms else {}
    known = _known("kk")
    chosen: dict[int, str] = {}
    for i, w in words.items():
        if not terms[i] or have.get(terms[i], 0) or terms[i] in known:
            continue
        cands = [(c, _term(c, "kk")) for c in _kazakh_slip_edits(fold(w))]
        got = dict(counts(sorted({t for _, t in cands} - {""})))
        best = max(((got.get(t, 0), -k, c) for k, (c, t) in enumerate(cands) if t), default=None)
        if best and best[0] >= SLIP_MIN_UNITS_KK:
            chosen[i] = best[2]
    return _replaced(query, found, chosen) if chosen else None

