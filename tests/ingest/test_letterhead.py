"""Acts laid out as printed: a user's own decision opens with a letterhead — the body's name, the act
word, the date and number, the place, on short lines of their own, in any order, Russian or Kazakh,
with or without blank lines, or both languages side by side (a two-column header flattened) — and
the title is the line under it. The requisite line standing above the title («Решение … маслихата
от … № …» / title) has the title under it. The adilet layout (title, then requisite) reads as before."""

import pytest

from maslihat.ingest.metadata import extract
from tests.exported import exported

TITLE_RU = "Об утверждении отчета об исполнении районного бюджета за 2019 год"
TITLE_KK = "2019 жылға арналған аудандық бюджеттің атқарылуы туралы есепті бекіту туралы"
BODY_RU = ("В соответствии с подпунктом 1) пункта 1 статьи 6 Закона Республики Казахстан «О местном "
           "государственном управлении и самоуправлении в Республике Казахстан» районный маслихат РЕШИЛ:\n"
           "1. Утвердить отчет об исполнении районного бюджета за 2019 год.\n"
           "2. Настоящее решение вводится в действие со дня его первого официального опубликования.")
BODY_KK = ("«Қазақстан Республикасындағы жергілікті мемлекеттік басқару және өзін-өзі басқару туралы» "
           "Қазақстан Республикасы Заңының 6-бабына сәйкес аудандық мәслихат ШЕШІМ ҚАБЫЛДАДЫ:\n"
           "1. 2019 жылға арналған аудандық бюджеттің атқарылуы туралы есеп бекітілсін.\n"
           "2. Осы шешім алғашқы ресми жарияланған күнінен бастап қолданысқа енгізіледі.")


def _lines(*xs, blank: bool) -> str:
    return ("\n\n" if blank else "\n").join(xs)


def _check(meta, title, issuer, lang="ru", region=None):
    assert meta.title == title
    assert meta.issuer == issuer
    assert meta.issuer_kind == "maslikhat"
    assert meta.region == region
    assert meta.adopted_date == "2020-03-12"
    assert meta.number == "45-3"
    assert meta.doc_type == "decision"


@pytest.mark.parametrize("blank", [False, True])
@pytest.mark.parametrize("date_ru, date_kk", [
    ("от 12 марта 2020 года № 45-3", "2020 жылғы 12 наурыздағы № 45-3"),
    ("12.03.2020 г. № 45-3", "12.03.2020 ж. № 45-3"),
])
def test_letterhead_states_the_requisites_and_the_title_is_under_it(blank, date_ru, date_kk):
    ru = _lines("ТЕСТОВЫЙ РАЙОННЫЙ МАСЛИХАТ", "РЕШЕНИЕ", date_ru, TITLE_RU, BODY_RU, blank=blank)
    _check(extract(ru, "ru", "fallback"), TITLE_RU, "Тестовый районный маслихат")
    kk = _lines("ТЕСТОВЫЙ АУДАНДЫҚ МӘСЛИХАТЫ", "ШЕШІМ", date_kk, TITLE_KK, BODY_KK, blank=blank)
    _check(extract(kk, "kk", "fallback"), TITLE_KK, "Тестовый аудандық мәслихаты")


def test_letterhead_lines_in_any_order_with_a_place_line():
    ru = _lines("РЕШЕНИЕ", "АЛМАТИНСКИЙ ОБЛАСТНОЙ МАСЛИХАТ", "г. Талдыкорган", "от 12 марта 2020 года № 45-3",
                TITLE_RU, BODY_RU, blank=False)
    _check(extract(ru, "ru", "fallback"), TITLE_RU, "Алматинский областной маслихат", region="Алматинская область")
    kk = _lines("АЛМАТЫ ОБЛЫСТЫҚ МӘСЛИХАТЫ", "2020 жылғы 12 наурыздағы № 45-3", "Талдықорған қ.", "ШЕШІМ",
                TITLE_KK, BODY_KK, blank=True)
    _check(extract(kk, "kk", "fallback"), TITLE_KK, "Алматы облыстық мәслихаты", region="Алматы облысы")


