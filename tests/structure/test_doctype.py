"""Doc-type recognition from the act's own words, RU and KK (excerpts of real acts typed in)."""
import pytest

from maslihat.ingest.doctype import classify, from_form_code, is_coursework
from maslihat.ingest.metadata import extract

LAW_RU = ("# О правовых актах\n\nНастоящий Закон регулирует общественные отношения, связанные с порядком "
          "разработки правовых актов Республики Казахстан.\n\n## РАЗДЕЛ 1. ОБЩИЕ ПОЛОЖЕНИЯ\n\n### Глава 1. "
          "ОСНОВНЫЕ ПОЛОЖЕНИЯ\n\n#### Статья 1. Основные понятия\n\nТекст.\n\n#### Статья 2. Сфера действия\n\n"
          "Текст.\n\nСодержание проекта.\n\nЗаключение экспертизы.\n\nВведение в действие.\n")
LAW_KK = ("# Құқықтық актілер туралы\n\nОсы Заң Қазақстан Республикасының құқықтық актілерін әзірлеу "
          "тәртібіне байланысты қоғамдық қатынастарды реттейді.\n\n1-бап. Негізгі ұғымдар\n\nМәтін.\n\n"
          "2-бап. Қолданылу аясы\n\nМазмұны. Қорытынды. Кіріспе.\n")


@pytest.mark.parametrize("text, doc_type, form", [
    (LAW_RU, "law", "law"),
    (LAW_KK, "law", "law"),
    ("Закон Республики Казахстан от 6 апреля 2016 года № 480-V ЗРК\n\nТекст закона.", "law", "law"),
    ("Қазақстан Республикасының Заңы\n\nМәтін.", "law", "law"),
    ("Конституционный закон Республики Казахстан\n\nО выборах в Республике Казахстан\n\nТекст.", "law",
     "constitutional_law"),
    ("О выборах\n\nНастоящий Конституционный закон определяет порядок выборов.\n\nСтатья 1. Понятия\n",
     "law", "constitutional_law"),
    ("Бюджетный кодекс Республики Казахстан\n\nСтатья 1. Понятия\n\nСтатья 2. Бюджетное законодательство\n",
     "code", "code"),
    ("Қазақстан Республикасының Салық кодексі\n\n1-бап. Ұғымдар\n", "code", "code"),
    ("Бюджетный кодекс\n\nНастоящий Кодекс регулирует бюджетные отношения.\n", "code", "code"),
    ("Конституция Республики Казахстан\n\nМы, народ Казахстана, объединенный общей исторической судьбой…",
     "constitution", "constitution"),
    ("Об утверждении Типового регламента маслихата\n\nВ соответствии со статьей 9 Закона ПОСТАНОВЛЯЮ:\n\n"
     "1. Утвердить.", "decree", "decree"),
    ("Мәслихаттың үлгі регламентін бекіту туралы\n\nЗаңның 9-бабына сәйкес ҚАУЛЫ ЕТЕМІН:\n\n1. Бекітілсін.",
     "decree", "decree"),
    ("Об утверждении правил\n\nПравительство Республики Казахстан ПОСТАНОВЛЯЕТ:\n1. Утвердить.", "resolution",
     "government_resolution"),
    ("Ережені бекіту туралы\n\nҚазақстан Республикасының Үкіметі ҚАУЛЫ ЕТЕДІ:\n1. Бекітілсін.", "resolution",
     "government_resolution"),
    ("Об утверждении правил\n\nАкимат области ПОСТАНОВЛЯЕТ:\n1. Утвердить.", "resolution", "resolution"),
    ("Об утверждении формы\n\nПРИКАЗЫВАЮ:\n1. Утвердить.", "order", "order"),
    ("Нысанды бекіту туралы\n\nБҰЙЫРАМЫН:\n1. Бекітілсін.", "order", "order"),
    ("О бюджете\n\nАлматинский областной маслихат решил:\n1. Утвердить.", "decision", "decision"),
    ("Бюджет туралы\n\nАлматы облыстық мәслихаты ШЕШТІ:\n1. Бекітілсін.", "decision", "decision"),
    ("Облыс Әкімі Шешім қабылдады:\n1. Бекітілсін.", "decision", "decision"),
    ("Регламент маслихата Павлодарской области\n\n1. Общие положения\n\n1. Маслихат работает.\n", "regulation",
     "regulation"),
])
def test_act_kinds(text, doc_type, form):
    k = classify(text, "ru")
    assert (k.doc_type, k.form) == (doc_type, form), k.evidence


@pytest.mark.parametrize("text, expected", [
    (LAW_RU, False),                       # a law that says «содержание», «заключение», «введение»
    (LAW_KK, False),                       # «мазмұны», «қорытынды», «кіріспе» in a law
    ("Курстық жұмыс\n\nОрындаған: 3 курс студенті\nҒылыми жетекші: з.ғ.к.\n\nКіріспе\n\nМәтін.", True),
    ("Дипломная работа\n\nНаучный руководитель: к.ю.н.\n\nВведение\n\nТекст.", True),
    ("Мазмұны\nКіріспе\n1. Жергілікті өкілді органдар\nҚорытынды\nҚолданылған әдебиеттер", True),
    ("Содержание\nВведение\n1. Маслихаты\nЗаключение\nСписок литературы", True),
    ("Содержание\n\nЗаключение комиссии.", False),     # two common words, nothing academic
])
def test_coursework_by_what_makes_it(text, expected):
    assert is_coursework(text) is expected


def test_meta_form_codes_and_refinement():
    assert from_form_code("ЗАК").doc_type == "law"
    assert from_form_code("УКАЗ", ["РЕГЛ"]).doc_type == "decree"
    assert from_form_code("РЕШ").doc_type == "decision"
    assert from_form_code("XYZ") is None
    # a code filed under ЗАК: the text is finer than the form code
    k = classify("Бюджетный кодекс Республики Казахстан\n\nСтатья 1. Понятия\n\nСтатья 2. Текст\n", "ru",
                 {"form": "ЗАК"})
    assert k.doc_type == "code"


@pytest.mark.parametrize("text, lang", [(LAW_RU, "ru"), (LAW_KK, "kk")])
def test_extract_types_a_law_without_requisite(text, lang):
    meta = extract(text, lang, "x")
    assert meta.doc_type == "law"
    assert meta.extra["doc_type_evidence"]
