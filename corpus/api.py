"""The corpus API: what the CLI, the app, notebooks and benchmarks call.

Nothing outside this module (and ``corpus.store`` / ``corpus.index``) touches SQL or
Elasticsearch. Methods return plain data classes or JSON-ready dicts.
"""
from __future__ import annotations

import hashlib
import html
import json
import os
import time
from collections import Counter
from dataclasses import asdict
from pathlib import Path
from typing import Callable, Iterable, Optional

from maslihat.core import config
from maslihat.corpus.build import Built, align_parallel, build
from maslihat.core.ids import document_id
from maslihat.core.model import Document, IngestSummary, Quarantined, Reference, Unit
from maslihat.corpus.store import Store, StoreError, as_of

BATCH = 64


class NotFound(KeyError):
    pass


class StoreCatalog:
    """What reference resolution needs to know about the corpus, backed by the store."""

    def __init__(self, store: Store):
        self.store = store
        self._units: dict[str, list[Unit]] = {}

    def find_act(self, target: dict, language: str) -> Optional[str]:
        ids: list[str] = []
        if target.get("date") or target.get("number"):
            ids = self.store.find_documents(target.get("date"), target.get("number"))
        if not ids and target.get("title"):
            ids = self.store.find_by_title(target["title"].strip(' "«»'))
        if not ids:
            return None
        same = [i for i in ids if i.rsplit("/", 1)[-1].split("@")[0] == language]
        return (same or ids)[0]

    def units_of(self, doc_id: str) -> list[Unit]:
        if doc_id not in self._units:
            self._units[doc_id] = self.store.units(doc_id)
        return self._units[doc_id]

    def add(self, doc_id: str, units: list[Unit]) -> None:
        self._units[doc_id] = units


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

    def __init__(self, db: Optional[str] = None, es_url: Optional[str] = None):
        self.db_path = config.db_path(db)
        self.store = Store(self.db_path)
        self.es_url = es_url if es_url is not None else config.es_url()
        self._index = None

    # the search index ------------------------------------------------------------------
    @property
    def index(self):
        if self._index is None:
            from maslihat.corpus.index import open_index
            self._index = open_index(self.store.conn, self.es_url)
        return self._index

    def close(self) -> None:
        self.store.close()

    # ingestion -------------------------------------------------------------------------
    def ingest(self, paths: Iterable[str], progress: bool = False,
               on_file: Optional[Callable[[str, str, str], None]] = None) -> IngestSummary:
        """Ingest files and folders; every file ends ingested, unchanged or quarantined with a reason.

        ``on_file(source, outcome, detail)`` is called per file (the app's progress list).
        """
        from maslihat.ingest.pipeline import iter_inputs

        paths = [str(p) for p in paths]
        summary = IngestSummary()
        run_id = self.store.start_run(paths)
        items = list(iter_inputs(paths))
        bar = None
        if progress:
            from tqdm import tqdm
            bar = tqdm(total=len(items), unit="file", desc="ingest", disable=len(items) < 20)
        new_docs: list[Document] = []
        prepared = _Prefetch(self.store, items, _workers(len(items)))
        try:
            for i in range(0, len(items), BATCH):
                batch = items[i:i + BATCH]
                prepared.ahead(i + 2 * BATCH)     # workers read and build the next batches meanwhile
                with self.store.batch():          # one commit per batch, a savepoint per file
                    new_docs += self._ingest_batch(batch, summary, run_id, on_file, prepared)
                if bar:
                    bar.update(len(batch))
        finally:
            prepared.close()
        if bar:
            bar.close()
        self._resolve_backwards(new_docs)
        self.store.finish_run(run_id, summary.files, summary.documents_added, summary.unchanged,
                              summary.new_versions, len(summary.quarantined))
        return summary

    def _quarantine(self, summary: IngestSummary, run_id: int, path: str, reason: str, on_file) -> None:
        q = Quarantined(path, reason)
        summary.quarantined.append(q)
        self.store.quarantine(q, run_id)
        if on_file:
            on_file(path, "quarantined", reason)

    def _ingest_batch(self, batch, summary: IngestSummary, run_id: int, on_file,
                      prepared: "Optional[_Prefetch]" = None) -> list[Document]:
        from maslihat.ingest.errors import IngestError
        from maslihat.ingest.pipeline import load_file

        loaded: list[tuple[str, bytes, list[Document]]] = []
        prebuilt: dict[str, tuple] = {}
        for item in batch:
            if isinstance(item, Quarantined):
                summary.files += 1
                self._quarantine(summary, run_id, item.path, item.reason, on_file)
                continue
            path, source = item
            summary.files += 1
            done = prepared.result(path) if prepared else None
            try:
                raw = Path(path).read_bytes()
            except FileNotFoundError:
                self._quarantine(summary, run_id, str(path), "vanished before it could be read", on_file)
                continue
            except OSError as e:
                self._quarantine(summary, run_id, str(path), f"cannot read: {e.strerror or e}", on_file)
                continue
            digest = hashlib.sha256(raw).hexdigest()
            if self.store.has_content(digest):
                summary.unchanged += 1
                if on_file:
                    on_file(str(path), "unchanged", "")
                continue
            if done is not None and done[0] == "ok" and done[1] and done[1][0].content_hash != digest:
                done = None       # the file changed after the worker read it: read it again here
            if done is not None and done[0] == "error":
                self._quarantine(summary, run_id, str(path), done[1], on_file)
                continue
            if done is not None:
                docs = done[1]
                prebuilt[str(path)] = done
            else:
                try:
                    docs = load_file(Path(path), source)
                except IngestError as e:
                    self._quarantine(summary, run_id, str(path), str(e), on_file)
                    continue
                except Exception as e:  # a parser bug must not stop the run or lose the file
                    self._quarantine(summary, run_id, str(path), f"internal error while reading: {type(e).__name__}: {e}", on_file)
                    continue
            if not docs:
                self._quarantine(summary, run_id, str(path), "no text found", on_file)
                continue
            loaded.append((str(path), raw, docs))

        self._pair_files(loaded)
        added: list[Document] = []
        for path, raw, docs in loaded:
            try:
                stored = self._store_file(path, raw, docs, run_id, prebuilt.get(path))
            except StoreError:
                raise
            except Exception as e:
                self._quarantine(summary, run_id, path, f"internal error while structuring: {type(e).__name__}: {e}", on_file)
                continue
            for d in stored:
                summary.documents_added += 1
                if d.version > 1:
                    summary.new_versions += 1
                summary.by_language[d.language] = summary.by_language.get(d.language, 0) + 1
                summary.by_type[d.doc_type] = summary.by_type.get(d.doc_type, 0) + 1
            added += stored
            if on_file:
                on_file(path, "ingested", ", ".join(f"{d.language} {d.doc_type}" for d in stored))
        return added

    def _pair_files(self, loaded) -> None:
        """Language versions in separate files (``20090.rus.txt`` + ``20090.kaz.txt``) become one act."""
        from maslihat.ingest.metadata import inherit
        from maslihat.ingest.pipeline import pair_key

        by_key: dict[str, list[Document]] = {}
        for path, _raw, docs in loaded:
            for d in docs:
                pk = pair_key(d.source)
                if pk:
                    d.extra["pair_key"] = pk[0]
                    by_key.setdefault(pk[0], []).append(d)
        for key, docs in by_key.items():
            langs = {d.language for d in docs}
            partners = [d for d in self.store.by_pair_key(key) if d.language not in langs]
            group = docs + partners
            ru = next((d for d in group if d.language == "ru"), None)
            kk = next((d for d in group if d.language == "kk"), None)
            if not (ru and kk):
                continue
            if kk in docs:
                inherit(kk, ru)
            if ru in docs:
                inherit(ru, kk)
            ru.parallel_id, kk.parallel_id = kk.id, ru.id

    def _store_file(self, path: str, raw: bytes, docs: list[Document], run_id: int,
                    prebuilt: Optional[tuple] = None) -> list[Document]:
        """Everything one file contributes, in one transaction.

        ``prebuilt`` is what a worker process computed from the file (see ``_prepare``); its
        units and references are used when the documents are still exactly as the worker saw
        them (no new edition, no pairing with another file), and built again here otherwise.
        """
        renamed: dict[str, str] = {}
        superseded: list[str] = []
        changed: list[Document] = []
        for d in docs:
            existing = self.store.versions(d.act_id, d.language) if d.act_id else []
            if existing:
                latest = next((v["id"] for v in existing if v["is_latest"]), None)
                prior = self.store.document(latest) if latest else None
                if prior is not None and _same_edition(prior, d):
                    # a bilingual file edited in one language only: the other half stays as it is
                    renamed[d.id] = prior.id
                    continue
                d.version = max(v["version"] for v in existing) + 1
                superseded += [v["id"] for v in existing if v["is_latest"]]
                new_id = document_id(d.act_id, d.language, d.version)
                renamed[d.id] = new_id
                d.id = new_id
            changed.append(d)
        for d in docs:
            if d.parallel_id in renamed:
                d.parallel_id = renamed[d.parallel_id]
        if not changed:
            with self.store.transaction():
                self.store.put_source(docs[0].content_hash, docs[0].source, raw, run_id)
            return []
        if len(changed) < len(docs):
            prebuilt, docs = None, changed
        builts = _reuse(prebuilt, docs)
        if builts is None:
            builts = [build(d) for d in docs]
            _align_within(builts)
        by_id = {b.doc.id: b for b in builts}
        partner_updates: list[Built] = []
        for b in builts:
            pid = b.doc.parallel_id
            if not pid:
                continue
            if pid not in by_id:
                other = self.store.document(pid)
                if other is not None:
                    ob = Built(other, self.store.units(pid), [])
                    align_parallel(b, ob)
                    partner_updates.append(ob)
        catalog = StoreCatalog(self.store)
        from maslihat.nlp.resolve import resolve
        for b in builts:
            catalog.add(b.doc.id, b.units)
        for b in builts:
            b.refs = resolve(b.refs, b.doc, b.units, catalog)
        with self.store.transaction():
            self.store.put_source(docs[0].content_hash, docs[0].source, raw, run_id)
            for b in builts:
                self.store.put_document(b.doc, b.doc.extra.get("pair_key"), run_id)
                self.store.put_units(b.units)
                self.store.put_references(b.refs)
            for ob in partner_updates:
                self.store.set_parallel(ob.doc.id, ob.doc.parallel_id)
                self.store.put_units(ob.units)
            if superseded:
                self.index.remove(superseded)
            if partner_updates:
                self.index.remove([ob.doc.id for ob in partner_updates])
                self.index.add([self.store.document(ob.doc.id) for ob in partner_updates],
                               {ob.doc.id: ob.units for ob in partner_updates})
            terms: Optional[dict[str, str]] = {}
            for b in builts:
                if b.terms is None:
                    terms = None      # computed by the index from the units' text
                    break
                terms.update(b.terms)
            self.index.add([b.doc for b in builts], {b.doc.id: b.units for b in builts}, terms)
        return [b.doc for b in builts]

    def _resolve_backwards(self, new_docs: list[Document]) -> None:
        """References stored earlier that cite an act this run added now point to it."""
        from maslihat.nlp.resolve import resolve
        catalog = StoreCatalog(self.store)
        seen: set[tuple] = set()
        for d in new_docs:
            key = (d.adopted_date, d.number)
            if not (d.adopted_date and d.number) or key in seen:
                continue
            seen.add(key)
            refs = self.store.unresolved_citing(d.adopted_date, d.number)
            by_doc: dict[str, list[Reference]] = {}
            for r in refs:
                by_doc.setdefault(r.document_id, []).append(r)
            for doc_id, rs in by_doc.items():
                citing = self.store.document(doc_id)
                if citing is None:
                    continue
                updated = resolve(rs, citing, catalog.units_of(doc_id), catalog)
                with self.store.transaction():
                    self.store.put_references(updated)

    # reading ---------------------------------------------------------------------------
    def document(self, doc_id: str) -> Document:
        d = self.store.document(doc_id)
        if d is None:
            raise NotFound(doc_id)
        return d

    def documents(self, latest_only: bool = True) -> list[dict]:
        return self.store.document_rows(latest_only)

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
        req = SearchRequest(query=query, lang=lang, filters={k: list(v) for k, v in (filters or {}).items() if v},
                            limit=limit, offset=offset)
        return self.index.search(req)

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
            doc = self.at(some_id, at)
            some_id = doc.id
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
                    "parallel": ({"id": par.id, "label": par.label,
                                  "text": self.document(par.document_id).text[par.start:par.end]} if par else None)}
        doc = self.store.document(some_id)
        if doc is None:
            # a work id: show its latest edition, Russian first
            rows = [r for r in self.store.document_rows() if r["act_id"] == some_id]
            if not rows:
                raise NotFound(some_id)
            doc = self.document(sorted(rows, key=lambda r: r["language"] != "ru")[0]["id"])
        units = self.store.units(doc.id)
        return {"type": "document", "id": doc.id, "document": doc.to_json(),
                "units": [{"id": u.id, "kind": u.kind, "label": u.label, "parent_id": u.parent_id,
                           "competencies": u.competencies, "parallel_id": u.parallel_id} for u in units],
                "references": [self._ref_json(r) for r in self.store.references(doc_id=doc.id)],
                "backlinks": [self._ref_json(r) for r in self.store.backlinks(doc_id=doc.id)],
                "parallel": doc.parallel_id, "versions": self.store.versions(doc.act_id, doc.language)}

    def diff(self, a: str, b: str) -> dict:
        """Unit-level comparison of two documents: editions, two acts, or RU against KK."""
        from maslihat.nlp.align import discrepancies
        from maslihat.nlp.diff import diff
        da, db = self.document(a), self.document(b)
        ua, ub = self.store.units(a), self.store.units(b)
        out = diff(da, ua, db, ub)
        if da.language != db.language:
            pairs = [(u["a"], u["b"], u["similarity"]) for u in out["units"]]
            out["discrepancies"] = discrepancies(da, ua, db, ub, pairs, self.store.references(a),
                                                 self.store.references(b))
        return out

    def side_by_side(self, doc_id: str) -> dict:
        """RU and KK versions unit by unit, with the discrepancy report."""
        from maslihat.nlp.align import align, discrepancies
        d = self.document(doc_id)
        if not d.parallel_id:
            raise NotFound(f"{doc_id}: no parallel version")
        p = self.document(d.parallel_id)
        ru, kk = (d, p) if d.language == "ru" else (p, d)
        ur, uk = self.store.units(ru.id), self.store.units(kk.id)
        pairs = align(ru, ur, kk, uk)
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
        return dict(n)


