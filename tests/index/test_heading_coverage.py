"""Issue 16: a provision need not repeat the words of what it stands under. The row of a rates
table says «Гидроэнергетика … 7,31»; «ставки платы за пользование водными ресурсами» is the table's
and the decision's title. Asked «ставка платы гидроэнергетика», the row answers, not the point
that introduces the table and repeats the title's words (``scoring.HEADING_COVERAGE``). RU and KK,
both back ends."""
import pytest

from maslihat.corpus.index import scoring
from tests.index.small_corpus import assert_same_first, corpus_fixture

RU = """Об установлении ставок платы за пользование водными ресурсами Тестовой области

1. Установить ставки платы за пользование водными ресурсами из поверхностных источников Тестовой области согласно приложению к настоящему решению.

2. Признать утратившим силу решение маслихата об установлении ставок платы за пользование водными ресурсами от 16 июня 2010 года № 34-202.

3. Контроль за исполнением решения об установлении ставок платы возложить на постоянную комиссию по вопросам экологии.

Приложение
к решению областного маслихата
от 25 июля 2018 года № 34-176

Ставки платы за пользование водными ресурсами из поверхностных источников

№\tВид специального водопользования\tЕдиницы измерения\tСтавки платы
1\tЖилищно-эксплуатационные и коммунальные услуги\tТиын/куб. метр\t4,64
2\tПромышленность, включая теплоэнергетику\tТиын/куб. метр\t30,4
3\tСельское хозяйство\tТиын/куб. метр\t0,92
4\tГидроэнергетика\tТиын/кВт. час\t7,31
5\tВодный транспорт\tТиын/тыс. км\t0,5
"""
KK = """Тестовый облысының су ресурстарын пайдаланғаны үшін төлемақы мөлшерлемелерін белгілеу туралы

1. Тестовый облысының жер үсті көздеріндегі су ресурстарын пайдаланғаны үшін төлемақы мөлшерлемелері осы шешімнің қосымшасына сәйкес белгіленсін.

2. Мәслихаттың 2010 жылғы 16 маусымдағы № 34-202 су ресурстарын пайдаланғаны үшін төлемақы мөлшерлемелерін белгілеу туралы шешімінің күші жойылды деп танылсын.

3. Төлемақы мөлшерлемелерін белгілеу туралы шешімнің орындалуын бақылау экология мәселелері жөніндегі тұрақты комиссияға жүктелсін.

Облыстық мәслихаттың
2018 жылғы 25 шілдедегі
№ 34-176 шешіміне қосымша

Жер үсті көздеріндегі су ресурстарын пайдаланғаны үшін төлемақы мөлшерлемелері

№\tАрнайы су пайдалану түрі\tӨлшем бірлігі\tТөлемақы мөлшерлемесі
1\tТұрғын үй-пайдалану және коммуналдық қызметтер\tТиын/текше метр\t4,64
2\tӨнеркәсіп, жылу энергетикасын қоса алғанда\tТиын/текше метр\t30,4
3\tАуыл шаруашылығы\tТиын/текше метр\t0,92
4\tГидроэнергетика\tТиын/кВт. сағат\t7,31
5\tСу көлігі\tТиын/мың км\t0,5
"""

corpus = corpus_fixture("heading_coverage", {"rates_ru.txt": RU, "rates_kk.txt": KK})
QUERIES = [("ставка платы гидроэнергетика", "ru", "Гидроэнергетика"),
           ("төлемақы мөлшерлемесі гидроэнергетика", "kk", "Гидроэнергетика")]


def test_with_heading_coverage_counts_only_the_concepts_the_unit_lacks():
    concepts = {"ru": ("ставка", "плата", "гидро")}
    ctx = {"a/p_2": ("ru", frozenset({"ставка", "плата"}), False), "a/p_1": ("ru", frozenset({"ставка", "плата"}), False),
           "a/row": ("ru", frozenset({"ставка", "плата"}), True)}
    got = scoring.with_heading_coverage(["a/p_2", "a/p_1", "a/x", "a/row"], [1.0, 1.0, 1.0, 1.0],
                                        [frozenset({2}), frozenset({0, 1}), None, frozenset({2})], concepts,
                                        lambda ids: {i: ctx[i] for i in ids if i in ctx}, lambda c, t: c in t)
    assert got == [scoring.HEADING_COVERAGE ** 2, 1.0, 1.0, scoring.ROW_COVERAGE ** 2]


def _rank(corpus, query, lang, want):
    hits = corpus.search(query, lang=lang, limit=10)["hits"]
    return next(k for k, h in enumerate(hits) if want in h["text"] and h["kind"] != "heading")


@pytest.mark.parametrize("query,lang,want", QUERIES)
def test_the_row_under_the_title_rises_above_the_points_that_repeat_the_title(corpus, query, lang, want,
                                                                             monkeypatch):
    with_rule = _rank(corpus, query, lang, want)
    monkeypatch.setattr(scoring, "HEADING_COVERAGE", 1.0)
    monkeypatch.setattr(scoring, "ROW_COVERAGE", 1.0)
    without = _rank(corpus, query, lang, want)
    assert with_rule < without and with_rule <= 2, (with_rule, without)


def test_a_search_after_the_titles_are_read_still_answers_alike(corpus):
    """The titles and headings read for one query are kept for the next (``by_memo``)."""
    first = [h["unit_id"] for h in corpus.search(QUERIES[0][0], lang="ru", limit=3)["hits"]]
    assert corpus.index.memo("context")
    assert [h["unit_id"] for h in corpus.search(QUERIES[0][0], lang="ru", limit=3)["hits"]] == first


@pytest.mark.elasticsearch
def test_elasticsearch_puts_the_same_provision_first(tmp_path, es_url, corpus):
    assert_same_first(tmp_path, es_url, corpus, {"rates_ru.txt": RU, "rates_kk.txt": KK},
                      [(q, lang) for q, lang, _ in QUERIES])
