"""Facts in the corpus: listing, the comparison table across acts, the check against the act a
provision relies on, and the ``facts.jsonl`` export.

Facts are extracted at ingest (``nlp.facts``) and stored in the ``facts`` table beside the units;
a corpus built before facts existed gets them here on first use (``ensure``).
"""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Optional

from maslihat.corpus.store import Store
from maslihat.nlp.facts import FACT_KINDS, document_facts

HIGHER_TYPES = ("constitution", "code", "law", "decree", "resolution")


def ensure(store: Store) -> dict[str, list[dict]]:
    """Extract the facts of documents that have none recorded (a corpus built before facts).

    They are stored when the corpus can be written; a read-only corpus keeps them in memory for
    this session (returned: document id -> facts), and nothing is written."""
    pending = getattr(store, "_facts_pending", None)
    if pending is not None:
        return pending
    pending = {}
    for doc_id in store.facts_missing():
        doc = store.document(doc_id)
        if doc is None:
            continue
        facts = [f.to_json() for f in document_facts(doc, store.units(doc_id))]
        if not getattr(store, "readonly", False):
            try:
                with store.transaction():
                    store.put_facts(doc_id, facts)
                continue
            except Exception:       # locked or read-only after all: keep them in memory
                pass
        pending[doc_id] = facts
    if not pending and not getattr(store, "readonly", False):
        try:                          # every latest document has its facts: later processes skip the scan
            with store.transaction():
                store.mark_facts_complete()
        except Exception:             # noqa: BLE001  (locked: the next process scans again)
            pass
    store._facts_pending = pending
    return pending


def query(store: Store, kind: Optional[str] = None, subject: Optional[str] = None,
          lang: Optional[str] = None, document_id: Optional[str] = None, unit_id: Optional[str] = None) -> list[dict]:
    """Facts of the latest editions, each with its document's title, issuer, region and unit label."""
    if kind and kind not in FACT_KINDS:
        raise ValueError(f"unknown fact kind {kind!r} (one of {', '.join(FACT_KINDS)})")
    pending = ensure(store)
    where, params = [], []
    for col, v in (("f.kind", kind), ("f.subject", subject), ("f.language", lang), ("f.document_id", document_id),
                   ("f.unit_id", unit_id)):
        if v:
            where.append(f"{col}=?")
            params.append(v)
    rows = store.fact_rows(" AND ".join(where), tuple(params))
    want = {"kind": kind, "subject": subject, "language": lang, "document_id": document_id, "unit_id": unit_id}
    rows += [dict(f) for fs in pending.values() for f in fs if all(not v or f.get(k) == v for k, v in want.items())]
    heads: dict[str, dict] = {}
    labels: dict[str, Optional[str]] = {}
    for r in rows:
        d = heads.get(r["document_id"])
        if d is None:
            doc = store.document(r["document_id"])
            d = heads[r["document_id"]] = {"title": doc.title, "act_id": doc.act_id, "issuer": doc.issuer,
                                           "region": doc.region, "doc_type": doc.doc_type,
                                           "adopted_date": doc.adopted_date, "number": doc.number,
                                           "parallel_id": doc.parallel_id}
        if r.get("unit_id") and r["unit_id"] not in labels:
            u = store.unit(r["unit_id"])
            labels[r["unit_id"]] = u.label if u else None
        r["document"] = d
        r["unit_label"] = labels.get(r.get("unit_id"))
    return rows


def by_unit(store: Store, unit_ids: list[str]) -> dict[str, list[dict]]:
    """unit id -> its facts (for search hits)."""
    if not unit_ids:
        return {}
    marks = ",".join("?" * len(unit_ids))
    out: dict[str, list[dict]] = defaultdict(list)
    for r in store.fact_rows(f"f.unit_id IN ({marks})", tuple(unit_ids)):
        out[r["unit_id"]].append(r)
    return dict(out)


