"""Requisites, dates and notes as written in Russian and Kazakh acts."""
import re

import pytest

from maslihat.core.grammar import find_dates
from maslihat.ingest.metadata import extract, parse_notes
from maslihat.ingest.requisites import find_requisite, parse_requisite


@pytest.mark.parametrize("text, iso", [
    ("от 20 марта 2014 года", "2014-03-20"),
    ("от 22 сентября 1997 г.", "1997-09-22"),
    ("от 9 мая 2000", "2000-05-09"),
    ("от «26» декабря 2001 года", "2001-12-26"),
    ("09.10.2014", "2014-10-09"),
    ("от 21 .10.2003 № 4-68", "2003-10-21"),          # OCR-spaced
    ("2014 жылғы 20 наурыздағы", "2014-03-20"),
    ("2005 жылғы 21 қаңтарда", "2005-01-21"),
    ("23 қаңтар 2001 жылы", "2001-01-23"),
    ("2007 жылғы 19 шілдеде", "2007-07-19"),
    ("2004 жылғы 21 желтоқсандағы", "2004-12-21"),
])
def test_dates(text, iso):
    assert [d.iso for d in find_dates(text)] == [iso]


def test_impossible_dates_are_ignored():
    assert find_dates("31.02.2014 және 2014 жылғы 30 ақпандағы") == []


@pytest.mark.parametrize("text, lang", [
    ("Решение маслихата от 20 марта 2014 года № 28-5 и от 09.10.2014 № 33-1", "ru"),
    ("Мәслихаттың 2014 жылғы 20 наурыздағы № 28-5 және 2005 жылғы 21 қаңтардағы шешімдері", "kk"),
])
def test_dates_of_a_text_asked_again_are_the_same_and_the_callers_own(text, lang):
    """The dates of a short text are kept between questions (issue 14): asked again, with or
    without the language, a text gives the same dates, as a list of its own that a caller may
    change; a long text (not kept) gives them too."""
    first = find_dates(text, lang)
    assert len(first) == 2 and first == sorted(first, key=lambda d: d.start)
    first.clear()
    assert find_dates(text, lang) == find_dates(text, lang) and len(find_dates(text, lang)) == 2
    assert [d.iso for d in find_dates(text)] == [d.iso for d in find_dates(text, lang)]
    long = "x " * 1500 + text
    assert [(d.iso, d.start - 3000) for d in find_dates(long, lang)] == [(d.iso, d.start) for d in find_dates(text, lang)]


