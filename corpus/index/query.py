"""The query language, parsed once for both back ends.

    депутат сессия          both words (AND is the default)
    "постоянная комиссия"   a phrase
    бюджет OR салық         either (also ИЛИ, НЕМЕСЕ, |)
    NOT аким, -аким         without (also НЕ, ЕМЕС is not an operator: Kazakh puts it last)
    депутат*                a prefix of an index term
    (a OR b) c              grouping; AND / И / ЖӘНЕ may be written out

``parse`` gives a surface AST of words; ``to_terms`` turns it into a term AST for one target
language, running every word through ``nlp.analyze.query_terms`` and the glossary, so the same
query reaches Russian and Kazakh units. The back ends compile the term AST (FTS5 MATCH or an
Elasticsearch bool query), so both answer the same question.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Optional, Union

from maslihat.corpus.index.query_syntax import (  # noqa: F401  (re-exported: the back ends import them from here)
    AND_WORDS, OR_WORDS, NOT_WORDS, Word, Phrase, Prefix, And, Or, Not, Plus, Node, _lex, _Parser,
    MAX_QUERY_CHARS, MAX_QUERY_TOKENS, MAX_QUERY_DEPTH, MAX_GLOSSARY_SPAN, _check_bounds, parse, is_best_match)
from maslihat.corpus.index.scoring import VARIANT_WEIGHT
from maslihat.corpus.index.surface import PREFIX as UNSEEN_PREFIX
from maslihat.nlp import analyze

UNSEEN_MIN = 6      # letters of a query term no unit holds, for its kin by their first letters


# --- term AST ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class TPhrase:
    """A sequence of index terms in order; one term is a plain term query. ``weight`` scales its
    BM25 (another form of a query word counts less than the word as typed)."""
    terms: tuple
    weight: float = 1.0


@dataclass(frozen=True)
class TPrefix:
    stem: str


@dataclass(frozen=True)
class TAnd:
    items: tuple


@dataclass(frozen=True)
class TOr:
    items: tuple


@dataclass(frozen=True)
class TNot:
    item: object


@dataclass(frozen=True)
class TBest:
    """A best-match query: ``concepts`` are scored and counted for coverage; a unit matches when
    it has every ``required`` concept (quoted phrases, ``+word``) or, with none required, any
    concept or ``extra``; ``extras`` (single words of multi-word expressions, adjacent word pairs)
    only add to the score. Ranked as BM25 × COVERAGE ** (matched concepts − concepts)."""
    concepts: tuple
    required: tuple      # bool per concept
    extras: tuple = ()


TNode = Union[TPhrase, TPrefix, TAnd, TOr, TNot, TBest]

_UNSAFE = re.compile(r"[^\w\-]|_", re.UNICODE)


def safe_term(term: str) -> str:
    """The form a term takes in both indexes: lower case, only letters, digits, '-' and '_'.

    FTS5 (unicode61, tokenchars '-_') and Elasticsearch (whitespace analyzer) then see exactly
    the same tokens; a term without a letter or digit is noise and becomes ''.
    """
    t = _UNSAFE.sub("_", (term or "").lower())
    return t if any(ch.isalnum() for ch in t) else ""


def terms_of(text: str, lang: str, query: bool = False) -> list[str]:
    fn = analyze.query_terms if query else analyze.index_terms
    return [s for s in (safe_term(t) for t in fn(text, lang)) if s]


def prefix_term(word: str, lang: str) -> str:
    """A prefix is matched against index terms, so it is folded but never lemmatised."""
    fold = getattr(analyze, "fold", None)
    w = fold(word) if callable(fold) else word.lower().translate(getattr(analyze, "_FOLD", {}))
    return safe_term(w)


def prefix_stems(word: str, lang: str) -> list[str]:
    """The prefix as folded, plus its spelling in the shared terms the index holds: words are
    mapped to one term for both languages (маслихат -> мәслихат, ``NORM_EXCEPTIONS``), so a
    prefix goes through the same map or ``маслихат*`` finds nothing."""
    base = prefix_term(word, lang)
    if not base:
        return []
    from maslihat.nlp.lang.kk.tokenizer_exceptions import NORM_EXCEPTIONS as kk_norm
    from maslihat.nlp.lang.ru.tokenizer_exceptions import NORM_EXCEPTIONS as ru_norm
    out = [base]
    for src, dst in {**ru_norm, **kk_norm}.items():
        if src == dst:
            continue
        if base.startswith(src):
            alt = dst + base[len(src):]           # маслихатов* -> мәслихатов*
        elif len(base) >= 3 and src.startswith(base):
            alt = dst[:len(base)]                  # маслих* -> мәслих*
        else:
            continue
        alt = safe_term(alt)
        if alt and alt not in out:
            out.append(alt)
    return out


Expander = Callable[[list, str], dict]


def _glossary_expand() -> Optional[Expander]:
    try:
        from maslihat.nlp.glossary import expand  # written in parallel; search works without it
        return expand
    except Exception:  # noqa: BLE001
        return None


def _alternatives(expand: Optional[Expander], terms: list[str], src: str, target: str) -> list[tuple]:
    """Alternative term sequences for ``terms`` in ``target`` (the literal excluded)."""
    if not expand or not terms:
        return []
    try:
        alts = expand(list(terms), src) or {}
    except Exception:  # noqa: BLE001 - a glossary problem must not break search
        return []
    from maslihat.nlp.glossary import Loose         # importable: ``expand`` came from there
    out = []
    for seq in alts.get(target, []) or []:
        loose = isinstance(seq, Loose)
        seq = tuple(s for s in (safe_term(t) for t in seq) if s)
        if seq and seq != tuple(terms) and seq not in out:
            out.append(_Loose(seq) if loose and len(seq) > 1 else seq)
    return out


class _Loose(tuple):
    """An alternative whose words need not stand together (``nlp.glossary.Loose``)."""


def _alt_node(seq: tuple) -> TNode:
    return TAnd(tuple(TPhrase((t,)) for t in seq)) if isinstance(seq, _Loose) else TPhrase(seq)


def _is_phrase(expand: Optional[Expander], terms: list[str], lang: str) -> bool:
    """``terms`` is one of the glossary's multi-word expressions of ``lang`` (what best-match
    segments by, ``nlp.glossary._segments``)."""
    if not expand:
        return False
    try:
        from maslihat.nlp.glossary import _phrases
        return tuple(terms) in _phrases(lang)[0]
    except Exception:  # noqa: BLE001 - a glossary problem must not break search
        return False


def _keeps_literal(expand: Expander, terms: list, src: str, target: str) -> bool:
    try:
        return tuple(terms) in [tuple(x) for x in (expand(list(terms), src) or {}).get(target, [])]
    except Exception:  # noqa: BLE001
        return False


def _or(items: list) -> Optional[TNode]:
    items = [i for i in dict.fromkeys(items) if i is not None]
    if not items:
        return None
    return items[0] if len(items) == 1 else TOr(tuple(items))


def _and(items: list) -> Optional[TNode]:
    flat: list = []
    for i in items:
        if i is None:
            continue
        flat.extend(i.items if isinstance(i, TAnd) else [i])
    flat = list(dict.fromkeys(flat))
    if not flat:
        return None
    return flat[0] if len(flat) == 1 else TAnd(tuple(flat))


#: a word the RU↔KK tables translate also matches its own spelling in the other language's texts,
#: at ``VARIANT_WEIGHT``, when at least this long: Kazakh texts write Russian loans alike («мэр»,
#: «коммуна», «бюджет»), and a table that knows one translation («мэр» -> «әкім») would hide them
LOAN_MIN_LEN = 3
FIGURE_UP_TO = 1000               # a number in words a query's figure stands for («десяти» -> 10)
ROMAN_UP_TO = 20                  # an ordinal also as its Roman numeral («второго класса» -> «II класса»)


class _Translator:
    """Surface AST -> term AST for one target language (glossary expansion included)."""

    def __init__(self, src: str, target: str, expand: Optional[Expander], unseen: frozenset = frozenset(),
                 aligned=None, found: Optional[dict] = None):
        self.src, self.target, self.expand = src, target, expand
        self.unseen = unseen if target == src else frozenset()
        # a word neither table translates, translated by the corpus's aligned provisions
        # (``corpus.index.aligned``; best-match only): (term, src, target) -> target terms
        self.aligned = aligned if target != src else None
        self.found = found if found is not None else {}

    def word_terms(self, word: str) -> tuple:
        return tuple(terms_of(word, self.src, query=True))

    def word_seqs(self, words: list[Word]) -> list[tuple]:
        """Each word's terms, a word and the negation after it joined as the index joins them
        («нормативтік емес» -> «нормативтікемес», ``analyze.join_negations``)."""
        seqs = [self.word_terms(w.text) for w in words]
        if analyze.negation(self.src) and len(seqs) > 1:
            last = [s[-1] if s else "" for s in seqs]
            for i in analyze.join_negations([w.text for w in words], last, self.src):
                seqs[i] = seqs[i][:-1] + (last[i],)
        return seqs

    def verb_forms(self, words: list[Word]) -> dict[str, tuple]:
        """term -> index terms of the other forms of that verb (best-match only: a question asks
        «кім бекітеді», the act says «бекітіледі»; ``nlp.analyze.term_variants``)."""
        out: dict[str, tuple] = {}
        for w in words:
            own = self.word_terms(w.text)
            if len(own) != 1:
                continue
            alts = tuple(s for s in (safe_term(t) for t in analyze.term_variants(w.text, self.src)) if s)
            if alts:
                out[own[0]] = tuple(dict.fromkeys(out.get(own[0], ()) + alts))
        return out

    def figures(self, words: list[Word]) -> dict[str, tuple]:
        """term -> the figures a number written in words stands for (best-match only): a question
        says «второго класса», «в течение десяти дней», «екінші санат», the act «II класса», «10
        дней», «2 санат» (``nlp.numerals``); an ordinal up to ``ROMAN_UP_TO`` is also its Roman
        numeral (classes, categories, sections are numbered so). Digits and Roman numerals are the
        same in both languages."""
        from maslihat.nlp.numerals import parse, to_roman
        out: dict[str, tuple] = {}
        for w in words:
            own = self.word_terms(w.text)
            num = parse(w.text, self.src) if len(own) == 1 and not own[0].isdigit() else None
            if num is None or num.written != "words" or num.start != 0 or num.end != len(w.text) \
                    or not isinstance(num.value, int) or not 0 < num.value <= FIGURE_UP_TO \
                    or (num.value == 1 and num.kind != "ordinal"):     # «один отдел», «бір күндік»: a, one
                continue
            alts = [str(num.value)]
            if num.kind == "ordinal" and num.value <= ROMAN_UP_TO:
                alts.append(to_roman(num.value).lower())
            out[own[0]] = tuple(t for t in map(safe_term, alts) if t)
        return out

    def chunk(self, seqs: list[tuple]) -> Optional[TNode]:
        """Words (each its term tuple) that the glossary reads as one expression."""
        terms = [t for s in seqs for t in s]
        alts = [_alt_node(a) for a in _alternatives(self.expand, terms, self.src, self.target)]
        literal = _and([TPhrase(s) for s in seqs if s])
        if self.target != self.src and alts:
            if self.expand and terms and _keeps_literal(self.expand, terms, self.src, self.target):
                return _or([literal] + alts)      # spelled alike in both (депутат, мәслихат)
            if len(terms) == 1 and len(terms[0]) >= LOAN_MIN_LEN:    # a loan spelled alike, below the translations
                return _or(alts + [TPhrase(tuple(terms), VARIANT_WEIGHT)])
            return _or(alts)
        if self.target == self.src or len(terms) != 1:
            return _or([literal] + alts)
        # no translation: the other language's words with the root the word shares with its
        # cognate («англосаксонский» -> англосаксон*: «англосаксондық»); the word as typed
        # starts with the root, so the prefix finds it too (counted once)
        root = safe_term(analyze.cognate_root(terms[0], self.src))
        own = TPrefix(root) if root else literal
        # and what the corpus's aligned provisions translate it by (best-match queries only)
        got = self.aligned(terms[0], self.src, self.target) if self.aligned else ()
        got = tuple(t for t in map(safe_term, got) if t)
        if got:
            self.found[terms[0]] = got
        return _or([own] + [TPhrase((t,), VARIANT_WEIGHT) for t in got])

    def run(self, words: list[Word]) -> list[Optional[TNode]]:
        """Greedy longest glossary match over adjacent words (``депутатский запрос``)."""
        seqs = self.word_seqs(words)
        out, i = [], 0
        while i < len(seqs):
            j = min(len(seqs), i + MAX_GLOSSARY_SPAN)     # not every span: cubic in the words
            while j > i + 1:
                terms = [t for s in seqs[i:j] for t in s]
                # an expression of the glossary, not any run of words one of which has synonyms or
                # a translation («депутатский запрос AND сессия» is not the phrase «… сауал сессия»)
                if len([s for s in seqs[i:j] if s]) > 1 and _is_phrase(self.expand, terms, self.src):
                    break
                j -= 1
            node = self.chunk(seqs[i:j])
            if j == i + 1:                                  # «госзаказ»: also as «государственный заказ»
                node = _with_clipped(node, self.clipped(words[i]))
            out.append(node)
            i = j
        return out

    def clipped(self, word: Word) -> Optional[TNode]:
        """A clipped compound read as the phrase it stands for (``nlp.querywords.clipped_phrase``),
        in the target language as the phrase translates; None for any other word."""
        from maslihat.nlp.querywords import clipped_phrase
        got = clipped_phrase(word.text, self.src)
        if got is None:
            return None
        seq = tuple(t for w in got for t in self.word_terms(w))
        return self.chunk([seq]) if len(seq) == 2 else None

    def best(self, n: Node) -> Optional[TNode]:
        """Best-match term tree: each content word (or glossary expression) one concept."""
        from maslihat.nlp.querywords import is_query_word
        items = n.items if isinstance(n, And) else (n,)
        concepts: list = []
        required: list = []
        extras: list = []
        pending: list[Word] = []

        def flush():
            words = [w for w in pending if not is_query_word(w.text, self.src)]
            pending.clear()
            if not words:
                return
            seqs = self.word_seqs(words)
            terms = [t for seq in seqs for t in seq]
            forms = self.verb_forms(words)
            figures = self.figures(words)
            clips = {seq[0]: node for w, seq in zip(words, seqs)
                     if len(seq) == 1 and (node := self.clipped(w)) is not None}
            prev = None
            singles: list = []          # (term, its concept's index) of the run's words
            for seg in _compounds(_segments(terms, self.src), seqs):
                # a number written with a hyphen («№ 5-40», «34-176»: an act's number) is its
                # digits in their order, not each digit anywhere (a rates table has «60 40 30»)
                node = (TPhrase(seg) if len(seg) > 1 and all(t.isdigit() for t in seg)
                        else self.chunk([(t,) for t in seg]))
                if node is None:
                    continue
                plain = node
                if len(seg) == 1 and seg[0] in clips:      # «госзаказ»: also «государственный заказ»
                    node = _with_clipped(node, clips[seg[0]])
                if len(seg) == 1 and forms.get(seg[0]) and self.target == self.src:
                    node = _or([node] + [TPhrase((v,), VARIANT_WEIGHT) for v in forms[seg[0]]])
                if len(seg) == 1 and figures.get(seg[0]):      # «второго» also «2», «ii»
                    node = _or([node] + [TPhrase((v,), VARIANT_WEIGHT) for v in figures[seg[0]]])
                if len(seg) == 1 and seg[0] in self.unseen:
                    # a word no unit has: its kin by their first letters («визирует» -> визир*)
                    node = _or([node, TPrefix(seg[0][:UNSEEN_PREFIX])])
                concepts.append(node)
                required.append(False)
                singles.extend((t, len(concepts) - 1) for t in seg)
                if len(seg) > 1 and self.target == self.src:
                    extras.extend(TPhrase((t,)) for t in seg)
                for leaf in _leaves(node):
                    if len(leaf.terms) > 1 and len(seg) > 1:
                        extras.extend(TPhrase((t,)) for t in leaf.terms)
                cur = _single(plain)            # the typed form pairs, whatever its variants
                if prev is not None and cur is not None and self.target == self.src:
                    extras.append(TPhrase(prev + cur))      # the two words side by side
                prev = cur
            if self.target == self.src:
                _fuse_combining(concepts, singles, self.src)

        for item in items + (None,):
            if isinstance(item, Word):
                pending.append(item)
                continue
            flush()
            if item is None:
                break
            req = isinstance(item, (Plus, Phrase))
            node = self.node(item.item if isinstance(item, Plus) else item)
            if node is not None:
                concepts.append(node)
                required.append(req)
        if not concepts:
            return None
        extras = [e for e in dict.fromkeys(extras) if e not in concepts]
        return TBest(tuple(concepts), tuple(required), tuple(extras))

    def node(self, n: Node) -> Optional[TNode]:
        if isinstance(n, Plus):
            return self.node(n.item)
        if isinstance(n, Word):
            return self.run([n])[0]
        if isinstance(n, Phrase):
            terms = tuple(terms_of(n.text, self.src, query=True))
            if not terms:
                return None
            alts = [TPhrase(a) for a in _alternatives(self.expand, list(terms), self.src, self.target)]
            if self.target != self.src and alts:
                return _or(alts)
            return _or([TPhrase(terms)] + alts)
        if isinstance(n, Prefix):
            return _or([TPrefix(stem) for stem in prefix_stems(n.text, self.src)])
        if isinstance(n, Not):
            inner = self.node(n.item)
            return TNot(inner) if inner is not None else None
        if isinstance(n, Or):
            return _or([self.node(i) for i in n.items])
        if isinstance(n, And):
            parts: list = []
            pending: list[Word] = []
            for item in n.items + (None,):
                if isinstance(item, Word):
                    pending.append(item)
                    continue
                if pending:
                    parts.extend(self.run(pending))
                    pending = []
                if item is not None:
                    parts.append(self.node(item))
            return _and(parts)
        raise TypeError(n)


def _segments(terms: list[str], lang: str) -> list[tuple]:
    """Greedy longest split into the glossary's multi-word expressions and single terms."""
    try:
        from maslihat.nlp.glossary import _segments as seg
        return seg(list(terms), lang)
    except Exception:  # noqa: BLE001 - a glossary problem must not break search
        return [(t,) for t in terms]


