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
