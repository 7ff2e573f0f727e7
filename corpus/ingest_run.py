"""One ingest run: files -> documents in the store and the index.

Moved out of ``corpus.api`` so the orchestration (worker pool, pairing of language files,
editions, back-resolution of references) has a module of its own; ``Corpus.ingest`` calls
``IngestRun(corpus).run(...)``.
"""
from __future__ import annotations

import atexit
import contextlib
import gc
import hashlib
import json
import os
import threading
import weakref
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, NamedTuple, Optional

from maslihat.core.escape import fs_name
from maslihat.core.ids import document_id
from maslihat.core.model import Document, IngestSummary, Quarantined, Reference
from maslihat.corpus.build import Built, add_facts, align_parallel, build
from maslihat.corpus import store as corpus_store
from maslihat.corpus.store import Store, StoreError
from maslihat.corpus.catalog import NATIONAL_TYPES, NationalActs, StoreCatalog, national_acts  # noqa: F401  (re-exported)
from maslihat.corpus.editions import _add_amendment, _edition_order, _mark_units, _latest_of, _merge_requisites, _same_edition
from maslihat.corpus.prefetch import _align_within, _Prefetch, _prepare, _reuse, _start_pool, _workers  # noqa: F401  (_prepare: by name in workers)

if TYPE_CHECKING:
    from maslihat.corpus.api import Corpus

BATCH = 64
RECENT_TERMS = 64    # documents whose index terms are kept for their partner's re-indexing
CITED_UNITS = 20000  # units of cited documents kept across files for reference resolution
MISSING_INPUT = "no such file or folder"     # ingest.pipeline.iter_inputs's reason for a missing argument
# allocations of container objects between two youngest-generation collections during a run
# (Python's default 700): see ``_collections_for_ingest``
GC_YOUNG = 30000


_gc_lock = threading.Lock()
_gc_runs = 0                  # runs of this process inside ``_collections_for_ingest``
_gc_saved: tuple = ()         # the thresholds before the first of them
_gc_at_exit = False
_gc_stores: "weakref.WeakSet[Store]" = weakref.WeakSet()     # stores ingested into, closed at exit


def _no_collections_at_exit() -> None:
    """Registered with ``atexit`` by the first run of a process: what is left when the interpreter
    exits is frozen, so its shutdown does not walk the whole heap again for cycles (issue 14:
    0.16-0.23 CPU-s after ``maslihat ingest`` returned, 5% of an ingest of the real files, spent
    in collections of objects that were about to go anyway). Nothing is kept from running:
    atexit handlers, the clearing of modules and the closing of files and of the corpus still
    happen; only cycles alive at exit are left to the operating system. The corpora ingested into
    are closed first: a store kept alive by a cycle was closed by those collections, and SQLite
    folds its write-ahead log into the corpus file when the last connection closes. A store
    that cannot be closed here (opened by another thread of the app) leaves the exit as it was:
    its connection is closed when the collector frees it."""
    close_then_freeze(_gc_stores)


def close_then_freeze(closables) -> None:
    """At exit: each of ``closables`` (corpora, stores) closed, then the heap frozen so that the
    interpreter's shutdown does not collect it; one that cannot be closed leaves the exit as it
    was (the collector frees and closes it). Shared by an ingest run and the CLI."""
    for c in list(closables):
        try:
            c.close()
        except Exception:      # noqa: BLE001  (another thread's connection, or broken)
            return
    gc.freeze()


@contextlib.contextmanager
def _collections_for_ingest():
    """Issue 14: the cyclic garbage collector, tuned for the run and put back after it. An ingest
    allocates many short-lived containers (tokens, units, rows) while the process holds a large,
    long-lived heap (modules, compiled patterns, the lexicon, the analysers' caches); every
    full collection walked all of it again and found almost nothing (4 of them, 0.15 CPU-s of a
    3.2 CPU-s ingest of the 129 real files, a dozen objects freed). What exists when the run
    starts is moved out of the collector's sight (``gc.freeze``: it is not garbage, and forked
    workers inherit it untouched), and the youngest generation is collected after ``GC_YOUNG``
    allocations instead of 700. Cycles are still collected, only later; nested or concurrent
    runs (threads of the app) restore the settings when the last one ends."""
    global _gc_runs, _gc_saved, _gc_at_exit
    with _gc_lock:
        if not _gc_at_exit:
            atexit.register(_no_collections_at_exit)
            _gc_at_exit = True
        if _gc_runs == 0:
            _gc_saved = gc.get_threshold()
            gc.freeze()
            gc.set_threshold(max(GC_YOUNG, _gc_saved[0]), *_gc_saved[1:])
        _gc_runs += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_runs -= 1
            if _gc_runs == 0:
                gc.set_threshold(*_gc_saved)
                gc.unfreeze()


