"""Word-level changes between two texts as escaped HTML (<ins>/<del> the only markup).

Used when ``Corpus.diff`` gives a unit pair without its own word operations, and to render
the operations it does give in one consistent way.
"""
from __future__ import annotations

import difflib
import re

from maslihat.search_app.safe import esc

_TOKEN = re.compile(r"\s+|[\w\-]+|[^\w\s]", re.UNICODE)


def ops(a: str, b: str) -> list[tuple[str, str]]:
    """[(op, text)] with op in equal/delete/insert, at word granularity."""
    ta, tb = _TOKEN.findall(a or ""), _TOKEN.findall(b or "")
    out: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append(("equal", "".join(ta[i1:i2])))
        else:
            if i2 > i1:
                out.append(("delete", "".join(ta[i1:i2])))
            if j2 > j1:
                out.append(("insert", "".join(tb[j1:j2])))
    return out


def ops_html(items) -> str:
    parts = []
    for op, text in items:
        op = {"ins": "insert", "del": "delete", "eq": "equal", "replace": "equal"}.get(op, op)
        if op == "insert":
            parts.append(f"<ins>{esc(text)}</ins>")
        elif op == "delete":
            parts.append(f"<del>{esc(text)}</del>")
        else:
            parts.append(esc(text))
    return "".join(parts)


def html(a: str, b: str) -> str:
    return ops_html(ops(a, b))
