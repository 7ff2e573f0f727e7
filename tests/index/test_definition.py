"""Issue 16: «что такое депутатский запрос» / «депутаттық сауал дегеніміз не» is answered by the
provision that defines the notion (a law's article on its basic notions), before the provisions
that only use it; a longer notion that contains the question's («письменный депутатский запрос»)
is not the answer."""
import pytest

from maslihat.corpus.index import scoring
from maslihat.corpus.index.query import plan
from maslihat.nlp.definitions import defined_term
from tests.index.small_corpus import assert_same_first, corpus_fixture, small_corpus

RU = """ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН
О депутатских запросах в тестовом регионе

Статья 1. Основные понятия, используемые в настоящем Законе

В настоящем Законе используются следующие основные понятия:
1) депутатский запрос – оформленное в письменной форме требование депутата маслихата к должностным лицам государственных органов дать официальное разъяснение или изложить позицию по вопросам, отнесенным к ведению маслихата, внесенное на сессию маслихата и поддержанное большинством депутатов;
2) письменный депутатский запрос – депутатский запрос, направленный почтой;
3) ответ на депутатский запрос – письменный документ должностного лица.

Статья 2. Порядок внесения депутатского запроса

1. Депутатский запрос, а также повторный депутатский запрос вносится на сессию.
2. Депутатский запрос, а также повторный депутатский запрос рассматривается на сессии.
3. Депутатский запрос, а также повторный депутатский запрос оглашается на сессии.
"""
KK = """ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ ЗАҢЫ
Тестовый өңірдегі депутаттық сауалдар туралы

1-бап. Осы Заңда пайдаланылатын негізгі ұғымдар

Осы Заңда мынадай негізгі ұғымдар пайдаланылады:
1) депутаттық сауал – мәслихат депутатының мемлекеттік органдардың лауазымды адамдарына мәслихаттың қарауына жатқызылған мәселелер бойынша ресми түсініктеме беру немесе ұстанымын баяндау туралы жазбаша нысанда ресімделген, мәслихат сессиясына енгізілген және депутаттардың көпшілігі қолдаған талабы;
2) жазбаша депутаттық сауал – поштамен жіберілген депутаттық сауал;
3) депутаттық сауалға жауап – лауазымды адамның жазбаша құжаты.

2-бап. Депутаттық сауалды енгізу тәртібі

1. Депутаттық сауал, сондай-ақ қайталама депутаттық сауал сессияға енгізіледі.
2. Депутаттық сауал, сондай-ақ қайталама депутаттық сауал сессияда қаралады.
3. Депутаттық сауал, сондай-ақ қайталама депутаттық сауал сессияда жарияланады.
"""


@pytest.mark.parametrize("text,term", [
    ("2) анонимное обращение - обращение, по которому невозможно установить авторство", "анонимное обращение"),
    ("1-2) видеообращение – направленное субъекту обращение", "видеообращение"),
    ("25) нормативтік құқықтық акт – республикалық референдумда қабылданған", "нормативтік құқықтық акт"),
    ("3. Депутатский запрос — требование депутата", "Депутатский запрос"),
    ("Жергілікті мемлекеттік басқару дегеніміз – бұл заң актілерінде", "Жергілікті мемлекеттік басқару"),
    ("Под местным самоуправлением понимается деятельность населения", "местным самоуправлением"),
    ("Под этим понимается любое обращение", None),                       # a pronoun is no notion
    ("28. Сессия маслихата правомочна, если на ней присутствует", None),
    ("Статья 1. Основные понятия", None),
    ("1) Қала-курорт мәслихаты сессияға жиналады", None),          # a hyphen inside a word
    ("5) " + "өте ұзақ " * 10 + "сөйлем – бұл анықтама емес", None),    # a sentence, not a notion
])
def test_the_notion_a_provision_defines(text, term):
    assert defined_term(text) == term


