"""GET /events/stream with a real SSE client (httpx-sse): a subscriber is disconnected mid-stream while commands
keep arriving, resumes with Last-Event-ID and receives every event exactly once, in log order; every event reads
with the CloudEvents SDK and equals the same event from GET /events. Also the stream's refusals, the limit of
open streams per token, and the harness's deadline on a stream that never reaches its condition.
"""

import json
import random
import threading

import pytest
from cloudevents.core.formats.json import JSONFormat
from cloudevents.core.v1.event import CloudEvent

from server_harness import Server, create_token, end_position, open_account, read_events, stream_events, \
    update_account

PROBLEM = "application/problem+json"
CLOUD_FORMAT = JSONFormat()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    data = tmp_path_factory.mktemp("stream") / "data"
    data.mkdir()
    tokens = {role: create_token(data, role) for role in ("writer", "subscriber", "auditor")}
    with Server(data, "--max-streams-per-token", "64") as running:
        running.tokens = tokens
        with running.client(tokens["writer"]) as client:
            for start in range(0, 120, 20):
                batch = [open_account(f"s-{number}") for number in range(start, start + 20)]
                assert client.post("/commands", json=batch).status_code == 201
        yield running


def write_while(server, commands):
    """Sends commands, a list of 5 at a time."""
    with server.client(server.tokens["writer"]) as client:
        for start in range(0, len(commands), 5):
            answer = client.post("/commands", json=commands[start:start + 5])
            assert answer.status_code == 201, answer.text


def follow_in_pieces(server, token, pieces, total, params=None):
    """Follows the stream, disconnecting after each piece's number of events and resuming with the last event id,
    until `total` events have arrived; returns them."""
    received = []
    last_id = None
    with server.client(token, timeout=60) as client:
        for piece in pieces + [total]:
            wanted = min(piece, total - len(received))
            events, last_id = stream_events(
                client, "/events/stream", lambda events, _: len(events) >= wanted, last_id, params
            )
            received.extend(events)
            if len(received) >= total:
                return received


def parsed(data):
    """The CloudEvent the SDK reads from a stream's data line."""
    return CLOUD_FORMAT.read(CloudEvent, data.encode())


def test_a_subscriber_cut_off_mid_stream_resumes_with_last_event_id_and_gets_every_event_once(server):
    start = end_position(server)
    commands = [update_account(f"s-{number % 120}", f"name-{number}") for number in range(300)]
    writer = threading.Thread(target=write_while, args=(server, commands))
    writer.start()
    try:
        received = follow_in_pieces(
            server, server.tokens["subscriber"], [40, 1, 75, 130], 400, params={"from": start - 100}
        )
    finally:
        writer.join()
    positions = [position for position, _, _ in received]
    assert positions == list(range(start - 100, start + 300))
    expected = read_events(server, server.tokens["auditor"], **{"from": start - 100})
    assert len(expected) == len(received)
    for (position, event_type, data), event in zip(received, expected):
        assert json.loads(data) == event
        cloud = parsed(data)
        assert cloud.get_id() == event["id"]
        assert cloud.get_type() == event_type == event["type"]
        assert cloud.get_subject() == event["subject"]
        assert cloud.get_extension("position") == position
        assert cloud.get_data() == event["data"]


def test_a_filtered_stream_resumed_at_random_points_equals_the_filtered_log(server):
    rng = random.Random(5)
    commands = [update_account(f"s-{rng.randrange(120)}", f"filtered-{number}") for number in range(150)]
    commands += [open_account(f"s-late-{number}") for number in range(30)]
    rng.shuffle(commands)
    total = len(read_events(server, server.tokens["auditor"], type="AccountOpened")) + 30
    writer = threading.Thread(target=write_while, args=(server, commands))
    writer.start()
    params = {"from": 0, "type": "AccountOpened"}
    try:
        received = follow_in_pieces(
            server, server.tokens["subscriber"], [rng.randrange(1, 60) for _ in range(4)], total, params
        )
    finally:
        writer.join()
    expected = read_events(server, server.tokens["auditor"], type="AccountOpened")
    assert [position for position, _, _ in received] == [event["position"] for event in expected]
    assert {event_type for _, event_type, _ in received} == {"AccountOpened"}
    assert [json.loads(data) for _, _, data in received] == expected


def test_the_stream_starts_at_the_logs_end_without_from(server):
    with server.client(server.tokens["subscriber"]) as client, server.client(server.tokens["writer"]) as writer:
        start = end_position(server)
        posted = {}

        def stop(events, last_id):
            if "answer" not in posted:
                posted["answer"] = writer.post("/commands", json=open_account("s-after-connect"))
            return bool(events)

        events, _ = stream_events(client, "/events/stream", stop)
    assert posted["answer"].status_code == 201
    assert events[0][0] == start == posted["answer"].json()["events"][0]["position"]


def assert_problem(answer, status, code, field):
    answer.read()
    assert answer.status_code == status, answer.text
    assert answer.headers["Content-Type"] == PROBLEM
    assert (answer.json()["code"], answer.json().get("field")) == (code, field)


@pytest.mark.parametrize(
    "params, headers, status, code, field",
    [
        ({}, {"Last-Event-ID": "forty"}, 400, "invalid_last_event_id", "Last-Event-ID"),
        ({}, {"Last-Event-ID": "-1"}, 400, "invalid_last_event_id", "Last-Event-ID"),
        ({}, {"Last-Event-ID": "9999999"}, 422, "position_out_of_range", "Last-Event-ID"),
        ({"from": "9999999"}, {}, 422, "position_out_of_range", "from"),
        ({"from": "x"}, {}, 400, "invalid_query", "from"),
        ({"category": "planet"}, {}, 400, "invalid_query", "category"),
    ],
    ids=["id-not-a-number", "id-negative", "id-past-end", "from-past-end", "from-not-a-number", "bad-category"],
)
def test_a_stream_that_can_not_start_is_refused(server, params, headers, status, code, field):
    with server.client(server.tokens["subscriber"]) as client:
        with client.stream("GET", "/events/stream", params=params, headers=headers) as answer:
            assert_problem(answer, status, code, field)


def test_the_last_event_id_header_wins_over_from(server):
    with server.client(server.tokens["subscriber"]) as client:
        events, _ = stream_events(client, "/events/stream", lambda events, _: bool(events), 10, {"from": 0})
    assert events[0][0] == 11


def test_a_token_holds_at_most_the_allowed_streams(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    subscriber, other_subscriber, writer = (create_token(data, role) for role in ("subscriber",) * 2 + ("writer",))
    with Server(data, "--max-streams-per-token", "2") as server:
        with server.client(writer) as client:
            assert client.post("/commands", json=open_account("limit")).status_code == 201
        with server.client(subscriber) as first, server.client(subscriber) as second:
            with first.stream("GET", "/events/stream"), second.stream("GET", "/events/stream"):
                with server.client(subscriber) as third:
                    with third.stream("GET", "/events/stream") as refused:
                        assert_problem(refused, 429, "too_many_streams", None)
                with server.client(other_subscriber) as other:
                    with other.stream("GET", "/events/stream") as admitted:
                        assert admitted.status_code == 200


def test_a_stream_that_never_reaches_its_condition_fails_at_its_deadline(server):
    """The harness closes a stream whose condition never comes true, so a wrong expectation fails the run instead
    of hanging it: heartbeats would keep the stream's reads from ever timing out."""
    with server.client(server.tokens["subscriber"], timeout=60) as client:
        with pytest.raises(AssertionError, match="did not reach its condition within 2 s"):
            stream_events(client, "/events/stream", lambda events, _: False, params={"from": 0}, deadline=2)
