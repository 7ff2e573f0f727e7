"""Issue 16: a decision's final clause («Контроль за исполнением настоящего решения возложить …»,
«Осы шешімнің орындалуын бақылау … жүктелсін») speaks of the decision as a whole, so its title's
words count as its own: «кто контролирует исполнение решения о правилах погребения» finds that
decision's control clause — not the same clause of another decision, nor the rules' points that
repeat the title. Russian and Kazakh, both back ends."""
import pytest

from maslihat.nlp.modality import CLAUSE, states_cue
from tests.index.small_corpus import assert_same_first, corpus_fixture

BURIAL_RU = """# Об утверждении Правил погребения и организации дела по уходу за могилами

В соответствии с подпунктом 15) пункта 1 статьи 6 Закона Республики Казахстан маслихат РЕШИЛ:
1. Утвердить прилагаемые Правила погребения и организации дела по уходу за могилами.
2. Правила погребения применяются на кладбищах области; погребение производится на отведенных участках.
3. Контроль за исполнением настоящего решения возложить на постоянную комиссию по вопросам социальной сферы.
"""
WATER_RU = """# Об утверждении Правил общего водопользования

В соответствии с пунктом 1 статьи 38 Водного кодекса Республики Казахстан маслихат РЕШИЛ:
1. Утвердить прилагаемые Правила общего водопользования.
2. Контроль за исполнением настоящего решения возложить на постоянную комиссию по вопросам экологии; контроль за исполнением решения и контроль за исполнением Правил комиссия осуществляет ежеквартально, контролирует исполнение решения и исполнение Правил.
"""
BURIAL_KK = """# Жерлеу және зираттарды күтіп-ұстау қағидаларын бекіту туралы

Қазақстан Республикасы Заңының 6-бабына сәйкес мәслихат ШЕШІМ ҚАБЫЛДАДЫ:
1. Қоса беріліп отырған жерлеу және зираттарды күтіп-ұстау қағидалары бекітілсін.
2. Жерлеу қағидалары облыстың зираттарында қолданылады; жерлеу бөлінген учаскелерде жүргізіледі.
3. Осы шешімнің орындалуын бақылау мәслихаттың әлеуметтік мәселелер жөніндегі тұрақты комиссиясына жүктелсін.
"""
WATER_KK = """# Ортақ су пайдалану қағидаларын бекіту туралы

Қазақстан Республикасы Су кодексінің 38-бабына сәйкес мәслихат ШЕШІМ ҚАБЫЛДАДЫ:
1. Қоса беріліп отырған ортақ су пайдалану қағидалары бекітілсін.
2. Осы шешімнің орындалуын бақылау мәслихаттың экология жөніндегі тұрақты комиссиясына жүктелсін; шешімнің орындалуын бақылауды, қағидалардың орындалуын бақылауды және шешімнің орындалуын бақылау жөніндегі есепті комиссия тоқсан сайын қарайды, шешімнің орындалуын бақылау жүктелген комиссия шешімнің орындалуын бақылайды.
"""
FILES = {"burial_ru.md": BURIAL_RU, "water_ru.md": WATER_RU, "burial_kk.md": BURIAL_KK, "water_kk.md": WATER_KK}
corpus = corpus_fixture("final_clause", FILES)
QUERIES = [
    ("кто контролирует исполнение решения о правилах погребения", "ru", "социальной сферы"),
    ("жерлеу қағидалары туралы шешімнің орындалуын бақылау кімге жүктелді", "kk", "әлеуметтік мәселелер"),
]


@pytest.mark.parametrize("text,lang,says", [
    ("3. Контроль за исполнением настоящего решения возложить на постоянную комиссию.", "ru", True),
    ("4. Настоящее решение вводится в действие по истечении десяти дней.", "ru", True),
    ("2. Правила погребения применяются на кладбищах области.", "ru", False),
    ("3. Осы шешімнің орындалуын бақылау тұрақты комиссияға жүктелсін.", "kk", True),
    ("2. Жерлеу қағидалары облыстың зираттарында қолданылады.", "kk", False),
])
def test_a_final_clause_speaks_of_its_decision(text, lang, says):
    assert states_cue(text, lang, CLAUSE) is says


@pytest.mark.parametrize("query,lang,want", QUERIES)
def test_the_named_decisions_control_clause_comes_first(corpus, query, lang, want, monkeypatch):
    first = corpus.search(query, lang=lang, limit=3)["hits"][0]
    assert want in first["text"], first["text"]
    from maslihat.corpus.index import scoring
    monkeypatch.setattr(scoring, "CLAUSE_WHOLE", False)      # without the rule another unit comes first
    assert want not in corpus.search(query, lang=lang, limit=3)["hits"][0]["text"]


@pytest.mark.elasticsearch
def test_elasticsearch_puts_the_same_clause_first(tmp_path, es_url, corpus):
    assert_same_first(tmp_path, es_url, corpus, FILES, [(q, lang) for q, lang, _ in QUERIES])
