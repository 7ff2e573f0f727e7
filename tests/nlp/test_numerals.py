"""Numbers as words and digits, RU and KK: phrases of the Kokshetau regulation (seed 001) and
of maslikhat regulations generally, with the value and the exact words that read it."""
from fractions import Fraction

import pytest

from maslihat.nlp.numerals import find_numerals, parse, split_compound, values

# (language, sentence, expected [(surface, kind, norm)])
TABLE = [
    ("ru", "секретарь маслихата сообщает депутатам не позднее, чем за десять дней до сессии",
     [("десять", "cardinal", "10")]),
    ("ru", "не позднее, чем за пять дней до сессии, а в случае созыва внеочередной сессии не позднее, чем за три дня",
     [("пять", "cardinal", "5"), ("три", "cardinal", "3")]),
    ("ru", "правомочна, если на ней присутствует не менее двух третей от общего числа депутатов",
     [("двух третей", "fraction", "2/3")]),
    ("ru", "при наличии не менее трех четвертей от числа депутатов", [("трех четвертей", "fraction", "3/4")]),
    ("ru", "по предложению не менее одной трети от числа депутатов", [("одной трети", "fraction", "1/3")]),
    ("ru", "большинством не менее половины от общего числа", [("половины", "fraction", "1/2")]),
    ("ru", "Ответ на депутатский запрос должен быть дан в срок не позднее одного месяца",
     [("одного", "cardinal", "1")]),
    ("ru", "в течение 10 (десяти) календарных дней со дня", [("10 (десяти)", "cardinal", "10")]),
    ("ru", "не позднее чем за сорок пять дней до окончания срока", [("сорок пять", "cardinal", "45")]),
    ("ru", "в размере ста двадцати трех тысяч тенге", [("ста двадцати трех тысяч", "cardinal", "123000")]),
    ("ru", "уведомляются не менее чем за двое суток", [("двое", "cardinal", "2")]),
    ("ru", "заседание начинается в 14 часов", [("14", "time", "14:00")]),
    ("ru", "начало в 10.00 часов, перерыв с 13-00 до 14:00", [("10.00", "time", "10:00"), ("13-00", "time", "13:00"),
                                                           ("14:00", "time", "14:00")]),
    ("ru", "в течение 24 часов", [("24", "cardinal", "24")]),
    ("ru", "депутат маслихата III созыва, глава І, раздел IV", [("III", "roman", "3"), ("І", "roman", "1"),
                                                                ("IV", "roman", "4")]),
    ("ru", "2,5 месячных расчетных показателя и 1 000 000 тенге", [("2,5", "decimal", "2.5"),
                                                                  ("1 000 000", "cardinal", "1000000")]),
    ("ru", "двадцать пятого числа первого месяца квартала", [("двадцать пятого", "ordinal", "25"),
                                                            ("первого", "ordinal", "1")]),
    ("ru", "он вправе внести 2/3 суммы", [("2/3", "fraction", "2/3")]),
    ("kk", "сессияға кемінде он күн қалғанда", [("он", "cardinal", "10")]),
    ("kk", "мәслихат депутаттарының жалпы санының кемінде үштен екісі қатысса", [("үштен екісі", "fraction", "2/3")]),
    ("kk", "депутаттар санының кемінде төрттен үш бөлігі болған кезде", [("төрттен үш", "fraction", "3/4")]),
    ("kk", "депутаттар санының кемінде үштен бірінің ұсынысы бойынша", [("үштен бірінің", "fraction", "1/3")]),
    ("kk", "сессиядан кейін бір айдан кешіктірілмей басылады", [("бір", "cardinal", "1")]),
    ("kk", "жылына кемінде бір рет есеп береді", [("бір", "cardinal", "1")]),
    ("kk", "депутаттардың жалпы санының жартысынан астамы", [("жартысынан", "fraction", "1/2")]),
    ("kk", "кемінде қырық бес күн қалғанда", [("қырық бес", "cardinal", "45")]),
    ("kk", "отыз күндік мерзімнен кешіктірмей", [("отыз", "cardinal", "30")]),
    ("kk", "онының екеуі", [("онының", "cardinal", "10"), ("екеуі", "cardinal", "2")]),
    ("kk", "кемінде бip күн бұрын", [("бip", "cardinal", "1")]),          # Latin i and p inside the word
    ("kk", "жиырма бесінші сессиясы", [("жиырма бесінші", "ordinal", "25")]),
    ("kk", "сағат 14-те басталады, үзіліс сағат 13.00-ден", [("14-те", "time", "14:00"), ("13.00-ден", "time", "13:00")]),
    ("kk", "10 күнтізбелік күн ішінде, 5-тен кем емес", [("10", "cardinal", "10"), ("5-тен", "cardinal", "5")]),
    ("kk", "ІІІ шақырылған, IV тарау", [("ІІІ", "roman", "3"), ("IV", "roman", "4")]),
    ("kk", "жүз елу мың теңге, бір жарым ай", [("жүз елу мың", "cardinal", "150000"), ("бір жарым", "cardinal", "1.5")]),
    # pronouns and adverbs that begin like numbers are not numbers
    ("kk", "оның өкілеттігі, онда, бірге, жүзеге асырады, тоқсан сайын", []),
    # «тоқсан» with a case ending is the quarter, not ninety, whatever noun follows
    ("kk", "өткен тоқсанға айлық есептік көрсеткіштің бес есе мөлшерінде", [("бес", "cardinal", "5")]),
    ("kk", "тоқсан күн ішінде", [("тоқсан", "cardinal", "90")]),
    ("ru", "он вправе, одновременно, пятница", []),
    # act numbers are not fractions
    ("ru", "решение № 19/232-V", [("19", "cardinal", "19")]),
]


@pytest.mark.parametrize("lang,text,expected", TABLE, ids=[t[1][:40] for t in TABLE])
def test_numerals_table(lang, text, expected):
    got = [(n.text, n.kind, n.norm) for n in find_numerals(text, lang)]
    assert got == expected
    for n in find_numerals(text, lang):
        assert text[n.start:n.end] == n.text


def test_values_and_types():
    [n] = find_numerals("не менее двух третей", "ru")
    assert n.value == Fraction(2, 3) and n.written == "words"
    assert parse("десяти", "ru").value == 10
    assert parse("үштен екісі", "kk").value == Fraction(2, 3)
    assert parse("бір айдан", "kk") is None            # a number and a noun: not only a number
    assert values("за десять дней, 14-00", "ru") == ["10", "14:00"]
    # RU and KK parallel sentences read the same numbers
    assert values("не позднее, чем за десять дней до сессии, а внеочередной — за три дня", "ru") == \
        values("сессияға кемінде он күн қалғанда, ал кезектен тыс сессия шақырылған жағдайда, кемінде үш күн бұрын", "kk")


def test_compounds():
    assert split_compound("тридцатидневный", "ru") == (30, "дневный")
    assert split_compound("двухнедельного", "ru") == (2, "недельного")
    assert split_compound("депутатский", "ru") is None


def test_unknown_language_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown language"):
        find_numerals("10", "en")
