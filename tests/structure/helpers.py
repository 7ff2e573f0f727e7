"""Factories shared by the structure tests: documents from seeds or literal text, minimal normalisation."""
from __future__ import annotations

import os

from maslihat.core.model import Document

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLES = os.path.join(ROOT, "corpus", "samples")
DEV = os.path.normpath(os.path.join(ROOT, "..", "shared", "corpus", "dev"))
SEED_001 = "001_56a79b46f786f9f7.txt"
KK_TITLE_001 = "Көкшетау қалалық мәслихатының регламентін бекіту туралы"


def normalise(text: str) -> str:
    """What ingest does at the least: NBSP and tabs become spaces; lines and offsets otherwise kept."""
    return text.replace("\xa0", " ").replace("\t", " ")


def doc(text: str, lang: str = "ru", doc_type: str = "decision", doc_id: str = "t/doc", **kw) -> Document:
    d = Document(id=f"{doc_id}/{lang}", source="test", part=0, language=lang, doc_type=doc_type, title="",
                 text=normalise(text))
    for k, v in kw.items():
        setattr(d, k, v)
    return d


def seed_text(name: str) -> str:
    with open(os.path.join(SAMPLES, name), encoding="utf-8") as f:
        return normalise(f.read())


def seed_001() -> tuple[Document, Document]:
    """Seed 001 split at the Kazakh title, as ingest does; number and date as ingest reads them."""
    t = seed_text(SEED_001)
    k = t.index(KK_TITLE_001)
    req = dict(number="С-24/4", adopted_date="2014-03-20")
    return (doc(t[:k], "ru", doc_id="kz-akm-kokshetau.maslikhat/decision/2014-03-20/s-24-4", **req),
            doc(t[k:], "kk", doc_id="kz-akm-kokshetau.maslikhat/decision/2014-03-20/s-24-4", **req))
