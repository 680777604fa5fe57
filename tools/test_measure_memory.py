"""Checks tools/measure-memory on a small demo history: it writes the history into an empty directory, opens the
engine, and prints figures that agree with each other.

The binary is $RAPPORT_BIN, else .build/debug/rapport (built by `swift build`).
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "tools" / "measure-memory"


def rapport_binary():
    path = Path(os.environ.get("RAPPORT_BIN", ROOT / ".build" / "debug" / "rapport"))
    if not path.is_file():
        pytest.fail(f"{path} does not exist: run `swift build` first or set RAPPORT_BIN")
    return path


def test_a_small_demo_is_written_opened_and_measured(tmp_path):
    data = tmp_path / "data"
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--data", str(data), "--accounts", "20", "--rapport", str(rapport_binary())],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["dataDirectory"] == str(data)
    assert any(name.endswith(".log") for name in os.listdir(data))
    assert 0 < figures["residentGiB"] <= figures["peakGiB"]
    assert figures["residentToBudget"] == pytest.approx(figures["residentGiB"] / 2, abs=0.002)
    assert "resident with every read model loaded" in result.stderr


def test_a_binary_that_does_not_answer_like_the_engine_fails_the_run(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "kept").write_text("a directory that is not empty is measured as it is, not written into")
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--data", str(data), "--rapport", "/bin/cat"],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 1
    assert "did not answer as expected" in result.stderr
    assert sorted(os.listdir(data)) == ["kept"]
