"""Checking a large file in pieces: bounded memory, the findings of the whole-file run.

Start reading from :func:`open_text`, then :func:`open_pieces`. A file larger than
:func:`stream_bytes` is never held whole. :func:`open_text` decodes it once to choose
the encoding exactly as :func:`modulfix.ingest.decode` would (so a bad byte is found
before anything is reported); then it is read three times, a piece of about
:data:`PIECE_CHARS` characters at a time, each piece ending just after a newline (a
single longer line is one piece):

1. **scan** -- collect what spans lines: directive comments
   (:class:`modulfix.directives.Scanner`) and, in Markdown, HTML comments
   (:class:`modulfix.checking.CommentScanner`);
2. **names** -- walk the prose lines (front matter and code fences are states carried
   from piece to piece) and count the words that make the document's names
   (:class:`modulfix.spelling.checker.NameCounter`); remember each piece's start state;
3. **check** -- each piece is a :class:`Piece`, which knows all it needs of the rest of
   the file, so pieces can be checked in any process (:func:`check_piece`), and each
   gives a :class:`Checked`: findings with their line/column positions and baseline
   keys, no text.

``tests/test_streamcheck.py`` checks that any split gives the findings of the
whole-file run. Memory grows with the number of findings and of distinct words (the
speller's caches, the name counts), not with the size of the text.
"""

from __future__ import annotations

import codecs
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from modulfix import directives
from modulfix.checking import CommentScanner, FileSettings, ProseState, _subtract, check_spans, prose_lines
from modulfix.document import Finding
from modulfix.errors import InputError
from modulfix.ingest import _BOMS, FALLBACK_ENCODINGS, _too_large, looks_binary

PIECE_CHARS = 1 << 19  # characters per piece (half a MB: with --jobs, enough pieces to share evenly; a piece costs ~10x that while checked)
STREAM_BYTES = 1 << 20  # files larger than this are checked in pieces (a module is a few hundred kB)
_BLOCK = 1 << 18  # bytes read at a time


def stream_bytes() -> int:
    """Inputs larger than this are checked in pieces (``MODULFIX_STREAM_BYTES`` overrides it)."""
    value = os.environ.get("MODULFIX_STREAM_BYTES", "")
    return int(value) if value.isdigit() else STREAM_BYTES


def is_big(path: str) -> bool:
    """Is ``path`` a file larger than :func:`stream_bytes` (read in pieces)?"""
    try:
        return os.path.isfile(path) and os.path.getsize(path) > stream_bytes()
    except OSError:
        return False


def piece_chars() -> int:
    value = os.environ.get("MODULFIX_PIECE_CHARS", "")
    return max(1, int(value)) if value.isdigit() else PIECE_CHARS


@dataclass
class Checked:
    """The findings of a file or of one piece, as the run needs them (no text)."""

    findings: list[Finding]
    positions: list[tuple[int, int, int, int]]  # 1-based (line, col, end line, end col) of each
    keys: list[tuple[str, str, str]]  # baseline keys (rule, text, context hash) of each
    suppressed: int = 0


def checked_whole(text: str, findings: list[Finding], doc, suppressed: int = 0) -> Checked:
    from modulfix.baseline import keys

    pos = []
    for f in findings:
        line, col = doc.position(f.start)
        end_line, end_col = doc.position(f.end)
        pos.append((line, col, end_line, end_col))
    return Checked(findings, pos, keys(text, findings), suppressed)


# ---------------------------------------------------------------- reading in pieces
class _BadBytes(Exception):
    def __init__(self, start: int, end: int, exc: UnicodeDecodeError):
        super().__init__(start)
        self.start, self.end, self.exc = start, end, exc

    def message(self) -> str:
        """The message ``bytes.decode`` gives for the whole file."""
        exc = self.exc
        if self.end - self.start == 1:
            byte = exc.object[exc.start]
            return (f"'{exc.encoding}' codec can't decode byte 0x{byte:02x} in position {self.start}: "
                    f"{exc.reason}")
        return f"'{exc.encoding}' codec can't decode bytes in position {self.start}-{self.end - 1}: {exc.reason}"


