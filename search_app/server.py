"""The Streamlit server of ``maslihat serve``, with the app warmed while the server starts.

Streamlit runs the app's script only when the first visitor's page asks for it, so a freshly
started server used to import the search stack, open the corpus and run the empty search (the
facet counts of the whole corpus) during that visitor's first load (issue 14: 3.3 s at 100,000
documents in session 22, on a cold page cache). Here a background thread does the same work while Streamlit starts; the page's run
then finds the modules imported, the corpus open (``data._open`` is a resource every session
shares) and the index's memos filled. Nothing is shown from here: an error (no corpus, a damaged
file) is left for the page, which reports it in the visitor's language.

    python -m maslihat.search_app.server run APP [streamlit options]    (what ``launch.command`` runs)
"""
from __future__ import annotations

import sys
import threading


def prewarm() -> bool:
    """Import the pages, open the corpus and run the search page's first query; True when done.

    Runs in a daemon thread beside the server; it never raises (the page reports errors)."""
    try:
        from maslihat.search_app import data
        from maslihat.search_app.views import compare, competencies, facts, parallel, reader, search, upload  # noqa: F401
        corpus = data.corpus()
        if data.is_empty(corpus):
            return False
        data.stats()                                   # the sidebar's counts (COUNT(*) of 1.7 M units: 0.2 s)
        corpus.search("", limit=search.PAGE_SIZE)     # the page without a query: counts of every facet
        return True
    except Exception:  # noqa: BLE001 - the page opens the corpus again and says what is wrong
        return False


def main(argv: list[str] | None = None) -> None:
    threading.Thread(target=prewarm, name="maslihat-prewarm", daemon=True).start()
    from streamlit.web import cli
    sys.argv = ["streamlit", *(sys.argv[1:] if argv is None else argv)]
    cli.main(prog_name="streamlit")     # as `python -m streamlit` does: the server sees the same command line


if __name__ == "__main__":
    main()
