"""One ingest run: files -> documents in the store and the index.

Moved out of ``corpus.api`` so the orchestration (worker pool, pairing of language files,
editions, back-resolution of references) has a module of its own; ``Corpus.ingest`` calls
``IngestRun(corpus).run(...)``.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Optional

from maslihat.core.ids import document_id
from maslihat.core.model import Document, IngestSummary, Quarantined, Reference, Unit
from maslihat.corpus.build import Built, align_parallel, build
from maslihat.corpus.store import Store, StoreError

if TYPE_CHECKING:
    from maslihat.corpus.api import Corpus

BATCH = 64


class StoreCatalog:
    """What reference resolution needs to know about the corpus, backed by the store."""

    def __init__(self, store: Store):
        self.store = store
        self._units: dict[str, list[Unit]] = {}

    def find_act(self, target: dict, language: str) -> Optional[str]:
        ids: list[str] = []
        if target.get("date") or target.get("number"):
            ids = self.store.find_documents(target.get("date"), target.get("number"))
        if not ids and target.get("title"):
            ids = self.store.find_by_title(target["title"].strip(' "«»'))
        if not ids:
            return None
        same = [i for i in ids if i.rsplit("/", 1)[-1].split("@")[0] == language]
        return (same or ids)[0]

    def units_of(self, doc_id: str) -> list[Unit]:
        if doc_id not in self._units:
            self._units[doc_id] = self.store.units(doc_id)
        return self._units[doc_id]

    def add(self, doc_id: str, units: list[Unit]) -> None:
        self._units[doc_id] = units



class IngestRun:
    """Everything ``Corpus.ingest`` does, over the corpus's store and index."""

    def __init__(self, corpus: "Corpus"):
        self.corpus = corpus
        self.store: Store = corpus.store

    @property
    def index(self):
        return self.corpus.index


    # ingestion -------------------------------------------------------------------------
    def run(self, paths: Iterable[str], progress: bool = False,
               on_file: Optional[Callable[[str, str, str], None]] = None) -> IngestSummary:
        """Ingest files and folders; every file ends ingested, unchanged or quarantined with a reason.

        ``on_file(source, outcome, detail)`` is called per file (the app's progress list).
        """
        from maslihat.ingest.pipeline import iter_inputs

        paths = [str(p) for p in paths]
        summary = IngestSummary()
        run_id = self.store.start_run(paths)
        items = list(iter_inputs(paths))
        bar = None
        if progress:
            from tqdm import tqdm
            bar = tqdm(total=len(items), unit="file", desc="ingest", disable=len(items) < 20)
        new_docs: list[Document] = []
        prepared = _Prefetch(self.store, items, _workers(len(items)))
        try:
            for i in range(0, len(items), BATCH):
                batch = items[i:i + BATCH]
                prepared.ahead(i + 2 * BATCH)     # workers read and build the next batches meanwhile
                with self.store.batch():          # one commit per batch, a savepoint per file
                    new_docs += self._ingest_batch(batch, summary, run_id, on_file, prepared)
                if bar:
                    bar.update(len(batch))
        finally:
            prepared.close()
        if bar:
            bar.close()
        self._resolve_backwards(new_docs)
        self.store.finish_run(run_id, summary.files, summary.documents_added, summary.unchanged,
                              summary.new_versions, len(summary.quarantined))
        return summary

    def _quarantine(self, summary: IngestSummary, run_id: int, path: str, reason: str, on_file) -> None:
        q = Quarantined(path, reason)
        summary.quarantined.append(q)
        self.store.quarantine(q, run_id)
        if on_file:
            on_file(path, "quarantined", reason)

    def _ingest_batch(self, batch, summary: IngestSummary, run_id: int, on_file,
                      prepared: "Optional[_Prefetch]" = None) -> list[Document]:
        from maslihat.ingest.errors import IngestError
        from maslihat.ingest.limits import read_input
        from maslihat.ingest.pipeline import load_file

        loaded: list[tuple[str, bytes, list[Document]]] = []
        prebuilt: dict[str, tuple] = {}
        for item in batch:
            if isinstance(item, Quarantined):
                summary.files += 1
                self._quarantine(summary, run_id, item.path, item.reason, on_file)
                continue
            path, source = item
            summary.files += 1
            done = prepared.result(path) if prepared else None
            try:
                raw = read_input(path)      # regular files only, size checked first (ingest.limits)
            except IngestError as e:
                self._quarantine(summary, run_id, str(path), str(e), on_file)
                continue
            digest = hashlib.sha256(raw).hexdigest()
            if self.store.has_content(digest):
                summary.unchanged += 1
                if on_file:
                    on_file(str(path), "unchanged", "")
                continue
            if done is not None and done[0] == "ok" and done[1] and done[1][0].content_hash != digest:
                done = None       # the file changed after the worker read it: read it again here
            if done is not None and done[0] == "error":
                self._quarantine(summary, run_id, str(path), done[1], on_file)
                continue
            if done is not None:
                docs = done[1]
                prebuilt[str(path)] = done
            else:
                try:
                    docs = load_file(Path(path), source)
                except IngestError as e:
                    self._quarantine(summary, run_id, str(path), str(e), on_file)
                    continue
                except Exception as e:  # a parser bug must not stop the run or lose the file
                    self._quarantine(summary, run_id, str(path), f"internal error while reading: {type(e).__name__}: {e}", on_file)
                    continue
            if not docs:
                self._quarantine(summary, run_id, str(path), "no text found", on_file)
                continue
            loaded.append((str(path), raw, docs))

        self._pair_files(loaded)
        added: list[Document] = []
        for path, raw, docs in loaded:
            try:
                stored = self._store_file(path, raw, docs, run_id, prebuilt.get(path))
            except StoreError:
                raise
            except Exception as e:
                self._quarantine(summary, run_id, path, f"internal error while structuring: {type(e).__name__}: {e}", on_file)
                continue
            for d in stored:
                summary.documents_added += 1
                if d.version > 1:
                    summary.new_versions += 1
                summary.by_language[d.language] = summary.by_language.get(d.language, 0) + 1
                summary.by_type[d.doc_type] = summary.by_type.get(d.doc_type, 0) + 1
            added += stored
            for w in (docs[0].extra.get("reader_warnings") or []) if docs else []:
                summary.warnings.append(Quarantined(path, w))
            if on_file:
                on_file(path, "ingested", ", ".join(f"{d.language} {d.doc_type}" for d in stored))
        return added

    def _pair_files(self, loaded) -> None:
        """Language versions in separate files (``20090.rus.txt`` + ``20090.kaz.txt``) become one act."""
        from maslihat.ingest.metadata import inherit
        from maslihat.ingest.pipeline import pair_key

        by_key: dict[str, list[Document]] = {}
        for path, _raw, docs in loaded:
            for d in docs:
                pk = pair_key(d.source)
                if pk:
                    d.extra["pair_key"] = pk[0]
                    by_key.setdefault(pk[0], []).append(d)
        for key, docs in by_key.items():
            langs = {d.language for d in docs}
            partners = [d for d in self.store.by_pair_key(key) if d.language not in langs]
            group = docs + partners
            ru = next((d for d in group if d.language == "ru"), None)
            kk = next((d for d in group if d.language == "kk"), None)
            if not (ru and kk):
                continue
            if kk in docs:
                inherit(kk, ru)
            if ru in docs:
                inherit(ru, kk)
            ru.parallel_id, kk.parallel_id = kk.id, ru.id

    def _store_file(self, path: str, raw: bytes, docs: list[Document], run_id: int,
                    prebuilt: Optional[tuple] = None) -> list[Document]:
        """Everything one file contributes, in one transaction.

        ``prebuilt`` is what a worker process computed from the file (see ``_prepare``); its
        units and references are used when the documents are still exactly as the worker saw
        them (no new edition, no pairing with another file), and built again here otherwise.
        """
        renamed: dict[str, str] = {}
        superseded: list[str] = []
        changed: list[Document] = []
        for d in docs:
            existing = self.store.versions(d.act_id, d.language) if d.act_id else []
            if existing:
                latest = next((v["id"] for v in existing if v["is_latest"]), None)
                prior = self.store.document(latest) if latest else None
                if prior is not None and _same_edition(prior, d):
                    # a bilingual file edited in one language only: the other half stays as it is
                    renamed[d.id] = prior.id
                    continue
                d.version = max(v["version"] for v in existing) + 1
                superseded += [v["id"] for v in existing if v["is_latest"]]
                new_id = document_id(d.act_id, d.language, d.version)
                renamed[d.id] = new_id
                d.id = new_id
            changed.append(d)
        for d in docs:
            if d.parallel_id in renamed:
                d.parallel_id = renamed[d.parallel_id]
        if not changed:
            with self.store.transaction():
                self.store.put_source(docs[0].content_hash, docs[0].source, raw, run_id)
            return []
        if len(changed) < len(docs):
            prebuilt, docs = None, changed
        builts = _reuse(prebuilt, docs)
        if builts is None:
            builts = [build(d) for d in docs]
            _align_within(builts)
        by_id = {b.doc.id: b for b in builts}
        partner_updates: list[Built] = []
        for b in builts:
            pid = b.doc.parallel_id
            if not pid:
                continue
            if pid not in by_id:
                other = self.store.document(pid)
                if other is not None:
                    ob = Built(other, self.store.units(pid), [])
                    align_parallel(b, ob)
                    partner_updates.append(ob)
        catalog = StoreCatalog(self.store)
        from maslihat.nlp.resolve import resolve
        for b in builts:
            catalog.add(b.doc.id, b.units)
        for b in builts:
            b.refs = resolve(b.refs, b.doc, b.units, catalog)
        with self.store.transaction():
            self.store.put_source(docs[0].content_hash, docs[0].source, raw, run_id)
            for b in builts:
                self.store.put_document(b.doc, b.doc.extra.get("pair_key"), run_id)
                self.store.put_units(b.units)
                self.store.put_references(b.refs)
            for ob in partner_updates:
                self.store.set_parallel(ob.doc.id, ob.doc.parallel_id)
                self.store.put_units(ob.units)
            if superseded:
                self.index.remove(superseded)
            if partner_updates:
                self.index.remove([ob.doc.id for ob in partner_updates])
                self.index.add([self.store.document(ob.doc.id) for ob in partner_updates],
                               {ob.doc.id: ob.units for ob in partner_updates})
            terms: Optional[dict[str, str]] = {}
            for b in builts:
                if b.terms is None:
                    terms = None      # computed by the index from the units' text
                    break
                terms.update(b.terms)
            self.index.add([b.doc for b in builts], {b.doc.id: b.units for b in builts}, terms)
        return [b.doc for b in builts]

    def _resolve_backwards(self, new_docs: list[Document]) -> None:
        """References stored earlier that cite an act this run added now point to it."""
        from maslihat.nlp.resolve import resolve
        catalog = StoreCatalog(self.store)
        seen: set[tuple] = set()
        for d in new_docs:
            key = (d.adopted_date, d.number)
            if not (d.adopted_date and d.number) or key in seen:
                continue
            seen.add(key)
            refs = self.store.unresolved_citing(d.adopted_date, d.number)
            by_doc: dict[str, list[Reference]] = {}
            for r in refs:
                by_doc.setdefault(r.document_id, []).append(r)
            for doc_id, rs in by_doc.items():
                citing = self.store.document(doc_id)
                if citing is None:
                    continue
                updated = resolve(rs, citing, catalog.units_of(doc_id), catalog)
                with self.store.transaction():
                    self.store.put_references(updated)

    # reading ---------------------------------------------------------------------------

