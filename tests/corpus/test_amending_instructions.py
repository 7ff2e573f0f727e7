"""What changed (session 28): the provisions an amending act changes, read from its own text — the
instructions «пункт 1 изложить в новой редакции», «подпункт 2) пункта 5 исключить», «дополнить пунктом
5-1», «1-тармақ жаңа редакцияда жазылсын», «5-тармақтың 2) тармақшасы алып тасталсын» … — fill the
amended act's ``amendments`` entry of that act (units and what was done to each) and its provisions'
«amended by», whichever of the two acts is ingested first; the quoted new wording is not read as
instructions."""
from __future__ import annotations

import json

import pytest

from maslihat.corpus.api import Corpus
from maslihat.nlp.amendments import instructions

BASE_RU = """О районном бюджете на 2021-2023 годы
Решение Тестового районного маслихата от 25 декабря 2020 года № 60-1. Зарегистрировано Департаментом юстиции Тестовой области 30 декабря 2020 года № 7890

Тестовый районный маслихат РЕШИЛ:

1. Утвердить районный бюджет на 2021-2023 годы согласно приложению 1.

2. Учесть в районном бюджете субвенции из областного бюджета.

3. Установить ставку платы 100 тенге за гектар.

5. Предусмотреть в районном бюджете:

1) расходы на образование;

2) расходы на здравоохранение.

6. Настоящее решение вводится в действие с 1 января 2021 года.

Приложение 1 к решению Тестового районного маслихата от 25 декабря 2020 года № 60-1

Районный бюджет на 2021 год

1. Доходы 100 тысяч тенге.

2. Затраты 200 тысяч тенге.
"""
BASE_KK = """2021-2023 жылдарға арналған аудандық бюджет туралы

Тестовый аудандық мәслихаты ШЕШІМ ҚАБЫЛДАДЫ:

1. 2021-2023 жылдарға арналған аудандық бюджет 1-қосымшаға сәйкес бекітілсін.

2. Аудандық бюджетте облыстық бюджеттен субвенциялар ескерілсін.

3. Гектарына 100 теңге төлем мөлшерлемесі белгіленсін.

5. Аудандық бюджетте мыналар көзделсін:

1) білім беруге арналған шығыстар;

2) денсаулық сақтауға арналған шығыстар.

6. Осы шешім 2021 жылғы 1 қаңтардан бастап қолданысқа енгізіледі.

Тестовый аудандық мәслихатының 2020 жылғы 25 желтоқсандағы № 60-1 шешіміне 1-қосымша

2021 жылға арналған аудандық бюджет

1. Кірістер 100 мың теңге.

2. Шығындар 200 мың теңге.
"""
AMEND_RU = """О внесении изменений в решение Тестового районного маслихата от 25 декабря 2020 года № 60-1 «О районном бюджете на 2021-2023 годы»
Решение Тестового районного маслихата от 10 марта 2021 года № 5-2. Зарегистрировано Департаментом юстиции Тестовой области 15 марта 2021 года № 8001

Тестовый районный маслихат РЕШИЛ:

1. Внести в решение Тестового районного маслихата от 25 декабря 2020 года № 60-1 «О районном бюджете на 2021-2023 годы» (зарегистрировано в Реестре государственной регистрации нормативных правовых актов под № 7890) следующие изменения:

пункт 1 изложить в новой редакции:

«1. Утвердить районный бюджет на 2021-2023 годы согласно приложению 1, пункт 2 исключить.»;

подпункт 2) пункта 5 исключить;

дополнить пунктом 5-1 следующего содержания:

«5-1. Предусмотреть расходы на культуру.»;

в пункте 3 слова «100 тенге» заменить словами «200 тенге»;

приложение 1 к указанному решению изложить в новой редакции согласно приложению к настоящему решению.

2. Настоящее решение вводится в действие с 1 января 2021 года.
"""
AMEND_KK = """Тестовый аудандық мәслихатының 2020 жылғы 25 желтоқсандағы № 60-1 «2021-2023 жылдарға арналған аудандық бюджет туралы» шешіміне өзгерістер енгізу туралы

Тестовый аудандық мәслихаты ШЕШІМ ҚАБЫЛДАДЫ:

1. Тестовый аудандық мәслихатының «2021-2023 жылдарға арналған аудандық бюджет туралы» 2020 жылғы 25 желтоқсандағы № 60-1 (Нормативтік құқықтық актілерді мемлекеттік тіркеу тізілімінде № 7890 болып тіркелген) шешіміне мынадай өзгерістер енгізілсін:

1-тармақ жаңа редакцияда жазылсын:

«1. 2021-2023 жылдарға арналған аудандық бюджет 1-қосымшаға сәйкес бекітілсін, 2-тармақ алып тасталсын.»;

5-тармақтың 2) тармақшасы алып тасталсын;

мынадай мазмұндағы 5-1-тармақпен толықтырылсын:

«5-1. Мәдениетке арналған шығыстар көзделсін.»;

3-тармақтағы «100 теңге» деген сөздер «200 теңге» деген сөздермен ауыстырылсын;

көрсетілген шешімнің 1-қосымшасы осы шешімнің қосымшасына сәйкес жаңа редакцияда жазылсын.

2. Осы шешім 2021 жылғы 1 қаңтардан бастап қолданысқа енгізіледі.
"""
EXPECTED = [("1", "new_wording"), ("5 subpoint 2)", "repealed"), ("5-1", "added"), ("3", "amended"),
            ("appendix 1", "new_wording")]


