"""Issue 14: a line's letter evidence (``langid._Line``) takes shortcuts — a word is tested as a
Roman numeral only when it starts with a Roman letter, a line whose letters are all Cyrillic has
only Cyrillic words, and a line without a Kazakh letter, an i or an h has no Kazakh word. The
evidence must be what the word-by-word definitions give, RU and KK and mixed."""
import pytest

from maslihat.ingest import langid as L


def _reference(line: str) -> tuple[list, list, float]:
    words = [w for w in L._WORD_RE.findall(line) if not L._ROMAN.fullmatch(w)]
    cyr = [w for w in words if L._CYR.search(w)]
    kk = sum(1 for w in cyr if not L._KK.isdisjoint(w) or (("i" in w or "h" in w) and L._KK_IN_MIXED.fullmatch(w)))
    return words, cyr, (kk / len(cyr) if cyr else 0.0)


LINES = [
    "Маслихат города Алматы РЕШИЛ:",                                   # ru, all Cyrillic
    "Алматы қалалық мәслихаты ШЕШТІ:",                                 # kk letters
    "Шешiм қабылданды, әкiмдiгi",                                     # Latin i typed for і
    "Оның hәм мүшелері",                                              # Latin h inside a Cyrillic word
    "IV. Жалпы ережелер",                                             # a Roman numeral, Latin
    "ІІ тарау. Мәслихаттың құзыреті",                                 # a Roman numeral typed with Cyrillic І
    "CCXL Viktor Ivanov",                                             # Latin only
    "Решение от 12.05.2016 № 2-16 (N 3-47)",                          # numbers, a Latin N
    "Київ і Львів, ΑΒΓ абв, ½ бөлігі",                                # other Cyrillic, Greek, a fraction sign
    "Mixed текст with text",
    "",
    "12 345",
]


@pytest.mark.parametrize("line", LINES)
def test_line_evidence_is_the_word_by_word_evidence(line):
    got = L._Line(line)
    assert (got.words, got.cyr_words, got.share) == _reference(line)


def test_line_shortcuts_keep_the_languages():
    text = "\n".join(LINES)
    assert [e[2].share for e in L.line_evidence(text)] == [_reference(x)[2] for x in LINES if x.strip()]
    assert L._Line("Алматы қалалық мәслихаты ШЕШТІ:").share > 0 and L._Line("Маслихат города РЕШИЛ:").share == 0


def test_a_line_seen_in_an_earlier_text_has_the_same_evidence_and_split():
    """Lines repeat across files (the .txt and .html of one decision): the evidence kept from an
    earlier text is the line's own, and a file splits the same whether its lines were seen or not."""
    from maslihat.ingest.split import split_languages
    ru = "Маслихат города Алматы РЕШИЛ:\n1. Утвердить бюджет города на 2024 год.\nСекретарь маслихата"
    kk = "Алматы қалалық мәслихаты ШЕШТІ:\n1. Қаланың 2024 жылға арналған бюджеті бекітілсін.\nМәслихат хатшысы"
    both = "\n".join([ru] * 4 + [kk] * 4)
    L._EVIDENCE.clear()
    fresh = [(p.start, p.end, p.language) for p in split_languages(both)]
    assert [p[2] for p in fresh] == ["ru", "kk"]
    L.line_evidence(kk + "\n" + ru)                  # another file with the same lines first
    again = L.line_evidence(both)
    assert [(a, b, e.share, w) for a, b, e, w in again] == \
        [(a, b, _reference(both[a:b])[2], L._weak(L._Line(both[a:b]))) for a, b, _, _ in again]
    assert [(p.start, p.end, p.language) for p in split_languages(both)] == fresh
