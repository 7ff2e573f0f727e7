"""Ingest with worker processes gives the same corpus as ingest in one process."""
from __future__ import annotations

import shutil
import sqlite3

from maslihat.corpus.api import Corpus
from tests.conftest import SAMPLES


def _dump(db) -> dict:
    conn = sqlite3.connect(db)
    q = {"documents": "SELECT id, is_latest, parallel_id, data FROM documents ORDER BY id",
         "units": "SELECT * FROM units ORDER BY id",
         "refs": "SELECT * FROM refs ORDER BY id",
         "quarantine": "SELECT path, reason FROM quarantine ORDER BY path",
         "index": "SELECT u.unit_id, u.text, u.spans, u.terms, d.language FROM search_units u "
                  "JOIN search_docs d ON d.rowid = u.doc_rowid ORDER BY u.unit_id",
         "competency": "SELECT u.unit_id, c.value FROM search_unit_competency c "
                       "JOIN search_units u ON u.rowid = c.unit_rowid ORDER BY 1, 2"}
    out = {k: conn.execute(v).fetchall() for k, v in q.items()}
    conn.close()
    return out


def test_workers_give_the_same_corpus(tmp_path, monkeypatch):
    from bench.generate import write
    src = tmp_path / "in"
    write(40, src / "gen")
    for p in SAMPLES.glob("*.txt"):
        shutil.copy(p, src / p.name)
    shutil.copy(SAMPLES / "004_a94f33b09feff6f9.txt", src / "same_content.txt")  # same bytes under two names
    (src / "empty.txt").write_bytes(b"")                                          # quarantined
    dumps, summaries = [], []
    for workers in ("0", "2"):
        monkeypatch.setenv("MASLIHAT_INGEST_WORKERS", workers)
        db = tmp_path / f"c{workers}.sqlite"
        c = Corpus(str(db), es_url="")
        seen: list[tuple[str, str]] = []
        s = c.ingest([str(src)], on_file=lambda path, outcome, detail: seen.append((path, outcome)))
        c.close()
        summaries.append((s.files, s.documents_added, s.unchanged, len(s.quarantined), seen))
        dumps.append(_dump(db))
    assert summaries[0] == summaries[1]
    assert summaries[0][3] == 1
    for k in dumps[0]:
        assert dumps[0][k] == dumps[1][k], k


def test_a_worker_build_survives_pairing_with_another_file(tmp_path):
    """Pairing ``X.kaz.txt`` with ``X.rus.txt`` sets the documents' ``parallel_id`` (which build does
    not read): the storing process keeps the worker's build. A field build reads, or a change of
    partner inside one file (the in-file alignment), still makes it build again."""
    from maslihat.corpus.prefetch import _prepare, _reuse
    kaz, both = tmp_path / "000.kaz.txt", tmp_path / "001.txt"
    shutil.copy(SAMPLES / "000_eba0dbad217e7da3.txt", kaz)
    shutil.copy(SAMPLES / "001_56a79b46f786f9f7.txt", both)
    prebuilt = _prepare(str(kaz), kaz.name)
    (doc,) = prebuilt[1]
    doc.parallel_id = "ru-document-of-another-file"
    assert _reuse(prebuilt, [doc]) is prebuilt[2]
    doc.number = "999"
    assert _reuse(prebuilt, [doc]) is None
    prebuilt = _prepare(str(both), both.name)
    ru, kk = prebuilt[1]
    assert ru.parallel_id == kk.id and _reuse(prebuilt, [ru, kk]) is prebuilt[2]
    ru.parallel_id = "kk-document-of-another-file"
    assert _reuse(prebuilt, [ru, kk]) is None


def test_a_worker_build_of_a_law_is_kept(tmp_path):
    """Building a national act sets its amendments (from the footnotes): that is the worker's own
    work, not a change by the storing process, so the build is kept, not done a second time."""
    from maslihat.corpus.prefetch import _prepare, _reuse
    from tests.structure.test_laws import LAW_RU
    law = tmp_path / "law.txt"
    law.write_text(LAW_RU, encoding="utf-8")
    prebuilt = _prepare(str(law), law.name)
    (doc,) = prebuilt[1]
    assert doc.doc_type == "law" and doc.amendments
    assert _reuse(prebuilt, [doc]) is prebuilt[2]


