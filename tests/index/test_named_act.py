"""A query that names a law by its title words («когда вводится в действие закон о порядке
рассмотрения обращений», «өтініштерді қарау тәртібі туралы заң қашан қолданысқа енгізіледі»)
gets the law's own provisions first, the one that speaks of the law itself («Настоящий Закон
вводится в действие …») above them, in Russian and Kazakh, on both back ends; a decision that
repeats the law's title words does not win, and a query that names no act is unchanged."""
import pytest

from maslihat.corpus.api import Corpus
from maslihat.corpus.citequery import acts_named
from maslihat.corpus.index import scoring
from tests.index.small_corpus import corpus_fixture, small_corpus

LAW_RU = """ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН
О порядке рассмотрения обращений граждан тестового региона

Статья 1. Сфера действия

1. Действие настоящего Закона распространяется на обращения граждан к маслихатам.
2. Обращение рассматривается в срок пятнадцати рабочих дней.

Статья 2. Введение в действие

1. Настоящий Закон вводится в действие по истечении десяти календарных дней после его опубликования.
"""
LAW_KK = """ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ ЗАҢЫ
Тестовый өңір азаматтарының өтініштерін қарау тәртібі туралы

1-бап. Қолданылу аясы

1. Осы Заңның күші азаматтардың мәслихаттарға өтініштеріне қолданылады.
2. Өтініш он бес жұмыс күні ішінде қаралады.

2-бап. Қолданысқа енгізу

1. Осы Заң ресми жарияланғаннан кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі.
"""
# a decision that repeats the law's title words and says when it, not the law, takes effect
DECISION_RU = """О порядке рассмотрения обращений граждан в маслихате
Решение маслихата Тестовой области от 10 мая 2010 года № 12-7

1. В соответствии с Законом о порядке рассмотрения обращений граждан утвердить порядок рассмотрения обращений граждан в маслихате.
2. Порядок рассмотрения обращений граждан вводится в действие вместе с Законом о порядке рассмотрения обращений граждан, и на него распространяется действие Закона о порядке рассмотрения обращений.
"""
DECISION_KK = """Мәслихатта азаматтардың өтініштерін қарау тәртібі туралы
Тестовый облысы мәслихатының 2010 жылғы 10 мамырдағы № 12-7 шешімі

1. Азаматтардың өтініштерін қарау тәртібі туралы Заңға сәйкес мәслихатта азаматтардың өтініштерін қарау тәртібі бекітілсін.
2. Азаматтардың өтініштерін қарау тәртібі өтініштерді қарау тәртібі туралы Заңмен бірге қолданысқа енгізіледі және оған азаматтардың өтініштерін қарау туралы Заң қолданылады.
"""
FILES = {"law.rus.txt": LAW_RU, "law.kaz.txt": LAW_KK, "1207.rus.txt": DECISION_RU, "1207.kaz.txt": DECISION_KK}

QUERIES = [
    ("когда вводится в действие закон о порядке рассмотрения обращений", "ru", "/ru/article_2/point_1"),
    ("на кого распространяется закон о рассмотрении обращений граждан", "ru", "/ru/article_1/point_1"),
    ("өтініштерді қарау тәртібі туралы заң қашан қолданысқа енгізіледі", "kk", "/kk/article_2/point_1"),
    ("азаматтардың өтініштерін қарау туралы заң неге қолданылады", "kk", "/kk/article_1/point_1"),
]

named = corpus_fixture("named_by_title", FILES)


def without_the_rule(monkeypatch) -> None:
    """The search as it was before: no query names an act."""
    monkeypatch.setattr(Corpus, "_named", lambda self, q: ((), q))


def first_hit(corpus, query: str, lang: str, limit: int = 5) -> str:
    return corpus.search(query, lang=lang, limit=limit)["hits"][0]["unit_id"]


@pytest.mark.parametrize("query,lang,want", QUERIES)
def test_the_law_named_by_its_title_words_answers(named, query, lang, want):
    docs, rest = acts_named(named.store, query, lang)
    assert docs and all("/law/" in d for d in docs), docs
    assert len(rest) < len(query)                       # its title words are the act, not the topic
    first = named.search(query, lang=lang, limit=5)["hits"][0]
    assert first["unit_id"].endswith(want), first["unit_id"]


