"""Issue 16 §4 across acts: regulations of several maslikhats drafted from one model repeat a point
almost word for word; a query sharing that point's words should not see its copies fill the top
of the page above the one provision, in another act, that answers it. After the first of a group
of near-identical provisions of different acts in one language, the next copies move below the
first ``scoring.COPY_PLACE`` hits, all but ``scoring.COPY_KEEP`` of them (``scoring.spread_copies``);
when the copies are the answer, one of them stays first. RU and KK, both back ends."""
import pytest

from maslihat.corpus.index import scoring
from tests.index.small_corpus import corpus_fixture, small_corpus

TOWNS_RU = [("Аксуского", "Аксу", "12 марта 2014 года № 211/30"),
            ("Экибастузского", "Экибастуз", "3 апреля 2014 года № 45/7"),
            ("Каркаралинского районного", "Каркаралинск", "25 июня 2014 года № 28/3")]
TOWNS_KK = [("Ақсу қалалық", "Ақсу", "2014 жылғы 12 наурыздағы № 211/30"),
            ("Екібастұз қалалық", "Екібастұз", "2014 жылғы 3 сәуірдегі № 45/7"),
            ("Қарқаралы аудандық", "Қарқаралы", "2014 жылғы 25 маусымдағы № 28/3")]

COPY_RU = ("Предложения в повестку дня сессии маслихата вносятся депутатами маслихата, постоянными комиссиями "
           "маслихата и акимом; предложения в повестку дня сессии рассматриваются постоянными комиссиями до сессии.")
COPY_KK = ("Мәслихат сессиясының күн тәртібіне ұсыныстарды мәслихат депутаттары, мәслихаттың тұрақты комиссиялары "
           "және әкім енгізеді; сессияның күн тәртібіне ұсыныстарды тұрақты комиссиялар сессияға дейін қарайды.")
ANSWER_RU = "Предложения в повестку дня очередной сессии вносятся не позднее чем за десять дней до её проведения."
ANSWER_KK = "Кезекті сессияның күн тәртібіне ұсыныстар ол өткізілгенге дейін он күннен кешіктірілмей енгізіледі."


def _regulation_ru(name: str, town: str, req: str, point: int) -> str:
    return f"""Регламент {name} городского маслихата

Утвержден решением {name} городского маслихата от {req}

Глава 1. Общие положения

1. Настоящий Регламент определяет порядок работы маслихата города {town}.

2. Маслихат осуществляет свою деятельность в форме сессий.

Глава 2. Сессия маслихата

{point}. {COPY_RU}

{point + 1}. Сессия маслихата правомочна, если на ней присутствует не менее двух третей от общего числа депутатов.
"""


def _regulation_kk(name: str, town: str, req: str, point: int) -> str:
    return f"""{name} мәслихатының регламенті

{name} мәслихатының {req} шешімімен бекітілген

1-тарау. Жалпы ережелер

1. Осы Регламент {town} мәслихатының жұмыс тәртібін айқындайды.

2. Мәслихат өз қызметін сессиялар нысанында жүзеге асырады.

2-тарау. Мәслихат сессиясы

{point}. {COPY_KK}

{point + 1}. Егер сессияға депутаттардың жалпы санының кемінде үштен екісі қатысса, мәслихат сессиясы заңды болады.
"""


