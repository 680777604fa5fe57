"""`rapport serve` refuses a bad option before it opens anything, naming the option and the rule."""

import pytest

from server_harness import rapport


@pytest.mark.parametrize("option, value, message", [
    ("--port", "70000", "--port must be from 0 to 65535"),
    ("--max-body-bytes", "10", "--max-body-bytes must be at least 1024"),
    ("--max-batch", "0", "--max-batch must be at least 1"),
    ("--max-streams-per-token", "0", "--max-streams-per-token must be at least 1"),
    ("--shutdown-grace", "0", "--shutdown-grace must be more than 0 and at most 3600 seconds"),
    ("--shutdown-grace", "7200", "--shutdown-grace must be more than 0 and at most 3600 seconds"),
    ("--log-level", "loud", "--log-level must be trace, debug, info, notice, warning, error or critical"),
])
def test_a_bad_option_is_refused_naming_it_and_writes_nothing(tmp_path, option, value, message):
    data = tmp_path / "data"
    run = rapport("serve", "--data", str(data), option, value, timeout=60)
    assert run.returncode == 64, run.stdout + run.stderr
    assert message in run.stderr
    assert not data.exists() or not any(data.iterdir())
