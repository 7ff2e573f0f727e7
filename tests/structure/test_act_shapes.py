"""Kinds of acts a user brings that ../shared lacks, written by hand for these tests (numbers, names
and places invented): a code in its full structure whose articles' parts are cited by their ordinals
(«частью второй статьи 2», «2-бабының екінші бөлігі»), a law amending another law (its quoted new
wording is the amended act's, not its own), a joint act of an akimat and a maslikhat (two requisites
on one line). RU and KK each."""

import pytest

from tests.exported import exported

CODE_RU = """# Земельный водный кодекс Республики Казахстан

ОБЩАЯ ЧАСТЬ

РАЗДЕЛ 1. ОБЩИЕ ПОЛОЖЕНИЯ

Глава 1. ОСНОВНЫЕ НАЧАЛА

Параграф 1. Задачи кодекса

Статья 2. Основные понятия

1. В настоящем Кодексе используются следующие понятия:

1) участок – часть территории;

2) пользователь – физическое или юридическое лицо.

2. Иные понятия используются в значениях, определенных законами.

Статья 3. Права пользователей

Пользователь вправе использовать участок.

Пользователь вправе передать участок в аренду.

ОСОБЕННАЯ ЧАСТЬ

Глава 2. ВРЕМЕННОЕ ПОЛЬЗОВАНИЕ

Статья 4. Срок временного пользования

Пользователь вправе использовать участок в соответствии с частью второй статьи 2 настоящего Кодекса.

Срок устанавливается в пределах, указанных в части первой статьи 2 и подпункте 2) пункта 1 статьи 2 настоящего Кодекса.

Аренда допускается в случаях части второй статьи 3 настоящего Кодекса.
"""
CODE_KK = """# Қазақстан Республикасының Жер су кодексі

ЖАЛПЫ БӨЛІМ

1-БӨЛІМ. ЖАЛПЫ ЕРЕЖЕЛЕР

1-тарау. НЕГІЗГІ ҚАҒИДАТТАР

1-параграф. Кодекстің міндеттері

2-бап. Негізгі ұғымдар

1. Осы Кодексте мынадай ұғымдар пайдаланылады:

1) учаске – аумақтың бөлігі;

2) пайдаланушы – жеке немесе заңды тұлға.

2. Өзге ұғымдар заңдарда айқындалған мағыналарда пайдаланылады.

3-бап. Пайдаланушылардың құқықтары

Пайдаланушы учаскені пайдалануға құқылы.

Пайдаланушы учаскені жалға беруге құқылы.

ЕРЕКШЕ БӨЛІМ

2-тарау. УАҚЫТША ПАЙДАЛАНУ

4-бап. Уақытша пайдалану мерзімі

Пайдаланушы учаскені осы Кодекстің 2-бабының екінші бөлігіне сәйкес пайдалануға құқылы.

Мерзім осы Кодекстің 2-бабының бірінші бөлігінде және 2-бабы 1-тармағының 2) тармақшасында көрсетілген шектерде белгіленеді.

Жалға беру осы Кодекстің 3-бабының екінші бөлігінде көзделген жағдайларда жол беріледі.
"""
CODE_META = """act_code: '900001'
title:
  rus: Земельный водный кодекс Республики Казахстан
  kaz: Қазақстан Республикасының Жер су кодексі
approved_on: 2021-01-12
"""

