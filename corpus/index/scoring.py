"""The ranking rules both back ends apply on top of BM25 (issue 16), as data in one place.

* Coverage: a best-match query (``query.TBest``) multiplies a unit's BM25 by
  ``COVERAGE ** (matched concepts − concepts)``: a unit with every content word of the query
  outranks one that repeats a single word.
* Provision prior: a unit that only names or frames (bare headings, chapters, notes about
  amendments, requisite preambles, very short lines such as signature blocks or contents lines)
  is multiplied by a factor below 1; so is a unit of a repealed act ("current acts above repealed
  at equal match").
* Verb forms: a query's verb also matches the other forms of that verb (active/passive, the
  other aspect of a Russian verb,
  reflexive, verbal noun), each at ``VARIANT_WEIGHT`` of the form typed.
* Context: a provision under a heading (article title, chapter) that itself matches the query
  inherits ``CONTEXT`` × the heading's score: «Статья 7. Ономастические комиссии» makes its
  paragraphs the answer to «ономастическая комиссия», above passing mentions elsewhere. Applied to
  the candidate window of both back ends (unit ids are paths: a heading's id prefixes its units').
* Heading coverage: a provision need not repeat the words of what it stands under. A concept of
  the query that the unit lacks but its document's title or an ancestor's heading has («ставки
  платы за воду» in the title of a rates table, «гидроэнергетика» in its row) multiplies the
  unit's score by ``HEADING_COVERAGE`` (below ``COVERAGE``: a unit that says it all itself still
  comes first), so an article's paragraph is not ranked as if it matched one word of the
  question (``with_heading_coverage``; the concepts a unit matches come from the index). What a
  unit stands under includes the run of headings that opens its part of a flat list (a table's
  column names are a unit beside its rows) and the chapeau of its parent point («Депутат
  маслихата вправе:» over its subpoints). A table's row counts them at ``ROW_COVERAGE``
  (= ``COVERAGE``), as if they were its own words: a row's cells mean what the columns' names say.
  Where its act was issued counts too: the names of the issuer's region and city («Павлодарская»,
  «Көкшетау»; not «область», «қаласы»), so «… маслихата павлодарской области» finds that regulation's
  points, which never name the place (``store_context._issued_by``).
* Answer kind: a question that asks for a number («сколько дней», «когда», «неше рет», «қашан»;
  ``nlp/lang/<lang>/answer_kinds.txt``) multiplies by ``ANSWER`` the candidates that state a fact
  of the kind asked (a deadline, a periodicity, a quorum: ``nlp.facts``), so the provision that
  gives the number comes before those that only name the subject (``with_answer``).
* Definition: a question that asks what a notion is («что такое …», «… дегеніміз не»;
  ``definition`` in ``answer_kinds.txt``) multiplies by up to ``DEFINITION`` the candidates that
  open by defining it («2) анонимное обращение – …»; ``nlp.definitions``): the full factor when
  the notion defined is the question's, ``DEFINITION_WIDER`` for a longer notion that contains it
  («подзаконный нормативный правовой акт» for «нормативный правовой акт»), and the full factor
  too when the question names the notion among words of its own («что считается кладбищем по
  правилам погребения», «жерлеу қағидаларында қабір деп нені айтады»). A definition is one
  long provision among many that use the notion, so such a question ranks a wider candidate
  window (``DEFINITION_CANDIDATES``). A query of nothing but a notion's words («правовой
  мониторинг», «құқық нормасы») asks the same in fewer words: the candidate defining exactly that
  notion is multiplied alike, the wider one too (within the usual window). A question that asks
  something else («кто рассматривает обращения», «сессия қашан шақырылады») is answered by the provision that states the rule, not by
  the one that defines its words: there a defining candidate is multiplied by ``DEFINITION_ASIDE``.
* Permission, liability, papers: a question whether something may or must be done («можно ли
  …», «может ли депутат …», «… бола ма»; ``permission`` in ``answer_kinds.txt``) multiplies by
  ``PERMISSION`` the candidates that permit, forbid, oblige or give a right («вправе», «не
  допускается», «құқылы», «тыйым салынады»; ``nlp/lang/<lang>/modal_words.txt``); a question
  what one risks or who answers for something («что грозит …», «кім жауап береді»; ``liability``)
  by ``LIABILITY`` those that state a liability («несут ответственность», «жауапты»;
  ``liability_words.txt``); a question which papers to bring («какие документы нужны …»,
  «қандай анықтама әкелу керек»; ``documents``) by ``DOCUMENTS`` those that name them («справка
  о смерти», «куәлігінің көшірмесі», a list opened by «құжаттар:»; ``document_words.txt``); a
  question who pays («за чей счёт …», «кім төлейді»; ``funding``) by ``FUNDING`` those that say it
  («за счёт средств местного бюджета», «бюджет қаражаты есебінен»; ``funding_words.txt``); a
  question on what legal basis an act was made («на основании какого закона …», «қай заңға сәйкес
  …», «… құқықтық негізі»; ``basis``) by ``BASIS`` those that name the law they apply («В
  соответствии со статьей 6 Закона …», «… Заңына сәйкес»: a decision's preamble, above the points
  that repeat its title; ``basis_words.txt``); a question why («зачем …», «с какой целью …», «не үшін
  …»; ``purpose``) by ``PURPOSE`` those that state a purpose or reason («В целях …», «… мақсатында»;
  ``purpose_words.txt``). For these two the question's own words count as the answer's, the
  preamble that says it is not held back by its kind's prior, and the act's title counts as its
  own words (``with_heading_coverage``, ``whole``): a preamble's subject is its act.
* A void provision — excluded or repealed, only its number left («3. Исключен Законом РК от …»,
  «15) алып тасталды – …»; ``nlp/lang/<lang>/void_words.txt``, read at its opening) — says
  nothing a question asks: it ranks at ``VOID`` of its score, below every provision that says
  something, though its chapter's title is the question's words.
* A decision's final clause («Контроль за исполнением настоящего решения …», «Осы шешімнің
  орындалуын бақылау …»; ``nlp/lang/<lang>/clause_words.txt``) speaks of the decision as a whole:
  the title's words count as its own too (``CLAUSE_WHOLE``), so «кто контролирует исполнение
  решения о правилах погребения» finds that decision's clause, not another decision's.
  ``with_cues``, the words read by ``nlp.modality``.
* Citation: a query that cites a provision («статья 8 Закона о порядке рассмотрения обращений»,
  ``corpus.citequery``) multiplies that provision by ``CITED`` and the units inside it by
  ``CITED_PART``, so the cited text comes before the decisions that cite it in the same words. A
  query that names an act by its title words («когда вводится в действие закон о правовых актах»,
  «по земельному кодексу», «решения маслихата 2015 года о …»; ``corpus.citequery.acts_named``)
  multiplies that act's units by ``NAMED_ACT``, and those that speak of the act itself («Настоящий
  Закон …», «Осы Заң …»; ``nlp/lang/<lang>/self_words.txt``) by ``ITSELF`` more.
* Through the aligned text: a query restricted to the other language's results (a Kazakh query
  with ``--lang ru``) is also matched in its own language, and each of its best ``CANDIDATES``
  hits there ranks its aligned provision in the results' language at ``PARALLEL`` × its score,
  where that beats the provision's own match (``common.via_parallel``). The acts of the national
  database are bilingual, so this needs no translation table: a Kazakh word the learned RU↔KK
  table has never seen still finds the Russian text of the provision that uses it.
* Diversity: on the first page (``WINDOW`` hits) no document has more than ``PER_DOC`` (half of it)
  while another act has a hit scoring at least ``RATIO`` × theirs; those move down (``diversify``), so one act does
  not crowd out the rest, yet a strong answer is not traded for a passing mention.
* Copies in other acts: after it, the third and later near-identical provisions of other acts in
  one language (regulations drafted from one model) move below the first ``COPY_PLACE`` hits
  (``spread_copies``); each hit names the others of its group among the ``COPY_SCAN`` best
  (``copy_groups``: the hit's ``copies``), which the ranking does not read.

The embedded back end computes the prior in numpy from its snapshot (kind, length, status); the
Elasticsearch back end from the same fields (``function_score`` weights).
"""
from __future__ import annotations