# parallel ingest --------------------------------------------------------------------------
# Reading, decoding, language identification, segmentation, references and competency tags of
# a file need no store: worker processes do them (``_prepare``) while this process stores the
# previous files. Everything that reads or writes the store (unchanged check, pairing, editions,
# resolution, writes, index) stays here, in file order, so the outcome is the same as serial.

PARALLEL_MIN_FILES = 200     # below this, starting workers costs more than it saves


def _workers(n_items: int) -> int:
    """Worker processes for an ingest of ``n_items`` files (0: in this process).

    ``MASLIHAT_INGEST_WORKERS`` overrides (0 turns workers off); by default one per CPU."""
    env = os.environ.get("MASLIHAT_INGEST_WORKERS")
    if env is not None and env.strip():
        return max(0, int(env))
    if n_items < PARALLEL_MIN_FILES:
        return 0
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:
        cpus = os.cpu_count() or 1
    return cpus if cpus > 1 else 0


def _align_within(builts: list[Built]) -> None:
    """Align the language versions that one file holds (the Russian one against its partner)."""
    by_id = {b.doc.id: b for b in builts}
    for b in builts:
        pid = b.doc.parallel_id
        if pid and pid in by_id and b.doc.language == "ru":
            align_parallel(b, by_id[pid])


_UNKEYED = ("text", "original", "extra")   # never changed after load_file (text) or not read by build


