"""Deterministic generator: the sample corpus scaled to N documents (fixed seed).

Acts of many city and district maslikhats across the regions, with their own dates, numbers,
amendment notes and repeal lines, in Russian, Kazakh or both (RU then KK in one file, as in
seed 001); their points are recombined from seed 001's regulation (RU and KK halves, same point
numbers), and a share of Kazakh coursework-like texts recombines paragraphs of the Kazakh
seeds. Same N and seed -> byte-identical files.

    python -m bench.generate --n 10000 --out /tmp/bench-10k
"""
from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from scripts import seed_units  # noqa: E402  (points of seed 001 by number, paragraphs of the others)
from maslihat.core.grammar import month_name  # noqa: E402

SEED = 20140320
# month words as requisites write them, from the grammar (RU genitive, KK attributive)
MONTHS_RU = [month_name(m, "ru") for m in range(1, 13)]
MONTHS_KK = [month_name(m, "kk", "attributive") for m in range(1, 13)]
# (RU region genitive, KK region genitive, [(RU issuer stem, KK issuer stem, city?)])
REGIONS = [
    ("Акмолинской области", "Ақмола облысы", [("Кокшетауского городского", "Көкшетау қалалық"),
                                             ("Зерендинского районного", "Зеренді аудандық"),
                                             ("Бурабайского районного", "Бурабай аудандық"),
                                             ("Степногорского городского", "Степногор қалалық")]),
    ("Павлодарской области", "Павлодар облысы", [("Павлодарского городского", "Павлодар қалалық"),
                                                 ("Экибастузского городского", "Екібастұз қалалық"),
                                                 ("Баянаульского районного", "Баянауыл аудандық")]),
    ("Жамбылской области", "Жамбыл облысы", [("Таразского городского", "Тараз қалалық"),
                                             ("Кордайского районного", "Қордай аудандық"),
                                             ("Меркенского районного", "Меркі аудандық")]),
    ("Карагандинской области", "Қарағанды облысы", [("Карагандинского городского", "Қарағанды қалалық"),
                                                     ("Темиртауского городского", "Теміртау қалалық"),
                                                     ("Абайского районного", "Абай аудандық")]),
    ("Костанайской области", "Қостанай облысы", [("Костанайского городского", "Қостанай қалалық"),
                                                 ("Рудненского городского", "Рудный қалалық")]),
    ("Восточно-Казахстанской области", "Шығыс Қазақстан облысы",
     [("Усть-Каменогорского городского", "Өскемен қалалық"), ("Зайсанского районного", "Зайсан аудандық")]),
    ("Мангистауской области", "Маңғыстау облысы", [("Актауского городского", "Ақтау қалалық"),
                                                    ("Мунайлинского районного", "Мұнайлы аудандық")]),
    ("Туркестанской области", "Түркістан облысы", [("Кентауского городского", "Кентау қалалық"),
                                                   ("Сайрамского районного", "Сайрам аудандық")]),
]
TITLES = [("Об утверждении Регламента {g} маслихата", "{k} мәслихатының регламентін бекіту туралы"),
          ("О внесении изменений в решение {g} маслихата", "{k} мәслихатының шешіміне өзгерістер енгізу туралы"),
          ("О бюджете {g2} на {y1}-{y2} годы", "{k2} {y1}-{y2} жылдарға арналған бюджеті туралы"),
          ("О повышении базовых ставок земельного налога", "Жер салығының базалық мөлшерлемелерін жоғарылату туралы"),
          ("Об утверждении Правил оказания социальной помощи", "Әлеуметтік көмек көрсетудің қағидаларын бекіту туралы")]


def _nominative(g: str) -> str:
    return g.replace("ского городского", "ский городской").replace("ого районного", "ий районный")


def _seed_parts():
    h = seed_units.seed001_halves()
    ru, kk = seed_units.points(h["ru"]), seed_units.points(h["kk"])
    nums = [n for n in ru if n in kk]
    paras = [p for src in ("000_eba0dbad217e7da3.txt", "002_fc27ebda89a446a4.txt", "003_c60c2ee9ece42dff.txt")
             for p in seed_units.paragraphs(src)]
    return ru, kk, nums, paras


