"""Write nlp/data/project_lemmas.json: the lemmas of the project's own words, as pymorphy3 gives them.

    .venv/bin/python scripts/project_lemmas.py

Run after editing the query-word lists (nlp/lang/*/query_words.txt), the thesaurus
(nlp/data/glossary.json, glossary_learned.json), the gazetteer (core/data/places.yaml), the competency terms (nlp/data/competencies.json)
or the analyser (nlp/analyze.py, nlp/lang/), or after upgrading pymorphy3; the test
tests/corpus/test_project_lemmas.py fails while the file is stale. A stale file is never used: a
new corpus then computes these lemmas itself (the same lemmas, ~0.1 CPU-s more).
"""
from __future__ import annotations

import json

from maslihat.corpus.lexicon import SHIPPED, project_lemmas


def main() -> None:
    data = project_lemmas()
    SHIPPED.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    guessed = sum(v.startswith("~") for part in ("vocabulary", "terms") for v in data[part].values())
    print(f"{SHIPPED}: {len(data['vocabulary'])} words of the query vocabulary, {len(data['terms'])} more of "
          f"the competency terms ({guessed} guessed), key {data['key']}")


if __name__ == "__main__":
    main()
