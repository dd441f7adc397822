"""A file checked in pieces gives exactly the findings of the whole-file run.

Findings, their line/column positions, baseline keys and the count of suppressed ones
are compared for the same text read whole and read in pieces of many sizes (down to one
line per piece), including the document-level state a piece cannot see by itself:
directives that span pieces, names defined only in a later piece, code fences, front
matter and HTML comments that cross a piece boundary. The CLI tests lower the size
from which ``check`` streams (``MODULFIX_STREAM_BYTES``) and check that it streams.
"""

from __future__ import annotations

import json
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from modulfix import checkrun, directives, streamcheck
from modulfix.checking import CommentScanner, FileSettings, _HTML_COMMENT, check_source
from modulfix.cli import main
from modulfix.document import Document
from modulfix.ingest import Source

SIZES = (1, 30, 200, 10_000)


def whole(text: str, settings: FileSettings) -> streamcheck.Checked:
    res = check_source(Source("t.md" if settings.markdown else "t.txt", text), settings)
    return streamcheck.checked_whole(text, res.findings, res.doc, res.suppressed)


def per_piece(parts):
    """The names pass as the workers do it: a counter per piece, merged in order."""
    return map(streamcheck.count_names, parts)


def in_pieces(path, settings: FileSettings, size: int, count=None) -> tuple[streamcheck.Checked, int]:
    tf = streamcheck.open_text(str(path), str(path))
    out = streamcheck.Checked([], [], [], 0)
    n = 0
    for piece in streamcheck.open_pieces(tf, settings, size, count):
        got = streamcheck.check_piece(piece, settings)
        out.findings += got.findings
        out.positions += got.positions
        out.keys += got.keys
        out.suppressed += got.suppressed
        n += 1
    return out, n


def same(checked: streamcheck.Checked, other: streamcheck.Checked) -> bool:
    return (checked.findings, checked.positions, checked.keys, checked.suppressed) == \
        (other.findings, other.positions, other.keys, other.suppressed)


def assert_same_in_pieces(tmp_path, text: str, settings: FileSettings, min_pieces: int = 2) -> streamcheck.Checked:
    path = tmp_path / ("t.md" if settings.markdown else "t.txt")
    path.write_text(text, encoding="utf-8", newline="")
    ref = whole(text, settings)
    for size in SIZES:
        got, n = in_pieces(path, settings, size)
        assert same(got, ref), f"piece size {size}"
        if size == 1:
            assert n >= min_pieces
        assert same(in_pieces(path, settings, size, per_piece)[0], ref), f"piece size {size}, names per piece"
    return ref


FILLER = "Masyarakat desa bekerja bersama di ladang.\n" * 5


def test_a_name_defined_only_in_a_later_piece(tmp_path):
    text = "Kemarin Kabupatn datang ke desa.\n\n" + FILLER + "\nMereka bertemu Kabupatn di pasar.\n"
    ref = assert_same_in_pieces(tmp_path, text, FileSettings(), min_pieces=5)
    assert [f.text for f in ref.findings] == []  # written twice, capitalised: a name
    once = "Kemarin Kabupatn datang ke desa.\n\n" + FILLER
    assert [f.text for f in assert_same_in_pieces(tmp_path, once, FileSettings()).findings] == ["Kabupatn"]
    lower = text + "\nkabupatn juga.\n"  # written in lowercase too: not a name
    assert "Kabupatn" in [f.text for f in assert_same_in_pieces(tmp_path, lower, FileSettings()).findings]


def test_a_word_hyphenated_across_a_piece_boundary(tmp_path):
    text = "Metode ini memberi kesem-\npatan untuk berlatih.\nLalu kesem-\npatn baru.\n" * 3
    got = assert_same_in_pieces(tmp_path, text, FileSettings())
    assert [f.text for f in got.findings] == ["kesem", "patn"] * 3


def test_directives_spanning_pieces(tmp_path):
    text = ("Desa merupaka kelompok.\n<!-- modulfix: off -->\n" + FILLER + "Desa merupaka kelompok.\n"
            "<!-- modulfix:\n  on -->\nDesa merupaka lagi.\n<!-- modulfix: disable=typo -->\n" + FILLER
            + "merupaka\n<!--\nmodulfix: enable=typo\n-->\nmerupaka dan <!-- modulfix: ignore merupaka --> merupaka\n"
            "<!-- modulfix: ignore-next-line -->\nmerupaka\n<!-- modulfix: no-such\nthing\n-->\n"
            "<!-- modulfix: disable=no-such-rule -->\nmerupaka [sic] ya\n")
    for md in (False, True):
        ref = assert_same_in_pieces(tmp_path, text, FileSettings(markdown=md), min_pieces=20)
        assert [f.rule for f in ref.findings].count("directive") == 2
        assert ref.suppressed >= 5
        problem = next(f for f, p in zip(ref.findings, ref.positions) if f.rule == "directive")
        assert "\n" in problem.text  # one directive comment spread over three lines (and pieces)