def _compounds(segments: list[tuple], seqs: list[tuple]) -> list[tuple]:
    """``segments`` with the terms of one written word kept together: «әкімшілік-аумақтық»,
    «административно-территориальный» is one notion (one concept, both terms required for it to
    count as matched; each term alone still scores as an extra), not two words of the query."""
    if all(len(s) < 2 for s in seqs):
        return segments
    word_of = [i for i, s in enumerate(seqs) for _ in s]
    out: list[tuple] = []
    pos = 0
    for seg in segments:
        w = word_of[pos] if pos < len(word_of) else -1
        if (out and len(seg) == 1 and len(out[-1]) >= 1 and pos > 0 and word_of[pos - 1] == w
                and all(word_of[pos - k] == w for k in range(1, len(out[-1]) + 1))):
            out[-1] = out[-1] + seg
        else:
            out.append(seg)
        pos += len(seg)
    return out


FUSED_MIN = 3      # letters of the word a combining form fuses with («видео» + «обращение»)


def _fuse_combining(concepts: list, singles: list, lang: str) -> None:
    """A combining form among the query's words and another of its words also match the two
    fused («видео» … «обращение» -> «видеообращение», «өтінішті бейне арқылы» -> «бейнеөтініш»):
    the laws write the compound, users the words; a unit that has it has both concepts
    (``nlp/lang/<lang>/combining.txt``). In place, on the concepts of one run of words."""
    from maslihat.nlp.querywords import combining
    heads = combining(lang)
    for head, i in singles:
        if head not in heads:
            continue
        for term, j in singles:
            if j == i or term in heads or len(term) < FUSED_MIN or not term.isalpha():
                continue
            fused = safe_term(head + term)
            if fused:
                leaf = TPhrase((fused,))
                concepts[i] = _or([concepts[i], leaf])
                concepts[j] = _or([concepts[j], leaf])


