"""RU against KK: notes stand where each language's editor put them. The Russian text of a
regional act notes at its head that «an amendment in the state language was made to п. 2, the
Russian text does not change»; the Kazakh text has the amendment's note under п. 2; both heads
note that the punctuation of the original is kept. The notes pair by what they say (the
punctuation notes together, the amendment notes together), so the one real difference — the
amending decision's date and number, stated in Kazakh only — is reported once, and nothing else."""
from __future__ import annotations

from maslihat.corpus.api import Corpus
from tests.corpus.acts_builder import act, write_repository

RU_HEAD = ["> Примечание РЦПИ. Внесено изменение на государственном языке в пункт 2, текст на русском языке "
           "не изменяется.", "> Примечание РЦПИ.", "> В тексте документа сохранена пунктуация и орфография оригинала."]
KK_HEAD = ["> РҚАО-ның ескертпесі.", "> Құжаттың мәтінінде түпнұсқаның пунктуациясы мен орфографиясы сақталған."]
KK_NOTE = ("   > *Ескерту. 2-тармақ жаңа редакцияда - Павлодар облыстық мәслихатының 01.07.2015 № 29/358-V "
           "шешімімен (алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі).*")


def test_notes_pair_by_what_they_say_and_the_one_difference_is_reported_once(tmp_path):
    a = act("2014-04-11", "19/232-V", "Об утверждении регламента областного маслихата",
            "Облыстық мәслихаттың регламентін бекіту туралы", points=4)
    a["ru_body"] = RU_HEAD + a["ru_body"]
    body = a["kk_body"]
    a["kk_body"] = KK_HEAD + body[:3] + [KK_NOTE] + body[3:]       # after п. 2
    write_repository(a, tmp_path / "acts" / "local-pavlodar__0411-reglament", "80021")
    c = Corpus(str(tmp_path / "c.sqlite"), es_url="")
    c.ingest([str(tmp_path / "acts")])
    (ru,) = [d for d in c.documents() if d["language"] == "ru"]
    units = {u.id: u for d in (ru["id"], ru["parallel_id"]) for u in c.store.units(d)}
    doc_text = {d: c.store.document(d).text for d in (ru["id"], ru["parallel_id"])}

    def text(u):
        return " ".join(doc_text[u.document_id][u.start:u.end].split())
    notes = {text(u): u for u in units.values() if u.kind == "note"}
    ru_amend = next(u for t, u in notes.items() if "пункт 2" in t)
    ru_punct = next(u for t, u in notes.items() if t.startswith("Примечание") and "пунктуация" in t)
    kk_punct = next(u for t, u in notes.items() if "пунктуациясы" in t)
    kk_amend = next(u for t, u in notes.items() if "29/358" in t)
    assert kk_amend.parent_id and units[kk_amend.parent_id].number == "2"
    assert ru_punct.parallel_id == kk_punct.id and ru_amend.parallel_id == kk_amend.id

    report = c.diff(ru["id"], ru["parallel_id"])
    flags = report["discrepancies"] if isinstance(report, dict) else report.discrepancies
    assert len(flags) == 1
    flag = str(flags[0])
    assert "01.07.2015" in flag and "29" in flag
