"""What an evaluation reads of a corpus: files written by a test, ingested into a new corpus and exported
(documents.jsonl, units.jsonl, references.jsonl), as `maslihat ingest` and `maslihat export` do."""
from __future__ import annotations

import json
from pathlib import Path

from maslihat.corpus.api import Corpus


def exported(folder: Path, files: dict[str, str]) -> tuple[list[dict], list[dict], list[dict]]:
    """(documents, units, references) of ``files`` (name -> text; a name may hold folders, the
    repositories' layout) written under ``folder``/in, ingested into ``folder``/c.sqlite, exported."""
    root = folder / "in"
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    c = Corpus(str(folder / "c.sqlite"))
    try:
        c.ingest([str(root)])
        out = folder / "x"
        c.export(str(out))
    finally:
        c.close()

    def read(name: str) -> list[dict]:
        return [json.loads(x) for x in (out / name).read_text(encoding="utf-8").splitlines()]
    return read("documents.jsonl"), read("units.jsonl"), read("references.jsonl")