AMEND_RU = """О внесении изменений и дополнений в некоторые законодательные акты Республики Казахстан по вопросам местного государственного управления
Закон Республики Казахстан от 5 мая 2022 года № 120-VII ЗРК.

Статья 1. Внести изменения и дополнения в следующие законодательные акты Республики Казахстан:

1. В Закон Республики Казахстан от 23 января 2001 года «О местном государственном управлении и самоуправлении в Республике Казахстан»:

1) в статье 6:

подпункт 2) пункта 1 изложить в следующей редакции:

«2) утверждение бюджета района и отчета о его исполнении;»;

дополнить пунктом 3 следующего содержания:

«3. Маслихат рассматривает вопросы в соответствии со статьей 7 настоящего Закона.»;

2) статью 9 исключить.

2. В Закон Республики Казахстан от 6 апреля 2016 года «О правовых актах»:

в пункте 2 статьи 27 слова «местных органов» заменить словами «маслихатов и акиматов».

Статья 2. Настоящий Закон вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования.
"""
AMEND_KK = """Жергілікті мемлекеттік басқару мәселелері бойынша Қазақстан Республикасының кейбір заңнамалық актілеріне өзгерістер мен толықтырулар енгізу туралы
Қазақстан Республикасының 2022 жылғы 5 мамырдағы № 120-VII ҚРЗ Заңы.

1-бап. Қазақстан Республикасының мына заңнамалық актілеріне өзгерістер мен толықтырулар енгізілсін:

1. «Қазақстан Республикасындағы жергілікті мемлекеттік басқару және өзін-өзі басқару туралы» 2001 жылғы 23 қаңтардағы Қазақстан Республикасының Заңына:

1) 6-бапта:

1-тармақтың 2) тармақшасы мынадай редакцияда жазылсын:

«2) аудан бюджетін және оның атқарылуы туралы есепті бекіту;»;

мынадай мазмұндағы 3-тармақпен толықтырылсын:

«3. Мәслихат мәселелерді осы Заңның 7-бабына сәйкес қарайды.»;

2) 9-бап алып тасталсын.

2. «Құқықтық актілер туралы» 2016 жылғы 6 сәуірдегі Қазақстан Республикасының Заңына:

27-баптың 2-тармағындағы «жергілікті органдардың» деген сөздер «мәслихаттар мен әкімдіктердің» деген сөздермен ауыстырылсын.

2-бап. Осы Заң алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі.
"""

JOINT_RU = """О переименовании улиц села Примерное
Совместное постановление акимата Тестовской области от 3 июня 2019 года № 210 и решение Тестовского областного маслихата от 3 июня 2019 года № 41-5. Зарегистрировано Департаментом юстиции Тестовской области 10 июня 2019 года № 7001.

В соответствии с подпунктом 4-1) статьи 11 Закона Республики Казахстан от 8 декабря 1993 года «Об административно-территориальном устройстве Республики Казахстан» акимат Тестовской области ПОСТАНОВЛЯЕТ и Тестовский областной маслихат РЕШИЛ:

1. Переименовать улицу Центральная села Примерное в улицу Абая.

2. Настоящее совместное постановление и решение вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования.
"""
JOINT_KK = """Примерное ауылының көшелерін қайта атау туралы
Тестов облысы әкімдігінің 2019 жылғы 3 маусымдағы № 210 бірлескен қаулысы және Тестов облыстық мәслихатының 2019 жылғы 3 маусымдағы № 41-5 шешімі. Тестов облысының Әділет департаментінде 2019 жылғы 10 маусымда № 7001 болып тіркелді.

«Қазақстан Республикасының әкімшілік-аумақтық құрылысы туралы» 1993 жылғы 8 желтоқсандағы Қазақстан Республикасы Заңының 11-бабының 4-1) тармақшасына сәйкес Тестов облысының әкімдігі ҚАУЛЫ ЕТЕДІ және Тестов облыстық мәслихаты ШЕШІМ ҚАБЫЛДАДЫ:

1. Примерное ауылының Орталық көшесі Абай көшесі болып қайта аталсын.

2. Осы бірлескен қаулы мен шешім алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі.
"""


def _corpus(tmp_path, files: dict[str, str]):
    documents, units_, refs = exported(tmp_path, files)
    docs = {d["language"]: d for d in documents}
    units = {u["id"]: u for u in units_}
    return docs, units, refs


@pytest.fixture(scope="module")
def code(tmp_path_factory):
    d = "codes__0112-zemelnyi-vodnyi-kodeks-900001/"
    return _corpus(tmp_path_factory.mktemp("code"), {d + "rus.md": CODE_RU, d + "kaz.md": CODE_KK, d + "meta.yaml": CODE_META})


@pytest.fixture(scope="module")
def amend(tmp_path_factory):
    return _corpus(tmp_path_factory.mktemp("amend"), {"zakon_120_rus.txt": AMEND_RU, "zakon_120_kaz.txt": AMEND_KK})


@pytest.fixture(scope="module")
def joint(tmp_path_factory):
    return _corpus(tmp_path_factory.mktemp("joint"), {"joint_210_rus.txt": JOINT_RU, "joint_210_kaz.txt": JOINT_KK})


def _cited(docs, units, refs, lang, words):
    """Labels of the units the references whose surface holds ``words`` resolve to, in text order."""
    d = docs[lang]
    return [units[r["resolved_unit_id"]]["label"] if r["resolved_unit_id"] else None
            for r in sorted(refs, key=lambda r: r["start"]) if r["document_id"] == d["id"] and words in r["surface"]]


