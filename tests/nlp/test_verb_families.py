"""Russian verb aspects (issue 16): a question's verb finds the law's other aspect. The rules are
data (``nlp/lang/ru/verb_families.txt``); each rule's own example is checked, both ways."""
import re

from maslihat.nlp.analyze import term_variants
from maslihat.nlp.lang.ru import verbs

EXAMPLE = re.compile(r"^aspect\s+(\S+)\s+(\S+)\s+#\s*(\S+)\s*->\s*(\S+)")


def test_every_rule_gives_its_own_example_both_ways():
    lines = [m for m in (EXAMPLE.match(x) for x in verbs.FAMILIES.read_text(encoding="utf-8").splitlines()) if m]
    assert len(lines) == len(verbs.rules()) >= 30
    for m in lines:
        a, b, perf, impf = m.groups()
        assert perf.endswith(a) and impf.endswith(b), m.group(0)
        assert impf in verbs.family(perf), m.group(0)
        assert perf in verbs.family(impf), m.group(0)        # read backwards: law form -> question's


def test_question_verbs_reach_the_law_forms():
    # «кто может упразднить» / the law: «упраздняют»
    assert "упразднять" in term_variants("упразднить", "ru")
    # «как отозвать депутата» / «отзывается»
    assert "отзываться" in term_variants("отозвать", "ru")
    # «кто утверждает бюджет» / «утвержден» (lemma утвердить)
    assert "утвердить" in term_variants("утверждает", "ru")
    # «можно ли провести закрытую сессию» / «проводятся», «проводится»
    assert {"проводить", "проводиться"} <= set(term_variants("провести", "ru"))


def test_nouns_and_other_words_keep_their_own_meaning():
    # a verb's noun names a thing in titles («Положение о награждении»): not joined to the verb
    assert not {"награждение", "решение"} & set(term_variants("награждать", "ru") + term_variants("решить", "ru"))
    assert verbs.family("решение") == () and verbs.family("маслихат") == () and verbs.family("депутат") == ()


def test_kazakh_verbs_keep_their_own_paradigm():
    # the Kazakh stemmer keeps aspects together; its paradigm (kk/verbs.py) gives the other forms
    assert "бекіту" in term_variants("бекітеді", "kk")
    assert "шақыру" in term_variants("шақырылады", "kk")