@dataclass
class TextFile:
    """A file to read in pieces: where its text starts and how it is decoded."""

    path: str  # the file read (a temporary copy for stdin)
    shown: str  # its name in messages
    encoding: str
    skip: int = 0  # bytes of a byte-order mark
    bom: bool = False
    notes: list[str] = field(default_factory=list)
    size: int = 0
    temporary: bool = False

    def blocks(self) -> Iterator[str]:
        """The decoded text, a block at a time (raises :class:`_BadBytes`)."""
        decoder = codecs.getincrementaldecoder(self.encoding)("strict")
        fed = 0
        with open(self.path, "rb") as fh:
            fh.seek(self.skip)
            while True:
                block = fh.read(_BLOCK)
                held = len(decoder.getstate()[0])
                try:
                    text = decoder.decode(block, final=not block)
                except UnicodeDecodeError as exc:
                    raise _BadBytes(fed - held + exc.start, fed - held + exc.end, exc) from None
                fed += len(block)
                if text:
                    yield text
                if not block:
                    return

    def pieces(self, size: int | None = None) -> Iterator[str]:
        """The text in pieces of at least ``size`` characters (up to the end of a line),
        each but the last ending just after a newline; the last one is always given
        (possibly empty)."""
        size = size or piece_chars()
        held: list[str] = []
        n = 0
        for block in self.blocks():
            held.append(block)
            n += len(block)
            if n >= size:
                text = "".join(held)
                start = 0
                while len(text) - start >= size:
                    cut = text.find("\n", start + size - 1) + 1
                    while cut and text[cut - 2:cut - 1] == "-":
                        cut = text.find("\n", cut) + 1  # kesem- / patan: one word, one piece
                    if not cut:
                        break
                    yield text[start:cut]
                    start = cut
                text = text[start:]
                held, n = [text], len(text)
        yield "".join(held)

    def close(self) -> None:
        if self.temporary:
            try:
                os.unlink(self.path)
            except OSError:
                pass


def spool_stdin(max_bytes: int, keep: int) -> tuple[bytes | None, str | None]:
    """Read stdin: (its bytes, None) when it has at most ``keep`` bytes, else (None, the
    path of a temporary file holding it). Larger than ``max_bytes``: :class:`InputError`."""
    import tempfile

    stream = sys.stdin.buffer
    head = stream.read(min(keep, max_bytes) + 1)
    if len(head) <= min(keep, max_bytes):
        return head, None
    if len(head) > max_bytes:
        raise _too_large("<stdin>", len(head), max_bytes)
    fd, path = tempfile.mkstemp(prefix="modulfix-stdin-")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(head)
            total = len(head)
            while block := stream.read(min(_BLOCK, max_bytes + 1 - total)):
                total += len(block)
                if total > max_bytes:  # read no further than read_bytes does
                    raise _too_large("<stdin>", total, max_bytes)
                out.write(block)
    except BaseException:
        os.unlink(path)
        raise
    return None, path


def open_text(path: str, shown: str, encoding: str | None = None, max_bytes: int | None = None,
              temporary: bool = False) -> TextFile:
    """Choose the encoding of ``path`` as :func:`modulfix.ingest.decode` would for its
    bytes, reading it once (in blocks) to be sure it decodes."""
    try:
        size = os.path.getsize(path)
        if max_bytes is not None and size > max_bytes:
            raise _too_large(shown, size, max_bytes)
        with open(path, "rb") as fh:
            head = fh.read(8192)
    except PermissionError:
        raise InputError(f"{shown}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{shown}: cannot read ({exc.strerror or exc})") from None
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError as exc:
            raise InputError(f"{shown}: cannot decode as {encoding}: {exc}") from None
        tf = TextFile(path, shown, encoding, size=size, temporary=temporary)
        try:
            _drain(tf)
        except _BadBytes as bad:
            raise InputError(f"{shown}: cannot decode as {encoding}: {bad.message()}") from None
        return tf
    for bom, enc in _BOMS:
        if head.startswith(bom):
            tf = TextFile(path, shown, enc.replace("-sig", ""), skip=len(bom), bom=True, size=size,
                          temporary=temporary)
            try:
                _drain(tf)
            except _BadBytes:
                raise InputError(f"{shown}: invalid {enc} after its byte-order mark") from None
            return tf
    if looks_binary(head):
        raise InputError(f"{shown}: not a text file (binary data)")
    tf = TextFile(path, shown, "utf-8", size=size, temporary=temporary)
    try:
        _drain(tf)
        return tf
    except _BadBytes as bad:
        first_bad = bad.start
    for enc in FALLBACK_ENCODINGS:
        tf = TextFile(path, shown, enc, size=size, temporary=temporary)
        try:
            _drain(tf)
        except _BadBytes:
            continue
        tf.notes.append(f"{shown}: not valid UTF-8 (first bad byte at offset {first_bad}); decoded as {enc}")
        return tf
    raise InputError(f"{shown}: cannot decode")  # pragma: no cover - latin-1 never fails