def test_a_kazakh_file_is_built_in_a_worker_as_paired(tmp_path, monkeypatch, dev_dir):
    """``10579.kaz.txt`` states no requisites: paired with ``10579.rus.txt`` it takes the Russian
    act's id. A worker builds it so paired (corpus/pair_ahead.py): with 2 workers this process
    builds nothing, and the corpus is the one a single process makes."""
    import maslihat.corpus.ingest_run as run
    src = tmp_path / "in"
    src.mkdir()
    for name in ("10579.kaz.txt", "10579.rus.txt"):
        shutil.copy(dev_dir / "derived" / name, src / name)
    built: list[str] = []
    real = run.build
    monkeypatch.setattr(run, "build", lambda d: built.append(d.id) or real(d))
    dumps = []
    for workers in ("0", "2"):
        monkeypatch.setenv("MASLIHAT_INGEST_WORKERS", workers)
        built.clear()
        db = tmp_path / f"c{workers}.sqlite"
        c = Corpus(str(db), es_url="")
        c.ingest([str(src)])
        c.close()
        dumps.append(_dump(db))
    assert built == []
    assert dumps[0] == dumps[1]
    assert [d[0] for d in dumps[0]["documents"]] == ["kz-alm.akim/decision/2001-10-29/10-141/kk",
                                                     "kz-alm.akim/decision/2001-10-29/10-141/ru"]


def test_a_build_paired_ahead_is_not_used_for_a_document_paired_otherwise(tmp_path, dev_dir):
    """The partner's batch came later (the file is stored unpaired) or another file paired it:
    the storing process builds the document again."""
    from maslihat.corpus.prefetch import _prepare, _reuse
    from maslihat.ingest.pipeline import load_file
    kaz = dev_dir / "derived" / "10579.kaz.txt"
    (ru,) = load_file(dev_dir / "derived" / "10579.rus.txt", "10579.rus.txt")
    prebuilt = _prepare(str(kaz), kaz.name, ru)
    (doc,) = prebuilt[1]
    assert prebuilt[2][0].doc.id == ru.id.replace("/ru", "/kk")
    assert _reuse(prebuilt, [doc]) is None


def test_workers_are_not_given_a_readme_or_meta_yaml(tmp_path):
    """The storing process does not read them as texts: a worker's build of one was thrown away,
    with the lemmas that worker found first (the lexicon then missed them)."""
    from maslihat.corpus.prefetch import _Prefetch
    text = (SAMPLES / "001_56a79b46f786f9f7.txt").read_text(encoding="utf-8")
    files = [tmp_path / n for n in ("README.md", "meta.yaml", "rus.md")]
    for p in files:
        p.write_text(text, encoding="utf-8")
    c = Corpus(str(tmp_path / "c.sqlite"), es_url="")
    try:
        assert [_Prefetch(c.store, [], 0)._wanted(str(p)) for p in files] == [False, False, True]
    finally:
        c.close()



def test_a_second_format_of_one_edition_is_not_built_twice(tmp_path, monkeypatch):
    """``X.rus.txt`` read after ``X.rus.html`` with the same text is stored as one more source of
    the edition: the worker does not build it (issue 14: 54 of the 129 real files), and the corpus is
    the same as in one process (RU and KK). Another edition in the second format is still built."""
    from maslihat.corpus.prefetch import _LOADED, _prepare
    from tests.corpus import acts_builder as B
    src = tmp_path / "in"
    for k, date in enumerate(("2019-03-14", "2020-06-02")):
        a = B.act(date, f"{k + 3}12", f"О ставках платы за пастбища {k}", f"Жайылым ақысы туралы {k}", points=8)
        B.write_html(a, src, f"10{k}")
        B.write_txt(a, src, f"10{k}")
    for name in ("100.rus", "101.kaz"):
        _LOADED.clear()
        done = _prepare(str(src / f"{name}.txt"), f"{name}.txt", None, (str(src / f"{name}.html"), f"{name}.html"))
        assert done[0] == "ok" and done[1] and done[2] is None
    other = tmp_path / "100.rus.txt"
    other.write_text((src / "100.rus.txt").read_text(encoding="utf-8") + "9. Добавлен новый пункт.\n", encoding="utf-8")
    done = _prepare(str(other), other.name, None, (str(src / "100.rus.html"), "100.rus.html"))
    assert done[2] is not None
    dumps = []
    for workers in ("0", "2"):
        monkeypatch.setenv("MASLIHAT_INGEST_WORKERS", workers)
        db = tmp_path / f"c{workers}.sqlite"
        c = Corpus(str(db), es_url="")
        s = c.ingest([str(src)])
        c.close()
        assert (s.files, s.documents_added, len(s.duplicates)) == (8, 4, 4)
        dumps.append(_dump(db))
    assert dumps[0] == dumps[1]


