"""Browser-side behaviour Streamlit has no API for: where a view opens and the phone drawer.

One constant script (no document text, nothing from the URL) is installed once per page load;
each run then emits a marker ``<div class="ms-nav" data-token=… data-target=…>``. When the
token changes (the user went somewhere: another page, act, provision or results page) the
script scrolls the target anchor (a provision, a pair of the side-by-side view) into view, or
the page to the top, and on a phone closes the navigation drawer. Reruns that keep the token
(a facet click, an expander) leave the scroll position alone.
"""
from __future__ import annotations

import hashlib

import streamlit as st

from maslihat.search_app.safe import esc

PHONE_MAX = 768  # px: below this Streamlit shows the sidebar as a drawer over the page

SCRIPT = """<script>
(function () {
  const w = window;
  if (w.__msBehaviour) return;
  w.__msBehaviour = true;
  let seen = null, pending = null, until = 0, settle = 0, top = null;
  function main() { return document.querySelector('[data-testid=stMain]') || document.scrollingElement; }
  function closeDrawer() {
    if (w.innerWidth >= %(phone)d) return;
    const sb = document.querySelector('[data-testid=stSidebar]');
    if (!sb || sb.getAttribute('data-collapsed') !== 'false') return;
    const btn = sb.querySelector('[data-testid=stSidebarCollapseButton] button, [data-testid=stBaseButton-headerNoPadding]');
    if (btn) btn.click();
  }
  function place() {
    const nav = document.querySelector('.ms-nav');
    if (nav && nav.dataset.token !== seen) {
      seen = nav.dataset.token;
      pending = nav.dataset.target || '';
      until = Date.now() + 8000; settle = 0; top = null;
      closeDrawer();
      if (!pending) { const m = main(); if (m) m.scrollTo(0, 0); w.scrollTo(0, 0); }
    }
    if (pending) {
      const el = document.getElementById(pending);
      if (el) {
        // the page keeps rendering above the target for a moment after it appears:
        // hold it in place until the layout settles (or the user scrolls)
        if (!settle) settle = Date.now() + 3000;
        const r = el.getBoundingClientRect().top;
        if (top === null || Math.abs(r - top) > 3) { el.scrollIntoView({block: 'start'}); top = el.getBoundingClientRect().top; }
        if (Date.now() > settle) pending = null;
      }
      else if (Date.now() > until) pending = null;
    }
  }
  ['wheel', 'touchstart', 'keydown', 'mousedown'].forEach((t) => w.addEventListener(t, () => { if (settle) pending = null; }, {passive: true, capture: true}));
  setInterval(place, 200);
  new MutationObserver(() => w.requestAnimationFrame(place)).observe(document.body, {childList: true, subtree: true});
  document.addEventListener('click', (e) => {
    if (e.target.closest && e.target.closest('[data-testid=stSidebar] [role=radiogroup] label')) setTimeout(closeDrawer, 150);
  }, true);
  place();
})();
</script>""" % {"phone": PHONE_MAX}


def anchor_id(unit_id: str) -> str:
    """A DOM id for a unit: short, made of safe characters whatever the unit id holds."""
    return "ms-u-" + hashlib.sha1(unit_id.encode("utf-8")).hexdigest()[:12]


def install(token: str, target: str | None = None) -> None:
    """Install the script (once per page load) and say where this view opens."""
    st.html(SCRIPT, unsafe_allow_javascript=True)
    st.html(f'<div class="ms-nav" data-token="{esc(hashlib.sha1(token.encode()).hexdigest()[:16])}" '
            f'data-target="{esc(target or "")}"></div>')
