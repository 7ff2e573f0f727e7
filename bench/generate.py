"""Deterministic generator: real-like maslikhat acts scaled to N documents (fixed seed).

Acts of many city and district maslikhats across the regions, with their own dates, numbers,
amendment notes and repeal lines, in Russian, Kazakh or both (RU then KK in one file, as in
seed 001). Their points are paragraphs drawn from ALL the real texts in ../shared (seeds, dev
decisions, dev-laws acts, both languages; read at run time, never copied into the repository):
a RU+KK act takes RU/KK paragraph pairs of one real act at the same position, a one-language act
and the Kazakh coursework-like texts take paragraphs of their language's whole pool. So the
vocabulary (and the lemma, stem and term caches it warms) is that of the real texts, not of one
regulation. Same N, seed and ../shared -> byte-identical files. ``--stats`` prints distinct
words per language of the generated files against the real texts.

    python -m bench.generate --n 10000 --out /tmp/bench-10k [--stats]
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


SHARED = ROOT.parent / "shared"
KK_LETTERS = re.compile(r"[әғқңөұүһі]", re.I)
_MD = re.compile(r"^[#>\s*]+|\*+|<[^>]+>")
_NUMBERING = re.compile(r"^(\d{1,3}(?:[.-]\d{1,3})*[.)]|\d{1,3}-(?:бап|тармақ)\.?|Статья \d+[-\d]*\.?)\s+")
_SKIP = re.compile(r"^(Сноска|Ескерту|Примечание|РҚАО|ИЗПИ|В тексте|Құжаттың|Мәтінде|\|)")


def _clean(block: str) -> str | None:
    """One paragraph as running text: markdown/HTML marks, leading numbering and wraps removed."""
    lines = [_MD.sub("", ln).strip() for ln in block.splitlines()]
    text = re.sub(r"\s+", " ", " ".join(ln for ln in lines if ln)).strip()
    text = _NUMBERING.sub("", text)
    if len(text) < 40 or len(text) > 2500 or _SKIP.match(text) or not re.search(r"[А-Яа-яЁёӘәІі]", text):
        return None
    return text


def _blocks(text: str) -> list[str]:
    """Paragraphs of a real text: blank-line blocks; a block of indented numbered lines (seed
    001's layout) or of single lines gives one paragraph per line."""
    out = []
    for b in re.split(r"\n\s*\n", text):
        lines = [ln for ln in b.splitlines() if ln.strip()]
        if len(lines) > 1 and sum(bool(re.match(r"^\s+\S", ln)) for ln in lines) >= len(lines) - 1 \
                and any(re.match(r"^\s+\d{1,3}\.\s", ln) for ln in lines):
            out += lines
        else:
            out.append(b)
    return [c for c in map(_clean, out) if c]


def _language(path: Path) -> str | None:
    n = path.name
    if ".rus." in n or n == "rus.md":
        return "ru"
    if ".kaz." in n or n == "kaz.md":
        return "kk"
    return None


def real_texts(shared: Path = SHARED) -> list[tuple[str, str, str | None]]:
    """(pair key, text, language or None) of every real text in ../shared, in a fixed order:
    seeds, dev decisions (derived .txt), dev-laws acts (rus.md, kaz.md)."""
    if not (shared / "seeds").is_dir():
        shared = Path("/work/shared")
    out = []
    for p in sorted((shared / "seeds").glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        if p.name == seed_units.S001:     # RU then KK in one file
            h = seed_units.seed001_halves()
            out += [(p.name, h["ru"], "ru"), (p.name, h["kk"], "kk")]
        else:
            out.append((p.name, text, None))
    for p in sorted((shared / "corpus" / "dev" / "derived").glob("*.txt")):
        out.append((p.name.split(".")[0], p.read_text(encoding="utf-8"), _language(p)))
    for p in sorted((shared / "corpus" / "dev-laws").glob("*/*.md")):
        if _language(p):
            out.append((p.parent.name, p.read_text(encoding="utf-8"), _language(p)))
    return out


def _seed_parts(shared: Path = SHARED):
    """Paragraph pools of all real texts: RU, KK, and RU/KK pairs of the same act at the same
    position (when both language versions have as many paragraphs; seed 001 by point number)."""
    pool = {"ru": [], "kk": []}
    by_key: dict[tuple[str, str], list[str]] = {}
    for key, text, lang in real_texts(shared):
        for para in _blocks(text):
            lg = lang or ("kk" if len(KK_LETTERS.findall(para)) >= 2 else "ru")
            pool[lg].append(para)
            if lang:
                by_key.setdefault((key, lang), []).append(para)
    pairs = [(ru, kk) for _n, ru, kk in seed_units.aligned_points()]
    for (key, lang), ru in sorted(by_key.items()):
        kk = by_key.get((key, "kk"))
        if lang != "ru" or not kk or key == seed_units.S001:
            continue
        for i, r in enumerate(ru):        # same relative position, similar length: a translation
            k = kk[min(len(kk) - 1, round(i * len(kk) / len(ru)))]
            if 0.6 <= len(k) / len(r) <= 1.7:
                pairs.append((r, k))
    pairs = list(dict.fromkeys(pairs))
    ru_pool = list(dict.fromkeys(pool["ru"]))
    kk_pool = list(dict.fromkeys(pool["kk"]))
    if len(ru_pool) < 50 or len(kk_pool) < 50 or len(pairs) < 50:
        raise FileNotFoundError(f"bench.generate: the real texts are missing under {shared} "
                                "(seeds/, corpus/dev/derived/, corpus/dev-laws/): nothing to draw from")
    return ru_pool, kk_pool, pairs


def _act(rng: random.Random, i: int, parts, lang_mode: str) -> str:
    ru_pool, kk_pool, pairs = parts
    reg_ru, reg_kk, issuers = rng.choice(REGIONS)
    g, k = rng.choice(issuers)
    city_g = g.replace("ского городского", "ска").replace("ского районного", "ского района")
    year = rng.randint(2005, 2024)
    day, month = rng.randint(1, 28), rng.randint(0, 11)
    num = f"{rng.choice(['С-', '', '', 'VI-'])}{rng.randint(1, 60)}/{rng.randint(1, 12)}"
    reg_no = rng.randint(1000, 9999)
    t_ru, t_kk = rng.choice(TITLES)
    fmt = dict(g=g, k=k, g2=city_g, k2=k.split()[0], y1=year + 1, y2=year + 3)
    k_pts = rng.randint(2, 8)
    if lang_mode == "both":          # RU and KK halves say the same (paragraphs of one act, same position)
        ru_pts, kk_pts = map(list, zip(*rng.sample(pairs, k_pts)))
    else:
        ru_pts = rng.sample(ru_pool, k_pts) if lang_mode == "ru" else []
        kk_pts = rng.sample(kk_pool, k_pts) if lang_mode == "kk" else []
    amended_no = rng.randint(1, k_pts)
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
            out.append(f"      Сноска. Пункт {amended_no} - в редакции решения {g} маслихата {reg_ru} от "
                       f"{rng.randint(10, 28)}.{rng.randint(10, 12)}.{year} № {rng.randint(1, 40)}/{rng.randint(1, 9)}.")
        out.append(f"      В соответствии со статьей 6 Закона Республики Казахстан от 23 января 2001 года "
                   f"\"О местном государственном управлении и самоуправлении в Республике Казахстан\", "
                   f"{_nominative(g)} маслихат РЕШИЛ:")
        out += [f"      {j}. " + t.replace("\n", "\n      ") for j, t in enumerate(ru_pts, 1)]
        out += ["      Председатель сессии", f"      {rng.choice('АБЕКМНС')}.{rng.choice(['Ахметов', 'Сериков', 'Иванов', 'Нурланов'])}", ""]
    if lang_mode in ("kk", "both"):
        meta["parts"].append(("kk", sum(len(x) + 1 for x in out), f"{k} мәслихаты"))
        out += [t_kk.format(**fmt), "",
                f"{reg_kk} {k} мәслихатының {year} жылғы {day} {MONTHS_KK[month]} № {num} шешімі. "
                f"{reg_kk}ның Әділет департаментінде {year} жылғы {day} {MONTHS_KK[month]} № {reg_no} болып тіркелді."
                + (" Күші жойылды." if repealed else ""), ""]
        if amended:
            out.append(f"      Ескерту. {amended_no}-тармақ жаңа редакцияда - {reg_kk} {k} мәслихатының "
                       f"{rng.randint(10, 28)}.{rng.randint(10, 12)}.{year} № {rng.randint(1, 40)}/{rng.randint(1, 9)} шешімімен.")
        out.append(f"      \"Қазақстан Республикасындағы жергілікті мемлекеттік басқару және өзін-өзі басқару "
                   f"туралы\" Қазақстан Республикасының 2001 жылғы 23 қаңтардағы Заңының 6-бабына сәйкес "
                   f"{k} мәслихаты ШЕШТІ:")
        out += [f"      {j}. " + t.replace("\n", "\n      ") for j, t in enumerate(kk_pts, 1)]
        out += ["      Сессия төрағасы", f"      {rng.choice('АБЕКМНС')}.{rng.choice(['Ахметов', 'Серіков', 'Нұрланов'])}", ""]
    return "\n".join(out) + "\n", meta


def _coursework(rng: random.Random, parts) -> str:
    paras = parts[1]
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


WORD = re.compile(r"[^\W\d_]+")


def vocabulary(n: int, seed: int = SEED, shared: Path = SHARED) -> dict:
    """Distinct lower-cased words per language: n generated files (by their language parts)
    against the real texts they are drawn from (a seed's paragraph by its letters)."""
    gen = {"ru": set(), "kk": set()}
    size = {"ru": 0, "kk": 0}
    for _name, text, meta in documents(n, seed):
        parts = meta["parts"]
        for j, (lang, start, _issuer) in enumerate(parts):
            body = text[start:parts[j + 1][1] if j + 1 < len(parts) else len(text)]
            gen[lang].update(WORD.findall(body.lower()))
            size[lang] += len(body.encode("utf-8"))
    real = {"ru": set(), "kk": set()}
    rsize = {"ru": 0, "kk": 0}
    for _key, text, lang in real_texts(shared):
        for block in re.split(r"\n\s*\n", text):
            lg = lang or ("kk" if len(KK_LETTERS.findall(block)) >= 2 else "ru")
            real[lg].update(WORD.findall(block.lower()))
            rsize[lg] += len(block.encode("utf-8"))
    return {lg: {"generated_distinct_words": len(gen[lg]), "generated_mb": round(size[lg] / 1e6, 1),
                 "real_distinct_words": len(real[lg]), "real_mb": round(rsize[lg] / 1e6, 2),
                 "real_words_in_generated": len(real[lg] & gen[lg])} for lg in ("ru", "kk")}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--out", required=True)
    ap.add_argument("--stats", action="store_true", help="print distinct words per language vs the real texts")
    a = ap.parse_args(argv)
    if a.stats:
        import json
        print(json.dumps({"n": a.n, "seed": a.seed, "vocabulary": vocabulary(a.n, a.seed)}, ensure_ascii=False))
    size = write(a.n, Path(a.out), a.seed)
    print(f"{a.n} files, {size / 1e6:.1f} MB in {a.out}")


if __name__ == "__main__":
    main()