def _pairs(text: str, lang: str, own=(None, None)) -> list[tuple]:
    return [(i["unit"], i["change"]) for i in instructions(text, lang, own)]


@pytest.mark.parametrize("text,lang", [(AMEND_RU, "ru"), (AMEND_KK, "kk")])
def test_each_instruction_names_its_unit_and_what_is_done_not_the_quoted_wording(text, lang):
    found = instructions(text, lang, ("2021-03-10", "5-2"))
    assert [(i["unit"], i["change"]) for i in found] == EXPECTED
    # «пункт 2 исключить» / «2-тармақ алып тасталсын» inside the new wording of point 1 is not an instruction
    assert all(i["target"] == ("2020-12-25", "60-1") for i in found)


@pytest.mark.parametrize("text,lang,expected", [
    ("Внести в решение маслихата от 1 марта 2019 года № 3-1 следующие изменения: пункты 4, 6 и 7 исключить;"
     " главу 2 изложить в новой редакции: «Глава 2. …».", "ru", [("4", "repealed"), ("6", "repealed"),
                                                               ("7", "repealed"), ("chapter 2", "new_wording")]),
    ("Внести в Закон от 23 января 2001 года № 148 следующие изменения: подпункт 3) пункта 1 статьи 6 исключить;"
     " пункт 2 статьи 7 изложить в следующей редакции: «2. …»; статью 8-1 исключить.", "ru",
     [("article 6 point 1 subpoint 3)", "repealed"), ("article 7 point 2", "new_wording"), ("article 8-1", "repealed")]),
    ("Маслихаттың 2019 жылғы 1 наурыздағы № 3-1 шешіміне мынадай өзгерістер енгізілсін: 2-тарау жаңа редакцияда"
     " жазылсын: «2-тарау. …»; 6-баптың 2-тармағы алып тасталсын.", "kk",
     [("chapter 2", "new_wording"), ("article 6 point 2", "repealed")]),
    ("Внести в Закон от 23 января 2001 года № 148 следующие изменения:\n1) в статье 6:\nподпункт 2) пункта 1"
     " изложить в следующей редакции: «2) …»;\nдополнить пунктом 3 следующего содержания: «3. …»;\n2) статью 7 исключить.",
     "ru", [("article 6 point 1 subpoint 2)", "new_wording"), ("article 6 point 3", "added"), ("article 7", "repealed")]),
    ("2001 жылғы 23 қаңтардағы № 148 Заңға мынадай өзгерістер енгізілсін:\n1) 6-бапта:\n1-тармақтың 2) тармақшасы"
     " мынадай редакцияда жазылсын: «2) …»;\nмынадай мазмұндағы 3-тармақпен толықтырылсын: «3. …»;\n2) 7-бап алып"
     " тасталсын.", "kk",
     [("article 6 point 1 subpoint 2)", "new_wording"), ("article 6 point 3", "added"), ("article 7", "repealed")]),
    ("Внести в решение маслихата от 1 марта 2019 года № 3-1 следующие изменения: приложения 1, 4 и 5 к указанному"
     " решению изложить в новой редакции согласно приложениям 1, 2 и 3 к настоящему решению.", "ru",
     [("appendix 1", "new_wording"), ("appendix 4", "new_wording"), ("appendix 5", "new_wording")]),
    ("Маслихаттың 2019 жылғы 1 наурыздағы № 3-1 шешіміне мынадай өзгерістер енгізілсін: көрсетілген шешімнің 1, 4"
     " және 5-қосымшалары осы шешімнің 1, 2 және 3-қосымшаларына сәйкес жаңа редакцияда жазылсын.", "kk",
     [("appendix 1", "new_wording"), ("appendix 4", "new_wording"), ("appendix 5", "new_wording")]),
    ("Внести в решение маслихата от 1 марта 2019 года № 3-1 следующие изменения: в приложении 2 к указанному"
     " решению: пункт 3 изложить в новой редакции: «3. …».", "ru", [("appendix 2 point 3", "new_wording")]),
])
def test_forms_of_points_chapters_articles_and_points_of_an_appendix(text, lang, expected):
    assert _pairs(text, lang) == expected