FILES = {
    **{f"reg_ru_{k}.txt": _regulation_ru(n, t, r, 25 + 20 * k) for k, (n, t, r) in enumerate(TOWNS_RU)},
    **{f"reg_kk_{k}.txt": _regulation_kk(n, t, r, 25 + 20 * k) for k, (n, t, r) in enumerate(TOWNS_KK)},
    "order_ru.txt": f"""Решение Шемонаихинского районного маслихата от 14 мая 2015 года № 33/2

О порядке подготовки очередных сессий маслихата

1. {ANSWER_RU}

2. Проект повестки дня очередной сессии размещается на интернет-ресурсе маслихата.
""",
    "order_kk.txt": f"""Шемонаиха аудандық мәслихатының 2015 жылғы 14 мамырдағы № 33/2 шешімі

Мәслихаттың кезекті сессияларын дайындау тәртібі туралы

1. {ANSWER_KK}

2. Кезекті сессияның күн тәртібінің жобасы мәслихаттың интернет-ресурсында орналастырылады.
""",
}
# (query, results language, words of the one answer, words of the copies)
ANSWER_ELSEWHERE = [("срок внесения предложений в повестку дня сессии постоянными комиссиями", "ru",
                     "за десять дней", "постоянными комиссиями маслихата и акимом"),
                    ("сессия күн тәртібі ұсыныстар тұрақты комиссиялар мерзімі", "kk",
                     "он күннен", "тұрақты комиссиялары және әкім")]
COPIES_ANSWER = [("кто вносит предложения в повестку дня сессии маслихата", "ru",
                  "постоянными комиссиями маслихата и акимом"),
                 ("мәслихат сессиясының күн тәртібіне ұсыныстарды кім енгізеді", "kk",
                  "тұрақты комиссиялары және әкім")]

corpus = corpus_fixture("copies", FILES)


def _ranks(c, query: str, lang: str, words: str) -> list[int]:
    hits = c.search(query, lang=lang, limit=10)["hits"]
    return [k for k, h in enumerate(hits) if words in h["text"]]


@pytest.mark.parametrize("query,lang,answer,copy", ANSWER_ELSEWHERE)
def test_the_one_answer_is_not_pushed_down_by_copies_of_one_point(corpus, query, lang, answer, copy, monkeypatch):
    copies = _ranks(corpus, query, lang, copy)
    assert len(copies) == 3, copies                       # all three regulations still on the page
    assert _ranks(corpus, query, lang, answer)[0] < 3
    assert sum(1 for k in copies if k < scoring.COPY_PLACE) <= 1 + scoring.COPY_KEEP, copies
    monkeypatch.setattr(scoring, "COPY_PLACE", 0)        # without the rule the copies come first
    assert _ranks(corpus, query, lang, answer)[0] >= 3


@pytest.mark.parametrize("query,lang,copy", COPIES_ANSWER)
def test_when_the_copies_are_the_answer_one_of_them_is_first(corpus, query, lang, copy):
    ranks = _ranks(corpus, query, lang, copy)
    assert ranks[0] == 0 and len(ranks) == 3, ranks


def test_copies_are_near_identical_provisions_of_other_acts_in_one_language(monkeypatch):
    words = frozenset("предло повес дня сесси масли вноси депут посто комис акимо".split())
    same_act = ("a", "ru", words)
    assert scoring.copy_of([("a", "ru", words), ("b", "ru", words), ("c", "kk", words), same_act,
                            ("c", "ru", words | {"иные"}), ("d", "ru", frozenset({"сесси", "масли"}))]) == \
        [None, 0, None, None, 0, None]
    four = [("a", "ru", words), ("b", "ru", words), ("c", "ru", words), ("d", "ru", words), None]
    monkeypatch.setattr(scoring, "COPY_KEEP", 0)
    assert scoring.spread_copies(four[:3] + [None], 6, 3) == [0, 3, 4, 1, 2, 5]
    monkeypatch.setattr(scoring, "COPY_KEEP", 1)
    assert scoring.spread_copies(four, 7, 3) == [0, 1, 4, 2, 3, 5, 6]


@pytest.mark.elasticsearch
def test_elasticsearch_spreads_the_copies_too(tmp_path, es_url, corpus):
    with small_corpus(tmp_path, FILES, es_url) as ce:
        for query, lang, answer, copy in ANSWER_ELSEWHERE:
            assert _ranks(ce, query, lang, answer)[0] < 3, query
            assert sum(1 for k in _ranks(ce, query, lang, copy) if k < scoring.COPY_PLACE) <= 1 + scoring.COPY_KEEP, query
        for query, lang, copy in COPIES_ANSWER:
            assert _ranks(ce, query, lang, copy)[0] == 0, query
