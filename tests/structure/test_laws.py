"""National laws in articles, RU and KK: units, labels, notes, self and internal references.

Fixtures are short excerpts of real laws (the Law «О правовых актах» and the Law «О порядке
рассмотрения обращений…»), typed in as the repositories' markdown reads after the reader.
"""
import pytest

from maslihat.core.model import Document
from maslihat.nlp.references import find_references
from maslihat.nlp.resolve import resolve
from maslihat.nlp.segment import segment

LAW_RU = """О порядке рассмотрения обращений физических и юридических лиц

Настоящий Закон регулирует общественные отношения, связанные с рассмотрением обращений.

РАЗДЕЛ 1. ОБЩИЕ ПОЛОЖЕНИЯ

Глава 1. ОСНОВНЫЕ ПОЛОЖЕНИЯ

Статья 1. Основные понятия, используемые в настоящем Законе

В настоящем Законе используются следующие основные понятия:

1) запрос - просьба лица о предоставлении информации;

2) жалоба - требование лица о восстановлении нарушенных прав.

Сноска. Статья 1 с изменениями, внесенными законами РК от 10.02.2011 № 406-IV; от 24.11.2015 № 419-V (вводится в действие с 01.01.2016).

Статья 6. Требования к письменному обращению

Сноска. Заголовок статьи 6 в редакции Закона РК от 24.11.2015 № 419-V (вводится в действие с 01.01.2016).

1. Обращение должно адресоваться субъекту, в компетенцию которого входит разрешение вопросов:

   12-3) утверждает положение о почетных грамотах;

   а) иные вопросы.

2. Требования пункта 1 настоящей статьи не распространяются на запросы, указанные в статьях 1 и 21-1 настоящего Закона.

Примечание РЦПИ!
Текст статьи приводится в редакции на дату опубликования.

Статья 21-1. Порядок рассмотрения обращений

Порядок, установленный частью первой настоящей статьи, применяется в соответствии с настоящим Законом.

Вторая часть статьи.

Параграф 1. Секретарь
"""

LAW_KK = """Жеке және заңды тұлғалардың өтініштерін қарау тәртібі туралы

Осы Заң жеке және заңды тұлғалардың өтініштерін беру мен қарауға байланысты қатынастарды реттейді.

1-БӨЛІМ. ЖАЛПЫ ЕРЕЖЕЛЕР

1-тарау. НЕГІЗГІ ЕРЕЖЕЛЕР

1-бап. Осы Заңда пайдаланылатын негізгі ұғымдар

Осы Заңда мынадай негізгі ұғымдар пайдаланылады:

1) сауал - ақпарат беру туралы өтініш;

2) шағым - бұзылған құқықтарды қалпына келтіру туралы талап.

Ескерту. 1-бапқа өзгерістер енгізілді - ҚР 2011.02.10 N 406-IV; 24.11.2015 № 419-V Заңдарымен.

6-бап. Жазбаша өтінішке қойылатын талаптар

Ескерту. 6-баптың тақырыбы жаңа редакцияда - ҚР 24.11.2015 № 419-V Заңымен.

1. Өтініш мәселелерді шешу құзыретіне кіретін субъектіге жіберілуге тиіс:

   12-3) құрмет грамоталары туралы ережені бекітеді;

2. Осы баптың 1-тармағының талаптары осы Заңның 1 және 21-1-баптарында көрсетілген сауалдарға қолданылмайды.

РҚАО-ның ескертпесі!
Бап мәтіні жариялау күнгі редакцияда келтіріледі.

21-1-бап. Өтініштерді қарау тәртібі

Осы баптың бірінші бөлігінде белгіленген тәртіп осы Заңға сәйкес қолданылады.

Баптың екінші бөлігі.
"""


def _law(text, lang):
    d = Document(id=f"law/{lang}", source="x", part=0, language=lang, doc_type="law", title="x", text=text)
    units = segment(d)
    refs = resolve(find_references(d, units), d, units)
    return d, units, refs


def _by_label(units):
    return {u.label: u for u in units}


