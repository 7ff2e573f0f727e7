"""Recall of the RU/KK discrepancy report on planted differences (issue 12 part 2, branch i-plant).

    .venv/bin/python -m bench.rukk_planted                  # both halves, recall per kind and side
    .venv/bin/python -m bench.rukk_planted --half A         # half A only (the half fixes are chosen on)
    .venv/bin/python -m bench.rukk_planted --misses         # list every plant not found, and every false flag
    .venv/bin/python -m bench.rukk_planted --jobs 2         # acts in two processes
    .venv/bin/python -m bench.rukk_planted --seed 29        # another draw of positions (default 12)

For every bilingual act of ../shared (the 29 of bench/rukk_heldout_split.json and the four judged
before: the Model regulation 1203, the Pavlodar 79415 and East Kazakhstan 80021 regulations, seed
001 — those four in half A), one known difference at a time is planted into ONE language version,
the pair is ingested into a temporary corpus (as ``bench.rukk_heldout`` does: the act's folder or
pair of files given to ``ingest``, here through ``Corpus`` in one process) and ``diff RU KK`` is
read. A plant is *found* when a flag that the unplanted pair did not have names the planted unit
(or the point/article it stands in) on the planted side and is of the plant's sort: a differing
fact (or, for a table row, the planted value itself); for a deletion, the deleted unit's
counterpart (or a unit under it) reported on the other side only, or — a table row read as a point
— its figures reported missing with that row named; for a swap, the list's order or its items'
facts. The same difference seen from the other side (the replaced value now unanswered there) is
an *echo*, neither found nor false; every other new flag the plant caused is a *false flag caused*.

Kinds (each in RU and in KK, ``PER`` random positions per act, kind and side, seed fixed: ``--seed``,
default 12): a number
in digits changed; a number in words changed; a date's day, month word, year; a time of day; an
amount or percentage; a referenced article/point number; a list item (subpoint) deleted; a whole
point deleted (the rest not renumbered); two neighbouring list items swapped; a table row with a rate
deleted (``row_deleted``: a row is a unit whose first line holds tab-separated cells, whatever its kind —
point, subpoint, paragraph or part; value plants edit a row's own text too; found when the row's figures are reported missing with the counterpart row named on the
other side and the table's unit on the planted side). Each is a regex edit
of the unit's own text (never of headings, captions, notes or requisites); the texts are read at
run time and written only to a temporary folder.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from maslihat.core.model import ROW_KINDS

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SPLIT = ROOT / "bench" / "rukk_heldout_split.json"
OLDER = [
    "dev-laws/codes__1203-ob-utverzhdenii-tipovogo-reglamenta-maslikhata-75613",
    "dev-laws/local-pavlodar__0328-o-reglamente-maslikhata-pavlodarskoi-oblasti-79415",
    "dev-laws/local-east-kazakhstan__0411-ob-utverzhdenii-reglamenta-vostochno-kazakhstanskogo-oblastnogo-80021",
    "seed/001_56a79b46f786f9f7.txt",
]
PER = 2
SEED = 12
SIDES = ("ru", "kk")
FACT_FLAGS = ("numbers_differ", "dates_differ", "times_differ", "amounts_differ")
# units whose own text a plant may edit: provisions and their paragraphs (never a title, heading,
# caption, note, appendix caption or requisite line)
TEXT_UNITS = ("article", "point", "subpoint", "paragraph")
KINDS = ("digits", "words", "date_day", "date_month", "date_year", "time", "amount", "reference",
         "subpoint_deleted", "point_deleted", "items_swapped", "row_deleted")
# a table's row is the unit main's segmentation makes of it, whatever its kind (``core.model.ROW_KINDS``)
# — a unit whose first line holds cells (tabs) next to another line with cells; a row's own text may
# be edited like a provision's, and a row holding a figure may be deleted (``row_deleted``)
ROW_UNITS = ROW_KINDS
STRUCTURE_KINDS = ("subpoint_deleted", "point_deleted", "items_swapped", "row_deleted")
# a cell after the row's first holding a figure alone («\t190», «\t8560-00», «\t7,31», «\t1 200 тенге»),
# not a label that names a number («Казино 1 ойын үстелі үшін»)
_CELL_LINE = re.compile(r"\S[^\t\n]*\t+[^\t\n]*\S")       # a line holding cells
_ROW_FIGURE = re.compile(r"\t[ ]*\d[\d ,.\-]*[ ]*(?:%|тенге|теңге|тг\.?|МРП|АЕК)?[ ]*(?=\t|$)", re.M)


def halves() -> dict[str, list[str]]:
    split = json.loads(SPLIT.read_text(encoding="utf-8"))
    return {"A": OLDER + split["A"], "B": split["B"]}


def act_paths(act: str) -> list[Path]:
    folder, name = act.split("/", 1)
    if folder == "dev":
        d = SHARED / "corpus" / "dev" / "derived"
        return [d / f"{name}.rus.txt", d / f"{name}.kaz.txt"]
    if folder == "seed":
        return [SHARED / "seeds" / name]
    return [SHARED / "corpus" / "dev-laws" / name]


def short(act: str) -> str:
    folder, name = act.split("/", 1)
    return name if folder == "dev" else name.split("_", 1)[0] if folder == "seed" else name.rsplit("-", 1)[-1]


# ---------------------------------------------------------------------------------------------
# the act as files (relative path -> text), ingested and diffed

def read_act(act: str) -> dict[str, str]:
    out = {}
    for p in act_paths(act):
        if p.is_dir():
            for f in sorted(p.iterdir()):
                out[f"{p.name}/{f.name}"] = f.read_text(encoding="utf-8")
        else:
            out[p.name] = p.read_text(encoding="utf-8")
    return out


def side_files(files: dict[str, str], lang: str) -> list[str]:
    """The files holding the ``lang`` version (a bilingual seed file holds both)."""
    marks = ("rus.", ) if lang == "ru" else ("kaz.",)
    own = [k for k in files if k.rsplit("/", 1)[-1].startswith(marks) or any(f".{m}" in k for m in marks)]
    return own or [k for k in files if not k.endswith((".yaml", ".yml", ".json"))]


@dataclass
class Run:
    ru: object
    kk: object
    units: dict            # lang -> [Unit]
    flags: list            # discrepancies (dicts)
    rows: list             # the diff's unit rows


def ingest_diff(files: dict[str, str], tmp: Path) -> Run:
    from maslihat.corpus.api import Corpus
    if tmp.exists():
        shutil.rmtree(tmp)
    (tmp / "acts").mkdir(parents=True)
    paths = set()
    for rel, text in files.items():
        p = tmp / "acts" / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
        paths.add(str(tmp / "acts" / rel.split("/", 1)[0]) if "/" in rel else str(p))
    c = Corpus(str(tmp / "c.sqlite"), es_url="")
    c.ingest(sorted(paths))
    docs = [d for d in c.documents()]
    ru = [d for d in docs if d["language"] == "ru"]
    kk = [d for d in docs if d["language"] == "kk"]
    if len(ru) != 1 or len(kk) != 1:
        raise RuntimeError(f"expected one RU and one KK document, got {[(d['id'], d['language']) for d in docs]}")
    res = c.diff(ru[0]["id"], kk[0]["id"])
    dr, dk = c.store.document(ru[0]["id"]), c.store.document(kk[0]["id"])
    run = Run(dr, dk, {"ru": c.store.units(dr.id), "kk": c.store.units(dk.id)}, res.get("discrepancies") or [],
              res.get("units") or [])
    c.close() if hasattr(c, "close") else None
    return run


def fkey(f: dict) -> tuple:
    return (f["kind"], f.get("label_a"), f.get("label_b"), tuple(sorted(f.get("facts_a") or [])),
            tuple(sorted(f.get("facts_b") or [])))


# ---------------------------------------------------------------------------------------------
# plants

@dataclass
class Plant:
    kind: str
    side: str
    file: str
    new_text: str
    unit: str                      # the planted unit's label
    unit_labels: set               # labels that name the plant on the planted side (unit, its point/article)
    other_labels: set = field(default_factory=set)   # deletions: the counterpart labels on the other side
    before: str = ""
    after: str = ""
    old: str = ""                  # value plants: the value replaced and the one put instead
    new: str = ""


RU_MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
             "ноября", "декабря"]
# Kazakh months whose case endings agree (a stem ending in р/з, and one in м/н): a month swapped
# within its group keeps the word's ending right («наурыздағы» -> «мамырдағы»)
KK_MONTH_GROUPS = [["қаңтар", "наурыз", "мамыр", "тамыз"], ["ақпан", "маусым", "қазан", "желтоқсан"]]
KK_MONTHS = "қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан"
RU_MONTH_RX = "|".join(RU_MONTHS)
# number words and what a changed text says instead (the same case)
RU_WORDS = {"два": "три", "две": "три", "двух": "трех", "трех": "пяти", "трёх": "пяти", "три": "пять",
            "пять": "семь", "пяти": "семи", "шесть": "восемь", "шести": "восьми", "семь": "девять",
            "семи": "девяти", "десять": "пятнадцать", "десяти": "пятнадцати", "пятнадцати": "двадцати",
            "пятнадцать": "двадцать", "двадцати": "тридцати", "двадцать": "тридцать", "тридцати": "сорока",
            "тридцать": "сорок", "четырех": "шести", "четыре": "шесть", "восьми": "десяти",
            "двенадцати": "четырнадцати", "сорока": "пятидесяти"}
KK_WORDS = {"екі": "төрт", "үш": "бес", "төрт": "алты", "бес": "жеті", "алты": "сегіз", "жеті": "тоғыз",
            "он": "он бес", "жиырма": "отыз", "отыз": "қырық", "қырық": "елу", "он бес": "жиырма",
            "сегіз": "он", "тоғыз": "он бір"}
_L = "а-яёәғқңөұүһіa-z"
_UNIT_WORDS_RU = r"стат|пункт|подпункт|глав|част|раздел|приложени|абзац|год|час|тенге|процент|МРП|" + RU_MONTH_RX
_UNIT_WORDS_KK = r"бап|баб|тармақ|тармағ|тарау|бөлі|қосымша|абзац|жыл|сағат|теңге|тенге|пайыз|АЕК|" + KK_MONTHS


def _plus(n: int, other: str, step: int = 5) -> str:
    """n changed to a value the other language's text does not state in digits at all."""
    v = n + step
    while re.search(rf"(?<![\d]){v}(?![\d])", other):
        v += 1
    return str(v)


