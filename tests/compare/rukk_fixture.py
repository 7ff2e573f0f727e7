"""One act's RU and KK texts written by a test, ingested on their own, and the RU/KK discrepancies
``maslihat diff RU KK`` reports for them (the held-out causes' and the rate tables' tests share it)."""
from __future__ import annotations

from pathlib import Path

from maslihat.corpus.api import Corpus


def discrepancies_of(folder: Path, name: str, ru: str, kk: str) -> list:
    (folder / "acts").mkdir()
    (folder / "acts" / f"{name}.rus.txt").write_text(ru, encoding="utf-8")
    (folder / "acts" / f"{name}.kaz.txt").write_text(kk, encoding="utf-8")
    c = Corpus(str(folder / "c.sqlite"), es_url="")
    c.ingest([str(folder / "acts")])
    (doc,) = [d for d in c.documents() if d["language"] == "ru"]
    assert doc["parallel_id"], "the RU and KK files are one act"
    res = c.diff(doc["id"], doc["parallel_id"])
    return res["discrepancies"] if isinstance(res, dict) else res.discrepancies
