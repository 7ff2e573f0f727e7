"""Small acts in Russian and Kazakh, written by the tests (no shared data): the repository
layout (``<act>/rus.md``, ``kaz.md``, ``meta.yaml``), and ``.txt`` / ``.html`` / ``.docx`` copies."""
from __future__ import annotations

import html
from pathlib import Path

RU_MONTHS = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
             "октября", "ноября", "декабря")
KK_MONTHS = ("қаңтардағы", "ақпандағы", "наурыздағы", "сәуірдегі", "мамырдағы", "маусымдағы", "шілдедегі",
             "тамыздағы", "қыркүйектегі", "қазандағы", "қарашадағы", "желтоқсандағы")


def ru_date(iso: str) -> str:
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{d} {RU_MONTHS[m - 1]} {y} года"


def kk_date(iso: str) -> str:
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{y} жылғы {d} {KK_MONTHS[m - 1]}"


def act(date: str, number: str, title_ru: str, title_kk: str, points: int = 6, topic: str = "пастбищ",
        amends: tuple[str, str, str] | None = None, extra_ru: str = "") -> dict:
    """An oblast maslikhat decision: titles, requisite line, body in both languages."""
    requisite = (f"Решение Павлодарского областного маслихата от {ru_date(date)} № {number}. "
                 f"Зарегистрировано Департаментом юстиции Павлодарской области {ru_date(date)} № 4{number[:2]}1")
    if amends:
        a_date, a_num, a_title = amends
        title_ru = (f"О внесении изменений в решение Павлодарского областного маслихата от {ru_date(a_date)} "
                    f"№ {a_num} \"{a_title}\"")
        title_kk = (f"Павлодар облыстық мәслихатының {kk_date(a_date)} № {a_num} \"{a_title}\" "
                    f"шешіміне өзгерістер енгізу туралы")
    ru_points = [f"{i}. Утвердить порядок использования {topic} на территории области в части {i} "
                 f"(ставка {i * 17} тенге за гектар в год)." for i in range(1, points + 1)]
    kk_points = [f"{i}. Облыс аумағында {topic} пайдалану тәртібінің {i}-бөлігі бекітілсін "
                 f"(жылына гектарына {i * 17} теңге мөлшерлемесі)." for i in range(1, points + 1)]
    ru_body = ["В соответствии со статьей 6 Закона Республики Казахстан «О местном государственном "
               "управлении и самоуправлении в Республике Казахстан» областной маслихат РЕШИЛ:"] + ru_points
    if extra_ru:
        ru_body.append(extra_ru)
    kk_body = ["«Қазақстан Республикасындағы жергілікті мемлекеттік басқару және өзін-өзі басқару туралы» "
               "Қазақстан Республикасы Заңының 6-бабына сәйкес облыстық мәслихат ШЕШІМ ҚАБЫЛДАДЫ:"] + kk_points
    return {"date": date, "number": number, "title_ru": title_ru, "title_kk": title_kk,
            "requisite": requisite, "ru_body": ru_body, "kk_body": kk_body}


def write_txt(a: dict, folder: Path, stem: str) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    ru = folder / f"{stem}.rus.txt"
    kk = folder / f"{stem}.kaz.txt"
    ru.write_text("\n".join([a["title_ru"], a["requisite"], ""] + [p + "\n" for p in a["ru_body"]]), encoding="utf-8")
    kk.write_text("\n".join([a["title_kk"], ""] + [p + "\n" for p in a["kk_body"]]), encoding="utf-8")
    return [ru, kk]


def write_html(a: dict, folder: Path, stem: str) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for lang, key, req in (("ru", "rus", a["requisite"]), ("kk", "kaz", None)):
        title = a["title_ru"] if lang == "ru" else a["title_kk"]
        body = a["ru_body"] if lang == "ru" else a["kk_body"]
        parts = [f"<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{html.escape(title)}"
                 f"</title></head><body><h1>{html.escape(title)}</h1>"]
        if req:
            parts.append(f"<p class=\"requisite\">{html.escape(req)}</p>")
        parts += [f"<p>{html.escape(p)}</p>" for p in body]
        parts.append("</body></html>")
        p = folder / f"{stem}.{key}.html"
        p.write_text("\n".join(parts), encoding="utf-8")
        out.append(p)
    return out


def write_docx(a: dict, folder: Path, stem: str) -> list[Path]:
    from docx import Document as Docx
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for lang, key in (("ru", "rus"), ("kk", "kaz")):
        d = Docx()
        d.add_paragraph(a["title_ru"] if lang == "ru" else a["title_kk"])
        if lang == "ru":
            d.add_paragraph(a["requisite"])
        for p in (a["ru_body"] if lang == "ru" else a["kk_body"]):
            d.add_paragraph(p)
        path = folder / f"{stem}.{key}.docx"
        d.save(str(path))
        out.append(path)
    return out


def _q(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def write_repository(a: dict, folder: Path, act_code: str, version_date: str | None = None,
                     caused_by: dict | None = None, approved_by: str = "164000000002") -> Path:
    """``<folder>/rus.md``, ``kaz.md``, ``meta.yaml`` in the public repositories' layout."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "rus.md").write_text("\n\n".join([f"# {a['title_ru']}"] + a["ru_body"]) + "\n", encoding="utf-8")
    (folder / "kaz.md").write_text("\n\n".join([f"# {a['title_kk']}"] + a["kk_body"]) + "\n", encoding="utf-8")
    vd = version_date or a["date"]
    meta = [f"act_code: '{act_code}'", f"requisite: {_q(a['requisite'])}", "title:",
            f"  rus: {_q(a['title_ru'])}", f"  kaz: {_q(a['title_kk'])}", "form: РЕШ", "type_codes:", "- ПРАВ",
            "- РЕШ", f"approved_on: {a['date']}", "approved_by:", f"- '{approved_by}'", "version_date:",
            f"  kaz: {vd}", f"  rus: {vd}", "source:", f"  kaz: https://zan.gov.kz/client/#!/doc/{act_code}/kaz",
            f"  rus: https://zan.gov.kz/client/#!/doc/{act_code}/rus"]
    if caused_by:
        meta += ["caused_by:", f"  code: '{caused_by['code']}'", f"  requisite: {_q(caused_by['requisite'])}",
                 "  title:", f"    rus: {_q(caused_by['title'])}", f"    kaz: {_q(caused_by['title'])}"]
    (folder / "meta.yaml").write_text("\n".join(meta) + "\n", encoding="utf-8")
    return folder