def _regexes(kind: str, lang: str) -> list[tuple[re.Pattern, Callable[[re.Match, str], Optional[str]]]]:
    """(pattern with a group «v», the replacement of «v» given the match and the other text)."""
    rx = []
    if kind == "digits":
        words = _UNIT_WORDS_RU if lang == "ru" else _UNIT_WORDS_KK
        pat = rf"(?<![\d.,/№\-–])(?<!№ )(?<!N )(?P<v>\d{{1,3}})(?![\d.,/)\-–:])(?=\s+\(?[{_L}])(?!\s+\(?(?:{words}))"
        rx.append((re.compile(pat, re.I), lambda m, o: _plus(int(m["v"]), o)))
    elif kind == "words":
        table = RU_WORDS if lang == "ru" else KK_WORDS
        alts = "|".join(sorted(map(re.escape, table), key=len, reverse=True))
        # not a fraction's numerator («двух третей», «төрттен үш бөлігі»): a share, not a count
        rx.append((re.compile(rf"(?<![{_L}\-])(?P<v>{alts})(?![{_L}\-])(?!\s+(?:трет|четверт|бөл))", re.I),
                   lambda m, o: table.get(m["v"].lower())))
    elif kind == "date_day":
        if lang == "ru":
            rx.append((re.compile(rf"(?<![\d.,])(?P<v>[0-3]?\d)(?=\s+(?:{RU_MONTH_RX})\b)", re.I),
                       lambda m, o: str(int(m["v"]) + 1 if int(m["v"]) < 28 else int(m["v"]) - 1)))
        else:
            rx.append((re.compile(rf"жылғы\s+(?P<v>[0-3]?\d)(?=\s+(?:{KK_MONTHS}))", re.I),
                       lambda m, o: str(int(m["v"]) + 1 if int(m["v"]) < 28 else int(m["v"]) - 1)))
        rx.append((re.compile(r"(?<![\d.])(?P<v>[0-3]\d)(?=\.[01]\d\.(?:19|20)\d\d(?!\d))"),
                   lambda m, o: f"{int(m['v']) + 1 if int(m['v']) < 28 else int(m['v']) - 1:02d}"))
    elif kind == "date_month":
        if lang == "ru":
            rx.append((re.compile(rf"(?<=\d\s)(?P<v>{RU_MONTH_RX})\b"),
                       lambda m, o: RU_MONTHS[(RU_MONTHS.index(m["v"]) + 1) % 12]))
        else:
            alts = "|".join(x for g in KK_MONTH_GROUPS for x in g)

            def swap(m, o):
                g = next(g for g in KK_MONTH_GROUPS if m["v"] in g)
                return g[(g.index(m["v"]) + 1) % len(g)]
            rx.append((re.compile(rf"(?<=\d\s)(?P<v>{alts})(?=[{_L}]*)"), swap))
    elif kind == "date_year":
        word = r"\s+год" if lang == "ru" else r"\s+жыл"
        rx.append((re.compile(rf"(?<![\d.])(?P<v>(?:19|20)\d\d)(?={word})"), lambda m, o: str(int(m["v"]) - 1)))
        rx.append((re.compile(r"(?<=\d\d\.[01]\d\.)(?P<v>(?:19|20)\d\d)(?!\d)"), lambda m, o: str(int(m["v"]) - 1)))
    elif kind == "time":
        h = lambda m, o: str(int(m["v"]) + 1 if int(m["v"]) < 22 else int(m["v"]) - 2)   # noqa: E731
        if lang == "ru":
            rx.append((re.compile(r"(?:(?<=\b[сСвВ]\s)|(?<=\bдо\s))(?P<v>[01]?\d|2[0-3])(?=[.:\-]\d\d(?!\d))"), h))
            rx.append((re.compile(r"(?<![\d.,])(?P<v>[01]?\d|2[0-3])(?=\s*час)"), h))
        else:
            rx.append((re.compile(r"(?<=сағат\s)(?P<v>[01]?\d|2[0-3])(?![\d,])", re.I), h))
            rx.append((re.compile(r"(?<![\d.,])(?P<v>[01]?\d|2[0-3])(?=[.:][0-5]\d[-–][{0}]+)".format(_L)), h))
    elif kind == "amount":
        unit = r"тенге|МРП|%|процент" if lang == "ru" else r"теңге|тенге|АЕК|%|пайыз"
        rx.append((re.compile(rf"(?<![\d.,])(?P<v>\d{{1,6}})(?![\d.,])(?=\s*(?:\([^)]{{1,60}}\)\s*)?(?:{unit}))", re.I),
                   lambda m, o: _plus(int(m["v"]), o)))
    elif kind == "reference":
        if lang == "ru":
            rx.append((re.compile(r"(?:стать(?:я|и|е|ю|ей)|(?:под)?пункт(?:а|е|у|ом|ами|ов)?|глав(?:а|ы|е|ой))"
                                  r"\s+(?P<v>\d{1,3})(?![\d.\-)])", re.I), lambda m, o: str(int(m["v"]) + 1)))
        else:
            rx.append((re.compile(r"(?<![\d.)])(?P<v>\d{1,3})(?=\s?[-–]\s?(?:бап|баб|тармағ|тармақ(?!ша)|тарау))", re.I),
                       lambda m, o: str(int(m["v"]) + 1)))
    return rx


