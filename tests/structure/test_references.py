"""Citation grammar: sentences in the forms met in the seeds and the dev corpus (numbers and issuers changed:
no corpus text is copied into the repo) with the expected target."""
from __future__ import annotations

import pytest

from nlp.references import find_references
from nlp.segment import segment

from .helpers import doc


def cite(lang, sentence, surface, **target):
    return pytest.param(lang, sentence, surface, target, id=f"{lang}:{surface[:35]}")


def refs_of(lang, sentence, **kw):
    d = doc(sentence, lang, **kw)
    return find_references(d, segment(d))


def check(lang, sentence, surface, target):
    refs = refs_of(lang, sentence)
    hits = [r for r in refs if surface in r.surface or r.surface in surface]
    assert hits, [r.surface for r in refs]
    assert any(all(r.target.get(k) == v for k, v in target.items()) for r in hits), [r.target for r in hits]


GENITIVE_CHAIN_CASES = [
    cite("ru", "1. В соответствии с подпунктом 4-1 пункта 3 статьи 7 Закона Республики Казахстан «О местном "
         "государственном управлении и самоуправлении в Республике Казахстан» маслихат РЕШИЛ:",
         "подпунктом 4-1 пункта 3 статьи 7 Закона", article="7", point="3", subpoint="4-1", act_type="Закон"),
    cite("ru", "1. В соответствии с пунктом 1-1 статьи 8 Закона Республики Казахстан «О местном государственном "
         "управлении и самоуправлении в Республике Казахстан» решил:", "пунктом 1-1 статьи 8", article="8", point="1-1"),
    cite("ru", "1. Согласно подпунктом 7) статьи 40 Водного кодекса Республики Казахстан от 9 июля 2003 года.",
         "подпунктом 7) статьи 40 Водного кодекса", article="40", subpoint="7)", date="2003-07-09"),
    cite("ru", "1. В соответствии со ст.9 Закона Республики Казахстан \"О местном государственном управлении в "
         "Республике Казахстан\" решил:", "ст.9 Закона", article="9", act_type="Закон"),
    cite("ru", "1. Маслихат поручает выполнение функций, перечисленных в пункте 36 настоящего регламента.",
         "пункте 36 настоящего регламента", point="36"),
]

KK_SUFFIXED_CASES = [
    cite("kk", "1. \"Қазақстан Республикасындағы жергілікті мемлекеттік басқару және өзін-өзі басқару туралы\" "
         "Қазақстан Республикасының 2001 жылғы 23 қаңтардағы Заңының 9 бабына сәйкес шешті:",
         "Заңының 9 бабына", article="9", date="2001-01-23", act_type="Закон"),
    cite("kk", "1. «Жергілікті мемлекеттік басқару және өзін-өзі басқару туралы» 2001 жылғы 23 қаңтардағы Қазақстан "
         "Республикасы Заңының 8-бабы 3-тармағының 7) тармақшасына сәйкес шешім қабылдады:",
         "Заңының 8-бабы 3-тармағының 7) тармақшасына", article="8", point="3", subpoint="7)", date="2001-01-23"),
    cite("kk", "1. Бұл ҚР Конституциясының 87-бабына қайшы келеді.", "Конституциясының 87-бабына",
         act_type="Конституция", article="87"),
    cite("kk", "1. \"Нормативтік құқықтық актілер туралы\" Заңындағы 12-баптың 3-тармағының 5-тармақшасына сәйкес.",
         "12-баптың 3-тармағының 5-тармақшасына", article="12", point="3", subpoint="5"),
    cite("kk", "1. Мәслихат осы регламенттің 36 тармағында көрсетілген қызметтерді атқаруды тапсырады.",
         "осы регламенттің 36 тармағында", point="36"),
    cite("kk", "1. Ақмола облыстық мәслихатының 2010 жылдың 15 желтоқсанындағы \"Мәслихат регламентін бекіту "
         "туралы\" N 7-21 нөмірлі шешімінің күші жойылсын.", "N 7-21 нөмірлі шешімінің",
         act_type="решение", date="2010-12-15", number="7-21"),
]

