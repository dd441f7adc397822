"""Applying findings: the one place where safe fixes change text.

Used by ``fix`` (on whole files) and by the Markdown renderer (inside block segments).
Only findings with a ``fix`` are applied; overlapping ones keep the first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from modulfix.document import Finding


def fixable(findings: Iterable[Finding], start: int = 0, end: int | None = None) -> list[Finding]:
    """Non-overlapping findings with a fix inside ``[start, end)``, in order."""
    chosen: list[Finding] = []
    last = start
    for f in sorted(findings, key=lambda f: (f.start, f.end)):
        if f.fix is None or f.start < last or (end is not None and f.end > end):
            continue
        chosen.append(f)
        last = f.end
    return chosen


def apply_fixes(text: str, findings: Iterable[Finding], start: int = 0, end: int | None = None) -> str:
    """``text[start:end]`` with every applicable fix applied (offsets are into ``text``)."""
    end = len(text) if end is None else end
    out: list[str] = []
    pos = start
    for f in fixable(findings, start, end):
        out.append(text[pos:f.start])
        out.append(f.fix or "")
        pos = f.end
    out.append(text[pos:end])
    return "".join(out)


def settle(text: str, check: Callable[[str], list[Finding]], first: list[Finding] | None = None,
           rounds: int = 4) -> str:
    """Apply fixes until the text stops changing (at most ``rounds`` passes).

    One fix can reveal another ("dengnan dengnan" -> "dengan dengan" -> "dengan"), so a
    single pass would leave work for the next run; settling makes ``fix`` idempotent.
    """
    findings = check(text) if first is None else first
    for _ in range(rounds):
        new = apply_fixes(text, findings)
        if new == text:
            break
        text = new
        findings = check(text)
    return text
