"""Text -> search terms, the one normalisation shared by indexing and querying (both back ends).

Russian words become pymorphy3 lemmas (``nlp.lang.ru.lemmatizer``: called directly with a cache,
far faster than spaCy's pymorphy3-mode lemmatizer, and never "unchanged when ambiguous");
Kazakh words become stems (``nlp.lang.kk.stemmer``: suffix chains, no dictionary). Before that,
every word goes through ``nlp.lang.fold`` (case, Latin look-alikes, ё), and after it through the
language's ``NORM_EXCEPTIONS`` so маслихат/мәслихат, аким/әкім meet in both languages.

Tokenisation is one regex for both languages (letters and digits; hyphens, slashes and dots
split: 36-тармағында -> 36, тармағында; өзін-өзі -> өзін, өзі): offsets stay trivial and it runs
several times faster than the spaCy tokenizer, which the Doc pipelines in ``nlp.lang`` still use.
Every call is cached per (word, language), so a corpus pass costs one dict lookup per token.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from maslihat.core.grammar import CYR_LOWER, KK_LOWER
from maslihat.nlp.lang import fold
from maslihat.nlp.lang.kk.stemmer import stem as _kk_stem
from maslihat.nlp.lang.kk.stop_words import NEGATION as _KK_NEGATION
from maslihat.nlp.lang.kk.stop_words import STOP_WORDS as _KK_STOP
from maslihat.nlp.lang.kk.tokenizer_exceptions import NORM_EXCEPTIONS as _KK_NORM
from maslihat.nlp.lang.ru.lemmatizer import lemma as _ru_lemma
from maslihat.nlp.lang.ru.stop_words import NEGATION as _RU_NEGATION
from maslihat.nlp.lang.ru.stop_words import STOP_WORDS as _RU_STOP
from maslihat.nlp.lang.ru.tokenizer_exceptions import NORM_EXCEPTIONS as _RU_NORM

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_CYR = re.compile(f"[{CYR_LOWER}]")
_KK_LETTERS = re.compile(f"[{KK_LOWER}]")
# frequent Kazakh words spelled only with letters Russian also has
_KK_MARKERS = frozenset("""сайлау туралы бойынша мен бен пен осы бұл ол олар және арқылы
депутаттар депутаттары депутатты сессиясы сессиялар бюджеттік регламенті жоба жобасы""".split())
_KK_ENDINGS = ("лар", "лер", "дар", "дер", "тар", "тер", "ның", "нің", "дың", "дің", "тың",
               "тің", "ға", "ге", "сы", "сі", "дағы", "дегі", "лық", "лік", "дық", "дік", "тық", "тік")


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Word tokens (letters/digits runs) with their offsets in ``text``."""
    return [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text)]


@lru_cache(maxsize=524288)
def normalize_term(word: str, lang: str) -> str:
    """One word -> its index term (lemma for ru, stem for kk); '' for a stop word."""
    f = fold(word)
    if not f or f.isdigit() or not _CYR.search(f):
        return f
    if lang == "kk":
        if f in _KK_STOP:
            return ""
        t = _kk_stem(f)
        return _KK_NORM.get(t, t)
    if f in _RU_STOP:
        return ""
    t = _ru_lemma(f)
    if t in _RU_STOP:
        return ""
    return _RU_NORM.get(t, t)


_NEGATION = {"kk": _KK_NEGATION, "ru": _RU_NEGATION}


def negation(lang: str) -> str:
    """The word of ``lang`` that negates the word before it («емес»), or ''."""
    return _NEGATION.get(lang, "")


def join_negations(words: list[str], terms: list, lang: str) -> list[int]:
    """In place: the term of a word followed by the language's negation becomes one term with it
    («нормативтік емес» -> «нормативтікемес»), the negation's own term stays ''. Returns the
    positions joined. ``terms`` holds one term per word ('' for a stop word)."""
    neg = _NEGATION.get(lang)
    joined: list[int] = []
    if not neg:
        return joined
    for i in range(1, len(words)):
        if terms[i - 1] and len(words[i]) == len(neg) and fold(words[i]) == neg:
            terms[i - 1] = terms[i - 1] + neg
            joined.append(i - 1)
    return joined


