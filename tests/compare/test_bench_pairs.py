"""The judged pairings of bench/compare_gold.json (regulations read from ../shared at run time):
content pairing keeps its measured quality, and beats pairing by number on every pair."""
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
    return [dict(evaluate(item, by_name), derive=item.get("derive")) for item in items]


def test_built_on_pairs_meet_the_goal(results):
    for r in (r for r in results if not r["held_out"]):
        assert r["content"]["precision"] >= 0.95 and r["content"]["recall"] >= 0.95, r


def one_language(r: dict) -> bool:
    return r["languages"] in ("ru/ru", "kk/kk")


def test_held_out_pairs_keep_their_precision_and_beat_numbering(results):
    held = [r for r in results if r["held_out"] and one_language(r)]
    assert {r["language"] for r in held} == {"ru", "kk"}
    for r in held:
        assert r["content"]["precision"] >= (0.8 if r["language"] == "ru" else 0.65), r
        assert r["content"]["right"] > 5 * max(1, r["by_number"]["right"]), r


def test_every_pair_in_one_language_beats_numbering(results):
    for r in filter(one_language, results):
        assert r["content"]["right"] > 2 * r["by_number"]["right"], r


def test_across_languages_the_parallel_text_pairs_as_well_as_one_language(results):
    """Kazakh A against Russian B (and the reverse), paired through the other language version of
    one act: the figure of the same pair in Russian, where word tables alone find a fraction."""
    by_name = {r["name"]: r for r in results}
    cross = [r for r in results if not one_language(r)]
    assert len(cross) >= 3
    for r in cross:
        src = by_name[r["derive"]]["content"]
        assert r["through_parallel"]["right"] == src["right"] and r["through_parallel"]["precision"] == src["precision"], r
        assert r["through_parallel"]["recall"] > r["content"]["recall"], r
