"""The app's state lives in the URL (st.query_params) so a search or a reader position is a shareable link.

Widgets keep their own session keys (``w_<param>``); their callbacks write the URL, and
navigation callbacks write both, so a rerun, a reload and a shared link all agree.
"""
from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from maslihat.search_app import i18n

PAGES = ("search", "reader", "parallel", "compare", "competencies", "upload")
FILTER_PREFIX = "f_"
# params that belong to one page only; navigation drops the others
PAGE_PARAMS = {"search": ("q", "lang", "p"), "reader": ("doc", "unit"), "parallel": ("doc",),
               "compare": ("a", "b"), "competencies": ("code",), "upload": ()}


def get(name: str, default: str | None = None) -> str | None:
    v = st.query_params.get(name)
    return v if v not in (None, "") else default


def ui() -> str:
    return i18n.norm_ui(st.session_state.get("w_ui") or get("ui"))


def page() -> str:
    p = st.session_state.get("w_page") or get("page")
    return p if p in PAGES else "search"


def filters() -> dict[str, list[str]]:
    """``?f_language=ru&f_year=2014`` -> ``{"language": ["ru"], "year": ["2014"]}``."""
    out: dict[str, list[str]] = {}
    for key in st.query_params.keys():
        if key.startswith(FILTER_PREFIX):
            vals = [v for v in st.query_params.get_all(key) if v]
            if vals:
                out[key[len(FILTER_PREFIX):]] = vals
    return out


def set_param(name: str, value) -> None:
    """Write one URL parameter; empty values are removed to keep links short."""
    if value in (None, "", []):
        if name in st.query_params:
            del st.query_params[name]
    elif isinstance(value, (list, tuple)):
        st.query_params[name] = [str(v) for v in value]
    else:
        st.query_params[name] = str(value)


def set_filters(flt: dict[str, list[str]]) -> None:
    for key in list(st.query_params.keys()):
        if key.startswith(FILTER_PREFIX):
            del st.query_params[key]
    for facet, values in flt.items():
        set_param(FILTER_PREFIX + facet, values)
    set_param("p", None)


def toggle_filter(facet: str, value: str) -> None:
    """Callback of a facet button: add or drop one value."""
    flt = filters()
    vals = flt.setdefault(facet, [])
    if value in vals:
        vals.remove(value)
    else:
        vals.append(value)
    set_filters({k: v for k, v in flt.items() if v})


def init_widget(param: str, default=None, valid=None) -> str:
    """Seed widget key ``w_<param>`` from the URL once per session; returns the key."""
    key = f"w_{param}"
    if key not in st.session_state:
        v = get(param, default)
        if valid is not None and v not in valid:
            v = default
        st.session_state[key] = v
    return key


def sync_from_widget(param: str, default=None) -> None:
    """Widget callback: copy ``w_<param>`` to the URL (the default value is left out)."""
    v = st.session_state.get(f"w_{param}")
    set_param(param, None if v == default else v)


def navigate(page_name: str, **params) -> None:
    """Callback: go to a page with its parameters (the interface language is kept)."""
    keep = {"ui": get("ui")}
    if page_name == "search":
        keep.update({k: st.query_params.get_all(k) for k in st.query_params.keys() if k.startswith(FILTER_PREFIX)})
    st.query_params.clear()
    for k, v in {**keep, "page": page_name, **params}.items():
        set_param(k, v)
    st.session_state["w_page"] = page_name
    for k, v in params.items():
        if f"w_{k}" in st.session_state or k in ("doc", "a", "b", "code", "q"):
            st.session_state[f"w_{k}"] = v


def link(page_name: str, **params) -> str:
    """A relative URL for an HTML anchor; opening it restores the same view in a new session."""
    q = {"page": page_name}
    if get("ui"):
        q["ui"] = get("ui")
    q.update({k: v for k, v in params.items() if v not in (None, "")})
    return "?" + urlencode(q, doseq=True)
