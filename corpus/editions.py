"""Editions of one act in one language: which is the same text, which is latest, and what a new
copy or an amending act adds to the stored one.

Editions follow their own dates (meta.yaml's version_date, the amendment notes, adoption), never
the order in which files arrive; copies merge their requisites into the stored document.
"""
from __future__ import annotations

from typing import Optional

from maslihat.core.model import Document
from maslihat.corpus.store import Store, as_of


def _same_edition(prior: Document, new: Document) -> bool:
    """The same text with the same requisites and notes: not a new edition."""
    return (prior.text == new.text and prior.amendments == new.amendments and prior.status == new.status
            and prior.repealed_by == new.repealed_by)


def _edition_order(doc: Optional[Document]) -> tuple:
    """Editions follow their own dates (meta.yaml's version_date, else the latest amendment note,
    else adoption), not the order files arrive in; the ingestion counter breaks ties."""
    if doc is None:
        return ("", 0)
    return (as_of(doc) or "", doc.version)


def _latest_of(store: Store, doc: Document) -> str:
    eds = store.documents(latest_only=False, where="act_id=? AND language=?", params=(doc.act_id, doc.language))
    return max(eds, key=_edition_order).id


_REQUISITES = ("adopted_date", "number", "issuer", "issuer_kind", "region", "registration", "issuer_id",
               "region_id")
_FACET_FIELDS = ("adopted_date", "issuer", "issuer_kind", "region", "issuer_id", "region_id", "status", "doc_type")


def _merge_requisites(prior: Document, new: Document) -> bool:
    """Fill ``prior`` from ``new`` where ``new`` has meta.yaml (authoritative) or ``prior`` lacks a
    value; True when a field the search facets show changed."""
    before = tuple(getattr(prior, f) for f in _FACET_FIELDS)
    from_meta = "repository" in new.extra and "repository" not in prior.extra
    for f in _REQUISITES:
        mine, theirs = getattr(prior, f), getattr(new, f)
        if theirs not in (None, "", [], {}) and (mine in (None, "", [], {}) or
                                                 (from_meta and f in ("adopted_date", "issuer_id", "region_id"))):
            setattr(prior, f, theirs)
    if from_meta and new.title:
        prior.title = new.title
        if new.doc_type != "other":
            prior.doc_type = new.doc_type
    if prior.status == "unknown" and new.status != "unknown":
        prior.status, prior.repealed_by = new.status, new.repealed_by
    if prior.doc_type == "other" and new.doc_type != "other":
        prior.doc_type = new.doc_type
    if from_meta:
        for k in ("repository", "version_date", "requisite", "requisite_date"):
            if k in new.extra:
                prior.extra[k] = new.extra[k]
        from maslihat.ingest.identity import merge_amendment
        for a in new.amendments:
            merge_amendment(prior.amendments, a)
    return before != tuple(getattr(prior, f) for f in _FACET_FIELDS)


def _add_amendment(target: Document, amending: Document, changes: list = ()) -> bool:
    """List ``amending`` among ``target``'s amendments (once), with the units its instructions change
    (``changes``: ``nlp.amendments.instructions_for``) added to the entry's ``units`` and their
    kinds to its ``changes`` ({unit: "new_wording" | "repealed" | "added" | "amended"}); True when
    ``target`` changed."""
    entry = None
    changed = False
    for a in target.amendments:
        if a.get("date") == amending.adopted_date and (a.get("number") in (None, amending.number)):
            entry = a
            if a.get("act_id") != amending.act_id:
                a["act_id"] = amending.act_id
                changed = True
            if (amending.language == target.language and amending.title
                    and a.get("from") == "amending act" and a.get("title") != amending.title):
                a["title"] = amending.title   # both versions link to both: the entry speaks the target's language
                changed = True
            break
    if entry is None:
        entry = {"date": amending.adopted_date, "number": amending.number, "units": [],
                 "title": amending.title, "act_id": amending.act_id, "from": "amending act"}
        target.amendments.append(entry)
        changed = True
    for ins in changes:
        units = entry.setdefault("units", [])
        if ins["unit"] not in units:
            units.append(ins["unit"])
            changed = True
        kinds = entry.setdefault("changes", {})
        if ins["unit"] not in kinds:
            kinds[ins["unit"]] = ins["change"]
            changed = True
    return changed


def _mark_units(units: list, amending: Document, changes: list) -> list:
    """The amended act's units the instructions name, each given the amending act in its
    ``changed_in`` (as its footnotes would: date, number, act type, what was done) once; returns
    the units that changed."""
    from maslihat.nlp.amendments import unit_named
    touched = []
    for ins in changes:
        u = unit_named(units, ins["unit"])
        if u is None:
            continue
        same = next((x for x in u.changed_in if x.get("date") == amending.adopted_date
                     and x.get("number") in (None, amending.number)), None)
        if same is None:
            u.changed_in.append({"date": amending.adopted_date, "number": amending.number,
                                 "act_type": amending.doc_type, "change": ins["change"],
                                 "act_id": amending.act_id, "from": "amending act"})
            u.changed_in.sort(key=lambda a: a.get("date") or "")
        elif same.get("act_id") != amending.act_id:
            same["act_id"] = amending.act_id
        else:
            continue
        if u not in touched:
            touched.append(u)
    return touched