def _with_clipped(node: Optional[TNode], clipped: Optional[TNode]) -> Optional[TNode]:
    """``node`` or the phrase a clipped compound stands for, unless the thesaurus gave ``node``
    that phrase already («госорган» -> «государственный орган»): one reading counted once."""
    if clipped is None or node is None:
        return node if clipped is None else clipped
    have = {leaf.terms for leaf in _leaves(node)}
    return node if {leaf.terms for leaf in _leaves(clipped)} <= have else _or([node, clipped])


def _leaves(node) -> list:
    if isinstance(node, TPhrase):
        return [node]
    if isinstance(node, (TAnd, TOr)):
        return [x for i in node.items for x in _leaves(i)]
    return []


def _single(node) -> Optional[tuple]:
    """The terms of a concept that is one plain word or phrase (for the adjacency bonus)."""
    return node.terms if isinstance(node, TPhrase) else None


def to_terms(ast: Optional[Node], src: str, target: str, expand: Optional[Expander] = None,
             use_glossary: bool = True, best: bool = False, unseen: frozenset = frozenset(),
             aligned=None, found: Optional[dict] = None) -> Optional[TNode]:
    """The term AST that finds ``ast`` (written in ``src``) in units of language ``target``;
    ``best``: the best-match tree (``TBest``) of a query written without operators; ``unseen``:
    its terms no unit holds (``unseen_terms``); ``aligned``: the corpus's translation of a word
    neither table knows (``corpus.index.aligned``, best-match only), what it gave put in ``found``."""
    if ast is None:
        return None
    if expand is None and use_glossary:
        expand = _glossary_expand()
    tr = _Translator(src, target, expand, unseen, aligned if best else None, found)
    return tr.best(ast) if best else tr.node(ast)