def test_markdown_fences_front_matter_and_comments_crossing_pieces(tmp_path):
    text = ("---\ntitle: merupaka\ntags:\n  - merupaka\n---\n" + FILLER + "```\nmerupaka di dalam kode\n" + FILLER
            + "```\nDesa merupaka kelompok.\n~~~~\nmerupaka\n~~~\nmerupaka\n~~~~\nDi luar merupaka.\n"
            "<!-- sebuah\nkomentar merupaka\n" + FILLER
            + "-->\nmerupaka `merupaka` akhir.\n<!-- tak tertutup\nmerupaka\n")
    ref = assert_same_in_pieces(tmp_path, text, FileSettings(markdown=True), min_pieces=20)
    assert [p[0] for f, p in zip(ref.findings, ref.positions) if f.text == "merupaka"] == [19, 25, 34]
    plain = assert_same_in_pieces(tmp_path, text, FileSettings(markdown=False))
    assert len(plain.findings) > len(ref.findings)
    settings = FileSettings(markdown=True, skip_code=False, skip_front_matter=False, skip_html_comments=False,
                            allow=frozenset({"kelompok"}), corrections=(("desa", "Desa"),))
    assert_same_in_pieces(tmp_path, text, settings)


WORDS = ("Desa merupaka kelompok yang kuat dimana pun . , Kabupatn Aslim aslim di lakukan dari dari anak2 "
         "mengkoordinasikan Pelatihan daring [sic] ``` ~~~ --- ... `kode` <!-- --> <!-- modulfix: off --> "
         "<!-- modulfix: on --> <!-- modulfix: ignore merupaka --> <!-- modulfix: ignore-next-line --> "
         "<!-- modulfix: disable=typo --> <!-- modulfix: enable=typo --> <!-- modulfix: bogus --> "
         "<!-- modulfix:\n off --> <!--\nmodulfix: disable=nope --> Ia melakkan Jakarta jakarta http://x.id").split(" ")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from([" ", " ", "", "\n", "\n\n", "\n    "])),
                max_size=80),
       st.booleans(), st.booleans(), st.booleans())
def test_any_text_in_pieces_as_whole(tmp_path_factory, parts, md, front, html):
    text = ("---\na: b\n---\n" if front else "") + "".join(w + sep for w, sep in parts)
    settings = FileSettings(markdown=md, skip_html_comments=html, corrections=(("daring", "dalam jaringan"),),
                            allow=frozenset({"aslim"}))
    assert_same_in_pieces(tmp_path_factory.mktemp("t"), text, settings, min_pieces=1)


def _split(text: str, rnd: random.Random) -> list[str]:
    cuts = sorted(rnd.sample([i + 1 for i, c in enumerate(text) if c == "\n"], k=rnd.randint(0, text.count("\n"))))
    return [text[a:b] for a, b in zip([0] + cuts, cuts + [len(text)])]


def test_directive_scanner_equals_parse_for_any_split():
    rnd = random.Random(6)
    parts = ["<!--", "-->", " ", "\n", "modulfix", ":", " off ", " on ", "ignore kata", "ignore-next-line",
             "disable=typo", "enable=typo", "disable=nope", "kata", "[sic]", "x", "<!-- modulfix: off -->"]
    for _ in range(3000):
        text = "".join(rnd.choice(parts) for _ in range(rnd.randint(0, 30)))
        ref = directives.parse(text)
        pieces = _split(text, rnd)
        scanner = directives.Scanner()
        comments = CommentScanner()
        for n, piece in enumerate(pieces):
            scanner.feed(piece, final=n == len(pieces) - 1)
            comments.feed(piece)
        got = scanner.finish()
        assert (got.ignore_words, sorted(got.off), sorted(got.disabled), got.sic, got.comments, got.problems) == \
            (ref.ignore_words, sorted(ref.off), sorted(ref.disabled), ref.sic, ref.comments, ref.problems), text
        doc = Document(text)
        for f in got.problems:
            assert (scanner.positions[f.start], scanner.positions[f.end]) == \
                (doc.position(f.start), doc.position(f.end))
        assert comments.finish() == [m.span() for m in _HTML_COMMENT.finditer(text)]