from itertools import islice

from maslihat.nlp.modality import CUE_KINDS          # the kinds read from a provision's words

COVERAGE = 3.0
VARIANT_WEIGHT = 0.5              # another form of a query's verb (``nlp.analyze.term_variants``)
KIND_PRIOR = {"heading": 0.4, "chapter": 0.4, "subchapter": 0.4, "note": 0.5, "preamble": 0.7,
              "bibliography_entry": 0.5}
SHORT = ((4, 0.5), (8, 0.8))      # (fewer index terms than, factor): signature and contents lines
STATUS_PRIOR = {"repealed": 0.9}
CONTEXT = 0.5                     # share of a matching heading's score the provisions under it inherit
HEADING_COVERAGE = 2.0           # per query concept that only the title or a heading above the unit has
                                  # (1.5 by hand until session 24; 1.75-2.25 a plateau on the 972 read queries,
                                  # 2.0 +0.003 nDCG@10, +1.6 points top-5; docs/quality.md «session 24»)
ROW_COVERAGE = COVERAGE           # … for a table's row: its columns' names are as good as its own words
CONTEXT_KINDS = frozenset({"article", "chapter", "section", "subchapter", "paragraph", "heading"})
ANSWER = 1.5                      # a candidate stating a fact of the kind the question asks for
DEFINITION = 4.0                  # a candidate that defines the notion a question asks about
DEFINITION_WIDER = 1.5            # … or a longer notion that contains it
DEFINITION_CANDIDATES = 1000      # the candidate window of a definition question
DEFINITION_ASIDE = 0.4            # a candidate that defines a notion, for a question asking something else
PERMISSION = 1.5                  # a candidate that permits, forbids or obliges, for «можно ли …»
LIABILITY = 1.5                   # a candidate that states a liability, for «что грозит …», «кім жауапты»
DOCUMENTS = 1.5                   # a candidate that names papers, for «какие документы …», «қандай анықтама»
FUNDING = 1.5                     # a candidate that says who pays, for «за чей счёт …», «кім төлейді»
BASIS = 2.0                       # a candidate that names the law it applies, for «на основании какого закона …»
                                  # (1.5–3.0 the same top 5 on the read set; 2.0 the clean case, session 33)
