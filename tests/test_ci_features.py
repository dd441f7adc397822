"""Library-level tests of the CI features: globs, word lists, interactive review,
changed lines (a real git repository), baselines and directives edge cases."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys

import pytest

from modulfix.baseline import Baseline, fingerprints
from modulfix.checking import FileSettings, check_source
from modulfix.cli import main
from modulfix.config import glob_match
from modulfix.document import Finding
from modulfix.ingest import Source
from modulfix.interactive import Decision, review
from modulfix.words import merge

CFG = 'corrections = { daring = "dalam jaringan" }\n'


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("pattern, path, expected", [
    ("*.md", "a.md", True), ("*.md", "x/y/a.md", True), ("*.md", "a.mdx", False),
    ("draf/", "draf/a.md", True), ("draf/", "x/draf/a.md", True), ("draf", "draf/sub/a.md", True),
    ("/draf", "x/draf/a.md", False), ("x/draf", "x/draf/a.md", True), ("x/draf", "y/x/draf/a.md", False),
    ("**/*.old.md", "a.old.md", True), ("**/*.old.md", "p/q/a.old.md", True),
    ("modul/**", "modul/a/b.md", True), ("modul/**", "lain/modul.md", False),
    ("catatan-?.txt", "catatan-1.txt", True), ("catatan-?.txt", "catatan-10.txt", False),
    ("bab[12].md", "bab1.md", True), ("bab[!12].md", "bab1.md", False), ("./a.md", "a.md", True),
])
def test_glob_match(pattern, path, expected):
    assert glob_match(pattern, path) is expected


def test_words_merge_sorted_unique_header_kept():
    text, added = merge("# kata proyek\n\nzeta\nBeta  # nama\n", ["alfa", "beta", "Gamma", "alfa"])
    assert added == ["alfa", "Gamma"]
    assert text == "# kata proyek\nalfa\nBeta  # nama\nGamma\nzeta\n"
    again, none = merge(text, ["ZETA"])
    assert none == [] and again == text


def test_allowed_words_and_sic_and_directives_together():
    text = ("Kata merupaka salah. <!-- modulfix: ignore merupaka -->\n"
            "Kata merupaka [sic] benar.\n"
            "Kata merupaka lagi.\n")
    res = check_source(Source("a.md", text), FileSettings(markdown=True))
    assert [f.text for f in res.findings] == ["merupaka"]
    assert res.doc.position(res.findings[0].start)[0] == 3
    res = check_source(Source("a.md", text), FileSettings(markdown=True, allow=frozenset({"merupaka"})))
    assert res.findings == []


def test_directive_comment_text_is_never_checked():
    text = "<!-- modulfix: ignore kelompk -->\nMasyarakat desa merupakan kelompok yang kuat.\n"
    for path in ("a.md", "a.txt"):
        assert check_source(Source(path, text), FileSettings(markdown=path.endswith(".md"))).findings == []


def test_forced_correction_replaces_speller_finding_on_same_word():
    s = FileSettings(corrections=(("merupaka", "merupakan"),))
    res = check_source(Source("a.txt", "Desa merupaka kelompok.\n"), s)
    assert [(f.rule, f.fix) for f in res.findings] == [("forced-correction", "merupakan")]


def test_baseline_multiset_and_moves():
    text = "Satu merupaka dua.\nSatu merupaka dua.\n"
    res = check_source(Source("a.txt", text))
    assert len(res.findings) == 2
    fps = fingerprints(text, res.findings)
    assert len(set(fps)) == 2
    base = Baseline("/tmp/x/.modulfix-baseline.json")
    base.add("/tmp/x/a.txt", text, res.findings[:1])
    moved = "Judul\n\n" + text
    res2 = check_source(Source("a.txt", moved))
    left = base.filter("/tmp/x/a.txt", moved, res2.findings)
    assert len(left) == 1
    assert fingerprints(moved, res2.findings) == fps  # no line numbers inside
    data = json.loads(base.dumps())
    assert data["findings"][0]["path"] == "a.txt" and data["findings"][0]["count"] == 1


# ---------------------------------------------------------------- interactive
def _finding(text, word, rule="typo", fix=None, sugg=()):
    i = text.index(word)
    return Finding(rule, i, i + len(word), word, "m", suggestions=tuple(sugg), fix=fix)


def test_review_decisions():
    text = "aa bb cc dd ee\n"
    fs = [_finding(text, "aa", fix="AA"), _finding(text, "bb", sugg=("B1", "B2")), _finding(text, "cc"),
          _finding(text, "dd", sugg=("D",)), _finding(text, "ee", fix="EE")]
    answers = iter([Decision("accept"), Decision("replace", "B2"), Decision("add"), Decision("replace", "mine"),
                    Decision("quit")])
    r = review(text, fs, lambda f, n, total: next(answers))
    assert r.text == "AA B2 cc mine ee\n"
    assert r.added_words == ["cc"] and r.quit


def test_review_added_word_is_not_asked_again():
    text = "xx yy xx\n"
    fs = [_finding(text, "xx"), _finding(text, "yy", fix="YY"), Finding("typo", 6, 8, "xx", "m")]
    asked = []

    def ask(f, n, total):
        asked.append(f.text)
        return Decision("add") if f.text == "xx" else Decision("skip")

    r = review(text, fs, ask)
    assert asked == ["xx", "yy"] and r.text == text and not r.changed


class TtyStdin(io.StringIO):
    buffer = None

    def isatty(self):
        return True


def test_fix_interactive_cli(capsys, tmp_path, monkeypatch):
    (tmp_path / "modulfix.toml").write_text(CFG, encoding="utf-8")
    p = tmp_path / "modul.md"
    p.write_text("Kelas daring dan luring.\nDesa merupaka kelompok.\nKelas daring lagi.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("modulfix.cli._is_terminal", lambda: True)
    # daring -> accept; merupaka -> add to word list; daring (3rd line) -> edit; then quit never reached
    monkeypatch.setattr(sys, "stdin", TtyStdin("\na\ne\nmaya\n"))
    code, out, err = run(capsys, "fix", "-i", "modul.md")
    assert code == 0, err
    assert p.read_text(encoding="utf-8") == \
        "Kelas dalam jaringan dan luring.\nDesa merupaka kelompok.\nKelas maya lagi.\n"
    assert (tmp_path / ".modulfix-words.txt").read_text(encoding="utf-8") == "merupaka\n"
    assert "[1/3]" in out
    # the word list now accepts the word
    assert run(capsys, "check", "modul.md")[0] == 0


def test_fix_interactive_quit_keeps_decisions(capsys, tmp_path, monkeypatch):
    (tmp_path / "modulfix.toml").write_text(CFG, encoding="utf-8")
    a = tmp_path / "a.md"
    b = tmp_path / "b.md"
    a.write_text("daring daring\n", encoding="utf-8")
    b.write_text("daring\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("modulfix.cli._is_terminal", lambda: True)
    monkeypatch.setattr(sys, "stdin", TtyStdin("\nq\n"))
    code, _, _ = run(capsys, "fix", "-i", "a.md", "b.md")
    assert code == 0
    assert a.read_text(encoding="utf-8") == "dalam jaringan daring\n"
    assert b.read_text(encoding="utf-8") == "daring\n"


# ---------------------------------------------------------------- --diff-base
@pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")
def test_diff_base_reports_only_changed_lines(capsys, tmp_path, monkeypatch):
    def git(*args):
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    git("config", "user.email", "t@example.org")
    git("config", "user.name", "t")
    (tmp_path / "modulfix.toml").write_text(CFG, encoding="utf-8")
    (tmp_path / "a.md").write_text("Satu daring.\nDua.\nTiga daring.\n", encoding="utf-8")
    (tmp_path / "old.md").write_text("Kelas daring.\n", encoding="utf-8")
    git("add", ".")
    git("commit", "-qm", "first")
    (tmp_path / "a.md").write_text("Satu daring.\nDua daring.\nTiga daring.\nEmpat daring.\n", encoding="utf-8")
    (tmp_path / "new.md").write_text("Baru daring.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "check", "--diff-base", "HEAD", "a.md", "old.md", "new.md")
    assert code == 1, err
    assert [line.split(": ")[0] for line in out.splitlines()] == ["a.md:2:5", "a.md:4:7", "new.md:1:6"]
    code, out, err = run(capsys, "check", "--diff-base", "no-such-ref", "a.md")
    assert code == 2 and out == "" and "unknown revision" in err
    monkeypatch.chdir(tmp_path.parent)
    code, _, _ = run(capsys, "check", "--diff-base", "HEAD", str(tmp_path / "old.md"))
    assert code in (0, 2)  # outside a repository: a one-line usage error, or clean if tmp is in one


# ---------------------------------------------------------------- progress
def _many(tmp_path, n=25):
    for i in range(n):
        (tmp_path / f"m{i:02}.md").write_text("Masyarakat desa merupakan kelompok yang kuat.\n", encoding="utf-8")


def test_progress_bar_only_on_a_terminal(capsys, tmp_path, monkeypatch):
    _many(tmp_path)
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "check", ".")
    assert (code, out, err) == (0, "", "")  # piped: no progress bar
    monkeypatch.setattr("modulfix.cli._stderr_is_terminal", lambda: True)
    code, out, err = run(capsys, "check", ".")
    assert code == 0 and out == "" and err.startswith("checking")  # click draws the bar on a real tty


def test_progress_bar_not_for_short_runs(capsys, tmp_path, monkeypatch):
    _many(tmp_path, 3)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("modulfix.cli._stderr_is_terminal", lambda: True)
    assert run(capsys, "check", ".") == (0, "", "")


def test_project_rules_are_explained_in_a_fresh_process(tmp_path):
    import os

    env = dict(os.environ)
    env.setdefault("MODULFIX_CACHE_DIR", str(tmp_path / "cache"))
    proc = subprocess.run([sys.executable, "-m", "modulfix", "explain", "--list"], capture_output=True,
                          text=True, encoding="utf-8", env=env, timeout=60)
    ids = [line.split()[0] for line in proc.stdout.splitlines()]
    assert proc.returncode == 0 and "forced-correction" in ids and "directive" in ids