def test_letterhead_of_an_akim_and_in_the_genitive():
    ru = _lines("АКИМ АЛМАТИНСКОЙ ОБЛАСТИ", "РЕШЕНИЕ", "от 12 марта 2020 года № 45-3", TITLE_RU, BODY_RU, blank=False)
    m = extract(ru, "ru", "fallback")
    assert (m.issuer, m.issuer_kind, m.region, m.title) == ("аким Алматинской области", "akim", "Алматинская область",
                                                            TITLE_RU)
    ru = _lines("РЕШЕНИЕ ТЕСТОВОГО РАЙОННОГО МАСЛИХАТА", "от 12 марта 2020 года № 45-3", TITLE_RU, BODY_RU, blank=True)
    _check(extract(ru, "ru", "fallback"), TITLE_RU, "Тестовый районный маслихат")
    kk = _lines("ТЕСТОВЫЙ АУДАНДЫҚ МӘСЛИХАТЫНЫҢ ШЕШІМІ", "2020 жылғы 12 наурыздағы № 45-3", TITLE_KK, BODY_KK,
                blank=False)
    _check(extract(kk, "kk", "fallback"), TITLE_KK, "Тестовый аудандық мәслихаты")


@pytest.mark.parametrize("sep", ["     ", " "])     # as printed, or after the spaces were collapsed
def test_two_column_letterhead_is_read_in_the_documents_language(sep):
    head = [f"ТЕСТОВЫЙ АУДАНДЫҚ МӘСЛИХАТЫ{sep}ТЕСТОВЫЙ РАЙОННЫЙ МАСЛИХАТ", f"ШЕШІМ{sep}РЕШЕНИЕ",
            f"Көкшетау қ.{sep}г. Кокшетау"]
    ru = _lines(*head, "от 12 марта 2020 года № 45-3", TITLE_RU, BODY_RU, blank=False)
    _check(extract(ru, "ru", "fallback"), TITLE_RU, "Тестовый районный маслихат")
    kk = _lines(*head, "2020 жылғы 12 наурыздағы № 45-3", TITLE_KK, BODY_KK, blank=True)
    _check(extract(kk, "kk", "fallback"), TITLE_KK, "Тестовый аудандық мәслихаты")


def test_bilingual_letterhead_blocks_one_after_the_other():
    head = ["ТЕСТОВЫЙ АУДАНДЫҚ МӘСЛИХАТЫ", "ШЕШІМ", "ТЕСТОВЫЙ РАЙОННЫЙ МАСЛИХАТ", "РЕШЕНИЕ"]
    ru = _lines(*head, "12.03.2020 г. № 45-3", "г. Кокшетау", TITLE_RU, BODY_RU, blank=True)
    _check(extract(ru, "ru", "fallback"), TITLE_RU, "Тестовый районный маслихат")
    kk = _lines(*head, "12.03.2020 ж. № 45-3", "Көкшетау қ.", TITLE_KK, BODY_KK, blank=False)
    _check(extract(kk, "kk", "fallback"), TITLE_KK, "Тестовый аудандық мәслихаты")


@pytest.mark.parametrize("blank", [False, True])
def test_requisite_line_above_the_title(blank):
    ru = _lines("Решение Тестового районного маслихата от 12 марта 2020 года № 45-3", TITLE_RU, BODY_RU, blank=blank)
    _check(extract(ru, "ru", "fallback"), TITLE_RU, "Тестовый районный маслихат")
    kk = _lines("Тестовый аудандық мәслихатының 2020 жылғы 12 наурыздағы № 45-3 шешімі", TITLE_KK, BODY_KK,
                blank=blank)
    _check(extract(kk, "kk", "fallback"), TITLE_KK, "Тестовый аудандық мәслихаты")