def index_terms(text: str, lang: str) -> list[str]:
    """Terms of ``text`` in order (stop words dropped consistently with ``query_terms``; a word
    and the negation after it are one term, ``join_negations``)."""
    norm = normalize_term
    words = _WORD.findall(text)
    terms = [norm(w, lang) for w in words]
    if lang in _NEGATION and _NEGATION[lang] and _NEGATION[lang] in text.lower():
        join_negations(words, terms, lang)
    return [t for t in terms if t]


_TERMS: dict[str, dict[str, str]] = {}     # lang -> word -> normalize_term(word, lang)
_match_start, _match_end, _match_text = re.Match.start, re.Match.end, re.Match.group


class TermIndex:
    """The terms of a whole text computed once, so that many (nested) spans of it can take their
    ``index_terms`` without tokenising and normalising the same words again.

    ``terms(start, end) == index_terms(text[start:end], lang)`` always: when a word straddles
    a span boundary (the slice would cut it), the span is tokenised on its own instead.
    """

    def __init__(self, text: str, lang: str):
        self.text, self.lang = text, lang
        found = list(_WORD.finditer(text))
        self.starts: list[int] = list(map(_match_start, found))
        self.ends: list[int] = list(map(_match_end, found))
        # a plain dict per language in front of normalize_term's cache: one lookup per token
        cache = _TERMS.get(lang)
        if cache is None or len(cache) > 524288:
            cache = _TERMS[lang] = {}
        get = cache.get
        terms: list[str] = []
        words = list(map(_match_text, found))
        for w in words:
            t = get(w)
            if t is None:
                t = cache[w] = normalize_term(w, lang)
            terms.append(t)
        neg = _NEGATION.get(lang)
        self.joined = frozenset(join_negations(words, terms, lang) if neg and neg in text.lower() else ())
        self.terms = terms

    def terms_of(self, start: int, end: int) -> list[str]:
        i = bisect_left(self.starts, start)
        j = bisect_left(self.starts, end, i)
        if ((i > 0 and self.ends[i - 1] > start) or (j > i and self.ends[j - 1] > end)
                or (j > i and j - 1 in self.joined)):    # a joined negation cut off by the span
            return index_terms(self.text[start:end], self.lang)
        return [t for t in self.terms[i:j] if t]


def term_variants(word: str, lang: str) -> tuple[str, ...]:
    """Index terms of other forms of the verb ``word`` may be (query expansion, issue 16): the
    reflexive pair of a Russian verb lemma, the active/passive paradigm of a Kazakh verb form and
    the noun of a Kazakh -ла verb; a noun's privative («мерзім» -> «мерзімсіз», «срок» ->
    «бессрочный»); the noun of a Kazakh first-person possessive («бастығым» -> «бастық»). () when
    there are none; the word's own term is never among them."""
    own = normalize_term(word, lang)
    if not own:
        return ()
    if lang == "kk":
        from maslihat.nlp.glossary import known_terms
        from maslihat.nlp.lang.kk.verbs import first_person, privative, variants as kk_variants
        mine = first_person(own) if own not in known_terms("kk") else ()     # «бастығым» -> бастық
        found = [normalize_term(f, "kk") for f in (*kk_variants(fold(word)), *privative(own), *mine)]
    else:
        from maslihat.nlp.lang.ru.verbs import privative, variants as ru_variants
        found = list(ru_variants(own) or privative(own))
    return tuple(t for t in dict.fromkeys(found) if t and t != own)


@lru_cache(maxsize=2)
def cognate_rules(lang: str) -> tuple[int, tuple[tuple[str, str], ...]]:
    """(shortest root, (ending, replacement) longest ending first) of ``nlp/lang/<lang>/cognates.txt``."""
    from pathlib import Path
    path = Path(__file__).with_name("lang") / lang / "cognates.txt"
    least, rules = 5, []
    for line in path.read_text(encoding="utf-8").splitlines():
        body = line.split("#", 1)[0].strip()
        if body.startswith("min "):
            least = int(body.split()[1])
        elif "->" in body:
            end, repl = (x.strip() for x in body.split("->", 1))
            rules.append((end, repl))
    return least, tuple(sorted(rules, key=lambda r: -len(r[0])))


