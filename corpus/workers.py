"""Worker processes that never outlive the ingest that started them.

A ``kill -9`` of an ingest left its two spawn workers (165 MB each) and the resource tracker
running forever: a worker blocked on its task queue never learns that the parent is gone.
Each worker therefore asks the kernel for SIGKILL when its parent dies (Linux
``PR_SET_PDEATHSIG``) and, where that is not available or the parent died before the call,
watches its parent from a daemon thread. The resource tracker exits by itself once every
process holding its pipe is gone.
"""
from __future__ import annotations

import os
import signal
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


def _init(parent_pid: int, lexicon: dict | None) -> None:
    _exit_with_parent(parent_pid)
    if lexicon:
        from maslihat.corpus.lexicon import worker_init
        worker_init(lexicon)


def pool(workers: int, lexicon: dict | None = None):
    """A spawn process pool whose workers exit when this process dies; ``lexicon`` (word ->
    lemma, corpus/lexicon.py) is handed to each worker's lemmatizer."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_init, initargs=(os.getpid(), lexicon))
