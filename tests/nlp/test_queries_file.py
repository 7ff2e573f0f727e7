"""The search quality set: enough queries in both languages, every locator resolves in the seeds."""
import json
from pathlib import Path

import seed_units

QUERIES = Path(__file__).resolve().parents[2] / "bench" / "queries.json"


def test_queries_file():
    qs = json.loads(QUERIES.read_text(encoding="utf-8"))["queries"]
    assert len(qs) >= 40
    assert {q["lang"] for q in qs} == {"ru", "kk"}
    for q in qs:
        assert q["query"] and q["relevant"]
        for loc in q["relevant"]:
            assert seed_units.unit_text(loc)
