"""Whatever a parser child answers, one file is refused with a reason and the import goes on.

A child that parsed a hostile file may run the attacker's code and send
anything back. A test-only request (test_reply, written by the parent, never
by a file) makes a real child answer with the given bytes.
"""

from __future__ import annotations

import json
import struct
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from nia_desktop.core.ingest import sandbox
from nia_desktop.core.ingest.limits import Limits
from nia_desktop.core.ingest.sandbox import Malformed, ParseResult, SandboxPool, checked_documents
from nia_desktop.services import import_history, importing
from nia_desktop.services.session import unlock
from tests import samples
from tests.conftest import ANALYST, ANALYST_PASS


def frame(header: Any, blobs: tuple[bytes, ...] | list[bytes] = (), raw_header: bytes | None = None) -> bytes:
    encoded = raw_header if raw_header is not None else json.dumps(header).encode()
    out = struct.pack(">II", len(encoded), len(blobs)) + encoded
    for blob in blobs:
        out += struct.pack(">Q", len(blob)) + blob
    return out


def ok(*documents: Any, blobs: int | None = None) -> bytes:
    return frame({"ok": True, "documents": list(documents)}, [b"x"] * (len(documents) if blobs is None else blobs))


GOOD: dict[str, Any] = {"type": "text", "title": "t", "text": "body", "inner": "", "fields": {}, "parent": None,
        "meta": None, "index_body": "body", "structured": None, "encoding": "utf-8"}
DEEP = "[" * 100 + "]" * 100

