"""Citations a reader expects linked: an act cited again as «указанного решения» / «көрсетілген шешімнің», by
the short name given it earlier, by a joint act's second number, and acts quoted inside another's title.
Texts written for the tests (a «Тестовский район», numbers and names invented), RU and KK alike."""
from __future__ import annotations

import pytest

from maslihat.nlp.references import find_references
from maslihat.nlp.resolve import Catalog, resolve
from maslihat.nlp.segment import segment

from .helpers import doc


def refs_of(d):
    return find_references(d, segment(d))


def _hits(refs, surface):
    return [r for r in refs if surface in r.surface or r.surface in surface and len(r.surface) > 8]


# --- «приложение 1 к указанному решению» / «көрсетілген шешімнің 1-қосымшасы» ---------------------------------

ANAPHORA = [
    ("ru", "1. Внести в решение Тестовского районного маслихата от 20 декабря 2023 года № 12-3 «О бюджете "
           "Тестовского района на 2024-2026 годы» следующие изменения:\n"
           "1) пункт 1 изложить в новой редакции;\n"
           "2) приложение 1 к указанному решению изложить в новой редакции согласно приложению к настоящему решению.",
     "приложение 1 к указанному решению", {"appendix": "1"}),
    ("kk", "1. Тестовский аудандық мәслихатының 2023 жылғы 20 желтоқсандағы № 12-3 «Тестовский ауданының 2024-2026 "
           "жылдарға арналған бюджеті туралы» шешіміне мынадай өзгерістер енгізілсін:\n"
           "1) 1-тармақ жаңа редакцияда жазылсын;\n"
           "2) көрсетілген шешімнің 1-қосымшасы осы шешімнің қосымшасына сәйкес жаңа редакцияда жазылсын.",
     "көрсетілген шешімнің 1-қосымшасы", {"appendix": "1"}),
    ("ru", "1. Внести в решение Тестовского районного маслихата от 20 декабря 2023 года № 12-3 «О бюджете "
           "Тестовского района на 2024-2026 годы» изменение: пункт 2 указанного решения исключить.",
     "пункт 2 указанного решения", {"point": "2"}),
    ("kk", "1. Тестовский аудандық мәслихатының 2023 жылғы 20 желтоқсандағы № 12-3 «Тестовский ауданының 2024-2026 "
           "жылдарға арналған бюджеті туралы» шешіміне өзгеріс енгізілсін: көрсетілген шешімнің 2-тармағы алып "
           "тасталсын.",
     "көрсетілген шешімнің 2-тармағы", {"point": "2"}),
]


@pytest.mark.parametrize("lang,text,surface,want", ANAPHORA, ids=[f"{c[0]}:{c[2][:30]}" for c in ANAPHORA])
def test_the_said_decision_cites_the_act_named_before(lang, text, surface, want):
    refs = refs_of(doc(text, lang, number="15-2", adopted_date="2024-05-15"))
    hits = _hits(refs, surface)
    assert hits, [r.surface for r in refs]
    r = hits[0]
    assert r.kind == "external" and r.target["date"] == "2023-12-20" and r.target["number"] == "12-3", r.target
    assert r.target["act_type"] == "решение"
    for k, v in want.items():
        assert r.target.get(k) == v, r.target


BUDGET = {
    "ru": "О бюджете Тестовского района на 2024-2026 годы\n\n"
          "1. Утвердить бюджет района на 2024-2026 годы согласно приложениям 1, 2 и 3.\n\n"
          "2. Настоящее решение вводится в действие с 1 января 2024 года.\n\n"
          "Приложение 1 к решению Тестовского районного маслихата от 20 декабря 2023 года № 12-3\n\n"
          "Бюджет района на 2024 год\n\n"
          "Приложение 2 к решению Тестовского районного маслихата от 20 декабря 2023 года № 12-3\n\n"
          "Бюджет района на 2025 год\n",
    "kk": "Тестовский ауданының 2024-2026 жылдарға арналған бюджеті туралы\n\n"
          "1. Ауданның 2024-2026 жылдарға арналған бюджеті 1, 2 және 3-қосымшаларға сәйкес бекітілсін.\n\n"
          "2. Осы шешім 2024 жылғы 1 қаңтардан бастап қолданысқа енгізіледі.\n\n"
          "Тестовский аудандық мәслихатының 2023 жылғы 20 желтоқсандағы № 12-3 шешіміне 1-қосымша\n\n"
          "Ауданның 2024 жылға арналған бюджеті\n\n"
          "Тестовский аудандық мәслихатының 2023 жылғы 20 желтоқсандағы № 12-3 шешіміне 2-қосымша\n\n"
          "Ауданның 2025 жылға арналған бюджеті\n",
}


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_the_said_decisions_appendix_resolves_in_the_corpus(lang):
    budget = doc(BUDGET[lang], lang, doc_id="t/budget", number="12-3", adopted_date="2023-12-20")
    bunits = segment(budget)
    amending = doc(ANAPHORA[0 if lang == "ru" else 1][1], lang, doc_id="t/amend", number="15-2",
                   adopted_date="2024-05-15")
    units = segment(amending)
    refs = resolve(find_references(amending, units), amending, units, Catalog([(budget, bunits)]))
    r = _hits(refs, ANAPHORA[0 if lang == "ru" else 1][2])[0]
    assert r.resolved_document_id == budget.id
    u = next(u for u in bunits if u.id == r.resolved_unit_id)
    assert u.kind == "appendix" and u.number == "1", (u.kind, u.number)


