"""The comparison's first sentence names both acts' issuers in the reader's language: a Kazakh
text whose requisites name no issuer carries its Russian document's («Алматинский областной
маслихат»), and a Kazakh reader saw it in Russian."""
from maslihat.core.model import Document
from maslihat.nlp.compare_report import report


def doc(i: str, issuer, title: str) -> Document:
    return Document(id=f"x/{i}/kk", act_id=f"x/{i}", language="kk", version=1, source=f"{i}.txt", text="",
                    doc_type="decision", title=title, part=0, issuer=issuer)


def test_each_reader_sees_the_issuers_in_their_language():
    a = doc("a", "Алматинский областной маслихат", "Алматы облыстық мәслихатының регламентін бекіту туралы")
    b = doc("b", "Көкшетау қалалық мәслихаты", "Көкшетау қалалық мәслихатының регламентін бекіту туралы")
    text = report(a, [], b, [], [])["text"]
    assert text["kk"].startswith("A — Алматы облысының мәслихаты: ") and "B — Көкшетау қаласының мәслихаты: " in text["kk"]
    assert text["ru"].startswith("A — Маслихат Алматинской области: ") and "B — Маслихат города Кокшетау: " in text["ru"]
    assert text["en"].startswith("A — Almaty Region Maslikhat: ") and "B — Kokshetau Maslikhat: " in text["en"]


def test_an_issuer_no_place_knows_is_shown_as_written_and_no_issuer_by_the_title():
    a = doc("a", "Тестовая комиссия", "Бір тақырып")
    b = doc("b", None, "Екінші тақырып")
    for ui in ("ru", "kk", "en"):
        line = report(a, [], b, [], [])["text"][ui]
        assert line.startswith("A — Тестовая комиссия: ") and "B — Екінші тақырып: " in line