@pytest.mark.parametrize("text, lang, labels", [
    (LAW_RU, "ru", ["разд. 1", "гл. 1", "ст. 1", "ст. 1 пп. 1)", "ст. 1 пп. 2)", "ст. 6", "ст. 6 п. 1",
                    "ст. 6 п. 1 пп. 12-3)", "ст. 6 п. 1 пп. а)", "ст. 6 п. 2", "ст. 21-1", "параграф 1"]),
    (LAW_KK, "kk", ["1-бөлім", "1-тарау", "1-бап", "1-баптың 1) тармақшасы", "1-баптың 2) тармақшасы", "6-бап",
                    "6-баптың 1-тармағы", "6-баптың 1-тармағының 12-3) тармақшасы", "6-баптың 2-тармағы",
                    "21-1-бап"]),
])
def test_articles_points_subpoints_and_labels(text, lang, labels):
    _, units, _ = _law(text, lang)
    got = [u.label for u in units if u.kind in ("section", "chapter", "article", "point", "subpoint", "subchapter")]
    assert got == labels
    arts = {u.number: u for u in units if u.kind == "article"}
    assert set(arts) == {"1", "6", "21-1"}
    assert arts["6"].heading.startswith(("Требования", "Жазбаша"))


@pytest.mark.parametrize("text, lang, note_start, parent_label", [
    (LAW_RU, "ru", "Сноска. Статья 1", "ст. 1"),             # after the article's last subpoint: the article
    (LAW_RU, "ru", "Сноска. Заголовок статьи 6", "ст. 6"),
    (LAW_RU, "ru", "Примечание РЦПИ!", "ст. 6"),
    (LAW_KK, "kk", "Ескерту. 1-бапқа", "1-бап"),
    (LAW_KK, "kk", "Ескерту. 6-баптың тақырыбы", "6-бап"),
    (LAW_KK, "kk", "РҚАО-ның ескертпесі!", "6-бап"),
])
def test_notes_attach_to_what_they_annotate_and_hold_nothing(text, lang, note_start, parent_label):
    d, units, _ = _law(text, lang)
    by_id = {u.id: u for u in units}
    note = next(u for u in units if u.kind == "note" and d.text[u.start:].startswith(note_start))
    assert by_id[note.parent_id].label.startswith(parent_label)
    assert not any(u.parent_id == note.id for u in units)
    # the next article is not swallowed by the note
    assert all(by_id.get(u.parent_id) is None or by_id[u.parent_id].kind != "note" for u in units)


@pytest.mark.parametrize("text, lang, phrase, want", [
    (LAW_RU, "ru", "пункта 1 настоящей статьи", ("6", "1", None)),
    (LAW_RU, "ru", "статьях 1 и 21-1 настоящего Закона", ("1", None, None)),
    (LAW_RU, "ru", "частью первой настоящей статьи", ("21-1", None, None)),
    (LAW_KK, "kk", "Осы баптың 1-тармағының", ("6", "1", None)),
    (LAW_KK, "kk", "осы Заңның 1 және 21-1-баптарында", ("1", None, None)),
    (LAW_KK, "kk", "Осы баптың бірінші бөлігінде", ("21-1", None, None)),
])
def test_internal_references_resolve_to_the_unit(text, lang, phrase, want):
    d, units, refs = _law(text, lang)
    by_id = {u.id: u for u in units}
    at = d.text.index(phrase)
    hits = [r for r in refs if r.start <= at < r.end or at <= r.start < at + len(phrase)]
    assert hits and all(r.kind == "internal" and r.resolved_document_id == d.id for r in hits)

    def chain(u):
        out = {}
        while u is not None:
            out.setdefault(u.kind, u.number)
            u = by_id.get(u.parent_id)
        return out.get("article"), out.get("point"), out.get("subpoint")
    assert want in [chain(by_id[r.resolved_unit_id]) for r in hits]


def test_list_of_articles_gives_one_reference_each():
    d, units, refs = _law(LAW_RU, "ru")
    at = d.text.index("статьях 1 и 21-1")
    arts = sorted(r.target["article"] for r in refs if r.start <= at < r.end)
    assert arts == ["1", "21-1"]


def test_part_of_an_article_resolves_to_that_paragraph():
    d, units, refs = _law(LAW_RU, "ru")
    at = d.text.index("частью первой")
    r = next(r for r in refs if r.start <= at < r.end)
    u = next(u for u in units if u.id == r.resolved_unit_id)
    assert u.kind == "part" and d.text[u.start:].startswith("Порядок, установленный")