@pytest.mark.parametrize("lang,text", [
    ("ru", "1. Настоящее решение подлежит опубликованию. Контроль за исполнением указанного решения возложить на "
           "постоянную комиссию."),
    ("kk", "1. Осы шешім жариялануға тиіс. Көрсетілген шешімнің орындалуын бақылау тұрақты комиссияға жүктелсін."),
])
def test_the_said_decision_with_no_act_named_before_cites_nothing(lang, text):
    refs = refs_of(doc(text, lang, number="15-2", adopted_date="2024-05-15"))
    assert not [r for r in refs if r.kind == "external"], [(r.surface, r.target) for r in refs]


# --- an act named in full, then by its short name («Типовых правил», «Үлгілік қағидалардың», «Правил») -------------

SHORT_NAMES = [
    ("ru", "1. В соответствии с пунктом 6 Типовых правил оказания социальной помощи, установления размеров и "
           "определения перечня отдельных категорий нуждающихся граждан, утвержденных постановлением Правительства "
           "Республики Казахстан от 21 мая 2013 года № 504, маслихат РЕШИЛ:\n"
           "2. Социальная помощь оказывается в порядке, определенном пунктом 13 Типовых правил.",
     "пунктом 13 Типовых правил", {"act_type": "постановление", "number": "504", "point": "13"}),
    ("kk", "1. Қазақстан Республикасы Үкіметінің 2013 жылғы 21 мамырдағы № 504 қаулысымен бекітілген Әлеуметтік "
           "көмек көрсетудің, оның мөлшерлерін белгілеудің және мұқтаж азаматтардың жекелеген санаттарының "
           "тізбесін айқындаудың үлгілік қағидаларының 6-тармағына сәйкес мәслихат ШЕШТІ:\n"
           "2. Әлеуметтік көмек Үлгілік қағидалардың 13-тармағында айқындалған тәртіппен көрсетіледі.",
     "Үлгілік қағидалардың 13-тармағында", {"act_type": "постановление", "number": "504", "point": "13"}),
    ("ru", "1. Утвердить Правила оказания жилищной помощи согласно приложению к настоящему решению.\n"
           "2. Жилищная помощь оказывается в соответствии с Правилами предоставления жилищной помощи, утвержденными "
           "приказом Министра от 12 марта 2020 года № 77 (далее – Правила предоставления).\n"
           "3. Размер помощи определяется согласно пункту 9 Правил предоставления.",
     "пункту 9 Правил предоставления", {"act_type": "приказ", "number": "77", "point": "9"}),
    ("kk", "1. Министрдің 2020 жылғы 12 наурыздағы № 77 бұйрығымен бекітілген Тұрғын үй көмегін беру қағидаларына "
           "(бұдан әрі – Беру қағидалары) сәйкес тұрғын үй көмегі көрсетіледі.\n"
           "2. Көмектің мөлшері Беру қағидаларының 9-тармағына сәйкес айқындалады.",
     "Беру қағидаларының 9-тармағына", {"act_type": "приказ", "number": "77", "point": "9"}),
]


@pytest.mark.parametrize("lang,text,surface,want", SHORT_NAMES, ids=[f"{c[0]}:{c[2][:30]}" for c in SHORT_NAMES])
def test_an_act_cited_again_by_its_short_name(lang, text, surface, want):
    refs = refs_of(doc(text, lang, number="15-2", adopted_date="2024-05-15"))
    hits = [r for r in refs if r.surface.strip() == surface]
    assert hits, [r.surface for r in refs]
    assert all(hits[0].target.get(k) == v for k, v in want.items()), hits[0].target
    assert hits[0].kind == "external"


