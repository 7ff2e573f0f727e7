"""Untrusted strings (file names, document text) made safe to store and to show.

A file name on Linux is bytes: Python hands non-UTF-8 bytes over as lone surrogates
(``os.fsdecode``), which SQLite, JSON and a UTF-8 terminal all refuse. ``fs_name`` turns them
into ``\\xNN`` escapes once, where a name enters the corpus, so the stored name is valid text
and still says which bytes the file had (``fs_bytes`` gives them back).

A terminal obeys control characters: a newline in a name forges an extra output line, ESC and
BEL sequences recolour, retitle or ring it. ``for_terminal`` shows every control character as
an escape (``\\n``, ``\\x1b``); document text keeps its line breaks and tabs (``keep_lines``).
"""
from __future__ import annotations

import os
import re

_SURROGATE = re.compile(r"[\udc80-\udcff]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\udc80-\udcff]")
_CONTROL_KEEP_LINES = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\udc80-\udcff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def fs_name(name: str) -> str:
    """A file name as valid text: undecodable bytes (surrogate escapes) become ``\\xNN``."""
    if not _SURROGATE.search(name):
        return name
    return _SURROGATE.sub(lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}", name)


def fs_bytes(name: str) -> bytes:
    """The bytes of the file name that ``fs_name`` escaped (the ``\\xNN`` of bytes >= 0x80 undone)."""
    raw = re.sub(r"\\x([89a-f][0-9a-f])", lambda m: chr(0xDC00 + int(m.group(1), 16)), name)
    return os.fsencode(raw)


def _escape(ch: str) -> str:
    if ch in _NAMED:
        return _NAMED[ch]
    o = ord(ch)
    if 0xDC80 <= o <= 0xDCFF:
        return f"\\x{o - 0xDC00:02x}"
    return f"\\x{o:02x}" if o < 0x100 else f"\\u{o:04x}"


def for_terminal(text: object, keep_lines: bool = False) -> str:
    """``text`` with control characters (and bidi overrides) shown as escapes, never obeyed."""
    s = str(text)
    pattern = _CONTROL_KEEP_LINES if keep_lines else _CONTROL
    return pattern.sub(lambda m: _escape(m.group()), s)


def json_safe(text: str) -> str:
    """JSON text (already escaping C0 controls) with DEL and C1 controls escaped too."""
    return re.sub(r"[\x7f-\x9f\u2028\u2029]", lambda m: f"\\u{ord(m.group()):04x}", text)
