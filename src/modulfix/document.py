"""The one model that flows through every stage.

A :class:`Document` is created by :mod:`modulfix.ingest` from raw bytes and then
*annotated* by each later stage; no stage rewrites what an earlier one recorded:

* ingest       -> ``text`` (normalised), ``encoding``, ``notes``
* boilerplate  -> ``lines[i].label`` / ``reason``, ``metadata``, ``comments``
* structure    -> ``blocks`` (each made of source segments)
* spelling     -> ``findings`` (each with exact source offsets, rule and data source)
* markdown     -> renders ``blocks`` applying the safe fixes of ``findings``

All positions are character offsets (Unicode code points) into ``Document.text``.
Line and column numbers shown to users are derived from them, 1-based.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[str, ...] = ("error", "warning", "info")

# Line labels used by the boilerplate stage.
CONTENT = "content"
BLANK = "blank"
CHROME = "chrome"
COMMENT = "comment"
SPAM = "spam"
TITLE = "title"
DATE = "date"
LABELS = (CONTENT, BLANK, CHROME, COMMENT, SPAM, TITLE, DATE)


@dataclass
class Line:
    """One source line: ``text[start:end]`` (without its newline)."""

    number: int  # 1-based
    start: int
    end: int
    text: str
    label: str = CONTENT
    reason: str = ""  # which pattern or heuristic decided the label


@dataclass(frozen=True)
class Segment:
    """A slice ``[start, end)`` of ``Document.text`` that a block is built from."""

    start: int
    end: int
    sep: str = " "  # joins this segment to the previous one ("" across a hyphenated line break)


@dataclass
class Block:
    """A structural unit of the module.

    ``kind`` is one of ``heading``, ``paragraph``, ``list_item``, ``reference``,
    ``code`` (kept verbatim) or ``raw`` (Markdown kept verbatim).
    ``marker`` is the numbering as written (``"A."``, ``"1."``, ``"BAB II"``) or ``""``.
    ``segments`` are the source slices whose text forms the block, in order; the
    rendered text is the segments joined by their ``sep`` (a single space unless a
    hyphenated line break was undone), or ``text`` when a heading was normalised.
    """

    kind: str
    segments: list[Segment]
    level: int = 0
    marker: str = ""
    ordered: bool = False
    number: int | None = None
    text: str | None = None  # rendered instead of the segments when normalised ("Daftar Pustaka")


@dataclass
class Finding:
    """A problem found in the text, with its exact source span."""

    rule: str
    start: int
    end: int
    text: str
    message: str
    severity: str = "error"
    suggestions: tuple[str, ...] = ()
    fix: str | None = None  # the safe replacement, or None when only suggestions exist
    source: str = ""  # dictionary file or method that produced it
    italic: bool = False  # render the span in *italics* (foreign terms)


@dataclass
class Comment:
    """A reader comment split out of the page (never module content)."""

    author: str = ""
    date: str = ""
    text: str = ""
    spam: bool = False
    spam_score: float = 0.0
    lines: list[int] = field(default_factory=list)  # 1-based source line numbers


@dataclass
class Document:
    text: str
    path: str = "-"
    encoding: str = "utf-8"
    is_markdown: bool = False
    notes: list[str] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    comments: list[Comment] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    _line_starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        if not self.lines:
            self.lines = split_lines(self.text)
        self._line_starts = [ln.start for ln in self.lines]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset."""
        i = bisect.bisect_right(self._line_starts, offset) - 1
        if i < 0:
            return 1, offset + 1
        return i + 1, offset - self._line_starts[i] + 1

    def content_lines(self) -> list[Line]:
        return [ln for ln in self.lines if ln.label == CONTENT]


def split_lines(text: str) -> list[Line]:
    """Split normalised text (``\\n`` newlines only) into :class:`Line` records."""
    lines: list[Line] = []
    start = 0
    number = 1
    n = len(text)
    while start <= n:
        end = text.find("\n", start)
        if end == -1:
            end = n
        if start == n and end == n and lines:
            break  # trailing newline: no empty last line
        raw = text[start:end]
        lines.append(Line(number, start, end, raw, BLANK if not raw.strip() else CONTENT))
        number += 1
        start = end + 1
        if end == n:
            break
    return lines