REQUISITES = [
    # (requisite, adopted, number, issuer, issuer_kind, region, registration (date, number), repealed (date, number))
    ("Решение Кокшетауского городского маслихата Акмолинской области от 20 марта 2014 года № С-24/4. "
     "Зарегистрировано Департаментом юстиции Акмолинской области 28 апреля 2014 года № 4138. "
     "Утратило силу решением Кокшетауского городского маслихата Акмолинской области от 9 августа 2016 года № С-3/8.",
     "2014-03-20", "С-24/4", "Кокшетауский городской маслихат", "maslikhat", "Акмолинская область",
     ("2014-04-28", "4138"), ("2016-08-09", "С-3/8")),
    ("Решение №47-270 от 21.06.2016, Маслихат Алматинской области",
     "2016-06-21", "47-270", "маслихат Алматинской области", "maslikhat", "Алматинская область", None, None),
    ("Решение Акима Алматинской области от 23 октября 1997 г. № 10-361. Зарегистрировано управлением "
     "юстиции 3 апреля 1998 г. за № 2. Утратило силу решением Акима Алматинской области № 9-97 от 28 сентября 2004 года",
     "1997-10-23", "10-361", "аким Алматинской области", "akim", "Алматинская область",
     ("1998-04-03", "2"), ("2004-09-28", "9-97")),
    ("Решение Акима Алматинской области от 21 августа 2003 года за № 8-141. Зарегистрировано Управлением "
     "юстиции Алматинской области от 17 сентября 2003 года за № 1322",
     "2003-08-21", "8-141", "аким Алматинской области", "akim", "Алматинская область", ("2003-09-17", "1322"), None),
    ("Решение Алматинского областного маслихата от 14 апреля 2004 года № 5-41. Зарегистрировано Департаментом "
     "юстиции Алматинской области 28 мая 2004 года № 1647. Утратило силу - решением маслихата Алматинской "
     "области от 28 декабря 2010 года N 40-231",
     "2004-04-14", "5-41", "Алматинский областной маслихат", "maslikhat", "Алматинская область",
     ("2004-05-28", "1647"), ("2010-12-28", "40-231")),
    ("Ақмола облысы Көкшетау қалалық мәслихатының 2014 жылғы 20 наурыздағы № С-24/4 шешімі. Ақмола облысының "
     "Әділет департаментінде 2014 жылғы 28 сәуірде № 4138 болып тіркелді. Күші жойылды - Ақмола облысы Көкшетау "
     "қалалық мәслихатының 2016 жылғы 9 тамыздағы № С-3/8 шешімімен",
     "2014-03-20", "С-24/4", "Көкшетау қалалық мәслихаты", "maslikhat", "Ақмола облысы",
     ("2014-04-28", "4138"), ("2016-08-09", "С-3/8")),
    ("Алматы облыстық мәслихатының 2004 жылғы 22 желтоқсандағы № 13-85 шешімі. Алматы облыстық Әділет "
     "басқармасында 2005 жылғы 24 қаңтарда № 1846 тіркелген",
     "2004-12-22", "13-85", "Алматы облыстық мәслихаты", "maslikhat", "Алматы облысы", ("2005-01-24", "1846"), None),
    ("Алматы облысы мәслихатының 2008 жылғы 11 сәуірдегі № 8-58 шешімі. Алматы облысының Әділет департаментінде "
     "2008 жылғы 21 мамырда № 2009 тіркелген. Күші жойылды - Алматы облыстық мәслихатының 2008 жылғы "
     "30 желтоқсандағы № 16-106 шешімімен",
     "2008-04-11", "8-58", "Алматы облысы мәслихаты", "maslikhat", "Алматы облысы",
     ("2008-05-21", "2009"), ("2008-12-30", "16-106")),
]


@pytest.mark.parametrize("line, adopted, number, issuer, kind, region, reg, rep", REQUISITES,
                         ids=[r[0][:40] for r in REQUISITES])
def test_requisites(line, adopted, number, issuer, kind, region, reg, rep):
    m = parse_requisite(line)
    assert m.doc_type == "decision"
    assert (m.adopted_date, m.number, m.issuer, m.issuer_kind, m.region) == (adopted, number, issuer, kind, region)
    assert (m.registration and (m.registration["date"], m.registration["number"])) == (reg or None)
    assert (m.repealed_by and (m.repealed_by["date"], m.repealed_by["number"])) == (rep or None)
    assert m.status == ("repealed" if rep else "unknown")


def test_doubled_number_sign_from_ocr():
    assert parse_requisite("Решение акима Алматинской области от 14 января 1999 года N№ 1-9").number == "1-9"


def test_registration_authority_in_nominative():
    ru = parse_requisite(REQUISITES[0][0]).registration["authority"]
    kk = parse_requisite(REQUISITES[5][0]).registration["authority"]
    assert (ru, kk) == ("Департамент юстиции Акмолинской области", "Ақмола облысының Әділет департаменті")


@pytest.mark.parametrize("lines, index", [
    (["Об утверждении Регламента", "", "Решение маслихата от 20 марта 2014 года № С-24/4."], 2),
    (["Регламентін бекіту туралы", "Алматы облыстық мәслихатының 2004 жылғы 22 желтоқсандағы № 13-85 шешімі."], 1),
    # a body sentence that cites a code with a date and number is not the requisite
    (["Бекіту туралы", "", "2003 жылғы 9 шілдедегі Қазақстан Республикасының Су кодексінің 38-бабына, "
      "(Салық кодексі) 2017 жылғы 25 желтоқсандағы № 120-VI"], None),
    (["Об отмене решения", "", "1. Решение от 10 июня 1999 года отменить."], None),
])
def test_find_requisite(lines, index):
    assert find_requisite(lines) == index


