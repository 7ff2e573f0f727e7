"""Issues 16 and 12: a journalist comparing the regulations of several cities asks «which acts say
this». A hit whose provision other acts state word for word (regulations of several maslikhats
drafted from one model; ``scoring.copy_of``) names them in its ``copies``: the first hit of the
group lists its copies in the order shown, a copy lists the hit it copies first, then the other
copies; a provision of one act only, and a near one worded otherwise, has ``copies == []``. RU and
KK, both back ends with the same values."""
import pytest

from maslihat.corpus.index import scoring
from tests.index.small_corpus import corpus_fixture, small_corpus

# (genitive name, town, adopting decision) of three maslikhats
TOWNS_RU = [("Аксуского", "Аксу", "12 марта 2014 года № 211/30"),
            ("Экибастузского", "Экибастуз", "3 апреля 2014 года № 45/7"),
            ("Павлодарского", "Павлодар", "25 июня 2014 года № 28/3")]
TOWNS_KK = [("Ақсу қалалық", "Ақсу", "2014 жылғы 12 наурыздағы № 211/30"),
            ("Екібастұз қалалық", "Екібастұз", "2014 жылғы 3 сәуірдегі № 45/7"),
            ("Павлодар қалалық", "Павлодар", "2014 жылғы 25 маусымдағы № 28/3")]

# one point word for word in all three regulations
SAME_RU = ("Депутатский запрос вносится в письменной форме на сессии маслихата, оглашается депутатом и "
           "направляется председателем сессии государственному органу для ответа в течение пятнадцати дней.")
SAME_KK = ("Депутаттық сауал мәслихат сессиясында жазбаша нысанда енгізіледі, депутат оны жария етеді және "
           "сессия төрағасы жауап беру үшін он бес күн ішінде мемлекеттік органға жібереді.")
# one point that differs: each act its own (only the first one speaks of a reception of citizens)
OWN_RU = ["Депутаты маслихата ведут прием граждан в помещении акимата по вторникам с десяти до тринадцати часов.",
          "Комиссия по бюджету заслушивает отчет ревизионной комиссии ежегодно до первого мая.",
          "Архив маслихата хранит стенограммы заседаний в течение десяти лет."]
OWN_KK = ["Мәслихат депутаттары азаматтарды әкімдік ғимаратында сейсенбі күндері сағат оннан он үшке дейін қабылдайды.",
          "Бюджет жөніндегі комиссия тексеру комиссиясының есебін жыл сайын бірінші мамырға дейін тыңдайды.",
          "Мәслихат мұрағаты отырыстардың стенограммаларын он жыл бойы сақтайды."]
# the same rule worded otherwise in the first two acts: near, not copies (Jaccard of prefixes < COPY_BAR)
NEAR_RU = ["Протокол сессии маслихата подписывается председателем сессии и секретарем маслихата "
           "в течение пяти рабочих дней после окончания сессии.",
           "Председательствующий на сессии и секретарь подписывают протокол не позднее пяти календарных дней "
           "со дня закрытия сессии, после чего протокол передается в аппарат."]
NEAR_KK = ["Мәслихат сессиясының хаттамасына сессия төрағасы мен мәслихат хатшысы сессия аяқталғаннан кейін "
           "бес жұмыс күні ішінде қол қояды.",
           "Сессияның хаттамасына төрағалық етуші мен хатшы сессия жабылған күннен бастап бес күнтізбелік күннен "
           "кешіктірмей қол қояды, содан кейін хаттама аппаратқа беріледі."]


def _regulation_ru(k: int) -> str:
    name, town, req = TOWNS_RU[k]
    near = f"\n\n5. {NEAR_RU[k]}" if k < 2 else ""
    return f"""Регламент {name} городского маслихата

Утвержден решением {name} городского маслихата от {req}

Глава 1. Общие положения

1. Настоящий Регламент определяет порядок работы маслихата города {town}.

Глава 2. Депутаты маслихата

3. {SAME_RU}

4. {OWN_RU[k]}{near}
"""


def _regulation_kk(k: int) -> str:
    name, town, req = TOWNS_KK[k]
    near = f"\n\n5. {NEAR_KK[k]}" if k < 2 else ""
    return f"""{name} мәслихатының регламенті

{name} мәслихатының {req} шешімімен бекітілген

1-тарау. Жалпы ережелер

1. Осы Регламент {town} мәслихатының жұмыс тәртібін айқындайды.

2-тарау. Мәслихат депутаттары

3. {SAME_KK}

4. {OWN_KK[k]}{near}
"""


FILES = {**{f"reg_ru_{k}.txt": _regulation_ru(k) for k in range(3)},
         **{f"reg_kk_{k}.txt": _regulation_kk(k) for k in range(3)}}