# parallel ingest --------------------------------------------------------------------------
# Reading, decoding, language identification, segmentation, references and competency tags of
# a file need no store: worker processes do them (``_prepare``) while this process stores the
# previous files. Everything that reads or writes the store (unchanged check, pairing, editions,
# resolution, writes, index) stays here, in file order, so the outcome is the same as serial.

PARALLEL_MIN_FILES = 200     # below this, starting workers costs more than it saves


def _workers(n_items: int) -> int:
    """Worker processes for an ingest of ``n_items`` files (0: in this process).

    ``MASLIHAT_INGEST_WORKERS`` overrides (0 turns workers off); by default one per CPU."""
    env = os.environ.get("MASLIHAT_INGEST_WORKERS")
    if env is not None and env.strip():
        return max(0, int(env))
    if n_items < PARALLEL_MIN_FILES:
        return 0
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:
        cpus = os.cpu_count() or 1
    return cpus if cpus > 1 else 0


def _align_within(builts: list[Built]) -> None:
    """Align the language versions that one file holds (the Russian one against its partner)."""
    by_id = {b.doc.id: b for b in builts}
    for b in builts:
        pid = b.doc.parallel_id
        if pid and pid in by_id and b.doc.language == "ru":
            align_parallel(b, by_id[pid])


_UNKEYED = ("text", "original", "extra")   # never changed after load_file (text) or not read by build


