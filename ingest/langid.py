"""Language of a paragraph: Kazakh, Russian or English.

Where langdetect falls short: it has no Kazakh profile, so Kazakh comes out as Russian or
Ukrainian (seed 004: "Мәслихат депутаттарының сайланбалылығына қатысты" -> ru 1.00; a longer
sentence -> uk 0.57 / ru 0.43). It is right on Russian and English, but adds nothing there
that script and lingua do not already settle, so it is not used: a Latin-script paragraph is
English unless it carries Kazakh Latin letters.

What decides:
1. script: no Cyrillic letters and some Latin letters -> English, or Kazakh when the Kazakh
   Latin letters of the 2018/2021 alphabets (ә/ğ/ñ/ū/ı …) appear;
2. Kazakh letter evidence (ә ғ қ ң ө ұ ү һ і, Latin i/h inside Cyrillic words too): a short
   line (up to 3 words) with any of them is Kazakh, one with Russian-only letters (ё щ ъ э)
   is Russian; lingua's published accuracy on single words is only 80%, letters are near-certain;
3. a line of more than three Cyrillic words (Latin letters at most a quarter of the Cyrillic ones:
   Roman numerals, `N 3-47`) is Kazakh when a quarter of its words or more carry Kazakh letters,
   Russian when none does (issue 14: of the 1,092 such lines of the 129 real files lingua was asked
   about, it agreed on 1,090 and called Kazakh a row of a Russian table, `5 Гидроэнергетика Тиын/кВт. час`);
   between the two it takes its neighbours' language like a short line (4.);
4. lingua-language-detector restricted to KAZAKH, RUSSIAN and ENGLISH (built once, cached;
   high-accuracy mode, one call per distinct paragraph head of 600 characters (serial: lingua's
   parallel call spent ~0.3 CPU-s more on the 129 real files for the same answers, issue 14);
   low-accuracy mode saved little time here) for everything else (short lines letters do not
   tell, lines with more Latin), overruled when Kazakh letters are dense (a quarter of the
   words or more) or absent from a long line that lingua called Kazakh;
5. in running text (``paragraph_languages``) a line with too little evidence (numbers only,
   a name like ``С.Какенов``, one or two words without telling letters, a long line with few
   Kazakh letters) takes the language of its neighbours when they agree.
Roman numerals (also typed with Cyrillic ``І``) are not words and carry no evidence.
"""
from __future__ import annotations

import re
from functools import lru_cache

from maslihat.core.grammar import CYR, KK_LATIN_LETTERS, KK_LETTERS, RU_ONLY_LETTERS

_CYR = re.compile(f"[{CYR}]")
_NON_CYR_LETTER = re.compile(rf"[^\W\d_{CYR}]")     # a letter _CYR does not match
_LAT = re.compile(r"[A-Za-z]")
_WORD_RE = re.compile(r"[^\W\d_]{2,}")
_ROMAN = re.compile(r"[IVXLCІ]+")  # Roman numerals, also typed with Cyrillic І: not words


_ROMAN_FIRST = frozenset("IVXLCІ")   # a word _ROMAN matches starts with one of them
_ROMAN_ANY = re.compile("[IVXLCІ]")


class _Words:
    """Words of two letters or more, Roman numerals left out."""
    @staticmethod
    def findall(text: str) -> list[str]:
        words = _WORD_RE.findall(text)
        if _ROMAN_ANY.search(text) is None:      # most lines: no word can be a Roman numeral
            return words
        return [w for w in words if w[0] not in _ROMAN_FIRST or not _ROMAN.fullmatch(w)]

    @staticmethod
    def search(text: str) -> bool:
        return bool(_Words.findall(text))


_WORDS = _Words
_KK = set(KK_LETTERS)
_KK_OR_IH_ANY = re.compile(f"[{KK_LETTERS}ih]")   # a search: faster than a set test over a line
# Latin i/h typed for Kazakh і/һ still count as Kazakh evidence inside Cyrillic words.
_KK_IN_MIXED = re.compile(rf"(?=\w*[{CYR}])\w*[ih]\w*")
# a word (of a space-joined list of words) holding a Kazakh letter, an i or an h (``_share``)
_KK_OR_IH_WORD = re.compile(f"[^ ]*[{KK_LETTERS}ih][^ ]*")


@lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder
    return LanguageDetectorBuilder.from_languages(Language.KAZAKH, Language.RUSSIAN, Language.ENGLISH).build()


def load_models() -> None:
    """lingua's models of the three languages loaded now, as the first text it is asked about
    loads them (~50 MB, ~0.35 CPU-s; a short text mixing Cyrillic and Latin words, so that no
    rule decides it before the models are read). No answer is kept. Called before forking the
    workers of a long ingest (``corpus.workers.pool``): they share this one copy instead of each
    loading its own when it first meets a line only lingua can tell (issue 14: ingest memory)."""
    _detector().detect_language_of("маслихат города council")


_LINGUA_CHARS = 600   # lingua reads the head of a long paragraph: enough evidence, bounded time


_CACHE: dict[str, str] = {}   # text given to lingua -> its answer (headings, signatures repeat)
_CACHE_MAX = 200_000


def _lingua_many(texts: list[str]) -> list[str]:
    """lingua on many paragraphs; each distinct text asked once.

    One text at a time: the parallel call (``detect_languages_in_parallel_of``) gives the same
    answers but its threads cost CPU time (0.84 against 0.51 CPU-s on the 1,050 heads of the
    129 real files), and ingest workers already use the other cores."""
    from lingua import Language
    heads = [t[:_LINGUA_CHARS] for t in texts]
    todo = list(dict.fromkeys(h for h in heads if h not in _CACHE))
    if len(_CACHE) + len(todo) > _CACHE_MAX:
        _CACHE.clear()
        todo = list(dict.fromkeys(heads))
    names = {Language.KAZAKH: "kk", Language.ENGLISH: "en"}
    detect = _detector().detect_language_of
    for h in todo:
        _CACHE[h] = names.get(detect(h), "ru")
    return [_CACHE[h] for h in heads]


def has_letters(text: str) -> bool:
    """Whether a line carries any evidence at all (words of two letters or more)."""
    return bool(_WORDS.search(text))


def _share(cyr_words: list[str], line: str | None = None) -> float:
    """The share of ``cyr_words`` with Kazakh letter evidence; ``line``: the text they come from
    (without a Kazakh letter, an i or an h there, no word has any)."""
    if not cyr_words:
        return 0.0
    if line is not None and _KK_OR_IH_ANY.search(line) is None:
        return 0.0
    # a word here is letters only and holds a Cyrillic one, so _KK_IN_MIXED takes it whenever it
    # holds an i or an h: it has evidence when it holds a Kazakh letter, an i or an h, and the
    # words with one are counted by one search over them all (issue 14: not a test per word)
    return len(_KK_OR_IH_WORD.findall(" ".join(cyr_words))) / len(cyr_words)


def kk_word_share(text: str) -> float:
    return _share([w for w in _WORDS.findall(text) if _CYR.search(w)])


class _Line:
    """The letter evidence of one paragraph, computed once: words, Cyrillic words, Kazakh share."""
    __slots__ = ("text", "words", "cyr_words", "share")

    def __init__(self, text: str):
        self.text = text
        self.words = _WORDS.findall(text)
        # every letter Cyrillic (most lines): every word is a Cyrillic word
        self.cyr_words = (list(self.words) if _NON_CYR_LETTER.search(text) is None
                          else [w for w in self.words if _CYR.search(w)])
        self.share = _share(self.cyr_words, text)


def _plan(text: str, line: "_Line | None" = None) -> tuple[str | None, str, float, int]:
    """(decision without lingua or None, text for lingua, Kazakh word share, Cyrillic words)."""
    # most lines have no Latin letter: then only whether there is a Cyrillic one matters
    if _LAT.search(text) is None:
        lat, cyr = 0, (1 if _CYR.search(text) else 0)
    else:
        cyr = len(_CYR.findall(text))
        lat = len(_LAT.findall(text))
    if cyr == 0:
        if lat == 0:
            return "ru", "", 0.0, 0
        return ("kk" if any(c in KK_LATIN_LETTERS for c in text) else "en"), "", 0.0, 0
    if lat > 2 * cyr and lat >= 8:
        return "en", "", 0.0, 0
    line = line or _Line(text)
    words, share = line.cyr_words, line.share
    if len(words) <= 3:
        if share > 0:
            return "kk", "", share, len(words)
        if any(c in RU_ONLY_LETTERS for w in words for c in w):
            return "ru", "", share, len(words)
        return None, " ".join(words), share, len(words)
    if 4 * lat <= cyr:
        # Cyrillic letters carry the line (a Latin letter at most every fourth: a Roman numeral,
        # `N 3-47`, a code): letters decide (see 3. above); the 351 distinct lines of the real
        # files with a Latin letter are all of this kind, and lingua never called one English.
        # Between no Kazakh letter and a quarter of the words, the neighbours decide (``_between``).
        if share >= 0.25:
            return "kk", "", share, len(words)
        if share == 0:
            return "ru", "", share, len(words)
    return None, text, share, len(words)


