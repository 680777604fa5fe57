"""Checks the CRM's JSON Schemas (schemas/commands, schemas/events) against what the engine really reads and emits.

Every schema is valid draft 2020-12; every example command in a command schema validates; every command of the
story files under Tests/Fixtures/stories validates against its schema and is accepted by `rapport exec`; and every
event those stories emit, printed by `rapport events`, is a CloudEvent (read back with the CloudEvents SDK) whose
envelope and data validate, together covering every current event type. The personal fields, marked
`"x-personal": true`, are exactly a person's name, email and phone in the events that hold them; their erased form
(each null, their names under `erased`) validates, and a forgotten person's values are printed nowhere.

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


PERSON_FIELDS = {"firstName", "lastName", "email", "phone"}
# Every event schema that holds personal data, with those fields; every other one holds none.
PERSONAL_FIELDS = {
    "urn:rapport:schemas:events:ContactAdded:v1": PERSON_FIELDS,
    "urn:rapport:schemas:events:ContactUpdated:v1": PERSON_FIELDS,
    "urn:rapport:schemas:events:LeadCaptured:v1": {"name", "email"},
    "urn:rapport:schemas:events:LeadCaptured:v2": PERSON_FIELDS,
}


def marked_personal(node, path="#"):
    """The paths of every subschema marked x-personal, however deep."""
    found = set()
    if isinstance(node, dict):
        if node.get("x-personal") is not None:
            found.add(path)
        for key, value in node.items():
            found |= marked_personal(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found |= marked_personal(value, f"{path}/{index}")
    return found


@pytest.mark.parametrize("event_id", sorted(EVENT_SCHEMAS))
def test_personal_fields_are_exactly_a_persons_name_email_and_phone(event_id):
    schema = EVENT_SCHEMAS[event_id]
    expected = PERSONAL_FIELDS.get(event_id, set())
    assert marked_personal(schema) == {f"#/properties/{name}" for name in expected}
    for name in expected:
        assert schema["properties"][name]["x-personal"] is True
        assert validator(schema["properties"][name]).is_valid(None), f"{event_id}: {name} may not be null"
    if expected:
        erased = schema["properties"]["erased"]
        assert set(erased["items"]["enum"]) == expected and erased["uniqueItems"] is True
        assert "erased" not in schema.get("required", [])
    else:
        assert "erased" not in schema.get("properties", {})


def test_the_current_person_events_hold_the_same_personal_fields():
    latest = current_event_types()
    for name in ("ContactAdded", "ContactUpdated", "LeadCaptured"):
        assert PERSONAL_FIELDS[f"urn:rapport:schemas:events:{name}:v{latest[name]}"] == PERSON_FIELDS


ERASED = {field: None for field in sorted(PERSON_FIELDS)} | {"erased": ["firstName", "lastName", "email", "phone"]}
# Each event of a forgotten person as readers print it: the fields that are not personal kept, the personal ones
# null and named under `erased`.
ERASED_PAYLOADS = {
    "urn:rapport:schemas:events:ContactAdded:v1": {"accountId": "initech", "title": "Collator", **ERASED},
    "urn:rapport:schemas:events:ContactUpdated:v1": {"title": "Records Clerk", **ERASED},
    "urn:rapport:schemas:events:LeadCaptured:v2": {"company": "Initrode", "status": "Open - Not Contacted", **ERASED},
    "urn:rapport:schemas:events:LeadCaptured:v1": {"company": "Initrode", "name": None, "email": None,
                                                   "erased": ["name", "email"]},
}


@pytest.mark.parametrize("event_id", sorted(ERASED_PAYLOADS))
def test_an_erased_payload_validates_and_an_unknown_erased_name_does_not(event_id):
    schema = validator(EVENT_SCHEMAS[event_id])
    erased = ERASED_PAYLOADS[event_id]
    schema.validate(erased)
    fields = sorted(PERSONAL_FIELDS[event_id])
    schema.validate({key: value for key, value in erased.items() if key != "erased"})
    bad = [
        {**erased, "erased": erased["erased"] + ["title"]},
        {**erased, "erased": [fields[0], fields[0]]},
        {**erased, "erased": []},
        {**erased, "erased": fields[0]},
        {**erased, "company" if "company" in erased else "title": None},
    ]
    for payload in bad:
        assert not schema.is_valid(payload), payload


def test_a_forgotten_persons_values_are_printed_nowhere_and_read_as_erased(tmp_path):
    story = ROOT / "Tests" / "Fixtures" / "stories" / "privacy.jsonl"
    result = rapport("exec", "--data", str(tmp_path), "--durability", "none", "--file", str(story))
    assert result.returncode == 0, result.stdout + result.stderr
    printed = rapport("events", "--data", str(tmp_path))
    assert printed.returncode == 0, printed.stderr
    for value in ("Milton", "Waddams", "+1 512 555 0199", "+1 512 555 0142", "Samir", "Nagheenanajar",
                  "samir@initrode.example", "+1 512 555 0177"):
        assert value not in printed.stdout
    events = [json.loads(line) for line in printed.stdout.splitlines()]
    erased = [event for event in events if "erased" in event["data"]]
    assert [(event["subject"], event["type"]) for event in erased] == [
        ("contact-c-1001", "ContactAdded"), ("contact-c-1001", "ContactUpdated"), ("lead-l-2001", "LeadCaptured"),
    ]
    for event in erased:
        assert event["data"]["erased"] == ["firstName", "lastName", "email", "phone"]
        assert all(event["data"][field] is None for field in PERSON_FIELDS)
    added = next(event for event in events if event["subject"] == "contact-c-1001")
    assert added["data"]["title"] == "Collator" and added["data"]["accountId"] == "initech"
    other = next(event for event in events if event["subject"] == "contact-c-1002")
    assert other["data"]["email"] == "milton.waddams@initech.example" and "erased" not in other["data"]