class IngestRun:
    """Everything ``Corpus.ingest`` does, over the corpus's store and index."""

    def __init__(self, corpus: "Corpus"):
        self.corpus = corpus
        self.store: Store = corpus.store
        self._summary: Optional[IngestSummary] = None
        self._shown: dict[str, str] = {}      # file path -> the name recorded for it (see _named)
        # index terms of the documents stored last (document id -> unit id -> terms): a language
        # partner stored moments before is indexed again after alignment, with the same terms
        self._recent_terms: dict[str, dict[str, str]] = {}
        # what the index rows of the documents this run indexed last were made of (document id ->
        # ``_rows_key``): a partner aligned later whose key is unchanged keeps its rows as they are
        self._indexed_as: dict[str, tuple] = {}
        # the units of the documents this run stored last, as stored (document id -> units in
        # ordinal order): a partner aligned moments later is not read back from the store
        self._recent_units: dict[str, list] = {}
        # a batch's language pairs whose partner is stored from another file of the batch (by
        # object id), and the id each document of the batch was stored under: a new edition gets
        # its id (…/ru@2) only when stored, so its partner must not pair with the old edition
        self._partner: dict[int, Document] = {}
        self._final: dict[int, str] = {}
        # the corpus's national acts and the citations by name scored against them, kept across
        # the files of the run while they do not change (``catalog.NationalActs``)
        self._national = NationalActs(self.store)
        # the units of the documents this run's files cite, as read from the store (resolution
        # finds the cited provision among them): kept across files while no write of this run
        # touched them and no other connection committed (issue 14: every citing file read and
        # parsed a cited law's units again)
        self._cited_units: dict[str, list] = {}
        # and the look-up of their provisions by kind and number (``nlp.resolve.UnitIndex``), built
        # once per cited document and run, not once per citing file; dropped with its units
        self._cited_index: dict[str, object] = {}
        self._cited_seen: Optional[int] = None

    @property
    def index(self):
        return self.corpus.index


    # ingestion -------------------------------------------------------------------------
    def run(self, paths: Iterable[str], progress: bool = False,
               on_file: Optional[Callable[[str, str, str], None]] = None,
               names: Optional[dict] = None) -> IngestSummary:
        """Ingest files and folders; every file ends ingested, unchanged or quarantined with a reason.

        ``on_file(source, outcome, detail)`` is called per file (the app's progress list).
        """
        _gc_stores.add(self.store)
        with _collections_for_ingest():
            return self._run(paths, progress, on_file, names)

    def _run(self, paths, progress, on_file, names) -> IngestSummary:
        from maslihat.ingest.pipeline import count_inputs, iter_inputs

        paths = [str(p) for p in paths]
        summary = self._summary = IngestSummary()
        run_id = self.store.start_run([fs_name(p) for p in paths])
        before = self.store.document_count()
        from maslihat.corpus import lexicon
        known = lexicon.load(self.store.conn)    # lemmas of earlier runs: pymorphy3 only for new words
        # read before this run's files write the stamp: the vocabulary is in the lexicon already
        vocabulary_taken = lexicon.vocabulary_taken(self.store.conn)
        # a new corpus: the project's own words (query vocabulary, competency terms) take their
        # lemmas from the file computed with the project, not from pymorphy3 (the same lemmas)
        offered = not vocabulary_taken and lexicon.offer_shipped()
        # the workers first: they are forked only while this process runs one thread (a progress
        # bar starts a monitor thread), and before the list of files is built (issue 14: forked
        # after it, each worker ended up with its own copy of the list's pages, ~50 MB at 100,000
        # files, as this process went through it); the files are counted without being kept
        n_files = count_inputs(paths)
        workers = _workers(n_files)
        early = _start_pool(workers, known, n_files, offered) if workers > 0 else None
        try:
            items = [self._named(i, names or {}) for i in iter_inputs(paths)]
        except BaseException:
            if early is not None:
                early.shutdown(wait=False, cancel_futures=True)
            raise
        prepared = _Prefetch(self.store, items, workers, known, offered, early)
        bar = None
        if progress:
            from tqdm import tqdm
            bar = tqdm(total=len(items), unit="file", desc="ingest", disable=len(items) < 20)
        try:
            for i, j in _batches(items):
                batch = items[i:j]
                prepared.ahead(j + 2 * BATCH)     # workers read and build the next batches meanwhile
                with self.store.batch():          # one commit per batch, a savepoint per file
                    # nothing of the stored documents is held for the end of the run: it reads
                    # them back by run id (issue 14: held documents grew the parent to GBs)
                    self._ingest_batch(batch, summary, run_id, on_file, prepared)
                if bar:
                    bar.update(len(batch))
                    bar.set_postfix(docs=summary.documents_added, same=len(summary.duplicates),
                                    quarantined=len(summary.quarantined), refresh=False)
        except KeyboardInterrupt:
            # Ctrl+C or SIGTERM: every file finished so far is committed (a savepoint per file);
            # the same command again skips them by content and goes on (resume)
            summary.interrupted = True
        finally:
            prepared.close()
        if bar:
            bar.close()
        if not summary.interrupted:
            try:
                self._resolve_backwards(run_id)
                self._link_amendments(run_id)
                from maslihat.corpus.converge import resolve_pending
                resolve_pending(self.store)     # also what a crashed run left unresolved (converge.py)
            except KeyboardInterrupt:
                summary.interrupted = True
        if not vocabulary_taken:
            lexicon.add_query_vocabulary()
        with self.store.transaction() as conn:
            lexicon.save_new(conn, vocabulary=True)
            if not summary.interrupted and not self.store.facts_missing():
                self.store.mark_facts_complete()     # searches need not scan for them (corpus/facts.py)
        summary.acts = self.store.run_acts(run_id)
        self.store.finish_run(run_id, summary.files, summary.documents_added, summary.unchanged,
                              summary.new_versions, len(summary.quarantined))
        if not summary.interrupted and summary.documents_added >= max(before, corpus_store.COMPACT_MIN_DOCS):
            # issue 14: a bulk build (the corpus at least doubled) leaves its pages a fifth empty;
            # rewriting it costs about 1% of the run, and less each time (the file has doubled)
            self.store.compact()
        self.index.checkpoint()       # the next search of any process opens the index, not rebuilds it
        return summary

    def _named(self, item, names: dict):
        """Names as they are recorded: the uploaded name where one was given (``names``: path ->
        name), and non-UTF-8 bytes as ``\\xNN`` escapes (``core.escape.fs_name``), so the file is
        stored, not lost to an encoding error."""
        if isinstance(item, Quarantined):
            return Quarantined(fs_name(names.get(item.path, item.path)), item.reason)
        path, source = item
        shown = names.get(str(path))
        if shown is not None:
            self._shown[str(path)] = fs_name(shown)
            source = Path(shown).name
        elif fs_name(str(path)) != str(path):
            self._shown[str(path)] = fs_name(str(path))
        return path, fs_name(source)

    def _quarantine(self, summary: IngestSummary, run_id: int, path: str, reason: str, on_file) -> None:
        shown = self._shown.get(str(path), fs_name(str(path)))
        q = Quarantined(shown, reason)
        summary.quarantined.append(q)
        if reason != MISSING_INPUT:    # a mistyped argument is the user's, not a file to remember
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
            if self._not_a_text(Path(path), summary, run_id, on_file):
                continue
            done = prepared.result(path) if prepared else None
            try:
                raw = read_input(path)      # regular files only, size checked first (ingest.limits)
            except IngestError as e:
                self._quarantine(summary, run_id, str(path), str(e), on_file)
                continue
            digest = hashlib.sha256(raw).hexdigest()
            if self.store.has_content(digest):
                same = self._same_bytes_elsewhere(str(source), str(path), digest, summary)
                if same:
                    if on_file:
                        on_file(str(path), "same_as", ", ".join(same))
                    continue
                summary.unchanged += 1
                self.store.clear_quarantine(self._shown.get(str(path), str(path)))
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
                if len(done) > 4:
                    from maslihat.corpus.lexicon import learn
                    learn(done[4])        # the worker's new lemmas, stored with this batch
            else:
                try:
                    docs = load_file(Path(path), source, data=raw, digest=digest)
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

        self._partner.clear()
        self._final.clear()
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
            shown = self._shown.get(str(path), str(path))
            self.store.clear_quarantine(shown)
            for w in (docs[0].extra.get("reader_warnings") or []) if docs else []:
                summary.warnings.append(Quarantined(shown, w))
            if on_file:
                same = [d for p, d in summary.duplicates if p == path]
                if same and not stored:
                    on_file(path, "same_as", ", ".join(same))
                else:
                    on_file(path, "ingested", ", ".join(f"{d.language} {d.doc_type}" for d in stored))
        return added

    def _same_bytes_elsewhere(self, source: str, path: str, digest: str, summary: IngestSummary) -> list[str]:
        """A file whose bytes are stored under another name (one act published under two codes):
        recorded as one more source of those documents; [] when it is the same file again."""
        if self.store.source_of(digest) in (None, source):
            return []
        out = []
        for doc in self.store.documents_with_hash(digest):
            if any(s.get("source") == source for s in doc.sources) or doc.source == source:
                continue
            if not doc.sources:
                doc.sources = [{"source": doc.source, "format": doc.extra.get("format"),
                                "content_hash": doc.content_hash}]
            fmt = Path(source).suffix.lower().lstrip(".")
            doc.sources.append({"source": source, "format": fmt, "content_hash": digest})
            with self.store.transaction():
                self.store.update_document(doc)
            summary.duplicates.append((path, doc.id))
            out.append(doc.id)
        return out

    def _not_a_text(self, path: Path, summary: IngestSummary, run_id: int, on_file) -> bool:
        """meta.yaml (read with the texts beside it) and READMEs: handled here, not read as texts."""
        from maslihat.ingest.errors import IngestError
        from maslihat.ingest.pipeline import skip_reason
        from maslihat.ingest.repository import is_meta_file, read_meta
        reason = skip_reason(path)
        if reason:
            self._quarantine(summary, run_id, str(path), reason, on_file)
            return True
        if not is_meta_file(path):
            return False
        try:
            read_meta(path)
        except IngestError as e:
            self._quarantine(summary, run_id, str(path), f"{e}: the texts beside it are read without it", on_file)
            return True
        summary.metadata_files += 1
        if on_file:
            on_file(str(path), "metadata", "meta.yaml of the act folder")
        return True

    def _pair_files(self, loaded) -> None:
        """Language versions in separate files (``20090.rus.txt`` + ``20090.kaz.txt``) become one act."""
        from maslihat.ingest.metadata import inherit
        from maslihat.ingest.pipeline import pair_key

        by_key: dict[str, list[Document]] = {}
        folder: dict[int, str] = {}
        for path, _raw, docs in loaded:
            for d in docs:
                folder[id(d)] = str(Path(path).parent)
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

            def partner_of(d: Document) -> Document:
                """The other language from the same folder (two editions of one act ingested
                together, law/<act>/ and law-2025/<act>/, each pair within its edition), else the
                first of the key's."""
                want = "kk" if d.language == "ru" else "ru"
                near = next((x for x in docs if x.language == want and folder.get(id(x)) == folder.get(id(d))), None)
                return near or (kk if want == "kk" else ru)
            # several copies of one language (20090.kaz.txt and 20090.kaz.html): each one pairs
            for d in docs:
                if d.language == "kk":
                    inherit(d, partner_of(d))
            for d in docs:
                if d.language == "ru":
                    inherit(d, partner_of(d))
            for d in group:
                partner = partner_of(d)
                d.parallel_id = partner.id
                if any(partner is x for x in docs):
                    self._partner[id(d)] = partner

    def _store_file(self, path: str, raw: bytes, docs: list[Document], run_id: int,
                    prebuilt: Optional[tuple] = None) -> list[Document]:
        """Everything one file contributes, in one transaction.

        ``prebuilt`` is what a worker process computed from the file (see ``_prepare``); its
        units and references are used when the documents are still exactly as the worker saw
        them (no new edition, no pairing with another file), and built again here otherwise.
        """
        renamed: dict[str, str] = {}
        superseded: list[str] = []
        older: set[str] = set()            # new editions older than the act's latest: stored, not indexed
        changed: list[Document] = []
        same_as: list[tuple[Document, Document]] = []
        for d in docs:
            existing = self.store.versions(d.act_id, d.language) if d.act_id else []
            if existing:
                prior = self._same_edition_in(existing, d)
                if prior is not None:
                    # the same text from another file (format, copy, code) or a bilingual file
                    # edited in one language only: one edition, one more source
                    renamed[d.id] = prior.id
                    same_as.append((prior, d))
                    continue
                d.version = max(v["version"] for v in existing) + 1
                latest = next((v for v in existing if v["is_latest"]), None)
                if latest is not None and _edition_order(self.store.document(latest["id"])) > _edition_order(d):
                    older.add(d.id)
                else:
                    superseded += [v["id"] for v in existing if v["is_latest"]]
                new_id = document_id(d.act_id, d.language, d.version)
                if d.id in older:
                    older.discard(d.id)
                    older.add(new_id)
                renamed[d.id] = new_id
                d.id = new_id
            changed.append(d)
        for d in docs:
            self._final[id(d)] = renamed.get(d.id, d.id)
        for d in docs:
            partner = self._partner.pop(id(d), None)
            if partner is None or any(partner is x for x in docs):
                pass
            elif id(partner) in self._final:                    # stored before, under this id
                d.parallel_id = self._final[id(partner)]
            elif self.store.versions(partner.act_id, partner.language) if partner.act_id else False:
                d.parallel_id = None           # its id (a new edition's?) is known when it is stored;
                                               # it pairs with this document then
        for d in docs:
            if d.parallel_id in renamed:
                d.parallel_id = renamed[d.parallel_id]
        if same_as:
            self._add_sources(same_as, path)
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
        paired_units: dict[str, list[tuple[str, str]]] = {}    # partner id -> (parallel id, unit id) set now
        for b in builts:
            pid = b.doc.parallel_id
            if not pid:
                continue
            if pid not in by_id:
                other = self.store.document(pid)
                if other is not None:
                    units = self._recent_units.get(pid)
                    ob = Built(other, units if units is not None else self.store.units(pid), [])
                    was = [u.parallel_id for u in ob.units]
                    align_parallel(b, ob)
                    paired_units[pid] = [(u.parallel_id, u.id) for u, p in zip(ob.units, was) if u.parallel_id != p]
                    partner_updates.append(ob)
        catalog = StoreCatalog(self.store, self._national, self._cited(), self._cited_index)
        from maslihat.nlp.resolve import resolve
        for b in builts:
            catalog.add(b.doc.id, b.units)
        for b in builts:
            b.refs = resolve(b.refs, b.doc, b.units, catalog)
        add_facts(builts)          # a worker's builts have theirs already
        facts = {b.doc.id: b.facts for b in builts}
        with self._written():
            self.store.put_source(docs[0].content_hash, docs[0].source, raw, run_id, packed_later=True)
            for b in builts:
                self.store.put_document(b.doc, b.doc.extra.get("pair_key"), run_id)
                if b.doc.id in older:
                    self.store.set_latest(b.doc.act_id, b.doc.language, _latest_of(self.store, b.doc))
                self.store.put_units(b.units)
                self.store.put_defines(b.doc, b.units)
                self.store.put_references(b.refs)
                self.store.put_facts(b.doc.id, facts[b.doc.id])
            self.store.settle_source()
            for ob in partner_updates:
                # this file's own documents were written with their parallel ids just above: only
                # the partner's row and its units' parallel ids change (the units' JSON does not
                # hold them), not every column of every unit written again
                self.store.set_parallel(ob.doc.id, ob.doc.parallel_id, both=False)
                self.store.set_unit_parallels(paired_units[ob.doc.id])
            if superseded:
                self._index_remove(superseded)
            # a partner indexed by this run from the same document and units keeps its rows (the
            # rows hold no parallel id, issue 14: a third of an ingest's index writes were these);
            # any other (indexed by an earlier run, or changed since) is indexed again
            stale = [ob for ob in partner_updates
                     if self._indexed_as.get(ob.doc.id) != _rows_key(ob.doc, ob.units)]
            if stale:
                self._index_remove([ob.doc.id for ob in stale])
                # alignment sets the units' parallel ids only: a unit's terms (from its text) are
                # those the partner was indexed with, if it was stored lately; else computed again
                known = {k: v for ob in stale for k, v in self._recent_terms.get(ob.doc.id, {}).items()}
                self._index_add([self.store.document(ob.doc.id) for ob in stale],
                                {ob.doc.id: ob.units for ob in stale}, known or None)
            terms: Optional[dict[str, str]] = {}
            for b in builts:
                if b.terms is None:
                    terms = None      # computed by the index from the units' text
                    break
                terms.update(b.terms)
            fresh = [b for b in builts if b.doc.id not in older]
            for b in builts:
                if b.terms is not None:
                    if len(self._recent_terms) >= RECENT_TERMS:
                        self._recent_terms.pop(next(iter(self._recent_terms)))
                    self._recent_terms[b.doc.id] = b.terms
            if fresh:
                self._index_add([b.doc for b in fresh], {b.doc.id: b.units for b in fresh},
                                terms if terms is None or len(fresh) == len(builts)
                                else {k: v for k, v in terms.items() if any(k.startswith(b.doc.id + "/") for b in fresh)})
            from maslihat.corpus.lexicon import save_new
            save_new(self.store.conn)      # this file's new lemmas commit with its documents
        # committed: the units as the store now holds them (a unit's ordinal is its place in the
        # list; a partner's are the same objects, their new parallel ids written just above)
        for b in builts + partner_updates:
            self._cited_units.pop(b.doc.id, None)
            self._cited_index.pop(b.doc.id, None)
            self._recent_units.pop(b.doc.id, None)
            if len(self._recent_units) >= RECENT_TERMS:
                self._recent_units.pop(next(iter(self._recent_units)))
            self._recent_units[b.doc.id] = sorted(b.units, key=lambda u: u.ordinal)   # the store's order
        return [b.doc for b in builts]

    def _cited(self) -> dict[str, list]:
        """``_cited_units``, emptied when another connection has committed since it was filled
        (``PRAGMA data_version``) or when it holds more than ``CITED_UNITS`` units."""
        seen = self.store.conn.execute("PRAGMA data_version").fetchone()[0]
        if seen != self._cited_seen or sum(map(len, self._cited_units.values())) > CITED_UNITS:
            self._cited_units.clear()
            self._cited_index.clear()
            self._cited_seen = seen
        return self._cited_units

    @contextlib.contextmanager
    def _written(self):
        """``store.transaction()`` that also forgets what its index writes were made of when it
        rolls back (the index rows roll back with it)."""
        saved = dict(self._indexed_as)
        try:
            with self.store.transaction():
                yield
        except BaseException:
            self._indexed_as = saved
            raise

    def _index_add(self, docs: list[Document], units_by_doc: dict, terms=None) -> None:
        """``index.add``, remembering what each document's rows were made of (``_rows_key``)."""
        self.index.add(docs, units_by_doc, terms)
        for d in docs:
            self._indexed_as.pop(d.id, None)
            if len(self._indexed_as) >= RECENT_TERMS:
                self._indexed_as.pop(next(iter(self._indexed_as)))
            self._indexed_as[d.id] = _rows_key(d, units_by_doc.get(d.id, []))

    def _index_remove(self, doc_ids: list[str]) -> None:
        self.index.remove(doc_ids)
        for i in doc_ids:
            self._indexed_as.pop(i, None)

    def _same_edition_in(self, existing: list[dict], d: Document) -> Optional[Document]:
        """The stored edition of (act, language) whose text is ``d``'s (any format), else None."""
        fp = d.extra.get("fingerprint")
        for v in sorted(existing, key=lambda v: not v["is_latest"]):
            prior = self.store.document(v["id"])
            if prior is None:
                continue
            if _same_edition(prior, d) or (fp and prior.extra.get("fingerprint") == fp):
                return prior
        return None

    def _add_sources(self, pairs: list[tuple[Document, Document]], path: str) -> None:
        """Record ``new``'s file as another source of the stored edition ``prior``; meta.yaml's
        requisites (authoritative) fill what the stored copy lacks."""
        for prior, new in pairs:
            summary = self._summary
            if summary is not None:
                summary.duplicates.append((path, prior.id))
            if not prior.sources:
                prior.sources = [{"source": prior.source, "format": prior.extra.get("format"),
                                  "content_hash": prior.content_hash}]
            known = {s.get("source") for s in prior.sources}
            for s in new.sources:
                if s.get("source") not in known:
                    prior.sources.append(s)
            facets_changed = _merge_requisites(prior, new)
            with self._written():
                self.store.update_document(prior)
                if facets_changed and self.store.is_latest(prior.id):
                    self._index_remove([prior.id])
                    self._index_add([prior], {prior.id: self.store.units(prior.id)})

    def _link_amendments(self, run_id: int) -> None:
        """Amending acts and the acts they amend, both ways: ``amends`` on the amending act names
        the amended act's id; the amended act lists the amending act in its ``amendments``, with
        the units its instructions change (``nlp.amendments.instructions``).
        The acts this run stored and those that amend one of them (``Store.amending_of_run``)."""
        from maslihat.nlp.amendments import instructions, instructions_for
        for doc_id in self.store.amending_of_run(run_id):
            d = self.store.document(doc_id)
            if d is None:
                continue
            touched = False
            parsed = None               # its instructions, read once (when an act it amends is found)
            for a in d.amends:
                targets = [t for t in self.store.find_documents(a.get("date"), a.get("number"))
                           if not t.startswith(d.act_id + "/")]
                found = [t for t in (self.store.document(tid) for tid in targets) if t is not None]
                for t in _amended_of(found, d):
                    if a.get("act_id") != t.act_id:
                        a["act_id"] = t.act_id
                        touched = True
                    if a.get("change") == "repealed":    # an act it ends (``nlp.amendments.repealed_acts``)
                        if _add_repeal(t, d):
                            with self._written():
                                self.store.update_document(t)
                                if self.store.is_latest(t.id):      # the status facet follows
                                    self._index_remove([t.id])
                                    self._index_add([t], {t.id: self.store.units(t.id)})
                        continue
                    # the units its instructions change (the text's own, not only its title's act)
                    if parsed is None:
                        parsed = instructions(d.text, d.language, (d.adopted_date, d.number))
                    changes = instructions_for(d, t.adopted_date, t.number, parsed)
                    joint = (t.extra or {}).get("joint") or {}
                    if joint.get("number"):     # a joint act amended by its second act's number («… № 41-5»)
                        changes += [c for c in instructions_for(d, joint.get("date") or t.adopted_date,
                                                                joint["number"], parsed) if c not in changes]
                    if _add_amendment(t, d, changes):
                        with self.store.transaction():
                            self.store.update_document(t)
                    marked = _mark_units(self.store.units(t.id), d, changes) if changes else []
                    if marked:
                        with self.store.transaction():
                            self.store.put_units(marked)
            if touched:
                with self.store.transaction():
                    self.store.update_document(d)

    def _resolve_backwards(self, run_id: int) -> None:
        """References stored earlier that cite an act this run added now point to it."""
        catalog = StoreCatalog(self.store, self._national)
        named = [Kept(*r) for r in self.store.run_rows(run_id, NATIONAL_TYPES)]
        if named:                                 # laws cited by title or short name, ingested after the citing act
            self._resolve_named(named, catalog)
        for keys in self.store.run_keys(run_id):  # a chunk at a time: nothing held per document
            for date, number in keys:
                self._re_resolve(self.store.unresolved_citing(date, number), catalog)

    def _resolve_named(self, docs: list["Kept"], catalog: "StoreCatalog") -> None:
        """Unresolved citations of national acts that name one of ``docs`` now resolve to it."""
        from maslihat.nlp import act_match
        rows = self.store.conn.execute(
            "SELECT id, document_id, data FROM refs WHERE kind='external' AND resolved_document_id IS NULL "
            "AND cited_act_key IS NOT NULL "
            "AND (cited_act_key LIKE 'law:%' OR cited_act_key LIKE 'code:%' OR cited_act_key LIKE 'decree:%' "
            "OR cited_act_key = 'constitution')")
        # thousands of citations name the same act the same way: score each distinct citation once
        # (was: every citation against every new act — hours at 100,000 documents); rows are read
        # one at a time and only the ids of the hits kept (227,000 rows, 150 MB of JSON at 100,000)
        verdict: dict[str, bool] = {}
        hits: dict[str, set[str]] = {}
        for rid, doc_id, data in rows:
            target = json.loads(data).get("target") or {}
            key = json.dumps(target, sort_keys=True, ensure_ascii=False)
            hit = verdict.get(key)
            if hit is None:
                hit = verdict[key] = any(act_match.score(target, d) >= 3 for d in docs)
            if hit:
                hits.setdefault(doc_id, set()).add(rid)
        for doc_id, ids in hits.items():      # one citing document's references at a time
            self._re_resolve([r for r in self.store.references(doc_id=doc_id) if r.id in ids], catalog)

    def _re_resolve(self, refs: list[Reference], catalog: "StoreCatalog") -> None:
        """Resolve ``refs`` again against the corpus as it is now, one citing document at a time."""
        from maslihat.nlp.resolve import resolve
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