def test_a_language_partner_is_indexed_again_with_the_terms_it_had(tmp_path, monkeypatch):
    """Storing ``X.rus.txt`` aligns it with ``X.kaz.txt`` stored just before; the Kazakh document's
    terms are never normalised again (issue 14); every unit of both languages holds the terms its
    own text gives."""
    import maslihat.corpus.index.rows as rows
    from maslihat.corpus.index.unit_store import stored_terms, unit_texts
    from tests.corpus import acts_builder as B
    monkeypatch.setenv("MASLIHAT_INGEST_WORKERS", "0")
    a = B.act("2019-03-14", "312", "О ставках платы за пастбища", "Жайылым ақысы туралы", points=8)
    B.write_txt(a, tmp_path / "in", "100")
    recomputed: list[str] = []
    real = rows.cached_terms
    monkeypatch.setattr(rows, "cached_terms", lambda text, lang: recomputed.append(lang) or real(text, lang))
    c = Corpus(str(tmp_path / "c.sqlite"), es_url="")
    s = c.ingest([str(tmp_path / "in")])
    assert s.documents_added == 2 and recomputed == []
    kk = next(d for d in c.store.documents() if d.language == "kk")
    assert kk.parallel_id and any(u.parallel_id for u in c.store.units(kk.id))
    c.close()
    conn = sqlite3.connect(tmp_path / "c.sqlite")
    texts, terms = unit_texts(conn), stored_terms(conn)
    lang_of = dict(conn.execute("SELECT u.unit_id, d.language FROM search_units u "
                                "JOIN search_docs d ON d.rowid = u.doc_rowid"))
    conn.close()
    assert set(lang_of.values()) == {"ru", "kk"} and set(texts) == set(terms) == set(lang_of)
    for unit_id, lang in lang_of.items():      # the terms the unit's own text gives
        assert terms[unit_id] == real(texts[unit_id], lang), unit_id


def _index_rows(db) -> list:
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT u.unit_id, u.kind, u.label, u.ordinal, u.nterms, u.spans, d.document_id, d.title, "
                        "d.language, d.doc_type, d.status, d.adopted_date FROM search_units u "
                        "JOIN search_docs d ON d.rowid = u.doc_rowid ORDER BY u.unit_id").fetchall()
    comp = conn.execute("SELECT u.unit_id, c.value FROM search_unit_competency c "
                        "JOIN search_units u ON u.rowid = c.unit_rowid ORDER BY 1, 2").fetchall()
    conn.close()
    from maslihat.corpus.index.unit_store import stored_terms
    conn = sqlite3.connect(db)
    terms = sorted(stored_terms(conn).items())
    conn.close()
    return [rows, comp, terms]