@pytest.mark.parametrize("text,lang", [
    ("О внесении изменений в некоторые решения маслихата\nМаслихат РЕШИЛ:\n"
     "1. Внести в решение маслихата от 1 марта 2019 года № 3-1 следующее изменение: пункт 2 исключить.\n"
     "2. Внести в решение маслихата от 5 мая 2020 года № 7-4 следующее изменение: пункт 4 изложить в новой редакции: «4. …».\n",
     "ru"),
    ("Маслихаттың кейбір шешімдеріне өзгерістер енгізу туралы\nМәслихат ШЕШІМ ҚАБЫЛДАДЫ:\n"
     "1. Маслихаттың 2019 жылғы 1 наурыздағы № 3-1 шешіміне мынадай өзгеріс енгізілсін: 2-тармақ алып тасталсын.\n"
     "2. Маслихаттың 2020 жылғы 5 мамырдағы № 7-4 шешіміне мынадай өзгеріс енгізілсін: 4-тармақ жаңа редакцияда"
     " жазылсын: «4. …».\n", "kk"),
])
def test_an_act_amending_several_gives_each_instruction_to_the_act_named_before_it(text, lang):
    found = [(i["target"], i["unit"], i["change"]) for i in instructions(text, lang)]
    assert found == [(("2019-03-01", "3-1"), "2", "repealed"), (("2020-05-05", "7-4"), "4", "new_wording")]


def test_a_text_without_instructions_gives_none():
    assert instructions(BASE_RU, "ru") == [] and instructions(BASE_KK, "kk") == []


def _write(folder, stem, ru, kk):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{stem}.rus.txt").write_text(ru, encoding="utf-8")
    (folder / f"{stem}.kaz.txt").write_text(kk, encoding="utf-8")