@dataclass
class Plan:
    """What a back end needs: per target language, the term AST (None = matches nothing)."""
    browse: bool
    by_lang: dict          # lang -> TNode | None
    src: str
    #: the kinds of facts a best-match question asks for (``nlp.querywords.answer_kinds``)
    answer: frozenset = frozenset()
    #: a best-match query with a question word (кто, как, когда; кім, қалай…): it asks for a rule
    question: bool = False
    #: its terms no unit holds, looked for by their first letters too (``unseen_terms``)
    unseen: frozenset = frozenset()
    #: its words translated by the corpus's aligned provisions: {term: (other language's terms)}
    aligned: dict = field(default_factory=dict)
    #: those of ``unseen`` that no other form of the word finds either: what the answer says is in no
    #: document («созывать» is not, when «созывается» is: the verb's other forms are searched)
    absent: frozenset = frozenset()
    #: each term of ``absent`` and the query's word it came from, as typed («дальше» for «далекий»):
    #: the answer names the user's word, not the index's term
    absent_words: dict = field(default_factory=dict)
    #: ``positive_terms`` per language, worked out once: every hit of a page asks for its language's
    _marks: dict = field(default_factory=dict, repr=False, compare=False)

    def marks(self, lang: str) -> tuple[set, set]:
        """The terms and prefixes a hit in ``lang`` is highlighted for (``positive_terms``)."""
        got = self._marks.get(lang)
        if got is None:
            got = self._marks[lang] = positive_terms(self.by_lang.get(lang))
        return got

    @property
    def empty(self) -> bool:
        return not self.browse and all(v is None for v in self.by_lang.values())


