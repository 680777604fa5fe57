"""Checks the CRM's JSON Schemas (schemas/commands, schemas/events) against what the engine really reads and emits.

Every schema is valid draft 2020-12; every example command in a command schema validates; every command of the
story files under Tests/Fixtures/stories validates against its schema and is accepted by `rapport exec`; and every
event those stories emit, printed by `rapport events`, is a CloudEvent (read back with the CloudEvents SDK) whose
envelope and data validate, together covering every current event type.

The binary is $RAPPORT_BIN, else .build/debug/rapport (built by `swift build`).
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from cloudevents.core.formats.json import JSONFormat
from cloudevents.core.v1.event import CloudEvent
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "schemas"
STORIES = sorted((ROOT / "Tests" / "Fixtures" / "stories").glob("*.jsonl"))


def load_schemas():
    schemas = {}
    for folder in ("crm", "commands", "events"):
        for path in sorted((SCHEMAS / folder).glob("*.schema.json")):
            schemas[path] = json.loads(path.read_text())
    return schemas


ALL_SCHEMAS = load_schemas()
REGISTRY = Registry().with_resources(
    (schema["$id"], Resource.from_contents(schema)) for schema in ALL_SCHEMAS.values()
)
COMMAND_SCHEMAS = {
    path.name.removesuffix(".schema.json"): schema
    for path, schema in ALL_SCHEMAS.items()
    if path.parent.name == "commands" and path.name not in ("envelope.schema.json", "result.schema.json")
}
EVENT_SCHEMAS = {
    schema["$id"]: schema
    for path, schema in ALL_SCHEMAS.items()
    if path.parent.name == "events" and path.name != "cloudevent.schema.json"
}


def validator(schema):
    return Draft202012Validator(schema, registry=REGISTRY)


def current_event_types():
    """Each event type's highest schema version, from the file names: <Type>.v<N>.schema.json."""
    latest = {}
    for event_id in EVENT_SCHEMAS:
        _, _, _, _, name, version = event_id.split(":")
        latest[name] = max(latest.get(name, 0), int(version.removeprefix("v")))
    return latest