# ---------------------------------------------------------------- the CLI streams large inputs
TEXT = ("---\njudul: Modul\n---\nKemarin Kabupatn datang ke desa.\n\n" + FILLER * 3
        + "<!-- modulfix: disable=typo -->\nDesa merupaka kelompok.\n<!-- modulfix: enable=typo -->\n"
        + "```\nmerupaka\n" + FILLER + "```\n" + "Desa merupaka kelompok yang kuat dimana pun.\n" * 3
        + "Mereka bertemu Kabupatn di pasar.\n<!-- modulfix: bogus\n-->\nanak2 dari dari sini.\n")


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def streamed(monkeypatch):
    """Count the files ``check`` reads in pieces."""
    calls = []
    real = checkrun.open_pieces

    def spy(tf, settings, size=None, count=None):
        calls.append(tf.shown)
        return real(tf, settings, size, count)

    monkeypatch.setattr(checkrun, "open_pieces", spy)
    return calls


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_check_streams_large_files_with_the_same_output(capsys, tmp_path, monkeypatch, streamed, fmt):
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXT, encoding="cp1252")
    (tmp_path / "small.txt").write_text("Desa merupaka.\n", encoding="utf-8")
    argv = ["check", "--format", fmt, "--min-severity", "info", "a.md", "b.txt", "small.txt"]
    monkeypatch.setenv("MODULFIX_STREAM_BYTES", str(10**9))
    ref = run(capsys, *argv)
    assert streamed == [] and ref[0] == 1
    monkeypatch.setenv("MODULFIX_STREAM_BYTES", "100")
    monkeypatch.setenv("MODULFIX_PIECE_CHARS", "64")
    for jobs in ("1", "2"):
        assert run(capsys, *argv, "--jobs", jobs) == ref
    assert streamed == ["a.md", "b.txt"] * 2
    if fmt == "sarif":
        json.loads(ref[1])


def test_check_streams_stdin_and_keeps_limits(capsys, tmp_path, monkeypatch, streamed):
    import io
    import sys

    def stdin(data: bytes):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))

    data = TEXT.encode("cp1252")
    monkeypatch.setenv("MODULFIX_STREAM_BYTES", str(10**9))
    stdin(data)
    ref = run(capsys, "check", "--format", "json", "--stdin-filename", "x.md", "-")
    assert "not valid UTF-8" not in ref[2] and ref[0] == 1
    monkeypatch.setenv("MODULFIX_STREAM_BYTES", "100")
    stdin(data)
    assert run(capsys, "check", "--format", "json", "--stdin-filename", "x.md", "-") == ref
    assert streamed == ["-"]
    big = b"kata " * 300_000  # 1.5 MB > --max-size 1
    stdin(big)
    code, _, err = run(capsys, "check", "--max-size", "1", "-")
    assert code == 3 and "<stdin>: too large (1.0 MB > 1 MB" in err


def test_streamed_decoding_is_the_whole_file_decoding(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "u16.txt").write_bytes("\ufeff".encode("utf-16-le") + TEXT.encode("utf-16-le"))
    (tmp_path / "bad.txt").write_bytes(TEXT.encode("utf-8") + b"\xff\xfe tail\n")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01" * 200)
    (tmp_path / "big.txt").write_bytes(b"kata " * 300_000)
    for argv in (["check", "u16.txt", "bad.txt", "bin.txt"], ["check", "--encoding", "ascii", "bad.txt"],
                 ["check", "--encoding", "nope", "bad.txt"], ["check", "--max-size", "1", "big.txt", "u16.txt"]):
        monkeypatch.setenv("MODULFIX_STREAM_BYTES", str(10**9))
        ref = run(capsys, *argv)
        monkeypatch.setenv("MODULFIX_STREAM_BYTES", "10")
        monkeypatch.setenv("MODULFIX_PIECE_CHARS", "50")
        assert run(capsys, *argv) == ref
        assert ref[0] == 3 and ref[2]


