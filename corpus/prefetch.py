"""Parallel ingest: the store-free work on files done ahead, in worker processes.

Reading, decoding, language identification, segmentation, references and competency tags of a file
need no store: worker processes do them (``_prepare``) while this process stores the previous files.
Everything that reads or writes the store (unchanged check, pairing, editions, resolution, writes,
index) stays here, in file order, so the outcome is the same as serial.
"""
from __future__ import annotations

import copy
import hashlib
import os
from pathlib import Path
from typing import Optional

from maslihat.core.model import Document, Quarantined
from maslihat.corpus.build import Built, add_facts, align_parallel, build
from maslihat.corpus.pair_ahead import paired_copy, partners, siblings
from maslihat.corpus.store import Store

PARALLEL_MIN_FILES = 200     # below this, starting workers costs more than it saves
# from this many files on, lingua's models are loaded before the workers are forked, so that they
# share one copy (``corpus.workers._preload``): a long run meets lines only lingua tells, and the
# ~0.35 CPU-s are then spent once instead of once per worker (issue 14: ingest memory)
SHARED_MODELS_FILES = 1000


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


_UNKEYED = ("text", "original", "extra", "parallel_id")   # text: never changed after load_file;
# original, extra: not read by build; parallel_id: keyed by _build_keys below


def _build_keys(docs: list[Document]) -> list[tuple]:
    """What ``build`` and the in-file alignment may depend on, besides the text, for each of one
    file's documents. ``parallel_id`` counts only when it names a document of the same file (the
    in-file alignment's partner): pairing with another file's document (``20090.rus.txt`` +
    ``20090.kaz.txt``) sets it, and build does not read it, so the worker's work stays valid."""
    from dataclasses import fields
    names = [f.name for f in fields(Document) if f.name not in _UNKEYED]
    ids = {d.id for d in docs}
    return [tuple(getattr(d, n) for n in names) + (len(d.text), d.parallel_id if d.parallel_id in ids else None)
            for d in docs]


_LOADED: dict[str, list[tuple]] = {}     # worker: path -> editions of the files it read lately
_LOADED_MAX = 8


def _editions(docs: list[Document]) -> list[tuple]:
    """What tells one edition from another (``corpus.editions._same_edition`` and the
    fingerprint), taken as read, before building changes a national act's amendments."""
    return [(d.language, d.extra.get("fingerprint"), d.text, copy.deepcopy(d.amendments), d.status,
             d.repealed_by) for d in docs]


def _read(path: str, source: str) -> list[Document]:
    from maslihat.ingest.pipeline import load_file
    docs = load_file(Path(path), source)
    if len(_LOADED) >= _LOADED_MAX:
        _LOADED.pop(next(iter(_LOADED)))
    _LOADED[path] = _editions(docs)
    return docs


def _same_as_sibling(docs: list[Document], sibling: Optional[tuple[str, str]]) -> bool:
    """Whether every document of the file is an edition its sibling (the same act and language in
    an earlier file of another format, ``pair_ahead.siblings``) has too: the storing process will
    then record the file as one more source of the stored edition and throw a build away. Only a
    forecast: when it is wrong the storing process builds the file itself (same outcome)."""
    if sibling is None:
        return False
    known = _LOADED.get(sibling[0])
    if known is None:
        try:
            _read(*sibling)
        except Exception:  # noqa: BLE001  (the storing process reports the sibling's problem)
            return False
        known = _LOADED[sibling[0]]
    return all(any(k[0] == e[0] and ((e[1] and k[1] == e[1]) or k[2:] == e[2:]) for k in known)
               for e in _editions(docs))


