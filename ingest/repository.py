"""The public repositories' layout: ``<act>/rus.md``, ``<act>/kaz.md``, ``<act>/meta.yaml``.

One folder is one act in two languages. ``meta.yaml`` is authoritative for the act's
identity and requisites (title, form and type codes, date, number, issuing body, status,
repeal, registration, edition date, the amending act that produced this edition): the
markdown files carry no requisite line. Codes are mapped through ``core/data/repository.yaml``
and ``core/data/places.yaml``; the raw values stay in ``extra["repository"]``.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional

from maslihat.core import grammar as G, places
from maslihat.core.ids import document_id, work_id
from maslihat.core.model import Document
from maslihat.ingest.errors import IngestError

META_NAME = "meta.yaml"
CODES = Path(places.__file__).parent / "data" / "repository.yaml"
_LANG_KEYS = {"ru": "rus", "kk": "kaz"}


@dataclass
class RepoMeta:
    """The fields of one ``meta.yaml`` (strings as written; dates ISO)."""
    path: str
    act_code: Optional[str] = None
    requisite: Optional[str] = None
    titles: dict = field(default_factory=dict)          # "rus"/"kaz" -> title
    form: Optional[str] = None
    type_codes: list = field(default_factory=list)
    approved_on: Optional[str] = None
    approved_by: list = field(default_factory=list)
    version_dates: dict = field(default_factory=dict)   # "rus"/"kaz" -> ISO date
    urls: dict = field(default_factory=dict)
    caused_by: Optional[dict] = None


@lru_cache(maxsize=1)
def codes() -> dict:
    from maslihat.core import yamlfile
    return yamlfile.load(CODES)


def language_of_name(path: Path) -> Optional[str]:
    """``rus.md`` -> ru, ``kaz.md`` -> kk: the language files of an act folder."""
    return codes()["languages"].get(Path(path).stem.lower()) if Path(path).suffix.lower() in (".md", ".markdown") else None


def is_meta_file(path: Path) -> bool:
    return Path(path).name.lower() == META_NAME


def texts_beside(meta_path: Path) -> list[Path]:
    """The language files an act folder's meta.yaml describes."""
    folder = Path(meta_path).parent
    try:
        return sorted(p for p in folder.iterdir() if p.is_file() and language_of_name(p))
    except OSError:
        return []


def _iso(v) -> Optional[str]:
    if v is None or v == "":
        return None
    if isinstance(v, (_dt.date, _dt.datetime)):
        return v.strftime("%Y-%m-%d")
    s = str(v).strip()
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", s) or None
    if m:
        return s
    m = re.fullmatch(r"(\d{2})\.(\d{2})\.(\d{4})", s)
    return f"{m.group(3)}-{m.group(2)}-{m.group(1)}" if m else None


def _str_map(v) -> dict:
    return {str(k): str(x) for k, x in v.items() if x is not None} if isinstance(v, dict) else {}


