"""Baselines and fingerprints: findings identified without their line numbers.

A finding's *key* is (rule, text, context), where context is a short hash of up to
three words on each side of it on its line. Line numbers are left out on purpose, so
a key survives edits elsewhere in the file. Identical keys in one file are told apart
by their order (the n-th occurrence), which makes :func:`fingerprints` unique per file
and lets a baseline hold counts: ``check --baseline`` hides as many findings of a key
as the baseline recorded for that file and reports the rest.

File format (``.modulfix-baseline.json``, sorted, one entry per key)::

    {"version": 1, "tool": "modulfix",
     "findings": [{"path": "modul/bab1.md", "rule": "typo", "text": "merupaka",
                   "context": "3f2a9c1d0b7e", "count": 1}, ...]}

Paths are ``/``-separated and relative to the directory holding the baseline file.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from collections.abc import Iterable

from modulfix.document import Finding
from modulfix.errors import ConfigError

VERSION = 1
CONTEXT_WORDS = 3
CONTEXT_CHARS = 120  # look no further than this on each side (long lines stay linear)
_WORDS = re.compile(r"\w+")


def context_hash(text: str, f: Finding, base: int = 0) -> str:
    """Hash of the words around ``f`` on its line (lowercased; spacing ignored).

    ``text`` starts at offset ``base`` of the file (a piece of it, starting at a line)."""
    start, end = f.start - base, f.end - base
    lo = max(0, start - CONTEXT_CHARS)
    hi = min(len(text), end + CONTEXT_CHARS)
    line_start = text.rfind("\n", lo, start) + 1 or lo
    line_end = text.find("\n", end, hi)
    if line_end == -1:
        line_end = hi
    return hash_around(text[line_start:start], text[end:line_end])


def hash_around(before: str, after: str) -> str:
    """The context hash of a finding with ``before`` and ``after`` it on its lines (at
    most :data:`CONTEXT_CHARS` each)."""
    blob = " ".join(_WORDS.findall(before.lower())[-CONTEXT_WORDS:]) + "\x00" + \
        " ".join(_WORDS.findall(after.lower())[:CONTEXT_WORDS])
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:12]


def keys(text: str, findings: Iterable[Finding], base: int = 0) -> list[tuple[str, str, str]]:
    return [(f.rule, f.text, context_hash(text, f, base)) for f in findings]


def fingerprints(text: str, findings: list[Finding]) -> list[str]:
    """A stable id per finding: its key plus its occurrence number among equal keys."""
    return fingerprints_of(keys(text, findings))


def fingerprints_of(found: Iterable[tuple[str, str, str]], seen: Counter | None = None) -> list[str]:
    """:func:`fingerprints` from the keys; ``seen`` carries the numbering from one piece
    of a file to the next."""
    seen = Counter() if seen is None else seen
    out = []
    for key in found:
        n = seen[key]
        seen[key] += 1
        blob = "\x00".join(key) + f"\x00{n}"
        out.append(hashlib.sha256(blob.encode("utf-8")).hexdigest()[:32])
    return out


def _rel(path: str, base_dir: str) -> str:
    if path in ("-", "<stdin>"):
        return "<stdin>"
    rel = os.path.relpath(os.path.abspath(path), base_dir)
    return rel.replace(os.sep, "/")


class Baseline:
    def __init__(self, path: str, counts: dict[tuple[str, str, str, str], int] | None = None):
        self.path = path
        self.base_dir = os.path.dirname(os.path.abspath(path))
        self.counts: dict[tuple[str, str, str, str], int] = dict(counts or {})

    # ------------------------------------------------------------ build / save
    def add(self, path: str, text: str, findings: Iterable[Finding]) -> None:
        self.add_keys(path, keys(text, findings))

    def add_keys(self, path: str, found: Iterable[tuple[str, str, str]]) -> None:
        rel = _rel(path, self.base_dir)
        for rule, word, ctx in found:
            k = (rel, rule, word, ctx)
            self.counts[k] = self.counts.get(k, 0) + 1

    def dumps(self) -> str:
        entries = [{"path": p, "rule": r, "text": t, "context": c, "count": n}
                   for (p, r, t, c), n in sorted(self.counts.items())]
        body = ",\n".join("    " + json.dumps(e, ensure_ascii=False) for e in entries)
        return ('{\n  "version": %d,\n  "tool": "modulfix",\n  "findings": [\n%s%s  ]\n}\n'
                % (VERSION, body, "\n" if body else ""))

    def __len__(self) -> int:
        return sum(self.counts.values())

    # ------------------------------------------------------------ load / filter
    @classmethod
    def load(cls, path: str) -> Baseline:
        try:
            with open(path, encoding="utf-8") as fh:
                data = json.load(fh)
        except FileNotFoundError:
            raise ConfigError(f"{path}: baseline file not found (create it with: modulfix baseline PATH...)") \
                from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read the baseline ({exc})") from None
        except json.JSONDecodeError as exc:
            raise ConfigError(f"{path}: not a modulfix baseline (invalid JSON: {exc.msg}, line {exc.lineno})") \
                from None
        if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("findings"), list):
            raise ConfigError(f"{path}: not a modulfix baseline (version {VERSION} expected)")
        counts: dict[tuple[str, str, str, str], int] = {}
        for n, e in enumerate(data["findings"]):
            try:
                k = (str(e["path"]), str(e["rule"]), str(e["text"]), str(e["context"]))
                counts[k] = counts.get(k, 0) + int(e.get("count", 1))
            except (KeyError, TypeError, ValueError):
                raise ConfigError(f"{path}: findings[{n}]: needs path, rule, text, context") from None
        return cls(path, counts)

    def filter(self, path: str, text: str, findings: list[Finding]) -> list[Finding]:
        """The findings of ``path`` not covered by the baseline (first occurrences are covered)."""
        return self.filter_keyed(path, findings, keys(text, findings))

    def filter_keyed(self, path: str, findings: list[Finding], found: list[tuple[str, str, str]],
                     left: dict | None = None) -> list[Finding]:
        """:meth:`filter` with the findings' keys given; ``left`` carries the counts from
        one piece of a file to the next."""
        rel = _rel(path, self.base_dir)
        left = {} if left is None else left
        out = []
        for f, (rule, word, ctx) in zip(findings, found):
            k = (rel, rule, word, ctx)
            if k not in left:
                left[k] = self.counts.get(k, 0)
            if left[k] > 0:
                left[k] -= 1
                continue
            out.append(f)
        return out
