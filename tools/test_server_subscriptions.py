"""Durable subscriptions: a subscriber acknowledges what it processed, the server is stopped (SIGTERM) and started
again, and the subscription's stream resumes right after the last ack; the ack's refusals.
"""

import json

import pytest

from server_harness import Server, create_token, end_position, open_account, read_events, stream_events

PROBLEM = "application/problem+json"


def write_accounts(server, prefix, count):
    with server.client(server.tokens["writer"]) as client:
        answer = client.post("/commands", json=[open_account(f"{prefix}-{number}") for number in range(count)])
        assert answer.status_code == 201, answer.text


@pytest.fixture()
def data(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    return data


def start(data, tokens):
    server = Server(data).start()
    server.tokens = tokens
    return server


def test_a_subscription_resumes_after_its_last_ack_across_a_restart(data):
    tokens = {role: create_token(data, role) for role in ("writer", "subscriber", "auditor")}
    server = start(data, tokens)
    try:
        write_accounts(server, "sub", 50)
        with server.client(tokens["subscriber"]) as client:
            events, _ = stream_events(client, "/subscriptions/billing/stream", lambda events, _: len(events) >= 30)
            assert [position for position, _, _ in events] == list(range(30))
            acked = client.post("/subscriptions/billing/ack", json={"position": 29})
            assert acked.status_code == 200, acked.text
            checkpoint = acked.json()
            assert (checkpoint["name"], checkpoint["position"]) == ("billing", 29)
            assert client.get("/subscriptions/billing").json() == checkpoint
        assert server.stop() == 0
        server = start(data, tokens)
        write_accounts(server, "after", 10)
        with server.client(tokens["subscriber"]) as client:
            assert client.get("/subscriptions/billing").json() == checkpoint
            events, _ = stream_events(client, "/subscriptions/billing/stream", lambda events, _: len(events) >= 30)
        expected = read_events(server, tokens["auditor"], **{"from": 30})
        assert [json.loads(data) for _, _, data in events] == expected
        assert [position for position, _, _ in events] == list(range(30, 60))
    finally:
        server.stop()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    data = tmp_path_factory.mktemp("subscriptions") / "data"
    data.mkdir()
    tokens = {role: create_token(data, role) for role in ("writer", "subscriber", "auditor")}
    with Server(data) as running:
        running.tokens = tokens
        write_accounts(running, "refusals", 20)
        yield running


@pytest.fixture()
def subscriber(server):
    with server.client(server.tokens["subscriber"]) as client:
        yield client


def assert_problem(answer, status, code, field=None):
    assert answer.status_code == status, answer.text
    assert answer.headers["Content-Type"] == PROBLEM
    assert (answer.json()["code"], answer.json().get("field")) == (code, field)


def test_a_subscription_without_an_ack_streams_from_the_start_and_is_not_found(server, subscriber):
    assert_problem(subscriber.get("/subscriptions/fresh"), 404, "subscription_not_found", "name")
    events, _ = stream_events(subscriber, "/subscriptions/fresh/stream", lambda events, _: len(events) >= 3)
    assert [position for position, _, _ in events] == [0, 1, 2]


def test_an_ack_may_not_move_back_unless_it_rewinds(server, subscriber):
    assert subscriber.post("/subscriptions/rewinder/ack", json={"position": 10}).status_code == 200
    regression = subscriber.post("/subscriptions/rewinder/ack", json={"position": 4})
    assert_problem(regression, 409, "checkpoint_regression", "position")
    same = subscriber.post("/subscriptions/rewinder/ack", json={"position": 10})
    assert same.json() == subscriber.get("/subscriptions/rewinder").json()
    rewound = subscriber.post("/subscriptions/rewinder/ack", json={"position": 4, "rewind": True})
    assert rewound.status_code == 200
    assert rewound.json()["position"] == 4
    events, _ = stream_events(subscriber, "/subscriptions/rewinder/stream", lambda events, _: bool(events))
    assert events[0][0] == 5


def test_an_ack_past_the_logs_last_event_is_422(server, subscriber):
    end = end_position(server)
    assert_problem(
        subscriber.post("/subscriptions/ahead/ack", json={"position": end}), 422, "position_out_of_range", "position"
    )
    assert subscriber.post("/subscriptions/ahead/ack", json={"position": end - 1}).status_code == 200


@pytest.mark.parametrize(
    "body, code, field",
    [
        ("", "malformed_body", None),
        ("[41]", "malformed_body", None),
        ("{", "malformed_body", None),
        ("{}", "missing_field", "position"),
        ('{"position": -1}', "invalid_field", "position"),
        ('{"position": "4"}', "invalid_field", "position"),
        ('{"position": 1.5}', "invalid_field", "position"),
        ('{"position": 1, "rewind": "yes"}', "invalid_field", "rewind"),
        ('{"position": 1, "colour": "red"}', "unknown_field", "colour"),
    ],
)
def test_an_ack_that_is_not_a_position_is_400(server, subscriber, body, code, field):
    answer = subscriber.post("/subscriptions/bodies/ack", content=body, headers={"Content-Type": "application/json"})
    assert_problem(answer, 400, code, field)


def test_an_ack_over_4_kib_is_413(server, subscriber):
    body = json.dumps({"position": 1, "padding": "x" * 5000})
    answer = subscriber.post("/subscriptions/big/ack", content=body, headers={"Content-Type": "application/json"})
    assert answer.status_code == 413
    assert answer.headers["Content-Type"] == PROBLEM


@pytest.mark.parametrize("name", ["a" * 65, "with space", "caf%C3%A9", "semi;colon"])
def test_a_name_outside_the_rules_is_400(server, subscriber, name):
    for answer in (
        subscriber.get(f"/subscriptions/{name}"),
        subscriber.post(f"/subscriptions/{name}/ack", json={"position": 1}),
        subscriber.get(f"/subscriptions/{name}/stream"),
    ):
        assert_problem(answer, 400, "invalid_subscription_name", "name")