def rapport(*arguments, stdin=None):
    binary = os.environ.get("RAPPORT_BIN", str(ROOT / ".build" / "debug" / "rapport"))
    return subprocess.run([binary, *arguments], input=stdin, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("path", sorted(ALL_SCHEMAS), ids=lambda path: f"{path.parent.name}/{path.name}")
def test_schema_is_valid_draft_2020_12_with_a_matching_id(path):
    schema = ALL_SCHEMAS[path]
    Draft202012Validator.check_schema(schema)
    name = path.name.removesuffix(".schema.json")
    if path.parent.name == "events" and name != "cloudevent":
        event_type, version = name.split(".")
        assert schema["$id"] == f"urn:rapport:schemas:events:{event_type}:{version}"
    else:
        assert schema["$id"] == f"urn:rapport:schemas:{path.parent.name}:{name}"


@pytest.mark.parametrize("command_type", sorted(COMMAND_SCHEMAS))
def test_command_examples_validate(command_type):
    schema = COMMAND_SCHEMAS[command_type]
    examples = schema.get("examples", [])
    assert examples, f"{command_type} has no examples"
    for example in examples:
        assert example["type"] == command_type
        validator(schema).validate(example)


def test_command_schemas_refuse_what_the_engine_refuses():
    schema = COMMAND_SCHEMAS["OpenAccount"]
    good = {"type": "OpenAccount", "actor": "u", "data": {"accountId": "a", "name": "A", "ownerId": "u"}}
    validator(schema).validate(good)
    bad = [
        {**good, "colour": "blue"},
        {**good, "data": {**good["data"], "nmae": "A"}},
        {**good, "data": {**good["data"], "accountId": "a b"}},
        {**good, "data": {**good["data"], "name": "   "}},
        {**good, "expectedVersion": -1},
        {key: value for key, value in good.items() if key != "actor"},
    ]
    for command in bad:
        assert not validator(schema).is_valid(command), command
        result = rapport("exec", "--data", "/nonexistent/never-opened", stdin=json.dumps(command) + "\n")
        assert result.returncode != 0


@pytest.fixture(scope="module")
def emitted_events(tmp_path_factory):
    """Runs every story on its own fresh log; returns the CloudEvent lines each printed."""
    assert STORIES, "no story files under Tests/Fixtures/stories"
    events = {}
    for story in STORIES:
        directory = tmp_path_factory.mktemp(story.stem)
        result = rapport("exec", "--data", str(directory), "--durability", "none", "--file", str(story))
        lines = story.read_text().splitlines()
        outcomes = [json.loads(line) for line in result.stdout.splitlines()]
        assert len(outcomes) == len([line for line in lines if line.strip()]), result.stderr
        for line, outcome in zip(lines, outcomes):
            assert outcome["ok"], f"{story.name}: {line} -> {outcome}"
        assert result.returncode == 0, result.stderr
        printed = rapport("events", "--data", str(directory))
        assert printed.returncode == 0, printed.stderr
        events[story.name] = printed.stdout.splitlines()
    return events


@pytest.mark.parametrize("story", STORIES, ids=lambda path: path.name)
def test_story_commands_validate_against_their_schemas(story):
    for line in story.read_text().splitlines():
        if not line.strip():
            continue
        command = json.loads(line)
        assert command["type"] in COMMAND_SCHEMAS, f"no schema for {command['type']}"
        validator(COMMAND_SCHEMAS[command["type"]]).validate(command)


def test_exec_results_validate_accepted_and_refused(tmp_path):
    result_schema = validator(json.loads((SCHEMAS / "commands" / "result.schema.json").read_text()))
    lines = [
        {"type": "OpenAccount", "actor": "u", "data": {"accountId": "a", "name": "A", "ownerId": "u"}},
        {"type": "OpenAccount", "actor": "u", "data": {"accountId": "a", "name": "A", "ownerId": "u"}},
        {"type": "UpdateAccount", "actor": "u", "expectedVersion": 7, "data": {"accountId": "a", "name": "B"}},
        {"type": "UpdateAccount", "actor": "u", "data": {"accountId": "a", "name": "A"}},
        {"type": "Nonsense", "actor": "u", "data": {}},
    ]
    result = rapport("exec", "--data", str(tmp_path), stdin="\n".join(map(json.dumps, lines)) + "\n{cut")
    outcomes = [json.loads(line) for line in result.stdout.splitlines()]
    assert [outcome["ok"] for outcome in outcomes] == [True, False, False, True, False, False]
    assert outcomes[2]["error"]["currentVersion"] == 1
    assert outcomes[3]["events"] == []
    for outcome in outcomes:
        result_schema.validate(outcome)


def test_configuration_schema_agrees_with_the_engine(tmp_path):
    schema = validator(json.loads((SCHEMAS / "crm" / "configuration.schema.json").read_text()))
    good = {
        "salesStages": [
            {"name": "Lead", "probability": 5, "forecastCategory": "Pipeline"},
            {"name": "Won", "probability": 100, "forecastCategory": "Closed", "closed": True, "won": True},
            {"name": "Lost", "probability": 0, "forecastCategory": "Omitted", "closed": True},
        ]
    }
    bad = [{"salesStage": []}, {"leadStatuses": [{"name": "Open", "convertd": True}]}, {"caseTargets": "none"}]
    command = json.dumps({"type": "OpenAccount", "actor": "u", "data": {"accountId": "a", "name": "A", "ownerId": "u"}})
    for number, configuration in enumerate([good] + bad):
        path = tmp_path / f"configuration-{number}.json"
        path.write_text(json.dumps(configuration))
        accepted = rapport("exec", "--data", str(tmp_path / f"data-{number}"), "--config", str(path), stdin=command)
        assert schema.is_valid(configuration) == (configuration is good) == (accepted.returncode == 0), accepted


def test_emitted_events_are_cloudevents_whose_data_validates(emitted_events):
    envelope = validator(json.loads((SCHEMAS / "events" / "cloudevent.schema.json").read_text()))
    cloud_format = JSONFormat()
    for story, lines in emitted_events.items():
        assert lines, f"{story} emitted no events"
        for line in lines:
            event = json.loads(line)
            envelope.validate(event)
            assert event["dataschema"] in EVENT_SCHEMAS, f"{story}: no schema {event['dataschema']}"
            validator(EVENT_SCHEMAS[event["dataschema"]]).validate(event["data"])
            parsed = cloud_format.read(CloudEvent, line.encode())
            assert parsed.get_id() == event["id"]
            assert parsed.get_type() == event["type"]
            assert parsed.get_subject() == event["subject"]
            assert parsed.get_extension("position") == event["position"]
            assert parsed.get_data() == event["data"]


def test_events_of_an_older_release_are_read_upcast_and_validate(tmp_path):
    """Tests/Fixtures/upcasting/log holds LeadCaptured events of schema version 1; they print as version 2."""
    copy = tmp_path / "log"
    shutil.copytree(ROOT / "Tests" / "Fixtures" / "upcasting" / "log", copy)
    printed = rapport("events", "--data", str(copy))
    assert printed.returncode == 0, printed.stderr
    leads = [json.loads(line) for line in printed.stdout.splitlines() if '"LeadCaptured"' in line]
    assert len(leads) == 2
    for event in leads:
        assert event["dataschema"] == "urn:rapport:schemas:events:LeadCaptured:v2"
        validator(EVENT_SCHEMAS[event["dataschema"]]).validate(event["data"])
    assert leads[0]["data"]["firstName"] == "Ada King" and leads[0]["data"]["lastName"] == "Lovelace"


def test_stories_emit_every_current_event_type(emitted_events):
    seen = {}
    for lines in emitted_events.values():
        for line in lines:
            event = json.loads(line)
            seen[event["type"]] = event["schemaversion"]
    missing = {name: version for name, version in current_event_types().items() if seen.get(name) != version}
    assert not missing, f"event types no story emits at their current version: {missing}"
