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


INSERTED_RU = """ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН
О тестовом местном управлении

Статья 6. Компетенция маслихатов

1. Маслихат в соответствии с законодательством:
1) утверждает планы и бюджет;
1-1) утверждает программы развития;
2) рассматривает отчеты акима.

Статья 7. Решения маслихата

1. Маслихат утверждает программы развития в случаях, указанных в подпункте 1-1) пункта 1 статьи 6 настоящего Закона.
"""
INSERTED_KK = """ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ ЗАҢЫ
Тестілік жергілікті басқару туралы

6-бап. Мәслихаттардың құзыреті

1. Мәслихат заңнамаға сәйкес:
1) жоспарлар мен бюджетті бекітеді;
1-1) даму бағдарламаларын бекітеді;
2) әкімнің есептерін қарайды.

7-бап. Мәслихаттың шешімдері

1. Мәслихат осы Заңның 6-бабы 1-тармағының 1-1) тармақшасында көрсетілген жағдайларда даму бағдарламаларын бекітеді.
"""
inserted = corpus_fixture("citation_inserted", {"law_ru.txt": INSERTED_RU, "law_kk.txt": INSERTED_KK})


@pytest.mark.parametrize("query,lang,want", [
    ("подпункт 1-1) пункта 1 статьи 6 закона о тестовом местном управлении", "ru", "/ru/article_6/point_1/subpoint_1-1"),
    ("тестілік жергілікті басқару туралы заңның 6-бабы 1-тармағының 1-1) тармақшасы", "kk",
     "/kk/article_6/point_1/subpoint_1-1"),
])
def test_a_subpoint_cited_with_its_parenthesis_comes_first(inserted, query, lang, want):
    """«подпункт 1-1) пункта 1 статьи 6 …» is how a lawyer cites an inserted subpoint: the «)» of
    its label was a syntax error (unbalanced parentheses); now the subpoint comes first."""
    first = inserted.search(query, lang=lang, limit=3)["hits"][0]
    assert first["unit_id"].endswith(want), first["unit_id"]


# an act named by its number alone: the act first, in the query's language, above an act that
# cites it by that number
ACT_RU = """Об утверждении Правил благоустройства
Решение маслихата Тестовой области от 13 апреля 2004 года № 5-40

1. Утвердить прилагаемые Правила благоустройства территории области.
2. Контроль за исполнением настоящего решения возложить на постоянную комиссию.
"""
ACT_KK = """Абаттандыру қағидаларын бекіту туралы
Тестовый облысы мәслихатының 2004 жылғы 13 сәуірдегі № 5-40 шешімі

1. Облыс аумағын абаттандырудың қоса беріліп отырған Қағидалары бекітілсін.
2. Осы шешімнің орындалуын бақылау тұрақты комиссияға жүктелсін.
"""
CITING_RU = """О внесении изменений в решение маслихата № 5-40
Решение маслихата Тестовой области от 10 мая 2010 года № 12-7

1. Внести в решение маслихата от 13 апреля 2004 года № 5-40 изменения: в решении № 5-40 слова «№ 5-40» заменить.
2. Решение № 5-40 опубликовать вновь с изменениями по № 5-40.
"""
CITING_KK = """Мәслихаттың № 5-40 шешіміне өзгерістер енгізу туралы
Тестовый облысы мәслихатының 2010 жылғы 10 мамырдағы № 12-7 шешімі

1. Мәслихаттың 2004 жылғы 13 сәуірдегі № 5-40 шешіміне өзгерістер енгізілсін: № 5-40 шешімдегі «№ 5-40» сөздері ауыстырылсын.
2. № 5-40 шешім өзгерістерімен № 5-40 бойынша қайта жариялансын.
"""
named = corpus_fixture("named_act", {"5040.rus.txt": ACT_RU, "5040.kaz.txt": ACT_KK, "1207.rus.txt": CITING_RU,
                                     "1207.kaz.txt": CITING_KK})


@pytest.mark.parametrize("query,lang", [("№ 5-40", "ru"), ("решение 5-40", "ru"), ("5-40", "ru"),
                                        ("№ 5-40 шешімі", "kk"), ("5-40 шешім", "kk")])
def test_an_act_named_by_its_number_comes_first(named, query, lang, monkeypatch):
    first = named.search(query, limit=5)["hits"][0]
    assert first["document_id"].endswith(f"/5-40/{lang}"), first
    import maslihat.corpus.citequery as cq
    monkeypatch.setattr(cq, "named_acts", lambda *a: ())        # without the rule: the citing act
    assert not named.search(query, limit=5)["hits"][0]["document_id"].endswith(f"/5-40/{lang}")


@pytest.mark.parametrize("query", ["№ 99-9", "сессия 5 раз в год", "2004 год", "2-тармақ", "13.04.2004"])
def test_a_number_that_names_no_act_in_the_corpus_changes_nothing(named, query):
    from maslihat.corpus.citequery import named_acts
    assert named_acts(named.store, query, "ru") == ()
