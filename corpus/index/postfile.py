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

from maslihat.corpus.index import npyfile

MAX_FILES = 8192         # per generation (a key file and an array a term): a bound whatever the queries


def _tupled(v):
    return tuple(_tupled(x) for x in v) if isinstance(v, list) else v


def recent_keys(base: Optional[Path], n: int) -> list:
    """The keys kept in any generation under ``base`` (``<corpus>-snapshot``), most recently
    written or read first (a reader touches a key it opens): what readers asked for lately, for
    a writer to keep ready in the next one. By reading, not writing: a term written long ago and
    asked for every day would otherwise fall out of the recent ones once enough others are written."""
    if base is None or not base.is_dir():
        return []
    found = []
    for gen in base.iterdir():
        if gen.name.startswith(".tmp-"):
            continue
        for f in (gen / "postings").glob("*.key"):
            try:
                found.append((f.stat().st_mtime, f.read_text(encoding="utf-8")))
            except OSError:
                continue
    out, seen = [], set()
    for _, text in sorted(found, reverse=True):
        try:
            key = _tupled(json.loads(text))
        except ValueError:
            continue
        if key not in seen:
            seen.add(key)
            out.append(key)
        if len(out) >= n:
            break
    return out


class DiskPostings:
    def __init__(self, generation_dir: Optional[Path]):
        self.dir = generation_dir / "postings" if generation_dir is not None else None

    def _path(self, key, suffix: str = ".npy") -> Path:
        # named by the scoring rule too: a generation kept by an older maslihat (another BM25 rule,
        # ``ranking.SCORES``) is read from FTS5 again, not served with the old rule's scores
        from maslihat.corpus.index.ranking import SCORES
        name = hashlib.sha1(json.dumps([SCORES, key], ensure_ascii=False).encode("utf-8")).hexdigest()[:24]
        return self.dir / f"{name}{suffix}"

    def get(self, key) -> Optional[tuple[np.ndarray, np.ndarray]]:
        if self.dir is None:
            return None
        try:
            a = npyfile.load(self._path(key))     # a plain view of the mapping, read without ``ast``
        except (OSError, ValueError):
            return None
        if a.dtype != np.int64 or a.ndim != 1 or len(a) % 2:
            return None
        n = len(a) // 2
        try:                             # read now: a writer keeps the most recent keys ready (recent_keys)
            os.utime(self._path(key, ".key"))
        except OSError:
            pass
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
            self._path(key, ".key").write_text(json.dumps(key, ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, self._path(key))
        except OSError:              # the generation was removed meanwhile, read-only, disk full
            try:
                os.unlink(tmp)
            except (OSError, UnboundLocalError):
                pass