@pytest.mark.parametrize("query,lang,want", QUERIES)
def test_without_the_rule_the_decision_repeating_the_title_wins(named, query, lang, want, monkeypatch):
    without_the_rule(monkeypatch)
    assert not named.search(query, lang=lang, limit=5)["hits"][0]["unit_id"].endswith(want)


def test_the_answer_gives_the_query_as_typed(named):
    query = QUERIES[0][0]
    assert named.search(query, limit=5)["query"] == query


def test_the_law_speaking_of_itself_comes_before_its_other_provisions(named, monkeypatch):
    query = "закон о порядке рассмотрения обращений"
    hits = named.search(query, lang="ru", limit=5)["hits"]
    assert "Настоящий Закон" in hits[0]["text"] or "настоящего Закона" in hits[0]["text"], hits[0]
    monkeypatch.setattr(scoring, "ITSELF", 1.0)
    monkeypatch.setattr(scoring, "NAMED_ACT", 1.0)
    assert named.search(query, lang="ru", limit=5)["hits"][0]["document_id"] != hits[0]["document_id"]


@pytest.mark.parametrize("query,lang", [
    ("порядок рассмотрения обращений", "ru"),             # no act word: the words are the topic
    ("закон о бюджетной системе", "ru"),                   # a law not in the corpus
    ("какой закон нужен", "ru"),                           # no title words
    ("өтініштерді қарау тәртібі", "kk"),
    ("бюджет жүйесі туралы заң", "kk"),
])
def test_a_query_naming_no_act_of_the_corpus_is_unchanged(named, query, lang, monkeypatch):
    assert acts_named(named.store, query, lang) == ((), query)
    a = named.search(query, limit=10)["hits"]
    without_the_rule(monkeypatch)
    assert a == named.search(query, limit=10)["hits"]


@pytest.mark.elasticsearch
def test_elasticsearch_gives_the_same_first_provision(tmp_path, es_url, named):
    with small_corpus(tmp_path, FILES, es_url) as ce:
        for query, lang, want in QUERIES:
            assert ce.search(query, lang=lang, limit=5)["hits"][0]["unit_id"].endswith(want), query


# a code is named by the word before «кодекс»: «по земельному кодексу», «жер кодексі бойынша»
CODE_RU = """ЗЕМЕЛЬНЫЙ КОДЕКС РЕСПУБЛИКИ КАЗАХСТАН

Статья 1. Аренда

1. Земельные участки предоставляются в аренду на срок до сорока девяти лет.
2. Настоящий Кодекс вводится в действие с 1 января.
"""
CODE_KK = """ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ ЖЕР КОДЕКСІ

1-бап. Жалға беру

1. Жер учаскелері қырық тоғыз жылға дейінгі мерзімге жалға беріледі.
2. Осы Кодекс 1 қаңтардан бастап қолданысқа енгізіледі.
"""
LEASE_RU = """О ставках арендной платы за земельные участки
Решение маслихата Тестовой области от 10 мая 2010 года № 12-8

1. В соответствии с Земельным кодексом земельные участки области предоставляются в аренду на срок пять лет с ежегодным пересмотром ставок постоянной комиссией маслихата по вопросам экономики и бюджета.
"""
LEASE_KK = """Жер учаскелерін жалға беру ставкалары туралы
Тестовый облысы мәслихатының 2010 жылғы 10 мамырдағы № 12-8 шешімі

1. Жер кодексіне сәйкес облыстың жер учаскелері бес жыл мерзімге жалға беріледі.
"""
CODE_FILES = {"zk.rus.txt": CODE_RU, "zk.kaz.txt": CODE_KK, "1208.rus.txt": LEASE_RU, "1208.kaz.txt": LEASE_KK}
CODE_QUERIES = [("по земельному кодексу на какой срок предоставляются земельные участки в аренду", "ru", "/ru/article_1/point_1"),
                ("жер кодексі бойынша жер учаскелері қанша мерзімге жалға беріледі", "kk", "/kk/article_1/point_1")]

