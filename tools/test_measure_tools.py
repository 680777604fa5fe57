"""Checks the measuring scripts on small inputs: tools/measure-memory writes a small demo history into an empty
directory, opens it and prints figures that agree with each other; tools/measure-import imports each real dataset
and a pipeline made of copies of one, once per binary, and prints figures that agree with the datasets. Both fail
with a clear message when the binary does not behave like rapport.

The binary is $RAPPORT_BIN, else .build/debug/rapport (built by `swift build`).
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MEASURE_MEMORY = ROOT / "tools" / "measure-memory"
MEASURE_IMPORT = ROOT / "tools" / "measure-import"


def rapport_binary():
    path = Path(os.environ.get("RAPPORT_BIN", ROOT / ".build" / "debug" / "rapport"))
    if not path.is_file():
        pytest.fail(f"{path} does not exist: run `swift build` first or set RAPPORT_BIN")
    return path


def test_a_small_demo_is_written_opened_and_measured(tmp_path):
    data = tmp_path / "data"
    result = subprocess.run(
        [sys.executable, str(MEASURE_MEMORY), "--data", str(data), "--accounts", "20", "--rapport", str(rapport_binary())],
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
        [sys.executable, str(MEASURE_MEMORY), "--data", str(data), "--rapport", "/bin/cat"],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 1
    assert "did not answer as expected" in result.stderr
    assert sorted(os.listdir(data)) == ["kept"]


def measure(*arguments):
    return subprocess.run(
        [sys.executable, str(MEASURE_IMPORT), "--rapport", str(rapport_binary()), *arguments],
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
        [sys.executable, str(MEASURE_IMPORT), "--rapport", "/bin/false", "--runs", "1", "--repeat", "1"],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 1
    assert "import of" in result.stderr and "failed" in result.stderr