# (language, query of the common point, of the one act's point, of the near rule; words of each)
CASES = [("ru", "депутатский запрос направляется государственному органу", "прием граждан депутатами по вторникам",
          "протокол сессии подписывают председатель и секретарь", "Депутатский запрос вносится",
          "прием граждан", "протокол"),
         ("kk", "депутаттық сауал мемлекеттік органға жіберіледі", "депутаттар азаматтарды сейсенбі күндері қабылдайды",
          "сессия хаттамасына төраға мен хатшы қол қояды", "Депутаттық сауал мәслихат",
          "азаматтарды", "хаттама")]
LANGS = [c[0] for c in CASES]

corpus = corpus_fixture("copies_listed", FILES)


def _case(lang: str):
    return next(c for c in CASES if c[0] == lang)


def _with(hits: list, words: str) -> list:
    return [h for h in hits if words.lower() in h["text"].lower()]


def _ids(entries: list) -> list:
    return [e["unit_id"] for e in entries]


@pytest.mark.parametrize("lang", LANGS)
def test_the_first_hit_of_a_common_point_lists_the_other_two_acts(corpus, lang):
    _, common, _, _, same, _, _ = _case(lang)
    hits = corpus.search(common, lang=lang, limit=20)["hits"]
    group = _with(hits, same)
    assert len(group) == 3 and len({h["document_id"] for h in group}) == 3, [h["document_id"] for h in group]
    first, rest = group[0], group[1:]
    # the other two acts, in the order shown, named as a reader names them and as the hits are
    assert first["copies"] == [{"unit_id": h["unit_id"], "document_id": h["document_id"], "label": h["label"],
                                "title": h["title"]} for h in rest]
    assert all(e["title"] and e["label"] for e in first["copies"])
    for h in rest:                          # a copy: the hit it copies first, then the other copy
        assert _ids(h["copies"]) == [first["unit_id"]] + [o["unit_id"] for o in rest if o is not h]
    for h in hits:
        if h not in group:
            assert h["copies"] == [], h["text"]


@pytest.mark.parametrize("lang", LANGS)
def test_a_provision_of_one_act_and_a_near_rule_worded_otherwise_have_no_copies(corpus, lang, monkeypatch):
    _, _, own, near, _, own_words, near_words = _case(lang)
    hits = corpus.search(own, lang=lang, limit=20)["hits"]
    mine = _with(hits, own_words)
    assert len(mine) == 1 and mine[0]["copies"] == []
    hits = corpus.search(near, lang=lang, limit=20)["hits"]
    pair = _with(hits, near_words)
    assert len({h["document_id"] for h in pair}) == 2, [h["text"] for h in pair]
    assert all(h["copies"] == [] for h in pair), [h["copies"] for h in pair]
    words = [frozenset(scoring_prefixes(h["text"])) for h in pair]    # near indeed: a third of their words
    assert len(words[0] & words[1]) >= scoring.COPY_MIN
    monkeypatch.setattr(scoring, "COPY_BAR", 0.3)                   # … which a lower bar would call copies
    pair = _with(corpus.search(near, lang=lang, limit=20)["hits"], near_words)
    assert [_ids(h["copies"]) for h in pair] == [[pair[1]["unit_id"]], [pair[0]["unit_id"]]]


@pytest.mark.parametrize("lang", LANGS)
def test_a_copy_moved_to_the_next_page_is_still_named_on_the_first(corpus, lang, monkeypatch):
    """With one place at the top for a provision (``COPY_PLACE`` 1, no copy kept beside the first),
    the copies move below the first hit; the first page of one hit names them all the same, and the
    second page's copy names the first hit."""
    _, common, _, _, same, _, _ = _case(lang)
    monkeypatch.setattr(scoring, "COPY_PLACE", 1)
    monkeypatch.setattr(scoring, "COPY_KEEP", 0)
    whole = corpus.search(common, lang=lang, limit=20)["hits"]
    group = _with(whole, same)
    page1 = corpus.search(common, lang=lang, limit=1)["hits"]
    assert page1[0]["unit_id"] == group[0]["unit_id"]
    assert _ids(page1[0]["copies"]) == _ids(group[1:])
    page2 = corpus.search(common, lang=lang, limit=1, offset=whole.index(group[1]))["hits"]
    assert page2[0]["unit_id"] == group[1]["unit_id"] and _ids(page2[0]["copies"])[0] == group[0]["unit_id"]


def scoring_prefixes(text: str) -> list:
    from maslihat.corpus.index.surface import prefixes
    return prefixes(text)


@pytest.mark.elasticsearch
def test_elasticsearch_names_the_same_copies(tmp_path, es_url, corpus):
    with small_corpus(tmp_path, FILES, es_url) as ce:
        for lang, *queries in CASES:
            for q in queries[:3]:
                a = corpus.search(q, lang=lang, limit=20)["hits"]
                b = ce.search(q, lang=lang, limit=20)["hits"]
                assert [h["unit_id"] for h in a] == [h["unit_id"] for h in b], q
                assert [h["copies"] for h in a] == [h["copies"] for h in b], q
                if q == queries[0]:
                    assert sum(1 for h in a if h["copies"]) == 3, q
