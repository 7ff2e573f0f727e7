"""Coursework (toc, headings, paragraphs, bibliography) and government replies (address, topics, signature)."""
from __future__ import annotations

import pytest

from maslihat.nlp.segment import segment

from .helpers import doc, seed_text


@pytest.mark.parametrize("name,toc_start", [("000_eba0dbad217e7da3.txt", "1. Кіріспе бөлім"),
                                            ("002_fc27ebda89a446a4.txt", "Мазмұны")])
def test_coursework_table_of_contents_is_one_unit(name, toc_start):
    d = doc(seed_text(name), "kk", "coursework")
    units = segment(d)
    tocs = [u for u in units if u.kind == "toc"]
    assert len(tocs) == 1 and d.text[tocs[0].start:].startswith(toc_start)
    assert not any(u.kind == "point" for u in units)
    assert sum(u.kind == "paragraph" for u in units) > 50


def test_coursework_headings_and_bibliography():
    text = ("Мазмұны\nКіріспе 3\n1.1 Мәслихаттар 4-6\nҚорытынды 20\n\nКіріспе\n\n"
            "Жергілікті өкілді органдар туралы кең мәтін осында жазылған және ол ұзақ.\n\n"
            "1.1 Мәслихаттар\n\nМәслихаттар туралы мәтін.\n\nҚорытынды\n\nҚорытынды мәтін.\n\n"
            "Қолданылған әдебиеттер\n1. Қазақстан Республикасының Конституциясы. 1995.\n"
            "2. Жергілікті мемлекеттік басқару туралы Заң. 2001.\n")
    units = segment(doc(text, "kk", "coursework"))
    kinds = [(u.kind, u.heading) for u in units if u.kind in ("toc", "heading")]
    assert kinds[0][0] == "toc"
    assert [h for k, h in kinds if k == "heading"] == ["Кіріспе", "1.1 Мәслихаттар", "Қорытынды",
                                                       "Қолданылған әдебиеттер"]
    assert sum(u.kind == "bibliography_entry" for u in units) == 2


def test_government_reply():
    d = doc(seed_text("004_a94f33b09feff6f9.txt"), "kk", "government_reply")
    units = segment(d)
    heads = [u.heading for u in units if u.kind == "heading"]
    assert heads[0] == "Өкілді органдардың салық мөлшерлемелерін реттеуіне қатысты"
    assert "Мәслихат депутаттарының сайланбалылығына қатысты" in heads
    assert [d.text[u.start:u.end] for u in units if u.kind == "signature"] == ["О. Бектенов"]
    assert units[0].kind == "preamble" and "депутаттарына" in d.text[units[0].start:units[0].end]
    by_id = {u.id: u for u in units}
    assert all(by_id[u.parent_id].kind == "heading" for u in units if u.kind == "paragraph" and u.parent_id)


def coursework(name):
    d = doc(seed_text(name), "kk", "coursework")
    return d, segment(d)


@pytest.mark.parametrize("name,headings", [
    # seed 000: the first heading of the text is glued to its paragraph by a full stop
    ("000_eba0dbad217e7da3.txt", ["Жергілікті өкілді және атқарушы органдар"]),
    # seed 002: an upper-case chapter title, a numbered title, titles glued to the text without a space
    ("002_fc27ebda89a446a4.txt", ["ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ АЙМАҚТАРЫНДА ЖЕРГІЛІКТІ МЕМЛЕКЕТТІК БАСҚАРУ ЖӘНЕ "
                                  "ӨЗІН-ӨЗІ БАСҚАРУ",
                                  "1.1 Қазақстан Республикасының жергілікті органдарына жалпы сипаттама және "
                                  "әкімшілік-аумақтық құрылысы",
                                  "Жергілікті өкілетті орган",
                                  "Қазақстан Республикасындағы жергілікті атқарушы органдар1",
                                  "Қазақстан Республикасында жергілікті өзін-өзі басқару түсінігі"]),
    # seed 003: a short noun phrase on its own line
    ("003_c60c2ee9ece42dff.txt", ["Негізгі терминдер"]),
])
def test_coursework_seed_headings(name, headings):
    d, units = coursework(name)
    assert [u.heading for u in units if u.kind == "heading"] == headings
    # a glued heading's paragraph starts right after it
    for u in units:
        if u.kind == "paragraph":
            assert d.text[u.start] not in " .\n"


def test_coursework_toc_stops_where_the_text_starts():
    d, units = coursework("002_fc27ebda89a446a4.txt")
    toc = next(u for u in units if u.kind == "toc")
    assert d.text[toc.start:toc.end].rstrip().endswith("58-59")
    first = units[units.index(toc) + 1]
    assert first.kind == "paragraph" and d.text[first.start:].startswith("1995 жылы қабылданған")


def test_coursework_numbered_heading_has_its_number():
    _, units = coursework("002_fc27ebda89a446a4.txt")
    assert [u.number for u in units if u.kind == "heading" and u.number] == ["1.1"]


GLUED_CASES = [
    pytest.param("Жергілікті басқару жүйесі.2001 жылғы Заң жергілікті басқаруды реттейді және ол ұзақ мәтін.",
                 "kk", ["Жергілікті басқару жүйесі"], id="kk-period"),
    pytest.param("Мәслихаттың құзыретіМәслихат өз құзыретін сессияда жүзеге асырады және бұл ұзақ мәтін.",
                 "kk", ["Мәслихаттың құзыреті"], id="kk-camel"),
    pytest.param("Компетенция маслихатаМаслихат осуществляет свою компетенцию на сессиях, это длинный текст.",
                 "ru", ["Компетенция маслихата"], id="ru-camel"),
    # a short sentence glued to the next is not a heading: it ends in its predicate
    pytest.param("Сессия жылына төрт рет шақырылады.Кезектен тыс сессияны хатшы шақырады және бұл ұзақ мәтін.",
                 "kk", [], id="kk-sentence"),
    pytest.param("Комиссии образуются на срок полномочий.Комиссия избирает председателя, это длинный текст.",
                 "ru", [], id="ru-sentence"),
]


@pytest.mark.parametrize("paragraph,lang,headings", GLUED_CASES)
def test_glued_headings(paragraph, lang, headings):
    text = "Кіріспе\n\nБұл жұмыстың кіріспесі ұзақ мәтіннен тұрады және ол абзац болып саналады.\n\n" + paragraph + "\n"
    units = segment(doc(text, lang, "coursework"))
    assert [u.heading for u in units if u.kind == "heading"] == ["Кіріспе"] + headings


def test_bibliography_entries_glued_to_heading_and_wrapped():
    text = ("Қорытынды\n\nҚорытынды мәтін ұзақ болуы керек, сондықтан бұл сөйлем жеткілікті ұзын.\n\n"
            "Қолданылған әдебиеттер 1. Қазақстан Республикасының Конституциясы. 1995. 2. Жергілікті мемлекеттік "
            "басқару туралы Заң. 2001.\n3. Сапарғалиев Ғ. Қазақстан Республикасының\nконституциялық құқығы. "
            "Алматы, 2003.\nБаймаханов М.Т. Избранные труды. Алматы, 2003.\n")
    d = doc(text, "kk", "coursework")
    units = segment(d)
    assert [u.heading for u in units if u.kind == "heading"] == ["Қорытынды", "Қолданылған әдебиеттер"]
    entries = [d.text[u.start:u.end] for u in units if u.kind == "bibliography_entry"]
    assert len(entries) == 4 and entries[2].endswith("Алматы, 2003.") and entries[3].startswith("Баймаханов")
