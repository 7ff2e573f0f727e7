"""Search page: one box for RU and KK, facets as clickable filters, highlighted hits, paging, export."""
from __future__ import annotations

import streamlit as st

from maslihat.corpus.api import FACET_NAMES, SEARCHED_AS, QueryError, offered_counts
from maslihat.search_app import data, errors, export, i18n, state
from maslihat.search_app.i18n import t
from maslihat.search_app.safe import esc, md_escape, snippet_html
from maslihat.search_app.textview import appendix_place, status_badge

PAGE_SIZE = 10
EXPORT_LIMIT = 500
FACET_ORDER = FACET_NAMES     # the order listed in the taxonomy
FACET_SHOWN = 8
FACETS_OPEN = ("language", "doc_type", "competency")


def _set_page(n: int) -> None:
    state.update(p=None if n <= 1 else n)


def _toggle_filters() -> None:
    st.session_state["show_filters"] = not st.session_state.get("show_filters", False)


def no_corpus(ui: str) -> None:
    st.info(t("no_corpus", ui, path=str(data.db_path())))
    st.code(f"maslihat ingest corpus/samples --db {data.db_path()}", language="bash")


def render(corpus, ui: str) -> None:
    if data.is_empty(corpus):
        no_corpus(ui)
        return
    st.text_input(t("query", ui), key=state.bind("q", ""), placeholder=t("query_placeholder", ui),
                  on_change=state.from_widget, args=("q", ""), kwargs={"reset": ("p",)})
    suffix = "_" + ui  # the options' labels are in the interface language: one widget per language
    st.radio(t("search_lang", ui), ["", "ru", "kk"], key=state.bind("lang", "", valid=("", "ru", "kk"), suffix=suffix),
             format_func=lambda v: t("any_language", ui) if not v else i18n.value_label("language", v, ui),
             horizontal=True, on_change=state.from_widget, args=("lang", "", suffix), kwargs={"reset": ("p",)})
    query, lang, flt = state.get("q", ""), state.search_lang(), state.filters()
    try:
        page_no = max(1, int(state.get("p", "1")))
    except ValueError:
        page_no = 1
    try:
        res = corpus.search(query, lang=lang, filters=flt, limit=PAGE_SIZE, offset=(page_no - 1) * PAGE_SIZE)
    except QueryError as e:
        st.error(t("query_error", ui, error=errors.query_error(e, ui)))
        if flt:
            st.button(t("clear_filters", ui), on_click=state.set_filters, args=({},), key="clear_after_error")
        return

    row = st.container(key="ms_search")
    left, right = row.columns([1, 3], gap="large")
    with right:
        n_flt = sum(len(v) for v in flt.values())
        st.button(t("show_filters", ui, n=n_flt) if n_flt else t("show_filters_none", ui), key="ms_filters_btn",
                  icon=":material/filter_list:", on_click=_toggle_filters)
        results_panel(corpus, res, query, lang, flt, page_no, ui)
    with left:
        with st.container(key="ms_facets_open" if st.session_state.get("show_filters") else "ms_facets"):
            facets_panel(res.get("facets") or {}, flt, ui)


def facets_panel(facets: dict, flt: dict, ui: str) -> None:
    st.subheader(t("facets", ui))
    if flt:
        st.button(t("clear_filters", ui), on_click=state.set_filters, args=({},), key="clear_filters",
                  icon=":material/filter_alt_off:")
    names = [n for n in FACET_ORDER if n in facets] + [n for n in facets if n not in FACET_ORDER]
    for name in names:
        counts = offered_counts(name, facets.get(name) or {})     # «in force» keeps the status unknown
        for v in flt.get(name, []):  # a chosen value stays visible (and removable) even at zero
            counts.setdefault(v, 0)
        if not counts:
            continue
        opened = name in flt or name in st.session_state.get("open_facets", ()) or name in FACETS_OPEN
        with st.expander(t(f"facet_{name}", ui), expanded=opened, key=f"fx_{name}_{ui}"):
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
    if total == 0:
        empty_state(query, lang, flt, ui, res.get("suggestions") or [])
        return
    if query:
        st.markdown(f"**{md_escape(t('total_hits', ui, total=total, ms=res.get('took_ms', 0)))}**")
        if res.get("corrected_query"):      # a query read otherwise: Kazakh letters, keyboard, Latin
            key = SEARCHED_AS.get(res.get("correction"), "searched_as")
            st.caption(md_escape(t(key, ui, query=res["corrected_query"])))
        if res.get("unseen"):               # words no unit holds, searched by their first letters too
            st.caption(md_escape(t("unseen_kin", ui, words=", ".join(u.get("word") or u["term"] for u in res["unseen"]),
                                   prefixes=", ".join(u["prefix"] + "…" for u in res["unseen"]))))
        if res.get("named"):                # the act the query names by its title words ranks first
            st.caption(md_escape(t("named_act", ui, title="; ".join(f"«{n['title']}»" for n in res["named"]))))
        if res.get("aligned"):              # words translated by the corpus's aligned provisions
            st.caption(md_escape(t("aligned_terms", ui, pairs=", ".join(
                f"{a['term']} → {' / '.join(a['translations'])}" for a in res["aligned"]))))
    else:  # no query: the list is every unit (of the filters), in corpus order
        st.markdown(f"**{md_escape(t('browse_all', ui, total=total))}**")
    rows = data.rows_for(h.get("document_id") for h in hits)
    places: dict = {}
    for i, h in enumerate(hits):
        hit_card(h, rows.get(h.get("document_id"), {}), i, ui, appendix_place(corpus, h["unit_id"], places))
    pager(total, page_no, ui)
    export_panel(corpus, query, lang, flt, ui)