VOID = 0.1                        # a provision that is only its number now («3. Исключен Законом …», «Алып тасталды»)
CLAUSE_WHOLE = True               # a decision's final clause counts its title's words as its own
PURPOSE = 1.5                     # a candidate that states why, for «с какой целью …», «не үшін …»

CITED = 10.0                      # the provision a query cites
CITED_PART = 2.0                  # a unit inside it
NAMED_ACT = 2.0                   # a unit of the act a query names by its title words («закон о правовых актах»)
ITSELF = 2.0                      # … that speaks of the act itself («Настоящий Закон …»)
PARALLEL = 0.7                    # a provision whose aligned text in the query's language matched
PER_DOC = 5                       # hits of one document on the first page: at most half of it (was 3 until
                                  # session 24: an answer is often several points of one regulation; 972 judged
                                  # queries +0.007 nDCG@10, held-out blind24 +0.002; docs/quality.md)
WINDOW = 10                       # the first page diversified (hits)
CANDIDATES = 100                  # top hits by score that the first page is chosen from
RATIO = 0.5                       # a hit moves down only for another act's hit scoring ≥ RATIO × its score


def diversify(order, doc_of: list, score: list | None = None, per_doc: int = PER_DOC,
              window: int = WINDOW, ratio: float = RATIO) -> list:
    """Indexes ``order`` (best first) reordered so that the first ``window`` places hold at most
    ``per_doc`` hits of one document, as long as another document has a hit scoring at least
    ``ratio`` × the one moved down (a strong answer is not pushed out for a weak one); the hits
    moved down follow the first page in their order."""
    order = list(order)
    rank = {i: k for k, i in enumerate(order)}
    first, moved, seen = [], [], {}
    k = 0
    while k < len(order) and len(first) < window:
        i = order[k]
        k += 1
        d = doc_of[i]
        if seen.get(d, 0) >= per_doc:
            # the best hit of another document below: the first one (``order`` is best first)
            best_other = next((score[j] if score is not None else 1.0 for j in islice(order, k, None)
                               if seen.get(doc_of[j], 0) < per_doc), None)
            if best_other is not None and (score is None or best_other >= ratio * score[i]):
                moved.append(i)
                continue
        first.append(i)
        seen[d] = seen.get(d, 0) + 1
    return first + sorted(moved + order[k:], key=rank.__getitem__)


