"""What a unit inherits from its act (docs/quality.md, «The competency facet: what a unit inherits from
its act», session 29, i-comp3): a rate table's row takes the codes of its act's title, a unit with no
code of its own reads its chapter's heading and the title as weak evidence, and an item of a list of
parts reads the list's opening. Texts written here, RU and KK alike, built by ``corpus.build``."""
import pytest

from maslihat.core.model import Document
from maslihat.corpus.build import build
from maslihat.nlp.competency import lead_ins, tag

RATES = {
    "ru": ("Об утверждении ставок платы за загрязнение окружающей среды",
           "Решение областного маслихата\n\n1. Утвердить ставки согласно приложению к настоящему решению.\n\n"
           "2. Настоящее решение вводится в действие по истечении десяти календарных дней после дня его первого "
           "официального опубликования.\n\nПриложение\nк решению областного маслихата\n\n"
           "№\tПоказатели\tЕдиница измерения\tНорматив, тенге\n"
           "1.\tВыброс загрязняющих веществ в атмосферу от стационарных источников\tусловная тонна\t254\n"
           "2.\tРазмещение твердых отходов\tс 1 тонны\t1,8\n"),
    "kk": ("Қоршаған ортаны ластағаны үшін төлемдер ставкасын бекіту туралы",
           "Облыстық мәслихаттың шешімі\n\n1. Қосымшаға сәйкес ставкалар бекітілсін.\n\n"
           "2. Осы шешім алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа "
           "енгізіледі.\n\nОблыстық мәслихаттың шешіміне\nқосымша\n\n"
           "N\tКөрсеткіштер\tӨлшем бірлігі\tНорматив, теңге\n"
           "1.\tЛастайтын заттардың атмосфераға стационарлық көздерден шығуы\tШартты тонна\t254\n"
           "2.\tҚатты қалдықтарды орналастыру үшін\t1 тоннаға\t1,8\n"),
}


def _build(lang, title, text, doc_type="decision"):
    return build(Document(id=f"t/inherit/{lang}", source="test", part=0, language=lang, doc_type=doc_type,
                          title=title, text=text))


def _rows(b):
    return [u for u in b.units if u.kind == "point" and "\t" in b.doc.text[u.start:u.end]]


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_a_rate_tables_row_is_about_what_its_act_sets(lang):
    """«1.\\tВыброс загрязняющих веществ …\\t254» names no tax: only the decision's title («Об утверждении
    ставок платы за …», «… төлемдер ставкасын бекіту туралы») says it is a payment's rate."""
    title, text = RATES[lang]
    rows = _rows(_build(lang, title, text))
    assert len(rows) == 2 and all(u.competencies == ["taxes"] for u in rows)
    assert all(any(p.startswith("title: ") for p in u.explain["taxes"]) for u in rows)   # explainable
    assert not any(_rows(_build(lang, "", text))[i].competencies for i in range(2))      # its own words alone


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_a_unit_that_is_no_row_does_not_take_the_title_alone(lang):
    """«1. Утвердить ставки согласно приложению» has no evidence of taxes of its own: the title is weak
    evidence there, never enough by itself."""
    title, text = RATES[lang]
    first = [u for u in _build(lang, title, text).units if u.kind == "point"][0]
    assert "taxes" not in first.competencies


ETHICS = {
    "ru": ("Об утверждении Регламента маслихата",
           "Глава 1. Общие положения\n\n1. Настоящий Регламент определяет порядок работы маслихата.\n\n"
           "Глава 2. Депутатская этика\n\n2. Депутаты маслихата:\n1) должны соблюдать регламент;\n"
           "2) не должны призывать к незаконным и насильственным действиям.\n\n"
           "3. Заседание проводится в здании маслихата.\n"),
    "kk": ("Мәслихат регламентін бекіту туралы",
           "1-тарау. Жалпы ережелер\n\n1. Осы Регламент мәслихаттың жұмыс тәртібін айқындайды.\n\n"
           "2-тарау. Депутаттық әдеп\n\n2. Мәслихат депутаттары:\n1) регламентті сақтауға тиіс;\n"
           "2) заңсыз және зорлық-зомбылық әрекеттерге шақырмауға тиіс.\n\n"
           "3. Отырыс мәслихат ғимаратында өткізіледі.\n"),
}


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_an_ethics_subpoint_reads_its_chapters_heading(lang):
    """«Депутатская этика / Депутаттық әдеп» over «Депутаты маслихата: … 2) не должны призывать …»: the
    subpoint and its lead-in name the deputy once (weak), the chapter says what the list is about."""
    title, text = ETHICS[lang]
    b = _build(lang, title, text, "regulation")
    subs = [u for u in b.units if u.kind == "subpoint"]
    assert len(subs) == 2 and all("deputy_status" in u.competencies for u in subs)
    lead = text[b.units[[u.id for u in b.units].index(subs[1].parent_id)].start:subs[0].start]
    assert "deputy_status" not in tag(text[subs[1].start:subs[1].end], lang, lead)   # without the heading
    # a point of the same chapter with no evidence of its own does not take the heading
    last = [u for u in b.units if u.kind == "point"][-1]
    assert "deputy_status" not in last.competencies


LIST = {
    "ru": "Решение маслихата\n\n1. Адресная социальная помощь оказывается в виде:\n- пособия на рождение ребенка;\n"
          "- выплаты на погребение работавших граждан.\n\n2. Решение вводится в действие со дня опубликования.\n",
    "kk": "Мәслихаттың шешімі\n\n1. Атаулы әлеуметтік көмек мына түрде көрсетіледі:\n- баланың тууына берілетін жәрдемақы;\n"
          "- жұмыс істеген азаматтарды жерлеуге төлем.\n\n2. Шешім жарияланған күнінен бастап қолданысқа енгізіледі.\n",
}


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_an_item_of_a_list_of_parts_reads_the_lists_opening(lang):
    """«1. Адресная социальная помощь оказывается в виде: - … - выплаты на погребение …»: the item never
    repeats «social aid»; read with its list's opening (as a subpoint already was) it is social."""
    text = LIST[lang]
    b = _build(lang, "", text)
    parts = [u for u in b.units if u.kind == "part"]
    assert len(parts) == 2
    leads = lead_ins(b.units, text)
    assert all(text[slice(*leads[u.id])].rstrip().endswith(":") for u in parts)
    assert "social" not in tag(text[parts[1].start:parts[1].end], lang)     # its own words alone
    assert "social" in parts[1].competencies
    assert lead_ins(b.units) == {}                                          # without the text: subpoints only


def test_lead_ins_of_parts_need_an_opening_that_ends_with_a_colon():
    from maslihat.core.model import Unit
    text = "1. Первый абзац.\nВторой абзац.\n2. Список:\nа;\nб.\n"
    q, item = text.index("2."), text.index("а;")
    units = [Unit("p", "d", "point", 0, q, "п. 1"), Unit("a1", "d", "part", 3, 17, "п. 1 абз. 1", parent_id="p"),
             Unit("a2", "d", "part", 17, q, "п. 1 абз. 2", parent_id="p"),       # «Первый абзац.» has no colon
             Unit("q", "d", "point", q, len(text), "п. 2"),
             Unit("b1", "d", "part", item, item + 3, "п. 2 абз. 1", parent_id="q"),
             Unit("b2", "d", "part", item + 3, len(text), "п. 2 абз. 2", parent_id="q")]
    assert lead_ins(units, text) == {"b1": (q, item), "b2": (q, item)}