@pytest.mark.parametrize("lang,text,surface", [
    ("ru", "1. Настоящие Правила оказания социальной помощи (далее – Правила) определяют порядок ее оказания.\n"
           "2. Помощь оказывается в сроки, указанные в пункте 1 Правил.", "пункте 1 Правил"),
    ("kk", "1. Осы Әлеуметтік көмек көрсету қағидалары (бұдан әрі – Қағидалар) оны көрсету тәртібін айқындайды.\n"
           "2. Көмек Қағидалардың 1-тармағында көрсетілген мерзімде көрсетіледі.", "Қағидалардың 1-тармағында"),
])
def test_the_rules_short_name_for_themselves_is_internal(lang, text, surface):
    refs = refs_of(doc(text, lang, number="15-2", adopted_date="2024-05-15"))
    hits = [r for r in refs if r.surface.strip() == surface]
    assert hits, [r.surface for r in refs]
    assert hits[0].kind == "internal" and hits[0].target.get("point") == "1", hits[0].target


@pytest.mark.parametrize("lang,text", [
    ("ru", "1. Благоустройство ведется согласно пункту 3 Правил благоустройства территории района."),
    ("kk", "1. Абаттандыру аудан аумағын абаттандыру Қағидаларының 3-тармағына сәйкес жүргізіледі."),
])
def test_rules_never_named_before_cite_nothing(lang, text):
    refs = refs_of(doc(text, lang, number="15-2", adopted_date="2024-05-15"))
    assert not refs, [(r.surface, r.target) for r in refs]


RULES_ACT = {
    "ru": "Об утверждении Правил предоставления жилищной помощи\n\n"
          "1. Утвердить прилагаемые Правила предоставления жилищной помощи.\n\n"
          "2. Настоящий приказ вводится в действие по истечении десяти календарных дней.\n\n"
          "Утверждены приказом Министра от 12 марта 2020 года № 77\n\n"
          "Правила предоставления жилищной помощи\n\n"
          "1. Настоящие Правила определяют порядок предоставления жилищной помощи.\n\n"
          "2. Жилищная помощь предоставляется малообеспеченным семьям.\n\n"
          "3. Помощь назначается на квартал.\n",
    "kk": "Тұрғын үй көмегін беру қағидаларын бекіту туралы\n\n"
          "1. Қоса беріліп отырған Тұрғын үй көмегін беру қағидалары бекітілсін.\n\n"
          "2. Осы бұйрық алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі.\n\n"
          "Министрдің 2020 жылғы 12 наурыздағы № 77 бұйрығымен бекітілген\n\n"
          "Тұрғын үй көмегін беру қағидалары\n\n"
          "1. Осы Қағидалар тұрғын үй көмегін беру тәртібін айқындайды.\n\n"
          "2. Тұрғын үй көмегі аз қамтылған отбасыларға беріледі.\n\n"
          "3. Көмек тоқсанға тағайындалады.\n",
}


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_a_point_of_the_rules_by_short_name_resolves_in_their_appendix(lang):
    rules = doc(RULES_ACT[lang], lang, doc_id="t/rules", doc_type="order", number="77", adopted_date="2020-03-12")
    runits = segment(rules)
    text = {"ru": "1. Жилищная помощь оказывается в соответствии с Правилами предоставления жилищной помощи, "
                  "утвержденными приказом Министра от 12 марта 2020 года № 77 (далее – Правила предоставления).\n"
                  "2. Размер помощи определяется согласно пункту 2 Правил предоставления.",
            "kk": "1. Министрдің 2020 жылғы 12 наурыздағы № 77 бұйрығымен бекітілген Тұрғын үй көмегін беру "
                  "қағидаларына (бұдан әрі – Беру қағидалары) сәйкес тұрғын үй көмегі көрсетіледі.\n"
                  "2. Көмектің мөлшері Беру қағидаларының 2-тармағына сәйкес айқындалады."}[lang]
    d = doc(text, lang, doc_id="t/citing", number="15-2", adopted_date="2024-05-15")
    units = segment(d)
    refs = resolve(find_references(d, units), d, units, Catalog([(rules, runits)]))
    r = next(r for r in refs if r.target.get("point") == "2")
    assert r.resolved_document_id == rules.id
    u = next(u for u in runits if u.id == r.resolved_unit_id)
    assert u.part > 0 and rules.text[u.start:u.end].startswith("2. "), rules.text[u.start:u.end]
    assert "малообеспеченным" in rules.text[u.start:u.end] or "аз қамтылған" in rules.text[u.start:u.end]