COPY_BAR = 0.8                    # Jaccard of two provisions' distinct word prefixes from which they are copies
COPY_MIN = 6                      # distinct word prefixes a provision needs to count as a copy of another
COPY_PLACE = 5                    # the places the third and later copies of one provision may not take
                                  # (3, or no copy beside the first: read set top-5 +1 query, nDCG@10 -0.0045;
                                  # docs/quality.md «the same provision in several acts»)
COPY_SCAN = 30                    # best hits looked at for copies
COPY_KEEP = 1                     # copies of one provision that may stay in those places beside the first


def copy_of(keys: list) -> list:
    """For each hit (``keys``: (act, language, frozenset of its words' prefixes) or None, best
    first), the index of the first earlier hit of another act in the same language whose words it
    repeats (Jaccard ≥ ``COPY_BAR``: regulations of several maslikhats drafted from one model), or
    None."""
    out: list = []
    for j, kj in enumerate(keys):
        out.append(None)
        if kj is None or len(kj[2]) < COPY_MIN:
            continue
        for i in range(j):
            ki = keys[i]
            if ki is None or out[i] is not None or ki[0] == kj[0] or ki[1] != kj[1] or len(ki[2]) < COPY_MIN:
                continue
            inter = len(ki[2] & kj[2])
            if inter >= COPY_BAR * (len(ki[2]) + len(kj[2]) - inter):
                out[j] = i
                break
    return out


def spread_copies(keys: list, n: int, place: int | None = None, of: list | None = None) -> list:
    """Indexes ``range(n)`` (best first) with the copies among the first ``len(keys)`` hits
    (``copy_of``, or ``of`` when the caller has it already) moved below the first ``place`` other
    hits, all but the first ``COPY_KEEP`` of each provision's copies: a provision repeated by
    several acts takes at most 1 + ``COPY_KEEP`` places at the top of the page, the next acts'
    copies follow."""
    place = COPY_PLACE if place is None else place
    of = copy_of(keys) if of is None else of
    if not place or all(c is None for c in of):
        return list(range(n))
    nth: dict = {}
    moved = set()
    for j, c in enumerate(of):
        if c is not None:
            nth[c] = nth.get(c, 0) + 1
            if nth[c] > COPY_KEEP:
                moved.add(j)
    head = [i for i in range(n) if i not in moved][:place]
    taken = set(head)
    return head + [i for i in range(n) if i not in taken]


def copy_groups(of: list, order: list) -> dict:
    """The hits each hit shares its provision with: ``of`` (``copy_of`` of the scanned hits) and
    ``order`` (the hits' indexes as shown, ``spread_copies``) give {place shown: the places of the
    other hits of its group, ascending}. A group is a first hit and the later hits that copy it;
    the first hit is shown before its copies (``spread_copies`` moves copies only), so a copy's
    list opens with the hit it copies. Hits of no group are left out."""
    members: dict = {}
    for j, i in enumerate(of):
        if i is not None:
            members.setdefault(i, [i]).append(j)
    if not members:
        return {}
    place = {k: p for p, k in enumerate(order)}
    out: dict = {}
    for group in members.values():
        places = sorted(place[k] for k in group)
        for p in places:
            out[p] = [q for q in places if q != p]
    return out


def copy_entry(unit_id, document_id, label, title) -> dict:
    """One item of a hit's ``copies``: the other act's provision, as a reader names and opens it."""
    return {"unit_id": unit_id, "document_id": document_id, "label": label or "", "title": title or ""}



