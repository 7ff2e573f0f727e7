"""Issue 16: a question that asks for a number («сколько дней», «неше күнде», «сколько раз») is
answered by the provision that states it, before provisions that only name the subject."""
import pytest

from maslihat.corpus.index import scoring
from maslihat.corpus.index.query import plan
from maslihat.nlp.facts import FACT_KINDS
from maslihat.nlp.querywords import OTHER_ANSWER_KINDS, _answer_phrases, answer_kinds
from tests.index.small_corpus import assert_rule_puts_first, assert_same_first, corpus_fixture

RU = """РЕШЕНИЕ
маслихата города Тестовый
Об утверждении Правил рассмотрения обращений

1. Обращение гражданина рассматривается маслихатом, обращение гражданина регистрируется в журнале, а обращение гражданина, поданное повторно, рассматривается вместе с первым обращением гражданина.
2. Обращение гражданина рассматривается в срок не позднее пятнадцати рабочих дней со дня его поступления.
3. Секретарь ведет учет обращений граждан.
"""
KK = """ШЕШІМ
Тестовый қаласы мәслихатының
Өтініштерді қарау қағидаларын бекіту туралы

1. Азаматтың өтініші мәслихатта қаралады, азаматтың өтініші журналда тіркеледі, азаматтың қайталап берілген өтініші алғашқы өтінішімен бірге қаралады.
2. Азаматтың өтініші келіп түскен күнінен бастап он бес жұмыс күнінен кешіктірілмей қаралады.
3. Хатшы азаматтардың өтініштерін есепке алады.
"""


@pytest.mark.parametrize("words,lang,kinds", [
    ("сколько дней рассматривается обращение", "ru", {"deadline", "term"}),
    ("Сколько раз в год созываются сессии", "ru", {"periodicity"}),
    ("когда созывается сессия", "ru", {"deadline", "periodicity"}),
    ("кто ведёт протокол", "ru", set()),
    ("өтініш неше күнде қаралады", "kk", {"deadline", "term"}),
    ("сессия жылына неше рет шақырылады", "kk", {"periodicity"}),
    ("сессияны кім шақырады", "kk", set()),
    ("депутат сауалына қанша күнде жауап беріледі", "kk", {"deadline", "term"}),
    ("как часто проводятся сессии", "ru", {"periodicity"}),
    ("сессия қаншалықты жиі өткізіледі", "kk", {"periodicity"}),
    # «how many» in the other forms people say it (session 31)
    ("комиссия төрағалары нешеу болады", "kk", {"count", "quorum", "threshold"}),
    ("сколькими голосами принимается решение", "ru", {"quorum", "threshold"}),
    ("со скольких лет выдают удостоверение", "ru", {"age"}),
])
def test_what_a_question_asks_for(words, lang, kinds):
    assert answer_kinds(words.split(), lang) == kinds


@pytest.mark.parametrize("question,lang,asks", [
    ("как часто проводятся сессии маслихата", "ru", "часто"),
    ("мәслихат сессиясы қаншалықты жиі өткізіледі", "kk", "жиі"),
])
def test_how_often_is_not_a_word_the_answer_must_contain(question, lang, asks):
    """«как часто» asks a periodicity; the law says «не реже четырех раз в год», never «часто»: a
    provision is not scored down for lacking the question's word."""
    pl = plan(question, None, lang)
    assert pl.answer == {"periodicity"}
    assert asks not in repr(pl.by_lang[lang]), pl.by_lang[lang]


@pytest.mark.parametrize("question,word", [("депутатқа кімдердің өтініштері келеді", "кімдердің"),
                                           ("сессияда нелерді қарайды", "нелерді"),
                                           ("сауалды қайтіп жолдаймын", "қайтіп")])
def test_kazakh_question_words_in_their_other_forms_drop_out(question, word):
    assert word not in repr(plan(question, None, "kk").by_lang["kk"])


@pytest.mark.parametrize("question,asks", [("тұрақты комиссия төрағалары нешеу болады", "нешеу"),
                                           ("комиссияда қаншама депутат болады", "қаншама")])
def test_how_many_is_not_a_word_the_answer_must_contain(question, asks):
    """«нешеу», «қаншама» ask a number; the law writes «екіден аспайтын», never «нешеу»: the word
    drops out of scoring as «неше» does."""
    pl = plan(question, None, "kk")
    assert "count" in pl.answer
    assert asks not in repr(pl.by_lang["kk"]), pl.by_lang["kk"]


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_answer_kinds_data_names_only_known_kinds(lang):
    phrases = _answer_phrases(lang)
    assert phrases, f"nlp/lang/{lang}/answer_kinds.txt is missing or empty"
    for words, kinds in phrases:
        assert kinds <= set(FACT_KINDS) | set(OTHER_ANSWER_KINDS), (words, kinds - set(FACT_KINDS))


def test_only_best_match_questions_carry_an_answer_kind():
    assert plan("сколько дней рассматривается обращение", None).answer == {"deadline", "term"}
    assert plan("обращение AND рассматривается", None).answer == frozenset()


def test_with_answer_multiplies_only_units_stating_the_kind():
    facts = {"a/p_2": {"deadline"}, "a/p_3": {"quorum"}}
    got = scoring.with_answer(["a/p_1", "a/p_2", "a/p_3"], [10.0, 8.0, 8.0], frozenset({"deadline"}), facts.get and
                              (lambda ids: {i: facts[i] for i in ids if i in facts}))
    assert got == [10.0, 8.0 * scoring.ANSWER, 8.0]
    assert scoring.with_answer(["a/p_1"], [1.0], frozenset(), None) == [1.0]


corpus = corpus_fixture("answer", {"appeals_ru.txt": RU, "appeals_kk.txt": KK})


@pytest.mark.parametrize("query,lang,want", [
    ("когда рассматривается обращение гражданина", "ru", "пятнадцати рабочих дней"),
    ("азаматтың өтініші қашан қаралады", "kk", "он бес жұмыс күнінен"),
])
def test_the_provision_stating_the_number_comes_first(corpus, query, lang, want, monkeypatch):
    assert_rule_puts_first(corpus, query, lang, want, monkeypatch, "ANSWER")


@pytest.mark.elasticsearch
def test_elasticsearch_puts_the_same_provision_first(tmp_path, es_url, corpus):
    assert_same_first(tmp_path, es_url, corpus, {"appeals_ru.txt": RU, "appeals_kk.txt": KK},
                      [("когда рассматривается обращение гражданина", "ru"), ("азаматтың өтініші қашан қаралады", "kk")])


@pytest.mark.parametrize("question,lang,kind,not_kind", [
    ("чиновник дал неправильные цифры ему за это что то будет", "ru", "liability", "definition"),
    ("депутатский запрос что это", "ru", "definition", "liability"),
    ("сессия жылына неше рет шақырылады", "kk", "periodicity", "definition"),
])
def test_the_longest_phrase_wins_wherever_it_stands(question, lang, kind, not_kind):
    """«за это что то будет» asks what one risks: the longer «что то будет» counts, not the «это
    что» of a definition question that overlaps it."""
    kinds = answer_kinds(question.split(), lang)
    assert kind in kinds and not_kind not in kinds, kinds
