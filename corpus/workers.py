"""Worker processes that never outlive the ingest that started them.

A ``kill -9`` of an ingest left its two spawned workers (165 MB each) and the resource tracker
running forever: a worker blocked on its task queue never learns that the parent is gone.
Each worker therefore asks the kernel for SIGKILL when its parent dies (Linux
``PR_SET_PDEATHSIG``) and, where that is not available or the parent died before the call,
watches its parent from a daemon thread. The resource tracker exits by itself once every
process holding its pipe is gone.
"""
from __future__ import annotations

import os
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1


def _exit_with_parent(parent_pid: int) -> None:
    """Initializer of a worker process: exit when ``parent_pid`` exits."""
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except Exception:  # noqa: BLE001 - not Linux: the thread below does the job
        pass
    if os.getppid() != parent_pid:       # the parent died before prctl took effect
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(0.5)
            if os.getppid() != parent_pid:
                os._exit(1)
    threading.Thread(target=watch, name="maslihat-parent-watch", daemon=True).start()


def _init(parent_pid: int, lexicon: dict | None, offered: bool = False) -> None:
    _exit_with_parent(parent_pid)
    if lexicon or offered:
        from maslihat.corpus.lexicon import worker_init
        worker_init(lexicon or {}, offered)


# What a worker needs before its first file, loaded once here when the workers are forked from
# this process (issue 14: each spawned worker imported all of it and loaded pymorphy3's dictionary
# and lingua's models again, about 0.8 CPU-s per worker on the real texts; lingua's models are now
# loaded only by a process that needs them).
_PRELOAD = ("maslihat.corpus.build", "maslihat.corpus.pair_ahead", "maslihat.corpus.lexicon",
            "maslihat.ingest.pipeline", "maslihat.ingest.readers", "maslihat.ingest.decode",
            "maslihat.ingest.langid", "maslihat.ingest.split", "maslihat.ingest.metadata",
            "maslihat.ingest.doctype", "maslihat.ingest.identity", "maslihat.ingest.repository",
            "maslihat.nlp.segment", "maslihat.nlp.references", "maslihat.nlp.references_law",
            "maslihat.nlp.facts", "maslihat.nlp.analyze", "maslihat.nlp.competency", "maslihat.nlp.align",
            "maslihat.nlp.align_core", "maslihat.nlp.amendments", "lxml.etree")


def _one_thread() -> bool:
    """Whether this process runs no Python thread but the main one, so that a fork is safe. Native
    pools do not count: OpenBLAS (loaded with numpy by the search index) stops its threads around a
    fork itself, and the worker's code never calls into it."""
    import threading
    return threading.active_count() == 1


def _start_method() -> str:
    """"fork" where it is safe: Linux, and no other Python thread (an app's server threads, a
    progress bar's monitor) that might hold a lock the child would need; "spawn" otherwise.
    A forked worker never uses this process's SQLite connection: it reads files, builds documents."""
    import multiprocessing
    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods() and _one_thread():
        return "fork"
    return "spawn"


def _preload(models: bool = False) -> None:
    """Modules and pymorphy3's dictionary, loaded before the fork so that the workers share them.
    Nothing here computes a lemma or an answer the ingest keeps: the outcome is the same as with
    spawned workers. lingua's models (~50 MB, ~0.35 CPU-s) only with ``models``: letters settle
    most files (``ingest.langid``; none of the 129 real files asks lingua), but in a long run a
    worker meets a line only lingua can tell, and each worker then held its own copy of the
    models (issue 14: at 100,000 generated files every worker loaded them within its first
    hundred files)."""
    import importlib
    for name in _PRELOAD:
        importlib.import_module(name)
    from maslihat.nlp.lang.ru.lemmatizer import morph
    morph()
    if models:
        from maslihat.ingest.langid import load_models
        load_models()


def pool(workers: int, lexicon: dict | None = None, offered: bool = False, models: bool = False):
    """A process pool whose workers exit when this process dies; ``lexicon`` (word -> lemma,
    corpus/lexicon.py) is handed to each worker's lemmatizer, and the shipped lemmas are offered
    to it when ``offered`` (``lexicon.offer_shipped``). Forked, with what the workers need loaded
    first (and lingua's models with ``models``, ``_preload``), where that is safe
    (``_start_method``); spawned otherwise."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    if _start_method() == "fork":
        ex = None
        try:
            _preload(models)
            if _one_thread():       # loading started no thread after all
                ex = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                                         initializer=_init, initargs=(os.getpid(), lexicon, offered))
                ex.submit(int)      # a fork pool starts all its workers at its first task: now
                return ex
        except Exception:  # noqa: BLE001 - a model that does not load, a fork refused: spawn as before
            if ex is not None:
                ex.shutdown(wait=False, cancel_futures=True)
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_init, initargs=(os.getpid(), lexicon, offered))
