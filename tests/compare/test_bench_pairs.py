"""The judged pairings of bench/compare_gold.json (regulations read from ../shared at run time):
content pairing keeps its measured quality, and beats pairing by number on every pair.

Kinds of pairs: drafted from one model (``"one_model"``: Pavlodar, East Kazakhstan against the
Model Regulation), written from different models (Almaty 2004 against Kokshetau 2014, built on
since issue 12's second pass), and the held-out pairs judged blind (Almaty 2004 against the Model;
Pavlodar 2014 against Kokshetau 2014, judged in issue 12 part 1; Almaty 2004 against East Kazakhstan
2014, judged in issue 12's third pass)."""
from __future__ import annotations

import json
import os

import pytest

from tests.conftest import SHARED


@pytest.fixture(scope="module")
def results():
    if not (SHARED / "corpus" / "dev-laws").is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"{SHARED} is missing: CI runs with ../shared beside the checkout")
        pytest.skip(f"{SHARED} not present")
    from bench.compare_pairs import GOLD, evaluate
    items = json.loads(GOLD.read_text(encoding="utf-8"))
    by_name = {i["name"]: i for i in items}
    return [dict(evaluate(item, by_name), derive=item.get("derive"),
                 one_model=by_name.get(item.get("derive"), item).get("one_model", False)) for item in items]


def one_language(r: dict) -> bool:
    return r["languages"] in ("ru/ru", "kk/kk")


def test_pairs_drafted_from_one_model_meet_the_goal(results):
    one = [r for r in results if r["one_model"] and one_language(r)]
    assert len(one) >= 2
    for r in one:
        assert r["content"]["precision"] >= 0.95 and r["content"]["recall"] >= 0.95, r


def test_one_model_across_languages_by_the_word_table_alone(results):
    """Kazakh A against the Russian Model with no parallel text: the word table pairs the clear
    ones and the diagonal pass follows the runs between them (recall 0.62 before it); the
    numbers and competency tags the provisions state, alike in both languages, find a few more
    (recall 0.92 → 0.95, issue 12 part 1)."""
    cross = [r for r in results if r["one_model"] and not one_language(r)]
    assert len(cross) >= 2
    for r in cross:
        assert r["content"]["precision"] >= 0.95 and r["content"]["recall"] >= 0.94, r


def test_acts_from_different_models_keep_their_precision_and_beat_numbering(results):
    diff = [r for r in results if not r["one_model"] and not r["held_out"] and one_language(r)]
    assert {r["language"] for r in diff} == {"ru", "kk"}
    for r in diff:
        assert r["content"]["precision"] >= 0.9, r       # 0.75 RU / 0.65 KK before the third pass
        assert r["content"]["right"] > 5 * max(1, r["by_number"]["right"]), r


def test_acts_from_different_models_pair_a_clear_counterpart_out_of_the_common_order(results):
    """Almaty 2004 against Kokshetau 2014 (built on): a provision left unpaired whose best
    counterpart is clear (the last pass of ``nlp.compare``) is paired wherever it stands, and two
    left unpaired that are each other's nearest and keep their neighbours' order are paired (third
    pass), and so are two inside paired chapters (fourth pass: the standing commissions' chapter,
    early in Almaty, near the end in Kokshetau), and a provision whose neighbour's counterpart
    merges them both (fifth pass, many-to-one: Kokshetau п. 71 carries Almaty п. 23 and п. 24),
    and one reworded between two pairs of the common order (sixth pass: Almaty п. 45 → Kokshetau
    п. 51); recall was 0.471 (RU) and 0.382 (KK) before the last pass, 0.639 / 0.583 before the
    third pass (on the judgements as completed then), 0.722 / 0.694 before the fourth, 0.750 /
    0.722 before the fifth, 0.806 / 0.778 before the sixth (0.833 / 0.778 after), and is still far
    from the 95% goal. The bar was lowered (0.83 / 0.77 -> 0.71 / 0.68) when the «none» judgements
    were re-read blind (2026-12-07, bench/compare_gold_reread.md): six more Almaty provisions have a
    Kokshetau counterpart (36 -> 42 judged pairs), none paired in Russian, one in Kazakh: 0.714 / 0.690 on the same code.
    Seventh pass (many-to-one under one heading: Almaty п. 22 joins п. 20 in Kokshetau п. 33, п. 32
    joins п. 31 in п. 67): 0.762 / 0.714. Eighth pass (a weak pair gives way: Almaty п. 4 takes
    Kokshetau п. 101, free between its neighbours' counterparts, instead of the diagonal's п. 103):
    0.786 / 0.714. Twelfth pass (one provision said by two of B under one heading: Almaty п. 51 →
    Kokshetau п. 72, with п. 70 its second counterpart): 0.810 / 0.714. Thirteenth pass (a provision
    whose nearest is taken paired with its nearly as near free one: Almaty п. 34 → Kokshetau п. 31):
    0.833 / 0.714."""
    diff = [r for r in results if not r["one_model"] and not r["held_out"] and one_language(r)]
    for r in diff:
        assert r["content"]["recall"] >= (0.83 if r["language"] == "ru" else 0.71), r


