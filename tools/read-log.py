#!/usr/bin/env python3
"""An independent reader and checker of a Rapport log directory, written from docs/LOG-FORMAT.md alone.

It walks every segment, checks every CRC, both hash chains, the footers and the index files, decodes every
record, and prints each record as a JSON line, then one summary line with the head hash.

Exit status: 0 when the log is intact, 1 at the first problem (named by file, byte offset and position on
standard error and in the summary line), 2 when the directory can not be read.

Needs the PyPI packages `lz4` and `crc32c` (`pip install lz4 crc32c`).
"""

import argparse
import base64
import hashlib
import json
import os
import re
import struct
import sys
import uuid

import crc32c
import lz4.block

SEGMENT_NAME = re.compile(r"^[0-9]{20}\.log$")
ZERO_HASH = bytes(32)

SEGMENT_HEADER = struct.Struct("<IHHQ32s32sII")
SEGMENT_HEADER_SIZE = 88
SEGMENT_MAGIC = 0x47535052

BATCH_HEADER = struct.Struct("<IHHIIIIQqq32s")
BATCH_HEADER_SIZE = 80
BATCH_MAGIC = 0x424C5052
MAX_UNCOMPRESSED = 64 << 20
MAX_STORED = MAX_UNCOMPRESSED + MAX_UNCOMPRESSED // 255 + 16

RECORD_FIXED = struct.Struct("<IQqq16sHHII")
RECORD_FIXED_SIZE = 56

FOOTER = struct.Struct("<IHHQQQQqqQ32s32s32sII")
FOOTER_SIZE = 168
FOOTER_MAGIC = 0x46535052

INDEX_HEADER = struct.Struct("<IHHQ")
INDEX_MAGIC = 0x58495052
INDEX_ENTRY = struct.Struct("<QQ")
INDEX_TIME_ENTRY = struct.Struct("<qQ")

assert SEGMENT_HEADER.size == SEGMENT_HEADER_SIZE
assert BATCH_HEADER.size == BATCH_HEADER_SIZE
assert RECORD_FIXED.size == RECORD_FIXED_SIZE
assert FOOTER.size == FOOTER_SIZE


class Problem(Exception):
    """The first thing found wrong: where it is and what it is."""

    def __init__(self, file, offset, position, message):
        super().__init__(message)
        self.file = file
        self.offset = offset
        self.position = position
        self.message = message

    def as_json(self):
        return {"file": self.file, "byteOffset": self.offset, "position": self.position, "message": self.message}


def crc(data):
    return crc32c.crc32c(data)


