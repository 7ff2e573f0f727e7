"""The maslihat web app (``maslihat serve``): search, reader, RU/KK side by side, compare,
competencies and uploads over ``corpus.api.Corpus`` only. State lives in the URL."""
from __future__ import annotations

import streamlit as st

from maslihat.corpus.api import NotFound, StoreError, store_error_in
from maslihat.search_app import behaviour, data, i18n, state
from maslihat.search_app.i18n import t
from maslihat.search_app.textview import CSS, i18n_css
from maslihat.search_app.views import compare, competencies, facts, parallel, reader, search, upload
from maslihat.search_app.safe import md_escape

VIEWS = {"search": search, "reader": reader, "parallel": parallel, "compare": compare,
         "competencies": competencies, "facts": facts, "upload": upload}
ICONS = {"search": ":material/search:", "reader": ":material/menu_book:", "parallel": ":material/compare:",
         "compare": ":material/difference:", "competencies": ":material/account_tree:",
         "upload": ":material/upload_file:", "facts": ":material/event_available:"}


def _on_page(key: str) -> None:
    state.navigate(st.session_state[key])


def sidebar() -> tuple[str, str]:
    ui, page = state.ui(), state.page()
    with st.sidebar:
        st.selectbox(":material/translate: " + " / ".join(i18n.STRINGS["interface_language"][x] for x in ("ru", "kk", "en")),
                     i18n.LANGS, key=state.bind("ui", i18n.DEFAULT, valid=i18n.LANGS),
                     format_func=i18n.LANG_NAMES.get, on_change=state.from_widget, args=("ui", i18n.DEFAULT))
        key = state.bind("page", "search", valid=state.PAGES, suffix="_" + ui)
        st.radio(t("navigation", ui), state.PAGES, key=key,
                 format_func=lambda p: f"{ICONS[p]} {t('page_' + p, ui)}", on_change=_on_page, args=(key,))
        c = data.corpus()
        if c is not None:
            try:
                st.caption(t("corpus_stats", ui, **data.stats()))
            except Exception:  # noqa: BLE001 - stats are decoration; a half-written corpus must not stop the app
                pass
        st.caption(str(data.db_path()))
    return ui, page


def main() -> None:
    st.set_page_config(page_title="Maslihat", page_icon="⚖️", layout="wide", initial_sidebar_state="auto")
    ui, page = sidebar()
    st.html(CSS + i18n_css(ui))
    unit = state.get("unit") if page in ("reader", "parallel") else None
    behaviour.install(state.view_token(), behaviour.anchor_id(unit) if unit else None)
    st.title(t("page_" + page, ui))
    if page == "compare":  # the comparison's select boxes show what the URL names (Back, Forward, reload)
        for p in ("a", "b"):
            if state.get(p):
                st.session_state[f"w_{p}"] = state.get(p)
    c = data.corpus()
    try:
        VIEWS[page].render(c, ui)
    except NotFound as e:
        st.warning(t("not_found", ui, id=md_escape(e)))   # ids come from the URL: never Markdown
    except (ImportError, NotImplementedError) as e:
        st.warning(t("backend_missing", ui, error=md_escape(f"{type(e).__name__}: {e}")))
    except StoreError as e:     # the corpus file itself: one line that says what to do
        st.error(md_escape(store_error_in(str(e), ui)))


main()