@pytest.mark.parametrize("lang,words,want", [
    ("ru", "частью второй статьи 2", ["ст. 2 п. 2"]),
    ("kk", "2-бабының екінші бөлігіне", ["2-баптың 2-тармағы"]),
    # an article of unnumbered paragraphs: its part is the paragraph
    ("ru", "части второй статьи 3", ["ст. 3 абз. 2"]),
    ("kk", "3-бабының екінші бөлігінде", ["3-бап, 2-абзац"]),
])
def test_a_part_of_an_article_cited_by_its_ordinal_resolves_to_it(code, lang, words, want):
    assert _cited(*code, lang, words) == want


@pytest.mark.parametrize("lang,words,want", [
    ("ru", "части первой статьи 2 и подпункте 2) пункта 1 статьи 2", ["ст. 2 п. 1", "ст. 2 п. 1 пп. 2)"]),
    ("kk", "2-бабының бірінші бөлігінде және 2-бабы 1-тармағының 2) тармақшасында",
     ["2-баптың 1-тармағы", "2-баптың 1-тармағының 2) тармақшасы"]),
])
def test_a_list_of_provisions_of_the_code_itself_cites_each(code, lang, words, want):
    docs, units, refs = code
    assert _cited(docs, units, refs, lang, words) == want
    assert all(r["kind"] == "internal" for r in refs if r["document_id"] == docs[lang]["id"] and words in r["surface"])


@pytest.mark.parametrize("lang,parts", [("ru", ["ОБЩАЯ ЧАСТЬ", "ОСОБЕННАЯ ЧАСТЬ"]), ("kk", ["ЖАЛПЫ БӨЛІМ", "ЕРЕКШЕ БӨЛІМ"])])
def test_the_parts_of_a_code_are_headings_not_paragraphs_of_an_article(code, lang, parts):
    docs, units, _ = code
    d = docs[lang]
    mine = [u for u in units.values() if u["document_id"] == d["id"]]
    heads = [u for u in mine if u["kind"] == "heading" and u["parent_id"] is None]
    assert [u["heading"] for u in heads] == parts
    art3 = next(u for u in mine if u["kind"] == "article" and u["number"] == "3")
    assert parts[1] not in d["text"][art3["start"]:art3["end"]]
    assert [u["kind"] for u in mine if u["parent_id"] == art3["id"]] == ["part", "part"]


def _refs_of(docs, refs, lang):
    return [r for r in refs if r["document_id"] == docs[lang]["id"]]


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_the_new_wording_an_amending_law_quotes_cites_the_amended_law(amend, lang):
    docs, units, refs = amend
    words = "статьей 7 настоящего Закона" if lang == "ru" else "осы Заңның 7-бабына"
    got = [r for r in _refs_of(docs, refs, lang) if r["surface"] == words]
    assert len(got) == 1
    r = got[0]
    assert r["kind"] == "external" and r["resolved_document_id"] != docs[lang]["id"]
    assert r["target"]["article"] == "7" and r["target"]["date"] == "2001-01-23"
    assert "самоуправлени" in r["target"]["title"] or "өзін-өзі басқару" in r["target"]["title"]


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_an_amending_law_keeps_its_own_structure(amend, lang):
    docs, units, _ = amend
    mine = [u for u in units.values() if u["document_id"] == docs[lang]["id"]]
    # «27-баптың 2-тармағындағы … сөздер … ауыстырылсын» is a line of point 2, not an article 27
    assert sorted(u["number"] for u in mine if u["kind"] == "article") == ["1", "2"]
    assert sorted(u["number"] for u in mine if u["kind"] == "point") == ["1", "2"]


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_an_act_naming_itself_in_the_nominative_cites_nothing(amend, lang):
    docs, _, refs = amend
    d = docs[lang]
    at = d["text"].index("Настоящий Закон" if lang == "ru" else "Осы Заң алғашқы")
    assert not [r for r in _refs_of(docs, refs, lang) if r["start"] <= at + 12 and at <= r["end"]]


