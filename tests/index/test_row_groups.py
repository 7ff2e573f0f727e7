"""Issue 16: a table's row stands under its group's row. In a rates table a group of rows opens with
a row that names the group and holds no figure («3 Размещение отходов производства и потребления»),
and the rows under it hold only their own cells («- вскрышные породы | за 1 тонну | 0,5»). The
readers put them as sibling units, so the row's search context (``Store.heading_context``) lacked
the group's name: a question naming the group and the kind found the group's row, not the row with
the figure. Now a row with a figure stands under the nearest group's row before it, or its parent
when the parent is one (``Store.row_groups``), for the ranking of both back ends and in the reader
of a hit (``lead_in``). RU and KK, in the public repositories' layout (rus.md, kaz.md, meta.yaml)."""
import pytest

from maslihat.corpus import store_context as store_mod
from tests.index.small_corpus import assert_same_first, corpus_fixture

META = """act_code: 'T16'
requisite: Решение Тестового районного маслихата от 20 декабря 2023 года № 12-3. Зарегистрировано в Реестре государственной регистрации нормативных правовых актов 28 декабря 2023 года № 9999
title:
  rus: О ставках платы за эмиссии в окружающую среду и стоимости разовых талонов
  kaz: Қоршаған ортаға эмиссиялар үшін төлемақы ставкалары және бір жолғы талондардың құны туралы
form: РЕШ
type_codes:
- РЕШ
approved_on: 2023-12-20
version_date:
  kaz: 2023-12-20
  rus: 2023-12-20
"""

RUS = """# О ставках платы за эмиссии в окружающую среду и стоимости разовых талонов

В соответствии с Налоговым кодексом Республики Казахстан Тестовый районный маслихат РЕШИЛ:

1. Утвердить ставки платы за эмиссии в окружающую среду согласно приложению 1.

2. Утвердить стоимость разовых талонов согласно приложению 2.

3. Предприятиям, вывозящим вскрышные породы с карьеров, ежеквартально представлять сведения об объемах вывоза в отдел предпринимательства.

4. Настоящее решение вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования.

**Председатель сессии**

> *Приложение 1*
> *к решению Тестового районного маслихата*
> *от 20 декабря 2023 года № 12-3*

# Ставки платы за эмиссии в окружающую среду

<table>
<tr><td>№</td><td>Виды эмиссий</td><td>Единица измерения</td><td>Ставка, МРП</td></tr>
<tr><td>1</td><td>Выбросы загрязняющих веществ от стационарных источников</td><td>условная тонна</td><td>10</td></tr>
<tr><td>2</td><td>Сбросы загрязняющих веществ в водные объекты</td><td>условная тонна</td><td>20</td></tr>
<tr><td>3</td><td>Размещение отходов производства и потребления</td><td></td><td></td></tr>
<tr><td></td><td>- ртутьсодержащие лампы</td><td>за 1 штуку</td><td>0,2</td></tr>
<tr><td></td><td>- золошлаки</td><td>за 1 тонну</td><td>1,5</td></tr>
<tr><td></td><td>- вскрышные породы</td><td>за 1 тонну</td><td>0,5</td></tr>
<tr><td>4</td><td>Сжигание попутного газа в факелах</td><td>1000 кубических метров</td><td>4</td></tr>
</table>

> *Приложение 2*
> *к решению Тестового районного маслихата*
> *от 20 декабря 2023 года № 12-3*

# Стоимость разовых талонов

<table>
<tr><td>№</td><td>Вид реализуемых товаров</td><td>Стоимость талона, тенге</td></tr>
<tr><td>1</td><td>Картофель, овощи</td><td>100</td></tr>
<tr><td>2</td><td>Мясо и мясопродукты</td><td>200</td></tr>
<tr><td>3</td><td>Цветы</td><td>150</td></tr>
</table>
"""

