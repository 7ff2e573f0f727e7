"""Measurement on the dev gold (../shared/corpus/dev, read at run time; skipped only when absent)."""
from __future__ import annotations

import os

import pytest

from .helpers import DEV

# CI always has ../shared beside the checkout: there a missing dev corpus is a failure, not a skip
pytestmark = pytest.mark.skipif(not os.path.isdir(os.path.join(DEV, "gold")) and not os.environ.get("CI"),
                                reason="no ../shared/corpus/dev")


@pytest.fixture(scope="module")
def figures():
    from scripts.measure_structure import measure_dev
    f = measure_dev(DEV)
    return {k: v[0] / v[1] for k, v in f.items() if v[1]}


def test_numbered_units(figures):
    assert figures["units.ru"] >= 0.98 and figures["units.kk"] >= 0.98
    assert figures["units.kk"] >= figures["units.ru"] - 0.03


def test_reference_recall(figures):
    # measured 0.948 ru / 0.982 kk; the remaining misses (gold conventions, text not there) are in docs/quality.md
    assert figures["refs_recall.ru"] >= 0.93 and figures["refs_recall.kk"] >= 0.95
    assert figures["refs_recall.kk"] >= figures["refs_recall.ru"] - 0.03


def test_reference_precision_lower_bound(figures):
    # the gold lists only references it was sure of: this is a lower bound (see docs/quality.md)
    assert figures["refs_precision.ru"] >= 0.65 and figures["refs_precision.kk"] >= 0.5
    # each prediction judged on its own (measured 0.885 ru / 0.719 kk; the rest was hand-judged, docs/quality.md)
    assert figures["refs_precision_each.ru"] >= 0.85 and figures["refs_precision_each.kk"] >= 0.68