def _norm_line(s: str) -> str:
    return re.sub(r"[*>_#\\]", "", " ".join(s.split())).strip()


def _locate(doc_text: str, file_text: str, at: int, end: int) -> Optional[int]:
    """The offset in the document text of file offset ``at``: the match with some of its line
    around it, found once in the document."""
    ls = file_text.rfind("\n", 0, at) + 1
    le = file_text.find("\n", end)
    le = len(file_text) if le < 0 else le
    for reach in (40, 20, 10):
        s, e = max(ls, at - reach), min(le, end + reach)
        snip = file_text[s:e]
        if len(snip.strip()) < 8:
            continue
        k = doc_text.find(snip)
        if k >= 0 and doc_text.find(snip, k + 1) < 0:
            return k + (at - s)
    return None


def _deepest(units, at: int):
    best = None
    for u in units:
        if u.start <= at < u.end and (best is None or u.end - u.start <= best.end - best.start):
            best = u
    return best


def _own_end(units, u) -> int:
    return min((v.start for v in units if v.parent_id == u.id), default=u.end)


def _is_row(doc, u) -> bool:
    """``u`` is a row of a table: a point, subpoint, paragraph or part whose first line holds cells
    (tabs), next to another line with cells (a table is a run of at least two such lines)."""
    if u.kind not in ROW_UNITS:
        return False
    text = doc.text
    at = u.start + len(text[u.start:u.end]) - len(text[u.start:u.end].lstrip())
    ls = text.rfind("\n", 0, at) + 1
    le = text.find("\n", at)
    le = len(text) if le < 0 else le
    if "\t" not in text[ls:le]:
        return False
    prev = text[text.rfind("\n", 0, max(ls - 1, 0)) + 1:max(ls - 1, 0)]
    ne = text.find("\n", le + 1)
    nxt = text[le + 1:len(text) if ne < 0 else ne]
    return "\t" in prev or "\t" in nxt


