"""Language of a paragraph: Kazakh, Russian or English.

Why not langdetect: it has no Kazakh profile, so it calls Kazakh "uk", "bg" or "mk" (a
sentence of seed 004 came out as uk 0.86 / ru 0.14), and on short Russian lines it often
answers "bg"/"mk" too. It is therefore not used to decide between Kazakh and Russian at all.
Its only job here is a second opinion on Latin-script paragraphs: when lingua would call a
Latin paragraph English but it carries Kazakh Latin letters (ә/ğ/ñ/ū/ı … of the 2018/2021
alphabets) the letters win; otherwise English.

What decides instead:
1. script: no Cyrillic letters and some Latin letters -> English (or Kazakh in Latin script);
2. Kazakh letter evidence (ә ғ қ ң ө ұ ү һ і): a short line (up to 3 words) with any of them
   is Kazakh, without any is handed to lingua; lingua's published accuracy on single words is
   only 80%, letters are near-certain;
3. lingua-language-detector restricted to KAZAKH, RUSSIAN and ENGLISH (built once, cached)
   for everything longer, overruled only when the Kazakh letters are dense (a quarter of the
   words or more carry one) or absent in a long line that lingua called Kazakh.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ingest.patterns import KK_LATIN_LETTERS, KK_LETTERS, RU_ONLY_LETTERS

_CYR = re.compile(r"[а-яёА-ЯЁәғқңөұүһіӘҒҚҢӨҰҮҺІ]")
_LAT = re.compile(r"[A-Za-z]")
_WORDS = re.compile(r"[^\W\d_]{2,}")
_KK = set(KK_LETTERS)
# Latin i/h typed for Kazakh і/һ still count as Kazakh evidence inside Cyrillic words.
_KK_IN_MIXED = re.compile(r"(?=\w*[а-яёА-ЯЁәғқңөұүһіӘҒҚҢӨҰҮҺІ])\w*[ih]\w*")


@lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder
    return LanguageDetectorBuilder.from_languages(Language.KAZAKH, Language.RUSSIAN, Language.ENGLISH).build()


def _lingua(text: str) -> str:
    from lingua import Language
    lang = _detector().detect_language_of(text)
    return {Language.KAZAKH: "kk", Language.ENGLISH: "en"}.get(lang, "ru")


def has_letters(text: str) -> bool:
    """Whether a line carries any evidence at all (words of two letters or more)."""
    return bool(_WORDS.search(text))


def kk_word_share(text: str) -> float:
    words = [w for w in _WORDS.findall(text) if _CYR.search(w)]
    if not words:
        return 0.0
    kk = sum(1 for w in words if _KK.intersection(w) or _KK_IN_MIXED.fullmatch(w))
    return kk / len(words)


def detect(text: str) -> str:
    """'kk', 'ru' or 'en' for one paragraph (Russian when there is nothing to go on)."""
    cyr = len(_CYR.findall(text))
    lat = len(_LAT.findall(text))
    if cyr == 0:
        if lat == 0:
            return "ru"
        return "kk" if any(c in KK_LATIN_LETTERS for c in text) else "en"
    if lat > 2 * cyr and lat >= 8:
        return "en"
    words = [w for w in _WORDS.findall(text) if _CYR.search(w)]
    share = kk_word_share(text)
    if len(words) <= 3:
        return "kk" if share > 0 else _lingua(text)
    guess = _lingua(text)
    if guess == "ru" and share >= 0.25:
        return "kk"
    if guess == "kk" and share == 0 and len(words) >= 8:
        return "ru"
    return guess


def _is_weak(line: str) -> bool:
    """Too little evidence to trust alone: no words, or up to three Cyrillic words without
    Kazakh or Russian-only letters (``маслихата``, ``С.Какенов``, ``хатшысы``)."""
    words = [w for w in _WORDS.findall(line) if _CYR.search(w)]
    if not has_letters(line):
        return True
    if not words or len(words) > 3:
        return False
    return kk_word_share(line) == 0 and not any(c in RU_ONLY_LETTERS for c in line)


def paragraph_languages(text: str) -> list[tuple[int, int, str]]:
    """(start, end, lang) for every non-blank line of ``text`` (a line is a paragraph here).

    Lines with too little evidence (numbers, a name, one or two words without telling letters)
    take the language of their neighbours when the nearest confident lines on both sides agree;
    otherwise their own guess stands (or the previous language, for lines without words).
    """
    spans: list[list] = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip():
            weak = _is_weak(line)
            guess = detect(line) if has_letters(line) else None
            spans.append([pos, end, guess, weak])
        pos = end + 1
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
            if p and (p == n or n is None or guess is None):
                lang = p
            elif p is None and n and (guess is None or guess == n or True):
                lang = n if guess is None or guess == n else guess
            lang = lang or p or n or fallback
        else:
            nxt = i
        out[i] = (start, end, lang)
    return out


def dominant_language(text: str) -> str:
    """The language holding most characters of ``text``."""
    weight: dict[str, int] = {}
    for start, end, lang in paragraph_languages(text):
        weight[lang] = weight.get(lang, 0) + (end - start)
    return max(weight, key=weight.get) if weight else "ru"
