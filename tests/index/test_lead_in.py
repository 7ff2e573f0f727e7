"""A hit that is an item of a list carries the words that open the list (``lead_in``): «4)
подписывает решения маслихата» does not say who signs, «41. Председатель сессии маслихата:» above
it does. The JSON, the command line's text report and the app show it; a provision that is no
list's item has none, and an article's title is not a list's opening."""
import json
import subprocess
import sys

import pytest

from tests.index.small_corpus import corpus_fixture

RU = """РЕШЕНИЕ МАСЛИХАТА ТЕСТОВОГО РАЙОНА
Об утверждении Регламента тестового районного маслихата

1. Сессия маслихата созывается секретарем маслихата не реже четырех раз в год.
2. Председатель сессии маслихата:
1) ведет заседания сессии;
2) подписывает решения маслихата, принятые на сессии;
3) обеспечивает соблюдение регламента.
3. Депутат маслихата обязан:
- присутствовать на заседаниях сессии;
- рассылать избирателям отчеты о своей работе.
"""
KK = """ТЕСТОВЫЙ АУДАНДЫҚ МӘСЛИХАТЫНЫҢ ШЕШІМІ
Тестовый аудандық мәслихатының Регламентін бекіту туралы

1. Мәслихат сессиясын мәслихат хатшысы жылына кемінде төрт рет шақырады.
2. Мәслихат сессиясының төрағасы:
1) сессия отырыстарын жүргізеді;
2) сессияда қабылданған мәслихат шешімдеріне қол қояды;
3) регламенттің сақталуын қамтамасыз етеді.
3. Мәслихат депутаты:
- сессия отырыстарына қатысуға;
- сайлаушыларға өз жұмысы туралы есептерді таратуға міндетті.
"""
LAW = """ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН
О тестовых депутатах

Статья 5. Права депутата
1. Депутат вправе:
1) вносить предложения на сессию;
2) получать ответы на запросы.
"""

# articles with no title, as the Constitution's: the article's own words are its number alone
UNTITLED_RU = """КОНСТИТУЦИЯ ТЕСТОВОЙ РЕСПУБЛИКИ

Статья 86
1. Местные представительные органы выражают волю населения.
2. Маслихаты избираются населением сроком на пять лет.
3. К ведению маслихатов относятся:
1) утверждение местного бюджета;
2) образование постоянных комиссий.
"""
UNTITLED_KK = """ТЕСТОВЫЙ РЕСПУБЛИКАСЫНЫҢ КОНСТИТУЦИЯСЫ

86-бап
1. Жергілікті өкілді органдар халықтың еркін білдіреді.
2. Мәслихаттарды халық бес жыл мерзімге сайлайды.
3. Мәслихаттардың қарауына мыналар жатады:
1) жергілікті бюджетті бекіту;
2) тұрақты комиссияларды құру.
"""

corpus = corpus_fixture("lead_in", {"reg_ru.txt": RU, "reg_kk.txt": KK, "law_ru.txt": LAW,
                                    "const_ru.txt": UNTITLED_RU, "const_kk.txt": UNTITLED_KK})


def hit(c, query, lang, label):
    return next(h for h in c.search(query, lang=lang, limit=20)["hits"] if h["label"] == label)


@pytest.mark.parametrize("query,lang,label,lead", [
    ("кто подписывает решения маслихата", "ru", "пп. 2) п. 2", "2. Председатель сессии маслихата:"),
    ("шешімдерге кім қол қояды", "kk", "2-тармақтың 2) тармақшасы", "2. Мәслихат сессиясының төрағасы:"),
])
def test_a_list_item_carries_the_words_that_open_its_list(corpus, query, lang, label, lead):
    assert hit(corpus, query, lang, label)["lead_in"] == lead


