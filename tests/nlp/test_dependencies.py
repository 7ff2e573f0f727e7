"""Dependencies are honest: the user's paths (ingest, search, show, export) run without the
optional extras (spaCy, langdetect); spaCy finds our Kazakh class through its entry point; the
language folders mirror each other."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "corpus" / "samples"

_WITHOUT_EXTRAS = """
import sys
sys.modules["spacy"] = None          # any import of spaCy or langdetect now raises ImportError
sys.modules["langdetect"] = None
from maslihat.cli import main
db, samples, out = sys.argv[1:4]
for argv in (["ingest", "--db", db, samples], ["search", "--db", db, "--json", "бюджет"],
             ["export", "--db", db, "--out", out]):
    code = main(argv)
    if code:
        raise SystemExit(f"{argv[0]} exited {code}")
"""


def test_ingest_search_export_run_without_spacy_and_langdetect(tmp_path):
    res = subprocess.run([sys.executable, "-c", _WITHOUT_EXTRAS, str(tmp_path / "c.sqlite"), str(SAMPLES),
                          str(tmp_path / "out")], capture_output=True, text=True, timeout=600, cwd=tmp_path)
    assert res.returncode == 0, res.stderr[-2000:]
    hits = json.loads(next(line for line in res.stdout.splitlines() if line.startswith("{")))
    assert hits["total"] > 0
    langs = {json.loads(line)["language"] for line in (tmp_path / "out" / "documents.jsonl").open(encoding="utf-8")}
    assert langs == {"ru", "kk"}


def test_spacy_finds_kazakh_through_the_entry_point(tmp_path):
    """A program that never imports maslihat gets our class from spacy.blank("kk")."""
    code = ("import spacy, sys; nlp = spacy.blank('kk'); "
            "print(type(nlp).__module__, [t.text for t in nlp('Мәслихаттың 2014 ж. шешімі')])")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert res.returncode == 0, res.stderr[-2000:]
    assert res.stdout.split()[0] == "maslihat.nlp.lang.kk.spacy_lang"
    assert "'ж.'" in res.stdout          # our tokenizer exception keeps the abbreviation whole


def test_language_folders_mirror_each_other():
    """Same files in nlp/lang/ru and nlp/lang/kk, except the one morphology module each:
    a dictionary lemmatizer for Russian (pymorphy3), a suffix stemmer for Kazakh (no dictionary);
    Kazakh's letters typed with Russian stand-ins (``letters.py``: Russian lacks no letter); and
    Russian's verb aspects (``verb_families.txt``: pymorphy3 gives each aspect
    a lemma of its own, where a Kazakh stem keeps them together and ``kk/verbs.py`` derives the rest);
    the Kazakh stemmer's loans in «ь» (``soft_loans.txt``: its data; pymorphy3's dictionary knows the Russian ones)
    and its stems that end like a locative (``locative_like.txt``: «команда», «пайда»; a dictionary has them)."""
    files = {lang: {p.name for p in (ROOT / "nlp" / "lang" / lang).iterdir() if not p.name.startswith("__pycache")}
             for lang in ("ru", "kk")}
    assert files["ru"] - {"lemmatizer.py", "verb_families.txt"} == files["kk"] - {"stemmer.py", "letters.py", "soft_loans.txt",
                                                                             "locative_like.txt"}
    from maslihat.nlp.lang import kk, ru
    assert ru.RussianDefaults.stop_words == ru.STOP_WORDS and kk.KazakhDefaults.stop_words == kk.STOP_WORDS
    assert ru.make_nlp()("ст. 5").text == "ст. 5" and [t.text for t in ru.make_nlp()("ст. 5")] == ["ст.", "5"]
