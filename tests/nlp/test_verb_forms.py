"""A question asks with a verb in one form, the act states the rule in another: «кім бекітеді»
against «бекітіледі», «награждают» against «награждаются». ``term_variants`` gives the index
terms of the verb's other forms, and best-match search uses them (issue 16)."""
import pytest

from maslihat.corpus.index.query import TBest, TOr, TPhrase, plan
from maslihat.corpus.index.scoring import VARIANT_WEIGHT
from maslihat.nlp.analyze import normalize_term, term_variants


@pytest.mark.parametrize("asked,stated", [
    ("бекітеді", "бекітіледі"),          # approves / is approved
    ("бекітеді", "бекіту"),              # the verbal noun of a heading
    ("бекітеді", "бекітілсін"),          # the optative of a decision's operative point
    ("тоқтатылады", "тоқтатады"),        # is terminated / terminates
    ("шақырылады", "шақыру"),
    ("сайланады", "сайлау"),             # is elected / election
    ("хаттамалайды", "хаттамаларын"),    # keeps the minutes / the minutes (the noun of a -ла verb)
    ("қарайды", "қаралады"),
    ("санамай", "санамастан"),           # without counting: the negated converb's two spellings
    ("санамастан", "санамай"),
    ("есептемей", "есептемеу"),          # … and the negated verbal noun
    ("кешіктірмей", "кешіктірместен"),   # not later than
    # a question says what was not done, the law what is done: the negated verb meets its positive forms
    ("қарамады", "қаралады"),            # (my application) was not considered / is considered
    ("келмесе", "келген"),               # if (the deputy) does not come / came
    ("өткізбеді", "өткізілді"),          # did not pass / was passed
    ("орындалмаған", "орындалады"),      # not carried out / is carried out
    # a stem in «-й» is written with «я»/«ю» before «а»/«у»: «қой·ады» = «қояды», «қой·у» = «қою»
    ("қояды", "қойылады"),               # (who) signs «қол қояды» / is signed «қол қойылады»
    ("қойылады", "қою"),                 # … / signing «қол қою»
    ("жояды", "жойылады"),               # annuls «күшін жояды» / is annulled
    ("жою", "жойған"),                   # annulment / having annulled
    # the stem's last consonant, voiced before a vowel, voiceless before a consonant
    ("шығады", "шыққан"),                # (a decision) comes out / came out
    ("шыққан", "шығады"),
    ("тапты", "табылады"),               # found / is found
])
def test_kazakh_verb_forms_meet(asked, stated):
    assert normalize_term(stated, "kk") in term_variants(asked, "kk")


@pytest.mark.parametrize("word", ["нәрсе", "тамада", "кеме"])
def test_a_noun_ending_like_a_negation_is_not_cut(word):
    """«нәрсе» (a thing) does not end in a negative conditional, nor «кеме» (a ship) in a negative
    particle: no shorter stem is made of them (only forms that keep the whole word, its privative)."""
    own = normalize_term(word, "kk")
    assert all(v.startswith(own) for v in term_variants(word, "kk"))


@pytest.mark.parametrize("asked,stated", [
    ("награждают", "награждаются"),
    ("рассматривается", "рассматривают"),
    ("созывают", "созываются"),
])
def test_russian_reflexive_pairs_meet(asked, stated):
    assert normalize_term(stated, "ru") in term_variants(asked, "ru")


@pytest.mark.parametrize("word,lang", [("депутаттың", "kk"), ("мәслихат", "kk"), ("сессия", "ru"),
                                       ("комиссия", "ru"), ("депутатский", "ru")])
def test_nouns_get_no_verb_forms(word, lang):
    """A noun's only variant is its privative («-сыз/-сіз», «без-/бес-…»), never a verb form."""
    for v in term_variants(word, lang):
        assert v.endswith(("сыз", "сіз")) if lang == "kk" else v.startswith(("без", "бес")), v


