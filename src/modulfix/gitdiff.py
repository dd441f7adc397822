"""Changed lines since a git revision (``check --diff-base REF``).

:func:`changed_lines` asks git for the lines added or changed in the working tree since
``REF`` (``git diff -U0 REF``) plus untracked files (every line counts as changed).
Failures (git missing, not a repository, unknown revision) are :class:`UsageError`.
"""

from __future__ import annotations

import os
import re
import subprocess

from modulfix.errors import UsageError

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


def _git(args: list[str], cwd: str) -> str:
    try:
        proc = subprocess.run(["git", "-c", "core.quotepath=off", *args], cwd=cwd, capture_output=True,
                              timeout=120, check=False)
    except FileNotFoundError:
        raise UsageError("--diff-base needs git, which was not found") from None
    except subprocess.TimeoutExpired:
        raise UsageError("--diff-base: git took too long") from None
    if proc.returncode != 0:
        msg = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise UsageError(f"--diff-base: git {args[0]} failed: {msg[0] if msg else proc.returncode}")
    return proc.stdout.decode("utf-8", "surrogateescape")


class ChangedLines:
    """``lines(path)``: the set of changed 1-based line numbers, or None = every line."""

    def __init__(self, top: str, changed: dict[str, set[int]], untracked: set[str]):
        self.top = top
        self.changed = changed
        self.untracked = untracked

    def lines(self, path: str) -> set[int] | None:
        key = os.path.normcase(os.path.abspath(path))
        if key in self.untracked:
            return None
        return self.changed.get(key, set())


def changed_lines(ref: str, cwd: str | None = None) -> ChangedLines:
    cwd = os.path.abspath(cwd or os.getcwd())
    if ref.startswith("-"):
        raise UsageError(f"--diff-base: not a revision: {ref}")
    top = _git(["rev-parse", "--show-toplevel"], cwd).strip()
    try:
        _git(["rev-parse", "--verify", "--quiet", ref + "^{commit}"], cwd)
    except UsageError:
        raise UsageError(f"--diff-base: unknown revision {ref!r}") from None
    out = _git(["diff", "--no-color", "--no-ext-diff", "--no-renames", "-U0", ref, "--"], top)
    changed: dict[str, set[int]] = {}
    current: set[int] | None = None
    for line in out.splitlines():
        if line.startswith("+++ "):
            name = line[4:]
            if name == "/dev/null":
                current = None
                continue
            name = name[2:] if name.startswith("b/") else name
            key = os.path.normcase(os.path.abspath(os.path.join(top, name)))
            current = changed.setdefault(key, set())
        elif line.startswith("@@") and current is not None:
            m = _HUNK.match(line)
            if m:
                start, count = int(m.group(1)), int(m.group(2) if m.group(2) is not None else 1)
                current.update(range(start, start + count))
    others = _git(["ls-files", "--others", "--exclude-standard", "-z"], top)
    untracked = {os.path.normcase(os.path.abspath(os.path.join(top, n))) for n in others.split("\0") if n}
    return ChangedLines(top, changed, untracked)