def _ancestors(units, u) -> set:
    index = {v.id: v for v in units}
    out, p = set(), index.get(u.parent_id) if u.parent_id else None
    while p is not None:
        out.add(p.label)
        p = index.get(p.parent_id) if p.parent_id else None
    return out


def _labels_up(units, u) -> set:
    index = {v.id: v for v in units}
    out, p = {u.label}, u
    while p is not None and p.kind in TEXT_UNITS:
        out.add(p.label)
        p = index.get(p.parent_id) if p.parent_id else None
    return out


def _stated_in_scope(doc, units, u, word: str, lang: str) -> bool:
    """The value of the number word ``word`` is already stated in the point or article of ``u``
    (a plant there would be answered by the point itself, as a translation of it would be)."""
    from maslihat.nlp.compare_facts import facts
    from maslihat.nlp.numerals import parse
    n = parse(word, lang)
    if n is None:
        return False
    index = {v.id: v for v in units}
    scope = u
    while scope.parent_id and scope.kind not in ("point", "article") and scope.parent_id in index:
        scope = index[scope.parent_id]
    return n.norm in {f.value for f in facts(doc.text[scope.start:scope.end], lang)}


def value_plants(files: dict[str, str], base: Run, kind: str, side: str, rng: random.Random, per: int) -> list[Plant]:
    doc = base.ru if side == "ru" else base.kk
    other = base.kk if side == "ru" else base.ru
    units = base.units[side]
    cands = []
    for rel in side_files(files, side):
        text = files[rel]
        for pat, repl in _regexes(kind, side):
            for m in pat.finditer(text):
                s, e = m.span("v")
                line_start = text.rfind("\n", 0, s) + 1
                if not re.search(rf"[{_L}]", text[line_start:s], re.I):
                    continue        # a line's opening number is the unit's own numbering
                at = _locate(doc.text, text, s, e)
                if at is None:
                    continue
                u = _deepest(units, at)
                if u is None or not (u.kind in TEXT_UNITS or _is_row(doc, u)) or at >= _own_end(units, u):
                    continue
                new = repl(m, other.text)
                if not new or new == m["v"]:
                    continue
                if kind == "words" and _stated_in_scope(doc, units, u, new, side):
                    continue        # «четырех» -> «шести» where the point says «шести дней» too
                cands.append((rel, s, e, new, u))
    rng.shuffle(cands)
    out, used = [], set()
    for rel, s, e, new, u in cands:
        if u.id in used:
            continue
        used.add(u.id)
        text = files[rel]
        out.append(Plant(kind, side, rel, text[:s] + new + text[e:], u.label, _labels_up(units, u),
                         before=text[max(0, s - 30):e + 20].replace("\n", " "),
                         after=(text[max(0, s - 30):s] + new + text[e:e + 20]).replace("\n", " "),
                         old=text[s:e], new=new))
        if len(out) >= per:
            break
    return out