@pytest.mark.parametrize("text, lang, phrase", [
    (LAW_RU, "ru", "настоящем Законе используются"),
    (LAW_RU, "ru", "настоящим Законом"),
    (LAW_KK, "kk", "Осы Заңда мынадай"),
    (LAW_KK, "kk", "осы Заңға"),
])
def test_self_references_resolve_to_the_act(text, lang, phrase):
    d, _, refs = _law(text, lang)
    at = d.text.index(phrase)
    hits = [r for r in refs if r.start <= at + 8 < r.end]
    assert hits and hits[0].kind == "internal" and hits[0].resolved_document_id == d.id
    assert hits[0].target.get("self")


@pytest.mark.parametrize("text, lang", [(LAW_RU, "ru"), (LAW_KK, "kk")])
def test_headings_and_sentence_subjects_are_not_references(text, lang):
    d, units, refs = _law(text, lang)
    for u in units:
        if u.kind == "article":
            assert not any(u.start <= r.start < u.start + len(u.number) + 6 for r in refs), d.text[u.start:u.end][:40]
    first = d.text.index("Настоящий Закон регулирует" if lang == "ru" else "Осы Заң жеке")
    assert not any(r.start <= first < r.end for r in refs)


@pytest.mark.parametrize("text, lang", [(LAW_RU, "ru"), (LAW_KK, "kk")])
def test_footnote_citations_keep_their_own_act(text, lang):
    d, units, refs = _law(text, lang)
    notes = [u for u in units if u.kind == "note"]
    in_notes = [r for r in refs if any(n.start <= r.start < n.end for n in notes)]
    assert in_notes
    assert all(r.resolved_document_id != d.id for r in in_notes)
    assert any("406" in (r.target.get("number") or "") for r in in_notes)


ADDED_RU = ("Закон\n\nСтатья 1. Понятия\n\n1. Понятие.\n\nСтатья 2-1. Сроки\n\n1. Срок один месяц.\n\n"
            "2. Срок продлевается.\n\nСноска. Закон дополнен статьей 2-1 в соответствии с Законом РК от 03.07.2019 "
            "№ 262-VI.\n\nСтатья 3. Ответ\n\n1. Ответ дается письменно.\n")


def test_a_footnote_naming_the_article_added_cites_the_amending_law_not_its_article():
    """«Закон дополнен статьей 33-1 в соответствии с Законом РК от …»: the article is this law's own (the
    one the note stands under); the amending law is cited without it (was: article 33-1 of the 2019 law,
    which a corpus holding that law would have linked to a provision it does not have)."""
    d, units, refs = _law(ADDED_RU, "ru")
    in_note = [r for r in refs if d.text.index("Сноска") <= r.start]
    assert [(r.target.get("number"), r.target.get("article")) for r in in_note if r.kind == "external"] == [("262-VI", None)]


@pytest.mark.parametrize("note, want", [
    ("Сноска. Статья 6 с изменениями, внесенными законами РК от 29.12.2014 № 269-V (вводится в действие с "
     "01.01.2015); от 24.11.2015 № 419-V (вводится в действие с 01.01.2016).",
     [("2014-12-29", "269-V", "law", "amended"), ("2015-11-24", "419-V", "law", "amended")]),
    ("Сноска. Статья 3 в редакции Конституционного Закона РК от 03.07.2013 № 121-V (вводится в действие по "
     "истечении десяти календарных дней).", [("2013-07-03", "121-V", "constitutional_law", "new_wording")]),
    ("Ескерту. 6-бапқа өзгерістер енгізілді - ҚР 29.12.2014 № 269-V (01.01.2015 бастап қолданысқа "
     "енгізіледі); 24.11.2015 № 419-V (01.01.2016 бастап қолданысқа енгізіледі) Заңдарымен.",
     [("2014-12-29", "269-V", "law", "amended"), ("2015-11-24", "419-V", "law", "amended")]),
    ("Ескерту. 7-бапқа өзгерістер енгізілді - ҚР 2011.02.10 N 406-IV Заңымен.", [("2011-02-10", "406-IV", "law",
                                                                                 "amended")]),
    ("Ескерту. 5-бапқа өзгерiс енгiзiлдi - ҚР Президентiнiң 19.12.1995 № 2691 Жарлығымен.",
     [("1995-12-19", "2691", "decree", "amended")]),
])
def test_footnotes_give_the_amending_acts(note, want):
    from maslihat.nlp.amendments import note_amendments
    got = [(a["date"], a["number"], a["act_type"], a["change"]) for a in note_amendments(note)]
    assert got == want


