"""Operative formulae are searched under re.I only in texts holding one of their words (issue 14):
the same kinds as the plain search, RU and KK, also with the letters re.I equates but str.lower
does not (Cyrillic rounded/tall variants)."""
import re

import pytest

from maslihat.ingest import doctype
from maslihat.ingest.doctype import OPERATIVE, act_evidence

CASES = [
    ("Об утверждении регламента\n\nВ соответствии со статьей 9 Закона ПОСТАНОВЛЯЮ:\n\n1. Утвердить.", "decree"),
    ("Регламентті бекіту туралы\n\nЗаңның 9-бабына сәйкес ҚАУЛЫ ЕТЕМІН:\n\n1. Бекітілсін.", "decree"),
    ("Об утверждении правил\n\nАкимат области постановляет :\n1. Утвердить.", "resolution"),
    ("Ережені бекіту туралы\n\nҚазақстан Республикасының Үкіметі қаулы етеді:\n1. Бекітілсін.", "resolution"),
    ("Об утверждении формы\n\nПриказываю:\n1. Утвердить.", "order"),
    ("О бюджете района\n\nмаслихат района РЕШИЛ:\n1. Утвердить бюджет.", "decision"),
    ("Аудан бюджеті туралы\n\nаудандық мәслихат ШЕШІМ ҚАБЫЛДАДЫ:\n1. Бюджет бекітілсін.", "decision"),
]

# letters equated by re.I with о, т, в, д, с, ъ although str.lower() keeps them apart
ODD = {"о": "\u1c82", "т": "\u1c84", "в": "\u1c80", "д": "\u1c81", "с": "\u1c83"}


def _plain(text: str):
    """What act_evidence answered before the word test: the formulae in order, re.I."""
    for rx, dt, _fm in OPERATIVE:
        m = re.search(rx, text, re.I)
        if m:
            return dt, m.group(0)
    return None


@pytest.mark.parametrize("text, kind", CASES)
def test_formula_found_as_by_the_plain_search(text, kind):
    ev = act_evidence(text)
    assert ev is not None and ev.doc_type == kind
    assert (ev.doc_type, ev.evidence[0].split(": ", 1)[1]) == _plain(text)


@pytest.mark.parametrize("text, kind", CASES)
def test_equated_letters_still_found(text, kind):
    head, _, rest = text.partition("\n\n")
    odd = head + "\n\n" + rest.upper().translate(str.maketrans({k.upper(): v for k, v in ODD.items()}))
    assert odd != text.upper(), "every case has a letter with a variant"
    assert _plain(odd) is not None and _plain(odd)[0] == kind
    ev = act_evidence(odd)
    assert ev is not None and (ev.doc_type, ev.evidence[0].split(": ", 1)[1]) == _plain(odd)


def test_no_formula_word_no_case_insensitive_scan(monkeypatch):
    scanned = []

    class Spy:
        def __init__(self, rx):
            self.rx = rx

        def search(self, text):
            scanned.append(self.rx.pattern)
            return self.rx.search(text)

        def match(self, text, pos):
            scanned.append(self.rx.pattern)
            return self.rx.match(text, pos)

    monkeypatch.setattr(doctype, "_OPERATIVE", [(Spy(rx), w, dt, fm) for rx, w, dt, fm in doctype._OPERATIVE])
    assert act_evidence("Пояснительная записка\n\nТекст записки о бюджете района.\n" * 200) is None
    assert scanned == []
    assert act_evidence("О бюджете\n\nмаслихат РЕШИЛ:\n1. Утвердить.").doc_type == "decision"
    assert len(scanned) == 1          # only the decision formulae: the others' words are absent


def test_word_test_covers_every_letter_re_i_equates():
    """Every character re.I matches with a letter of the formulae's words lower-cases to that
    letter, or is one of the few act_evidence searches without the word test."""
    letters = {c for _rx, words, _dt, _fm in doctype._OPERATIVE for w in words for c in w}
    every = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    for p in letters:
        for c in re.compile(re.escape(p), re.I).findall(every):
            assert c.lower() == p.lower() or doctype._CASE_ODD.match(c), (p, c)
    for rx, words, _dt, _fm in doctype._OPERATIVE:       # each alternative holds its word
        for alt, w in zip(rx.pattern.split("|"), words):
            assert w.upper() in alt.upper()



def test_head_lines_lose_their_marks_as_the_pattern_strips_them():
    """``_unmark`` (str.strip) against the pattern it replaced: str.strip takes exactly the
    characters ``\\s`` matches (every code point checked), and RU/KK heading lines of Markdown and
    plain text and the characters around the marks come out the same."""
    import sys
    space = re.compile(r"\s")
    assert all((space.match(ch) is not None) == (ch.strip() == "") for ch in map(chr, range(sys.maxunicode + 1)))
    marks = re.compile(r"^[#>\s*]+|[*\s]+$")
    lines = ["## Об утверждении регламента **", "> Регламентті бекіту туралы", "  **РЕШЕНИЕ**  ",
             "* * *", "# ", "\u00a0Шешім\u2003", "Мәслихат *сессиясы*", "#\u200b*", "\u3000> x *\u0085", ""]
    lines += [f"{a}{b}Қ{c}{d}" for a in "#> *\t" for b in "*\u00a0>" for c in "*# " for d in "\u2028*x"]
    assert [doctype._unmark(x) for x in lines] == [marks.sub("", x) for x in lines]
