"""Generated files -> Documents and Units without the full pipeline (index-only benchmarks).

The generator knows where each language part starts and its requisites, so the only
segmentation needed is the regex of the fixture corpus: preamble, numbered points, notes,
paragraphs. Used when end-to-end ingestion would be too slow for 100,000 documents.
"""
from __future__ import annotations

import re

from maslihat.core.model import Document, Unit

POINT = re.compile(r"^\s+(\d{1,3})\.\s+\S")
NOTE = re.compile(r"^\s*(Сноска|Ескерту)\b")


def _units(doc_id: str, text: str) -> list[Unit]:
    units: list[Unit] = []
    pos, pre_done = 0, False
    for line in text.splitlines(keepends=True):
        start, end = pos, pos + len(line.rstrip("\n"))
        pos += len(line)
        if not line.strip():
            continue
        m = POINT.match(line)
        kind = "point" if m else "note" if NOTE.match(line) else "paragraph" if pre_done else "preamble"
        pre_done = pre_done or bool(m)
        n = len(units) + 1
        units.append(Unit(f"{doc_id}/{kind}_{m.group(1) if m else n}~{n}", doc_id, kind, start, end,
                          f"п. {m.group(1)}" if m else kind, number=m.group(1) if m else None, ordinal=n))
    return units


def to_documents(name: str, text: str, meta: dict) -> tuple[list[Document], dict[str, list[Unit]]]:
    docs, units = [], {}
    parts = meta["parts"]
    for j, (lang, start, issuer) in enumerate(parts):
        end = parts[j + 1][1] if j + 1 < len(parts) else len(text)
        body = text[start:end]
        did = f"bench/{name.rsplit('.', 1)[0]}/{lang}"
        d = Document(id=did, source=name, part=j, language=lang, doc_type=meta["doc_type"],
                     title=body.split("\n", 1)[0], text=body, issuer=issuer,
                     issuer_kind="maslikhat" if issuer else None, region=meta["region"],
                     adopted_date=meta["date"], number=meta["number"], status=meta["status"])
        docs.append(d)
        units[did] = _units(did, body)
    return docs, units
