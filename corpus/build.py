"""Documents -> units and references: the structure stage, run on every document before it is stored."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from maslihat.core.ids import NATIONAL_DOC_TYPES
from maslihat.core.model import Document, Reference, Unit

# Containers carry no text of their own worth tagging; their children are tagged instead.
UNTAGGED_KINDS = {"section", "chapter", "subchapter", "appendix", "toc", "title", "signature", "heading"}


@dataclass
class Built:
    doc: Document
    units: list[Unit] = field(default_factory=list)
    refs: list[Reference] = field(default_factory=list)
    # unit id -> its index row's terms (``corpus.index.rows.unit_terms``), computed here so the
    # process that stores the documents need not normalise the text again; None: not computed
    terms: Optional[dict[str, str]] = None
    # the document's facts as stored (``nlp.facts.document_facts``, JSON), computed by ``add_facts``
    # where the document is built, so a worker process, not the one storing, pays for them
    facts: Optional[list[dict]] = None


def build(doc: Document) -> Built:
    """Segment, tag competencies and find references of one document (pure: no store access)."""
    from maslihat.nlp.analyze import TermIndex
    from maslihat.nlp.competency import lead_ins, tag_terms
    from maslihat.nlp.references import find_references
    from maslihat.nlp.segment import segment

    units = segment(doc)
    from maslihat.nlp.amendments import attach
    amendments = attach(doc, units)              # footnotes -> each provision's changed_in
    if amendments and doc.doc_type in NATIONAL_DOC_TYPES:
        from maslihat.ingest.identity import keep_linked
        # national acts: the history by amending act (meta.yaml's caused_by and links kept)
        doc.amendments = keep_linked(amendments, doc.amendments)
    from maslihat.ingest.identity import amends_several
    if not doc.amends and amends_several(doc.title):
        # «О внесении изменений в некоторые решения …»: the acts its instructions name
        from maslihat.nlp.amendments import targets
        doc.amends = targets(doc)
    terms = TermIndex(doc.text, doc.language)   # the words of the document normalised once
    leads = lead_ins(units, doc.text)           # an item of a list reads its list's lead-in with it
    from maslihat.corpus.store_context import ROW_KINDS, ROW_LEAD, is_table_row
    from maslihat.nlp.analyze import index_terms
    from maslihat.nlp.competency import headings
    title = tuple(index_terms(doc.title, doc.language)) if doc.title else ()
    heads = headings(units)
    for u in units:
        if u.kind in UNTAGGED_KINDS:
            continue
        lead = terms.terms_of(*leads[u.id]) if u.id in leads else ()
        row = u.kind in ROW_KINDS and is_table_row(doc.text[u.start:min(u.end, u.start + ROW_LEAD)])
        # a unit with no code of its own reads its act's title (a rate table's row above all)
        act = tuple(index_terms(heads[u.id], doc.language)) + title if u.id in heads else title
        found = tag_terms(terms.terms_of(u.start, u.end), doc.language, lead, act, row)
        u.competencies = sorted(found)
        u.explain = {k: list(v) for k, v in found.items()}
    refs = find_references(doc, units)
    from maslihat.nlp.amendments import repealed_acts
    for a in repealed_acts(doc, units, refs):    # the acts it ends: repealed when they are in the corpus
        if not any((x.get("date"), x.get("number")) == (a["date"], a["number"]) for x in doc.amends):
            doc.amends = list(doc.amends) + [a]
    from maslihat.corpus.index.rows import unit_terms
    return Built(doc, units, refs, unit_terms(units, terms))


def add_facts(builts: list[Built]) -> None:
    """The facts of each built document not yet given them. They read the document's text and its
    units' spans and ids only, which nothing after building changes (alignment sets parallel ids,
    resolution the references): the same facts wherever they are computed."""
    from maslihat.nlp.facts import document_facts
    for b in builts:
        if b.facts is None:
            b.facts = [f.to_json() for f in document_facts(b.doc, b.units)]


def align_parallel(a: Built, b: Built) -> list[tuple[Optional[str], Optional[str], float]]:
    """Link each unit of one language version to its counterpart in the other (sets parallel_id)."""
    from maslihat.nlp.align import align

    pairs = align(a.doc, a.units, b.doc, b.units)
    by_a = {u.id: u for u in a.units}
    by_b = {u.id: u for u in b.units}
    for ua, ub, _ in pairs:
        if ua and ub and ua in by_a and ub in by_b:
            by_a[ua].parallel_id = ub
            by_b[ub].parallel_id = ua
    a.doc.parallel_id, b.doc.parallel_id = b.doc.id, a.doc.id
    return pairs