def _add_repeal(target: Document, repealing: Document) -> bool:
    """``target`` repealed by ``repealing`` (an act in the corpus that ends it), unless its own
    requisites already name what repealed it; True when ``target`` changed."""
    own = target.repealed_by or {}
    if target.status == "repealed" and own and not (
            own.get("act_id") == repealing.act_id and repealing.language == target.language
            and own.get("title") != repealing.title):
        return False          # its own requisites tell, or the repealing act's version in its language did
    target.status = "repealed"
    target.repealed_by = {"date": repealing.adopted_date, "number": repealing.number, "title": repealing.title,
                          "act_id": repealing.act_id, "from": "repealing act"}
    return True


def _amended_of(found: list[Document], amending: Document) -> list[Document]:
    """Of the documents an amending act's date and number fit, those of one act: where two bodies'
    acts fit (two district maslikhats' decisions of one date and number), the act of the amending
    act's issuer, else of its region; all of them when that does not tell one act."""
    if len({t.act_id for t in found}) < 2:
        return found
    def rank(t: Document) -> tuple:
        return (not (amending.issuer_id and t.issuer_id == amending.issuer_id),
                not (amending.region_id and t.region_id == amending.region_id))
    best = min(rank(t) for t in found)
    kept = [t for t in found if rank(t) == best]
    return kept if best != (True, True) and len({t.act_id for t in kept}) == 1 else found