NOTES_RU = """1. Общие положения

      Сноска. Название главы - в редакции решения Кокшетауского городского маслихата Акмолинской области от 09.10.2014 № С-30/3 (вводится в действие со дня официального опубликования).
      122. Текст пункта.
      Сноска. Пункт 122 - в редакции решения Кокшетауского городского маслихата Акмолинской области от 09.10.2014 № С-30/3.
      Сноска. Пункты 5, 6 и 7 исключены решением маслихата от 01.02.2015 № 33-1.
      Сноска. Приложение утратило силу решением маслихата Алматинской области от 25 декабря 2003 года за N 3-18."""

NOTES_KK = """1. Жалпы ережелер

      Ескерту. Тараудың атауы жаңа редакцияда - Ақмола облысы Көкшетау қалалық мәслихатының 09.10.2014 № С-30/3 (ресми жарияланған күннен бастап қолданысқа енгізіледі) шешімімен.
      Ескерту. 122-тармақ жаңа редакцияда - Ақмола облысы Көкшетау қалалық мәслихатының 09.10.2014 № С-30/3 шешімімен.
      Ескерту. 4-қосымшаның күші жойылды - Алматы облысы мәслихатының 2003 жылғы 25 желтоқсандағы N 3-19 шешімімен."""


@pytest.mark.parametrize("text, expected", [
    (NOTES_RU, [("2014-10-09", "С-30/3", ["chapter 1", "122"]), ("2015-02-01", "33-1", ["5", "6", "7"]),
                ("2003-12-25", "3-18", ["appendix"])]),
    (NOTES_KK, [("2014-10-09", "С-30/3", ["chapter 1", "122"]), ("2003-12-25", "3-19", ["appendix 4"])]),
], ids=["ru", "kk"])
def test_amendment_notes_grouped_by_amending_act(text, expected):
    repeal, amendments = parse_notes(text)
    assert repeal is None                     # a repealed annex does not repeal the act
    assert [(a["date"], a["number"], a["units"]) for a in amendments] == expected


@pytest.mark.parametrize("note, date, number", [
    ("Сноска. Утратило силу решением акима Алматинской области от 21 .10.2003 № 4-68.", "2003-10-21", "4-68"),
    ("Ескерту. Күші жойылды - Алматы облысы әкімінің 30.01.2004 № 1-14 шешімімен.", "2004-01-30", "1-14"),
])
def test_repeal_note_sets_status_when_the_requisite_does_not(note, date, number):
    text = f"Заголовок акта о ставках\n\n{note}\n\n1. Утвердить ставки платежей."
    m = extract(text, "ru", "x")
    assert m.status == "repealed"
    assert (m.repealed_by["date"], m.repealed_by["number"]) == (date, number)


@pytest.mark.parametrize("text, doc_type", [
    ("Регламентін бекіту туралы\n\nАлматы облыстық Мәслихат ШЕШІМ ҚАБЫЛДАДЫ:\n1. Бекітілсін.", "decision"),
    ("Об утверждении правил\n\nМаслихат РЕШИЛ:\n1. Утвердить.", "decision"),
    ("Об утверждении правил\n\nАкимат области ПОСТАНОВЛЯЕТ:\n1. Утвердить.", "resolution"),
    ("Ережелерді бекіту туралы\n\nОблыс әкімдігі ҚАУЛЫ ЕТЕДІ:\n1. Бекітілсін.", "resolution"),
    ("Мазмұны\nКіріспе\n1. Жергілікті өкілді органдар\nҚорытынды\nҚолданылған әдебиеттер", "coursework"),
    ("Содержание\nВведение\n1. Маслихаты\nЗаключение\nСписок литературы", "coursework"),
    ("Қазақстан Республикасы Парламенті Мәжілісінің депутаттарына\n2024 жылғы 5 сәуірдегі\n"
     "№ ДС – 153 депутаттық сауалға\n\nҚұрметті депутаттар!\n\nМәтін.\n\nО. Бектенов", "government_reply"),
    ("Депутатам Мажилиса Парламента\nна депутатский запрос № ДЗ-12 от 5 апреля 2024 года\n\n"
     "Уважаемые депутаты!\n\nТекст.\n\nО. Бектенов", "government_reply"),
    ("Просто заметка без реквизитов и формулы.", "other"),
])
def test_doc_type(text, doc_type):
    assert extract(text, "kk", "x").doc_type == doc_type


