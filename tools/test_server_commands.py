"""POST /commands over real HTTP: 201 with the events and their positions, 409 with the current version, 422 for a
broken rule, 400 for text that is not a command, 413 over the body limit and over the batch limit, and the
Idempotency-Key header returning the first result on a retry. Every refusal is RFC 9457 problem+json with the
domain's code, and appends nothing.
"""

import json

import pytest

from server_harness import Server, create_token, open_account, read_events, update_account

PROBLEM = "application/problem+json"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    data = tmp_path_factory.mktemp("commands") / "data"
    data.mkdir()
    tokens = {role: create_token(data, role) for role in ("writer", "auditor")}
    with Server(data, "--max-body-bytes", "1024", "--max-batch", "3") as running:
        running.tokens = tokens
        yield running


@pytest.fixture()
def writer(server):
    with server.client(server.tokens["writer"]) as client:
        yield client


def post(client, body, **headers):
    content = body if isinstance(body, (str, bytes)) else json.dumps(body)
    return client.post("/commands", content=content, headers={"Content-Type": "application/json", **headers})


def assert_problem(answer, status, code, field=None):
    assert answer.status_code == status, answer.text
    assert answer.headers["Content-Type"] == PROBLEM
    problem = answer.json()
    assert problem["status"] == status
    assert problem["code"] == code
    assert problem["type"] == f"urn:rapport:problem:{code}"
    assert problem["detail"]
    if field is not None:
        assert problem.get("field") == field, problem
    return problem


def end(server):
    with server.client() as client:
        return client.get("/health").json()["endPosition"]


def test_a_command_is_answered_201_with_its_events_and_positions(server, writer):
    first = end(server)
    answer = post(writer, open_account("c-201"))
    assert answer.status_code == 201, answer.text
    assert answer.headers["Content-Type"] == "application/json"
    assert answer.json() == {
        "events": [{"position": first, "stream": "account-c-201", "version": 1, "type": "AccountOpened"}]
    }
    renamed = post(writer, update_account("c-201", "Renamed", expectedVersion=1))
    assert renamed.json()["events"] == [
        {"position": first + 1, "stream": "account-c-201", "version": 2, "type": "AccountUpdated"}
    ]
    events = read_events(server, server.tokens["auditor"], **{"from": first})
    assert [(event["position"], event["type"], event["subject"]) for event in events] == [
        (first, "AccountOpened", "account-c-201"),
        (first + 1, "AccountUpdated", "account-c-201"),
    ]
    assert events[1]["data"]["name"] == "Renamed"


def test_a_command_that_changes_nothing_appends_nothing(server, writer):
    post(writer, open_account("c-same"))
    before = end(server)
    answer = post(writer, update_account("c-same", "c-same"))
    assert answer.status_code == 201
    assert answer.json() == {"events": []}
    assert end(server) == before


def test_a_list_runs_in_order_and_answers_each_commands_events(server, writer):
    first = end(server)
    answer = post(writer, [open_account("c-list"), update_account("c-list", "Second"), update_account("c-list", "3")])
    assert answer.status_code == 201, answer.text
    assert [[(event["position"], event["version"]) for event in result["events"]] for result in answer.json()] == [
        [(first, 1)],
        [(first + 1, 2)],
        [(first + 2, 3)],
    ]


def test_a_version_conflict_is_409_with_the_current_version(server, writer):
    post(writer, open_account("c-409"))
    post(writer, update_account("c-409", "Two"))
    before = end(server)
    problem = assert_problem(post(writer, update_account("c-409", "Three", expectedVersion=1)), 409, "version_conflict")
    assert problem["currentVersion"] == 2
    assert end(server) == before


@pytest.mark.parametrize(
    "command, code, field",
    [
        (update_account("c-nowhere", "X"), "account_not_found", None),
        ({"type": "OpenAccount", "actor": "u", "data": {"accountId": "c-x", "name": "  ", "ownerId": "u"}},
         "invalid_field", "data.name"),
        ({"type": "OpenAccount", "actor": "u", "data": {"accountId": "c-x", "ownerId": "u"}}, "missing_field",
         "data.name"),
        ({**open_account("c-x"), "colour": "blue"}, "unknown_field", "colour"),
        ({"type": "Teleport", "actor": "u", "data": {}}, "unknown_command_type", "type"),
    ],
    ids=["not-found", "blank-name", "missing-name", "unknown-field", "unknown-type"],
)
def test_a_broken_rule_is_422_naming_the_code_and_field(server, writer, command, code, field):
    before = end(server)
    assert_problem(post(writer, command), 422, code, field)
    assert end(server) == before


