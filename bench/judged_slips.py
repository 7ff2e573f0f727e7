"""Judged queries with a typing slip (issue 16): how much of the answer is kept.

    .venv/bin/python -m bench.judged_slips --db BENCH.sqlite [--batches first blind2 …]

BENCH.sqlite: the corpus ``bench.judged --db`` builds. In every judged query of the batches named
(default: all) the longest word of six letters or more that is not a question word gets one
slip, the kind and place drawn from a hash of the query (the same every run): a letter left
out, a letter doubled, two letters swapped. Each query runs on the embedded back end as written,
with the slip and the correction off (``corpus.respell.correct_slips``), and with the slip and the
correction on; graded nDCG@10 and answer-in-top-5 with the pooled judgements, per query language,
and how often the correction gives the word back. Kazakh is measured to show what is not
corrected (docs/search.md says why).
"""
from __future__ import annotations

import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.judged import WORD  # noqa: E402
from bench.judged_rewrite import measure, setup, switched_off, table  # noqa: E402


def slipped(query: str) -> tuple[str, str, str]:
    """(the query with one slip, the word as meant, the word as slipped); the query unchanged
    when no word is long enough."""
    from maslihat.nlp.querywords import is_query_word
    words = [m for m in WORD.finditer(query) if len(m.group(0)) >= 6
             and not is_query_word(m.group(0), "ru") and not is_query_word(m.group(0), "kk")]
    if not words:
        return query, "", ""
    m = max(words, key=lambda x: (len(x.group(0)), -x.start()))
    w = m.group(0)
    h = int(hashlib.sha1(query.encode("utf-8")).hexdigest(), 16)
    i = 1 + h % (len(w) - 2)                    # never the first or the last letter
    kind = (h // 7) % 3
    if kind == 0:
        s = w[:i] + w[i + 1:]                   # a letter left out
    elif kind == 1:
        s = w[:i] + w[i] + w[i:]                # a letter doubled
    else:
        s = w[:i] + w[i + 1] + w[i] + w[i + 2:] if w[i] != w[i + 1] else w[:i] + w[i + 1:]
    return query[:m.start()] + s + query[m.end():], w, s


def main(argv=None) -> None:
    from maslihat.corpus import respell as module
    c, items = setup(__doc__.splitlines()[0], argv, keep=lambda q: bool(slipped(q["query"])[1]))

    def run(lang: str, slip: bool, on: bool) -> tuple[float, float, float]:
        with switched_off(module, "correct_slips", not on):
            return measure(c, items, lang, (lambda t: slipped(t)[0]) if slip else None,
                           lambda searched, written, judged: slipped(judged)[1].lower() in searched.lower().split())

    table(items, "the word given back", lambda lang: [("as meant", False, True), ("one slip, not corrected", True, False),
                                                      ("one slip, corrected", True, True)], run)

if __name__ == "__main__":
    main()