def _finish(guess: str, share: float, n_words: int) -> str:
    """Letter evidence overrules lingua when it is dense, or absent from a long 'Kazakh' line."""
    if n_words > 3:
        if guess == "ru" and share >= 0.25:
            return "kk"
        if guess == "kk" and share == 0 and n_words >= 8:
            return "ru"
    return guess


def _detect_plans(plans: list[tuple[str | None, str, float, int]]) -> list[str]:
    todo = [i for i, p in enumerate(plans) if p[0] is None]
    guesses = dict(zip(todo, _lingua_many([plans[i][1] for i in todo]))) if todo else {}
    return [p[0] if p[0] is not None else _finish(guesses[i], p[2], p[3]) for i, p in enumerate(plans)]


def detect_many(texts: list[str]) -> list[str]:
    """``detect`` for many paragraphs, with one batched lingua call."""
    return _detect_plans([_plan(t) for t in texts])


def detect(text: str) -> str:
    """'kk', 'ru' or 'en' for one paragraph (Russian when there is nothing to go on)."""
    return detect_many([text])[0]


def _weak(line: "_Line") -> bool:
    if not line.words:
        return True
    words = line.cyr_words
    if not words:
        return False
    if len(words) > 3:
        return _between(line)
    return line.share == 0 and not any(c in RU_ONLY_LETTERS for c in line.text)


def _between(line: "_Line") -> bool:
    """A line of Cyrillic words, some but fewer than a quarter with Kazakh letters: a Russian line
    naming a Kazakh place or title, or a Kazakh line of words like `облысы`, `туралы`. Letters do not
    tell; it takes the language of its neighbours when they agree, like a short line (issue 14:
    of the 20 such lines of the 129 real files, lingua gave the language of the file to 18 and
    the neighbours to all 20; so lingua's models are not loaded for one such line)."""
    if not 0 < line.share < 0.25:
        return False
    return 4 * len(_LAT.findall(line.text)) <= len(_CYR.findall(line.text))


def _is_weak(line: str) -> bool:
    """Too little evidence to trust alone: no words, or up to three Cyrillic words without
    Kazakh or Russian-only letters (``маслихата``, ``С.Какенов``, ``хатшысы``)."""
    return _weak(_Line(line))


UNKNOWN = "?"   # ``paragraph_languages(..., ask=False)``: a line whose language needs lingua


class _Seen:
    """What ``paragraph_languages`` reads of one non-blank line, kept per distinct line: whether it
    has words, its Kazakh-word share, whether it is weak, and its ``_plan`` (None without words).
    Not the words themselves: kept for 16,384 lines, a ``_Line``'s two lists of word strings were
    ~2.6 KB a line, 43 MB per ingest process at the cap (issue 14: ingest memory)."""
    __slots__ = ("text", "lettered", "share", "weak", "plan")

    def __init__(self, line: _Line):
        self.text = line.text
        self.lettered = bool(line.words)
        self.share = line.share
        self.weak = _weak(line)
        self.plan = _plan(line.text, line) if self.lettered else None


# line -> its _Seen: lines repeat across files (the .txt and .html of one decision, the formulas
# of every act), and a line's evidence is its own text's; read only, never changed
_EVIDENCE: dict[str, _Seen] = {}
_EVIDENCE_MAX = 16_384


