"""Amending decisions as the repositories hold them, written by hand for these tests (``<act>/rus.md, kaz.md,
meta.yaml``; names, numbers and places invented): the decision amending a district budget quotes the new wording
of its point 1 («пункт 1 изложить в новой редакции: "1. Утвердить бюджет …: 1) доходы – … тысяч тенге; …"») and
cites the budget again in a later point as «указанного решения» / «көрсетілген шешімнің»; a joint act whose
second act is stated only in ``meta.yaml``. RU and KK each."""

import pytest

from tests.exported import exported
from tests.structure.test_local_everyday import BUDGET, BUDGET_KK, BUDGET_META, BUDGET_RU, _folder

AMEND = "local-testovsk__0515-o-vnesenii-izmenenii-v-reshenie-900202"
AMEND_META = """act_code: '900202'
requisite: Решение Тестовского районного маслихата от 15 мая 2024 года № 18-2
title:
  rus: О внесении изменений в решение Тестовского районного маслихата от 22 декабря 2023 года № 12-3 "О бюджете Тестовского района на 2024-2026 годы"
  kaz: Тестов аудандық мәслихатының 2023 жылғы 22 желтоқсандағы № 12-3 "Тестов ауданының 2024-2026 жылдарға арналған бюджеті туралы" шешіміне өзгерістер енгізу туралы
form: РЕШ
approved_on: 2024-05-15
"""

# the new wording on the lines after the formula (a), or opening on the formula's own line (b)
WORDING_RU = {
    "a": 'пункт 1 изложить в новой редакции:\n\n"1. Утвердить бюджет Тестовского района на 2024-2026 годы '
         'согласно приложениям 1, 2 и 3 соответственно, в том числе на 2024 год:',
    "b": 'пункт 1 изложить в новой редакции: "1. Утвердить бюджет Тестовского района на 2024-2026 годы '
         'согласно приложениям 1, 2 и 3 соответственно, в том числе на 2024 год:',
}
WORDING_KK = {
    "a": '1-тармақ жаңа редакцияда жазылсын:\n\n"1. Тестов ауданының 2024-2026 жылдарға арналған бюджеті '
         'тиісінше 1, 2 және 3-қосымшаларға сәйкес, оның ішінде 2024 жылға бекітілсін:',
    "b": '1-тармақ жаңа редакцияда жазылсын: "1. Тестов ауданының 2024-2026 жылдарға арналған бюджеті '
         'тиісінше 1, 2 және 3-қосымшаларға сәйкес, оның ішінде 2024 жылға бекітілсін:',
}


def amend_ru(layout):
    return f"""# О внесении изменений в решение Тестовского районного маслихата от 22 декабря 2023 года № 12-3 "О бюджете Тестовского района на 2024-2026 годы"

Тестовский районный маслихат РЕШИЛ:

1. Внести в решение Тестовского районного маслихата "О бюджете Тестовского района на 2024-2026 годы" от 22 декабря 2023 года № 12-3 следующие изменения:

{WORDING_RU[layout]}

1) доходы – 9 999 111 тысяч тенге, в том числе:

налоговые поступления – 1 300 000 тысяч тенге;

2) затраты – 10 050 000 тысяч тенге.";

приложение 1 к указанному решению изложить в новой редакции согласно приложению 1 к настоящему решению.

2. Пункт 2 указанного решения исключить.

3. Настоящее решение вводится в действие с 1 января 2024 года.
"""


def amend_kk(layout):
    return f"""# Тестов аудандық мәслихатының 2023 жылғы 22 желтоқсандағы № 12-3 "Тестов ауданының 2024-2026 жылдарға арналған бюджеті туралы" шешіміне өзгерістер енгізу туралы

Тестов аудандық мәслихаты ШЕШТІ:

1. Тестов аудандық мәслихатының "Тестов ауданының 2024-2026 жылдарға арналған бюджеті туралы" 2023 жылғы 22 желтоқсандағы № 12-3 шешіміне мынадай өзгерістер енгізілсін:

{WORDING_KK[layout]}

1) кірістер – 9 999 111 мың теңге, оның ішінде:

салықтық түсімдер – 1 300 000 мың теңге;

2) шығындар – 10 050 000 мың теңге.";

көрсетілген шешімнің 1-қосымшасы осы шешімнің 1-қосымшасына сәйкес жаңа редакцияда жазылсын.

2. Көрсетілген шешімнің 2-тармағы алып тасталсын.

3. Осы шешім 2024 жылғы 1 қаңтардан бастап қолданысқа енгізіледі.
"""


def _files(layout):
    return {**_folder(BUDGET, BUDGET_META, BUDGET_RU, BUDGET_KK),
            **_folder(AMEND, AMEND_META, amend_ru(layout), amend_kk(layout))}


def _doc(docs, number, lang):
    return next(d for d in docs if d["number"] == number and d["language"] == lang)


