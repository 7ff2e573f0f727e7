"""The words of the structure and citation grammar, RU and KK, as data.

The engines (``segment``, ``references``) are code; everything a lawyer would recognise as
vocabulary of structure — unit lines, note markers, appendix captions, issuers — lives here, one
table per phenomenon and both languages side by side, so a new spelling is a one-line change.
Months, dates, act numbers, act and unit words are the shared grammar of ``maslihat.core.grammar``.
Regex fragments are plain strings meant to be embedded in larger patterns (no capture groups
unless named in the comment).
"""
from __future__ import annotations

# --- letters, months, dates, act numbers: the grammar of core/ -------------------------------------
# Months, date forms, act numbers (with Roman and Cyrillic suffixes), act words, unit words and the
# alphabets are data in core/grammar/{ru,kk,common}.yaml, read by ingest as well.
from maslihat.core import grammar as G  # noqa: E402

UP, LO, LETTER = G.UP, G.LO, G.LETTER   # letter classes of both alphabets (plus Latin look-alikes)
ROMAN = G.ROMAN                         # Roman numerals, Latin or Cyrillic (І, Х)
ROMAN_VALUES = {"I": 1, "І": 1, "V": 5, "X": 10, "Х": 10}

# --- structure: lines that open units -------------------------------------------------------------
NOTE_MARKERS = {
    "ru": [r"Сноска\s*\.", r"Примечание\s+(?:РЦПИ|ИЗПИ|РЦПИ\s*!)\s*[.!]?", r"Примечание\s*[.:]"],
    "kk": [r"Ескерту\s*\.", r"РҚАО(?:\s*-\s*ның)?\s+ескерт(?:песі|уі)\s*[.!:]?",
           r"(?:ҚР\s+)?(?:ЗАҚАИ|ЗҚАИ)(?:\s*-\s*ның)?\s+ескертпесі\s*[.!]?", r"Ескертпе\s*[.:]"],
}
# the act's own notes (not footnotes, not the database's): «Примечание.» at the end of an article is
# the article's, whichever of its points it follows
OWN_NOTE = {"ru": r"Примечание\s*[.:]", "kk": r"Ескертпе\s*[.:]"}
# The publication note in an act's header («Подлежит опубликованию в Собрании актов Президента …»,
# «… республикалық баспасөзде жариялануға тиіс»): a note on the act, with or without Markdown quotes
PUBLICATION_NOTE = {"ru": r"Подлежит\s+опубликованию\b", "kk": r"(?s).*\bжариялануға\s+тиіс\s*\.?"}
# editorial notes whose text is the next line (the marker stands alone on its line)
NOTE_ALONE = (r"(?:Примечание\s+(?:РЦПИ|ИЗПИ)|РҚАО(?:\s*-\s*ның)?\s+ескерт(?:песі|уі)|"
              r"(?:ҚР\s+)?(?:ЗАҚАИ|ЗҚАИ)(?:\s*-\s*ның)?\s+ескертпесі)\s*[.!]?\s*$")
