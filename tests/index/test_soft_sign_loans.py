"""A Russian loan ending in a soft sign is one Kazakh term whatever its form (session 32): Kazakh
texts write «бюллетень», «бюллетеньдер» and «бюллетендер», «бюллетені», «бюллетенге», and a query in
any of these forms finds the others, and the Russian texts' «бюллетень» (the same term); the adjective
in -ді of such a loan reaches the Russian adjective through its cognate root («дизельді» / «дизельный»)."""
import pytest

from tests.index.small_corpus import corpus_fixture, small_corpus

KK = """ТЕСТОВЫЙ АУДАНДЫҚ МӘСЛИХАТЫНЫҢ ШЕШІМІ
Дауыс беру тәртібі туралы

1. Жасырын дауыс беру бюллетень арқылы жүргізіледі.
2. Бюллетені белгіленбеген дауыс жарамсыз деп танылады.
3. Бюллетендерді санау комиссиясы есептейді.
4. Мәслихат сессиясы жылына кемінде төрт рет шақырылады.
5. Мәслихат хатшысы сессияны шақырады.
6. Арнайы техникаға дизельді отын сатып алынады.
"""
RU = """РЕШЕНИЕ МАСЛИХАТА ТЕСТОВОГО РАЙОНА
О порядке голосования

1. Тайное голосование проводится с использованием бюллетеней.
2. Сессия маслихата созывается не реже четырех раз в год.
3. Для специальной техники приобретается дизельное топливо.
"""
corpus = corpus_fixture("soft_sign_loans", {"78101.kaz.txt": KK, "78102.rus.txt": RU})


def _texts(c, query, lang):
    return [h["text"] for h in c.search(query, lang=lang, limit=10)["hits"]]


@pytest.mark.parametrize("query", ["бюллетеньдер", "бюллетендер", "бюллетень", "бюллетенге", "бюллетеннің"])
def test_every_form_of_the_loan_finds_every_other(corpus, query):
    got = _texts(corpus, query, "kk")
    for want in ("бюллетень арқылы", "Бюллетені белгіленбеген", "Бюллетендерді санау"):
        assert any(want in t for t in got), (query, want, got)
    assert not any("сессиясы" in t for t in got)


def test_the_kazakh_form_finds_the_russian_noun(corpus):
    assert any("бюллетеней" in t for t in _texts(corpus, "бюллетеньдер", "ru"))


def test_the_kazakh_adjective_of_a_loan_finds_the_russian_adjective(corpus):
    assert any("дизельное топливо" in t for t in _texts(corpus, "дизельді", "ru"))
    assert any("дизельді отын" in t for t in _texts(corpus, "дизельный", "kk"))


@pytest.mark.elasticsearch
@pytest.mark.parametrize("query,lang", [("бюллетендер", "kk"), ("бюллетеньдер", "ru"), ("дизельді", "ru")])
def test_elasticsearch_finds_the_same(es_url, tmp_path, corpus, query, lang):
    with small_corpus(tmp_path, {"78101.kaz.txt": KK, "78102.rus.txt": RU}, es_url=es_url) as es:
        got = es.search(query, lang=lang, limit=10)
    assert {h["unit_id"] for h in got["hits"]} == {h["unit_id"] for h in corpus.search(query, lang=lang, limit=10)["hits"]}
