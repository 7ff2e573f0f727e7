"""Facts of real provisions, RU and KK: the Kokshetau regulation (seed 001) and forms of the
same provisions in other maslikhats' regulations, with the expected kind, value, relation,
subject and base."""
import pytest

from maslihat.nlp.facts import extract, kind_label, subject_label
from maslihat.nlp.facts_align import facts_discrepancies, pair_facts

# (lang, sentence, [(kind, value, relation, subject, base-or-anchor-or-None)])
TABLE = [
    ("ru", "Ответ на депутатский запрос должен быть дан в письменной форме в срок не позднее одного месяца.",
     [("deadline", "P1M", "within", "inquiry_answer", None)]),
    ("kk", "Депутаттық сауалға жауап бір айдан кеш емес мерзімде жазбаша нысанда берілуі тиіс.",
     [("deadline", "P1M", "within", "inquiry_answer", None)]),
    ("kk", "Депутаттық сауалға жауап бір айдан кешіктірілмейтін мерзімде жазбаша нысанда ұсынылады.",
     [("deadline", "P1M", "within", "inquiry_answer", None)]),
    ("ru", "Копия депутатского запроса направляется секретарем маслихата органу, которым он адресован, не позднее "
           "двух рабочих дней после его получения.",
     [("deadline", "P2D", "within", "inquiry_copy", "working")]),
    ("kk", "Мәслихат хатшысы депутаттық сауал алынғаннан кейін екі жұмыс күнінен кешіктірмей оның көшірмесін жібереді.",
     [("deadline", "P2D", "within", "inquiry_copy", "working")]),
    ("ru", "Сессия маслихата правомочна, если на ней присутствует не менее двух третей от общего числа депутатов маслихата.",
     [("quorum", "2/3", "at_least", "session_quorum", "total")]),
    ("kk", "Егер мәслихаттың сессиясына мәслихат депутаттарының жалпы санының кемінде үштен екісі қатысса, ол заңды.",
     [("quorum", "2/3", "at_least", "session_quorum", "total")]),
    ("ru", "Внеочередная сессия маслихата созывается и ведется председателем сессии маслихата по предложению не менее "
           "одной трети от числа депутатов, избранных в данный маслихат, а также акима.",
     [("threshold", "1/3", "at_least", "extraordinary_session", "elected")]),
    ("kk", "Мәслихаттың кезектен тыс сессиясын осы мәслихатқа сайланған депутаттар санының кемінде үштен бірінің, "
           "сондай-ақ әкімнің ұсынысы бойынша мәслихат сессиясының төрағасы шақырады және жүргізеді.",
     [("threshold", "1/3", "at_least", "extraordinary_session", "elected")]),
    ("ru", "Маслихат по вопросам своей компетенции принимает решения большинством голосов от общего числа депутатов маслихата.",
     [("threshold", "1/2", "more_than", "decision_vote", "total")]),
    ("ru", "Все вопросы в постоянных комиссиях решаются простым большинством голосов присутствующих депутатов.",
     [("threshold", "1/2", "more_than", "commission_vote", "present")]),
    ("kk", "Тұрақты комиссияларда сұрақтар қатысушы депутаттардың көпшілік дауысымен қарапайым шешіледі.",
     [("threshold", "1/2", "more_than", "commission_vote", "present")]),
    ("kk", "Тұрақты комиссиялар өз бастамасы бойынша көпшілік тыңдаулар өткізеді.", []),   # public hearings, not a majority
    ("ru", "О времени созыва и месте проведения сессии маслихата секретарь маслихата сообщает депутатам не позднее, "
           "чем за десять дней до сессии, а в случае созыва внеочередной сессии – не позднее, чем за три дня.",
     [("deadline", "P10D", "at_least_before", "session_notice", None),
      ("deadline", "P3D", "at_least_before", "extraordinary_session_notice", None)]),
    ("kk", "Мәслихаттың хатшысы мәслихат сессиясын шақыру уақыты туралы депутаттарға сессияға кемінде он күн қалғанда, "
           "ал кезектен тыс сессия шақырылған жағдайда, кемінде үш күн бұрын хабарлайды.",
     [("deadline", "P10D", "at_least_before", "session_notice", None),
      ("deadline", "P3D", "at_least_before", "extraordinary_session_notice", None)]),
    ("ru", "Внеочередная сессия созывается не позднее чем в пятидневный срок со дня принятия решения о проведении внеочередной сессии.",
     [("deadline", "P5D", "within", "extraordinary_session", None)]),
    ("kk", "Кезектен тыс сессия оны өткізу туралы шешім қабылданған күннен бастап бес күндік мерзімнен кешіктірілмей шақырылады.",
     [("deadline", "P5D", "within", "extraordinary_session", None)]),
    ("ru", "Очередная сессия маслихата созывается не реже четырех раз в год.",
     [("periodicity", "4/P1Y", "at_least", "regular_session", None)]),
    ("kk", "Мәслихаттың кезекті сессиясы жылына төрт реттен сирек шақырылмайды.",
     [("periodicity", "4/P1Y", "at_least", "regular_session", None)]),
    ("ru", "Маслихат не реже одного раза в год отчитывается перед населением о проделанной работе.",
     [("periodicity", "1/P1Y", "at_least", "report", None)]),
    ("kk", "Мәслихат жылына кемінде бір рет халық алдында мәслихаттың атқарған жұмысы туралы есеп береді.",
     [("periodicity", "1/P1Y", "at_least", "report", None)]),
    ("ru", "Руководители обязаны проводить личный прием граждан не реже одного раза в месяц.",
     [("periodicity", "1/P1M", "at_least", "reception", None)]),
    ("ru", "Фракция должна объединять не менее пяти депутатов маслихата.",
     [("count", "5", "at_least", "faction_size", None)]),
    ("kk", "Фракция кемінде бес депутатты біріктіруге тиіс.", [("count", "5", "at_least", "faction_size", None)]),
    ("ru", "Депутат имеет право состоять только в одной депутатской фракции.", []),
    ("ru", "Протоколы сессий отпечатываются не позднее чем через месяц после сессии.",
     [("deadline", "P1M", "within", "session_minutes", None)]),
    ("kk", "Сессиялардың хаттамалары сессиядан кейін бір айдан кешіктірілмей басылады.",
     [("deadline", "P1M", "within", "session_minutes", None)]),
    ("ru", "перерыв на срок, установленный маслихатом, но не превышающий пятнадцати календарных дней.",
     [("deadline", "P15D", "within", "session_break", "calendar")]),
    ("kk", "мәслихат белгілеген мерзімге, бірақ күнтізбелік он бес күннен аспайтын үзіліс жариялануы мүмкін.",
     [("deadline", "P15D", "within", "session_break", "calendar")]),
    ("ru", "Ставка платы составляет 2,5 месячных расчетных показателя, пеня — 10 процентов.",
     [("amount", "2.5 MRP", "exact", None, None), ("rate", "10 %", "exact", None, None)]),
    ("kk", "Төлем мөлшерлемесі 2,5 айлық есептік көрсеткіш, өсімпұл 10 пайыз.",
     [("amount", "2.5 MRP", "exact", None, None), ("rate", "10 %", "exact", None, None)]),
    ("ru", "штраф в размере 5 000 тенге", [("amount", "5000 KZT", "exact", None, None)]),
    ("ru", "Кандидатом может быть гражданин, достигший двадцати пяти лет, имеющий стаж работы не менее трех лет.",
     [("age", "P25Y", "exact", None, None), ("service", "P3Y", "at_least", None, None)]),
    ("kk", "Жиырма бес жасқа толған, кемінде үш жыл жұмыс өтілі бар азамат.",
     [("age", "P25Y", "exact", None, None), ("service", "P3Y", "at_least", None, None)]),
    # limits on how often: a count, or a count per period
    ("ru", "Депутат маслихата может выступить по одному и тому же вопросу не более двух раз.",
     [("count", "2", "at_most", None, None)]),
    ("ru", "Депутат маслихата не может быть избран председателем сессии маслихата более двух раз в течение календарного года.",
     [("periodicity", "2/P1Y", "exact", None, None)]),
    ("kk", "Мәслихат депутаты күнтізбелік бір жыл ішінде мәслихат сессиясының төрағасы болып екі реттен артық сайлана алмайды.",
     [("periodicity", "2/P1Y", "exact", None, None)]),
    # no number of the law: «явное большинство», «ни один депутат», «үшін» (= for), a list item «7)»
    ("ru", "Голосование может быть проведено без подсчета голосов - по явному большинству, если ни один депутат не потребует иного.", []),
    ("kk", "Көпшілік тыңдаулар өткізу үшін депутаттар қатарынан жұмыс тобы құрылады.", []),
    ("kk", "7) депутаттар өздерінің өкілеттігін жүзеге асырған кезде ұсыныстарды есепке алады;", []),
    ("ru", "Время для докладов на сессиях предоставляется, как правило, в пределах одного часа.", []),
    # dates and years are not durations
    # the law's present tense «избирается» as well as the regulation's «избран»
    ("ru", "Секретарь маслихата избирается из числа депутатов открытым или тайным голосованием большинством "
           "голосов от общего числа депутатов.",
     [("threshold", "1/2", "more_than", "secretary_election", "total")]),
    ("kk", "Мәслихат хатшысы депутаттар арасынан ашық немесе жасырын дауыс беру арқылы депутаттардың жалпы "
           "санының көпшілік даусымен сайланады.",
     [("threshold", "1/2", "more_than", "secretary_election", "total")]),
    ("ru", "решение от 20 марта 2014 года № С-24/4", []),
    ("kk", "2014 жылғы 20 наурыздағы № С-24/4 шешім", []),
]


