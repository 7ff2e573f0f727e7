"""bench/unit_precision.py counts a numbered unit the gold lacks (a rates table's row read as a point)
against the product, and one the gold has for it; RU and KK. Export and gold written here."""
import json

import pytest

from bench.unit_precision import precision

TEXT = {"ru": "1. Утвердить ставки согласно приложению.\n2. Выброс загрязняющих веществ\t200\n",
        "kk": "1. Қосымшаға сәйкес ставкалар бекітілсін.\n2. Ластайтын заттардың шығуы\t200\n"}


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_a_tables_row_read_as_a_point_is_not_in_the_gold(tmp_path, lang):
    code, name = "900301", {"ru": "rus", "kk": "kaz"}[lang]
    text = TEXT[lang]
    cut = text.index("\n") + 1
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "documents.jsonl").write_text(json.dumps(
        {"id": "d", "source": f"{code}.{name}.txt", "language": lang, "text": text}, ensure_ascii=False) + "\n",
        encoding="utf-8")
    units = [{"id": "d/point_1", "document_id": "d", "kind": "point", "number": "1", "start": 0, "end": cut},
             {"id": "d/point_2", "document_id": "d", "kind": "point", "number": "2", "start": cut, "end": len(text)}]
    (tmp_path / "x" / "units.jsonl").write_text("\n".join(json.dumps(u) for u in units) + "\n", encoding="utf-8")
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / f"{code}.{name}.json").write_text(json.dumps(
        {"act_code": code, "language": lang, "units": [{"kind": "point", "number": "1", "text_start": text[3:40]}]},
        ensure_ascii=False), encoding="utf-8")
    right, made, wrong = precision(tmp_path / "x", tmp_path / "gold")
    assert (right[lang], made[lang]) == (1, 2)
    assert [w[1] for w in wrong[(code, lang)]] == ["2"]
