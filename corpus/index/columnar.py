"""The embedded back end's in-memory side: facet codes in compact arrays, indexed by FTS rowid.

SQLite stays the store of truth. A ``Snapshot`` is read from ``search_docs``, ``search_units``
and ``search_unit_competency`` once per process (per ``SqliteIndex``) and again only when the
index's generation token (``search_meta``) changes; ``add``/``remove``/``clear`` write a new
token inside the caller's transaction, so readers of any connection see a fresh snapshot as
soon as the change is visible to them. Facet filters are boolean masks and facet counts are
``numpy.bincount`` over the matched rowids: no joins, no per-row Python.

Bulk reads use ``group_concat`` (one string per column, parsed by numpy) because fetching
millions of rows one Python tuple at a time costs seconds.
"""
from __future__ import annotations

import math

import numpy as np

from maslihat.core.taxonomy import DOCUMENT_FACETS
from maslihat.corpus.index.facets import FACETS, INDEXED_KINDS, order_counts

DOC_FACETS = DOCUMENT_FACETS     # facets that are properties of the unit's document
LIST_FACET = "competency"
UNIT_FACET = "kind"
CHUNK = 63                # competency values per bit mask (uint64)


def ints(s) -> np.ndarray:
    """A ``group_concat`` of integers -> int64 array (empty for NULL)."""
    if not s:
        return np.zeros(0, dtype=np.int64)
    return np.fromstring(s, dtype=np.int64, sep=",")  # noqa: NPY201 - text mode is not deprecated


