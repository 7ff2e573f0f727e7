"""Search results -> CSV and JSON for download, each provision with a citation for a paper."""
from __future__ import annotations

import csv
import io
import json

from maslihat.corpus.api import Corpus, NotFound
from maslihat.search_app.citation import cite

FIELDS = ("unit_id", "document_id", "label", "title", "language", "doc_type", "adopted_date", "status",
          "score", "citation", "lead_in", "text")


def rows(corpus: Corpus, hits: list[dict]) -> list[dict]:
    """Hits with their citation string; documents are read once each."""
    docs: dict = {}
    out = []
    for h in hits:
        row = {k: h.get(k) for k in FIELDS if k != "citation"}
        try:
            if h["document_id"] not in docs:
                docs[h["document_id"]] = (corpus.document(h["document_id"]),
                                          {u.id: u for u in corpus.units(h["document_id"])})
            doc, units = docs[h["document_id"]]
            unit = units.get(h["unit_id"]) or corpus.unit(h["unit_id"])
            row["citation"] = cite(unit, doc, units.values())
        except NotFound:
            row["citation"] = ""
        out.append(row)
    return out


def to_csv(items: list[dict]) -> bytes:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=FIELDS, extrasaction="ignore")
    w.writeheader()
    for r in items:
        w.writerow({k: ("" if r.get(k) is None else r.get(k)) for k in FIELDS})
    return ("\ufeff" + buf.getvalue()).encode("utf-8")  # BOM: Excel opens Cyrillic correctly


def to_json(query: str, filters: dict, items: list[dict]) -> bytes:
    return json.dumps({"query": query, "filters": filters, "results": items},
                      ensure_ascii=False, indent=1).encode("utf-8")
