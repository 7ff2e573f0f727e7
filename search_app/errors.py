"""Query errors in the interface language.

The search layer raises ``QueryError`` with an English sentence (the CLI and the JSON contract
show it as is). The app shows the same fact in the interface language: a ``code`` and
``params`` on the exception are used when the search layer provides them, otherwise the
English sentence is recognised by its pattern. Nothing unrecognised is shown in English to a
Russian or Kazakh reader: a generic message in their language stands in.
"""
from __future__ import annotations

import re

from maslihat.search_app.i18n import t
from maslihat.search_app.safe import md_escape

_Q = r"'([^']*)'|\"([^\"]*)\""
PATTERNS: list[tuple[str, re.Pattern]] = [
    ("q_unbalanced_quote", re.compile(r"^unbalanced quote")),
    ("q_close_paren", re.compile(r"^unbalanced parentheses: '\)' without")),
    ("q_open_paren", re.compile(r"^unbalanced parentheses: '\(' is never closed")),
    ("q_needs_both", re.compile(rf"^(?P<op>{_Q}) needs a term on both sides")),
    ("q_needs_after", re.compile(rf"^(?P<op>{_Q}) needs a term after it")),
    ("q_empty_group", re.compile(r"^empty group")),
    ("q_ends_early", re.compile(r"^query ends too early")),
    ("q_prefix_short", re.compile(rf"^bad prefix (?P<token>{_Q}): write a few letters")),
    ("q_prefix_inside", re.compile(rf"^bad prefix (?P<token>{_Q}): '\*' may only end")),
    ("q_unexpected", re.compile(rf"^unexpected (?P<token>{_Q})")),
    ("q_unknown_language", re.compile(rf"^unknown language (?P<value>{_Q})")),
    ("q_unknown_value", re.compile(rf"^unknown value (?P<value>{_Q}) for facet (?P<facet>{_Q})")),
    ("q_bad_year", re.compile(rf"^bad year (?P<value>{_Q})")),
    ("q_unknown_facet", re.compile(rf"^unknown facet (?P<facet>{_Q})")),
]
CODES = tuple(code for code, _ in PATTERNS) + ("q_generic",)


def _unquote(s: str) -> str:
    return s[1:-1] if len(s) >= 2 and s[0] == s[-1] and s[0] in "'\"" else s


def classify(error: Exception) -> tuple[str, dict]:
    """``(code, params)`` of a query error."""
    code = getattr(error, "code", None)
    if isinstance(code, str) and code:
        code = code if code.startswith("q_") else "q_" + code
        if code in CODES:
            return code, dict(getattr(error, "params", None) or {})
    msg = str(error)
    for code, pat in PATTERNS:
        m = pat.search(msg)
        if m:
            return code, {k: _unquote(v) for k, v in m.groupdict().items() if v is not None}
    return "q_generic", {}


def query_error(error: Exception, ui: str) -> str:
    code, params = classify(error)
    params = {**{"op": "", "token": "", "value": "", "facet": ""},
              **{k: md_escape(v) for k, v in params.items()}}     # the query's own words: not Markdown
    if params["facet"]:
        label = t("facet_" + params["facet"], ui)
        params["facet"] = label if label != "facet_" + params["facet"] else params["facet"]
    return t(code, ui, **params)
