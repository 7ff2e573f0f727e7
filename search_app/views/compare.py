"""Compare any two documents (two editions, two acts, RU against KK): unit by unit, word changes marked."""
from __future__ import annotations

import streamlit as st

from maslihat.corpus.api import NotFound
from maslihat.search_app import data, state, worddiff
from maslihat.search_app.i18n import t
from maslihat.search_app.safe import esc
from maslihat.search_app.textview import children_map, doc_caption, own_text

STATUSES = ("changed", "moved", "added", "removed", "same")
_STATUS_ALIASES = {"modified": "changed", "replace": "changed", "changed": "changed", "inserted": "added",
                   "insert": "added", "added": "added", "new": "added", "deleted": "removed", "delete": "removed",
                   "removed": "removed", "equal": "same", "same": "same", "unchanged": "same", "moved": "moved"}


def _first(d: dict, *keys):
    for k in keys:
        if d.get(k) is not None:
            return d[k]
    return None


def normalize(result: dict) -> list[dict]:
    """``Corpus.diff`` items -> [{"a", "b", "status", "ops"}]; tolerant of the exact field names."""
    items = _first(result, "units", "changes", "pairs", "items", "aligned") or []
    out = []
    for it in items:
        if isinstance(it, (list, tuple)):
            it = dict(zip(("a", "b", "status"), it))
        a = _first(it, "a", "a_unit_id", "unit_a", "old", "left")
        b = _first(it, "b", "b_unit_id", "unit_b", "new", "right")
        a = a.get("id") if isinstance(a, dict) else a
        b = b.get("id") if isinstance(b, dict) else b
        status = _STATUS_ALIASES.get(str(_first(it, "status", "op", "kind", "change") or ""), None)
        if status is None:
            status = "added" if a is None else "removed" if b is None else "changed"
        out.append({"a": a, "b": b, "status": status,
                    "ops": word_ops(_first(it, "changes", "ops", "words", "word_ops", "diff"))})
    return out


def word_ops(changes) -> list[tuple[str, str]] | None:
    """nlp.diff's difflib opcodes [{"op", "a", "b"}] -> [(equal|delete|insert, text)] with spaces kept."""
    if not isinstance(changes, list) or not changes:
        return None
    out: list[tuple[str, str]] = []
    for c in changes:
        if isinstance(c, (list, tuple)) and len(c) == 2:
            out.append((str(c[0]), str(c[1])))
            continue
        if not isinstance(c, dict):
            return None
        op, a, b = c.get("op"), c.get("a") or "", c.get("b") or ""
        if op == "equal":
            out.append(("equal", a))
        else:
            if a:
                out.append(("delete", a))
            if b:
                out.append(("insert", b))
        out.append(("equal", " "))
    return out[:-1]


def summary(result: dict, items: list[dict]) -> dict:
    s = result.get("summary") if isinstance(result.get("summary"), dict) else {}
    counts = {k: sum(1 for i in items if i["status"] == k) for k in STATUSES}
    return {k: s.get(k, s.get({"same": "unchanged"}.get(k, k), counts[k])) for k in STATUSES}


def discrepancy_list(result: dict, ui: str) -> None:
    """RU against KK: words cannot be compared, the alignment's findings are listed instead."""
    from maslihat.search_app.views.parallel import disc_text
    discs = result.get("discrepancies") or []
    st.markdown("**" + t("discrepancies", ui, n=len(discs)) + "**")
    if discs:
        st.html("<ul>" + "".join(f"<li>{esc(disc_text(d, ui))}</li>" for d in discs[:200]) + "</ul>")


def render(corpus, ui: str) -> None:
    if data.is_empty(corpus):
        from maslihat.search_app.views.search import no_corpus
        no_corpus(ui)
        return
    rows = data.document_rows(latest_only=False)
    ids = [r["id"] for r in rows]
    by_id = {r["id"]: r for r in rows}
    a0, b0 = state.get("a"), state.get("b")
    if a0 not in ids or b0 not in ids:
        a0, b0 = default_pair(rows, a0 if a0 in ids else None)
    c1, c2 = st.columns(2)
    for col, param, val, label in ((c1, "a", a0, "doc_a"), (c2, "b", b0, "doc_b")):
        key = f"w_{param}"
        if st.session_state.get(key) not in ids:
            st.session_state[key] = val
        col.selectbox(t(label, ui), ids, key=key, format_func=lambda i: doc_caption(by_id[i], ui),
                      on_change=state.sync_from_widget, args=(param,))
    a, b = st.session_state["w_a"], st.session_state["w_b"]
    state.set_param("a", a)
    state.set_param("b", b)
    if a == b:
        st.info(t("compare_same", ui))
        return
    try:
        result = corpus.diff(a, b)
    except NotFound as e:
        st.warning(t("not_found", ui, id=str(e)))
        return
    items = normalize(result)
    st.markdown("**" + t("diff_summary", ui, **summary(result, items)) + "**")
    if result.get("cross_language"):
        discrepancy_list(result, ui)
    show_same = st.toggle(t("show_unchanged", ui), key="w_show_same")
    st.html(diff_html(corpus, a, b, items, show_same, ui))


def default_pair(rows: list[dict], a: str | None) -> tuple[str, str]:
    """Two editions of one act when there are any; else the first two documents."""
    by_act: dict = {}
    for r in rows:
        by_act.setdefault((r.get("act_id"), r.get("language")), []).append(r)
    for group in by_act.values():
        if len(group) > 1 and (a is None or a in [g["id"] for g in group]):
            group = sorted(group, key=lambda r: r.get("version") or 1)
            return group[0]["id"], group[-1]["id"]
    first = a or rows[0]["id"]
    other = next((r["id"] for r in rows if r["id"] != first), first)
    return first, other


def diff_html(corpus, a: str, b: str, items: list[dict], show_same: bool, ui: str) -> str:
    da, db = corpus.document(a), corpus.document(b)
    ua, ub = {u.id: u for u in corpus.units(a)}, {u.id: u for u in corpus.units(b)}
    ka, kb = children_map(ua.values()), children_map(ub.values())
    out = ['<div class="ms-diff">']
    for it in items:
        if it["status"] == "same" and not show_same:
            continue
        x, y = ua.get(it["a"]) if it["a"] else None, ub.get(it["b"]) if it["b"] else None
        tx = own_text(x, ka, da.text) if x else ""
        ty = own_text(y, kb, db.text) if y else ""
        label = esc((x or y).label) if (x or y) else ""
        status = esc(t("status_" + it["status"], ui))
        if it["status"] in ("changed", "moved") and (it["ops"] or tx != ty) and da.language == db.language:
            body = worddiff.ops_html(it["ops"]) if it["ops"] else worddiff.html(tx, ty)
            cells = f'<div class="ms-text">{esc(tx)}</div><div class="ms-text">{body}</div>'
        elif it["status"] == "added":
            cells = f'<div></div><div class="ms-text"><ins>{esc(ty)}</ins></div>'
        elif it["status"] == "removed":
            cells = f'<div class="ms-text"><del>{esc(tx)}</del></div><div></div>'
        else:
            cells = f'<div class="ms-text">{esc(tx)}</div><div class="ms-text">{esc(ty)}</div>'
        out.append(f'<div class="ms-pair {esc(it["status"])}"><div class="lbl" style="grid-column:1 / span 2">'
                   f'<b>{label}</b> — {status}</div>{cells}</div>')
    out.append("</div>")
    return "".join(out)
