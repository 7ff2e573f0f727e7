"""Competencies: every provision on one competency across the corpus in one filterable list, with charts."""
from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from maslihat.search_app import data, export, i18n, state
from maslihat.search_app.i18n import t
from maslihat.search_app.safe import esc, md_escape
from maslihat.search_app.textview import appendix_place, describe_target, doc_caption
from maslihat.search_app.views.reader import unit_url

LIMIT = 1000


def render(corpus, ui: str) -> None:
    if data.is_empty(corpus):
        from maslihat.search_app.views.search import no_corpus
        no_corpus(ui)
        return
    codes = i18n.competency_codes()
    suffix = "_" + ui  # labels in the interface language: one widget per language, codes in the URL
    key = state.bind("code", codes[0], valid=codes, suffix=suffix)
    st.selectbox(t("competency", ui), codes, key=key, format_func=lambda c: i18n.competency_label(c, ui),
                 on_change=state.from_widget, args=("code", None, suffix),
                 kwargs={"reset": ("c_lang", "c_doc", "c_type")})
    code = st.session_state[key]
    res = corpus.search("", filters={"competency": [code]}, limit=LIMIT)
    hits = res.get("hits") or []
    total = int(res.get("total", len(hits)) or 0)
    acts = {h["document_id"] for h in hits}
    st.markdown("**" + md_escape(t("provisions_found", ui, n=total, acts=len(acts))) + "**")

    facets = res.get("facets") or {}
    c1, c2 = st.columns(2)
    with c1:
        bar(facets.get("doc_type") or {}, t("by_doc_type", ui), lambda v: i18n.value_label("doc_type", v, ui), ui)
    with c2:
        bar(facets.get("year") or {}, t("by_year", ui), str, ui, sort_by_value=True)

    shown = flat_list(corpus, hits, total, ui, suffix)
    if shown:
        st.download_button(t("export_csv", ui), data=lambda: export.to_csv(export.rows(corpus, shown)),
                           file_name=f"maslihat-{code}.csv", mime="text/csv", key="dl_comp_csv",
                           icon=":material/download:")
    st.divider()
    cited(corpus, ui)


def _count_options(hits: list[dict], field: str) -> dict:
    counts: dict = {}
    for h in hits:
        counts[h.get(field)] = counts.get(h.get(field), 0) + 1
    return counts


def filter_hits(hits: list[dict], lang: str | None, doc: str | None, typ: str | None) -> list[dict]:
    """The provisions left by the list's filters (language, act, document type); None = any."""
    return [h for h in hits if (not lang or h.get("language") == lang) and (not doc or h.get("document_id") == doc)
            and (not typ or h.get("doc_type") == typ)]


def flat_list(corpus, hits: list[dict], total: int, ui: str, suffix: str) -> list[dict]:
    """Every provision of the competency in one table, filterable, each row a link to the reader."""
    rows = data.rows_for(h.get("document_id") for h in hits)
    langs, docs, types = (_count_options(hits, f) for f in ("language", "document_id", "doc_type"))
    f1, f2, f3 = st.columns([1, 3, 1])
    k_lang = state.bind("c_lang", "", valid=[""] + list(langs), suffix=suffix)
    f1.selectbox(t("comp_filter_lang", ui), [""] + sorted(langs), key=k_lang,
                 format_func=lambda v: f"{i18n.value_label('language', v, ui)} ({langs[v]})" if v else t("all_values", ui),
                 on_change=state.from_widget, args=("c_lang", "", suffix))
    k_type = state.bind("c_type", "", valid=[""] + list(types), suffix=suffix)
    f3.selectbox(t("comp_filter_type", ui), [""] + sorted(types), key=k_type,
                 format_func=lambda v: f"{i18n.value_label('doc_type', v, ui)} ({types[v]})" if v else t("all_values", ui),
                 on_change=state.from_widget, args=("c_type", "", suffix))
    lang, typ = st.session_state[k_lang] or None, st.session_state[k_type] or None
    doc_opts = [d for d in docs if filter_hits([h for h in hits if h["document_id"] == d], lang, None, typ)]
    k_doc = state.bind("c_doc", "", valid=[""] + doc_opts, suffix=suffix)

    def act_label(d: str) -> str:
        if not d:
            return t("all_values", ui)
        row = rows.get(d, {"id": d})
        return f"{doc_caption(row, ui)} ({docs[d]})"
    f2.selectbox(t("comp_filter_act", ui), [""] + doc_opts, key=k_doc, format_func=act_label,
                 on_change=state.from_widget, args=("c_doc", "", suffix))
    shown = filter_hits(hits, lang, st.session_state[k_doc] or None, typ)
    st.caption(t("comp_shown", ui, n=len(shown), total=total))
    if not shown:
        return []
    places: dict = {}
    table = pd.DataFrame([{  # the link and the provision first: on a narrow screen they stay in view
        t("comp_col_link", ui): unit_url(h["document_id"], h["unit_id"]),
        t("comp_col_unit", ui): " › ".join(p for p in (appendix_place(corpus, h["unit_id"], places), h.get("label")) if p),
        t("comp_col_text", ui): _short(h.get("text")),
        t("comp_col_act", ui): doc_caption(rows.get(h["document_id"], {"id": h["document_id"], "title": h.get("title")}), ui),
    } for h in shown])
    st.dataframe(table, hide_index=True, width="stretch", key="comp_table",
                 column_config={t("comp_col_link", ui): st.column_config.LinkColumn(
                     t("comp_col_link", ui), display_text=t("open", ui), width="small")})
    return shown


