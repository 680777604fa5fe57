"""Checks the JSON Schemas in schemas/log against what the `rapport` command really reads and prints.

Every line `rapport log append` acknowledges, every record `dump` prints and the JSON of `inspect` and `verify`
must validate against its schema; and the append-line schema must accept exactly the lines the command accepts,
on a table of good and bad lines.

The binary is $RAPPORT_BIN, else .build/debug/rapport (built by `swift build`).
"""

import json
import os
import subprocess
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "schemas" / "log"


def validator(name):
    schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text())
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def rapport(*arguments, stdin=""):
    binary = os.environ.get("RAPPORT_BIN", str(ROOT / ".build" / "debug" / "rapport"))
    return subprocess.run([binary, "log", *arguments], input=stdin, capture_output=True, text=True, timeout=120)


GOOD_LINES = [
    {"stream": "account-1", "type": "AccountOpened", "data": {"name": "Acme"}, "expectedVersion": "no_stream"},
    {"stream": "account-1", "type": "AccountRenamed", "data": "Acme Ltd", "expectedVersion": 1,
     "metadata": {"actor": "ana"}, "occurredAt": "2016-02-29T01:16:00+01:00"},
    {"stream": "case-7", "type": "CaseOpened", "data": [1, 2.5, None, True], "expectedVersion": "any",
     "id": "7d444840-9dc0-11d1-b245-5ffdce74fad2"},
    {"stream": "case-7", "type": "CaseEscalated", "data": None, "expectedVersion": "stream_exists"},
]

BAD_LINES = [
    {"type": "T", "data": 1},
    {"stream": "", "type": "T", "data": 1},
    {"stream": "s", "data": 1},
    {"stream": "s", "type": "T"},
    {"stream": "s", "type": 7, "data": 1},
    {"stream": "s", "type": "T", "data": 1, "expectedVersion": -1},
    {"stream": "s", "type": "T", "data": 1, "expectedVersion": 1.5},
    {"stream": "s", "type": "T", "data": 1, "expectedVersion": True},
    {"stream": "s", "type": "T", "data": 1, "expectedVersion": "maybe"},
    {"stream": "s", "type": "T", "data": 1, "metadata": [1]},
    {"stream": "s", "type": "T", "data": 1, "id": "not-a-uuid"},
    {"stream": "s", "type": "T", "data": 1, "colour": "blue"},
    ["stream", "s"],
]


@pytest.fixture(scope="module")
def log_directory(tmp_path_factory):
    directory = tmp_path_factory.mktemp("schemas") / "data"
    for line in GOOD_LINES:
        assert validator("append-line").is_valid(line)
    appended = rapport("append", "--data", str(directory), stdin="".join(json.dumps(l) + "\n" for l in GOOD_LINES))
    assert appended.returncode == 0, appended.stderr
    acknowledgements = [json.loads(line) for line in appended.stdout.splitlines()]
    assert len(acknowledgements) == len(GOOD_LINES)
    for acknowledgement in acknowledgements:
        validator("acknowledgement").validate(acknowledgement)
    return directory


def test_dumped_records_follow_the_record_schema(log_directory):
    dumped = rapport("dump", "--data", str(log_directory))
    assert dumped.returncode == 0, dumped.stderr
    records = [json.loads(line) for line in dumped.stdout.splitlines()]
    assert len(records) == len(GOOD_LINES)
    for record in records:
        validator("record").validate(record)


def test_inspect_follows_the_summary_schema(log_directory):
    inspected = rapport("inspect", "--data", str(log_directory), "--json")
    assert inspected.returncode == 0, inspected.stderr
    validator("summary").validate(json.loads(inspected.stdout))


def test_verify_follows_the_report_schema_when_intact_and_when_damaged(log_directory, tmp_path):
    intact = rapport("verify", "--data", str(log_directory), "--json")
    assert intact.returncode == 0
    validator("verification-report").validate(json.loads(intact.stdout))

    damaged = tmp_path / "damaged"
    damaged.mkdir()
    for file in log_directory.iterdir():
        (damaged / file.name).write_bytes(file.read_bytes())
    segment = damaged / ("0" * 20 + ".log")
    data = bytearray(segment.read_bytes())
    data[88 + 90] ^= 0x01
    segment.write_bytes(bytes(data))
    report = rapport("verify", "--data", str(damaged), "--json")
    assert report.returncode == 1
    parsed = json.loads(report.stdout)
    validator("verification-report").validate(parsed)
    assert parsed["problem"]["file"] == segment.name


@pytest.mark.parametrize("line", BAD_LINES, ids=[json.dumps(line) for line in BAD_LINES])
def test_schema_and_command_refuse_the_same_lines(line, tmp_path):
    assert not validator("append-line").is_valid(line)
    outcome = rapport("append", "--data", str(tmp_path / "data"), stdin=json.dumps(line) + "\n")
    assert outcome.returncode == 1
    assert "invalid_input" in outcome.stderr
