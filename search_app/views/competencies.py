"""Competencies: every provision on one competency across the corpus, grouped by act, with charts."""
from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from maslihat.search_app import data, export, i18n, state
from maslihat.search_app.i18n import t
from maslihat.search_app.safe import esc, md_escape
from maslihat.search_app.textview import describe_target, doc_caption, status_badge
from maslihat.search_app.views.reader import unit_url

LIMIT = 1000
PER_ACT = 50


def render(corpus, ui: str) -> None:
    if data.is_empty(corpus):
        from maslihat.search_app.views.search import no_corpus
        no_corpus(ui)
        return
    codes = i18n.competency_codes()
    key = state.init_widget("code", codes[0], valid=codes)
    st.selectbox(t("competency", ui), codes, key=key, format_func=lambda c: f"{i18n.competency_label(c, ui)} ({c})",
                 on_change=state.sync_from_widget, args=("code",))
    code = st.session_state[key]
    state.set_param("code", code)
    res = corpus.search("", filters={"competency": [code]}, limit=LIMIT)
    hits = res.get("hits") or []
    groups: dict[str, list[dict]] = {}
    for h in hits:
        groups.setdefault(h["document_id"], []).append(h)
    st.markdown("**" + md_escape(t("provisions_found", ui, n=res.get("total", len(hits)), acts=len(groups))) + "**")

    facets = res.get("facets") or {}
    c1, c2 = st.columns(2)
    with c1:
        bar(facets.get("doc_type") or {}, t("by_doc_type", ui), lambda v: i18n.value_label("doc_type", v, ui), ui)
    with c2:
        bar(facets.get("year") or {}, t("by_year", ui), str, ui, sort_by_value=True)

    rows = data.rows_by_id()
    for doc_id, items in groups.items():
        row = rows.get(doc_id, {"id": doc_id, "title": items[0].get("title"), "language": items[0].get("language")})
        with st.expander(f"{md_escape(doc_caption(row, ui))} — {len(items)}", expanded=len(groups) <= 3):
            st.html(status_badge(row.get("status"), ui) + "<ul>" + "".join(
                f'<li><a href="{esc(unit_url(doc_id, h["unit_id"]))}" target="_self"><b>{esc(h.get("label"))}</b></a> '
                f'{esc(_short(h.get("text")))}</li>' for h in items[:PER_ACT]) + "</ul>")
    if hits:
        st.download_button(t("export_csv", ui), data=lambda: export.to_csv(export.rows(corpus, hits)),
                           file_name=f"maslihat-{code}.csv", mime="text/csv", key="dl_comp_csv")
    st.divider()
    cited(corpus, ui)


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