# What a law's footnote is about (`Сноска. Статья 6 с изменениями…`, `Заголовок статьи 6 в редакции…`,
# `Ескерту. 6-бапқа өзгерістер енгізілді`, `6-баптың тақырыбы`, `Параграф 4 главы 6`): the unit it annotates.
NOTE_SUBJECT = {
    "ru": [(r"^(?:Заголовок\s+)?[Сс]тать(?:я|и|ю|е)\s+(?P<n>\d+(?:-\d+)?)\b", "article"),
           # what the act or its part was supplemented with: «Закон дополнен статьей 33-1», «Раздел 3
           # дополнен статьей 14-1», «Глава 2 дополнена параграфом 3-1» (the note follows the unit added)
           (r"^(?:Закон|Кодекс|Указ|Регламент|(?:Раздел|Глава|Часть|Параграф)\s+\S+)\s+дополнен[аоы]?\s+"
            r"стать[её]й\s+(?P<n>\d+(?:-\d+)?)\b", "article"),
           (r"^(?:Закон|Кодекс|Указ|(?:Раздел|Глава|Часть)\s+\S+)\s+дополнен[аоы]?\s+параграфом\s+(?P<n>\d+(?:-\d+)?)\b",
            "subchapter"),
           (r"^(?:Закон|Кодекс|Указ|Регламент|(?:Раздел|Часть)\s+\S+)\s+дополнен[аоы]?\s+главой\s+(?P<n>\d+(?:-\d+)?)\b",
            "chapter"),
           (r"^В\s+стать(?:ю|е)\s+(?P<n>\d+(?:-\d+)?)\b", "article"),
           (r"^(?:Заголовок\s+)?[Пп]араграф(?:а)?\s+(?P<n>\d+)\b", "subchapter"),
           (r"^(?:Заголовок\s+|Название\s+)?[Гг]лав(?:а|ы)\s+(?P<n>\d+(?:-\d+)?)\b", "chapter"),
           (r"^[Пп]ункт\s+(?P<n>\d+(?:-\d+)?)\b", "point"),
           (r"^[Пп]одпункт\s+(?P<n>\d+(?:-\d+)?\))", "subpoint")],
    "kk": [(r"^(?:(?:Заң|Кодекс|Жарлық|\d+\s*-\s*(?:бөлім|тарау|параграф)\w*)\s+)?(?P<n>\d+(?:-\d+)?)\s*-\s*(?:бап|баб)",
            "article"),                                          # «3-бөлім 14-1-баппен толықтырылды»
           (r"^(?:\d+\s*-\s*тарау\w*\s+)?(?P<n>\d+)\s*-\s*параграф", "subchapter"),
           (r"^(?P<n>\d+(?:-\d+)?)\s*-\s*тарау", "chapter"),
           (r"^(?P<n>\d+(?:-\d+)?)\s*-\s*тармақ(?!ша)", "point"),
           (r"^(?P<n>\d+(?:-\d+)?\))\s*тармақша", "subpoint")],
}

SECTION_LINE = [
    rf"(?:РАЗДЕЛ|Раздел|Р\s?А\s?З\s?Д\s?Е\s?Л)\s+(?P<num>\d+|{ROMAN})\b\.?\s*(?P<head>.*)",
    rf"(?P<num>\d+|{ROMAN})\s*[-‐]?\s*(?:БӨЛІМ|[Бб]өлім)\b\.?\s*(?P<head>.*)",
]
CHAPTER_LINE = [
    rf"(?:ГЛАВА|Глава)\s+(?P<num>\d+(?:[-–]\d+)?|{ROMAN})\b\.?\s*(?P<head>.*)",   # «Глава 2-1» (inserted), «Глава 2–1»
    rf"(?P<num>\d+(?:-\d+)?|{ROMAN})\s*[-‐]?\s*(?:ТАРАУ|[Тт]арау)\b\.?\s*(?P<head>.*)",
]
ARTICLE_LINE = [
    r"(?:СТАТЬЯ|Статья)\s+(?P<num>\d+(?:[-–]\d+)?)\s*(?:\.\s*|$)(?P<head>.*)",     # «Статья 10–1.» typeset
    r"(?P<num>\d+(?:-\d+)?)\s*[-‐]\s*(?:бап|БАП)(?![^\W\d_])\s*\.?\s*(?P<head>.*)",   # not «27-баптың …»
]
# Paragraphs of codes and model regulations: `Параграф 1. Секретарь маслихата` / `1-параграф. Мәслихат хатшысы`
PARAGRAPH_LINE = [
    r"(?:ПАРАГРАФ|Параграф)\s+(?P<num>\d+(?:[-–]\d+)?)\b\.?\s*(?P<head>.*)",
    r"(?P<num>\d+(?:-\d+)?)\s*[-‐]\s*(?:ПАРАГРАФ|параграф)\b\.?\s*(?P<head>.*)",
]
# The parts of a code above its sections: «ОБЩАЯ ЧАСТЬ», «ОСОБЕННАЯ ЧАСТЬ», «ЧАСТЬ ВТОРАЯ» / «ЖАЛПЫ БӨЛІМ»,
# «ЕРЕКШЕ БӨЛІМ», «ЕКІНШІ БӨЛІК»: a heading of the act, never a paragraph of the article before it
CODE_PART_LINE = (r"(?:(?:ОБЩАЯ|ОСОБЕННАЯ)\s+ЧАСТЬ|(?:Общая|Особенная)\s+часть|(?:ЖАЛПЫ|ЕРЕКШЕ)\s+БӨЛІМ|"
                  r"(?:Жалпы|Ерекше)\s+бөлім|ЧАСТЬ\s+(?:ПЕРВАЯ|ВТОРАЯ|ТРЕТЬЯ|ЧЕТВЕРТАЯ|ЧЕТВЁРТАЯ|ПЯТАЯ|\d{1,2}|[IVX]{1,4})|"
                  r"(?:БІРІНШІ|ЕКІНШІ|ҮШІНШІ|ТӨРТІНШІ|БЕСІНШІ|\d{1,2}\s*-\s*)\s*БӨЛІК)(?:\s*[.:]\s*[^\n]{0,200})?\s*\.?")