DATE_FORM_CASES = [
    cite("ru", "1. Утратило силу решением маслихата от 20 марта 2014 года № С-24/4.", "решением", date="2014-03-20"),
    cite("ru", "1. Утратило силу решением акима области от 14 .05.2009 № 2-31.", "решением",
         date="2009-05-14", number="2-31"),
    cite("ru", "1. согласно Решению городского маслихата от «12» мая 2010 года № 5-7.",
         "Решению", date="2010-05-12"),
    cite("kk", "1. Ақмола облысы әкімінің 14.05.2009 № 2-31 шешімімен күші жойылды.", "шешімімен",
         date="2009-05-14", number="2-31"),
    cite("kk", "1. Мәслихаттың 2014 жылғы 20 наурыздағы № С-24/4 шешімімен бекітілген.", "шешімімен",
         date="2014-03-20"),
]


@pytest.mark.parametrize("lang,sentence,surface,target", GENITIVE_CHAIN_CASES + KK_SUFFIXED_CASES + DATE_FORM_CASES)
def test_citation(lang, sentence, surface, target):
    check(lang, sentence, surface, target)


LIST_CASES = [
    pytest.param("ru", "1. В соответствии со статьями 7 и 21 Закона Республики Казахстан \"О местном "
                 "государственном управлении в Республике Казахстан\" решил:", ["7", "21"], "article", id="ru-and"),
    pytest.param("ru", "1. Согласно пунктам 36–38 настоящего регламента.", ["36", "37", "38"], "point", id="ru-range"),
]


@pytest.mark.parametrize("lang,sentence,numbers,field", LIST_CASES)
def test_one_reference_per_cited_provision(lang, sentence, numbers, field):
    refs = refs_of(lang, sentence)
    assert [r.target[field] for r in refs if r.target[field]] == numbers
    assert len({(r.start, r.end) for r in refs if r.target[field]}) == 1


def test_short_name_resolves_to_full_act():
    text = ("1. Регламент разработан в соответствии со статьей 9 Закона Республики Казахстан от 23 января 2001 года "
            "\"О местном государственном управлении и самоуправлении в Республике Казахстан\" (далее – Закон).\n"
            "2. Секретарь осуществляет полномочия в соответствии со статьей 24 Закона.\n")
    refs = refs_of("ru", text)
    later = next(r for r in refs if r.target.get("article") == "24")
    assert later.target["date"] == "2001-01-23"
    assert later.cited_act_key == "law:2001-01-23:148-ii"


def test_kk_short_name():
    text = ("1. Қазақстан Республикасының 2001 жылғы 23 қаңтардағы \"Қазақстан Республикасындағы жергілікті "
            "мемлекеттік басқару және өзін-өзі басқару туралы\" Заңының (бұдан әрі – Заң) 9 бабына сәйкес.\n"
            "2. Хатшы Заңның 24 бабына сәйкес жұмыс істейді.\n")
    refs = refs_of("kk", text)
    assert refs[0].target["article"] == "9"
    later = next(r for r in refs if r.target.get("article") == "24")
    assert later.cited_act_key == "law:2001-01-23:148-ii"


@pytest.mark.parametrize("lang,sentence", [
    ("ru", "1. Настоящее решение вводится в действие по истечении десяти календарных дней."),
    ("kk", "1. Осы шешім алғашқы ресми жарияланған күнінен кейін қолданысқа енгізіледі."),
    ("ru", "1. Проект решения вносится на сессию."),
    ("kk", "1. Қазақстан Республикасының заңдарына сәйкес жұмыс істейді."),
])
def test_no_false_citation(lang, sentence):
    assert refs_of(lang, sentence) == []


def test_reference_fields():
    d = doc("1. Согласно статьи 9 Закона Республики Казахстан от 23 января 2001 года № 148-II.", "ru")
    units = segment(d)
    (r,) = find_references(d, units)
    assert r.id == f"{d.id}#ref1" and r.document_id == d.id and r.kind == "external"
    assert r.unit_id == units[0].id and d.text[r.start:r.end] == r.surface
    assert set(r.target) >= {"act_type", "title", "date", "number", "article", "point", "subpoint"}
    assert r.target["number"] == "148-II"
