"""RU/KK fact comparison on tables of real sentence pairs: what a translator keeps must not be
flagged (words against digits, times written three ways, dates in both orders), what a
translator dropped or changed must be."""
from __future__ import annotations

import pytest

from maslihat.nlp.compare_facts import compare_facts, facts, number_value, roman_value

# (Russian, Kazakh): the same facts stated differently — no discrepancy
AGREE = [
    # numbers in words on one side, digits on the other (issue 12: «десять дней» vs «10 күн»)
    ("Решение о созыве сессии принимается за десять дней до ее проведения.",
     "Сессияны шақыру туралы шешім ол өткізілерден 10 күн бұрын қабылданады."),
    ("принимается не позднее чем за 10 дней до сессии",
     "сессияға он күннен кешіктірмей қабылданады"),
    ("Депутат маслихата может выступить по одному и тому же вопросу не более двух раз.",
     "Мәслихат депутаты бір мәселе бойынша екі реттен артық сөйлей алмайды."),
    # times of day: «14 часов» = «14-00» = «сағат 14-те»
    ("Заседание начинается в 14 часов.", "Отырыс 14-00-де басталады."),
    ("Заседание начинается в 14 часов.", "Отырыс сағат 14-те басталады."),
    ("утреннее с 10 до 14 часов, вечернее с 15-00 до 18-00",
     "таңертеңгі сағат 10-нан 14-00-ге дейін, кешкі 15-00-ден 18-00-ге дейін"),
    # dates in the Russian and the Kazakh order, with the referenced act's number
    ("В соответствии со статьей 9 Закона Республики Казахстан от 23 января 2001 года",
     "Қазақстан Республикасының 2001 жылғы 23 қаңтардағы Заңының 9 бабына сәйкес"),
    ("Указом Президента Республики Казахстан от 3 декабря 2013 года № 704",
     "Қазақстан Республикасы Президентінің 2013 жылғы 3 желтоқсандағы № 704 Жарлығына"),
    # roman numerals: convocation and session written in Cyrillic or Latin look-alikes
    ("(ХХІХ сессия, V созыв)", "(V сайланған ХХІХ сессиясы)"),
    # a letter run that OCR made from «бір» is not the digit 6
    ("Каждому депутату выдается один бюллетень.", "Әрбір депутатқа 6ip бюллетень беріледі."),
]

# the facts differ — a discrepancy, with the differing fact named
DIFFER = [
    # the sample act: «24 внеочередной» with no number in the Kazakh text
    ("Председатель 24 внеочередной сессии Кокшетауского городского маслихата",
     "Көкшетау қалалық мәслихатының кезектен тыс сессияның төрағасы", ["24"], []),
    ("Решение о созыве сессии принимается за десять дней до ее проведения.",
     "Сессияны шақыру туралы шешім ол өткізілерден 15 күн бұрын қабылданады.", [], ["15"]),
    ("Заседание начинается в 14 часов.", "Отырыс 15-00-де басталады.", ["14:00"], ["15:00"]),
    ("от 23 января 2001 года", "2001 жылғы 25 қаңтардағы", ["2001-01-23"], ["2001-01-25"]),
    ("размер не превышает 10 МРП", "мөлшері 15 АЕК аспайды", ["10"], ["15"]),
]


@pytest.mark.parametrize("ru,kk", AGREE)
def test_the_same_facts_in_other_words_agree(ru, kk):
    d = compare_facts(facts(ru, "ru"), facts(kk, "kk"))
    assert not d.differs, (d.only_a, d.only_b)


@pytest.mark.parametrize("ru,kk,only_ru,only_kk", DIFFER)
def test_a_dropped_or_changed_fact_is_flagged(ru, kk, only_ru, only_kk):
    d = compare_facts(facts(ru, "ru"), facts(kk, "kk"))
    assert [f.value for f in d.only_a] == only_ru
    assert [f.value for f in d.only_b] == only_kk


def test_word_numerals_never_accuse_alone():
    # «одного из депутатов» is a word, not a stated number: a weak fact confirms, never flags
    d = compare_facts(facts("поручить одному из депутатов", "ru"), facts("депутаттардың біріне тапсыру", "kk"))
    assert not d.differs


@pytest.mark.parametrize("a,b", [("1", "I"), ("1.", "І"), ("4", "IV"), ("29", "ХХІХ"), ("2.1", "2.1.")])
def test_section_numerals_read_as_numbers(a, b):
    assert number_value(a) == number_value(b)


def test_roman_values():
    assert roman_value("ХХІХ") == 29 and roman_value("XXXVI") == 36 and roman_value("созыв") is None