ROMAN_CHAPTER_LINE = rf"(?P<num>{ROMAN})\s*\.\s*(?P<head>[{UP}].*)"
ROMAN_POINT_LINE = rf"(?P<num>{ROMAN}\s?\.\s?\d+)\s*\.?\s*(?P<head>.*)"
DOTTED_LINE = r"(?P<num>\d{1,3}(?:\s?\.\d{1,3})+)(?![\d.]\d)\s?\.?\s*(?P<head>.*)"
POINT_LINE = r"(?P<num>\d{1,3}(?:[-–]\d{1,2})?)\s?\.(?![\d.])\s*(?P<head>.*)"
SUBPOINT_LINE = rf"(?P<num>\d{{1,3}}(?:[-–]\d{{1,3}})?\)|[{LO}]\))\s*(?P<head>.*)"
# (an en dash inside a unit number, `10–1`, is read as the hyphen: the number is written `10-1`)

# The operative formula closes the preamble of a decision.
OPERATIVE = r"(?:РЕШИЛ|решил|ПОСТАНОВЛЯЕТ|постановляет|ПОСТАНОВИЛ|ШЕШТІ|шешті|ШЕШІМ ҚАБЫЛДАДЫ|ҚАУЛЫ ЕТЕДІ|қаулы етеді)\s*:"

# Appendix captions: RU at the start (`Приложение N 1 к решению…`, `Утвержден решением…`, a
# national act's stamp `УТВЕРЖДЕН / Указом Президента / … № 704`), KK at the end of the caption
# block (`… шешіміне № 1 қосымша`, `… шешімімен бекітілген`, `… № 704 Жарлығымен / БЕКІТІЛГЕН`).
APPENDIX_START = [r"Приложение(?:\s*(?:N|№)?\s*\d+)?(?!\s+на\s+\d)(?:\s+к\b.*)?\s*$",
                  r"Приложение\s+к\s+(?:решению|постановлению|приказу).*",
                  r"(?:Утвержден|УТВЕРЖДЕН)[аоыАОЫ]?\s*$",
                  r"(?:Утвержден|УТВЕРЖДЕН)[аоыАОЫ]?\s+(?:решением|постановлением|приказом|указом).*",
                  r"(?:СОГЛАСОВАН[ОАЫ]?|Согласован[оаы]?)\s*$"]
APPENDIX_END = [r".*\b(?:(?:N|№)\s*\d+\s*)?қосымша(?:сы)?\s*$", r".*\b(?:[Бб]екітілген|БЕКІТІЛГЕН)\s*$",
                r".*\b(?:[Бб]екітілді|БЕКІТІЛДІ)\s*$",
                # not the decision's line «Қосымшасы 1 бет» («annex: 1 page», RU «Приложение на 1 листе»)
                r"(?:N|№)?\s*\d*\s*[Ққ]осымша(?!(?:сы|лар)?\s*:?\s*\d+\s*(?:бет|парақ)).*"]
# The decision's line giving the annex's length: a paragraph of its last point, not a caption nor
# a line of the signature
ANNEX_PAGES = r"(?:[Ққ]осымша(?:сы|лар)?\s*:?\s*\d+\s*(?:бет|парақ)|Приложение\s+на\s+\d+\s*лист)"

# Signatures: a person's initials and surname, on a short line (`С.Какенов`, `Ш.Құлмаханов`,
# `областного Маслихата О.Туктибаев`, `________С.Чурегеев` after the line to sign on), or surname
# then initials.
NAME_LINE = (rf"(?:.{{0,60}}\s|_{{2,}}\s*)?[{UP}]\.\s?(?:[{UP}]\.\s?)?[{UP}][{LO}]+(?:-[{UP}]?[{LO}]+)?\s*$"
             rf"|[{UP}][{LO}]+\s+[{UP}]\.\s?(?:[{UP}]\.)?\s*$"
             # a surname in capitals («Н. НАЗАРБАЕВ»); not after a Roman numeral («I. ВВЕДЕНИЕ»)
             rf"|(?:.{{0,60}}\s)?(?![IVXІХ]\.)[{UP}]\.\s?(?:[{UP}]\.\s?)?[{UP}]{{3,}}(?:-[{UP}]{{2,}})?\s*$")

