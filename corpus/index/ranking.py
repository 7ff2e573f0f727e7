"""Matching and BM25 ranking of the term AST over FTS5 postings, in numpy.

FTS5 answers "which rows contain this term" fast, but ``bm25()`` costs microseconds per matched
row (it reads each row's size record) and any join or ORDER BY over a large match runs per
row. So the embedded back end reads each query term's postings once from the FTS5 index
through an ``fts5vocab`` instance table (row id and position of every occurrence), keeps them
in a bounded in-process cache (``TermCache``, dropped with the snapshot when the index
changes) and evaluates the whole query with set operations on sorted rowid arrays:

* a term  -> its rows and term frequencies; a prefix -> all terms in [stem, stem + U+10FFFF);
  a phrase -> occurrences whose successors sit at the next positions;
* AND = intersection, OR = union, NOT = difference, a lone NOT = the language's rows minus;
* BM25 as FTS5's ``bm25(search_fts, 1.0, 0.0)``: k1 = 1.2, b = 0.75, IDF per phrase
  ``log((N - n + 0.5) / (n + 0.5))`` (1e-6 when not positive), row length = tokens of all
  columns, a phrase's frequency counted where its subtree matches — but each row's length kept
  as Lucene keeps it, in one byte (``lucene_length``: exact below 24 tokens, above it four
  significant bits), so that Elasticsearch, which cannot be told otherwise, scores the same
  (issue 16, session 32). The mean length stays exact, as in Lucene.
"""
from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict
from typing import Optional

import numpy as np

from maslihat.corpus.index.columnar import Snapshot, ints
from maslihat.corpus.index.query import TAnd, TBest, TNot, TOr, TPhrase, TPrefix
from maslihat.corpus.index.scoring import COVERAGE

K1, B = 1.2, 0.75
# the rule of the BM25 contributions kept on disk (``postfile``): a generation's postings scored by an
# older rule are not read again (2: row lengths in Lucene's byte, ``lucene_length``)
SCORES = 2
VOCAB = "search_fts_vocab_i"          # temp table, per connection
# postings kept per process (row ids + scores): a generation's working set. At 100,000 documents the
# 360 questions of bench.search100k read 800 MB of them (terms, their one-language parts, concepts);
# under 512 MB a round of them evicted every entry before its next use (LRU over a cycle), and each
# query read ~17 postings again from the disk cache (issue 14: warm CPU p95 41 -> 31 ms)
CACHE_BYTES = 1024 * 2**20
DISK_AFTER_S = 0.004                  # postings that took longer to read are kept on disk (postfile)
PRUNE_MIN = 20_000                    # matching units below which scoring them all is cheap
SHIFT = np.int64(32)                  # (rowid << 32) | offset: one sortable key per occurrence


# --- Lucene's one-byte length (org.apache.lucene.util.SmallFloat, Lucene 9; Elasticsearch 8.19) -----------
# BM25Similarity.computeNorm stores a field's length as SmallFloat.intToByte4(numTerms); scoring reads
# it back through LENGTH_TABLE[i] = SmallFloat.byte4ToInt((byte) i) and divides by
# avgFieldLength = sumTotalTermFreq / docCount, which is exact (not kept in a byte). The encoding:
#   longToInt4(i): i < 8 itself; else its 4 most significant bits, the top one implicit
#                  ((i >>> shift) & 0x07) | (shift + 1) << 3, shift = bit length - 4 (rounded down)
#   int4ToLong(e): e < 8 itself; else ((e & 0x07) | 0x08) << ((e >>> 3) - 1)
#   NUM_FREE_VALUES = 255 - longToInt4(Integer.MAX_VALUE) = 255 - 231 = 24
#   intToByte4(n) = n < 24 ? n : 24 + longToInt4(n - 24)
#   byte4ToInt(b) = b < 24 ? b : 24 + int4ToLong(b - 24)   (b unsigned; at most 2013265944)
FREE = 24                                  # SmallFloat's NUM_FREE_VALUES
INT_MAX = 2**31 - 1


def _bit_length(i: np.ndarray) -> np.ndarray:
    """64 - Long.numberOfLeadingZeros(i) of non-negative int64 below 2**53 (exact as float64)."""
    return np.frexp(i.astype(np.float64))[1].astype(np.int64)


