"""Compiled regular expressions kept from one ``maslihat`` process to the next (issue 14).

Every process compiles the same ~540 patterns (the grammar, references, facts, segmentation,
YAML's reader): ~0.1 CPU-s of each ingest and a sixth of a CLI search, spent in the pure-Python
half of ``re`` (``re._parser.parse`` and ``re._compiler._code``). Their result, the program
handed to ``_sre.compile``, depends only on the pattern, the flags and the Python build, so it
is kept in a file, as Python keeps bytecode in ``__pycache__``: a process that finds a pattern's
program there hands it to ``_sre.compile`` directly (which checks it), and the programs it had to
compile are added to the file when it exits. The patterns' behaviour is the same: only where the
program comes from changes.

Only the ``maslihat`` program installs it (``cli.main``), never a library user of the package.
The file is read when its header names this Python build and ``re`` program format; it is written
whole (a temporary file renamed over it), holds at most ``MAX_PROGRAMS`` (a process that would
go beyond keeps only the programs it used), and is trusted as ``__pycache__`` is: it sits in the
user's cache folder (``$XDG_CACHE_HOME/maslihat``, or ``MASLIHAT_REGEX_CACHE``: a file path, or
empty for none).
"""
from __future__ import annotations

import marshal
import os
import sys
from array import array
from pathlib import Path
from typing import Optional

MAX_PROGRAMS = 5000
_FORMAT = 1
_TYPECODE = "I"        # unsigned int: 4 bytes, _sre.CODESIZE (checked in ``install``)

_installed: Optional[dict] = None        # state of the installed cache (tests read it)


def _header() -> tuple:
    import _sre
    return ("maslihat-regex-cache", _FORMAT, sys.version, sys.implementation.cache_tag, _sre.MAGIC,
            getattr(_sre, "CODESIZE", None))


def default_path() -> Optional[Path]:
    """Where the programs are kept: ``MASLIHAT_REGEX_CACHE`` when set (empty: nowhere), else the
    user's cache folder."""
    explicit = os.environ.get("MASLIHAT_REGEX_CACHE")
    if explicit is not None:
        return Path(explicit) if explicit.strip() else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "maslihat" / f"regex-{sys.implementation.cache_tag}.marshal"


def _read(path: Path) -> dict:
    try:
        data = marshal.loads(path.read_bytes())
    except Exception:      # noqa: BLE001  (missing, unreadable or damaged: compiled as without it)
        return {}
    if not (isinstance(data, tuple) and len(data) == 2 and data[0] == _header() and isinstance(data[1], dict)):
        return {}
    return data[1]


def install(path: Optional[Path] = None) -> bool:
    """Serve ``re``'s compilations from the file at ``path`` (``default_path()``) and add the
    new ones to it at exit. False (nothing changed) when there is no file to use or this
    Python's ``re`` is not made as expected (its ``_compiler.compile`` and ``_sre.compile``)."""
    global _installed
    if _installed is not None:
        return True
    path = default_path() if path is None else path
    if path is None:
        return False
    try:
        import _sre
        import re
        from re import _compiler, _parser
        original = _compiler.compile
        parse, code_of = _parser.parse, _compiler._code
        sre_compile, debug = _sre.compile, _compiler.SRE_FLAG_DEBUG
    except (ImportError, AttributeError):
        return False
    if getattr(_sre, "CODESIZE", None) != array(_TYPECODE).itemsize:
        return False
    kept = _read(path)
    state = {"path": path, "kept": kept, "new": {}, "used": set(), "original": original}

    def compile(p, flags=0):
        if type(p) not in (str, bytes) or flags & debug:
            return original(p, flags)
        flags = int(flags)
        key = (p, flags)
        program = kept.get(key)
        if program is not None:
            try:
                final, words, groups, groupindex, indexgroup = program
                code = array(_TYPECODE)
                code.frombytes(words)
                compiled = sre_compile(p, final, code.tolist(), groups, groupindex, indexgroup)
            except (TypeError, ValueError, RuntimeError, OverflowError):
                kept.pop(key, None)             # a program this build refuses: compiled anew
            else:
                state["used"].add(key)
                return compiled
        # as re._compiler.compile does, keeping what it hands to _sre.compile
        parsed = parse(p, flags)
        code = code_of(parsed, flags)
        groupindex = parsed.state.groupdict
        indexgroup = [None] * parsed.state.groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        final, groups = flags | parsed.state.flags, parsed.state.groups - 1
        compiled = sre_compile(p, final, code, groups, groupindex, tuple(indexgroup))
        # the program kept as the words of an array (``CODESIZE`` bytes each): read in one C call
        state["new"][key] = (final, array(_TYPECODE, code).tobytes(), groups, dict(groupindex), tuple(indexgroup))
        return compiled

    _compiler.compile = compile
    state["patched"] = compile
    _installed = state
    import atexit
    atexit.register(save)
    del re
    return True


def save() -> int:
    """Add the programs this process compiled to the file (at exit). Returns how many it holds
    afterwards; 0 when nothing was written (nothing new, or the folder cannot be written)."""
    state = _installed
    if not state or not state["new"]:
        return 0
    kept = dict(_read(state["path"]))           # another process may have added some meanwhile
    kept.update(state["new"])
    if len(kept) > MAX_PROGRAMS:                # patterns made from data, or many versions' worth
        kept = {k: v for k, v in kept.items() if k in state["used"] or k in state["new"]}
        if len(kept) > MAX_PROGRAMS:
            return 0
    path = state["path"]
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(marshal.dumps((_header(), kept)))
        os.replace(tmp, path)
    except (OSError, ValueError):
        try:
            tmp.unlink()
        except OSError:
            pass
        return 0
    state["new"] = {}
    return len(kept)


def uninstall() -> None:
    """Give ``re`` its own compilation back (tests)."""
    global _installed
    state = _installed
    if state is None:
        return
    from re import _compiler
    if _compiler.compile is state["patched"]:
        _compiler.compile = state["original"]
    import atexit
    atexit.unregister(save)
    _installed = None