class Kept(NamedTuple):
    """A national act a run stored, as back-resolution by name scores it (``nlp.act_match``)."""
    id: str
    act_id: Optional[str]
    doc_type: Optional[str]
    adopted_date: Optional[str]
    number: Optional[str]
    title: Optional[str]


def _rows_key(doc: Document, units: list) -> tuple:
    """Everything of a document and its units that its index rows are made of
    (``corpus.index.rows.unit_rows_spans``: the text, the facets, title and date; each unit's place,
    kind, label and competencies), but not the parallel ids alignment sets."""
    return (doc.id, doc.text, doc.language, doc.doc_type, doc.issuer_kind, doc.issuer, doc.issuer_id,
            doc.region, doc.region_id, doc.adopted_date, doc.status, doc.title,
            tuple((u.id, u.document_id, u.kind, u.label, u.start, u.end, u.parent_id, u.ordinal,
                   tuple(u.competencies or ())) for u in units))


def _group_key(item) -> Optional[str]:
    """Files that must be in one batch: the language files (and copies) of one act."""
    from maslihat.ingest.pipeline import pair_key
    if isinstance(item, Quarantined):
        return None
    _path, source = item
    pk = pair_key(source)
    if pk:
        return pk[0]
    parent, _, name = str(source).replace("\\", "/").rpartition("/")
    return parent if name.lower() == "meta.yaml" and parent else None


def _batches(items: list) -> Iterable[tuple[int, int]]:
    """(start, end) of each batch: about BATCH files, never splitting one act's files
    (``20090.kaz.html`` must meet ``20090.rus.txt`` to take its requisites)."""
    i, n = 0, len(items)
    while i < n:
        j = min(i + BATCH, n)
        last = _group_key(items[j - 1])
        while j < n and last is not None and _group_key(items[j]) == last:
            j += 1
        yield i, j
        i = j