# the same line from a scan whose initial «З.» / «О.» came out a digit («3. Нұрқаділов», «0. Ахметов»)
NAME_LINE_OCR = rf"[30]\.\s?(?:[{UP}]\.\s?)?[{UP}][{LO}]+(?:-[{UP}]?[{LO}]+)?\s*"

# Signatures without names (the official database often drops them): the positions that sign a
# decision, `Председатель сессии Областного Маслихата` / `Облыстық мәслихат сессиясының төрағасы`,
# `Секретарь областного маслихата` / `Облыстық мәслихаттың хатшысы`, `Аким области` / `Облыс
# әкімі`. A short block after the last provision whose every word is one of these, a proper name
# or a number, with at least one HEAD, is a signature (nlp.segment_act._mark_signatures).
SIGNATURE_HEADS = {
    "ru": ("председатель", "секретарь", "аким", "заместитель", "исполняющий", "руководитель"),
    "kk": ("төрағасы", "хатшысы", "әкімі", "орынбасары", "атқарушы", "басшысы"),
}
SIGNATURE_WORDS = {
    "ru": ("сессии", "очередной", "внеочередной", "созыва", "маслихата", "маслихат", "областного", "областной",
           "городского", "городской", "районного", "районный", "области", "города", "района", "обязанности",
           "секретаря", "председателя", "акима", "республики", "казахстан", "и", "о"),
    "kk": ("сессиясының", "сессиясы", "сессияның", "кезекті", "кезектен", "тыс", "шақырылған", "шақырылымы", "мәслихат",
           "мәслихаты", "мәслихаттың", "мәслихатының", "облыстық", "облыстың", "облысы", "облысының", "қалалық",
           "қаласының", "қаласы", "аудандық", "ауданының", "ауданы", "міндетін", "хатшысының", "төрағасының",
           "әкімінің", "республикасы", "қазақстан", "м", "а"),
}
# The title of an annexed document set in capitals, which may follow the signatures without a caption
# («ПОЛОЖЕНИЕ об участковых комиссиях …», «… учаскелік комиссиялар туралы ЕРЕЖЕ»).
ANNEX_TITLE_WORDS = ("ПОЛОЖЕНИЕ", "ПРАВИЛА", "ИНСТРУКЦИЯ", "РЕГЛАМЕНТ", "ПОРЯДОК", "ПЕРЕЧЕНЬ",
                     "ЕРЕЖЕ", "ЕРЕЖЕСІ", "ЕРЕЖЕЛЕРІ", "ҚАҒИДАЛАР", "ҚАҒИДАЛАРЫ", "ҚАҒИДАСЫ", "НҰСҚАУЛЫҚ",
                     "РЕГЛАМЕНТІ", "ТӘРТІБІ", "ТІЗБЕСІ")

# Coursework
TOC_HEAD = r"(?:Мазмұны|МАЗМҰНЫ|Содержание|СОДЕРЖАНИЕ|Оглавление|ОГЛАВЛЕНИЕ)\b"
BIBLIO_HEAD = (r"(?:Қолданылған|Пайдаланылған|ҚОЛДАНЫЛҒАН|ПАЙДАЛАНЫЛҒАН)\s+(?:әдебиеттер|ӘДЕБИЕТТЕР)(?:\s+(?:тізімі|ТІЗІМІ))?"
               r"|(?:Список|СПИСОК)\s+(?:использованной\s+|ИСПОЛЬЗОВАННОЙ\s+)?(?:литературы|ЛИТЕРАТУРЫ|источников)"
               r"|(?:Әдебиеттер|ӘДЕБИЕТТЕР)\s+(?:тізімі|ТІЗІМІ)")
COURSEWORK_HEADINGS = (r"(?:Кіріспе|КІРІСПЕ|Қорытынды|ҚОРЫТЫНДЫ|Введение|ВВЕДЕНИЕ|Заключение|ЗАКЛЮЧЕНИЕ|Негізгі бөлім|"
                       r"НЕГІЗГІ БӨЛІМ|Основная часть|ОСНОВНАЯ ЧАСТЬ)")
