#!/usr/bin/env python3
"""Stress harness: structural variants of real acts, and what the parse keeps (hardening).

Acts other than ours come from the same public sources shaped a little differently: another
Markdown heading level, no Markdown at all (adilet's ``.txt``), headings in upper or title case,
inserted units («Статья 10-1.», «Глава 2-1», «Параграф 1.», «1-1.», «1-1)», «а)»), notes inside
an article, footnotes after points, a ``meta.yaml`` without its optional fields, a missing
language file, CRLF, a BOM, non-breaking spaces, «№» with or without a space, dates in words or
digits. From every act of ``../shared/corpus/dev-laws`` and a few ``../shared/corpus/dev``
decisions (read at run time, written to a temporary folder, never committed) this script derives
one variant of each kind, ingests it through the project's own ingest (``Corpus.ingest``, what
``maslihat ingest`` runs) and checks INVARIANTS against the parse of the unchanged original:

* documents: the same doc_type, title, issuer, issuer_kind, region, adopted_date, number, status,
  and a parallel version exactly when both language files are there;
* numbered units (section, chapter, subchapter, article, point, subpoint): the same kind, number,
  label, heading (case-folded) and numbered parent; inserted units are where they were inserted,
  with the shape of what they copy, and nothing else changes;
* RU<->KK: the same pairs of numbered units (by label);
* notes: the same notes on the same units, plus the inserted ones on the unit they annotate;
* references: the same surfaces, targets and resolved units (variants that renumber excepted);
* no crash, and no quarantine (a quarantined file must carry a one-line reason naming it).

    .venv/bin/python -m bench.variants [--kinds a,b] [--acts N] [--held-out] [--json OUT] [--verbose]
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

NUMBERED = ("section", "chapter", "subchapter", "article", "point", "subpoint")
DEV_CODES = ("20090", "15256", "10850", "196425", "124106", "174583")   # regulation, rules, footnotes
LANG_FILE = {"ru": "rus", "kk": "kaz"}

MONTHS_RU = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
             "октября", "ноября", "декабря"]
MONTHS_KK = ["қаңтардағы", "ақпандағы", "наурыздағы", "сәуірдегі", "мамырдағы", "маусымдағы", "шілдедегі",
             "тамыздағы", "қыркүйектегі", "қазандағы", "қарашадағы", "желтоқсандағы"]
LETTERS = "абвгдежзиклмнопрстуфхцчшщэюя"


def _default_shared() -> Path:
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared" / "corpus" / "dev-laws").is_dir():
            return base / "shared"
    return ROOT.parent / "shared"


# --- the lines of a source (Markdown or plain), read by the harness on its own -----------------------

_PREFIX = re.compile(r"^(\s*(?:#{1,6}\s+|>\s*)?\**\s*)")
_N = r"\d{1,3}(?:-\d{1,2})?"
LINE = {
    "ru": {"article": re.compile(rf"(?:Статья|СТАТЬЯ)\s+(?P<n>{_N})\s*\.(?P<h>.*)$"),
           "chapter": re.compile(rf"(?:Глава|ГЛАВА)\s+(?P<n>{_N})\s*\.?(?P<h>.*)$"),
           "section": re.compile(rf"(?:Раздел|РАЗДЕЛ)\s+(?P<n>{_N})\s*\.?(?P<h>.*)$"),
           "subchapter": re.compile(rf"(?:Параграф|ПАРАГРАФ)\s+(?P<n>{_N})\s*\.?(?P<h>.*)$")},
    "kk": {"article": re.compile(rf"(?P<n>{_N})\s*-\s*(?:бап|БАП)\s*\.(?P<h>.*)$"),
           "chapter": re.compile(rf"(?P<n>{_N})\s*-\s*(?:тарау|ТАРАУ)\s*\.?(?P<h>.*)$"),
           "section": re.compile(rf"(?P<n>{_N})\s*-\s*(?:бөлім|БӨЛІМ)\s*\.?(?P<h>.*)$"),
           "subchapter": re.compile(rf"(?P<n>{_N})\s*-\s*(?:параграф|ПАРАГРАФ)\s*\.?(?P<h>.*)$")},
}
POINT = re.compile(rf"^(?P<pre>\s*\**)(?P<n>{_N})\.(?P<rest>\s+\S.*)$")
SUB = re.compile(rf"^(?P<pre>\s*\**)(?P<n>{_N})\)(?P<rest>\s*\S.*)$")
MD_NUMHEAD = re.compile(r"^#{2,6}\s+\d+(?:\.\d+)*\.?\s+\S")     # `### 2. Порядок …` (regulations)
ANCHOR = re.compile(r'^\s*<a id="[^"]*"></a>\s*$')
NOTE = re.compile(r"^\s*>?\s*\**\s*(?:Сноска|Ескерту|Примечание|Ескертпе)")
# the caption line of an appendix («Приложение № 1 к решению», «Приложение 2», «… шешіміне № 1 қосымша»,
# «1-қосымша»): its points and subpoints are the appendix's, not those of the decision's last point
APPENDIX = re.compile(r"^\s*\**\s*(?:(?:Приложение|ПРИЛОЖЕНИЕ)(?:\s+(?:[№N]\s*)?\d+)?(?:\s+к\s|\s*$)"
                      r"|.{0,80}(?:қосымша|ҚОСЫМША)\s*\**\s*$)")


def line_kind(line: str, lang: str) -> tuple[str | None, str | None]:
    """(kind, number) of a source line: a heading kind, "point", "sub", "numhead", "note", or None."""
    if NOTE.match(line):
        return "note", None
    body = line[_PREFIX.match(line).end():]
    for kind, rx in LINE[lang].items():
        m = rx.match(body)
        if m:
            return kind, m.group("n")
    if MD_NUMHEAD.match(line):
        return "numhead", None
    if line.lstrip().startswith(("#", ">")):
        return None, None
    m = POINT.match(line)
    if m:
        return "point", m.group("n")
    m = SUB.match(line)
    if m:
        return "sub", m.group("n")
    return None, None


HEADS = ("article", "chapter", "section", "subchapter", "numhead")


class Src:
    """One language file as lines, with the kind and number of each line and its context."""

    def __init__(self, text: str, lang: str):
        self.lang = lang
        self.lines = text.split("\n")
        self.kinds = [line_kind(x, lang) for x in self.lines]
        # context: (article number, point number, chapter number, appendix ordinal) in force at each line
        self.ctx = []
        art = pt = chap = None
        app = 0
        for line, (k, n) in zip(self.lines, self.kinds):
            if k is None and APPENDIX.match(line):
                art = pt = None
                app += 1
            elif k == "article":
                art, pt = n, None
            elif k in ("chapter", "section", "numhead", "subchapter"):
                pt = None
                if k == "chapter":
                    chap = n
            elif k == "point":
                pt = n
            self.ctx.append((art, pt, chap, app))

    def text(self) -> str:
        return "\n".join(self.lines)

    def find(self, kind: str, n: str, art=None, pt=None, after: int = 0, app=None):
        for i in range(after, len(self.lines)):
            k, num = self.kinds[i]
            if k == kind and num == n and (art is None or self.ctx[i][0] == art) \
                    and (pt is None or self.ctx[i][1] == pt) and (app is None or self.ctx[i][3] == app):
                return i
        return None

    def block_end(self, i: int, stop: tuple) -> int:
        """Index after the block opened at line i: up to the next line of a kind in ``stop``
        (an anchor line right before it belongs to it)."""
        j = i + 1
        while j < len(self.lines) and self.kinds[j][0] not in stop:
            j += 1
        while j > i + 1 and (ANCHOR.match(self.lines[j - 1]) or not self.lines[j - 1].strip()):
            j -= 1
        return j

    def item_end(self, i: int) -> int:
        """Index after a point or subpoint opened at line i: its subpoints and indented lines, up to
        the first other line that starts at the margin (a signature, a caption, the next unit)."""
        sub = self.kinds[i][0] == "sub"
        j = i + 1
        while j < len(self.lines):
            x, k = self.lines[j], self.kinds[j][0]
            if x.strip() and not (k == "sub" and not sub) and not (x[:1] in " \t\u00a0" and k not in HEADS + ("point",)
                                                                   + (("sub",) if sub else ())):
                break
            j += 1
        while j > i + 1 and not self.lines[j - 1].strip():
            j -= 1
        return j

    def find_in_run(self, kind: str, n: str, art=None, app=None):
        """The line of point ``n`` under ``art`` in appendix ``app`` that the next point of the same
        context follows as its successor (n+1): not a numbered chapter heading «1. Жалпы ережелер» that
        repeats the number of the point under it; the first such line when none is."""
        first, i = None, self.find(kind, n, art=art, app=app)
        while i is not None:
            first = i if first is None else first
            nxt = next((j for j in range(i + 1, len(self.lines)) if self.kinds[j][0] == kind), None)
            if nxt is not None and self.ctx[nxt][3] == app and "-" not in n \
                    and self.kinds[nxt][1] == str(int(n) + 1):
                return i
            i = self.find(kind, n, art=art, app=app, after=i + 1)
        return first

    def insert(self, at: int, new: list[str]) -> None:
        self.lines[at:at] = [""] + new


def _renumber_head(line: str, lang: str, kind: str, new: str) -> str:
    pre = _PREFIX.match(line).group(1)
    body = line[len(pre):]
    m = LINE[lang][kind].match(body)
    return pre + body[:m.start("n")] + new + body[m.end("n"):]


def _renumber_item(line: str, rx: re.Pattern, new: str) -> str:
    m = rx.match(line)
    return line[:m.start("n")] + new + line[m.end("n"):]


def _copy(lines: list[str]) -> list[str]:
    return [x for x in lines if not NOTE.match(x) and not ANCHOR.match(x)]


def _fresh(n: str, taken: set) -> str | None:
    for k in range(1, 9):
        c = f"{n}-{k}" if "-" not in n else f"{n.split('-')[0]}-{int(n.split('-')[1]) + k}"
        if c not in taken:
            return c
    return None


# --- variants ------------------------------------------------------------------------------------
# A variant: (files of one act, {"rus.md"/"kaz.md"/"meta.yaml"/... -> text}) -> (files, expectation).
# Expectations: {"insert": [{"kind", "number", "within": {"article": a, "point": p}, "copy_of": n,
#                            "adopts": bool}], "rename": {(art, pt): {"1)": "а)"}}, "notes": [(parent
#                            kind, number, article)], "no_refs": bool, "missing": "kk"}.

def _langs(files: dict) -> list[tuple[str, str]]:
    return [(lang, name) for name in sorted(files) for lang, stem in LANG_FILE.items()
            if name.split(".")[0] == stem and name.split(".")[-1] in ("md", "txt")]


def _texts(files: dict, fn) -> dict:
    """``files`` with each text file (not meta.yaml) put through ``fn(text, lang)``."""
    return {k: (v if k == "meta.yaml" else fn(v, "kk" if k.startswith("kaz") else "ru")) for k, v in files.items()}


def v_crlf(files, kind):
    return {k: v.replace("\n", "\r\n") for k, v in files.items()}, {}


def v_bom(files, kind):
    return {k: ("\ufeff" + v if k != "meta.yaml" else v) for k, v in files.items()}, {}


def v_nbsp(files, kind):
    def fn(v, lang):
        v = re.sub(r"(?m)^( +)", lambda m: "\u00a0" * len(m.group(1)), v)           # indentation
        v = re.sub(r"(Статья|Глава|РАЗДЕЛ|Раздел|Параграф|№|N) (?=\d)", "\\1\u00a0", v)
        v = re.sub(r"(?m)^(\s*(?:#+ )?\d+(?:-\d+)?[.)]) ", "\\1\u00a0", v)            # `1.\xa0Текст`
        return re.sub(r"(\d) (года|жылғы|г\.)", "\\1\u00a0\\2", v)
    return _texts(files, fn), {}


def v_numsign(files, kind):
    """`№ 704` -> `№704`, `N 221` -> `№221`, and `№704` -> `№ 704`."""
    out = {}
    for k, v in files.items():
        v = re.sub(r"№\s*(?=[\dА-ЯA-Z])", "\x00", v)
        v = re.sub(r"(?<![\w.])N\s?(?=\d)", "\x00", v)
        out[k] = v.replace("\x00", "№")
    return out, {"title_rewritten": True}     # a title citing an act by its number/date is rewritten too


def _ru_words(m):
    d, mo, y = int(m.group(1)), int(m.group(2)), m.group(3)
    return f"{d} {MONTHS_RU[mo - 1]} {y} года" if 1 <= mo <= 12 and 1 <= d <= 31 else m.group(0)


def v_dates_words(files, kind):
    """`от 13.12.2021` -> `от 13 декабря 2021 года` (RU), `13.12.2021` -> `2021 жылғы 13 желтоқсандағы` (KK)."""
    out = {}
    for k, v in files.items():
        if k.startswith("kaz"):
            v = re.sub(r"(?<![\d.])(\d{2})\.(\d{2})\.(\d{4})(?![\d.]\d)(\s*ж\.)?",
                       lambda m: (f"{m.group(3)} жылғы {int(m.group(1))} {MONTHS_KK[int(m.group(2)) - 1]}"
                                  if 1 <= int(m.group(2)) <= 12 else m.group(0)), v)
        elif k.startswith("rus") or k == "meta.yaml":
            v = re.sub(r"(?<![\d.])(\d{2})\.(\d{2})\.(\d{4})(?![\d.]\d)(?:\s*(?:года|г\.))?", _ru_words, v)
        out[k] = v
    return out, {"title_rewritten": True}     # a title citing an act by its number/date is rewritten too


def v_dates_digits(files, kind):
    """`от 13 апреля 2004 года` -> `от 13.04.2004 г.`; `2004 жылғы 13 сәуірдегі` -> `13.04.2004 ж.`"""
    ru = re.compile(r"(?<!\d)(\d{1,2})\s+(" + "|".join(MONTHS_RU) + r")\s+(\d{4})\s*(?:года|г\.)")
    kk = re.compile(r"(?<!\d)(\d{4})\s+жылғы\s+(\d{1,2})\s+(" + "|".join(MONTHS_KK) + r")")
    out = {}
    for k, v in files.items():
        v = ru.sub(lambda m: f"{int(m.group(1)):02d}.{MONTHS_RU.index(m.group(2)) + 1:02d}.{m.group(3)} г.", v)
        v = kk.sub(lambda m: f"{int(m.group(2)):02d}.{MONTHS_KK.index(m.group(3)) + 1:02d}.{m.group(1)} ж.", v)
        out[k] = v
    return out, {"title_rewritten": True}     # a title citing an act by its number/date is rewritten too


def v_hyphens(files, kind):
    """the hyphens of unit numbers and KK unit words as Word and PDF exports write them: a
    non-breaking hyphen (U+2011) in `2‑1.`, `2‑1)`, `10‑1‑бап`, an en dash in `Статья 10–1.`"""
    def fn(v, lang):
        v = re.sub(r"(?m)^(\s*(?:#+\s+)?\**\s*)(\d+)-(\d+)(?=[.)])", "\\1\\2\u2011\\3", v)
        v = re.sub(r"(?m)^(\s*(?:#+\s+)?)(Статья|Глава)(\s+\d+)-(\d+)", "\\1\\2\\3\u2013\\4", v)
        return re.sub(r"(\d)-(бап|тарау|тармақ|бөлім|параграф)", "\\1\u2011\\2", v)
    return _texts(files, fn), {}


def v_utf16(files, kind):
    """text files in UTF-16 with its BOM (Windows' «Unicode» .txt)."""
    return {k: (v.encode("utf-16") if k != "meta.yaml" else v) for k, v in files.items()}, {}


def v_cp1251(files, kind):
    """Russian files in Windows-1251 (Kazakh letters have no place in it: the Kazakh file stays UTF-8)."""
    try:
        return {k: (v.encode("cp1251") if k.startswith("rus") else v) for k, v in files.items()}, {}
    except UnicodeEncodeError:          # a Kazakh name in the Russian text: not writable in 1251
        return None


def v_one_file(files, kind):
    """a dev decision's Russian and Kazakh texts in one .txt, Russian first (as seed 001)."""
    if "rus.txt" not in files or "kaz.txt" not in files:
        return None
    return {"both.txt": files["rus.txt"].rstrip("\n") + "\n\n" + files["kaz.txt"]}, {}


def v_wrap(files, kind):
    """lines hard-wrapped at 80 characters (a text saved from a PDF or an e-mail); headings kept whole."""
    import textwrap

    def fn(v, lang):
        lines = []
        for line in v.split("\n"):
            kind_, _ = line_kind(line, lang)
            if len(line) <= 80 or kind_ in HEADS or line.lstrip().startswith(("#", "<", "|", ">")) or "\t" in line:
                lines.append(line)
                continue
            indent = line[:len(line) - len(line.lstrip())]
            lines.extend(textwrap.wrap(line, 80, initial_indent="", subsequent_indent=indent,
                                       break_long_words=False, break_on_hyphens=False))
        return "\n".join(lines)
    return _texts(files, fn), {}


def v_toc(files, kind):
    """a table of contents after the title: every section, chapter and article heading, once more."""
    too_few = []

    def fn(v, lang):
        s = Src(v, lang)
        heads = [_PREFIX.sub("", s.lines[i]).replace("*", "").strip() for i, (kd, _) in enumerate(s.kinds)
                 if kd in ("section", "chapter", "article")]
        if sum(1 for kd, _ in s.kinds if kd == "article") < 3:
            too_few.append(lang)
            return v
        first = next(i for i, x in enumerate(s.lines) if x.strip())
        s.lines[first + 1:first + 1] = ["", "Оглавление" if lang == "ru" else "Мазмұны", ""] + \
            [x for h in heads for x in (h, "")]
        return s.text()
    out = _texts(files, fn)
    return None if too_few else (out, {})


def _md_levels(files, fn):
    out = {}
    for k, v in files.items():
        if k.endswith(".md"):
            v = re.sub(r"(?m)^(#{2,6})(?=\s)", lambda m: "#" * fn(len(m.group(1))), v)
        out[k] = v
    return out


def v_md_swap(files, kind):
    """`##` <-> `####` (`###` stays)."""
    return _md_levels(files, lambda n: {2: 4, 4: 2}.get(n, n)), {}


def v_md_h3(files, kind):
    """every heading below the title at `###`."""
    return _md_levels(files, lambda n: 3), {}


def _plain(v: str) -> str:
    v = re.sub(r'(?m)^\s*<a id="[^"]*"></a>\s*\n?', "", v)
    v = re.sub(r"(?m)^#{1,6}\s+", "", v)
    v = re.sub(r"(?m)^>\s?", "", v)
    v = re.sub(r"\*\*(.+?)\*\*", r"\1", v)
    v = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", v)
    v = re.sub(r"(?m)[ \t]+$", "", v)
    return v


def v_plain(files, kind):
    """no Markdown at all (adilet's .txt): headings, quotes, bold, anchors gone."""
    return {k: (_plain(v) if k.endswith(".md") else v) for k, v in files.items()}, {}


def v_oneline(files, kind):
    """no blank lines between paragraphs."""
    return {k: (re.sub(r"\n[ \t]*\n+", "\n", v) if k != "meta.yaml" else v) for k, v in files.items()}, {}


def v_indent(files, kind):
    """every text line indented (a tab, or six spaces), headings and points included."""
    def fn(v, lang):
        return "\n".join(("\t" if i % 2 else "      ") + x.lstrip(" ") if x.strip() and not x.lstrip().startswith(("#", "<", ">", "|"))
                         and i > 0 else x for i, x in enumerate(v.split("\n")))
    return _texts(files, fn), {}


def _heads_case(files, fn):
    def one(v, lang):
        s = Src(v, lang)
        for i, (kind, _) in enumerate(s.kinds):
            if kind in ("chapter", "section", "subchapter", "article", "numhead"):
                line = s.lines[i]
                pre = _PREFIX.match(line).group(1)
                s.lines[i] = pre + fn(line[len(pre):])
        return s.text()
    return _texts(files, one)


def v_heads_upper(files, kind):
    """`ГЛАВА 1. ОБЩИЕ ПОЛОЖЕНИЯ`, `СТАТЬЯ 5. …`, `5-БАП. …`, `1-ТАРАУ. …`"""
    return _heads_case(files, lambda s: s.upper()), {}


def v_heads_title(files, kind):
    """`Раздел 1. Общие положения`, `1-бөлім. Жалпы ережелер`: upper case only at the start."""
    def fn(s):
        low = s.lower()
        if low[:1].isalpha():           # `Глава`, `Раздел`; the KK unit word after the number stays lower
            low = low[0].upper() + low[1:]
        # the first letter of the heading proper (after `Глава 1.` / `1-тарау.`) upper too
        m2 = re.match(r"(.*?\d(?:-\d+)?\s*(?:-\s*\w+)?\s*\.\s*)(\w)", low)
        return low if not m2 else m2.group(1) + m2.group(2).upper() + low[m2.end():]
    return _heads_case(files, fn), {}


def _pairs(files):
    """(lang, file name, Src) of each language file."""
    return [(lang, name, Src(files[name], lang)) for lang, name in _langs(files)]


def _ru_src(files):
    p = [x for x in _pairs(files) if x[0] == "ru"] or _pairs(files)
    return p[0][2] if p else None


def v_art_insert(files, kind):
    """«Статья N-1.» / «N-1-бап.» after article N: a copy of article N's text."""
    ru = _ru_src(files)
    arts = [n for k, n in ru.kinds if k == "article"] if ru else []
    if len(arts) < 3:
        return None
    n = arts[1]
    new = _fresh(n, set(arts))
    out = dict(files)
    for lang, name, s in _pairs(files):
        i = s.find("article", n)
        if i is None:
            return None
        j = s.block_end(i, HEADS)
        body = _copy(s.lines[i:j])
        body[0] = _renumber_head(body[0], lang, "article", new)
        s.insert(j, body)
        out[name] = s.text()
    return out, {"insert": [{"kind": "article", "number": new, "copy_of": n}]}


def v_chap_insert(files, kind):
    """«Глава C-1» / «C-1-тарау» after chapter C, holding a copy of its first article or point."""
    ru = _ru_src(files)
    if ru is None:
        return None
    chaps = [n for k, n in ru.kinds if k == "chapter"]
    if len(chaps) < 3:
        return None
    c = chaps[1]
    new = _fresh(c, set(chaps))
    out = dict(files)
    exp = None
    for lang, name, s in _pairs(files):
        i = s.find("chapter", c)
        if i is None:
            return None
        j = s.block_end(i, ("chapter", "section"))
        inner = [k for k in range(i + 1, j) if s.kinds[k][0] in ("article", "point")]
        if not inner:
            return None
        first = inner[0]
        ukind = s.kinds[first][0]
        tops = [s.kinds[k][1] for k in inner if s.kinds[k][0] == ukind and (ukind == "article" or s.ctx[k][0] is None)]
        last = tops[-1]
        unew = _fresh(last, {n for k, n in s.kinds if k == ukind})
        end = s.item_end(first) if ukind == "point" else s.block_end(first, HEADS)
        body = _copy(s.lines[first:end])
        body[0] = _renumber_head(body[0], lang, "article", unew) if ukind == "article" else \
            _renumber_item(body[0], POINT, unew)
        head = s.lines[i]
        head = _renumber_head(head, lang, "chapter", new)
        s.insert(j, [head, ""] + body)
        out[name] = s.text()
        if lang == "ru" or exp is None:
            exp = {"insert": [{"kind": "chapter", "number": new, "copy_of": c, "holds": 1 + 0},
                              {"kind": "point" if ukind == "point" else "article", "number": unew,
                               "copy_of": s.kinds[first][1], "in_chapter": new}]}
    return out, exp


def v_para_insert(files, kind):
    """«Параграф 1.» / «1-параграф.» opening chapter C, «Параграф 2.» before its second unit."""
    ru = _ru_src(files)
    if ru is None or any(k == "subchapter" for k, _ in ru.kinds):
        return None
    chaps = [n for k, n in ru.kinds if k == "chapter"]
    if len(chaps) < 2:
        return None
    c = chaps[1]
    words = {"ru": ("Параграф {n}. Общие условия", "Параграф {n}. Особые условия"),
             "kk": ("{n}-параграф. Жалпы шарттар", "{n}-параграф. Ерекше шарттар")}
    out = dict(files)
    for lang, name, s in _pairs(files):
        i = s.find("chapter", c)
        if i is None:
            return None
        j = s.block_end(i, ("chapter", "section"))
        inner = [k for k in range(i + 1, j) if s.kinds[k][0] in ("article", "point") and s.ctx[k][0] is None
                 or s.kinds[k][0] == "article"]
        if len(inner) < 2:
            return None
        pre = "#### " if s.lines[i].startswith("#") else ""
        second = inner[1]
        while second > 0 and ANCHOR.match(s.lines[second - 1]):
            second -= 1
        s.insert(second, [pre + words[lang][1].format(n=2), ""])
        s.insert(inner[0], [pre + words[lang][0].format(n=1), ""])
        out[name] = s.text()
    return out, {"insert": [{"kind": "subchapter", "number": "1", "adopts": True, "in_chapter": c},
                            {"kind": "subchapter", "number": "2", "adopts": True, "in_chapter": c}]}


def v_point_insert(files, kind):
    """«P-1.» after point P (in an article when the act has articles): a copy of point P."""
    ru = _ru_src(files)
    if ru is None:
        return None
    cands = [i for i, (k, n) in enumerate(ru.kinds) if k == "point" and ru.find("point", str(int(n.split("-")[0]) + 1)
             if "-" not in n else "x", art=ru.ctx[i][0], after=i) is not None]
    cands = [i for i in cands if ru.ctx[i][0] is not None] or cands
    if len(cands) < 3:
        return None
    srcs = _pairs(files)
    # the third such point, or the next one every language has where the Russian file has it (the
    # tables of an appendix may number their rows in one language only)
    i0 = next((i for i in cands[2:] if all(x.find_in_run("point", ru.kinds[i][1], art=ru.ctx[i][0], app=ru.ctx[i][3])
                                            is not None for _, _, x in srcs)), None)
    if i0 is None:
        return None
    n, art, app = ru.kinds[i0][1], ru.ctx[i0][0], ru.ctx[i0][3]
    taken = {num for (k, num), c in zip(ru.kinds, ru.ctx) if k == "point" and c[0] == art and c[3] == app}
    new = _fresh(n, taken)
    out = dict(files)
    for lang, name, s in srcs:
        i = s.find_in_run("point", n, art=art, app=app)
        if i is None:
            return None
        j = s.item_end(i)
        body = _copy(s.lines[i:j])
        body[0] = _renumber_item(body[0], POINT, new)
        s.insert(j, body)
        out[name] = s.text()
    return out, {"insert": [{"kind": "point", "number": new, "copy_of": n, "article": art, "appendix": app}]}


def v_sub_insert(files, kind):
    """«S-1)» after subpoint S: a copy of it."""
    ru = _ru_src(files)
    if ru is None:
        return None
    cands = [i for i, (k, n) in enumerate(ru.kinds) if k == "sub" and "-" not in n
             and ru.find("sub", f"{int(n) + 1}", art=ru.ctx[i][0], pt=ru.ctx[i][1], after=i, app=ru.ctx[i][3]) is not None]
    if len(cands) < 2:
        return None
    i0 = cands[1]
    n, (art, pt, _, app) = ru.kinds[i0][1], ru.ctx[i0]
    taken = {num for (k, num), c in zip(ru.kinds, ru.ctx) if k == "sub" and c[:2] == (art, pt) and c[3] == app}
    new = _fresh(n, taken)
    out = dict(files)
    for lang, name, s in _pairs(files):
        i = s.find("sub", n, art=art, pt=pt, app=app)
        if i is None:
            return None
        j = s.item_end(i)
        body = _copy(s.lines[i:j])
        body[0] = _renumber_item(body[0], SUB, new + "")
        s.insert(j, body)
        out[name] = s.text()
    return out, {"insert": [{"kind": "subpoint", "number": new + ")", "copy_of": n + ")", "article": art,
                             "point": pt}]}


def _letter_runs(src) -> tuple[dict, list]:
    """The runs of subpoints `1)`, `2)`… under one (article, point) of a source, and the first three
    runs numbered 1..n (2 <= n <= 20)."""
    runs = defaultdict(list)
    for (k, n), c in zip(src.kinds, src.ctx):
        if k == "sub":
            runs[c[:2]].append(n)
    keys = [key for key, ns in runs.items() if ns == [str(x) for x in range(1, len(ns) + 1)] and 2 <= len(ns) <= 20]
    return runs, keys[:3]


def v_sub_letters(files, kind):
    """the subpoints `1)`, `2)`… of three points lettered `а)`, `б)`…

    The runs are chosen in the Russian file; the other language letters its own runs in the same
    order when it numbers them alike, though under another point (a table row «1.» in one language,
    «1» with no point in the other): the k-th run of one is the k-th of the other."""
    ru = _ru_src(files)
    if ru is None:
        return None
    runs, keys = _letter_runs(ru)
    if not keys:
        return None
    out, rename = dict(files), {}
    for lang, name, s in _pairs(files):
        own_runs, own = _letter_runs(s)
        if [len(own_runs[k]) for k in own] != [len(runs[k]) for k in keys]:
            own_runs, own = runs, keys
        for a, p in own:
            rename.setdefault(f"{a}|{p}", {}).update({f"{x})": f"{LETTERS[x - 1]})"
                                                      for x in range(1, len(own_runs[(a, p)]) + 1)})
        for i, ((k, n), c) in enumerate(zip(s.kinds, s.ctx)):
            if k == "sub" and c[:2] in own and "-" not in n and int(n) <= len(LETTERS):
                s.lines[i] = _renumber_item(s.lines[i], SUB, LETTERS[int(n) - 1])
        out[name] = s.text()
    return out, {"rename": rename, "no_refs": True}


NOTE_TEXT = {"ru": "Примечание. Для целей настоящей статьи сроки исчисляются в календарных днях.",
             "kk": "Ескертпе. Осы баптың мақсаттары үшін мерзімдер күнтізбелік күндермен есептеледі."}


def v_note_inside(files, kind):
    """«Примечание.» / «Ескертпе.» at the end of an article's text (before its footnotes)."""
    ru = _ru_src(files)
    arts = [n for k, n in ru.kinds if k == "article"] if ru else []
    if len(arts) < 3:
        return None
    n = arts[2]
    out = dict(files)
    for lang, name, s in _pairs(files):
        i = s.find("article", n)
        if i is None:
            return None
        j = s.block_end(i, HEADS + ("note",))
        s.insert(j, [NOTE_TEXT[lang]])
        out[name] = s.text()
    return out, {"notes": [{"on": "article", "number": n, "text": NOTE_TEXT["ru"][:30], "text_kk": NOTE_TEXT["kk"][:30]}]}


def v_footnote_point(files, kind):
    """a footnote after a point: `> *Сноска. Пункт P с изменением…*` / `> *Ескерту. P-тармаққа өзгеріс…*`."""
    ru = _ru_src(files)
    if ru is None:
        return None
    cands = [i for i, (k, n) in enumerate(ru.kinds) if k == "point"]
    if len(cands) < 4:
        return None
    i0 = cands[3]
    n, art, app = ru.kinds[i0][1], ru.ctx[i0][0], ru.ctx[i0][3]
    md = any(name.endswith(".md") for name in files)
    q = (lambda x: f"> *{x}*") if md else (lambda x: x)
    text = {"ru": f"Сноска. Пункт {n} с изменением, внесенным решением маслихата от 01.07.2015 № 29/358-V "
                  f"(вводится в действие по истечении десяти календарных дней после дня его первого "
                  f"официального опубликования).",
            "kk": f"Ескерту. {n}-тармаққа өзгеріс енгізілді - мәслихаттың 01.07.2015 № 29/358-V "
                  f"(алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа "
                  f"енгізіледі) шешімімен."}
    out = dict(files)
    for lang, name, s in _pairs(files):
        i = s.find("point", n, art=art, app=app)
        if i is None:
            return None
        j = s.block_end(i, HEADS + ("point", "note"))
        s.insert(j, [q(text[lang])])
        out[name] = s.text()
    return out, {"notes": [{"on": "point", "number": n, "article": art, "text": text["ru"][:40], "text_kk": text["kk"][:40]}],
                 "no_refs": True}


def v_meta_minimal(files, kind):
    """meta.yaml without version_date, caused_by, source and title.kaz."""
    if "meta.yaml" not in files:
        return None
    import yaml
    m = yaml.safe_load(files["meta.yaml"])
    for k in ("version_date", "caused_by", "source"):
        m.pop(k, None)
    if isinstance(m.get("title"), dict):
        m["title"].pop("kaz", None)
    out = dict(files)
    out["meta.yaml"] = yaml.safe_dump(m, allow_unicode=True, sort_keys=False)
    return out, {}


def v_kk_missing(files, kind):
    """the act without its Kazakh file."""
    out = {k: v for k, v in files.items() if not k.startswith("kaz")}
    return out, {"missing": "kk"}


def v_ru_missing(files, kind):
    """the act without its Russian file (Kazakh only, as 4 acts of the dev set). Acts with a
    meta.yaml only: a dev decision's Kazakh file has no requisite line of its own (the Kazakh-only
    acts of the source carry one in Kazakh), so without its Russian file it has nothing to read them from."""
    if "meta.yaml" not in files:
        return None
    out = {k: v for k, v in files.items() if not k.startswith("rus")}
    return out, {"missing": "ru"}


# --- acts laid out as printed: a letterhead above the title (hardening, session 28) -------------------
# A user's own decision, typed or scanned, opens with the body's name, the act word, the date and number
# (and often the place) on short lines of their own, then the title; adilet's requisite line and its
# registration and repeal sentences are not there. The derivations read the original's requisite with
# the project's own parser (``parse_requisite``) and the body's Kazakh name from ``core.places``.

PLACES_RU = ("г. Талдыкорган", "г. Кокшетау", "г. Алматы")
PLACES_KK = ("Талдықорған қ.", "Көкшетау қ.", "Алматы қ.")
ACT_WORD = {"decision": ("РЕШЕНИЕ", "ШЕШІМ"), "resolution": ("ПОСТАНОВЛЕНИЕ", "ҚАУЛЫ"),
            "order": ("РАСПОРЯЖЕНИЕ", "ӨКІМ")}
KK_GEN_ENDING = {"мәслихаты": "мәслихатының", "әкімі": "әкімінің", "әкімдігі": "әкімдігінің"}
KK_LEVEL_ADJ = (("облысының", "областн", "облыстық"), ("ауданының", "районн", "аудандық"),
                ("қаласының", "городск", "қалалық"))


def _head_of(text: str):
    """(lines, index of the title's first line, index of the requisite line or None) of a text."""
    from maslihat.ingest.requisites import find_requisite
    lines = text.split("\n")
    req = find_requisite(lines)
    first = next((i for i, x in enumerate(lines) if x.strip()), None)
    return lines, first, req


def _identity(files):
    """The act's requisites as the project reads them from its Russian requisite line: (meta, ru
    issuer, kk issuer), or None when the act has none (a repository act: its identity is meta.yaml's)."""
    from maslihat.core import places
    from maslihat.ingest.requisites import parse_requisite
    name = "rus.txt" if "rus.txt" in files else "kaz.txt"     # a Kazakh-only act: its own requisite
    if name not in files:
        return None
    lines, first, req = _head_of(files[name])
    if req is None or req != first + 1:
        return None
    meta = parse_requisite(lines[req])
    if not (meta.issuer and meta.adopted_date and meta.number and meta.doc_type in ACT_WORD):
        return None
    body = places.match_body(meta.issuer, meta.region)
    if body is None or not body.names.get("kk"):
        return None
    if name == "kaz.txt":
        return meta, body.names["ru"], meta.issuer
    kk = body.names["kk"]
    for gen, ru_stem, adj in KK_LEVEL_ADJ:      # «Алматинский областной маслихат» -> «Алматы облыстық мәслихаты»
        if ru_stem in meta.issuer.lower():
            kk = kk.replace(gen, adj)
    return meta, meta.issuer, kk


def _date_line(meta, lang: str, k: int) -> str:
    y, m, d = (int(x) for x in meta.adopted_date.split("-"))
    if lang == "ru":
        return f"от {d} {MONTHS_RU[m - 1]} {y} года № {meta.number}" if k % 2 == 0 else \
            f"{d:02d}.{m:02d}.{y} г. № {meta.number}"
    return f"{y} жылғы {d} {MONTHS_KK[m - 1]} № {meta.number}" if k % 2 == 0 else \
        f"{d:02d}.{m:02d}.{y} ж. № {meta.number}"


def _kk_requisite(meta, kk_issuer: str) -> str:
    """«Алматы облыстық мәслихатының 2016 жылғы 12 мамырдағы № 2-16 шешімі» (adilet's Kazakh form)."""
    words = kk_issuer.split()
    words[-1] = KK_GEN_ENDING.get(words[-1], words[-1])
    y, m, d = (int(x) for x in meta.adopted_date.split("-"))
    form = {"decision": "шешімі", "resolution": "қаулысы", "order": "өкімі"}[meta.doc_type]
    return f"{' '.join(words)} {y} жылғы {d} {MONTHS_KK[m - 1]} № {meta.number} {form}"


def _rest(text: str):
    """(title lines, lines after the title and the requisite) of a decision's file."""
    lines, first, req = _head_of(text)
    if req is not None and req > first:
        return lines[first:req], lines[req + 1:]
    end = next((i for i in range(first, len(lines)) if not lines[i].strip()), len(lines))
    return lines[first:end], lines[end:]


def _code_no(name_or_text: str) -> int:
    return sum(ord(c) for c in name_or_text)


def _letterhead_files(files, build):
    ident = _identity(files)
    if ident is None:
        return None
    meta, ru_iss, kk_iss = ident
    k = _code_no((files.get("rus.txt") or files.get("kaz.txt", ""))[:200])
    out = dict(files)
    for name, lang in (("rus.txt", "ru"), ("kaz.txt", "kk")):
        if name not in files:
            continue
        title, rest = _rest(files[name])
        head = build(meta, lang, ru_iss, kk_iss, k)
        gap = [""] if k % 3 == 0 else []          # with and without blank lines between the lines
        lines = []
        for x in head:
            lines += [x] + gap
        out[name] = "\n".join(lines + ([""] if not gap else []) + title + rest)
    # a printed act carries no registration or repeal sentence: its status is not read from it; the
    # Kazakh document names its body in Kazakh, the same body (issuer_id, region_id)
    return out, {"no_status": True, "kk_body": True}


def v_letterhead(files, kind):
    """«АЛМАТИНСКИЙ ОБЛАСТНОЙ МАСЛИХАТ» / «РЕШЕНИЕ» / «от 12 мая 2016 года № 2-16» / «г. Талдыкорган» /
    title / body (KK: «АЛМАТЫ ОБЛЫСТЫҚ МӘСЛИХАТЫ» / «ШЕШІМ» / «2016 жылғы 12 мамырдағы № 2-16» /
    «Талдықорған қ.»); the date as digits in every other act, the place line in two acts of three."""
    def build(meta, lang, ru_iss, kk_iss, k):
        ru_w, kk_w = ACT_WORD[meta.doc_type]
        place = [(PLACES_RU if lang == "ru" else PLACES_KK)[k % 3]] if k % 3 != 1 else []
        body = (ru_iss if lang == "ru" else kk_iss).upper()
        word = ru_w if lang == "ru" else kk_w
        return [body, word, _date_line(meta, lang, k)] + place
    return _letterhead_files(files, build)


def v_letterhead_two_columns(files, kind):
    """the printed two-column header (Kazakh left, Russian right) flattened: «АЛМАТЫ ОБЛЫСТЫҚ
    МӘСЛИХАТЫ    АЛМАТИНСКИЙ ОБЛАСТНОЙ МАСЛИХАТ» / «ШЕШІМ    РЕШЕНИЕ» on one line each, or the
    Kazakh and Russian blocks one after the other (every other act); then the date in the file's
    language, the place in both, the title."""
    def build(meta, lang, ru_iss, kk_iss, k):
        ru_w, kk_w = ACT_WORD[meta.doc_type]
        sep = " " * (4 + k % 5)
        place = f"{PLACES_KK[k % 3]}{sep}{PLACES_RU[k % 3]}"
        if k % 2 == 0:
            return [f"{kk_iss.upper()}{sep}{ru_iss.upper()}", f"{kk_w}{sep}{ru_w}", place,
                    _date_line(meta, lang, k // 2)]
        return [kk_iss.upper(), kk_w, ru_iss.upper(), ru_w, _date_line(meta, lang, k // 2), place]
    return _letterhead_files(files, build)


def v_requisite_first(files, kind):
    """adilet's requisite line above the title instead of under it («Решение … маслихата от … № ….
    Зарегистрировано …» / title); a Kazakh file without a requisite of its own gets the Kazakh one
    («… мәслихатының 2016 жылғы 12 мамырдағы № 2-16 шешімі»), a blank line after it in every other act."""
    ident = _identity(files)
    if ident is None:
        return None
    meta, ru_iss, kk_iss = ident
    k = _code_no((files.get("rus.txt") or files.get("kaz.txt", ""))[:200])
    gap = [""] if k % 2 == 0 else []
    out = dict(files)
    for name, lang in (("rus.txt", "ru"), ("kaz.txt", "kk")):
        if name not in files:
            continue
        lines, first, req = _head_of(files[name])
        title, rest = _rest(files[name])
        requisite = lines[req] if req is not None and req > first else _kk_requisite(meta, kk_iss)
        out[name] = "\n".join(lines[:first] + [requisite] + gap + title + rest)
    return out, {"kk_body": True}


VARIANTS = {
    "crlf": v_crlf, "bom": v_bom, "nbsp": v_nbsp, "numsign": v_numsign,
    "dates_words": v_dates_words, "dates_digits": v_dates_digits, "hyphens": v_hyphens,
    "md_swap": v_md_swap, "md_h3": v_md_h3, "plain": v_plain, "oneline": v_oneline, "indent": v_indent,
    "heads_upper": v_heads_upper, "heads_title": v_heads_title,
    "art_insert": v_art_insert, "chap_insert": v_chap_insert, "para_insert": v_para_insert,
    "point_insert": v_point_insert, "sub_insert": v_sub_insert, "sub_letters": v_sub_letters,
    "note_inside": v_note_inside, "footnote_point": v_footnote_point,
    "meta_minimal": v_meta_minimal, "kk_missing": v_kk_missing, "ru_missing": v_ru_missing,
    "utf16": v_utf16, "cp1251": v_cp1251, "one_file": v_one_file, "wrap": v_wrap, "toc": v_toc,
    "letterhead": v_letterhead, "letterhead_two_columns": v_letterhead_two_columns,
    "requisite_first": v_requisite_first,
}
MD_ONLY = {"md_swap", "md_h3", "plain", "meta_minimal"}


# --- acts: read, staged, ingested, read back -----------------------------------------------------

def acts(shared: Path, n: int | None, held_out: bool = False) -> list[tuple[str, dict]]:
    """(name, files) of every act: dev-laws folders (rus.md, kaz.md, meta.yaml) and dev decisions
    (rus.txt, kaz.txt, named <code>.rus.txt in the stage)."""
    out = []
    laws = shared / "corpus" / "dev-laws"
    der = shared / "corpus" / "dev" / "derived"
    codes = DEV_CODES
    if held_out:        # the dev decisions the fixes were not made on (no dev-laws act)
        codes = sorted({f.name.split(".")[0] for f in der.glob("*.txt")} - set(DEV_CODES), key=int)
    for d in sorted(p for p in laws.iterdir() if p.is_dir() and not held_out):
        out.append(("laws/" + d.name, {f.name: f.read_text(encoding="utf-8") for f in sorted(d.iterdir())
                                        if f.name in ("rus.md", "kaz.md", "meta.yaml")}))
    for code in codes:
        files = {f"{s}.txt": (der / f"{code}.{s}.txt").read_text(encoding="utf-8")
                 for s in ("rus", "kaz") if (der / f"{code}.{s}.txt").exists()}
        out.append(("dev/" + code, files))
    return out[:n] if n else out


def stage(root: Path, name: str, files: dict) -> None:
    if name.startswith("laws/"):
        d = root / name
        d.mkdir(parents=True, exist_ok=True)
        for k, v in files.items():
            (d / k).write_bytes(v if isinstance(v, bytes) else v.encode("utf-8"))
    else:
        d = root / "dev"
        d.mkdir(parents=True, exist_ok=True)
        code = name.split("/", 1)[1]
        for k, v in files.items():
            (d / (f"{code}.{k}" if k != "both.txt" else f"{code}.txt")).write_bytes(
                v if isinstance(v, bytes) else v.encode("utf-8"))


def act_of(source: str, language: str) -> tuple[str, str]:
    """('laws/<folder>' or 'dev/<code>', lang) of a document's source."""
    s = source.replace("\\", "/")
    if s.startswith("laws/"):
        folder, name = s.rsplit("/", 1)
        return folder, "ru" if name.startswith("rus") else "kk"
    m = re.match(r"dev/(\w+)\.(rus|kaz)\.", s)
    if not m:                                   # one file holding both languages: `dev/<code>.txt`
        return "dev/" + re.match(r"dev/(\w+)", s).group(1), language
    code, lang = m.groups()
    return f"dev/{code}", "ru" if lang == "rus" else "kk"


def ingest(root: Path, db: Path) -> dict:
    """{(act, lang): {"doc": dict, "units": [dict], "refs": [dict]}} and the quarantine."""
    os.environ["MASLIHAT_ES_URL"] = ""
    from maslihat.corpus.api import Corpus
    c = Corpus(str(db), es_url="")
    t = time.time()
    crash = None
    try:
        summary = c.ingest([str(root)])
        quarantine = [(q.path, q.reason) for q in summary.quarantined]
    except Exception as e:  # noqa: BLE001 - a crash is a finding
        crash, quarantine = f"{type(e).__name__}: {e}", []
    docs = {}
    for d in c.store.documents(latest_only=True):
        act, lang = act_of(d.source, d.language)
        units = [u.to_json() for u in c.store.units(d.id)]
        refs = [r.to_json() for r in c.store.references(doc_id=d.id)]
        docs[(act, lang)] = {"doc": d.to_json(), "units": units, "refs": refs}
    c.close()
    return {"docs": docs, "quarantine": quarantine, "crash": crash, "seconds": time.time() - t}


# --- invariants ------------------------------------------------------------------------------------

DOC_FIELDS = ("doc_type", "title", "issuer", "issuer_kind", "region", "adopted_date", "number", "status")


def _h(s):
    return " ".join((s or "").lower().replace("ё", "е").split()).strip(" .")


def _tree(units):
    by = {u["id"]: u for u in units}
    kids = defaultdict(list)
    for u in units:
        kids[u["parent_id"]].append(u["id"])
    return by, kids


def _desc(uid, kids):
    out, todo = [], list(kids.get(uid, []))
    while todo:
        x = todo.pop()
        out.append(x)
        todo.extend(kids.get(x, []))
    return out


def _anc(u, by, kind):
    p = by.get(u["parent_id"])
    while p is not None:
        if p["kind"] == kind:
            return p
        p = by.get(p["parent_id"])
    return None


def _shape(uid, by, kids):
    return sorted(Counter(by[x]["kind"] for x in _desc(uid, kids) if by[x]["kind"] in NUMBERED).items())


def inserted(units, exp) -> tuple[set, list[str]]:
    """Ids of the units the variant inserted (found by what was inserted), and what is wrong with them."""
    by, kids = _tree(units)
    ids, errs = set(), []
    for e in exp.get("insert", []):
        cands = [u for u in units if u["kind"] == e["kind"] and (u["number"] or "").rstrip(".") == e["number"]]
        if e.get("article") is not None:
            cands = [u for u in cands if (_anc(u, by, "article") or {}).get("number") == e["article"]]
        if e.get("point") is not None:
            cands = [u for u in cands if ((_anc(u, by, "point") or {}).get("number") or "").rstrip(".") == e["point"]]
        if "in_chapter" in e:
            cands = [u for u in cands if (_anc(u, by, "chapter") or {}).get("number") == e["in_chapter"]]
        if len(cands) != 1:
            errs.append(f"inserted {e['kind']} {e['number']}: found {len(cands)}")
            continue
        u = cands[0]
        ids.add(u["id"])
        if not e.get("adopts"):
            ids.update(_desc(u["id"], kids))
        if e["number"] not in (u["label"] or "") and e["kind"] != "subchapter":
            errs.append(f"inserted {e['kind']} {e['number']}: label {u['label']!r}")
    return ids, errs


def copy_shapes(units, orig_units, exp) -> list[str]:
    """An inserted copy has the shape (numbered descendants) of what it copies."""
    by, kids = _tree(units)
    oby, okids = _tree(orig_units)
    errs = []
    for e in exp.get("insert", []):
        if e.get("adopts") or e["kind"] == "chapter":
            continue
        new = [u for u in units if u["kind"] == e["kind"] and (u["number"] or "").rstrip(".") == e["number"]]
        src = [u for u in orig_units if u["kind"] == e["kind"] and (u["number"] or "").rstrip(".") == e["copy_of"]
               and (e.get("article") is None or (_anc(u, oby, "article") or {}).get("number") == e["article"])
               and (e.get("point") is None or ((_anc(u, oby, "point") or {}).get("number") or "").rstrip(".") == e["point"])]
        # the copied unit in the appendix it was copied in (appendices may repeat a point's number)
        same = [u for u in src if e.get("appendix") and (_anc(u, oby, "appendix") or {}).get("number") == str(e["appendix"])]
        src = same or src
        if len(new) == 1 and len(src) >= 1:
            a, b = _shape(new[0]["id"], by, kids), _shape(src[0]["id"], oby, okids)
            if a != b:
                errs.append(f"inserted {e['kind']} {e['number']}: holds {dict(a)}, its original {dict(b)}")
    return errs


def sigs(units, skip=frozenset(), rename=None) -> Counter:
    """(kind, number, label, heading, numbered parent) of every numbered unit not in ``skip``."""
    by = {u["id"]: u for u in units}
    out = Counter()
    for u in units:
        if u["kind"] not in NUMBERED or u["id"] in skip:
            continue
        p = by.get(u["parent_id"])
        while p is not None and (p["id"] in skip or p["kind"] not in NUMBERED + ("appendix",)):
            p = by.get(p["parent_id"])
        num, label = u["number"], u["label"]
        if rename and u["kind"] == "subpoint":
            a = (_anc(u, by, "article") or {}).get("number")
            pt = ((_anc(u, by, "point") or {}).get("number") or "").rstrip(".") or None
            m = rename.get(f"{a}|{pt}")
            if m and num in m:
                label = re.sub(rf"(?<![\w-]){re.escape(num)}", m[num], label)
                num = m[num]
        out[(u["kind"], num, label, _h(u["heading"]),
             (p["kind"], p["number"], p["label"]) if p is not None else None)] += 1
    return out


def note_sigs(units, skip=frozenset()) -> Counter:
    by = {u["id"]: u for u in units}
    out = Counter()
    for u in units:
        if u["kind"] != "note" or u["id"] in skip:
            continue
        p = by.get(u["parent_id"])
        out[(p["kind"], p["label"]) if p else None] += 1
    return out


def pairs(ru_units, kk_units, skip=frozenset(), rename_ru=None, rename_kk=None) -> Counter:
    kk = {u["id"]: u for u in kk_units}
    out = Counter()
    for u in ru_units:
        if u["kind"] in NUMBERED and u["id"] not in skip and u.get("parallel_id") in kk \
                and u["parallel_id"] not in skip:
            out[(u["label"], kk[u["parallel_id"]]["label"])] += 1
    return out


def ref_sigs(doc, units):
    by = {u["id"]: u for u in units}
    out = Counter()
    for r in doc["refs"]:
        t = r["target"] or {}
        ru = by.get(r["resolved_unit_id"]) if r["resolved_unit_id"] in by else None
        out[((by.get(r["unit_id"]) or {}).get("label"), t.get("date"), (t.get("number") or "").replace(" ", ""), t.get("article"),
             t.get("point"), t.get("subpoint"), r["resolved_document_id"] is not None,
             ru["label"] if ru else r["resolved_unit_id"])] += 1
    return out


def _diff(a: Counter, b: Counter, n=3):
    miss, extra = a - b, b - a
    return sum(miss.values()), sum(extra.values()), list(miss)[:n], list(extra)[:n]


def check(kind: str, orig: dict, var: dict, exps: dict) -> list[dict]:
    """One row per (act, language): the failed checks with examples."""
    rows = []
    if var["crash"]:
        rows.append({"act": "*", "lang": "*", "fail": {"crash": var["crash"]}})
    for path, reason in var["quarantine"]:
        rows.append({"act": path, "lang": "*", "fail": {"quarantine": reason}})
    for (act, lang), o in sorted(orig["docs"].items()):
        if act not in exps:
            continue
        exp = exps[act]
        if exp.get("missing") == lang:
            continue
        fail = {}
        v = var["docs"].get((act, lang))
        if v is None:
            rows.append({"act": act, "lang": lang, "fail": {"document": "missing"}})
            continue
        od, vd = o["doc"], v["doc"]
        for f in DOC_FIELDS:
            # a title read from the text is normalised (Latin look-alikes `i` -> `і`), meta.yaml's is not
            a_, b_ = od.get(f) or None, vd.get(f) or None
            if f == "title" and exp.get("title_rewritten"):
                continue
            if f == "status" and exp.get("no_status"):
                continue
            if f in ("issuer", "region") and exp.get("kk_body") and lang == "kk":
                # the Kazakh document names its body in Kazakh (the original inherited the Russian
                # wording): the same body and region, by their ids
                from maslihat.core import places
                body = places.match_body(od.get("issuer"), od.get("region"))
                a_ = od.get(f + "_id") or (body and (body.id if f == "issuer" else body.region_id))
                b_ = vd.get(f + "_id") if vd.get(f) else None
            if f == "title" and a_ and b_:
                a_, b_ = a_.replace("i", "і"), b_.replace("i", "і")
            if a_ != b_:
                fail.setdefault("document", []).append(f"{f}: {od.get(f)!r} -> {vd.get(f)!r}")
        want_parallel = od.get("parallel_id") is not None and not exp.get("missing")
        if want_parallel != (vd.get("parallel_id") is not None):
            fail.setdefault("document", []).append(f"parallel_id: {od.get('parallel_id')} -> {vd.get('parallel_id')}")
        skip, errs = inserted(v["units"], exp)
        errs += copy_shapes(v["units"], o["units"], exp)
        if errs:
            fail["inserted"] = errs
        rename = exp.get("rename")
        a, b = sigs(o["units"], rename=rename), sigs(v["units"], skip)
        if a != b:
            m, x, em, ex = _diff(a, b)
            fail["units"] = f"{m} missing, {x} extra; e.g. missing {em} extra {ex}"
        vby = {u["id"]: u for u in v["units"]}
        new_notes = set()
        for e in exp.get("notes", []):
            # the inserted note (found by its text) is on the unit it annotates
            txt = vd.get("text") or ""
            prefix = e["text_kk"] if lang == "kk" else e["text"]
            found = [u for u in v["units"] if u["kind"] == "note" and prefix in txt[u["start"]:u["end"]]]
            if len(found) != 1:
                fail.setdefault("notes_inserted", []).append(f"note on {e['on']} {e['number']}: {len(found)} found")
                continue
            new_notes.add(found[0]["id"])
            p = vby.get(found[0]["parent_id"])
            ok = p is not None and p["kind"] == e["on"] and (p["number"] or "").rstrip(".") == e["number"] and (
                e.get("article") is None or (_anc(p, vby, "article") or {}).get("number") == e["article"])
            if not ok:
                fail.setdefault("notes_inserted", []).append(
                    f"note on {e['on']} {e['number']}: under {p['kind'] if p else None} {p['label'] if p else ''}")
        na, nb = note_sigs(o["units"]), note_sigs(v["units"], skip | new_notes)
        if na != nb:
            m, x, em, ex = _diff(na, nb)
            fail["notes"] = f"{m} missing, {x} extra; e.g. missing {em} extra {ex}"
        if lang == "ru" and not exp.get("missing"):
            ok, vk = orig["docs"].get((act, "kk")), var["docs"].get((act, "kk"))
            if ok and vk:
                skip_kk, _ = inserted(vk["units"], exp)
                pa = pairs(o["units"], ok["units"])
                pb = pairs(v["units"], vk["units"], skip | skip_kk)
                if rename:
                    sa = {(lab, klab) for lab, klab in pa}
                    pa = Counter({(lab, klab): c for (lab, klab), c in pa.items()})
                    ren = Counter()
                    rb = {x[2]: x for x in sigs(o["units"], rename=rename)}  # noqa: F841
                    for (lab, klab), c in pa.items():
                        for mp in rename.values():
                            for f_, t_ in mp.items():
                                lab2 = re.sub(rf"(?<![\w-]){re.escape(f_)}(?=\s|$)", t_, lab)
                                klab2 = re.sub(rf"(?<![\w-]){re.escape(f_)}(?=\s|$)", t_, klab)
                                if (lab2, klab2) in pb and (lab, klab) not in pb:
                                    lab, klab = lab2, klab2
                        ren[(lab, klab)] += c
                    pa = ren
                    del sa
                if pa != pb:
                    m, x, em, ex = _diff(pa, pb)
                    fail["pairs"] = f"{m} missing, {x} extra; e.g. missing {em} extra {ex}"
                for e in exp.get("insert", []):
                    if e.get("adopts"):
                        continue
                    r_ = [u for u in v["units"] if u["id"] in skip and u["kind"] == e["kind"]
                          and (u["number"] or "").rstrip(".") == e["number"]]
                    k_ = {u["id"] for u in vk["units"] if u["id"] in skip_kk and u["kind"] == e["kind"]
                          and (u["number"] or "").rstrip(".") == e["number"]}
                    if r_ and k_ and r_[0].get("parallel_id") not in k_:
                        fail.setdefault("pairs_inserted", []).append(f"{e['kind']} {e['number']} not paired")
        if not exp.get("no_refs") and not exp.get("insert"):
            ra, rb = ref_sigs(o, o["units"]), ref_sigs(v, v["units"])
            if ra != rb:
                m, x, em, ex = _diff(ra, rb, 2)
                fail["references"] = f"{m} missing, {x} extra; e.g. missing {em} extra {ex}"
        rows.append({"act": act, "lang": lang, "fail": fail})
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(_default_shared()))
    ap.add_argument("--kinds", help="comma-separated variant kinds (default: all)")
    ap.add_argument("--acts", type=int, help="only the first N acts")
    ap.add_argument("--held-out", action="store_true",
                    help="the other 23 dev decisions instead (held out from the fixes but for the acts whose "
                         "failures were read: docs/quality.md says which)")
    ap.add_argument("--json", help="write the rows here")
    ap.add_argument("--keep", help="stage the variants in this folder and keep them")
    ap.add_argument("--verbose", "-v", action="store_true")
    a = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    kinds = a.kinds.split(",") if a.kinds else list(VARIANTS)
    source = acts(Path(a.shared), a.acts, a.held_out)
    tmp = Path(a.keep) if a.keep else Path(tempfile.mkdtemp(prefix="variants-"))
    results = {}
    try:
        base = tmp / "original"
        for name, files in source:
            stage(base, name, files)
        orig = ingest(base, tmp / "original.sqlite")
        if orig["crash"] or orig["quarantine"]:
            print("original:", orig["crash"], orig["quarantine"])
        print(f"original: {len(orig['docs'])} documents, {orig['seconds']:.1f} s")
        for kind in kinds:
            root, exps = tmp / kind, {}
            for name, files in source:
                if kind in MD_ONLY and not name.startswith("laws/"):
                    continue
                r = VARIANTS[kind](dict(files), kind)
                if r is None:
                    continue
                vfiles, exp = r
                stage(root, name, vfiles)
                exps[name] = exp
            if not exps:
                continue
            var = ingest(root, tmp / f"{kind}.sqlite")
            rows = check(kind, orig, var, exps)
            results[kind] = rows
            by_lang = defaultdict(lambda: [0, 0])
            for r in rows:
                by_lang[r["lang"]][0] += 1
                by_lang[r["lang"]][1] += bool(r["fail"])
            line = "  ".join(f"{lang}: {n - bad}/{n} ok" for lang, (n, bad) in sorted(by_lang.items()))
            print(f"{kind:15s} {len(exps):2d} acts  {line}   ({var['seconds']:.1f} s)")
            for r in rows:
                if r["fail"] and (a.verbose or True):
                    for k, v in r["fail"].items():
                        print(f"    {r['act'][:60]} {r['lang']} {k}: {str(v)[:300 if a.verbose else 160]}")
    finally:
        if not a.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    if a.json:
        Path(a.json).write_text(json.dumps(results, ensure_ascii=False, indent=1, default=str))
    total = sum(len(r) for r in results.values())
    bad = sum(1 for rows in results.values() for r in rows if r["fail"])
    per = Counter()
    for rows in results.values():
        for r in rows:
            per[(r["lang"], bool(r["fail"]))] += 1
    print(f"\n{total - bad}/{total} (act, language) variants keep every invariant; "
          + ", ".join(f"{lang}: {per[(lang, False)]}/{per[(lang, False)] + per[(lang, True)]}"
                      for lang in ("ru", "kk")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
