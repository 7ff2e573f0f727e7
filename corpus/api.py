"""The corpus API: what the CLI, the app, notebooks and benchmarks call.

Nothing outside this module (and ``corpus.store`` / ``corpus.index``) touches SQL or
Elasticsearch. Methods return plain data classes or JSON-ready dicts.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Callable, Iterable, Optional

from maslihat.core import config, grammar
# Listed vocabularies and their labels, re-exported for the app (which imports this API only).
from maslihat.core.taxonomy import COMPETENCY_LABELS, FACET_NAMES, VALUE_LABELS  # noqa: F401
from maslihat.corpus.index.base import QueryError  # noqa: F401  (the error of a bad query or filter)
from maslihat.core.model import Document, IngestSummary, Quarantined, Reference, Unit
from maslihat.corpus.results import Comparison, Discrepancy, Parallel, UnitChange, WordChange, discrepancies_of  # noqa: F401
from maslihat.corpus.hits import lead_in_text
from maslihat.corpus.store import Store, StoreError, as_of  # noqa: F401  (StoreError re-exported for the app)
from maslihat.corpus.store_errors import in_language as store_error_in  # noqa: F401  (re-exported for the app)
from maslihat.corpus.respell import SEARCHED_AS  # noqa: F401  (the message of each reading of a query, for the app)


def offered_counts(facet: str, counts: dict) -> dict:
    """A facet's values as an interface offers them, with their counts (``Facet.offered``: the
    status facet offers the acts not known to be repealed as in force)."""
    from maslihat.corpus.index.facets import FACETS
    f = FACETS.get(facet)
    return f.offered(counts) if f is not None else dict(counts)


class NotFound(KeyError):
    pass


class Corpus:
    """One corpus, its store and its search index.

    The SQLite connection may be shared by the app's threads for reading
    (``check_same_thread=False``); writers (ingest) should open their own ``Corpus`` so a write
    transaction never interleaves with another thread's reads.
    """

    @staticmethod
    def exists(db: Optional[str] = None) -> bool:
        """True when a corpus file is there (opening one that is not would create it)."""
        return config.db_path(db).exists()

    def __init__(self, db: Optional[str] = None, es_url: Optional[str] = None, readonly: bool = False,
                 on_wait: Optional[Callable[[str], None]] = None):
        """``readonly``: open for reading only (search, show, export): a read-only corpus file
        can be read, and nothing is created or locked. ``on_wait(message)`` is told when a write
        waits for another writer. Raises StoreError with a plain cause."""
        self.db_path = config.db_path(db)
        self.store = Store(self.db_path, readonly=readonly, on_wait=on_wait)
        from maslihat.corpus.lexicon import attach
        attach(self.store.conn)     # query words known to the corpus need no pymorphy3 (issue 14)
        self.es_url = es_url if es_url is not None else config.es_url()
        self._index = None

    # the search index ------------------------------------------------------------------
    @property
    def index(self):
        if self._index is None:
            from maslihat.corpus.index import open_index
            from maslihat.corpus.index.base import by_memo
            from maslihat.corpus.index.common import context_terms
            kw = {}
            if self.es_url:     # one Elasticsearch index per corpus, and a ledger of what it holds
                cid = self.store.corpus_id()
                kw = {"index_name": f"maslihat_{cid}" if cid else "maslihat_units",
                      "ledger": None if self.store.readonly else self.store.conn}
            elif self.store.readonly and not self._embedded_index_exists():
                from maslihat.corpus.store_errors import NO_EMBEDDED_INDEX, StoreError
                raise StoreError(f"{self.db_path}: {NO_EMBEDDED_INDEX}")
            self._index = open_index(self.store.conn, self.es_url, **kw)
            # what the ranking reads of a query's candidates, kept until the index changes
            self._index.parents = by_memo(self._index, "parents", self.store.parents)
            self._index.facts_of = by_memo(self._index, "fact_kinds", self.store.fact_kinds)
            self._index.defines_of = by_memo(self._index, "defines", self.store.defined_notions)
            self._index.context_of = by_memo(self._index, "context", context_terms(self.store.heading_context))
            self._index.cue_of = self._cue_of
            self._modal_leads = by_memo(self._index, "modal_leads", self._leads_for_modality)
            self._index.parallel_of = by_memo(self._index, "parallels", self.store.parallels)
            self._index.texts_of = by_memo(self._index, "texts", self._unit_texts)
        return self._index

    def _leads_for_modality(self, unit_ids: list[str]) -> dict[str, tuple[str, str]]:
        from maslihat.corpus.store import MODAL_CHARS
        return self.store.unit_leads(unit_ids, MODAL_CHARS)

    def _cue_of(self, unit_ids: list[str], kind: str, asked: frozenset = frozenset()) -> set:
        """Those of these units whose opening says what a question of ``kind`` asks for (``nlp.modality``:
        permits or forbids, states a liability, names papers; ``asked``: the question's terms, whose
        own words do not count). The openings (``MODAL_CHARS``) are kept until the index changes: a
        question reads 100 of them, one partial decompression per document (7 ms of a warm query
        at 100,000 documents), and the candidates are mostly those of earlier queries."""
        from maslihat.nlp.modality import states_cue
        return {u for u, (lang, lead) in self._modal_leads(unit_ids).items() if states_cue(lead, lang, kind, asked)}

    def _unit_texts(self, unit_ids: list[str]) -> dict[str, str]:
        """{unit id: the start of its text} (``corpus.index.aligned`` reads aligned provisions)."""
        from maslihat.corpus.index.aligned import TEXT_CHARS
        return {u: text for u, (_, text) in self.store.unit_leads(unit_ids, TEXT_CHARS).items()}

    def _embedded_index_exists(self) -> bool:
        """The embedded back end's tables are there, or the corpus is empty. A corpus ingested
        with MASLIHAT_ES_URL set has documents and none: searching it without Elasticsearch would
        find nothing (read-only) or an index of only what comes next (writing), so it is refused."""
        from maslihat.corpus.index.sqlite_fts import TABLES, tables_present
        n = tables_present(self.store.conn)
        return n == len(TABLES) or n == 0 and not self.store.conn.execute(
            "SELECT 1 FROM documents LIMIT 1").fetchone()

    def close(self) -> None:
        self.store.close()

    # ingestion (corpus/ingest_run.py) ------------------------------------------------------
    def ingest(self, paths: Iterable[str], progress: bool = False,
               on_file: Optional[Callable[[str, str, str], None]] = None,
               names: Optional[dict] = None) -> IngestSummary:
        """Ingest files and folders; every file ends ingested, unchanged or quarantined with a reason.

        ``on_file(source, outcome, detail)`` is called per file (the app's progress list).
        ``names`` (file path -> name) records a name other than the path (uploads).
        The work is done by ``corpus.ingest_run.IngestRun``.
        """
        from maslihat.corpus.ingest_run import IngestRun
        self.store.check_act_ids()    # a corpus of acts named the old way is not written to
        if self.es_url:
            self.index.check()        # a dead server stops the ingest before anything is written
        summary = IngestRun(self).run(paths, progress=progress, on_file=on_file, names=names)
        if self.es_url and not summary.interrupted:
            from maslihat.corpus.converge import sync_elastic
            sync_elastic(self)        # documents the server never got (or lost) are indexed now
        return summary

    # reading ---------------------------------------------------------------------------

    def document(self, doc_id: str) -> Document:
        d = self.store.document(doc_id)
        if d is None:
            raise NotFound(doc_id)
        return d

    def documents(self, latest_only: bool = True, ids: Optional[Iterable[str]] = None) -> list[dict]:
        """Document rows (no text); only those of ``ids`` when given."""
        return self.store.document_rows(latest_only, ids)

    def has_documents(self) -> bool:
        return self.store.has_documents()

    def units(self, doc_id: str) -> list[Unit]:
        return self.store.units(doc_id)

    def unit(self, unit_id: str) -> Unit:
        u = self.store.unit(unit_id)
        if u is None:
            raise NotFound(unit_id)
        return u

    def unit_text(self, unit: Unit, doc: Optional[Document] = None) -> str:
        doc = doc or self.document(unit.document_id)
        return doc.text[unit.start:unit.end]

    def references(self, doc_id: Optional[str] = None, unit_id: Optional[str] = None) -> list[Reference]:
        return self.store.references(doc_id, unit_id)

    def backlinks(self, doc_id: Optional[str] = None, unit_id: Optional[str] = None) -> list[Reference]:
        return self.store.backlinks(doc_id, unit_id)

    def versions(self, doc_id: str) -> list[dict]:
        d = self.document(doc_id)
        return self.store.versions(d.act_id, d.language)

    def at(self, act_or_doc_id: str, date: str, language: Optional[str] = None) -> Document:
        """The edition in force on ``date``: the latest edition whose as-of date is not after it."""
        d = self.store.document(act_or_doc_id)
        if d is not None:
            act, lang = d.act_id, d.language
        else:
            act, lang = act_or_doc_id, language or "ru"
            if not self.store.versions(act, lang):
                rows = [r for r in self.store.document_rows(False) if r["act_id"] == act]
                if not rows:
                    raise NotFound(act_or_doc_id)
                lang = rows[0]["language"]
        eds = self.store.documents(latest_only=False, where="act_id=? AND language=?", params=(act, lang))
        valid = [e for e in eds if (e.adopted_date or "") <= date]
        if not valid:
            raise NotFound(f"{act_or_doc_id}: no edition in force on {date}")
        return max(valid, key=lambda e: ((as_of(e) or "") if (as_of(e) or "") <= date else "", e.version))

    def unit_history(self, unit_id: str) -> list[dict]:
        """The editions of the unit's act in which this provision appeared or changed."""
        from maslihat.nlp.diff import unit_history, unit_key
        unit = self.unit(unit_id)
        doc = self.document(unit.document_id)
        eds = self.store.documents(latest_only=False, where="act_id=? AND language=?", params=(doc.act_id, doc.language))
        if len(eds) < 2:
            return [{"id": doc.id, "version": doc.version, "as_of": as_of(doc)}]
        hist = unit_history([(e, self.store.units(e.id)) for e in eds])
        key = unit_key(doc, unit)
        # a provision changes when any of its parts (subpoints, paragraphs, notes) does
        changed = sorted({i for k, v in hist.items() if k == key or k.startswith(key + "/") for i in v})
        return [{"id": eds[i].id, "version": eds[i].version, "as_of": as_of(eds[i])} for i in changed]

    def quarantined(self) -> list[Quarantined]:
        return self.store.quarantined()

    def stats(self) -> dict:
        return self.store.counts()

    def cited_acts(self, limit: int = 20) -> list[dict]:
        return self.store.cited_acts(limit)

    def citation_graph(self, limit: int = 12) -> dict:
        """The most-cited acts and the documents citing them: {"acts": [...], "documents": {id: title}, "edges": [...]}."""
        acts = self.store.cited_acts(limit)
        edges = self.store.citation_edges([a["key"] for a in acts])
        titles = {r["id"]: r["title"] for r in self.store.document_rows()}
        return {"acts": acts, "documents": {d: titles.get(d, d) for d, _, _ in edges},
                "edges": [{"from": d, "to": k, "count": n} for d, k, n in edges]}

    # search ----------------------------------------------------------------------------
    def search(self, query: str, lang: Optional[str] = None, filters: Optional[dict] = None,
               limit: int = 20, offset: int = 0) -> dict:
        from maslihat.corpus.index.base import SearchRequest
        from maslihat.corpus.index.query import plan as make_plan
        from maslihat.corpus.hits import add_lead_ins, add_parallel, suggestions
        from maslihat.corpus import facts as corpus_facts      # issue 15: facts on hits, the «fact» facet
        from maslihat.corpus.respell import correct_slips, relayout, respell, transliterate

        if self._index is None and not self.es_url and not self._embedded_index_exists():
            from maslihat.corpus.store_errors import NO_EMBEDDED_INDEX, StoreError
            raise StoreError(f"{self.db_path}: {NO_EMBEDDED_INDEX}")     # not an empty index made now
        typed = query
        # Kazakh typed with Russian letters («сессия кун тартибин ким бекитеди») is read as the
        # Kazakh the corpus knows, and a query typed with the Latin layout on («ltgenfncrbq
        # pfghjc») through the keyboard, and Kazakh or Russian written in Latin letters as Cyrillic;
        # the answer says so (``corrected_query``, ``correction``)
        correction = None
        corrected = respell(query, self.index.term_counts) if query else None
        if corrected:
            correction = "kazakh_letters"
        elif query and (corrected := relayout(query, self.index.term_counts)):
            correction = "keyboard_layout"
        elif query and (corrected := transliterate(query, self.index.term_counts)):
            correction = "latin_script"         # «deputatskiy zapros», «kezekten tys sessiia»
        elif query and (corrected := correct_slips(query, self.index.term_counts)):
            correction = "spelling"             # «депутатскй запрс», «сесия маслихата»
        query = corrected or query
        cited = self._cited(query, lang)
        acts, asked = ((), query) if cited else self._named(query)
        src = None

        def run(flt: dict, lim: int, off: int, window: int = 0) -> dict:
            return self.index.search(SearchRequest(query=asked, lang=lang, limit=lim, offset=off, window=window,
                                                   filters={k: list(v) for k, v in flt.items() if v}, cited=cited,
                                                   acts=acts,
                                                   src=src))
        res = corpus_facts.search(self.store, run, filters or {}, limit, offset, kinds_of=self.index.facts_of)
        first = make_plan(query, lang) if not res["total"] and (query or "").strip() else None
        if first is not None and not first.empty:
            # Read in the other language: the words' language is guessed, and a Russian query
            # with a misspelt word («сесии маслихата») reads as Kazakh (Russian does not know the
            # word), which leaves its other words unlemmatised; the other reading is kept only
            # when it finds something, so a zero stays a zero only when neither reading matches.
            # A query of question words only («кто когда») has nothing to read again.
            src = "ru" if first.src == "kk" else "kk"
            other = corpus_facts.search(self.store, run, filters or {}, limit, offset, kinds_of=self.index.facts_of)
            if other["total"]:
                res = other
        if cited and not filters:                 # a filtered page keeps only what the filters allow
            from maslihat.corpus.citequery import place_cited
            res = place_cited(res, self.store, cited, query, lang, limit, offset)
        res = add_lead_ins(self.store, add_parallel(self.store, res))
        if not res["total"] and (query or "").strip():
            res["suggestions"] = suggestions(self.index, query)    # issue 16: never a bare zero
        res["query"] = query                      # not the words the index was asked (``_named``)
        if acts:                                  # the act the query names: the answer says which
            from maslihat.nlp.analyze import guess_language
            res["named"] = self._named_json(acts, lang or guess_language(query))
        if corrected:
            res["query"], res["corrected_query"], res["correction"] = typed, corrected, correction
        return res

    def _cited(self, query: str, lang: Optional[str]) -> tuple:
        """The provisions a query cites (``corpus.citequery``), in the query's language; a query
        without a digit cites no provision and is not read for one."""
        if not query or not any(ch.isdigit() for ch in query):
            return ()
        from maslihat.corpus.citequery import cited_units, named_acts
        from maslihat.nlp.analyze import guess_language
        lang = guess_language(query)
        # a provision cited («статья 7 закона …») first; else an act named by its number («№ 704»)
        return cited_units(self.store, query, lang, self._documents_found) or named_acts(self.store, query, lang)

    def _named(self, query: Optional[str]) -> tuple:
        """The documents of the act a query names by its title words («закон о правовых актах»,
        «по земельному кодексу», «решения маслихата 2015 года о …», «өтініштер туралы заң»;
        ``corpus.citequery.acts_named``) and the words left to search; ((), query) when it names none."""
        from maslihat.corpus.index.query_syntax import MAX_QUERY_CHARS
        if not query or len(query) > MAX_QUERY_CHARS:        # too long: the parser says so, as typed
            return (), query
        from maslihat.corpus.citequery import acts_named
        from maslihat.nlp.analyze import guess_language
        acts, rest = acts_named(self.store, query, guess_language(query), self._documents_found)
        return (acts, rest) if acts and rest.strip() else ((), query)

    def _named_json(self, acts: tuple, lang: str) -> list[dict]:
        """The act a query named (``_named``): its document in ``lang`` (else the first), id and title."""
        rows = {r["id"]: r for r in self.store.document_rows(False, list(acts))}
        mine = [a for a in acts if a in rows and rows[a].get("language") == lang] or [a for a in acts if a in rows]
        return [{"document_id": a, "title": rows[a].get("title") or a, "language": rows[a].get("language")}
                for a in mine[:1]]

    def _documents_found(self, text: str, n: int = 30) -> list[str]:
        """The documents of the best ``n`` units a search for ``text`` finds (``citequery``: the
        local act a citation names by its title words)."""
        from maslihat.corpus.index.base import SearchRequest
        return [h["document_id"] for h in self.index.search(SearchRequest(query=text, limit=n, snippets=False))["hits"]]

    # show, compare, export ---------------------------------------------------------------
    def _ref_json(self, r: Reference) -> dict:
        """A reference with the labels of both ends, so a reader needs no further look-ups."""
        d = r.to_json()
        if r.resolved_unit_id:
            u = self.store.unit(r.resolved_unit_id)
            d["resolved_label"] = u.label if u else None
        citing = self.store.unit(r.unit_id) if r.unit_id else None
        d["citing_label"] = citing.label if citing else None
        return d

    def backlinks_json(self, doc_id: Optional[str] = None, unit_id: Optional[str] = None) -> list[dict]:
        return [self._ref_json(r) for r in self.store.backlinks(doc_id, unit_id)]

    def show(self, some_id: str, at: Optional[str] = None) -> dict:
        """A unit or a document with its references, backlinks and parallel version (contract ``show``)."""
        if at:
            unit = self.store.unit(some_id)
            if unit is not None:        # a provision on that date: the same path in the edition then in force
                ed = self.at(unit.document_id, at)
                some_id = ed.id + some_id[len(unit.document_id):]
                if self.store.unit(some_id) is None:
                    raise NotFound(f"{some_id}: not in the edition in force on {at}")
            else:
                some_id = self.at(some_id, at).id
        unit = self.store.unit(some_id)
        if unit is not None:
            doc = self.document(unit.document_id)
            par = self.store.unit(unit.parallel_id) if unit.parallel_id else None
            children = [u for u in self.store.units(doc.id) if u.parent_id == unit.id]
            return {"type": "unit", "id": unit.id, "unit": unit.to_json(), "text": doc.text[unit.start:unit.end],
                    "document": _doc_head(doc),
                    "children": [{"id": c.id, "label": c.label, "kind": c.kind} for c in children],
                    "references": [self._ref_json(r) for r in self.store.references(unit_id=unit.id)],
                    "backlinks": [self._ref_json(r) for r in self.store.backlinks(unit_id=unit.id)],
                    "changed_in": self.unit_history(unit.id),
                    # the notion the unit defines («2) анонимное обращение – …»), or None
                    "defines": self.store.defined_notions([unit.id]).get(unit.id, ("", None))[1],
                    # an item of a list: the words that open the list («64. Председатель сессии маслихата:»)
                    "lead_in": lead_in_text(self.store.lead_ins([unit.id]).get(unit.id)),
                    "amendments": unit.changed_in,      # amending acts named by the unit's footnotes
                    "parallel": ({"id": par.id, "label": par.label,
                                  "text": self.document(par.document_id).text[par.start:par.end]} if par else None)}
        doc = self.store.document(some_id) or self._latest_of_act(some_id)
        if doc is None:
            raise NotFound(some_id)
        units = self.store.units(doc.id)
        return {"type": "document", "id": doc.id, "document": doc.to_json(),
                "units": [{"id": u.id, "kind": u.kind, "label": u.label, "parent_id": u.parent_id,
                           "competencies": u.competencies, "parallel_id": u.parallel_id} for u in units],
                "references": [self._ref_json(r) for r in self.store.references(doc_id=doc.id)],
                "backlinks": [self._ref_json(r) for r in self.store.backlinks(doc_id=doc.id)],
                "parallel": doc.parallel_id, "versions": self.store.versions(doc.act_id, doc.language)}

    def diff(self, a: str, b: str, mode: Optional[str] = None) -> dict:
        """Unit-level comparison of two documents: editions, two acts (paired by content), or RU against KK."""
        from maslihat.nlp.diff import diff
        da, db = self._diffed(a), self._diffed(b)
        ua, ub = self.store.units(da.id), self.store.units(db.id)
        out = diff(da, ua, db, ub, mode=mode, **self._bridges(da, db))
        out["title_a"], out["title_b"] = da.title, db.title
        out["language_a"], out["language_b"] = da.language, db.language
        out["editions"] = bool(da.act_id and da.act_id == db.act_id and da.language == db.language)
        return out

    def _latest_of_act(self, act_id: str) -> Optional[Document]:
        """An act id (a work) read as its latest edition, Russian first; None when no document
        has that act id."""
        ids = self.store.latest_of_act(act_id)
        return self.store.document(min(ids, key=lambda r: r[1] != "ru")[0]) if ids else None

    def _diffed(self, some_id: str) -> Document:
        """A side of ``diff``: a document, or an act's latest edition as ``show`` reads an act id;
        a unit id says it is not a document."""
        d = self.store.document(some_id) or self._latest_of_act(some_id)
        if d is not None:
            return d
        unit = self.store.unit(some_id)
        if unit is not None:
            raise NotFound(f"{some_id}: a unit, not a document (diff compares documents: {unit.document_id})")
        raise NotFound(some_id)

    def _bridges(self, da: Document, db: Document) -> dict:
        """The other language version of A and of B, when the corpus has them: across languages two
        acts are compared in one language and the pairs carried over through its links, and two
        acts not both in Russian are compared in Russian when both have a Russian text matching
        theirs provision for provision (``nlp.compare.pair_by_content``)."""
        from maslihat.nlp.compare import PIVOT
        if da.language == db.language == PIVOT:
            return {}
        out = {}
        for key, d in (("via_a", da), ("via_b", db)):
            p = self.store.document(d.parallel_id) if d.parallel_id else None
            if p is not None and p.language != d.language:
                out[key] = (p, self.store.units(p.id))
        return out

    def compare(self, a: str, b: str) -> Comparison:
        """``diff`` with its fields named (the app's Compare page reads this)."""
        return Comparison.from_json(self.diff(a, b))

    def parallel(self, doc_id: str) -> Parallel:
        """``side_by_side`` with its fields named."""
        d = self.side_by_side(doc_id)
        return Parallel(d["ru"], d["kk"], tuple((a, b, float(s)) for a, b, s in d["pairs"]),
                        discrepancies_of(d["discrepancies"]))

    def side_by_side(self, doc_id: str) -> dict:
        """RU and KK versions unit by unit, with the discrepancy report."""
        from maslihat.nlp.align import align
        from maslihat.nlp.compare_rukk import discrepancies, repair
        d = self.document(doc_id)
        if not d.parallel_id:
            raise NotFound(f"{doc_id}: no parallel version")
        p = self.document(d.parallel_id)
        ru, kk = (d, p) if d.language == "ru" else (p, d)
        ur, uk = self.store.units(ru.id), self.store.units(kk.id)
        pairs = repair(ur, uk, align(ru, ur, kk, uk), ru, kk)
        disc = discrepancies(ru, ur, kk, uk, pairs, self.store.references(ru.id), self.store.references(kk.id))
        return {"ru": ru.id, "kk": kk.id, "pairs": pairs, "discrepancies": disc}

    def export(self, out_dir: str, all_versions: bool = False) -> dict:
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        n = Counter()
        docs = self.store.documents(latest_only=not all_versions)
        with open(out / "documents.jsonl", "w", encoding="utf-8") as fd, \
                open(out / "units.jsonl", "w", encoding="utf-8") as fu, \
                open(out / "references.jsonl", "w", encoding="utf-8") as fr:
            for d in docs:
                fd.write(json.dumps(d.to_json(), ensure_ascii=False) + "\n")
                n["documents"] += 1
                for u in self.store.units(d.id):
                    fu.write(json.dumps(u.to_json(), ensure_ascii=False) + "\n")
                    n["units"] += 1
                for r in self.store.references(doc_id=d.id):
                    fr.write(json.dumps(r.to_json(), ensure_ascii=False) + "\n")
                    n["references"] += 1
        from maslihat.corpus import facts as corpus_facts   # issue 15: facts.jsonl beside the contract's files
        n["facts"] = corpus_facts.export(self.store, str(out), [d.id for d in docs])
        return dict(n)


# issue 15: facts for the app (which reaches the corpus through this module only)
from maslihat.nlp.facts import FACT_KINDS, kind_label as fact_kind_label, subject_label as fact_subject_label  # noqa: E402,F401
from maslihat.nlp.facts import vocab as _facts_vocab  # noqa: E402

FACT_KIND_LABELS: dict = _facts_vocab()["kinds"]


def facts_query(corpus: "Corpus", **kw) -> list[dict]:
    from maslihat.corpus import facts as corpus_facts
    return corpus_facts.query(corpus.store, **kw)


def facts_comparison(corpus: "Corpus", kind: str, subject: Optional[str] = None) -> list[dict]:
    from maslihat.corpus import facts as corpus_facts
    return corpus_facts.comparison(corpus.store, kind, subject)


def facts_against(corpus: "Corpus", kind: Optional[str] = None, subject: Optional[str] = None) -> list[dict]:
    from maslihat.corpus import facts as corpus_facts
    return corpus_facts.against_higher(corpus.store, kind, subject)


def _doc_head(doc: Document) -> dict:
    d = doc.to_json()
    d.pop("text", None)
    return d


def human_date(iso: Optional[str], language: str) -> str:
    """'2014-03-20' -> '20 марта 2014 г.' / '2014 жылғы 20 наурыз', as acts write dates (the grammar's months)."""
    return grammar.human_date(iso, language)


def citation(unit: Unit, doc: Document) -> str:
    """A citation string for a paper, in the document's language."""
    parts = [unit.label, f"«{doc.title}»" if doc.title else None]
    if doc.issuer and doc.doc_type not in ("coursework",):
        parts.append(doc.issuer)
    if doc.adopted_date:
        parts.append(human_date(doc.adopted_date, doc.language))
    if doc.number:
        parts.append(f"№ {doc.number}")
    if doc.status == "repealed":
        parts.append("күші жойылды" if doc.language == "kk" else "утратил силу")
    return ", ".join(p for p in parts if p)
