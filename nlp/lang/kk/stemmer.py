"""Kazakh stemmer: strips the inflectional chain  stem·plural·possessive·case  from the right.

No Snowball, Elasticsearch or spaCy stemmer exists for Kazakh (domain.md §5), and hunspell-kk
would add a system dependency, so this is a small self-contained rule stemmer:

* one slot at a time, right to left: case (incl. the -дағы attributive; -ғы adjectives are derivation), possessive
  (3rd person, 1st/2nd plural), plural — the order in which Kazakh stacks them
  (мәслихат·тар·ы·ның);
* each allomorph is accepted only after the sounds that select it (-ның after vowels and м н ң,
  -дың after л р й у з ж, -тың after voiceless) and only when its vowel agrees with the stem's
  last vowel (vowel harmony): this is what keeps тұлға, аудан, жалпы whole most of the time;
* -н/-на/-нда/-ндағы after a 3rd-person possessive are taken only together with it;
* a stem never falls below 3 letters (2 for a few roots like іс, ел, өз);
* voicing is undone after a vowel-initial suffix (бабы -> бап, тармағы -> тармақ,
  құқығы -> құқық), dropped vowels restored (халқы -> халық, орны -> орын);
* an exceptions list keeps words that only look suffixed (төраға, тұрақты, жергілікті);
* stems that end like a locative (-да/-де/-та/-те: команда, пошта, бригада, пайда) are read from
  ``locative_like.txt`` (grown from the texts by ``bench/kk_locative_stems.py``) and kept whole, also
  at the end of a compound (қазпошта); their locatives still go (командада, поштада -> команда, пошта);
* loans ending in «кт» lose the vowel they take before a suffix (актілер, актісі -> акт);
* a loan's soft sign: the sound before it selects the suffix, either harmony goes (бюллетень·дер,
  магистраль·дар, алкоголь·ді), and the forms written without it (бюллетен·і, бюллетен·дер, модел·і,
  автомобил·дері) get it back for the loans of ``soft_loans.txt``: one stem, the Russian noun's spelling.

Derivational suffixes (-лық, -шы, -сыз) are kept: депутаттық and депутат stay distinct terms.
Finite verb forms are left mostly as they are (search queries are nominal).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

VOWELS = frozenset("аәеоөұүыіэяё")          # у, и and ю act as consonants (сайлау·ға, сайлау·дың, жою·ы, қою·ға)
BACK = frozenset("аоұыя")
FRONT = frozenset("әөүіеэё")
VOICELESS = frozenset("кқпстфхцчшщбвгд")    # final б в г д of loans take the voiceless allomorph
LRYUZJ = frozenset("лрйуизжю")
NASAL = frozenset("мнң")
VOICED = LRYUZJ | NASAL
V = VOWELS
POSS3 = frozenset("ыі")                       # the last letter of a 3rd-person possessive
FRONT_FINAL = frozenset("кг")                 # front consonants: a loan ending in one takes front suffixes

# (suffix, preceding sounds that select it, needs a 3rd-person possessive before it)
_CASE = [
    # attributive locative: -дағы "in ..., of ..."
    ("ндағы", POSS3, True), ("ндегі", POSS3, True),
    ("дағы", V | VOICED, False), ("дегі", V | VOICED, False),
    ("тағы", VOICELESS, False), ("тегі", VOICELESS, False),
    # genitive
    ("ның", V | NASAL, False), ("нің", V | NASAL, False),
    ("дың", LRYUZJ, False), ("дің", LRYUZJ, False),
    ("тың", VOICELESS, False), ("тің", VOICELESS, False),
    # ablative
    ("нан", NASAL | POSS3, False), ("нен", NASAL | POSS3, False),
    ("дан", V | LRYUZJ, False), ("ден", V | LRYUZJ, False),
    ("тан", VOICELESS, False), ("тен", VOICELESS, False),
    # locative
    ("нда", POSS3, True), ("нде", POSS3, True),
    ("да", V | VOICED, False), ("де", V | VOICED, False),
    ("та", VOICELESS, False), ("те", VOICELESS, False),
    # dative
    ("на", POSS3, True), ("не", POSS3, True),
    ("ға", V | VOICED, False), ("ге", V | VOICED, False),
    ("қа", VOICELESS, False), ("ке", VOICELESS, False),
    # instrumental
    ("мен", V | LRYUZJ | NASAL, False), ("бен", frozenset("зж"), False), ("пен", VOICELESS, False),
    # accusative
    ("ны", V, False), ("ні", V, False),
    ("ды", VOICED, False), ("ді", VOICED, False),
    ("ты", VOICELESS, False), ("ті", VOICELESS, False),
    ("н", POSS3, True),
]
CONSONANTS = frozenset("бвгғджзйкқлмнңпрстуфхһцчшщю")   # ю: й+у, as у
_POSS = [
    ("ыңыз", CONSONANTS), ("іңіз", CONSONANTS), ("ңыз", V), ("ңіз", V),
    ("ымыз", CONSONANTS), ("іміз", CONSONANTS), ("мыз", V), ("міз", V),
    ("сы", V), ("сі", V),
    ("ы", CONSONANTS), ("і", CONSONANTS),
]
_PLURAL = [
    ("лар", V | frozenset("рйуи")), ("лер", V | frozenset("рйуи")),
    ("дар", frozenset("лмнңзж")), ("дер", frozenset("лмнңзж")),
    ("тар", VOICELESS), ("тер", VOICELESS),
]
_NO_HARMONY = frozenset({"мен", "бен", "пен"})  # the instrumental does not harmonise
# sort each slot longest first so -ндағы wins over -ғы and -ыңыз over -ы
_CASE.sort(key=lambda s: -len(s[0]))

# two-letter roots a suffix may leave; «су» (water) and «ит» (dog) among them, or «суды» stems
# to «суд», which is the Russian «суд» (court) in the shared index, and «итті» to «итт»
SHORT_ROOTS = frozenset({"іс", "іш", "ел", "өз", "ай", "үй", "ой", "ат", "ас", "ұл", "із", "ру", "су", "ит"})
_DEVOICE = {"б": "п", "г": "к", "ғ": "қ"}
# a vowel drops before a vowel-initial suffix: халық -> халқы; put it back
VOWEL_DROP = {"халқ": "халық", "орн": "орын", "ерн": "ерін", "мұрн": "мұрын", "ауз": "ауыз",
              "ойн": "ойын", "қойн": "қойын", "ерк": "ерік", "көңл": "көңіл", "ерн": "ерін",
              "бөрк": "бөрік", "даус": "дауыс", "ауыз": "ауыз", "қарн": "қарын", "ұлт": "ұлт", "дәрж": "дәреже"}
# loans ending in a voiced stop keep it (педагогы -> педагог, not педагок)
KEEP_VOICED = frozenset({"педагог", "клуб", "диалог", "каталог", "хирург", "психолог", "геолог",
                         "социолог", "эколог", "монолог", "пролог", "некролог", "кардиолог"})

# words that look suffixed but are not (whole words, after lower-casing)
EXCEPTIONS = frozenset("""
төраға тұлға сауда аудан кейін бұрын орын жиын мүмкін дейін сайын бүгін ерін мұрын қарын
жалпы жоғары төменгі тұрақты жергілікті өкілді тиісті міндетті қажетті заңды мерзімді қатысты
байланысты маңызды сапалы тиімді белсенді дербес құқықты әділетті қолайлы пайдалы мақсатты
демократиялық дәстүрлі нақты ресми тікелей бірінші екінші үшінші төртінші бесінші қарсы
сонда мұнда осында онда қайда кейде әрдайым әрқашан алғашқы соңғы кейінгі бұрынғы
ішкі сыртқы келесі тарапы хатшы басшы атқарушы сайлаушы қатысушы таңдаушы ереже
қатынас бірақ әрі ғана қана шара тарау бап заң құқық депутат мәслихат сайлау
өзге лауазымды кезекті өзекті өкілетті жасырын белгілі құқылы түрлі әртүрлі сайланбалы арнайы
қорытынды жәрдемақы
ақы жалақы еңбекақы төлемақы зейнетақы пәтерақы жарғы екі алты жеті отбасы қаулы белгі салдар
баяндамашы аудармашы
қазақстан өзбекстан ауғанстан түркістан пәкістан дағыстан қырғызстан
""".split())
# participles in -атын/-етін keep their final н (жататын is not жатат·ы·н); after л/й only, as
# nouns in -ат/-ет are common (қызмет·і·н, штат·ы·н, аппарат·ы·н)
PARTICIPLE_ENDS = ("латын", "летін", "йтын", "йтін", "ататын", "ететін")
# -ны after a vowel is the accusative (қала·ны), except after these н-final stems and
# participles, where it is н + possessive ы (орган·ы, нысан·ы, бұзылған·ы)
# nouns in -с whose possessive -і looks like -сі after a vowel (кеңес·і, not кеңе·сі)
S_STEMS = frozenset({"кеңес", "талас", "жарыс", "керіс", "қатынас", "бизнес", "күрес", "адрес", "процес"})
N_STEMS = frozenset("""
орган нысан заман аудан мекен мазмұн кәсіпорын бюллетен жиын план экран
""".split())


def _soft_loans() -> frozenset:
    """The loans of ``soft_loans.txt`` (one a line, ``#`` comments): «бюллетень», «модель» ..."""
    text = (Path(__file__).with_name("soft_loans.txt")).read_text(encoding="utf-8")
    return frozenset(w for w in (line.split("#", 1)[0].strip() for line in text.splitlines())
                     if w.endswith("ь"))


SOFT_LOANS = _soft_loans()
SOFT_ROOTS = frozenset(w[:-1] for w in SOFT_LOANS)        # as written before a vowel: «бюллетен», «модел»
N_STEMS = N_STEMS | {r for r in SOFT_ROOTS if r.endswith("н")}   # бюллетен·і·н, not бюллетен·ні
_N_PARTICIPLE = ("ған", "ген", "қан", "кен", "атын", "етін", "йтын", "йтін")


def _locative_like() -> tuple[frozenset, frozenset]:
    """The stems of ``locative_like.txt`` that end like a locative (-да/-де/-та/-те): all of them
    («команда», «пошта», «пайда»), and the loans among them (the lines after ``[loans]``, not those
    after ``[kazakh]``), which also end a compound («қазпошта»)."""
    text = (Path(__file__).with_name("locative_like.txt")).read_text(encoding="utf-8")
    every, loans, part = set(), set(), ""
    for line in text.splitlines():
        w = line.split("#", 1)[0].strip()
        if w.startswith("["):
            part = w
        elif w.endswith(("да", "де", "та", "те")):
            every.add(w)
            if part == "[loans]":
                loans.add(w)
    return frozenset(every), frozenset(loans)


LOCATIVE_LIKE, LOCATIVE_LIKE_LOANS = _locative_like()
# a listed loan this long also ends a compound whole («қазпошта», «агитбригада»); a Kazakh word does not:
# «кеуде» (chest) ends «тіркеуде» (тіркеу·де, in the registration)
COMPOUND_TAIL = 5


def _harmony_ok(stem: str, suffix: str) -> bool:
    """The suffix vowel must match the stem's last back/front vowel (loans with и/у/ю are free).
    A final к or г is front (a back stem ends in қ or ғ), so a loan with back vowels that ends in
    one takes front suffixes: округ·і·нде, округ·тер, банк·і, парк·тің."""
    sv = next((c for c in suffix if c in BACK or c in FRONT), None)
    if sv is None or "ь" in stem or stem in SOFT_ROOTS:
        return True                                  # a soft sign: either (бюллетень·дер, магистраль·дар, автомобил·і)
    if stem[-1:] in FRONT_FINAL and sv in FRONT:
        return True
    for c in reversed(stem):
        if c in BACK:
            return sv in BACK
        if c in FRONT:
            return sv in FRONT
    return True


def _long_enough(stem: str) -> bool:
    return (len(stem) >= 3 or stem in SHORT_ROOTS) and any(c in VOWELS or c in "иую" for c in stem)


def _by_last_letter(slot: list) -> dict:
    """A slot's entries by the last letter of their suffix, each list in the slot's order, so that
    ``_strip`` tries only the suffixes a word can end with: the same first match, a tenth of the
    tests (issue 14: 52 -> 31 ms for the 8,344 Kazakh words of the real files)."""
    out: dict = {}
    for entry in slot:
        out.setdefault(entry[0][-1], []).append(entry)
    return out


_CASE_BY_LAST, _POSS_BY_LAST, _PLURAL_BY_LAST = map(_by_last_letter, (_CASE, _POSS, _PLURAL))


def _strip(word: str, slot: dict, need_poss: bool = False):
    """``slot``: one of the ``_BY_LAST`` tables."""
    for entry in slot.get(word[-1:], ()):
        suf, prev = entry[0], entry[1]
        if word.endswith(suf) and len(word) > len(suf):
            stem = word[: -len(suf)]
            if suf in ("сы", "сі") and stem[-1] in POSS3 and stem[-2:-1] != "ш" and stem not in EXCEPTIONS:
                continue                            # отырыс·ы, not отыры·сы; but хатшы·сы, қорытынды·сы
            if suf in ("сы", "сі") and stem + "с" in S_STEMS:
                continue                            # кеңес·і, not кеңе·сі
            if suf in ("ы", "і") and stem[-1] in "гғ" and stem[-2:-1] not in VOWELS | {"у"}:
                continue                            # негізгі, қазіргі: the -ғы adjective, not тармағ·ы, округ·і
            last = stem[-2] if stem[-1] == "ь" and len(stem) > 1 else stem[-1]   # бюллетень·дер: н selects
            if last in prev and _long_enough(stem) and (suf in _NO_HARMONY or _harmony_ok(stem, suf)):
                return stem, suf, (entry[2] if len(entry) > 2 else False)
    return word, "", False


def _restore(stem: str, suffix: str = "") -> str:
    if stem in VOWEL_DROP:
        return VOWEL_DROP[stem]
    if stem.endswith("орн"):                        # кәсіпорны -> кәсіпорын
        return stem[:-1] + "ын"
    if stem[-1] in _DEVOICE and stem not in KEEP_VOICED and len(stem) >= 3 and not _back_loan_g(stem, suffix):
        return stem[:-1] + _DEVOICE[stem[-1]]
    return stem


def _back_loan_g(stem: str, suffix: str) -> bool:
    """A г after back vowels before a front suffix is a loan's own (округ·і): a Kazakh back word
    voices қ to ғ (тармақ -> тармағы), a front word к to г (жүрек -> жүрегі), and a back loan in к
    takes a back suffix (рынок -> рыногы)."""
    if stem[-1] != "г" or suffix[:1] not in FRONT:
        return False
    last = next((c for c in reversed(stem[:-1]) if c in BACK or c in FRONT or c == "у"), "")
    return last in BACK or last == "у"


# loans ending in «кт» take a vowel before every suffix (акт -> акті·лер, акті·ні, акті·сі; факт ->
# факті·лер): without it «актілер» stemmed to «акті» and «актісі» to «актіс», three terms for one act
KT_LOANS = ("акт", "факт", "объект", "субъект", "пункт", "контракт", "конфликт", "продукт", "проект",
            "аспект", "эффект", "дефект")


def _kt_loan(st: str) -> str:
    """The loan root when the stem ``st`` is that root with its linking vowel left over («акті», or
    «актіс» of «актісі»), else ``st``: derivation stays («эффектілі», «фактілік»)."""
    for root in KT_LOANS:
        if st.startswith(root) and st[len(root):] in ("і", "ы", "іс", "ыс"):
            return root
    return st


@lru_cache(maxsize=262144)
def stem(word: str) -> str:
    """Lower-case Kazakh word -> stem (inflection removed, derivation kept)."""
    return _soft_loan(_kt_loan(_stem(word)))


def _soft_loan(st: str) -> str:
    """A loan of ``SOFT_LOANS`` as written alone, whether ``st`` has its soft sign or not («бюллетен» of
    «бюллетені», «бюллетендер» -> бюллетень); a derived word keeps its suffix with the soft sign
    («муниципалдық» -> муниципальдық, as «муниципальдық» is written too)."""
    if st in SOFT_ROOTS:
        return st + "ь"
    for n in range(len(st) - 1, 3, -1):
        if st[:n] in SOFT_ROOTS and st[n] in CONSONANTS and st[n] != "й":
            return st[:n] + "ь" + st[n:]
    return st


def _is_locative_like(word: str) -> bool:
    """``word`` is a stem of ``LOCATIVE_LIKE``, or a compound of three letters or more and a listed loan
    («қазпошта»): its -да/-та is its own, not the locative («команда», not коман·да)."""
    if word in LOCATIVE_LIKE:
        return True
    return any(word[i:] in LOCATIVE_LIKE_LOANS for i in range(3, len(word) - COMPOUND_TAIL + 1))


def _stem(word: str) -> str:
    if word in EXCEPTIONS or len(word) < 3:
        return word
    if word[-2:] in ("да", "де", "та", "те") and _is_locative_like(word):
        return word
    if word.endswith(PARTICIPLE_ENDS):
        return word
    if word[-2:] in ("ны", "ні") and len(word) > 4:
        alt = word[:-1]
        if alt in N_STEMS or alt.endswith(_N_PARTICIPLE) or alt.endswith("орн"):
            return _restore(alt)
    w = word
    # case
    after_case, case, needs_poss = _strip(w, _CASE_BY_LAST)
    # possessive
    after_poss, poss, _ = _strip(after_case, _POSS_BY_LAST)
    if poss in ("ы", "і") and after_poss[-1:] == "ш" and after_poss[-2:-1] not in VOWELS:
        after_poss, poss = after_case, ""           # agent suffix -шы/-ші (хатшы, бірінші), not a possessive
    if needs_poss and not poss:
        # -н/-на/-нда only follow a possessive: undo the case strip (e.g. кейін, жиын)
        after_case, case = w, ""
        after_poss, poss, _ = _strip(w, _POSS_BY_LAST)
        if poss in ("ы", "і") and after_poss[-1:] == "ш" and after_poss[-2:-1] not in VOWELS:
            after_poss, poss = w, ""
    if after_case in EXCEPTIONS:
        return after_case
    w = after_poss
    if poss and poss[0] in "ыі":
        w = _restore(w, poss)
    if w in EXCEPTIONS:
        return w
    # plural
    w2, plural, _ = _strip(w, _PLURAL_BY_LAST)
    if plural:
        w = w2
    return w