# A sentence ends in its predicate; a heading is a noun phrase. Last-word endings of predicates
# (KK verb and copula forms, RU finite verbs and short participles) tell a glued sentence from a heading.
PREDICATE_END = {
    "kk": (r"(?:ды|ді|ты|ті|ады|еді|йды|йді|ған|ген|қан|кен|тын|тін|мақ|мек|уде|уда|ыз|із|мыз|міз|тиіс|мүмкін|"
           r"керек|қажет|жоқ|бар|емес|табылады|болады|етеді|отыр|тұр|жатыр|деп|сияқты)"),
    # RU word order is free: any finite verb or short participle in the phrase makes it a sentence
    "ru": r"(?:ется|ются|ится|ятся|ает|яет|еет|ует|уют|ают|яют|ался|алась|ены|ена|ано|ено|ала|али|ило|ыла|ыли|есть)",
}

# --- citations ----------------------------------------------------------------------------------
# Unit words (cited ones), act words and the names of codes: the grammar's.
UNIT_WORDS_RU = G.unit_words("ru")
UNIT_WORDS_KK = G.unit_words("kk")
CODE_ADJ_RU = G.fragment("ru", "code_adjective")
CODE_NAMES_KK = G.fragment("kk", "code_names")
# Act types: surface pattern -> normalised act type (Russian, as in the dev gold).
ACT_TYPES_RU = [(w.pattern, w.type) for w in G.act_words("ru")]
ACT_TYPES_KK = [(w.pattern, w.type) for w in G.act_words("kk")]
# Named codes without the word "Кодекс" in front of the title (`Водного кодекса`, `Су кодексінің`).
CODE_NAMES = {
    "Водн": "Водный кодекс", "Налогов": "Налоговый кодекс", "Бюджетн": "Бюджетный кодекс",
    "Земельн": "Земельный кодекс", "Су ": "Водный кодекс", "Салық": "Налоговый кодекс",
    "Бюджет ": "Бюджетный кодекс", "Жер ": "Земельный кодекс",
}

# Issuers written between the act word and its date/number.
ISSUER_RU = (r"(?:Президента|Правительства|Министра|министра|исполняющего\s+обязанности|и\.о\.|маслихата|Маслихата|"
             r"акима|Акима|акимата|Акимата|областного|городского|районного|сессии|Республики|Казахстан|РК|"
             r"[А-ЯЁ][а-яё]+(?:ского|ской|ого|ой|ых|ей)|[а-яё]+(?:ского|ской|ого|ой|ых|ей|ия|ии)|"
             r"и|по|Алматинской|области|города|района|\(.*?\))")

# Internal (self) references: `настоящего решения`, `осы регламенттің`.
SELF_RU = (r"(?:настоящ(?:его|ему|им|ем|ее|ий|ая|ей|ую|ие|их|ими)|данного|данным)\s+"
           r"(?P<what>решени[еяюм]|решением|регламент(?:а|у|ом|е)?|Регламент(?:а|у|ом|е)?|"
           r"[Пп]равил(?:ам|ами|ах)?|[Пп]оложени(?:я|ю|ем|и|е)|постановлени[еяюм]|постановлением|приказ(?:а|у|ом)?)")
SELF_KK = (r"(?:[Оо]сы)\s+(?P<what>[Шш]ешім(?:нің|ге|ді|дегі|де|мен|інің)?|[Рр]егламент(?:тің|ке|ті|тегі|те|пен)?|"
           r"[Ққ]ағида(?:лар|ларға|лардың|ларды|лардағы|ларда|ның|ға|ны|дағы|да)?|[Ее]реже(?:нің|ге|ні|дегі|де|лер|лердің)?|"
           r"[Ққ]аулы(?:ның|ға|ны|да)?|[Бб]ұйрық(?:тың|қа|ты|та)?)")
SELF_KIND = {"решени": "решение", "регламент": "регламент", "правил": "правила", "положени": "положение",
             "шешім": "решение", "қағида": "правила", "ереже": "правила", "постановлени": "постановление",
             "қаулы": "постановление", "приказ": "приказ", "бұйрық": "приказ"}

