"""The server killed with SIGKILL while clients send commands and a subscriber acknowledges: after a restart every
command answered 201 has its events in the log, exactly as answered, and the durable subscription resumes from its
last acknowledged position. And the graceful way: SIGTERM ends open streams with a `shutdown` event, the server
exits 0 after taking a snapshot, and the log verifies.
"""

import itertools
import json
import socket
import threading
import time

import httpx

from server_harness import Server, cli_events, create_token, end_position, open_account, rapport, read_events, \
    stream_events, update_account

WRITERS = 8


def tokens_for(data):
    return {role: create_token(data, role) for role in ("writer", "subscriber", "auditor")}


class Load:
    """Writers sending commands until stopped, each 201 answer kept; connection failures once the server is gone
    are expected and end the writer."""

    def __init__(self, server, token):
        self.server, self.token = server, token
        self.stopped = threading.Event()
        self.accepted = []
        self.lock = threading.Lock()
        self.threads = [threading.Thread(target=self.write, args=(writer,)) for writer in range(WRITERS)]

    def write(self, writer):
        with self.server.client(self.token, timeout=30) as client:
            for number in itertools.count():
                if self.stopped.is_set():
                    return
                account = f"w{writer}-{number}"
                commands = [open_account(account), update_account(account, f"renamed {account}")]
                try:
                    answer = client.post("/commands", json=commands if number % 2 else commands[0])
                except httpx.HTTPError:
                    return
                assert answer.status_code == 201, answer.text
                results = answer.json() if number % 2 else [answer.json()]
                with self.lock:
                    self.accepted.extend(event for result in results for event in result["events"])

    def count(self):
        with self.lock:
            return len(self.accepted)

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *_):
        self.stopped.set()
        for thread in self.threads:
            thread.join()


def acknowledge_while_loaded(server, token, load, acks_wanted):
    """Follows the subscription's stream and acknowledges every 25th event; returns the last position whose ack
    was answered 200 once `acks_wanted` acks were answered and the writers have 500 events acknowledged."""
    acked = []
    with server.client(token, timeout=60) as client:

        def acknowledge(events, _):
            if events and events[-1][0] % 25 == 24:
                answer = client.post("/subscriptions/crash/ack", json={"position": events[-1][0]})
                assert answer.status_code == 200, answer.text
                acked.append(events[-1][0])
            return len(acked) >= acks_wanted and load.count() >= 500

        stream_events(client, "/subscriptions/crash/stream", acknowledge)
    return acked[-1]


def test_every_201_acknowledged_command_survives_a_kill_and_subscriptions_resume_from_their_last_ack(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    tokens = tokens_for(data)
    server = Server(data).start()
    try:
        with Load(server, tokens["writer"]) as load:
            last_ack = acknowledge_while_loaded(server, tokens["subscriber"], load, 4)
            server.kill()
        assert server.process.returncode == -9
        accepted = list(load.accepted)
        assert len(accepted) >= 500

        server.start()
        log = {event["position"]: event for event in read_events(server, tokens["auditor"])}
        for event in accepted:
            stored = log[event["position"]]
            assert (stored["subject"], stored["streamversion"], stored["type"]) == (
                event["stream"], event["version"], event["type"]
            )
        assert sorted(log) == list(range(len(log)))
        # The subscriber may have been at the log's end when it last acknowledged, so write ten more events for the
        # resumed subscription to deliver.
        with server.client(tokens["writer"]) as client:
            after = client.post("/commands", json=[open_account(f"after-kill-{number}") for number in range(10)])
            assert after.status_code == 201, after.text
        with server.client(tokens["subscriber"]) as client:
            assert client.get("/subscriptions/crash").json()["position"] == last_ack
            events, _ = stream_events(client, "/subscriptions/crash/stream", lambda events, _: len(events) >= 10)
        assert [position for position, _, _ in events] == list(range(last_ack + 1, last_ack + 11))
        assert server.stop() == 0
        verified = rapport("verify", "--data", str(data))
        assert verified.returncode == 0, verified.stdout + verified.stderr
    finally:
        server.stop()


def test_sigterm_ends_streams_with_a_shutdown_event_snapshots_and_exits_0(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    tokens = tokens_for(data)
    server = Server(data).start()
    try:
        with server.client(tokens["writer"]) as client:
            answer = client.post("/commands", json=[open_account(f"t-{number}") for number in range(40)])
            assert answer.status_code == 201
        end = end_position(server)
        blocks = []
        with server.client(tokens["subscriber"], timeout=60) as client:

            def stop_server_once_caught_up(events, _):
                blocks.extend(events[len(blocks):])
                if len(events) == end and server.process.poll() is None:
                    server.process.terminate()
                return bool(events) and events[-1][1] == "shutdown"

            stream_events(client, "/events/stream", stop_server_once_caught_up, params={"from": 0})
        assert server.stop() == 0
    finally:
        server.stop()
    assert [position for position, _, _ in blocks[:-1]] == list(range(end))
    shutdown = blocks[-1]
    assert shutdown[1] == "shutdown"
    assert json.loads(shutdown[2])["lastEventId"] == end - 1

    listing = rapport("snapshots", "--data", str(data), "--format", "json")
    assert listing.returncode == 0, listing.stderr
    snapshots = json.loads(listing.stdout)
    assert snapshot_positions(snapshots)[0] == end
    verified = rapport("verify", "--data", str(data))
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert len(cli_events(data)) == end


def test_a_client_that_stops_reading_holds_up_shutdown_only_for_the_grace_period(tmp_path):
    """A subscriber that stops reading leaves its stream's writes waiting on a full socket; SIGTERM still ends the
    server, after `--shutdown-grace` seconds, with exit 0, a snapshot and a log that verifies."""
    data = tmp_path / "data"
    data.mkdir()
    tokens = tokens_for(data)
    server = Server(data, "--shutdown-grace", "2").start()
    stalled = socket.socket()
    try:
        stalled.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        host, port = server.url.removeprefix("http://").split(":")
        stalled.connect((host, int(port)))
        stalled.sendall(
            f"GET /events/stream?from=0 HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {tokens['subscriber']}\r\n"
            "Accept: text/event-stream\r\n\r\n".encode()
        )
        with server.client(tokens["writer"]) as client:
            for batch in range(20):
                answer = client.post("/commands", json=[open_account(f"s-{batch}-{n}") for n in range(500)])
                assert answer.status_code == 201, answer.text
        started = time.monotonic()
        assert server.stop(timeout=60) == 0, server.stderr()
        assert time.monotonic() - started < 20
    finally:
        stalled.close()
        server.stop()
    listing = rapport("snapshots", "--data", str(data), "--format", "json")
    assert listing.returncode == 0, listing.stderr
    assert snapshot_positions(json.loads(listing.stdout))[0] == 10_000
    verified = rapport("verify", "--data", str(data))
    assert verified.returncode == 0, verified.stdout + verified.stderr


def snapshot_positions(listing):
    """The positions of the snapshots `rapport snapshots --format json` lists, newest first."""
    return [snapshot["position"] for snapshot in listing["snapshots"]]
