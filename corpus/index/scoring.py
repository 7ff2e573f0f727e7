"""The ranking rules both back ends apply on top of BM25 (issue 16), as data in one place.

* Coverage: a best-match query (``query.TBest``) multiplies a unit's BM25 by
  ``COVERAGE ** (matched concepts − concepts)``: a unit with every content word of the query
  outranks one that repeats a single word.
* Provision prior: a unit that only names or frames (bare headings, chapters, notes about
  amendments, requisite preambles, very short lines such as signature blocks or contents lines)
  is multiplied by a factor below 1; so is a unit of a repealed act ("current acts above repealed
  at equal match").
* Diversity: on the first page no document has more than ``PER_DOC`` hits; the others move down
  (``diversify``), so one act does not crowd out the rest.

The embedded back end computes the prior in numpy from its snapshot (kind, length, status); the
Elasticsearch back end from the same fields (``function_score`` weights).
"""
from __future__ import annotations

COVERAGE = 3.0
KIND_PRIOR = {"heading": 0.4, "chapter": 0.4, "subchapter": 0.4, "note": 0.5, "preamble": 0.7,
              "bibliography_entry": 0.5}
SHORT = ((4, 0.5), (8, 0.8))      # (fewer index terms than, factor): signature and contents lines
STATUS_PRIOR = {"repealed": 0.9}
PER_DOC = 3                       # hits of one document on the first page
WINDOW = 10                       # the first page diversified (hits)
CANDIDATES = 100                  # top hits by score that the first page is chosen from


def diversify(order: list, doc_of: list, per_doc: int = PER_DOC, window: int = WINDOW) -> list:
    """Indexes ``order`` reordered so that the first ``window`` places hold at most ``per_doc``
    hits of one document (stable otherwise; the rest follow in their order)."""
    first, later, seen = [], [], {}
    for i in order:
        d = doc_of[i]
        if len(first) < window and seen.get(d, 0) < per_doc:
            first.append(i)
            seen[d] = seen.get(d, 0) + 1
        else:
            later.append(i)
    return first + later
