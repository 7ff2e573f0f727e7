"""The comparison's summary names the headings only one act has. A long heading is cut at a word
and marked «…», never in the middle of one («… тұрақты негізде жүз»). RU and KK."""
import pytest

from maslihat.core.model import Document, Unit
from maslihat.nlp.compare_report import _heading

LONG = {
    "kk": "4-параграф. Облыс, республикалық маңызы бар қала, астана мәслихатының тұрақты комиссиясының "
          "қызметін тұрақты негізде жүзеге асыратын төрағасы",
    "ru": "Параграф 4. Председатель постоянной комиссии маслихата области, города республиканского значения, "
          "столицы, осуществляющий деятельность на постоянной основе",
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_long_heading_is_cut_at_a_word(lang):
    text = LONG[lang]
    doc = Document(id=f"d/{lang}", source="x", part=0, language=lang, doc_type="decision", title="x", text=text)
    u = Unit(id=f"d/{lang}/h", document_id=doc.id, kind="paragraph", number="4", label="", start=0, end=len(text))
    got = _heading(doc, [u], u)
    assert len(got) <= 120 and got.endswith(" …")
    assert text.startswith(got[:-2]) and text[len(got) - 2] == " "        # the last word is whole


def test_a_short_heading_is_whole():
    text = "Глава 8. Повышение квалификации депутатов маслихата"
    doc = Document(id="d/ru", source="x", part=0, language="ru", doc_type="decision", title="x", text=text)
    u = Unit(id="d/ru/h", document_id=doc.id, kind="chapter", number="8", label="", start=0, end=len(text))
    assert _heading(doc, [u], u) == text
