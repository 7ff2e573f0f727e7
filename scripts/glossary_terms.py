"""Write nlp/data/glossary_terms.json: the thesaurus's phrases as the analyser reads them.

    .venv/bin/python scripts/glossary_terms.py

Run after editing nlp/data/glossary.json or the analyser (nlp/analyze.py, nlp/lang/); the test
tests/nlp/test_glossary_terms.py fails while the file is stale. A stale file is never used: the
phrases are then analysed in each process (same answers, ~50 ms more on a first query).
"""
from __future__ import annotations

import json

from maslihat.nlp.glossary import TERMS, analysed_phrases


def main() -> None:
    data = analysed_phrases()
    TERMS.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n",
                     encoding="utf-8")
    print(f"{TERMS}: {len(data['ru'])} ru, {len(data['kk'])} kk phrases, key {data['key']}")


if __name__ == "__main__":
    main()
