"""Issue 16: the best hits ranked a second time by the query's words as written
(``corpus.index.surface``): a provision that shares a rare word's family with the question
(«визирует» / «визирования», «визалайды» / «визалау»: no lemma or stem joins them) comes up
among provisions that only repeat the common words; hits of the other language keep their
places; strict queries and definitions are left alone."""
import pytest

from maslihat.corpus.index import surface
from maslihat.corpus.index.common import second_opinion_applies
from maslihat.corpus.index.query import plan
from maslihat.corpus.index.base import SearchRequest
from tests.index.small_corpus import corpus_fixture, small_corpus

RU = """РЕШЕНИЕ МАСЛИХАТА ТЕСТОВОГО РАЙОНА
Об утверждении Регламента тестового районного маслихата

1. Проект решения маслихата вносится на сессию вместе с пояснительной запиской к проекту решения, проект решения подписывает разработчик.
2. Проект решения рассматривается постоянной комиссией маслихата, и проект решения дорабатывается по ее замечаниям.
3. Проект решения размещается на интернет-ресурсе маслихата, проект решения публикуется для обсуждения.
4. Исполнительные органы не должны требовать предварительного визирования проекта другими заинтересованными органами.
5. Сессия маслихата созывается секретарем маслихата не реже четырех раз в год.
6. Депутаты маслихата участвуют в работе сессии лично.
"""
KK = """ТЕСТОВЫЙ АУДАНДЫҚ МӘСЛИХАТЫНЫҢ ШЕШІМІ
Тестовый аудандық мәслихатының Регламентін бекіту туралы

1. Мәслихат шешімінің жобасы сессияға түсіндірме жазбамен бірге енгізіледі, шешім жобасына әзірлеуші қол қояды.
2. Шешім жобасын мәслихаттың тұрақты комиссиясы қарайды, шешім жобасы ескертулер бойынша пысықталады.
3. Шешім жобасы мәслихаттың интернет-ресурсында орналастырылады, шешім жобасы талқылау үшін жарияланады.
4. Атқарушы органдар жобаны басқа мүдделі органдардың алдын ала визалауын талап етпеуге тиіс.
5. Мәслихат сессиясын мәслихат хатшысы жылына кемінде төрт рет шақырады.
6. Мәслихат депутаттары сессия жұмысына жеке қатысады.
"""
QUESTIONS = [("кто визирует проект решения", "ru", "п. 4"),
             ("шешім жобасын кім визалайды", "kk", "4-тармақ")]

corpus = corpus_fixture("second_opinion", {"reg_ru.txt": RU, "reg_kk.txt": KK})


def rank_of(c, query, lang, label):
    return [h["label"] for h in c.search(query, lang=lang, limit=10)["hits"]].index(label)


@pytest.mark.parametrize("query,lang,want", QUESTIONS)
def test_a_rare_words_family_lifts_its_provision(corpus, query, lang, want, monkeypatch):
    lifted = rank_of(corpus, query, lang, want)
    monkeypatch.setattr(surface, "WEIGHT", 0.0)      # without the second opinion: last of the matches
    assert lifted < rank_of(corpus, query, lang, want) == 3


@pytest.mark.parametrize("query,lang,want", QUESTIONS)
def test_scores_still_fall_with_rank(corpus, query, lang, want):
    scores = [h["score"] for h in corpus.search(query, lang=lang, limit=10)["hits"]]
    assert scores == sorted(scores, reverse=True)


def test_prefix_order_ranks_by_rare_shared_prefixes_in_both_languages():
    def order(query, texts):
        return surface.prefix_order(query, [surface.prefixes(t) for t in texts])
    assert order("кто визирует проект", ["проект проект", "визирования проекта", "сессия"]) == [1, 0]
    assert order("кім визалайды жобаны", ["жобаны жобаны", "визалау жобаны", "сессия"]) == [1, 0]
    assert order("", ["проект"]) == [] and order("проект", []) == []


def test_other_language_hits_keep_their_places():
    langs = ["kk", "ru", "kk", "ru", "ru", "ru"]
    texts = ["жоба", "проект решения", "шешім", "сессия маслихата", "депутаты", "визирования проекта"]
    words = [surface.prefixes(t) for t in texts]
    order = surface.fused_order("визирует проект решения", "ru", langs, words)
    assert [langs[i] for i in order] == langs            # Kazakh places stay Kazakh
    assert order[0] == 0 and order[2] == 2
    assert sorted(order) == list(range(len(langs)))       # a permutation: nothing lost, nothing added
    assert order.index(5) == 3                            # the rare word's family moved up, before
    assert order.index(1) == 1                            # the hits sharing no word, not the first
    assert surface.fused_order("визирует проект решения", "kk", langs, words) == list(range(len(langs)))


@pytest.mark.parametrize("query,lang,applies", [
    ("кто визирует проект решения", None, True),
    ("кто визирует проект решения", "ru", True),
    ("кто визирует проект решения", "kk", False),         # results in a language the query is not in
    ("проект AND решение", None, False),                  # strict: operators mean what they say
    ("что такое депутатский запрос", None, False),        # a definition is found by its form
    ("шешім жобасын кім визалайды", "kk", True),
])
def test_where_the_second_opinion_applies(query, lang, applies):
    assert second_opinion_applies(plan(query, lang), SearchRequest(query=query, lang=lang)) is applies


@pytest.mark.elasticsearch
@pytest.mark.parametrize("query,lang,want", QUESTIONS)
def test_elasticsearch_gives_the_same_first_hits(tmp_path, es_url, corpus, query, lang, want):
    with small_corpus(tmp_path, {"reg_ru.txt": RU, "reg_kk.txt": KK}, es_url=es_url) as es:
        got = [h["unit_id"] for h in es.search(query, lang=lang, limit=3)["hits"]]
    assert got == [h["unit_id"] for h in corpus.search(query, lang=lang, limit=3)["hits"]]
