"""Deadlines and quorums: one fact across every act of the corpus, RU and KK side by side.

Pick a kind (deadline, quorum, threshold…) and a subject (answer to a deputy's inquiry, notice
of a session, quorum of a session) and read each maslikhat's value with its provision, both
languages, linked to the reader; below, the same values beside the higher act each act relies on.
Document text is escaped everywhere (``safe.esc``).
"""
from __future__ import annotations

import re

import streamlit as st

from maslihat.corpus.api import FACT_KINDS, facts_against, facts_comparison, facts_query
from maslihat.corpus.api import fact_kind_label as kind_label, fact_subject_label as subject_label
from maslihat.search_app import state
from maslihat.search_app.i18n import t
from maslihat.search_app.safe import esc
from maslihat.search_app.views.reader import unit_url

PERIOD_WORDS = {"P1Y": {"ru": "год", "kk": "жыл", "en": "year"}, "P3M": {"ru": "квартал", "kk": "тоқсан", "en": "quarter"},
                "P1M": {"ru": "месяц", "kk": "ай", "en": "month"}, "P6M": {"ru": "полгода", "kk": "жарты жыл", "en": "half-year"},
                "P1W": {"ru": "неделю", "kk": "апта", "en": "week"}, "P1D": {"ru": "день", "kk": "күн", "en": "day"}}


def value_text(f: dict, ui: str) -> str:
    """A fact's value as a reader says it: «не позднее 1 мес.», «2/3 от общего числа», «4 раз(а) в год»."""
    v, kind = f.get("value") or "", f.get("kind")
    m = re.fullmatch(r"PT?([\d.]+)([DWMYH])", v)
    if m:
        day = t(f"facts_{f['day_type']}", ui) + " " if f.get("day_type") else ""
        text = f"{m.group(1)} {day}{t('facts_unit_' + m.group(2), ui)}"
    elif kind == "periodicity" and "/" in v:
        n, period = v.split("/", 1)
        text = t("facts_times_per", ui, n=n, period=PERIOD_WORDS.get(period, {}).get(ui, period))
    else:
        text = v
        if f.get("base"):
            text += " " + t(f"facts_base_{f['base']}", ui)
    rel = f.get("relation")
    if rel and rel != "exact" and kind != "periodicity":
        text = t(f"facts_rel_{rel}", ui) + " " + text
    return text


def hit_summary(facts: list[dict], ui: str) -> str:
    """«срок: не позднее 1 мес.» for the facts of a search hit (plain text; escape before showing)."""
    return "; ".join(t("facts_in_hit", ui, kind=kind_label(f["kind"], ui), value=value_text(f, ui)) for f in facts)


def _cell(items: list[dict], ui: str) -> str:
    if not items:
        return f'<span class="facts-none">{esc(t("facts_missing", ui))}</span>'
    out = []
    for f in items:
        href = unit_url(f["document_id"], f.get("unit_id"))
        label = f.get("unit_label") or f.get("unit_id") or ""
        out.append(f'<div class="fact"><b>{esc(value_text(f, ui))}</b> — <a href="{esc(href)}" target="_self">'
                   f'{esc(label)}</a><br><small>«{esc(f.get("surface"))}»</small></div>')
    return "".join(out)


def render(corpus, ui: str) -> None:
    from maslihat.search_app import data
    if data.is_empty(corpus):
        from maslihat.search_app.views.search import no_corpus
        no_corpus(ui)
        return
    st.caption(t("facts_intro", ui))
    suffix = "_" + ui          # option labels depend on the interface language
    c1, c2 = st.columns(2)
    with c1:
        kkey = state.bind("fk", "deadline", valid=FACT_KINDS, suffix=suffix)
        st.selectbox(t("facts_kind", ui), FACT_KINDS, key=kkey, format_func=lambda k: kind_label(k, ui),
                     on_change=state.from_widget, args=("fk", "deadline", suffix, ("fs",)))
        kind = st.session_state[kkey]
    present = sorted({f["subject"] for f in facts_query(corpus, kind=kind) if f.get("subject")})
    options = [""] + present
    with c2:
        skey = state.bind("fs", "", valid=options, suffix=suffix)
        st.selectbox(t("facts_subject", ui), options, key=skey,
                     format_func=lambda s: subject_label(s, ui) if s else t("facts_all_subjects", ui),
                     on_change=state.from_widget, args=("fs", "", suffix))
        subject = st.session_state[skey] or None
    rows = facts_comparison(corpus, kind, subject)
    if not rows:
        st.info(t("facts_none", ui))
        return
    st.markdown(t("facts_acts_count", ui, n=len(rows)))
    body = []
    for a in rows:
        title = a["title"].get(ui if ui in ("ru", "kk") else "ru") or a["title"].get("ru") or a["title"].get("kk") or a["act_id"]
        meta = " · ".join(x for x in (a.get("adopted_date"), ("№ " + a["number"]) if a.get("number") else None) if x)
        flag = f'<div class="facts-differ">≠ {esc(t("facts_differ", ui))}</div>' if a["agree"] is False else ""
        body.append(f'<tr data-act="{esc(a["act_id"])}"><td><b>{esc(title)}</b><br><small>{esc(meta)}</small>{flag}</td>'
                    f'<td class="facts-ru">{_cell(a["ru"], ui)}</td><td class="facts-kk">{_cell(a["kk"], ui)}</td></tr>')
    st.html('<style>.facts-table td{vertical-align:top;padding:6px;border-bottom:1px solid #ddd}'
            '.facts-differ{color:#b00020;font-weight:600}.facts-none{color:#888}</style>'
            f'<table class="facts-table"><thead><tr><th>{esc(t("facts_act", ui))}</th><th>{esc(t("facts_ru", ui))}</th>'
            f'<th>{esc(t("facts_kk", ui))}</th></tr></thead><tbody>{"".join(body)}</tbody></table>')
    against = facts_against(corpus, kind, subject)
    if against:
        with st.expander(t("facts_against", ui), expanded=False):
            st.caption(t("facts_against_intro", ui))
            items = []
            for r in against:
                f, h = r["fact"], r["higher"]
                mark = t("facts_differs", ui) if r["differs"] else t("facts_same", ui)
                items.append(
                    f'<li class="{"facts-differ" if r["differs"] else ""}">{esc(mark)}: '
                    f'<a href="{esc(unit_url(f["document_id"], f.get("unit_id")))}" target="_self">{esc(f["document"]["title"])}, '
                    f'{esc(f.get("unit_label"))}</a> — <b>{esc(value_text(f, ui))}</b> / '
                    f'<a href="{esc(unit_url(h["document_id"], h.get("unit_id")))}" target="_self">{esc(h["document"]["title"])}, '
                    f'{esc(h.get("unit_label"))}</a> — <b>{esc(value_text(h, ui))}</b></li>')
            st.html("<ul>" + "".join(items) + "</ul>")