GARBAGE: dict[str, bytes] = {
    "list header": frame([1, 2]),
    "string header": frame("text"),
    "null header": frame(None),
    "number header": frame(42),
    "not JSON": frame(None, raw_header=b"\xff\xfe{not json"),
    "truncated JSON": frame(None, raw_header=b'{"ok": true, "documents": ['),
    "missing documents": frame({"ok": True}),
    "documents not a list": frame({"ok": True, "documents": "x"}, [b"x"]),
    "document not an object": ok(1),
    "document a list": ok([GOOD]),
    "fewer blobs than documents": ok(GOOD, GOOD, blobs=1),
    "more blobs than documents": ok(GOOD, blobs=3),
    "text a number": ok({**GOOD, "text": 5}),
    "text infinite": frame(None, raw_header=b'{"ok": true, "documents": [{"text": 1e999}]}'),
    "title a list": ok({**GOOD, "title": ["a"]}),
    "type an object": ok({**GOOD, "type": {"a": 1}}),
    "inner a number": ok({**GOOD, "inner": 3}),
    "encoding true": ok({**GOOD, "encoding": True}),
    "fields a list": ok({**GOOD, "fields": ["refused"]}),
    "fields nested": ok({**GOOD, "fields": {"a": {"b": 1}}}),
    "refused without fields dict": ok({**GOOD, "type": "refused", "fields": "x"}),
    "parent forward": ok(GOOD, {**GOOD, "parent": 5}),
    "parent itself": ok(GOOD, {**GOOD, "parent": 1}),
    "parent negative": ok(GOOD, {**GOOD, "parent": -1}),
    "parent true": ok(GOOD, {**GOOD, "parent": True}),
    "parent huge": frame(None, raw_header=b'{"ok": true, "documents": [{"parent": 1' + b"0" * 4000 + b"}]}",
                         blobs=[b"x"]),
    "number of 5,000 digits": frame(None, raw_header=b'{"ok": true, "documents": [], "n": 1' + b"0" * 5000 + b"}"),
    "index body a list": ok({**GOOD, "index_body": ["x"]}),
    "structured too deep": ok({**GOOD, "structured": json.loads(DEEP)}),
    "nesting past the stack": frame(None, raw_header=b'{"ok": true, "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"),
    "lone surrogate": frame(None, raw_header=b'{"ok": true, "documents": [{"text": "\\ud800"}]}', blobs=[b"x"]),
    "ok not a boolean": frame({"ok": "yes", "documents": []}),
    "refusal with blobs": frame({"ok": False, "reason": "no"}, [b"x"]),
    "type of a refusal a list": frame({"ok": False, "type": [1]}),
    "header size past the cap": struct.pack(">II", 2**32 - 1, 0),
    "blob count past the cap": struct.pack(">II", 2, 2**31) + b"{}",
    "blob size past the cap": struct.pack(">II", 2, 1) + b"{}" + struct.pack(">Q", 2**63),
    "two answers": ok(GOOD) + ok(GOOD),
    "nothing but zeros": b"\0" * 64,
}


def test_every_reply_shape_is_covered() -> None:
    """The in-process check refuses every decodable garbage shape too (the quick half of the test)."""
    for name, raw in GARBAGE.items():
        size, count = struct.unpack(">II", raw[:8])
        try:
            header = json.loads(raw[8:8 + size])
        except (ValueError, RecursionError):
            continue
        if not isinstance(header, dict) or size > 2**20 or count > 100:
            continue
        if name in ("lone surrogate", "two answers", "number of 5,000 digits"):
            continue  # refused by the framing, tested with a real child below
        with pytest.raises(Malformed):
            sandbox._result(header, [b"x"] * count)


@pytest.fixture(scope="module")
def pool() -> Iterator[SandboxPool]:
    with SandboxPool(Limits(parse_timeout_seconds=10.0), size=1) as shared:
        yield shared


@pytest.mark.parametrize("shape", sorted(GARBAGE))
def test_any_reply_refuses_one_file_and_the_pool_goes_on(pool: SandboxPool, shape: str) -> None:
    result = pool.parse(b"anything", "garbage.txt", {"test_reply": GARBAGE[shape].hex()})
    assert isinstance(result, ParseResult) and not result.ok
    assert "malformed answer" in result.reason, result.reason
    assert pool.parse(samples.EN_REPORT.encode(), "fine.txt").ok  # a fresh child took over


def test_a_truncated_frame_is_refused_when_the_timeout_ends() -> None:
    with SandboxPool(Limits(parse_timeout_seconds=1.0), size=1) as short:
        result = short.parse(b"x", "garbage.txt", {"test_reply": frame({"ok": True}, [b"abc"])[:-2].hex()})
        assert not result.ok and "longer than 1 s" in result.reason
        assert short.parse(samples.EN_REPORT.encode(), "fine.txt").ok


def test_garbage_in_a_batch_fails_the_batch_only(pool: SandboxPool) -> None:
    files = [(samples.EN_REPORT.encode() + str(i).encode(), f"r{i}.txt") for i in range(3)]
    process = pool._all[0]
    assert process.request_batch(files, {"test_reply": GARBAGE["two answers"].hex()}) is None
    assert [r.ok for r in pool.parse_batch(files)] == [True, True, True]


def test_valid_records_keep_their_values_and_bad_metadata_is_recomputed_later() -> None:
    meta = {"classification": 99, "reliability": "", "credibility": "", "agency": "", "language": "en", "date": ""}
    [record] = checked_documents([{**GOOD, "meta": meta, "extra": object()}], [b"x"])
    assert record["meta"] == meta and "extra" not in record  # metadata.checked recomputes a bad value
    [partial] = checked_documents([{**GOOD, "meta": {"classification": None}}], [b"x"])
    assert partial["meta"] is None  # missing keys: recomputed from the text
    [bare] = checked_documents([{}], [b"x"])
    assert bare == {"type": "", "title": "", "text": "", "inner": "", "encoding": "", "fields": {}, "parent": None,
                    "index_body": None, "meta": None, "structured": None}


def test_metadata_missing_a_key_is_recomputed() -> None:
    from nia_desktop.core.ingest import metadata

    partial = {"reliability": "", "credibility": "", "agency": "", "language": "en", "date": ""}
    assert "classification" in metadata.checked(partial, "SECRET report")


SHAPES_IN_AN_IMPORT = ["list header", "document not an object", "fewer blobs than documents",
                       "refused without fields dict", "lone surrogate", "two answers"]


@pytest.mark.parametrize("shape", SHAPES_IN_AN_IMPORT)
def test_an_import_refuses_the_garbage_file_and_imports_the_rest(vault_dir: Path, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch, shape: str) -> None:
    real = sandbox.ParserProcess._exchange

    def exchange(self: sandbox.ParserProcess, header: dict[str, Any], blobs: list[bytes], served: int) -> Any:
        names = header.get("batch") or [header.get("name")]
        if "garbage.txt" in names:
            header = {**header, "test_reply": GARBAGE[shape].hex()}
        return real(self, header, blobs, served)

    monkeypatch.setattr(sandbox.ParserProcess, "_exchange", exchange)
    media = tmp_path / "usb"
    media.mkdir()
    for i in range(4):
        (media / f"good{i}.txt").write_text(f"{samples.EN_REPORT}\nnumber {i}")
    (media / "garbage.txt").write_text("anything at all")
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        outcome = importing.import_paths(session, [media])
        [run] = [r for r in import_history.import_history(session) if r.id == outcome.import_id]
        manifest = import_history.import_manifest(session, outcome.import_id)
    assert run.status == "done"
    assert sorted(Path(r["path"]).name for r in outcome.imported) == [f"good{i}.txt" for i in range(4)]
    [refused] = outcome.refused
    assert Path(refused["path"]).name == "garbage.txt" and "malformed answer" in refused["reason"]
    assert sorted(Path(m.path).name for m in manifest) == ["garbage.txt", *(f"good{i}.txt" for i in range(4))]


def test_a_started_child_is_used_not_replaced() -> None:
    """A child's greeting waiting in the pipe is not taken for an unasked-for answer."""
    with SandboxPool(size=1) as pool:
        first = pool._all[0]
        deadline = time.monotonic() + 60
        while not first.pending_output() and time.monotonic() < deadline:  # its greeting has arrived
            time.sleep(0.05)
        assert pool.parse(samples.EN_REPORT.encode(), "fine.txt").ok
        assert pool.parse(samples.EN_REPORT.encode(), "again.txt").ok
        assert pool._all == [first] and first.alive