def comparison(store: Store, kind: str, subject: Optional[str] = None) -> list[dict]:
    """One row per act: its RU and KK facts of this kind (and subject), side by side.

    ``agree`` is False when the two languages state different values, None when one side is
    missing; the user reads both provisions (linked by unit id)."""
    rows = query(store, kind=kind, subject=subject)
    acts: dict[str, dict] = {}
    for r in rows:
        d = r["document"]
        a = acts.setdefault(d["act_id"] or r["document_id"], {"act_id": d["act_id"], "title": {}, "issuer": d["issuer"],
                                                              "region": d["region"], "adopted_date": d["adopted_date"],
                                                              "number": d["number"], "doc_type": d["doc_type"],
                                                              "ru": [], "kk": []})
        a["title"][r["language"]] = d["title"]
        a[r["language"]].append({k: r.get(k) for k in ("value", "relation", "subject", "surface", "unit_id",
                                                       "unit_label", "document_id", "anchor", "base", "day_type")})
    out = []
    for a in acts.values():
        vr, vk = {f["value"] for f in a["ru"]}, {f["value"] for f in a["kk"]}
        a["agree"] = None if not (vr and vk) else vr == vk
        out.append(a)
    return sorted(out, key=lambda a: (a["doc_type"] not in HIGHER_TYPES, a["region"] or "", a["adopted_date"] or ""))


def against_higher(store: Store, kind: Optional[str] = None, subject: Optional[str] = None) -> list[dict]:
    """Facts of a provision beside the same kind and subject of the higher act it relies on.

    The higher act is the one the provision cites (resolved reference), else one its document
    cites whose type is higher (law, code, decree…). ``differs`` flags different values; it
    never says which is right."""
    facts = [f for f in query(store, kind=kind, subject=subject) if f.get("subject")]
    by_doc_subject: dict[tuple, list[dict]] = defaultdict(list)
    for f in query(store, kind=kind):
        if f.get("subject"):
            by_doc_subject[(f["document_id"], f["kind"], f["subject"])].append(f)
    out = []
    for f in facts:
        targets: list[tuple[str, Optional[str]]] = []
        for r in store.references(unit_id=f["unit_id"]) if f.get("unit_id") else []:
            if r.resolved_document_id and r.resolved_document_id != f["document_id"]:
                targets.append((r.resolved_document_id, r.resolved_unit_id))
        if not targets:
            for r in store.references(doc_id=f["document_id"]):
                if r.resolved_document_id and r.resolved_document_id != f["document_id"]:
                    t = store.document(r.resolved_document_id)
                    if t is not None and t.doc_type in HIGHER_TYPES and t.language == f["language"]:
                        targets.append((t.id, None))
        seen = set()
        found = []
        for doc_id, unit_id in targets:
            for h in by_doc_subject.get((doc_id, f["kind"], f["subject"]), []):
                if unit_id and h.get("unit_id") != unit_id and not _within(store, h.get("unit_id"), unit_id):
                    continue
                if h["id"] in seen or h["document"]["doc_type"] not in HIGHER_TYPES:
                    continue
                seen.add(h["id"])
                found.append({"fact": f, "higher": h, "differs": f["value"] != h["value"]})
        # several provisions of the higher act on one subject: the one stating the same value answers
        same = [r for r in found if not r["differs"]]
        out += same or found
    return out


def _within(store: Store, unit_id: Optional[str], ancestor: str) -> bool:
    while unit_id:
        if unit_id == ancestor:
            return True
        u = store.unit(unit_id)
        unit_id = u.parent_id if u else None
    return False


def export(store: Store, out_dir: str, document_ids: list[str]) -> int:
    """``facts.jsonl``: one fact per line for the exported documents (docs/facts.md)."""
    pending = ensure(store)
    n = 0
    with open(Path(out_dir) / "facts.jsonl", "w", encoding="utf-8") as fh:
        for doc_id in document_ids:
            if doc_id in pending:
                rows = pending[doc_id]
            else:
                try:
                    rows = store.facts_of(doc_id)
                except Exception:
                    rows = [f.to_json() for f in document_facts(store.document(doc_id), store.units(doc_id))]
            for d in rows:
                fh.write(json.dumps(d, ensure_ascii=False) + "\n")
                n += 1
    return n