# --- an act cited inside another act's quoted title ----------------------------------------------------------------

NESTED = {
    "ru": ["1. Признать утратившим силу решение Тестовского районного маслихата от 15 мая 2024 года № 18-2 \"О внесении "
           "изменений в решение Тестовского районного маслихата от 20 декабря 2023 года № 12-3 \"О бюджете Тестовского "
           "района на 2024-2026 годы\"\".",
           "1. Признать утратившим силу решение Тестовского районного маслихата от 15 мая 2024 года № 18-2 «О внесении "
           "изменений в решение Тестовского районного маслихата от 20 декабря 2023 года № 12-3 «О бюджете Тестовского "
           "района на 2024-2026 годы»»."],
    "kk": ["1. Тестовский аудандық мәслихатының 2024 жылғы 15 мамырдағы № 18-2 \"Тестовский аудандық мәслихатының 2023 "
           "жылғы 20 желтоқсандағы № 12-3 \"Тестовский ауданының 2024-2026 жылдарға арналған бюджеті туралы\" шешіміне "
           "өзгерістер енгізу туралы\" шешімінің күші жойылды деп танылсын.",
           "1. Тестовский аудандық мәслихатының 2024 жылғы 15 мамырдағы № 18-2 «Тестовский аудандық мәслихатының 2023 "
           "жылғы 20 желтоқсандағы № 12-3 «Тестовский ауданының 2024-2026 жылдарға арналған бюджеті туралы» шешіміне "
           "өзгерістер енгізу туралы» шешімінің күші жойылды деп танылсын."],
}
INNER_TITLE = {"ru": "О бюджете Тестовского района на 2024-2026 годы",
               "kk": "Тестовский ауданының 2024-2026 жылдарға арналған бюджеті туралы"}


@pytest.mark.parametrize("lang,k", [("ru", 0), ("ru", 1), ("kk", 0), ("kk", 1)])
def test_an_act_cited_inside_a_quoted_title(lang, k):
    refs = refs_of(doc(NESTED[lang][k], lang, number="20-1", adopted_date="2025-01-10"))
    outer = [r for r in refs if r.target.get("number") == "18-2"]
    inner = [r for r in refs if r.target.get("number") == "12-3"]
    assert len(outer) == 1 and len(inner) == 1, [(r.surface, r.target) for r in refs]
    title = outer[0].target["title"]
    assert INNER_TITLE[lang] in title and title.count("«") == title.count("»"), title
    assert title.count('"') % 2 == 0, title
    assert (title.endswith("годы\"") or title.endswith("годы»")) if lang == "ru" else title.endswith("туралы"), title
    assert inner[0].target["date"] == "2023-12-20" and inner[0].target["title"] == INNER_TITLE[lang], inner[0].target
    assert outer[0].start <= inner[0].start and inner[0].end <= outer[0].end


@pytest.mark.parametrize("lang,text,surface", [
    ("ru", "1. Внести в решение Тестовского районного маслихата от 15 мая 2024 года № 18-2 «О внесении изменений в "
           "решение Тестовского районного маслихата от 20 декабря 2023 года № 12-3 «О бюджете Тестовского района на "
           "2024-2026 годы»» следующее изменение: приложение к указанному решению изложить в новой редакции.",
     "приложение к указанному решению"),
    ("kk", "1. Тестовский аудандық мәслихатының 2024 жылғы 15 мамырдағы № 18-2 «Тестовский аудандық мәслихатының 2023 "
           "жылғы 20 желтоқсандағы № 12-3 «Тестовский ауданының 2024-2026 жылдарға арналған бюджеті туралы» шешіміне "
           "өзгерістер енгізу туралы» шешіміне мынадай өзгеріс енгізілсін: көрсетілген шешімнің 2-тармағы алып тасталсын.",
     "көрсетілген шешімнің 2-тармағы"),
])
def test_the_said_decision_is_the_outer_act_not_one_quoted_in_its_title(lang, text, surface):
    refs = refs_of(doc(text, lang, number="20-1", adopted_date="2025-01-10"))
    hits = _hits(refs, surface)
    assert hits and hits[0].target["number"] == "18-2", [(r.surface, r.target) for r in refs]
