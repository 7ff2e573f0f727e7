"""Add documents from the browser: upload, progress, each file's outcome, the corpus quarantine."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from maslihat.core import config
from maslihat.search_app import data, uploads
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
                st.dataframe(pd.DataFrame([{t("file", ui): x.path, t("detail", ui): x.reason} for x in q]),
                             hide_index=True, width="stretch")


def show_results(results: list, ui: str) -> None:
    n = {k: sum(1 for r in results if r.outcome == k) for k in ("ingested", "unchanged", "quarantined")}
    rejected = sum(1 for r in results if r.outcome in ("too_large", "failed"))
    msg = t("ingest_done", ui, added=n["ingested"], unchanged=n["unchanged"], quarantined=n["quarantined"],
            rejected=rejected)
    (st.success if not (n["quarantined"] or rejected) else st.warning)(msg)
    st.dataframe(pd.DataFrame([{t("file", ui): r.name, t("outcome", ui): t("outcome_" + r.outcome, ui),
                                t("detail", ui): r.detail} for r in results]),
                 hide_index=True, width="stretch")
