"""The everyday kinds of local acts, written by hand for these tests in the repositories' layout
(``<act>/rus.md, kaz.md, meta.yaml``; names, numbers and places invented): a district budget for
three years with its appendices as tables (Категория / Класс / Подкласс / Наименование / Сумма), the
decision amending it, and the decision recognising both as repealed. RU and KK each."""

import pytest

from tests.exported import exported

BUDGET = "local-testovsk__1222-o-biudzhete-testovskogo-raiona-900101"
AMEND = "local-testovsk__0515-o-vnesenii-izmenenii-v-reshenie-900102"
REPEAL = "local-testovsk__0210-o-priznanii-utrativshimi-silu-900103"

BUDGET_META = """act_code: '900101'
requisite: Решение Тестовского районного маслихата от 22 декабря 2023 года № 12-3. Зарегистрировано в Министерстве юстиции Республики Казахстан 28 декабря 2023 года № 99101
title:
  rus: О бюджете Тестовского района на 2024-2026 годы
  kaz: Тестов ауданының 2024-2026 жылдарға арналған бюджеті туралы
form: РЕШ
approved_on: 2023-12-22
"""

BUDGET_RU = """# О бюджете Тестовского района на 2024-2026 годы

> *Сноска. Вводится в действие с 01.01.2024.*

Тестовский районный маслихат РЕШИЛ:

1. Утвердить бюджет Тестовского района на 2024-2026 годы согласно приложениям 1, 2 и 3 соответственно, в том числе на 2024 год:

1) доходы – 9 876 543 тысячи тенге, в том числе:

налоговые поступления – 1 234 567 тысяч тенге;

2) затраты – 9 950 000 тысяч тенге.

> *Сноска. Пункт 1 – в редакции решения Тестовского районного маслихата от 15.05.2024 № 18-2 (вводится в действие с 01.01.2024).*

2. Настоящее решение вводится в действие с 1 января 2024 года.

**Председатель Тестовского районного маслихата**

**А. Примеров**

Приложение 1 к решению Тестовского районного маслихата от 22 декабря 2023 года № 12-3

**Бюджет Тестовского района на 2024 год**

| Категория | Класс | Подкласс | Наименование | Сумма (тысяч тенге) |
|---|---|---|---|---|
| | | | I. Доходы | 9 876 543 |
| 1 | | | Налоговые поступления | 1 234 567 |
| | 01 | | Подоходный налог | 456 789 |
| 4 | | | Поступления трансфертов | 8 606 175 |
| | | | II. Затраты | 9 950 000 |
| 01 | | | Государственные услуги общего характера | 400 000 |
"""

BUDGET_KK = """# Тестов ауданының 2024-2026 жылдарға арналған бюджеті туралы

> *Ескерту. 01.01.2024 бастап қолданысқа енгізіледі.*

Тестов аудандық мәслихаты ШЕШТІ:

1. Тестов ауданының 2024-2026 жылдарға арналған бюджеті тиісінше 1, 2 және 3-қосымшаларға сәйкес, оның ішінде 2024 жылға бекітілсін:

1) кірістер – 9 876 543 мың теңге, оның ішінде:

салықтық түсімдер – 1 234 567 мың теңге;

2) шығындар – 9 950 000 мың теңге.

> *Ескерту. 1-тармақ жаңа редакцияда - Тестов аудандық мәслихатының 15.05.2024 № 18-2 шешімімен (01.01.2024 бастап қолданысқа енгізіледі).*

2. Осы шешім 2024 жылғы 1 қаңтардан бастап қолданысқа енгізіледі.

**Тестов аудандық мәслихатының төрағасы**

**А. Примеров**

Тестов аудандық мәслихатының 2023 жылғы 22 желтоқсандағы № 12-3 шешіміне 1-қосымша

**Тестов ауданының 2024 жылға арналған бюджеті**

| Санаты | Сыныбы | Кіші сыныбы | Атауы | Сомасы (мың теңге) |
|---|---|---|---|---|
| | | | I. Кірістер | 9 876 543 |
| 1 | | | Салықтық түсімдер | 1 234 567 |
| | 01 | | Табыс салығы | 456 789 |
| 4 | | | Трансферттердің түсімдері | 8 606 175 |
| | | | II. Шығындар | 9 950 000 |
| 01 | | | Жалпы сипаттағы мемлекеттiк қызметтер | 400 000 |
"""