def test_russian_reply_extras():
    text = ("Депутатам Мажилиса Парламента\nна депутатский запрос № ДЗ-12 от 5 апреля 2024 года\n\n"
            "Уважаемые депутаты!\n\nТекст.\n\nА.Смаилов")
    m = extract(text, "ru", "x")
    assert m.extra == {"inquiry_number": "ДЗ-12", "inquiry_date": "2024-04-05", "signatory": "А. Смаилов"}
    assert m.title == "Ответ на депутатский запрос № ДЗ-12"


@pytest.mark.parametrize("text,lang,title", [
    ("ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН\nО депутатских запросах в тестовом регионе\n\nСтатья 1. Основные понятия\n\n"
     "1. Депутатский запрос вносится на сессию.\n", "ru", "О депутатских запросах в тестовом регионе"),
    ("ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ ЗАҢЫ\nТестовый өңірдегі депутаттық сауалдар туралы\n\n1-бап. Негізгі ұғымдар\n\n"
     "1. Депутаттық сауал сессияға енгізіледі.\n", "kk", "Тестовый өңірдегі депутаттық сауалдар туралы"),
    ("О правовых актах\nЗакон Республики Казахстан\n\nСтатья 1. Основные понятия\n", "ru", "О правовых актах"),
])
def test_a_bare_heading_of_the_kind_is_not_the_title(text, lang, title):
    """«ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН» on the first line of a plain-text law names its kind; the
    title is the next line (a citation by title then finds the act)."""
    from maslihat.ingest.metadata import extract
    assert extract(text, lang, fallback_title="law").title == title


@pytest.mark.parametrize("line, number, rep_number", [
    ("Закон Республики Казахстан от 8 декабря 1993 года № 2572-XII. Утратил силу Конституционным законом "
     "Республики Казахстан от 5 июня 2026 года № 300-VIII (вводится в действие с 1 июля 2026 года)",
     "2572-XII", "300-VIII"),
    ("Қазақстан Республикасының 1993 жылғы 8 желтоқсандағы № 2572-XII Заңы. Күші жойылды - Қазақстан "
     "Республикасының 2026 жылғы 5 маусымдағы № 300-VIII Конституциялық заңымен", "2572-XII", "300-VIII"),
    ("Решение маслихата Павлодарской области от 28 марта 2014 года № 257/XXIII. Утратило силу решением "
     "маслихата Павлодарской области от 18 сентября 2015 года № 389/XXXIII", "257/XXIII", "389/XXXIII"),
])
def test_a_roman_convocation_of_four_letters_and_more_is_kept_whole(line, number, rep_number):
    # «№ 300-VIII» was read as «300-VII»: a Roman suffix after a dash stopped at three letters
    m = parse_requisite(line)
    assert (m.number, m.repealed_by["number"]) == (number, rep_number)


@pytest.mark.parametrize("lang, title, rest", [
    ("ru", "Об утверждении правил погребения и организации дела по уходу за могилами",
     "Решение маслихата области от 28 августа 2019 года № 52-269. Зарегистрировано Департаментом юстиции "
     "11 сентября 2019 года № 5229. В соответствии с законом маслихат РЕШИЛ: 1. Утвердить правила. "),
    ("kk", "Облыс бойынша жерлеу және қабірлерді күтіп-ұстауды ұйымдастыру қағидаларын бекіту туралы",
     "Облыс мәслихатының 2019 жылғы 28 тамыздағы № 52-269 шешімі. Әділет департаментінде 2019 жылғы "
     "11 қыркүйекте № 5229 болып тіркелді. Заңға сәйкес мәслихат ШЕШІМ ҚАБЫЛДАДЫ: 1. Қағидалар бекітілсін. "),
])
def test_a_text_on_one_line_gives_a_bounded_title(lang, title, rest):
    # a page pasted without line breaks: the title was the whole text (7,626 characters for a real act)
    text = title + " " + rest * 30
    m = extract(text, lang, "x")
    assert m.title.startswith(title) and len(m.title) <= 400
    assert extract("маслихат " * 5000, lang, "x").title.endswith("…")


