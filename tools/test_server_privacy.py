"""Forgetting a person over HTTP: ForgetContact and ForgetLead need an admin token, and once forgotten, the person's
name, email and phone are erased in every answer (the events, the event stream already seen and replayed, the
stream's history, the account 360 view), while the log still verifies; after the server stops, no file of the data
directory holds them, not even the log's decompressed records (read with the independent reader tools/read-log.py).
"""

import base64
import json
import subprocess
import sys
from pathlib import Path

import pytest

from server_harness import Server, create_token, open_account, read_events, stream_events

PROBLEM = "application/problem+json"
TRACES = ["Ottoline", "Quarrendon", "ottoline.quarrendon@example.org", "+33 1 70 36 39 50", "Peregrine",
          "Featherstonehaugh", "p.featherstonehaugh@example.com"]
TOOLS = Path(__file__).resolve().parent


def add_contact():
    return {"type": "AddContact", "actor": "user-1", "data": {
        "contactId": "ottoline", "accountId": "privacy-account", "firstName": "Ottoline", "lastName": "Quarrendon",
        "email": "ottoline.quarrendon@example.org", "phone": "+33 1 70 36 39 50", "title": "Buyer"}}


def capture_lead():
    return {"type": "CaptureLead", "actor": "user-1", "data": {
        "leadId": "peregrine", "company": "Rookery Ltd", "firstName": "Peregrine", "lastName": "Featherstonehaugh",
        "email": "p.featherstonehaugh@example.com", "source": "Web"}}


def forget(kind, record_id):
    field = "contactId" if kind == "Contact" else "leadId"
    return {"type": f"Forget{kind}", "actor": "dpo-1", "data": {field: record_id, "reason": "erasure request 9"}}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    data = tmp_path_factory.mktemp("privacy") / "data"
    data.mkdir()
    tokens = {role: create_token(data, role) for role in ("writer", "admin", "auditor", "analyst", "subscriber")}
    with Server(data) as running:
        running.tokens = tokens
        running.data = data
        with running.client(tokens["writer"]) as client:
            for command in (open_account("privacy-account"), add_contact(), capture_lead()):
                assert client.post("/commands", json=command).status_code == 201
        yield running


def text_of(answer):
    return json.dumps(answer) if not isinstance(answer, str) else answer


def test_a_writer_may_not_forget_and_an_admin_may(server):
    with server.client(server.tokens["writer"]) as client:
        for command in (forget("Contact", "ottoline"), [forget("Lead", "peregrine")]):
            answer = client.post("/commands", json=command)
            assert answer.status_code == 403, answer.text
            assert answer.headers["Content-Type"] == PROBLEM
            assert answer.json()["code"] == "forbidden"
            assert "admin" in answer.json()["detail"]
    with server.client(server.tokens["subscriber"]) as client:
        seen, _ = stream_events(client, "/events/stream", lambda events, _: len(events) >= 3, params={"from": 0})
    assert any("Quarrendon" in data for _, _, data in seen)
    before = read_events(server, server.tokens["auditor"])
    assert any("Quarrendon" in json.dumps(event) for event in before)
    with server.client(server.tokens["admin"]) as client:
        answer = client.post("/commands", json=[forget("Contact", "ottoline"), forget("Lead", "peregrine")])
        assert answer.status_code == 201, answer.text
        again = client.post("/commands", json=forget("Contact", "ottoline"))
        assert again.status_code == 422 and again.json()["code"] == "contact_forgotten", again.text
        update = client.post("/commands", json={"type": "UpdateContact", "actor": "user-1",
                                                "data": {"contactId": "ottoline", "lastName": "Back"}})
        assert update.status_code == 422 and update.json()["code"] == "contact_forgotten", update.text


def test_every_answer_shows_the_fields_erased(server):
    events = read_events(server, server.tokens["auditor"])
    answers = [events]
    erased = [event for event in events if "erased" in (event.get("data") or {})]
    assert [event["type"] for event in erased] == ["ContactAdded", "LeadCaptured"]
    for event in erased:
        assert event["data"]["erased"] == ["firstName", "lastName", "email", "phone"]
        assert all(event["data"][field] is None for field in event["data"]["erased"])
    assert [event["type"] for event in events][-2:] == ["ContactForgotten", "LeadForgotten"]
    with server.client(server.tokens["subscriber"]) as client:
        streamed, _ = stream_events(client, "/events/stream", lambda events, _: len(events) >= len(events_total(server)),
                                    params={"from": 0})
        answers.append([data for _, _, data in streamed])
    with server.client(server.tokens["auditor"]) as client:
        history = client.get("/streams/contact-ottoline/history")
        assert history.status_code == 200, history.text
        answers.append(history.json())
        answers.append(client.get("/streams/contact-ottoline").json())
        answers.append(client.get("/accounts/privacy-account/history").json())
    with server.client(server.tokens["analyst"]) as client:
        account = client.get("/accounts/privacy-account")
        assert account.status_code == 200, account.text
        contact = account.json()["contacts"][0]
        assert contact["erased"] == ["name", "firstName", "lastName", "email", "phone"]
        assert contact["title"] == "Buyer" and contact["lastName"] is None
        answers.append(account.json())
    for answer in answers:
        for trace in TRACES:
            assert trace not in text_of(answer)
    with server.client(server.tokens["auditor"]) as client:
        assert client.get("/verify").json()["intact"] is True


def events_total(server):
    return read_events(server, server.tokens["auditor"])


def test_no_file_holds_the_values_after_the_server_stops(server):
    server.stop()
    for path in Path(server.data).rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            for trace in TRACES:
                assert trace.encode() not in content, f"{trace} in {path}"
    dumped = subprocess.run([sys.executable, str(TOOLS / "read-log.py"), str(server.data)],
                            capture_output=True, text=True, timeout=120)
    assert dumped.returncode == 0, dumped.stderr
    lines = [json.loads(line) for line in dumped.stdout.splitlines()]
    records = [line for line in lines if "position" in line]
    assert lines[-1]["summary"]["intact"] is True
    assert "ContactForgotten" in [record["type"] for record in records]
    for record in records:
        for key, value in record.items():
            content = base64.b64decode(value) if key.endswith("Base64") else str(value).encode()
            for trace in TRACES:
                assert trace.encode() not in content, f"{trace} in the record at {record['position']}"


def test_a_lost_key_store_is_a_clear_error_and_a_backup_restores_it(server, tmp_path):
    from server_harness import rapport
    data = str(server.data)
    backup = tmp_path / "keys.backup"
    made = rapport("keys", "backup", "--data", data, "--out", str(backup))
    assert made.returncode == 0, made.stderr
    again = rapport("keys", "backup", "--data", data, "--out", str(backup))
    assert again.returncode != 0 and "key_store_failure" in again.stderr
    (Path(data) / "subject-keys").unlink()
    for arguments in (("events",), ("account", "privacy-account"), ("exec",)):
        failed = rapport(*arguments, "--data", data, stdin="")
        assert failed.returncode != 0, arguments
        assert "key_store_failure" in failed.stderr and "missing" in failed.stderr, failed.stderr
    restored = rapport("keys", "restore", "--data", data, "--from", str(backup), "--json")
    assert restored.returncode == 0, restored.stderr
    report = json.loads(restored.stdout)
    assert report["currentStore"] == "absent" and report["destroyedSubjects"] == 2
    printed = rapport("events", "--data", data)
    assert printed.returncode == 0, printed.stderr
    for trace in TRACES:
        assert trace not in printed.stdout
    assert printed.stdout.count('"erased"') == 2
