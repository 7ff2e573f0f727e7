"""A table's rows (cells joined by tabs, as the readers give them) are provisions of the appendix,
never its headings or chapters: a short unpunctuated row («5	Гидроэнергетика	Тиын/кВт. час	7,31»)
looks like a title, and as a heading it was ranked as one (a bare heading's prior) and lent its words
as context to the rows after it. RU and KK."""
from __future__ import annotations

import pytest

from maslihat.core.model import Document
from maslihat.nlp.segment import segment

RU = """Об установлении ставок платы за пользование водными ресурсами

1. Установить ставки платы за пользование водными ресурсами согласно приложению к настоящему решению.

2. Настоящее решение вводится в действие по истечении десяти календарных дней.

Приложение
к решению областного маслихата
от 25 июля 2018 года № 34-176

Ставки платы за пользование водными ресурсами

№\tВид специального водопользования\tЕдиницы измерения\tСтавки платы
1\tЖилищно-эксплуатационные и коммунальные услуги\tТиын/куб. метр\t4,64
2\tСельское хозяйство\tТиын/куб. метр\t0,92
3.\tГидроэнергетика\tТиын/кВт. час\t7,31
4.\tВодный транспорт\tТиын/тыс. км\t0,5
"""

KK = """Жер үсті көздерінен су ресурстарын пайдаланғаны үшін төлемақы мөлшерлемелерін белгілеу туралы

1. Осы шешімнің қосымшасына сәйкес су ресурстарын пайдаланғаны үшін төлемақы мөлшерлемелері белгіленсін.

2. Осы шешім алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі.

Облыстық мәслихаттың
2018 жылғы 25 шілдедегі
№ 34-176 шешіміне қосымша

Су ресурстарын пайдаланғаны үшін төлемақы мөлшерлемелері

№\tАрнайы су пайдалану түрі\tӨлшем бірлігі\tТөлемақы мөлшерлемесі
1\tТұрғын үй-пайдалану және коммуналдық қызметтер\tТиын/текше метр\t4,64
2\tАуыл шаруашылығы\tТиын/текше метр\t0,92
3.\tГидроэнергетика\tТиын/кВт. сағат\t7,31
4.\tСу көлігі\tТиын/мың км\t0,5
"""


@pytest.mark.parametrize("lang,text", [("ru", RU), ("kk", KK)])
def test_table_rows_are_provisions_of_the_appendix_not_headings(lang, text):
    d = Document(id=f"t/rates/{lang}", source="test", part=0, language=lang, doc_type="decision", title="",
                 text=text)
    units = segment(d)
    first_line = {u.id: d.text[u.start:u.end].split("\n")[0] for u in units}
    table = [u for u in units if "\t" in first_line[u.id]]
    assert len(table) == 5, [(u.kind, first_line[u.id][:30]) for u in units]
    header, rows = table[0], table[1:]
    # the columns' names head the table; the rows are provisions
    assert header.kind == "heading" and first_line[header.id].startswith("№")
    assert not [u for u in rows if u.kind in ("heading", "chapter", "section", "subchapter")], \
        [(u.kind, first_line[u.id][:30]) for u in rows]
    appendix = next(u for u in units if u.kind == "appendix")
    # the rows stand in the appendix, numbered rows as its points (not under one another)
    assert all(u.parent_id == appendix.id or u.kind == "point" for u in rows)
    # the table's title is still the appendix's heading
    title = next(u for u in units if u.kind == "heading")
    assert first_line[title.id].startswith(("Ставки платы", "Су ресурстарын"))
