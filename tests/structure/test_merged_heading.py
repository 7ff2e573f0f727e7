"""A title and the first numbered chapter heading joined on one Markdown heading line, as some
conversions of the repositories write them («## Регламент акимата … области 1. Общие положения»,
then «## 2. Планирование работы»): the first chapter is read as the others are, and its Russian and
Kazakh texts pair. Texts written for the test in the repositories' layout (names invented)."""

import pytest

from tests.exported import exported

FOLDER = "local-testovsk__1114-ob-utverzhdenii-reglamenta-akimata-900201"
META = """act_code: '900201'
requisite: Решение акима Тестовской области от 14 ноября 2001 года № 11-54
title:
  rus: Об утверждении регламента акимата Тестовской области
  kaz: Тестов облысы әкімиятының регламентін бекіту туралы
form: РЕШ
approved_on: 2001-11-14
"""

RU = """# Об утверждении регламента акимата Тестовской области

Аким Тестовской области РЕШИЛ:

1. Утвердить прилагаемый регламент акимата Тестовской области.

Приложение к решению акима Тестовской области от 14 ноября 2001 года № 11-54

## Регламент акимата Тестовской области {first}Общие положения

1\\. Акимат области входит в единую систему исполнительных органов.

2\\. Состав акимата формируется акимом.

## {second}Планирование работы

3\\. Акимат работает по планам на полугодие.
"""

KK = """# Тестов облысы әкімиятының регламентін бекіту туралы

Тестов облысының әкімі ШЕШТІ:

1. Тестов облысы әкімиятының қоса беріліп отырған регламенті бекітілсін.

Тестов облысы әкімінің 2001 жылғы 14 қарашадағы № 11-54 шешіміне қосымша

## Тестов облысы әкімиятының регламенті {first}Жалпы ережелер

1\\. Облыс әкімияты атқарушы органдардың бірыңғай жүйесіне кіреді.

2\\. Әкімияттың құрамын әкім жасақтайды.

## {second}Жұмысты жоспарлау

3\\. Әкімият жарты жылдық жоспарлар бойынша жұмыс істейді.
"""

NUMBERING = {"ru": ("1. ", "2. "), "kk": ("1-тарау. ", "2-тарау. ")}


def _files(ru_first, ru_second, kk_first, kk_second):
    return {f"{FOLDER}/meta.yaml": META,
            f"{FOLDER}/rus.md": RU.format(first=ru_first, second=ru_second),
            f"{FOLDER}/kaz.md": KK.format(first=kk_first, second=kk_second)}


def _exported(tmp_path, files):
    """The units of ``files``, each with its document's language."""
    docs, units, _ = exported(tmp_path, files)
    lang = {d["id"]: d["language"] for d in docs}
    return [{**u, "language": lang[u["document_id"]]} for u in units]


def _chapters(units, lang):
    return [u for u in units if u["language"] == lang and u["kind"] == "chapter"]


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_first_chapter_split_from_the_title(tmp_path, lang):
    ru1, ru2 = NUMBERING["ru"] if lang == "ru" else ("1. ", "2. ")
    kk1, kk2 = NUMBERING["kk"] if lang == "kk" else ("1-тарау. ", "2-тарау. ")
    units = _exported(tmp_path, _files(ru1, ru2, kk1, kk2))
    chapters = _chapters(units, lang)
    assert [c["number"] for c in chapters] == ["1", "2"]
    first = chapters[0]
    assert first["heading"] == {"ru": "Общие положения", "kk": "Жалпы ережелер"}[lang]
    points = [u for u in units if u["language"] == lang and u["kind"] == "point"
              and u["parent_id"] == first["id"]]
    assert [p["number"] for p in points] == ["1", "2"]
    # the act's title stays the appendix's heading, not a chapter's
    assert all("регламент" not in c["heading"].lower() for c in chapters)


@pytest.mark.parametrize("merged", ["ru", "kk"])
def test_first_chapters_pair_across_languages(tmp_path, merged):
    """One language's title and first chapter joined (as the real RU text of such an act has them),
    the other's on two lines: the first chapters pair."""
    files = _files("1. ", "2. ", "1-тарау. ", "2-тарау. ")
    apart = {"ru": ("kaz.md", "Тестов облысы әкімиятының регламенті "),
             "kk": ("rus.md", "Регламент акимата Тестовской области ")}[merged]
    name = f"{FOLDER}/{apart[0]}"
    files[name] = files[name].replace(apart[1], apart[1].rstrip() + "\n\n## ")
    units = _exported(tmp_path, files)
    ru, kk = _chapters(units, "ru"), _chapters(units, "kk")
    assert ru[0]["parallel_id"] == kk[0]["id"] and kk[0]["parallel_id"] == ru[0]["id"]


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_a_numbered_heading_at_its_start_is_not_split(tmp_path, lang):
    """«## Глава 1. Общие положения» then «## Глава 2. …»: one heading, as before."""
    first, second = {"ru": ("Глава 1. ", "Глава 2. "), "kk": ("1-тарау. ", "2-тарау. ")}[lang]
    files = _files(first, second, first, second)
    files = {k: v.replace("Регламент акимата Тестовской области ", "")
             .replace("Тестов облысы әкімиятының регламенті ", "") for k, v in files.items()}
    units = _exported(tmp_path, files)
    chapters = _chapters(units, lang)
    assert [c["number"] for c in chapters] == ["1", "2"]
    assert chapters[0]["heading"] == {"ru": "Общие положения", "kk": "Жалпы ережелер"}[lang]


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_a_title_with_a_number_but_no_numbered_sequel_is_kept_whole(tmp_path, lang):
    """A heading holding «1. » whose next heading of its level does not open with 2 is one heading."""
    files = _files("1. ", "", "1. ", "")
    units = _exported(tmp_path, files)
    assert not any(u["language"] == lang and u["kind"] == "chapter"
                   and u.get("heading") in ("Общие положения", "Жалпы ережелер") for u in units)