def _build_key(doc: Document) -> tuple:
    """What ``build`` and the in-file alignment may depend on, besides the text."""
    from dataclasses import fields
    return tuple(getattr(doc, f.name) for f in fields(doc) if f.name not in _UNKEYED) + (len(doc.text),)


def _prepare(path: str, source: str) -> tuple:
    """Worker: one file -> ("ok", documents, builts, keys) or ("error", quarantine reason).

    ``builts`` is None when building failed: the parent builds again and quarantines the file
    with the same message as a serial run would."""
    from maslihat.ingest.errors import IngestError
    from maslihat.ingest.pipeline import load_file
    try:
        docs = load_file(Path(path), source)
    except IngestError as e:
        return ("error", str(e))
    except Exception as e:  # noqa: BLE001  (as in Corpus._ingest_batch)
        return ("error", f"internal error while reading: {type(e).__name__}: {e}")
    if not docs:
        return ("ok", docs, None, None)
    keys = [_build_key(d) for d in docs]
    try:
        builts = [build(d) for d in docs]
        _align_within(builts)
    except Exception:  # noqa: BLE001
        return ("ok", docs, None, None)
    return ("ok", docs, builts, keys)


def _same_edition(prior: Document, new: Document) -> bool:
    """The same text with the same requisites and notes: not a new edition."""
    return (prior.text == new.text and prior.amendments == new.amendments and prior.status == new.status
            and prior.repealed_by == new.repealed_by)