def unseen_terms(query: str, src: str, counts) -> frozenset:
    """The query's terms (of ``UNSEEN_MIN`` letters or more) that no unit of the corpus holds,
    ``counts`` being the index's ``term_counts``: a best-match query also looks for their kin by
    the first ``UNSEEN_PREFIX`` letters («визирует»: the corpus says «визирования»)."""
    terms = [t for t in dict.fromkeys(terms_of(query, src, query=True)) if len(t) >= UNSEEN_MIN and t.isalpha()]
    if not terms:
        return frozenset()
    got = counts(terms)
    return frozenset(t for t in terms if not got.get(t))


def absent_terms(query: str, unseen: frozenset, src: str, counts) -> frozenset:
    """Those of ``unseen`` (the terms of ``query``'s words) none of whose words' other forms
    (``nlp.analyze.term_variants``: a Russian verb's reflexive and other aspect, a Kazakh verb's
    paradigm) a unit holds either."""
    if not unseen:
        return frozenset()
    kin: dict = {t: set() for t in unseen}
    for w in re.findall(r"[^\W\d_]+", query):
        t = analyze.normalize_term(w, src)
        if t in kin:
            kin[t].update(v for v in analyze.term_variants(w, src) if v)
    every = sorted({v for vs in kin.values() for v in vs})
    got = counts(every) if every else {}
    return frozenset(t for t in unseen if not any(got.get(v) for v in kin[t]))