def test_an_aligned_partner_keeps_the_index_rows_it_was_given(tmp_path, monkeypatch):
    """``X.kaz.txt`` then ``X.rus.txt`` (RU and KK files of one act): aligning the Russian document
    sets the Kazakh units' parallel ids in the store, and the Kazakh index rows (which hold no
    parallel id) stay the ones it was indexed with moments before, written once (issue 14); the
    index is the one a rebuild from the corpus file gives. A partner stored by an earlier run is
    indexed again (this run does not know what its rows were made of), with the same result."""
    from maslihat.corpus.converge import rebuild
    from maslihat.corpus.index.sqlite_fts import SqliteIndex
    from tests.corpus import acts_builder as B
    monkeypatch.setenv("MASLIHAT_INGEST_WORKERS", "0")
    a = B.act("2019-03-14", "312", "О ставках платы за пастбища", "Жайылым ақысы туралы", points=8)
    ru, kk = B.write_txt(a, tmp_path / "in", "100")
    added: list[str] = []
    real_add = SqliteIndex.add
    monkeypatch.setattr(SqliteIndex, "add", lambda self, docs, *a, **k: added.extend(d.language for d in docs)
                        or real_add(self, docs, *a, **k))
    for name, runs in (("one", [[str(tmp_path / "in")]]), ("two", [[str(kk)], [str(ru)]])):
        added.clear()
        db = tmp_path / f"{name}.sqlite"
        c = Corpus(str(db), es_url="")
        for paths in runs:
            c.ingest(paths)
        kk_doc = next(d for d in c.store.documents() if d.language == "kk")
        ru_doc = next(d for d in c.store.documents() if d.language == "ru")
        assert kk_doc.parallel_id == ru_doc.id and ru_doc.parallel_id == kk_doc.id
        kk_units = c.store.units(kk_doc.id)
        assert sum(1 for u in kk_units if u.parallel_id and u.parallel_id.startswith(ru_doc.id + "/")) >= 8
        assert added == (["kk", "ru"] if name == "one" else ["kk", "kk", "ru"]), name
        ingested = _index_rows(db)
        assert any(r[8] == "kk" for r in ingested[0]) and any(r[8] == "ru" for r in ingested[0])
        rebuild(c, "sqlite")
        c.close()
        assert _index_rows(db) == ingested, name


def test_a_file_and_its_second_format_go_to_one_worker_together(tmp_path, monkeypatch):
    """``X.rus.html`` and ``X.rus.txt`` (and the Kazakh two, with their Russian partner) are one
    worker task, so the worker that decides whether the second is the same edition has the first
    at hand: every file is read once (issue 14: a sibling read by the other worker was read again,
    29 of the 129 real files), RU and KK, and the corpus is the one a single process makes."""
    from concurrent.futures import Future

    import maslihat.corpus.workers as workers
    import maslihat.ingest.pipeline as pipeline
    from maslihat.corpus.prefetch import _LOADED, _Prefetch
    from tests.corpus import acts_builder as B
    src = tmp_path / "in"
    a = B.act("2019-03-14", "312", "О ставках платы за пастбища", "Жайылым ақысы туралы", points=8)
    B.write_html(a, src, "100")
    B.write_txt(a, src, "100")
    names = sorted(p.name for p in src.iterdir())
    assert names == ["100.kaz.html", "100.kaz.txt", "100.rus.html", "100.rus.txt"]

    class InProcess:       # a pool that runs each task at once, recording what each task holds
        tasks: list[list[str]] = []

        def __init__(self, *_a, **_k):
            pass

        def submit(self, fn, tasks):
            InProcess.tasks.append([t[0].rsplit("/", 1)[-1] for t in tasks])
            f = Future()
            f.set_result(fn(tasks))
            return f

        def shutdown(self, **_k):
            pass

    monkeypatch.setattr(workers, "pool", InProcess)
    read: list[str] = []
    real = pipeline.load_file
    monkeypatch.setattr(pipeline, "load_file", lambda p, s: read.append(s) or real(p, s))
    _LOADED.clear()
    c = Corpus(str(tmp_path / "c.sqlite"), es_url="")
    try:
        items = [(str(src / n), n) for n in names]
        pre = _Prefetch(c.store, items, 2)
        pre.ahead(len(items))
        done = [pre.result(p) for p, _n in items]
        pre.close()
    finally:
        c.close()
    assert InProcess.tasks == [["100.rus.html", "100.rus.txt"], ["100.kaz.html", "100.kaz.txt"]]
    assert sorted(read) == names
    assert all(d[0] == "ok" for d in done)
    assert [d[2] is None for d in done] == [False, True, False, True]   # the second formats: not built
    dumps = []
    monkeypatch.undo()
    for n in ("0", "2"):
        monkeypatch.setenv("MASLIHAT_INGEST_WORKERS", n)
        c = Corpus(str(tmp_path / f"c{n}.sqlite"), es_url="")
        s = c.ingest([str(src)])
        c.close()
        assert (s.files, s.documents_added, len(s.duplicates)) == (4, 2, 2)
        dumps.append(_dump(tmp_path / f"c{n}.sqlite"))
    assert dumps[0] == dumps[1]