def read_meta(path: Path) -> RepoMeta:
    """Parse one meta.yaml; IngestError with a one-line reason when it is not usable."""
    from maslihat.core import yamlfile
    try:
        raw = yamlfile.loads(Path(path).read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise IngestError("meta.yaml is not UTF-8") from None
    except yamlfile.Error as e:
        mark = getattr(e, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        raise IngestError(f"meta.yaml is not valid YAML{where}") from None
    except OSError as e:
        raise IngestError(f"cannot read meta.yaml ({e.strerror or type(e).__name__})") from None
    if not isinstance(raw, dict):
        raise IngestError("meta.yaml holds no fields (expected act_code, requisite, title ...)")
    title = raw.get("title")
    titles = _str_map(title) if isinstance(title, dict) else ({"rus": str(title)} if title else {})
    caused = raw.get("caused_by") if isinstance(raw.get("caused_by"), dict) else None
    tcodes = raw.get("type_codes") or []
    by = raw.get("approved_by") or []
    return RepoMeta(
        path=str(path), act_code=str(raw["act_code"]) if raw.get("act_code") is not None else None,
        requisite=str(raw["requisite"]).strip() if raw.get("requisite") else None, titles=titles,
        form=str(raw["form"]).strip() if raw.get("form") else None,
        type_codes=[str(c) for c in (tcodes if isinstance(tcodes, list) else [tcodes])],
        approved_on=_iso(raw.get("approved_on")),
        approved_by=[str(c) for c in (by if isinstance(by, list) else [by])],
        version_dates={k: _iso(v) for k, v in (raw.get("version_date") or {}).items()}
        if isinstance(raw.get("version_date"), dict) else {},
        urls=_str_map(raw.get("source")), caused_by=caused)


@lru_cache(maxsize=256)
def _cached_meta(path: str, mtime_ns: int) -> RepoMeta:
    return read_meta(Path(path))


def meta_for(text_path: Path) -> Optional[RepoMeta]:
    """The meta.yaml of the act folder a ``rus.md``/``kaz.md`` sits in; None when there is none.
    A broken meta.yaml raises IngestError (the text is then read without it, see pipeline)."""
    if not language_of_name(text_path):
        return None
    meta = Path(text_path).parent / META_NAME
    try:
        st = meta.stat()
    except OSError:
        return None
    return _cached_meta(str(meta), st.st_mtime_ns)


def doc_type_of(meta: RepoMeta, text: str = "", language: str = "ru") -> tuple[Optional[str], list[str]]:
    """(doc_type: the form code read by the doc-type classifier, ingest/doctype.py, else the first
    type code's kind; every type code's mapped kind)."""
    from maslihat.ingest.doctype import from_form_code
    c = codes()
    kinds = [c["type_codes"][t] for t in meta.type_codes if t in c["type_codes"]]
    dtype = None
    if meta.form or meta.type_codes:
        try:
            from maslihat.ingest.doctype import classify
            k = classify(text, language, {"form": meta.form, "type_codes": meta.type_codes}) if text else \
                from_form_code(meta.form, meta.type_codes)
            dtype = k.doc_type if k is not None and from_form_code(meta.form, meta.type_codes) else None
        except Exception:  # noqa: BLE001 - the classifier's failure must not lose the act
            dtype = None
    return dtype or (kinds[0] if kinds else None), list(dict.fromkeys(kinds))


def _caused_by_entry(meta: RepoMeta, lang: str) -> Optional[dict]:
    from maslihat.ingest.requisites import parse_requisite
    cb = meta.caused_by
    if not cb:
        return None
    req = str(cb.get("requisite") or "")
    parsed = parse_requisite(req) if req else None
    titles = cb.get("title") if isinstance(cb.get("title"), dict) else {}
    return {"date": parsed.adopted_date if parsed else None, "number": parsed.number if parsed else None,
            "units": [], "title": titles.get(_LANG_KEYS[lang]) or titles.get("rus"),
            "act_code": str(cb.get("code")) if cb.get("code") is not None else None,
            "requisite": req or None, "from": "meta.caused_by"}


def _title(meta: RepoMeta, key: str, own: Optional[str], folder: str) -> Optional[str]:
    """The title in the document's language: meta.yaml's, else the text's own title line (a
    meta.yaml without ``title.kaz`` must not give the Kazakh document the Russian title), else
    the Russian one. ``own`` is the title read from the text (the folder's name when it has none)."""
    if meta.titles.get(key):
        return meta.titles[key]
    if own and own != folder.rsplit("/", 1)[-1] and len(own) <= 400 and key != "rus":
        return own
    return meta.titles.get("rus") or own


_KAZAKH_LETTERS = re.compile(f"[{G.KK_LETTERS}]")


def apply_meta(doc: Document, meta: RepoMeta, lang: str, folder: str) -> Document:
    """Make ``doc`` (one language file of the folder) carry the act's requisites from meta.yaml."""
    from maslihat.ingest.requisites import parse_requisite
    req = parse_requisite(meta.requisite) if meta.requisite else None
    key = _LANG_KEYS[lang]
    doc.language = lang
    doc.title = _title(meta, key, doc.title, folder)
    dtype, kinds = doc_type_of(meta, doc.text, lang)
    doc.doc_type = dtype or (req.doc_type if req and req.doc_type != "other" else doc.doc_type)
    doc.adopted_date = meta.approved_on or (req.adopted_date if req else None) or doc.adopted_date
    bodies = [b for b in (places.body_from_code(c) for c in meta.approved_by) if b]
    body = bodies[0] if bodies else None
    worded = places.match_body(req.issuer, req.region) if req is not None and req.issuer else None
    if worded is not None:
        body = worded       # the requisite's wording decides (an akim's decision coded as akimat's)
    elif body is not None and req is not None and req.issuer and not places.body_kind(req.issuer):
        req.issuer = None   # "Закон Республики Казахстан": no body named, the code's body is the issuer
    elif body is not None and req is not None and req.issuer and \
            places.body_level(req.issuer) in ("district", "city", "lower") and body.id.split(".")[0] == body.region_id:
        body = None         # a district's (city's, okrug's) body the gazetteer does not know: not the region's coded body
    if req is not None:
        doc.number = req.number or doc.number
        doc.issuer = req.issuer or doc.issuer
        doc.issuer_kind = req.issuer_kind or doc.issuer_kind
        doc.region = req.region or doc.region
        doc.registration = req.registration or doc.registration
        if req.status == "repealed":
            doc.status, doc.repealed_by = "repealed", req.repealed_by
        if req.extra.get("joint"):
            # a joint act whose requisites meta.yaml keeps («Совместное постановление акимата … № 210 и решение …
            # маслихата … № 41-5»): its second act's number, date and body, as the text's requisite line gives them
            doc.extra["joint"] = dict(req.extra["joint"])
    if body is not None:
        doc.issuer_id = body.id
        doc.issuer_kind = doc.issuer_kind or body.kind
        doc.issuer = doc.issuer or body.names.get(lang)
        if body.region_id is None:      # a national body: its name in the document's language
            doc.issuer, doc.issuer_kind = body.names.get(lang) or doc.issuer, body.kind
        if body.region_id:
            doc.region_id = body.region_id
            doc.region = doc.region or places.label(body.region_id, lang)
            if lang == "kk" and meta.requisite and not _KAZAKH_LETTERS.search(meta.requisite):
                # the one requisite of meta.yaml is Russian: the Kazakh document names its body in Kazakh
                doc.issuer = body.names.get(lang) or doc.issuer
                doc.region = places.label(body.region_id, lang) or doc.region
    entry = _caused_by_entry(meta, lang)
    if entry is not None:
        from maslihat.ingest.identity import merge_amendment
        merge_amendment(doc.amendments, entry)
    version = meta.version_dates.get(key)
    doc.extra["repository"] = {
        "act_code": meta.act_code, "form": meta.form, "type_codes": meta.type_codes, "kinds": kinds,
        "approved_on": meta.approved_on, "approved_by": meta.approved_by, "version_date": version,
        "url": meta.urls.get(key), "caused_by": (meta.caused_by or {}).get("code"), "meta": folder + "/" + META_NAME}
    if version:
        doc.extra["version_date"] = version
    if meta.requisite:
        doc.extra["requisite"] = meta.requisite
        if req and req.adopted_date and req.adopted_date != doc.adopted_date:
            doc.extra["requisite_date"] = req.adopted_date
    # the act: its own requisites (requisite date and number as a text copy of the act gives them)
    act_date = (req.adopted_date if req else None) or doc.adopted_date
    doc.act_id = work_id(doc.doc_type, act_date, doc.number, doc.region, doc.issuer,
                         source=folder.rsplit("/", 1)[-1] or (f"act-{meta.act_code}" if meta.act_code else None),
                         body=body.id if body is not None else None)
    doc.id = document_id(doc.act_id, lang, doc.version)
    return doc