# Hyperlink ids of the national database left in the text (`Z000107_`, `P990000_`, `K950001_`).
HYPERLINK_ID = r"[ZPKUVB]\d{6,8}_?"
# Words that end an issuer run: verb and participle forms (`зарегистрированного`, `опубликовано`).
NOT_ISSUER_RU = (r"(?:ть|ться|ет|ют|ит|ят|ал|ала|али|ил|ила|или|ен|ена|ены|ано|ено|яно)\b"
                 r"|\b(?:к|в|на|с|о|об|зарегистрир\w*|утвержд\w*|опубликова\w*|принят\w*|введен\w*|вступ\w*)\b")
# KK issuers that are ministries and committees carry long lower-case names
# (`Денсаулық сақтау министрінің`, `Құрылыс істері жөніндегі комитеттің`).
ISSUER_HEAD_KK = r"(?:министр|министрлі|комитет|агенттіг|төраға)\w*(?:\s+міндетін\s+атқарушы\w*)?"

# Short names: `(далее – Закон)`, `(бұдан әрі – Заң)`, `(далее - Кодекс)`.
ALIAS = r"\(\s*(?:далее|бұдан\s+әрі)\s*[-–—]?\s*(?P<alias>[^()]{2,40}?)\s*\)"

# Amendment / repeal notes.
AMENDED_BY = [r"в\s+редакции", r"с\s+изменени", r"внесены\s+изменени", r"жаңа\s+редакцияда", r"өзгеріс(?:тер)?\s+енгізіл",
              r"исключен", r"алып\s+тасталды", r"дополнен", r"толықтырыл"]
REPEALED_BY = [r"[Уу]тратил[аои]?\s+силу", r"[Кк]үші\s+жойылды", r"отмен[ае]н"]

# The framework law, cited by title in either language and edition: one node in the graph.
KNOWN_ACTS = [
    (r"местном\s+государственном\s+управлении|жергілікті\s+мемлекеттік\s+басқару",
     "law:2001-01-23:148-ii", {"act_type": "Закон", "date": "2001-01-23", "number": "148-II"}),
    (r"нормативных\s+правовых\s+актах|нормативтік\s+құқықтық\s+актілер", "law:npa", {"act_type": "Закон"}),
    (r"Типового\s+регламента\s+маслихата|мәслихаттың\s+үлгі\s+регламент", "decree:2013-12-03:704",
     {"act_type": "Указ", "date": "2013-12-03", "number": "704"}),
    (r"О\s+выборах|Сайлау\s+туралы", "law:elections", {"act_type": "Закон"}),
]

# Human citations of units (``Unit.label``), per language: {n} is the number as written.
LABELS = {
    "ru": {"section": "разд. {n}", "chapter": "гл. {n}", "subchapter": "{n}", "article": "ст. {n}",
           "point": "п. {n}", "subpoint": "пп. {n}", "appendix": "прил. {n}", "part": "абз. {n}",
           "paragraph": "абз. {n}", "note": "сноска", "signature": "подпись", "preamble": "преамбула",
           "title": "заголовок", "heading": "заголовок", "toc": "содержание", "bibliography_entry": "лит. {n}"},
    "kk": {"section": "{n}-бөлім", "chapter": "{n}-тарау", "subchapter": "{n}", "article": "{n}-бап",
           "point": "{n}-тармақ", "subpoint": "{n} тармақша", "appendix": "{n}-қосымша", "part": "{n}-абзац",
           "paragraph": "{n}-абзац", "note": "ескерту", "signature": "қолтаңба", "preamble": "кіріспе бөлігі",
           "title": "атауы", "heading": "тақырып", "toc": "мазмұны", "bibliography_entry": "{n}-әдебиет"},
}
# KK genitive of a cited unit inside a chain: `22-тармақтың 2) тармақшасы`, `6-баптың 1-тармағы`.
KK_GENITIVE = {"article": "{n}-баптың", "point": "{n}-тармақтың", "chapter": "{n}-тараудың"}
KK_POSSESSIVE = {"point": "{n}-тармағы", "subpoint": "{n} тармақшасы", "part": "{n}-абзацы"}
# ... and inside a longer chain: `6-баптың 1-тармағының 12-3) тармақшасы`
KK_POSS_GENITIVE = {"point": "{n}-тармағының"}
# Paragraphs of codes (kind subchapter, worded as they are cited)
PARAGRAPH_LABEL = {"ru": "параграф {n}", "kk": "{n}-параграф"}
