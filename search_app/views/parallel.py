"""Side by side: the RU and KK versions of one act unit by unit, discrepancies marked."""
from __future__ import annotations

import streamlit as st

from maslihat.corpus.api import NotFound
from maslihat.search_app import data, i18n, state
from maslihat.search_app.i18n import t
from maslihat.search_app.safe import esc
from maslihat.search_app.behaviour import anchor_id
from maslihat.search_app.textview import children_map, own_text
from maslihat.search_app.views.reader import pick_document, unit_url
from maslihat.search_app.safe import md_escape

_UNIT_KEYS = ("unit_a", "unit_b", "ru_unit_id", "kk_unit_id", "unit_id", "ru", "kk", "a", "b")
_TEXT_KEYS = ("message", "detail", "description", "explain", "reason")


def disc_units(d) -> set[str]:
    """Unit ids a discrepancy item speaks of, whatever its exact shape."""
    if not isinstance(d, dict):
        return set()
    ids = {d[k] for k in _UNIT_KEYS if isinstance(d.get(k), str)}
    for k in ("units", "unit_ids"):
        if isinstance(d.get(k), (list, tuple)):
            ids |= {x for x in d[k] if isinstance(x, str)}
    return ids


def disc_text(d, ui: str = "ru") -> str:
    if not isinstance(d, dict):
        return str(d)
    kind = d.get("kind") or d.get("type") or ""
    kind = i18n.DISCREPANCIES.get(kind, {}).get(ui, kind)
    msg = next((str(d[k]) for k in _TEXT_KEYS if d.get(k)), "")
    return f"{kind}: {msg}" if kind and msg else (kind or msg or str(d))


def render(corpus, ui: str) -> None:
    if data.is_empty(corpus):
        from maslihat.search_app.views.search import no_corpus
        no_corpus(ui)
        return
    rows = sorted((r for r in data.document_rows(latest_only=False) if r.get("parallel_id")),
                  key=lambda r: r.get("language") != "ru")  # Russian first: the usual reading order
    if not rows:
        st.info(t("no_parallel", ui))
        return
    st.caption(t("only_bilingual", ui))
    doc_id = pick_document(rows, state.get("doc"), ui, page="parallel")
    try:
        sbs = corpus.side_by_side(doc_id)
    except NotFound as e:
        st.warning(t("no_parallel", ui) + f" ({md_escape(e)})")
        return
    ru, kk = corpus.document(sbs["ru"]), corpus.document(sbs["kk"])
    st.html(f'<h3>{esc(ru.title)}</h3><h3 style="margin-top:0">{esc(kk.title)}</h3>')
    st.html(parallel_html(corpus, ru, kk, sbs.get("pairs") or [], sbs.get("discrepancies") or [], ui,
                          focus=state.get("unit")))


def parallel_html(corpus, ru, kk, pairs: list, discs: list, ui: str, focus: str | None = None) -> str:
    """Pairs of units; each pair carries the anchors of both its units, the ``focus`` pair is marked."""
    ur, uk = {u.id: u for u in corpus.units(ru.id)}, {u.id: u for u in corpus.units(kk.id)}
    kr, kkids = children_map(ur.values()), children_map(uk.values())
    by_unit: dict[str, list] = {}
    loose = []
    for d in discs:
        ids = disc_units(d)
        for i in ids:
            by_unit.setdefault(i, []).append(d)
        if not ids & (set(ur) | set(uk)):
            loose.append(d)
    out = [f'<p><b>{esc(t("discrepancies", ui, n=len(discs)))}</b></p>']
    if loose:
        out.append("<ul>" + "".join(f"<li>{esc(disc_text(d, ui))}</li>" for d in loose) + "</ul>")
    for pair in pairs:
        a, b = pair[0], pair[1]
        ua, ub = ur.get(a) if a else None, uk.get(b) if b else None
        if (ua and ua.kind == "note") or (ub and ub.kind == "note"):
            continue
        marks = by_unit.get(a or "", []) + [d for d in by_unit.get(b or "", []) if d not in by_unit.get(a or "", [])]
        disc = bool(marks) or not (ua and ub)
        cells = []
        for u, doc, kids in ((ua, ru, kr), (ub, kk, kkids)):
            if u is None:
                cells.append(f'<div><i>{esc(t("missing_counterpart", ui))}</i></div>')
                continue
            cells.append(f'<div id="{anchor_id(u.id)}"><div class="lbl"><a href="{esc(unit_url(doc.id, u.id))}" target="_self">'
                         f'{esc(u.label)}</a></div><div class="ms-text">{esc(own_text(u, kids, doc.text))}</div></div>')
        note = "".join(f'<div class="ms-disc">⚠ {esc(disc_text(d, ui))}</div>' for d in marks)
        here = focus is not None and focus in (a, b)
        out.append(f'<div class="ms-pair{" disc" if disc else ""}{" focus" if here else ""}">{"".join(cells)}{note}</div>')
    return "".join(out)
