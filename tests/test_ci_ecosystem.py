"""The README's CI and editor examples, the workflow and the pre-commit hooks: each file
parses, and every modulfix command in them runs (in-process, in a small project)."""

from __future__ import annotations

import io
import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

yaml = pytest.importorskip("yaml")

from modulfix.cli import main  # noqa: E402
from modulfix.config import parse  # noqa: E402

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
SECTION = README[README.index("\n## In CI and editors"):]
WORKFLOW = ROOT / ".github" / "workflows" / "modulfix-example.yml"
HOOKS = ROOT / ".pre-commit-hooks.yaml"
MODULE = "---\ntitle: Bab 1\n---\n\nPelatihan daring dimulai besok.\nIni nasehat dari Kemensos.\n"


def blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", SECTION, re.DOTALL)


class Stdin:
    def __init__(self, data: str) -> None:
        self.buffer = io.BytesIO(data.encode("utf-8"))

    def isatty(self) -> bool:
        return False

    def close(self) -> None:
        pass


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A repository laid out like the README's examples, configured by its modulfix.toml."""
    for name in ("GITHUB_ACTIONS", "GITHUB_WORKSPACE"):
        monkeypatch.delenv(name, raising=False)
    (tmp_path / "modulfix.toml").write_text(blocks("toml")[0], encoding="utf-8")
    (tmp_path / "kata").mkdir()
    (tmp_path / "kata" / "lembaga.txt").write_text("# lembaga\nKemendikbud\n", encoding="utf-8")
    (tmp_path / "docs" / "draf").mkdir(parents=True)
    (tmp_path / "docs" / "bab1.md").write_text(MODULE, encoding="utf-8")
    (tmp_path / "docs" / "draf" / "x.md").write_text("daring\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "stdin", Stdin(MODULE))
    return tmp_path


def run(capsys, argv: list[str]) -> tuple[int, str, str]:
    assert argv[0] == "modulfix"
    code = main(argv[1:])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def git_repo(path: Path) -> None:
    def git(*args):
        subprocess.run(["git", *args], cwd=path, check=True, capture_output=True)

    git("init", "-q", "-b", "main")
    git("config", "user.email", "t@example.org")
    git("config", "user.name", "t")
    git("add", ".")
    git("commit", "-qm", "first")
    git("update-ref", "refs/remotes/origin/main", "HEAD")


# ---------------------------------------------------------------- README
def test_readme_config_example_is_valid(project):
    table = tomllib.loads(blocks("toml")[0])
    cfg = parse(table, str(project / "modulfix.toml"))
    assert cfg.corrections["daring"] == "dalam jaringan"
    assert "kemendikbud" in cfg.allowed_words()


def test_readme_config_example_applies(capsys, project):
    code, out, err = run(capsys, ["modulfix", "check", "."])
    assert code == 1, err
    lines = out.splitlines()
    assert all(line.startswith("./docs/bab1.md:") for line in lines)  # include/exclude honoured
    assert any("forced-correction" in line for line in lines)
    code, out, _ = run(capsys, ["modulfix", "config"])
    assert code == 0 and 'nasehat = "nasihat"' in out


def test_readme_directive_example(capsys, project):
    (project / "docs" / "d.md").write_text(blocks("markdown")[0], encoding="utf-8")
    code, out, err = run(capsys, ["modulfix", "check", "--min-severity", "info", "docs/d.md"])
    assert out == "" and code == 0, out + err


@pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")
def test_readme_commands_run(capsys, project, monkeypatch):
    git_repo(project)
    (project / "docs" / "bab1.md").write_text(MODULE + "Kelas daring lagi.\n", encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", Stdin(MODULE + "Kelas daring lagi.\nBuffer baru, daring.\n"))
    commands = [line for block in blocks("sh") for line in block.splitlines() if line.startswith("modulfix ")]
    assert len(commands) >= 8
    for line in commands:
        argv = shlex.split(line, comments=True)
        if argv[1:3] == ["fix", "-i"]:  # needs a terminal: see test_ci_features.py
            code, _, err = run(capsys, argv)
            assert code == 2 and "terminal" in err
            continue
        code, out, err = run(capsys, argv)
        assert code in (0, 1), f"{line}: {err}"
        if "--baseline" in argv:
            assert out == ""  # everything was just recorded
        if "--stdin-filename" in argv:  # the buffer's new line only: the rest is in the baseline
            assert [json.loads(x)["line"] for x in out.splitlines()] == [8]
    assert (project / ".modulfix-baseline.json").exists()
    assert "luring" in (project / ".modulfix-words.txt").read_text(encoding="utf-8")


# ---------------------------------------------------------------- GitHub Actions
def test_workflow_parses_and_matches_readme():
    text = WORKFLOW.read_text(encoding="utf-8")
    wf = yaml.safe_load(text)
    assert wf["name"] == "modulfix"
    steps = wf["jobs"]["spelling"]["steps"]
    assert any(s.get("uses", "").startswith("github/codeql-action/upload-sarif") for s in steps)
    assert wf["permissions"]["security-events"] == "write"
    assert text in blocks("yaml")  # the README shows the file as it is


@pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")
def test_workflow_commands_run(capsys, project, monkeypatch):
    git_repo(project)
    (project / "docs" / "bab1.md").write_text(MODULE + "Kelas daring lagi.\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_WORKSPACE", str(project))
    wf = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    runs = [s["run"] for s in wf["jobs"]["spelling"]["steps"] if s.get("run", "").startswith("modulfix ")]
    assert len(runs) == 2
    for command in runs:
        command = command.replace("${{ github.base_ref }}", "main")
        (project / "modulfix.sarif").unlink(missing_ok=True)
        code, out, err = run(capsys, shlex.split(command))
        assert code == 1, err
        assert out.startswith("::error file=docs/bab1.md,line=")  # annotations by default on Actions
        sarif = (project / "modulfix.sarif").read_text(encoding="utf-8")
        assert '"version": "2.1.0"' in sarif and '"uri": "docs/bab1.md"' in sarif
        if "--diff-base" in command:
            assert out.count("\n") == 1 and ",line=7," in out


# ---------------------------------------------------------------- pre-commit
def test_pre_commit_hooks_parse():
    hooks = {h["id"]: h for h in yaml.safe_load(HOOKS.read_text(encoding="utf-8"))}
    assert set(hooks) == {"modulfix", "modulfix-fix"}
    for h in hooks.values():
        assert h["language"] == "python" and h["entry"].startswith("modulfix ")
        assert set(h["types_or"]) == {"markdown", "plain-text"}
    readme = yaml.safe_load(blocks("yaml")[1])
    assert [h["id"] for h in readme["repos"][0]["hooks"]] == ["modulfix", "modulfix-fix"]


def test_pre_commit_hooks_run(capsys, project):
    hooks = {h["id"]: h for h in yaml.safe_load(HOOKS.read_text(encoding="utf-8"))}
    files = ["docs/bab1.md", "docs/draf/x.md"]  # pre-commit passes file names; the draft is excluded
    code, out, _ = run(capsys, shlex.split(hooks["modulfix"]["entry"]) + files)
    assert code == 1 and "docs/bab1.md:5:" in out and "draf" not in out
    code, _, _ = run(capsys, shlex.split(hooks["modulfix-fix"]["entry"]) + files)
    assert code == 0
    assert "dalam jaringan" in (project / "docs" / "bab1.md").read_text(encoding="utf-8")
    assert (project / "docs" / "draf" / "x.md").read_text(encoding="utf-8") == "daring\n"
    code, out, _ = run(capsys, shlex.split(hooks["modulfix"]["entry"]) + files)
    assert code == 0, out
    code, _, _ = run(capsys, shlex.split(hooks["modulfix"]["entry"]) + ["docs/draf/x.md"])
    assert code == 0  # every file excluded: success