AMEND_META = """act_code: '900102'
requisite: Решение Тестовского районного маслихата от 15 мая 2024 года № 18-2
title:
  rus: О внесении изменений в решение Тестовского районного маслихата от 22 декабря 2023 года № 12-3 "О бюджете Тестовского района на 2024-2026 годы"
  kaz: Тестов аудандық мәслихатының 2023 жылғы 22 желтоқсандағы № 12-3 "Тестов ауданының 2024-2026 жылдарға арналған бюджеті туралы" шешіміне өзгерістер енгізу туралы
form: РЕШ
approved_on: 2024-05-15
"""

AMEND_RU = """# О внесении изменений в решение Тестовского районного маслихата от 22 декабря 2023 года № 12-3 "О бюджете Тестовского района на 2024-2026 годы"

Тестовский районный маслихат РЕШИЛ:

1. Внести в решение Тестовского районного маслихата "О бюджете Тестовского района на 2024-2026 годы" от 22 декабря 2023 года № 12-3 следующие изменения:

приложение 1 к указанному решению изложить в новой редакции согласно приложению 1 к настоящему решению.

2. Настоящее решение вводится в действие с 1 января 2024 года.
"""

AMEND_KK = """# Тестов аудандық мәслихатының 2023 жылғы 22 желтоқсандағы № 12-3 "Тестов ауданының 2024-2026 жылдарға арналған бюджеті туралы" шешіміне өзгерістер енгізу туралы

Тестов аудандық мәслихаты ШЕШТІ:

1. Тестов аудандық мәслихатының "Тестов ауданының 2024-2026 жылдарға арналған бюджеті туралы" 2023 жылғы 22 желтоқсандағы № 12-3 шешіміне мынадай өзгерістер енгізілсін:

көрсетілген шешімнің 1-қосымшасы осы шешімнің 1-қосымшасына сәйкес жаңа редакцияда жазылсын.

2. Осы шешім 2024 жылғы 1 қаңтардан бастап қолданысқа енгізіледі.
"""

REPEAL_META = """act_code: '900103'
requisite: Решение Тестовского районного маслихата от 10 февраля 2025 года № 31-4
title:
  rus: О признании утратившими силу некоторых решений Тестовского районного маслихата
  kaz: Тестов аудандық мәслихатының кейбір шешімдерінің күші жойылды деп тану туралы
form: РЕШ
approved_on: 2025-02-10
"""

REPEAL_RU = """# О признании утратившими силу некоторых решений Тестовского районного маслихата

В соответствии со статьей 27 Закона Республики Казахстан от 6 апреля 2016 года № 480-V "О правовых актах" Тестовский районный маслихат РЕШИЛ:

1. Признать утратившими силу некоторые решения Тестовского районного маслихата согласно приложению к настоящему решению.

2. Настоящее решение вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования.

Приложение к решению Тестовского районного маслихата от 10 февраля 2025 года № 31-4

**Перечень утративших силу некоторых решений Тестовского районного маслихата**

1. Решение Тестовского районного маслихата от 22 декабря 2023 года № 12-3 "О бюджете Тестовского района на 2024-2026 годы".

2. Решение Тестовского районного маслихата от 15 мая 2024 года № 18-2 "О внесении изменений в решение Тестовского районного маслихата от 22 декабря 2023 года № 12-3 "О бюджете Тестовского района на 2024-2026 годы"".
"""

