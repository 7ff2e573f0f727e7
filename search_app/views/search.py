"""Search page: one box for RU and KK, facets as clickable filters, highlighted hits, paging, export."""
from __future__ import annotations

import streamlit as st

from maslihat.corpus.api import FACET_NAMES, QueryError
from maslihat.search_app import data, export, i18n, state
from maslihat.search_app.i18n import t
from maslihat.search_app.safe import esc, md_escape, snippet_html
from maslihat.search_app.textview import status_badge

PAGE_SIZE = 10
EXPORT_LIMIT = 500
FACET_ORDER = FACET_NAMES     # the order listed in the taxonomy
FACET_SHOWN = 8


def _on_query() -> None:
    state.sync_from_widget("q", "")
    state.set_param("p", None)


def _on_lang() -> None:
    state.sync_from_widget("lang", "")
    state.set_param("p", None)


def _set_page(n: int) -> None:
    state.set_param("p", None if n <= 1 else n)


def no_corpus(ui: str) -> None:
    st.info(t("no_corpus", ui, path=str(data.db_path())))
    st.code(f"maslihat ingest corpus/samples --db {data.db_path()}", language="bash")


def render(corpus, ui: str) -> None:
    if data.is_empty(corpus):
        no_corpus(ui)
        return
    st.text_input(t("query", ui), key=state.init_widget("q", ""), placeholder=t("query_placeholder", ui),
                  on_change=_on_query)
    st.radio(t("search_lang", ui), ["", "ru", "kk"], key=state.init_widget("lang", "", valid=("", "ru", "kk")),
             format_func=lambda v: t("any_language", ui) if not v else i18n.value_label("language", v, ui),
             horizontal=True, on_change=_on_lang)
    query, lang, flt = state.get("q", ""), state.get("lang"), state.filters()
    try:
        page_no = max(1, int(state.get("p", "1")))
    except ValueError:
        page_no = 1
    try:
        res = corpus.search(query, lang=lang, filters=flt, limit=PAGE_SIZE, offset=(page_no - 1) * PAGE_SIZE)
    except QueryError as e:
        st.error(t("query_error", ui, error=str(e)))
        if flt:
            st.button(t("clear_filters", ui), on_click=state.set_filters, args=({},), key="clear_after_error")
        return

    left, right = st.columns([1, 3], gap="large")
    with left:
        facets_panel(res.get("facets") or {}, flt, ui)
    with right:
        results_panel(corpus, res, query, lang, flt, page_no, ui)


def facets_panel(facets: dict, flt: dict, ui: str) -> None:
    st.subheader(t("facets", ui))
    if flt:
        st.button(t("clear_filters", ui), on_click=state.set_filters, args=({},), key="clear_filters",
                  icon=":material/filter_alt_off:")
    names = [n for n in FACET_ORDER if n in facets] + [n for n in facets if n not in FACET_ORDER]
    for name in names:
        counts = dict(facets.get(name) or {})
        for v in flt.get(name, []):  # a chosen value stays visible (and removable) even at zero
            counts.setdefault(v, 0)
        if not counts:
            continue
        with st.expander(t(f"facet_{name}", ui), expanded=name in flt or name in ("language", "doc_type", "competency")):
            items = sorted(counts.items(), key=lambda kv: (-(kv[0] in flt.get(name, [])), -kv[1], str(kv[0])))
            for value, n in items[:FACET_SHOWN] if name not in flt else items:
                chosen = value in flt.get(name, [])
                label = f"{'✓ ' if chosen else ''}{md_escape(i18n.value_label(name, value, ui))} ({n})"
                st.button(label, key=f"facet:{name}:{value}", on_click=state.toggle_filter, args=(name, str(value)),
                          type="primary" if chosen else "tertiary")


