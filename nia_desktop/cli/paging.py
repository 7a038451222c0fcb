"""How listings page on the command line: ``--limit`` and ``--offset``, and saying when a listing was cut.

A listing given ``--limit`` or ``--offset`` answers one page: under --json the page object
(services/paging.Page: items, more, offset, limit, next_offset), in text the rows and, when cut, a last line
naming the next ``--offset``. Without them a listing either streams every row (``nia reports``: the whole
listing, fetched and written a batch at a time) or keeps its default page and says when more follows.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from nia_desktop.cli.numbers import MAX_ROW, limit

if TYPE_CHECKING:
    from nia_desktop.services.paging import Page


def offset(value: str) -> int:
    """How many rows to skip."""
    try:
        number = int(value) if len(value) <= 40 else None
    except ValueError:
        number = None
    if number is None or not 0 <= number <= MAX_ROW:
        raise argparse.ArgumentTypeError(f"{value[:30]!r} is not a number of rows to skip (0 to {MAX_ROW})")
    return number


def add_paging(parser: argparse.ArgumentParser, default: int, every: bool = False) -> None:
    """--limit and --offset on a listing; ``every``: without them the listing has no limit at all."""
    shown = f"every row; {default} with --offset alone" if every else str(default)
    parser.add_argument("--limit", type=limit, default=None, help=f"rows per page (default {shown})")
    parser.add_argument("--offset", type=offset, default=None, help="rows to skip first (default 0)")
    parser.set_defaults(page_size=default)


def paged(args: argparse.Namespace) -> bool:
    """Whether the command line asked for a page (--limit or --offset given)."""
    return args.limit is not None or args.offset is not None


def window(args: argparse.Namespace) -> tuple[int, int]:
    """(limit, offset) of the page asked for, defaults filled in."""
    return (args.limit if args.limit is not None else int(args.page_size),
            args.offset if args.offset is not None else 0)


def with_more(text: str, page: Page[Any]) -> str:
    """A page's text with, when cut, the line saying how to ask for the next one."""
    more = page.more_line()
    return f"{text}\n{more}" if more else text


@contextmanager
def _until_reader_leaves() -> Iterator[None]:
    """A streamed listing piped into a reader that stops early (``| head``) ends quietly: the rest of the output
    goes nowhere, and no 'internal error' is reported for a broken pipe."""
    try:
        yield
        sys.stdout.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # the interpreter's last flush at exit must not fail again
        os.close(devnull)


def stream_json(rows: Iterable[Any]) -> None:
    """A JSON array written a row at a time (one row a line), so memory holds one row, never the listing."""
    out = sys.stdout
    with _until_reader_leaves():
        out.write("[")
        first = True
        for row in rows:
            out.write(("\n" if first else ",\n") + json.dumps(row, ensure_ascii=False, sort_keys=True))
            first = False
        out.write("]\n" if first else "\n]\n")


def stream_table(rows: Iterable[list[str]], headers: list[str], widths: list[int]) -> None:
    """A text table written as rows come: fixed column widths (a wider cell pushes its row's tail right)."""
    from nia_desktop.cli.output import safe

    def line(cells: list[str]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip() + "\n"

    out = sys.stdout
    with _until_reader_leaves():
        out.write(line(headers) + line(["-" * w for w in widths]))
        for row in rows:
            out.write(line([safe(c) for c in row]))


def respond_page(args: argparse.Namespace, page: Page[Any], text: str, asked: bool | None = None,
                 row: Callable[[Any], Any] | None = None) -> int:
    """A listing's page: asked for (``asked``, by default --limit or --offset given) it is the page object under
    --json; otherwise --json stays the array of rows and a cut is said on stderr, so stdout stays the array.
    Text ends with the next page's --offset when cut."""
    from nia_desktop.cli.context import respond, wants_json
    from nia_desktop.cli.output import emit_json, warn

    body = page.to_json(row) if row is not None else page.to_json()
    if wants_json(args) and not (paged(args) if asked is None else asked):
        if page.more:
            warn(f"more: --offset {page.next_offset}")
        emit_json(body["items"])
        return 0
    return respond(args, body, with_more(text, page))
