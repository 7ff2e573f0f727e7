"""The positions that sign a decision are its signature, not the last point's paragraphs, also when the
official text drops the names («Облыстық мәслихат / сессиясының төрағасы / хатшысы»), when the position
lines are one long line, or when the name follows the line to sign on («________С.Чурегеев»); and a
Kazakh stamp whose act's title runs over many short lines opens the appendix. Before, the last point
kept the signatures and the stamp, a reader showed them as the point's text, and a reference in the
stamp stood in no unit. RU and KK; the words are data (``nlp.patterns.SIGNATURE_HEADS`` / ``_WORDS``)."""
from __future__ import annotations

import pytest

from maslihat.nlp.segment import segment
from tests.structure.helpers import doc

KK = """Жарнама үшін төлем ставкаларын белгілеу туралы

Облыстық мәслихат ШЕШІМ ҚАБЫЛДАДЫ:

1. Сыртқы жарнаманы орналастырғаны үшін төлем ставкалары қосымшаға сәйкес белгіленсін.

2. Осы шешім алғаш ресми жарияланғаннан кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі.

Облыстық мәслихат Облыстық мәслихатының

сессиясының төрағасы хатшысы

Алматы облыстық мәслихатының
2008 жылғы 10 сәуірдегі "Жергілікті маңызы
бар жалпыға ортақ пайдаланылатын автомобиль
жолдарының бөлінген белдеуінде сыртқы
жарнаманы орналастырғаны үшін төлем
ставкаларын белгілеу туралы"
N 8-57 шешіміне қосымша

Жарнама объектілері бойынша төлем ставкалары

1\t2 шаршы метрге дейінгі\t4
"""

RU = """Об установлении ставок платы за наружную рекламу

Областной маслихат РЕШИЛ:

1. Установить ставки платы за наружную рекламу согласно приложению.

2. Настоящее решение вводится в действие по истечении десяти календарных дней после его первого официального опубликования.

Председатель сессии Алматинского областного маслихата, секретарь Алматинского областного маслихата

С.Дюсембинов
"""

RU_UNDERSCORE = """Об утверждении ставок платежей

Областной маслихат РЕШИЛ:

1. Утвердить ставки платежей за загрязнение окружающей среды согласно приложения.

Председатель сессии Областного Маслихата

________С.Чурегеев

Секретарь Областного Маслихата

___________Е.Жунусбеков

Приложение 1 к решению
Алматинского областного маслихата
от 26 декабря 2002 года N 31-171

Ставки платежей

1\tВыбросы\t10
"""

KK_ANNEX = """Учаскелік комиссиялар туралы Ережені келісу туралы

Облыстың мәслихаты ШЕШІМ ҚАБЫЛДАДЫ:

1. Учаскелік комиссиялар туралы Ереже келісілсін.

2. Облыстық мәслихаттың N 20-136 шешімінің күші жойылсын.

Алматы облыстық

Мәслихаты сессиясының

төрағасы

Алматы облыстық

Мәслихатының хатшысы

Учаскелік комиссиялар туралы ЕРЕЖЕ

I. ЖАЛПЫ ЕРЕЖЕЛЕР

1.1. Осы Ереже учаскелік комиссиялардың қызметін реттейді.
"""


def _units(text: str, lang: str):
    d = doc(text, lang)
    return d, segment(d)


def _last_point(units):
    """The decision's last point: the last one before its signature."""
    sig = min((u.start for u in units if u.kind == "signature"), default=10 ** 9)
    return [u for u in units if u.kind == "point" and "/appendix" not in u.id and u.end <= sig][-1]


@pytest.mark.parametrize("text,lang,last_words,signed", [
    (KK, "kk", "қолданысқа енгізіледі.", "сессиясының төрағасы хатшысы"),
    (RU, "ru", "официального опубликования.", "секретарь Алматинского областного маслихата"),
    (RU_UNDERSCORE, "ru", "согласно приложения.", "Е.Жунусбеков"),
    (KK_ANNEX, "kk", "шешімінің күші жойылсын.", "Мәслихатының хатшысы"),     # an annex's title, no caption
])
def test_the_signing_positions_are_the_signature_not_the_last_point(text, lang, last_words, signed):
    d, units = _units(text, lang)
    point = _last_point(units)
    assert d.text[point.start:point.end].rstrip().endswith(last_words), d.text[point.start:point.end]
    assert not [u for u in units if u.parent_id == point.id], "no paragraphs of signatures under the point"
    sig = [u for u in units if u.kind == "signature"]
    assert sig and any(signed in d.text[u.start:u.end] for u in sig), [d.text[u.start:u.end] for u in sig]


def test_a_kazakh_stamp_set_in_a_narrow_column_opens_the_appendix():
    d, units = _units(KK, "kk")
    app = [u for u in units if u.kind == "appendix"]
    assert len(app) == 1
    assert d.text[app[0].start:].startswith("Алматы облыстық мәслихатының\n2008 жылғы 10 сәуірдегі")
    assert all(u.end <= app[0].start for u in units if u.kind == "signature")


@pytest.mark.parametrize("text,lang", [
    # a short paragraph after the last point that says something is not a signature
    ("Решение\n\nОбластной маслихат РЕШИЛ:\n\n1. Утвердить правила.\n\nКонтроль возложить на постоянную комиссию\n", "ru"),
    # a position line, then framing words and a paragraph that says something: no signature, no stamp
    ("Решение\n\nОбластной маслихат РЕШИЛ:\n\n1. Утвердить правила.\n\nСекретарь маслихата\n\nОбластной маслихат\n\n"
     "Правила вступают в силу после опубликования\n", "ru"),
    # positions inside a provision: the law's list of who signs which act
    ("Заң\n\n1-бап. Қол қою\n\n1. Актілерге мыналар қол қояды:\n\n4) мәслихат шешімдеріне – мәслихат сессиясының "
     "төрағасы және мәслихат хатшысы;\n\n5) әкімдік қаулыларына – әкім.\n", "kk"),
])
def test_provisions_that_name_positions_stay_provisions(text, lang):
    d, units = _units(text, lang)
    assert not [u for u in units if u.kind == "signature"], [(u.kind, d.text[u.start:u.end]) for u in units]
