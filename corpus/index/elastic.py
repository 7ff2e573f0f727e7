"""The Elasticsearch back end: same rows, same query language, same snippets as SQLite.

Terms are the project's own normalised terms (there is no Kazakh analyzer in Elasticsearch),
indexed with the whitespace analyzer, so both back ends see identical tokens; one shard so that
BM25 statistics and facet counts are exact; facets are terms aggregations.
"""
from __future__ import annotations

import functools
import sqlite3
import time
from typing import Mapping, Optional

from maslihat.corpus.index import compile as qc
from maslihat.corpus.index.base import QueryError, SearchIndex, SearchRequest
from maslihat.corpus.store import StoreError
from maslihat.corpus.index.common import (begin, collapse_parallels, collapses_parallels, branches, make_hit, mark_carried, mark_copies, merge_window, rescore,
                                          result, second_opinion, via_parallel)
from maslihat.corpus.index.surface import WINDOW as SECOND_WINDOW, prefixes
from maslihat.corpus.index.facets import FACETS, order_counts
from maslihat.corpus.index.rows import rows_for
from maslihat.corpus.index.query import TBest
from maslihat.corpus.index.scoring import COPY_SCAN, candidates, copy_entry, copy_of, diversify, spread_copies
from maslihat.core.model import Document, Unit
from maslihat.core.taxonomy import FACET_NAMES
from maslihat.nlp.diff import act_of

KEYWORDS = ("unit_id", "document_id") + FACET_NAMES     # every facet is a keyword field
MAPPING = {
    "dynamic": "strict",
    "properties": {
        **{k: {"type": "keyword"} for k in KEYWORDS},
        "label": {"type": "keyword", "index": False, "doc_values": False},
        "title": {"type": "keyword", "index": False, "doc_values": False},
        "adopted_date": {"type": "keyword"},
        "ordinal": {"type": "integer"},
        "nterms": {"type": "integer"},
        "text": {"type": "text", "index": False},
        "terms": {"type": "text", "analyzer": "whitespace", "index_options": "positions"},
    },
}
SETTINGS = {"number_of_shards": 1, "number_of_replicas": 0,
            "index": {"similarity": {"default": {"type": "BM25", "k1": 1.2, "b": 0.75}}}}
SOURCE = [f for f in MAPPING["properties"] if f != "terms"]


LANG_TOKEN = "\u00a7{}"     # a unit's language as one more token of its terms, as FTS5's ``lang`` column


def with_lang_token(row: dict) -> dict:
    """``row`` with its language's token before its terms: FTS5 counts that column's one token in
    a row's length and every row in N, and BM25 is the same in both back ends only when Lucene
    does too (``ranking``: row length = tokens of all columns). No query term can be it
    (``query.safe_term``: letters, digits, '-' and '_')."""
    return {**row, "terms": f"{LANG_TOKEN.format(row.get('language') or '')} {row.get('terms') or ''}".rstrip()}


PREFIX_MEMO_TERMS = 200_000     # terms of listed prefixes kept (a few MB), the memo emptied past it


class _PrefixMemo(dict):
    """{(stem, ``compile.PREFIX_EXACT_MAX``): the terms it expands to} of one state of the index
    (``ElasticIndex._idf``)."""
    terms = 0

    def keep(self, listed: dict) -> None:
        n = sum(len(t) for t in listed.values())
        if self.terms + n > PREFIX_MEMO_TERMS:
            self.clear()
            self.terms = 0
        self.update(listed)
        self.terms += n


LEDGER = """CREATE TABLE IF NOT EXISTS search_es_indexed (
  index_name TEXT NOT NULL, document_id TEXT NOT NULL, PRIMARY KEY (index_name, document_id)) WITHOUT ROWID"""


class IndexWriteError(StoreError):
    """Elasticsearch could not be written (down, full, refusing): a corpus-write failure."""


def _backend(what: str):
    """Turn a client or server failure into IndexWriteError naming the server and the cause."""
    def wrap(fn):
        @functools.wraps(fn)
        def inner(self, *a, **kw):
            try:
                return fn(self, *a, **kw)
            except (StoreError, QueryError):
                raise
            except Exception as e:  # noqa: BLE001 - transport, API and bulk errors alike
                from elasticsearch import ApiError, TransportError
                from elasticsearch.helpers import BulkIndexError
                if not isinstance(e, (ApiError, TransportError, BulkIndexError, ConnectionError, OSError)):
                    raise
                raise IndexWriteError(f"Elasticsearch at {self.url} failed while {what} "
                                      f"({type(e).__name__}: {' '.join(str(e).split())[:160]})") from e
        return inner
    return wrap


