"""Amending decisions as the repositories hold them, written by hand for these tests (``<act>/rus.md, kaz.md,
meta.yaml``; names, numbers and places invented): the decision amending a district budget quotes the new wording
of its point 1 («пункт 1 изложить в новой редакции: "1. Утвердить бюджет …: 1) доходы – … тысяч тенге; …"») and
cites the budget again in a later point as «указанного решения» / «көрсетілген шешімнің»; a joint act whose
second act is stated only in ``meta.yaml``. RU and KK each."""

import pytest

from tests.exported import exported
from tests.structure.test_local_everyday import AMEND_META as EVERYDAY_AMEND_META
from tests.structure.test_local_everyday import BUDGET, BUDGET_KK, BUDGET_META, BUDGET_RU, _folder

AMEND = "local-testovsk__0515-o-vnesenii-izmenenii-v-reshenie-900202"
# the amending decision of test_local_everyday, in its own folder (another act code)
AMEND_META = EVERYDAY_AMEND_META.replace("900102", "900202")

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


# a joint act as the repositories hold it: the requisites of both acts in meta.yaml only (rus.md and kaz.md open
# with the title), and a later decision amending it that names it by the maslikhat's number
JOINT = "local-testovsk__0603-o-pereimenovanii-ulic-900301"
JOINT_META = """act_code: '900301'
requisite: Совместное постановление акимата Тестовского района Условной области от 3 июня 2019 года № 210 и решение Тестовского районного маслихата Условной области от 3 июня 2019 года № 41-5. Зарегистрировано Департаментом юстиции Условной области 10 июня 2019 года № 9911
title:
  rus: О переименовании улиц села Примерное Тестовского района
  kaz: Тестов ауданы Примерное ауылының көшелерін қайта атау туралы
form: ПОСТ
type_codes:
- ПОСТ
- РЕШ
approved_on: 2019-06-03
approved_by:
- '170000000001'
- '170000000002'
"""
JOINT_RU = """# О переименовании улиц села Примерное Тестовского района

Акимат Тестовского района ПОСТАНОВЛЯЕТ и Тестовский районный маслихат РЕШИЛ:

1. Переименовать улицу Садовая села Примерное в улицу Абая.

2. Контроль за исполнением настоящего совместного постановления и решения возложить на заместителя акима района.
"""
JOINT_KK = """# Тестов ауданы Примерное ауылының көшелерін қайта атау туралы

Тестов ауданының әкімдігі ҚАУЛЫ ЕТЕДІ және Тестов аудандық мәслихаты ШЕШТІ:

1. Примерное ауылының Садовая көшесі Абай көшесі болып қайта аталсын.

2. Осы бірлескен қаулы мен шешімнің орындалуын бақылау аудан әкімінің орынбасарына жүктелсін.
"""
CITING = "local-testovsk__0901-o-cite-900302"
CITING_META = """act_code: '900302'
requisite: Решение Тестовского районного маслихата Условной области от 1 сентября 2019 года № 45-2
title:
  rus: О внесении изменения в решение Тестовского районного маслихата от 3 июня 2019 года № 41-5 "О переименовании улиц села Примерное Тестовского района"
  kaz: Тестов аудандық мәслихатының 2019 жылғы 3 маусымдағы № 41-5 "Тестов ауданы Примерное ауылының көшелерін қайта атау туралы" шешіміне өзгеріс енгізу туралы
form: РЕШ
approved_on: 2019-09-01
"""
CITING_RU = """# О внесении изменения в решение Тестовского районного маслихата от 3 июня 2019 года № 41-5 "О переименовании улиц села Примерное Тестовского района"

Тестовский районный маслихат РЕШИЛ:

1. В пункте 1 решения Тестовского районного маслихата от 3 июня 2019 года № 41-5 слова "улицу Абая" заменить словами "улицу Жамбыла".
"""
CITING_KK = """# Тестов аудандық мәслихатының 2019 жылғы 3 маусымдағы № 41-5 "Тестов ауданы Примерное ауылының көшелерін қайта атау туралы" шешіміне өзгеріс енгізу туралы

Тестов аудандық мәслихаты ШЕШТІ:

1. Тестов аудандық мәслихатының 2019 жылғы 3 маусымдағы № 41-5 шешімінің 1-тармағындағы "Абай көшесі" деген сөздер "Жамбыл көшесі" деген сөздермен ауыстырылсын.
"""
JOINT_FILES = {**_folder(JOINT, JOINT_META, JOINT_RU, JOINT_KK), **_folder(CITING, CITING_META, CITING_RU, CITING_KK)}


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_a_joint_acts_second_act_read_from_meta_yaml(tmp_path, lang):
    """meta.yaml «Совместное постановление акимата … № 210 и решение … маслихата … № 41-5»: the document is the
    akimat's resolution (its first act: issuer, number, act_id), the maslikhat's decision named beside it."""
    docs, _, _ = exported(tmp_path, JOINT_FILES)
    d = _doc(docs, "210", lang)
    assert (d["doc_type"], d["issuer_kind"], d["adopted_date"]) == ("resolution", "akimat", "2019-06-03")
    joint = d["extra"]["joint"]
    assert (joint["doc_type"], joint["date"], joint["number"], joint["issuer_kind"]) == \
        ("decision", "2019-06-03", "41-5", "maslikhat")
    assert joint["issuer"] == "Тестовский районный маслихат"


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_a_joint_act_of_meta_yaml_cited_and_amended_by_its_second_number(tmp_path, lang):
    """«пункте 1 решения … маслихата от 3 июня 2019 года № 41-5» / «… № 41-5 шешімінің 1-тармағындағы» resolves to
    the joint act's point 1, and the joint act lists the amending decision with the point it changes."""
    docs, units, refs = exported(tmp_path, JOINT_FILES)
    joint, citing = _doc(docs, "210", lang), _doc(docs, "45-2", lang)
    words = "пункте 1 решения" if lang == "ru" else "шешімінің 1-тармағындағы"
    r = next(r for r in refs if r["document_id"] == citing["id"] and words in r["surface"])
    assert r["resolved_unit_id"] == next(u["id"] for u in units if u["document_id"] == joint["id"]
                                         and u["kind"] == "point" and u["number"] == "1")
    change = next(a for a in joint["amendments"] if a["number"] == "45-2")
    assert change["units"] == ["1"]


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_the_amended_act_names_the_amending_act_in_its_own_language(tmp_path, lang):
    """Both language versions of the amending decision (№ 45-2) link to both versions of the act it
    amends: the Russian act's entry carries the Russian title of the amending act, the Kazakh one the
    Kazakh (it carried whichever version was linked first)."""
    docs, _, _ = exported(tmp_path, JOINT_FILES)
    amending = _doc(docs, "45-2", lang)
    amended = next(d for d in docs if d["language"] == lang and d["number"] == "210")
    entry = next(a for a in amended["amendments"] if a["number"] == "45-2")
    assert entry["title"] == amending["title"]


@pytest.mark.parametrize("ui,word", [("ru", "совместный акт с: "), ("kk", "бірлескен акт: "), ("en", "joint act with: ")])
def test_show_names_the_second_act_of_a_joint_act(tmp_path, ui, word):
    """`maslihat show` of a joint act names the maslikhat's decision beside the akimat's resolution, by its
    number (the act a citation «№ 41-5» finds), in the user's language."""
    import os
    import subprocess
    import sys
    from maslihat.corpus.api import Corpus
    for rel, text in JOINT_FILES.items():
        p = tmp_path / "in" / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    c = Corpus(str(tmp_path / "c.sqlite"))
    c.ingest([str(tmp_path / "in")])
    joint = next(d for d in c.store.documents() if d.number == "210" and d.language == "ru")
    c.close()
    out = subprocess.run([sys.executable, "-m", "maslihat.cli", "show", joint.id, "--db", str(tmp_path / "c.sqlite")],
                         capture_output=True, text=True, check=True, env={**os.environ, "MASLIHAT_LANG": ui}).stdout
    line = next(x for x in out.splitlines() if x.strip().startswith(word.strip()))
    assert "№ 41-5" in line and "2019-06-03" in line, out
