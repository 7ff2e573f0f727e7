"""A provision cited the way people type it, without the act word the citation reader needs:
the act's title words before or after the unit («закон о депутатских запросах статья 2»; a local
act's too: «регламент … маслихата пункт 3»), or the document an act approves («пункт 3 типового регламента …», «… үлгі регламентінің 3-тармағы»):
that provision comes first, in Russian and Kazakh, on both back ends (``citequery._bare_citation``)."""
import pytest

from maslihat.corpus import citequery
from maslihat.corpus.citequery import cited_units
from tests.index.small_corpus import small_corpus
from tests.index.test_definition import KK as LAW_KK, RU as LAW_RU

DECREE_RU = """# Об утверждении Типового регламента тестового совета

В соответствии со статьей 9 Закона Республики Казахстан ПОСТАНОВЛЯЮ:

1. Утвердить прилагаемый Типовой регламент тестового совета.

2. Настоящий Указ вводится в действие по истечении десяти календарных дней.

Президент Республики Казахстан

УТВЕРЖДЕН
Указом Президента
Республики Казахстан
от 1 марта 2022 года
№ 999

Типовой регламент тестового совета

Глава 1. Общие положения

1. Настоящий Типовой регламент определяет порядок работы тестового совета.

2. Сессия тестового совета созывается не реже одного раза в квартал.

3. Председатель сессии предоставляет слово для выступления не более десяти минут.
"""
DECREE_KK = """# Тестілік кеңестің үлгі регламентін бекіту туралы

Қазақстан Республикасы Заңының 9-бабына сәйкес ҚАУЛЫ ЕТЕМІН:

1. Қоса беріліп отырған Тестілік кеңестің үлгі регламенті бекітілсін.

2. Осы Жарлық күнтізбелік он күн өткен соң қолданысқа енгізіледі.

Қазақстан Республикасының Президенті

Қазақстан Республикасы
Президентінің
2022 жылғы 1 наурыздағы
№ 999 Жарлығымен
БЕКІТІЛГЕН

Тестілік кеңестің үлгі регламенті

1-тарау. Жалпы ережелер

1. Осы үлгі регламент тестілік кеңестің жұмыс тәртібін айқындайды.

2. Тестілік кеңестің сессиясы тоқсанына кемінде бір рет шақырылады.

3. Сессия төрағасы сөз сөйлеу үшін он минуттан аспайтын уақыт береді.
"""
LOCAL_RU = """РЕШЕНИЕ ТЕСТОВОГО ОБЛАСТНОГО МАСЛИХАТА
О регламенте тестового областного маслихата

В соответствии со статьей 9 Закона Республики Казахстан «О местном государственном управлении и самоуправлении в Республике Казахстан» областной маслихат РЕШИЛ:

1. Утвердить прилагаемый Регламент тестового областного маслихата.
2. Настоящее решение вводится в действие со дня первого официального опубликования.

Председатель сессии

Приложение
к решению тестового областного маслихата
от 1 марта 2014 года № 5-40

Регламент тестового областного маслихата

1. Настоящий Регламент определяет порядок деятельности тестового областного маслихата.
2. Очередная сессия созывается не реже четырех раз в год.
3. Депутаты голосуют лично; передача голоса не допускается.
"""
LOCAL_KK = """ТЕСТОВЫЙ ОБЛЫСТЫҚ МӘСЛИХАТЫНЫҢ ШЕШІМІ
Тестовый облыстық мәслихатының регламенті туралы

«Қазақстан Республикасындағы жергілікті мемлекеттік басқару және өзін-өзі басқару туралы» Қазақстан Республикасы Заңының 9-бабына сәйкес облыстық мәслихат ШЕШІМ ҚАБЫЛДАДЫ:

1. Қоса беріліп отырған Тестовый облыстық мәслихатының регламенті бекітілсін.
2. Осы шешім алғашқы ресми жарияланған күнінен бастап қолданысқа енгізіледі.

Сессия төрағасы

Тестовый облыстық мәслихатының
2014 жылғы 1 наурыздағы № 5-40 шешіміне
қосымша

Тестовый облыстық мәслихатының регламенті

1. Осы Регламент тестовый облыстық мәслихаттың қызметінің тәртібін айқындайды.
2. Кезекті сессия жылына кемінде төрт рет шақырылады.
3. Депутаттар жеке дауыс береді; дауысты беруге жол берілмейді.
"""
META = """act_code: '99999'
requisite: Указ Президента Республики Казахстан от 1 марта 2022 года № 999
title:
  rus: Об утверждении Типового регламента тестового совета
  kaz: Тестілік кеңестің үлгі регламентін бекіту туралы
form: УКАЗ
type_codes:
- УКАЗ
approved_on: 2022-03-01
version_date:
  kaz: 2022-03-01
  rus: 2022-03-01
"""
FILES = {"law_ru.txt": LAW_RU, "law_kk.txt": LAW_KK, "codes__0999-test/rus.md": DECREE_RU,
         "codes__0999-test/kaz.md": DECREE_KK, "codes__0999-test/meta.yaml": META,
         "77010.rus.txt": LOCAL_RU, "77010.kaz.txt": LOCAL_KK}