REPEAL_KK = """# Тестов аудандық мәслихатының кейбір шешімдерінің күші жойылды деп тану туралы

"Құқықтық актілер туралы" Қазақстан Республикасының 2016 жылғы 6 сәуірдегі № 480-V Заңының 27-бабына сәйкес Тестов аудандық мәслихаты ШЕШТІ:

1. Тестов аудандық мәслихатының кейбір шешімдерінің күші осы шешімнің қосымшасына сәйкес жойылды деп танылсын.

2. Осы шешім алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі.

Тестов аудандық мәслихатының 2025 жылғы 10 ақпандағы № 31-4 шешіміне қосымша

**Тестов аудандық мәслихатының күші жойылған кейбір шешімдерінің тізбесі**

1. Тестов аудандық мәслихатының 2023 жылғы 22 желтоқсандағы № 12-3 "Тестов ауданының 2024-2026 жылдарға арналған бюджеті туралы" шешімі.

2. Тестов аудандық мәслихатының 2024 жылғы 15 мамырдағы № 18-2 "Тестов аудандық мәслихатының 2023 жылғы 22 желтоқсандағы № 12-3 "Тестов ауданының 2024-2026 жылдарға арналған бюджеті туралы" шешіміне өзгерістер енгізу туралы" шешімі.
"""


def _folder(name, meta, ru, kk):
    return {f"{name}/meta.yaml": meta, f"{name}/rus.md": ru, f"{name}/kaz.md": kk}


def _doc(docs, number, lang):
    return next(d for d in docs if d["number"] == number and d["language"] == lang)


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_budget_table_rows_are_no_chapters(tmp_path, lang):
    """«I. Доходы | 9 876 543» / «I. Кірістер | …» is a row of the budget's table, not chapter I whose
    rows below would be its paragraphs (and «II. Затраты» chapter II): the appendix holds its rows."""
    docs, units, _ = exported(tmp_path, _folder(BUDGET, BUDGET_META, BUDGET_RU, BUDGET_KK))
    d = _doc(docs, "12-3", lang)
    mine = [u for u in units if u["document_id"] == d["id"]]
    assert not [u for u in mine if u["kind"] == "chapter"]
    app = next(u for u in mine if u["kind"] == "appendix")
    rows = [u for u in mine if u["parent_id"] == app["id"] and u["kind"] == "paragraph"]
    texts = [d["text"][u["start"]:u["end"]] for u in rows]
    first = "I. Доходы" if lang == "ru" else "I. Кірістер"
    second = "II. Затраты" if lang == "ru" else "II. Шығындар"
    assert any(t.startswith(first) for t in texts) and any(t.startswith(second) for t in texts)
    assert len(rows) == 6                  # every row under the columns' names, none a unit's number
    # the decision's own points are still its points, the amounts no numbers of units
    assert [u["number"] for u in mine if u["kind"] == "point"] == ["1", "2"]
    assert [u["number"] for u in mine if u["kind"] == "subpoint"] == ["1)", "2)"]


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_notes_of_when_an_act_applies_are_no_amendments(tmp_path, lang):
    """«Сноска. Вводится в действие с 01.01.2024.» / «Ескерту. 01.01.2024 бастап қолданысқа
    енгізіледі.» names no amending act, and the bracketed «(вводится в действие с 01.01.2024)» after
    «от 15.05.2024 № 18-2» is when the change took effect: one amendment, of 15 May 2024 No. 18-2."""
    docs, _, _ = exported(tmp_path, _folder(BUDGET, BUDGET_META, BUDGET_RU, BUDGET_KK))
    d = _doc(docs, "12-3", lang)
    assert [(a["date"], a["number"]) for a in d["amendments"]] == [("2024-05-15", "18-2")]
    assert d["amendments"][0]["units"] == ["1"]


REPEAL_FILES = {**_folder(BUDGET, BUDGET_META, BUDGET_RU, BUDGET_KK),
                **_folder(AMEND, AMEND_META, AMEND_RU, AMEND_KK),
                **_folder(REPEAL, REPEAL_META, REPEAL_RU, REPEAL_KK)}


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_acts_a_repealing_decision_lists_are_repealed(tmp_path, lang):
    """«О признании утратившими силу некоторых решений …» lists the budget and the decision amending
    it in its appendix: both are in the corpus, so both are repealed by it (status, repealed_by with
    the repealing act's title in their own language); the repealing act stays in force, the law it
    rests on («статьей 27 Закона … № 480-V») is no act it ends, and the budget named inside the
    amending decision's quoted title is the amending decision's, not a third repeal."""
    docs, _, refs = exported(tmp_path, REPEAL_FILES)
    repealing = _doc(docs, "31-4", lang)
    assert repealing["status"] == "unknown" and repealing["repealed_by"] is None
    for number in ("12-3", "18-2"):
        d = _doc(docs, number, lang)
        assert d["status"] == "repealed", number
        assert d["repealed_by"]["date"] == "2025-02-10" and d["repealed_by"]["number"] == "31-4"
        assert d["repealed_by"]["title"] == repealing["title"]
    listed = [r for r in refs if r["document_id"] == repealing["id"] and r["target"].get("number") in ("12-3", "18-2")]
    assert {r["resolved_document_id"] for r in listed} == {_doc(docs, "12-3", lang)["id"], _doc(docs, "18-2", lang)["id"]}
    assert [a["number"] for a in repealing["amends"]] == ["12-3", "18-2"]