def rfc3339(micros):
    """Microseconds since the Unix epoch as `YYYY-MM-DDTHH:MM:SS.ffffffZ` (proleptic Gregorian, UTC)."""
    seconds, fraction = divmod(micros, 1_000_000)
    days, second_of_day = divmod(seconds, 86_400)
    shifted = days + 719_468
    era = shifted // 146_097
    day_of_era = shifted - era * 146_097
    year_of_era = (day_of_era - day_of_era // 1460 + day_of_era // 36524 - day_of_era // 146_096) // 365
    day_of_year = day_of_era - (365 * year_of_era + year_of_era // 4 - year_of_era // 100)
    month_index = (5 * day_of_year + 2) // 153
    day = day_of_year - (153 * month_index + 2) // 5 + 1
    month = month_index + 3 if month_index < 10 else month_index - 9
    year = year_of_era + era * 400 + (1 if month <= 2 else 0)
    hour, rest = divmod(second_of_day, 3600)
    minute, second = divmod(rest, 60)
    return f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}.{fraction:06d}Z"


def bytes_field(name, data, out):
    """Puts opaque bytes into a record's JSON: as text when they are UTF-8, else as base64 under `<name>Base64`."""
    try:
        out[name] = bytes(data).decode("utf-8")
    except UnicodeDecodeError:
        out[name + "Base64"] = base64.b64encode(bytes(data)).decode("ascii")


class LogReader:
    """Walks a data directory in log order, checking everything, and hands each record to `emit`."""

    def __init__(self, directory, emit):
        self.directory = directory
        self.emit = emit
        self.stream_versions = {}
        self.position = 0
        self.last_batch_hash = ZERO_HASH
        self.previous_segment_hash = ZERO_HASH
        self.summary = {
            "segments": 0,
            "sealedSegments": 0,
            "batches": 0,
            "records": 0,
            "lz4Batches": 0,
            "bytesOnDisk": 0,
            "incompleteTailBytes": 0,
        }

    def segment_names(self):
        return sorted(name for name in os.listdir(self.directory) if SEGMENT_NAME.match(name))

    def read(self):
        names = self.segment_names()
        for number, name in enumerate(names):
            with open(os.path.join(self.directory, name), "rb") as handle:
                data = handle.read()
            self.summary["segments"] += 1
            self.summary["bytesOnDisk"] += len(data)
            self.read_segment(name, memoryview(data), is_last=number == len(names) - 1)

    def read_segment(self, name, data, is_last):
        base = int(name[:20])
        base_position, previous_segment_hash, previous_batch_hash = self.segment_header(name, data)[3:6]
        if base_position != base or base != self.position:
            raise Problem(name, 0, self.position, f"segment starts at {base_position}, expected {self.position}")
        if previous_segment_hash != self.previous_segment_hash:
            raise Problem(name, 0, base, "segment header's previous-segment hash breaks the segment chain")
        if previous_batch_hash != self.last_batch_hash:
            raise Problem(name, 0, base, "segment header's previous-batch hash breaks the batch chain")
        footer = self.footer(data)
        if footer is None and not is_last:
            raise Problem(name, len(data), base, "segment is not sealed but another segment follows it")
        end = footer["dataEnd"] if footer else len(data)
        segment = self.read_batches(name, data, end, sealed=footer is not None)
        if footer:
            self.check_footer(name, data, footer, segment, previous_segment_hash)
            self.check_indexes(name, base, segment)
            self.summary["sealedSegments"] += 1
            self.previous_segment_hash = footer["segmentHash"]

    def segment_header(self, name, data):
        if len(data) < SEGMENT_HEADER_SIZE:
            raise Problem(name, 0, self.position, "segment header is missing or cut short")
        fields = SEGMENT_HEADER.unpack_from(data, 0)
        if fields[0] != SEGMENT_MAGIC or fields[1] != 1 or crc(data[:84]) != fields[7]:
            raise Problem(name, 0, self.position, "segment header is damaged (magic, version or CRC)")
        return fields

    def footer(self, data):
        if len(data) < SEGMENT_HEADER_SIZE + FOOTER_SIZE:
            return None
        start = len(data) - FOOTER_SIZE
        fields = FOOTER.unpack_from(data, start)
        (magic, version, _, batches, records, first_position, last_position, first_time, last_time, data_end,
         segment_hash, previous_segment_hash, last_batch_hash, footer_crc, closing_magic) = fields
        if (magic != FOOTER_MAGIC or closing_magic != FOOTER_MAGIC or version != 1
                or crc(data[start:start + 160]) != footer_crc or data_end + FOOTER_SIZE != len(data)):
            return None
        return {
            "batchCount": batches, "recordCount": records, "firstPosition": first_position,
            "lastPosition": last_position, "firstTimestamp": first_time, "lastTimestamp": last_time,
            "dataEnd": data_end, "segmentHash": segment_hash, "previousSegmentHash": previous_segment_hash,
            "lastBatchHash": last_batch_hash,
        }

    def read_batches(self, name, data, end, sealed):
        """Checks and decodes every batch in [88, end); returns what the footer and indexes are checked against."""
        offset = SEGMENT_HEADER_SIZE
        segment = {"base": self.position, "batches": [], "records": 0, "firstTime": None, "lastTime": None}
        previous_last_time = None
        while offset < end:
            remaining = end - offset
            if remaining < BATCH_HEADER_SIZE:
                self.torn_tail(name, offset, remaining, sealed, f"{remaining} bytes are too few for a batch header")
                break
            header = self.batch_header(name, data, offset)
            (_, _, compression, batch_crc, stored_size, uncompressed_size, record_count, base_position,
             first_time, last_time, previous_hash) = header
            total = BATCH_HEADER_SIZE + stored_size
            if total > remaining:
                self.torn_tail(name, offset, remaining, sealed, f"batch of {total} bytes runs past the end at {end}")
                break
            batch = data[offset:offset + total]
            if crc(batch[12:]) != batch_crc:
                raise Problem(name, offset, self.position, "batch CRC-32C does not match its bytes")
            if base_position != self.position:
                raise Problem(name, offset, self.position,
                              f"batch starts at position {base_position}, expected {self.position}")
            if previous_last_time is not None and first_time < previous_last_time:
                raise Problem(name, offset, self.position, "batch record time goes back before the previous batch's")
            if first_time > last_time:
                raise Problem(name, offset, self.position, "batch first record time is after its last")
            if previous_hash != self.last_batch_hash:
                raise Problem(name, offset, self.position,
                              "batch's previous-batch hash does not match the batch before it")
            block = self.uncompressed_block(name, offset, batch[BATCH_HEADER_SIZE:], compression, uncompressed_size)
            records = self.decode_records(name, offset, block, record_count, base_position)
            if records[0]["recordedAtMicros"] != first_time or records[-1]["recordedAtMicros"] != last_time:
                raise Problem(name, offset, self.position, "batch header's record times do not match its records")
            for record in records:
                self.check_version(name, offset, record)
            for record in records:
                del record["recordedAtMicros"]
                self.emit(record)
            self.last_batch_hash = hashlib.sha256(batch).digest()
            segment["batches"].append((base_position, offset, first_time))
            segment["records"] += record_count
            if segment["firstTime"] is None:
                segment["firstTime"] = first_time
            segment["lastTime"] = last_time
            previous_last_time = last_time
            self.position += record_count
            self.summary["batches"] += 1
            self.summary["records"] += record_count
            self.summary["lz4Batches"] += compression
            offset += total
        segment["dataEnd"] = offset
        segment["lastBatchHash"] = self.last_batch_hash
        return segment

    def torn_tail(self, name, offset, remaining, sealed, message):
        """An incomplete last batch: a write in progress or cut short, harmless only at the end of the log."""
        if sealed:
            raise Problem(name, offset, self.position, message)
        self.summary["incompleteTailBytes"] = remaining

    def batch_header(self, name, data, offset):
        fields = BATCH_HEADER.unpack_from(data, offset)
        magic, version, compression, _, stored, uncompressed, count = fields[:7]
        if magic != BATCH_MAGIC:
            raise Problem(name, offset, self.position, "batch magic is not RPLB")
        if version != 1:
            raise Problem(name, offset, self.position, f"batch format version {version} is not supported")
        if compression not in (0, 1):
            raise Problem(name, offset, self.position, f"batch compression {compression} is unknown")
        if (count == 0 or uncompressed > MAX_UNCOMPRESSED or uncompressed < count * RECORD_FIXED_SIZE
                or stored > MAX_STORED or (compression == 0 and stored != uncompressed)):
            raise Problem(name, offset, self.position, "batch sizes or record count are out of range")
        return fields

    def uncompressed_block(self, name, offset, stored, compression, size):
        if compression == 0:
            return stored
        try:
            block = lz4.block.decompress(bytes(stored), uncompressed_size=size)
        except lz4.block.LZ4BlockError:
            block = None
        if block is None or len(block) != size:
            raise Problem(name, offset, self.position, f"LZ4 block does not decompress to {size} bytes")
        return memoryview(block)

    def decode_records(self, name, offset, block, count, base_position):
        records = []
        at = 0
        for index in range(count):
            position = base_position + index
            if len(block) - at < RECORD_FIXED_SIZE:
                raise Problem(name, offset, self.position, f"record {position} overruns its batch's block")
            (length, version, recorded_at, occurred_at, record_id, stream_length, type_length, metadata_length,
             payload_length) = RECORD_FIXED.unpack_from(block, at)
            end = at + 4 + length
            variable = stream_length + type_length + metadata_length + payload_length
            if length < RECORD_FIXED_SIZE - 4 or end > len(block) or RECORD_FIXED_SIZE + variable != 4 + length:
                raise Problem(name, offset, self.position, f"record {position} overruns its batch's block")
            field = at + RECORD_FIXED_SIZE
            stream = bytes(block[field:field + stream_length])
            field += stream_length
            record_type = bytes(block[field:field + type_length])
            field += type_length
            metadata = block[field:field + metadata_length]
            field += metadata_length
            payload = block[field:field + payload_length]
            try:
                stream_text = stream.decode("utf-8")
                type_text = record_type.decode("utf-8")
            except UnicodeDecodeError:
                raise Problem(name, offset, self.position,
                              f"record {position} has a stream id or type that is not UTF-8")
            record = {
                "position": position,
                "stream": stream_text,
                "version": version,
                "type": type_text,
                "id": str(uuid.UUID(bytes=bytes(record_id))),
                "recordedAt": rfc3339(recorded_at),
                "occurredAt": rfc3339(occurred_at),
                "recordedAtMicros": recorded_at,
            }
            bytes_field("metadata", metadata, record)
            bytes_field("payload", payload, record)
            records.append(record)
            at = end
        if at != len(block):
            raise Problem(name, offset, self.position,
                          f"batch at position {base_position} has bytes after its last record")
        return records

    def check_version(self, name, offset, record):
        stream = record["stream"]
        expected = self.stream_versions.get(stream, 0) + 1
        if record["version"] != expected:
            raise Problem(name, offset, self.position,
                          f"record {record['position']} of stream {stream} has version {record['version']}, "
                          f"expected {expected}")
        self.stream_versions[stream] = expected

    def check_footer(self, name, data, footer, segment, previous_segment_hash):
        problem_at = footer["dataEnd"]
        position = self.position
        if hashlib.sha256(data[:footer["dataEnd"]]).digest() != footer["segmentHash"]:
            raise Problem(name, problem_at, position, "segment hash does not match the footer's")
        if (footer["batchCount"] != len(segment["batches"]) or footer["recordCount"] != segment["records"]
                or footer["firstPosition"] != segment["base"] or footer["lastPosition"] + 1 != position):
            raise Problem(name, problem_at, position, "footer counts or positions do not match the segment's batches")
        if (footer["lastBatchHash"] != segment["lastBatchHash"]
                or footer["previousSegmentHash"] != previous_segment_hash):
            raise Problem(name, problem_at, position, "footer hashes do not match the chain")
        if footer["firstTimestamp"] != segment["firstTime"] or footer["lastTimestamp"] != segment["lastTime"]:
            raise Problem(name, problem_at, position, "footer record times do not match the segment's batches")

    def check_indexes(self, name, base, segment):
        stem = name[:20]
        starts = {position: (offset, first_time) for position, offset, first_time in segment["batches"]}
        positions = self.index_entries(stem + ".index", 1, base, INDEX_ENTRY)
        times = self.index_entries(stem + ".timeindex", 2, base, INDEX_TIME_ENTRY)
        if len(positions) != len(times) or any(t[1] != p[0] for p, t in zip(positions, times)):
            raise Problem(stem + ".timeindex", 0, base, "time index does not list the position index's positions")
        first = segment["batches"][0] if segment["batches"] else None
        for number, ((position, offset), (time, _)) in enumerate(zip(positions, times)):
            at = 16 + 16 * number
            if starts.get(position) != (offset, time):
                raise Problem(stem + ".index", at, base, f"index entry {number} does not name a batch start")
            if number == 0 and (position, offset, time) != first:
                raise Problem(stem + ".index", at, base, "index does not start at the segment's first batch")
            if number > 0 and position <= positions[number - 1][0]:
                raise Problem(stem + ".index", at, base, "index positions do not increase")
        if not positions and first is not None:
            raise Problem(stem + ".index", 0, base, "index has no entry for the segment's first batch")

    def index_entries(self, file_name, kind, base, entry):
        path = os.path.join(self.directory, file_name)
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except FileNotFoundError:
            raise Problem(file_name, 0, base, "index file of a sealed segment is missing")
        if len(data) < 20:
            raise Problem(file_name, 0, base, "index file is cut short")
        magic, version, file_kind, count = INDEX_HEADER.unpack_from(data, 0)
        if magic != INDEX_MAGIC or version != 1 or file_kind != kind:
            raise Problem(file_name, 0, base, "index file header is damaged (magic, version or kind)")
        if 20 + 16 * count != len(data):
            raise Problem(file_name, 8, base,
                          f"index file holds {len(data)} bytes, not {20 + 16 * count} for {count} entries")
        if crc(data[:-4]) != struct.unpack_from("<I", data, len(data) - 4)[0]:
            raise Problem(file_name, len(data) - 4, base, "index file CRC-32C does not match its bytes")
        return [entry.unpack_from(data, 16 + 16 * k) for k in range(count)]


def main():
    parser = argparse.ArgumentParser(description="Check a Rapport log directory and print its records as JSON lines.")
    parser.add_argument("directory", help="the data directory (the one holding the <base>.log segment files)")
    parser.add_argument("--summary-only", action="store_true", help="print only the summary line")
    arguments = parser.parse_args()

    out = sys.stdout

    def emit(record):
        if not arguments.summary_only:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")

    reader = LogReader(arguments.directory, emit)
    problem = None
    try:
        reader.read()
    except Problem as found:
        problem = found
    except OSError as error:
        print(f"read-log: can not read {arguments.directory}: {error}", file=sys.stderr)
        return 2
    summary = dict(reader.summary)
    summary["intact"] = problem is None
    summary["headHash"] = reader.last_batch_hash.hex()
    summary["headPosition"] = summary["records"] - 1 if summary["records"] else None
    if problem:
        summary["problem"] = problem.as_json()
    out.write(json.dumps({"summary": summary}) + "\n")
    out.flush()
    if problem:
        print(f"read-log: {problem.file} at byte {problem.offset} (position {problem.position}): {problem.message}",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