@pytest.mark.parametrize("query,lang,asks", [
    ("что такое депутатский запрос", "ru", True),
    ("что понимается под депутатским запросом", "ru", True),
    ("депутаттық сауал дегеніміз не", "kk", True),
    ("депутаттық сауал нені білдіреді", "kk", True),
    ("депутатский запрос что это", "ru", True),
    ("понятие депутатского запроса", "ru", True),
    ("депутаттық сауал анықтамасы", "kk", True),
    ("депутаттық сауал деген қандай құжат", "kk", True),
    ("депутатский запрос", "ru", False),
    ("кто вносит депутатский запрос", "ru", False),
    # «what counts as …» (session 31)
    ("что считается депутатским запросом", "ru", True),
    ("я написал письмо акиму это считается депутатским запросом", "ru", True),
    ("депутаттық сауал деп нені айтады", "kk", True),
    ("депутаттық сауал деп не саналады", "kk", True),
    ("мәслихат сессиясы қашан заңды болып саналады", "kk", False),   # when a rule holds, not what a notion is
    ("когда сессия считается правомочной", "ru", False),
])
def test_which_questions_ask_for_a_definition(query, lang, asks):
    assert ("definition" in plan(query, None).answer) is asks


corpus = corpus_fixture("definition", {"law_ru.txt": RU, "law_kk.txt": KK})


QUESTIONS = [("что такое депутатский запрос", "ru", "1) депутатский запрос –"),
             ("понятие депутатского запроса", "ru", "1) депутатский запрос –"),
             ("депутаттық сауал дегеніміз не", "kk", "1) депутаттық сауал –"),
             ("депутаттық сауал ұғымы", "kk", "1) депутаттық сауал –"),
             ("депутаттық сауал деген қандай", "kk", "1) депутаттық сауал –")]


@pytest.mark.parametrize("query,lang,want", QUESTIONS)
def test_the_definition_comes_first(corpus, query, lang, want, monkeypatch):
    hits = corpus.search(query, lang=lang, limit=3)["hits"]
    assert hits[0]["text"].startswith(want), hits[0]["text"]
    assert "повторный" not in hits[1]["text"] and "қайталама" not in hits[1]["text"]  # the wider notion next
    monkeypatch.setattr(scoring, "DEFINITION", 1.0)      # without the rule the repeated mentions win
    monkeypatch.setattr(scoring, "DEFINITION_WIDER", 1.0)
    assert not corpus.search(query, lang=lang, limit=3)["hits"][0]["text"].startswith(want)


NAMED_AMONG = [("что считается депутатским запросом по закону о запросах", "ru", "1) депутатский запрос –"),
               ("закон бойынша депутаттық сауал деп нені айтады", "kk", "1) депутаттық сауал –")]


@pytest.mark.parametrize("query,lang,want", NAMED_AMONG)
def test_a_question_naming_the_notion_among_other_words_gets_its_definition_first(corpus, query, lang, want,
                                                                                 monkeypatch):
    """«что считается кладбищем по правилам погребения»: the question names more than the notion
    (the act, the user's case); the provision defining the notion it names still comes first."""
    def first():
        return corpus.search(query, lang=lang, limit=3)["hits"][0]["text"]
    assert first().startswith(want)
    monkeypatch.setattr(scoring, "DEFINITION", 1.0)        # without the rule the repeated mentions win
    monkeypatch.setattr(scoring, "DEFINITION_WIDER", 1.0)
    assert not first().startswith(want)


@pytest.mark.parametrize("query,lang,want", [("депутатский запрос", "ru", "1) депутатский запрос –"),
                                              ("депутаттық сауал", "kk", "1) депутаттық сауал –")])
def test_a_query_of_only_a_notions_words_gets_its_definition_first(corpus, query, lang, want, monkeypatch):
    """A user who types a notion and nothing else asks what it is, as «что такое …» does: its
    definition comes before the points that repeat the notion; only the short
    definition of a wider notion that repeats it twice may stand above it."""
    def rank():
        hits = corpus.search(query, lang=lang, limit=10)["hits"]
        return next(i for i, h in enumerate(hits) if h["text"].startswith(want))
    assert rank() <= 1
    monkeypatch.setattr(scoring, "DEFINITION", 1.0)        # without the rule the repeated mentions win
    monkeypatch.setattr(scoring, "DEFINITION_WIDER", 1.0)
    assert rank() > 2