def _drain(tf: TextFile) -> None:
    for _ in tf.blocks():
        pass


# ---------------------------------------------------------------- the plan and the pieces
@dataclass
class Piece:
    """One piece of a file, with what checking it needs to know of the rest."""

    text: str
    base: int  # offset of the piece in the file's text
    line: int  # 0-based number of its first line
    prose: ProseState  # the line walk at its start
    paragraph_start: bool  # its first prose span starts a paragraph
    final: bool
    names: frozenset[str]
    marks: directives.Directives  # a view: what applies here
    comments: list[tuple[int, int]]  # the HTML comments (left out) that overlap it
    positions: dict[int, tuple[int, int]]  # of directive problems that start here
    around: dict[int, tuple[str, str]]


@dataclass
class _Start:
    base: int
    line: int
    prose: ProseState
    paragraph_start: bool


class _Ranges:
    """``(start, end)`` ranges sorted by start, asked for those that overlap pieces
    coming in order."""

    def __init__(self, ranges: list[tuple[int, int]]):
        self.ranges = ranges
        self._i = 0

    def overlapping(self, lo: int, hi: int) -> list[tuple[int, int]]:
        ranges, i = self.ranges, self._i
        while i < len(ranges) and ranges[i][1] <= lo:
            i += 1
        self._i = i
        out = []
        while i < len(ranges) and ranges[i][0] < hi:
            if ranges[i][1] > lo:
                out.append(ranges[i])
            i += 1
        return out


def _local(ranges: list[tuple[int, int]], lo: int, hi: int) -> list[tuple[int, int]]:
    return [(max(a, lo) - lo, min(b, hi) - lo) for a, b in ranges]


