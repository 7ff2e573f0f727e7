"""The embedded back end's snapshot, kept on disk beside the corpus so that no process rebuilds it.

Building ``columnar.Snapshot`` reads every unit row of the index (seconds at 100,000
documents); a fresh CLI process or a restarted app would pay that on its first query. Instead
the snapshot of a generation is written once, by whoever built it first (the ingest that
changed the index, or the first reader after it), as plain ``.npy`` files plus a JSON manifest
in ``<corpus file>-snapshot/<generation>/``, and every later process memory-maps those files:
opening is a few milliseconds whatever the corpus size, and the pages are shared between
processes through the OS cache.

The directory is a cache, never the store of truth: it is named by the index generation token
(``search_meta``), written to a temporary name and renamed into place (readers never see half a
snapshot), and anything unreadable, stale or foreign is ignored and rebuilt from the corpus file.
No pickle: arrays go through ``numpy.save(allow_pickle=False)`` and everything else through JSON.
"""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path
from typing import Any, Optional

import numpy as np

from maslihat.corpus.index import npyfile

FORMAT = 1
MANIFEST = "manifest.json"
TRANSIENT = ("_lang_rows",)          # per-process caches, rebuilt on demand


def directory(conn: sqlite3.Connection) -> Optional[Path]:
    """``<corpus file>-snapshot`` for a file-backed corpus; None for in-memory or temporary ones."""
    try:
        for _, name, path in conn.execute("PRAGMA database_list"):
            if name == "main":
                return Path(path + "-snapshot") if path else None
    except sqlite3.Error:
        return None
    return None


class _Unsupported(Exception):
    """A snapshot attribute that neither JSON nor numpy can hold: do not persist this snapshot."""


def _encode(value: Any, arrays: list) -> Any:
    if isinstance(value, np.ndarray):
        if value.dtype == object:
            raise _Unsupported("object array")
        arrays.append(value)
        return {"__nd__": len(arrays) - 1}
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, tuple):
        return {"__tuple__": [_encode(v, arrays) for v in value]}
    if isinstance(value, list):
        return [_encode(v, arrays) for v in value]
    if isinstance(value, dict):
        if not all(isinstance(k, str) for k in value):
            raise _Unsupported("dict with non-string keys")
        return {"__dict__": {k: _encode(v, arrays) for k, v in value.items()}}
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    raise _Unsupported(type(value).__name__)


def _decode(value: Any, arrays: list) -> Any:
    if isinstance(value, list):
        return [_decode(v, arrays) for v in value]
    if isinstance(value, dict):
        if "__nd__" in value:
            return arrays[value["__nd__"]]
        if "__tuple__" in value:
            return tuple(_decode(v, arrays) for v in value["__tuple__"])
        return {k: _decode(v, arrays) for k, v in value["__dict__"].items()}
    return value


def save(snap: Any, base: Optional[Path]) -> bool:
    """Write ``snap`` under ``base/<generation>``; True when it is there afterwards.

    Older generations are removed: a process still reading them keeps its mapped pages (POSIX
    unlink semantics) and will load the new generation on its next search.
    """
    gen = getattr(snap, "generation", None)
    if base is None or not gen:
        return False
    final = base / str(gen)
    if (final / MANIFEST).is_file():
        return True
    arrays: list = []
    try:
        state = {k: _encode(v, arrays) for k, v in vars(snap).items() if k not in TRANSIENT}
    except _Unsupported:
        return False
    try:
        base.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=base))
        for i, a in enumerate(arrays):
            np.save(tmp / f"{i}.npy", np.ascontiguousarray(a), allow_pickle=False)
        (tmp / MANIFEST).write_text(json.dumps({"format": FORMAT, "class": type(snap).__name__,
                                                "state": state, "arrays": len(arrays)}), encoding="utf-8")
        try:
            os.rename(tmp, final)
        except OSError:                      # another process renamed the same generation first
            shutil.rmtree(tmp, ignore_errors=True)
        for old in base.iterdir():
            if old.name != final.name and not old.name.startswith(".tmp-"):
                shutil.rmtree(old, ignore_errors=True)
        return (final / MANIFEST).is_file()
    except OSError:                          # read-only folder, disk full: the cache is optional
        return False


def _array(path: Path) -> np.ndarray:
    return npyfile.load(path)          # not numpy.load: its header parser is not thread-safe (npyfile)


def load(cls: type, base: Optional[Path], generation: Optional[str]) -> Any:
    """The snapshot of ``generation`` memory-mapped from disk, or None when it is not there."""
    if base is None or not generation:
        return None
    d = base / str(generation)
    try:
        manifest = json.loads((d / MANIFEST).read_text(encoding="utf-8"))
        if manifest.get("format") != FORMAT or manifest.get("class") != cls.__name__:
            return None
        arrays = [_array(d / f"{i}.npy") for i in range(int(manifest["arrays"]))]
        state = {k: _decode(v, arrays) for k, v in manifest["state"].items()}
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if state.get("generation") != generation:
        return None
    snap = cls.__new__(cls)
    snap.__dict__.update(state)
    for k in TRANSIENT:
        setattr(snap, k, {})
    return snap


def load_extra(base: Optional[Path], generation: Optional[str], name: str) -> Optional[np.ndarray]:
    """An array kept beside a generation's snapshot after it was written (``save_extra``)."""
    if base is None or not generation:
        return None
    path = base / str(generation) / f"{name}.npy"
    try:
        return _array(path) if path.is_file() else None
    except (OSError, ValueError):
        return None


def save_extra(base: Optional[Path], generation: Optional[str], name: str, array: np.ndarray) -> bool:
    """Keep ``array`` beside the snapshot of ``generation`` (something a later version computes
    from it, e.g. a prior of other ranking factors), written to a temporary name and renamed into
    place; False when the generation is not kept or the folder is not writable."""
    if base is None or not generation or not (base / str(generation) / MANIFEST).is_file():
        return False
    final = base / str(generation) / f"{name}.npy"
    try:
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".npy", dir=base / str(generation))
        with os.fdopen(fd, "wb") as f:
            np.save(f, np.ascontiguousarray(array), allow_pickle=False)
        os.replace(tmp, final)
        return True
    except OSError:
        return False
