"""The work's first segment names who made the act (core/ids.py ``issuer_key``), RU and KK alike."""
from __future__ import annotations

import pytest

from maslihat.core import places
from maslihat.core.ids import work_id


@pytest.mark.parametrize("doc_type,issuer,region,want", [
    # national acts: kz whoever signed them
    ("law", "Парламент Республики Казахстан", None, "kz"),
    ("decree", "Президент Республики Казахстан", None, "kz"),
    ("resolution", "Правительство Республики Казахстан", None, "kz"),
    ("resolution", "Қазақстан Республикасының Үкіметі", None, "kz"),
    # known bodies: the gazetteer's id, in either language
    ("decision", "Карасайский районный маслихат", "Алматинская область", "kz-alm-karasai.maslikhat"),
    ("decision", "Қарасай аудандық мәслихаты", "Алматы облысы", "kz-alm-karasai.maslikhat"),
    ("decision", "Кокшетауский городской маслихат", "Акмолинская область", "kz-akm-kokshetau.maslikhat"),
    ("decision", "Көкшетау қалалық мәслихаты", "Ақмола облысы", "kz-akm-kokshetau.maslikhat"),
    ("decision", "аким Алматинской области", "Алматинская область", "kz-alm.akim"),
    ("resolution", "Алматы облысының әкімдігі", "Алматы облысы", "kz-alm.akimat"),
    # a district, city or okrug body the gazetteer does not know: never the oblast's; RU and KK one key
    ("decision", "Тестовский районный маслихат", "Алматинская область", "kz-alm-testov.maslikhat"),
    ("decision", "Тестов аудандық мәслихаты", "Алматы облысы", "kz-alm-testov.maslikhat"),
    ("decision", "Тестовский районный маслихат Алматинской области", None, "kz-alm-testov.maslikhat"),
    ("decision", "Алматы облысы Тестов аудандық мәслихаты", "Алматы облысы", "kz-alm-testov.maslikhat"),
    # a district named like another oblast is a district's name, not a region
    ("decision", "Жамбылский районный маслихат Алматинской области", None, "kz-alm-zhambil.maslikhat"),
    ("decision", "Алматы облысы Жамбыл аудандық мәслихаты", "Алматы облысы", "kz-alm-zhambil.maslikhat"),
    ("decision", "Актюбинский городской маслихат", "Актюбинская область", "kz-akt-aktiubin.maslikhat"),
    ("decision", "аким Тестовского сельского округа Тестовского района", "Алматинская область",
     "kz-alm-testov-lower.akim"),
    ("decision", "Тестов ауылдық округінің әкімі", "Алматы облысы", "kz-alm-testov-lower.akim"),
])
def test_issuer_key(doc_type, issuer, region, want):
    assert work_id(doc_type, "2020-12-25", "60-1", region, issuer) == f"{want}/{doc_type}/2020-12-25/60-1"


def test_a_district_body_is_never_read_as_its_oblasts():
    """The issuer facet: «Тестовский районный маслихат» of Алматинская область is no known body,
    not ``kz-alm.maslikhat``; a known district's is its own; an oblast's stays the oblast's."""
    assert places.match_body("Тестовский районный маслихат", "Алматинская область") is None
    assert places.match_body("Тестов аудандық мәслихаты", "Алматы облысы") is None
    assert places.match_body("аким Шортандинского сельского округа Шортандинского района Акмолинской области") is None
    assert places.match_body("Талгарский районный маслихат Алматинской области").id == "kz-alm-talgar.maslikhat"
    assert places.match_body("Алматы облыстық мәслихаты").id == "kz-alm.maslikhat"
    assert places.match_body("маслихат", "Алматинская область").id == "kz-alm.maslikhat"   # no level word: the region's


def test_a_ministrys_acts_name_the_ministry():
    a = work_id("order", "2015-03-30", "219", None, "Министр финансов Республики Казахстан")
    b = work_id("order", "2015-03-30", "219", None, "Министр юстиции Республики Казахстан")
    assert a != b and a.startswith("kz.ministry-") and b.startswith("kz.ministry-")