def repealing_first(tmp_path, es_url: str = ""):
    """A corpus (``es_url``: on Elasticsearch) that read the repealing act in one run and the act it
    ends in a later one."""
    from maslihat.corpus.api import Corpus
    for name, files in (("a", _folder(REPEAL, REPEAL_META, REPEAL_RU, REPEAL_KK)),
                        ("b", _folder(BUDGET, BUDGET_META, BUDGET_RU, BUDGET_KK))):
        for rel, text in files.items():
            p = tmp_path / name / rel
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_text(text, encoding="utf-8")
    c = Corpus(str(tmp_path / ("es.sqlite" if es_url else "c.sqlite")), es_url=es_url)
    c.ingest([str(tmp_path / "a")])
    c.ingest([str(tmp_path / "b")])
    return c


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_repeal_follows_whatever_the_order_of_ingestion(tmp_path, lang):
    """The repealing act ingested first, the act it ends later (another run): the later act is
    repealed all the same, and the search's status facet says so."""
    c = repealing_first(tmp_path)
    try:
        budget = next(d for d in c.store.documents() if d.number == "12-3" and d.language == lang)
        assert budget.status == "repealed" and budget.repealed_by["number"] == "31-4"
        query = "бюджет района" if lang == "ru" else "аудан бюджеті"
        res = c.search(query, lang=lang, filters={"status": ["repealed"]})
        assert any(h["document_id"] == budget.id for h in res["hits"])
    finally:
        c.close()


