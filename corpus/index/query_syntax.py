"""The surface syntax of a query: words, "phrases", prefixes*, AND/OR/NOT in three languages,
+required words and parentheses, parsed into a small AST, with the bounds that keep planning cheap.

Kept apart from the term translation (``query.py``), which needs the language analysis: the app
and the tests read the syntax (operators, ``is_best_match``) without loading any of it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional, Union

from maslihat.corpus.index.base import QueryError

AND_WORDS = {"AND", "И", "ЖӘНЕ", "&&"}
OR_WORDS = {"OR", "ИЛИ", "НЕМЕСЕ", "|", "||"}
NOT_WORDS = {"NOT", "НЕ"}


# --- surface AST ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Word:
    text: str


@dataclass(frozen=True)
class Phrase:
    text: str


@dataclass(frozen=True)
class Prefix:
    text: str


@dataclass(frozen=True)
class And:
    items: tuple


@dataclass(frozen=True)
class Or:
    items: tuple


@dataclass(frozen=True)
class Not:
    item: object


@dataclass(frozen=True)
class Plus:
    """``+word``: the word must occur (in a best-match query, where bare words are optional)."""
    item: object


Node = Union[Word, Phrase, Prefix, And, Or, Not, Plus]

# a subpoint's label before its closing parenthesis («1-1)», «12-3)», «а)»): cited as lawyers write
# it, the parenthesis is part of the word, not of the query's syntax, when no «(» is open
_LABEL = re.compile(r"\d{1,3}(?:-\d{1,3})?|[^\W\d_]")
_LEX = re.compile(r'\s*(?:(?P<lp>\()|(?P<rp>\))|(?P<q>"[^"]*"?)|(?P<w>[^\s()"]+))')


def _lex(text: str) -> list[tuple[str, str]]:
    """Tokens as (type, value): lp, rp, phrase, op_and/op_or/op_not, minus, word."""
    out: list[tuple[str, str]] = []
    pos = 0
    depth = 0
    text = text.replace("«", '"').replace("»", '"').replace("“", '"').replace("”", '"')
    while pos < len(text):
        m = _LEX.match(text, pos)
        if not m or m.end() == pos:
            break
        start, pos = m.start(m.lastgroup), m.end()
        if m.group("lp"):
            depth += 1
            out.append(("lp", "("))
        elif m.group("rp"):
            if (depth == 0 and out and out[-1][0] == "word" and start > 0 and not text[start - 1].isspace()
                    and _LABEL.fullmatch(out[-1][1])):
                out[-1] = ("word", out[-1][1] + ")")      # «подпункт 1-1)», «12-3)», «а)»: a label
                continue
            depth -= 1
            out.append(("rp", ")"))
        elif m.group("q") is not None:
            q = m.group("q")
            if len(q) < 2 or not q.endswith('"'):
                raise QueryError('unbalanced quote: a phrase opened with " is never closed')
            out.append(("phrase", q[1:-1]))
        else:
            w = m.group("w")
            if w in AND_WORDS:
                out.append(("and", w))
            elif w in OR_WORDS:
                out.append(("or", w))
            elif w in NOT_WORDS:
                out.append(("not", w))
            elif w.startswith("+") and len(w) > 1:
                out.append(("plus", "+"))
                out.append(("word", w[1:]))
            elif w.startswith("-") and len(w) > 1:
                out.append(("not", "-"))
                out.append(("word", w[1:]))
            elif w == "-":
                out.append(("not", "-"))
            else:
                out.append(("word", w))
    # "-" written before a quote or a parenthesis: `-"a b"`, `-(a OR b)` lex as not + item already.
    return out


class _Parser:
    def __init__(self, toks: list[tuple[str, str]]):
        self.toks = toks
        self.i = 0

    def peek(self) -> Optional[tuple[str, str]]:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self) -> tuple[str, str]:
        t = self.toks[self.i]
        self.i += 1
        return t

    def parse(self) -> Optional[Node]:
        if not self.toks:
            return None
        node = self.or_expr()
        if self.peek() is not None:
            t = self.peek()
            if t[0] == "rp":
                raise QueryError("unbalanced parentheses: ')' without a matching '('")
            raise QueryError(f"unexpected {t[1]!r}")
        return node

    def or_expr(self) -> Node:
        items = [self.and_expr()]
        while self.peek() and self.peek()[0] == "or":
            op = self.take()[1]
            if self.peek() is None or self.peek()[0] in ("rp", "or", "and"):
                raise QueryError(f"{op!r} needs a term on both sides")
            items.append(self.and_expr())
        return items[0] if len(items) == 1 else Or(tuple(items))

    def and_expr(self) -> Node:
        t = self.peek()
        if t is None or t[0] in ("rp",):
            raise QueryError("empty group: nothing to search inside '()'" if t else "query ends too early")
        if t[0] in ("or", "and"):
            raise QueryError(f"{t[1]!r} needs a term on both sides")
        items = [self.unary()]
        while True:
            t = self.peek()
            if t is None or t[0] in ("rp", "or"):
                break
            if t[0] == "and":
                op = self.take()[1]
                if self.peek() is None or self.peek()[0] in ("rp", "or", "and"):
                    raise QueryError(f"{op!r} needs a term on both sides")
                continue
            items.append(self.unary())
        return items[0] if len(items) == 1 else And(tuple(items))

    def unary(self) -> Node:
        t = self.peek()
        if t is not None and t[0] == "plus":
            self.take()
            return Plus(self.primary())
        if t is not None and t[0] == "not":
            op = self.take()[1]
            nxt = self.peek()
            if nxt is None or nxt[0] in ("rp", "or", "and", "not"):
                raise QueryError(f"{op!r} needs a term after it")
            return Not(self.unary())
        return self.primary()

    def primary(self) -> Node:
        kind, val = self.take()
        if kind == "lp":
            if self.peek() is None:
                raise QueryError("unbalanced parentheses: '(' is never closed")
            if self.peek()[0] == "rp":
                raise QueryError("empty group: nothing to search inside '()'")
            node = self.or_expr()
            if self.peek() is None or self.peek()[0] != "rp":
                raise QueryError("unbalanced parentheses: '(' is never closed")
            self.take()
            return node
        if kind == "phrase":
            return Phrase(val)
        if kind == "word":
            if val.endswith("*"):
                stem = val.rstrip("*")
                if not stem or "*" in stem:
                    raise QueryError(f"bad prefix {val!r}: write a few letters before '*'")
                return Prefix(stem)
            if "*" in val:
                raise QueryError(f"bad prefix {val!r}: '*' may only end a word")
            return Word(val)
        if kind == "rp":
            raise QueryError("unbalanced parentheses: ')' without a matching '('")
        raise QueryError(f"unexpected {val!r}")


# Bounds on a query (issue 11): planning cost grows with the words and the glossary spans tried,
# and the parser recurses per parenthesis; past these a query is refused in plain words.
MAX_QUERY_CHARS = 2000
MAX_QUERY_TOKENS = 100
MAX_QUERY_DEPTH = 32
MAX_GLOSSARY_SPAN = 8        # words the glossary may read as one expression


def _check_bounds(text: str, toks: list[tuple[str, str]]) -> None:
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"query too long: {len(text)} characters (at most {MAX_QUERY_CHARS})")
    depth = 0
    for kind, _ in toks:
        depth += kind == "lp"
        depth -= kind == "rp"
        if depth > MAX_QUERY_DEPTH:
            raise QueryError(f"query nested too deeply: more than {MAX_QUERY_DEPTH} parentheses")
    if len(toks) > MAX_QUERY_TOKENS:
        raise QueryError(f"query too long: {len(toks)} words and operators (at most {MAX_QUERY_TOKENS})")


def parse(text: str) -> Optional[Node]:
    """Query text -> surface AST; ``None`` for an empty query (browse). QueryError past the
    bounds above (length, words, nesting), before any work that grows with them."""
    text = text or ""
    if len(text) > MAX_QUERY_CHARS:
        _check_bounds(text, [])
    toks = _lex(text)
    _check_bounds(text, toks)
    return _Parser(toks).parse()


def is_best_match(text: str) -> bool:
    """True when the query writes no operator (AND/OR/NOT and their words and symbols, ``-``,
    parentheses): then it is ranked best-match, any content word sufficing; quoted phrases and
    ``+word`` stay required."""
    return not any(k in ("and", "or", "not", "lp", "rp") for k, _ in _lex(text or ""))