class Snapshot:
    """Facet codes, document order and lengths of every indexed unit, by FTS rowid."""

    def __init__(self, conn, generation):
        self.generation = generation
        self._load_docs(conn)
        self._load_units(conn)
        self._load_competency(conn)
        self._lang_rows: dict = {}

    # loading -----------------------------------------------------------------------------------
    def _load_docs(self, conn) -> None:
        # document order straight from the UNIQUE index on document_id (binary = code-point order)
        rowids = ints(conn.execute("SELECT group_concat(rowid) FROM (SELECT rowid FROM search_docs "
                                   "ORDER BY document_id)").fetchone()[0])
        self.n_docs = len(rowids)
        self.doc_of_rowid = np.full(int(rowids.max()) + 1 if len(rowids) else 1, -1, dtype=np.int32)
        self.doc_of_rowid[rowids] = np.arange(len(rowids), dtype=np.int32)
        self.doc_rank = np.arange(len(rowids), dtype=np.int64)     # documents are numbered in that order
        self.doc_vocab: dict[str, list] = {}
        self.doc_codes: dict[str, np.ndarray] = {}
        for name in DOC_FACETS:               # SQLite groups; Python only sees each distinct value
            vocab: list = [None]
            codes = np.zeros(len(rowids), dtype=np.int32)
            for value, rows in conn.execute(f"SELECT {name}, group_concat(rowid) FROM search_docs GROUP BY {name}"):
                if value is None:
                    continue
                codes[self.doc_of_rowid[ints(rows)]] = len(vocab)
                vocab.append(value)
            self.doc_vocab[name], self.doc_codes[name] = vocab, codes

    def _load_units(self, conn) -> None:
        case = " ".join(f"WHEN '{k}' THEN {i + 1}" for i, k in enumerate(INDEXED_KINDS))
        r = conn.execute(
            "SELECT group_concat(rowid), group_concat(doc_rowid), group_concat(coalesce(ordinal, -1)), "
            f"group_concat(coalesce(nterms, -1)), group_concat(CASE kind {case} WHEN NULL THEN 0 ELSE -1 END) "
            "FROM search_units").fetchone()
        rowid, doc_rowid, ordinal, nterms, kind = (ints(x) for x in r)
        n = int(rowid.max()) + 1 if len(rowid) else 1
        self.size = n
        self.present = np.zeros(n, dtype=bool)
        self.present[rowid] = True
        self.rows_all = np.sort(rowid)
        self.doc = np.full(n, -1, dtype=np.int32)
        self.doc[rowid] = self.doc_of_rowid[doc_rowid]
        self.kind_vocab = [None] + list(INDEXED_KINDS)
        self.kind = np.zeros(n, dtype=np.int32)
        self.kind[rowid] = kind
        if (kind < 0).any():         # a kind outside the known list still counts and filters
            for rid, k in conn.execute("SELECT rowid, kind FROM search_units WHERE kind IS NOT NULL AND kind "
                                       f"NOT IN ({','.join('?' * len(INDEXED_KINDS))})", INDEXED_KINDS):
                if k not in self.kind_vocab:
                    self.kind_vocab.append(k)
                self.kind[rid] = self.kind_vocab.index(k)
            self.kind[self.kind < 0] = 0
        if (nterms < 0).any():       # rows written before ``nterms`` existed: FTS5's own sizes
            nterms = self._legacy_sizes(conn, rowid, nterms)
        # FTS5 row length = tokens of every column: the terms plus the one ``lang`` token.
        self.dl = np.zeros(n, dtype=np.float64)
        self.dl[rowid] = nterms + 1
        self.n_rows = len(rowid)
        self.avgdl = float(self.dl.sum()) / self.n_rows if self.n_rows else 1.0
        ordinal_full = np.zeros(n, dtype=np.int64)
        ordinal_full[rowid] = ordinal
        # browse order (document_id, ordinal) as one rank per rowid: the tie-break of every sort
        self.pos = np.full(n, np.iinfo(np.int64).max, dtype=np.int64)
        order = np.argsort((self.doc_rank[self.doc[self.rows_all]] << 32) + ordinal_full[self.rows_all] + 1,
                           kind="stable")
        self.pos[self.rows_all[order]] = np.arange(len(order), dtype=np.int64)
        self.browse_order = self.rows_all[order]
        self.ulang = np.zeros(n, dtype=np.int16)         # language code per unit (the FTS5 lang column)
        if self.n_docs:
            self.ulang[rowid] = self.doc_codes["language"][self.doc[rowid]]
        self.complete_lang = not (self.ulang[rowid] == 0).any()   # every unit has a language
        self._group(rowid)

    def _group(self, rowid) -> None:
        """One code per unit for all single-valued facets: (document facet combination, kind).

        Documents with the same seven facet values form a group (thousands, not millions), so
        one ``bincount`` over the matched units counts every single-valued facet at once.
        """
        nk = len(self.kind_vocab)
        if self.n_docs:
            sizes = [len(self.doc_vocab[n]) for n in DOC_FACETS]
            if math.prod(sizes) < 2**62:      # mixed-radix key: one int64 per document, fast to unique
                key = np.zeros(self.n_docs, dtype=np.int64)
                for n, size in zip(DOC_FACETS, sizes):
                    key = key * size + self.doc_codes[n]
                keys, docgroup = np.unique(key, return_inverse=True)
                self.groups = np.empty((len(keys), len(DOC_FACETS)), dtype=np.int64)
                for j in range(len(DOC_FACETS) - 1, -1, -1):
                    keys, self.groups[:, j] = np.divmod(keys, sizes[j])
            else:
                table = np.stack([self.doc_codes[n] for n in DOC_FACETS], axis=1)
                self.groups, docgroup = np.unique(table, axis=0, return_inverse=True)
            docgroup = docgroup.ravel().astype(np.int64)
        else:
            self.groups, docgroup = np.zeros((0, len(DOC_FACETS)), dtype=np.int32), np.zeros(0, dtype=np.int64)
        self.n_groups = len(self.groups)
        self.ucode = np.zeros(self.size, dtype=np.int64)
        if len(rowid):
            self.ucode[rowid] = docgroup[self.doc[rowid]] * nk + self.kind[rowid]

    @staticmethod
    def _legacy_sizes(conn, rowid, nterms):
        out = nterms.copy()
        need = {int(r): i for i, r in enumerate(rowid) if nterms[i] < 0}
        for rid, sz in conn.execute("SELECT id, sz FROM search_fts_docsize"):
            i = need.get(rid)
            if i is not None:
                out[i] = _varint(sz)
        out[out < 0] = 0
        return out

    def _load_competency(self, conn) -> None:
        self.comp_vocab: list[str] = []
        rows_by_value = []
        for value, rows in conn.execute("SELECT value, group_concat(unit_rowid) FROM search_unit_competency "
                                        "GROUP BY value"):
            r = ints(rows)
            r = r[r < self.size]
            self.comp_vocab.append(value)
            rows_by_value.append(r[self.present[r]])
        # per chunk of 63 values: a bit mask per unit, reduced to combination codes
        self.comp_chunks = []
        for c0 in range(0, len(self.comp_vocab), CHUNK):
            mask = np.zeros(self.size, dtype=np.uint64)
            for bit, r in enumerate(rows_by_value[c0:c0 + CHUNK]):
                mask[r] |= np.uint64(1) << np.uint64(bit)
            combos, combo = np.unique(mask, return_inverse=True)
            nb = len(rows_by_value[c0:c0 + CHUNK])
            bits = ((combos[:, None] >> np.arange(nb, dtype=np.uint64)[None, :]) & np.uint64(1)).astype(bool)
            self.comp_chunks.append((c0, combo.astype(np.int32).ravel(), bits))

    # languages ---------------------------------------------------------------------------------
    def lang_rows(self, langs) -> np.ndarray:
        """Sorted rowids of units in these languages (the FTS5 ``lang`` column)."""
        key = tuple(langs)
        if key not in self._lang_rows:
            vocab = self.doc_vocab["language"]
            codes = [vocab.index(l) for l in langs if l in vocab]
            d = self.doc[self.rows_all]
            ok = np.isin(self.doc_codes["language"][d], codes) & (d >= 0)
            self._lang_rows[key] = self.rows_all[ok]
        return self._lang_rows[key]

    def all_languages(self, langs) -> bool:
        """True when ``langs`` covers every language in the index (no restriction needed)."""
        return self.complete_lang and set(self.doc_vocab["language"][1:]) <= set(langs)

    def in_langs(self, rows: np.ndarray, langs) -> np.ndarray:
        vocab = self.doc_vocab["language"]
        allowed = np.zeros(len(vocab), dtype=bool)
        allowed[[vocab.index(l) for l in langs if l in vocab]] = True
        return allowed[self.ulang[rows]]

    # filters and counts ------------------------------------------------------------------------
    def keep(self, rows: np.ndarray, filters: dict[str, list[str]]) -> np.ndarray:
        """Boolean mask over ``rows``: AND across facets, OR within one."""
        if not filters or not len(rows):
            return np.ones(len(rows), dtype=bool)
        group_ok = np.ones(self.n_groups, dtype=bool)
        kind_ok = np.ones(len(self.kind_vocab), dtype=bool)
        comp = None
        for name, values in filters.items():
            if name in self.doc_codes:
                vocab = self.doc_vocab[name]
                allowed = np.zeros(len(vocab), dtype=bool)
                allowed[[vocab.index(v) for v in values if v in vocab]] = True
                group_ok &= allowed[self.groups[:, DOC_FACETS.index(name)]]
            elif name == UNIT_FACET:
                kind_ok &= np.isin(np.array(self.kind_vocab, dtype=object), list(values))
            elif name == LIST_FACET:
                comp = values
            else:                                    # validate_filters knows every facet name
                raise KeyError(name)
        ok = (group_ok[:, None] & kind_ok[None, :]).ravel()[self.ucode[rows]]
        if comp is not None:
            any_ = np.zeros(len(rows), dtype=bool)
            wanted = {self.comp_vocab.index(v) for v in comp if v in self.comp_vocab}
            for c0, combo, bits in self.comp_chunks:
                cols = [i - c0 for i in wanted if c0 <= i < c0 + bits.shape[1]]
                if cols:
                    any_ |= bits[:, cols].any(axis=1)[combo[rows]]
            ok &= any_
        return ok

    def counts(self, rows: np.ndarray) -> dict[str, dict[str, int]]:
        """Every facet counted over ``rows`` (exact, the whole set), in the reported order."""
        pairs: dict[str, list] = {name: [] for name in FACETS}
        if len(rows):
            nk = len(self.kind_vocab)
            cell = np.bincount(self.ucode[rows], minlength=self.n_groups * nk).reshape(self.n_groups, nk)
            per_group = cell.sum(axis=1)
            for j, name in enumerate(DOC_FACETS):
                c = np.bincount(self.groups[:, j], weights=per_group, minlength=len(self.doc_vocab[name]))
                pairs[name] = _pairs(self.doc_vocab[name], c)
            pairs[UNIT_FACET] = _pairs(self.kind_vocab, cell.sum(axis=0))
            comp = []
            for c0, combo, bits in self.comp_chunks:
                per_combo = np.bincount(combo[rows], minlength=bits.shape[0])
                c = per_combo @ bits.astype(np.int64)
                comp += [(self.comp_vocab[c0 + i], int(n)) for i, n in enumerate(c) if n]
            pairs[LIST_FACET] = comp
        return {name: order_counts(pairs[name], FACETS[name].size) for name in FACETS}


def _pairs(vocab: list, counts: np.ndarray) -> list[tuple[str, int]]:
    nz = np.nonzero(counts)[0]
    return [(vocab[i], int(counts[i])) for i in nz if i != 0 and vocab[i] is not None]


def _varint(blob: bytes) -> int:
    """The first SQLite varint of an FTS5 docsize record (the ``terms`` column's size)."""
    v = 0
    for i, b in enumerate(blob[:9]):
        if i == 8:
            return (v << 8) | b
        v = (v << 7) | (b & 0x7F)
        if not b & 0x80:
            return v
    return v
