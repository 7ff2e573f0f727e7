"""Files -> Documents: the entry points the store and the CLI call.

``iter_inputs`` expands the paths a user gave; ``load_file`` reads one file (any supported
format), normalises it, splits an RU+KK file into its two language versions and attaches the
metadata of each; ``pair_key`` tells which files are language versions of one act.
"""
from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Optional, Union

from maslihat.core.ids import document_id, work_id
from maslihat.core.model import Document, Quarantined
from maslihat.ingest.errors import IngestError
from maslihat.ingest.langid import dominant_language
from maslihat.ingest.limits import MAX_BYTES, captured_warnings, read_input
from maslihat.ingest.metadata import extract
from maslihat.ingest.normalize import normalize
from maslihat.ingest.readers import reader_for
from maslihat.ingest.split import split_languages



def _hidden(name: str) -> bool:
    return name.startswith(".")


def _walk(root: Path, rel: str, seen: set | None = None) -> Iterator[Union[tuple[Path, str], Quarantined]]:
    seen = set() if seen is None else seen
    try:
        real = os.path.realpath(root)
        if real in seen:            # a symlink loop: each folder once
            return
        seen.add(real)
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except PermissionError:
        yield Quarantined(str(root), "permission denied")
        return
    except FileNotFoundError:
        yield Quarantined(str(root), "vanished during ingest")
        return
    except OSError as e:
        yield Quarantined(str(root), f"cannot list folder ({e.strerror or type(e).__name__})")
        return
    for entry in entries:
        if _hidden(entry.name):
            continue
        path = root / entry.name
        sub = f"{rel}/{entry.name}" if rel else entry.name
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(path, sub, seen)
        else:
            yield path, sub


def iter_inputs(paths: list[str]) -> Iterator[Union[tuple[Path, str], Quarantined]]:
    """(path, source) for every file under ``paths``, in a stable order; Quarantined for a
    folder that cannot be read. ``source`` is relative to the folder given (or the file name). A file reached twice (a folder
    given twice, a file given beside its folder) is read once, under the first name it was given."""
    seen: set[str] = set()
    for item in _inputs(paths):
        if not isinstance(item, Quarantined):
            real = os.path.realpath(item[0])
            if real in seen:
                continue
            seen.add(real)
        yield item


def count_inputs(paths: list[str]) -> int:
    """How many entries ``iter_inputs`` gives, at most (a file reached twice is counted twice),
    without keeping them: ~0.2 CPU-s for 100,000 files, against ~2.3 for ``iter_inputs``."""
    return sum(1 for _ in _inputs(paths))


def _inputs(paths: list[str]) -> Iterator[Union[tuple[Path, str], Quarantined]]:
    for given in paths:
        p = Path(given)
        if p.is_dir():
            # an act folder of the repositories' layout given itself keeps its name in the source
            # (``<act>/rus.md``), as when its parent is given: its files pair into one act
            yield from _walk(p, _act_folder_name(p) if _is_act_folder(p) else "")
        elif p.exists():
            yield p, (f"{_act_folder_name(p.parent)}/{p.name}" if _is_act_file(p) else p.name)
        else:
            yield Quarantined(str(p), "no such file or folder")


_ACT_FILES = ("rus.md", "kaz.md", "meta.yaml")


def _is_act_file(p: Path) -> bool:
    return p.name.lower() in _ACT_FILES


def _is_act_folder(p: Path) -> bool:
    return any((p / n).is_file() for n in _ACT_FILES[:2])


def _act_folder_name(p: Path) -> str:
    return Path(os.path.abspath(p)).name or "act"


_README = re.compile(r"^readme(\.[a-z]+)?$", re.I)


def skip_reason(path: Path) -> str | None:
    """Why a file is not a text to read, when its name says so (checked before reading it).

    ``meta.yaml`` is metadata of the act folder it sits in (read with the texts); a lone one
    is reported. A README is a repository's documentation, not an act."""
    from maslihat.ingest.repository import is_meta_file, texts_beside
    path = Path(path)
    if is_meta_file(path):
        return None if texts_beside(path) else "meta.yaml without rus.md/kaz.md beside it: no text to ingest"
    if _README.match(path.name):
        return "repository documentation (README), not an act"
    return None


_PAIR = re.compile(r"^(?P<stem>.+?)[._-](?P<lang>rus|kaz|ru|kk|kz)$", re.I)
_LANG = {"rus": "ru", "ru": "ru", "kaz": "kk", "kk": "kk", "kz": "kk"}


def pair_key(source: str) -> tuple[str, str] | None:
    """('folder/20090', 'ru') for ``folder/20090.rus.txt``; None when the name carries no language."""
    parent, _, name = source.replace("\\", "/").rpartition("/")
    stem = name.rsplit(".", 1)[0] if "." in name else name
    if parent and stem.lower() in _LANG:          # <act>/rus.md, <act>/kaz.md: the folder is the act
        return parent, _LANG[stem.lower()]
    m = _PAIR.match(stem)
    if not m:
        return None
    key = f"{parent}/{m.group('stem')}" if parent else m.group("stem")
    return key, _LANG[m.group("lang").lower()]


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """Regular files only, size checked before reading, read capped (``ingest.limits``)."""
    return read_input(path, max_bytes)