def _short(text: str | None, n: int = 220) -> str:
    s = " ".join((text or "").split())
    return s if len(s) <= n else s[: n - 1] + "…"


def bar(counts: dict, title: str, label, ui: str, sort_by_value: bool = False) -> None:
    st.caption(title)
    if not counts:
        st.caption("—")
        return
    df = pd.DataFrame({"value": [label(k) for k in counts], "n": list(counts.values()), "key": list(counts)})
    order = sorted(df["value"]) if sort_by_value else "-x"
    chart = alt.Chart(df).mark_bar().encode(
        x=alt.X("n:Q", title=t("count", ui)), y=alt.Y("value:N", sort=order, title=None),
        tooltip=[alt.Tooltip("value:N", title=title), alt.Tooltip("n:Q", title=t("count", ui))])
    st.altair_chart(chart, width="stretch")


def cited(corpus, ui: str) -> None:
    st.subheader(t("most_cited", ui))
    acts = corpus.cited_acts(15)
    if not acts:
        st.caption(t("nothing_cited", ui))
        return
    names = []
    for a in acts:
        name = describe_target(a.get("target") or {}) or a.get("key") or "?"
        names.append(name if len(name) <= 80 else name[:79] + "…")
    df = pd.DataFrame({"act": names, "n": [a.get("citations", 0) for a in acts],
                       "docs": [a.get("citing_documents", 0) for a in acts]})
    chart = alt.Chart(df).mark_bar(color="#0b5cad").encode(
        x=alt.X("n:Q", title=t("citations", ui)), y=alt.Y("act:N", sort="-x", title=None, axis=alt.Axis(labelLimit=420)),
        tooltip=["act:N", "n:Q", "docs:Q"])
    st.altair_chart(chart, width="stretch")
    links = [f'<li><a href="{esc(state.link("reader", doc=a["resolved_document_id"]))}" target="_self">{esc(n)}</a></li>'
             for a, n in zip(acts, names) if a.get("resolved_document_id")]
    if links:
        st.html("<ul>" + "".join(links) + "</ul>")
    graph = corpus.citation_graph(len(acts))
    if graph["edges"]:
        st.graphviz_chart(citation_dot(graph, dict(zip((a["key"] for a in acts), names))), width="stretch")


def dot_quote(text: str) -> str:
    """A DOT string literal: document titles are untrusted, so only plain quoted labels are used."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def citation_dot(graph: dict, act_names: dict) -> str:
    """Citing documents (boxes) -> most-cited acts (ellipses), edges weighted by the number of references."""
    lines = ["digraph citations {", "rankdir=LR;", 'node [fontname="Helvetica", fontsize=10];']
    for doc_id, title in graph["documents"].items():
        short = title if len(title) <= 60 else title[:59] + "…"
        lines.append(f"{dot_quote('d:' + doc_id)} [shape=box, label={dot_quote(short)}];")
    for key, name in act_names.items():
        short = name if len(name) <= 60 else name[:59] + "…"
        lines.append(f"{dot_quote('a:' + key)} [shape=ellipse, style=filled, fillcolor=\"#dbe8f6\", label={dot_quote(short)}];")
    for e in graph["edges"]:
        lines.append(f"{dot_quote('d:' + e['from'])} -> {dot_quote('a:' + e['to'])} "
                     f"[penwidth={1 + min(e['count'], 8) / 2:.1f}, label={dot_quote(str(e['count']))}];")
    lines.append("}")
    return "\n".join(lines)
