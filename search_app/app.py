"""The maslihat web app (``maslihat serve``): search, reader, RU/KK side by side, compare,
competencies and uploads over ``corpus.api.Corpus`` only. State lives in the URL."""
from __future__ import annotations

import streamlit as st

from maslihat.corpus.api import NotFound
from maslihat.search_app import data, i18n, state
from maslihat.search_app.i18n import t
from maslihat.search_app.textview import CSS
from maslihat.search_app.views import compare, competencies, parallel, reader, search, upload

VIEWS = {"search": search, "reader": reader, "parallel": parallel, "compare": compare,
         "competencies": competencies, "upload": upload}
ICONS = {"search": ":material/search:", "reader": ":material/menu_book:", "parallel": ":material/compare:",
         "compare": ":material/difference:", "competencies": ":material/account_tree:",
         "upload": ":material/upload_file:"}


def sidebar() -> tuple[str, str]:
    with st.sidebar:
        st.selectbox(":material/translate: " + " / ".join(i18n.STRINGS["interface_language"][x] for x in ("ru", "kk", "en")),
                     i18n.LANGS, key=state.init_widget("ui", i18n.DEFAULT, valid=i18n.LANGS),
                     format_func=i18n.LANG_NAMES.get, on_change=state.sync_from_widget, args=("ui", i18n.DEFAULT))
        ui = state.ui()
        st.radio(t("navigation", ui), state.PAGES, key=state.init_widget("page", "search", valid=state.PAGES),
                 format_func=lambda p: f"{ICONS[p]} {t('page_' + p, ui)}", on_change=state.sync_from_widget,
                 args=("page", "search"))
        c = data.corpus()
        if c is not None:
            try:
                st.caption(t("corpus_stats", ui, **c.stats()))
            except Exception:  # noqa: BLE001 - stats are decoration; a half-written corpus must not stop the app
                pass
        st.caption(str(data.db_path()))
    return ui, state.page()


def main() -> None:
    st.set_page_config(page_title="Maslihat", page_icon="⚖️", layout="wide")
    ui, page = sidebar()
    st.html(CSS)
    st.title(t("page_" + page, ui))
    c = data.corpus()
    try:
        VIEWS[page].render(c, ui)
    except NotFound as e:
        st.warning(t("not_found", ui, id=str(e)))
    except (ImportError, NotImplementedError) as e:
        st.warning(t("backend_missing", ui, error=f"{type(e).__name__}: {e}"))


main()
