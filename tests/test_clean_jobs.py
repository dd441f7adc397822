"""clean --jobs N: the same files and the same report as --jobs 1."""

from __future__ import annotations

import shutil
from pathlib import Path

from modulfix.cli import main

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def _run(tmp_path: Path, jobs: int, pages: list[Path], capsys) -> tuple[dict[str, bytes], str]:
    out = tmp_path / f"out{jobs}"
    report = tmp_path / f"report{jobs}.txt"
    code = main(["clean", "--out-dir", str(out), "--jobs", str(jobs), "--comments", "report",
                 "--comments-file", str(report), *map(str, pages)])
    assert code == 0, capsys.readouterr().err
    files = {p.name: p.read_bytes() for p in sorted(out.iterdir())}
    return files, report.read_text(encoding="utf-8")


def test_jobs_2_writes_what_jobs_1_writes(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    pages = []
    for p in sorted(CORPUS.glob("*.txt"))[:12]:
        shutil.copy(p, src / p.name)
        pages.append(src / p.name)
    one = _run(tmp_path, 1, pages, capsys)
    two = _run(tmp_path, 2, pages, capsys)
    assert len(one[0]) == len(pages)
    assert one == two


def test_jobs_error_in_one_input_is_one_line(tmp_path, capsys):
    good = tmp_path / "a.txt"
    good.write_text("Judul\n\nIsi halaman yang baik.\n", encoding="utf-8")
    code = main(["clean", "--out-dir", str(tmp_path / "o"), "--jobs", "2", str(good), str(tmp_path / "missing.txt")])
    err = capsys.readouterr().err
    assert code == 3 and "missing.txt" in err and "Traceback" not in err


def test_jobs_an_output_that_cannot_be_written_is_one_line(tmp_path, capsys):
    pages = []
    for name in ("a.txt", "b.txt", "c.txt"):
        page = tmp_path / name
        page.write_text("Judul\n\nIsi halaman yang baik.\n", encoding="utf-8")
        pages.append(str(page))
    out = tmp_path / "o"
    out.mkdir()
    (out / "b.md").mkdir()  # a directory where b's Markdown should go: the worker cannot write it
    code = main(["clean", "--out-dir", str(out), "--jobs", "2", *pages])
    err = capsys.readouterr().err
    assert code == 4 and "b.md" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert (out / "a.md").read_text(encoding="utf-8").startswith("---\n")
