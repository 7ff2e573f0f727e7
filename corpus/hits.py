"""What a search answer gains from the store, the same for both back ends (issue 16).

* ``parallel_id`` / ``parallel_text`` on each hit: the aligned provision in the other language
  (``Unit.parallel_id`` set at ingest), so a reader sees both wordings.
* ``lead_in`` on each hit: the words that open the list it belongs to («41. Секретарь маслихата:»
  over «4) подписывает решения маслихата»), or None: a list item alone does not say who or what.
* ``suggestions`` when nothing matched: the query's words in the other language and in the
  law's wording (glossary), and index terms spelled nearly like them.
"""
from __future__ import annotations

import difflib
from functools import lru_cache

MAX_PARALLEL_CHARS = 2000
MAX_LEAD_CHARS = 400            # a chapeau is a line or two; ``store_context.CHAPEAU_LEAD`` reads as much
MAX_SUGGESTIONS = 8


def add_parallel(store, res: dict) -> dict:
    """Sets ``parallel_id`` and ``parallel_text`` (None when the unit has no counterpart)."""
    texts: dict = {}
    for h in res.get("hits", []):
        u = store.unit(h["unit_id"])
        pid = u.parallel_id if u else None
        par = store.unit(pid) if pid else None
        text = None
        if par is not None:
            doc_text = texts.get(par.document_id)
            if doc_text is None:
                d = store.document(par.document_id)
                doc_text = texts[par.document_id] = d.text if d else ""
            text = " ".join(doc_text[par.start:par.end].split())[:MAX_PARALLEL_CHARS] or None
        h["parallel_id"] = par.id if par is not None else None
        h["parallel_text"] = text
    return res


def add_lead_ins(store, res: dict) -> dict:
    """Sets ``lead_in``: the chapeaux of the hit's parent and grandparent points, outermost first,
    then the names of a table row's groups, joined by « … » (``Store.lead_ins``); None when the hit
    is neither an item of a list nor a grouped row."""
    hits = res.get("hits", [])
    leads = store.lead_ins([h["unit_id"] for h in hits]) if hits else {}
    for h in hits:
        h["lead_in"] = lead_in_text(leads.get(h["unit_id"]))
    return res


def lead_in_text(found) -> str | None:
    """A unit's chapeaux (``Store.lead_ins``) as one line, outermost first; None without any."""
    return " … ".join(" ".join(c.split()) for c in found)[:MAX_LEAD_CHARS] if found else None


@lru_cache(maxsize=1)
def _glossary_words() -> dict:
    """{(lang, normalised term): [surface phrases of the other language and synonyms]}."""
    import json
    from maslihat.nlp.glossary import MANUAL, _norm
    data = json.loads(MANUAL.read_text(encoding="utf-8"))
    out: dict = {}
    for e in data.get("pairs", []):
        for a, b in (("ru", "kk"), ("kk", "ru")):
            for p in e.get(a, []):
                out.setdefault((a, _norm(p, a)), []).extend(e.get(b, []))
    for lang, groups in data.get("synonyms", {}).items():
        for g in groups:
            for p in g:
                out.setdefault((lang, _norm(p, lang)), []).extend(x for x in g if x != p)
    return out


def suggestions(index, query: str) -> list[str]:
    """Other words to try: the glossary's renderings of the query's words, then index terms
    that share their first letters (``index.near_terms`` where the back end has it)."""
    from maslihat.corpus.index.query import _lex
    from maslihat.nlp import analyze
    from maslihat.nlp.querywords import is_query_word
    lang = analyze.guess_language(query)
    words = [v for k, v in _lex(query) if k == "word" and not is_query_word(v, lang)]
    out: list[str] = []
    gl = _glossary_words()
    for w in words:
        t = tuple(analyze.query_terms(w, lang))
        out += gl.get((lang, t), [])
    near = getattr(index, "near_terms", None)
    if near:
        for w in words:
            for t in analyze.query_terms(w, lang):
                out += near(t)
    return list(dict.fromkeys(x for x in out if x))[:MAX_SUGGESTIONS]


def near(term: str, vocabulary: list[str], n: int = 3) -> list[str]:
    """The ``n`` vocabulary terms closest in spelling to ``term``."""
    return difflib.get_close_matches(term, vocabulary, n=n, cutoff=0.6)
