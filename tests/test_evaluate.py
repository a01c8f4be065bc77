"""``vnextract eval`` on hand-built gold directories, its bad-input errors, the baseline's
alignment, the HTML highlighting, and one end-to-end run on ../shared/dev."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.baseline import _spans, align, baseline_record
from extractor.cli import app
from extractor.evaluate import default_name
from extractor.htmlview import highlight
from extractor.schema import Date, DocumentRecord, Locality, dump_record, sha256_text

TEXT = "Ngày 10/8/2022, UBND tỉnh Bình Dương họp.\n"


def _gold(doc_id: str, text: str) -> DocumentRecord:
    s = text.index("tỉnh Bình Dương")
    return DocumentRecord(
        doc_id=doc_id, source=f"{doc_id}.txt", text_sha256=sha256_text(text), title=None,
        entities=[Date(id="e1", type="DATE", start=0, end=14, text=text[0:14], value="2022-08-10",
                       granularity="day"),
                  Locality(id="e2", type="LOCALITY", start=s, end=s + 15, text=text[s:s + 15],
                           name="Bình Dương", canonical="Tỉnh Bình Dương", level="province",
                           unit="tỉnh")])


@pytest.fixture
def dirs(tmp_path: Path) -> tuple[Path, Path]:
    gold, texts = tmp_path / "gold", tmp_path / "texts"
    gold.mkdir(), texts.mkdir()
    for doc_id in ("a", "b"):
        (texts / f"{doc_id}.txt").write_text(TEXT, encoding="utf-8")
        (gold / f"{doc_id}.json").write_text(
            json.dumps(dump_record(_gold(doc_id, TEXT)), ensure_ascii=False, indent=1,
                       sort_keys=True), encoding="utf-8")
    return gold, texts


def _pred_line(doc_id: str, entities: list) -> str:
    rec = DocumentRecord(doc_id=doc_id, text_sha256=sha256_text(TEXT), entities=entities)
    return json.dumps(dump_record(rec), ensure_ascii=False)


def run(*args: str):
    return CliRunner().invoke(app, ["eval", *args])


def test_pred_is_scored_and_reports_are_written(dirs, tmp_path):
    gold, texts = dirs
    pred = tmp_path / "pred.jsonl"
    # Doc a: the DATE exactly, the locality as "Bình Dương" (overlap only). Doc b: no prediction.
    a = _gold("a", TEXT).entities
    loc = a[1].model_copy(update={"start": a[1].start + 5, "text": "Bình Dương"})
    pred.write_text(_pred_line("a", [a[0], loc]) + "\n", encoding="utf-8")
    out = tmp_path / "reports"
    result = run("--gold", str(gold), "--texts", str(texts), "--pred", str(pred),
                 "--reports", str(out), "--name", "t")
    assert result.exit_code == 0, result.output
    scores = json.loads((out / "t" / "scores.json").read_text(encoding="utf-8"))
    s = scores["systems"]["predictions"]
    assert s["documents"] == 2 and s["without_prediction"] == ["b"]
    # strict: a has 1 of 2 right, b has 0 of 2: tp 1, fp 1, fn 3 → P 1/2, R 1/4, F1 1/3.
    micro = s["entities"]["strict"]["micro"]
    assert (micro["tp"], micro["fp"], micro["fn"]) == (1, 1, 3)
    assert micro["f1"] == pytest.approx(1 / 3)
    # partial: tp 2, fp 0, fn 2 → F1 2/3.
    assert s["entities"]["partial"]["micro"]["f1"] == pytest.approx(2 / 3)
    assert s["document"]["title"]["rate"] == 1.0  # null = null in both documents
    for name in ("scores.json", "errors.json", "summary.md", "report.html"):
        assert (out / "t" / name).is_file()
    errors = json.loads((out / "t" / "errors.json").read_text(encoding="utf-8"))["predictions"]
    assert [e["kind"] for e in errors["a"]] == ["boundary"]
    assert sorted(e["kind"] for e in errors["b"]) == ["miss", "miss"]
    lines = result.output.splitlines()
    assert any(line.startswith("entity strict micro F1    0.333") for line in lines)
    assert lines[-1] == "without prediction: predictions: b"


def _error_line(result) -> str:
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    return lines[0]


def test_gold_whose_hash_does_not_match_its_text(dirs):
    gold, texts = dirs
    (texts / "b.txt").write_text(TEXT.replace("họp", "hop"), encoding="utf-8")
    line = _error_line(run("--gold", str(gold), "--texts", str(texts)))
    assert line == f"error: {gold / 'b.json'}: text_sha256 does not match the text (b.txt)"


def test_gold_with_a_schema_error(dirs):
    gold, texts = dirs
    data = json.loads((gold / "a.json").read_text(encoding="utf-8"))
    data["entities"][0]["granularity"] = "week"
    (gold / "a.json").write_text(json.dumps(data), encoding="utf-8")
    line = _error_line(run("--gold", str(gold), "--texts", str(texts)))
    assert line.startswith(f"error: {gold / 'a.json'}: entities.0.DATE.granularity:")


def test_prediction_for_an_unknown_doc_id(dirs, tmp_path):
    gold, texts = dirs
    pred = tmp_path / "p.jsonl"
    pred.write_text(_pred_line("a", []) + "\n" + _pred_line("zzz", []) + "\n", encoding="utf-8")
    line = _error_line(run("--gold", str(gold), "--texts", str(texts), "--pred", str(pred)))
    assert line == f"error: {pred}:2: doc_id 'zzz' is not among the gold documents"


def test_malformed_json_line_in_pred(dirs, tmp_path):
    gold, texts = dirs
    pred = tmp_path / "p.jsonl"
    pred.write_text('{"doc_id": "a",\n', encoding="utf-8")
    line = _error_line(run("--gold", str(gold), "--texts", str(texts), "--pred", str(pred)))
    assert line.startswith(f"error: {pred}:1: malformed JSON:")


def test_prediction_made_from_another_text(dirs, tmp_path):
    gold, texts = dirs
    pred = tmp_path / "p.jsonl"
    rec = DocumentRecord(doc_id="a", text_sha256=sha256_text("other"))
    pred.write_text(json.dumps(dump_record(rec)) + "\n", encoding="utf-8")
    line = _error_line(run("--gold", str(gold), "--texts", str(texts), "--pred", str(pred)))
    assert line.startswith(f"error: {pred}:1: text_sha256 does not match")


def test_unknown_baseline_is_refused(dirs):
    gold, texts = dirs
    line = _error_line(run("--gold", str(gold), "--texts", str(texts), "--baseline", "spacy"))
    assert line.startswith("error: --baseline: unknown baseline 'spacy'")


def test_default_report_names():
    assert default_name(Path("/work/shared/dev/gold")) == "dev"
    assert default_name(Path("/repo/annotations")) == "corpus"
    assert default_name(Path("/x/held_out")) == "held_out"


def test_baseline_tokens_are_found_again_despite_respelling_and_spacing():
    line = "Ông Hòa  Bình, tỉnh Đồng Nai"
    tokens = ["Ông", "Hoà Bình", ",", "tỉnh", "Đồng Nai"]  # underthesea respells and joins
    assert list(align(line, tokens)) == [(0, 3), (4, 13), (13, 14), (15, 19), (20, 28)]
    tagged = [(t, "", "", tag) for t, tag in zip(tokens, ["O", "B-PER", "O", "B-LOC", "I-LOC"])]
    assert list(_spans(line, tagged)) == [(4, 13, "PER"), (15, 28, "LOC")]


def test_baseline_record_is_schema_valid_with_true_offsets():
    text = "Ông Nguyễn Văn An, Chủ tịch UBND tỉnh Bình Dương, dự họp.\nTP.HCM cũng vậy."
    rec = baseline_record(text, "x")
    assert rec.check_text(text) == []
    assert {e.type for e in rec.entities} <= {"OFFICIAL", "LOCALITY"}
    assert rec.figures == [] and rec.title is None


def test_highlight_cuts_at_every_boundary_and_styles_the_shortest_span():
    html = highlight("abcdef", [(1, 4, "s DATE ok", "t1"), (2, 3, "s figure miss", "t2")])
    assert html == ('a<span class="s DATE ok" title="t1">b</span>'
                    '<span class="s figure miss multi" title="t2\n\nt1">c</span>'
                    '<span class="s DATE ok" title="t1">d</span>ef')


def test_highlight_escapes_text():
    assert highlight("<b>&", [(0, 3, "s DATE ok", 'a"b')]) == \
        '<span class="s DATE ok" title="a&quot;b">&lt;b&gt;</span>&amp;'


def test_end_to_end_on_dev(dev_dir, tmp_path):
    exe = Path(sys.executable).with_name("vnextract")
    result = subprocess.run(
        [str(exe), "eval", "--gold", str(dev_dir / "gold"), "--texts", str(dev_dir / "texts"),
         "--baseline", "underthesea", "--reports", str(tmp_path)],
        capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    out = tmp_path / "dev"
    scores = json.loads((out / "scores.json").read_text(encoding="utf-8"))
    n_gold = len(list((dev_dir / "gold").glob("*.json")))
    assert set(scores["systems"]) == {"extractor", "underthesea"}
    assert all(s["documents"] == n_gold for s in scores["systems"].values())
    page = (out / "report.html").read_text(encoding="utf-8")
    assert page.count('<span class="s ') > 100 and "miss" in page
    head = page.split("<body>")[0]
    assert "<script" not in page and "<link" not in head and "http" not in head
    assert (out / "summary.md").read_text(encoding="utf-8").startswith("# Evaluation `dev`")
    tail = result.stdout.splitlines()[-12:]
    assert any(line.startswith("entity strict micro F1") for line in tail)
    assert any("underthesea" in line for line in tail)
