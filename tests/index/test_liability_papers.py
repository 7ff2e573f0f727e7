"""Issue 16: a question what one risks («что грозит …», «кім жауап береді») is answered by the
provision that states the liability, and a question which papers to bring («какие документы
нужны …», «қандай анықтама әкелу керек») by the one that names them — before provisions that
repeat the question's other words. Russian and Kazakh, both back ends."""
import pytest

from maslihat.corpus.index import scoring
from maslihat.corpus.index.query import plan
from tests.index.small_corpus import assert_rule_puts_first, assert_same_first, corpus_fixture

RU = """РЕШЕНИЕ
маслихата города Тестовый
Об утверждении Правил оказания социальной помощи на погребение

1. Социальная помощь на погребение назначается отделом занятости и социальных программ; помощь на погребение назначается по заявлению родственника, и отдел занятости рассматривает заявление о помощи на погребение в течение десяти дней.
2. К заявлению о назначении помощи на погребение прилагаются справка о смерти и копия удостоверения личности заявителя.
3. Сведения о назначенной помощи отдел занятости и социальных программ ежемесячно сообщает в акимат, а сведения о помощи на погребение, назначенной в отчетном месяце, и сведения о помощи родственникам включаются в отчет отдела.
4. Работники отдела за представление в акимат недостоверных сведений несут ответственность в соответствии с законодательством.
"""
KK = """ШЕШІМ
Тестовый қаласы мәслихатының
Жерлеуге әлеуметтік көмек көрсету қағидаларын бекіту туралы

1. Жерлеуге әлеуметтік көмекті жұмыспен қамту және әлеуметтік бағдарламалар бөлімі тағайындайды; жерлеуге көмек туысының арызы бойынша тағайындалады, бөлім жерлеуге көмек туралы арызды он күн ішінде қарайды.
2. Жерлеуге көмек тағайындау туралы арызға қайтыс болу туралы анықтама және өтініш берушінің жеке куәлігінің көшірмесі қоса беріледі.
3. Тағайындалған көмек туралы мәліметтерді бөлім ай сайын әкімдікке хабарлайды, есепті айда тағайындалған жерлеуге көмек туралы мәліметтер және туыстарға көмек туралы мәліметтер бөлімнің есебіне енгізіледі.
4. Бөлім қызметкерлері әкімдікке дұрыс емес мәліметтер ұсынғаны үшін заңнамаға сәйкес жауапты болады.
"""

corpus = corpus_fixture("liability_papers", {"burial_ru.txt": RU, "burial_kk.txt": KK})
QUERIES = [
    ("какие документы нужны для помощи на погребение", "ru", "справка о смерти", "DOCUMENTS"),
    ("жерлеуге көмек алу үшін қандай құжаттар керек", "kk", "анықтама", "DOCUMENTS"),
    ("отдел дал в акимат неверные сведения что грозит", "ru", "ответственность", "LIABILITY"),
    ("бөлім әкімдікке қате мәліметтер берді оған не болады", "kk", "жауапты", "LIABILITY"),
]


@pytest.mark.parametrize("query,lang,kind", [
    ("какие документы нужны для помощи", "ru", "documents"), ("какую справку принести", "ru", "documents"),
    ("қандай құжаттар керек", "kk", "documents"), ("қандай анықтама әкелу керек", "kk", "documents"),
    ("что грозит депутату за пропуск сессии", "ru", "liability"), ("кто отвечает за сведения", "ru", "liability"),
    ("оған не болады", "kk", "liability"), ("кім жауап береді", "kk", "liability"),
])
def test_the_question_asks_for_it(query, lang, kind):
    assert kind in plan(query, None).answer


def test_other_wordings_do_not():
    for query in ("документы для помощи на погребение", "помощь на погребение", "жерлеуге көмек құжаттар"):
        assert not plan(query, None).answer & {"documents", "liability"}, query


def test_with_cues_takes_each_kind_asked_once():
    cue_of = lambda ids, kind, terms: {"liability": {"a/p_1"}, "documents": {"a/p_1", "a/p_2"}}[kind] & set(ids)
    got = scoring.with_cues(["a/p_1", "a/p_2", "a/p_3"], [10.0, 8.0, 6.0], frozenset({"liability", "documents"}), cue_of)
    assert got == [10.0 * max(scoring.LIABILITY, scoring.DOCUMENTS), 8.0 * scoring.DOCUMENTS, 6.0]


@pytest.mark.parametrize("query,lang,want,factor", QUERIES)
def test_the_provision_that_answers_comes_first(corpus, query, lang, want, factor, monkeypatch):
    assert_rule_puts_first(corpus, query, lang, want, monkeypatch, factor)


@pytest.mark.elasticsearch
def test_elasticsearch_puts_the_same_provision_first(tmp_path, es_url, corpus):
    assert_same_first(tmp_path, es_url, corpus, {"burial_ru.txt": RU, "burial_kk.txt": KK},
                      [(query, lang) for query, lang, _, _ in QUERIES])
