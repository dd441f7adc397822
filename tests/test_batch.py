"""``modulfix batch`` and :mod:`modulfix.batch`: JSON Lines in, JSON Lines out.

One output record per input record, in order, with the documented keys; a bad record
gets an ``error`` and the run goes on; the stream is processed as it is read; ``--jobs``
changes nothing in the output. Speed and memory are measured by scripts/benchmark.py,
not here.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from modulfix import batch
from modulfix.batch import BatchOptions, process_line, process_record, read_lines, run
from modulfix.cli import main
from modulfix.errors import EXIT_INPUT, EXIT_OK, EXIT_OUTPUT, EXIT_USAGE

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
KEYS = ["id", "markdown", "title", "date", "findings", "error"]
FINDING_KEYS = {"line", "column", "end_line", "end_column", "text", "rule", "severity", "message",
                "suggestions", "fix", "source"}
PAGE = "Peran Pekerja Sosial\n\nMasyarakat desa merupaka kelompok yang kuat.\n"


def jsonl(*records) -> bytes:
    return b"".join((r if isinstance(r, bytes) else json.dumps(r, ensure_ascii=False).encode()) + b"\n"
                    for r in records)


def results(data: bytes) -> list[dict]:
    return [json.loads(line) for line in data.decode("utf-8").splitlines()]


def run_bytes(data: bytes, jobs: int = 1, **options) -> tuple[list[dict], batch.Stats]:
    out = io.BytesIO()
    stats = run(io.BytesIO(data), out, BatchOptions(**options), jobs)
    return results(out.getvalue()), stats


class FakeStdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


# ---------------------------------------------------------------- one record

def test_record_is_cleaned_and_checked():
    r = process_record({"id": "p1", "text": PAGE})
    assert list(r) == KEYS
    assert r["id"] == "p1" and r["error"] is None
    assert r["title"] == "Peran Pekerja Sosial"
    assert r["markdown"].startswith("---\ntitle: Peran Pekerja Sosial\n")
    assert "merupakan kelompok" in r["markdown"]  # the safe fix is applied
    typo = [f for f in r["findings"] if f["text"] == "merupaka"]
    assert len(typo) == 1 and set(typo[0]) == FINDING_KEYS
    assert (typo[0]["line"], typo[0]["column"]) == (3, PAGE.splitlines()[2].index("merupaka") + 1)
    assert typo[0]["fix"] == "merupakan"


def test_check_only_keeps_positions_of_the_text_as_given():
    text = "Baris satu.\r\nMasyarakat desa merupaka kelompok.\r\n"
    r = process_record({"id": 7, "text": text}, BatchOptions(check_only=True))
    assert r["markdown"] is None and r["title"] is None and r["date"] is None
    (f,) = [f for f in r["findings"] if f["rule"] == "typo"]
    assert (f["line"], f["column"], f["end_column"]) == (2, 17, 25)


def test_check_only_markdown_skips_front_matter_and_code():
    text = "---\ntitle: Judul merupaka\n---\n\n# Judul\n\n```\nmerupaka\n```\n\nTeks merupaka.\n"
    r = process_record({"id": 1, "text": text}, BatchOptions(check_only=True))
    assert [f["line"] for f in r["findings"] if f["text"] == "merupaka"] == [11]


def test_min_severity_filters_findings():
    text = "Masyarakat desa merupaka kelompok Xqzvbnm.\n"
    every = process_record({"id": 1, "text": text}, BatchOptions(check_only=True, min_severity="info"))
    errors = process_record({"id": 1, "text": text}, BatchOptions(check_only=True, min_severity="error"))
    assert {f["severity"] for f in errors["findings"]} <= {"error"}
    assert len(every["findings"]) >= len(errors["findings"]) >= 1


@pytest.mark.parametrize("record, message", [
    ([1, 2], "record is a JSON array, not an object"),
    ("teks", "record is a JSON string, not an object"),
    (None, "record is a JSON null, not an object"),
    ({"id": 3}, 'no "text"'),
    ({"id": 4, "text": 5}, '"text" is a JSON number, not a string'),
    ({"id": 5, "text": ["a"]}, '"text" is a JSON array, not a string'),
])
def test_bad_records_get_an_error(record, message):
    r = process_record(record)
    assert list(r) == KEYS
    assert r["error"] == message
    assert r["markdown"] is None and r["findings"] == []
    assert r["id"] == (record.get("id") if isinstance(record, dict) else None)


def test_text_over_the_limit_is_an_error():
    r = process_record({"id": "big", "text": "kata " * 300_000}, BatchOptions(max_bytes=1048576))
    assert r["id"] == "big"
    assert r["error"].startswith("text too large (1.4 MB > 1 MB; raise the limit with --max-size MB)")


def test_a_bug_in_a_stage_is_one_record_error_not_a_crash(monkeypatch):
    import modulfix.pipeline

    def boom(*args, **kwargs):
        raise ValueError("stage broke")

    monkeypatch.setattr(modulfix.pipeline, "clean_document", boom)
    r = process_record({"id": 9, "text": PAGE})
    assert r["error"] == "internal error: ValueError: stage broke (please report this)"
    assert r["id"] == 9


@pytest.mark.parametrize("line, message", [
    (b"{not json", "line 4: not valid JSON (Expecting property name enclosed in double quotes)"),
    (b'{"id": 1, "text": "a"', "line 4: not valid JSON (Expecting ',' delimiter)"),
    (b'{"id": 1, "text": "\xff"}', "line 4: not valid UTF-8 (byte offset 19)"),
    (b"[" * 100_000 + b"]" * 100_000, "line 4: not valid JSON (nested too deeply)"),
    (b'{"id": 2}', 'line 4: no "text"'),
])
def test_bad_lines_name_their_line(line, message):
    assert process_line(line, 4)["error"] == message


def test_lone_surrogate_and_unicode_survive():
    r = process_line('{"id": "ü", "text": "Kata \\ud800 dan é."}', 1)
    out = batch.dumps(r)
    out.encode("utf-8")  # valid UTF-8
    assert json.loads(out)["id"] == "ü"


# ---------------------------------------------------------------- streams

def test_output_is_one_record_per_input_record_in_order():
    data = jsonl({"id": 1, "text": PAGE}, b"", b"   ", b"oops", {"id": 2, "text": "Dimana rumahnya?"},
                 {"id": 3})
    out, stats = run_bytes(data)
    assert [r["id"] for r in out] == [1, None, 2, 3]
    assert [r["error"] is None for r in out] == [True, False, True, False]
    assert out[1]["error"].startswith("line 4: not valid JSON")  # blank lines count as lines
    assert out[3]["error"] == 'line 6: no "text"'
    assert (stats.records, stats.errors) == (4, 2)


def test_bom_and_missing_final_newline():
    data = b"\xef\xbb\xbf" + jsonl({"id": 1, "text": "Satu."}) + json.dumps({"id": 2, "text": "Dua."}).encode()
    out, stats = run_bytes(data)
    assert [r["id"] for r in out] == [1, 2] and stats.errors == 0


def test_an_overlong_line_is_skipped_without_keeping_it():
    huge = json.dumps({"id": "huge", "text": "kata " * 400_000}).encode()  # 2 MB
    data = jsonl({"id": 1, "text": "Satu."}, huge, {"id": 3, "text": "Tiga."})
    items = list(read_lines(io.BytesIO(data), 1048576))
    assert [n for n, _, _ in items] == [1, 2, 3]
    assert items[1][1] is None and items[1][2].startswith("line 2: record too large (")
    out, stats = run_bytes(data, max_bytes=1048576)
    assert [r["id"] for r in out] == [1, None, 3]
    assert "raise the limit with --max-size MB" in out[1]["error"]


def test_results_are_written_while_the_input_is_still_being_read():
    n = batch.CHUNK_RECORDS * 3
    data = jsonl(*({"id": i, "text": f"Kalimat nomor {i}."} for i in range(n)))

    class Tracking(io.BytesIO):
        lines_read = 0

        def readline(self, *args):
            line = super().readline(*args)
            Tracking.lines_read += bool(line)
            return line

    seen_at_first_write: list[int] = []

    class Out(io.BytesIO):
        def write(self, b):
            if not seen_at_first_write:
                seen_at_first_write.append(Tracking.lines_read)
            return super().write(b)

    out = Out()
    run(Tracking(data), out)
    assert seen_at_first_write[0] < n
    assert len(out.getvalue().splitlines()) == n


def test_jobs_do_not_change_the_output():
    pages = [{"id": p.stem, "text": p.read_text(encoding="utf-8")} for p in sorted(CORPUS.glob("*.txt"))]
    data = jsonl(*pages, b"broken", *pages[:2])
    one, _ = run_bytes(data, jobs=1)
    two, stats = run_bytes(data, jobs=2)
    assert one == two
    assert len(two) == len(pages) + 3 and stats.errors == 1


def test_unreadable_input_and_unwritable_output_are_one_line_errors():
    from modulfix.errors import InputError, OutputError

    class BadIn(io.BytesIO):
        def readline(self, *args):
            raise OSError(5, "Input/output error")

    class BadOut(io.BytesIO):
        def write(self, b):
            raise OSError(28, "No space left on device")

    with pytest.raises(InputError, match=r"^in.jsonl: cannot read \(Input/output error\)$"):
        run(BadIn(b""), io.BytesIO(), in_name="in.jsonl")
    with pytest.raises(OutputError, match=r"^out.jsonl: cannot write \(No space left on device\)$"):
        run(io.BytesIO(jsonl({"id": 1, "text": "Satu."})), BadOut(), out_name="out.jsonl")


# ---------------------------------------------------------------- the command

def test_cli_file_to_file(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_bytes(jsonl({"id": "a", "text": PAGE}, {"id": "b"}))
    dst = tmp_path / "out.jsonl"
    code = main(["batch", str(src), "-o", str(dst), "--jobs", "1"])
    out, err = capsys.readouterr()
    assert code == EXIT_OK and out == ""
    assert err == 'modulfix: 1 of 2 records could not be processed (see their "error")\n'
    got = results(dst.read_bytes())
    assert [r["id"] for r in got] == ["a", "b"] and got[0]["title"] == "Peran Pekerja Sosial"


def test_cli_stdin_to_stdout_check_only(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", FakeStdin(jsonl({"id": 1, "text": "Masyarakat desa merupaka kelompok."})))
    code = main(["batch", "--check-only"])
    out, err = capsys.readouterr()
    assert code == EXIT_OK and err == ""
    (r,) = [json.loads(line) for line in out.splitlines()]
    assert r["markdown"] is None and [f["text"] for f in r["findings"]] == ["merupaka"]


@pytest.mark.parametrize("argv, code, message", [
    (["batch", "{tmp}/missing.jsonl"], EXIT_INPUT, "{tmp}/missing.jsonl: no such file"),
    (["batch", "{tmp}"], EXIT_INPUT, "{tmp}: is a directory (give a JSON Lines file)"),
    (["batch", "{tmp}/in.jsonl", "-o", "{tmp}/in.jsonl"], EXIT_USAGE,
     "{tmp}/in.jsonl: refusing to overwrite the input {tmp}/in.jsonl"),
    (["batch", "{tmp}/in.jsonl", "-o", "{tmp}/no/such/dir/out.jsonl"], EXIT_OUTPUT,
     "{tmp}/no/such/dir/out.jsonl: cannot write (No such file or directory)"),
    (["batch", "--jobs", "-1", "{tmp}/in.jsonl"], EXIT_USAGE, None),
])
def test_cli_errors(tmp_path, capsys, argv, code, message):
    (tmp_path / "in.jsonl").write_bytes(jsonl({"id": 1, "text": "Satu."}))
    before = (tmp_path / "in.jsonl").read_bytes()
    assert main([a.format(tmp=tmp_path) for a in argv]) == code
    out, err = capsys.readouterr()
    assert out == "" and "Traceback" not in err and len(err.splitlines()) == 1
    if message:
        assert err == f"modulfix: {message.format(tmp=tmp_path)}\n"
    assert (tmp_path / "in.jsonl").read_bytes() == before


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_closed_pipe_ends_the_run_quietly(tmp_path, jobs):
    import os
    import subprocess

    src = tmp_path / "in.jsonl"
    src.write_bytes(jsonl(*({"id": i, "text": f"Kalimat nomor {i} merupaka contoh."} for i in range(400))))
    proc = subprocess.Popen([sys.executable, "-m", "modulfix", "batch", "--jobs", jobs, str(src)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=dict(os.environ))
    assert proc.stdout.read(100)  # like `| head -c 100`
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == EXIT_OK, err
    assert err == ""
