"""Citation forms on real acts (issue 13): share of provisions cited in the lawyers' form, per language,
act type and place (the act's own text / an appendix it approved), and Kazakh citations that name a
Russian issuer; beside the previous one-line citation (``corpus.api.citation``) as the baseline.

    .venv/bin/maslihat ingest ../shared/corpus/dev-laws --db /tmp/dl.sqlite
    .venv/bin/python bench/citation_forms.py /tmp/dl.sqlite

Built on sample seed 001 (corpus/samples); the dev-laws acts are held out (read at run time, never
committed).
"""
from __future__ import annotations

import re
import sys
from collections import Counter

from maslihat.corpus.api import Corpus, citation as old_citation
from maslihat.search_app.citation import LOCATOR_KINDS, _appendix_of, cite

RU_ACT = r"(решения|постановления|приказа|Указа|Закона|Кодекса|Конституции) "
KK_ACT = r"(шешімінің|қаулысының|бұйрығының|Жарлығының|Заңының|Кодексінің|Конституциясының)( |$)"
RUSSIAN_NAME = re.compile(r"\b\w+(ский|ской|ского|ого)\b|маслихат(а|ом)?\b")


def expected_form(s: str, lang: str, in_appendix: bool) -> bool:
    if in_appendix:
        return ("утв. " in s) if lang == "ru" else ("бекітілген" in s or "қосымшаның" in s)
    return bool(re.search(RU_ACT if lang == "ru" else KK_ACT, s))


def main(db: str) -> None:
    c = Corpus(db=db, es_url="")
    n: Counter = Counter()
    for r in c.documents(latest_only=True):
        doc = c.document(r["id"])
        units = c.units(doc.id)
        by = {u.id: u for u in units}
        for u in units:
            if u.kind not in LOCATOR_KINDS:
                continue
            key = (doc.language, doc.doc_type, "appendix" if _appendix_of(u, by) else "act")
            for name, s in (("new", cite(u, doc, units)), ("old", old_citation(u, doc))):
                n[key + (name, "total")] += 1
                n[key + (name, "form")] += expected_form(s, doc.language, key[2] == "appendix")
                if doc.language == "kk":
                    n[key + (name, "ru_issuer")] += bool(RUSSIAN_NAME.search(s.split("«")[0] + " " + s.split("»")[-1]))
    print("| language | act type | provision of | provisions | lawyers' form: new | old | KK citation names a Russian issuer: new | old |")
    print("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |")
    for key in sorted({k[:3] for k in n}):
        tot = n[key + ("new", "total")]
        ru_new = n[key + ("new", "ru_issuer")] if key[0] == "kk" else "–"
        ru_old = n[key + ("old", "ru_issuer")] if key[0] == "kk" else "–"
        print(f"| {key[0]} | {key[1]} | {key[2]} | {tot} | {n[key + ('new', 'form')]} | {n[key + ('old', 'form')]} "
              f"| {ru_new} | {ru_old} |")


if __name__ == "__main__":
    main(sys.argv[1])