def _third(f):
    return f.base or f.day_type


@pytest.mark.parametrize("lang,text,expected", TABLE, ids=[f"{t[0]}:{t[1][:40]}" for t in TABLE])
def test_facts_table(lang, text, expected):
    facts = extract(text, lang)
    got = [(f.kind, f.value, f.relation, f.subject, _third(f)) for f in facts]
    assert got == expected
    for f in facts:
        assert text[f.start:f.end] == f.surface and f.language == lang


def test_offsets_point_into_the_document():
    doc = "Глава 1.\n62. Ответ на депутатский запрос должен быть дан в срок не позднее одного месяца."
    [f] = extract(doc[9:], "ru", offset=9)
    assert doc[f.start:f.end] == f.surface == "не позднее одного месяца"


def test_anchor_event_is_read():
    [f] = extract("В течение 10 (десяти) календарных дней со дня поступления обращения оно рассматривается.", "ru")
    assert (f.value, f.day_type, f.anchor) == ("P10D", "calendar", "со дня поступления обращения оно рассматривается")
    [g] = extract("Мәслихат депутаттары тіркелген күннен бастап отыз күндік мерзімнен кешіктірмей шақырылады.", "kk")
    assert g.value == "P30D" and "тіркелген күннен бастап" in g.anchor


def test_labels_in_three_languages():
    assert subject_label("inquiry_answer", "en") == "answer to a deputy's inquiry"
    assert subject_label("inquiry_answer", "kk") == "депутаттық сауалға жауап"
    assert subject_label("extraordinary_session_notice", "ru").startswith("внеочередная")
    assert kind_label("deadline", "ru") == "срок"


