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

    line_starts: list[int]  # of the text's lines (of one piece's lines, in a view)
    ignore_words: dict[int, set[str]] = field(default_factory=dict)  # 0-based line -> words ("" = all)
    off: list[tuple[int, int]] = field(default_factory=list)
    disabled: list[tuple[str, int, int]] = field(default_factory=list)  # rule, start, end
    sic: list[tuple[int, int]] = field(default_factory=list)
    comments: list[tuple[int, int]] = field(default_factory=list)  # the directive comments themselves
    problems: list[Finding] = field(default_factory=list)
    first_line: int = 0  # 0-based number of the line that starts at line_starts[0]

    def line_of(self, offset: int) -> int:
        return self.first_line + bisect.bisect_right(self.line_starts, offset) - 1

    def view(self, start: int, end: int, first_line: int, line_starts: list[int]) -> Directives:
        """What applies to the piece ``[start, end)`` of the text, whose lines (0-based
        numbers from ``first_line``) start at ``line_starts``; ``problems`` are those
        that start in the piece."""
        def inside(ranges):
            return [r for r in ranges if r[-2] < end and r[-1] > start]

        return Directives(line_starts, self.ignore_words, inside(self.off), inside(self.disabled),
                          inside(self.sic), inside(self.comments),
                          [p for p in self.problems if start <= p.start < end], first_line)

    def suppresses(self, f: Finding) -> bool:
        if any(a <= f.start < b for a, b in self.off):
            return True
        if any(rule == f.rule and a <= f.start < b for rule, a, b in self.disabled):
            return True
        if any(f.start < b and f.end > a for a, b in self.sic):
            return True
        words = self.ignore_words.get(self.line_of(f.start))
        return bool(words) and ("" in words or f.text.lower() in words)


class _Open:
    """What a directive opens and a later one closes: off/on, disable=/enable=."""

    def __init__(self) -> None:
        self.off_at: int | None = None
        self.disabled_at: dict[str, int] = {}


def _command(d: Directives, st: _Open, body: str, start: int, end: int, line: int, rules) -> str:
    """Apply one directive (``body`` stripped) to ``d``; its problem, or ""."""
    cmd, _, rest = body.partition(" ")
    words = rest.split()
    if cmd == "ignore":
        d.ignore_words.setdefault(line, set()).update(w.lower() for w in words or [""])
    elif cmd == "ignore-next-line" and not words:
        d.ignore_words.setdefault(line + 1, set()).add("")
    elif cmd == "off" and not words:
        if st.off_at is None:
            st.off_at = end
    elif cmd == "on" and not words:
        if st.off_at is not None:
            d.off.append((st.off_at, start))
            st.off_at = None
    elif cmd.startswith(("disable=", "enable=")) and not words:
        verb, _, ids = cmd.partition("=")
        named = [r.strip() for r in ids.split(",") if r.strip()]
        unknown = [r for r in named if r not in rules]
        for r in named:
            if verb == "disable":
                st.disabled_at.setdefault(r, end)
            elif r in st.disabled_at:
                d.disabled.append((r, st.disabled_at.pop(r), start))
        if not named or unknown:
            return (f"unknown rule {', '.join(unknown)!s} in a modulfix directive" if unknown
                    else f"modulfix directive {verb}= names no rule")
    else:
        return (f"unknown modulfix directive {body!r} (ignore, ignore-next-line, off, on, "
                f"disable=RULE, enable=RULE)")
    return ""


def parse(text: str) -> Directives:
    import modulfix.project_rules  # noqa: F401 - registers the `directive` rule
    from modulfix.rules import RULES

    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    d = Directives(starts)
    st = _Open()
    for m in DIRECTIVE.finditer(text):
        d.comments.append((m.start(), m.end()))
        problem = _command(d, st, m.group("body").strip(), m.start(), m.end(), d.line_of(m.start()), RULES)
        if problem:
            d.problems.append(Finding("directive", m.start(), m.end(), m.group(), problem,
                                      severity=RULES["directive"].severity,
                                      source="directive"))
    if st.off_at is not None:
        d.off.append((st.off_at, len(text)))
    for r, at in st.disabled_at.items():
        d.disabled.append((r, at, len(text)))
    d.sic.extend(_sic_spans(text))
    return d


def _sic_spans(text: str, base: int = 0) -> list[tuple[int, int]]:
    """Each [sic] marker with the word just before it (spaces between allowed)."""
    out = []
    for m in SIC.finditer(text):
        j = m.start()
        while j > 0 and text[j - 1] in " \t":
            j -= 1
        k = j
        while k > 0 and not text[k - 1].isspace():
            k -= 1
        out.append((base + k, base + m.end()))
    return out


_HEADER = re.compile(r"<!--\s*modulfix\s*:")
_PARTIAL_HEADER = re.compile(r"<!--\s*(?:modulfix\s*)?")  # may go on in the next piece


