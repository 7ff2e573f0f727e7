"""Issue 14: «ingest RSS ≤ 600 MB whatever the number of files». An ingest process keeps per-line
memos (lines repeat across files: the .txt and .html of one decision, the formulas of every act):
the cleaned line (``normalize._CLEAN``), the normalised line that finds a language cut in the
original (``pipeline._normalized_line``) and the letter evidence of a line (``langid._EVIDENCE``).
Each worker of a long ingest fills them all; together they must stay a bounded, small share of
the budget, in bytes, whatever the lines (RU and KK)."""
from __future__ import annotations

import tracemalloc

import pytest

from maslihat.ingest import langid, normalize, pipeline
from tests.conftest import SEED_REGULATION

# 30,000 distinct lines of ~115 characters through the three memos: at most 24 MB at their peak,
# against 48-49 MB when the evidence kept every line's two lists of words and the normalised
# lines were kept up to 65,536 (at 100,000 files: 60 MB and 43 MB per process)
BUDGET_MB = 32
LINES = 30_000


def _distinct_lines(lang: str) -> list[str]:
    """``LINES`` distinct lines of the seed regulation's Russian or Kazakh half (~120 characters)."""
    text = SEED_REGULATION.read_text(encoding="utf-8")
    half = len(text) // 2
    part = text[:half] if lang == "ru" else text[half:]
    base = [ln.strip()[:110] for ln in part.splitlines() if len(ln.strip()) >= 60]
    return [f"{base[i % len(base)]} {i}" for i in range(LINES)]


def _clear() -> None:
    langid._EVIDENCE.clear()
    normalize._CLEAN.clear()
    pipeline._normalized_line.cache_clear()


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_the_per_line_memos_of_an_ingest_process_stay_within_their_budget(lang):
    lines = _distinct_lines(lang)
    _clear()
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        for i in range(0, len(lines), 50):
            chunk = lines[i:i + 50]
            text = "\n".join(chunk)
            normalize.normalize(text)
            langid.line_evidence(text)
            for line in chunk:
                pipeline._normalized_line(line + "\n")
        peak = tracemalloc.get_traced_memory()[1] - base
    finally:
        tracemalloc.stop()
        _clear()
    assert peak < BUDGET_MB * 2**20, f"{peak / 2**20:.1f} MB"


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_a_line_kept_in_the_memo_reads_as_a_line_seen_for_the_first_time(lang):
    """What the memo keeps of a line (not its words) gives the languages the line's own evidence
    gives: every line of the seed's half, kept then read again."""
    lines = _distinct_lines(lang)[:400]
    text = "\n".join(lines)
    _clear()
    first = langid.paragraph_languages(text)
    again = langid.paragraph_languages(text)          # every line from the memo now
    assert first == again
    for line in lines[:50]:
        seen = langid._EVIDENCE[line]
        fresh = langid._Line(line)
        assert (seen.lettered, seen.share, seen.weak, seen.plan) == \
            (bool(fresh.words), fresh.share, langid._weak(fresh), langid._plan(line))
    _clear()