def _size_label(n: int) -> str:
    return f"{n // (1024 * 1024)} MB" if n >= 1024 * 1024 and n % (1024 * 1024) == 0 else f"{n} bytes"


def _original_cut(original: str, normalized: str, cut: int,
                  norm_lines: list[tuple[str, str]] | None = None) -> int:
    """Offset in ``original`` of the line where ``normalized`` is cut (same line, found by content).

    ``norm_lines`` ((line, normalised line) for every line of ``original``) saves normalising
    the lines again when one file is cut more than once."""
    target = normalized[cut:].split("\n", 1)[0].strip()
    rel = cut / max(len(normalized), 1)
    best, pos = None, 0
    if norm_lines is None:
        norm_lines = _norm_lines(original)
    for line, norm in norm_lines:
        if norm == target:
            d = abs(pos / max(len(original), 1) - rel)
            if best is None or d < best[0]:
                best = (d, pos)
        pos += len(line)
    return best[1] if best else round(rel * len(original))


# 16,384 lines, not 65,536 (issue 14: ingest memory): a line and its normalised form are ~0.9 KB
# kept, 60 MB per ingest process at the larger size. A line normalised again costs ~5 µs: in
# 20,000 generated files (394,566 lines asked, 63,168 distinct) the smaller memo misses 45,112
# more, ~0.25 CPU-s of their ~85; the 129 real files ask 755 distinct lines
@lru_cache(maxsize=16384)
def _normalized_line(line: str) -> str:
    return normalize(line).strip()


def _norm_lines(original: str) -> list[tuple[str, str]]:
    """(line, its normalised content) for every line of ``original`` (lines repeat across files: cached)."""
    return [(line, _normalized_line(line)) for line in original.splitlines(keepends=True)]


def load_file(path: Path, source: str, max_bytes: int = MAX_BYTES, data: bytes | None = None,
              digest: str | None = None) -> list[Document]:
    """The documents of one file (two for an RU+KK file); IngestError with a reason otherwise.

    ``data`` and ``digest``: the file's bytes and their sha256, from a caller that has read them
    already (``read_input``, within ``max_bytes``), so that they are not read and hashed again
    (issue 14: an ingest read and hashed each file twice)."""
    path = Path(path)
    read = reader_for(path.suffix)
    if data is None:
        data, digest = _read_bytes(path, max_bytes), None
    if not data.strip():
        raise IngestError("empty file")
    with captured_warnings("pypdf") as warns:     # a library's warnings are the file's, not stderr's
        original = read(data)
    original = unicodedata.normalize("NFC", original.replace("\r\n", "\n").replace("\r", "\n"))
    text = normalize(original)
    if not re.search(r"[^\W\d_]", text):
        raise IngestError("no text")
    if digest is None:
        digest = hashlib.sha256(data).hexdigest()
    parts = split_languages(text)
    docs: list[Document] = []
    norm_lines: list[tuple[str, str]] | None = None
    cuts: dict[int, int] = {}           # cut in ``text`` -> offset in ``original`` (each found once)
    for k, part in enumerate(parts):
        ptext = text[part.start:part.end].strip("\n")
        if len(parts) == 1:
            porig = original
            lang = dominant_language(ptext) if part.language not in ("ru", "kk") else part.language
        else:
            if norm_lines is None:
                norm_lines = _norm_lines(original)
            a = 0 if k == 0 else (cuts[part.start] if part.start in cuts else
                                  _original_cut(original, text, part.start, norm_lines))
            b = len(original) if k == len(parts) - 1 else _original_cut(original, text, parts[k + 1].start, norm_lines)
            cuts[parts[k + 1].start if k < len(parts) - 1 else -1] = b
            porig = original[a:b].strip("\n")
            lang = part.language
        detected = lang
        if lang not in ("ru", "kk"):
            lang = "ru"   # the contract knows RU and KK documents only; extra keeps what was seen
        doc = _document(ptext, porig, lang, source, k, digest, path.suffix.lower())
        if detected != lang:
            doc.extra["detected_language"] = detected
        docs.append(doc)
    if len(docs) == 2:
        docs[0].parallel_id, docs[1].parallel_id = docs[1].id, docs[0].id
        _share_act(docs)
    if warns:
        for d in docs:
            d.extra["reader_warnings"] = list(warns)
    if len(docs) == 1 and path.suffix.lower() in (".md", ".markdown"):
        _markdown_layout(docs[0], data)
    _repository_meta(path, source, docs)
    for doc in docs:
        _identity(doc, source, digest, path.suffix.lower())
    return docs


_NOT_LETTERS = re.compile(r"[\W_]+")