def results_panel(corpus, res: dict, query: str, lang, flt: dict, page_no: int, ui: str) -> None:
    total = int(res.get("total") or 0)
    hits = res.get("hits") or []
    if flt:
        shown = "; ".join(f"{t('facet_' + k, ui)}: {', '.join(i18n.value_label(k, v, ui) for v in vs)}"
                          for k, vs in flt.items())
        st.caption(md_escape(t("active_filters", ui, filters=shown)))
    if not query and not flt:
        st.caption(t("browse_hint", ui))
    if total == 0:
        empty_state(query, lang, flt, ui)
        return
    st.markdown(f"**{md_escape(t('total_hits', ui, total=total, ms=res.get('took_ms', 0)))}**")
    rows = data.rows_by_id()
    for i, h in enumerate(hits):
        hit_card(h, rows.get(h.get("document_id"), {}), i, ui)
    pager(total, page_no, ui)
    export_panel(corpus, query, lang, flt, ui)


def hit_card(h: dict, row: dict, i: int, ui: str) -> None:
    with st.container(border=True):
        date = row.get("adopted_date") or h.get("adopted_date") or ""
        status = row.get("status") or h.get("status")
        head = (f'<div><span class="ms-badge">{esc(h.get("language", "").upper())}</span>'
                f'{status_badge(status, ui)}<span class="ms-hit-title">{esc(h.get("title"))}</span>'
                f'{" · " + esc(date) if date else ""}</div>'
                f'<div><b>{esc(h.get("label"))}</b></div>'
                f'<div class="ms-snippet">{snippet_html(h.get("snippet"))}</div>')
        st.html(head)
        bar = st.container(horizontal=True)
        bar.button(t("open", ui), key=f"open:{i}", on_click=state.navigate,
                   args=("reader",), kwargs={"doc": h["document_id"], "unit": h["unit_id"]},
                   icon=":material/menu_book:")
        if row.get("parallel_id"):
            bar.button(t("open_parallel", ui), key=f"par:{i}", on_click=state.navigate,
                       args=("parallel",), kwargs={"doc": h["document_id"]}, icon=":material/compare:")


def empty_state(query: str, lang, flt: dict, ui: str) -> None:
    st.warning(t("no_hits", ui))
    tips = []
    if lang:
        tips.append(t("hint_other_language", ui))
    if flt:
        tips.append(t("hint_drop_filter", ui, filters=", ".join(
            f"{t('facet_' + k, ui)}: {', '.join(i18n.value_label(k, v, ui) for v in vs)}" for k, vs in flt.items())))
    if query and len(query.split()) > 1:
        tips.append(t("hint_fewer_words", ui))
    if not lang:
        tips.append(t("hint_other_language", ui))
    for tip in dict.fromkeys(tips):
        st.markdown("- " + md_escape(tip))
    if flt:
        st.button(t("clear_filters", ui), on_click=state.set_filters, args=({},), key="clear_empty")


def pager(total: int, page_no: int, ui: str) -> None:
    pages = max(1, -(-total // PAGE_SIZE))
    if pages == 1:
        return
    c1, c2, c3 = st.columns([1, 2, 1])
    c1.button(t("prev", ui), key="prev", disabled=page_no <= 1, on_click=_set_page, args=(page_no - 1,))
    c2.markdown(f"<div style='text-align:center'>{esc(t('page_of', ui, page=page_no, pages=pages))}</div>",
                unsafe_allow_html=True)
    c3.button(t("next", ui), key="next", disabled=page_no >= pages, on_click=_set_page, args=(page_no + 1,))


def export_panel(corpus, query: str, lang, flt: dict, ui: str) -> None:
    with st.expander(t("export", ui)):
        st.caption(t("export_note", ui, n=EXPORT_LIMIT))

        def items() -> list[dict]:
            res = corpus.search(query, lang=lang, filters=flt, limit=EXPORT_LIMIT)
            return export.rows(corpus, res.get("hits") or [])

        c1, c2 = st.columns(2)
        c1.download_button(t("export_csv", ui), data=lambda: export.to_csv(items()), file_name="maslihat-results.csv",
                           mime="text/csv", key="dl_csv", icon=":material/download:")
        c2.download_button(t("export_json", ui), data=lambda: export.to_json(query, flt, items()),
                           file_name="maslihat-results.json", mime="application/json", key="dl_json",
                           icon=":material/download:")
