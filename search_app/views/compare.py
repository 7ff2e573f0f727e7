"""Compare any two documents (two editions, two acts, RU against KK): pairs side by side, word changes
marked, a filter by kind of change, links to jump from change to change, the quotable summary and,
for RU against KK, the discrepancies with both labels and excerpts."""
from __future__ import annotations

import streamlit as st

from maslihat.corpus.api import NotFound
from maslihat.search_app import data, state, worddiff
from maslihat.search_app.i18n import STRINGS, t
from maslihat.search_app.safe import esc
from maslihat.search_app.textview import children_map, doc_caption, own_text
from maslihat.search_app.safe import md_escape

STATUSES = ("changed", "moved", "added", "removed", "same", "merged", "split")
KINDS = ("reworded", "moved", "only_a", "only_b", "merged", "split", "same")    # nlp.diff's kinds of change
CSS = ("<style>.ms-cmp-head{display:grid;grid-template-columns:1fr 1fr;gap:12px;font-size:0.9rem;"
       "border-bottom:2px solid #ccc;padding:4px 0}.ms-nav{margin-left:1em;font-size:0.8rem}"
       ".ms-nav a{margin-right:0.8em}.ms-disc{border-top:1px solid #eee;padding:4px 0}"
       ".ms-disc .ms-pair{border-top:0;background:#fff4f4}.ms-disc-msg{font-size:0.9rem}"
       ".ms-diff .ms-pair{scroll-margin-top:4rem}.ms-cmp-report{background:#eef5fc;color:#0b3d6b;"
       "padding:0.8rem 1rem;border-radius:0.5rem;line-height:1.5}</style>")
_KIND_OF_STATUS = {"changed": "reworded", "moved": "moved", "added": "only_b", "removed": "only_a", "same": "same",
                   "merged": "merged", "split": "split"}