def _prepare(path: str, source: str, partner: Optional[Document] = None,
             sibling: Optional[tuple[str, str]] = None) -> tuple:
    """Worker: one file -> ("ok", documents, builts, keys, new lemmas, paired) or ("error", reason).

    ``builts`` is None when building failed: the parent builds again and quarantines the file
    with the same message as a serial run would; also when the file is the same edition as its
    ``sibling`` (path, source), whose build the storing process keeps (``_same_as_sibling``).
    With ``partner`` (the Russian document a Kazakh file will be paired with,
    ``corpus/pair_ahead.py``) the paired copy is built instead, and ``paired`` holds it as it
    was before building."""
    from maslihat.ingest.errors import IngestError
    try:
        docs = _read(path, source)
    except IngestError as e:
        return ("error", str(e))
    except Exception as e:  # noqa: BLE001  (as in Corpus._ingest_batch)
        return ("error", f"internal error while reading: {type(e).__name__}: {e}")
    if not docs:
        return ("ok", docs, None, None)
    if _same_as_sibling(docs, sibling):
        from maslihat.corpus.lexicon import worker_take
        return ("ok", docs, None, None, worker_take())
    from maslihat.corpus.lexicon import worker_take
    paired = paired_copy(docs, partner)
    todo = docs if paired is None else [paired]
    before = None if paired is None else [copy.deepcopy(paired)]
    try:
        builts = [build(d) for d in todo]
        _align_within(builts)
        add_facts(builts)     # was done by the storing process: 58% of its CPU at 4,000 files
    except Exception:  # noqa: BLE001
        return ("ok", docs, None, None, worker_take())
    # keyed as built: build itself sets a national act's amendments, which is not a change the
    # storing process made (keyed before, every law and code was built there a second time)
    return ("ok", docs, builts, _build_keys(todo), worker_take(), before)


def _prepare_group(tasks: list[tuple]) -> list[tuple]:
    """Worker: ``_prepare`` of a file and the later files whose sibling it is, in this order, so
    that their ``_same_as_sibling`` finds it among the files this worker read (a sibling read by
    another worker was read again: 29 of 129 files at two workers, issue 14)."""
    return [_prepare(*t) for t in tasks]


def _reuse(prebuilt: Optional[tuple], docs: list[Document]) -> Optional[list[Built]]:
    """The worker's builts when every document is still as the worker built it, else None."""
    if not prebuilt or prebuilt[2] is None:
        return None
    _, wdocs, builts, keys = prebuilt[:4]
    if len(wdocs) != len(docs) or any(a is not b for a, b in zip(wdocs, docs)):
        return None
    paired = prebuilt[5] if len(prebuilt) > 5 else None
    if paired is not None:
        return builts if docs == paired else None     # built paired: only if paired the same here
    if _build_keys(docs) != keys:
        return None
    return builts


def _start_pool(workers: int, lexicon: Optional[dict], n_files: int, offered: bool = False):
    """The worker pool of an ingest of ``n_files`` files (``corpus.workers.pool``): forked only
    while this process runs a single thread (else spawned: app threads might hold a lock the
    child needs); a forked worker never touches this process's SQLite connection. As with any
    spawn pool, a script calling ingest() must guard its top level with ``if __name__ ==
    "__main__":`` (the CLI and the app do). The workers exit when this process dies, even by
    kill -9 (corpus/workers.py)."""
    from maslihat.corpus.workers import pool
    return pool(workers, lexicon, offered, models=n_files >= SHARED_MODELS_FILES)


