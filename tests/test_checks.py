"""Consistency warnings (SPEC §3): checks over linked figures, on constructed sentences and seed 000."""
from __future__ import annotations

from extractor import extract_file
from extractor.checks import check
from extractor.linking import link

from .conftest import SEED0
from .test_linking import build, count, rate


def notes_of(text: str, figures: list[dict], dates: list[tuple] = ()) -> list:
    art = build(text, figures, dates=dates)
    link(art)
    return check(art)


def kinds(notes: list) -> list[str]:
    return [n.kind for n in notes]


def test_a_rate_far_from_its_counts_is_flagged_with_the_computed_rate():
    text = "Năm 2023, huyện tiếp nhận 1.000 hồ sơ và đã giải quyết 900 hồ sơ, đạt tỷ lệ 95%."
    notes = notes_of(text, [count("1.000", value=1000), count("900", value=900), rate("95%") | {"value": 95.0}],
                     dates=[("Năm 2023", "2023", "year")])
    assert kinds(notes) == ["rate_mismatch"]
    assert "90.00%" in notes[0].message and notes[0].figures == [0, 1, 2]


def test_a_rate_within_half_a_point_or_from_its_fraction_is_fine():
    text = ("Năm 2023, huyện tiếp nhận 1.000 hồ sơ và đã giải quyết 903 hồ sơ, đạt tỷ lệ 90,1%. "
            "Đã giải quyết xong 201/227 đơn, đạt 88,5%.")
    figures = [count("1.000", value=1000), count("903", value=903), rate("90,1%") | {"value": 90.1},
               count("201/227", value=201, total=227, unit="đơn"), rate("88,5%") | {"value": 88.5}]
    assert notes_of(text, figures, dates=[("Năm 2023", "2023", "year")]) == []


def test_a_fraction_rate_that_does_not_follow_is_flagged():
    text = "Xã đã giải quyết 180/200 hồ sơ (đạt tỷ lệ 100%)."
    notes = notes_of(text, [count("180/200", value=180, total=200), rate("100%") | {"value": 100.0}])
    assert kinds(notes) == ["rate_mismatch"] and "90.00%" in notes[0].message


def test_an_on_time_rate_may_count_the_early_dossiers_too():
    """99,5% is (600 + 395) / 1.000: the early and the on-time counts together, as the rate says."""
    text = ("Năm 2023, huyện giải quyết 1.000 hồ sơ; trong đó trước hạn 600 hồ sơ, đúng hạn 395 hồ sơ, "
            "trễ hạn 5 hồ sơ; tỷ lệ trước hạn và đúng hạn đạt 99,5%.")
    figures = [count("1.000", value=1000), count("600", value=600), count("395", value=395),
               count("5", after="trễ hạn", value=5), rate("99,5%") | {"value": 99.5}]
    assert notes_of(text, figures, dates=[("Năm 2023", "2023", "year")]) == []
    wrong = text.replace("99,5%", "90,5%")
    figures[-1] = rate("90,5%") | {"value": 90.5}
    notes = notes_of(wrong, figures, dates=[("Năm 2023", "2023", "year")])
    assert kinds(notes) == ["rate_mismatch"] and "99.50%" in notes[0].message


def test_counts_and_rate_of_one_tier_are_compared_within_their_clause():
    text = ("Năm 2023, cấp huyện tiếp nhận 2.000 hồ sơ, giải quyết đúng hạn 1.960 hồ sơ, đạt 98%; "
            "cấp xã tiếp nhận 3.000 hồ sơ, giải quyết đúng hạn 2.970 hồ sơ, tỷ lệ đạt 90%.")
    figures = [count("2.000", value=2000), count("1.960", value=1960), rate("98%") | {"value": 98.0},
               count("3.000", value=3000), count("2.970", value=2970), rate("90%") | {"value": 90.0}]
    notes = notes_of(text, figures, dates=[("Năm 2023", "2023", "year")])
    assert kinds(notes) == ["rate_mismatch"]
    assert "2.970 / 3.000 = 99.00%" in notes[0].message and notes[0].figures == [3, 4, 5]


def test_more_resolved_than_received_in_the_same_period():
    text = "Trong năm 2023, xã tiếp nhận 400 hồ sơ, đã giải quyết 420 hồ sơ."
    notes = notes_of(text, [count("400", value=400), count("420", value=420)],
                     dates=[("năm 2023", "2023", "year")])
    assert kinds(notes) == ["resolved_exceeds_received"] and notes[0].figures == [0, 1]


def test_counts_of_different_periods_or_of_a_breakdown_are_not_compared():
    text = ("Năm 2022, xã tiếp nhận 400 hồ sơ. Năm 2023, xã đã giải quyết 420 hồ sơ.\n\n"
            "Tổng số đơn phải giải quyết là 227 đơn (trong đó: 20 đơn khiếu nại, 199 đơn đề nghị). "
            "Đã giải quyết 201 đơn.")
    figures = [count("400", value=400), count("420", value=420),
               count("227", value=227, unit="đơn"), count("20", after="(trong đó", value=20, unit="đơn"),
               count("199", value=199, unit="đơn"), count("201", value=201, unit="đơn")]
    notes = notes_of(text, figures, dates=[("Năm 2022", "2022", "year"), ("Năm 2023", "2023", "year")])
    assert notes == []


def test_a_fraction_above_its_total():
    notes = notes_of("Xã giải quyết 305/300 hồ sơ.", [count("305/300", value=305, total=300)])
    assert "fraction_exceeds_total" in kinds(notes)


def test_percentages_above_100_except_changes_and_shares_of_a_plan():
    text = ("Tỷ lệ hồ sơ đúng hạn đạt 101%. Thu ngân sách đạt 115% kế hoạch. "
            "Số hồ sơ trực tuyến tăng 120%. Có 130% cán bộ được tập huấn.")
    figures = [rate("101%") | {"value": 101.0}, rate("115%") | {"value": 115.0},
               rate("120%") | {"value": 120.0}, rate("130%") | {"value": 130.0}]
    notes = notes_of(text, figures)
    flagged = sorted(i for n in notes if n.kind == "percentage_over_100" for i in n.figures)
    assert flagged == [0, 3]


def test_seed_000_rate_mismatch_end_to_end():
    """Needs the figure, date and locality recognisers: 25.969 / 26.356 is 98,53%, not 99,83%."""
    record = extract_file(SEED0)
    mismatches = [w for w in record.warnings if w.kind == "rate_mismatch"]
    assert len(mismatches) == 1
    assert "98.53%" in mismatches[0].message
    texts = {f.id: f.text for f in record.figures}
    assert sorted(texts[i] for i in mismatches[0].figures) == ["25.969", "26.356", "99.83%"]
