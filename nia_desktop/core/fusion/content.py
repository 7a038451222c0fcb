"""Which parts of a report are content, and which are its header.

The originator, report number, date, marking and grading, and an e-mail's
From/To, say who sent a report, not what it is about: an entity found there
would link every report of one agency to every other. Header lines are
recognised by their labels (English and Japanese, as ``label: value``,
``label | value``, a YAML or Markdown field, or label and value separated by
wide spaces); in a pipe table whose first row names columns, the cells under
such labels; and the all-capitals agency banner over a labelled block.
"""

from __future__ import annotations

import bisect
import re

_LABELS = (
    "originator|issued by|issued_by|issuer|from|to|cc|bcc|sender|reply-to|message-id|date|date of issue|"
    "issue date|issue_date|issued|published|created|modified|report no|report no\\.|report number|report_number|"
    "ref|reference|number|classification|marking|grading|admiralty|evaluation|dtg|distribution|"
    "発出部署|発出元|発信元|発信者|作成部署|作成者|報告番号|文書番号|番号|報告日|作成日|発出日|日付|区分|秘密区分|"
    "分類|情報評価|評価|確度|ＤＴＧ|宛先|差出人|配布先"
)
_LABEL_LINE = re.compile(
    rf"^[ \t　]*(?:[-*・][ \t]*)?(?:\*\*)?(?:{_LABELS})(?:\*\*)?[ \t　]*(?::|：|\||[ \t　]{{2,}}|　)", re.IGNORECASE)
_HEADER_CELL = re.compile(rf"^(?:{_LABELS})$", re.IGNORECASE)
_CAPITALS = re.compile(r"[A-Z]{2,}")
_BANNER_LINES = 16  # an e-mail's own headers come first


def header_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) character ranges of the header: extraction ignores mentions inside them."""
    spans: list[tuple[int, int]] = []
    position = 0
    header_columns: list[int] = []
    for number, line in enumerate(text.split("\n")):
        start, end = position, position + len(line)
        position = end + 1
        cells = line.split("|")
        if len(cells) >= 3 and any(_HEADER_CELL.match(c.strip()) for c in cells):
            header_columns = [i for i, c in enumerate(cells) if _HEADER_CELL.match(c.strip())]
            spans.append((start, end))  # a table's first row, naming its columns
            continue
        if _LABEL_LINE.match(line):
            spans.append((start, end))
            continue
        if number < _BANNER_LINES and _is_banner(line) and len(line.split()) >= 3:
            spans.append((start, end))
            continue
        if "|" in line:
            offset = start
            for index, cell in enumerate(cells):
                if index in header_columns:
                    spans.append((offset, offset + len(cell)))
                offset += len(cell) + 1
        elif not line.strip():
            header_columns = []
    return spans


def _is_banner(line: str) -> bool:
    """No lower-case letter and a run of capitals ("NATIONAL POLICE AGENCY"): tested in two linear scans (the
    regex that said it in one backtracked cubically on a long capital line with a lower-case letter at its end)."""
    return not any("a" <= c <= "z" for c in line) and _CAPITALS.search(line) is not None


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) lies in one span; header_spans() gives them sorted and apart, so bisect finds it."""
    i = bisect.bisect_right(spans, (start, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= start and end <= spans[i][1]
