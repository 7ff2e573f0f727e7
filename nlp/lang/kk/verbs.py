"""Other forms of a Kazakh verb, for query expansion: a question says «кім бекітеді» (who
approves), the law «бекітіледі» (is approved), «бекітілсін», «бекіту» (approval).

The stemmer keeps finite verb forms apart on purpose (they are rarer than nouns in acts, and
cutting them would merge unrelated words), so the index holds «бекітед», «бекітілед», «бекіту»
as different terms. Instead of changing the index, a query word that looks like a verb form is
expanded at query time to the index terms of its paradigm's common forms (active and passive:
present, participles, optative, past, verbal noun, and the noun a -ла/-ле verb is built on).
Generating a form that does not exist costs nothing: it has no postings.

The suffixes are data below (one place), chosen by vowel harmony and the stem's last sound.
"""
from __future__ import annotations

import re
from functools import lru_cache

from maslihat.nlp.lang.kk.stemmer import BACK, VOWELS

VOICELESS = frozenset("кқпстфхцчшщ")      # the stemmer's set less the loans' final б в г д

# endings a question's verb form may carry -> cut them to reach the verb stem (longest first)
FINITE_ENDINGS = (
    "маса", "месе", "баса", "бесе", "паса", "песе",           # negative conditional (келмесе)
    "мады", "меді", "бады", "беді", "пады", "педі",           # negative past (қарамады), before «ады»
    "майды", "мейді", "байды", "бейді", "пайды", "пейді",     # negative present
    "атын", "етін", "йтын", "йтін",                          # present participle
    "ған", "ген", "қан", "кен",                              # past participle
    "сын", "сін",                                            # optative (decisions: «бекітілсін»)
    "ады", "еді", "йды", "йді",                              # present 3rd person
    "уға", "уге", "уда", "уде", "удың", "удің", "уды", "уді", "удан", "уден", "умен",
    "уы", "уі", "уын", "уін",                                # verbal noun with case/possessive
    "ды", "ді", "ты", "ті",                                  # past 3rd person (бекітті)
    "ып", "іп",                                              # converb
    "у",                                                     # verbal noun (dictionary form)
)
MIN_STEM = 3
# a negated converb («санамай», «санамастан»: without counting) -> its other spellings: the text
# says «дауыс санын санамастан» where a question asks «санамай» (the particle -ма/-ба/-па of the
# verb stem, then the converb's ending); longest first
NEG_CONVERB = ("мастан", "местен", "бастан", "бестен", "пастан", "пестен",
               "май", "мей", "бай", "бей", "пай", "пей")
DENOMINAL = ("ла", "ле", "да", "де", "та", "те")             # хаттама·ла, қабыл·да, марапат·та
# the negative particle a verb stem may end in (қарама·ды, келме·се, тіркелме·ген): a question says
# what was not done, the law what is done («өтінішімді қарамады» / «өтініш … қаралады»)
NEGATIVE = ("ма", "ме", "ба", "бе", "па", "пе")


def _back(stem: str) -> bool:
    for c in reversed(stem):
        if c in VOWELS:
            return c in BACK
    return True


def _active(stem: str) -> list[str]:
    """The stem with a passive/reflexive suffix taken off (бекітіл -> бекіт, сайлан -> сайла)."""
    if len(stem) >= 5 and stem[-2:] in ("ыл", "іл", "ын", "ін") and stem[-3] not in VOWELS:
        return [stem, stem[:-2]]
    if len(stem) >= 5 and stem[-1] in "лн" and stem[-2] in VOWELS:
        return [stem, stem[:-1]]
    return [stem]


# a stem's last consonant is voiced before a vowel and voiceless before a consonant: «шығ·ады» / «шық·қан»,
# «таб·ады» / «тап·ты» (a verb's forms are made on the stem the ending needs), «бастығ·ым» / «бастық»
DEVOICE = {"ғ": "қ", "г": "к", "б": "п"}
VOICE = {v: k for k, v in DEVOICE.items()}


def _passive(stem: str) -> list[str]:
    if stem[-1] in VOWELS:
        return [stem + "л", stem + "н"]
    if stem[-1] in VOICE:                                 # «тап» -> «табыл»
        stem = stem[:-1] + VOICE[stem[-1]]
    vowel = "ы" if _back(stem) else "і"
    return [stem + vowel + ("н" if stem[-1] == "л" else "л")]


def _forms(stem: str) -> list[str]:
    back = _back(stem)
    a, y = ("а", "ы") if back else ("е", "і")
    last = stem[-1]
    vowel_final = last in VOWELS
    if vowel_final:
        present, participle = "й" + "д" + y, "й" + "т" + y + "н"
    else:
        present, participle = a + "д" + y, a + "т" + y + "н"
    hard = stem[:-1] + DEVOICE[last] if last in DEVOICE else stem
    soft = stem[:-1] + VOICE[last] if last in VOICE else stem
    last = hard[-1]
    past_part = ("қ" if back else "к") if last in VOICELESS else ("ғ" if back else "г")
    past = "т" if last in VOICELESS else "д"
    return [soft + "у", soft + "у" + y, soft + present, soft + participle,
            hard + past_part + a + "н", hard + "с" + y + "н", hard + past + y]