def test_held_out_pairs_are_measured(results):
    """The held-out pairs (judged blind: bd4bfee, Pavlodar against Kokshetau in issue 12 part 1,
    Almaty 2004 against East Kazakhstan 2014 in the third pass, also Russian against Kazakh) are reported in docs/quality.md, never tuned on; the first failed this file's earlier
    bar (precision 0.8, five times numbering) already at bd4bfee. Here: each is read and paired in
    each of its language settings (numbering: test_every_pair_in_one_language_beats_numbering)."""
    held = [r for r in results if r["held_out"]]
    assert {r["languages"] for r in held} == {"ru/ru", "kk/ru", "ru/kk", "kk/kk"}
    for r in held:
        assert r["content"]["gold_pairs"] > 0, r
        assert r["content"]["predicted"] > 0 or not one_language(r), r


def test_every_pair_in_one_language_beats_numbering(results):
    for r in filter(one_language, results):
        assert r["content"]["right"] > 2 * r["by_number"]["right"], r


def test_across_languages_the_parallel_text_pairs_as_well_as_one_language(results):
    """Kazakh A against Russian B (and the reverse), paired through the other language version of
    one act: the figure of the same pair in Russian, never below what the word table alone finds
    (a fraction on acts of different models; as much on Pavlodar against Kokshetau since the table
    learned the regulations' own RU/KK wording)."""
    by_name = {r["name"]: r for r in results}
    cross = [r for r in results if not one_language(r)]
    assert len(cross) >= 3
    for r in cross:
        src = by_name[r["derive"]]["content"]
        assert r["through_parallel"]["right"] == src["right"] and r["through_parallel"]["precision"] == src["precision"], r
        assert r["through_parallel"]["recall"] >= r["content"]["recall"], r
    assert any(r["through_parallel"]["recall"] > r["content"]["recall"] for r in cross)


def test_a_second_counterpart_costs_no_built_on_pair_its_precision(results):
    """Issue 12 tenth pass (``nlp.compare._splits``): a provision of A with a second counterpart in B.
    Each provision of A is still judged by its own pair (the ``content`` columns are those of the
    pass before); counted with every pair made, no built-on row loses precision, and on the two
    one-model pairs in Russian the split gives Pavlodar and East Kazakhstan п. 32 the counterpart the
    judge gave it (Model п. 33; its own pair, п. 35, is judged wrong): recall 0.967 / 0.966 → 0.983."""
    built = [r for r in results if not r["held_out"]]
    for r in built:
        e, c = r["content_all"], r["content"]
        assert e["precision"] >= c["precision"] and e["recall"] >= c["recall"], r
        assert e["splits_right"] == e["splits"], r
    one_ru = [r for r in built if r["one_model"] and r["languages"] == "ru/ru"]
    assert len(one_ru) == 2
    for r in one_ru:
        assert r["content_all"]["splits_right"] >= 1 and r["content_all"]["recall"] >= 0.98, r


def test_acts_from_different_models_pair_nothing_on_the_genres_words_alone(results):
    """Issue 12 eleventh pass (``nlp.compare._generic``): a pair whose two provisions share only words
    of many provisions of the two acts is undone. Almaty 2004 against Kokshetau 2014, built on, in
    every language setting by the content pairing: precision 0.968 / 0.923 / 0.958 (KK, RU against
    KK, KK against RU) → 1.000 / 0.960 / 1.000, every right pair kept (Kokshetau п. 70, «the standing
    commissions' work is determined by the Law», no longer taken by Almaty п. 23 or 33-тармақ)."""
    diff = [r for r in results if not r["one_model"] and not r["held_out"]]
    assert {r["languages"] for r in diff} == {"ru/ru", "kk/kk", "ru/kk", "kk/ru"}
    for r in diff:
        assert r["content"]["precision"] >= 0.96, r
    right = {r["languages"]: r["content"]["right"] for r in diff}
    assert right["kk/kk"] >= 30 and right["ru/kk"] >= 24 and right["kk/ru"] >= 23, right
