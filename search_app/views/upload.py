"""Add documents from the browser: upload, progress, each file's outcome, the corpus quarantine."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from maslihat.core import config
from maslihat.search_app import data, i18n, state, uploads
from maslihat.search_app.safe import esc
from maslihat.search_app.i18n import t


def render(corpus, ui: str) -> None:
    limit = config.upload_limit_bytes()
    mb = f"{limit / 1048576:.0f}"
    st.caption(t("upload_limit", ui, mb=mb))
    files = st.file_uploader(t("upload_files", ui), accept_multiple_files=True, key="w_uploads")
    if files and st.button(t("ingest_button", ui), type="primary", key="ingest"):
        bar = st.progress(0.0, text=t("ingesting", ui))

        def progress(o: uploads.Outcome, done: int, total: int) -> None:
            bar.progress(min(1.0, done / max(total, 1)), text=f"{t('ingesting', ui)} {done}/{total}")

        with st.spinner(t("ingesting", ui)):
            results = uploads.ingest_uploads([(f.name, f.getvalue()) for f in files], db=str(data.db_path()),
                                             limit=limit, on_outcome=progress)
        bar.progress(1.0)
        data.refresh()
        st.session_state["upload_results"] = results
    results = st.session_state.get("upload_results")
    if results:
        show_results(results, ui)
    if corpus is not None:
        q = corpus.quarantined()
        with st.expander(t("quarantine_list", ui, n=len(q))):
            if q:
                from maslihat.core.reasons import message as reason_in
                st.dataframe(pd.DataFrame([{t("file", ui): x.path, t("detail", ui): reason_in(x.reason, ui)} for x in q]),
                             hide_index=True, width="stretch")


def show_results(results: list, ui: str) -> None:
    n = {k: sum(1 for r in results if r.outcome == k) for k in ("ingested", "unchanged", "quarantined")}
    rejected = sum(1 for r in results if r.outcome in ("too_large", "failed"))
    msg = t("ingest_done", ui, added=n["ingested"], unchanged=n["unchanged"], quarantined=n["quarantined"],
            rejected=rejected)
    (st.success if not (n["quarantined"] or rejected) else st.warning)(msg)
    st.dataframe(pd.DataFrame([{t("file", ui): r.name, t("outcome", ui): t("outcome_" + r.outcome, ui),
                                t("detail", ui): detail(r, ui)} for r in results]),
                 hide_index=True, width="stretch")
    links = [f'<li>{esc(r.name)}: ' + ", ".join(
        f'<a href="{esc(state.link("reader", doc=d))}" target="_self">{esc(t("open_document", ui))} '
        f'({esc(i18n.value_label("language", lang, ui))}, {esc(i18n.value_label("doc_type", typ, ui))})</a>'
        for d, (lang, typ) in zip(r.documents, r.kinds)) + "</li>" for r in results if r.documents]
    if links:
        st.html(f'<div class="ms-uploaded"><b>{esc(t("documents_made", ui))}</b><ul>{"".join(links)}</ul></div>')


def detail(r: uploads.Outcome, ui: str) -> str:
    """What became of a file, in the interface language (document kinds by their labels)."""
    if r.outcome in ("ingested", "unchanged") and r.kinds:
        return "; ".join(f'{i18n.value_label("language", lang, ui)}, {i18n.value_label("doc_type", typ, ui)}'
                         for lang, typ in r.kinds)
    if r.outcome == "too_large":
        return t("upload_each_limit", ui, mb=f"{config.upload_limit_bytes() / 1048576:.0f}") + f" ({r.detail})"
    if r.outcome == "quarantined":                      # the reason in the interface language
        from maslihat.core.reasons import message as reason_in
        return reason_in(r.detail, ui)
    return r.detail
