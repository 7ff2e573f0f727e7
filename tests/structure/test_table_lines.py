"""A table is not cut into units (the dev gold's rule, and a reader's): the numbered lines of a rates
table — rows numbered 1, 2, 3 …, groups of rows numbered anew under Roman numerals, rows numbered like
subpoints — are rows of the appendix, never points, subpoints or chapters of the act. Texts written
here, RU and KK, built by ``corpus.build``; the decision's own points stay points."""
import pytest

from maslihat.core.model import Document
from maslihat.corpus.build import build

OPERATIVE = {
    "ru": ("Решение областного маслихата\n\n1. Утвердить ставки согласно приложению к настоящему решению.\n\n"
           "2. Настоящее решение вводится в действие по истечении десяти календарных дней после дня его первого "
           "официального опубликования.\n\nПриложение\nк решению областного маслихата\n\n"),
    "kk": ("Облыстық мәслихаттың шешімі\n\n1. Қосымшаға сәйкес ставкалар бекітілсін.\n\n"
           "2. Осы шешім алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа "
           "енгізіледі.\n\nОблыстық мәслихаттың шешіміне\nқосымша\n\n"),
}

# rows numbered 1, 2, 3 …, one of them a group of rows («2. … источников:» over its rate lines)
POLLUTION = {
    "ru": ("№\tПоказатели\tЕдиница измерения\tНорматив, тенге\n"
           "1.\tВыброс загрязняющих веществ от стационарных источников\tусловная тонна\t254\n"
           "2.\tВыброс загрязняющих веществ от передвижных источников:\n"
           "- для неэтилированного бензина\tс 1 тонны\t340\n"
           "- для дизельного топлива\tс 1 тонны\t465\n"
           "3.\tРазмещение твердых отходов\tс 1 тонны\t1,8\n"),
    "kk": ("N\tКөрсеткіштер\tӨлшем бірлігі\tНорматив, теңге\n"
           "1.\tЛастайтын заттардың стационарлық көздерден шығуы\tШартты тонна\t254\n"
           "2.\tЛастайтын заттардың жылжымалы көздерден шығуы:\n"
           "- этильденбеген жанармай үшін\t1 тоннаға\t340\n"
           "- дизельді отын үшін\t1 тоннаға\t465\n"
           "3.\tҚатты қалдықтарды орналастыру үшін\t1 тоннаға\t1,8\n"),
}

# groups of rows numbered anew under Roman numerals, rows numbered like subpoints
MARKET = {
    "ru": ("№\tВиды реализуемых товаров\tСтоимость талона в день\n"
           "\t1 категория\t2 категория\t3 категория\n"
           "I\tРеализация мясопродуктов из них 1. мясопродукты, кроме птицы\n"
           "с прилавка\t190\t150\t100\n"
           "с автомашин\t200\t160\t110\n"
           "2. птицы\n"
           "с прилавка\t80\t60\t40\n"
           "с автомашин\t90\t70\t50\n"
           "II\tПродовольственный рынок в том числе\n"
           "1. рыбные продукты\n"
           "с прилавка\t120\t90\t70\n"
           "2. молочные продукты\n"
           "с прилавка\t80\t50\t40\n"
           "1) реализация газет, журналов\t80\t50\t30\n"
           "2) реализация бахчевых культур\t180\t130\t90\n"),
    "kk": ("№\tӨткерілетін тауарлар түрлері\tТалонның күндік құны\n"
           "\t1 санат\t2 санат\t3 санат\n"
           "I.\tЕт өнімдерін өткеру оның ішінде 1.Құстан басқа ет өнімдері\n"
           "Сөреден\t190\t150\t100\n"
           "автомашинадан\t200\t160\t110\n"
           "2.Құс\n"
           "Сөреден\t80\t60\t40\n"
           "автомашинадан\t90\t70\t50\n"
           "II.\tАзық-түлік базары оның ішінде\n"
           "1.Балық өнімдері\n"
           "Сөреден\t120\t90\t70\n"
           "2.Сүт өнімдері\n"
           "Сөреден\t80\t50\t40\n"
           "1) газеттер мен журналдарды өткеру\t80\t50\t30\n"
           "2) бақша дақылдарын өткеру\t180\t130\t90\n"),
}


def _units(lang, table):
    doc = Document(id=f"t/table/{lang}", source="test", part=0, language=lang, doc_type="decision",
                   title="", text=OPERATIVE[lang] + table[lang])
    b = build(doc)
    return b, [u for u in b.units if u.kind in ("point", "subpoint", "chapter", "section", "article")]


@pytest.mark.parametrize("table", [POLLUTION, MARKET], ids=["numbered-rows", "groups-numbered-anew"])
@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_a_tables_numbered_lines_are_rows(lang, table):
    b, numbered = _units(lang, table)
    assert [(u.kind, u.number) for u in numbered] == [("point", "1"), ("point", "2")]
    assert all("\t" not in b.doc.text[u.start:u.end] for u in numbered)
    # every row of the table is a unit of its own (a paragraph of the appendix), its figures with it
    rows = [u for u in b.units if u.kind == "paragraph" and "\t" in b.doc.text[u.start:u.end]]
    figures = [line for line in table[lang].splitlines() if "\t" in line.strip("\t ")]
    assert len(rows) >= len(figures) - 1          # the header's two lines may read as one heading


TABBED = {
    "ru": "Решение маслихата\n\n1.\tУтвердить прилагаемые Правила.\n\n2.\tКонтроль за исполнением настоящего "
          "решения возложить на постоянную комиссию.\n\n3.\tНастоящее решение вводится в действие со дня "
          "опубликования.\n",
    "kk": "Мәслихаттың шешімі\n\n1.\tҚоса беріліп отырған Қағидалар бекітілсін.\n\n2.\tОсы шешімнің орындалуын "
          "бақылау тұрақты комиссияға жүктелсін.\n\n3.\tОсы шешім жарияланған күнінен бастап қолданысқа "
          "енгізіледі.\n",
}


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_points_typed_with_a_tab_after_their_number_stay_points(lang):
    doc = Document(id=f"t/tabbed/{lang}", source="test", part=0, language=lang, doc_type="decision",
                   title="", text=TABBED[lang])
    assert [u.number for u in build(doc).units if u.kind == "point"] == ["1", "2", "3"]


INLINE = {
    "ru": "Решение маслихата\n\n1. Установить ставки платы за пользование водными ресурсами:\n"
          "поверхностные воды\tтиын/куб. метр\t0,92\nподземные воды\tтиын/куб. метр\t1,10\n\n"
          "2. Настоящее решение вводится в действие со дня опубликования.\n",
    "kk": "Мәслихаттың шешімі\n\n1. Су ресурстарын пайдаланғаны үшін төлем ставкалары белгіленсін:\n"
          "жер үсті сулары\tтиын/текше метр\t0,92\nжер асты сулары\tтиын/текше метр\t1,10\n\n"
          "2. Осы шешім жарияланған күнінен бастап қолданысқа енгізіледі.\n",
}


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_a_point_after_a_table_in_the_point_before_stays_a_point(lang):
    doc = Document(id=f"t/inline/{lang}", source="test", part=0, language=lang, doc_type="decision",
                   title="", text=INLINE[lang])
    points = [u for u in build(doc).units if u.kind == "point"]
    assert [u.number for u in points] == ["1", "2"]