def typed_words(words, terms: frozenset, src: str) -> dict:
    """Each of ``terms`` and the first of the query's ``words`` that gives it (``analyze.normalize_term``)."""
    out: dict = {}
    for w in words:
        t = analyze.normalize_term(w, src)
        if t in terms:
            out.setdefault(t, w)
    return out


def plan(query: str, lang: Optional[str], src: Optional[str] = None, counts=None, aligned=None) -> Plan:
    """Parse and expand. The query's language is guessed from its words (``src`` overrides the
    guess); both languages are always searched (the other through the glossary); ``lang`` only
    restricts the results, which the back ends do with a language filter. ``counts``: the index's
    ``term_counts``, when the plan may look at the corpus (``unseen_terms``); ``aligned``: the
    corpus's translations of words the tables lack (``corpus.index.aligned.translator``)."""
    ast = parse(query)
    if src not in ("ru", "kk"):
        src = analyze.guess_language(query or "") if (query or "").strip() else (lang or "ru")
    if ast is None:
        return Plan(True, {}, src)
    targets = [lang] if lang else [src] + [x for x in ("ru", "kk") if x != src]
    expand = _glossary_expand()
    best = is_best_match(query)
    answer, question = frozenset(), False
    unseen: frozenset = frozenset()
    absent: frozenset = frozenset()
    absent_words: dict = {}
    if best:
        from maslihat.nlp.querywords import answer_kinds, is_query_word
        words = re.findall(r"[^\W\d_]+", query)
        answer = answer_kinds(words, src)
        question = any(is_query_word(w, src) for w in words)
        if counts is not None:      # in the query's own language only (``_Translator``); named in the answer
            unseen = unseen_terms(query, src, counts)
            absent = absent_terms(query, unseen, src, counts)
            absent_words = typed_words(words, absent, src)
    found: dict = {}
    by_lang = {t: to_terms(ast, src, t, expand, best=best, unseen=unseen, aligned=aligned, found=found)
               for t in targets}
    return Plan(False, by_lang, src, answer, question, unseen, found, absent=absent, absent_words=absent_words)


