"""Term AST -> back-end queries: an FTS5 MATCH string and an Elasticsearch query (pure).

Both compilers follow the same rules so the two back ends answer the same question:
a lone ``NOT x`` means "every unit of the language except x"; a prefix matches index terms.
"""
from __future__ import annotations

from maslihat.corpus.index.query import TAnd, TNot, TOr, TPhrase, TPrefix


def _q(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def fts(node, lang: str) -> str:
    """FTS5 expression over the columns ``terms`` and ``lang`` (one token: the language)."""
    if isinstance(node, TPhrase):
        return "terms : " + _q(" ".join(node.terms))
    if isinstance(node, TPrefix):
        return "terms : " + _q(node.stem) + " *"
    if isinstance(node, TOr):
        return "(" + " OR ".join(fts(i, lang) for i in node.items) + ")"
    if isinstance(node, (TAnd, TNot)):
        items = node.items if isinstance(node, TAnd) else (node,)
        pos = [fts(i, lang) for i in items if not isinstance(i, TNot)]
        expr = "(" + " AND ".join(pos) + ")" if pos else "lang : " + _q(lang)
        for n in (i for i in items if isinstance(i, TNot)):
            expr = f"({expr} NOT {fts(n.item, lang)})"
        return expr
    raise TypeError(node)


FIELD = "terms"


def es(node) -> dict:
    """Elasticsearch query for the ``terms`` field (whitespace-analysed normalised terms)."""
    if isinstance(node, TPhrase):
        if len(node.terms) == 1:
            return {"term": {FIELD: node.terms[0]}}
        return {"match_phrase": {FIELD: " ".join(node.terms)}}
    if isinstance(node, TPrefix):
        return {"prefix": {FIELD: node.stem}}
    if isinstance(node, TOr):
        return {"bool": {"should": [es(i) for i in node.items], "minimum_should_match": 1}}
    if isinstance(node, (TAnd, TNot)):
        items = node.items if isinstance(node, TAnd) else (node,)
        pos = [es(i) for i in items if not isinstance(i, TNot)]
        neg = [es(i.item) for i in items if isinstance(i, TNot)]
        body: dict = {"must": pos} if pos else {"filter": [{"match_all": {}}]}
        if neg:
            body["must_not"] = neg
        return {"bool": body}
    raise TypeError(node)