def test_a_title_starting_with_a_date_under_a_kazakh_requisite_line():
    title = "2019 жылғы 10 маусымдағы № 6-188 шешімнің күшін жою туралы"
    kk = _lines("Тестовый аудандық мәслихатының 2020 жылғы 12 наурыздағы № 45-3 шешімі", title, BODY_KK, blank=False)
    _check(extract(kk, "kk", "fallback"), title, "Тестовый аудандық мәслихаты")


def test_the_adilet_layout_reads_as_before():
    ru = _lines(TITLE_RU, "Решение Тестового районного маслихата от 12 марта 2020 года № 45-3. Зарегистрировано "
                "Департаментом юстиции Акмолинской области 20 марта 2020 года № 7777", BODY_RU, blank=False)
    m = extract(ru, "ru", "fallback")
    _check(m, TITLE_RU, "Тестовый районный маслихат")
    assert m.registration["number"] == "7777"
    kk = _lines(TITLE_KK, "Тестовый аудандық мәслихатының 2020 жылғы 12 наурыздағы № 45-3 шешімі. Ақмола облысының "
                "Әділет департаментінде 2020 жылғы 20 наурызда № 7777 болып тіркелді", BODY_KK, blank=True)
    _check(extract(kk, "kk", "fallback"), TITLE_KK, "Тестовый аудандық мәслихаты")


def test_a_law_heading_is_no_letterhead():
    text = "ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН\nО правовых актах\n\nСтатья 1. Основные понятия\n\nСтатья 2. Цели"
    assert extract(text, "ru", "fallback").title == "О правовых актах"


def _ingest(tmp_path, ru: str, kk: str):
    return exported(tmp_path, {"dec.rus.txt": ru, "dec.kaz.txt": kk})


CITING_RU = "Об отмене решения Тестового районного маслихата от 10 июня 2019 года № 6-188"
CITING_KK = "Тестовый аудандық мәслихатының 2019 жылғы 10 маусымдағы № 6-188 шешімінің күшін жою туралы"


@pytest.mark.parametrize("layout", ["letterhead", "requisite first"])
def test_printed_layout_keeps_the_title_unit_and_cites_nothing_itself(tmp_path, layout):
    """The title stays the title unit (a citation in it is the title's), the letterhead's or the
    requisite's own date and number cite nothing, and the two languages are one act."""
    if layout == "letterhead":
        ru = _lines("ТЕСТОВЫЙ РАЙОННЫЙ МАСЛИХАТ", "РЕШЕНИЕ", "от 12 марта 2020 года № 45-3", "г. Кокшетау",
                    CITING_RU, BODY_RU, blank=True)
        kk = _lines("ТЕСТОВЫЙ АУДАНДЫҚ МӘСЛИХАТЫ", "ШЕШІМ", "2020 жылғы 12 наурыздағы № 45-3", "Көкшетау қ.",
                    CITING_KK, BODY_KK, blank=False)
    else:
        ru = _lines("Решение Тестового районного маслихата от 12 марта 2020 года № 45-3", CITING_RU, BODY_RU,
                    blank=False)
        kk = _lines("Тестовый аудандық мәслихатының 2020 жылғы 12 наурыздағы № 45-3 шешімі", CITING_KK, BODY_KK,
                    blank=True)
    docs, units, refs = _ingest(tmp_path, ru, kk)
    assert len(docs) == 2
    for d in docs:
        assert (d["adopted_date"], d["number"], d["doc_type"]) == ("2020-03-12", "45-3", "decision")
        assert d["title"] == (CITING_RU if d["language"] == "ru" else CITING_KK)
        title_units = [u for u in units if u["document_id"] == d["id"] and u["kind"] == "title"]
        assert [u["heading"] for u in title_units] == [d["title"]]
        mine = [r for r in refs if r["document_id"] == d["id"]]
        assert not [r for r in mine if r["target"].get("number") == "45-3"], mine
        cited = [r for r in mine if r["target"].get("number") == "6-188"]
        assert len(cited) == 1 and cited[0]["unit_id"] == title_units[0]["id"]
    assert docs[0]["parallel_id"] == docs[1]["id"]


