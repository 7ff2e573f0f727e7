"""Issue 16: a question who pays or from what money («кто оплачивает похороны …», «за чей счёт
содержится аппарат», «жерлеуді кім төлейді», «қай бюджет есебінен») is answered by the provision
that says it («… за счёт средств местного бюджета», «… бюджет қаражаты есебінен төленеді») — before
provisions that repeat the question's other words. Russian and Kazakh, both back ends."""
import pytest

from maslihat.corpus.index.query import plan
from tests.index.small_corpus import assert_rule_puts_first, assert_same_first, corpus_fixture

RU = """РЕШЕНИЕ
маслихата города Тестовый
О погребении одиноких граждан

1. Погребение одиноких граждан организует отдел жилищно-коммунального хозяйства; погребение одиноких граждан проводится на городском кладбище, отдел организует погребение одиноких граждан в течение трех дней.
2. Расходы на погребение одиноких граждан возмещаются за счет средств местного бюджета.
3. Аппарат акима города содержится за счет средств местного бюджета.
"""
KK = """ШЕШІМ
Тестовый қаласы мәслихатының
Жалғызбасты азаматтарды жерлеу туралы

1. Жалғызбасты азаматтарды жерлеуді тұрғын үй-коммуналдық шаруашылық бөлімі ұйымдастырады; жалғызбасты азаматтарды жерлеу қалалық зиратта өткізіледі, бөлім жалғызбасты азаматтарды жерлеуді үш күн ішінде ұйымдастырады.
2. Жалғызбасты азаматтарды жерлеу шығыстары жергілікті бюджет қаражаты есебінен өтеледі.
3. Қала әкімінің аппараты жергілікті бюджет қаражаты есебінен ұсталады.
"""
FILES = {"burial_ru.txt": RU, "burial_kk.txt": KK}
corpus = corpus_fixture("funding", FILES)
QUERIES = [
    ("кто оплачивает погребение одиноких граждан", "ru", "за счет средств"),
    ("жалғызбасты азаматтарды жерлеуді кім төлейді", "kk", "есебінен"),
]


@pytest.mark.parametrize("query", ["кто оплачивает похороны", "за чей счет содержится аппарат", "из какого бюджета",
                                   "жерлеуді кім төлейді", "аппарат қай бюджет есебінен ұсталады"])
def test_the_question_asks_who_pays(query):
    assert "funding" in plan(query, None).answer


@pytest.mark.parametrize("query", ["погребение одиноких граждан", "бюджет города", "жерлеу шығыстары"])
def test_other_wordings_do_not(query):
    assert "funding" not in plan(query, None).answer


@pytest.mark.parametrize("query,lang,want", QUERIES)
def test_the_provision_that_says_who_pays_comes_first(corpus, query, lang, want, monkeypatch):
    assert_rule_puts_first(corpus, query, lang, want, monkeypatch, "FUNDING")


@pytest.mark.elasticsearch
def test_elasticsearch_puts_the_same_provision_first(tmp_path, es_url, corpus):
    assert_same_first(tmp_path, es_url, corpus, FILES, [(q, lang) for q, lang, _ in QUERIES])