@pytest.mark.parametrize("query,lang", [("внесение депутатского запроса на сессию", "ru"),
                                        ("депутаттық сауалды сессияға енгізу", "kk")])
def test_a_keyword_query_naming_more_than_the_notion_is_not_reordered(corpus, query, lang, monkeypatch):
    a = [h["unit_id"] for h in corpus.search(query, lang=lang, limit=10)["hits"]]
    monkeypatch.setattr(scoring, "DEFINITION", 1.0)
    monkeypatch.setattr(scoring, "DEFINITION_WIDER", 1.0)
    assert a == [h["unit_id"] for h in corpus.search(query, lang=lang, limit=10)["hits"]]


@pytest.mark.elasticsearch
def test_elasticsearch_puts_the_same_definition_first(tmp_path, es_url, corpus):
    assert_same_first(tmp_path, es_url, corpus, {"law_ru.txt": RU, "law_kk.txt": KK},
                      [(query, lang) for query, lang, _ in QUESTIONS + NAMED_AMONG])


def test_the_notions_are_kept_with_the_corpus(corpus):
    rows = dict(corpus.store.conn.execute("SELECT notion, language FROM defines"))
    assert rows.get("депутатский запрос") == "ru" and rows.get("депутаттық сауал") == "kk"
    assert rows.get("письменный депутатский запрос") == "ru"
    assert not any("вносится" in n or "енгізіледі" in n for n in rows)     # points that use it


def test_a_corpus_from_before_the_notions_answers_alike_and_reindex_keeps_them(tmp_path):
    """A corpus written before the ``defines`` table reads the candidates' texts instead; `maslihat
    reindex` fills the table and the answers stay the same."""
    from maslihat.corpus.converge import rebuild

    def answers(c):
        return {q: [h["unit_id"] for h in c.search(q, lang=lang, limit=3)["hits"]] for q, lang, _ in QUESTIONS}
    with small_corpus(tmp_path, {"law_ru.txt": RU, "law_kk.txt": KK}) as c:
        want = answers(c)
        with c.store.transaction():                          # as an older file: no notions kept
            c.store.conn.execute("DELETE FROM defines")
            c.store.conn.execute("DELETE FROM meta WHERE key='defines_complete'")
        assert answers(c) == want
        rebuild(c, "sqlite")
        assert c.store.conn.execute("SELECT COUNT(*) FROM defines").fetchone()[0] >= 6
        assert c.store.conn.execute("SELECT 1 FROM meta WHERE key='defines_complete'").fetchone()
        assert answers(c) == want


@pytest.mark.parametrize("text", [
    "2) алып тасталды – ҚР 2020.06.29 № 351-VI Заңымен.",                 # a repealed item
    "4) исключен – Законом РК от 29.06.2020 № 351-VI.",
    "8) для нормативных постановлений Верховного Суда – председателем",   # a function word first
    "1) кодекстер үшін – кодекстің атауы",                                # … or last
    "5) постановления акимата, решения акима – акимом",                  # a list of several
])
def test_what_is_not_a_notion(text):
    assert defined_term(text) is None


def test_show_names_the_notion_a_provision_defines(corpus):
    rows = dict(corpus.store.conn.execute("SELECT notion, unit_id FROM defines"))
    for notion in ("депутатский запрос", "депутаттық сауал"):
        assert corpus.show(rows[notion])["defines"] == notion
    point = next(u for u in corpus.store.units(rows["депутатский запрос"].split("/article_1/")[0])
                 if u.kind == "point")
    assert corpus.show(point.id)["defines"] is None