def with_context(ids: list, kinds: list, score: list, parents=None, depth: int = 3) -> list:
    """``score`` with each unit's inheritance from its matching ancestor headings among the
    candidates. ``parents`` (unit ids -> {id: parent id}, the store's hierarchy) names the
    ancestors; without it a unit id's ``/``-separated prefixes do (articles -> their parts)."""
    heads = {i: sc for i, k, sc in zip(ids, kinds, score) if k in CONTEXT_KINDS}
    if not heads:
        return list(score)
    chain: dict = {i: [] for i in ids}
    if parents is not None:
        level = {i: i for i in ids}                      # unit -> its ancestor reached so far
        for _ in range(depth):
            up = parents(sorted(set(level.values())))
            level = {i: up[a] for i, a in level.items() if up.get(a)}
            for i, a in level.items():
                chain[i].append(a)
            if not level:
                break
    else:
        for i in ids:
            cut = i.rfind("/")
            while cut > 0:
                chain[i].append(i[:cut])
                cut = i.rfind("/", 0, cut)
    return [sc + CONTEXT * max((heads[a] for a in chain[i] if a in heads), default=0.0)
            for i, sc in zip(ids, score)]


def with_heading_coverage(ids: list, score: list, own: list, concepts: dict, context_of=None,
                          has=None, whole: frozenset = frozenset()) -> list:
    """``score`` with each candidate multiplied by ``HEADING_COVERAGE`` per query concept it lacks
    but its title or headings have: ``own`` gives the concepts (indexes) each candidate matched
    (None: not known, unchanged); ``concepts`` maps a language to the query's concepts there;
    ``context_of`` unit ids -> {id: (language, index terms of its title and headings, whether it
    is a table's row)}; ``has(concept, terms)`` tells whether the terms hold the concept. A table's
    row counts what its headings have at ``ROW_COVERAGE``: its cells mean what the columns' names
    say («Свинина 100» is the price of a talon only under «Стоимость разового талона»). So does a
    candidate of ``whole``: one that speaks of its act as a whole, which a question asks of it (the
    legal basis or purpose of an act named by its title: the preamble's subject is the title)."""
    if context_of is None or has is None or not concepts or not ids:
        return list(score)
    ctx = context_of([i for i, o in zip(ids, own) if i and o is not None])
    out = []
    for i, sc, mine in zip(ids, score, own):
        lang, terms, row = ctx.get(i, ("", frozenset(), False))
        wanted = concepts.get(lang, ())
        if mine is not None and terms and len(wanted) > 1:
            more = sum(1 for j, c in enumerate(wanted) if j not in mine and has(c, terms))
            sc = sc * (ROW_COVERAGE if row or i in whole else HEADING_COVERAGE) ** more
        out.append(sc)
    return out


def candidates(answer: frozenset) -> int:
    """How many best hits the window rules (context, answer, definition) re-rank."""
    return DEFINITION_CANDIDATES if "definition" in answer else CANDIDATES


def with_answer(ids: list, score: list, kinds: frozenset, facts_of=None) -> list:
    """``score`` with the candidates that state a fact of one of ``kinds`` (what the question asks
    for, ``Plan.answer``) multiplied by ``ANSWER``; ``facts_of``: unit ids -> {id: fact kinds}."""
    if not kinds or facts_of is None or not ids:
        return list(score)
    have = facts_of([i for i in ids if i])
    return [sc * ANSWER if have.get(i, set()) & kinds else sc for i, sc in zip(ids, score)]


