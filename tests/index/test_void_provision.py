"""Issue 16: a provision that is only its number now — «3. Исключен Законом РК от 11.07.2017 …»,
«2. Алып тасталды – ҚР … Заңымен» — says nothing a question asks; standing under an article
whose title is the question's words, it used to come before the provisions that answer. It ranks
below them (``scoring.VOID``), unless the query cites it. Russian and Kazakh, both back ends."""
import pytest

from maslihat.nlp.modality import VOID, states_cue
from tests.index.small_corpus import assert_rule_puts_first, assert_same_first, corpus_fixture

RU = """# О правовых актах

Статья 59. Официальное разъяснение нормативных правовых актов
1. Исключен Законом РК от 11.07.2017 № 91-VI (вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования).
2. Исключен Законом РК от 11.07.2017 № 91-VI (вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования).
3. Разъяснение дается органом, принявшим документ, по запросу суда.

Статья 60. Толкование норм права
1. Нормы права толкуются по их буквальному смыслу.
"""
KK = """# Құқықтық актілер туралы

59-бап. Нормативтік құқықтық актілерді ресми түсіндіру
1. Алып тасталды - ҚР 11.07.2017 № 91-VI Заңымен (алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі).
2. Алып тасталды - ҚР 11.07.2017 № 91-VI Заңымен (алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі).
3. Ресми түсіндірмені құжатты қабылдаған орган соттың сұрауы бойынша береді.

60-бап. Құқық нормаларын түсіндіру
1. Құқық нормалары олардың сөзбе-сөз мағынасы бойынша түсіндіріледі.
"""
FILES = {"acts_ru.md": RU, "acts_kk.md": KK}
corpus = corpus_fixture("void_provision", FILES)
QUERIES = [("официальное разъяснение нормативных правовых актов", "ru", "по запросу суда"),
           ("нормативтік құқықтық актілерді ресми түсіндіру", "kk", "соттың сұрауы")]


@pytest.mark.parametrize("text,lang,void", [
    ("3. Исключен Законом РК от 11.07.2017 № 91-VI", "ru", True),
    ("15) исключен;", "ru", True),
    ("Статья 59. Исключена Законом РК от 11.07.2017", "ru", True),
    ("Утратил силу решением маслихата от 12.03.2015", "ru", True),
    ("2. Исключения из правила пункта 1 настоящей статьи представляют случаи …", "ru", False),
    ("4. Подпункт 3) пункта 1 исключен законом, остальные действуют.", "ru", False),
    ("3. Алып тасталды - ҚР 11.07.2017 № 91-VI Заңымен", "kk", True),
    ("59-бап. Алып тасталды", "kk", True),
    ("1. Мәслихаттың 2014 жылғы шешімінің күші жойылды деп танылсын.", "kk", False),
])
def test_a_void_provision_is_read_at_its_opening(text, lang, void):
    assert states_cue(text, lang, VOID) is void


@pytest.mark.parametrize("query,lang,want", QUERIES)
def test_the_provision_that_says_something_comes_before_void_ones(corpus, query, lang, want, monkeypatch):
    assert_rule_puts_first(corpus, query, lang, want, monkeypatch, "VOID")    # without it a void point is first


@pytest.mark.parametrize("query,lang", [("статья 59 пункт 1 закона о правовых актах", "ru")])
def test_a_void_provision_the_query_cites_is_found(corpus, query, lang):
    first = corpus.search(query, lang=lang, limit=3)["hits"][0]
    assert first["unit_id"].endswith("article_59/point_1"), first["unit_id"]


@pytest.mark.elasticsearch
def test_elasticsearch_puts_the_same_provision_first(tmp_path, es_url, corpus):
    assert_same_first(tmp_path, es_url, corpus, FILES, [(q, lang) for q, lang, _ in QUERIES])
