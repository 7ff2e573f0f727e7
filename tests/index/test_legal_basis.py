"""Issue 16: a question on what legal basis an act was made («на основании какого закона утвердили
правила …», «қай заңға сәйкес бекітілді») is answered by the provision that names the law it
applies — a decision's preamble («В соответствии со статьей 30 Закона …», «… Заңының 30-бабына
сәйкес») — before the points that repeat the act's title; a question why («с какой целью …»,
«не үшін …») by the one that states the purpose («В целях …», «… мақсатында»). Russian and
Kazakh, both back ends."""
import pytest

from maslihat.corpus.index import common
from maslihat.corpus.index.query import plan
from maslihat.nlp.modality import states_cue
from tests.index.small_corpus import assert_same_first, corpus_fixture

RU = """# Об утверждении Правил выдачи служебных удостоверений работникам аппарата маслихата

В соответствии с пунктом 4 статьи 30 Закона Республики Казахстан «О государственной службе» маслихат города Тестовый РЕШИЛ:
1. Утвердить прилагаемые Правила выдачи служебных удостоверений.
2. Служебное удостоверение работника аппарата маслихата выдается руководителем аппарата маслихата, выдача служебных удостоверений регистрируется.
3. Настоящее решение вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования.
"""
KK = """# Мәслихат аппаратының қызметкерлеріне қызметтік куәліктер беру қағидаларын бекіту туралы

«Мемлекеттік қызмет туралы» Қазақстан Республикасы Заңының 30-бабының 4-тармағына сәйкес Тестовый қалалық мәслихаты ШЕШІМ ҚАБЫЛДАДЫ:
1. Қоса беріліп отырған Тестовый қалалық мәслихаты аппаратының қызметкерлеріне қызметтік куәліктер беру қағидалары бекітілсін.
2. Мәслихат аппаратының қызметкеріне қызметтік куәлікті мәслихат аппаратының басшысы береді, қызметтік куәліктерді беру тіркеледі.
3. Осы шешім алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі.
4. Мемлекеттік қызмет туралы Заңға сәйкес қызметтік куәлік жұмыстан босатылған кезде тапсырылады.
"""
RU_WHY = """# О запрете сноса жилых домов без разрешения

В целях сохранения жилищного фонда и упорядочения застройки аким города Тестовый РЕШИЛ:
1. Запретить снос жилых домов без разрешения отдела архитектуры; снос жилых домов допускается только по разрешению, снос жилых домов без разрешения влечет ответственность.
2. Собственникам жилых домов получать разрешение на снос жилых домов в отделе архитектуры.
"""
KK_WHY = """# Тұрғын үйлерді рұқсатсыз бұзуға тыйым салу туралы

Тұрғын үй қорын сақтау және құрылысты ретке келтіру мақсатында Тестовый қаласының әкімі ШЕШІМ ҚАБЫЛДАДЫ:
1. Тұрғын үйлерді сәулет бөлімінің рұқсатынсыз бұзуға тыйым салынсын; тұрғын үйлерді бұзу тек рұқсат бойынша жүргізіледі, тұрғын үйлерді рұқсатсыз бұзу жауапкершілікке әкеп соғады.
2. Тұрғын үйлердің меншік иелері тұрғын үйлерді бұзуға рұқсатты сәулет бөлімінен алсын.
"""
# laid out as the public repositories hold acts (../shared/corpus/dev): the title a Markdown heading
FILES = {"ids_ru.md": RU, "ids_kk.md": KK, "why_ru.md": RU_WHY, "why_kk.md": KK_WHY}
corpus = corpus_fixture("legal_basis", FILES)
BASIS = [
    ("на основании какого закона утверждены правила выдачи служебных удостоверений", "ru", "В соответствии с пунктом 4"),
    ("қызметтік куәліктер беру қағидалары қай заңға сәйкес бекітілді", "kk", "4-тармағына сәйкес"),
]
WHY = [
    ("с какой целью аким запретил снос жилых домов без разрешения", "ru", "В целях сохранения"),
    ("әкім тұрғын үйлерді рұқсатсыз бұзуға не үшін тыйым салды", "kk", "сақтау және құрылысты ретке келтіру мақсатында"),
]


