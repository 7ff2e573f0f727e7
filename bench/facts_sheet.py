"""Print the judging sheet of one text: every line that holds a number or a fact cue, with what
the extractor finds (used to prepare bench/facts_gold.jsonl by reading; see docs/quality.md)."""
from __future__ import annotations

import re
import sys

from maslihat.nlp.facts import extract
from maslihat.nlp.numerals import find_numerals

CUES = re.compile(r"большинств|половин|ежегодн|ежекварт|ежемесячн|раз в|срок|көпшілі|жарты|сайын|рет\b|мерзім|"
                  r"кешіктір|тенге|теңге|%|процент|пайыз|МРП|АЕК|треть|үштен|\bза (?:день|месяц|год|неделю|сутки)|"
                  r"через (?:месяц|год|день)|в течение (?:месяца|года|дня|суток|недели)|месячн|недельн|дневн|"
                  r"\bай\b|айдан|апта", re.I)


UNITS = re.compile(r"\W{0,3}(?:\w+\s)?(?:дн|день|дня|месяц|год|лет|недел|час|сут|депутат|член|человек|кандидат|"
                   r"күн|ай|жыл|апта|сағат|тәулік|жас|адам|мүше|раз|рет|тенге|теңге|мрп|аек|%|процент|пайыз|"
                   r"месячн|айлық)", re.I)


def sheet(path: str, lang: str, lo: int = 0, hi: int = 10**9):
    text = open(path, encoding="utf-8").read()
    pos = 0
    for n, line in enumerate(text.split("\n"), 1):
        start = pos
        pos += len(line) + 1
        if not (lo <= n <= hi) or len(line.strip()) < 20 or line.lstrip().startswith(">"):
            continue
        nums = [x for x in find_numerals(line, lang) if x.kind == "fraction" or
                (x.kind in ("cardinal", "decimal") and UNITS.match(line[x.end:x.end + 30]))]
        if not nums and not CUES.search(line):
            continue
        facts = extract(line, lang)
        print(f"\n#{n} {line.strip()[:600]}")
        for f in facts:
            print(f"   => {f.kind} {f.value} {f.relation} {f.subject} [{f.surface}]")


if __name__ == "__main__":
    sheet(sys.argv[1], sys.argv[2], *(int(x) for x in sys.argv[3:5]))
