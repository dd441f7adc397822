"""Collections as JSON Lines: one record in, one record out, in constant memory.

Start reading from :func:`process_record` (one record, the function a distributed
engine maps over a collection, see :mod:`modulfix.distributed`) and :func:`run` (a
whole stream, what ``modulfix batch`` calls).

Input: one JSON object per line, ``{"id": ..., "text": "..."}`` (other keys are
ignored; blank lines are skipped). Output: one object per input record, in input
order::

    {"id": ..., "markdown": "...", "title": "...", "date": "...",
     "findings": [{"line", "column", "end_line", "end_column", "text", "rule", "severity",
                   "message", "suggestions", "fix", "source"}, ...],
     "error": null}

``markdown``, ``title`` and ``date`` come from ``clean`` (null in check-only mode or when
the page has none); ``findings`` are those of ``check`` (check-only: on the text as
given) or of ``clean``'s spelling stage (on the text after ingest normalisation:
newlines, NFC, invisible characters), with 1-based positions in code points. A record
that cannot be processed -- not JSON, not an object, no string ``text``, larger than
the size limit, or a bug -- gives ``"error": "line N: ..."`` and nulls, never a crash.

Memory does not grow with the input: lines are read one at a time (a line longer than
the limit is skipped without being held), results are written as soon as the records
before them are done, and with ``jobs > 1`` at most a few chunks per worker are in
flight. Workers are a :class:`concurrent.futures.ProcessPoolExecutor`; on Linux they are forked after the
lexicon is loaded, so they share it instead of each loading its own.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import IO, Any

from modulfix.errors import InputError, OutputError

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
OUTPUT_KEYS = ("id", "markdown", "title", "date", "findings", "error")
CHUNK_RECORDS = 16  # records sent to a worker at once
CHUNK_BYTES = 1 << 20  # ... or fewer when they add up to this
_SKIP_BLOCK = 1 << 20  # read an over-long line away in pieces of this size


@dataclass(frozen=True)
class BatchOptions:
    check_only: bool = False  # only check the text: no clean, no markdown/title/date
    min_severity: str = "warning"  # findings at or above this severity are kept
    max_bytes: int = 16 * 1048576  # a record's text larger than this (UTF-8) is an error


@dataclass
class Stats:
    records: int = 0
    errors: int = 0


def _result(rid: Any = None, error: str | None = None) -> dict[str, Any]:
    return {"id": rid, "markdown": None, "title": None, "date": None, "findings": [], "error": error}


def _findings(doc, findings, minimum: str) -> list[dict[str, Any]]:
    floor = SEVERITY_RANK[minimum]
    out = []
    for f in findings:
        if SEVERITY_RANK.get(f.severity, 2) < floor:
            continue
        line, col = doc.position(f.start)
        end_line, end_col = doc.position(f.end)
        out.append({"line": line, "column": col, "end_line": end_line, "end_column": end_col,
                    "text": f.text, "rule": f.rule, "severity": f.severity, "message": f.message,
                    "suggestions": list(f.suggestions), "fix": f.fix, "source": f.source})
    return out


def process_record(record: Any, options: BatchOptions | None = None) -> dict[str, Any]:
    """One input record (a parsed JSON object) -> one output record. Never raises
    for a bad record or a bug in a stage: the problem goes to ``error``."""
    options = options or BatchOptions()
    if not isinstance(record, dict):
        return _result(None, f"record is a JSON {_json_type(record)}, not an object")
    rid = record.get("id")
    text = record.get("text")
    if not isinstance(text, str):
        what = "no \"text\"" if text is None else f"\"text\" is a JSON {_json_type(text)}, not a string"
        return _result(rid, what)
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > options.max_bytes:
        return _result(rid, f"text too large ({size / 1048576:.1f} MB > "
                            f"{options.max_bytes / 1048576:.0f} MB; raise the limit with --max-size MB)")
    try:
        return _process(rid, text, options)
    except MemoryError:
        return _result(rid, "out of memory")
    except RecursionError:
        return _result(rid, "internal error: RecursionError (please report this)")
    except Exception as exc:  # a bug in a stage: one record lost, not the run
        return _result(rid, f"internal error: {type(exc).__name__}: {exc} (please report this)")


def _process(rid: Any, text: str, options: BatchOptions) -> dict[str, Any]:
    from modulfix.ingest import Source

    out = _result(rid)
    if options.check_only:
        from modulfix.checking import check_source
        from modulfix.pipeline import looks_like_markdown

        # Markdown (front matter, ATX headings) is checked as Markdown: code and front matter skipped
        result = check_source(Source("record.md" if looks_like_markdown(text) else "record.txt", text))
        out["findings"] = _findings(result.doc, result.findings, options.min_severity)
        return out
    from modulfix.pipeline import CleanOptions, clean_document, render

    clean_options = CleanOptions()
    doc = clean_document(Source("record.txt", text), clean_options)
    out["markdown"] = render(doc, clean_options)
    out["title"] = doc.metadata.get("title") or None
    out["date"] = doc.metadata.get("date") or None
    out["findings"] = _findings(doc, doc.findings, options.min_severity)
    return out


def _json_type(value: Any) -> str:
    return {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}.get(
        type(value), "number")


def process_line(line: bytes | str, number: int = 0, options: BatchOptions | None = None) -> dict[str, Any]:
    """One line of JSON Lines (bytes or text) -> one output record; never raises."""
    where = f"line {number}: " if number else ""
    if isinstance(line, bytes):
        try:
            line = line.decode("utf-8")
        except UnicodeDecodeError as exc:
            return _result(None, f"{where}not valid UTF-8 (byte offset {exc.start})")
    try:
        record = json.loads(line)
    except ValueError as exc:  # JSONDecodeError, or a number too large to convert
        msg = getattr(exc, "msg", None) or str(exc)
        return _result(None, f"{where}not valid JSON ({msg})")
    except RecursionError:
        return _result(None, f"{where}not valid JSON (nested too deeply)")
    out = process_record(record, options)
    if out["error"] and where:
        out["error"] = where + out["error"]
    return out


def dumps(result: dict[str, Any]) -> str:
    """One output record as a line of JSON Lines (no newline). Text stays readable
    (``ensure_ascii=False``) unless it holds a lone surrogate (``"\\ud800"`` in the input),
    which only a ``\\u`` escape keeps valid in UTF-8."""
    try:
        text = json.dumps(result, ensure_ascii=False)
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return json.dumps(result)
    except (TypeError, ValueError) as exc:  # pragma: no cover - every value is plain JSON
        return json.dumps(_result(None, f"internal error: cannot encode the result ({exc})"))


# ---------------------------------------------------------------- streams

Item = tuple[int, "bytes | None", "str | None"]  # (line number, line, or the error when unreadable)


def read_lines(stream: IO[bytes], max_bytes: int, name: str = "<input>") -> Iterator[Item]:
    """(number, line, None) for each non-blank line, or (number, None, error) for a line
    longer than ``max_bytes`` plus room for the JSON around the text, which is read
    away without being kept."""
    limit = max_bytes + max_bytes // 4 + 65536  # escapes and the keys around the text
    number = 0
    while True:
        line = _read(stream, limit + 1, name)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            size = len(line)
            while True:
                piece = _read(stream, _SKIP_BLOCK, name)
                size += len(piece)
                if not piece or piece.endswith(b"\n"):
                    break
            yield number, None, (f"line {number}: record too large ({size / 1048576:.1f} MB > "
                                 f"{max_bytes / 1048576:.0f} MB of text; raise the limit with --max-size MB)")
            continue
        if number == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        if line.strip():
            yield number, line, None


def _read(stream: IO[bytes], limit: int, name: str) -> bytes:
    try:
        return stream.readline(limit)
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None


def _process_chunk(chunk: list[Item], options: BatchOptions) -> list[tuple[str, bool]]:
    out = []
    for number, line, problem in chunk:
        result = _result(None, problem) if line is None else process_line(line, number, options)
        out.append((dumps(result), result["error"] is not None))
    return out


def _chunks(items: Iterable[Item]) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    size = 0
    for item in items:
        chunk.append(item)
        size += len(item[1] or b"")
        if len(chunk) >= CHUNK_RECORDS or size >= CHUNK_BYTES:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _warm_up(options: BatchOptions) -> None:
    """Load the lexicon and the suggestion index once, before workers are forked."""
    process_record({"id": None, "text": "Judul\n\nKalimat pertma untuk pemanasan."}, options)


def _worker_init(options: BatchOptions | None) -> None:
    """In each worker: Ctrl-C is the parent's to handle (it stops the pool), so a worker
    never prints a traceback of its own; load the lexicon unless it was inherited."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if options is not None:
        _warm_up(options)


