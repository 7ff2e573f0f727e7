"""Converging after a crash: what every ingest (and ``maslihat reindex``) brings up to date.

An ingest commits file by file, so a crash can fall between a file's commit and the work done
at the end of the run (back-resolution of references to the acts added in the run). A re-run
sees those files as unchanged and used never to come back to them. So every ingest ends by
resolving every unresolved reference whose target act arrived since the last completed pass,
whatever run added it (``resolve_pending``), and ``reindex`` rebuilds a search index from the corpus file
(``rebuild``): the corpus file is the single source of truth, the indexes are derived.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

from maslihat.core.model import Reference
from maslihat.corpus.store import _REF_COLS, Store, _ref_row

_COLS = ", ".join("r." + c for c in _REF_COLS)
_PENDING = f"""
SELECT r.data, {_COLS} FROM refs r
WHERE r.kind = 'external' AND r.resolved_document_id IS NULL AND r.target_date IS NOT NULL
  AND EXISTS (SELECT 1 FROM documents d WHERE d.is_latest = 1 AND d.adopted_date = r.target_date
              AND (r.target_number IS NULL OR d.number_key = r.target_number
                   OR json_extract(d.data, '$.extra.joint.number') IS NOT NULL))
ORDER BY r.document_id
"""
# the same, only for targets stored by runs after ? (from the new documents, through indexes;
# CROSS JOIN keeps that order: most references are unresolved, so starting from them scans all)
_PENDING_SINCE = f"""
SELECT DISTINCT r.data, {_COLS} FROM documents d
CROSS JOIN refs r ON r.target_date = d.adopted_date
WHERE d.run_id > ? AND d.is_latest = 1 AND d.adopted_date IS NOT NULL
  AND r.kind = 'external' AND r.resolved_document_id IS NULL
  AND (r.target_number IS NULL OR r.target_number = d.number_key
       OR json_extract(d.data, '$.extra.joint.number') IS NOT NULL)
ORDER BY r.document_id, r.id
"""
CHECKED = "pending_checked_run"      # meta: documents of runs up to this one were tried against


def resolve_pending(store: Store, full: bool = False) -> int:
    """Resolve the unresolved external references whose target (date and number) is in the
    corpus; returns how many were resolved. One transaction per citing document.

    Only targets stored since the last completed pass are tried (``CHECKED``, the highest run id
    then): a reference that did not resolve against an act stays unresolved until another act of
    that date arrives. A crashed run's documents carry its run id, above the mark, so they are
    tried by the next run (at 100,000 documents every one-file ingest retried 1,553 references
    against every national act: 21 of its 26 s). ``full`` (``maslihat reindex``) tries them all."""
    row = None if full else store.conn.execute("SELECT value FROM meta WHERE key=?", (CHECKED,)).fetchone()
    since = int(row[0]) if row and str(row[0]).isdigit() else -1
    upto = store.conn.execute("SELECT MAX(run_id) FROM documents").fetchone()[0]
    by_doc: dict[str, list[Reference]] = {}
    query, params = (_PENDING, ()) if since < 0 else (_PENDING_SINCE, (since,))
    for ref_row in store.conn.execute(query, params).fetchall():
        r = _ref_row(ref_row)
        by_doc.setdefault(r.document_id, []).append(r)
    done = _resolve(store, by_doc) if by_doc else 0
    if upto is not None and upto != since:
        with store.transaction():
            store.conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (CHECKED, str(upto)))
    return done


def _resolve(store: Store, by_doc: dict[str, list[Reference]]) -> int:
    from maslihat.corpus.catalog import StoreCatalog
    from maslihat.nlp.resolve import resolve
    catalog = StoreCatalog(store)
    done = 0
    for doc_id, refs in by_doc.items():
        citing = store.document(doc_id)
        if citing is None:
            continue
        updated = resolve(refs, citing, catalog.units_of(doc_id), catalog)
        changed = [r for r in updated if r.resolved_document_id]
        if changed:
            with store.transaction():
                store.put_references(changed)
            done += len(changed)
    return done


@dataclass
class Rebuilt:
    backend: str
    documents: int
    units: int
    resolved: int


def rebuild(corpus, backend: str, progress: Optional[Callable[[int, int], None]] = None,
            chunk: int = 50) -> Rebuilt:
    """Rebuild the search index of ``backend`` ("sqlite" or "elasticsearch") from the corpus
    file. The embedded index is rebuilt in one transaction (searches see the old index or the
    new one, never half); Elasticsearch is filled in chunks and its ledger records each chunk."""
    from maslihat.corpus.index import open_index

    store: Store = corpus.store
    resolved = resolve_pending(store, full=True)
    if backend == "elasticsearch":
        if not corpus.es_url:
            raise ValueError("no Elasticsearch configured: set MASLIHAT_ES_URL")
        index = corpus.index
    else:
        index = open_index(store.conn, None)
    ids = [r[0] for r in store.conn.execute("SELECT id FROM documents WHERE is_latest=1 ORDER BY id")]
    total_units = 0
    if backend == "elasticsearch":
        index.check()
        index.clear()
        with store.transaction():
            index.forget_all()
    with store.transaction() if backend != "elasticsearch" else _nothing():
        if backend != "elasticsearch":
            index.clear()
        for k in range(0, len(ids), chunk):
            docs = [store.document(i) for i in ids[k:k + chunk]]
            units = {d.id: store.units(d.id) for d in docs}
            total_units += sum(len(u) for u in units.values())
            if backend == "elasticsearch":
                with store.transaction():       # the ledger row lands only with the rows in the index
                    index.add(docs, units)
                    for d in docs:
                        store.put_defines(d, units[d.id])
            else:
                index.add(docs, units)
                for d in docs:                  # the notions units define: a corpus from before them gets them
                    store.put_defines(d, units[d.id])
            if progress:
                progress(min(k + chunk, len(ids)), len(ids))
    with store.transaction():
        store.mark_defines_complete()
    if hasattr(index, "checkpoint"):
        index.checkpoint()
    return Rebuilt(backend, len(ids), total_units, resolved)


def sync_elastic(corpus, chunk: int = 50) -> int:
    """Index the latest documents Elasticsearch has not got (its ledger in the corpus file says
    which): documents ingested before it was configured, or lost by it. Returns how many."""
    index = corpus.index
    store: Store = corpus.store
    missing = index.missing()
    for k in range(0, len(missing), chunk):
        docs = [d for d in (store.document(i) for i in missing[k:k + chunk]) if d is not None]
        with store.transaction():
            index.add(docs, {d.id: store.units(d.id) for d in docs})
    return len(missing)


class _nothing:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False
