"""Checks tools/read-log.py, a reader written from docs/LOG-FORMAT.md alone, against the `rapport` tool.

A log is written with `rapport log append`; the reader's records must equal `rapport log dump`'s field by field,
its summary must equal `rapport log verify --json`'s, and on damaged copies both must name the same first bad
file, byte offset and position. Agreement on real logs is what shows the format document to be right.

The binary is $RAPPORT_BIN, else .build/debug/rapport (built by `swift build`).
"""

import json
import os
import random
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import crc32c
import lz4.block
import pytest

ROOT = Path(__file__).resolve().parent.parent
READER = ROOT / "tools" / "read-log.py"
RECORDS_PER_LINE_RUN = 260
LINES_PER_RUN = 10
STREAMS = ["account-1", "opportunity-7", "case-é", "lead-42", "campaign-3"]


def rapport_binary():
    path = Path(os.environ.get("RAPPORT_BIN", ROOT / ".build" / "debug" / "rapport"))
    if not path.is_file():
        pytest.fail(f"{path} does not exist: run `swift build` first or set RAPPORT_BIN")
    return path


def run(arguments, stdin=None):
    return subprocess.run(arguments, input=stdin, capture_output=True, text=True, timeout=300)


def rapport(*arguments, stdin=None):
    return run([str(rapport_binary()), "log", *arguments], stdin=stdin)


def read_log(directory):
    """Runs the reader; returns its records, its summary and the completed process."""
    process = run([sys.executable, str(READER), str(directory)])
    lines = [json.loads(line) for line in process.stdout.splitlines()]
    assert lines and "summary" in lines[-1], process.stderr
    return lines[:-1], lines[-1]["summary"], process


def verify(directory):
    process = rapport("verify", "--data", str(directory), "--json")
    return json.loads(process.stdout), process.returncode


def input_lines():
    """Records in several streams with every kind of expected version, metadata and business times."""
    versions = {}
    lines = []
    for index in range(RECORDS_PER_LINE_RUN):
        stream = STREAMS[index * 7 % len(STREAMS)]
        current = versions.get(stream, 0)
        if current == 0:
            expected = "no_stream"
        else:
            expected = ["any", "stream_exists", current][index % 3]
        versions[stream] = current + 1
        line = {
            "stream": stream,
            "expectedVersion": expected,
            "type": ["Opened", "Updated", "Closed"][index % 3],
            "data": {"index": index, "note": "entry " * (index % 9), "tags": ["a", "ü", str(index)]},
        }
        if index % 4 == 0:
            line["metadata"] = {"actor": f"user-{index % 5}", "command": index}
        if index % 6 == 0:
            line["occurredAt"] = f"2024-0{1 + index % 9}-15T08:30:00.{index:06d}Z"
        lines.append(line)
    return lines


def bulk_lines():
    """One atomic append of larger records, which share one LZ4-compressed batch."""
    rng = random.Random(11)
    return [
        {"stream": "import-1", "type": "Imported", "data": {"row": row, "text": "lorem ipsum " * rng.randint(1, 30)}}
        for row in range(120)
    ]


@pytest.fixture(scope="module")
def written_log(tmp_path_factory):
    """A log of several sealed segments: 26 atomic appends of ten lines (one batch each, so the layout does not
    depend on timing), then one atomic bulk append."""
    directory = tmp_path_factory.mktemp("log") / "data"
    lines = input_lines()
    first_output = ""
    for start in range(0, len(lines), LINES_PER_RUN):
        run = rapport("append", "--data", str(directory), "--segment-size", "4096", "--atomic",
                      stdin="".join(json.dumps(line) + "\n" for line in lines[start:start + LINES_PER_RUN]))
        assert run.returncode == 0, run.stderr
        first_output += run.stdout
    bulk = bulk_lines()
    second = rapport("append", "--data", str(directory), "--segment-size", "4096", "--atomic",
                     stdin="".join(json.dumps(line) + "\n" for line in bulk))
    assert second.returncode == 0, second.stderr
    acknowledgements = [json.loads(text) for text in (first_output + second.stdout).splitlines()]
    return directory, lines + bulk, acknowledgements