def test_an_agencys_reply_on_its_letterhead_stays_a_reply():
    """A body's name, a date and an outgoing number, but no act word: a letter, not an act."""
    ru = _lines("АКИМАТ АЛМАТИНСКОЙ ОБЛАСТИ", "05.04.2024 № 01-15/123",
                "Депутату Алматинского областного маслихата", "На Ваш депутатский запрос № ДС-153 от 1 апреля 2024 года "
                "сообщаем следующее.", "Уважаемый депутат!", "Работа ведется.", blank=True)
    m = extract(ru, "ru", "fallback")
    assert m.doc_type == "government_reply"
    assert m.adopted_date is None and m.number is None


@pytest.mark.parametrize("blank", [False, True])
def test_date_and_number_on_lines_of_their_own_and_the_place_on_the_dates_line(blank):
    ru = _lines("ТЕСТОВЫЙ РАЙОННЫЙ МАСЛИХАТ", "РЕШЕНИЕ", "от 12 марта 2020 года", "№ 45-3", TITLE_RU, BODY_RU, blank=blank)
    _check(extract(ru, "ru", "fallback"), TITLE_RU, "Тестовый районный маслихат")
    kk = _lines("ТЕСТОВЫЙ АУДАНДЫҚ МӘСЛИХАТЫ", "ШЕШІМ", "Көкшетау қ. 2020 жылғы 12 наурыздағы № 45-3", TITLE_KK, BODY_KK,
                blank=blank)
    _check(extract(kk, "kk", "fallback"), TITLE_KK, "Тестовый аудандық мәслихаты")
    ru = _lines("ТЕСТОВЫЙ РАЙОННЫЙ МАСЛИХАТ", "РЕШЕНИЕ", "г. Кокшетау от 12 марта 2020 года № 45-3", TITLE_RU, BODY_RU,
                blank=blank)
    _check(extract(ru, "ru", "fallback"), TITLE_RU, "Тестовый районный маслихат")


def _act_fields(m) -> tuple:
    return (m.doc_type, m.issuer, m.issuer_kind, m.region, m.adopted_date, m.number)


def test_an_akimats_resolution_on_its_letterhead_is_the_akimats():
    ru = _lines("АКИМАТ АКМОЛИНСКОЙ ОБЛАСТИ", "ПОСТАНОВЛЕНИЕ", "от 5 мая 2021 года № А-5/231", "г. Кокшетау",
                "Об утверждении государственного образовательного заказа",
                "В соответствии с Законом акимат Акмолинской области ПОСТАНОВЛЯЕТ:\n1. Утвердить заказ.", blank=True)
    assert _act_fields(extract(ru, "ru", "fallback")) == (
        "resolution", "акимат Акмолинской области", "akimat", "Акмолинская область", "2021-05-05", "А-5/231")
    kk = _lines("АҚМОЛА ОБЛЫСЫНЫҢ ӘКІМДІГІ", "ҚАУЛЫ", "2021 жылғы 5 мамырдағы № А-5/231", "Көкшетау қ.",
                "Мемлекеттік білім беру тапсырысын бекіту туралы",
                "Заңға сәйкес Ақмола облысының әкімдігі ҚАУЛЫ ЕТЕДІ:\n1. Тапсырыс бекітілсін.", blank=False)
    assert _act_fields(extract(kk, "kk", "fallback")) == (
        "resolution", "Ақмола облысының әкімдігі", "akimat", "Ақмола облысы", "2021-05-05", "А-5/231")
    # the adilet layout: the same kind
    m = extract("Об утверждении заказа\nПостановление акимата Акмолинской области от 5 мая 2021 года № А-5/231\n\n"
                "1. Утвердить.", "ru", "fallback")
    assert m.issuer_kind == "akimat"