@pytest.mark.parametrize("asked,stated,lang", [
    ("мерзімі", "мерзімсіз", "kk"),       # «қолданылу мерзімі» / «акт мерзімсіз қолданылады»
    ("ақы", "ақысыз", "kk"),              # fee / free of charge
    ("рұқсаты", "рұқсатсыз", "kk"),       # permission / without permission
    ("себебі", "себепсіз", "kk"),
    ("срок", "бессрочно", "ru"),          # «срок действия» / «действует бессрочно»
    ("срока", "бессрочный", "ru"),
    ("платы", "бесплатного", "ru"),
    ("возмездие", "безвозмездной", "ru"),
])
def test_a_noun_meets_its_privative(asked, stated, lang):
    assert normalize_term(stated, lang) in term_variants(asked, lang)


def test_a_privative_word_does_not_reach_its_base():
    """«жұмыссыздарға» (the unemployed) must not spread to every «жұмыс» (work) of the corpus."""
    assert "жұмыс" not in term_variants("жұмыссыздарға", "kk")


def test_a_word_with_variants_keeps_its_adjacency_bonus():
    """The side-by-side bonus of two query words is built on their typed forms, also when one of
    them has other forms: «депутаттарының сайланбалылығы» must reward the units that say so."""
    node = plan("мәслихат депутаттарының сайланбалылығы", "kk").by_lang["kk"]
    pairs = [e.terms for e in node.extras if len(e.terms) == 2]
    assert ("мәслихат", "депутат") in pairs and ("депутат", "сайланбалылық") in pairs, node.extras
    node = plan("сессияны кім шақырады", "kk").by_lang["kk"]
    assert any(len(e.terms) == 2 for e in node.extras), node.extras


def test_the_typed_form_outweighs_the_other_forms():
    node = plan("сессияны кім шақырады", "kk").by_lang["kk"]
    assert isinstance(node, TBest)
    ors = [c for c in node.concepts if isinstance(c, TOr)]
    assert ors, node.concepts
    typed = [i for i in ors[0].items if isinstance(i, TPhrase) and i.weight == 1.0]
    others = [i for i in ors[0].items if isinstance(i, TPhrase) and i.weight == VARIANT_WEIGHT]
    assert typed and others and VARIANT_WEIGHT < 1.0


def test_strict_queries_keep_the_typed_form_only():
    node = plan("сессия AND шақырады", "kk").by_lang["kk"]
    assert not any(isinstance(i, TPhrase) and i.weight != 1.0 for i in _leaves(node))


def _leaves(node):
    items = getattr(node, "items", None) or getattr(node, "concepts", None)
    if items is None:
        return [node]
    return [leaf for i in items for leaf in _leaves(i)]


def test_a_question_in_the_active_finds_the_rule_in_the_passive(sample_corpus):
    ru = sample_corpus.search("как часто созывают очередную сессию", lang="ru", limit=3)
    assert any("созывается не реже" in h["text"] for h in ru["hits"]), [h["text"][:60] for h in ru["hits"]]
    kk = sample_corpus.search("кезектен тыс сессияны қашан шақырады", lang="kk", limit=3)
    assert any("шақырылады" in h["text"] for h in kk["hits"]), [h["text"][:60] for h in kk["hits"]]



@pytest.mark.parametrize("asked,stated", [
    ("бастығым", "бастық"),              # my boss -> boss (the voiced ending undone)
    ("итімді", "ит"),                    # my dog (accusative) -> dog
    ("өтінішімді", "өтініш"),
    ("дәлелдерімді", "дәлел"),           # my arguments -> argument
    ("үйім", "үй"),
])
def test_a_kazakh_first_person_possessive_meets_its_noun(asked, stated):
    """An everyday question says «my boss», «my dog»; the law says «бастық», «ит»."""
    assert normalize_term(stated, "kk") in term_variants(asked, "kk")


@pytest.mark.parametrize("word", ["шешім", "әкім", "қорым", "білім", "мерзім"])
def test_the_laws_nouns_ending_like_it_keep_their_meaning(word):
    """«шешім» (decision) is not «my шеш», «қорым» (cemetery) is not «my fund»: words the thesaurus
    knows get no first-person reading."""
    stems = {word[:-2], word[:-1]}
    assert not stems & set(term_variants(word, "kk"))