coded = corpus_fixture("named_code", CODE_FILES)


@pytest.mark.parametrize("query,lang,want", CODE_QUERIES)
def test_a_code_named_by_its_adjective_answers(coded, query, lang, want, monkeypatch):
    docs, _rest = acts_named(coded.store, query, lang)
    assert docs and all("/code/" in d for d in docs), docs
    assert first_hit(coded, query, lang).endswith(want)
    without_the_rule(monkeypatch)      # the decision
    assert not first_hit(coded, query, lang).endswith(want)


@pytest.mark.parametrize("query,lang", [("какой кодекс", "ru"), ("бюджетный кодекс", "ru"), ("салық кодексі", "kk")])
def test_a_code_not_in_the_corpus_is_no_act_named(coded, query, lang):
    assert acts_named(coded.store, query, lang) == ((), query)


@pytest.mark.elasticsearch
def test_elasticsearch_gives_the_code_named_first(tmp_path, es_url, coded):
    with small_corpus(tmp_path, CODE_FILES, es_url) as ce:
        for query, lang, want in CODE_QUERIES:
            assert ce.search(query, lang=lang, limit=5)["hits"][0]["unit_id"].endswith(want), query


# a local act is named with its issuer or year: «решения маслихата 2015 года о перечне …»
def _list_decision(year: str, number: str, extra: str) -> dict:
    ru = (f"Об утверждении перечня социально значимых пассажирских сообщений\nРешение маслихата Тестовой области "
          f"от 20 мая {year} года № {number}\n\n1. Утвердить перечень социально значимых пассажирских сообщений.\n"
          f"2. Опубликование настоящего решения возложить на аппарат маслихата {extra}.\n")
    kk = (f"Әлеуметтік мәні бар жолаушылар қатынастарының тізбесін бекіту туралы\nТестовый облысы мәслихатының "
          f"{year} жылғы 20 мамырдағы № {number} шешімі\n\n1. Әлеуметтік мәні бар жолаушылар қатынастарының "
          f"тізбесі бекітілсін.\n2. Осы шешімді жариялау мәслихат аппаратына жүктелсін {extra}.\n")
    return {"ru": ru, "kk": kk}


D14 = _list_decision("2014", "32-195", "")
D15 = _list_decision("2015", "45-264", "")
# a regulation that says who publishes the maslikhat's decisions, in the query's words
RULES_RU = """О регламенте маслихата
Решение маслихата Тестовой области от 1 марта 2013 года № 10-1

1. Опубликование решений маслихата обеспечивает аппарат маслихата, опубликование решений маслихата.
"""
LOCAL_FILES = {"d14.rus.txt": D14["ru"], "d14.kaz.txt": D14["kk"], "d15.rus.txt": D15["ru"],
               "d15.kaz.txt": D15["kk"], "rules.rus.txt": RULES_RU}

local = corpus_fixture("named_local", LOCAL_FILES)


def test_a_decision_named_with_its_issuer_and_year_is_that_one(local, monkeypatch):
    c = local
    hits_query = "кто отвечает за опубликование решения маслихата 2015 года о перечне социально значимых сообщений"
    docs, rest = c._named("кто отвечает за опубликование решения маслихата 2015 года о перечне социально значимых сообщений")
    assert docs and all("/45-264/" in d for d in docs), docs
    assert "перечне" not in rest and "2015" not in rest and "решения" in rest    # the act word stays
    hits = c.search("кто отвечает за опубликование решения маслихата 2015 года о перечне социально значимых сообщений",
                    lang="ru", limit=3)["hits"]
    assert "/45-264/ru/point_2" in hits[0]["unit_id"], hits[0]["unit_id"]
    docs, _ = c._named("мәслихаттың 2014 жылғы әлеуметтік мәні бар жолаушылар қатынастарының тізбесі туралы шешімін кім жариялайды")
    assert docs and all("/32-195/" in d for d in docs), docs
    without_the_rule(monkeypatch)      # the regulation
    assert "/45-264/ru/point_2" not in c.search(hits_query, lang="ru", limit=3)["hits"][0]["unit_id"]


