"""Issue 16: a word the RU↔KK tables translate («мэр» -> «әкім») also finds the other language's
texts that write it alike, below its translation: Kazakh texts keep Russian loans as they are
(«мэрді», «муниципалитет»), and a table that knows one translation would hide them."""
import pytest

from maslihat.corpus.index import query as Q
from tests.index.small_corpus import corpus_fixture, small_corpus

KK_ONLY = """ТЕСТОВЫЙ АУДАНДЫҚ МӘСЛИХАТЫНЫҢ ШЕШІМІ
Шетелдік тәжірибе туралы

1. Францияда коммуна кеңесі мэрді алты жылға сайлайды.
2. Аудан әкімі жергілікті бюджеттің атқарылуы туралы есеп береді.
"""
RU_ONLY = """РЕШЕНИЕ МАСЛИХАТА ТЕСТОВОГО РАЙОНА
О зарубежном опыте

1. Во Франции совет коммуны избирает мэра на шесть лет.
2. Аким района отчитывается об исполнении местного бюджета.
"""
FILES = {"78001.kaz.txt": KK_ONLY, "78002.rus.txt": RU_ONLY}
# (query, its language, the results' language, the text that answers it)
QUERIES = [("мэр", "ru", "kk", "мэрді алты жылға"), ("мэрдің өкілеттігі", "kk", "ru", "избирает мэра")]

corpus = corpus_fixture("loan_words", FILES)


def _texts(c, query, lang):
    return [h["text"] for h in c.search(query, lang=lang, limit=10)["hits"]]


@pytest.mark.parametrize("query,src,lang,want", QUERIES)
def test_a_translated_word_finds_the_other_language_text_that_writes_it_alike(corpus, query, src, lang, want,
                                                                             monkeypatch):
    assert any(want in t for t in _texts(corpus, query, lang))
    monkeypatch.setattr(Q, "LOAN_MIN_LEN", 100)            # only the table's translation: not found
    assert not any(want in t for t in _texts(corpus, query, lang))


@pytest.mark.parametrize("query,src,target", [("мэр", "ru", "kk"), ("мэр", "kk", "ru")])
def test_the_loan_ranks_below_the_translation(query, src, target):
    node = Q.plan(query, None, src).by_lang[target].concepts[0]
    weights = {i.terms: i.weight for i in node.items}
    assert weights[("мэр",)] < weights[("әкім",)]


@pytest.mark.elasticsearch
@pytest.mark.parametrize("query,src,lang,want", QUERIES)
def test_elasticsearch_finds_the_loan_too(es_url, tmp_path, corpus, query, src, lang, want):
    with small_corpus(tmp_path, FILES, es_url=es_url) as es:
        got = es.search(query, lang=lang, limit=10)
    assert any(want in h["text"] for h in got["hits"])
    assert {h["unit_id"] for h in got["hits"]} == {h["unit_id"] for h in corpus.search(query, lang=lang, limit=10)["hits"]}
