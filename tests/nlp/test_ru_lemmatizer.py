"""Russian lemmas: pymorphy3 directly, cached, with the domain's choices."""
import pytest

from maslihat.nlp.lang.ru.lemmatizer import lemma


@pytest.mark.parametrize("form, expected", [
    ("депутата", "депутат"), ("депутатов", "депутат"), ("запросы", "запрос"), ("запросом", "запрос"),
    ("комиссии", "комиссия"), ("постоянных", "постоянный"), ("сессии", "сессия"), ("решений", "решение"),
    ("голосования", "голосование"), ("бюджета", "бюджет"), ("уточнения", "уточнение"),
    ("избирательной", "избирательный"), ("выборов", "выборы"), ("слушаний", "слушание"),
    ("полномочия", "полномочие"), ("органов", "орган"), ("самоуправления", "самоуправление"),
    ("повестки", "повестка"), ("председателем", "председатель"), ("секретаря", "секретарь"),
])
def test_inflected_nouns_and_adjectives(form, expected):
    assert lemma(form) == expected


@pytest.mark.parametrize("form", ["права", "прав", "правами"])
def test_права_is_the_noun_право(form):
    assert lemma(form) == "право"


@pytest.mark.parametrize("form, expected", [
    ("маслихата", "маслихат"), ("маслихатов", "маслихат"), ("акима", "аким"), ("акимов", "аким"),
    ("акимата", "акимат"), ("акиматом", "акимат"),
])
def test_kazakh_loans_declined_in_russian(form, expected):
    assert lemma(form) == expected


def test_cached():
    lemma("депутатами")
    hits = lemma.cache_info().hits
    lemma("депутатами")
    assert lemma.cache_info().hits == hits + 1


# words of both languages as a Russian text may hold them: dictionary words with и without ё,
# homonyms whose noun reading wins or loses on P(t|w), forms with many parses, words pymorphy3
# only guesses (Kazakh words, a Kazakh word in common letters, typos), capital initials
_WORDS = ("депутата права стали стекло мыла её ее берёза береза ёлка елка полномочия выборы "
          "уточнения самоуправления мнение знать вести были почта рассмотрение утверждается "
          "маслихатдың мәслихат сессиясы депутаттар туралы шешім бойынша қазақстан әкімдігі "
          "депутатт пиздеь А Б Ё Я").split()


def _by_parse(word: str) -> str:
    from maslihat.nlp.lang.ru import lemmatizer
    found = lemmatizer._pymorphy_lemma(word)
    return found if lemmatizer.morph().word_is_known(word) else lemmatizer.GUESSED + found


@pytest.mark.parametrize("word", _WORDS)
def test_the_lexicon_keeps_pymorphy3s_choice_for_russian_and_kazakh_words(word):
    """What a cold ingest stores per new word form (``computed``, read from pymorphy3's dictionary
    directly for a known word) equals the lemma chosen from ``parse`` and the ``word_is_known``
    mark: the lexicon is the same with and without the short cut."""
    from maslihat.nlp.lang.ru import lemmatizer
    assert lemmatizer.computed(word) == _by_parse(word)


def test_known_words_are_read_from_the_dictionary_without_parse(monkeypatch):
    from maslihat.nlp.lang.ru import lemmatizer
    lookup = lemmatizer._dictionary_lookup()
    assert lookup is not None                   # the installed pymorphy3 is made as it expects
    monkeypatch.setattr(lemmatizer.morph(), "parse", lambda w: pytest.fail(f"parse({w!r})"))
    assert lemmatizer.computed("полномочиями") == "полномочие"
    assert lemmatizer.computed("берёзы") == "береза"
    assert lookup("депутаттар") is None         # Kazakh: no dictionary entry, pymorphy3 guesses


def test_the_lexicon_version_names_the_installed_pymorphy3_and_dictionary():
    from importlib.metadata import version
    from maslihat.nlp.lang.ru import lemmatizer
    assert lemmatizer.lexicon_version() == (f"{lemmatizer._RULE};pymorphy3={version('pymorphy3')};"
                                            f"pymorphy3-dicts-ru={version('pymorphy3-dicts-ru')}")
    assert lemmatizer.lexicon_version("1").startswith("1;pymorphy3=")
    assert lemmatizer._installed_version("no-such-dist", "no_such_module_here") == "?"


def test_the_lexicon_version_is_read_without_importing_pymorphy3_or_importlib_metadata():
    """A search process whose query words are in the lexicon never loads pymorphy3, and no
    process pays for ``importlib.metadata`` to learn two version numbers (issue 14)."""
    import subprocess
    import sys
    code = ("import sys; from maslihat.nlp.lang.ru import lemmatizer; v = lemmatizer.lexicon_version(); "
            "print(v.count('='), 'pymorphy3' in sys.modules, 'importlib.metadata' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["2", "False", "False"]
