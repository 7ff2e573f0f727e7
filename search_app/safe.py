"""Document text is untrusted: every piece reaching the page as markup passes through here.

The app shows document text only as escaped HTML (``st.html``) or plain text; ``<mark>`` from
search snippets is the one tag let through, and only after everything else is escaped.
"""
from __future__ import annotations

import html
import re

_MARK = re.compile(r"&lt;(/?)mark&gt;")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def esc(text) -> str:
    """Escape for HTML text and attribute values (quotes included)."""
    return html.escape("" if text is None else str(text), quote=True)


def snippet_html(snippet: str | None) -> str:
    """A search snippet as HTML: everything escaped, then bare ``<mark>``/``</mark>`` restored.

    The index already escapes snippets; escaping again would show ``&amp;lt;`` to the user, so we
    unescape first and escape everything ourselves instead of trusting the input.
    """
    text = html.unescape(snippet or "")
    return _MARK.sub(lambda m: f"<{m.group(1)}mark>", esc(text))


def md_escape(text) -> str:
    """For widget labels, which Streamlit renders as Markdown: no links, images or emphasis."""
    return _MD_SPECIAL.sub(r"\\\1", "" if text is None else str(text))