def sealed_segments(directory):
    """The segment files that end in a footer: every segment but the last in a log this test wrote."""
    return sorted(directory.glob("*.log"))[:-1]


def batch_spans(segment):
    """(offset, size, base position) of each batch in a sealed segment, from the header sizes alone."""
    data = segment.read_bytes()
    data_end = len(data) - 168
    spans = []
    offset = 88
    while offset < data_end:
        stored = struct.unpack_from("<I", data, offset + 12)[0]
        base = struct.unpack_from("<Q", data, offset + 24)[0]
        spans.append((offset, 80 + stored, base))
        offset += 80 + stored
    assert offset == data_end
    return spans


def damaged_copy(written_log, tmp_path, change):
    source, _, _ = written_log
    copy = tmp_path / "copy"
    shutil.copytree(source, copy)
    change(copy)
    return copy


def append_bytes(path, data):
    with path.open("ab") as handle:
        handle.write(data)


def flip(path, offset):
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x10
    path.write_bytes(bytes(data))


def test_records_equal_dump_field_by_field(written_log):
    directory, _, _ = written_log
    records, summary, process = read_log(directory)
    dump = rapport("dump", "--data", str(directory))
    assert process.returncode == 0 and dump.returncode == 0, process.stderr + dump.stderr
    dumped = [json.loads(line) for line in dump.stdout.splitlines()]
    assert len(records) == len(dumped) == summary["records"]
    for mine, theirs in zip(records, dumped):
        for field in ("position", "stream", "version", "type", "id", "recordedAt", "occurredAt"):
            assert mine[field] == theirs[field], (field, mine, theirs)
        assert json.loads(mine["payload"]) == theirs["data"]
        if mine["metadata"]:
            assert json.loads(mine["metadata"]) == theirs["metadata"]
        else:
            assert "metadata" not in theirs


def test_records_are_what_was_appended(written_log):
    directory, lines, acknowledgements = written_log
    records, _, _ = read_log(directory)
    assert [record["position"] for record in records] == list(range(len(lines)))
    assert [(a["position"], a["stream"], a["version"]) for a in acknowledgements] == [
        (r["position"], r["stream"], r["version"]) for r in records
    ]
    for line, record in zip(lines, records):
        assert (record["stream"], record["type"]) == (line["stream"], line["type"])
        assert json.loads(record["payload"]) == line["data"]
        assert json.loads(record["metadata"] or "null") == line.get("metadata")
        assert record["occurredAt"] == line.get("occurredAt", record["recordedAt"])
    times = [record["recordedAt"] for record in records]
    assert times == sorted(times)


def test_summary_and_head_hash_equal_verify(written_log):
    directory, lines, _ = written_log
    _, summary, process = read_log(directory)
    report, status = verify(directory)
    assert process.returncode == 0 and status == 0
    assert summary["intact"] and report["intact"]
    for field in ("headHash", "segments", "sealedSegments", "batches", "records", "bytesOnDisk", "incompleteTailBytes"):
        assert summary[field] == report[field], field
    assert summary["records"] == len(lines)
    assert summary["sealedSegments"] >= 3
    assert summary["batches"] == RECORDS_PER_LINE_RUN // LINES_PER_RUN + 1
    assert summary["lz4Batches"] >= 1


