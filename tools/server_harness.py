"""Runs `rapport serve` for the server tests in tools/test_server_*.py.

A `Server` starts the binary on a data directory with `--port 0`, reads the address from its first stdout line
(`listening on http://HOST:PORT`) and stops it with a signal. Tokens are made with `rapport token create`, as an
operator would. The binary is $RAPPORT_BIN, else .build/debug/rapport (built by `swift build`).
"""

import json
import os
import re
import signal
import subprocess
import threading
import time
from pathlib import Path

import httpx
from httpx_sse import connect_sse

ROOT = Path(__file__).resolve().parent.parent
BINARY = os.environ.get("RAPPORT_BIN", str(ROOT / ".build" / "debug" / "rapport"))
ROLES = ("writer", "analyst", "auditor", "subscriber", "admin")
LISTENING = re.compile(r"listening on (http://\S+)")


def rapport(*arguments, stdin=None, timeout=300):
    """Runs the rapport command line; returns the completed process (text)."""
    return subprocess.run([BINARY, *arguments], input=stdin, capture_output=True, text=True, timeout=timeout)


def create_token(data, role):
    """Creates a token of a role in the data directory's tokens file and returns it."""
    created = rapport("token", "create", "--role", role, "--data", str(data))
    assert created.returncode == 0, created.stderr
    return created.stdout.strip()


def bearer(token):
    """The Authorization header presenting a token."""
    return {"Authorization": f"Bearer {token}"}


class Server:
    """One `rapport serve` process on a data directory, its output kept in files beside it."""

    def __init__(self, data, *options):
        self.data = Path(data)
        self.options = options
        self.process = None
        self.url = None
        self.starts = 0

    def start(self, timeout=120):
        """Starts the server and waits until it listens; returns self."""
        self.starts += 1
        self.data.mkdir(parents=True, exist_ok=True)
        logs = self.data.parent / f"{self.data.name}-serve-{self.starts}"
        self.stdout_path = logs.with_suffix(".out")
        self.stderr_path = logs.with_suffix(".err")
        with open(self.stdout_path, "wb") as out, open(self.stderr_path, "wb") as err:
            arguments = [BINARY, "serve", "--data", str(self.data), "--port", "0", *self.options]
            self.process = subprocess.Popen(arguments, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            match = LISTENING.search(self.stdout_path.read_text())
            if match:
                self.url = match.group(1)
                return self
            if self.process.poll() is not None:
                raise AssertionError(f"rapport serve exited with {self.process.returncode}: {self.stderr()}")
            time.sleep(0.05)
        self.process.kill()
        raise AssertionError(f"rapport serve did not listen within {timeout} s: {self.stderr()}")

    def stdout(self):
        """What the server printed on stdout."""
        return self.stdout_path.read_text()

    def stderr(self):
        """What the server logged on stderr."""
        return self.stderr_path.read_text(errors="replace")

    def client(self, token=None, **options):
        """An httpx client for the server, presenting a token when given."""
        headers = bearer(token) if token else {}
        return httpx.Client(base_url=self.url, headers=headers, timeout=options.pop("timeout", 60), **options)

    def stop(self, signal_number=signal.SIGTERM, timeout=120):
        """Sends a signal and waits for the process to exit; returns its exit status."""
        if self.process.poll() is None:
            self.process.send_signal(signal_number)
        return self.process.wait(timeout=timeout)

    def kill(self):
        """Kills the process at once (SIGKILL): no shutdown of any kind."""
        return self.stop(signal.SIGKILL)

    def __enter__(self):
        return self.start()

    def __exit__(self, *_):
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def open_account(account_id, **extra):
    """An OpenAccount command."""
    return {"type": "OpenAccount", "actor": "user-1", "data": {"accountId": account_id, "name": account_id,
                                                               "ownerId": "user-1"}, **extra}


def update_account(account_id, name, **extra):
    """An UpdateAccount command renaming an account."""
    return {"type": "UpdateAccount", "actor": "user-1", "data": {"accountId": account_id, "name": name}, **extra}


def read_events(server, token, **query):
    """Every event of the log through GET /events, page after page; returns the CloudEvents as dicts."""
    events = []
    position = query.pop("from", 0)
    with server.client(token) as client:
        while True:
            answer = client.get("/events", params={"from": position, "limit": 10_000, **query})
            assert answer.status_code == 200, answer.text
            page = answer.json()
            events.extend(page)
            following = int(answer.headers["Rapport-Next-Position"])
            if following == position or not page and following >= end_position(server):
                return events
            position = following


def end_position(server):
    """The log's end, from GET /health."""
    with server.client() as client:
        return client.get("/health").json()["endPosition"]


def cli_events(data):
    """Every event of a data directory through `rapport events` (the server must not hold it)."""
    printed = rapport("events", "--data", str(data))
    assert printed.returncode == 0, printed.stderr
    return [json.loads(line) for line in printed.stdout.splitlines()]


def stream_events(client, path, stop, last_event_id=None, params=None, deadline=120):
    """Follows a server-sent event stream with httpx-sse until `stop(events, last_id)` is true, then disconnects.

    Events are (id, event type, data) for every block with data; blocks without data (an `id:` the server
    reports after passing records by) only move the last event id, which is returned with the events. A stream
    still open after `deadline` seconds is closed and fails the test: heartbeats keep an idle stream's reads from
    ever timing out, so without it a condition that never comes true would hang the run.
    """
    headers = {"Last-Event-ID": str(last_event_id)} if last_event_id is not None else {}
    events = []
    last_id = last_event_id
    with connect_sse(client, "GET", path, headers=headers, params=params or {}) as source:
        assert source.response.status_code == 200, source.response.read()
        watchdog = threading.Timer(deadline, source.response.close)
        watchdog.start()
        try:
            for sse in source.iter_sse():
                if sse.id:
                    last_id = int(sse.id)
                if sse.data:
                    events.append((int(sse.id), sse.event, sse.data))
                if stop(events, last_id):
                    break
            else:
                if watchdog.finished.is_set():
                    raise AssertionError(f"{path} did not reach its condition within {deadline} s: {events[-3:]}")
        except (httpx.HTTPError, httpx.StreamError) as error:
            if watchdog.finished.is_set():
                raise AssertionError(f"{path} did not reach its condition within {deadline} s: {events[-3:]}") \
                    from error
            raise
        finally:
            watchdog.cancel()
    return events, last_id
