"""Ignoring on purpose: inline directives and ``[sic]``.

Directives are HTML comments, in Markdown and in plain text alike::

    <!-- modulfix: ignore kata1 kata2 -->   these words, on this line (no words: the whole line)
    <!-- modulfix: ignore-next-line -->     everything on the next line
    <!-- modulfix: off --> ... <!-- modulfix: on -->          nothing in between
    <!-- modulfix: disable=rule-id[,rule-id] --> ... <!-- modulfix: enable=rule-id -->

``disable=`` lasts to the matching ``enable=`` or the end of the file. A word followed by
``[sic]`` is not flagged. A malformed directive, or one naming an unknown rule, is itself
reported (rule ``directive``), so a typo in a directive never silently ignores nothing.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from modulfix.document import Finding

DIRECTIVE = re.compile(r"<!--\s*modulfix\s*:(?P<body>.*?)-->", re.DOTALL)
SIC = re.compile(r"\[sic\]", re.IGNORECASE)
_RULE_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass
class Directives:
    """What the directives of one text suppress, as character-offset ranges."""

    line_starts: list[int]
    ignore_words: dict[int, set[str]] = field(default_factory=dict)  # 0-based line -> words ("" = all)
    off: list[tuple[int, int]] = field(default_factory=list)
    disabled: list[tuple[str, int, int]] = field(default_factory=list)  # rule, start, end
    sic: list[tuple[int, int]] = field(default_factory=list)
    comments: list[tuple[int, int]] = field(default_factory=list)  # the directive comments themselves
    problems: list[Finding] = field(default_factory=list)

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.line_starts, offset) - 1

    def suppresses(self, f: Finding) -> bool:
        if any(a <= f.start < b for a, b in self.off):
            return True
        if any(rule == f.rule and a <= f.start < b for rule, a, b in self.disabled):
            return True
        if any(f.start < b and f.end > a for a, b in self.sic):
            return True
        words = self.ignore_words.get(self.line_of(f.start))
        return bool(words) and ("" in words or f.text.lower() in words)


def parse(text: str) -> Directives:
    import modulfix.project_rules  # noqa: F401 - registers the `directive` rule
    from modulfix.rules import RULES

    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    d = Directives(starts)
    off_at: int | None = None
    disabled_at: dict[str, int] = {}
    for m in DIRECTIVE.finditer(text):
        d.comments.append((m.start(), m.end()))
        body = m.group("body").strip()
        line = d.line_of(m.start())
        cmd, _, rest = body.partition(" ")
        words = rest.split()
        problem = ""
        if cmd == "ignore":
            d.ignore_words.setdefault(line, set()).update(w.lower() for w in words or [""])
        elif cmd == "ignore-next-line" and not words:
            d.ignore_words.setdefault(line + 1, set()).add("")
        elif cmd == "off" and not words:
            if off_at is None:
                off_at = m.end()
        elif cmd == "on" and not words:
            if off_at is not None:
                d.off.append((off_at, m.start()))
                off_at = None
        elif cmd.startswith(("disable=", "enable=")) and not words:
            verb, _, ids = cmd.partition("=")
            rules = [r.strip() for r in ids.split(",") if r.strip()]
            unknown = [r for r in rules if r not in RULES]
            if not rules or unknown:
                problem = (f"unknown rule {', '.join(unknown)!s} in a modulfix directive" if unknown
                           else f"modulfix directive {verb}= names no rule")
            for r in rules:
                if verb == "disable":
                    disabled_at.setdefault(r, m.end())
                elif r in disabled_at:
                    d.disabled.append((r, disabled_at.pop(r), m.start()))
        else:
            problem = (f"unknown modulfix directive {body!r} (ignore, ignore-next-line, off, on, "
                       f"disable=RULE, enable=RULE)")
        if problem:
            d.problems.append(Finding("directive", m.start(), m.end(), m.group(), problem,
                                      severity=RULES["directive"].severity,
                                      source="directive"))
    if off_at is not None:
        d.off.append((off_at, len(text)))
    for r, at in disabled_at.items():
        d.disabled.append((r, at, len(text)))
    for m in SIC.finditer(text):
        # the word just before [sic] (spaces between allowed), and the marker itself
        j = m.start()
        while j > 0 and text[j - 1] in " \t":
            j -= 1
        k = j
        while k > 0 and not text[k - 1].isspace():
            k -= 1
        d.sic.append((k, m.end()))
    return d