@pytest.mark.parametrize("query,lang,label,lead", [
    ("рассылать избирателям отчеты", "ru", "п. 3 абз. 2", "3. Депутат маслихата обязан:"),
    ("сайлаушыларға есептерді тарату", "kk", "3-тармақ, 2-абзац", "3. Мәслихат депутаты:"),
])
def test_a_dashed_item_of_a_point_carries_its_opening_too(corpus, query, lang, label, lead):
    assert hit(corpus, query, lang, label)["lead_in"] == lead


@pytest.mark.parametrize("query,lang", [("сессия созывается не реже четырех раз", "ru"),
                                        ("сессиясын жылына кемінде төрт рет шақырады", "kk")])
def test_a_provision_that_is_no_lists_item_has_none(corpus, query, lang):
    top = corpus.search(query, lang=lang, limit=1)["hits"][0]
    assert top["label"] in ("п. 1", "1-тармақ") and top["lead_in"] is None


def test_an_articles_title_is_not_a_lists_opening(corpus):
    h = hit(corpus, "вносить предложения на сессию", "ru", "ст. 5 п. 1 пп. 1)")
    assert h["lead_in"] == "1. Депутат вправе:"          # the point's opening, not «Статья 5. Права депутата»
    assert hit(corpus, "права депутата", "ru", "ст. 5 п. 1")["lead_in"] is None


def test_the_text_report_shows_the_opening_above_the_item(corpus):
    out = subprocess.run([sys.executable, "-m", "maslihat.cli", "search", "кто подписывает решения маслихата",
                          "--limit", "3", "--db", corpus.db_path], capture_output=True, text=True, check=True).stdout
    lines = out.splitlines()
    at = next(i for i, line in enumerate(lines) if "пп. 2) п. 2 |" in line)
    assert lines[at + 2].strip() == "2. Председатель сессии маслихата: …"
    assert "подписывает" in lines[at + 3]
    js = json.loads(subprocess.run([sys.executable, "-m", "maslihat.cli", "search", "кто подписывает решения",
                                    "--json", "--limit", "3", "--db", corpus.db_path],
                                   capture_output=True, text=True, check=True).stdout)
    assert all("lead_in" in h for h in js["hits"])


@pytest.mark.parametrize("query,lang,label,lead", [
    ("кто подписывает решения маслихата", "ru", "пп. 2) п. 2", "2. Председатель сессии маслихата:"),
    ("шешімдерге кім қол қояды", "kk", "2-тармақтың 2) тармақшасы", "2. Мәслихат сессиясының төрағасы:"),
])
def test_show_of_an_item_says_what_opens_its_list(corpus, query, lang, label, lead):
    uid = hit(corpus, query, lang, label)["unit_id"]
    assert corpus.show(uid)["lead_in"] == lead
    assert corpus.show(uid.rsplit("/", 1)[0])["lead_in"] is None          # the point itself: no list above it
    out = subprocess.run([sys.executable, "-m", "maslihat.cli", "show", uid, "--db", corpus.db_path],
                         capture_output=True, text=True, check=True).stdout.splitlines()
    assert out[1] == f"{lead} …" and out[2].startswith("2) ")


@pytest.mark.parametrize("query,lang,point,item,opening", [
    ("маслихаты избираются сроком на пять лет", "ru", "ст. 86 п. 2", "ст. 86 п. 3 пп. 1)",
     "3. К ведению маслихатов относятся:"),
    ("мәслихаттарды бес жыл мерзімге сайлайды", "kk", "86-баптың 2-тармағы", "86-баптың 3-тармағының 1) тармақшасы",
     "3. Мәслихаттардың қарауына мыналар жатады:"),
])
def test_an_untitled_articles_points_are_not_its_opening(corpus, query, lang, point, item, opening):
    """An article with no title opens no list: its point 2 has no lead-in (was the article's text down to
    its point 3's colon), and the items of point 3 are opened by point 3 alone."""
    assert hit(corpus, query, lang, point)["lead_in"] is None
    item_hit = hit(corpus, "утверждение местного бюджета" if lang == "ru" else "жергілікті бюджетті бекіту", lang, item)
    assert item_hit["lead_in"] == opening