def _reuse(prebuilt: Optional[tuple], docs: list[Document]) -> Optional[list[Built]]:
    """The worker's builts when every document is still as the worker built it, else None."""
    if not prebuilt or prebuilt[2] is None:
        return None
    _, wdocs, builts, keys = prebuilt
    if len(wdocs) != len(docs) or any(a is not b for a, b in zip(wdocs, docs)):
        return None
    if any(_build_key(d) != k for d, k in zip(docs, keys)):
        return None
    return builts


class _Prefetch:
    """Files handed to worker processes ahead of the batch being stored, results by path."""

    def __init__(self, store: Store, items: list, workers: int):
        self.store, self.items, self.pos = store, items, 0
        self.futures: dict[str, object] = {}
        self.pool = None
        if workers > 0:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor
            # spawn, not fork: this process holds an SQLite connection, maybe app threads and
            # lingua's thread pool. As with any spawn pool, a script calling ingest() must guard
            # its top level with ``if __name__ == "__main__":`` (the CLI and the app do).
            self.pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))

    def ahead(self, upto: int) -> None:
        """Submit the files up to item ``upto`` that are not already in the corpus."""
        if self.pool is None:
            return
        while self.pos < min(upto, len(self.items)):
            item = self.items[self.pos]
            self.pos += 1
            if isinstance(item, Quarantined):
                continue
            path, source = item
            from maslihat.ingest.errors import IngestError
            from maslihat.ingest.limits import read_input
            try:
                digest = hashlib.sha256(read_input(path)).hexdigest()
            except IngestError:
                continue          # the parent reports it when it reaches the file
            if self.store.has_content(digest) or str(path) in self.futures:
                continue          # unchanged: not worth building (checked again when stored)
            try:
                self.futures[str(path)] = self.pool.submit(_prepare, str(path), source)
            except Exception:  # noqa: BLE001  (workers cannot start: go on in this process)
                self.close()
                return

    def result(self, path) -> Optional[tuple]:
        """The worker's result for ``path``, or None to do the work in this process."""
        fut = self.futures.pop(str(path), None)
        if fut is None:
            return None
        try:
            return fut.result()
        except Exception:  # noqa: BLE001  (a worker died: do this file here)
            return None

    def close(self) -> None:
        if self.pool is not None:
            for f in self.futures.values():
                f.cancel()
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
