"""Grammar rules of segmentation, pinned on lines of the seeds (and forms met in the dev corpus, reworded), RU and KK."""
from __future__ import annotations

import pytest

from maslihat.nlp.segment import _tokenize, segment

from .helpers import doc


def token(line, kind, number):
    return pytest.param(line, kind, number, id=f"{kind}:{number}:{line[:25]}")


LINE_TOKEN_CASES = [
    token("22. Председатель сессии маслихата предоставляет слово", "point", "22"),
    token("22. Мәслихат сессиясының төрағасы сөз береді", "point", "22"),
    token("1) для докладов до 45 минут;", "subpoint", "1)"),
    token("1) баяндамалар үшін 45 минутқа дейін;", "subpoint", "1)"),
    token("2.1. Сессии маслихата", "dotted", "2.1"),
    token("6.3. Мәслихаттың тұрақты комиссиялары", "dotted", "6.3"),
    token("3.2 .Осы Ережеде көмек көрсетіледі", "dotted", "3.2"),
    token("4.1.Өтініш жазбаша беріледі", "dotted", "4.1"),
    token("РАЗДЕЛ 1. ОБЩИЕ ПОЛОЖЕНИЯ", "section", "1"),
    token("І БӨЛІМ. ЖАЛПЫ ЕРЕЖЕЛЕР", "section", "І"),
    token("Глава 3. Постоянные комиссии маслихата", "chapter", "3"),
    token("4 Тарау. Мәслихаттың тұрақты комиссиялары", "chapter", "4"),
    token("2-тарау. Сессияларды өткізу тәртібі", "chapter", "2"),
    token("Статья 6. Компетенция маслихатов", "article", "6"),
    token("6-бап. Мәслихаттардың құзыреті", "article", "6"),
    token("ІІ. ПОРЯДОК РАБОТЫ КОМИССИИ", "rchapter", "ІІ"),
    token("І.1. Көмек мына түрде көрсетіледі:", "rpoint", "І.1"),
    token("VI.7. Облыстық басқарма есеп береді.", "rpoint", "VI.7"),
    token("Сноска. Пункт 122 - в редакции решения", "note", None),
    token("Ескерту. 122-тармақ жаңа редакцияда", "note", None),
    token("РҚАО ескертпесі.", "note", None),
    token("Выступления производятся с трибуны.", "text", None),
]


@pytest.mark.parametrize("line,kind,number", LINE_TOKEN_CASES)
def test_line_token(line, kind, number):
    k, n, _ = _tokenize(line)
    assert (k, n) == (kind, number)


def mini(lines: list[str], lang="ru") -> str:
    return "Заголовок акта\n\n" + "\n".join(lines) + "\n"


def case(lines, lang, expect, id_):
    return pytest.param(lines, lang, expect, id=id_)


# `N. Title` is a heading when it is short and does not continue the point sequence
HEADING_VS_POINT_CASES = [
    case(["1. Общие положения", "1. Настоящий регламент разработан.", "2. Маслихат – выборный орган.",
          "2. Порядок проведения сессии маслихата", "2.1. Сессии маслихата", "3. Основной формой является сессия."],
         "ru", [("chapter", "1"), ("point", "1"), ("point", "2"), ("chapter", "2"), ("subchapter", "2.1"),
                ("point", "3")], "ru-regulation"),
    case(["1. Жалпы ережелер", "1. Осы регламент әзірленді.", "2. Мәслихат – сайланбалы орган.",
          "2. Мәслихат сессияларын өткізу тәртібі", "2.1. Мәслихат сессиялары", "3. Сессия негізгі нысаны."],
         "kk", [("chapter", "1"), ("point", "1"), ("point", "2"), ("chapter", "2"), ("subchapter", "2.1"),
                ("point", "3")], "kk-regulation"),
    # a heading may end with a full stop (seed 001 `2.2. Порядок голосования … маслихата.`)
    case(["1. Заседания проводятся в рабочее время.", "2.2. Порядок голосования на сессии городского маслихата.",
          "2. Тайное голосование проводится путем подачи бюллетеней."],
         "ru", [("point", "1"), ("chapter", "2.2"), ("point", "2")], "heading-with-period"),
    # dotted points of rules (12065): `1.1.` followed by `1.2.` are points
    case(["I. Жалпы Ереже", "1.1. Көмек мына түрде көрсетіледі:", "1.2. Жерлеуге көмек көрсетіледі.",
          "II. Баланың тууына көмек"], "kk", [("chapter", "I"), ("point", "1.1"), ("point", "1.2"), ("chapter", "II")],
         "dotted-points"),
    # short point ending the sequence stays a point
    case(["1. Утвердить правила.", "2. Контроль возложить на комиссию", "3. Решение вводится в действие."],
         "ru", [("point", "1"), ("point", "2"), ("point", "3")], "short-points"),
]


