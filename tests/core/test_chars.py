"""core.chars.replacer: str.translate's result, by one scan per changed character."""
from __future__ import annotations

import pytest

from maslihat.core.chars import replacer


@pytest.mark.parametrize("table", [
    str.maketrans("aceABC", "асеАВС"),
    {0xA0: " ", 0xAD: None, ord("\v"): "\n"},
    str.maketrans({"\u0259": "ә", "ё": "е", "\u018f": "ә"}),      # Latin schwas -> Cyrillic ә
])
@pytest.mark.parametrize("text", ["", "маслихат", "тиicтi Cессия\u00a0№ C-30/3", "ə\u00adә\vёЁ", "plain ascii",
                                  "мәслихат " * 150 + "ə", "мәслихат " * 150, "Cессия\u00a0" * 100])   # long: scanned
def test_the_same_as_translate(table, text):
    assert replacer(table)(text) == text.translate(table)


def test_a_table_that_would_replace_twice_is_refused():
    with pytest.raises(ValueError):
        replacer(str.maketrans("ab", "bc"))      # translate gives "bc" for "ab"; replacing in turn "cc"


def test_random_words_lines_and_texts_as_translate():
    """Short texts are searched once for any character of the table before the scans (issue 14):
    the same result as ``translate`` for RU and KK words, lines and long texts, with and without
    the characters, and for characters a regex class treats specially."""
    import random
    rng = random.Random(14)
    table = str.maketrans({"a": "а", "c": "с", "-": "‐", "]": ")", "^": "ˆ", "\\": "/", "ə": "ә", "\u00a0": " "})
    alphabet = "аәбвгғқңөұүһі acCE-]^\\əx\u00a0\n."
    for n in list(range(40)) + [999, 1000, 1001, 3000]:
        text = "".join(rng.choice(alphabet) for _ in range(n))
        assert replacer(table)(text) == text.translate(table)
        plain = "".join(rng.choice("мәслихат сессиясы ") for _ in range(n))
        assert replacer(table)(plain) == plain