KAZ = """# Қоршаған ортаға эмиссиялар үшін төлемақы ставкалары және бір жолғы талондардың құны туралы

Қазақстан Республикасының Салық кодексіне сәйкес Тестовый аудандық мәслихаты ШЕШІМ ҚАБЫЛДАДЫ:

1. Қоршаған ортаға эмиссиялар үшін төлемақы ставкалары 1-қосымшаға сәйкес бекітілсін.

2. Бір жолғы талондардың құны 2-қосымшаға сәйкес бекітілсін.

3. Карьерлерден аршылған жыныстарды шығаратын кәсіпорындар тоқсан сайын шығару көлемі туралы мәліметтерді кәсіпкерлік бөліміне ұсынсын.

4. Осы шешім оның алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі.

**Сессия төрағасы**

> *Тестовый аудандық мәслихатының*
> *2023 жылғы 20 желтоқсандағы*
> *№ 12-3 шешіміне 1-қосымша*

# Қоршаған ортаға эмиссиялар үшін төлемақы ставкалары

<table>
<tr><td>№</td><td>Эмиссиялар түрлері</td><td>Өлшем бірлігі</td><td>Ставка, АЕК</td></tr>
<tr><td>1</td><td>Стационарлық көздерден ластаушы заттардың шығарындылары</td><td>шартты тонна</td><td>10</td></tr>
<tr><td>2</td><td>Ластаушы заттардың су объектілеріне төгінділері</td><td>шартты тонна</td><td>20</td></tr>
<tr><td>3</td><td>Өндіріс және тұтыну қалдықтарын орналастыру</td><td></td><td></td></tr>
<tr><td></td><td>- құрамында сынап бар шамдар</td><td>1 дана үшін</td><td>0,2</td></tr>
<tr><td></td><td>- күл-қож</td><td>1 тонна үшін</td><td>1,5</td></tr>
<tr><td></td><td>- аршылған жыныстар</td><td>1 тонна үшін</td><td>0,5</td></tr>
<tr><td>4</td><td>Ілеспе газды алауларда жағу</td><td>1000 текше метр</td><td>4</td></tr>
</table>

> *Тестовый аудандық мәслихатының*
> *2023 жылғы 20 желтоқсандағы*
> *№ 12-3 шешіміне 2-қосымша*

# Бір жолғы талондардың құны

<table>
<tr><td>№</td><td>Өткізілетін тауарлар түрі</td><td>Талон құны, теңге</td></tr>
<tr><td>1</td><td>Картоп, көкөністер</td><td>100</td></tr>
<tr><td>2</td><td>Ет және ет өнімдері</td><td>200</td></tr>
<tr><td>3</td><td>Гүлдер</td><td>150</td></tr>
</table>
"""

FILES = {"T16/meta.yaml": META, "T16/rus.md": RUS, "T16/kaz.md": KAZ}
corpus = corpus_fixture("row_groups", FILES)

# natural questions naming the group and the kind: the row with the figure answers
QUESTIONS = [("сколько платить за размещение отходов вскрышных пород", "ru", "вскрышные породы"),
             ("плата за размещение золошлаков", "ru", "золошлаки"),
             ("аршылған жыныстарды орналастыру үшін қанша төлеу керек", "kk", "аршылған жыныстар"),
             ("күл-қож қалдықтарын орналастыру төлемақысы", "kk", "күл-қож")]
GROUP = {"ru": "Размещение отходов производства и потребления", "kk": "Өндіріс және тұтыну қалдықтарын орналастыру"}


def _top(c, query, lang, n=3):
    return c.search(query, lang=lang, limit=n)["hits"]


def _without_groups(corpus, monkeypatch):
    monkeypatch.setattr(store_mod.ContextReads, "row_groups", lambda self, ids: {})
    corpus.index.memo("context").clear()


@pytest.mark.parametrize("query,lang,want", QUESTIONS)
def test_the_row_with_the_figure_answers_a_question_naming_its_group(corpus, query, lang, want, monkeypatch):
    """First with its group's name in its context; without it, the group's row (no figure) or a
    point of the decision that names the kind ranks above it."""
    first = _top(corpus, query, lang)[0]
    assert first["text"].startswith("- " + want), first["text"]
    try:
        _without_groups(corpus, monkeypatch)
        assert not _top(corpus, query, lang)[0]["text"].startswith("- " + want)
    finally:
        monkeypatch.undo()
        corpus.index.memo("context").clear()


@pytest.mark.parametrize("query,lang,want", QUESTIONS)
def test_the_reader_shows_the_rows_group(corpus, query, lang, want):
    """«- вскрышные породы | за 1 тонну | 0,5» names no waste: the hit carries its group's name."""
    hit = next(h for h in _top(corpus, query, lang, 10) if h["text"].startswith("- " + want))
    assert hit["lead_in"] == GROUP[lang]
    assert corpus.show(hit["unit_id"])["lead_in"] == GROUP[lang]      # ``maslihat show`` and the app's reader