class _Prefetch:
    """Files handed to worker processes ahead of the batch being stored, results by path."""

    def __init__(self, store: Store, items: list, workers: int, lexicon: Optional[dict] = None,
                 offered: bool = False, started=None):
        """``started``: the pool, when it was started before ``items`` were listed (``_start_pool``)."""
        self.store, self.items, self.pos = store, items, 0
        self.futures: dict[str, tuple] = {}      # path -> (future of its group, place in the group)
        self.pool = None
        self.partners = partners(items) if workers > 0 else {}
        self.siblings = siblings(items) if workers > 0 else {}
        self.followers: dict[str, list[tuple[str, str]]] = {}   # path -> later files whose sibling it is
        for item in items if workers > 0 else ():
            sib = self.siblings.get(str(item[0])) if isinstance(item, tuple) else None
            if sib is not None:
                self.followers.setdefault(sib[0], []).append((str(item[0]), item[1]))
        self.waiting: dict[str, tuple[str, str]] = {}   # Kazakh file -> (its source, partner path)
        if workers > 0:
            self.pool = started if started is not None else _start_pool(workers, lexicon, len(items), offered)

    def ahead(self, upto: int) -> None:
        """Submit the files up to item ``upto`` that are not already in the corpus; a Kazakh file
        of a pair waits for its Russian partner's result (``corpus/pair_ahead.py``)."""
        while self.pool is not None and self.pos < min(upto, len(self.items)):
            item = self.items[self.pos]
            self.pos += 1
            if isinstance(item, Quarantined) or not self._wanted(str(item[0])):
                continue
            path, source = str(item[0]), item[1]
            partner = self.partners.get(path)
            if partner is not None and (partner[0] in self.futures or
                                        (self._wanted(partner[0]) and self._send(*partner))):
                self.waiting[path] = (source, partner[0])
            else:
                self._send(path, source)
        self._release()

    def _wanted(self, path: str) -> bool:
        """Not with the workers yet, a text the storing process reads (not a README or meta.yaml:
        building one was thrown away, and so were the lemmas its worker found first), and not
        already in the corpus (checked again when stored)."""
        if path in self.futures or path in self.waiting:
            return False
        from maslihat.ingest.errors import IngestError
        from maslihat.ingest.limits import read_input
        from maslihat.ingest.pipeline import skip_reason
        from maslihat.ingest.repository import is_meta_file
        if is_meta_file(Path(path)) or skip_reason(Path(path)):
            return False
        try:
            digest = hashlib.sha256(read_input(path)).hexdigest()
        except IngestError:
            return False          # the parent reports it when it reaches the file
        return not self.store.has_content(digest)

    def _send(self, path: str, source: str, partner: Optional[Document] = None) -> bool:
        """Hand ``path`` to a worker, with the later files whose sibling it is (same partner)."""
        if self.pool is None:
            return False
        group = [(path, source)] + self._followers(path)
        try:
            fut = self.pool.submit(_prepare_group, [(p, s, partner, self.siblings.get(p)) for p, s in group])
        except Exception:  # noqa: BLE001  (workers cannot start: go on in this process)
            self.close()
            return False
        for i, (p, _s) in enumerate(group):
            self.waiting.pop(p, None)
            self.futures[p] = (fut, i)
        return True

    def _followers(self, path: str) -> list[tuple[str, str]]:
        """The later files whose sibling ``path`` is and that would be sent with the same partner
        (none, or the same Russian file), not sent yet and wanted."""
        mine = self.partners.get(path)
        return [(p, s) for p, s in self.followers.get(path, ())
                if self.partners.get(p) == mine and p not in self.futures
                and (p in self.waiting or self._wanted(p))]

    def _release(self, path: Optional[str] = None) -> None:
        """Submit the waiting Kazakh files whose partner is read (and ``path``, waiting for it)."""
        for kk, (source, ru) in list(self.waiting.items()):
            if kk not in self.waiting:
                continue          # sent with the file whose sibling it is
            entry = self.futures.get(ru)
            if kk != path and entry is not None and not entry[0].done():
                continue
            del self.waiting[kk]
            self._send(kk, source, _russian(entry))

    def result(self, path) -> Optional[tuple]:
        """The worker's result for ``path``, or None to do the work in this process."""
        if str(path) in self.waiting:
            self._release(str(path))
        entry = self.futures.pop(str(path), None)
        if entry is None:
            return None
        try:
            return entry[0].result()[entry[1]]
        except Exception:  # noqa: BLE001  (a worker died: do this file here)
            return None

    def close(self) -> None:
        self.waiting.clear()
        if self.pool is not None:
            for f, _i in self.futures.values():
                f.cancel()
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None


def _russian(entry) -> Optional[Document]:
    """A copy of the first Russian document a worker read (this process pairs the original, maybe
    while the copy is being sent), or None. ``entry``: (future, place in its group) or None."""
    try:
        done = entry[0].result()[entry[1]] if entry is not None else None
    except Exception:  # noqa: BLE001  (the partner's worker died: build the file alone)
        return None
    if not done or done[0] != "ok":
        return None
    return next((copy.deepcopy(d) for d in done[1] if d.language == "ru"), None)
