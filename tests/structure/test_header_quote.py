"""A decree's publication note, a Markdown blockquote in its header («Подлежит опубликованию в
Собрании актов…», «…жариялануға тиіс»), is one note on the act, not lines of its preamble: a
comparison with another act would list each line as a provision «only in B»."""
import pytest

from maslihat.corpus.build import build
from maslihat.ingest.pipeline import load_file
from maslihat.nlp.compare import pair_by_content

HEADS = {
    "ru": ("# Об утверждении Типового положения\n\n"
           "> *Подлежит опубликованию в*  \n> *Собрании актов Президента и*  \n"
           "> *Правительства Республики Казахстан*  \n> *и республиканской печати*\n\n"
           "В соответствии со статьей 9 Закона Республики Казахстан ПОСТАНОВЛЯЮ:\n\n"
           "1. Утвердить прилагаемое Типовое положение.\n\n"
           "2. Настоящий Указ вводится в действие по истечении десяти календарных дней.\n"),
    "kk": ("# Үлгі ережені бекіту туралы\n\n"
           "> *Қазақстан Республикасы Президенті*  \n> *мен Үкіметі актілерінің жинағында*  \n"
           "> *және республикалық баспасөзде*  \n> *жариялануға тиіс*\n\n"
           "Қазақстан Республикасы Заңының 9-бабына сәйкес ҚАУЛЫ ЕТЕМІН:\n\n"
           "1. Қоса беріліп отырған үлгі ереже бекітілсін.\n\n"
           "2. Осы Жарлық күнтізбелік он күн өткен соң қолданысқа енгізіледі.\n"),
}


def units_of(tmp_path, lang, text, name):
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    (doc,) = [d for d in load_file(f, name) if d.language == lang]
    b = build(doc)
    return b.doc, b.units


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_publication_note_is_one_note_and_the_preamble_is_the_formula(tmp_path, lang):
    doc, units = units_of(tmp_path, lang, HEADS[lang], f"{lang}.md")
    notes = [u for u in units if u.kind == "note"]
    preambles = [u for u in units if u.kind == "preamble"]
    assert len(notes) == 1 and notes[0].parent_id is None
    note = " ".join(doc.text[notes[0].start:notes[0].end].split())
    assert note.startswith(("Подлежит опубликованию", "Қазақстан Республикасы Президенті"))
    assert note.endswith(("республиканской печати", "жариялануға тиіс"))
    assert len(preambles) == 1 and doc.text[preambles[0].start:preambles[0].end].rstrip().endswith(
        ("ПОСТАНОВЛЯЮ:", "ҚАУЛЫ ЕТЕМІН:"))
    assert [u.label for u in units if u.kind == "point"] == (["п. 1", "п. 2"] if lang == "ru" else ["1-тармақ", "2-тармақ"])


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_a_comparison_does_not_list_the_publication_note(tmp_path, lang):
    plain = HEADS[lang].split("\n\n", 2)
    without = plain[0] + "\n\n" + plain[2]                   # the same act with no publication note
    da, ua = units_of(tmp_path, lang, without, f"a-{lang}.md")
    db, ub = units_of(tmp_path, lang, HEADS[lang], f"b-{lang}.md")
    kinds = {u.id: u.kind for u in ua + ub}
    only = [b for a, b, _ in pair_by_content(da, ua, db, ub) if b and not a]
    assert not [b for b in only if kinds[b] in ("preamble", "note")]
