"""Whether a provision permits, forbids, obliges or gives a right (nlp.modality), and the
questions that ask it (answer kind ``permission``), in Russian and Kazakh."""
import pytest

from maslihat.nlp.modality import CUE_KINDS, cues, states_cue, states_modality
from maslihat.nlp.querywords import answer_kinds


@pytest.mark.parametrize("text,lang", [
    ("Депутат маслихата вправе знакомиться с материалами сессии.", "ru"),
    ("Секретарь маслихата не может быть председателем постоянной комиссии.", "ru"),
    ("Выгул собак на детских площадках запрещается.", "ru"),
    ("Забор воды осуществляется без разрешения.", "ru"),
    ("Опубликование нормативного правового акта в неполном виде не допускается.", "ru"),
    ("Депутат өз өкілеттігін жүзеге асыруға құқылы.", "kk"),
    ("Мәслихат хатшысы тұрақты комиссияның төрағасы бола алмайды.", "kk"),
    ("Ойын алаңдарында иттерді серуендетуге тыйым салынады.", "kk"),
    ("Жауап бір айдан кешіктірілмей берілуі тиіс.", "kk"),
])
def test_provisions_that_permit_forbid_or_oblige(text, lang):
    assert states_modality(text, lang)


@pytest.mark.parametrize("text,lang", [
    ("Сессия маслихата открывается председателем сессии.", "ru"),
    ("Решение вступает в силу со дня официального опубликования.", "ru"),
    ("Мәслихат сессиясын сессия төрағасы ашады.", "kk"),
    ("Тиісті органдар есеп береді.", "kk"),         # «тиісті» (concerned) is not «тиіс» (must)
])
def test_provisions_that_only_state(text, lang):
    assert not states_modality(text, lang)


@pytest.mark.parametrize("question,lang", [
    ("можно ли мыть машину на берегу реки", "ru"), ("может ли секретарь входить в комиссию", "ru"),
    ("вправе ли депутат посещать организации", "ru"), ("нужно ли разрешение на забор воды", "ru"),
    ("итті кафеге кіргізуге бола ма", "kk"), ("мәслихат хатшысы комиссия мүшесі бола ала ма", "kk"),
    ("өтініш беруші материалдармен таныса ала ма", "kk"), ("депутат құқылы ма", "kk"),
    ("на кладбище пускают только одну фирму законно ли это", "ru"),
    ("депутат по телевизору оскорбляет чиновников так можно", "ru"),
    ("акт жобасын заң бөлімінсіз дайындап жатыр бұл дұрыс па", "kk"),
    ("комиссия төрағасы үшінші мерзім қатарынан заңды ма", "kk"),
])
def test_questions_that_ask_whether(question, lang):
    assert "permission" in answer_kinds(question.split(), lang)


@pytest.mark.parametrize("question,lang", [("кто ведёт протокол сессии", "ru"), ("сессия қашан шақырылады", "kk")])
def test_other_questions_do_not(question, lang):
    assert "permission" not in answer_kinds(question.split(), lang)


def test_both_languages_have_their_list():
    assert len(cues("ru")) >= 10 and len(cues("kk")) >= 10


def test_a_cue_made_of_the_questions_own_words_does_not_count():
    from maslihat.nlp.analyze import normalize_term
    text = "Забор воды из поверхностных источников осуществляется без разрешения."
    assert states_modality(text, "ru")
    assert not states_modality(text, "ru", frozenset({normalize_term("разрешение", "ru"), "вода"}))
    kk = "Итті серуендетуге тыйым салынады."
    assert states_modality(kk, "kk", frozenset({normalize_term("рұқсат", "kk")}))


@pytest.mark.parametrize("text,lang,kind", [
    ("Должностные лица за представление недостоверных сведений несут ответственность.", "ru", "liability"),
    ("Нарушение порядка рассмотрения обращений влечет ответственность, установленную законами.", "ru", "liability"),
    ("Комиссия мүшелері актіге енгізілген мәліметтердің дұрыстығы үшін жауапты болады.", "kk", "liability"),
    ("Комиссия жұмысына кедергі келтірген лауазымды адамдар тәртіптік жауаптылыққа тартылады.", "kk", "liability"),
    ("Основанием является заявление и справка о смерти, выданная органом загса.", "ru", "documents"),
    ("Для назначения помощи представляются следующие документы:", "ru", "documents"),
    ("Арызға жеке куәлігінің көшірмесі қоса беріледі.", "kk", "documents"),
    ("Көмек тағайындау құқығын растайтын құжаттар:", "kk", "documents"),
    ("Өтініш беруші АХАЖ органы берген өлім туралы анықтама ұсынады.", "kk", "documents"),   # the word as listed
])
def test_provisions_that_state_a_liability_or_name_papers(text, lang, kind):
    assert states_cue(text, lang, kind)
    other = "documents" if kind == "liability" else "liability"
    assert not states_cue(text, lang, other)


def test_a_word_beginning_is_not_counted_in_the_questions_own_word():
    from maslihat.nlp.analyze import normalize_term
    text = "Работники отдела несут ответственность за достоверность сведений."
    assert states_cue(text, "ru", "liability")
    assert not states_cue(text, "ru", "liability", frozenset({normalize_term("ответственность", "ru")}))


def test_a_list_of_papers_opens_even_in_the_questions_word():
    from maslihat.nlp.analyze import normalize_term
    asked = frozenset({normalize_term("құжаттар", "kk")})
    assert states_cue("Көмек тағайындау құқығын растайтын құжаттар:", "kk", "documents", asked)
    assert not states_cue("Арызды тиісті құжаттармен қоса тапсырады.", "kk", "documents", asked)


def test_every_kind_has_its_words_in_both_languages():
    for kind in CUE_KINDS:
        for lang in ("ru", "kk"):
            assert len(cues(lang, kind)) >= 8, (kind, lang)


@pytest.mark.parametrize("text,lang,says", [
    ("1. Настоящий Закон вводится в действие по истечении десяти дней.", "ru", True),
    ("2. Действие настоящего Кодекса не распространяется на …", "ru", True),
    ("1. Осы Заң ресми жарияланған күнінен бастап қолданысқа енгізіледі.", "kk", True),
    ("Осы Заңның күші шетелдіктерге қолданылмайды.", "kk", True),
    ("1. Акты, указанные в статье 44 настоящего Закона, регистрируются.", "ru", False),   # a part of it
    ("Осы Заңның 44-бабында көрсетілген актілер тіркеледі.", "kk", False),
    ("4. Настоящее решение вводится в действие со дня опубликования.", "ru", True),      # a decision's own end
    ("4. Осы шешім жарияланған күнінен бастап қолданысқа енгізіледі.", "kk", True),
    ("3. Опубликование настоящего решения возложить на аппарат.", "ru", False),       # not its subject
])
def test_a_provision_speaking_of_its_own_act(text, lang, says):
    from maslihat.nlp.modality import SELF
    assert states_cue(text, lang, SELF) is says
    assert sum(len(v) for v in cues(lang, SELF).values()) >= 8
