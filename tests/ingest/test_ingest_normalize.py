"""Normalisation: the canonical text every offset, search and segmentation relies on."""
import unicodedata

import pytest

from maslihat.ingest.normalize import fold, normalize


@pytest.mark.parametrize("raw, expected", [
    # odd spaces and invisible characters
    ("от\u00a020\u00a0марта", "от 20 марта"),                      # NBSP (4,112 in seed 001)
    ("2014\u202fжылғы", "2014 жылғы"),                              # narrow NBSP
    ("мәсли\u00adхаты", "мәслихаты"),                               # soft hyphen
    ("\ufeffРешение", "Решение"),                                   # BOM inside text
    ("Решение  маслихата   города", "Решение маслихата города"),    # runs of spaces
    ("строка   \nвторая\t ", "строка\nвторая"),                     # trailing spaces and tabs
    ("a\r\nb\rc", "a\nb\nc"),                                        # CRLF / CR
])
def test_spaces_and_line_ends(raw, expected):
    assert normalize(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("1\tВиды деятельности\t80", "1\tВиды деятельности\t80"),       # table row: tab kept between cells
    ("Облыс  \t  аудан", "Облыс\tаудан"),                           # spaces around a cell tab dropped
    ("\tКіріспе", " Кіріспе"),                                      # a leading tab is indentation
])
def test_tabs_between_cells_are_kept(raw, expected):
    assert normalize(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("мәсли-\nхаттың", "мәслихаттың"),                              # kk word broken over lines
    ("государствен-\nного", "государственного"),                    # ru
    ("өзін-\nөзі басқару және өзін-өзі", "өзін-өзі басқару және өзін-өзі"),  # hyphenated compound kept
    ("Алматы-\nОбласть", "Алматы-\nОбласть"),                       # next line starts a new sentence
])
def test_words_broken_across_lines(raw, expected):
    assert normalize(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("тиicтi", "тиісті"),             # Kazakh і typed as Latin i, Latin c (seed 001)
    ("бip", "бір"),                   # Latin i and p
    ("Kөпшілік", "Көпшілік"),         # Latin capital K
    ("Xатшыны", "Хатшыны"),           # dev corpus OCR noise
    ("oбластного", "областного"),     # Latin o in a Russian word
    ("в соответствии c Законом", "в соответствии с Законом"),  # lone Latin c between Cyrillic words
    ("от 09.10.2014 № C-30/3", "от 09.10.2014 № С-30/3"),      # act number prefix
    ("III созыва", "III созыва"),     # Roman numerals stay Latin
    ("COVID-19 and e-mail", "COVID-19 and e-mail"),  # genuine Latin words untouched
    ("№ 4138", "№ 4138"),
])
def test_latin_lookalikes(raw, expected):
    assert normalize(raw) == expected


def test_result_is_nfc_and_keeps_line_structure(seed_text):
    raw = seed_text("001")
    text = normalize(raw)
    assert unicodedata.is_normalized("NFC", text)
    assert "\u00a0" not in text and "\r" not in text
    assert len(text.split("\n")) == len(raw.strip("\n").split("\n"))


def test_seed_001_has_no_mixed_script_words_left(seed_text):
    import re
    text = normalize(seed_text("001"))
    mixed = [w for w in re.findall(r"\w+", text)
             if re.search("[а-яәғқңөұүһі]", w, re.I) and re.search("[a-z]", w, re.I)]
    assert mixed == []


@pytest.mark.parametrize("a, b, kazakh_letters", [
    ("Мәслихат  ТИICTI", "мәслихат тиісті", False),
    ("мәслихат", "маслихат", True),       # Kazakh words spelt with Russian letters meet
    ("Ёлка", "елка", False),
])
def test_fold_for_search(a, b, kazakh_letters):
    assert fold(a, kazakh_letters) == fold(b, kazakh_letters)


def test_a_line_cleaned_before_in_another_text_is_cleaned_the_same():
    """Lines repeat across files and their cleaned form is kept: a text normalises the same
    whether its lines were met before or not (RU and KK, look-alikes, tabs, runs of spaces)."""
    from maslihat.ingest import normalize as N
    text = "Маслихат  города РЕШИЛ:\n\tтиicтi   шешiм\nҚала  бюджетi\t\t12\n№ C-30/3  от 12.05.2016"
    N._CLEAN.clear()
    fresh = N.normalize(text)
    N.normalize("Қала  бюджетi\t\t12\nМаслихат  города РЕШИЛ:\n\tтиicтi   шешiм")
    assert N.normalize(text) == fresh
    assert fresh.split("\n")[0] == "Маслихат города РЕШИЛ:" and "С-30/3" in fresh and "тиісті" in fresh
