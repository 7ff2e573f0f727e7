"""A query that cites a provision («статья 2 закона о депутатских запросах», «депутаттық
сауалдар туралы заңның 2-бабы», «пункт 3 статьи 2 …») gets that provision first, in Russian and
Kazakh, on both back ends; other queries and citations of acts not in the corpus are unchanged."""
import pytest

from maslihat.corpus.api import Corpus
from maslihat.corpus.citequery import cited_units
from maslihat.corpus.index import scoring
from tests.index.test_definition import KK, RU          # «ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН», then the title
from tests.index.small_corpus import corpus_fixture, small_corpus

CITATIONS = [
    ("статья 2 закона о депутатских запросах", "ru", "/ru/article_2"),
    ("пункт 3 статьи 2 Закона о депутатских запросах", "ru", "/ru/article_2/point_3"),
    ("депутаттық сауалдар туралы заңның 2-бабы", "kk", "/kk/article_2"),
]


corpus = corpus_fixture("citation", {"law_ru.txt": RU, "law_kk.txt": KK})


@pytest.mark.parametrize("query,lang,want", CITATIONS)
def test_the_cited_provision_comes_first(corpus, query, lang, want):
    assert [u for u in cited_units(corpus.store, query, lang)][0].endswith(want)
    first = corpus.search(query, limit=5)["hits"][0]
    assert first["unit_id"].endswith(want), first["unit_id"]
    assert corpus.search(query, lang=lang, limit=5)["hits"][0]["unit_id"].endswith(want)


def test_without_the_rule_the_citing_words_win(corpus, monkeypatch):
    monkeypatch.setattr(scoring, "CITED", 1.0)
    monkeypatch.setattr(scoring, "CITED_PART", 1.0)
    monkeypatch.setattr(Corpus, "_cited", lambda self, q, lang: ())
    assert not corpus.search(CITATIONS[1][0], limit=5)["hits"][0]["unit_id"].endswith(CITATIONS[1][2])


@pytest.mark.parametrize("query", ["депутатский запрос", "статья 2 Закона о бюджетной системе",
                                   "статья 99 закона о депутатских запросах"])
def test_no_citation_of_a_provision_in_the_corpus_changes_nothing(corpus, query, monkeypatch):
    assert cited_units(corpus.store, query, "ru") == ()
    a = corpus.search(query, limit=10)["hits"]
    monkeypatch.setattr(Corpus, "_cited", lambda self, q, lang: ())
    assert a == corpus.search(query, limit=10)["hits"]


@pytest.mark.elasticsearch
def test_elasticsearch_puts_the_same_provision_first(tmp_path, es_url, corpus):
    with small_corpus(tmp_path, {"law_ru.txt": RU, "law_kk.txt": KK}, es_url) as ce:
        for query, _lang, want in CITATIONS:
            assert ce.search(query, limit=5)["hits"][0]["unit_id"].endswith(want)
