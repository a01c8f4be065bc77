"""The bad-input matrix: each case gives one clear line naming the file, or a valid record where
the input is legal. Run through the real command, as a user would meet it."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from extractor.schema import DocumentRecord

from .conftest import SEED0

EXE = str(Path(sys.executable).with_name("vnextract"))
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"


def run(*args: str, without_privileges: bool = False) -> subprocess.CompletedProcess:
    """Run the command; ``without_privileges`` drops root's capabilities so file modes apply."""
    prefix = ["setpriv", "--inh-caps=-all", "--bounding-set=-all"] if without_privileges else []
    return subprocess.run([*prefix, EXE, *args], capture_output=True, text=True, timeout=300)


def one_line_error(result: subprocess.CompletedProcess, path: Path, reason: str) -> None:
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 1, result.stderr
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"error: {path}:") and reason in lines[0], lines[0]
    assert "Traceback" not in result.stderr and result.stdout == ""


CASES = {
    "empty file": (b"", "empty file"),
    "whitespace only": (b" \n\t\n   \n", "only whitespace"),
    "10 MB single line": (b"a" * 10_000_000, "over the limit"),
    "binary PNG": (PNG + bytes(range(256)) * 4, "binary file"),
    "invalid UTF-8": ("Thành phố ".encode() + b"\xff\xfe\xfa\xc3\x28 ok", "not valid UTF-8"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_file_gives_one_line_error(tmp_path, case):
    data, reason = CASES[case]
    path = tmp_path / "input.txt"
    path.write_bytes(data)
    one_line_error(run("extract", str(path)), path, reason)


def test_missing_file(tmp_path):
    one_line_error(run("extract", str(tmp_path / "nope.txt")), tmp_path / "nope.txt", "no such file")


def test_directory_given_to_extract(tmp_path):
    one_line_error(run("extract", str(tmp_path)), tmp_path, "is a directory")


def test_html_with_only_scripts(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<!DOCTYPE html><html><head><script>var x=1;</script></head>"
                    "<body><script>alert(1)</script></body></html>", encoding="utf-8")
    one_line_error(run("extract", str(path)), path, "HTML page without article text")


def test_max_bytes_limit_is_a_clear_message(tmp_path):
    path = tmp_path / "seed.txt"
    path.write_bytes(SEED0.read_bytes())
    one_line_error(run("extract", str(path), "--max-bytes", "1000"), path, "over the limit of 1000")


def test_utf16_without_bom_is_legal_input(tmp_path):
    path = tmp_path / "u16.txt"
    path.write_bytes(SEED0.read_text(encoding="utf-8").encode("utf-16-le"))
    result = run("extract", str(path))
    assert result.returncode == 0, result.stderr
    record = DocumentRecord.model_validate_json(result.stdout)
    assert record.warnings[0].kind == "input" and "UTF-16" in record.warnings[0].message


@pytest.mark.skipif(os.geteuid() == 0 and not shutil.which("setpriv"),
                    reason="root reads any file; setpriv (util-linux) is needed to drop that power")
def test_no_read_permission(tmp_path_factory):
    folder = Path(tmp_path_factory.mktemp("perm"))
    folder.chmod(0o755)
    path = folder / "secret.txt"
    path.write_bytes(SEED0.read_bytes())
    path.chmod(0o000)
    # root reads anything, so as root the command runs without capabilities, as a user would
    result = run("extract", str(path), without_privileges=os.geteuid() == 0)
    one_line_error(result, path, "permission denied")