@pytest.mark.parametrize("line, issuer, kind", [
    ("Указ Президента Республики Казахстан от 3 декабря 2013 года № 704", "Президент Республики Казахстан", "president"),
    ("Қазақстан Республикасы Президентінің 2013 жылғы 3 желтоқсандағы № 704 Жарлығы",
     "Қазақстан Республикасының Президенті", "president"),
    ("Постановление Правительства Республики Казахстан от 15 апреля 1996 года № 439",
     "Правительство Республики Казахстан", "government"),
    ("Қазақстан Республикасы Үкіметінің 1996 жылғы 15 сәуірдегі № 439 қаулысы", "Қазақстан Республикасының Үкіметі",
     "government"),
    ("Закон Республики Казахстан от 6 апреля 2016 года № 480-V ЗРК", "Парламент Республики Казахстан", "parliament"),
    ("Қазақстан Республикасының 2016 жылғы 6 сәуірдегі № 480-V Заңы", "Қазақстан Республикасының Парламенті",
     "parliament"),
])
def test_a_national_issuer_is_named_in_the_nominative(line, issuer, kind):
    # was «Президента Республики Казахстан» (genitive, as the requisite has it) and, for a law,
    # «Республики Казахстан» with no kind; local issuers were already nominative
    m = parse_requisite(line)
    assert (m.issuer, m.issuer_kind, m.region) == (issuer, kind, None)


# a text hard-wrapped at 80 columns (saved from a PDF or an e-mail): the title and the requisite line
# go on on the next lines
WRAPPED = {
    "ru": ("Об установлении ставок платы за пользование водными ресурсами из поверхностных\n"
           "источников Тестовой области\n"
           "Решение Тестового областного маслихата от 25 июля 2018 года № 34-176.\n"
           "Зарегистрировано Департаментом юстиции Тестовой области 8 августа 2018 года №\n"
           "4782. Утратило силу решением Тестового областного маслихата от 23 октября\n"
           "2025 года № 42-236 (вводится в действие по истечении десяти календарных дней\n"
           "после дня его первого официального опубликования)\n\n"
           "1. Установить ставки платы согласно приложению.\n",
           "Об установлении ставок платы за пользование водными ресурсами из поверхностных источников Тестовой области",
           "34-176", "repealed"),
    "kk": ("Тестовый облысының жер үсті көздеріндегі су ресурстарын пайдаланғаны үшін\n"
           "төлемақы мөлшерлемелерін белгілеу туралы\n"
           "Тестовый облыстық мәслихатының 2018 жылғы 25 шілдедегі № 34-176 шешімі.\n"
           "Тестовый облысының Әділет департаментінде 2018 жылғы 8 тамызда № 4782 болып\n"
           "тіркелді. Күші жойылды - Тестовый облыстық мәслихатының 2025 жылғы 23 қазандағы\n"
           "№ 42-236 шешімімен\n\n"
           "1. Төлемақы мөлшерлемелері қосымшаға сәйкес белгіленсін.\n",
           "Тестовый облысының жер үсті көздеріндегі су ресурстарын пайдаланғаны үшін төлемақы мөлшерлемелерін "
           "белгілеу туралы", "34-176", "repealed"),
}


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_a_hard_wrapped_title_and_requisite_are_read_whole(lang):
    text, title, number, status = WRAPPED[lang]
    meta = extract(text, lang, "fallback")
    assert meta.title == title
    assert meta.number == number and meta.status == status


@pytest.mark.parametrize("lang,text,title", [
    ("ru", "О регламенте маслихата\nРешение маслихата Тестовой области от 1 марта 2013 года № 10-1\n\n1. Утвердить.\n",
     "О регламенте маслихата"),
    ("kk", "# Мәслихат регламенті туралы\nОсы Заң жеке тұлғалардың құқықтарын айқындайды.\n", "Мәслихат регламенті туралы"),
])
def test_a_title_line_followed_by_a_capital_stands_alone(lang, text, title):
    assert extract(text, lang, "fallback").title.lstrip("# ") == title


def _wrap80(paragraph: str) -> str:
    import textwrap
    return "\n".join(textwrap.wrap(paragraph, 80, break_long_words=False, break_on_hyphens=False))