def _counterparts(base: Run, side: str) -> dict[str, str]:
    """label on ``side`` -> the label paired with it on the other side (the unplanted run)."""
    a, b = ("label_a", "label_b") if side == "ru" else ("label_b", "label_a")
    return {r[a]: r[b] for r in base.rows if r.get(a) and r.get(b)}


def _line_range(text: str, span_text: str) -> Optional[tuple[int, int]]:
    """Character range of the whole lines of ``text`` holding ``span_text`` (first and last line
    matched once, after blanks and markup are set aside)."""
    want = [_norm_line(x) for x in span_text.strip().split("\n") if _norm_line(x)]
    if not want:
        return None
    lines = text.split("\n")
    norm = [_norm_line(x) for x in lines]
    firsts = [i for i, x in enumerate(norm) if x == want[0]]
    if len(firsts) != 1:
        return None
    i = firsts[0]
    j = next((k for k in range(i, len(lines)) if norm[k] == want[-1]), None)
    if j is None or j - i > 3 * len(want) + 5:
        return None
    starts = [0]
    for x in lines:
        starts.append(starts[-1] + len(x) + 1)
    return starts[i], min(starts[j + 1], len(text))


def structure_plants(files: dict[str, str], base: Run, kind: str, side: str, rng: random.Random,
                     per: int) -> list[Plant]:
    doc = base.ru if side == "ru" else base.kk
    units = base.units[side]
    index = {u.id: u for u in units}
    kids: dict[str, list] = {}
    for u in units:
        if u.parent_id:
            kids.setdefault(u.parent_id, []).append(u)
    pair = _counterparts(base, side)
    other_units = base.units["kk" if side == "ru" else "ru"]
    other_by_label = {u.label: u for u in other_units}

    def desc_labels(label: str) -> set:
        u = other_by_label.get(label)
        if u is None:
            return {label}
        out, todo = {label}, [u]
        while todo:
            x = todo.pop()
            for v in [v for v in other_units if v.parent_id == x.id]:
                out.add(v.label)
                todo.append(v)
        return out
    cands = []
    rels = side_files(files, side)
    if kind in ("subpoint_deleted", "point_deleted"):
        want = "subpoint" if kind == "subpoint_deleted" else "point"
        for u in units:
            if u.kind != want or u.label not in pair or (want == "subpoint" and u.id in kids):
                continue
            if want == "point" and any(v.kind not in ("subpoint", "paragraph") for v in kids.get(u.id, [])):
                continue
            span = doc.text[u.start:u.end]
            for rel in rels:
                r = _line_range(files[rel], span)
                if r is not None:
                    text = files[rel]
                    # a table's row read as a point or subpoint, or a group of rows («5. хозяйственные
                    # товары» over «с прилавка\t140\t110\t70» …): the table holding it (a unit above
                    # it) may be named on the planted side, as for ``row_deleted``
                    rows = _is_row(doc, u) or bool(_CELL_LINE.search(span))
                    labels = {u.label} | (_ancestors(units, u) if rows else set())
                    cands.append(Plant(kind, side, rel, text[:r[0]] + text[r[1]:], u.label, labels,
                                       desc_labels(pair[u.label]), before=" ".join(text[r[0]:r[1]].split())[:80]))
                    break
    elif kind == "row_deleted":
        # a row of a table holding a figure in a cell after its first, paired in the unplanted run:
        # its line deleted (the rows after it keep their numbers)
        for u in units:
            if not _is_row(doc, u) or u.label not in pair or u.id in kids:
                continue
            span = doc.text[u.start:u.end]
            if not _ROW_FIGURE.search(span.strip().split("\n", 1)[0]):
                continue
            for rel in rels:
                r = _line_range(files[rel], span)
                if r is not None:
                    text = files[rel]
                    cands.append(Plant(kind, side, rel, text[:r[0]] + text[r[1]:], u.label, _ancestors(units, u),
                                       {pair[u.label]}, before=" ".join(text[r[0]:r[1]].split())[:80]))
                    break
    else:       # items_swapped
        for pid, ks in kids.items():
            items = [k for k in ks if k.kind == "subpoint" and k.id not in kids]
            if len(items) < 2 or index[pid].label not in pair:
                continue
            for x, y in zip(items, items[1:]):
                if x.label not in pair or y.label not in pair:
                    continue
                for rel in rels:
                    text = files[rel]
                    rx_, ry_ = _line_range(text, doc.text[x.start:x.end]), _line_range(text, doc.text[y.start:y.end])
                    if rx_ is None or ry_ is None or rx_[1] > ry_[0] or text[rx_[1]:ry_[0]].strip():
                        continue
                    gap = text[rx_[1]:ry_[0]]
                    lx, ly = text[rx_[0]:rx_[1]], text[ry_[0]:ry_[1]]
                    item = re.compile(r"^(\s*\d+[).]\s*)(.*?)([;.,:]?\s*)$", re.S)
                    mx, my = item.match(lx), item.match(ly)
                    if not (mx and my) or "\n" in mx[2].strip() or "\n" in my[2].strip():
                        continue
                    new = mx[1] + my[2] + mx[3] + gap + my[1] + mx[2] + my[3]
                    cands.append(Plant(kind, side, rel, text[:rx_[0]] + new + text[ry_[1]:], index[pid].label,
                                       {index[pid].label, x.label, y.label}, before=f"{x.label} <-> {y.label}"))
                    break
    rng.shuffle(cands)
    return cands[:per]