def budget_2025_meta(code: str, number: str) -> str:
    """meta.yaml of a 2025–2027 district budget decision of 20 December 2024 (the decisions that end
    the 2024 one below)."""
    return f"""act_code: '{code}'
requisite: Решение Тестовского районного маслихата от 20 декабря 2024 года № {number}
title:
  rus: О бюджете Тестовского района на 2025-2027 годы
  kaz: Тестов ауданының 2025-2027 жылдарға арналған бюджеті туралы
form: РЕШ
approved_on: 2024-12-20
"""


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_a_point_repealing_an_earlier_decision(tmp_path, lang):
    """Any decision may end an earlier one in its last point («Признать утратившим силу решение … от
    … № 12-3 …» / «… № 12-3 … шешімінің күші жойылды деп танылсын»); the act it rests on («В
    соответствии с решением …», «… шешіміне сәйкес») is not ended."""
    meta = budget_2025_meta('900104', '25-1')
    ru = """# О бюджете Тестовского района на 2025-2027 годы

Тестовский районный маслихат РЕШИЛ:

1. Утвердить бюджет Тестовского района на 2025-2027 годы в соответствии с решением Условного областного маслихата от 12 декабря 2024 года № 20-5 "Об областном бюджете на 2025-2027 годы".

2. Признать утратившим силу решение Тестовского районного маслихата от 22 декабря 2023 года № 12-3 "О бюджете Тестовского района на 2024-2026 годы".
"""
    kk = """# Тестов ауданының 2025-2027 жылдарға арналған бюджеті туралы

Тестов аудандық мәслихаты ШЕШТІ:

1. Тестов ауданының 2025-2027 жылдарға арналған бюджеті Условная облыстық мәслихатының 2024 жылғы 12 желтоқсандағы № 20-5 "2025-2027 жылдарға арналған облыстық бюджет туралы" шешіміне сәйкес бекітілсін.

2. Тестов аудандық мәслихатының 2023 жылғы 22 желтоқсандағы № 12-3 "Тестов ауданының 2024-2026 жылдарға арналған бюджеті туралы" шешімінің күші жойылды деп танылсын.
"""
    files = {**_folder(BUDGET, BUDGET_META, BUDGET_RU, BUDGET_KK),
             **_folder("local-testovsk__1220-o-biudzhete-2025-900104", meta, ru, kk)}
    docs, _, _ = exported(tmp_path, files)
    d = _doc(docs, "25-1", lang)
    assert [(a["number"], a.get("change")) for a in d["amends"]] == [("12-3", "repealed")]
    old = _doc(docs, "12-3", lang)
    assert old["status"] == "repealed" and old["repealed_by"]["number"] == "25-1"
    assert d["status"] == "unknown"


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_a_repealed_provision_does_not_repeal_the_act(tmp_path, lang):
    """«Признать утратившим силу приложение 1 к решению … № 12-3» / «… № 12-3 шешімінің 1-қосымшасының
    күші жойылды деп танылсын» ends one appendix: the budget itself stays as it was."""
    meta = """act_code: '900105'
requisite: Решение Тестовского районного маслихата от 20 декабря 2024 года № 25-2
title:
  rus: О некоторых вопросах бюджета Тестовского района
  kaz: Тестов ауданы бюджетінің кейбір мәселелері туралы
form: РЕШ
approved_on: 2024-12-20
"""
    ru = """# О некоторых вопросах бюджета Тестовского района

Тестовский районный маслихат РЕШИЛ:

1. Признать утратившим силу приложение 1 к решению Тестовского районного маслихата от 22 декабря 2023 года № 12-3 "О бюджете Тестовского района на 2024-2026 годы".
"""
    kk = """# Тестов ауданы бюджетінің кейбір мәселелері туралы

Тестов аудандық мәслихаты ШЕШТІ:

1. Тестов аудандық мәслихатының 2023 жылғы 22 желтоқсандағы № 12-3 "Тестов ауданының 2024-2026 жылдарға арналған бюджеті туралы" шешімінің 1-қосымшасының күші жойылды деп танылсын.
"""
    files = {**_folder(BUDGET, BUDGET_META, BUDGET_RU, BUDGET_KK),
             **_folder("local-testovsk__1220-o-voprosakh-biudzheta-900105", meta, ru, kk)}
    docs, _, _ = exported(tmp_path, files)
    assert _doc(docs, "25-2", lang)["amends"] == []
    old = _doc(docs, "12-3", lang)
    assert old["status"] == "unknown" and old["repealed_by"] is None


HONORARY_META = """act_code: '900302'
requisite: Решение Тестовского районного маслихата Акмолинской области от 30 ноября 2023 года № 8С-11/2
title:
  rus: О присвоении звания "Почетный гражданин Тестовского района"
  kaz: "\\"Тестов ауданының құрметті азаматы\\" атағын беру туралы"
form: РЕШ
approved_on: 2023-11-30
"""

HONORARY_RU = """# О присвоении звания "Почетный гражданин Тестовского района"

В соответствии с Положением о присвоении звания "Почетный гражданин Тестовского района", утвержденным решением Тестовского районного маслихата от 5 мая 2015 года № 5С-40/6, Тестовский районный маслихат РЕШИЛ:

1. Присвоить звание "Почетный гражданин Тестовского района" Иванову Ивану Ивановичу – ветерану труда.
"""

