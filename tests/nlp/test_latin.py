"""Kazakh and Russian written in Latin letters: each language's letters are data, and the data
reads back its own examples (nlp/lang/<lang>/latin.yaml, nlp/lang/latin.py)."""
import pytest

from maslihat.nlp.lang.latin import MAX_READINGS, examples, readings, table


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_example_reads_back(lang):
    pairs = examples(lang)
    assert len(pairs) >= 8
    for latin, cyrillic in pairs:
        for a, b in zip(latin.split(), cyrillic.split(), strict=True):
            assert b in readings(a, lang), (lang, a, b, readings(a, lang)[:5])


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_reading_in_the_table_is_cyrillic(lang):
    letters, longest = table(lang)
    assert longest >= 4                     # «shch»
    for latin, options in letters.items():
        assert options and all(o and all("а" <= ch.lower() <= "я" or ch in "ёәғқңөұүһі" for ch in o)
                               for o in options), latin


@pytest.mark.parametrize("word,lang,first", [
    ("qashan", "kk", "қашан"),              # the 2021 alphabet's own letters decide
    ("kün", "kk", "күн"),
    ("zapros", "ru", "запрос"),
    ("kto", "ru", "кто"),
])
def test_the_likeliest_reading_comes_first(word, lang, first):
    assert readings(word, lang)[0] == first


@pytest.mark.parametrize("word,lang,meant", [
    ("sessiya", "ru", "сессия"),            # «i»+«ya», not «iy»+«a»
    ("obrashcheniya", "ru", "обращения"),
    ("pomoshch", "ru", "помощь"),           # the soft sign transliteration drops
    ("sessiasynyñ", "kk", "сессиясының"),   # «ia» is ия in a loan
    ("mäslihat", "kk", "мәслихат"),         # «i» is і in a Kazakh word, и in this one
])
def test_a_word_has_every_reading_it_needs(word, lang, meant):
    assert meant in readings(word, lang)


def test_readings_are_bounded_and_need_latin_letters():
    assert len(readings("shchshchshchshchshch", "ru")) <= MAX_READINGS
    assert readings("депутат", "ru") == () and readings("2014", "kk") == ()
    assert readings("Deputattyq", "kk") == readings("deputattyq", "kk")
