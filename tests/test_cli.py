"""The command line, run in-process through ``main(argv)`` (plus one real subprocess).

Every test checks the documented exit code (see :mod:`modulfix.errors`) and what goes
to stdout / stderr; error cases also check that the message is one ``modulfix: `` line
without a traceback and that the input was not touched.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from modulfix.cli import main
from modulfix.errors import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, EXIT_USAGE

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SAMPLE = CORPUS / "pendampingan-sosial.txt"

TYPO_LINE = "Masyarakat desa merupaka kelompok yang kuat.\n"
CLEAN_LINE = "Masyarakat desa merupakan kelompok yang kuat.\n"
JSON_KEYS = {"path", "line", "column", "end_line", "end_column", "text", "rule", "severity",
             "message", "suggestions", "fix"}


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def col_of(line: str, word: str) -> int:
    """1-based column of ``word`` in ``line``, counted in code points."""
    return line.index(word) + 1


def assert_one_error_line(err: str) -> None:
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("modulfix: "), err


class FakeStdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


@pytest.fixture
def typo_file(tmp_path: Path) -> Path:
    p = tmp_path / "typo.txt"
    p.write_text(TYPO_LINE, encoding="utf-8")
    return p


# ---------------------------------------------------------------- clean
def test_clean_sample_to_stdout(capsys):
    code, out, err = run(capsys, "clean", str(SAMPLE))
    assert code == EXIT_OK
    assert out.startswith("---\ntitle: MATERI PENDAMPINGAN SOSIAL")
    assert "Traceback" not in err


def test_clean_output_file_prints_nothing(capsys, tmp_path):
    out_md = tmp_path / "out.md"
    code, out, err = run(capsys, "clean", str(SAMPLE), "-o", str(out_md))
    assert code == EXIT_OK
    assert out == ""
    assert out_md.read_text(encoding="utf-8").startswith("---\ntitle: MATERI PENDAMPINGAN SOSIAL")
    # stdout and -o give the same Markdown
    _, again, _ = run(capsys, "clean", str(SAMPLE))
    assert again == out_md.read_text(encoding="utf-8")


def test_clean_several_inputs_need_out_dir(capsys, tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(CLEAN_LINE, encoding="utf-8")
    b.write_text(CLEAN_LINE, encoding="utf-8")
    code, out, err = run(capsys, "clean", str(a), str(b))
    assert code == EXIT_USAGE
    assert out == ""
    assert_one_error_line(err)


def test_clean_out_dir_writes_one_file_per_input(capsys, tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Judul A\n\n" + CLEAN_LINE, encoding="utf-8")
    b.write_text("Judul B\n\n" + CLEAN_LINE, encoding="utf-8")
    out_dir = tmp_path / "out"
    code, out, err = run(capsys, "clean", str(a), str(b), "--out-dir", str(out_dir))
    assert code == EXIT_OK
    assert out == ""
    assert sorted(os.listdir(out_dir)) == ["a.md", "b.md"]
    for name in ("a.md", "b.md"):
        text = (out_dir / name).read_text(encoding="utf-8")
        assert text.startswith("---\n")
        assert "Masyarakat desa merupakan" in text


def test_clean_output_same_as_input_refused(capsys, tmp_path):
    x = tmp_path / "x.txt"
    x.write_text(TYPO_LINE, encoding="utf-8")
    before = x.read_bytes()
    code, out, err = run(capsys, "clean", str(x), "-o", str(x))
    assert code == EXIT_USAGE
    assert_one_error_line(err)
    assert x.read_bytes() == before


def test_clean_output_same_as_input_via_other_spelling_refused(capsys, tmp_path, monkeypatch):
    x = tmp_path / "x.txt"
    x.write_text(TYPO_LINE, encoding="utf-8")
    before = x.read_bytes()
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "clean", "x.txt", "-o", str(x))
    assert code == EXIT_USAGE
    assert_one_error_line(err)
    assert x.read_bytes() == before


def test_clean_stdin(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", FakeStdin(SAMPLE.read_bytes()))
    code, out, err = run(capsys, "clean", "-")
    assert code == EXIT_OK
    assert out.startswith("---\ntitle: MATERI PENDAMPINGAN SOSIAL")


def test_clean_comments_report_goes_to_stderr(capsys):
    code, out, err = run(capsys, "clean", str(SAMPLE), "--comments", "report")
    assert code == EXIT_OK
    assert "PEUBI" in err
    assert "PEUBI" not in out
    assert "Traceback" not in err
    # default: dropped everywhere
    code, out, err = run(capsys, "clean", str(SAMPLE))
    assert "PEUBI" not in out and "PEUBI" not in err


def test_clean_comments_report_to_file(capsys, tmp_path):
    report = tmp_path / "comments.md"
    code, out, err = run(capsys, "clean", str(SAMPLE), "--comments", "report",
                         "--comments-file", str(report))
    assert code == EXIT_OK
    assert "PEUBI" in report.read_text(encoding="utf-8")
    assert "PEUBI" not in out and "PEUBI" not in err


def test_clean_comments_keep(capsys):
    code, out, err = run(capsys, "clean", str(SAMPLE), "--comments", "keep")
    assert code == EXIT_OK
    assert "## Komentar" in out
    assert "PEUBI" in out.split("## Komentar", 1)[1]


# ---------------------------------------------------------------- check
def test_check_typo_text_format(capsys, typo_file):
    code, out, err = run(capsys, "check", str(typo_file))
    assert code == EXIT_FINDINGS
    col = col_of(TYPO_LINE, "merupaka")
    assert col == 17
    assert f"{typo_file}:1:{col}: typo " in out
    assert "merupakan" in out
    assert err == ""


def test_check_clean_text(capsys, tmp_path):
    p = tmp_path / "ok.txt"
    p.write_text(CLEAN_LINE, encoding="utf-8")
    code, out, err = run(capsys, "check", str(p))
    assert code == EXIT_OK
    assert out == ""
    assert err == ""


def test_check_json(capsys, typo_file):
    code, out, err = run(capsys, "check", "--format", "json", str(typo_file))
    assert code == EXIT_FINDINGS
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == 1
    rec = records[0]
    assert JSON_KEYS <= set(rec)
    col = col_of(TYPO_LINE, "merupaka")
    assert rec["path"] == str(typo_file)
    assert (rec["line"], rec["column"]) == (1, col)
    assert (rec["end_line"], rec["end_column"]) == (1, col + len("merupaka"))
    assert rec["text"] == "merupaka"
    assert TYPO_LINE[rec["column"] - 1:rec["end_column"] - 1] == rec["text"]
    assert rec["rule"] == "typo"
    assert rec["severity"] == "error"
    assert "merupakan" in rec["suggestions"]
    assert rec["fix"] == "merupakan"


def test_check_columns_in_code_points(capsys, tmp_path):
    line = "\u201c\u00c9e\u0301\u201d merupaka\n"  # curly quotes, precomposed and combining accents
    p = tmp_path / "u.txt"
    p.write_bytes(line.encode("utf-8"))
    code, out, _ = run(capsys, "check", "--format", "json", str(p))
    assert code == EXIT_FINDINGS
    rec = json.loads(out.splitlines()[0])
    col = col_of(line, "merupaka")
    assert col == 7  # not the byte offset (12) nor the grapheme count (5)
    assert rec["column"] == col
    assert rec["end_column"] == col + len("merupaka")
    code, out, _ = run(capsys, "check", str(p))
    assert f"{p}:1:{col}: typo " in out


def test_check_column_on_later_line(capsys, tmp_path):
    text = CLEAN_LINE + "Éé " + TYPO_LINE
    p = tmp_path / "two.txt"
    p.write_text(text, encoding="utf-8")
    code, out, _ = run(capsys, "check", str(p))
    assert code == EXIT_FINDINGS
    assert f"{p}:2:{col_of('Éé ' + TYPO_LINE, 'merupaka')}: typo " in out


def test_check_fail_on_never(capsys, typo_file):
    code, out, _ = run(capsys, "check", "--fail-on", "never", str(typo_file))
    assert code == EXIT_OK
    assert "typo" in out


def test_check_min_severity_error_hides_nothing_for_typo(capsys, typo_file):
    code, out, _ = run(capsys, "check", "--min-severity", "error", str(typo_file))
    assert code == EXIT_FINDINGS
    assert ": typo " in out


def test_check_directory_recurses_sorted(capsys, tmp_path):
    root = tmp_path / "d"
    (root / "sub").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "b.txt").write_text(TYPO_LINE, encoding="utf-8")
    (root / "a.md").write_text(TYPO_LINE, encoding="utf-8")
    (root / "sub" / "c.txt").write_text(TYPO_LINE, encoding="utf-8")
    (root / "ignored.bin").write_text(TYPO_LINE, encoding="utf-8")
    (root / ".hidden" / "h.txt").write_text(TYPO_LINE, encoding="utf-8")
    code, out, err = run(capsys, "check", str(root))
    assert code == EXIT_FINDINGS
    paths = [line.split(":1:", 1)[0] for line in out.splitlines()]
    expected = [str(root / "a.md"), str(root / "b.txt"), str(root / "sub" / "c.txt")]
    assert paths == expected


def test_check_stdin(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", FakeStdin(TYPO_LINE.encode("utf-8")))
    code, out, _ = run(capsys, "check", "-")
    assert code == EXIT_FINDINGS
    assert out.startswith(f"<stdin>:1:{col_of(TYPO_LINE, 'merupaka')}: typo ")


def test_check_stdin_json_path(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", FakeStdin(TYPO_LINE.encode("utf-8")))
    code, out, _ = run(capsys, "check", "--format", "json", "-")
    assert code == EXIT_FINDINGS
    assert json.loads(out.splitlines()[0])["path"] == "<stdin>"


# ---------------------------------------------------------------- fix
def test_fix_prints_corrected_text(capsys, tmp_path):
    text = "Judul\n\n  " + TYPO_LINE.rstrip("\n") + "   \n\tbaris  kedua\n"
    p = tmp_path / "f.txt"
    p.write_text(text, encoding="utf-8")
    before = p.read_bytes()
    code, out, err = run(capsys, "fix", str(p))
    assert code == EXIT_OK
    assert out == text.replace("merupaka ", "merupakan ")
    assert out.count("\n") == text.count("\n")
    assert p.read_bytes() == before


def test_fix_diff(capsys, typo_file):
    before = typo_file.read_bytes()
    code, out, _ = run(capsys, "fix", "--diff", str(typo_file))
    assert code == EXIT_OK
    assert f"--- a/{typo_file}" in out
    assert f"+++ b/{typo_file}" in out
    assert "-" + TYPO_LINE in out
    assert "+" + CLEAN_LINE in out
    assert typo_file.read_bytes() == before


def test_fix_write_in_place(capsys, typo_file):
    code, out, _ = run(capsys, "fix", "--write", str(typo_file))
    assert code == EXIT_OK
    assert out == ""
    assert typo_file.read_text(encoding="utf-8") == CLEAN_LINE
    # a second run finds nothing to fix
    assert run(capsys, "check", str(typo_file))[0] == EXIT_OK


def test_fix_write_keeps_crlf_and_bom(capsys, tmp_path):
    p = tmp_path / "crlf.txt"
    body = "Judul\r\n" + TYPO_LINE.replace("\n", "\r\n") + "Akhir.\r\n"
    p.write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8"))
    code, _, err = run(capsys, "fix", "-w", str(p))
    assert code == EXIT_OK
    assert p.read_bytes() == b"\xef\xbb\xbf" + body.replace("merupaka ", "merupakan ").encode("utf-8")


def test_fix_several_files_need_write_or_diff(capsys, tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(TYPO_LINE, encoding="utf-8")
    b.write_text(TYPO_LINE, encoding="utf-8")
    code, out, err = run(capsys, "fix", str(a), str(b))
    assert code == EXIT_USAGE
    assert out == ""
    assert_one_error_line(err)
    assert a.read_text(encoding="utf-8") == TYPO_LINE
    assert b.read_text(encoding="utf-8") == TYPO_LINE


def test_fix_write_stdin_refused(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", FakeStdin(TYPO_LINE.encode("utf-8")))
    code, out, err = run(capsys, "fix", "--write", "-")
    assert code == EXIT_USAGE
    assert_one_error_line(err)


# ---------------------------------------------------------------- explain / trace
def test_explain_rule(capsys):
    code, out, _ = run(capsys, "explain", "typo")
    assert code == EXIT_OK
    assert "What it does" in out
    assert "Fix safety" in out


def test_explain_unknown_rule(capsys):
    code, out, err = run(capsys, "explain", "nosuchrule")
    assert code == EXIT_USAGE
    assert out == ""
    assert_one_error_line(err)


def test_explain_list(capsys):
    code, out, _ = run(capsys, "explain", "--list")
    assert code == EXIT_OK
    ids = [line.split()[0] for line in out.splitlines()]
    assert "typo" in ids and "affix-melting" in ids
    assert len(ids) == len(set(ids))


def test_trace(capsys):
    code, out, _ = run(capsys, "trace", "mengkoordinasikan")
    assert code == EXIT_OK
    assert "affix-melting" in out
    assert "mengoordinasikan" in out


# ---------------------------------------------------------------- bad input
@pytest.mark.parametrize("cmd", ["clean", "check", "fix"])
def test_missing_file(capsys, tmp_path, cmd):
    code, out, err = run(capsys, cmd, str(tmp_path / "nope.txt"))
    assert code == EXIT_INPUT
    assert out == ""
    assert_one_error_line(err)


def test_clean_directory(capsys, tmp_path):
    code, out, err = run(capsys, "clean", str(tmp_path))
    assert code == EXIT_INPUT
    assert out == ""
    assert_one_error_line(err)
    assert os.listdir(tmp_path) == []


def test_empty_file(capsys, tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    code, out, err = run(capsys, "clean", str(p))
    assert code == EXIT_OK
    assert "Traceback" not in err
    assert out == "" or out.startswith("---\n")
    code, out, err = run(capsys, "check", str(p))
    assert (code, out, err) == (EXIT_OK, "", "")
    code, out, err = run(capsys, "fix", str(p))
    assert (code, out) == (EXIT_OK, "")
    assert p.read_bytes() == b""


@pytest.mark.parametrize("cmd", ["clean", "check", "fix"])
def test_binary_file(capsys, tmp_path, cmd):
    p = tmp_path / "blob.txt"
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    p.write_bytes(data)
    code, out, err = run(capsys, cmd, str(p))
    assert code == EXIT_INPUT
    assert out == ""
    assert_one_error_line(err)
    assert "binary" in err
    assert p.read_bytes() == data


def test_binary_file_with_write(capsys, tmp_path):
    p = tmp_path / "blob.txt"
    data = b"abc\x00def" * 100
    p.write_bytes(data)
    code, _, err = run(capsys, "fix", "--write", str(p))
    assert code == EXIT_INPUT
    assert_one_error_line(err)
    assert p.read_bytes() == data


def test_invalid_utf8_decoded_as_cp1252(capsys, tmp_path):
    p = tmp_path / "latin.txt"
    data = b"Masyarakat caf\xe9 merupakan\n"
    p.write_bytes(data)
    code, out, err = run(capsys, "clean", str(p))
    assert code == EXIT_OK
    assert "not valid UTF-8" in err
    assert "Traceback" not in err
    assert "café" in out
    code, out, err = run(capsys, "check", str(p))
    assert code in (EXIT_OK, EXIT_FINDINGS)
    assert "not valid UTF-8" in err
    assert p.read_bytes() == data


def test_fix_write_keeps_cp1252_encoding(capsys, tmp_path):
    p = tmp_path / "latin.txt"
    p.write_bytes(b"caf\xe9 " + TYPO_LINE.encode("ascii"))
    code, _, _ = run(capsys, "fix", "--write", str(p))
    assert code == EXIT_OK
    assert p.read_bytes() == b"caf\xe9 " + CLEAN_LINE.encode("ascii")


@pytest.mark.parametrize("cmd", ["clean", "check", "fix"])
def test_too_large(capsys, tmp_path, cmd):
    p = tmp_path / "big.txt"
    p.write_bytes(b"kata " * 300_000)  # 1.5 MB
    code, out, err = run(capsys, cmd, "--max-size", "1", str(p))
    assert code == EXIT_INPUT
    assert out == ""
    assert_one_error_line(err)
    assert "too large" in err


def test_too_large_stdin(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", FakeStdin(b"kata " * 300_000))
    code, out, err = run(capsys, "check", "--max-size", "1", "-")
    assert code == EXIT_INPUT
    assert_one_error_line(err)
    assert "too large" in err


def test_long_single_line(capsys, tmp_path):
    p = tmp_path / "long.txt"
    p.write_text("kata " * 200_000, encoding="utf-8")
    code, _, err = run(capsys, "check", str(p))
    assert code in (EXIT_OK, EXIT_FINDINGS)
    assert "Traceback" not in err
    assert "internal error" not in err


@pytest.mark.parametrize("argv", [["check", "--no-such-option", "x"], ["--bogus"], ["nosuchcommand"],
                                  ["check"], ["check", "--format", "xml", "x"]])
def test_usage_errors(capsys, argv):
    code, out, err = run(capsys, *argv)
    assert code == EXIT_USAGE
    assert_one_error_line(err)


def test_version_and_help(capsys):
    code, out, _ = run(capsys, "--version")
    assert code == EXIT_OK and "modulfix" in out
    code, out, _ = run(capsys, "--help")
    assert code == EXIT_OK and "clean" in out and "check" in out


# ---------------------------------------------------------------- real process
def test_console_script_subprocess(tmp_path):
    p = tmp_path / "typo.txt"
    p.write_text(TYPO_LINE, encoding="utf-8")
    env = dict(os.environ)
    env.setdefault("MODULFIX_CACHE_DIR", str(tmp_path / "cache"))
    proc = subprocess.run([sys.executable, "-m", "modulfix", "check", str(p)],
                          capture_output=True, text=True, encoding="utf-8", env=env, timeout=120)
    assert proc.returncode == EXIT_FINDINGS, proc.stderr
    assert proc.stdout.startswith(f"{p}:1:{col_of(TYPO_LINE, 'merupaka')}: typo ")
    assert "Traceback" not in proc.stderr


def test_the_process_ends_with_every_line_written(tmp_path, capsys):
    """The command exits without tearing the interpreter down (modulfix.cli.run): what
    it printed through a pipe is all there, and the exit code is main()'s."""
    p = tmp_path / "many.txt"
    p.write_text((TYPO_LINE + "\n") * 3000, encoding="utf-8")
    code = main(["check", "--format", "json", str(p)])
    expected = capsys.readouterr().out
    env = dict(os.environ)
    env.setdefault("MODULFIX_CACHE_DIR", str(tmp_path / "cache"))
    proc = subprocess.run([sys.executable, "-m", "modulfix", "check", "--format", "json", str(p)],
                          capture_output=True, text=True, encoding="utf-8", env=env, timeout=120)
    assert (proc.returncode, proc.stdout) == (code, expected) and code == EXIT_FINDINGS
    assert len(expected.splitlines()) >= 3000


# ---------------------------------------------------------------- --out-dir safety
def test_clean_out_dir_does_not_clobber_a_later_input(capsys, tmp_path):
    d = tmp_path / "d"
    d.mkdir()
    (d / "a.txt").write_text("Judul\n\n" + CLEAN_LINE, encoding="utf-8")
    original = "Judul\n\nIsi asli a.md.\n"
    (d / "a.md").write_text(original, encoding="utf-8")
    code, _, err = run(capsys, "clean", str(d / "a.txt"), str(d / "a.md"), "--out-dir", str(d))
    assert code == EXIT_USAGE
    assert (d / "a.md").read_text(encoding="utf-8") == original


def test_clean_out_dir_name_collision_is_reported(capsys, tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    (tmp_path / "x" / "n.txt").write_text(CLEAN_LINE, encoding="utf-8")
    (tmp_path / "y" / "n.txt").write_text(TYPO_LINE, encoding="utf-8")
    code, _, _ = run(capsys, "clean", str(tmp_path / "x" / "n.txt"), str(tmp_path / "y" / "n.txt"),
                     "--out-dir", str(tmp_path / "out"))
    assert code == EXIT_USAGE
    assert not (tmp_path / "out").exists()