@lru_cache(maxsize=16384)
def _key(line: Optional[str]) -> str:
    # kept per line (issue 14): a hint's text is one of the document's lines, and the languages
    # and formats of an act share lines (7,653 keys of 3,095 distinct lines in the real files)
    return _NOT_LETTERS.sub("", (line or "").lower())


def _markdown_layout(doc: Document, data: bytes) -> None:
    """``extra["layout"]``: the Markdown structure marks as line numbers of ``doc.text``
    (``[{"line": i, "kind": "heading", "level": 2}, {"line": i, "kind": "anchor", "id": "st1"},
    {"line": i, "kind": "note"}, {"line": i, "kind": "table"}…]``), for the segmenter."""
    from maslihat.ingest.decode import decode_text
    from maslihat.ingest.readers import markdown_layout
    try:
        hints = markdown_layout(decode_text(data)[0])
    except Exception:  # noqa: BLE001 - hints are optional
        return
    lines = doc.text.split("\n")
    keys = [_key(x) for x in lines]
    out: list[dict] = []
    pos = 0
    for h in hints:
        if h["text"] is None:           # a table: the next line holding tab-separated cells
            i = next((k for k in range(pos, len(lines)) if "\t" in lines[k]), None)
        else:
            want = _key(h["text"])
            if not want:
                continue
            i = next((k for k in range(pos, min(len(lines), pos + 400)) if keys[k] == want), None)
        if i is None:
            continue
        entry = {"line": i, "kind": h["kind"]}
        if "level" in h:
            entry["level"] = h["level"]
        if "id" in h:
            entry["id"] = h["id"]
        out.append(entry)
        pos = i if h["kind"] == "anchor" else i + 1
    if out:
        doc.extra["layout"] = out


def _repository_meta(path: Path, source: str, docs: list[Document]) -> None:
    """An act folder's ``rus.md``/``kaz.md``: meta.yaml beside it decides the act's requisites."""
    from maslihat.ingest.repository import apply_meta, language_of_name, meta_for
    lang = language_of_name(path)
    if not lang:
        return
    folder = source.replace("\\", "/").rpartition("/")[0] or path.parent.name
    try:
        meta = meta_for(path)
    except IngestError as e:
        for d in docs:
            d.extra["meta_error"] = str(e)     # the text is kept; meta.yaml is quarantined with the reason
        return
    if meta is None:
        return
    if len(docs) == 1:
        apply_meta(docs[0], meta, lang, folder)
        return
    for d in docs:                              # a bilingual file inside an act folder
        apply_meta(d, meta, d.language, folder)
    docs[0].parallel_id, docs[1].parallel_id = docs[1].id, docs[0].id


def _identity(doc: Document, source: str, digest: str, fmt: str) -> None:
    """Provenance, canonical body and place, the act an amending act amends, the edition's fingerprint."""
    from maslihat.ingest.identity import amended_acts, canonical_ids, fingerprint
    doc.sources = [{"source": source, "format": fmt.lstrip("."), "content_hash": digest}]
    doc.extra["fingerprint"] = fingerprint(doc)
    try:        # links and canonical names are extras: a failure here must not lose the file
        canonical_ids(doc)
        if not doc.amends:
            doc.amends = amended_acts(doc.title, doc.adopted_date, doc.number)
    except Exception as e:  # noqa: BLE001
        doc.extra["identity_error"] = f"{type(e).__name__}: {e}"


def _document(text: str, original: str, lang: str, source: str, part: int, digest: str, fmt: str) -> Document:
    parts = source.replace("\\", "/").split("/")
    stem = parts[-1]
    if len(parts) > 1 and stem.rsplit(".", 1)[0].lower() in _LANG:
        stem = parts[-2] + "." + stem.rsplit(".", 1)[-1]     # <act>/rus.md is named by its folder
    meta = extract(text, lang, fallback_title=stem.rsplit(".", 1)[0])
    act = work_id(meta.doc_type, meta.adopted_date, meta.number, meta.region, meta.issuer,
                  source=f"{stem}#{part}" if part else stem)
    extra = dict(meta.extra)
    extra["format"] = fmt.lstrip(".")
    return Document(
        id=document_id(act, lang), source=source, part=part, language=lang, doc_type=meta.doc_type,
        title=meta.title, text=text, issuer=meta.issuer, issuer_kind=meta.issuer_kind, region=meta.region,
        adopted_date=meta.adopted_date, number=meta.number, registration=meta.registration,
        status=meta.status, repealed_by=meta.repealed_by, amendments=meta.amendments, act_id=act,
        original=original, extra=extra, content_hash=digest)


def _share_act(docs: list[Document]) -> None:
    """The two halves of one file are one act: the half without requisites takes the other's."""
    from maslihat.ingest.metadata import inherit
    from maslihat.ingest.identity import adopts_work
    a, b = docs
    if a.act_id != b.act_id:
        if (b.number and b.adopted_date and not (a.number and a.adopted_date)) or adopts_work(a, b):
            inherit(a, b)
        else:
            inherit(b, a)
    docs[0].parallel_id, docs[1].parallel_id = docs[1].id, docs[0].id