@pytest.mark.parametrize("layout", ["a", "b"])
@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_the_quoted_new_wording_is_a_paragraph_of_the_amending_point(tmp_path, lang, layout):
    """The subpoints «1) доходы …» / «1) кірістер …» of the quoted point 1 are the budget's, not the amending
    decision's: they are paragraphs of its point 1 (as an amending law's quoted wording), its figures kept."""
    docs, units, _ = exported(tmp_path, _files(layout))
    d = _doc(docs, "18-2", lang)
    mine = [u for u in units if u["document_id"] == d["id"]]
    assert not [u for u in mine if u["kind"] == "subpoint"]
    assert [u["number"] for u in mine if u["kind"] == "point"] == ["1", "2", "3"]
    p1 = next(u for u in mine if u["kind"] == "point" and u["number"] == "1")
    figures = [u for u in mine if u["kind"] != "point" and "9 999 111" in d["text"][u["start"]:u["end"]]]
    assert [(u["kind"], u["parent_id"]) for u in figures] == [("part", p1["id"])]
    assert "10 050 000" in d["text"][p1["start"]:max(u["end"] for u in mine if u["parent_id"] == p1["id"])]


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_the_quoted_figures_are_found_by_search(tmp_path, lang):
    from maslihat.corpus.api import Corpus
    root = tmp_path / "in"
    for rel, text in _files("a").items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    c = Corpus(str(tmp_path / "c.sqlite"))
    try:
        c.ingest([str(root)])
        amend = next(d for d in c.store.documents() if d.number == "18-2" and d.language == lang)
        query = "доходы бюджета 9 999 111 тысяч тенге" if lang == "ru" else "кірістер 9 999 111 мың теңге"
        hits = c.search(query, lang=lang)["hits"]
        assert hits and hits[0]["document_id"] == amend.id
    finally:
        c.close()


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_the_said_decision_in_a_later_point_cites_the_act_named_in_an_earlier_one(tmp_path, lang):
    """«2. Пункт 2 указанного решения исключить.» / «2. Көрсетілген шешімнің 2-тармағы алып тасталсын.»: the
    budget named in point 1, its point 2, resolved; the budget lists the change."""
    docs, units, refs = exported(tmp_path, _files("a"))
    d, budget = _doc(docs, "18-2", lang), _doc(docs, "12-3", lang)
    words = "Пункт 2 указанного решения" if lang == "ru" else "Көрсетілген шешімнің 2-тармағы"
    got = [r for r in refs if r["document_id"] == d["id"] and r["surface"] == words]
    assert len(got) == 1
    r = got[0]
    assert (r["kind"], r["target"]["number"], r["target"]["date"], r["target"]["point"]) == \
        ("external", "12-3", "2023-12-22", "2")
    assert r["resolved_unit_id"] == next(u["id"] for u in units if u["document_id"] == budget["id"]
                                         and u["kind"] == "point" and u["number"] == "2")
    change = next(a for a in budget["amendments"] if a["number"] == "18-2")
    assert "2" in change["units"]


GUARD_RU = """# О внесении изменений в постановление акимата Тестовского района

Тестовский районный маслихат РЕШИЛ:

1. Согласовать постановление акимата Тестовского района от 3 марта 2024 года № 77 "О тарифах".

2. Контроль за исполнением указанного решения возложить на постоянную комиссию.
"""
GUARD_KK = """# Тестов ауданы әкімдігінің қаулысын келісу туралы

Тестов аудандық мәслихаты ШЕШТІ:

1. Тестов ауданы әкімдігінің 2024 жылғы 3 наурыздағы № 77 "Тарифтер туралы" қаулысы келісілсін.

2. Көрсетілген шешімнің орындалуын бақылау тұрақты комиссияға жүктелсін.
"""


@pytest.mark.parametrize("lang,text", [("ru", GUARD_RU), ("kk", GUARD_KK)])
def test_the_said_decision_after_an_act_of_another_kind_cites_nothing(tmp_path, lang, text):
    """Only an act of the said kind is named again: a resolution of an earlier point is not «указанного решения»."""
    docs, _, refs = exported(tmp_path, {f"{lang}.txt": text})
    words = "указанного решения" if lang == "ru" else "Көрсетілген шешімнің"
    at = docs[0]["text"].index(words)
    assert not [r for r in refs if r["start"] <= at < r["end"]]


CAPITAL_RU = """# О тестовом решении

Решение Тестовского районного маслихата от 1 марта 2024 года № 5-1

1. Пункт 3 статьи 5 Закона Республики Казахстан от 6 апреля 2016 года № 480-V "О правовых актах" применять.

2. Подпункт 1) пункта 2 настоящего решения исключить.
"""
CAPITAL_KK = """# Сынақ шешімі туралы

Тестов аудандық мәслихатының 2024 жылғы 1 наурыздағы № 5-1 шешімі

1. "Құқықтық актілер туралы" Қазақстан Республикасының 2016 жылғы 6 сәуірдегі № 480-V Заңының 5-бабының 3-тармағы қолданылсын.

2. Осы шешімнің 2-тармағының 1) тармақшасы алып тасталсын.
"""


@pytest.mark.parametrize("lang,text", [("ru", CAPITAL_RU), ("kk", CAPITAL_KK)])
def test_a_provision_opening_a_sentence_is_cited_whole(tmp_path, lang, text):
    """«Пункт 3 статьи 5 Закона …» opening a point cites point 3 of article 5 (was article 5 only), «Подпункт 1)
    пункта 2 настоящего решения» the act's own subpoint; Kazakh writes the act first and was right."""
    _, _, refs = exported(tmp_path, {f"{lang}.txt": text})
    law = [r for r in refs if r["target"]["number"] == "480-V"]
    assert [(r["target"]["article"], r["target"]["point"]) for r in law] == [("5", "3")]
    own = [r for r in refs if r["kind"] == "internal"]
    assert [(r["target"]["point"], r["target"]["subpoint"]) for r in own] == [("2", "1)")]