def test_parallel_provisions_agree_or_disagree():
    ru = "Ответ на депутатский запрос должен быть дан в письменной форме в срок не позднее одного месяца."
    kk_same = "Депутаттық сауалға жауап бір айдан кеш емес мерзімде жазбаша нысанда берілуі тиіс."
    kk_other = "Депутаттық сауалға жауап екі айдан кеш емес мерзімде жазбаша нысанда берілуі тиіс."
    assert facts_discrepancies(ru, kk_same) == []
    [d] = facts_discrepancies(ru, kk_other)
    assert (d.type, d.kind, d.ru.value, d.kk.value) == ("value_differs", "deadline", "P1M", "P2M")
    [m] = facts_discrepancies("Сессия правомочна, если присутствует не менее двух третей депутатов.", "Сессия өткізіледі.")
    assert m.type == "missing_kk" and m.ru.value == "2/3"
    pairs = pair_facts(extract("за десять дней, а внеочередной – за три дня до сессии сообщает", "ru"),
                       extract("сессияға кемінде он күн қалғанда, ал кезектен тыс кемінде үш күн бұрын хабарлайды", "kk"))
    assert [(a.value, b.value) for a, b in pairs] == [("P10D", "P10D"), ("P3D", "P3D")]


def test_unit_of_a_document_gets_the_fact(sample_corpus):
    from maslihat.nlp.facts import document_facts
    doc = next(d for d in sample_corpus.store.documents() if d.language == "ru" and "Кокшетау" in d.title)
    facts = document_facts(doc, sample_corpus.units(doc.id))
    f = next(f for f in facts if f.subject == "inquiry_answer")
    unit = sample_corpus.unit(f.unit_id)
    assert unit.number == "62" and unit.start <= f.start < f.end <= unit.end