HONORARY_KK = """# "Тестов ауданының құрметті азаматы" атағын беру туралы

Тестов аудандық мәслихатының 2015 жылғы 5 мамырдағы № 5С-40/6 шешімімен бекітілген "Тестов ауданының құрметті азаматы" атағын беру туралы ережеге сәйкес Тестов аудандық мәслихаты ШЕШТІ:

1. "Тестов ауданының құрметті азаматы" атағы Иванов Иван Ивановичке – еңбек ардагеріне берілсін.
"""


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_numbers_with_the_session_letter(tmp_path, lang):
    """Numbers of maslikhat decisions with the session's letter after its number («№ 8С-11/2»,
    «№ 5С-40/6»: session 8, convocation С) are the whole number, the act's own and the cited one's
    (they were «8» and «5», and the Kazakh citation was no reference at all)."""
    docs, _, refs = exported(tmp_path, _folder("local-testovsk__1130-o-prisvoenii-zvaniia-900302", HONORARY_META,
                                               HONORARY_RU, HONORARY_KK))
    d = _doc(docs, "8С-11/2", lang)
    assert d["adopted_date"] == "2023-11-30"
    cited = [r["target"] for r in refs if r["document_id"] == d["id"] and r["target"].get("date") == "2015-05-05"]
    assert [(t["number"], t["act_type"]) for t in cited] == [("5С-40/6", "решение")]


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_an_amending_note_with_when_it_applies_in_brackets(tmp_path, lang):
    """A footnote whose only word of entry into force is in brackets after the amending act is an
    amendment, even when its amending word is misspelt («жана редакцияда», «в редакцие» as the
    sources keep them): the unit it names and the act, one entry."""
    ru = BUDGET_RU.replace("Пункт 1 – в редакции", "Пункт 1 – в редакцие")
    kk = BUDGET_KK.replace("1-тармақ жаңа редакцияда", "1-тармақ жана редакцияда")
    docs, _, _ = exported(tmp_path, _folder(BUDGET, BUDGET_META, ru, kk))
    d = _doc(docs, "12-3", lang)
    assert [(a["date"], a["number"], a["units"]) for a in d["amendments"]] == [("2024-05-15", "18-2", ["1"])]


@pytest.mark.parametrize("lang,note", [
    ("ru", "> *Сноска. Решение утратило силу решением Тестовского районного маслихата от 10.02.2025 № 31-4.*"),
    ("kk", "> *Ескерту. Шешімнің күші жойылды - Тестов аудандық мәслихатының 10.02.2025 № 31-4 шешімімен.*"),
])
def test_a_repeal_note_naming_the_act(tmp_path, lang, note):
    """«Сноска. Решение утратило силу …» / «Ескерту. Шешімнің күші жойылды - …» (the act named before the
    repeal) repeals the whole act like «Утратило силу …» / «Күші жойылды …»; here in a folder with one
    language file and a meta.yaml holding no requisite, as the repositories keep some acts."""
    text = (BUDGET_RU if lang == "ru" else BUDGET_KK).replace("\n\n", "\n\n" + note + "\n\n", 1)
    meta = "act_code: '900101'\ntitle:\n  rus: О бюджете Тестовского района на 2024-2026 годы\n"
    name = "rus.md" if lang == "ru" else "kaz.md"
    docs, _, _ = exported(tmp_path, {f"{BUDGET}/meta.yaml": meta, f"{BUDGET}/{name}": text})
    (d,) = docs
    assert d["language"] == lang and d["status"] == "repealed"
    assert (d["repealed_by"]["date"], d["repealed_by"]["number"]) == ("2025-02-10", "31-4")
    assert d["amendments"] == [(a) for a in d["amendments"] if a["number"] != "31-4"]


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_a_repealing_point_broken_across_lines(tmp_path, lang):
    """A text hard-wrapped at a fixed width (saved from a PDF or an e-mail) breaks the repealing
    point's line between the formula and the act: the act is repealed all the same."""
    meta = budget_2025_meta('900106', '25-3')
    ru = """# О бюджете Тестовского района на 2025-2027 годы

Тестовский районный маслихат РЕШИЛ:

1. Признать утратившим
силу решение Тестовского районного маслихата от 22 декабря 2023
года № 12-3 "О бюджете Тестовского района на 2024-2026 годы".
"""
    kk = """# Тестов ауданының 2025-2027 жылдарға арналған бюджеті туралы

Тестов аудандық мәслихаты ШЕШТІ:

1. Тестов аудандық мәслихатының 2023 жылғы 22 желтоқсандағы № 12-3
"Тестов ауданының 2024-2026 жылдарға арналған бюджеті туралы" шешімінің
күші жойылды деп танылсын.
"""
    files = {**_folder(BUDGET, BUDGET_META, BUDGET_RU, BUDGET_KK),
             **_folder("local-testovsk__1220-o-biudzhete-2025-900106", meta, ru, kk)}
    docs, _, _ = exported(tmp_path, files)
    old = _doc(docs, "12-3", lang)
    assert old["status"] == "repealed" and old["repealed_by"]["number"] == "25-3"
