"""schemas/openapi.yaml against the server: the document the server serves at GET /openapi.yaml is the file, byte
for byte (compiled in through tools/generate-openapi-source); it describes exactly the routes the server's sources
register, each with the roles docs name; and schemathesis, generating requests from it against a live server with
demo data, finds no 5xx and no answer that breaks it.
"""

import re
import subprocess
import sys

import pytest
import yaml

from server_harness import ROOT, Server, create_token

DOCUMENT = ROOT / "schemas" / "openapi.yaml"
SOURCES = ROOT / "Sources" / "RapportServer"
ROUTE = re.compile(r'router\.(get|post|put|patch|delete)\("([^"]+)"\)')


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    data = tmp_path_factory.mktemp("openapi") / "data"
    with Server(data, "--demo", "--accounts", "20") as running:
        running.admin = re.search(r"admin token \(shown once\): (\S+)", running.stdout()).group(1)
        yield running


def test_the_served_document_is_the_file_byte_for_byte(server):
    token = create_token(server.data, "subscriber")
    with server.client(token) as client:
        answer = client.get("/openapi.yaml")
    assert answer.status_code == 200
    assert answer.headers["Content-Type"] == "application/yaml"
    assert answer.content == DOCUMENT.read_bytes()


def test_the_compiled_in_document_is_up_to_date():
    checked = subprocess.run([sys.executable, str(ROOT / "tools" / "generate-openapi-source"), "--check"],
                             capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr


def test_the_document_describes_exactly_the_routes_the_server_registers():
    registered = set()
    for source in SOURCES.rglob("*.swift"):
        for method, path in ROUTE.findall(source.read_text()):
            registered.add((method, "/" + path))
    registered.add(("get", "/health"))
    document = yaml.safe_load(DOCUMENT.read_text())
    described = {(method, path) for path, item in document["paths"].items() for method in item}
    assert described == registered


def test_every_operation_names_its_roles_and_answers_401_and_403_unless_open():
    document = yaml.safe_load(DOCUMENT.read_text())
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if path == "/health":
                assert operation["security"] == []
                continue
            assert "security" not in operation, f"{method} {path}"
            assert "401" in operation["responses"], f"{method} {path}"
            assert operation["description"].startswith("Roles: "), f"{method} {path}"
            if path != "/openapi.yaml":
                assert "403" in operation["responses"], f"{method} {path}"


def test_schemathesis_finds_no_server_error_and_no_answer_outside_the_document(server, tmp_path):
    """A bounded run (30 examples per operation, fixed seed). Streams are left out: they never end on their own
    (tools/test_server_stream.py tests them). Left out as well: the checks that need resources schemathesis can not
    create or that expect every valid-looking command to be accepted. One worker: this Python's ast module, which
    hypothesis uses to describe its strategies, is not safe to call from two threads at once."""
    excluded = ["positive_data_acceptance", "use_after_free", "ensure_resource_availability",
                "object_level_authorization"]
    run = subprocess.run(
        [
            sys.executable, "-m", "schemathesis.cli", "run", str(DOCUMENT),
            "--url", server.url,
            "--header", f"Authorization: Bearer {server.admin}",
            "--exclude-path-regex", "stream$",
            "--max-examples", "30",
            "--seed", "1",
            "--checks", "all",
            "--exclude-checks", ",".join(excluded),
            "--suppress-health-check", "all",
            "--request-timeout", "30",
            "--workers", "1",
            "--no-color",
        ],
        capture_output=True, text=True, timeout=600, cwd=tmp_path,
    )
    assert run.returncode == 0, run.stdout[-20000:] + run.stderr[-5000:]
    assert re.search(r"\d+ passed", run.stdout), run.stdout[-5000:]