# a whole text hard-wrapped at 80 columns: the title cut before a capital («… по» / «Тестовой области»,
# «… бекіту туралы»» / «Тестілік облыстық мәслихатының …»)
WRAPPED_TITLE = {
    "ru": ("Об утверждении правил погребения и организации дела по уходу за могилами по Тестовой области",
           "Решение маслихата Тестовой области от 26 апреля 2024 года № 20-96",
           ["В соответствии с подпунктом 2-8) пункта 2 статьи 6 Закона Республики Казахстан «О местном "
            "государственном управлении и самоуправлении в Республике Казахстан» маслихат Тестовой области "
            "РЕШИЛ:",
            "1. Утвердить Правила погребения и организации дела по уходу за могилами по Тестовой области "
            "согласно приложению к настоящему решению, с учетом типовых правил погребения.",
            "2. Настоящее решение вводится в действие по истечении десяти календарных дней после дня его "
            "первого официального опубликования и действует до особого решения маслихата."]),
    "kk": ("«Қабірлерді қарап-күту жөніндегі істі ұйымдастыру қағидаларын бекіту туралы» Тестілік облыстық "
           "мәслихатының шешіміне өзгеріс енгізу туралы",
           "Тестілік облыстық мәслихатының 2024 жылғы 26 сәуірдегі № 20-96 шешімі",
           ["«Қазақстан Республикасындағы жергілікті мемлекеттік басқару және өзін-өзі басқару туралы» "
            "Қазақстан Республикасы Заңының 6-бабының 2-тармағының 2-8) тармақшасына сәйкес Тестілік "
            "облыстық мәслихаты ШЕШІМ ҚАБЫЛДАДЫ:",
            "1. Тестілік облысы бойынша жерлеу және қабірлерді қарап-күту жөніндегі істі ұйымдастыру "
            "қағидалары осы шешімнің қосымшасына сәйкес үлгілік қағидалар ескеріле отырып бекітілсін.",
            "2. Осы шешім оның алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң "
            "қолданысқа енгізіледі және мәслихаттың ерекше шешіміне дейін қолданылады."]),
}


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_in_a_hard_wrapped_text_a_title_cut_before_a_capital_is_read_whole(lang):
    title, requisite, paragraphs = WRAPPED_TITLE[lang]
    head = _wrap80(title)
    assert "\n" in head and head.split("\n")[1][:1].isupper()       # the cut is before a capital
    text = head + "\n" + requisite + "\n\n" + "\n\n".join(_wrap80(p) for p in paragraphs) + "\n"
    meta = extract(text, lang, "fallback")
    assert meta.title == title and meta.number == "20-96"


# --- hard-wrapped texts, second pass (session 27, i-wrap2) -------------------------------------------

def _wrap(paragraph: str, width: int) -> str:
    import textwrap
    return "\n".join(textwrap.wrap(paragraph, width, break_long_words=False, break_on_hyphens=False))


# wrapped at 60 columns: the requisite's first line holds neither its number's sign with the number nor
# its act word («… от 25 июля 2018» / «года № 34-176. …», «… 25 шілдедегі №» / «34-176 шешімі. …»), and
# the title runs over two lines right above it (no blank line between)
REQUISITE_CUT = {
    "ru": ("Об установлении ставок платы за пользование водными ресурсами из поверхностных источников "
           "Тестовской области",
           "Решение Тестовского областного маслихата от 25 июля 2018 года № 34-176. Зарегистрировано "
           "Департаментом юстиции Тестовской области 8 августа 2018 года № 4782. Утратило силу решением "
           "Тестовского областного маслихата от 23 октября 2025 года № 42-236",
           ["В соответствии со статьей 6 Закона Республики Казахстан «О местном государственном управлении "
            "и самоуправлении в Республике Казахстан» и статьей 569 Кодекса Республики Казахстан «О налогах "
            "и других обязательных платежах в бюджет» Тестовский областной маслихат РЕШИЛ:",
            "1. Установить ставки платы за пользование водными ресурсами из поверхностных источников "
            "Тестовской области согласно приложению к настоящему решению.",
            "2. Настоящее решение вводится в действие по истечении десяти календарных дней после дня его "
            "первого официального опубликования."]),
    "kk": ("Тестілік облысының жер үсті көздерінен су ресурстарын пайдаланғаны үшін төлемақы "
           "мөлшерлемелерін белгілеу туралы",
           "Тестілік облыстық мәслихатының 2018 жылғы 25 шілдедегі № 34-176 шешімі. Тестілік облысының "
           "Әділет департаментінде 2018 жылғы 8 тамызда № 4782 болып тіркелді. Күші жойылды - Тестілік "
           "облыстық мәслихатының 2025 жылғы 23 қазандағы № 42-236 шешімімен",
           ["«Қазақстан Республикасындағы жергілікті мемлекеттік басқару және өзін-өзі басқару туралы» "
            "Қазақстан Республикасы Заңының 6-бабына және «Салық және бюджетке төленетін басқа да міндетті "
            "төлемдер туралы» Қазақстан Республикасы Кодексінің 569-бабына сәйкес Тестілік облыстық мәслихаты "
            "ШЕШІМ ҚАБЫЛДАДЫ:",
            "1. Тестілік облысының жер үсті көздерінен су ресурстарын пайдаланғаны үшін төлемақы "
            "мөлшерлемелері осы шешімнің қосымшасына сәйкес белгіленсін.",
            "2. Осы шешім оның алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң "
            "қолданысқа енгізіледі."]),
}