# (query, language, the end of the cited provision's id)
CITATIONS = [
    ("закон о депутатских запросах статья 2", "ru", "/ru/article_2"),
    ("депутаттық сауалдар туралы 2-бап", "kk", "/kk/article_2"),
    ("пункт 3 типового регламента тестового совета", "ru", "/ru/appendix_1/point_3"),
    ("типовой регламент тестового совета п. 1", "ru", "/ru/appendix_1/point_1"),     # not the decree's own п. 1
    ("ст 2 закона о депутатских запросах", "ru", "/ru/article_2"),                   # typed without the dot
    ("тестілік кеңестің үлгі регламентінің 3-тармағы", "kk", "/kk/appendix_1/point_3"),
    ("үлгі регламент тестілік кеңес 1-тармақ", "kk", "/kk/appendix_1/point_1"),
    # a local act: found among the documents the index finds for its title words
    ("регламент тестового областного маслихата пункт 3", "ru", "77010/ru/appendix_1/point_3"),
    ("тестовый облыстық мәслихатының регламенті 3-тармақ", "kk", "77010/kk/appendix_1/point_3"),
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bare_citation")
    with small_corpus(folder, FILES) as c:
        yield c


@pytest.mark.parametrize("query,lang,want", CITATIONS)
def test_the_provision_cited_without_an_act_word_comes_first(corpus, query, lang, want, monkeypatch):
    assert cited_units(corpus.store, query, lang, corpus._documents_found)[0].endswith(want)
    assert corpus.search(query, limit=5)["hits"][0]["unit_id"].endswith(want)
    monkeypatch.setattr(citequery, "_bare_citation", lambda store, q, lang, find=None: ())
    assert cited_units(corpus.store, query, lang, corpus._documents_found) == ()      # the citation reader alone does not read it


@pytest.mark.parametrize("query,lang,want", [c for c in CITATIONS if "point_3" in c[2]])
def test_without_it_the_provisions_that_share_the_titles_words_win(corpus, query, lang, want, monkeypatch):
    monkeypatch.setattr(citequery, "_bare_citation", lambda store, q, lang, find=None: ())
    # nor read as naming the model act («типового регламента …», test_named_act.py) in its stead
    monkeypatch.setattr(type(corpus), "_named", lambda self, q: ((), q))
    assert not corpus.search(query, limit=5)["hits"][0]["unit_id"].endswith(want)


@pytest.mark.parametrize("query,lang", [("сессия совета пункт 3", "ru"), ("кеңес сессиясы 3-тармақ", "kk"),
                                        ("статья 99 закона о депутатских запросах", "ru")])
def test_a_unit_number_without_the_words_of_an_acts_title_cites_nothing(corpus, query, lang):
    assert cited_units(corpus.store, query, lang, corpus._documents_found) == ()


@pytest.mark.elasticsearch
def test_elasticsearch_puts_the_same_provision_first(tmp_path, es_url):
    with small_corpus(tmp_path, FILES, es_url=es_url) as ce:
        for query, _lang, want in CITATIONS:
            assert ce.search(query, limit=5)["hits"][0]["unit_id"].endswith(want), query
