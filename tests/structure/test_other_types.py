"""Coursework (toc, headings, paragraphs, bibliography) and government replies (address, topics, signature)."""
from __future__ import annotations

import pytest

from nlp.segment import segment

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