@pytest.mark.parametrize("text, lang, label", [(LAW_RU, "ru", "ст. 1"), (LAW_KK, "kk", "1-бап")])
def test_the_article_keeps_its_amendment_history(text, lang, label):
    from maslihat.nlp.amendments import attach
    d, units, _ = _law(text, lang)
    am = attach(d, units)
    art = _by_label(units)[label]
    assert [a["number"] for a in art.changed_in] == ["406-IV", "419-V"]
    assert any(g["number"] == "406-IV" and "article 1" in g["units"] for g in am)


@pytest.mark.parametrize("lang, toc, body", [
    ("ru", "Содержание\n\nГлава 1. ОБЩИЕ ПОЛОЖЕНИЯ\n\nСтатья 1. Основные понятия\n\nСтатья 2. Сфера действия\n\n"
           "Статья 3. Принципы\n",
     "Глава 1. ОБЩИЕ ПОЛОЖЕНИЯ\n\nСтатья 1. Основные понятия\n\n1. Текст первой статьи.\n\n"
     "Статья 2. Сфера действия\n\n1. Текст второй статьи.\n\nСтатья 3. Принципы\n\nТекст третьей статьи.\n"),
    ("kk", "1-тарау. ЖАЛПЫ ЕРЕЖЕЛЕР\n1-бап. Негізгі ұғымдар\n2-бап. Қолданылу аясы\n3-бап. Қағидаттар\n",
     "1-тарау. ЖАЛПЫ ЕРЕЖЕЛЕР\n\n1-бап. Негізгі ұғымдар\n\n1. Бірінші баптың мәтіні.\n\n"
     "2-бап. Қолданылу аясы\n\n1. Екінші баптың мәтіні.\n\n3-бап. Қағидаттар\n\nҮшінші баптың мәтіні.\n"),
])
def test_the_contents_list_is_one_toc_unit_not_articles(lang, toc, body):
    text = "Закон о чем-то\n\n" + toc + "\n" + body
    d = Document(id=f"toc/{lang}", source="x", part=0, language=lang, doc_type="law", title="x", text=text)
    units = segment(d)
    tocs = [u for u in units if u.kind == "toc"]
    assert len(tocs) == 1 and d.text[tocs[0].start:tocs[0].end].strip().endswith(toc.strip().split("\n")[-1])
    arts = [u for u in units if u.kind == "article"]
    assert [a.number for a in arts] == ["1", "2", "3"]
    assert all(a.start > tocs[0].end for a in arts)
    assert any(u.kind == "point" for u in units)


INSERTED_RU = """О тестовом управлении

Глава 2. МАСЛИХАТ

Статья 6. Компетенция маслихатов

1. Решения маслихата принимаются на сессии.

Глава 2-1. МЕСТНОЕ САМОУПРАВЛЕНИЕ

Статья 39-1. Собрание местного сообщества

1. Собрание созывается акимом села.
"""
INSERTED_KK = """Тестілік басқару туралы

2-тарау. МӘСЛИХАТ

6-бап. Мәслихаттардың құзыреті

1. Мәслихаттың шешімдері сессияда қабылданады.

2-1-тарау. ЖЕРГІЛІКТІ ӨЗІН-ӨЗІ БАСҚАРУ

39-1-бап. Жергілікті қоғамдастық жиналысы

1. Жиналысты ауыл әкімі шақырады.
"""


