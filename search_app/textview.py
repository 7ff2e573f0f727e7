"""Document text -> safe HTML: references become links, notes are boxed, the rest is escaped.

Offsets come from the corpus (``Reference.start/end``, ``Unit.start/end`` into ``Document.text``);
only tags built here reach the page, every piece of text goes through ``safe.esc``.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Callable, Iterable, Optional

from maslihat.search_app import i18n
from maslihat.search_app.safe import esc

CSS = """<style>
.ms-text{white-space:pre-wrap;font-family:Georgia,'DejaVu Serif',serif;line-height:1.55;font-size:0.98rem}
.ms-text a.ms-ref{color:#0b5cad;text-decoration:underline dotted}
.ms-text span.ms-ext{border-bottom:1px dashed #8a6d00;cursor:help}
.ms-note{display:block;background:#fff8e1;border-left:3px solid #e0a800;padding:2px 6px;margin:2px 0;font-size:0.9rem}
.ms-banner{background:#fdecea;border:1px solid #d93025;color:#8c1d18;padding:8px 12px;border-radius:6px;font-weight:600}
.ms-badge{display:inline-block;padding:0 6px;border-radius:8px;font-size:0.8rem;margin-right:4px;background:#eef2f7;color:#333}
.ms-badge.repealed{background:#fdecea;color:#8c1d18}
.ms-badge.in_force{background:#e6f4ea;color:#137333}
.ms-hit-title{font-weight:600}
.ms-snippet mark{background:#ffe066;padding:0 1px}
.ms-toc ul{list-style:none;padding-left:1em;margin:0}
.ms-toc>ul{padding-left:0}
.ms-toc a{text-decoration:none}
.ms-toc a.current{font-weight:700;background:#ffe066}
.ms-pair{display:grid;grid-template-columns:1fr 1fr;gap:12px;border-top:1px solid #ddd;padding:6px 0}
.ms-pair.disc{background:#fff4f4}
.ms-pair .lbl{font-size:0.8rem;color:#555}
.ms-disc{color:#b3261e;font-size:0.85rem;grid-column:1 / span 2}
.ms-diff ins{background:#d4f7d4;text-decoration:none}
.ms-diff del{background:#fbd5d5}
.ms-diff .ms-pair.changed{background:#fffbea}
.ms-diff .ms-pair.added{background:#effaf0}
.ms-diff .ms-pair.removed{background:#fdf0f0}
.ms-pair.focus{outline:3px solid #ffb300;background:#fffbe6}
.ms-anchor,.ms-pair>div[id]{scroll-margin-top:4.5rem}
.ms-where{font-size:0.85rem;color:#555}
.ms-par{font-size:0.85rem;color:#555;margin-top:2px}
.ms-lead{font-size:0.9rem;color:#555}
.ms-copies{font-size:0.85rem;color:#555;margin-top:2px}
.ms-refs ul{margin:0 0 0 1.2em}
.ms-phone{display:none}
.st-key-ms_filters_btn{display:none}
@media (max-width: 767px){
  .ms-desk{display:none}
  .ms-phone{display:block}
  .ms-phone summary{font-weight:600;cursor:pointer;padding:4px 0}
  .st-key-ms_filters_btn{display:block}
  .st-key-ms_facets{display:none}
  .st-key-ms_search [data-testid=stHorizontalBlock]{flex-direction:column-reverse}
  .st-key-ms_search:has(.st-key-ms_facets_open) [data-testid=stHorizontalBlock]{flex-direction:column}
  .ms-pair{grid-template-columns:1fr}
  .ms-disc{grid-column:1}
}
</style>"""


def i18n_css(ui: str) -> str:
    """Texts Streamlit draws itself (the file uploader) replaced by the interface language's."""
    from maslihat.core.config import upload_limit_bytes

    def q(s: str) -> str:  # a CSS string literal of our own (constant) text
        return '"' + s.replace("\\", "").replace('"', "'") + '"'
    mb = f"{max(1, upload_limit_bytes() // 1048576)}"
    return ("<style>"
            "[data-testid=stFileUploaderDropzoneInstructions]>div>span,"
            "[data-testid=stFileUploaderDropzoneInstructions]>div>small{display:none}"
            f"[data-testid=stFileUploaderDropzoneInstructions]>div::before{{content:{q(i18n.t('upload_drop', ui))};display:block}}"
            f"[data-testid=stFileUploaderDropzoneInstructions]>div::after{{content:{q(i18n.t('upload_each_limit', ui, mb=mb))};"
            "display:block;font-size:0.85rem;opacity:0.7}"
            "[data-testid=stFileUploaderDropzone] button [data-testid=stMarkdownContainer] p{display:none}"
            f"[data-testid=stFileUploaderDropzone] button [data-testid=stMarkdownContainer]::after{{content:{q(i18n.t('upload_browse', ui))}}}"
            "</style>")


def doc_caption(row: dict, ui: str) -> str:
    """Plain-text one-liner for select boxes: title, language, date, number, edition."""
    bits = [row.get("title") or row.get("id", "")]
    bits.append(row.get("language", "").upper())
    if row.get("adopted_date"):
        bits.append(row["adopted_date"])
    if row.get("number"):
        bits.append("№ " + str(row["number"]))
    if (row.get("version") or 1) > 1:
        bits.append(f"#{row['version']}")
    if row.get("status") == "repealed":
        bits.append("✕ " + i18n.value_label("status", "repealed", ui))
    return " · ".join(str(b) for b in bits if b)


def status_badge(status: Optional[str], ui: str) -> str:
    s = status or "unknown"
    return f'<span class="ms-badge {esc(s)}">{esc(i18n.value_label("status", s, ui))}</span>'


def describe_target(target: dict) -> str:
    """What a reference cites, in words, for acts outside the corpus."""
    t = target or {}
    parts = [t.get("act_type"), t.get("title"), t.get("date"),
             ("№ " + str(t["number"])) if t.get("number") else None,
             ("ст. " + str(t["article"])) if t.get("article") else None,
             ("п. " + str(t["point"])) if t.get("point") else None,
             ("пп. " + str(t["subpoint"])) if t.get("subpoint") else None]
    return " ".join(str(p) for p in parts if p)


def children_map(units: Iterable) -> dict[Optional[str], list]:
    kids: dict[Optional[str], list] = defaultdict(list)
    for u in sorted(units, key=lambda u: (u.ordinal, u.start)):
        kids[u.parent_id].append(u)
    return kids


def own_text(unit, kids: dict, text: str) -> str:
    """The unit's text without its children (a chapter's heading, not all its points)."""
    end = unit.end
    for c in kids.get(unit.id, []):
        if c.kind != "note":
            end = min(end, c.start)
    return text[unit.start:max(end, unit.start)].strip()


def render_text(text: str, start: int, end: int, refs: Iterable = (), notes: Iterable = (),
                href: Optional[Callable] = None, ui: str = "ru") -> str:
    """``text[start:end]`` as HTML with reference links and note boxes.

    ``href(ref)`` gives a URL for a resolved reference (None = not in the corpus: the cited
    act is described in a tooltip). Overlapping or boundary-crossing spans are dropped, so the
    markup always nests.
    """
    note_spans = sorted({(max(n.start, start), min(n.end, end)) for n in notes if n.end > start and n.start < end})
    ref_list = sorted((r for r in refs if r.start >= start and r.end <= end and r.end > r.start),
                      key=lambda r: (r.start, -r.end))
    events: list[tuple[int, int, str]] = []  # (offset, order, markup): inner closers, outer closers, outer openers, inner openers
    last_note_end = start
    for a, b in note_spans:
        if a < last_note_end:
            continue
        events += [(a, 1, '<span class="ms-note">'), (b, 0, "</span>")]
        last_note_end = b
    taken_end = start
    for r in ref_list:
        if r.start < taken_end:
            continue
        if not all(r.end <= a or r.start >= b or (a <= r.start and r.end <= b) for a, b in note_spans):
            continue  # a reference straddling a note boundary would break the nesting
        url = href(r) if href else None
        desc = describe_target(getattr(r, "target", {}) or {})
        if url:
            opener = f'<a class="ms-ref" href="{esc(url)}" target="_self" title="{esc(desc)}">'
            closer = "</a>"
        else:
            tip = i18n.t("external_ref", ui) + (": " + desc if desc else "")
            opener = f'<span class="ms-ext" title="{esc(tip)}">'
            closer = "</span>"
        events += [(r.start, 2, opener), (r.end, -1, closer)]
        taken_end = r.end
    events.sort(key=lambda e: (e[0], e[1]))
    out, pos = [], start
    for off, _, markup in events:
        out.append(esc(text[pos:off]))
        out.append(markup)
        pos = off
    out.append(esc(text[pos:end]))
    return '<div class="ms-text">' + "".join(out) + "</div>"


def toc_html(units: list, current: Optional[str], url_for: Callable, ui: str, text: str = "") -> str:
    """Nested list of the document's units (notes and signatures left out)."""
    kids = children_map(units)
    skip = {"note", "signature", "toc", "paragraph", "subpoint"}

    def walk(parent: Optional[str], depth: int) -> str:
        items = [u for u in kids.get(parent, []) if u.kind not in skip]
        if not items or depth > 4:
            return ""
        lis = []
        for u in items:
            label = u.label or i18n.value_label("kind", u.kind, ui)
            if u.heading:
                label = f"{label}. {u.heading}"
            elif not u.number and text:  # a heading or preamble: its first words say more than its kind
                label = " ".join(own_text(u, kids, text).split()[:8]) or label
            if len(label) > 90:
                label = label[:87] + "…"
            cls = ' class="current"' if u.id == current else ""
            lis.append(f'<li><a{cls} href="{esc(url_for(u))}" target="_self">{esc(label)}</a>{walk(u.id, depth + 1)}</li>')
        return "<ul>" + "".join(lis) + "</ul>"

    return '<div class="ms-toc">' + walk(None, 0) + "</div>"


def appendix_place(corpus, unit_id: str, cache: dict) -> str:
    """'прил. 1 «Регламент …»' for a unit inside an appendix, '' in the act's operative part.

    Two hits of one act labelled 'п. 1' (the decision's and its regulation's) are told apart by it.
    """
    if unit_id in cache:
        return cache[unit_id]
    place, cur, seen = "", unit_id, 0
    while cur and seen < 8:
        seen += 1
        try:
            u = corpus.unit(cur)
        except Exception:  # noqa: BLE001 - a unit gone from the corpus: no place, not an error page
            break
        if u.kind == "appendix":
            place = u.label + (f" «{u.heading}»" if u.heading else "")
            break
        cur = u.parent_id
    cache[unit_id] = place
    return place
