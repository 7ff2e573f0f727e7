"""What a unit says, as the diff and the RU/KK report quote it (``nlp.align.own_text``): a point
without its number, a heading with its word. A Kazakh heading puts its number first
(«5-параграф. Есеп комиссиясы»); cut as a point's number, the report quoted «-параграф. …»."""
import pytest

from maslihat.core.model import Document, Unit
from maslihat.nlp.align import own_text


@pytest.mark.parametrize("lang,text,said", [
    ("kk", "5-параграф. Мәслихаттың есеп комиссиясы", "5-параграф. Мәслихаттың есеп комиссиясы"),
    ("kk", "1-тарау. Жалпы ережелер", "1-тарау. Жалпы ережелер"),
    ("kk", "61. Мәслихат есеп комиссиясын құруға құқылы.", "Мәслихат есеп комиссиясын құруға құқылы."),
    ("ru", "12-1. Депутат вправе выступить.", "Депутат вправе выступить."),
    ("ru", "3) утверждает бюджет;", "утверждает бюджет;"),
])
def test_a_unit_is_quoted_without_a_points_number_but_with_a_headings_word(lang, text, said):
    doc = Document(id=f"d/{lang}", source="x", part=0, language=lang, doc_type="decision", title="x", text=text)
    unit = Unit(id=f"d/{lang}/u", document_id=doc.id, kind="point", number="", label="", start=0, end=len(text))
    assert own_text(doc, [unit], unit) == said
