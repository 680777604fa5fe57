"""The HTML dashboard of `rapport report`, rendered by headless Chromium: it must draw a full page of charts.

Chromium comes from Debian's `chromium` package (tools/install-dependencies --for-tests installs it). The test
fails, never skips, when it is missing. RAPPORT_BIN names the built `rapport` executable (tools/test sets it).
"""

import json
import os
import shutil
import struct
import subprocess
import zlib
from datetime import datetime, timezone

import pytest

WIDTH, HEIGHT = 1280, 2000


def rapport(*arguments):
    binary = os.environ.get("RAPPORT_BIN", "rapport")
    result = subprocess.run([binary, *arguments], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return result.stdout


def png_pixels(path):
    """The width, height and RGB(A) rows of an 8-bit, non-interlaced PNG, unfiltered (RFC 2083)."""
    with open(path, "rb") as file:
        data = file.read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    offset, idat, header = 8, b"", None
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind = data[offset + 4 : offset + 8]
        body = data[offset + 8 : offset + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        offset += 12 + length
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and interlace == 0 and colour in (2, 6), header
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for x in range(stride):
            left = line[x - channels] if x >= channels else 0
            up = previous[x]
            corner = previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + left) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + up) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 0xFF
            elif kind == 4:
                estimate = left + up - corner
                distances = (abs(estimate - left), abs(estimate - up), abs(estimate - corner))
                predictor = (left, up, corner)[distances.index(min(distances))]
                line[x] = (line[x] + predictor) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


def test_dashboard_renders_in_headless_chromium(tmp_path):
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.fail("chromium is missing: run tools/install-dependencies --for-tests (Debian's chromium package)")
    data, site = tmp_path / "data", tmp_path / "site"
    rapport("demo", "--data", str(data), "--accounts", "40", "--seed", "7")
    # As of the opening of the case that stayed open longest, that case is open, so every section has a chart.
    events = [json.loads(line) for line in rapport("export", "--data", str(data), "--format", "jsonl").splitlines()]
    opened, finished = {}, {}
    for event in events:
        moment = datetime.fromisoformat(event["occurredAt"].replace("Z", "+00:00"))
        if event["type"] == "CaseOpened":
            opened[event["stream"]] = moment
        elif event["type"] in ("CaseResolved", "CaseClosed"):
            finished.setdefault(event["stream"], moment)
    longest = max(opened, key=lambda case: finished.get(case, datetime.max.replace(tzinfo=timezone.utc)) - opened[case])
    as_of = opened[longest].strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    page = rapport("report", "--data", str(data), "--out", str(site), "--as-of", as_of).strip()
    assert page == str(site / "index.html")
    html = (site / "index.html").read_text()
    assert html.count("<svg ") == 7 and "<script" not in html

    screenshot = tmp_path / "dashboard.png"
    result = subprocess.run(
        [
            chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            f"--screenshot={screenshot}", f"--window-size={WIDTH},{HEIGHT}", f"file://{page}",
        ],
        capture_output=True, text=True, timeout=300,
        env={**os.environ, "HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    width, height, channels, rows = png_pixels(screenshot)
    assert (width, height) == (WIDTH, HEIGHT)

    colours, counts = set(), {}
    for row in rows[::4]:
        for x in range(0, width * channels, channels * 4):
            pixel = row[x : x + 3]
            colours.add(pixel)
            counts[pixel] = counts.get(pixel, 0) + 1
    sampled = sum(counts.values())
    assert len(colours) >= 64, f"only {len(colours)} distinct colours: the page looks blank"
    assert max(counts.values()) < 0.9 * sampled, "one colour fills nine tenths of the page"
    chart_colours = [(0x25, 0x63, 0xEB), (0x16, 0xA3, 0x4A), (0xDC, 0x26, 0x26)]
    for colour in chart_colours:
        assert any(
            all(abs(pixel[i] - colour[i]) <= 8 for i in range(3)) for pixel in colours
        ), f"no pixel of the chart colour {colour}: the SVG charts were not drawn"
    lower_half = {row[x : x + 3] for row in rows[HEIGHT // 2 :: 8] for x in range(0, width * channels, channels * 8)}
    assert len(lower_half) >= 16, "the lower half of the page is empty"