def _build_key(doc: Document) -> tuple:
    """What ``build`` and the in-file alignment may depend on, besides the text."""
    from dataclasses import fields
    return tuple(getattr(doc, f.name) for f in fields(doc) if f.name not in _UNKEYED) + (len(doc.text),)


def _prepare(path: str, source: str) -> tuple:
    """Worker: one file -> ("ok", documents, builts, keys) or ("error", quarantine reason).

    ``builts`` is None when building failed: the parent builds again and quarantines the file
    with the same message as a serial run would."""
    from maslihat.ingest.errors import IngestError
    from maslihat.ingest.pipeline import load_file
    try:
        docs = load_file(Path(path), source)
    except IngestError as e:
        return ("error", str(e))
    except Exception as e:  # noqa: BLE001  (as in Corpus._ingest_batch)
        return ("error", f"internal error while reading: {type(e).__name__}: {e}")
    if not docs:
        return ("ok", docs, None, None)
    keys = [_build_key(d) for d in docs]
    try:
        builts = [build(d) for d in docs]
        _align_within(builts)
    except Exception:  # noqa: BLE001
        return ("ok", docs, None, None)
    return ("ok", docs, builts, keys)


def _same_edition(prior: Document, new: Document) -> bool:
    """The same text with the same requisites and notes: not a new edition."""
    return (prior.text == new.text and prior.amendments == new.amendments and prior.status == new.status
            and prior.repealed_by == new.repealed_by)


