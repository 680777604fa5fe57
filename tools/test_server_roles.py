"""Every endpoint against every role: 401 without a token or with a token the server does not know, 403 with a
role the endpoint does not admit, and the endpoint's own answer with a role it admits (admin everywhere).
"""

import itertools
import time

import pytest

from server_harness import ROLES, Server, create_token, open_account

PROBLEM = "application/problem+json"
ACCOUNT = "roles-account"
SUBSCRIPTION = "roles-subscription"

# method, path, roles admitted besides admin, the status an admitted caller gets.
ENDPOINTS = [
    ("GET", "/openapi.yaml", {"writer", "analyst", "auditor", "subscriber"}, 200),
    ("POST", "/commands", {"writer"}, 201),
    ("GET", "/pipeline", {"analyst"}, 200),
    ("GET", "/cases/backlog", {"analyst"}, 200),
    ("GET", "/funnel", {"analyst"}, 200),
    ("GET", f"/accounts/{ACCOUNT}", {"analyst"}, 200),
    ("GET", f"/accounts/{ACCOUNT}/history", {"auditor"}, 200),
    ("GET", f"/streams/account-{ACCOUNT}/history", {"auditor"}, 200),
    ("GET", "/events", {"auditor", "subscriber"}, 200),
    ("GET", f"/streams/account-{ACCOUNT}", {"auditor", "subscriber"}, 200),
    ("GET", "/events/stream?from=0", {"auditor", "subscriber"}, 200),
    ("GET", "/verify", {"auditor"}, 200),
    ("GET", "/metrics", {"auditor"}, 200),
    ("POST", "/snapshots", set(), 201),
    ("POST", f"/subscriptions/{SUBSCRIPTION}/ack", {"subscriber"}, 200),
    ("GET", f"/subscriptions/{SUBSCRIPTION}", {"subscriber"}, 200),
    ("GET", f"/subscriptions/{SUBSCRIPTION}/stream", {"subscriber"}, 200),
]
IDS = [f"{method} {path}" for method, path, _, _ in ENDPOINTS]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    data = tmp_path_factory.mktemp("roles") / "data"
    data.mkdir()
    tokens = {role: create_token(data, role) for role in ROLES}
    with Server(data) as running:
        running.tokens = tokens
        with running.client(tokens["writer"]) as client:
            assert client.post("/commands", json=open_account(ACCOUNT)).status_code == 201
        with running.client(tokens["subscriber"]) as client:
            assert client.post(f"/subscriptions/{SUBSCRIPTION}/ack", json={"position": 0}).status_code == 200
        yield running


def request(server, method, path, headers):
    """Sends the endpoint's request; a stream's answer is judged on its status line and headers alone."""
    body = {}
    if path == "/commands":
        body = {"json": open_account(f"made-{next(COUNTER)}")}
    elif path.endswith("/ack"):
        body = {"json": {"position": 0}}
    with server.client() as client:
        with client.stream(method, path, headers=headers, **body) as answer:
            if answer.headers.get("Content-Type", "").startswith("text/event-stream"):
                return answer.status_code, answer.headers, None
            answer.read()
            return answer.status_code, answer.headers, answer


COUNTER = itertools.count()


def assert_problem(status, headers, answer, expected, code):
    assert status == expected, answer.text if answer else status
    assert headers["Content-Type"] == PROBLEM
    problem = answer.json()
    assert (problem["status"], problem["code"]) == (expected, code)


@pytest.mark.parametrize("method, path, admitted, success", ENDPOINTS, ids=IDS)
def test_no_token_is_401(server, method, path, admitted, success):
    status, headers, answer = request(server, method, path, {})
    assert_problem(status, headers, answer, 401, "unauthorized")
    assert headers["WWW-Authenticate"] == 'Bearer realm="rapport"'


@pytest.mark.parametrize("method, path, admitted, success", ENDPOINTS, ids=IDS)
@pytest.mark.parametrize(
    "authorization",
    ["Bearer rpt_000000000000_" + "0" * 64, "Bearer", "Basic dXNlcjpwYXNz", "rpt_token_without_scheme"],
    ids=["unknown", "empty", "basic", "no-scheme"],
)
def test_a_token_the_server_does_not_know_is_401(server, method, path, admitted, success, authorization):
    status, headers, answer = request(server, method, path, {"Authorization": authorization})
    assert_problem(status, headers, answer, 401, "unauthorized")


@pytest.mark.parametrize("method, path, admitted, success", ENDPOINTS, ids=IDS)
@pytest.mark.parametrize("role", ROLES)
def test_each_role_is_admitted_or_403(server, method, path, admitted, success, role):
    token = server.tokens[role]
    status, headers, answer = request(server, method, path, {"Authorization": f"Bearer {token}"})
    if role == "admin" or role in admitted:
        assert status == success, answer.text if answer else status
        assert headers["Content-Type"] != PROBLEM
    else:
        assert_problem(status, headers, answer, 403, "forbidden")
        assert role in answer.json()["detail"]


def test_health_needs_no_token(server):
    with server.client() as client:
        answer = client.get("/health")
    assert answer.status_code == 200
    assert answer.json()["status"] == "ok"


def test_a_token_created_while_the_server_runs_is_accepted(server):
    """The server reads the tokens file again at most once a second, so the new token works within a few."""
    token = create_token(server.data, "analyst")
    statuses = []
    with server.client(token) as client:
        for _ in range(50):
            statuses.append(client.get("/funnel").status_code)
            if statuses[-1] != 401:
                break
            time.sleep(0.1)
    assert statuses[-1] == 200, statuses
    assert set(statuses[:-1]) <= {401}