def _negated(word: str) -> list[str]:
    """The negated forms of the verb of a negated converb (-май/-мастан and their harmony forms):
    the converb in both spellings, the negative present, participle and verbal noun."""
    end = next((e for e in NEG_CONVERB if word.endswith(e) and len(word) - len(e) >= MIN_STEM), None)
    if end is None:
        return []
    neg = word[: -len(end)] + end[:2]                   # stem + the particle: «санама», «есептеме»
    back = neg.endswith("а")
    return [neg + "й", neg + ("стан" if back else "стен"), neg + ("йды" if back else "йді"),
            neg + "у", neg + ("ған" if back else "ген"), neg + ("йтын" if back else "йтін")]


# a stem in «-й» before an ending in «а»/«у» is written with «я»/«ю»: «қой·ады» is «қояды», «қой·у»
# «қою», «жой·ады» «жояды» (put, sign «қол қою», annul «күшін жою»): the forms are made on «й» + the
# ending and written back (``_iotated`` / ``_written``)
IOTATED = {"я": "йа", "ю": "йу"}


_IOTATED = re.compile("(?<=[" + "".join(sorted(VOWELS | {"у", "и"})) + "])[яю]")    # after a vowel


def _iotated(word: str) -> str:
    return _IOTATED.sub(lambda m: IOTATED[m.group()], word)


def _written(form: str) -> str:
    return form.replace("йа", "я").replace("йу", "ю")


def variants(word: str) -> tuple[str, ...]:
    """Surface forms of the verb ``word`` may be a form of (``word`` itself excluded); () when it
    does not look like a verb form."""
    return tuple(f for f in dict.fromkeys(_written(v) for v in _variants(_iotated(word))) if f != word)


@lru_cache(maxsize=4096)
def _variants(word: str) -> tuple[str, ...]:
    negated = _negated(word)
    if negated:         # «санамай»: without counting — not the verb «санайды» (counts) itself
        return tuple(f for f in dict.fromkeys(negated) if f != word)
    stems: list[str] = []
    for end in FINITE_ENDINGS:
        if word.endswith(end) and len(word) - len(end) >= MIN_STEM:
            stems.append(word[: -len(end)])
            break
    if stems and stems[0].endswith(NEGATIVE) and len(stems[0]) - 2 >= MIN_STEM:
        stems.append(stems[0][:-2])                     # «қарамады» -> қарама, and қара
    if not stems:
        return ()
    actives: list[str] = []
    for s in stems:
        actives.extend(_active(s))
    out: list[str] = []
    for s in dict.fromkeys(actives):
        for v in [s] + _passive(s):
            out.extend(_forms(v))
        if s.endswith(DENOMINAL) and len(s) - 2 >= 4:
            out.append(s[:-2])                                # the noun the verb is made from
    return tuple(f for f in dict.fromkeys(out) if f != word)


FIRST_PERSON = ("ым", "ім")        # «бастығым» (my boss), «өтінішім»; after a vowel «-м» («қалам»)


def first_person(term: str) -> tuple[str, ...]:
    """The noun of a first-person possessive term («бастығым» -> «бастық», «итім» -> «ит»,
    «дәлелдерім» -> «дәлелдер»): an everyday question says «my boss», «my dog», which the law never
    does, and the stemmer keeps the ending (it also ends nouns: «шешім», «әкім»; the caller leaves
    out the law's own words). () when the term does not end so."""
    if term.endswith(FIRST_PERSON) and len(term) >= 4 and term[-3] not in VOWELS:
        stem = term[:-2]
    elif term.endswith("м") and len(term) >= 4 and term[-2] in VOWELS:
        stem = term[:-1]
    else:
        return ()
    return (stem, stem[:-1] + DEVOICE[stem[-1]]) if stem[-1] in DEVOICE else (stem,)


PRIVATIVE = ("сыз", "сіз")          # «мерзім» (term) -> «мерзімсіз» (without a term), by harmony


def privative(stem: str) -> tuple[str, ...]:
    """The noun's privative form («мерзім» -> «мерзімсіз», «ақы» -> «ақысыз»): the law states «акт
    мерзімсіз қолданылады» where a user asks for its «қолданылу мерзімі». The stemmer keeps
    «-сыз/-сіз» (it makes another word), so a query reaches it as a variant. Not back: a word
    typed with «-сыз» is often a word of its own («жұмыссыз», unemployed, is not about «жұмыс»)."""
    if stem.endswith(PRIVATIVE) or len(stem) < MIN_STEM or not any(c in VOWELS for c in stem):
        return ()
    return (stem + PRIVATIVE[0 if _back(stem) else 1],)


# the light verbs (ету, қылу «do»): with a noun they make one verb («талап ету» = требовать,
# «қамтамасыз ету» = обеспечить); alone a form of them translates nothing (``nlp.glossary.learn_table``).
# Not болу «be»: «болмаған» (absent) is a word of its own
LIGHT = re.compile(r"(?:ет|қыл)(?:іл|ын|ыл)?(?:у|уші|ушы|е|а|ед|ад|етін|атын|ген|ған|кен|с|сін|сын|"
                   r"іп|ып|пе|па|ме|ма|мей|май|меу|мау|меген|маған|пес|песе|маса|месе|се|са|еді|ады)")


def light(term: str) -> bool:
    """An index term that is a form of a light verb (ету, етілу, қылу): «етед», «етілмей», «етс»,
    «етуші» — not «қылмыстық», «етік», nor a form of болу."""
    return LIGHT.fullmatch(term) is not None