def test_baseline_and_fingerprints_over_pieces(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    base = tmp_path / "base.json"
    monkeypatch.setenv("MODULFIX_STREAM_BYTES", str(10**9))
    assert run(capsys, "baseline", "-o", str(base), "a.txt")[0] == 0
    recorded = base.read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(TEXT + "Desa merupaka kelompok yang kuat dimana pun.\n", encoding="utf-8")
    ref = run(capsys, "check", "--format", "json", "--baseline", str(base), "a.txt")
    assert len(ref[1].splitlines()) == 2  # the new line's two findings
    monkeypatch.setenv("MODULFIX_STREAM_BYTES", "10")
    monkeypatch.setenv("MODULFIX_PIECE_CHARS", "40")
    assert run(capsys, "check", "--format", "json", "--baseline", str(base), "a.txt") == ref
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    assert run(capsys, "baseline", "-o", str(base), "a.txt")[0] == 0
    assert base.read_text(encoding="utf-8") == recorded


def test_fix_to_stdout_in_pieces_is_the_whole_file_fix(capsys, tmp_path, monkeypatch):
    import io
    import sys

    streamed = []
    real = streamcheck.open_pieces
    monkeypatch.setattr(streamcheck, "open_pieces", lambda tf, *a: streamed.append(tf.shown) or real(tf, *a))

    monkeypatch.chdir(tmp_path)
    (tmp_path / "modulfix.toml").write_text('corrections = { daring = "dalam jaringan" }\nallow = ["aslim"]\n',
                                            encoding="utf-8")
    text = TEXT + "Pelatihan daring dengnan dengnan Aslim di lakukan.\n" + FILLER + "merupaka\n"
    (tmp_path / "a.md").write_text(text, encoding="cp1252")
    monkeypatch.setenv("MODULFIX_STREAM_BYTES", str(10**9))
    ref = run(capsys, "fix", "a.md")
    assert "dalam jaringan dengan Aslim dilakukan" in ref[1] and "not valid UTF-8" not in ref[2]
    monkeypatch.setenv("MODULFIX_STREAM_BYTES", "10")
    monkeypatch.setenv("MODULFIX_PIECE_CHARS", "30")
    assert run(capsys, "fix", "a.md") == ref
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("cp1252"))))
    assert run(capsys, "fix", "--stdin-filename", "a.md", "-") == ref
    assert streamed == ["a.md"] * 3 + ["-"] * 3  # dengnan dengnan -> dengan dengan -> dengan -> (no change)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_fix_write_in_pieces_is_the_whole_file_fix(capsys, tmp_path, monkeypatch, encoding):
    monkeypatch.chdir(tmp_path)
    text = TEXT + "Pelatihan daring dengnan dengnan di lakukan. Caf\u00e9\r\n" + FILLER
    data = text.encode(encoding)
    results = []
    for stream in (str(10**9), "10"):
        monkeypatch.setenv("MODULFIX_STREAM_BYTES", stream)
        monkeypatch.setenv("MODULFIX_PIECE_CHARS", "30")
        (tmp_path / "a.txt").write_bytes(data)
        (tmp_path / "clean.txt").write_text("Desa kita.\n", encoding="utf-8")
        results.append((run(capsys, "fix", "--write", "a.txt", "clean.txt"), (tmp_path / "a.txt").read_bytes()))
        assert (tmp_path / "clean.txt").read_text(encoding="utf-8") == "Desa kita.\n"
    assert results[0] == results[1]
    assert results[0][1] != data and results[0][1].startswith(data[:2])  # the same BOM (or none)


def test_check_uses_every_core_only_when_there_is_enough_to_check(tmp_path, monkeypatch):
    from modulfix.config import Config

    small = tmp_path / "small.txt"
    small.write_text("kata " * 100, encoding="utf-8")
    big = tmp_path / "big.txt"
    big.write_text("kata " * (checkrun.AUTO_JOBS_MIN_BYTES // 5 + 1), encoding="utf-8")
    monkeypatch.setattr(checkrun.os, "cpu_count", lambda: 4)
    cfg = Config()
    assert checkrun.auto_jobs(0, [checkrun.Target(str(small), cfg, "text")]) == 1
    assert checkrun.auto_jobs(0, [checkrun.Target(str(big), cfg, "text")]) == 4
    assert checkrun.auto_jobs(0, [checkrun.Target("-", cfg, "text")]) == 1
    assert checkrun.auto_jobs(3, [checkrun.Target(str(small), cfg, "text")]) == 3


def test_check_falls_back_to_one_process_when_workers_cannot_start(tmp_path, monkeypatch, capsys):
    import concurrent.futures

    def refuse(*args, **kwargs):
        raise OSError("no semaphores here")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", refuse)
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Kami tinggal dimana saja.\n", encoding="utf-8")
    code = main(["check", "--jobs", "2", str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
    out = capsys.readouterr().out
    assert code == 1 and out.count("preposition-joined") == 2
    code = main(["clean", "--jobs", "2", "--out-dir", str(tmp_path / "o"), str(tmp_path / "a.txt"),
                 str(tmp_path / "b.txt")])
    assert code == 0 and (tmp_path / "o" / "a.md").read_text(encoding="utf-8").count("di mana") == 1