@pytest.mark.parametrize("lines,lang,expect", HEADING_VS_POINT_CASES)
def test_heading_vs_point(lines, lang, expect):
    units = segment(doc(mini(lines), lang))
    got = [(u.kind, u.number) for u in units if u.kind in ("chapter", "subchapter", "point")]
    assert got == expect


SUBPOINT_LABEL_CASES = [
    pytest.param("ru", "decision", ["22. Выступления:", "1) для докладов;", "2) для содоклада;"],
                 ["п. 22", "пп. 1) п. 22", "пп. 2) п. 22"], id="ru-point"),
    pytest.param("kk", "decision", ["22. Сөз сөйлеу:", "1) баяндамалар үшін;", "2) қосымша баяндамаға;"],
                 ["22-тармақ", "22-тармақтың 1) тармақшасы", "22-тармақтың 2) тармақшасы"], id="kk-point"),
    pytest.param("ru", "law", ["Статья 6. Компетенция маслихатов", "1. Маслихат:", "1) утверждает планы;"],
                 ["ст. 6", "ст. 6 п. 1", "ст. 6 п. 1 пп. 1)"], id="ru-article"),
    pytest.param("kk", "law", ["6-бап. Мәслихаттардың құзыреті", "1. Мәслихат:", "1) жоспарларды бекітеді;"],
                 ["6-бап", "6-баптың 1-тармағы", "6-баптың 1-тармағының 1) тармақшасы"], id="kk-article"),
]


@pytest.mark.parametrize("lang,doc_type,lines,labels", SUBPOINT_LABEL_CASES)
def test_labels(lang, doc_type, lines, labels):
    units = segment(doc(mini(lines), lang, doc_type))
    assert [u.label for u in units if u.kind in ("article", "point", "subpoint")] == labels


def test_notes_attach_to_what_they_annotate():
    text = mini(["1. Общие положения", "Сноска. Название главы - в редакции решения.",
                 "1. Настоящий регламент разработан.", "2. Маслихат избирается.",
                 "Сноска. Пункт 2 - в редакции решения."])
    units = segment(doc(text))
    by_id = {u.id: u for u in units}
    parents = [(by_id[u.parent_id].kind, by_id[u.parent_id].number) for u in units if u.kind == "note"]
    assert parents == [("chapter", "1"), ("point", "2")]


def test_unnumbered_paragraph_belongs_to_point_not_subpoint():
    text = mini(["19. Время для выступлений:", "1) для докладов до 45 минут;", "2) для содоклада до 20 минут.",
                 "Выступления производятся с трибуны."])
    units = segment(doc(text))
    by_id = {u.id: u for u in units}
    part = next(u for u in units if u.kind == "part")
    assert by_id[part.parent_id].number == "19"


def test_kk_wrapped_subpoint_is_one_unit():
    text = mini(["40. Жоба қайтарылады:", "1) жоғары органдардың нормативтік құқықтық актілеріне",
                 "      сәйкессіздік анықталғанда;", "2) жоба мәтінінің бірдейсіздік анықталғанда."], "kk")
    subs = [u for u in segment(doc(text, "kk")) if u.kind == "subpoint"]
    assert [u.number for u in subs] == ["1)", "2)"]
    assert "сәйкессіздік" in doc(text, "kk").text[subs[0].start:subs[0].end]