@pytest.mark.parametrize("text, lang, chapter", [(INSERTED_RU, "ru", "гл. 2-1"), (INSERTED_KK, "kk", "2-1-тарау")])
def test_an_inserted_chapter_is_a_chapter_of_its_own(text, lang, chapter):
    """Laws number inserted chapters like inserted articles («Глава 2-1», «2-1-тарау»): it was read
    as chapter 2 again (RU) or not at all (KK: its title became a paragraph of the point above)."""
    _, units, _ = _law(text, lang)
    by = _by_label(units)
    assert chapter in by and by[chapter].kind == "chapter" and by[chapter].number == "2-1"
    art = next(u for u in units if u.kind == "article" and u.number == "39-1")
    assert art.parent_id == by[chapter].id
    point = next(u for u in units if u.kind == "point" and u.parent_id != art.id)
    assert "2-1" not in text[point.start:point.end] and not any(u.parent_id == point.id for u in units)


@pytest.mark.parametrize("note, want", [
    # Russian: the act word comes before its list («законами РК от A; от B»); «имеющим силу Закона»
    # belongs to a decree
    ("Сноска. Статья 11 с изменениями, внесенными Указом Президента РК, имеющим силу Закона, от 19.12.1995 "
     "№ 2691; законами РК от 20.12.2004 № 13 (вводится в действие с 01.01.2005); от 29.03.2016 № 479-V "
     "(вводится в действие по истечении двадцати одного календарного дня).",
     [("2691", "decree"), ("13", "law"), ("479-V", "law")]),
    ("Сноска. Статья 9 в редакции Указа Президента РК, имеющего силу Закона, от 19.12.1995 № 2691; с "
     "изменениями, внесенными законами РК от 05.07.2011 № 452-IV (вводится в действие с 13.10.2011); от "
     "03.07.2017 № 86-VI (вводится в действие по истечении десяти календарных дней).",
     [("2691", "decree"), ("452-IV", "law"), ("86-VI", "law")]),
    # Kazakh: the act word follows its list («A; B Заңдарымен; C Конституциялық заңымен»)
    ("Ескерту. 9-бап жаңа редакцияда - ҚР Президентiнiң 19.12.1995 № 2691 Жарлығымен, өзгерістер енгізілді - "
     "ҚР 05.07.2011 № 452-IV (13.10.2011 бастап қолданысқа енгізіледі); 21.01.2013 № 72-V (алғашқы ресми "
     "жарияланғанынан кейін үш ай өткен соң қолданысқа енгізiледi) Заңдарымен; 03.07.2017 № 86-VI (алғашқы "
     "ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі) Конституциялық заңымен.",
     [("2691", "decree"), ("452-IV", "law"), ("72-V", "law"), ("86-VI", "constitutional_law")]),
    ("Ескерту. 11-бапқа өзгеріс енгізілді - Қазақстан Республикасы Президентінің Заң күші бар 19.12.1995 "
     "№ 2691 Жарлығымен; 29.03.2016 № 479-V Заңымен.", [("2691", "decree"), ("479-V", "law")]),
])
def test_each_amending_act_takes_the_act_word_of_its_own_list(note, want):
    from maslihat.nlp.amendments import note_amendments
    assert [(a["number"], a["act_type"]) for a in note_amendments(note)] == want


@pytest.mark.parametrize("lang, text", [
    ("ru", "О чем-то\n\nСтатья 6. Требования\n\n1. Обращение должно адресоваться субъекту.\n\n"
           "Сноска. Пункт 1 с изменением, внесенным Законом РК от 29.12.2014 № 269-V.\n\n"
           "2. Второй пункт статьи.\n\nСтатья 7. Сроки\n\nТекст статьи.\n"),
    ("kk", "Бір нәрсе туралы\n\n6-бап. Талаптар\n\n1. Өтініш субъектіге жіберілуге тиіс.\n\n"
           "Ескерту. 1-тармаққа өзгеріс енгізілді - ҚР 29.12.2014 № 269-V Заңымен.\n\n"
           "2. Баптың екінші тармағы.\n\n7-бап. Мерзімдер\n\nБаптың мәтіні.\n"),
])
def test_amended_units_are_named_alike_in_both_languages(lang, text):
    # a footnote under a point of an article names «article 6 point 1» in both languages, not the
    # label «ст. 6 п. 1» in one and «6-баптың 1-тармағы» in the other
    from maslihat.nlp.amendments import attach
    d, units, _ = _law(text, lang)
    am = attach(d, units)
    assert [(g["number"], g["units"]) for g in am] == [("269-V", ["article 6 point 1"])]