class Scanner:
    """:func:`parse` for a text read in pieces, in bounded memory.

    Feed the pieces in order: each but the last ends just after a newline. Offsets are
    into the whole text. The result (:meth:`finish`) has no ``line_starts`` (take a
    :meth:`Directives.view` for each piece); ``positions`` holds the 1-based (line,
    column) of both ends of every problem and ``around`` the text before and after it
    on its lines (up to ``context`` characters), since a directive comment may span
    pieces. Tests check that any split gives what :func:`parse` gives on the whole.
    """

    def __init__(self, context: int = 120) -> None:
        import modulfix.project_rules  # noqa: F401 - registers the `directive` rule
        from modulfix.rules import RULES

        self._rules = RULES
        self.context = context
        self.d = Directives([])
        self.positions: dict[int, tuple[int, int]] = {}
        self.around: dict[int, tuple[str, str]] = {}
        self._base = 0  # offset of the current piece
        self._line = 0  # its first line
        self._st = _Open()
        # a comment whose end is in a later piece: (start, (line, col), before, header end or -1, parts)
        self._open: tuple[int, tuple[int, int], str, int, list[str]] | None = None

    def _locate(self, text: str, i: int) -> tuple[int, int]:
        """1-based (line, column) of ``text[i]``, as :meth:`Document.position` gives them."""
        return self._line + text.count("\n", 0, i) + 1, i - text.rfind("\n", 0, i)

    def _before(self, text: str, i: int) -> str:
        lo = max(0, i - self.context)
        nl = text.rfind("\n", lo, i)
        return text[nl + 1 if nl >= 0 else lo:i]

    def _after(self, text: str, i: int) -> str:
        hi = min(len(text), i + self.context)
        nl = text.find("\n", i, hi)
        return text[i:nl if nl >= 0 else hi]

    def feed(self, text: str, final: bool = False) -> None:
        base = self._base
        pos = 0
        if self._open is not None:
            start, where, before, header_end, parts = self._open
            self._open = None
            if header_end < 0:  # "<!-- modulfix" so far: is it a directive?
                joined = parts[0] + text
                m = _HEADER.match(joined)
                if m is None:
                    if not final and _PARTIAL_HEADER.fullmatch(joined):
                        self._open = (start, where, before, -1, [joined])
                    pos = 0  # not a directive: scanning goes on (no other "<!--" in it)
                else:
                    header_end = base + m.end() - len(parts[0])
            if header_end >= 0:
                close = text.find("-->", max(0, header_end - base))
                if close < 0:
                    if not final:
                        self._open = (start, where, before, header_end, parts + [text])
                    pos = len(text)  # no "-->" after it: no later directive either
                else:
                    whole = "".join(parts) + text[:close + 3]
                    self._directive(start, base + close + 3, whole[header_end - start:-3], whole, where, before,
                                    self._locate(text, close + 3), self._after(text, close + 3))
                    pos = close + 3
        while self._open is None:
            s = text.find("<!--", pos)
            if s < 0:
                break
            m = _HEADER.match(text, s)
            if m is None:
                if not final and _PARTIAL_HEADER.fullmatch(text, s):
                    self._open = (base + s, self._locate(text, s), self._before(text, s), -1, [text[s:]])
                    break
                pos = s + 1
                continue
            close = text.find("-->", m.end())
            if close < 0:
                if not final:
                    self._open = (base + s, self._locate(text, s), self._before(text, s), base + m.end(),
                                  [text[s:]])
                break
            self._directive(base + s, base + close + 3, text[m.end():close], text[s:close + 3],
                            self._locate(text, s), self._before(text, s), self._locate(text, close + 3),
                            self._after(text, close + 3))
            pos = close + 3
        self.d.sic.extend(_sic_spans(text, base))
        self._base = base + len(text)
        self._line += text.count("\n")

    def _directive(self, start: int, end: int, body: str, whole: str, where: tuple[int, int], before: str,
                   end_where: tuple[int, int], after: str) -> None:
        d = self.d
        d.comments.append((start, end))
        problem = _command(d, self._st, body.strip(), start, end, where[0] - 1, self._rules)
        if problem:
            d.problems.append(Finding("directive", start, end, whole, problem,
                                      severity=self._rules["directive"].severity, source="directive"))
            self.positions[start] = where
            self.positions[end] = end_where
            self.around[start] = (before, after)

    def finish(self) -> Directives:
        """The directives of the whole text (after the last piece, fed with ``final=True``)."""
        d = self.d
        st = self._st
        if st.off_at is not None:
            d.off.append((st.off_at, self._base))
            st.off_at = None
        for r, at in st.disabled_at.items():
            d.disabled.append((r, at, self._base))
        st.disabled_at = {}
        return d