def with_definition(ids: list, score: list, concepts: dict, defines_of=None, terms_of=None,
                    aside: bool = False, asks: bool = False) -> list:
    """``score`` with the candidates that define what a definition question names multiplied by
    ``DEFINITION`` (``DEFINITION_WIDER`` when the notion has words the question has not):
    ``concepts`` maps a language to the question's concepts there (each a set of index terms, any
    of which names it); ``defines_of`` gives the notion a candidate defines (``nlp.definitions``,
    kept by the store), analysed by ``terms_of(text, lang)``; it counts when it names every concept.
    ``aside``: the query is a question asking for something else; every defining candidate is
    multiplied by ``DEFINITION_ASIDE`` instead. ``asks``: the question asks what a notion is in
    words («что считается …», «… деп нені айтады»): a candidate defining a notion whose every word
    the question has counts too, though the question has more (the rules' title, the user's case).
    A query of only a notion's words asks the same (``query.definition_concepts``)."""
    if defines_of is None or not ids:
        return list(score)
    if aside:
        defined = defines_of([i for i in ids if i])
        return [sc * DEFINITION_ASIDE if i in defined else sc for i, sc in zip(ids, score)]
    if not concepts or terms_of is None:
        return list(score)
    defined = defines_of([i for i in ids if i])
    asked = {lang: set().union(*sets) for lang, sets in concepts.items()}     # every word of the question
    out = []
    for i, sc in zip(ids, score):
        lang, term = defined.get(i, ("", ""))
        wanted = concepts.get(lang)
        words = set(terms_of(term, lang)) if wanted and term else set()
        # every word of the notion is the question's (a word the index drops, a stop word, makes it
        # another notion; a negation is joined to its word, «нормативтікемес»)
        named = bool(words) and words <= asked[lang] and len(words) == _size(term, lang)
        if words and all(words & c for c in wanted):
            sc = sc * (DEFINITION if named else DEFINITION_WIDER)
        elif asks and named:
            # the question names the notion among words of its own («что считается кладбищем по
            # правилам погребения», «… это считается повторным обращением»)
            sc = sc * DEFINITION
        out.append(sc)
    return out


def _size(notion: str, lang: str) -> int:
    """The words of a notion that carry a term of their own (a negation joins the word before it:
    «нормативтік емес құқықтық акт» is three)."""
    from maslihat.nlp.analyze import negation
    neg = negation(lang)
    return sum(1 for w in notion.split() if not neg or w.lower() != neg)


def cue_factors(ids: list, asked: frozenset, cue_of=None, terms: frozenset = frozenset()) -> dict:
    """{candidate id: factor} of those that say what a question of a kind in ``asked`` (``CUE_KINDS``)
    asks for: ``cue_of``: unit ids, kind, the question's ``terms`` -> the set of those that say it
    in other words than the question's (``nlp.modality``). A candidate answering two kinds asked
    counts once, the larger factor."""
    kinds = [k for k in CUE_KINDS if k in asked]
    if not kinds or cue_of is None or not ids:
        return {}
    by_kind = {"permission": PERMISSION, "liability": LIABILITY, "documents": DOCUMENTS, "funding": FUNDING,
               "basis": BASIS, "purpose": PURPOSE}
    live = [i for i in ids if i]
    factor: dict = {}
    for k in kinds:
        for i in cue_of(live, k, terms):
            factor[i] = max(factor.get(i, 1.0), by_kind[k])
    return factor


def with_cues(ids: list, score: list, asked: frozenset, cue_of=None, terms: frozenset = frozenset(),
              factor: dict | None = None) -> list:
    """``score`` with the candidates that say what a question of a kind in ``asked`` asks for
    (permission, liability, papers, funding, legal basis, purpose) multiplied by that kind's factor
    (``cue_factors``, or ``factor`` when already computed)."""
    factor = cue_factors(ids, asked, cue_of, terms) if factor is None else factor
    return [sc * factor.get(i, 1.0) for i, sc in zip(ids, score)]


def with_citation(ids: list, score: list, cited: tuple = (), acts: tuple = (), itself=None) -> list:
    """``score`` with the provisions the query cites multiplied by ``CITED`` and the units inside
    them by ``CITED_PART`` (unit ids are paths: a provision's id prefixes its units'); the units
    of the documents of an act the query names by its title words (``acts``,
    ``citequery.acts_named``) by ``NAMED_ACT``, and those of them that speak of the act itself
    (``itself``: unit ids -> those, ``nlp.modality.SELF``) by ``ITSELF`` more: «когда вводится в
    действие закон о …» asks about the act as a whole («Настоящий Закон вводится в действие …»)."""
    out = list(score)
    if cited:
        inside = tuple(c + "/" for c in cited)
        out = [sc * CITED if i in cited else sc * CITED_PART if i and i.startswith(inside) else sc
               for i, sc in zip(ids, out)]
    if acts:
        inside = tuple(a + "/" for a in acts)
        mine = [i for i in ids if i and i.startswith(inside)]
        speak = itself(mine) if itself is not None and mine else set()
        out = [sc * NAMED_ACT * (ITSELF if i in speak else 1.0) if i and i.startswith(inside) else sc
               for i, sc in zip(ids, out)]
    return out
