"""Whether a provision permits, forbids, obliges or gives a right (nlp.modality), and the
questions that ask it (answer kind ``permission``), in Russian and Kazakh."""
import pytest

from maslihat.nlp.modality import cues, states_modality
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
