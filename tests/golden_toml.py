"""Reading and writing the CLI golden cases (``tests/cli/NAME.toml``).

A case holds ``description``, ``args`` (the argv after ``modulfix``), optional ``stdin``,
``stdout`` (exact), ``stderr`` (a substring, optional; "" means stderr must be empty),
``exit_code``, and the tables ``[env]`` (extra environment), ``[files]`` (path -> content
written into an empty directory, the working directory of the run) and ``[files_after]``
(path -> exact content after the run). :func:`dumps` writes a case back in this layout
(``MODULFIX_UPDATE_GOLDEN=1``).
"""

from __future__ import annotations

import json
import sys

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

KEYS = ("description", "args", "stdin", "stdout", "stderr", "exit_code")
TABLES = ("env", "files", "files_after")


def load(path) -> dict:
    with open(path, "rb") as fh:
        case = tomllib.load(fh)
    unknown = set(case) - set(KEYS) - set(TABLES)
    if unknown:
        raise ValueError(f"{path}: unknown keys {sorted(unknown)}")
    return case


def _string(s: str) -> str:
    if "\n" in s and "'''" not in s and all(c in "\n\t" or c >= " " for c in s) and "\x7f" not in s:
        return "'''\n" + s + "'''"
    return json.dumps(s, ensure_ascii=False)


def _key(k: str) -> str:
    return json.dumps(k, ensure_ascii=False)


def dumps(case: dict) -> str:
    out = []
    for k in KEYS:
        if k not in case:
            continue
        v = case[k]
        if isinstance(v, list):
            out.append(f"{k} = [" + ", ".join(json.dumps(a, ensure_ascii=False) for a in v) + "]")
        elif isinstance(v, int):
            out.append(f"{k} = {v}")
        else:
            out.append(f"{k} = {_string(v)}")
    for t in TABLES:
        if case.get(t):
            out.append(f"\n[{t}]")
            out += [f"{_key(k)} = {_string(v)}" for k, v in case[t].items()]
    return "\n".join(out) + "\n"