@pytest.mark.parametrize("lang,issuer", [("ru", "акимат Тестовской области"), ("kk", "Тестов облысы әкімдігі")])
def test_a_joint_act_of_an_akimat_and_a_maslikhat_reads_its_requisites(joint, lang, issuer):
    docs, _, refs = joint
    d = docs[lang]
    assert (d["doc_type"], d["issuer"], d["issuer_kind"], d["adopted_date"], d["number"]) == \
        ("resolution", issuer, "akimat", "2019-06-03", "210")
    assert d["registration"]["date"] == "2019-06-10" and d["registration"]["number"] == "7001"
    assert d["parallel_id"] == docs["kk" if lang == "ru" else "ru"]["id"]
    # its own requisites (the akimat's № 210, the maslikhat's № 41-5) are no citations
    assert not [r for r in _refs_of(docs, refs, lang) if r["target"].get("number") in ("210", "41-5")]


CLAW_KK = """Қазақстан Республикасының Тестілік комиссиясы туралы
Қазақстан Республикасының 2022 жылғы 10 қарашадағы № 153-VII ҚРЗ Конституциялық заңы.

Осы Конституциялық заң Қазақстан Республикасы Тестілік комиссиясының мәртебесін айқындайды.

1-бап. Комиссияның мәртебесі

1. Комиссия мемлекеттік орган болып табылады.

2-бап. Комиссияның өкілеттіктері

Комиссия осы Конституциялық заңның 1-бабының 1-тармағында көзделген өкілеттіктерді жүзеге асырады.
"""


@pytest.mark.parametrize("name,text,date,number", [("konst_zan_153_kaz.txt", CLAW_KK, "2022-11-10", "153-VII"),
                                                    ("zan_120_kaz.txt", AMEND_KK, "2022-05-05", "120-VII")])
def test_a_kazakh_law_alone_reads_its_requisite_with_the_mark_of_its_number(tmp_path, name, text, date, number):
    """«№ 153-VII ҚРЗ Конституциялық заңы»: the mark ҚРЗ and «Конституциялық» stand between the number and
    the act word; a Kazakh file with no Russian one beside it has only its own requisite to read."""
    docs, _, refs = _corpus(tmp_path, {name: text})
    d = docs["kk"]
    assert (d["doc_type"], d["adopted_date"], d["number"], d["issuer"], d["issuer_kind"]) == \
        ("law", date, number, "Қазақстан Республикасының Парламенті", "parliament")
    assert not [r for r in refs if r["target"].get("number") == number]     # its requisite cites nothing


def test_a_kazakh_law_beside_its_russian_one_names_its_issuer_in_kazakh(amend):
    docs, _, _ = amend
    assert docs["kk"]["issuer"] == "Қазақстан Республикасының Парламенті"
    assert docs["ru"]["issuer"] == "Парламент Республики Казахстан"


def test_a_bare_article_after_an_amended_laws_quote_is_the_amended_laws(amend):
    """«2) 9-бап алып тасталсын» after «… осы Заңның 7-бабына …»: the quoted «осы Заң» is not the act
    the bare article cites (it cited no act: the amending law's own words), the amended law is."""
    docs, _, refs = amend
    for lang, words in (("ru", "статью 9"), ("kk", "9-бап")):
        got = [r for r in _refs_of(docs, refs, lang) if r["surface"] == words]
        assert len(got) == 1 and got[0]["target"]["article"] == "9"
        assert got[0]["target"]["date"] == "2001-01-23"


LIST_RU = """Об утверждении Типового положения о комиссии
Решение Тестового районного маслихата от 12 марта 2020 года № 45-4.

В соответствии с пунктом 3 статьи 62 и пунктом 1 статьи 91 Конституции Республики Казахстан районный маслихат РЕШИЛ:
1. Утвердить Типовое положение о комиссии.
"""
LIST_KK = """Комиссия туралы үлгілік ережені бекіту туралы
Тестовый аудандық мәслихатының 2020 жылғы 12 наурыздағы № 45-4 шешімі.

Қазақстан Республикасы Конституциясының 62-бабының 3-тармағына және 91-бабының 1-тармағына сәйкес аудандық мәслихат ШЕШІМ ҚАБЫЛДАДЫ:
1. Комиссия туралы үлгілік ереже бекітілсін.
"""


@pytest.mark.parametrize("lang,text", [("ru", LIST_RU), ("kk", LIST_KK)])
def test_two_provisions_of_one_act_joined_by_and_cite_that_act(tmp_path, lang, text):
    docs, _, refs = _corpus(tmp_path, {f"dec_{lang}.txt": text})
    got = sorted((r["target"]["act_type"], r["target"]["article"], r["target"]["point"]) for r in refs
                 if r["target"].get("article"))
    assert got == [("Конституция", "62", "3"), ("Конституция", "91", "1")]
