"""Checks tools/compare-eventsourcing: its pipeline fold on a hand-made history, and a whole run on a small demo.

The whole run replays a 20-account demo history in eventsourcing, in SQLite and in `rapport rebuild`, and must
exit 0 with the table of the four replays over the same number of events, after all sides agreed on the pipeline
figures with `rapport pipeline`.

The binary is $RAPPORT_BIN, else .build/debug/rapport (built by `swift build`).
"""

import importlib.machinery
import importlib.util
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "tools" / "compare-eventsourcing"


def load_script():
    loader = importlib.machinery.SourceFileLoader("compare_eventsourcing", str(SCRIPT))
    spec = importlib.util.spec_from_loader(loader.name, loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


COMPARE = load_script()


def rapport_binary():
    path = Path(os.environ.get("RAPPORT_BIN", ROOT / ".build" / "debug" / "rapport"))
    if not path.is_file():
        pytest.fail(f"{path} does not exist: run `swift build` first or set RAPPORT_BIN")
    return path


def event(stream, kind, **data):
    return stream, kind, json.dumps(data).encode()


def test_the_fold_follows_each_deal_to_its_last_stage_status_and_amount():
    history = [
        event("opportunity-1", "OpportunityOpened", stage="Prospecting", amount=1000),
        event("opportunity-2", "OpportunityOpened", stage="Prospecting", amount=250.5),
        event("opportunity-3", "OpportunityOpened", stage="Qualification", amount=400),
        event("opportunity-4", "OpportunityOpened", stage="Qualification", amount=900),
        event("account-1", "AccountOpened", name="Acme"),
        event("opportunity-1", "OpportunityStageChanged", fromStage="Prospecting", toStage="Proposal"),
        event("opportunity-1", "OpportunityLineItemAdded", amount=1200.25),
        event("opportunity-2", "OpportunityAmountChanged", to=300),
        event("opportunity-3", "OpportunityClosedWon", stage="Closed Won", amount=450),
        event("opportunity-4", "OpportunityClosedWon", stage="Closed Won", amount=900),
        event("opportunity-4", "OpportunityReopened", fromStage="Closed Won", toStage="Negotiation"),
        event("opportunity-4", "OpportunityLineItemRemoved", amount=800),
        event("opportunity-2", "OpportunityClosedLost", stage="Closed Lost", amount=310.75),
        event("opportunity-2", "OpportunityCloseDateMoved", to="2025-01-01"),
        event("opportunity-9", "OpportunityClosedWon", stage="Closed Won", amount=5000),
        event("opportunity-1", "OpportunityOpened", stage="Prospecting", amount=1),
    ]
    assert COMPARE.fold_pipeline(history) == {
        "open": {"Proposal": [1, 12_002_500], "Negotiation": [1, 8_000_000]},
        "won": [1, 4_500_000],
        "lost": [1, 3_107_500],
    }


def test_differences_name_each_figure_that_differs():
    python = {"open": {"Proposal": [1, 10_000]}, "won": [2, 30_000], "lost": [0, 0]}
    other = {"open": {"Proposal": [1, 10_000], "Negotiation": [1, 5]}, "won": [2, 30_001], "lost": [0, 0]}
    assert COMPARE.differences("rapport pipeline", python, other) == [
        "open Negotiation: Python [0, 0], rapport pipeline [1, 5]",
        "won: Python [2, 30000], rapport pipeline [2, 30001]",
    ]
    assert COMPARE.differences("SQLite", python, python) == []


def test_a_small_run_prints_the_table_and_all_sides_agree(tmp_path):
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--accounts", "20", "--repeat", "1", "--rapport", str(rapport_binary())],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "RAPPORT_BENCH_DIR": str(tmp_path)},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    header = re.match(r"^([\d,]+) events of a demo history of 20 accounts \(seed 7\); one replay each$", lines[0])
    assert header, lines[0]
    total = int(header.group(1).replace(",", ""))
    assert total > 20 * 50
    assert lines[1].split() == ["system", "events", "seconds", "events/s"]
    names = []
    for line in lines[2:6]:
        match = re.match(r"^(.+?)\s+([\d,]+)\s+[\d.]+\s+[\d,]+$", line)
        assert match, line
        names.append(match.group(1))
        assert int(match.group(2).replace(",", "")) == total
    assert names == [
        "eventsourcing (SQLite), pipeline",
        "SQLite (sqlite3), pipeline",
        "Rapport rebuild --model pipeline",
        "Rapport rebuild (all read models)",
    ]
    assert re.match(r"^Rapport/eventsourcing [\d.]+x, Rapport/SQLite [\d.]+x", lines[6])
    assert lines[-1] == "eventsourcing, SQLite and rapport pipeline agree"
    assert list(tmp_path.iterdir()) == []