@lru_cache(maxsize=8192)
def cognate_root(term: str, lang: str) -> str:
    """The root an index term shares with its cognate in the other language («англосаксонский» ->
    «англосаксон», «прокурорлық» -> «прокурор», «дизель» -> «дизель»; rules: ``cognates.txt``), or
    "" when no rule applies or the root would be too short to tell words apart."""
    least, rules = cognate_rules(lang)
    root, applied = term, False
    for _ in range(3):
        rule = next(((e, r) for e, r in rules if root.endswith(e) and len(root) > len(e)), None)
        if rule is None:
            break
        applied = True
        if rule[0] == rule[1]:          # «ь -> ь»: the term is its own root (a Kazakh loan's stem, «дизель»)
            break
        root = root[: -len(rule[0])] + rule[1]
    return root if applied and len(root) >= least else ""


def query_terms(text: str, lang: str | None = None) -> list[str]:
    """Terms of a query; the same normalisation as the index (language guessed when None)."""
    return index_terms(text, lang or guess_language(text))


def guess_language(text: str) -> str:
    """'kk' when the text has Kazakh-only letters or Kazakh words/endings, else 'ru'.

    Queries are short, so letter evidence (ә ғ қ ң ө ұ ү һ і, Latin i inside Cyrillic words)
    decides first; then a few frequent Kazakh words and suffixes spelled in common letters.
    """
    words = [fold(w) for w in _WORD.findall(text)]
    kk = sum(1 for w in words if _KK_LETTERS.search(w))
    if kk:
        common = [w for w in words if _CYR.search(w) and not _KK_LETTERS.search(w)]
        if kk * 4 >= len(common) or kk >= 3:
            return "kk"
        # most words in common letters: they vote as in ``_by_dictionary`` («тексеру комиссиясына
        # депутат емес адамдар кіре ала ма» has one Kazakh letter; «кто созывает сессию маслихата
        # в Көкшетау» stays Russian)
        ru, kk_common = _votes(common)
        return "kk" if kk + kk_common > ru else "ru"
    from maslihat.nlp.lang.ru.lemmatizer import is_known
    for w in words:
        if w in _KK_MARKERS or (len(w) > 5 and w.endswith(_KK_ENDINGS) and not w.endswith(("ость", "ие"))
                                and not is_known(w)):       # «вопросы», «запросы» end like «сессиясы»
            return "kk"
    return _by_dictionary(words)


def _by_dictionary(words: list[str]) -> str:
    """Words in common letters vote: Russian when Russian knows the word (the corpus's Russian
    lexicon or pymorphy3's dictionary), Kazakh when it does not («кезектен», «хатшы», «арнайы»).
    Words spelled alike in both languages (the glossary's «депутат», «сессия», «комиссия») and
    Kazakh loans declined in Russian («маслихат», «аким») do not vote. Kazakh only when no word is
    Russian: a query mixing the languages keeps the Russian reading it had."""
    ru, kk = _votes(words)
    return "kk" if kk and not ru else "ru"


def _votes(words: list[str]) -> tuple[int, int]:
    """(Russian, Kazakh) votes of words in common letters (``_by_dictionary``)."""
    from maslihat.nlp.lang.ru import lemmatizer
    kk = ru = 0
    for w in words:
        loan = next((s for s in lemmatizer.LOAN_STEMS if w.startswith(s)), None)
        if loan and w[len(loan):] in _RU_CASE_ENDINGS:
            ru += 1                 # «маслихата», «акиму»: declined in Russian (Kazakh: мәслихаттың, әкімге)
            continue
        if len(w) < 3 or not _CYR.search(w) or loan:
            continue
        if w in _KK_FUNCTION or not lemmatizer.is_known(w):
            kk += 1
        elif lemmatizer.lemma(w) not in _shared_words():
            ru += 1
    return ru, kk


# Russian case endings that a Kazakh text never puts on these loans (it writes мәслихаттың,
# әкімге, ауылда); the bare stem and «-ы»/«-и» are left out: a Kazakh query may spell them so
_RU_CASE_ENDINGS = frozenset({"а", "у", "ом", "е", "ов", "ам", "ами", "ах", "ой", "ою", "ей"})

# Kazakh function words in common letters that Russian also spells (pymorphy3 knows «тыс» as
# «тысяча»): they vote Kazakh
_KK_FUNCTION = frozenset(w for w in _KK_STOP if len(w) >= 3) | {"тыс"}


@lru_cache(maxsize=1)
def _shared_words() -> frozenset:
    """Index terms spelled alike in Russian and Kazakh, from the glossary's RU↔KK pairs."""
    try:
        from maslihat.nlp import glossary
        return glossary.shared_spellings()
    except Exception:   # noqa: BLE001  (no glossary data: every known word votes)
        return frozenset()