def long_to_int4(i) -> np.ndarray:
    """``SmallFloat.longToInt4``: a non-negative integer as 4 significant bits and a shift."""
    i = np.asarray(i, dtype=np.int64)
    shift = _bit_length(i) - 4
    s = np.maximum(shift, 0)
    return np.where(shift < 0, i, ((i >> s) & 0x07) | ((shift + 1) << 3))


def int4_to_long(e) -> np.ndarray:
    """``SmallFloat.int4ToLong``: the inverse of ``long_to_int4`` (the bits below the four lost)."""
    e = np.asarray(e, dtype=np.int64)
    shift = (e >> 3) - 1
    return np.where(shift < 0, e & 0x07, ((e & 0x07) | 0x08) << np.maximum(shift, 0))


def int_to_byte4(n) -> np.ndarray:
    """``SmallFloat.intToByte4``: the byte (0..255, unsigned) Lucene stores for a length ``n`` ≥ 0."""
    n = np.asarray(n, dtype=np.int64)
    if (n < 0).any() or (n > INT_MAX).any():
        raise ValueError("a length is an int of 0 or more")
    return np.where(n < FREE, n, FREE + long_to_int4(np.maximum(n - FREE, 0)))


def byte4_to_int(b) -> np.ndarray:
    """``SmallFloat.byte4ToInt``: the length Lucene reads back from the stored byte ``b`` (0..255)."""
    b = np.asarray(b, dtype=np.int64)
    return np.where(b < FREE, b, FREE + int4_to_long(np.maximum(b - FREE, 0)))


LENGTH_TABLE = byte4_to_int(np.arange(256)).astype(np.float64)   # BM25Similarity.LENGTH_TABLE


_KEPT = LENGTH_TABLE[int_to_byte4(np.arange(1024))]      # lucene_length of 0 .. 1023, grown on demand
_KEPT_MAX = 1 << 22


def lucene_length(n) -> np.ndarray:
    """The length BM25 reads for a row of ``n`` tokens, as Lucene keeps it:
    ``byte4ToInt(intToByte4(n))`` — exact below 24, above it rounded down to four significant bits
    of ``n - 24`` (40 → 40, 41 → 40, 55 → 54, 100 → 96). The one place of this rule: the embedded
    ranking (``Ranker.scored``) and ``bench.parity`` read it; Elasticsearch applies it itself.
    Looked up in a table of every length up to the longest asked: the encoding row by row cost
    about three times as much as the BM25 arithmetic of a term's postings."""
    global _KEPT
    i = np.asarray(n).astype(np.int64)
    top = int(i.max()) if i.size else 0
    if top >= _KEPT_MAX or (i.size and int(i.min()) < 0):
        return LENGTH_TABLE[int_to_byte4(i)]
    kept = _KEPT
    if top >= len(kept):
        kept = LENGTH_TABLE[int_to_byte4(np.arange(max(top + 1, 2 * len(kept))))]
        _KEPT = kept
    return kept[i]


class TermCache:
    """Postings of terms, prefixes and phrases, least recently used evicted first."""

    def __init__(self, limit: int = CACHE_BYTES):
        self.limit = limit
        self.items: OrderedDict = OrderedDict()
        self.bytes = 0
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            v = self.items.get(key)
            if v is not None:
                self.items.move_to_end(key)
            return v

    def put(self, key, value) -> None:
        size = sum(a.nbytes for a in value)
        for a in value:                    # shared by every query that uses the term: read-only
            a.flags.writeable = False
        with self.lock:
            if key in self.items:
                return
            self.items[key] = value
            self.bytes += size
            while self.bytes > self.limit and len(self.items) > 1:
                _, old = self.items.popitem(last=False)
                self.bytes -= sum(a.nbytes for a in old)