def _requisite_cut(lang: str) -> str:
    title, requisite, paragraphs = REQUISITE_CUT[lang]
    text = _wrap(title, 60) + "\n" + _wrap(requisite, 60) + "\n\n" + "\n\n".join(_wrap(p, 60) for p in paragraphs)
    first = _wrap(requisite, 60).split("\n")[0]
    assert not re.search(r"№\s*\d|шешімі", first)           # the cut took the number or the act word
    return text + "\n"


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_a_requisite_whose_number_or_act_word_the_wrap_cut_off_is_read(lang):
    meta = extract(_requisite_cut(lang), lang, "fallback")
    assert meta.title == REQUISITE_CUT[lang][0]
    assert (meta.adopted_date, meta.number, meta.status) == ("2018-07-25", "34-176", "repealed")


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_the_citations_of_a_wrapped_requisite_are_not_the_preambles(lang):
    from maslihat.corpus.build import build
    from maslihat.core.model import Document
    text = _requisite_cut(lang)
    meta = extract(text, lang, "fallback")
    d = Document(id=f"t/doc/{lang}", source="test", part=0, language=lang, doc_type="decision", title=meta.title,
                 text=text)
    numbers = {r.target.get("number") for r in build(d).refs}
    assert not numbers & {"34-176", "4782", "42-236"}        # the act itself, its registration, its repeal
    assert any(r.target.get("article") == "569" for r in build(d).refs)     # the preamble's are read


# a title as long as the width, its last line cut there, then a blank line and the preamble beginning
# with a capital: the title ends at the blank line
TITLE_THEN_PREAMBLE = {
    "ru": ("Об утверждении ставок платы за эмиссии в окружающую среду",
           "В соответствии со статьей 576 Кодекса Республики Казахстан «О налогах и других обязательных "
           "платежах в бюджет» и статьей 6 Закона Республики Казахстан «О местном государственном управлении "
           "и самоуправлении в Республике Казахстан» Тестовский областной маслихат РЕШИЛ:"),
    "kk": ("Облыс бюджетіне жеке төлемдер бойынша ставканы бекіту туралы",
           "Қазақстан Республикасының «Қазақстан Республикасындағы жергілікті мемлекеттік басқару туралы» "
           "Заңының 6-бабы негізінде және Қазақстан Республикасының «Салық және бюджетке төленетін басқа да "
           "міндетті төлемдер туралы» Кодексіне сәйкес Тестілік облыстық мәслихаты ШЕШІМ ҚАБЫЛДАДЫ:"),
}


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_a_wrapped_title_ends_at_the_blank_line_before_the_preamble(lang):
    from maslihat.core.wrapped import cut_at_width, wrap_width
    title, preamble = TITLE_THEN_PREAMBLE[lang]
    body = _wrap(preamble, 60)
    text = title + "\n\n" + body + "\n\n" + _wrap(REQUISITE_CUT[lang][2][1], 60) + "\n"
    width = wrap_width(len(x) for x in text.split("\n") if x.strip())
    assert width and cut_at_width(title, body.split()[0], width)      # the title's line looks cut there
    assert extract(text, lang, "fallback").title == title


