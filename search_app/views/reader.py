"""Reader: an act's contents, its text with every reference a link, backlinks, notes and status."""
from __future__ import annotations

import streamlit as st

from maslihat.core.grammar import human_date
from maslihat.core.model import joint_act_words
from maslihat.corpus.api import NotFound
from maslihat.search_app.behaviour import anchor_id
from maslihat.search_app.citation import cite
from maslihat.search_app import data, i18n, state
from maslihat.search_app.i18n import t
from maslihat.search_app.safe import esc, md_escape
from maslihat.search_app.textview import (children_map, describe_target, doc_caption, render_text, status_badge,
                                 toc_html)


def pick_document(rows: list[dict], current: str | None, ui: str, page: str = "reader",
                  param: str = "doc", label_key: str = "choose_document") -> str | None:
    """A document select box that shows the URL's document; choosing one navigates (one history entry)."""
    ids = [r["id"] for r in rows]
    if not ids:
        return None
    key = state.bind(param, ids[0], valid=ids)
    by_id = {r["id"]: r for r in rows}
    st.selectbox(t(label_key, ui), ids, key=key, format_func=lambda i: doc_caption(by_id[i], ui),
                 on_change=lambda: state.navigate(page, **{param: st.session_state[key]}))
    return st.session_state[key]


def unit_url(doc_id: str, unit_id: str | None = None) -> str:
    return state.link("reader", doc=doc_id, unit=unit_id)


def ref_href(r) -> str | None:
    if r.resolved_unit_id:
        return unit_url(r.resolved_document_id or r.resolved_unit_id.rsplit("/", 1)[0], r.resolved_unit_id)
    if r.resolved_document_id:
        return unit_url(r.resolved_document_id)
    return None


def render(corpus, ui: str) -> None:
    if data.is_empty(corpus):
        from maslihat.search_app.views.search import no_corpus
        no_corpus(ui)
        return
    rows = data.document_rows(latest_only=False)
    doc_id = pick_document(rows, state.get("doc"), ui)
    try:
        doc = corpus.document(doc_id)
    except NotFound:
        st.warning(t("not_found", ui, id=md_escape(doc_id)))
        return
    units = corpus.units(doc.id)
    by_id = {u.id: u for u in units}
    unit_id = state.get("unit")
    unit = by_id.get(unit_id) if unit_id else None
    if unit_id and unit is None:
        st.warning(t("not_found", ui, id=md_escape(unit_id)))
    refs = corpus.references(doc.id)
    header(corpus, doc, ui, compact=unit is not None)

    left, right = st.columns([1, 3], gap="large")
    with left:
        toc = toc_html(units, unit.id if unit else None, lambda u: unit_url(doc.id, u.id), ui, doc.text)
        # desktop: the contents beside the text; phone: one folded line above it
        st.html(f'<div class="ms-desk"><h3>{esc(t("contents", ui))}</h3>{toc}</div>'
                f'<details class="ms-phone"><summary>{esc(t("contents", ui))}</summary>{toc}</details>')
    with right:
        kids = children_map(units)
        if unit is not None:
            unit_panel(corpus, doc, unit, kids, refs, units, ui)
        notes = [u for u in units if u.kind == "note"]
        with st.expander(t("full_text", ui), expanded=unit is None):
            st.html(render_text(doc.text, 0, len(doc.text), refs, notes, ref_href, ui))
        if unit is None:
            backlinks_block(corpus, corpus.backlinks(doc_id=doc.id), ui)


