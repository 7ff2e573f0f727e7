"""One search interface, two back ends (SQLite FTS5 and Elasticsearch).

The store and the API only ever see ``SearchRequest``, ``SearchIndex`` and ``QueryError``;
the result is the ``search --json`` shape of shared/docs/contract.md, so the CLI can print
it as is.
"""
from __future__ import annotations

import abc
from dataclasses import dataclass, field
from typing import Optional

from maslihat.core.model import Document, Unit


class QueryError(ValueError):
    """The user's query or filters cannot be run: the message says why, in plain words."""


@dataclass
class SearchRequest:
    """``filters`` maps a facet name to the values accepted: AND across facets, OR within one."""
    query: str = ""
    lang: Optional[str] = None
    filters: dict[str, list[str]] = field(default_factory=dict)
    limit: int = 20
    offset: int = 0
    snippets: bool = True       # False: hits without a snippet (a caller that only reads ids and rows)
    #: > 0: the answer also carries ``window_ids``, the unit ids of the best this many hits of the
    #: same ranking (the fact facet counts over them), so one ranking serves the page and the facet
    window: int = 0
    #: unit ids the query cites («статья 8 Закона о …», ``corpus.citequery``): ranked first when
    #: among the candidates (``scoring.with_citation``)
    cited: tuple = ()
    #: document ids of the act the query names by its title words («закон о правовых актах»,
    #: ``corpus.citequery.acts_named``): their units ranked higher (``scoring.with_citation``)
    acts: tuple = ()
    #: the language the query is read in; None: guessed from its words (``nlp.analyze.guess_language``)
    src: Optional[str] = None


class SearchIndex(abc.ABC):
    """A full-text index of units with facets; both back ends answer identically."""

    #: unit ids -> {id: parent id}: the corpus's hierarchy, for the heading context of ranking
    #: (``scoring.with_context``); set by ``corpus.api.Corpus``; None: unit id paths stand in
    parents = None
    #: unit ids -> {id: kinds of facts it states}: what a question asks for is ranked first
    #: (``scoring.with_answer``); set by ``corpus.api.Corpus``; None: no answer-kind ranking
    facts_of = None
    #: unit ids -> {id: (language, the notion it defines)}: a definition question ranks the
    #: provision that defines its notion first (``scoring.with_definition``); set by ``corpus.api.Corpus``
    defines_of = None
    #: unit ids, answer kind (``nlp.modality.CUE_KINDS``), the question's terms -> the set of those
    #: whose opening says what such a question asks for (permits or forbids, states a liability,
    #: names papers): a question «можно ли …», «что грозит …», «какие документы …» ranks them
    #: first (``scoring.with_cues``); set by ``corpus.api.Corpus``
    cue_of = None
    #: unit ids -> {id: its aligned provision in the other language}: a query restricted to one
    #: language also matches in its own and ranks the aligned provisions of what it found there
    #: (``common.via_parallel``); set by ``corpus.api.Corpus``; None: no such matching
    parallel_of = None
    #: unit ids -> {id: the start of its text}: a query word neither RU↔KK table translates is
    #: translated by the aligned provisions of the units holding it (``corpus.index.aligned``); set
    #: by ``corpus.api.Corpus``; None: no such translation
    texts_of = None

    @abc.abstractmethod
    def add(self, docs: list[Document], units_by_doc: dict[str, list[Unit]]) -> None:
        """Index (or re-index) the units of ``docs``; the caller owns transactions."""

    @abc.abstractmethod
    def remove(self, document_ids: list[str]) -> None:
        """Drop every unit of these documents."""

    @abc.abstractmethod
    def search(self, req: SearchRequest) -> dict:
        """Run ``req``; raise ``QueryError`` for bad syntax or unknown facets/values."""

    @abc.abstractmethod
    def count(self) -> int:
        """Number of indexed units."""

    @abc.abstractmethod
    def clear(self) -> None:
        """Drop everything (used before a rebuild)."""

    def term_counts(self, terms: list[str]) -> dict[str, int]:
        """How many units hold each index term (``corpus.respell`` picks the spelling of a word
        the corpus knows); both back ends count the same units. {} when the back end cannot tell."""
        return {}

    def units_with_term(self, term: str, lang: str, n: int) -> list[str]:
        """Ids of the best ``n`` units of ``lang`` holding the index term ``term`` (by its BM25
        weight; ``corpus.index.aligned``); [] when the back end cannot tell."""
        return []

    def memo(self, name: str) -> Optional[dict]:
        """A dict kept with the index's current state and dropped when it changes (the embedded
        back end: its snapshot's generation), for what callers read per unit and would read again
        for the next query (the facts of a candidate window); None when the back end cannot tell
        when its data changed."""
        return None

    def checkpoint(self) -> None:
        """Called after an ingest has committed: prepare what the next search needs (the embedded
        back end keeps its snapshot on disk; a server needs nothing)."""


def by_memo(index: SearchIndex, name: str, fetch):
    """``fetch`` (unit ids -> {id: value} of those that have one) answered from ``index.memo(name)``
    where it can: the candidates of a query are mostly those of earlier queries, and reading the
    store again for each (parents, facts, notions of 100–1,000 units) was 3–5 ms of a warm query
    at 100,000 documents (issue 14). Values are shared: callers must not change them."""
    def read(unit_ids: list) -> dict:
        known = index.memo(name)
        if known is None:
            return fetch(unit_ids)
        missing = [u for u in dict.fromkeys(unit_ids) if u not in known]
        if missing:
            got = fetch(missing)
            known.update((u, got.get(u)) for u in missing)
        return {u: v for u in unit_ids if (v := known[u]) is not None}
    return read


# Environment settings read by the search layer, its scripts and its tests (documented in
# docs/search.md; a test fails when one is missing there).
SETTINGS = {
    "MASLIHAT_ES_URL": "Elasticsearch URL; when set the corpus searches Elasticsearch instead of SQLite FTS5",
    "MASLIHAT_TEST_ES_URL": "tests use this Elasticsearch instead of starting one with scripts/elasticsearch.sh",
    "CI": "when set, Elasticsearch tests fail instead of skipping if Java or Maven are missing",
    "ES_VERSION": "Elasticsearch version fetched by scripts/elasticsearch.sh (default 8.19.7)",
    "MASLIHAT_CACHE": "where scripts/elasticsearch.sh unpacks Elasticsearch (default /var/cache/maslihat as root, else ~/.cache/maslihat)",
    "MAVEN_REPO_LOCAL": "the Maven repository scripts/elasticsearch.sh passes to Maven and reads the zip from (default ~/.m2/repository)",
    "ES_STATE_DIR": "data, logs and config of the running test server (default /tmp/maslihat-es)",
    "ES_START_TIMEOUT": "seconds to wait for a healthy cluster (default 120)",
}
