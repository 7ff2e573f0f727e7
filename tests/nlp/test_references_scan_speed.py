"""Issue 14: the act words of a line are looked for only when the line holds the literal each
pattern needs (``references_base._needed_literal``). The candidates must be those the full
patterns find, RU and KK, whatever the case and the Latin i typed for і."""
import re

import pytest

from maslihat.nlp import references_base as R

LINES = [
    "В соответствии с Законом Республики Казахстан «О местном государственном управлении»",
    "согласно статье 6 Бюджетного кодекса и постановлению Правительства, Указом Президента",
    "руководствуясьЗаконом и решением маслихата, приказом Министра, распоряжением акима",
    "Конституционным законом Республики Казахстан и Конституцией",
    "Қазақстан Республикасының Бюджет кодексіне, «Қазақстан Республикасындағы жергілікті мемлекеттік басқару "
    "және өзін-өзі басқару туралы» Заңына сәйкес",
    "облыс әкімдігінің қаулысы, мәслихаттың шешiмi (Latin i), Президентінің Жарлығы, Министрдің бұйрығы",
    "ЗАҢ, ШЕШІМ, КОДЕКС, Өкімі",
    "законопроект и законодательство, шешімдер жобасы",
    "нет ни одного акта здесь",
    "",
]


def _finditer(line: str, table) -> list:
    """Every full pattern over the whole line (no literal test), the same overlap rule."""
    return R.non_overlapping([(m.start(), m.end(), t, m.group(0)) for rx, t in table for m in rx.finditer(line)])


@pytest.mark.parametrize("line", LINES + [x.upper() for x in LINES] + [x.lower() for x in LINES])
def test_candidates_are_what_the_full_patterns_find(line):
    for table in (R._ACT_RU, R._ACT_KK):
        assert R._candidates(line, table) == _finditer(line, table)


def test_needed_literal_is_a_plain_run_every_match_holds():
    assert R._needed_literal(re.compile(r"[Зз]акон(?:а|у)?(?![а-я])")) == "акон"
    assert R._needed_literal(re.compile(r"[Шш]еш[іi]м")) == "еш"
    assert R._needed_literal(re.compile(r"[Зз]а[ңн]")) is None                   # one letter: no test
    assert R._needed_literal(re.compile(r"закон", re.I)) is None                  # case-insensitive: no test
    assert [g for *_, g, _ in R._SCAN_RU if g] and all(len(g) >= 2 for *_, g, _ in R._SCAN_RU + R._SCAN_KK if g)