_STATUS_ALIASES = {"modified": "changed", "replace": "changed", "changed": "changed", "inserted": "added",
                   "insert": "added", "added": "added", "new": "added", "deleted": "removed", "delete": "removed",
                   "removed": "removed", "equal": "same", "same": "same", "unchanged": "same", "moved": "moved",
                   "merged": "merged", "split": "split"}


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
        out.append({"a": a, "b": b, "status": status, "kind": it.get("kind") or _KIND_OF_STATUS[status],
                    "renumbered": bool(it.get("renumbered")),
                    # one provision of B that carries this one of A and others (nlp.diff, many-to-one)
                    "merged_labels": [str(x) for x in it.get("merged_labels") or []] if it.get("merged") else [],
                    # the other provisions of B that say this one of A too (nlp.diff, one-to-many)
                    "split_labels": [str(x) for x in it.get("split_labels") or []] if it.get("split") else [],
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
    """RU against KK: words cannot be compared; the differing facts are listed with both labels and excerpts."""
    from maslihat.search_app.views.parallel import disc_text
    discs = result.get("discrepancies") or []
    st.markdown("**" + t("discrepancies", ui, n=len(discs)) + "**")
    if not discs:
        return
    la, lb = (result.get("language_a") or "A").upper(), (result.get("language_b") or "B").upper()
    rows = []
    for d in discs[:300]:
        msg = (d.get("message") or {}).get(ui) if isinstance(d.get("message"), dict) else None
        kind = t("disc_" + d["kind"], ui) if ("disc_" + str(d.get("kind"))) in STRINGS else esc(d.get("kind") or "")
        rows.append(
            f'<div class="ms-disc"><div class="lbl"><b>{esc(d.get("label_a") or "—")} / {esc(d.get("label_b") or "—")}</b>'
            f' — {esc(kind)}</div><div class="ms-disc-msg">{esc(msg or disc_text(d, ui))}</div>'
            f'<div class="ms-pair"><div class="ms-text"><b>{esc(la)}</b> {esc(d.get("excerpt_a") or "")}</div>'
            f'<div class="ms-text"><b>{esc(lb)}</b> {esc(d.get("excerpt_b") or "")}</div></div></div>')
    st.html('<div class="ms-discs">' + "".join(rows) + "</div>")


def relation(result: dict, rows_by_id: dict, ui: str) -> str:
    """«A / B» for two acts, «editions of …» for two editions, «RU and KK of …» for one act's languages."""
    ra, rb = rows_by_id.get(result.get("a"), {}), rows_by_id.get(result.get("b"), {})
    title = result.get("title_a") or ra.get("title") or result.get("a")
    if result.get("editions"):
        return t("cmp_editions", ui, title=title, va=ra.get("version") or 1, vb=rb.get("version") or 1)
    if result.get("cross_language") and result.get("mode") == "structure":
        return t("cmp_languages", ui, title=title)
    key = "cmp_two_acts" if result.get("mode") == "content" else "cmp_by_number"
    return t(key, ui, a=title, b=result.get("title_b") or rb.get("title") or result.get("b"))


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
        st.warning(t("not_found", ui, id=md_escape(e)))
        return
    items = normalize(result)
    st.html(CSS)
    st.html(f"<p><b>{esc(relation(result, by_id, ui))}</b></p>")   # titles are document text: no Markdown
    named = lambda i: doc_caption(by_id[i], ui) if i in by_id else i     # noqa: E731  (a title, not an id)
    if len(result.get("vias") or []) > 1:
        st.html(f"<p>{esc(t('cmp_via_both', ui, via='», «'.join(named(v) for v in result['vias'])))}</p>")
    elif result.get("via"):
        st.html(f"<p>{esc(t('cmp_via', ui, via=named(result['via'])))}</p>")
    report = (result.get("report") or {}).get("text") or {}
    if report.get(ui):                   # quotes document text (headings, facts): escaped, never Markdown
        st.html(f'<div class="ms-cmp-report">{esc(report[ui])}</div>')
    counted = summary(result, items)
    line = t("diff_summary", ui, **counted)
    if counted["merged"]:
        line += ", " + t("diff_merged", ui, n=counted["merged"])
    if counted["split"]:
        line += ", " + t("diff_split", ui, n=counted["split"])
    st.markdown("**" + line + "**")
    if result.get("cross_language"):
        discrepancy_list(result, ui)
    counts = {k: sum(1 for i in items if i["kind"] == k) for k in KINDS}
    counts["changes"] = sum(counts[k] for k in KINDS if k != "same")
    counts["all"] = len(items)
    choice = st.radio(t("cmp_filter", ui), ("changes",) + KINDS + ("all",), key="w_kinds", horizontal=True,
                      format_func=lambda k: f"{t('kind_' + k, ui)} ({counts[k]})")
    kinds = {k for k in KINDS if k != "same"} if choice == "changes" else set(KINDS) if choice == "all" else {choice}
    st.html(diff_html(corpus, a, b, items, "same" in kinds, ui, kinds=kinds))


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


def diff_html(corpus, a: str, b: str, items: list[dict], show_same: bool, ui: str, kinds: set | None = None) -> str:
    """The pairs side by side, A left and B right; each change links to the previous and next one."""
    da, db = corpus.document(a), corpus.document(b)
    ua, ub = {u.id: u for u in corpus.units(a)}, {u.id: u for u in corpus.units(b)}
    ka, kb = children_map(ua.values()), children_map(ub.values())
    shown = [it for it in items if (kinds is None or it["kind"] in kinds) and (it["status"] != "same" or show_same)]
    changes = [k for k, it in enumerate(shown) if it["kind"] != "same"]
    nxt = {k: (changes[i + 1] if i + 1 < len(changes) else None) for i, k in enumerate(changes)}
    prv = {k: (changes[i - 1] if i > 0 else None) for i, k in enumerate(changes)}
    out = ['<div class="ms-diff">',
           f'<div class="ms-cmp-head"><div><b>A</b> — {esc(da.title)} ({esc(da.language.upper())})</div>'
           f'<div><b>B</b> — {esc(db.title)} ({esc(db.language.upper())})</div></div>']
    if changes:
        out.append(f'<p class="ms-jumps"><a href="#ms-chg-{changes[0]}">{esc(t("cmp_first_change", ui))}</a> · '
                   f'{esc(t("cmp_n_changes", ui, n=len(changes)))}</p>')
    for k, it in enumerate(shown):
        x, y = ua.get(it["a"]) if it["a"] else None, ub.get(it["b"]) if it["b"] else None
        tx = own_text(x, ka, da.text) if x else ""
        ty = own_text(y, kb, db.text) if y else ""
        label = f'{esc(x.label) if x else "—"} / {esc(y.label) if y else "—"}'
        status = esc(t("kind_" + it["kind"], ui))
        if it.get("renumbered"):
            status += " · " + esc(t("kind_renumbered", ui))
        if it.get("merged_labels"):                     # B's provision shown beside each of A's it merges
            status += " · " + esc(t("cmp_merged_with", ui, labels=", ".join(it["merged_labels"])))
        if it.get("split_labels"):                      # A's provision shown beside each of B's that say it
            status += " · " + esc(t("cmp_split_with", ui, labels=", ".join(it["split_labels"])))
        if it["status"] in ("changed", "moved") and (it["ops"] or tx != ty) and da.language == db.language:
            body = worddiff.ops_html(it["ops"]) if it["ops"] else worddiff.html(tx, ty)
            cells = f'<div class="ms-text">{esc(tx)}</div><div class="ms-text">{body}</div>'
        elif it["status"] == "added":
            cells = f'<div></div><div class="ms-text"><ins>{esc(ty)}</ins></div>'
        elif it["status"] == "removed":
            cells = f'<div class="ms-text"><del>{esc(tx)}</del></div><div></div>'
        else:
            cells = f'<div class="ms-text">{esc(tx)}</div><div class="ms-text">{esc(ty)}</div>'
        nav = ""
        if k in nxt:
            links = []
            if prv[k] is not None:
                links.append(f'<a href="#ms-chg-{prv[k]}" title="{esc(t("cmp_prev", ui))}">▲ {esc(t("cmp_prev", ui))}</a>')
            if nxt[k] is not None:
                links.append(f'<a href="#ms-chg-{nxt[k]}" title="{esc(t("cmp_next", ui))}">▼ {esc(t("cmp_next", ui))}</a>')
            nav = ' <span class="ms-nav">' + " ".join(links) + "</span>"
        anchor = f' id="ms-chg-{k}"' if k in nxt else ""
        out.append(f'<div class="ms-pair {esc(it["status"])} kind-{esc(it["kind"])}"{anchor}>'
                   f'<div class="lbl" style="grid-column:1 / span 2"><b>{label}</b> — {status}{nav}</div>{cells}</div>')
    out.append("</div>")
    return "".join(out)