@pytest.mark.parametrize("lang, sentence", [
    ("ru", "Сессия маслихата созывается не реже четырех раз в год."),
    ("kk", "Мәслихат сессиясы жылына кемінде төрт рет шақырылады."),
])
def test_a_repeated_sentence_is_read_once_and_keeps_its_own_offsets(lang, sentence, monkeypatch):
    """Issue 14: acts repeat sentences; the engine reads each one once, and every occurrence gets
    its own span, subject and an object of its own."""
    from maslihat.nlp import facts as F
    F._MEMO.clear()
    calls = []
    real = F._Extractor.sentence
    monkeypatch.setattr(F._Extractor, "sentence", lambda self, s: calls.append(s.text) or real(self, s))
    text = f"{sentence}\nДругое.\n{sentence}"
    first, second = extract(text, lang, offset=100)
    assert calls == [sentence]
    shift = len(sentence) + len("\nДругое.\n")
    assert (first.kind, first.value, first.relation) == ("periodicity", "4/P1Y", "at_least")
    assert (second.start, second.end) == (first.start + shift, first.end + shift)
    assert text[first.start - 100:first.end - 100] == first.surface == second.surface
    assert first.subject == second.subject and first.subject is not None
    first.extra["seen"] = True
    again = extract(sentence, lang)
    assert again[0].extra == {} and (again[0].start, again[0].end) == (first.start - 100, first.end - 100)


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_every_subject_has_a_name_in_each_language(lang):
    """A report reads «созыв внеочередной сессии», never a code («внеочередная: session»): every
    subject, and every subject of an extraordinary session, is named in the reader's language."""
    import re
    from maslihat.nlp.facts import subjects
    for code in subjects() + ["extraordinary_" + c for c in subjects()]:
        label = subject_label(code, lang)
        assert label and "_" not in label, code
        if lang != "en":
            assert not re.search(r"[a-z]{3,}", label), (code, label)


@pytest.mark.parametrize("lang, sentence", [TABLE[0][:2], TABLE[1][:2], TABLE[5][:2], TABLE[6][:2]])
def test_a_facts_json_is_dataclasses_asdict(lang, sentence):
    """``Fact.to_json`` (issue 14: without ``asdict``'s generic walk) gives what ``asdict`` gives,
    keys in the same order, in a dict of its own; a fact with ``extra`` or a field that is not a
    plain value is copied deeply, as ``asdict`` copies it."""
    from dataclasses import asdict, replace
    [f] = extract(sentence, lang)
    d = f.to_json()
    assert d == asdict(f) and list(d) == list(asdict(f))
    d["value"], d["extra"]["x"] = "changed", 1
    assert f.value != "changed" and f.extra == {}
    rich = replace(f, extra={"parts": [{"n": 1}]}, subject=["not", "plain"])
    r = rich.to_json()
    assert r == asdict(rich) and list(r) == list(asdict(rich))
    r["extra"]["parts"][0]["n"], r["subject"][0] = 2, "x"
    assert rich.extra == {"parts": [{"n": 1}]} and rich.subject == ["not", "plain"]