def hit_card(h: dict, row: dict, i: int, ui: str, place: str = "") -> None:
    with st.container(border=True):
        date = row.get("adopted_date") or h.get("adopted_date") or ""
        status = row.get("status") or h.get("status")
        head = (f'<div><span class="ms-badge">{esc(h.get("language", "").upper())}</span>'
                f'{status_badge(status, ui)}<span class="ms-hit-title">{esc(h.get("title"))}</span>'
                f'{" · " + esc(date) if date else ""}</div>'
                f'<div>{(esc(place) + " › ") if place else ""}<b>{esc(h.get("label"))}</b></div>'
                + (f'<div class="ms-lead">{esc(_short(h.get("lead_in"), 200))} …</div>' if h.get("lead_in") else "")
                + f'<div class="ms-snippet">{snippet_html(h.get("snippet"))}</div>')
        if h.get("parallel_text"):  # the search layer's counterpart in the other language, when it sends one
            badge = t("matched_parallel" if h.get("matched_in") else "parallel_unit", ui)   # found by that text
            head += (f'<div class="ms-par"><span class="ms-badge">{esc(badge)}</span>'
                     f'{esc(_short(h.get("parallel_text")))}</div>')
        if h.get("copies"):    # the other acts that state this provision word for word, each a link to it
            from maslihat.search_app.views.reader import unit_url
            links = "; ".join(f'<a href="{esc(unit_url(c["document_id"], c["unit_id"]))}" target="_self">'
                              f'{esc(_short(c.get("title"), 90))} {esc(c.get("label"))}</a>' for c in h["copies"])
            head += f'<div class="ms-copies">{esc(t("also_in", ui))} {links}</div>'
        if h.get("facts"):     # issue 15: «срок: не позднее 1 мес.»
            from maslihat.search_app.views.facts import hit_summary
            head += f'<div class="ms-facts">{esc(hit_summary(h["facts"], ui))}</div>'
        st.html(head)
        bar = st.container(horizontal=True)
        bar.button(t("open", ui), key=f"open:{i}", on_click=state.navigate,
                   args=("reader",), kwargs={"doc": h["document_id"], "unit": h["unit_id"]},
                   icon=":material/menu_book:")
        if row.get("parallel_id"):
            bar.button(t("open_parallel", ui), key=f"par:{i}", on_click=state.navigate,
                       args=("parallel",), kwargs={"doc": h["document_id"], "unit": h["unit_id"]},
                       icon=":material/compare:")


def _short(text, n: int = 240) -> str:
    s = " ".join(str(text or "").split())
    return s if len(s) <= n else s[: n - 1] + "…"


def empty_state(query: str, lang, flt: dict, ui: str, suggestions: list = ()) -> None:
    st.warning(t("no_hits", ui))
    if suggestions:     # the corpus's nearest words and the query in the other language: one click each
        st.markdown(md_escape(t("did_you_mean", ui)))
        bar = st.container(horizontal=True)
        for i, word in enumerate(suggestions):
            bar.button(md_escape(word), key=f"suggest:{i}", on_click=state.update, kwargs={"q": word, "p": None},
                       type="tertiary")
    tips = []
    if lang:  # only then is "both languages" something the user can still do
        tips.append(t("hint_other_language", ui))
    if flt:
        tips.append(t("hint_drop_filter", ui, filters=", ".join(
            f"{t('facet_' + k, ui)}: {', '.join(i18n.value_label(k, v, ui) for v in vs)}" for k, vs in flt.items())))
    if query and len(query.split()) > 1:
        tips.append(t("hint_fewer_words", ui))
    if query and not lang:
        tips.append(t("hint_phrase_other", ui))
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
