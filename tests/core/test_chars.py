"""core.chars.replacer: str.translate's result, by one scan per changed character."""
from __future__ import annotations

import pytest

from maslihat.core.chars import replacer


@pytest.mark.parametrize("table", [
    str.maketrans("aceABC", "асеАВС"),
    {0xA0: " ", 0xAD: None, ord("\v"): "\n"},
    str.maketrans({"\u0259": "ә", "ё": "е", "\u018f": "ә"}),      # Latin schwas -> Cyrillic ә
])
@pytest.mark.parametrize("text", ["", "маслихат", "тиicтi Cессия\u00a0№ C-30/3", "ə\u00adә\vёЁ", "plain ascii"])
def test_the_same_as_translate(table, text):
    assert replacer(table)(text) == text.translate(table)


def test_a_table_that_would_replace_twice_is_refused():
    with pytest.raises(ValueError):
        replacer(str.maketrans("ab", "bc"))      # translate gives "bc" for "ab"; replacing in turn "cc"