def _executor(jobs: int, options: BatchOptions):
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if "fork" in multiprocessing.get_all_start_methods():
        _warm_up(options)  # the forked workers inherit the loaded lexicon
        return ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"),
                                   initializer=_worker_init, initargs=(None,))
    return ProcessPoolExecutor(jobs, initializer=_worker_init, initargs=(options,))


def run(infile: IO[bytes], outfile: IO[bytes], options: BatchOptions | None = None, jobs: int = 1,
        in_name: str = "<input>", out_name: str = "<output>") -> Stats:
    """Process every line of ``infile`` and write one line per record to ``outfile``
    (both binary; the output is UTF-8), in input order, as records are finished. Returns the counts.

    Raises :class:`~modulfix.errors.InputError` when ``infile`` cannot be read,
    :class:`~modulfix.errors.OutputError` when ``outfile`` cannot be written (a broken
    pipe is left as it is: the reader went away), and ``BrokenProcessPool`` when a
    worker dies (killed, out of memory); nothing a record holds can stop the run.
    """
    options = options or BatchOptions()
    stats = Stats()

    def emit(lines: list[tuple[str, bool]]) -> None:
        try:
            for text, failed in lines:
                outfile.write(text.encode("utf-8") + b"\n")
                stats.records += 1
                stats.errors += failed
            outfile.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(f"{out_name}: cannot write ({exc.strerror or exc})") from None

    chunks = _chunks(read_lines(infile, options.max_bytes, in_name))
    if jobs <= 1:
        for chunk in chunks:
            emit(_process_chunk(chunk, options))
        return stats
    executor = _executor(jobs, options)
    try:
        pending: deque = deque()
        window = jobs * 3  # chunks in flight: bounded, so memory is too
        for chunk in chunks:
            pending.append(executor.submit(_process_chunk, chunk, options))
            if len(pending) >= window:
                emit(pending.popleft().result())
        while pending:
            emit(pending.popleft().result())
    except BaseException:
        executor.shutdown(wait=False, cancel_futures=True)
        raise
    executor.shutdown()
    return stats