def line_evidence(text: str) -> list[tuple[int, int, _Seen, bool]]:
    """(start, end, letter evidence, weak) of every non-blank line: what ``paragraph_languages``
    reads, computed once when it is called twice on one text (``split.split_languages``), and
    once per distinct line in a process (``_EVIDENCE``)."""
    out = []
    pos = 0
    memo = _EVIDENCE
    for line in text.split("\n"):
        end = pos + len(line)
        got = memo.get(line)
        if got is None and line.strip():
            if len(memo) >= _EVIDENCE_MAX:
                memo.clear()
            got = memo[line] = _Seen(_Line(line))
        if got is not None:
            out.append((pos, end, got, got.weak))
        pos = end + 1
    return out


def paragraph_languages(text: str, ask: bool = True,
                        evidence: list | None = None) -> list[tuple[int, int, str]]:
    """(start, end, lang) for every non-blank line of ``text`` (a line is a paragraph here).

    Lines with too little evidence (numbers, a name, one or two words without telling letters)
    take the language of their neighbours when the nearest confident lines on both sides agree;
    otherwise their own guess stands (or the previous language, for lines without words).

    ``ask=False``: lingua is not asked; a line whose language would depend on one of its
    answers (its own, or a neighbour's it takes) is ``UNKNOWN`` and every other line has the
    language it has with ``ask=True`` (``split.split_languages`` decides most files so).
    ``evidence``: ``line_evidence(text)`` when the caller has it already.
    """
    spans: list[list] = []
    lettered: list[tuple[list, _Seen]] = []
    for pos, end, ev, weak in evidence if evidence is not None else line_evidence(text):
        sp = [pos, end, None, weak]
        spans.append(sp)
        if ev.lettered:
            lettered.append((sp, ev))
    detect = _detect_plans if ask else _letters_only
    # Confident lines first; a weak line's own guess (maybe a lingua call) is asked only when
    # its confident neighbours do not agree, since agreeing neighbours decide it anyway.
    firm = [(sp, ev) for sp, ev in lettered if not sp[3]]
    for (sp, _), lang in zip(firm, detect([ev.plan for _, ev in firm])):
        sp[2] = lang
    settled = _settled_by_neighbours(spans)
    weak = [(sp, ev) for sp, ev in lettered if sp[3] and id(sp) not in settled]
    for (sp, _), lang in zip(weak, detect([ev.plan for _, ev in weak])):
        sp[2] = lang
    strong = [i for i, sp in enumerate(spans) if not sp[3]]
    prev_strong: list[int | None] = []
    last = None
    for i, sp in enumerate(spans):
        prev_strong.append(last)
        if not sp[3]:
            last = i
    nxt = None
    out: list[tuple[int, int, str]] = [None] * len(spans)  # type: ignore[list-item]
    fallback = spans[strong[0]][2] if strong else "ru"
    for i in range(len(spans) - 1, -1, -1):
        start, end, guess, weak = spans[i]
        lang = guess
        if weak:
            p = spans[prev_strong[i]][2] if prev_strong[i] is not None else None
            n = spans[nxt][2] if nxt is not None else None
            if p and n:
                if UNKNOWN in (p, n):
                    lang = UNKNOWN        # whether they agree, and on what, is lingua's
                else:
                    lang = p if p == n else (guess or p)
            else:
                lang = p or n or guess or fallback
        else:
            nxt = i
        out[i] = (start, end, lang)
    return out


def _letters_only(plans: list[tuple[str | None, str, float, int]]) -> list[str]:
    """``_detect_plans`` without lingua: its cases are ``UNKNOWN``."""
    return [p[0] if p[0] is not None else UNKNOWN for p in plans]


def _settled_by_neighbours(spans: list[list]) -> set[int]:
    """ids of the weak spans whose nearest confident lines on both sides have one language."""
    out: set[int] = set()
    last = None
    before: list = []
    for sp in spans:
        before.append(last)
        if not sp[3]:
            last = sp[2]
    nxt = None
    for i in range(len(spans) - 1, -1, -1):
        sp = spans[i]
        if not sp[3]:
            nxt = sp[2]
        elif before[i] is not None and before[i] == nxt:
            out.add(id(sp))
    return out


def dominant_language(text: str) -> str:
    """The language holding most characters of ``text``."""
    weight: dict[str, int] = {}
    for start, end, lang in paragraph_languages(text):
        weight[lang] = weight.get(lang, 0) + (end - start)
    return max(weight, key=weight.get) if weight else "ru"
