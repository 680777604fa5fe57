"""Checks tools/measure-import: one run of each import on the real datasets and a pipeline made of one copy,
with figures that agree with the datasets; and its refusals.

The binary is $RAPPORT_BIN, else .build/debug/rapport (built by `swift build`).
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "tools" / "measure-import"


def rapport_binary():
    path = Path(os.environ.get("RAPPORT_BIN", ROOT / ".build" / "debug" / "rapport"))
    if not path.is_file():
        pytest.fail(f"{path} does not exist: run `swift build` first or set RAPPORT_BIN")
    return path


def measure(*arguments):
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--rapport", str(rapport_binary()), *arguments],
        capture_output=True, text=True, timeout=900,
    )


def test_each_dataset_is_imported_and_measured_against_a_second_binary():
    binary = str(rapport_binary())
    result = measure("--repeat", "2", "--runs", "1", "--against", binary)
    assert result.returncode == 0, result.stderr
    figures = {figure["dataset"]: figure for figure in json.loads(result.stdout)["figures"]}
    assert figures["maven-crm"]["rows"] == 8927
    assert figures["incident-log"]["rows"] == 5998
    # Two copies of the 8,800 deals, with the 85 accounts, 7 products and 35 sales agents.
    assert figures["sales pipeline x2"]["rows"] == 2 * 8800 + 85 + 7 + 35
    for figure in figures.values():
        assert figure["rowsPerSecond"] > 0
        assert figure["toTarget"] == pytest.approx(figure["rowsPerSecond"] / 100_000, abs=0.001)
        assert figure["ratio"] == pytest.approx(figure["rowsPerSecond"] / figure["againstRowsPerSecond"], abs=0.01)


@pytest.mark.parametrize("arguments", [["--repeat", "0"], ["--runs", "0"]])
def test_counts_below_one_are_refused(arguments):
    result = measure(*arguments)
    assert result.returncode == 2
    assert "must be at least 1" in result.stderr


def test_a_failing_import_fails_the_run_and_names_the_input():
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--rapport", "/bin/false", "--runs", "1", "--repeat", "1"],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 1
    assert "import of" in result.stderr and "failed" in result.stderr