@pytest.mark.parametrize("query", [
    "кто принимает решение о перечне социально значимых сообщений",         # no issuer or year: a topic
    "решение маслихата 2019 года о перечне социально значимых сообщений",    # no decision of that year
    "решение маслихата о регламенте",                                          # one title word of a local act
])
def test_a_local_act_is_not_named_without_its_issuer_year_or_title(local, query):
    assert local._named(query) == ((), query)


# a model act named as people name it, with no act word: «по типовому регламенту маслихата …»
MODEL_RU = """Об утверждении Типового регламента маслихата тестовой модели
Указ Президента Республики Казахстан от 3 декабря 2013 года № 7040

1. Утвердить прилагаемый Типовой регламент маслихата.
2. Протокол сессии ведет аппарат маслихата.
"""
MODEL_KK = """Тестовый үлгідегі мәслихаттың үлгі регламентін бекіту туралы
Қазақстан Республикасы Президентінің 2013 жылғы 3 желтоқсандағы № 7040 Жарлығы

1. Қоса беріліп отырған мәслихаттың үлгі регламенті бекітілсін.
2. Сессия хаттамасын мәслихат аппараты жүргізеді.
"""
# a city's regulation saying who keeps the minutes «in accordance with the Model Regulation»: every word of the question
CITY_RU = """О регламенте маслихата
Решение маслихата Тестовой области от 1 марта 2013 года № 10-1

1. В соответствии с Типовым регламентом маслихата протокол сессии ведет секретарь маслихата, протокол сессии подписывает председатель сессии.
"""
CITY_KK = """Мәслихаттың регламенті туралы
Тестовый облысы мәслихатының 2013 жылғы 1 наурыздағы № 10-1 шешімі

1. Мәслихаттың үлгі регламентіне сәйкес сессия хаттамасын мәслихат хатшысы жүргізеді, сессия хаттамасына сессия төрағасы қол қояды.
"""
MODEL_FILES = {"model.rus.txt": MODEL_RU, "model.kaz.txt": MODEL_KK, "city.rus.txt": CITY_RU, "city.kaz.txt": CITY_KK}
MODEL_QUERIES = [("по типовому регламенту маслихата кто ведет протокол сессии", "ru", "/ru/point_2"),
                 ("мәслихаттың үлгі регламенті бойынша сессия хаттамасын кім жүргізеді", "kk", "/kk/point_2")]

model = corpus_fixture("named_model", MODEL_FILES)


@pytest.mark.parametrize("query,lang,want", MODEL_QUERIES)
def test_a_model_act_named_without_an_act_word_answers(model, query, lang, want, monkeypatch):
    docs, _rest = model._named(query)
    assert docs and all("/decree/" in d for d in docs), docs
    first = first_hit(model, query, lang, 3)
    assert "/decree/" in first and first.endswith(want), first
    without_the_rule(monkeypatch)      # the city's
    assert "/decree/" not in first_hit(model, query, lang, 3)


@pytest.mark.parametrize("query", ["что такое типовые правила", "типовой регламент", "регламент маслихата кто ведет протокол"])
def test_other_words_of_a_model_act_name_none(model, query):
    assert model._named(query) == ((), query)


@pytest.mark.parametrize("query", ["когда вступает в силу решение об утверждении правил погребения 2019 года",
                                   "указ о внесении изменений кто подписал",
                                   "бекіту туралы шешім қашан күшіне енеді"])
def test_the_words_that_open_every_title_name_no_act(model, query):
    """«об утверждении», «о внесении изменений», «бекіту туралы» open the titles of most acts: alone
    they name none («решение об утверждении правил погребения» is not the «Об утверждении Типового
    регламента маслихата»)."""
    assert model._named(query)[0] == ()


@pytest.mark.parametrize("query", ["указ об утверждении типового регламента маслихата",
                                   "указ президента об утверждении типового регламента кто ведет протокол"])
def test_an_approving_title_with_its_own_words_still_names_the_act(model, query):
    docs, _rest = model._named(query)
    assert docs and all("/decree/" in d for d in docs), docs