APPEALS_RU = """ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН
Об обращениях в тестовом регионе

Статья 1. Основные понятия, используемые в настоящем Законе

1) обращение – направленное в государственный орган письменное или устное предложение, заявление, жалоба, запрос или отклик физического или юридического лица, которое этот орган рассматривает;
2) жалоба – требование лица о восстановлении его прав.

Статья 4. Субъекты

1. Обращения рассматривают государственные органы в пределах их компетенции.
"""
APPEALS_KK = """ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ ЗАҢЫ
Тестовый өңірдегі өтініштер туралы

1-бап. Осы Заңда пайдаланылатын негізгі ұғымдар

1) өтініш – өтініштерді қарайтын субъектіге жіберілген, осы Заңда белгіленген тәртіппен қаралатын жеке немесе заңды тұлғаның жазбаша не ауызша ұсынысы, арызы, шағымы, сұрау салуы немесе үн қосуы;
2) шағым – тұлғаның өз құқықтарын қалпына келтіру туралы талабы.

4-бап. Субъектілер

1. Өтініштерді мемлекеттік органдар өз құзыреті шегінде қарайды.
"""
RULE_QUESTIONS = [("кто рассматривает обращения", "1. Обращения рассматривают"),
                  ("өтініштерді кім қарайды", "1. Өтініштерді мемлекеттік")]


appeals = corpus_fixture("appeals", {"a_ru.txt": APPEALS_RU, "a_kk.txt": APPEALS_KK})


@pytest.mark.parametrize("query,want", RULE_QUESTIONS)
def test_a_question_asking_who_gets_the_rule_not_the_definition(appeals, query, want, monkeypatch):
    """«кто рассматривает обращения» is answered by the provision that says who, not by the
    definition of «обращение» that repeats the question's words."""
    assert appeals.search(query, limit=3)["hits"][0]["text"].startswith(want)
    monkeypatch.setattr(scoring, "DEFINITION_ASIDE", 1.0)       # without the rule the definition wins
    assert not appeals.search(query, limit=3)["hits"][0]["text"].startswith(want)


def test_a_keyword_query_still_finds_the_definition_first(appeals):
    """Only questions set definitions aside: the bare notion keeps its definition on top."""
    assert appeals.search("обращение физического лица", limit=3)["hits"][0]["text"].startswith("1) обращение –")


@pytest.mark.elasticsearch
def test_elasticsearch_sets_the_definition_aside_alike(tmp_path, es_url, appeals):
    with small_corpus(tmp_path, {"a_ru.txt": APPEALS_RU, "a_kk.txt": APPEALS_KK}, es_url) as ce:
        for query, want in RULE_QUESTIONS:
            assert ce.search(query, limit=3)["hits"][0]["text"].startswith(want)


def test_a_documents_notions_written_again_replace_its_old_ones_only(tmp_path):
    """``put_defines`` of a document (here by ``maslihat reindex``) drops the notions its units
    defined before and keeps every other document's, in Russian and Kazakh: ids that extend the
    document's id (``…/ru@2``, another edition) are another document's."""
    from maslihat.corpus.converge import rebuild
    with small_corpus(tmp_path, {"law_ru.txt": RU, "law_kk.txt": KK}) as c:
        rows = c.store.conn.execute("SELECT unit_id, document_id, language, notion FROM defines").fetchall()
        docs = sorted({(d, lang) for _u, d, lang, _n in rows})
        assert {lang for _d, lang in docs} == {"ru", "kk"}
        with c.store.transaction():
            for d, lang in docs:
                c.store.conn.executemany("INSERT INTO defines VALUES (?,?,?,?)", [
                    (f"{d}/point_99", d, lang, "устаревшее понятие"),           # this document's, stale
                    (f"{d}@2/point_1", f"{d}@2", lang, "понятие другой редакции")])  # another document's
        rebuild(c, "sqlite")
        after = c.store.conn.execute("SELECT unit_id, document_id, language, notion FROM defines").fetchall()
        assert sorted(after) == sorted(rows + [(f"{d}@2/point_1", f"{d}@2", lang, "понятие другой редакции")
                                               for d, lang in docs])
