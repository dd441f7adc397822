"""CLI golden cases: one file per case in ``tests/cli/`` (the layout of typos' ``tests/cmd``).

Each case is run in-process through ``main(argv)`` in an empty temporary directory that
holds only the case's ``[files]``; ``GITHUB_ACTIONS``/``GITHUB_WORKSPACE`` are cleared
unless the case sets them. The package version in the output is written ``[VERSION]``.
``MODULFIX_UPDATE_GOLDEN=1`` rewrites the expected stdout and ``[files_after]`` of the
cases that differ, then fails them so that the change is never silent: review the diff.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from golden_toml import dumps, load
from modulfix import __version__
from modulfix.cli import main

CASES_DIR = Path(__file__).resolve().parent / "cli"
CASES = sorted(CASES_DIR.glob("*.toml"))
UPDATE = os.environ.get("MODULFIX_UPDATE_GOLDEN") == "1"


class FakeStdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)

    def isatty(self) -> bool:
        return False

    def close(self) -> None:  # multiprocessing closes stdin in a forked worker
        pass


def normalise(s: str) -> str:
    return s.replace(f'"{__version__}"', '"[VERSION]"')


def run_case(case: dict, tmp_path: Path, monkeypatch, capsys) -> tuple[int, str, str, dict]:
    for name in ("GITHUB_ACTIONS", "GITHUB_WORKSPACE"):
        monkeypatch.delenv(name, raising=False)
    for k, v in case.get("env", {}).items():
        monkeypatch.setenv(k, v.replace("{tmp}", str(tmp_path)))
    for rel, content in case.get("files", {}).items():
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(content.encode("utf-8"))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "stdin", FakeStdin(case.get("stdin", "").encode("utf-8")))
    capsys.readouterr()
    code = main(list(case["args"]))
    out, err = capsys.readouterr()
    after = {}
    for rel in case.get("files_after", {}):
        p = tmp_path / rel
        after[rel] = normalise(p.read_text(encoding="utf-8")) if p.exists() else "<missing>"
    return code, normalise(out), err, after


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_golden(path: Path, tmp_path, monkeypatch, capsys):
    case = load(path)
    code, out, err, after = run_case(case, tmp_path, monkeypatch, capsys)
    assert "Traceback" not in err
    if UPDATE and (out != case.get("stdout", "") or after != case.get("files_after", {})):
        case["stdout"] = out
        if after:
            case["files_after"] = after
        path.write_text(dumps(case), encoding="utf-8")
        pytest.fail(f"{path.name}: expected output rewritten (MODULFIX_UPDATE_GOLDEN=1); review the diff")
    assert code == case["exit_code"], err
    assert out == case.get("stdout", "")
    if "stderr" in case:
        if case["stderr"] == "":
            assert err == ""
        else:
            assert case["stderr"] in err
            # errors are one line each, never a traceback
            assert all(line.startswith("modulfix: ") for line in err.splitlines()), err
    for rel, content in case.get("files_after", {}).items():
        assert after[rel] == content, rel


def test_every_case_parses_and_round_trips():
    assert len(CASES) >= 40
    for path in CASES:
        case = load(path)
        assert isinstance(case["args"], list) and "exit_code" in case, path.name
        assert load_str(dumps(case)) == case, path.name


def load_str(text: str) -> dict:
    from golden_toml import tomllib

    return tomllib.loads(text)