class ElasticIndex(SearchIndex):
    """``index_name``: one index per corpus (``corpus_index_name``), so two corpora on one server
    never see each other's units. ``ledger``: the corpus's SQLite connection, where the documents
    indexed are recorded in the caller's transaction (table ``search_es_indexed``): a document
    the server never got (ingested before Elasticsearch was set, or lost by it) is found and
    indexed by the next ingest or ``maslihat reindex``."""

    def __init__(self, url: str, index_name: str = "maslihat_units", refresh: bool = True,
                 client=None, ledger: Optional[sqlite3.Connection] = None):
        from elasticsearch import Elasticsearch
        self.url = url
        self.es = client or Elasticsearch(url, request_timeout=120)
        self.name = index_name
        self.refresh = refresh
        self.ledger = ledger
        self._ready = False
        # (the index's state it was listed in: ``_counts``, {stem: terms}): what ``_idf`` listed
        self._prefix_memo: tuple = (None, _PrefixMemo())

    @_backend("checking the server")
    def check(self) -> None:
        """Raise IndexWriteError unless the server answers within a few seconds (before an
        ingest starts, so nothing is written when it cannot be indexed)."""
        self.es.options(request_timeout=5, max_retries=0).cluster.health()
        self._ensure()
        if self.ledger is not None and not self.es.indices.exists(index=self.name):
            self.forget_all()

    def _ledger_ready(self) -> bool:
        if self.ledger is None:
            return False
        self.ledger.execute(LEDGER)
        return True

    def forget_all(self) -> None:
        """The ledger of this index emptied (before a rebuild, or when the index is gone)."""
        if self._ledger_ready():
            self.ledger.execute("DELETE FROM search_es_indexed WHERE index_name=?", (self.name,))

    def missing(self) -> list[str]:
        """Latest documents of the corpus that this index has not got."""
        if self.ledger is None:
            return []
        if not self.ledger.execute("SELECT 1 FROM sqlite_master WHERE name='search_es_indexed'").fetchone():
            return [r[0] for r in self.ledger.execute("SELECT id FROM documents WHERE is_latest=1 ORDER BY id")]
        return [r[0] for r in self.ledger.execute(
            "SELECT id FROM documents WHERE is_latest=1 AND id NOT IN "
            "(SELECT document_id FROM search_es_indexed WHERE index_name=?) ORDER BY id", (self.name,))]

    def _ensure(self) -> None:
        if self._ready:
            return
        if not self.es.indices.exists(index=self.name):
            self.es.indices.create(index=self.name, settings=SETTINGS, mappings=MAPPING)
        else:                               # an index made before a field existed gains it
            self.es.indices.put_mapping(index=self.name, properties=MAPPING["properties"])
        self._ready = True

    # writing -----------------------------------------------------------------------------------
    @_backend("indexing")
    def add(self, docs: list[Document], units_by_doc: dict[str, list[Unit]],
            terms: Optional[Mapping[str, str]] = None, chunk_size: int = 2000) -> None:
        """``terms``: unit id -> index terms computed beforehand (``corpus.build.Built.terms``).
        On failure the documents' rows are taken out again (nothing half-indexed) and
        IndexWriteError is raised, so the caller's transaction rolls back the corpus rows too."""
        from elasticsearch import helpers
        self._ensure()
        self.remove([d.id for d in docs], refresh=False)
        actions = ({"_index": self.name, "_id": r["unit_id"], "_source": with_lang_token(r)}
                   for r in rows_for(docs, units_by_doc, terms))
        try:
            helpers.bulk(self.es.options(request_timeout=300), actions, chunk_size=chunk_size)
        except Exception:
            try:
                self.remove([d.id for d in docs], refresh=False)
            except Exception:  # noqa: BLE001 - the server is gone: the ledger says what to redo
                pass
            raise
        self._prefix_memo = (None, _PrefixMemo())      # this object's writes: not kept a moment longer
        if self._ledger_ready():
            self.ledger.executemany("INSERT OR IGNORE INTO search_es_indexed VALUES (?, ?)",
                                    [(self.name, d.id) for d in docs])
        if self.refresh:
            self.flush()

    def flush(self) -> None:
        """Make everything added so far searchable (tests; the end of a bulk load)."""
        self.es.indices.refresh(index=self.name)

    @_backend("removing documents")
    def remove(self, document_ids: list[str], refresh: Optional[bool] = None) -> None:
        """Delete by id (``_delete_by_query`` lives in a module the minimal distribution lacks)."""
        from elasticsearch import helpers
        self._ensure()
        if document_ids and self._ledger_ready():
            self.ledger.executemany("DELETE FROM search_es_indexed WHERE index_name=? AND document_id=?",
                                    [(self.name, i) for i in document_ids])
        ids = self._unit_ids(list(document_ids)) if document_ids else []
        if ids:
            helpers.bulk(self.es, ({"_op_type": "delete", "_index": self.name, "_id": i} for i in ids),
                         raise_on_error=False)
            self._prefix_memo = (None, _PrefixMemo())
        if ids and (self.refresh if refresh is None else refresh):
            self.flush()

    def _unit_ids(self, document_ids: list[str]) -> list[str]:
        out: list[str] = []
        for k in range(0, len(document_ids), 1000):
            after = None
            while True:
                kw = {"search_after": after} if after else {}
                resp = self.es.search(index=self.name, size=5000, _source=False, sort=[{"unit_id": "asc"}],
                                      query={"terms": {"document_id": document_ids[k:k + 1000]}}, **kw)
                hits = resp["hits"]["hits"]
                out += [h["_id"] for h in hits]
                if len(hits) < 5000:
                    break
                after = hits[-1]["sort"]
        return out

    @_backend("clearing the index")
    def clear(self) -> None:
        self.es.indices.delete(index=self.name, ignore_unavailable=True)
        self._prefix_memo = (None, _PrefixMemo())
        self._ready = False
        self._ensure()

    def count(self) -> int:
        self._ensure()
        return int(self.es.count(index=self.name)["count"])

    @_backend("counting terms")
    def term_counts(self, terms: list[str]) -> dict[str, int]:
        """Units holding each term: one request, a ``filters`` aggregation of term queries."""
        terms = [t for t in dict.fromkeys(terms) if t]
        if not terms:
            return {}
        self._ensure()
        resp = self.es.search(index=self.name, size=0, query={"terms": {qc.FIELD: terms}},
                              aggs={"t": {"filters": {"filters": {str(i): {"term": {qc.FIELD: t}}
                                                                  for i, t in enumerate(terms)}}}})
        buckets = resp["aggregations"]["t"]["buckets"]
        return {t: int(buckets[str(i)]["doc_count"]) for i, t in enumerate(terms)}

    @_backend("reading a term's units")
    def units_with_term(self, term: str, lang: str, n: int) -> list[str]:
        """The best ``n`` units of ``lang`` holding ``term``, by its BM25 weight (as the embedded
        back end ranks them)."""
        if not term or n <= 0:
            return []
        self._ensure()
        resp = self.es.search(index=self.name, size=n, _source=False, query={"bool": {
            "must": [{"term": {qc.FIELD: term}}], "filter": [{"term": {"language": lang}}]}})
        return [h["_id"] for h in resp["hits"]["hits"]]

    @_backend("suggesting terms")
    def near_terms(self, term: str, n: int = 3) -> list[str]:
        """Index terms spelled like ``term``, for zero-hit suggestions: Elasticsearch's term
        suggester (at most two edits, the same first two letters, as the embedded back end's
        look-up asks), the closest first."""
        if len(term) < 2 or not term.strip() or " " in term:
            return []
        self._ensure()
        resp = self.es.search(index=self.name, size=0, suggest={"near": {"text": term, "term": {
            "field": qc.FIELD, "suggest_mode": "always", "prefix_length": 2, "max_edits": 2,
            "size": n, "sort": "score"}}})
        entries = resp.get("suggest", {}).get("near") or []
        return [o["text"] for e in entries for o in e.get("options", [])][:n]

    # searching ---------------------------------------------------------------------------------
    def _idf(self, pl) -> dict:
        """{phrase: boost} making Lucene's BM25 of each phrase of the query FTS5's
        (``compile.fts5_boost``), and {``compile.prefix_key(stem)``: boost} of each prefix of no more
        than ``compile.PREFIX_EXACT_MAX`` terms (``compile.fts5_prefix_boost``): one request counting
        the units of every phrase, term and prefix.

        The terms a prefix expands to are listed by one more request (``_expand``) and kept with
        the index's state read by the count request (``_counts``): a repeated prefix costs no
        listing until a unit is added or removed, by this object or any other. A listing read
        under another state is listed and counted again (once per search at most), and one is
        not kept when it names a term no unit holds any more (Lucene lists a removed unit's
        terms until a merge drops them: then the listing changes while the state does not) or
        more than ``compile.PREFIX_EXACT_MAX`` terms (it could shrink as well)."""
        want: set = set()
        stems: set = set()
        for _langs, node in branches(pl):
            for ph in qc.phrases(node):
                want |= {ph, *((t,) for t in ph)}
            stems |= qc.prefixes(node)
        if not want and not stems:
            return {}
        cap = qc.PREFIX_EXACT_MAX       # a listing holds at most one term more: kept with the bound
        out: dict = {}
        for _ in range(2):
            state, memo = self._prefix_memo
            known = {s: memo[s, cap] for s in stems if (s, cap) in memo}
            fresh = self._expand(sorted(stems - known.keys())) if len(known) < len(stems) else {}
            expanded = {s: terms for s, terms in {**known, **(fresh or {})}.items() if 0 < len(terms) <= cap}
            if not want and not expanded and not known:
                return {}
            out, now, count = self._counts(want, expanded)

            def keeps(terms):
                return len(terms) <= cap and all(count[(t,)] for t in terms)
            if now != state:            # the index changed: what was listed is dropped
                self._prefix_memo = (now, _PrefixMemo())
            elif all(keeps(terms) for terms in known.values()):
                if fresh:               # None: the listing failed, asked again next time
                    memo.keep({(s, cap): terms for s, terms in fresh.items() if keeps(terms)})
                return out
            else:
                for s, terms in known.items():
                    if not keeps(terms):
                        memo.pop((s, cap), None)
            if not known:               # nothing came from an earlier listing
                return out
        return out

    def _counts(self, want: set, expanded: dict) -> tuple[dict, tuple, dict]:
        """(the boosts of ``_idf``, the index's state, {phrase: units holding it}). The state is the
        number of units and the highest sequence number of an operation that left a unit in it:
        every unit added takes a higher one than any before it and every removal lowers the
        count, so the state changes whenever the units a search can see do (except when the index
        is deleted and made again with as many units and none removed: ``clear`` on this object
        drops what it kept itself)."""
        for terms in expanded.values():
            want = want | {(t,) for t in terms}
        keys = sorted(want)

        def one(ph):
            return {"term": {qc.FIELD: ph[0]}} if len(ph) == 1 else {"match_phrase": {qc.FIELD: " ".join(ph)}}
        filters = {str(i): one(ph) for i, ph in enumerate(keys)}
        stems = sorted(expanded)
        filters.update({f"p{i}": {"prefix": {qc.FIELD: stem}} for i, stem in enumerate(stems)})
        aggs: dict = {"seq": {"max": {"field": "_seq_no"}}}
        if filters:
            aggs["n"] = {"filters": {"filters": filters}}
        resp = self.es.search(index=self.name, size=0, track_total_hits=True, query={"match_all": {}}, aggs=aggs)
        n_rows = int(resp["hits"]["total"]["value"])
        state = (n_rows, resp["aggregations"]["seq"].get("value"))
        if not filters:
            return {}, state, {}
        buckets = resp["aggregations"]["n"]["buckets"]
        count = {ph: int(buckets[str(i)]["doc_count"]) for i, ph in enumerate(keys)}
        out = {ph: qc.fts5_boost(ph, n_rows, count) for ph in keys}
        for i, stem in enumerate(stems):
            out[qc.prefix_key(stem)] = qc.fts5_prefix_boost(
                n_rows, int(buckets[f"p{i}"]["doc_count"]), [count[(t,)] for t in expanded[stem]])
        return out, state, count

    def _expand(self, stems: list) -> Optional[dict]:
        """{stem: the index terms it expands to, up to one more than ``compile.PREFIX_EXACT_MAX``}
        (Lucene's rewrite of the prefixes, asked of the index); None when the server could not
        say (the prefixes are scored as before, this once)."""
        limit = qc.PREFIX_EXACT_MAX + 1
        try:
            resp = self.es.indices.validate_query(index=self.name, rewrite=True, query={"bool": {"should": [
                {"prefix": {qc.FIELD: {"value": s, "rewrite": f"top_terms_{limit}"}}} for s in stems]}})
        except Exception:          # noqa: BLE001  (no list: the prefixes are scored as before)
            return None
        if not resp.get("valid"):
            return None
        found = set()
        for e in resp.get("explanations") or []:
            for tok in (e.get("explanation") or "").split():
                # "terms:a", "+terms:a", "(terms:a)^2.0": a term under two overlapping stems is
                # grouped and boosted (its ")" then stands before the boost, not at the end)
                tok = tok.lstrip("+(").split("^")[0].rstrip(")")
                if tok.startswith(qc.FIELD + ":"):
                    found.add(tok[len(qc.FIELD) + 1:])
        # a stem's terms do not depend on the stems asked with it: all of them when it has no more
        # than PREFIX_EXACT_MAX (its own top terms), and more than that whatever the others add
        return {s: tuple(sorted(t for t in found if t.startswith(s))) for s in stems}

    def _query(self, pl, filters: dict, carried: tuple = ()) -> dict:
        """``carried``: unit ids ``common.via_parallel`` brought in; they match at score 0 (their
        score is set after the query), so the facets and the total count them as the embedded
        back end does."""
        fl = [FACETS[n].es_filter(v) for n, v in filters.items()]
        if pl.browse:
            return {"bool": {"filter": fl or [{"match_all": {}}]}}
        should = []
        idf = self._idf(pl)
        for b, (langs, node) in enumerate(branches(pl)):
            should.append({"bool": {"must": [qc.es(node, f"b{b}", idf)],
                                    "filter": [{"terms": {"language": list(langs)}}]}})
        q = should[0] if len(should) == 1 else {"bool": {"should": should, "minimum_should_match": 1}}
        q = qc.es_prior(q)
        if carried:
            q = {"bool": {"should": [q, {"constant_score": {"filter": {"terms": {"unit_id": list(carried)}},
                                                            "boost": 0}}], "minimum_should_match": 1}}
        return {"bool": {"must": [q], "filter": fl}} if fl else q

    def _sources(self, unit_ids: list, filters: dict) -> dict:
        """{unit id: indexed fields} of these units that pass ``filters``."""
        if not unit_ids:
            return {}
        fl = [{"terms": {"unit_id": unit_ids}}] + [FACETS[n].es_filter(v) for n, v in filters.items()]
        resp = self.es.search(index=self.name, query={"bool": {"filter": fl}}, size=len(unit_ids), _source=SOURCE)
        return {h["_source"]["unit_id"]: h["_source"] for h in resp["hits"]["hits"]}

    @staticmethod
    def _concepts(raw: list, pl) -> list:
        """Per hit, the query concepts it matched (its branch's named concepts), or None when its
        language's query is not a best-match one."""
        branch = {lang: (b, node) for b, (langs, node) in enumerate(branches(pl)) for lang in langs}
        out = []
        for h in raw:
            b, node = branch.get(h["_source"].get("language"), (None, None))
            out.append(qc.concept_names(h.get("matched_queries") or [], f"b{b}") if isinstance(node, TBest) else None)
        return out

    def search(self, req: SearchRequest) -> dict:
        t0, filters, pl, nothing = begin(req, self)
        if nothing is not None:
            return nothing
        self._ensure()
        sort = ([{"document_id": "asc"}, {"ordinal": "asc"}] if pl.browse
                else [{"_score": "desc"}, {"document_id": "asc"}, {"ordinal": "asc"}])
        offset, limit = max(0, int(req.offset)), max(0, int(req.limit))
        need = offset + limit
        window = 0 if pl.browse or not need else max(need, candidates(pl.answer))
        size = max(window or need, req.window) if req.window else (window or limit)  # page and window_ids at once
        carried = {} if pl.browse else via_parallel(self, req, pl, candidates(pl.answer))
        copies = None
        resp = self.es.search(index=self.name, query=self._query(pl, filters, tuple(carried)), sort=sort,
                              from_=0 if window or req.window or carried else offset,
                              size=max(size, need) if carried else size,
                              track_total_hits=True, track_scores=not pl.browse, _source=SOURCE,
                              aggs={n: f.es_agg() for n, f in FACETS.items()})
        raw = resp["hits"]["hits"]
        if carried:                         # matched only through the other language: scored below
            raw = [h for h in raw if (h.get("_score") or 0.0) > 0 or h["_source"]["unit_id"] not in carried]
        window_ids = [h["_source"]["unit_id"] for h in raw[:req.window]] if req.window else None
        if req.window:
            raw = raw[:window] if window else raw[offset:need]
        if window:                          # the same context and first-page diversity as the embedded back end
            uid = [h["_source"]["unit_id"] for h in raw]
            sc = rescore(self, uid, [h["_source"].get("kind") for h in raw], [h.get("_score") or 0.0 for h in raw], pl,
                         req.cited, self._concepts(raw, pl), req.acts)
            for h, s in zip(raw, sc):
                h["_score"] = s
        if carried:
            raw = raw if window else []
            _, score, extra, won = merge_window([h["_source"]["unit_id"] for h in raw],
                                                [h.get("_score") or 0.0 for h in raw], carried)
            got = self._sources(extra, filters)
            raw = [{"_source": h["_source"], "_score": s} for h, s in zip(raw, score)] + \
                  [{"_source": got[u], "_score": carried[u]} for u in extra if u in got]
        if window or carried:
            raw.sort(key=lambda h: (-h["_score"], h["_source"]["document_id"], h["_source"].get("ordinal") or 0))
            if carried and window_ids is not None:  # the merged window first, as the embedded back end orders it
                window_ids = list(dict.fromkeys([h["_source"]["unit_id"] for h in raw] + window_ids))[:req.window]
            n_first = len(raw)
            if collapses_parallels(pl, req, self) and len(raw) > 1:
                at, score_of, n_first = collapse_parallels([h["_source"]["unit_id"] for h in raw],
                                                           [h["_source"].get("language") for h in raw], pl.src,
                                                           self.parallel_of)
                raw = [{"_source": raw[i]["_source"], "_score": raw[k].get("_score")} for i, k in zip(at, score_of)]
            head = raw[:SECOND_WINDOW]
            second = second_opinion(pl, req, [h["_source"].get("language") for h in head],
                                    [prefixes(h["_source"].get("text") or "") for h in head])
            if second is not None:          # hits in the query's language change places; a place keeps its score
                raw = [{"_source": head[j]["_source"], "_score": h.get("_score")} for j, h in zip(second, head)] + \
                    raw[len(head):]
            # the page as shown holds at most PER_DOC hits of one act, after the second opinion
            raw = [raw[i] for i in diversify(range(n_first), [h["_source"]["document_id"] for h in raw],
                                             [h.get("_score") or 0.0 for h in raw])] + raw[n_first:]
            # one provision repeated by several acts takes one of the first places (``spread_copies``)
            keys = [(act_of(h["_source"]["document_id"]), h["_source"].get("language"),
                     frozenset(prefixes(h["_source"].get("text") or ""))) for h in raw[:min(COPY_SCAN, n_first)]]
            copies, scanned = copy_of(keys), raw
            spread = spread_copies(keys, len(raw), of=copies)
            raw = [raw[i] for i in spread][offset:need]
        hits = [make_hit(h["_source"], 0.0 if pl.browse else (h.get("_score") or 0.0), pl, req.snippets) for h in raw]
        if copies is not None:          # each hit names the other acts' hits stating its provision
            mark_copies(hits, offset, copies, spread, lambda k: copy_entry(
                *(scanned[k]["_source"].get(f) for f in ("unit_id", "document_id", "label", "title"))))
        if carried:
            mark_carried(hits, won, pl)
        aggs = resp.get("aggregations", {})
        facets = {n: order_counts(((b["key"], b["doc_count"]) for b in aggs.get(n, {}).get("buckets", [])),
                                  FACETS[n].size) for n in FACETS}
        out = result(req.query, resp["hits"]["total"]["value"], (time.perf_counter() - t0) * 1000,
                     hits, facets, pl.absent, pl.aligned, pl.absent_words)
        if window_ids is not None:
            out["window_ids"] = window_ids
        return out