class Ranker:
    """Evaluates term ASTs against one snapshot of the index."""

    def __init__(self, conn, snap: Snapshot, cache: TermCache, disk=None, keep_all: bool = False):
        self.conn, self.snap, self.cache, self.disk = conn, snap, cache, disk    # disk: postfile.DiskPostings
        self.keep_all = keep_all          # write every postings read to disk (a writer warming a generation)
        # a best-match query's units that cannot reach the best ``k`` (after ``prior``, among the
        # units ``eligible`` keeps) are not summed (``_pruned``); k = 0: every unit is scored
        self.k, self.prior, self.eligible = 0, None, None
        # the k-th best score (after ``prior``, among eligible units) of the branches evaluated so
        # far: a later branch (another language's units) need not sum a unit that cannot beat it
        self.floor, self._best_k = 0.0, np.zeros(0)
        self.concept_rows: dict = {}      # languages -> the rows of each concept of their best-match query

    # postings ----------------------------------------------------------------------------------
    def _docs(self, sql: str, params) -> np.ndarray:
        return ints(self.conn.execute(sql, params).fetchone()[0])

    def _postings(self, key) -> tuple[np.ndarray, np.ndarray]:
        """(rowids, frequencies) of a term ("t"), a prefix ("p") or a phrase ("f"), from FTS5."""
        kind, arg = key
        if kind == "t":
            docs = self._docs(f"SELECT group_concat(doc) FROM temp.{VOCAB} WHERE term = ? AND col = 'terms'",
                              (arg,))
        elif kind == "p":
            docs = np.sort(self._docs(f"SELECT group_concat(doc) FROM temp.{VOCAB} WHERE term >= ? AND term < ? "
                                      "AND col = 'terms'", (arg, arg + "\U0010ffff")))
        else:
            docs = self._phrase_starts(arg) >> SHIFT
        return _freq(docs, self.snap)

    def _phrase_starts(self, terms: tuple) -> np.ndarray:
        """(rowid << 32 | offset) of every place where ``terms`` follow each other."""
        if any(not len(self.scored(("t", t))[0]) for t in terms):   # a word that never occurs
            return np.zeros(0, dtype=np.int64)
        starts = np.zeros(0, dtype=np.int64)
        for i, t in enumerate(terms):
            d, o = self.conn.execute(f"SELECT group_concat(doc), group_concat(offset) FROM temp.{VOCAB} "
                                     "WHERE term = ? AND col = 'terms'", (t,)).fetchone()
            keys = (ints(d) << SHIFT) | ints(o)
            starts = keys if i == 0 else starts[np.isin(starts + i, keys, assume_unique=True)]
            if not len(starts):
                break
        return starts

    def scored(self, key) -> tuple[np.ndarray, np.ndarray]:
        """(sorted rowids, BM25 contribution) of one phrase of the query over all units; cached."""
        hit = self.cache.get(key)
        if hit is None:
            hit = self.disk.get(key) if self.disk is not None else None
            if hit is None:
                t0 = time.perf_counter()
                rows, tf = self._postings(key)
                idf = self.idf(len(rows))
                d = lucene_length(self.snap.dl[rows])
                hit = (rows, idf * ((tf * (K1 + 1.0)) / (tf + K1 * (1 - B + B * d / self.snap.avgdl))))
                if self.disk is not None and (self.keep_all or time.perf_counter() - t0 > DISK_AFTER_S):
                    self.disk.put(key, *hit)
            self.cache.put(key, hit)
        return hit

    def leaf(self, key, langs: tuple) -> tuple[np.ndarray, np.ndarray]:
        """``scored`` restricted to the units of ``langs`` (postings partitioned by language)."""
        if self.snap.all_languages(langs):
            return self.scored(key)
        lkey = (key, langs)
        hit = self.cache.get(lkey)
        if hit is None:
            rows, score = self.scored(key)
            ok = self.snap.in_langs(rows, langs)
            hit = (rows[ok], score[ok])
            self.cache.put(lkey, hit)
        return hit

    # evaluation --------------------------------------------------------------------------------
    def idf(self, n_hit: int) -> float:
        n = self.snap.n_rows
        v = math.log((n - n_hit + 0.5) / (n_hit + 0.5))
        return v if v > 0.0 else 1e-6

    def evaluate(self, node, langs: tuple) -> tuple[np.ndarray, np.ndarray]:
        """(sorted rowids, BM25 scores) of the units of ``langs`` that ``node`` matches.

        Every leaf is restricted to ``langs`` first, so AND, OR and NOT keep the restriction.
        """
        return self._eval(node, tuple(sorted(langs)))

    def _eval(self, node, langs):
        if isinstance(node, TBest):
            return self._best(node, langs)
        if isinstance(node, TPhrase):
            terms = tuple(node.terms)
            rows, score = self.leaf(("t", terms[0]) if len(terms) == 1 else ("f", terms), langs)
            return (rows, score * node.weight) if node.weight != 1.0 else (rows, score)
        if isinstance(node, TPrefix):
            return self.leaf(("p", node.stem), langs)
        if isinstance(node, TOr):
            parts = [self._eval(i, langs) for i in node.items]
            rows = _union([p[0] for p in parts])
            score = np.zeros(len(rows))
            for r, s in parts:
                score[np.searchsorted(rows, r)] += s
            return rows, score
        if isinstance(node, (TAnd, TNot)):
            items = node.items if isinstance(node, TAnd) else (node,)
            pos = [self._eval(i, langs) for i in items if not isinstance(i, TNot)]
            if pos:
                rows = pos[0][0]
                for r, _ in pos[1:]:
                    rows = np.intersect1d(rows, r, assume_unique=True)
                if len(pos) == 1:
                    score = pos[0][1]
                else:
                    score = np.zeros(len(rows))
                    for r, s in pos:
                        score += s[np.searchsorted(r, rows)]
            else:
                rows = self.snap.lang_rows(langs)
                score = np.zeros(len(rows))
            for n in (i for i in items if isinstance(i, TNot)):
                neg = self._eval(n.item, langs)[0]
                keep = ~np.isin(rows, neg, assume_unique=True)
                rows, score = rows[keep], score[keep]
            return rows, score
        raise TypeError(node)

    def _best(self, node: TBest, langs):
        """Union of the concepts (or intersection of the required ones), BM25 summed over every
        concept and extra a unit has, times COVERAGE ** (matched concepts − concepts)."""
        parts = [self._concept(c, langs) for c in node.concepts]
        extras = [self._concept(e, langs) for e in node.extras]
        self.concept_rows[langs] = [r for r, _ in parts]
        if len(parts) == 1 and not extras:    # one concept: its BM25, full coverage
            return parts[0]
        size = self.snap.size
        matched = np.zeros(size, dtype=np.uint8 if len(parts) < 256 else np.int16)
        for r, _ in parts:
            matched[r] += 1
        req = [p[0] for p, r in zip(parts, node.required) if r]
        if req:
            need = np.zeros(size, dtype=np.int16)
            for r in req:
                need[r] += 1
            rows = np.flatnonzero(need == len(req))
        else:
            hit = matched > 0
            for r, _ in extras:
                hit[r] = True
            rows = np.flatnonzero(hit)
        # COVERAGE ** (matched − concepts) by table look-up: the same values as the power of each
        # row, a third of its cost over a million rows (issue 14: warm p95 at 100,000 documents)
        factor = COVERAGE ** (np.arange(len(parts) + 1, dtype=np.float64) - len(parts))
        pruned = self._pruned(parts, extras, rows, matched[rows], factor)
        if pruned is not None:
            return rows, pruned
        # dense accumulators by rowid: one pass per posting list, no sorting or searching
        # (a list's rows are unique: the first is put, the others added with ``np.add.at``, which is
        # faster than ``acc[r] += sc`` over 300,000 rows; the same sums in the same order)
        acc = np.zeros(size)
        lists = [p for p in parts + extras if len(p[0])]
        if lists:
            acc[lists[0][0]] = lists[0][1]
        for r, sc in lists[1:]:
            np.add.at(acc, r, sc)
        return rows, acc[rows] * factor[matched[rows]]

    def concepts_of(self, rows: np.ndarray) -> list:
        """For each of ``rows`` (the candidates), the indexes of the query concepts it matches, or
        None when its language's query is not a best-match one (``scoring.with_heading_coverage``)."""
        out: list = [None] * len(rows)
        if not self.concept_rows or not len(rows):
            return out
        vocab = self.snap.doc_vocab["language"]
        lang = [vocab[c] for c in self.snap.ulang[rows]]
        for langs, arrays in self.concept_rows.items():
            mine = [k for k, x in enumerate(lang) if x in langs]
            if not mine:
                continue
            sel = rows[mine]
            hits = []
            for arr in arrays:
                i = np.searchsorted(arr, sel)
                i[i == len(arr)] = 0
                hits.append(arr[i] == sel if len(arr) else np.zeros(len(sel), dtype=bool))
            for n, k in enumerate(mine):
                out[k] = frozenset(j for j, h in enumerate(hits) if h[n])
        return out

    def raise_floor(self, rows: np.ndarray, score: np.ndarray) -> None:
        """Take a branch's (rows, scores) into ``floor``: the k-th best weighted score of every
        eligible unit seen so far (0 until k units have a score)."""
        k = self.k
        if not k or not len(rows):
            return
        nz = np.flatnonzero(score > 0)          # a pruned branch scored few of its rows: weigh only those
        rows, score = rows[nz], score[nz]
        w = score * self.prior[rows] if self.prior is not None else score
        if self.eligible is not None:
            w = w[self.eligible(rows)]
        w = w[w > 0]
        if len(w) > k:
            w = np.partition(w, len(w) - k)[len(w) - k:]
        best = np.concatenate([self._best_k, w])
        if len(best) > k:
            best = np.partition(best, len(best) - k)[len(best) - k:]
        self._best_k = best
        self.floor = float(best.min()) if len(best) >= k else 0.0

    def _concept(self, node, langs):
        """A concept's (rows, scores), cached like a term's: a concept is often an OR of a word,
        its translations and verb forms, and uniting a frequent word's postings anew on every
        query cost ~10 ms at 100,000 documents."""
        if isinstance(node, TPhrase) and node.weight == 1.0:
            return self._eval(node, langs)       # a leaf: cached already
        key = ("node", node, langs)
        hit = self.cache.get(key)
        if hit is None:
            hit = self._eval(node, langs)
            self.cache.put(key, hit)
        return hit

    def _pruned(self, parts, extras, rows, m, factor) -> Optional[np.ndarray]:
        """Scores of ``rows`` where only the units that can reach the best ``self.k`` are scored
        (the others get 0), or None when that does not pay.

        Why: a query with a word most units contain («маслихат») matches ~40 % of 1.7 M units at
        100,000 documents, and summing BM25 over all of them was most of a query's time. A unit
        matching ``j`` concepts scores at most (the ``j`` largest concept maxima + every extra's
        maximum) × COVERAGE factor of ``j`` × a prior ≤ 1; the units of the highest match levels
        give the k-th best score; levels whose bound is below it cannot reach the page or the
        window and are not summed. Units that are scored get exactly the sum of the dense path
        (same terms, same order), so the order of the best ``k`` is unchanged."""
        k = self.k
        if not k or len(rows) < max(PRUNE_MIN, 4 * k):
            return None
        n = len(parts)
        best = sorted((float(sc.max()) if len(sc) else 0.0 for _, sc in parts), reverse=True)
        extra = sum(float(sc.max()) for _, sc in extras if len(sc))
        bound = np.array([(sum(best[:j]) + extra) * factor[j] for j in range(n + 1)])
        floor = self.floor
        if floor > 0 and bound[n] < floor:         # an earlier branch fills the best k: none of these reaches them
            return np.zeros(len(rows))
        ok = self.eligible(rows) if self.eligible is not None else None
        mo = m if ok is None else m[ok]
        # the highest level j at which at least k units match >= j concepts; counted from the top
        # down, one comparison per level (a bincount of the levels cost ~1 ms over 800,000 units)
        top_level = next((j for j in range(n, 0, -1) if np.count_nonzero(mo >= j) >= k), 0)
        sel = m >= top_level if top_level else None
        if sel is not None and ok is not None:
            sel &= ok
        if sel is not None:
            sel = np.flatnonzero(sel)               # positions, found once (each mask index finds them again)
        if sel is None or len(sel) * 4 > len(rows):  # no small top level: only an earlier branch's floor prunes
            if floor <= 0:
                return None
            keep = np.flatnonzero(m >= np.flatnonzero(bound >= floor)[0])
            if len(keep) * 2 > len(rows):
                return None
            score = np.zeros(len(rows))
            score[keep] = self._exact(parts, extras, rows[keep], m[keep], factor)
            return score
        raw = self._exact(parts, extras, rows[sel], m[sel], factor)
        exact = raw * self.prior[rows[sel]] if self.prior is not None else raw
        kth = max(float(np.partition(exact, len(exact) - k)[len(exact) - k]), floor)
        # the bound grows with the level, so the levels that can reach it are those from the first that does
        reach = np.flatnonzero(bound >= kth)
        keep = np.flatnonzero(m >= reach[0]) if len(reach) else np.zeros(0, dtype=np.int64)
        if len(keep) * 2 > len(rows):
            return None
        score = np.zeros(len(rows))
        # often no lower level can reach the k-th best: ``keep`` is ``sel``, scored already
        same = len(keep) == len(sel) and np.array_equal(keep, sel)
        score[keep] = raw if same else self._exact(parts, extras, rows[keep], m[keep], factor)
        return score

    @staticmethod
    def _exact(parts, extras, sel: np.ndarray, m: np.ndarray, factor: np.ndarray) -> np.ndarray:
        """The dense path's scores of the sorted rowids ``sel`` (concepts, then extras, in order).

        Two ways to the same sums (each unit's terms added in the same order): look each of
        ``sel`` up in every posting list (|sel| × log |r| a list), or add every posting list into
        one array over the rowids and read ``sel`` from it (|r| a list): the second when ``sel`` is
        large beside the lists (a query whose best level is a common word's: 150,000 units at
        100,000 documents, 32 -> 11 ms)."""
        lists = [(r, sc) for r, sc in parts + extras if len(r)]
        if len(sel) * len(lists) > sum(len(r) for r, _ in lists):
            dense = np.zeros(max([int(r[-1]) for r, _ in lists] + [int(sel[-1])]) + 1)
            for r, sc in lists:
                dense[r] += sc
            return dense[sel] * factor[m]
        acc = np.zeros(len(sel))
        for r, sc in lists:
            i = np.searchsorted(r, sel)
            i[i == len(r)] = 0
            hit = r[i] == sel
            acc[hit] += sc[i[hit]]
        return acc * factor[m]


