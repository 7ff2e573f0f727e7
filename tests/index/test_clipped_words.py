"""Issue 16: a Russian clipped compound as people type it («госзаказ», «спецтехника»,
«медпункт») finds the acts' full wording («государственного заказа», «специальной техники») and,
through it, the Kazakh text («арнайы техника»); a word that only looks like one («медведь»,
«техника», «гостиница») is read as itself. Kazakh has no clipped compounds (its data file is empty)."""
import pytest

from maslihat.corpus.index import query as Q
from maslihat.nlp import querywords
from maslihat.nlp.querywords import clipped_phrase
from tests.index.small_corpus import corpus_fixture

RU = """РЕШЕНИЕ МАСЛИХАТА ТЕСТОВОГО РАЙОНА
О расходах на содержание дорог

1. Расходы на приобретение специальной техники для уборки снега предусматриваются в бюджете района.
2. Работы выполняются в соответствии с условиями государственного заказа.
3. Медицинский пункт села финансируется из районного бюджета.
"""
KK = """ТЕСТОВЫЙ АУДАНДЫҚ МӘСЛИХАТЫНЫҢ ШЕШІМІ
Жолдарды күтіп-ұстауға арналған шығыстар туралы

1. Қар тазалауға арналған арнайы техниканы сатып алуға жұмсалатын шығыстар аудан бюджетінде көзделеді.
2. Жұмыстар мемлекеттік тапсырыстың шарттарына сәйкес орындалады.
3. Ауылдың медициналық пункті аудандық бюджеттен қаржыландырылады.
"""
corpus = corpus_fixture("clipped_words", {"78201.rus.txt": RU, "78201.kaz.txt": KK})


@pytest.mark.parametrize("word,phrase", [("госзаказ", ("государственный", "заказ")),
                                         ("спецтехники", ("специальный", "техники")),
                                         ("нацпарке", ("национальный", "парке")),
                                         ("медпункт", ("медицинский", "пункт"))])
def test_a_clipped_compound_is_read_as_its_phrase(word, phrase):
    assert clipped_phrase(word, "ru") == phrase


@pytest.mark.parametrize("word,lang", [("медведь", "ru"), ("техника", "ru"), ("гостиница", "ru"), ("город", "ru"),
                                       ("проформа", "ru"), ("мемлекеттік", "kk"), ("госзаказ", "kk")])
def test_a_word_that_only_starts_like_one_is_itself(word, lang):
    assert clipped_phrase(word, lang) is None


@pytest.mark.parametrize("query,lang,want", [("госзаказ", "ru", "государственного заказа"),
                                             ("спецтехника", "ru", "специальной техники"),
                                             ("спецтехника", "kk", "арнайы техниканы")])
def test_the_acts_wording_is_found(corpus, query, lang, want, monkeypatch):
    texts = [h["text"] for h in corpus.search(query, lang=lang, limit=5)["hits"]]
    assert any(want in t for t in texts), texts
    monkeypatch.setattr(querywords, "clipped_phrase", lambda word, lang: None)
    monkeypatch.setattr(Q._Translator, "clipped", lambda self, word: None)
    assert not any(want in t for t in (h["text"] for h in corpus.search(query, lang=lang, limit=5)["hits"]))
