"""Words of a query that ask rather than name (кто, как, сколько; кім, қалай, неше, ма/ме…).

Why: people type questions. A best-match query (``corpus.index.query``, no operators) drops these
words before scoring so that «кто ведёт протокол сессии» scores on «вести протокол сессия». They
are data, one file per language beside the language's other vocabulary
(``nlp/lang/<lang>/query_words.txt``); the index keeps every word, so a quoted phrase still
finds them.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from maslihat.nlp.analyze import normalize_term
from maslihat.nlp.lang import fold

LANG_DIR = Path(__file__).resolve().parent / "lang"


@lru_cache(maxsize=4)
def _words(lang: str) -> tuple[frozenset, frozenset]:
    """(folded surface forms, their index terms) of the language's query words."""
    path = LANG_DIR / lang / "query_words.txt"
    if not path.exists():
        return frozenset(), frozenset()
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        words.update(fold(w) for w in line.split("#", 1)[0].split())
    terms = {normalize_term(w, lang) for w in words}
    return frozenset(words), frozenset(t for t in terms if t)


def is_query_word(word: str, lang: str) -> bool:
    """True when ``word`` only asks (a question word, particle or request word of ``lang``)."""
    surface, terms = _words(lang)
    f = fold(word)
    if f in surface:
        return True
    t = normalize_term(word, lang)
    return bool(t) and t in terms and len(f) <= len(t) + 3


#: what a question can ask for besides a kind of fact (``nlp.facts.FACT_KINDS``, not imported
#: here: the query path does not load the fact extractor): a definition (``nlp.definitions``),
#: whether something may or must be done, a liability, the papers to bring (``nlp.modality``)
OTHER_ANSWER_KINDS = ("definition", "permission", "liability", "documents", "funding", "basis", "purpose")


def _pairs(lang: str, name: str) -> list[tuple[str, str]]:
    """The «left | right» lines of ``nlp/lang/<lang>/<name>`` (comments after «#» dropped), both
    sides stripped and not empty: the format of the language's small query-word tables."""
    path = LANG_DIR / lang / name
    if not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        left, bar, right = line.split("#", 1)[0].partition("|")
        if bar and left.strip() and right.strip():
            out.append((left.strip(), right.strip()))
    return out


@lru_cache(maxsize=4)
def _answer_phrases(lang: str) -> tuple[tuple[tuple[str, ...], frozenset], ...]:
    """(folded phrase, fact kinds) of ``nlp/lang/<lang>/answer_kinds.txt``, longest first."""
    out = [(tuple(fold(w) for w in phrase.split()), frozenset(kinds.split()))
           for phrase, kinds in _pairs(lang, "answer_kinds.txt")]
    return tuple(sorted(out, key=lambda p: -len(p[0])))


def answer_kinds(words: list[str], lang: str) -> frozenset:
    """What a question asks for (a fact kind or ``OTHER_ANSWER_KINDS``): «сколько раз» -> periodicity, «неше күнде» ->
    deadline, term, «что такое» -> definition; empty when its words ask for neither.

    Why: a question word says what kind of provision answers it (a deadline, a quorum, an
    amount); ranking prefers candidates that state such a fact (``scoring.with_answer``)."""
    folded = [fold(w) for w in words]
    found = [(len(ph), i, ks) for i in range(len(folded)) for ph, ks in _answer_phrases(lang)
             if tuple(folded[i:i + len(ph)]) == ph]
    kinds: set = set()
    taken: set = set()
    for n, i, ks in sorted(found, key=lambda f: (-f[0], f[1])):    # the longest phrases first, wherever
        if not taken & set(range(i, i + n)):                          # they stand: «за это что то будет»
            kinds |= ks                                               # is «что то будет», not «это что»
            taken |= set(range(i, i + n))
    return frozenset(kinds)


@lru_cache(maxsize=4)
def _clippings(lang: str) -> tuple[tuple[str, str], ...]:
    """(clipping, adjective) of ``nlp/lang/<lang>/clipped.txt``, longest clipping first."""
    return tuple(sorted(_pairs(lang, "clipped.txt"), key=lambda p: -len(p[0])))


MIN_CLIPPED_REST = 3      # letters of the noun after the clipping («гос|заказ», not «гос|т»)


def clipped_phrase(word: str, lang: str) -> tuple[str, str] | None:
    """(adjective, noun) a clipped compound stands for («госзаказ» -> государственный, заказ;
    «нацпарке» -> национальный, парке), or None: the word starts with a clipping of
    ``clipped.txt`` and the rest is a noun the language's dictionary knows («медведь»: «ведь» is
    no noun; «гостиница»: «тиница» is no word).

    Why: people type «госзаказ», «медпункт», «спецтехника»; the acts write «государственный
    заказ», and no table can list every fusion."""
    w = word.lower()
    for clip, adj in _clippings(lang):
        rest = w[len(clip):]
        if w.startswith(clip) and len(rest) >= MIN_CLIPPED_REST and _is_noun(rest, lang):
            return adj, rest
    return None


@lru_cache(maxsize=4096)
def _is_noun(word: str, lang: str) -> bool:
    if lang != "ru":
        return False
    from maslihat.nlp.lang.ru.lemmatizer import morph
    # most of the word's readings a common noun («парке»: the park's or a parka's), not a name
    # («ника» in «техника»)
    return sum(p.score for p in morph().parse(word) if p.tag.POS == "NOUN" and p.is_known
               and not (_PROPER & p.tag.grammemes)) >= 0.5


_PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr"})


@lru_cache(maxsize=4)
def combining(lang: str) -> frozenset:
    """The combining forms of ``nlp/lang/<lang>/combining.txt`` («видео», «бейне»): written fused
    with the noun after them in the laws («видеообращение», «бейнеөтініш»), apart by users."""
    path = LANG_DIR / lang / "combining.txt"
    if not path.exists():
        return frozenset()
    return frozenset(w for line in path.read_text(encoding="utf-8").splitlines()
                     for w in line.split("#", 1)[0].split())
