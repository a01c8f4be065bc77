"""The scorer on small hand-built gold/prediction pairs; every expected number is worked out by
hand."""
from __future__ import annotations

import pytest

from extractor.schema import Date, DocumentRecord, Figure, Locality, Official
from extractor.scoring import (Counts, aggregate, bootstrap, context, fold, match_spans,
                               overlap, score_document, strict_counts)

TEXT = ("Ngày 10/8/2022, ông Lý Văn Đẹp, Giám đốc Sở Nội vụ tỉnh Bình Dương, "
        "và bà Trần Thị Hoà làm việc tại huyện Dầu Tiếng.")


def at(text: str, span: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(span, start + 1)
    return start, start + len(span)


def date(i: str, span: str, value: str, granularity: str = "day", text: str = TEXT) -> Date:
    s, e = at(text, span)
    return Date(id=i, type="DATE", start=s, end=e, text=span, value=value, granularity=granularity)


def loc(i: str, span: str, canonical: str, level: str, unit: str | None = None) -> Locality:
    s, e = at(TEXT, span)
    return Locality(id=i, type="LOCALITY", start=s, end=e, text=span, name=span,
                    canonical=canonical, level=level, unit=unit)


def off(i: str, span: str, honorific: str | None = None,
        titles: list[str] | None = None) -> Official:
    s, e = at(TEXT, span)
    return Official(id=i, type="OFFICIAL", start=s, end=e, text=span, name=span,
                    honorific=honorific, titles=titles or [])


def record(doc_id: str = "d", entities=(), figures=(), **kw) -> DocumentRecord:
    return DocumentRecord(doc_id=doc_id, text_sha256="0" * 64, entities=list(entities),
                          figures=list(figures), **kw)


GOLD = record(entities=[
    date("e1", "Ngày 10/8/2022", "2022-08-10"),
    off("e2", "Lý Văn Đẹp", "ông", ["Giám đốc Sở Nội vụ tỉnh Bình Dương"]),
    loc("e3", "tỉnh Bình Dương", "Tỉnh Bình Dương", "province", "tỉnh"),
    off("e4", "Trần Thị Hoà", "bà"),
    loc("e5", "huyện Dầu Tiếng", "Huyện Dầu Tiếng", "district", "huyện"),
])
PRED = record(entities=[
    date("p1", "10/8/2022", "2022-08-10"),                               # boundary differs
    off("p2", "Lý Văn Đẹp", None, ["Giám đốc  Sở Nội vụ\ntỉnh Bình Dương"]),  # honorific wrong
    loc("p3", "tỉnh Bình Dương", "tỉnh bình dương", "province", "tỉnh"),  # canonical case only
    loc("p4", "huyện Dầu Tiếng", "Huyện Dầu Tiếng", "province", "huyện"),  # level wrong
    off("p5", "Dầu Tiếng"),                                               # wrong type: false alarm
])


@pytest.fixture(scope="module")
def doc():
    return score_document(GOLD, PRED, TEXT)


def tpfpfn(c) -> tuple[int, int, int]:
    return c.tp, c.fp, c.fn


def test_strict_counts_need_the_same_span(doc):
    assert tpfpfn(doc.strict["DATE"]) == (0, 1, 1)
    assert tpfpfn(doc.strict["LOCALITY"]) == (2, 0, 0)
    assert tpfpfn(doc.strict["OFFICIAL"]) == (1, 1, 1)


def test_partial_counts_accept_overlap_of_the_same_type_only(doc):
    assert tpfpfn(doc.partial["DATE"]) == (1, 0, 0)
    # "Dầu Tiếng" as OFFICIAL overlaps the gold LOCALITY but types differ: still a false alarm.
    assert tpfpfn(doc.partial["OFFICIAL"]) == (1, 1, 1)


def test_micro_and_macro_over_types(doc):
    ent = aggregate([doc])["entities"]
    # strict: tp 0+2+1=3, fp 1+0+1=2, fn 1+0+1=2; F1 per type 0, 1, 1/2.
    assert ent["strict"]["micro"]["precision"] == pytest.approx(3 / 5)
    assert ent["strict"]["micro"]["recall"] == pytest.approx(3 / 5)
    assert ent["strict"]["micro"]["f1"] == pytest.approx(3 / 5)
    assert ent["strict"]["macro"]["f1"] == pytest.approx((0 + 1 + 0.5) / 3)
    assert ent["strict"]["OFFICIAL"]["f1"] == pytest.approx(0.5)
    # partial: tp 1+2+1=4, fp 0+0+1=1, fn 0+0+1=1; F1 per type 1, 1, 1/2.
    assert ent["partial"]["micro"]["f1"] == pytest.approx(4 / 5)
    assert ent["partial"]["macro"]["f1"] == pytest.approx((1 + 1 + 0.5) / 3)


def test_attribute_accuracy_over_matched_pairs(doc):
    attrs = aggregate([doc])["attributes"]
    got = {k: (v["correct"], v["total"]) for k, v in attrs.items() if "correct" in v}
    assert got == {
        "DATE.value": (1, 1), "DATE.granularity": (1, 1),
        "LOCALITY.canonical": (2, 2), "LOCALITY.level": (1, 2), "LOCALITY.unit": (2, 2),
        "OFFICIAL.name": (1, 1), "OFFICIAL.honorific": (0, 1), "OFFICIAL.titles": (1, 1),
    }  # LOCALITY.code: null on both sides everywhere, so never compared
    assert (attrs["OFFICIAL.titles_f1"]["tp"], attrs["OFFICIAL.titles_f1"]["fp"],
            attrs["OFFICIAL.titles_f1"]["fn"]) == (1, 0, 0)


def test_errors_list_every_difference_with_context(doc):
    got = sorted((e.kind, e.type, e.attribute or "", e.gold_id or "", e.pred_id or "")
                 for e in doc.errors)
    assert got == sorted([
        ("boundary", "DATE", "", "e1", "p1"),
        ("attribute", "OFFICIAL", "honorific", "e2", "p2"),
        ("miss", "OFFICIAL", "", "e4", ""),
        ("attribute", "LOCALITY", "level", "e5", "p4"),
        ("false_alarm", "OFFICIAL", "", "", "p5"),
    ])
    level = next(e for e in doc.errors if e.attribute == "level")
    assert (level.gold, level.pred) == ("district", "province")
    assert level.context == {"left": TEXT[at(TEXT, "huyện")[0] - 40:at(TEXT, "huyện")[0]],
                             "span": "huyện Dầu Tiếng", "right": "."}


def test_context_is_forty_characters_each_side_on_one_line():
    text = "x" * 50 + "\nABC\n" + "y" * 50
    c = context(text, 51, 54)
    assert c == {"left": "x" * 39 + " ", "span": "ABC", "right": " " + "y" * 39}


def test_canonical_names_compare_after_case_and_tone_folding():
    assert fold("Xã Hòa Lợi") == fold("xã Hoà  Lợi") == fold("XÃ HOÀ LỢI")
    assert fold("Xã Hòa Lợi") != fold("Xã Hoa Lợi")


FTEXT = "tiếp nhận hơn 26.356 hồ sơ, đúng hạn đạt 99,43%; dịch vụ công mức độ 3 và 4."


def fig(i: str, span: str, type_: str, value, nth: int = 0, end_cut: int = 0, **kw) -> Figure:
    s, e = at(FTEXT, span, nth)
    e -= end_cut
    return Figure(id=i, type=type_, start=s, end=e, text=FTEXT[s:e], value=value, **kw)


def test_figure_span_and_value_matches():
    gold = record(figures=[
        fig("f1", "26.356", "dossier_count", 26356, qualifier="gt", unit="hồ sơ",
            metric="received"),
        fig("f2", "99,43%", "percentage", 99.43, unit="%", metric="on_time_rate"),
        fig("f3", "3 và 4", "service_level", [3, 4]),
    ])
    pred = record(figures=[
        # no qualifier; unit differs in case only
        fig("p1", "26.356", "dossier_count", 26356.0, unit="Hồ sơ", metric="received"),
        # no "%" in the span; metric "other"
        fig("p2", "99,43%", "percentage", 99.43, end_cut=1, unit="%"),
        fig("p3", "3", "quantity", 3, nth=1),  # the "3" of "3 và 4", but a quantity
    ])
    scores = aggregate([score_document(gold, pred, FTEXT)])
    span, value = scores["figures"]["span"], scores["figures"]["value"]
    # span: dossier tp1, percentage tp1, service_level fn1, quantity fp1.
    assert (span["micro"]["tp"], span["micro"]["fp"], span["micro"]["fn"]) == (2, 1, 1)
    assert span["micro"]["f1"] == pytest.approx(2 / 3)
    # value: the dossier count's qualifier differs, so only the percentage matches.
    assert (value["dossier_count"]["tp"], value["dossier_count"]["fp"],
            value["dossier_count"]["fn"]) == (0, 1, 1)
    assert (value["micro"]["tp"], value["micro"]["fp"], value["micro"]["fn"]) == (1, 2, 2)
    assert value["micro"]["f1"] == pytest.approx(1 / 3)
    attrs = {k: (v["correct"], v["total"])
             for k, v in scores["attributes"].items() if "correct" in v}
    assert attrs == {"figure.value": (2, 2), "figure.total": (2, 2), "figure.qualifier": (1, 2),
                     "figure.unit": (2, 2), "figure.metric": (1, 2), "figure.service_level": (2, 2),
                     "figure.period": (2, 2), "figure.locality": (2, 2), "figure.tier": (2, 2),
                     "figure.is_target": (2, 2)}


def test_title_and_published_exact_match_rates():
    docs = [score_document(record("a", title="Cải cách  hành chính", published="2022-08-10"),
                           record("a", title="Cải cách hành chính", published="2022-08-10"), ""),
            score_document(record("b"), record("b", published="2022-01-01"), ""),
            score_document(record("c", title="Tin"), record("c"), "")]
    document = aggregate(docs)["document"]
    assert document["title"] == {"correct": 2, "total": 3, "rate": pytest.approx(2 / 3)}
    assert document["published"] == {"correct": 2, "total": 3, "rate": pytest.approx(2 / 3)}


def test_a_document_without_prediction_is_all_misses_and_reported():
    d = score_document(GOLD, None, TEXT)
    scores = aggregate([d])
    assert scores["without_prediction"] == ["d"]
    assert scores["entities"]["strict"]["micro"] == {
        "tp": 0, "fp": 0, "fn": 5, "precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert sorted(e.gold_id for e in d.errors if e.kind == "miss") == ["e1", "e2", "e3", "e4", "e5"]


def greedy(gold, pred):
    """Largest overlap first: the matching the scorer must not use."""
    cand = sorted(((overlap(g, p), i, j) for i, g in enumerate(gold) for j, p in enumerate(pred)),
                  reverse=True)
    used_g, used_p, pairs = set(), set(), []
    for ov, i, j in cand:
        if ov > 0 and i not in used_g and j not in used_p:
            used_g.add(i), used_p.add(j), pairs.append((i, j))
    return sorted(pairs)


def test_optimal_matching_keeps_a_pair_greedy_loses():
    gold = [(0, 10), (10, 14)]
    pred = [(5, 14), (0, 4)]  # overlaps: g0-p0 5, g0-p1 4, g1-p0 4, g1-p1 0
    assert greedy(gold, pred) == [(0, 0)]  # takes the 5 first; g1 is then left unmatched
    assert match_spans(gold, pred) == [(0, 1), (1, 0)]


def test_matching_prefers_more_overlap_then_the_exact_span():
    assert match_spans([(0, 10)], [(0, 3), (0, 8)]) == [(0, 1)]
    assert match_spans([(0, 10)], [(0, 12), (0, 10)]) == [(0, 1)]


def test_strict_counts_use_each_gold_span_once():
    c = strict_counts([(0, 4), (0, 4), (5, 9)], [(0, 4), (0, 4), (0, 4)])
    assert (c.tp, c.fp, c.fn) == (2, 1, 1)


def _doc_with(tp: int, fn: int, doc_id: str):
    gold = record(doc_id, entities=[date(f"g{k}", "Ngày 10/8/2022", "2022-08-10")
                                    for k in range(tp + fn)])
    pred = record(doc_id, entities=gold.entities[:tp])
    return score_document(gold, pred, TEXT)


def test_bootstrap_interval_collapses_when_every_document_is_alike():
    docs = [_doc_with(1, 1, "a"), _doc_with(1, 1, "b")]  # each: tp 1, fn 1 → F1 2/3
    ci = bootstrap(docs)["entity_strict_micro"]
    assert ci["f1"] == ci["low"] == ci["high"] == pytest.approx(2 / 3)


def test_bootstrap_is_deterministic_and_spans_the_resampled_range():
    docs = [_doc_with(1, 0, "a"), _doc_with(0, 1, "b")]
    # Resampling two documents: both "a" → F1 1, both "b" → 0, each with probability 1/4,
    # so the 2.5th and 97.5th percentiles are 0 and 1; the point estimate is 2/3.
    first, second = bootstrap(docs), bootstrap(docs)
    assert first == second
    assert (first["entity_strict_DATE"]["low"], first["entity_strict_DATE"]["high"]) == (0.0, 1.0)
    assert first["entity_strict_DATE"]["f1"] == pytest.approx(2 / 3)


def test_counts_f1_is_zero_when_nothing_is_expected_or_predicted():
    assert Counts().f1 == 0.0 and Counts(1, 1, 0).precision == 0.5