def _reuse(prebuilt: Optional[tuple], docs: list[Document]) -> Optional[list[Built]]:
    """The worker's builts when every document is still as the worker built it, else None."""
    if not prebuilt or prebuilt[2] is None:
        return None
    _, wdocs, builts, keys = prebuilt
    if len(wdocs) != len(docs) or any(a is not b for a, b in zip(wdocs, docs)):
        return None
    if any(_build_key(d) != k for d, k in zip(docs, keys)):
        return None
    return builts


class _Prefetch:
    """Files handed to worker processes ahead of the batch being stored, results by path."""

    def __init__(self, store: Store, items: list, workers: int):
        self.store, self.items, self.pos = store, items, 0
        self.futures: dict[str, object] = {}
        self.pool = None
        if workers > 0:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor
            # spawn, not fork: this process holds an SQLite connection, maybe app threads and
            # lingua's thread pool. As with any spawn pool, a script calling ingest() must guard
            # its top level with ``if __name__ == "__main__":`` (the CLI and the app do).
            self.pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))

    def ahead(self, upto: int) -> None:
        """Submit the files up to item ``upto`` that are not already in the corpus."""
        if self.pool is None:
            return
        while self.pos < min(upto, len(self.items)):
            item = self.items[self.pos]
            self.pos += 1
            if isinstance(item, Quarantined):
                continue
            path, source = item
            try:
                digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
            except OSError:
                continue          # the parent reports it when it reaches the file
            if self.store.has_content(digest) or str(path) in self.futures:
                continue          # unchanged: not worth building (checked again when stored)
            try:
                self.futures[str(path)] = self.pool.submit(_prepare, str(path), source)
            except Exception:  # noqa: BLE001  (workers cannot start: go on in this process)
                self.close()
                return

    def result(self, path) -> Optional[tuple]:
        """The worker's result for ``path``, or None to do the work in this process."""
        fut = self.futures.pop(str(path), None)
        if fut is None:
            return None
        try:
            return fut.result()
        except Exception:  # noqa: BLE001  (a worker died: do this file here)
            return None

    def close(self) -> None:
        if self.pool is not None:
            for f in self.futures.values():
                f.cancel()
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None


def _doc_head(doc: Document) -> dict:
    d = doc.to_json()
    d.pop("text", None)
    return d


_KK_MONTHS = ("қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек",
              "қазан", "қараша", "желтоқсан")
_RU_MONTHS = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
              "октября", "ноября", "декабря")


def human_date(iso: Optional[str], language: str) -> str:
    """'2014-03-20' -> '20 марта 2014 г.' / '2014 жылғы 20 наурыз', as acts write dates."""
    if not iso:
        return ""
    y, m, d = (int(x) for x in iso.split("-"))
    if language == "kk":
        return f"{y} жылғы {d} {_KK_MONTHS[m - 1]}"
    return f"{d} {_RU_MONTHS[m - 1]} {y} г."


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
