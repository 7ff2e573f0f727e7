"""Split a file that holds one text followed by its version in the other language.

Conservative by design: a single-language document quoting a few lines of the other
language (a title, a quotation, a table) stays one document. A split happens only when the
best single cut leaves two blocks that are each mostly (>= 85% of their characters) in one
language, the languages differ, and each block holds at least 30% of the characters and
at least 10 paragraphs — or, for a short act (a decision of a few points, RU then KK in one file),
at least 4 paragraphs when each block is >= 95% in its language.
"""
from __future__ import annotations

from dataclasses import dataclass

import re

from maslihat.core.grammar import LO, UP
from maslihat.ingest.langid import UNKNOWN, line_evidence, paragraph_languages

MIN_SHARE = 0.30
MIN_PARAGRAPHS = 10
MIN_PURITY = 0.85
# a signature's name: initials and surname (`С. Умбетов`, `Ш.Кулмаханов`), or surname and initials
_NAME = re.compile(rf"[{UP}]\.\s?(?:[{UP}]\.\s?)?[{UP}][{LO}]+(?:-[{UP}]?[{LO}]+)?|[{UP}][{LO}]+\s+[{UP}]\.\s?(?:[{UP}]\.)?")
MIN_PARAGRAPHS_SHORT = 4        # a short act: fewer paragraphs a side, when each side is purer
MIN_PURITY_SHORT = 0.95


def _purity_needed(i: int, n: int) -> float:
    """The purity both blocks need when the cut leaves ``i`` and ``n - i`` paragraphs."""
    return MIN_PURITY if min(i, n - i) >= MIN_PARAGRAPHS else MIN_PURITY_SHORT


@dataclass
class Part:
    start: int          # offsets into the text that was split
    end: int
    language: str


def _majority(spans) -> tuple[str, float]:
    weight: dict[str, int] = {}
    for s, e, lang in spans:
        weight[lang] = weight.get(lang, 0) + (e - s)
    total = sum(weight.values()) or 1
    lang = max(weight, key=weight.get) if weight else "ru"
    return lang, weight.get(lang, 0) / total


def split_languages(text: str) -> list[Part]:
    """One Part per language block, in text order (one Part when there is nothing to split)."""
    evidence = line_evidence(text)
    whole = _without_lingua(paragraph_languages(text, ask=False, evidence=evidence))
    if whole is not None:
        return [Part(0, len(text), whole)]
    spans = paragraph_languages(text, evidence=evidence)
    whole_lang, _ = _majority(spans)
    if len(spans) < 2 * MIN_PARAGRAPHS_SHORT:
        return [Part(0, len(text), whole_lang)]
    total = sum(e - s for s, e, _ in spans) or 1
    langs = sorted({lang for _, _, lang in spans})
    best = None
    prefix = {lang: 0 for lang in langs}
    counts = []
    for s, e, lang in spans:
        counts.append(dict(prefix))
        prefix[lang] += e - s
    for i in range(MIN_PARAGRAPHS_SHORT, len(spans) - MIN_PARAGRAPHS_SHORT + 1):
        before = counts[i]
        size_a = sum(before.values())
        size_b = total - size_a
        if size_a < MIN_SHARE * total or size_b < MIN_SHARE * total:
            continue
        for a in langs:
            for b in langs:
                if a == b:
                    continue
                agree = before[a] + (prefix[b] - before[b])
                if best is None or agree > best[0]:
                    best = (agree, i, a, b, before[a] / size_a, (prefix[b] - before[b]) / size_b)
    if best is None:
        return [Part(0, len(text), whole_lang)]
    _, i, a, b, purity_a, purity_b = best
    need = _purity_needed(i, len(spans))
    if purity_a < need or purity_b < need:
        return [Part(0, len(text), whole_lang)]
    # a table (tab-separated rows) the cut would halve belongs whole to the part it starts in:
    # its last rows («5\tГидроэнергетика\tТиын/кВт. час\t7,31») are too short to tell a language
    while 0 < i < len(spans) and "\t" in text[spans[i - 1][0]:spans[i - 1][1]] and "\t" in text[spans[i][0]:spans[i][1]]:
        i += 1
    # the first part's signature ends in a name (`С. Умбетов`) that tells no language: it stays there
    while i < len(spans) - 1 and _NAME.fullmatch(text[spans[i][0]:spans[i][1]].strip()):
        i += 1
    if i >= len(spans):
        return [Part(0, len(text), whole_lang)]
    cut = spans[i][0]
    return [Part(0, cut, a), Part(cut, len(text), b)]


LANGUAGES = ("en", "kk", "ru")     # what a line can be (``langid``)


def _without_lingua(spans: list[tuple[int, int, str]]) -> str | None:
    """The one language of a text when letters settle it: ``split_languages``'s answer whatever
    lingua would say of the lines that letters leave open, else None. ``spans``: the text's
    ``paragraph_languages(text, ask=False)``.

    Issue 14: most files are in one language, and loading lingua's models costs a process
    ~0.45 CPU-s. The open lines (``UNKNOWN``) may be any language: the majority must win even
    if all of them go to its strongest rival, and no cut may reach ``MIN_PURITY`` on both
    sides even if every open line goes to the side it would make purer."""
    weight = dict.fromkeys(LANGUAGES, 0)
    open_chars = 0
    for s, e, lang in spans:
        if lang == UNKNOWN:
            open_chars += e - s
        else:
            weight[lang] += e - s
    lang = max(weight, key=weight.get)
    if any(weight[lang] <= weight[o] + open_chars for o in LANGUAGES if o != lang):
        return None
    if len(spans) < 2 * MIN_PARAGRAPHS_SHORT or not open_chars and len({x for _, _, x in spans}) == 1:
        return lang
    total = sum(e - s for s, e, _ in spans) or 1
    prefix = dict.fromkeys(LANGUAGES, 0)
    prefix_open = 0
    counts = []
    for s, e, x in spans:
        counts.append((dict(prefix), prefix_open))
        if x == UNKNOWN:
            prefix_open += e - s
        else:
            prefix[x] += e - s
    for i in range(MIN_PARAGRAPHS_SHORT, len(spans) - MIN_PARAGRAPHS_SHORT + 1):
        before, open_before = counts[i]
        size_a = sum(before.values()) + open_before
        size_b = total - size_a
        if size_a < MIN_SHARE * total or size_b < MIN_SHARE * total:
            continue
        open_after = prefix_open - open_before
        need = _purity_needed(i, len(spans))
        for a in LANGUAGES:
            if (before[a] + open_before) / size_a < need:
                continue
            for b in LANGUAGES:
                if b != a and (prefix[b] - before[b] + open_after) / size_b >= need:
                    return None      # a cut might split the text
    return lang