def _freq(docs: np.ndarray, snap: Snapshot) -> tuple[np.ndarray, np.ndarray]:
    """Sorted occurrence rowids -> (unique rowids, frequencies as float64) of live units."""
    if not len(docs):
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    cut = np.flatnonzero(np.diff(docs)) + 1
    rows = docs[np.concatenate(([0], cut))]
    tf = np.diff(np.concatenate(([0], cut, [len(docs)]))).astype(np.float64)
    ok = rows < snap.size
    ok[ok] = snap.present[rows[ok]]
    return rows[ok], tf[ok]


def _union(arrays: list) -> np.ndarray:
    """Sorted union of sorted unique rowid arrays (a sort beats numpy's hashing unique here)."""
    c = np.sort(np.concatenate(arrays))
    if len(c) < 2:
        return c
    keep = np.empty(len(c), dtype=bool)
    keep[0] = True
    np.not_equal(c[1:], c[:-1], out=keep[1:])
    return c[keep]


def top(rows: np.ndarray, score: np.ndarray, pos: np.ndarray, offset: int, limit: int) -> np.ndarray:
    """Indexes into ``rows`` of the page: score descending, then document order (exact ties)."""
    need = offset + limit
    if need <= 0 or not len(rows):
        return np.zeros(0, dtype=np.int64)
    if len(rows) > 2 * need:            # units a pruned ranking left at 0 rank after every scored one
        scored = np.flatnonzero(score != 0)
        if need <= len(scored) <= len(rows) // 2:
            return scored[top(rows[scored], score[scored], pos, offset, limit)]
    if len(rows) > need:
        kth = np.partition(-score, need - 1)[need - 1]
        cand = np.flatnonzero(score >= -kth)
    else:
        cand = np.arange(len(rows))
    order = np.lexsort((pos[rows[cand]], -score[cand]))
    return cand[order][offset:need]
