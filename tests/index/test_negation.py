"""Issue 16: Kazakh writes «not» as a word after the word it negates («нормативтік емес құқықтық
акт» = «ненормативный правовой акт»). Dropped like a stop word it turned a question about
non-normative acts into one about normative acts; the word and its negation are one term."""
import pytest

from maslihat.nlp.analyze import TermIndex, index_terms
from tests.index.small_corpus import corpus_fixture, small_corpus

KK = """ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ ЗАҢЫ
Тестовый өңірдегі құқықтық актілер туралы

1-бап. Құқықтық актілердің түрлері

1. Нормативтік құқықтық актілерге мәслихаттың нормативтік құқықтық шешімдері жатады.
2. Нормативтік емес құқықтық актілерге мәслихаттың нормативтік емес құқықтық шешімдері жатады.
3. Мәслихат депутаты сессияға қатысуға құқылы.
4. Мәслихат депутаты басқа депутатқа өз дауысын беруге құқылы емес.
"""
RU = """ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН
О правовых актах в тестовом регионе

Статья 1. Общие положения

1. Правовые акты принимаются маслихатом.
"""


def test_a_word_and_its_negation_are_one_term():
    assert index_terms("Нормативтік емес құқықтық актілер", "kk") == ["нормативтікемес", "құқықтық", "акт"]
    assert index_terms("Нормативтік құқықтық актілер", "kk") == ["нормативтік", "құқықтық", "акт"]
    assert index_terms("не менее десяти дней", "ru") == index_terms("менее десяти дней", "ru")   # Russian: «не» first
    text = "Депутат құқылы емес. Нормативтік емес акт"
    ti = TermIndex(text, "kk")
    for end in range(1, len(text) + 1):                     # any span, also one that cuts «құқылы | емес»
        assert ti.terms_of(0, end) == index_terms(text[:end], "kk"), end


corpus = corpus_fixture("negation", {"law_kk.txt": KK, "law_ru.txt": RU})


CASES = [("нормативтік емес құқықтық актілер", "kk", "2. Нормативтік емес"),
         ("нормативтік құқықтық актілер", "kk", "1. Нормативтік құқықтық"),
         ("ненормативные правовые акты", "kk", "2. Нормативтік емес"),       # across languages
         ("депутат дауысын беруге құқылы емес", "kk", "4. Мәслихат депутаты басқа")]


@pytest.mark.parametrize("query,lang,want", CASES)
def test_the_negated_notion_is_found_not_its_opposite(corpus, query, lang, want):
    assert corpus.search(query, lang=lang, limit=3)["hits"][0]["text"].startswith(want)


@pytest.mark.elasticsearch
def test_elasticsearch_reads_the_negation_alike(tmp_path, es_url, corpus):
    with small_corpus(tmp_path, {"law_kk.txt": KK, "law_ru.txt": RU}, es_url) as ce:
        for query, lang, want in CASES:
            assert ce.search(query, lang=lang, limit=3)["hits"][0]["text"].startswith(want), query


PRIVATIVE_KK = """ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ ЗАҢЫ
Тестовый өңірдегі актілердің қолданылуы туралы

1-бап. Актілердің қолданылуы

1. Егер актінің өзінде өзгеше көзделмесе, мұндай акт мерзімсіз қолданылады.
2. Мәслихаттың регламенті сессияда бекітіледі.
3. Депутаттың сессияға қатысуы туралы мәслихат хатшысы хабарлайды.
"""
PRIVATIVE_RU = """ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН
О действии актов в тестовом регионе

Статья 1. Действие актов

1. Если в самом акте не предусмотрено иное, такой акт действует бессрочно.
2. Регламент маслихата утверждается на сессии.
3. О явке депутата на сессию сообщает секретарь маслихата.
"""
privative = corpus_fixture("privative", {"acts_kk.txt": PRIVATIVE_KK, "acts_ru.txt": PRIVATIVE_RU})


@pytest.mark.parametrize("query,lang,wanted", [
    ("актінің қолданылу мерзімі", "kk", "мерзімсіз"),    # the term of validity / «applies indefinitely»
    ("срок действия акта", "ru", "бессрочно"),
])
def test_a_question_about_a_term_finds_the_act_without_one(privative, query, lang, wanted):
    """The privative is another word in the index («мерзімсіз», «бессрочно»); a query about the
    term («мерзімі», «срок») still reaches it, as another form at reduced weight."""
    hits = privative.search(query, lang=lang, limit=3)["hits"]
    assert hits and wanted in hits[0]["text"], [h["text"][:60] for h in hits]


VOTES_KK = """Тестовый облыстық мәслихатының регламенті

1. Сессияда дауыс беру ашық немесе жасырын түрде өткізіледі.
2. Дауыс беру кезінде әрбір депутат бір дауысқа ие болады.
3. Рәсімдік мәселелер бойынша шешім сессия төрағасының ұсынысымен депутаттардың қолын көтеру арқылы, санамастан қабылданады.
4. Дауыс беру нәтижелерін есептеу комиссиясы санайды және сессияға баяндайды.
"""
votes = corpus_fixture("negated_converb", {"votes_kk.txt": VOTES_KK})


def test_a_negated_converb_meets_its_other_spelling(votes):
    """«санамай» and «санамастан» both say «without counting»: a question with one finds the rule
    written with the other (``nlp.lang.kk.verbs._negated``), above the points that only count."""
    hits = votes.search("дауыстарды санамай дауыс беруге бола ма", limit=3)["hits"]
    assert hits and "санамастан" in hits[0]["text"], [h["text"][:60] for h in hits]
