"""The app's state lives in the URL (st.query_params): a view is a link, Back and Forward work.

Rules that keep the browser history honest (Streamlit pushes one history entry per change of
the query string, and reruns the script with the old query string on Back/Forward):

* the URL is read at the start of every run and copied into the widgets (``bind``), so a
  history step, a reload and a shared link all show exactly the view the URL names;
* one user action writes the URL once (``commit``): a callback builds the whole new
  parameter set and sends it in one message, so one action is one history entry;
* rendering never writes the URL (a default value is implied, not written);
* URL and state carry codes only (``ru``, ``decision``); labels are made at display time.
"""
from __future__ import annotations

from typing import Iterable, Optional
from urllib.parse import urlencode

import streamlit as st

from maslihat.search_app import i18n

PAGES = ("search", "reader", "parallel", "compare", "competencies", "facts", "upload")
FILTER_PREFIX = "f_"
SEARCH_LANGS = ("ru", "kk")
# params that belong to one page only; navigation drops the others
PAGE_PARAMS = {"search": ("q", "lang", "p"), "reader": ("doc", "unit"), "parallel": ("doc", "unit"),
               "compare": ("a", "b"), "competencies": ("code", "c_lang", "c_doc", "c_type"), "facts": ("fk", "fs"), "upload": ()}


def get(name: str, default: Optional[str] = None) -> Optional[str]:
    v = st.query_params.get(name)
    return v if v not in (None, "") else default


def current() -> dict[str, list[str]]:
    """The URL parameters as ``{name: [values]}`` (empty values dropped)."""
    out: dict[str, list[str]] = {}
    for k in st.query_params.keys():
        vals = [v for v in st.query_params.get_all(k) if v not in (None, "")]
        if vals:
            out[k] = vals
    return out


def commit(params: dict) -> None:
    """Replace the URL parameters in one message (one history entry), unless nothing changes."""
    clean: dict[str, list[str]] = {}
    for k, v in params.items():
        vals = [str(x) for x in (v if isinstance(v, (list, tuple)) else [v]) if x not in (None, "")]
        if vals:
            clean[k] = vals
    if clean == current():
        return
    st.query_params.from_dict({k: (v[0] if len(v) == 1 else v) for k, v in clean.items()})


def update(**changes) -> None:
    """Change some parameters (None removes one), keep the others; one history entry."""
    params = current()
    for k, v in changes.items():
        params[k] = [] if v is None else v
    commit(params)


def ui() -> str:
    return i18n.norm_ui(get("ui"))


def page() -> str:
    p = get("page")
    return p if p in PAGES else "search"


def search_lang() -> Optional[str]:
    """The language restriction of a search: a code or None; anything else in the URL is ignored."""
    v = get("lang")
    return v if v in SEARCH_LANGS else None


def filters() -> dict[str, list[str]]:
    """``?f_language=ru&f_year=2014`` -> ``{"language": ["ru"], "year": ["2014"]}``."""
    return {k[len(FILTER_PREFIX):]: v for k, v in current().items() if k.startswith(FILTER_PREFIX)}


def set_filters(flt: dict[str, list[str]]) -> None:
    params = {k: v for k, v in current().items() if not k.startswith(FILTER_PREFIX) and k != "p"}
    params.update({FILTER_PREFIX + f: vs for f, vs in flt.items() if vs})
    commit(params)


def toggle_filter(facet: str, value: str) -> None:
    """Callback of a facet button: add or drop one value (its panel stays open)."""
    flt = filters()
    vals = flt.setdefault(facet, [])
    if value in vals:
        vals.remove(value)
    else:
        vals.append(value)
    st.session_state.setdefault("open_facets", set()).add(facet)
    set_filters({k: v for k, v in flt.items() if v})


def bind(param: str, default=None, valid: Optional[Iterable] = None, suffix: str = "") -> str:
    """Copy URL parameter ``param`` into widget key ``w_<param><suffix>`` (every run); returns the key.

    Call before the widget is created. ``suffix`` gives a widget whose option labels depend on
    the interface language a key per language, so a label can never stand in for a value.
    """
    key = f"w_{param}{suffix}"
    v = get(param, default)
    if valid is not None and v not in valid:
        v = default
    st.session_state[key] = v
    return key


def from_widget(param: str, default=None, suffix: str = "", reset: Iterable[str] = ()) -> None:
    """Widget callback: write ``w_<param><suffix>`` to the URL (default left out), drop ``reset``."""
    v = st.session_state.get(f"w_{param}{suffix}")
    changes = {param: None if v == default else v}
    changes.update({r: None for r in reset})
    update(**changes)


def navigate(page_name: str, **params) -> None:
    """Callback: go to a page with its parameters (interface language and search filters kept)."""
    commit(nav_params(page_name, **params))


def nav_params(page_name: str, **params) -> dict:
    keep: dict = {"ui": get("ui")}
    if page_name == "search":
        keep.update({k: v for k, v in current().items() if k.startswith(FILTER_PREFIX)})
    return {**keep, "page": None if page_name == "search" and not params else page_name, **params}


def link(page_name: str, **params) -> str:
    """A relative URL for an HTML anchor; opening it restores the same view in a new session."""
    q = {"page": page_name}
    if get("ui"):
        q["ui"] = get("ui")
    q.update({k: v for k, v in params.items() if v not in (None, "")})
    return "?" + urlencode(q, doseq=True)


def view_token() -> str:
    """What the user navigated to (page and its own parameters, not filters): a change scrolls."""
    p = page()
    return "|".join([p] + [f"{k}={get(k) or ''}" for k in PAGE_PARAMS.get(p, ()) if k not in ("c_lang", "c_doc", "c_type")])


# Older names kept for pages written against them (views/compare.py) --------------------------

def set_param(name: str, value) -> None:
    """Correct one URL parameter while rendering; a parameter the URL leaves out stays out.

    A page that fills in a default (the first document, a default pair) would otherwise push a
    second history entry after the one of the user's action; the default is implied instead.
    """
    if name not in st.query_params:
        return
    update(**{name: None if value in (None, "", []) else value})


def init_widget(param: str, default=None, valid=None) -> str:
    return bind(param, default, valid)


def sync_from_widget(param: str, default=None) -> None:
    from_widget(param, default)
