"""Issue 12, twelfth pass: the window pass (``nlp.compare._windows``) also between the two paired
neighbours of a run of free points of A, when their counterparts keep the order, not only between two
pairs of the acts' longest common chain. The case: a block of three points moved whole (in A in the
middle, in B at the end), its first and last points nearly word for word, its middle one worded anew;
the common chain runs through the points that did not move, so the block's two pairs are off it and
the chain puts the middle point between two pairs with nothing free in B between them. Fixtures built
here, RU and KK, no data files."""
from __future__ import annotations

import pytest

from maslihat.nlp import compare
from tests.compare.regulation_text import built, labelled
from tests.compare.test_pair_window import CITY, DISTRICT, POINT, _text

# six points word for word in both acts, in the same order: the common chain
STAY = {"ru": ["Сессия маслихата открывается и закрывается председателем сессии.",
               "Повестка дня сессии утверждается большинством голосов депутатов маслихата.",
               "Решения маслихата публикуются в местной печати в десятидневный срок.",
               "Бюджетная комиссия рассматривает проект бюджета района до его внесения на сессию.",
               "Ревизионная комиссия ежегодно проверяет исполнение бюджета района.",
               "Депутат вправе обратиться с запросом к акиму района."],
        "kk": ["Мәслихат сессиясын сессия төрағасы ашады және жабады.",
               "Сессияның күн тәртібін мәслихат депутаттарының көпшілік дауысымен бекітеді.",
               "Мәслихаттың шешімдері он күн ішінде жергілікті баспасөзде жарияланады.",
               "Бюджет комиссиясы аудан бюджетінің жобасын сессияға енгізілгенге дейін қарайды.",
               "Тексеру комиссиясы аудан бюджетінің атқарылуын жыл сайын тексереді.",
               "Депутат аудан әкіміне сауалмен жүгінуге құқылы."]}
# the moved block: first and last points word for word (the city's points on convening a session and
# signing its minutes); the middle one, a deputy who cannot come tells beforehand, worded anew (cosine
# 0.16 in Russian, 0.21 in Kazakh: under the bars of the passes that look act-wide, and not next to its
# counterpart); beside it in each act a point without a counterpart
FIRST = {lang: CITY[lang][1] for lang in ("ru", "kk")}
LAST = {lang: CITY[lang][5] for lang in ("ru", "kk")}
ABSENT_A = {lang: DISTRICT[lang][2] for lang in ("ru", "kk")}
ABSENT_B = {"ru": CITY["ru"][4],
            "kk": "Отырысқа қатыса алмайтын депутат себебін көрсетіп, бұл туралы аппаратқа жазбаша түрде ескертеді."}
ONLY_A = {lang: DISTRICT[lang][3] for lang in ("ru", "kk")}     # texts of drafts in both languages
ONLY_B = {lang: CITY[lang][3] for lang in ("ru", "kk")}         # registration of deputies' groups
def pairs_of(lang: str, block_b: list[str]) -> dict[str, str]:
    """The district (A: three points, the block, three points) against the city (B: the six points
    that stay, then ``block_b``), by label."""
    s = STAY[lang]
    a = _text(lang, "a", s[:3] + [FIRST[lang], ABSENT_A[lang], ONLY_A[lang], LAST[lang]] + s[3:])
    b = _text(lang, "b", s + block_b)
    return dict(labelled(*built(a, b, lang)))


def _p(lang: str, n: int) -> str:
    return POINT[lang].format(n=n)


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_a_point_of_a_moved_block_is_paired_between_its_neighbours(lang):
    """The district's п. 5 (worded anew) stands between п. 4 → city п. 7 and п. 7 → city п. 10, off
    the common chain: it is paired with the city's п. 9, the free point between their counterparts;
    the points of the block without a counterpart stay unpaired, the rest as word for word."""
    pairs = pairs_of(lang, [FIRST[lang], ONLY_B[lang], ABSENT_B[lang], LAST[lang]])
    assert pairs[_p(lang, 5)] == _p(lang, 9)
    assert pairs[_p(lang, 4)] == _p(lang, 7) and pairs[_p(lang, 7)] == _p(lang, 10)
    assert [pairs[_p(lang, n)] for n in (1, 2, 3, 8, 9, 10)] == [_p(lang, n) for n in (1, 2, 3, 4, 5, 6)]
    assert _p(lang, 6) not in pairs and _p(lang, 8) not in pairs.values()


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_only_the_longest_chain_leaves_it_unpaired(lang, monkeypatch):
    """Without the neighbours' windows (the chain's windows only, as before) the district's п. 5 is
    reported «only in A» and the city's п. 9 «only in B»."""
    monkeypatch.setattr(compare, "NEIGHBOUR_WINDOWS", False)
    pairs = pairs_of(lang, [FIRST[lang], ONLY_B[lang], ABSENT_B[lang], LAST[lang]])
    assert _p(lang, 5) not in pairs and _p(lang, 9) not in pairs.values()
    assert pairs[_p(lang, 4)] == _p(lang, 7) and pairs[_p(lang, 7)] == _p(lang, 10)


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_neighbours_whose_counterparts_cross_say_nothing(lang):
    """The block's first and last points swapped in B: the neighbours' counterparts no longer keep the
    order, there is no window between them, and the point worded anew stays unpaired."""
    pairs = pairs_of(lang, [LAST[lang], ONLY_B[lang], ABSENT_B[lang], FIRST[lang]])
    assert pairs[_p(lang, 4)] == _p(lang, 10) and pairs[_p(lang, 7)] == _p(lang, 7)
    assert _p(lang, 5) not in pairs and _p(lang, 9) not in pairs.values()