def test_an_existing_record_is_refused_422(server, writer):
    post(writer, open_account("c-twice"))
    assert_problem(post(writer, open_account("c-twice")), 422, "account_exists")


@pytest.mark.parametrize("body", ["", "   ", "{", "not json", '{"type": "OpenAccount"', "[", "[1,]", "42", "[]"])
def test_text_that_is_not_a_command_is_400(server, writer, body):
    before = end(server)
    problem = assert_problem(post(writer, body), 400, "malformed_command")
    assert "status" in problem
    assert end(server) == before


def test_a_refusal_in_a_list_names_its_index_and_keeps_the_commands_before_it(server, writer):
    first = end(server)
    answer = post(writer, [open_account("c-partial"), update_account("c-partial", "B", expectedVersion=5),
                           update_account("c-partial", "C")])
    problem = assert_problem(answer, 409, "version_conflict", "[1].expectedVersion")
    assert problem["index"] == 1
    assert problem["currentVersion"] == 1
    assert problem["completed"] == [
        {"events": [{"position": first, "stream": "account-c-partial", "version": 1, "type": "AccountOpened"}]}
    ]
    assert end(server) == first + 1


def test_a_body_over_the_limit_is_413(server, writer):
    before = end(server)
    command = open_account("c-big")
    command["data"]["industry"] = "x" * 2000
    assert_problem(post(writer, command), 413, "body_too_large")
    assert end(server) == before


def test_a_list_over_the_batch_limit_is_413(server, writer):
    before = end(server)
    commands = [open_account(f"c-batch-{number}") for number in range(4)]
    assert_problem(post(writer, commands), 413, "batch_too_large")
    assert end(server) == before


def test_a_retry_with_the_same_idempotency_key_returns_the_first_result(server, writer):
    first = post(writer, open_account("c-idem"), **{"Idempotency-Key": "key-idem-1"})
    assert first.status_code == 201, first.text
    before = end(server)
    again = post(writer, open_account("c-idem"), **{"Idempotency-Key": "key-idem-1"})
    assert again.status_code == 201, again.text
    assert again.json() == first.json()
    assert end(server) == before
    events = read_events(server, server.tokens["auditor"], **{"from": first.json()["events"][0]["position"]})
    assert events[0]["commandid"] == "key-idem-1"
    assert not [event for event in events[1:] if event["subject"] == "account-c-idem"]


def test_a_retried_list_with_the_same_idempotency_key_returns_the_first_results(server, writer):
    commands = [open_account("c-idem-list"), update_account("c-idem-list", "Later")]
    first = post(writer, commands, **{"Idempotency-Key": "key-idem-list"})
    assert first.status_code == 201, first.text
    before = end(server)
    again = post(writer, commands, **{"Idempotency-Key": "key-idem-list"})
    assert again.json() == first.json()
    assert end(server) == before


def test_a_different_command_under_a_used_key_is_not_run_again(server, writer):
    first = post(writer, open_account("c-idem-other"), **{"Idempotency-Key": "key-idem-other"})
    before = end(server)
    other = post(writer, open_account("c-idem-else"), **{"Idempotency-Key": "key-idem-other"})
    assert other.status_code == 201
    assert other.json() == first.json()
    assert end(server) == before


@pytest.mark.parametrize("key", ["", "has space", "x" * 123, "caf\u00e9"])
def test_an_invalid_idempotency_key_is_400(server, writer, key):
    headers = {"Idempotency-Key": key.encode("utf-8")}
    assert_problem(post(writer, open_account("c-bad-key"), **headers), 400, "invalid_idempotency_key",
                   "Idempotency-Key")


def test_an_idempotency_key_differing_from_the_command_id_is_400(server, writer):
    command = open_account("c-mismatch", commandId="mine")
    assert_problem(post(writer, command, **{"Idempotency-Key": "theirs"}), 400, "idempotency_key_mismatch",
                   "commandId")
