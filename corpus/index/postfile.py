"""Scored postings of frequent terms kept on disk beside the snapshot, so that a fresh process
does not read them again from FTS5.

Reading a frequent term's occurrences through ``fts5vocab`` costs 40–60 ms at 100,000
documents («сессия»: 241,000 occurrences), and every new process (each CLI search, a restarted
app) paid it on its first query. The first process to score such a term, prefix or phrase
(one that took longer than ``ranking.DISK_AFTER_S`` to read) writes the result — row ids and BM25
contributions, fixed for one index generation — as one ``.npy`` file in
``<corpus>-snapshot/<generation>/postings/``; later processes memory-map it. Like the snapshot
it is a cache: named by the generation (removed with it when the index changes), written to a
temporary name and renamed, and anything unreadable is ignored and read from FTS5 again.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Optional

import numpy as np

MAX_FILES = 4096         # per generation: a bound on the folder whatever the queries (≈ 2 MB a frequent term)

class DiskPostings:
    def __init__(self, generation_dir: Optional[Path]):
        self.dir = generation_dir / "postings" if generation_dir is not None else None

    def _path(self, key) -> Path:
        name = hashlib.sha1(json.dumps(key, ensure_ascii=False).encode("utf-8")).hexdigest()[:24]
        return self.dir / f"{name}.npy"

    def get(self, key) -> Optional[tuple[np.ndarray, np.ndarray]]:
        if self.dir is None:
            return None
        try:
            a = np.load(self._path(key), mmap_mode="r", allow_pickle=False)
        except (OSError, ValueError):
            return None
        if a.dtype != np.int64 or a.ndim != 1 or len(a) % 2:
            return None
        n = len(a) // 2
        return a[:n], a[n:].view(np.float64)

    def put(self, key, rows: np.ndarray, score: np.ndarray) -> None:
        if self.dir is None:
            return
        try:
            self.dir.mkdir(exist_ok=True)
            if len(os.listdir(self.dir)) >= MAX_FILES:
                return
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".npy", dir=self.dir)
            with os.fdopen(fd, "wb") as f:
                np.save(f, np.concatenate([np.asarray(rows, dtype=np.int64),
                                           np.asarray(score, dtype=np.float64).view(np.int64)]),
                        allow_pickle=False)
            os.replace(tmp, self._path(key))
        except OSError:              # the generation was removed meanwhile, read-only, disk full
            try:
                os.unlink(tmp)
            except (OSError, UnboundLocalError):
                pass