def _act(rng: random.Random, i: int, parts, lang_mode: str) -> str:
    ru_pts, kk_pts, nums, _ = parts
    reg_ru, reg_kk, issuers = rng.choice(REGIONS)
    g, k = rng.choice(issuers)
    city_g = g.replace("ского городского", "ска").replace("ского районного", "ского района")
    year = rng.randint(2005, 2024)
    day, month = rng.randint(1, 28), rng.randint(0, 11)
    num = f"{rng.choice(['С-', '', '', 'VI-'])}{rng.randint(1, 60)}/{rng.randint(1, 12)}"
    reg_no = rng.randint(1000, 9999)
    t_ru, t_kk = rng.choice(TITLES)
    fmt = dict(g=g, k=k, g2=city_g, k2=k.split()[0], y1=year + 1, y2=year + 3)
    chosen = sorted(rng.sample(nums, rng.randint(2, 8)), key=int)
    repealed = rng.random() < 0.3
    amended = rng.random() < 0.4
    out = []
    meta = {"region": reg_ru, "date": f"{year}-{month + 1:02d}-{day:02d}", "number": num,
            "status": "repealed" if repealed else "in_force", "doc_type": "decision", "parts": []}
    if lang_mode in ("ru", "both"):
        meta["parts"].append(("ru", sum(len(x) + 1 for x in out), f"{_nominative(g)} маслихат"))
        out += [t_ru.format(**fmt), "",
                f"Решение {g} маслихата {reg_ru} от {day} {MONTHS_RU[month]} {year} года № {num}. "
                f"Зарегистрировано Департаментом юстиции {reg_ru} {day} {MONTHS_RU[month]} {year} года № {reg_no}."
                + (f" Утратило силу решением {g} маслихата {reg_ru} от {rng.randint(1, 28)}.0{rng.randint(1, 9)}."
                   f"{year + 2} № {rng.randint(1, 40)}/{rng.randint(1, 9)}." if repealed else ""), ""]
        if amended:
            out.append(f"      Сноска. Пункт {chosen[0]} - в редакции решения {g} маслихата {reg_ru} от "
                       f"{rng.randint(10, 28)}.{rng.randint(10, 12)}.{year} № {rng.randint(1, 40)}/{rng.randint(1, 9)}.")
        out.append(f"      В соответствии со статьей 6 Закона Республики Казахстан от 23 января 2001 года "
                   f"\"О местном государственном управлении и самоуправлении в Республике Казахстан\", "
                   f"{_nominative(g)} маслихат РЕШИЛ:")
        out += [f"      {j}. {ru_pts[n]}" for j, n in enumerate(chosen, 1)]
        out += ["      Председатель сессии", f"      {rng.choice('АБЕКМНС')}.{rng.choice(['Ахметов', 'Сериков', 'Иванов', 'Нурланов'])}", ""]
    if lang_mode in ("kk", "both"):
        meta["parts"].append(("kk", sum(len(x) + 1 for x in out), f"{k} мәслихаты"))
        out += [t_kk.format(**fmt), "",
                f"{reg_kk} {k} мәслихатының {year} жылғы {day} {MONTHS_KK[month]} № {num} шешімі. "
                f"{reg_kk}ның Әділет департаментінде {year} жылғы {day} {MONTHS_KK[month]} № {reg_no} болып тіркелді."
                + (" Күші жойылды." if repealed else ""), ""]
        if amended:
            out.append(f"      Ескерту. {chosen[0]}-тармақ жаңа редакцияда - {reg_kk} {k} мәслихатының "
                       f"{rng.randint(10, 28)}.{rng.randint(10, 12)}.{year} № {rng.randint(1, 40)}/{rng.randint(1, 9)} шешімімен.")
        out.append(f"      \"Қазақстан Республикасындағы жергілікті мемлекеттік басқару және өзін-өзі басқару "
                   f"туралы\" Қазақстан Республикасының 2001 жылғы 23 қаңтардағы Заңының 6-бабына сәйкес "
                   f"{k} мәслихаты ШЕШТІ:")
        out += [f"      {j}. {kk_pts[n]}" for j, n in enumerate(chosen, 1)]
        out += ["      Сессия төрағасы", f"      {rng.choice('АБЕКМНС')}.{rng.choice(['Ахметов', 'Серіков', 'Нұрланов'])}", ""]
    return "\n".join(out) + "\n", meta


def _coursework(rng: random.Random, parts) -> str:
    paras = parts[3]
    picked = rng.sample(paras, rng.randint(3, 8))
    title = rng.choice(["Жергілікті өкілді органдардың құзыреті", "Мәслихаттардың жүйесі мен құрылымы",
                        "Жергілікті өзін-өзі басқару", "Қаланың әлеуметтік-экономикалық жағдайы"])
    meta = {"region": None, "date": None, "number": None, "status": "unknown", "doc_type": "coursework",
            "parts": [("kk", 0, None)]}
    return title + "\n\nКіріспе\n\n" + "\n\n".join(picked) + "\n\nҚорытынды\n", meta


def documents(n: int, seed: int = SEED):
    """(file name, text, meta) for n files; ~70% RU+KK acts, 10% RU, 10% KK, 10% coursework."""
    rng = random.Random(seed)
    parts = _seed_parts()
    for i in range(n):
        r = rng.random()
        if r < 0.1:
            yield (f"{i:06d}_coursework.txt", *_coursework(rng, parts))
        else:
            mode = "ru" if r < 0.2 else "kk" if r < 0.3 else "both"
            yield (f"{i:06d}_{mode}.txt", *_act(rng, i, parts, mode))


def write(n: int, out: Path, seed: int = SEED) -> int:
    out.mkdir(parents=True, exist_ok=True)
    size = 0
    for name, text, _meta in documents(n, seed):
        sub = out / name[:3]
        sub.mkdir(exist_ok=True)
        data = text.encode("utf-8")
        (sub / name).write_bytes(data)
        size += len(data)
    return size


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--out", required=True)
    a = ap.parse_args(argv)
    size = write(a.n, Path(a.out), a.seed)
    print(f"{a.n} files, {size / 1e6:.1f} MB in {a.out}")


if __name__ == "__main__":
    main()