def plants_of(files: dict[str, str], base: Run, kinds=KINDS, per: int = PER, seed: str = "",
              draw: int = SEED) -> list[Plant]:
    """The plants of one act; ``draw`` is the random draw (``--seed``: 12 gives the published
    figures; another number draws new positions in the same acts)."""
    out = []
    for kind in kinds:
        for side in SIDES:
            rng = random.Random(f"{draw}/{seed}/{kind}/{side}")
            if kind in STRUCTURE_KINDS:
                out += structure_plants(files, base, kind, side, rng, per)
            else:
                out += value_plants(files, base, kind, side, rng, per)
    return out


def judge(plant: Plant, base: Run, run: Run) -> dict:
    """found or not, and the other new flags the plant caused."""
    old = Counter(fkey(f) for f in base.flags)
    new = []
    for f in run.flags:
        k = fkey(f)
        if old[k] > 0:
            old[k] -= 1
        else:
            new.append(f)
    own, oth = ("label_a", "label_b") if plant.side == "ru" else ("label_b", "label_a")
    fown, foth = ("facts_a", "facts_b") if plant.side == "ru" else ("facts_b", "facts_a")

    def states(fs, v):
        return bool(v) and any(re.search(rf"(?<![\d{_L}]){re.escape(v)}(?![\d{_L}])", x, re.I) for x in fs or [])
    ok, echo = [], []
    for f in new:
        if plant.kind in ("subpoint_deleted", "point_deleted"):
            # the counterpart reported alone, or (a table row read as a point) its figures
            # reported missing from the planted side, the counterpart's row named, and on the
            # planted side nothing or the table (a unit holding the deleted row)
            table = f.get(own) in plant.unit_labels - {plant.unit}
            hit = f.get(oth) in plant.other_labels and (
                f["kind"] == ("only_in_b" if plant.side == "ru" else "only_in_a")
                or (f["kind"] in FACT_FLAGS and (not f.get(own) or table) and f.get(foth) and not f.get(fown)))
        elif plant.kind == "row_deleted":
            # the row's figures reported missing from the planted side: the counterpart row named on
            # the other side, the table (a unit holding the deleted row) on the planted side
            hit = f["kind"] in FACT_FLAGS and f.get(oth) in plant.other_labels and f.get(own) in plant.unit_labels \
                and bool(f.get(foth)) and not f.get(fown)
        elif plant.kind == "items_swapped":
            hit = (f["kind"] == "order_differs" or f["kind"] in FACT_FLAGS) and f.get(own) in plant.unit_labels
        else:
            # the planted unit named, or (a table row's flag names the deepest unit at the row)
            # the planted value stated on the planted side
            hit = f["kind"] in FACT_FLAGS and (f.get(own) in plant.unit_labels or states(f.get(fown), plant.new))
        # the same difference seen from the other side: the replaced value now unanswered there
        echo.append(not hit and f["kind"] in FACT_FLAGS and plant.old != "" and states(f.get(foth), plant.old)
                    and not f.get(fown))
        ok.append(hit)
    return {"found": any(ok), "false": [f for f, h, e in zip(new, ok, echo) if not h and not e],
            "echo": sum(echo)}