def _docs(c: Corpus, tmp_path) -> dict:
    out = tmp_path / "out"
    c.export(str(out))
    rows = [json.loads(x) for x in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    return {(d["number"], d["language"]): d for d in rows}


def _ingest_both(tmp_path, amending_first: bool) -> tuple[Corpus, dict]:
    order = [("amend", AMEND_RU, AMEND_KK), ("base", BASE_RU, BASE_KK)]
    if not amending_first:
        order.reverse()
    c = Corpus(str(tmp_path / "c.sqlite"), es_url="")
    for stem, ru, kk in order:
        _write(tmp_path / stem, stem, ru, kk)
        c.ingest([str(tmp_path / stem)])
    return c, _docs(c, tmp_path)


@pytest.mark.parametrize("amending_first", [True, False])
def test_the_amended_act_lists_the_units_and_its_provisions_say_amended_by_in_either_order(tmp_path, amending_first):
    c, docs = _ingest_both(tmp_path, amending_first)
    for lang in ("ru", "kk"):
        base, am = docs[("60-1", lang)], docs[("5-2", lang)]
        entry = next(a for a in base["amendments"] if a.get("act_id") == am["act_id"])
        assert entry["date"] == "2021-03-10" and entry["number"] == "5-2"
        assert entry["units"] == [u for u, _ in EXPECTED]
        assert entry["changes"] == dict(EXPECTED)
        # a journalist opening point 1 sees «amended by решение … № 5-2 (new wording)»
        units = {u.number: u for u in c.store.units(base["id"]) if u.kind == "point" and u.parent_id is None}
        shown = c.show(units["1"].id)
        assert [(a["number"], a["change"], a["act_id"]) for a in shown["amendments"]] == \
            [("5-2", "new_wording", am["act_id"])]
        sub = next(u for u in c.store.units(base["id"]) if u.parent_id == units["5"].id and u.number == "2)")
        assert [a["change"] for a in c.show(sub.id)["amendments"]] == ["repealed"]
        assert [a["change"] for a in c.show(units["3"].id)["amendments"]] == ["amended"]
        assert c.show(units["2"].id)["amendments"] == []      # named only inside the quoted wording


def test_both_orders_give_the_same_documents(tmp_path):
    got = []
    for first in (True, False):
        d = tmp_path / ("a" if first else "b")
        d.mkdir()
        _, docs = _ingest_both(d, first)
        got.append({k: v["amendments"] for k, v in docs.items()})
    assert got[0] == got[1]


def _small(date_ru: str, date_kk: str, number: str, topic_ru: str, topic_kk: str) -> tuple[str, str]:
    ru = (f"Об утверждении правил {topic_ru}\nРешение Тестового районного маслихата от {date_ru} № {number}. "
          f"Зарегистрировано Департаментом юстиции Тестовой области {date_ru} № 5{number[:1]}01\n\n"
          "Тестовый районный маслихат РЕШИЛ:\n\n" + "".join(
              f"{i}. Утвердить правила {topic_ru} в части {i}.\n\n" for i in range(1, 5)))
    kk = (f"{topic_kk} қағидаларын бекіту туралы\n\nТестовый аудандық мәслихаты ШЕШІМ ҚАБЫЛДАДЫ:\n\n" + "".join(
        f"{i}. {topic_kk} қағидаларының {i}-бөлігі бекітілсін.\n\n" for i in range(1, 5)))
    return ru, kk


SEVERAL_RU = """О внесении изменений в некоторые решения Тестового районного маслихата
Решение Тестового районного маслихата от 10 марта 2021 года № 5-3. Зарегистрировано Департаментом юстиции Тестовой области 15 марта 2021 года № 8002

Тестовый районный маслихат РЕШИЛ:

1. Внести в решение Тестового районного маслихата от 1 марта 2019 года № 3-1 «Об утверждении правил выпаса» следующее изменение:

пункт 2 исключить.

2. Внести в решение Тестового районного маслихата от 5 мая 2020 года № 7-4 «Об утверждении правил благоустройства» следующее изменение:

пункт 4 изложить в новой редакции:

«4. Утвердить правила благоустройства, пункт 1 исключить.».
"""
SEVERAL_KK = """Тестовый аудандық мәслихатының кейбір шешімдеріне өзгерістер енгізу туралы

Тестовый аудандық мәслихаты ШЕШІМ ҚАБЫЛДАДЫ:

1. Тестовый аудандық мәслихатының 2019 жылғы 1 наурыздағы № 3-1 «Мал жаю қағидаларын бекіту туралы» шешіміне мынадай өзгеріс енгізілсін:

2-тармақ алып тасталсын.

2. Тестовый аудандық мәслихатының 2020 жылғы 5 мамырдағы № 7-4 «Абаттандыру қағидаларын бекіту туралы» шешіміне мынадай өзгеріс енгізілсін:

4-тармақ жаңа редакцияда жазылсын:

«4. Абаттандыру қағидалары бекітілсін, 1-тармақ алып тасталсын.».
"""


@pytest.mark.parametrize("amending_first", [True, False])
def test_an_act_amending_several_acts_changes_each_its_own_units(tmp_path, amending_first):
    files = [("several", SEVERAL_RU, SEVERAL_KK),
             ("a", *_small("1 марта 2019 года", "", "3-1", "выпаса", "Мал жаю")),
             ("b", *_small("5 мая 2020 года", "", "7-4", "благоустройства", "Абаттандыру"))]
    if not amending_first:
        files = files[1:] + files[:1]
    c = Corpus(str(tmp_path / "c.sqlite"), es_url="")
    for stem, ru, kk in files:
        _write(tmp_path / stem, stem, ru, kk)
        c.ingest([str(tmp_path / stem)])
    docs = _docs(c, tmp_path)
    for lang in ("ru", "kk"):
        am = docs[("5-3", lang)]
        assert [(a["date"], a["number"]) for a in am["amends"]] == [("2019-03-01", "3-1"), ("2020-05-05", "7-4")]
        for number, unit, change in (("3-1", "2", "repealed"), ("7-4", "4", "new_wording")):
            entry = next(a for a in docs[(number, lang)]["amendments"] if a.get("act_id") == am["act_id"])
            assert entry["units"] == [unit] and entry["changes"] == {unit: change}


@pytest.mark.parametrize("ui,line", [("ru", "(решение, новая редакция)"), ("kk", "(шешім, жаңа редакция)"),
                                     ("en", "(decision, new wording)")])
def test_show_says_what_the_amending_act_did_in_the_users_language(tmp_path, ui, line):
    # was: the codes themselves, «(decision, new_wording)», in every language
    import os
    import subprocess
    import sys
    c, docs = _ingest_both(tmp_path, True)
    base = docs[("60-1", "ru")]
    point = next(u for u in c.store.units(base["id"]) if u.kind == "point" and u.parent_id is None and u.number == "1")
    c.close()
    out = subprocess.run([sys.executable, "-m", "maslihat.cli", "show", point.id, "--db", str(tmp_path / "c.sqlite")],
                         capture_output=True, text=True, check=True, env={**os.environ, "MASLIHAT_LANG": ui}).stdout
    assert any(x.strip().startswith("2021-03-10 № 5-2") and x.strip().endswith(line) for x in out.splitlines()), out


@pytest.mark.parametrize("ui,words", [("ru", ("орган: ", "изменения: ", "решение, статус неизвестен")),
                                      ("kk", ("орган: ", "өзгерістер: ", "шешім, мәртебесі белгісіз")),
                                      ("en", ("issuer: ", "amendments: ", "decision, status unknown"))])
def test_show_of_a_document_names_its_fields_and_values_in_the_users_language(tmp_path, ui, words):
    # were the contract's field names and codes («issuer:», «decision, unknown») in every language
    import os
    import subprocess
    import sys
    c, docs = _ingest_both(tmp_path, True)
    c.close()
    out = subprocess.run([sys.executable, "-m", "maslihat.cli", "show", docs[("60-1", "ru")]["id"], "--db",
                          str(tmp_path / "c.sqlite")], capture_output=True, text=True, check=True,
                         env={**os.environ, "MASLIHAT_LANG": ui}).stdout
    assert all(w in out for w in words), out