def positive_terms(node: Optional[TNode]) -> tuple[set, set]:
    """Terms and prefixes that a hit may contain because of the query (for highlighting)."""
    terms: set = set()
    prefixes: set = set()

    def walk(n, negated=False):
        if n is None:
            return
        if isinstance(n, TBest):
            for i in n.concepts + n.extras:
                walk(i, negated)
        elif isinstance(n, TNot):
            walk(n.item, not negated)
        elif isinstance(n, (TAnd, TOr)):
            for i in n.items:
                walk(i, negated)
        elif not negated:
            if isinstance(n, TPhrase):
                terms.update(n.terms)
            elif isinstance(n, TPrefix):
                prefixes.add(n.stem)

    walk(node)
    return terms, prefixes


def matches_terms(node: Optional[TNode], terms) -> bool:
    """Whether a bag of index terms (a set: no positions) holds ``node``: a phrase's words all
    there, a prefix's stem starting one of them, NOT ignored (``scoring.with_heading_coverage``
    asks it of a document's title and headings, not of the units the index matched)."""
    if isinstance(node, TPhrase):
        return all(t in terms for t in node.terms)
    if isinstance(node, TPrefix):
        return any(t.startswith(node.stem) for t in terms)
    if isinstance(node, TOr):
        return any(matches_terms(i, terms) for i in node.items)
    if isinstance(node, TAnd):
        pos = [i for i in node.items if not isinstance(i, TNot)]
        return bool(pos) and all(matches_terms(i, terms) for i in pos)
    return False


def definition_concepts(pl: Plan) -> dict:
    """{language: the query's concepts there, each as the set of index terms that name it}
    when the question asks what a notion is (``definition`` among ``pl.answer``) or the query only
    names one (no question word, no answer kind: «правовой мониторинг», «құқық нормасы»), else {}."""
    if "definition" not in pl.answer and (pl.question or pl.answer):
        return {}
    out = {}
    for lang, node in pl.by_lang.items():
        if isinstance(node, TBest):
            sets = [positive_terms(c)[0] for c in node.concepts]
            if sets and all(sets):
                out[lang] = sets
    return out


def has_prefix(node) -> bool:
    """Whether a term AST holds a prefix (written «депутат*», or ``unseen_terms``'s stem of a word no
    unit holds): Elasticsearch scores a prefix of more than ``compile.PREFIX_EXACT_MAX`` terms by its
    first terms, each apart (FTS5: as one phrase), so ``bench.parity`` names such divergences."""
    if isinstance(node, TPrefix):
        return True
    if isinstance(node, TNot):
        return has_prefix(node.item)
    if isinstance(node, (TAnd, TOr)):
        return any(has_prefix(i) for i in node.items)
    if isinstance(node, TBest):
        return any(has_prefix(i) for i in node.concepts + node.extras)
    return False


def is_pure_negation(node: TNode) -> bool:
    """True when ``node`` has no positive part, so it needs a 'match all' to subtract from."""
    if isinstance(node, TBest):
        return False
    if isinstance(node, TNot):
        return True
    if isinstance(node, TAnd):
        return all(is_pure_negation(i) for i in node.items)
    if isinstance(node, TOr):
        return any(is_pure_negation(i) for i in node.items)
    return False
