"""64 clients send commands with expectedVersion to the same four records at once: every answer is 201 or 409, the
accepted commands form one unbroken chain of versions per record, and the server's final state equals a serial
replay of the accepted commands (in the order of their positions) into a fresh data directory with `rapport exec`:
the same events at the same positions, the same records by `rapport show`.
"""

import json
import threading

from server_harness import Server, cli_events, create_token, open_account, rapport, read_events, update_account

CLIENTS = 64
ATTEMPTS = 8
RECORDS = [f"hot-{number}" for number in range(4)]
MOMENT = "2026-03-02T09:00:00Z"


def command(client, attempt, record, version):
    return update_account(
        record,
        f"name by {client}.{attempt}",
        expectedVersion=version,
        commandId=f"update-{client}-{attempt}",
        occurredAt=MOMENT,
    )


def run_client(server, token, client_number, barrier, outcomes):
    known = {record: 1 for record in RECORDS}
    with server.client(token, timeout=120) as client:
        barrier.wait()
        for attempt in range(ATTEMPTS):
            record = RECORDS[(client_number + attempt) % len(RECORDS)]
            sent = command(client_number, attempt, record, known[record])
            answer = client.post("/commands", json=sent)
            outcomes.append((sent, answer.status_code, answer.json()))
            if answer.status_code == 201:
                known[record] = answer.json()["events"][0]["version"]
            elif answer.status_code == 409:
                known[record] = answer.json()["currentVersion"]


def comparable(event):
    """An event without what differs between two runs of the same commands: its id and when it was appended."""
    return {key: value for key, value in event.items() if key not in ("id", "recordedat")}


def test_concurrent_writers_get_201_or_409_and_the_result_equals_a_serial_replay(tmp_path):
    data, replay = tmp_path / "data", tmp_path / "replay"
    data.mkdir()
    writer, auditor = create_token(data, "writer"), create_token(data, "auditor")
    setup = [open_account(record, commandId=f"open-{record}", occurredAt=MOMENT) for record in RECORDS]
    outcomes = []
    with Server(data) as server:
        with server.client(writer) as client:
            assert client.post("/commands", json=setup).status_code == 201
        barrier = threading.Barrier(CLIENTS)
        threads = [
            threading.Thread(target=run_client, args=(server, writer, number, barrier, outcomes))
            for number in range(CLIENTS)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        served_streams = {}
        with server.client(auditor) as client:
            for record in RECORDS:
                answer = client.get(f"/streams/account-{record}")
                assert answer.status_code == 200
                served_streams[record] = answer.json()
        served_log = read_events(server, auditor)
        assert server.stop() == 0

    assert len(outcomes) == CLIENTS * ATTEMPTS
    statuses = {status for _, status, _ in outcomes}
    assert statuses == {201, 409}, statuses
    accepted = sorted(
        ((answer["events"][0]["position"], sent) for sent, status, answer in outcomes if status == 201),
        key=lambda pair: pair[0],
    )
    for record in RECORDS:
        versions = [sent["expectedVersion"] for _, sent in accepted if sent["data"]["accountId"] == record]
        assert versions == list(range(1, len(versions) + 1)), record
    assert [position for position, _ in accepted] == list(range(len(RECORDS), len(RECORDS) + len(accepted)))

    lines = "\n".join(json.dumps(sent) for sent in setup + [sent for _, sent in accepted]) + "\n"
    replayed = rapport("exec", "--data", str(replay), stdin=lines)
    assert replayed.returncode == 0, replayed.stdout + replayed.stderr
    results = [json.loads(line) for line in replayed.stdout.splitlines()]
    assert [result["events"] for result in results[len(setup):]] == [[position] for position, _ in accepted]

    replayed_log = cli_events(replay)
    assert [comparable(event) for event in served_log] == [comparable(event) for event in replayed_log]
    assert [comparable(event) for event in cli_events(data)] == [comparable(event) for event in replayed_log]
    for record in RECORDS:
        shown = [rapport("show", f"account-{record}", "--data", str(directory)) for directory in (data, replay)]
        assert shown[0].returncode == 0 == shown[1].returncode, shown[0].stderr + shown[1].stderr
        assert json.loads(shown[0].stdout) == json.loads(shown[1].stdout)
        assert [comparable(event) for event in served_streams[record]] == [
            comparable(event) for event in replayed_log if event["subject"] == f"account-{record}"
        ]