@pytest.mark.parametrize("text", ["", "   \n\n", "просто текст", "1.", ")))", "Статья", "1) а\n2) б",
                                  "\n\n\n1. \n2)\nСноска.\n"])
def test_never_crashes(text):
    for dt in ("decision", "law", "coursework", "government_reply", "other"):
        units = segment(doc(text, doc_type=dt))
        for u in units:
            assert 0 <= u.start <= u.end <= len(text)


@pytest.mark.parametrize("lang,text", [
    ("ru", "Об утверждении положения\n\nПОСТАНОВЛЯЮ:\n\n1. Утвердить положение.\n\n"
           "2. Настоящий Указ вводится в действие со дня опубликования.\n\n"
           "Президент Республики Казахстан\n\nН. НАЗАРБАЕВ\n"),
    ("kk", "Ережені бекіту туралы\n\nҚАУЛЫ ЕТЕМІН:\n\n1. Ереже бекітілсін.\n\n"
           "2. Осы Жарлық жарияланған күнінен бастап қолданысқа енгізіледі.\n\n"
           "Қазақстан Республикасының Президенті\n\nН. НАЗАРБАЕВ\n"),
])
def test_a_surname_in_capitals_signs_the_act_instead_of_continuing_its_last_point(lang, text):
    units = segment(doc(text, lang, doc_type="decree"))
    last = [u for u in units if u.kind == "point"][-1]
    sig = [u for u in units if u.kind == "signature"]
    assert sig and "НАЗАРБАЕВ" in text[sig[0].start:sig[0].end]
    assert last.end <= sig[0].start and not [u for u in units if u.parent_id == last.id]


@pytest.mark.parametrize("line", ["I. ВВЕДЕНИЕ", "І. КІРІСПЕ", "V. ЗАКЛЮЧЕНИЕ"])
def test_a_roman_numeral_heading_in_capitals_is_not_a_name(line):
    import re

    from maslihat.nlp import patterns as P
    assert not re.match(P.NAME_LINE, line)


@pytest.mark.parametrize("lang, text", [
    ("ru", "Об утверждении правил\n\n1. Утвердить правила согласно приложению 1 и форму согласно приложению 2.\n\n"
           "Председатель сессии\n\nЖ. Шаймарданов\n\n"
           "Приложение 1\nк решению маслихата\nот 9 декабря 2016 года № 8/84-VI\n\nПравила выдачи\n\n"
           "1. Удостоверение выдается.\n\n2. Удостоверение возвращается.\n\n\n\n"
           "Приложение 2\nк решению маслихата\nот 9 декабря 2016 года № 8/84-VI\n\nОбложка удостоверения\n\n\n"),
    ("kk", "Қағидаларды бекіту туралы\n\n1. 1-қосымшаға сәйкес қағидалар және 2-қосымшаға сәйкес нысан бекітілсін.\n\n"
           "Сессия төрағасы\n\nЖ. Шаймарданов\n\n"
           "Облыстық мәслихаттың\n2016 жылғы 9 желтоқсандағы\n№ 8/84-VI шешіміне\n1-қосымша\n\nБеру қағидалары\n\n"
           "1. Куәлік беріледі.\n\n2. Куәлік қайтарылады.\n\n\n\n"
           "Облыстық мәслихаттың\n2016 жылғы 9 желтоқсандағы\n№ 8/84-VI шешіміне\n2-қосымша\n\nКуәлік мұқабасы\n\n\n"),
])
def test_a_unit_text_ends_at_its_last_character_not_at_the_blank_lines_after_it(lang, text):
    # an appendix ran to the next appendix's start, its text[start:end] ending in «\n\n»
    d = doc(text, lang)
    units = segment(d)
    apps = [u for u in units if u.kind == "appendix"]
    assert len(apps) == 2
    for u in units:
        seg = d.text[u.start:u.end]
        assert seg == seg.strip(), (u.kind, u.label, seg[-20:])