@pytest.mark.parametrize("lang,want", [("ru", "золошлаки"), ("kk", "күл-қож")])
def test_the_search_context_of_a_row_holds_its_group(corpus, lang, want):
    row = next(h["unit_id"] for h in corpus.search(want, lang=lang, limit=10)["hits"] if want in h["text"])
    assert GROUP[lang] in corpus.store.heading_context([row])[row][1]
    assert corpus.store.row_groups([row]) == {row: [GROUP[lang]]}


@pytest.mark.parametrize("lang,rows", [("ru", ("Сжигание попутного газа", "Выбросы загрязняющих", "Цветы", "Мясо")),
                                       ("kk", ("Ілеспе газды", "Стационарлық көздерден", "Гүлдер", "Ет және"))])
def test_rows_outside_a_group_stand_under_none(corpus, lang, rows, monkeypatch):
    """The numbered row after the group («4 Сжигание попутного газа») is its peer, not its member;
    rows before it and the rows of a table without group rows get nothing, and their search context
    is what it was without the rule."""
    ids = [next(h["unit_id"] for h in corpus.search(w, lang=lang, limit=10)["hits"] if w in h["text"]) for w in rows]
    assert corpus.store.row_groups(ids) == {}
    before = corpus.store.heading_context(ids)
    monkeypatch.setattr(store_mod.ContextReads, "row_groups", lambda self, ids: {})
    assert corpus.store.heading_context(ids) == before
    assert all(corpus.store.lead_ins([i]).get(i) is None for i in ids)


@pytest.mark.parametrize("text,name", [
    ("4\tРазмещение отходов производства", "Размещение отходов производства"),
    ("II. Азық-түлік тауарлары", "Азық-түлік тауарлары"),
    ("4.\tӨндіріс қалдықтарын орналастыру:", "Өндіріс қалдықтарын орналастыру"),
    ("2.Құс", "Құс"),
    ("3. овощи, фрукты и т. д.", "овощи, фрукты и т. д."),
    # not a group's row: prose, a row of figures, a header of several columns
    ("1. Утвердить ставки платы за эмиссии в окружающую среду согласно приложению 1.", ""),
    ("3. Мәслихат шешімі ресми жарияланған күннен бастап қолданысқа енгізіледі.", ""),
    ("Депутаты маслихата обязаны присутствовать на сессиях; отсутствие без причины недопустимо;", ""),
    ("- I класса токсичности\tза 1 тонну\t3616", ""),
    ("3. Боулинг\tх\tх\tх", ""),
    ("1 категория\t2 категория\t3 категория", ""),
    ("Республика Казахстан\tДругие государства", "")])
def test_a_groups_row_is_a_name_without_a_figure(text, name):
    assert store_mod.group_name(text) == name


@pytest.mark.parametrize("text,figure", [
    ("- I класса токсичности\tза 1 тонну\t3616", True),
    ("Сөреден\t190\t150\t100", True),
    ("- золошлаки\tза 1 тонну\t1,5", True),
    ("3. Боулинг\tх\tх\tх", True),
    ("4\tРазмещение отходов производства", False),
    ("Онда мынадай мәселелер қамтылған:-\tжергілікті қауымдастық аумағы", False),
    ("1. Утвердить ставки платы за 2024 год.", False)])
def test_a_row_with_a_figure(text, figure):
    assert store_mod.has_figure(text) is figure


def test_prose_before_a_row_is_not_its_group(tmp_path):
    """A short sentence of prose without a full stop before a line of cells without figures (a
    Kazakh diploma work's list, read as cells) gives it nothing: only a row with a figure has a group."""
    from tests.index.small_corpus import small_corpus
    text = ("Жергілікті басқару туралы\n\nБұл мәселелердің тізбектері заң жобасында көрсетілген\n\n"
            "Онда мынадай мәселелер қамтылған:-\tжергілікті қауымдастық аумағының шекаралары\n")
    with small_corpus(tmp_path, {"work_kk.txt": text}) as c:
        ids = [r[0] for r in c.store.conn.execute("SELECT id FROM units")]
        assert c.store.row_groups(ids) == {}


@pytest.mark.elasticsearch
def test_elasticsearch_finds_the_row_in_the_top_three_too(tmp_path, es_url, corpus):
    from tests.index.small_corpus import small_corpus
    (tmp_path / "es").mkdir()
    (tmp_path / "same").mkdir()
    with small_corpus(tmp_path / "es", FILES, es_url) as ce:
        for query, lang, want in QUESTIONS:
            assert any(h["text"].startswith("- " + want) for h in _top(ce, query, lang)), query
    assert_same_first(tmp_path / "same", es_url, corpus, FILES, [(q, lang) for q, lang, _ in QUESTIONS])