def run_act(act: str, files: dict[str, str], tmp: Path, kinds=KINDS, per: int = PER, draw: int = SEED) -> list[dict]:
    base = ingest_diff(files, tmp / "base")
    out = []
    for k, p in enumerate(plants_of(files, base, kinds, per, seed=act, draw=draw)):
        try:
            run = ingest_diff({**files, p.file: p.new_text}, tmp / f"p{k}")
        except RuntimeError as e:
            out.append({"act": act, "kind": p.kind, "side": p.side, "unit": p.unit, "found": False,
                        "false": [], "error": str(e), "before": p.before, "after": p.after})
            continue
        j = judge(p, base, run)
        shutil.rmtree(tmp / f"p{k}", ignore_errors=True)
        out.append({"act": act, "kind": p.kind, "side": p.side, "unit": p.unit, "found": j["found"],
                    "echo": j["echo"], "false": [{k2: f.get(k2) for k2 in ("kind", "label_a", "label_b", "facts_a", "facts_b")}
                              for f in j["false"]], "before": p.before, "after": p.after})
    return out


def _one(job: tuple[str, int]) -> list[dict]:
    act, draw = job
    with tempfile.TemporaryDirectory() as d:
        return run_act(short(act), read_act(act), Path(d), draw=draw)


def recall_table(results: list[dict]) -> str:
    lines = ["| kind | RU found | KK found | both | false flags caused |", "|---|---|---|---|---|"]

    def cell(rs):
        return f"{sum(r['found'] for r in rs)}/{len(rs)}" if rs else "—"
    for kind in KINDS + ("**total**",):
        rs = [r for r in results if r["kind"] == kind or kind == "**total**"]
        ru = [r for r in rs if r["side"] == "ru"]
        kk = [r for r in rs if r["side"] == "kk"]
        pct = f" ({100 * sum(r['found'] for r in rs) / len(rs):.0f}%)" if rs else ""
        lines.append(f"| {kind} | {cell(ru)} | {cell(kk)} | {cell(rs)}{pct} | {sum(len(r['false']) for r in rs)} |")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--half", choices=["A", "B", "all"], default="all")
    ap.add_argument("--act", help="one act (its short name) only")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--seed", type=int, default=SEED,
                    help=f"the random draw of positions (default {SEED}, the published figures; "
                         "another number: new positions in the same acts)")
    ap.add_argument("--misses", action="store_true", help="list plants not found and false flags caused")
    ap.add_argument("--out", help="write every plant's result (JSON lines) here")
    a = ap.parse_args(argv)
    hs = halves()
    todo = [(h, act) for h in (["A", "B"] if a.half == "all" else [a.half]) for act in hs[h]
            if not a.act or short(act) == a.act]
    if a.jobs > 1:
        from multiprocessing import Pool
        with Pool(a.jobs) as pool:
            got = pool.map(_one, [(act, a.seed) for _, act in todo], chunksize=1)
    else:
        got = [_one((act, a.seed)) for _, act in todo]
    results = []
    for (h, _), rs in zip(todo, got):
        for r in rs:
            results.append({**r, "half": h})
    if a.out:
        Path(a.out).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in results), encoding="utf-8")
    for h in sorted({r["half"] for r in results}):
        print(f"half {h}:")
        print(recall_table([r for r in results if r["half"] == h]))
    if a.misses:
        for r in results:
            if not r["found"] or r["false"]:
                print(json.dumps(r, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