@pytest.mark.parametrize("line, issuer, authority", [
    ("Приказ Министра финансов Республики Казахстан от 30 марта 2015 года № 219. Зарегистрирован в Министерстве "
     "юстиции Республики Казахстан 30 апреля 2015 года № 10954.", "Министр финансов Республики Казахстан",
     "Министерство юстиции Республики Казахстан"),
    ("Қазақстан Республикасы Қаржы министрінің 2015 жылғы 30 наурыздағы № 219 бұйрығы. Қазақстан Республикасының "
     "Әділет министрлігінде 2015 жылы 30 сәуірде № 10954 болып тіркелді.", "Қазақстан Республикасының Қаржы министрі",
     "Қазақстан Республикасының Әділет министрлігі"),
    ("Приказ исполняющего обязанности Министра национальной экономики Республики Казахстан от 27 марта 2015 года "
     "№ 260", "исполняющий обязанности Министра национальной экономики Республики Казахстан", None),
    ("Приказ Председателя Комитета по статистике Министерства национальной экономики Республики Казахстан от 1 июля "
     "2016 года № 10", "Председатель Комитета по статистике Министерства национальной экономики Республики Казахстан",
     None),
    ("Қазақстан Республикасы Ұлттық экономика министрінің 2015 жылғы 27 наурыздағы № 260 бұйрығы",
     "Қазақстан Республикасының Ұлттық экономика министрі", None),
])
def test_a_ministers_order_names_its_issuer_and_registrar_in_the_nominative(line, issuer, authority):
    # were «Министра финансов …», «Қазақстан Республикасы Қаржы министрінің» (as the requisite has them) and
    # «Министерстве юстиции …» (the prepositional of «Зарегистрирован в …»)
    m = parse_requisite(line)
    assert (m.doc_type, m.issuer, m.issuer_kind) == ("order", issuer, "ministry")
    assert (m.registration or {}).get("authority") == authority


@pytest.mark.parametrize("line, kind", [
    ("Постановление акимата Тестового района Тестовой области от 15 февраля 2021 года № 34", "akimat"),
    ("Тестовый облысы Тестовый ауданы әкімдігінің 2021 жылғы 15 ақпандағы № 34 қаулысы", "akimat"),
    ("Решение акима Тестового района Тестовой области от 10 марта 2021 года № 5", "akim"),
    ("Тестовый ауданы әкімінің 2021 жылғы 10 наурыздағы № 5 шешімі", "akim"),
])
def test_an_akimats_act_is_the_akimats_where_the_place_is_unknown(line, kind):
    # «акимат» and «аким» both start the issuer: the kind was the alphabetically first, «akim»
    assert parse_requisite(line).issuer_kind == kind


@pytest.mark.parametrize("lang, text, issuer, kind", [
    ("ru", "Депутатам Мажилиса Парламента\nна депутатский запрос № ДЗ-153 от 5 апреля 2024 года\n\nУважаемые депутаты!\n\n"
           "Рассмотрев Ваш запрос, сообщаем следующее.\n\nЗаместитель Премьер-Министра\nРеспублики Казахстан"
           "                 А. Тестов\n", "Заместитель Премьер-Министра Республики Казахстан", "government"),
    ("kk", "Мәжіліс депутаттарына\n2024 жылғы 5 сәуірдегі № ДС-153 депутаттық сауалға\n\nҚұрметті депутаттар!\n\n"
           "Сауалыңызды қарап, келесіні хабарлаймын.\n\nҚазақстан Республикасының\nҚаржы министрі          М. Тестов\n",
     "Қазақстан Республикасының Қаржы министрі", "ministry"),
    ("ru", "Депутату маслихата\nна депутатский запрос № ДЗ-7 от 1 марта 2024 года\n\nУважаемый депутат!\n\n"
           "Рассмотрев Ваш запрос, сообщаем следующее.\n\nАким Тестовой области          Б. Тестов\n",
     "Аким Тестовой области", "akim"),
    ("kk", "Мәжіліс депутаттарына\n2024 жылғы 5 сәуірдегі № ДС-153 депутаттық сауалға\n\nҚұрметті депутаттар!\n\n"
           "Үкімет бұл мәселені қарады.\n\n                         О. Тестов\n", None, "government"),
])
def test_a_reply_is_issued_by_the_position_that_signs_it(lang, text, issuer, kind):
    # was: issuer none, and the kind «government» only where the text named the Government
    m = extract(text, lang, "x")
    assert (m.doc_type, m.issuer, m.issuer_kind) == ("government_reply", issuer, kind)
