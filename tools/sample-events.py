#!/usr/bin/env python3
"""Turns the shared CRM datasets into `rapport log append` input: one JSON line per source row.

    python3 tools/sample-events.py [DATASETS_DIR] > events.jsonl

DATASETS_DIR defaults to ../shared/datasets beside the project. Every row becomes one record, kept whole:
accounts (stream account-<name>), sales opportunities (stream opportunity-<id>) and service desk incident
updates (stream case-<number>, one record per audit row, each expecting the case's previous version). Missing
values ("" in the CRM export, "?" in the incident log) become null, nothing is dropped or invented, and each
record's occurredAt is the row's own business time where it has one. The metadata names the source file and row.
"""

import csv
import json
import re
import sys
from datetime import datetime
from pathlib import Path


def blank_to_none(row, missing):
    return {key: (None if value == missing else value) for key, value in row.items()}


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def line(stream, expected, type_, data, source, row, occurred=None):
    record = {
        "stream": stream,
        "expectedVersion": expected,
        "type": type_,
        "data": data,
        "metadata": {"source": source, "row": row},
    }
    if occurred:
        record["occurredAt"] = occurred
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def accounts(root):
    source = "maven-crm/accounts.csv"
    with open(root / source, newline="") as file:
        for number, row in enumerate(csv.DictReader(file), start=2):
            yield line(f"account-{slug(row['account'])}", "no_stream", "AccountRowImported",
                       blank_to_none(row, ""), source, number)


def opportunities(root):
    source = "maven-crm/sales_pipeline.csv"
    with open(root / source, newline="") as file:
        for number, row in enumerate(csv.DictReader(file), start=2):
            day = row["close_date"] or row["engage_date"]
            occurred = f"{day}T00:00:00Z" if day else None
            yield line(f"opportunity-{row['opportunity_id']}", "no_stream", "OpportunityRowImported",
                       blank_to_none(row, ""), source, number, occurred)


def incident_updates(root):
    source = "incident-log/incident_event_log.csv"
    versions = {}
    with open(root / source, newline="") as file:
        for number, row in enumerate(csv.DictReader(file), start=2):
            stream = f"case-{row['number']}"
            expected = versions.get(stream, 0)
            versions[stream] = expected + 1
            updated = datetime.strptime(row["sys_updated_at"], "%d-%m-%Y %H:%M")
            yield line(stream, expected if expected else "no_stream", "IncidentUpdateImported",
                       blank_to_none(row, "?"), source, number, updated.strftime("%Y-%m-%dT%H:%M:00Z"))


def main():
    default = Path(__file__).resolve().parent.parent.parent / "shared" / "datasets"
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    if not (root / "maven-crm").is_dir() or not (root / "incident-log").is_dir():
        sys.exit(f"error: {root} does not hold maven-crm/ and incident-log/ (pass the datasets folder)")
    for generate in (accounts, opportunities, incident_updates):
        for text in generate(root):
            print(text)


if __name__ == "__main__":
    main()
