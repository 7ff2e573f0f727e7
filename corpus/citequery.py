"""A query that cites a provision: «статья 8 Закона о порядке рассмотрения обращений», «ст. 6
Закона о местном государственном управлении», «өтініштерді қарау тәртібі туралы заңның 8-бабы».

Why: a law student or a deputy who types a citation wants the provision it names first, not the
decisions that cite it («В соответствии со статьей 6 Закона …» says the same words). The query is
read by the project's own citation reader (``nlp.references``) and the act found as references
are resolved at ingest (``corpus.catalog``: date and number, quoted title, short names); people
rarely quote a title, so an act named by unquoted title words («закона о порядке рассмотрения
обращений») is found among the national acts whose titles hold those words. Ranking then puts
the cited provision first (``scoring.with_citation``) when it is among the candidates. A query
that names an act by its number alone («№ 704», «решение 5-40») gets the act's first provision
first (``named_acts``): the number may be only in the act's requisites, not in its text.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from maslihat.core import grammar as G
from maslihat.core.model import Document, Unit
from maslihat.nlp import act_match
from maslihat.core.taxonomy import INDEXED_KINDS
from maslihat.corpus.catalog import StoreCatalog, _act, national_acts
from maslihat.corpus.store import Store
from maslihat.nlp.references import find_references
from maslihat.nlp.resolve import find_unit

_WORD = re.compile(r"[^\W\d_]{4,}")
_CONSTITUTION = re.compile(r"(?<![^\W\d_])конституци(?!онн|ялы)", re.IGNORECASE)   # RU and KK («Конституцияның»), not «конституционный закон»
MIN_SHARE = 0.75          # of the title words the query gives, the share an act's title must hold


def cited_units(store: Store, query: str, lang: str, find_documents=None) -> tuple[str, ...]:
    """Ids of the provisions ``query`` cites (article, point, subpoint of an act in the corpus).
    ``find_documents(text)``: ids of the documents a search for ``text`` finds first (the index),
    where a provision of a local act named by its title words is looked for."""
    doc = Document(id="query", act_id="query", language=lang, version=1, source="query", text=query,
                   doc_type="other", title="", part=0)
    whole = Unit(id="query/text", document_id="query", kind="paragraph", start=0, end=len(query), label="")
    refs = [r for r in find_references(doc, [whole])
            if r.kind == "external" and any(r.target.get(k) for k in ("article", "point", "subpoint"))]
    if not refs:
        return _bare_citation(store, query, lang, find_documents)
    catalog = StoreCatalog(store)
    out = []
    for r in refs:
        target = dict(r.target)
        named = any(target.get(k) for k in ("title", "date", "number", "code_name")) or act_match.sole_act(target)
        act = catalog.find_act(target, lang) if named else None
        if act is None and not named:
            act = _by_title_words(store, query.replace(r.surface, " "), lang)
        unit = find_unit(catalog.units_of(act), target) if act else None
        if unit is not None:
            out.append(unit.id)
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=4)
def _bare_units(lang: str) -> re.Pattern:
    """A provision named by its unit word and number with no act word beside it, as people type
    a citation: «статья 27», «п. 45», «пункт 45 типового регламента»; Kazakh puts the number
    first («45-тармағы», «27-бап»). The unit words are the grammar's (``core/grammar``)."""
    from maslihat.core import grammar as G
    # an abbreviation typed without its dot too («ст 8», «п 45»)
    words = {k: w.replace(r"\.\s?", r"\.?\s?") for k, w in G.unit_words(lang).items()}
    kinds = "|".join(f"(?P<{k}>{words[k]})" for k in ("subpoint", "point", "article") if k in words)
    num = r"\d+(?:[.\-]\d+)*"
    if lang == "kk":
        return re.compile(rf"(?<![\w.])(?P<n>{num})\)?\s*-?\s*(?:{kinds})(?![^\W\d_])", re.IGNORECASE)
    return re.compile(rf"(?<![^\W\d_])(?:{kinds})\s*(?P<n>{num})\)?(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=4)
def _act_word(lang: str) -> re.Pattern:
    """The grammar's act words of ``lang`` in any case («закон», «заңның»): a title holds none of
    them («О правовых актах»), so they do not count among the title words a query gives."""
    return re.compile(rf"(?<![^\W\d_])(?:{_act_words(lang)})(?![^\W\d_])", re.IGNORECASE)


def _act_words(*langs: str) -> str:
    """An alternation of the act words of ``langs`` as ``core/grammar`` lists them."""
    from maslihat.nlp.patterns import ACT_TYPES_KK, ACT_TYPES_RU
    table = {"ru": ACT_TYPES_RU, "kk": ACT_TYPES_KK}
    return "|".join(f"(?:{p})" for lang in langs for p, _ in table[lang])


def _latest(store: Store, doc_ids: list) -> list:
    """The latest documents among ``doc_ids``, light, as ``national_acts`` gives its acts."""
    ids = list(dict.fromkeys(doc_ids))
    if not ids:
        return []
    return [_act(r) for r in store.conn.execute(
        "SELECT id, language, doc_type, title, adopted_date, number FROM documents "
        f"WHERE is_latest=1 AND id IN ({','.join('?' * len(ids))})", ids)]


def _bare_citation(store: Store, query: str, lang: str, find_documents=None) -> tuple[str, ...]:
    """The provision a query names by unit and number, its act by title words before or after
    («закон о правовых актах статья 27», «пункт 45 типового регламента маслихата», «Мәслихаттың
    үлгі регламентінің 45-тармағы»), which the citation reader does not read as a reference (no
    act word, or the act before the unit). An act that approves a document («Об утверждении
    Типового регламента») is cited for that document's provision: the appendix first, unless the
    query says «утверждении» itself."""
    from maslihat.core import grammar as G
    rx = _bare_units(lang)
    target: dict = {}
    for m in rx.finditer(query):
        kind = next(k for k in ("subpoint", "point", "article") if m.group(k))
        target.setdefault(kind, m.group("n"))
    if not target:
        return ()
    if _CONSTITUTION.search(query):   # «статья 86 конституции», «конституцияның 86-бабы»: its name is its act word
        catalog = StoreCatalog(store)
        act = catalog.find_act({"act_type": "Конституция"}, lang)
        unit = find_unit(catalog.units_of(act), target) if act else None
        return (unit.id,) if unit is not None else ()
    rest = _act_word(lang).sub(" ", rx.sub(" ", query))
    if len(_title_words(rest, lang)) < 2:            # «пункт 5», «статья 27 сессия»: no act named
        return ()
    act = _by_title_words(store, rest, lang)
    if act is None and find_documents is not None:
        # a local act («регламент маслихата Павлодарской области пункт 10»): among the documents
        # the index finds for the title words, not every title of a national-scale corpus
        act = _by_title_words(store, rest, lang, _latest(store, find_documents(rest)))
    if act is None:
        return ()
    approval = G.data(lang).get("approval_title")
    title = next((r["title"] for r in store.document_rows(False, [act])), None) or ""    # not its text
    prefer = (True if approval and re.search(approval, title, re.IGNORECASE)
              and not re.search(approval, query, re.IGNORECASE) else None)
    unit = find_unit(StoreCatalog(store).units_of(act), target, prefer_appendix=prefer)
    return (unit.id,) if unit is not None else ()


# an act's number as people type it: after «№»/«N», or a token with a digit and a «-» or «/»
# («5-40», «С-24/4», «480-V», «2572-XII»), not a date («14.11.2001») and not a bare year
_NUMBER = re.compile(r"(?:(?<![^\W\d_])(?:№|N|No\.?)\s*(?P<n>[^\W_][\w\-/]*))|"
                     r"(?<![\w\-/.])(?P<t>\w+(?:[\-/]\w+)+)(?![\w\-/])")
MAX_NAMED = 4           # documents one number may name (two acts in two languages); more: too common


@lru_cache(maxsize=1)
def _beside_act_word() -> re.Pattern:
    """A bare number right after a word of an act («указ 704», «закон 221») or, as Kazakh puts
    it, right before one («704 жарлығы»): the act words of both languages as ``core/grammar``
    lists them, in any case (people type «указ», the texts «Указ»)."""
    words = _act_words("ru", "kk")
    return re.compile(rf"(?<![^\W\d_])(?:{words})\s+(?P<a>\d+)(?![\w\-/.])|"
                      rf"(?<![\w\-/.])(?P<b>\d+)\s+(?:{words})(?![^\W\d_])", re.IGNORECASE)


def named_acts(store: Store, query: str, lang: str) -> tuple[str, ...]:
    """The first provision of each act ``query`` names by its number alone («№ 704»,
    «решение 5-40», «С-24/4», «480-V»): a journalist who types an act's number wants the act, not
    the decisions that cite it. The act in the query's language when it is there in both; a
    number that names more than ``MAX_NAMED`` documents names none."""
    out: list[str] = []
    numbers = [m.group("n") or m.group("t") for m in _NUMBER.finditer(query)]
    numbers += [m.group("a") or m.group("b") for m in _beside_act_word().finditer(query)]
    for number in dict.fromkeys(numbers):
        if not any(ch.isdigit() for ch in number):
            continue
        number = number.rstrip(".-/")
        ids = store.find_documents(None, number)
        if not ids or len(ids) > MAX_NAMED:
            continue
        for doc_id in store.find_documents(None, number, lang) or ids:
            # its first provision the index holds (a preamble, a chapter's heading; not the title,
            # which is not indexed, nor an amendment note)
            units = [u for u in store.units(doc_id) if u.kind in INDEXED_KINDS]
            first = next((u for u in units if u.kind != "note"), units[0] if units else None)
            if first is not None:
                out.append(first.id)
    return tuple(dict.fromkeys(out))


def _title_words(text: str, lang: str, words: re.Pattern = _WORD) -> set:
    """The words of ``text`` a title is compared by: their first five letters, stop words out
    (``words``: which count; four letters and more unless a caller reads short ones too)."""
    from maslihat.nlp.analyze import normalize_term
    return {w[:5] for w in (x.lower() for x in words.findall(text)) if normalize_term(w, lang)}


def _by_title_words(store: Store, rest: str, lang: str, acts: Optional[list] = None) -> Optional[str]:
    """The national act (or one of ``acts``) whose title holds the words of ``rest`` (the query
    without its citation), compared by their first five letters; the query's language first, the
    shortest title first."""
    want = _title_words(rest, lang)
    if len(want) < 2:
        return None
    best = None
    for act in (national_acts(store) if acts is None else acts):
        have = {w[:5] for w in (x.lower() for x in _WORD.findall(act.title or ""))}
        share = len(want & have) / len(want)
        if share >= MIN_SHARE:
            key = (-share, act.language != lang, len(have), act.id)
            best = min(best, (key, act.id)) if best else (key, act.id)
    return best[1] if best else None


def place_cited(res: dict, store: Store, cited: tuple, query: str, lang: Optional[str],
                limit: int, offset: int) -> dict:
    """The first page with the cited provisions at its head: ranking put them first when they
    were among its candidates; one that was not (a bare «Статья 1. Основные понятия» shares no
    word with «статья 1 закона о правовых актах») is added from the store, and the page keeps
    its length. Other pages, totals and facets are as the index answered."""
    if not cited or offset:
        return res
    from maslihat.corpus.facts import hit_facts
    from maslihat.corpus.index.common import make_hit
    from maslihat.corpus.index.query import plan
    from maslihat.corpus.index.rows import unit_rows
    hits = res.get("hits", [])
    by_id = {h["unit_id"]: h for h in hits}
    top = max((h["score"] for h in hits), default=0.0)
    pl = None
    head = []
    for uid in cited:
        if uid in by_id:
            head.append(by_id[uid])
            continue
        unit = store.unit(uid)
        doc = store.document(unit.document_id) if unit else None
        if doc is not None and lang and doc.language != lang:      # --lang: results in that language
            continue
        # its row as the index would hold it: the unit and what lies inside it (ids are paths)
        inside = [u for u in store.units(doc.id) if u.id == uid or u.id.startswith(uid + "/")] if doc else []
        row = next((r for r in unit_rows(doc, inside) if r["unit_id"] == uid), None) if doc else None
        if row is None:
            continue
        pl = pl or plan(query, lang)
        hit = make_hit(row, top, pl)
        hit["facts"] = hit_facts(store, [uid]).get(uid, [])
        head.append(hit)
    if not head:
        return res
    ids = {h["unit_id"] for h in head}
    res["hits"] = (head + [h for h in hits if h["unit_id"] not in ids])[:max(limit, 0)]
    res["total"] = max(int(res.get("total") or 0), len(res["hits"]))   # an act named only by its number
    return res


_ABOUT_KK = re.compile(r"\s+туралы\s*$", re.IGNORECASE)
MAX_TITLE_WORDS = 8       # words of a title a query gives beside the act word
MAX_CODE_WORDS = 2        # … before «кодекс»
MAX_RUNS = 3              # act words with title words one query is read for
_SHORT_WORD = re.compile(r"[^\W\d_]{2,}")       # «жер кодексі», «су кодексі»: short words name codes


def _words(text: str, lang: str) -> set:
    """``_title_words`` with words of two letters and more."""
    return _title_words(text, lang, _SHORT_WORD)


@lru_cache(maxsize=4096)
def _title_set(title: str, lang: str) -> frozenset:
    """An act's title as ``_words`` reads it, the country's name out (``act_match.title_key``):
    worked out once per title, not for every query that names an act."""
    from maslihat.nlp.act_match import title_key
    return frozenset(_words(title_key(title), lang))


@lru_cache(maxsize=4)
def _openers(lang: str) -> frozenset:
    """The first five letters of the words that open most titles (``title_openers`` of the
    language's grammar): «утверждении», «внесении», «бекіту»."""
    return frozenset(w.lower()[:5] for w in G.data(lang).get("title_openers", []) or [])


def acts_named(store: Store, query: str, lang: str, find_documents=None) -> tuple[tuple[str, ...], str]:
    """The documents of the act ``query`` names by its title words beside an act word («закон о
    правовых актах», «по закону об обращениях», «өтініштер туралы заң», «решения маслихата 2015
    года о социально значимых железнодорожных сообщениях»), and the query without those title
    words: a user who names the act wants its provisions, not those of the acts that repeat its
    title words, and asks about the act itself («когда вводится в действие закон о правовых
    актах»: «Настоящий Закон вводится в действие …»). The query's words after «закон о …» (Russian;
    an issuer or a year may stand between: «решение маслихата 2015 года о …») or before «… туралы
    заң» (Kazakh), compared by their first five letters with the titles (the country's name out,
    ``act_match.title_key``); the longest run of them that titles hold, the nearest acts (their
    title has the fewest other words), at most ``MAX_NAMED_ACTS`` of them, the year the query gives
    deciding between them. National acts always; a local act (among the documents
    ``find_documents`` finds for the title words) only when the query names its issuer or year
    beside the act word: «принимает решение о созыве сессии» names no decision. Every language
    version of the acts."""
    words = _act_word(lang)
    # (spans of the title words and «о»/«туралы» in the query, the words nearest the act word first,
    # the words that name the act besides: its issuer and year)
    runs = []
    for m in words.finditer(query):
        if lang == "kk":
            a = _ABOUT_KK.search(query[:m.start()])
            if a:
                found = list(_SHORT_WORD.finditer(query[:a.start()]))[::-1][:MAX_TITLE_WORDS]
                # Kazakh names the issuer and year before the title («мәслихаттың 2015 жылғы … туралы шешімі»)
                runs.append(([(w.start(), m.start()) for w in found], [w.group() for w in found],
                             query[max(0, a.start() - 100):a.start()]))
                continue
        else:
            a = _ABOUT_RU_NEAR.match(query, m.end())
            between = query[m.end():a.start("about")].strip() if a else ""
            if a and (not between or _names_issuer(between) or _COUNTRY_WORDS.fullmatch(between)):
                found = list(_SHORT_WORD.finditer(query, a.end()))[:MAX_TITLE_WORDS]
                # the issuer and year name the act too: they leave the query with its title words
                runs.append(([(m.end(), w.end()) for w in found], [w.group() for w in found], between))
                continue
        if "кодекс" in m.group().lower():
            # a code is named by the word before it: «бюджетный кодекс», «по земельному кодексу»
            # (the grammar's act word holds the adjective), «салық кодексі», «жер кодексінде»
            at = m.start() + m.group().lower().index("кодекс")
            found = list(_SHORT_WORD.finditer(query[:at]))[::-1][:MAX_CODE_WORDS]
            runs.append(([(w.start(), at) for w in found], [w.group() for w in found], ""))
    for m in _MODEL_ACT.get(lang, _MODEL_ACT["ru"]).finditer(query):
        # a model act named as people name it, with no act word: «по типовому регламенту маслихата»,
        # «типовые правила оказания помощи», «мәслихаттың үлгі регламенті»: the title words themselves
        found = list(_SHORT_WORD.finditer(query, m.start()))[:MAX_TITLE_WORDS]
        if lang == "kk":
            back = list(_SHORT_WORD.finditer(query[:m.start()]))[::-1][:MAX_CODE_WORDS]
            found = back[::-1] + found
        runs.append(([(found[0].start(), w.end()) for w in found], [w.group() for w in found], _MODEL))
    if not runs:
        return (), query
    runs = runs[:MAX_RUNS]            # a query naming many acts (or pasted text) reads the first few
    national = [(a, _title_set(a.title or "", a.language)) for a in national_acts(store)]
    best: set = set()
    titled: dict = {a.id: (a, have) for a, have in national}
    cut: list = []
    for spans, run, named_by in runs:
        local = bool(named_by) and named_by != _MODEL and _names_issuer(named_by)   # «решения маслихата 2015 года о …»
        year = _YEAR.search(named_by)
        acts = list(national)
        if local and find_documents is not None and len(run) >= 2:
            acts += [(a, _title_set(a.title or "", a.language))
                     for a in _latest(store, find_documents(" ".join(run))) if a.id not in titled]
        # a model act's run holds «типовой» and the kind of act at least («типовые правила» is not
        # the «Типовой регламент»)
        for k in range(len(run), 1 if named_by == _MODEL else 0, -1):
            want = _words(" ".join(run[:k]), lang)
            if not want - _openers(lang):          # «об утверждении» alone names no act
                continue
            # one word names a national act («закон об обращениях»), not one of a region's many decisions
            fits = [(len(have - want), a) for a, have in (acts if len(want) > 1 else national) if want <= have]
            if fits:
                least = min(n for n, _ in fits)
                near = [a for n, a in fits if n == least]
                if year:                       # the year the query gives is the act's
                    near = [a for a in near if (a.adopted_date or "").startswith(year.group())]
                nearest = {a.id.rsplit("/", 1)[0] for a in near}
                if 0 < len(nearest) <= MAX_NAMED_ACTS:
                    best |= nearest
                    titled.update({a.id: (a, have) for a, have in acts if a.id.rsplit("/", 1)[0] in nearest})
                    start, end = spans[k - 1]
                    cut.append((_issuer_before(query, start) if lang == "kk" else start, end))
                break
    out = tuple(i for i, (a, _) in titled.items() if i.rsplit("/", 1)[0] in best)
    for start, end in sorted(cut, reverse=True):
        query = query[:start] + " " + query[end:]
    return out, " ".join(query.split())


# «типовой регламент», «типовые правила», «типовое положение»; «үлгі регламент», «үлгі қағидалар»,
# «үлгі ереже»: a model act the Government or the President approves for every region
_MODEL = "\x00model"      # what names a model act's run: its own words
_MODEL_ACT = {"ru": re.compile(r"(?<![^\W\d_])типов\w*\s+(?:регламент|правил|положени|инструкци|порядк)\w*", re.IGNORECASE),
              "kk": re.compile(r"(?<![^\W\d_])үлгі\s+(?:регламент|қағида|ереже|нұсқаулық|тәртіп)\w*", re.IGNORECASE)}
_COUNTRY_WORDS = re.compile(r"(?:республики\s+казахстан|рк)", re.IGNORECASE)
MAX_NAMED_ACTS = 2         # acts one title may name (two editions of a list, «… 2014» and «… 2015»)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# «о …» right after the act word or after its issuer and date: «решения маслихата 2015 года о …»
_ABOUT_RU_NEAR = re.compile(r"(?:\s+[\w\-]+){0,5}?\s+(?P<about>(?:о|об|обо)\s+)", re.IGNORECASE)


def _issuer_before(query: str, start: int) -> int:
    """``start`` moved left over the words that name a Kazakh act's issuer and year before its
    title («Алматы облысы мәслихатының 2015 жылғы …»): a year, «жылғы», a body, a place."""
    from maslihat.core import places
    for w in reversed(list(re.finditer(r"\S+", query[:start]))):
        word = w.group()
        if _YEAR.fullmatch(word) or word.lower().startswith("жыл") or places.body_kind(word) \
                or places.level_word(word) or places.find_place(word):
            start = w.start()
        else:
            break
    return start


def _names_issuer(text: str) -> bool:
    """Whether the words between an act word and its title name an issuer or a year («маслихата
    2015 года», «мәслихатының 2014 жылғы»): then the act may be a local one."""
    from maslihat.core import places
    return bool(_YEAR.search(text)) or places.body_kind(text) is not None