@pytest.mark.parametrize(
    "where",
    ["stored block", "header size field", "header previous hash", "segment header", "footer"],
)
def test_flipped_byte_in_sealed_segment_is_located(written_log, tmp_path, where):
    source, _, _ = written_log
    segment_name = sealed_segments(source)[2].name
    spans = batch_spans(source / segment_name)
    batch_offset, batch_size, batch_position = spans[len(spans) // 2]
    segment_size = (source / segment_name).stat().st_size
    byte, expected_offset, expected_position = {
        "stored block": (batch_offset + 80 + (batch_size - 80) // 2, batch_offset, batch_position),
        "header size field": (batch_offset + 12, batch_offset, batch_position),
        "header previous hash": (batch_offset + 60, batch_offset, batch_position),
        "segment header": (30, 0, spans[0][2]),
        "footer": (segment_size - 100, segment_size, spans[0][2]),
    }[where]
    copy = damaged_copy(written_log, tmp_path, lambda path: flip(path / segment_name, byte))

    records, summary, process = read_log(copy)
    report, status = verify(copy)
    assert process.returncode == 1 and status == 1
    problem = summary["problem"]
    assert (problem["file"], problem["byteOffset"], problem["position"]) == (
        segment_name, expected_offset, expected_position)
    assert f"{segment_name} at byte {expected_offset} (position {expected_position})" in process.stderr
    assert {key: report["problem"][key] for key in ("file", "byteOffset", "position")} == {
        key: problem[key] for key in ("file", "byteOffset", "position")}
    assert summary["headHash"] == report["headHash"]
    assert all(record["position"] < expected_position for record in records)


def test_torn_tail_is_not_a_problem_but_garbage_is(written_log, tmp_path):
    source, _, _ = written_log
    last = sorted(source.glob("*.log"))[-1].name
    end = (source / last).stat().st_size
    half_header = struct.pack("<IHH", 0x424C5052, 1, 1) + bytes(30)
    torn = damaged_copy(written_log, tmp_path / "torn", lambda path: append_bytes(path / last, half_header))
    _, summary, process = read_log(torn)
    report, status = verify(torn)
    assert process.returncode == 0 and status == 0
    assert summary["incompleteTailBytes"] == report["incompleteTailBytes"] == len(half_header)

    noise = random.Random(5).randbytes(300)
    garbage = damaged_copy(written_log, tmp_path / "garbage", lambda path: append_bytes(path / last, noise))
    _, summary, process = read_log(garbage)
    report, status = verify(garbage)
    assert process.returncode == 1 and status == 1
    assert (summary["problem"]["file"], summary["problem"]["byteOffset"]) == (last, end)
    assert (report["problem"]["file"], report["problem"]["byteOffset"]) == (last, end)


def test_missing_index_of_sealed_segment_is_a_problem(written_log, tmp_path):
    source, _, _ = written_log
    stem = sealed_segments(source)[1].stem
    copy = damaged_copy(written_log, tmp_path, lambda path: (path / f"{stem}.timeindex").unlink())
    _, summary, process = read_log(copy)
    _, status = verify(copy)
    assert process.returncode == 1 and status == 1
    assert summary["problem"]["file"] == f"{stem}.timeindex"


def test_batch_restored_uncompressed_by_the_document_is_accepted(written_log, tmp_path):
    """Rewrites the log's last batch with compression 0, following only the document; the engine must agree."""
    source, _, _ = written_log
    last = sorted(source.glob("*.log"))[-1].name

    def store_last_batch_uncompressed(path):
        data = bytearray((path / last).read_bytes())
        offset = 88
        while offset + 80 + struct.unpack_from("<I", data, offset + 12)[0] < len(data):
            offset += 80 + struct.unpack_from("<I", data, offset + 12)[0]
        compression, _, stored, uncompressed = struct.unpack_from("<HIII", data, offset + 6)
        assert compression == 1
        block = lz4.block.decompress(bytes(data[offset + 80:]), uncompressed_size=uncompressed)
        header = bytearray(data[offset:offset + 80])
        struct.pack_into("<HII", header, 6, 0, 0, len(block))
        batch = header + block
        struct.pack_into("<I", batch, 8, crc32c.crc32c(bytes(batch[12:])))
        (path / last).write_bytes(bytes(data[:offset]) + bytes(batch))

    copy = damaged_copy(written_log, tmp_path, store_last_batch_uncompressed)
    records, summary, process = read_log(copy)
    report, status = verify(copy)
    assert process.returncode == 0 and status == 0, process.stderr + json.dumps(report)
    assert summary["lz4Batches"] == read_log(source)[1]["lz4Batches"] - 1
    assert summary["headHash"] == report["headHash"]
    dumped = [json.loads(line) for line in rapport("dump", "--data", str(copy)).stdout.splitlines()]
    original = [json.loads(line) for line in rapport("dump", "--data", str(source)).stdout.splitlines()]
    assert dumped == original
    assert [json.loads(record["payload"]) for record in records] == [record["data"] for record in original]
