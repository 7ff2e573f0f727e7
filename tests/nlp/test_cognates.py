"""Cognates across the two languages (issue 16): a word with no translation in the thesaurus or the
learned table is also searched by the root it shares with its cognate («англосаксонский» ->
англосаксон*: «англосаксондық»). The rules are data (``nlp/lang/<lang>/cognates.txt``); each
rule's own example is checked: the word gives the root, and the other language's word, as the
index holds it, starts with it."""
import re
from pathlib import Path

import pytest

from maslihat.corpus.index.query import TPrefix, plan, terms_of
from maslihat.nlp import analyze

LANG = Path(analyze.__file__).with_name("lang")
EXAMPLE = re.compile(r"^(\S+)\s*->\s*(\S*)\s*#\s*(\S+)\s*->\s*(\S+)\s*\((\S+)\)")
OTHER = {"ru": "kk", "kk": "ru"}


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_every_rule_gives_its_own_example(lang):
    lines = [m for m in (EXAMPLE.match(x) for x in (LANG / lang / "cognates.txt").read_text(encoding="utf-8").splitlines())
             if m]
    least, rules = analyze.cognate_rules(lang)
    assert len(lines) == len(rules) >= 5 and least >= 5
    for m in lines:
        ending, _, word, root, other = m.groups()
        (term,) = terms_of(word, lang)
        assert analyze.cognate_root(term, lang) == root, m.group(0)
        (other_term,) = terms_of(other, OTHER[lang])
        assert other_term.startswith(root), (m.group(0), other_term)


def test_native_words_and_short_roots_have_none():
    assert analyze.cognate_root("сотрудник", "ru") == "" and analyze.cognate_root("топливо", "ru") == ""
    assert analyze.cognate_root("шалғай", "kk") == "" and analyze.cognate_root("плата", "ru") == ""


@pytest.mark.parametrize("query,lang,target,root", [
    ("англосаксонская модель самоуправления", "ru", "kk", "англосаксон"),
    ("прокурорлық қадағалау", "kk", "ru", "прокурор")])
def test_an_untranslated_word_reaches_its_cognate_in_the_other_language_only(query, lang, target, root):
    p = plan(query, None)
    assert p.src == lang
    prefixes = {n.stem for n in _walk(p.by_lang[target]) if isinstance(n, TPrefix)}
    assert root in prefixes
    assert root not in {n.stem for n in _walk(p.by_lang[lang]) if isinstance(n, TPrefix)}   # its own language: the word


def _walk(node):
    yield node
    for attr in ("concepts", "extras", "items"):
        for child in getattr(node, attr, ()) or ():
            yield from _walk(child)
    if hasattr(node, "item"):
        yield from _walk(node.item)


KK_ONLY = """Жергілікті өзін-өзі басқарудың модельдері туралы

1. Англосаксондық модель Ұлыбританияда, АҚШ-та, Канадада қолданылады.

2. Континенттік модель Франция мен Италияда қолданылады.

3. Мәслихат сессиясы жылына кемінде төрт рет шақырылады.

4. Сессияны мәслихат хатшысы шақырады.

5. Депутаттық сауалға жауап бір ай ішінде беріледі.

6. Тұрақты комиссиялардың құрамын мәслихат бекітеді.

7. Әкімнің есебі жылына бір рет тыңдалады.
"""


def test_a_russian_query_finds_the_kazakh_only_provision_through_the_cognate(tmp_path, monkeypatch):
    from tests.index.small_corpus import small_corpus

    def scores(c):
        hits = c.search("англосаксонская модель", lang="kk", limit=5)["hits"]
        return {w: max((h["score"] for h in hits if w in h["text"]), default=0.0)
                for w in ("Англосаксондық", "Континенттік")}
    with small_corpus(tmp_path, {"models_kk.txt": KK_ONLY}) as c:
        on = scores(c)
        assert on["Англосаксондық"] > on["Континенттік"] > 0
        monkeypatch.setattr(analyze, "cognate_root", lambda term, lang: "")
        off = scores(c)
        assert off["Англосаксондық"] <= off["Континенттік"]       # «модель» alone: nothing tells them apart


@pytest.mark.parametrize("kk_words, ru_words", [
    ("бюллетеньдер бюллетендер бюллетені бюллетенге", "бюллетень бюллетеней"),
    ("моделі модельдері", "модель моделей"), ("автомобилдері автомобильге", "автомобиль автомобилей"),
    ("алкогольден", "алкоголь алкоголя"), ("паролі парольді", "пароль пароля")])
def test_a_loan_in_a_soft_sign_is_the_russian_nouns_term(kk_words, ru_words):
    """The Kazakh stem keeps the soft sign the Russian lemma has (nlp/lang/kk/soft_loans.txt): the
    loan meets the Russian noun as a word spelled alike, in every form of either language."""
    terms = {t for w in kk_words.split() for t in terms_of(w, "kk")} | \
            {t for w in ru_words.split() for t in terms_of(w, "ru")}
    assert len(terms) == 1, terms


@pytest.mark.parametrize("kk, ru", [("дизельді", "дизельный"), ("алкогольді", "алкогольный"),
                                    ("мобильді", "мобильный"), ("муниципалдық", "муниципальный"),
                                    ("фискалды", "фискальный")])
def test_the_roots_of_a_soft_sign_loans_adjectives_meet(kk, ru):
    """Both directions: each side's cognate root is a prefix of the other side's term."""
    (k,), (r,) = terms_of(kk, "kk"), terms_of(ru, "ru")
    k_root, r_root = analyze.cognate_root(k, "kk"), analyze.cognate_root(r, "ru")
    assert k_root and r_root and r.startswith(k_root) and k.startswith(r_root), (k, k_root, r, r_root)
