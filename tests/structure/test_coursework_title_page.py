"""A student's coursework as it is usually handed in: a title page (ministry, university, «КУРСОВАЯ
РАБОТА», the announced topic, the author), then the contents, whose last entry names the bibliography
with its page. The contents are one unit; the text under them keeps its headings and paragraphs (the
contents' «Список использованной литературы 24» does not open the bibliography: every paragraph after it
used to become a bibliography entry); the bibliography opens at its own heading; the title is the topic."""
import pytest

from maslihat.corpus.api import Corpus

RU = """МИНИСТЕРСТВО НАУКИ И ВЫСШЕГО ОБРАЗОВАНИЯ РЕСПУБЛИКИ КАЗАХСТАН
Тестовый государственный университет

КУРСОВАЯ РАБОТА

на тему: «Компетенция маслихатов в системе местного государственного управления»

Выполнил: студент 3 курса А. Тестов

СОДЕРЖАНИЕ
Введение 3
1. Правовой статус маслихатов 5
2. Проблемы и перспективы 15
Заключение 22
Список использованной литературы 24

ВВЕДЕНИЕ

Актуальность темы исследования обусловлена реформой местного самоуправления.

1. ПРАВОВОЙ СТАТУС МАСЛИХАТОВ

Маслихат является выборным органом, который выражает волю населения области.

2. ПРОБЛЕМЫ И ПЕРСПЕКТИВЫ

Автор полагает, что полномочия маслихатов следует расширить.

ЗАКЛЮЧЕНИЕ

Таким образом, маслихаты играют важную роль в местном управлении.

СПИСОК ИСПОЛЬЗОВАННОЙ ЛИТЕРАТУРЫ
1. Конституция Республики Казахстан от 30 августа 1995 года.
2. Тестов А.А. Местное управление в Казахстане. – Алматы, 2015. – 200 с.
"""
KK = """ҚАЗАҚСТАН РЕСПУБЛИКАСЫ ҒЫЛЫМ ЖӘНЕ ЖОҒАРЫ БІЛІМ МИНИСТРЛІГІ
Тестовый мемлекеттік университеті

КУРСТЫҚ ЖҰМЫС

Тақырыбы: «Мәслихаттардың жергілікті мемлекеттік басқарудағы құзыреті»

Орындаған: 3 курс студенті А. Тестов

МАЗМҰНЫ
Кіріспе 3
1. Мәслихаттардың құқықтық мәртебесі 5
2. Мәселелер мен болашағы 15
Қорытынды 22
Пайдаланылған әдебиеттер тізімі 24

КІРІСПЕ

Зерттеу тақырыбының өзектілігі жергілікті өзін-өзі басқару реформасына байланысты.

1. МӘСЛИХАТТАРДЫҢ ҚҰҚЫҚТЫҚ МӘРТЕБЕСІ

Мәслихат облыс халқының еркін білдіретін сайланбалы орган болып табылады.

2. МӘСЕЛЕЛЕР МЕН БОЛАШАҒЫ

Автордың пікірінше, мәслихаттардың өкілеттіктерін кеңейту қажет.

ҚОРЫТЫНДЫ

Осылайша, мәслихаттар жергілікті басқаруда маңызды рөл атқарады.

ПАЙДАЛАНЫЛҒАН ӘДЕБИЕТТЕР ТІЗІМІ
1. Қазақстан Республикасының Конституциясы, 1995 жылғы 30 тамыз.
2. Тестов А.А. Қазақстандағы жергілікті басқару. – Алматы, 2015. – 200 б.
"""
TOPIC = {"ru": "Компетенция маслихатов в системе местного государственного управления",
         "kk": "Мәслихаттардың жергілікті мемлекеттік басқарудағы құзыреті"}


def _read(tmp_path, text: str, lang: str):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / f"kursovaya_{lang}.txt").write_text(text, encoding="utf-8")
    c = Corpus(str(tmp_path / "c.sqlite"))
    try:
        c.ingest([str(tmp_path / "in")])
        [d] = c.store.documents()
        return d, c.store.units(d.id)
    finally:
        c.close()


@pytest.mark.parametrize("text,lang", [(RU, "ru"), (KK, "kk")])
def test_the_title_is_the_announced_topic(tmp_path, text, lang):
    d, _ = _read(tmp_path, text, lang)
    assert (d.doc_type, d.language, d.title) == ("coursework", lang, TOPIC[lang])


@pytest.mark.parametrize("text,lang", [(RU, "ru"), (KK, "kk")])
def test_the_text_under_the_contents_keeps_its_paragraphs_and_the_bibliography_its_entries(tmp_path, text, lang):
    d, units = _read(tmp_path, text, lang)
    kinds = [u.kind for u in units]
    assert kinds.count("toc") == 1
    bib = [u for u in units if u.kind == "bibliography_entry"]
    assert len(bib) == 2 and all(d.text[u.start:u.end].lstrip().startswith(("1.", "2.")) for u in bib)
    paras = [d.text[u.start:u.end] for u in units if u.kind == "paragraph"]
    for words in ({"ru": "реформой местного самоуправления", "kk": "реформасына байланысты"}[lang],
                  {"ru": "играют важную роль", "kk": "маңызды рөл атқарады"}[lang]):
        assert any(words in p for p in paras), words
    toc = next(u for u in units if u.kind == "toc")
    assert {"ru": "Список использованной литературы 24", "kk": "Пайдаланылған әдебиеттер тізімі 24"}[lang] \
        in d.text[toc.start:toc.end]
