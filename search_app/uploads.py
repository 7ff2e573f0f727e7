"""Browser uploads -> the same ingestion (and quarantine) as ``maslihat ingest``.

Files go to a private temporary folder under safe names, oversized ones are refused before
they touch the disk, and ``Corpus.ingest`` reports each file's outcome, mapped back to the
name the user uploaded.
"""
from __future__ import annotations

import re
import tempfile
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

from maslihat.core import config
from maslihat.corpus.api import Corpus, StoreError

_UNSAFE = re.compile(r"[^\w.\- ]+", re.UNICODE)


@dataclass
class Outcome:
    name: str          # as uploaded
    outcome: str       # ingested | unchanged | quarantined | too_large | failed
    detail: str = ""   # quarantine reason or error (as the ingester says it); codes for ingested files
    documents: list = field(default_factory=list)  # ids of the documents made from the file (to open them)
    kinds: list = field(default_factory=list)      # (language, doc_type) codes of those documents


def safe_name(name: str, taken: set[str]) -> str:
    """A plain file name (no folders, no dot-files) that keeps the extension the readers need."""
    base = _UNSAFE.sub("_", Path(name.replace("\\", "/")).name).strip(" .") or "upload"
    stem, dot, ext = base.rpartition(".")
    stem, ext = (stem, "." + ext) if dot and stem else (base, "")
    candidate, i = stem[:100] + ext, 1
    while candidate in taken:
        i += 1
        candidate = f"{stem[:100]}-{i}{ext}"
    taken.add(candidate)
    return candidate


def ingest_uploads(files: Iterable[tuple[str, bytes]], db: Optional[str] = None, limit: Optional[int] = None,
                   on_outcome: Optional[Callable[[Outcome, int, int], None]] = None) -> list[Outcome]:
    """Save ``(name, content)`` pairs to a temp folder and ingest them; one Outcome per file.

    ``on_outcome(outcome, done, total)`` drives the progress bar. A fresh Corpus is opened for
    the write so that the app's shared read connection never holds a write transaction.
    """
    files = list(files)
    limit = config.upload_limit_bytes() if limit is None else limit
    results: list[Outcome] = []
    total = len(files)

    def report(o: Outcome) -> None:
        results.append(o)
        if on_outcome:
            on_outcome(o, len(results), total)

    with tempfile.TemporaryDirectory(prefix="maslihat-upload-") as tmp:
        folder = Path(tmp) / "uploads"
        folder.mkdir()
        saved: dict[str, str] = {}
        taken: set[str] = set()
        for name, content in files:
            if len(content) > limit:
                report(Outcome(name, "too_large", f"{len(content) / 1048576:.1f} > {limit / 1048576:.0f} MB"))
                continue
            fname = safe_name(name, taken)
            (folder / fname).write_bytes(content)
            saved[fname] = name
        if not saved:
            return results

        def on_file(source: str, outcome: str, detail: str) -> None:
            fname = Path(str(source)).name
            report(Outcome(saved.pop(fname, fname), outcome, detail or ""))

        digests = {fname: hashlib.sha256((folder / fname).read_bytes()).hexdigest() for fname in saved}
        names = dict(saved)
        corpus = Corpus(db=str(config.db_path(db)))
        try:
            # the corpus records the name the user uploaded, not the temporary path
            corpus.ingest([str(folder)], on_file=on_file,
                          names={str(folder / f): f"upload/{n}" for f, n in saved.items()})
            link_documents(corpus, results, names, digests)
        except StoreError as e:  # the corpus itself could not be written (full, locked): plain words
            for fname in list(saved):
                report(Outcome(saved.pop(fname), "failed", str(e)))
        except Exception as e:  # the corpus itself could not be written: every remaining file failed
            for fname in list(saved):
                report(Outcome(saved.pop(fname), "failed", f"{type(e).__name__}: {e}"))
        finally:
            corpus.close()
        for fname in list(saved):  # not reported by the ingester (should not happen): say so
            report(Outcome(saved.pop(fname), "failed", "no outcome reported"))
    return results


def link_documents(corpus: Corpus, results: list[Outcome], names: dict[str, str], digests: dict[str, str]) -> None:
    """Give each ingested or unchanged file the ids of its documents: same stored name, same bytes."""
    by_upload = {v: k for k, v in names.items()}
    rows = corpus.documents(latest_only=False)
    for o in results:
        fname = by_upload.get(o.name)
        if o.outcome not in ("ingested", "unchanged") or fname is None:
            continue
        sources = {fname, f"upload/{o.name}"}  # the corpus records the uploaded name (older corpora: the file's)
        for r in rows:
            if r.get("source") not in sources:
                continue
            doc = corpus.document(r["id"])
            if getattr(doc, "content_hash", "") == digests[fname]:
                o.documents.append(doc.id)
                o.kinds.append((doc.language, doc.doc_type))