@pytest.mark.parametrize("query,kind", [
    ("на основании какого закона приняли решение", "basis"), ("по какому закону утвердили правила", "basis"),
    ("правовое основание решения о ставках", "basis"), ("шешім қай заңға сәйкес қабылданды", "basis"),
    ("ставкаларды бекітудің құқықтық негізі", "basis"), ("ереже қандай заң негізінде бекітілді", "basis"),
    ("зачем запретили снос домов", "purpose"), ("с какой целью принято решение", "purpose"),
    ("шешім неге сәйкес қабылданды", "basis"), ("бұл шешім не үшін қабылданды", "purpose"),
])
def test_the_question_asks_for_the_basis_or_the_purpose(query, kind):
    assert kind in plan(query, None).answer


@pytest.mark.parametrize("query", ["закон о местном государственном управлении", "правила выдачи удостоверений",
                                   "жергілікті мемлекеттік басқару туралы заң", "куәліктер беру қағидалары",
                                   # «почему» asks about a refusal or a rule as often as about an act's purpose
                                   "почему отказали в регистрации кандидата"])
def test_naming_a_law_or_an_act_is_not_asking_for_a_basis(query):
    assert not {"basis", "purpose"} & plan(query, None).answer


@pytest.mark.parametrize("text,lang,kind,says", [
    ("В соответствии со статьей 6 Закона Республики Казахстан маслихат РЕШИЛ:", "ru", "basis", True),
    ("Руководствуясь подпунктом 15) пункта 1 статьи 6 Закона маслихат РЕШИЛ:", "ru", "basis", True),
    ("Утвердить прилагаемые Правила выдачи служебных удостоверений.", "ru", "basis", False),
    ("«Жергілікті мемлекеттік басқару туралы» Заңының 6-бабына сәйкес мәслихат ШЕШІМ ҚАБЫЛДАДЫ:", "kk", "basis", True),
    ("Қоса беріліп отырған қағидалар бекітілсін.", "kk", "basis", False),
    ("В целях сохранения жилищного фонда аким РЕШИЛ:", "ru", "purpose", True),
    ("Тұрғын үй қорын сақтау мақсатында әкім ШЕШІМ ҚАБЫЛДАДЫ:", "kk", "purpose", True),
    ("Запретить снос жилых домов без разрешения.", "ru", "purpose", False),
])
def test_a_provision_names_its_basis_or_purpose_even_in_the_questions_words(text, lang, kind, says):
    asked = frozenset({"соответствие", "основание", "сәйкес", "цель", "мақсат"})    # the question's own words
    assert states_cue(text, lang, kind, asked) is says


def _first_only_with_the_rule(corpus, query, lang, want, monkeypatch):
    """The first hit holds ``want``; without the rule (no candidate read as answering the kind:
    neither the factor, nor the title as its words, nor the preamble's prior lifted) it does not."""
    first = corpus.search(query, lang=lang, limit=3)["hits"][0]
    assert want in first["text"], first["text"]
    monkeypatch.setattr(common, "cue_factors", lambda *a, **k: {})
    assert want not in corpus.search(query, lang=lang, limit=3)["hits"][0]["text"]


@pytest.mark.parametrize("query,lang,want", BASIS)
def test_the_preamble_that_names_the_law_comes_first(corpus, query, lang, want, monkeypatch):
    _first_only_with_the_rule(corpus, query, lang, want, monkeypatch)


@pytest.mark.parametrize("query,lang,want", WHY)
def test_the_preamble_that_states_the_purpose_comes_first(corpus, query, lang, want, monkeypatch):
    _first_only_with_the_rule(corpus, query, lang, want, monkeypatch)


def test_in_accordance_with_a_law_elsewhere_is_not_the_acts_basis(corpus, monkeypatch):
    """«… Заңға сәйкес …» inside a provision that is neither a preamble nor about its own act is
    not the act's legal basis: its score does not move with ``BASIS``; the preamble's does."""
    from maslihat.corpus.index import scoring
    query, lang, _ = BASIS[1]

    def scores():
        return {h["text"][:2]: h["score"] for h in corpus.search(query, lang=lang, limit=10)["hits"]
                if h["text"].startswith("4.") or "4-тармағына сәйкес" in h["text"]}
    before = scores()
    monkeypatch.setattr(scoring, "BASIS", 4.0)
    after = scores()
    assert after["4."] == pytest.approx(before["4."])
    (pre,) = [k for k in before if k != "4."]
    assert after[pre] == pytest.approx(2 * before[pre], rel=1e-3)      # scores are shown rounded


@pytest.mark.elasticsearch
def test_elasticsearch_puts_the_same_provision_first(tmp_path, es_url, corpus):
    assert_same_first(tmp_path, es_url, corpus, FILES, [(q, lang) for q, lang, _ in BASIS + WHY])
