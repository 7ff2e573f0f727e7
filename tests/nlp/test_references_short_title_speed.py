"""Issue 14: a Kazakh citation's unquoted «… туралы» title is searched before the act word only
when the text there ends with «туралы» and a blank (what the pattern needs); the references found
must not change."""
import pytest

from maslihat.core.model import Document
from maslihat.nlp import references_requisites as R
from maslihat.nlp.references import find_references


def _refs(text: str, lang: str = "kk"):
    d = Document(id="x", act_id="x", language=lang, text=text, title="t", source="s", part=0, doc_type="decision")
    return [(r.target.get("title"), r.target.get("act_type"), r.cited_act_key) for r in find_references(d, [])]


def test_an_unquoted_kazakh_short_title_still_names_the_act():
    refs = _refs("Бюджет кодексіне және Жергілікті мемлекеттік басқару және өзін-өзі басқару туралы Заңға сәйкес "
                 "мәслихат ШЕШТІ:")
    assert refs[0][2] == "law:2001-01-23:148-ii" and refs[0][0].endswith("басқару туралы")


@pytest.mark.parametrize("head", [
    "өзін-өзі басқару туралы ", "басқару туралы\n", "басқару туралы\u00a0", "басқару туралы \n",
    "басқару туралы", "басқару туралы 2001 ", "БАСҚАРУ ТУРАЛЫ ", "туралы ", "", "Заңы туралы\t",
])
def test_the_pattern_is_skipped_only_where_it_cannot_match(head, monkeypatch):
    searched = []
    real = R._SHORT_KK

    class Spy:
        def search(self, s):
            searched.append(s)
            return real.search(s)
    monkeypatch.setattr(R, "_SHORT_KK", Spy())
    R._short_title_left(head + "Заңға", len(head), 0, {}, 0)
    if real.search(head):
        assert searched == [head]
    else:
        assert searched in ([], [head])
    assert bool(searched) == (head.rstrip() != head and head.rstrip().endswith("туралы"))