# --- search: facts on hits and the «has a deadline / quorum / threshold» facet -----------------------
FACET = "fact"
FACT_WINDOW = 500      # the facet counts and filters over the best hits up to this many


def hit_facts(store: Store, unit_ids: list[str]) -> dict[str, list[dict]]:
    """unit id -> its facts, short (kind, value, relation, subject, base, day_type, surface)."""
    pending = ensure(store)
    out: dict[str, list[dict]] = {}
    keep = ("kind", "value", "relation", "subject", "base", "day_type", "surface", "start", "end")
    for uid, facts in by_unit(store, unit_ids).items():
        out[uid] = [{k: f.get(k) for k in keep} for f in facts]
    wanted = set(unit_ids)
    for facts in pending.values():
        for f in facts:
            if f.get("unit_id") in wanted:
                out.setdefault(f["unit_id"], []).append({k: f.get(k) for k in keep})
    return out


def window_kinds(store: Store, unit_ids: list[str], kinds_of=None) -> dict[str, set]:
    """unit id -> the kinds of facts it states (the stored ones and those ``ensure`` holds in memory).
    ``kinds_of``: what reads the stored kinds (``Store.fact_kinds`` by default; the search passes
    the index's, which keeps those of earlier windows until the index changes: ``base.by_memo``)."""
    pending = ensure(store)
    read = kinds_of or store.fact_kinds
    out = {u: set(k) for u, k in read(unit_ids).items()} if unit_ids else {}
    if pending:
        wanted = set(unit_ids)
        for facts in pending.values():
            for f in facts:
                if f.get("unit_id") in wanted:
                    out.setdefault(f["unit_id"], set()).add(f["kind"])
    return out


def search(store: Store, run, filters: dict, limit: int, offset: int, kinds_of=None) -> dict:
    """A search answer with ``facts`` on every hit and the ``fact`` facet.

    ``run(filters, limit, offset, window=0)`` asks the index (without the fact filter). With a ``fact``
    filter the best ``FACT_WINDOW`` hits are read and those whose provision states a fact of the
    kinds asked are kept; the facet counts hits with each kind among those best hits."""
    kinds = [k for k in (filters or {}).get(FACET) or [] if k]
    bad = [k for k in kinds if k not in FACT_KINDS]
    if bad:
        from maslihat.corpus.index.base import QueryError
        raise QueryError(f"unknown value {bad[0]!r} for facet {FACET!r}; expected one of: {', '.join(FACT_KINDS)}")
    rest = {k: v for k, v in (filters or {}).items() if k != FACET}
    if kinds:             # the window's hits are shown: read them whole
        window = run(rest, FACT_WINDOW, 0)
        ids = [h["unit_id"] for h in window.get("hits", [])]
    else:                 # one ranking gives the page and the ids of the window (issue 14: no second search)
        window = run(rest, limit, offset, FACT_WINDOW)
        ids = window.pop("window_ids", [])
    # the facet needs only the kinds of the window's units (no JSON); the page its hits' facts
    have = window_kinds(store, ids, kinds_of)
    counts: dict[str, int] = {}
    for uid in ids:
        for kind in have.get(uid, ()):
            counts[kind] = counts.get(kind, 0) + 1
    if kinds:
        res = dict(window)
        kept = [h for h in window.get("hits", []) if have.get(h["unit_id"], set()) & set(kinds)]
        res["total"] = len(kept)
        res["hits"] = kept[offset:offset + limit]
    else:
        res = window
    res.setdefault("facets", {})
    res["facets"] = dict(res["facets"])
    res["facets"][FACET] = dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    facts = hit_facts(store, [h["unit_id"] for h in res.get("hits", [])])
    for h in res.get("hits", []):
        h["facts"] = facts.get(h["unit_id"], [])
    return res