def header(corpus, doc, ui: str, compact: bool = False) -> None:
    """Title, repeal banner, requisites (folded away while a unit is in focus), editions, other language."""
    st.html(f"<h3>{esc(doc.title)}</h3>")
    if doc.status == "repealed":
        what = describe_target(doc.repealed_by or {}) if doc.repealed_by else ""
        st.html(f'<div class="ms-banner">⚠ {esc(t("repealed_banner", ui))}'
                f'{(" — " + esc(t("repealed_by", ui, what=what))) if what else ""}</div>')
    reg = doc.registration or {}
    joint = joint_act_words(doc.extra, lambda kind: i18n.value_label("doc_type", kind, ui))
    meta = [("meta_type", i18n.value_label("doc_type", doc.doc_type, ui)), ("meta_issuer", doc.issuer),
            ("meta_date", doc.adopted_date), ("meta_number", doc.number), ("meta_joint", joint),
            ("meta_registration", " ".join(str(x) for x in (reg.get("date"), ("№ " + str(reg["number"])) if reg.get("number") else None, reg.get("authority")) if x)),
            ("meta_language", i18n.value_label("language", doc.language, ui)), ("meta_source", doc.source)]
    cells = "".join(f"<tr><th style='text-align:left;padding-right:1em'>{esc(t(k, ui))}</th><td>{esc(v)}</td></tr>"
                    for k, v in meta if v)
    cells += f"<tr><th style='text-align:left'>{esc(t('meta_status', ui))}</th><td>{status_badge(doc.status, ui)}</td></tr>"
    if doc.amendments:
        am = "; ".join(" ".join(str(x) for x in (a.get("date"), ("№ " + str(a["number"])) if a.get("number") else None) if x)
                       + (f" ({', '.join(i18n.unit_ref(str(u), ui) + _change(a.get('changes', {}).get(u), ui) for u in a.get('units') or [])})"
                          if a.get("units") else "")
                       for a in doc.amendments)
        cells += f"<tr><th style='text-align:left'>{esc(t('amended_on', ui))}</th><td>{esc(am)}</td></tr>"
    if compact:
        with st.expander(t("meta_requisites", ui)):
            st.html(f"<table>{cells}</table>")
    else:
        st.html(f"<table>{cells}</table>")
    links = []
    if doc.parallel_id:
        links.append(f'<a href="{esc(state.link("reader", doc=doc.parallel_id))}" target="_self">'
                     f'{esc(t("parallel_version", ui))}</a> · <a href="{esc(state.link("parallel", doc=doc.id))}" '
                     f'target="_self">{esc(t("page_parallel", ui))}</a>')
    try:
        versions = corpus.versions(doc.id)
    except NotFound:
        versions = []
    if len(versions) > 1:
        # editions in their own date order (corpus.versions), each with the date it speaks for
        def _ed(v) -> str:
            return f'#{esc(v.get("version"))}' + (f' ({esc(v.get("as_of"))})' if v.get("as_of") else "")
        vs = ", ".join(
            (f'<b>{_ed(v)}</b>' if v.get("id") == doc.id else
             f'<a href="{esc(state.link("reader", doc=v.get("id")))}" target="_self">{_ed(v)}</a>')
            for v in versions)
        others = [v.get("id") for v in versions if v.get("id") != doc.id]
        cmp = (f' · <a href="{esc(state.link("compare", a=others[-1], b=doc.id))}" target="_self">'
               f'{esc(t("page_compare", ui))}</a>') if others else ""
        links.append(f'{esc(t("versions", ui))}: {vs}{cmp}')
    if links:
        st.html("<div>" + "<br>".join(links) + "</div>")


def _change(kind, ui: str) -> str:
    """« (new wording)»: what an amendment did to a provision, in the interface language (the words the
    command line prints too, core/data/messages.yaml); "" when unknown."""
    from maslihat.core.messages import t as message
    return f" ({message('change_' + kind, i18n.norm_ui(ui))})" if kind in ("new_wording", "repealed", "added", "amended") else ""


