"""The generated gazetteer: coverage of each snapshot, the office's spelling, and the lookups."""
from __future__ import annotations

from extractor.gazetteer import (
    DATA,
    ERA_2020,
    ERA_2021,
    ERA_2025_01,
    ERA_2025_07,
    fold,
    gazetteer,
)


def _count(level: str, era: int) -> int:
    return sum(1 for p in gazetteer().places if p.level == level and p.eras & era)


def test_each_snapshot_has_the_units_of_its_time():
    for era in (ERA_2020, ERA_2021, ERA_2025_01):
        assert _count("province", era) == 63
        assert 690 <= _count("district", era) <= 710
        assert 10_000 <= _count("commune", era) <= 10_800
    assert _count("province", ERA_2025_07) == 34
    assert _count("district", ERA_2025_07) == 0
    assert 3_300 <= _count("commune", ERA_2025_07) <= 3_350


def test_data_file_is_compact():
    assert DATA.suffixes[-2:] == [".tsv", ".gz"] and DATA.stat().st_size < 400_000


def test_canonical_names_use_the_offices_spelling():
    g = gazetteer()
    assert [p.canonical for p in g.lookup("Thanh Hoá", "province")] == ["Tỉnh Thanh Hóa"]
    assert [p.canonical for p in g.lookup("khánh hoà", "province")] == ["Tỉnh Khánh Hòa"]
    assert {p.canonical for p in g.lookup("Hồ Chí Minh", "province")} == {"Thành phố Hồ Chí Minh"}
    assert {p.canonical for p in g.lookup("Bà Rịa - Vũng Tàu")} == {"Tỉnh Bà Rịa - Vũng Tàu"}


def test_lookup_by_level_and_the_province_a_unit_lies_in():
    g = gazetteer()
    (tdm,) = g.lookup("Thủ Dầu Một", "district")
    assert (tdm.unit, tdm.canonical, tdm.code) == ("thành phố", "Thành phố Thủ Dầu Một", "718")
    assert g.parent_canonical(tdm) == "Tỉnh Bình Dương"
    (binh_duong,) = g.lookup("Bình Dương", "province")
    assert g.parent_canonical(binh_duong) is None and g.within(tdm, binh_duong)
    # a name used at every level: the province, its capital city and a commune elsewhere
    levels = {p.level: g.province_of(p).canonical for p in g.lookup("Thái Nguyên")}
    assert levels["province"] == levels["district"] == "Tỉnh Thái Nguyên"
    assert levels["commune"] != "Tỉnh Thái Nguyên"


def test_units_renamed_or_merged_keep_their_older_rows():
    g = gazetteer()
    (quan_2,) = g.lookup("2", "district")
    assert quan_2.canonical == "Quận 2" and quan_2.eras == ERA_2020
    assert g.parent_canonical(quan_2) == "Thành phố Hồ Chí Minh"
    (thu_duc_city,) = [p for p in g.lookup("Thủ Đức", "district") if p.unit == "thành phố"]
    assert not thu_duc_city.eras & ERA_2020 and thu_duc_city.eras & ERA_2021
    pho_yen = {p.unit: p.eras for p in g.lookup("Phổ Yên", "district")}
    assert pho_yen["thị xã"] & ERA_2020 and pho_yen["thành phố"] & ERA_2025_01
    hue = {p.level: p.canonical for p in g.lookup("Thừa Thiên Huế")}
    assert hue == {"province": "Tỉnh Thừa Thiên Huế"}


def test_codes_only_for_units_before_the_2025_reform():
    g = gazetteer()
    post = [p for p in g.places if p.eras == ERA_2025_07]
    assert post and all(p.pre_2025_code is None for p in post)
    (hanoi_old,) = [p for p in g.lookup("Hà Nội", "province")]
    assert hanoi_old.pre_2025_code == "01"


def test_loaded_once_and_folded_keys():
    assert gazetteer() is gazetteer()
    assert fold("Thành  phố Hoà Bình") == fold("thành phố hòa bình") == "thành phố hòa bình"