def _spans(text: str, settings: FileSettings, state: ProseState, final: bool,
           holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans = prose_lines(text, settings.markdown, state, skip_code=settings.skip_code,
                        skip_front_matter=settings.skip_front_matter, final=final)
    return _subtract(spans, sorted(holes))


def count_names(part: tuple[str, list[tuple[int, int]]]):
    """The names pass over one piece: a :class:`~modulfix.spelling.checker.NameCounter`
    of ``text`` within its prose ``spans`` (``part`` = (text, spans))."""
    from modulfix.spelling.checker import NameCounter

    counter = NameCounter()
    counter.add(*part)
    return counter


def _count_here(parts: Iterable[tuple[str, list[tuple[int, int]]]]) -> Iterator:
    from modulfix.spelling.checker import NameCounter

    counter = NameCounter()
    for text, spans in parts:
        counter.add(text, spans)
    yield counter


def open_pieces(tf: TextFile, settings: FileSettings, size: int | None = None,
                count: Callable[[Iterable[tuple[str, list[tuple[int, int]]]]], Iterable] | None = None,
                ) -> Iterator[Piece]:
    """The pieces of ``tf``, after the scan and names passes (see the module docstring).

    ``count`` maps the pieces' (text, prose spans), in order, to name counters whose
    merge is the document's (:func:`count_names` on each, in worker processes, or all
    in one counter here, the default)."""
    from modulfix.baseline import CONTEXT_CHARS

    size = size or piece_chars()
    html = settings.markdown and settings.skip_html_comments
    # 1. scan
    scanner = directives.Scanner(CONTEXT_CHARS)
    comments = CommentScanner()
    for text, final in _with_final(tf.pieces(size)):
        scanner.feed(text, final)
        if html:
            comments.feed(text)
    marks = scanner.finish()
    marks.comments.sort()
    html_ranges = comments.finish()
    # 2. names, and where each piece starts (the line walk here, the counting by ``count``)
    starts: list[_Start] = []

    def walk() -> Iterator[tuple[str, list[tuple[int, int]]]]:
        state = ProseState()
        paragraph = True
        base = line = 0
        dwin, hwin = _Ranges(marks.comments), _Ranges(html_ranges)
        for text, final in _with_final(tf.pieces(size)):
            starts.append(_Start(base, line, ProseState(state.line, state.front, state.fence), paragraph))
            end = base + len(text)
            holes = _local(dwin.overlapping(base, end) + hwin.overlapping(base, end), base, end)
            spans = _spans(text, settings, state, final, holes)
            yield text, spans
            if spans:
                s, e = spans[-1]
                paragraph = not text[s:e].strip()
            base, line = end, line + text.count("\n")

    counter = None
    for part in (count or _count_here)(walk()):
        counter = part if counter is None else counter.merge(part)
    assert counter is not None
    names = counter.names()
    del counter
    # 3. the pieces
    hwin = _Ranges(html_ranges)
    for start, (text, final) in zip(starts, _with_final(tf.pieces(size))):
        end = start.base + len(text)
        view = marks.view(start.base, end + (1 if final else 0), start.line, [])
        yield Piece(text, start.base, start.line, start.prose, start.paragraph_start, final, names, view,
                    hwin.overlapping(start.base, end),
                    {off: scanner.positions[off] for p in view.problems for off in (p.start, p.end)},
                    {p.start: scanner.around[p.start] for p in view.problems})


def _with_final(pieces: Iterator[str]) -> Iterator[tuple[str, bool]]:
    it = iter(pieces)
    prev = next(it)
    for nxt in it:
        yield prev, False
        prev = nxt
    yield prev, True


def check_piece(piece: Piece, settings: FileSettings) -> Checked:
    """Check one piece: the findings that start in it, as the whole-file run gives them."""
    import re

    from modulfix.baseline import context_hash, hash_around

    text, base = piece.text, piece.base
    end = base + len(text)
    piece.marks.line_starts = [base] + [base + m.end() for m in re.finditer("\n", text)]
    holes = _local(piece.marks.comments + piece.comments, base, end)
    state = ProseState(piece.prose.line, piece.prose.front, piece.prose.fence)
    spans = _spans(text, settings, state, piece.final, holes)
    findings, dropped = check_spans(text, base, spans, settings, piece.marks, piece.names, piece.paragraph_start)
    positions = []
    keys = []
    line, at = piece.line + 1, 0  # the line of text[at]
    for f in findings:
        if f.rule == "directive" and f.start in piece.around:  # may end in a later piece
            (line0, col0), (line1, col1) = piece.positions[f.start], piece.positions[f.end]
            positions.append((line0, col0, line1, col1))
            keys.append((f.rule, f.text, hash_around(*piece.around[f.start])))
            continue
        where = []
        for off in (f.start, f.end):
            i = off - base
            line += text.count("\n", at, i) if i >= at else -text.count("\n", i, at)
            at = i
            where.append((line, i - text.rfind("\n", 0, i)))
        positions.append((*where[0], *where[1]))
        keys.append((f.rule, f.text, context_hash(text, f, base)))
    return Checked(findings, positions, keys, dropped)


def settle(tf: TextFile, settings: FileSettings, rounds: int = 4) -> TextFile:
    """The text of ``tf`` with every safe fix applied and settled, as
    :func:`modulfix.checking.fixed_text` gives it for the whole file: ``tf`` itself when
    nothing changes, else a temporary UTF-8 file (close it). Each round's text is
    written to a temporary file and checked again, in pieces."""
    import tempfile
    from dataclasses import replace

    from modulfix.fixes import apply_fixes

    current = tf
    try:
        for _ in range(rounds):
            fd, path = tempfile.mkstemp(prefix="modulfix-fix-")
            nxt = TextFile(path, tf.shown, "utf-8", temporary=True)
            changed = False
            try:
                with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
                    for piece in open_pieces(current, settings):
                        found = [replace(f, start=f.start - piece.base, end=f.end - piece.base)
                                 for f in check_piece(piece, settings).findings if f.fix is not None]
                        new = apply_fixes(piece.text, found) if found else piece.text
                        changed = changed or new != piece.text
                        out.write(new)
            except BaseException:
                nxt.close()
                raise
            if not changed:
                nxt.close()
                break
            if current is not tf:
                current.close()
            current = nxt
    except BaseException:
        if current is not tf:
            current.close()
        raise
    return current