def unit_panel(corpus, doc, unit, kids: dict, refs: list, units: list, ui: str) -> None:
    """The provision in focus: its text with every reference a link, notes, counterpart, citation."""
    with st.container(border=True, key="ms_unit"):
        title = unit.label + (f". {unit.heading}" if unit.heading else "")
        where = place_of(unit, {u.id: u for u in units}, doc, ui)
        st.html(f'<div id="{anchor_id(unit.id)}" class="ms-anchor"></div>'
                + (f'<div class="ms-where">{esc(where)}</div>' if where else "") + f"<h4>{esc(title)}</h4>")
        notes = [c for c in kids.get(unit.id, []) if c.kind == "note"]
        st.html(render_text(doc.text, unit.start, unit.end, refs, notes, ref_href, ui))
        own = [r for r in refs if unit.start <= r.start and r.end <= unit.end]
        if own:
            st.html(refs_list(own, ui))
        if notes:
            st.html(f"<b>{esc(t('notes', ui))}</b>" + "".join(
                f'<span class="ms-note">{esc(doc.text[n.start:n.end].strip())}</span>' for n in notes))
        if getattr(unit, "changed_in", None):       # amending acts named by the unit's footnotes
            st.html(f"<div><b>{esc(t('amended_on', ui))}</b>: " + "; ".join(
                esc(f"{human_date(a.get('date'), doc.language)} № {a.get('number') or ''}{_change(a.get('change'), ui)}")
                for a in unit.changed_in)
                + "</div>")
        if unit.parallel_id:
            try:
                other = corpus.unit(unit.parallel_id)
                st.html(f'{esc(t("parallel_unit", ui))}: <a href="{esc(unit_url(other.document_id, other.id))}"'
                        f' target="_self">{esc(other.label)}</a> — {esc(_short(corpus.unit_text(other)))}'
                        f' · <a href="{esc(state.link("parallel", doc=doc.id, unit=unit.id))}" target="_self">'
                        f'{esc(t("page_parallel", ui))}</a>')
            except NotFound:
                pass
        if unit.competencies:
            st.html(" ".join(f'<span class="ms-badge">{esc(i18n.competency_label(c, ui))}</span>' for c in unit.competencies))
        st.caption(t("cite", ui))
        st.code(cite(unit, doc, units), language=None, wrap_lines=True)
        backlinks_block(corpus, corpus.backlinks(unit_id=unit.id), ui)


def refs_list(refs: list, ui: str) -> str:
    """The provision's references as a list of links (or descriptions of acts outside the corpus)."""
    items = []
    for r in refs:
        href = ref_href(r)
        desc = describe_target(getattr(r, "target", {}) or {})
        if href:
            items.append(f'<li><a class="ms-ref" href="{esc(href)}" target="_self">{esc(r.surface)}</a></li>')
        else:
            items.append(f'<li>{esc(r.surface)} — <i>{esc(t("external_ref", ui))}{(": " + esc(desc)) if desc else ""}</i></li>')
    return f'<div class="ms-refs"><b>{esc(t("references", ui))}</b><ul>{"".join(items)}</ul></div>'


def place_of(unit, by_id: dict, doc, ui: str) -> str:
    """Where a unit sits: 'прил. 1 «Регламент …» › гл. 2' (empty in the act's own operative part)."""
    chain = []
    cur = by_id.get(unit.parent_id) if unit.parent_id else None
    while cur is not None:
        if cur.kind in ("appendix", "section", "chapter", "subchapter", "article"):
            chain.append(cur.label + (f" «{cur.heading}»" if cur.kind == "appendix" and cur.heading else ""))
        cur = by_id.get(cur.parent_id) if cur.parent_id else None
    return " › ".join(reversed(chain))


def _short(text: str, n: int = 160) -> str:
    s = " ".join((text or "").split())
    return s if len(s) <= n else s[: n - 1] + "…"


def backlinks_block(corpus, links: list, ui: str) -> None:
    st.html(f"<b>{esc(t('cited_by', ui))}</b>")
    if not links:
        st.caption(t("no_backlinks", ui))
        return
    rows = data.rows_for(r.document_id for r in links)
    items = []
    for r in links:
        row = rows.get(r.document_id, {})
        where = row.get("title") or r.document_id
        if r.unit_id:
            try:
                where = f"{corpus.unit(r.unit_id).label} — {where}"
            except NotFound:
                pass
        items.append(f'<li><a href="{esc(unit_url(r.document_id, r.unit_id))}" target="_self">{esc(where)}</a>'
                     f' — <i>{esc(r.surface)}</i></li>')
    st.html("<ul>" + "".join(items) + "</ul>")
