"""``fix -i``: review findings one by one and decide (the decisions, not the terminal).

Start reading from :func:`review`. It walks the findings of one text in order and asks
a callback for a :class:`Decision` on each: accept the proposed fix (or the first
suggestion), pick another suggestion, type a replacement, skip, add the word to the
project word list, or quit. Quitting keeps what was decided before. Later findings of a
word added to the word list are skipped without asking. The terminal dialogue lives in
:mod:`modulfix.cli`; this module never prints.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from modulfix.document import Finding

ACTIONS = ("accept", "replace", "skip", "add", "quit")


@dataclass(frozen=True)
class Decision:
    action: str  # one of ACTIONS
    text: str = ""  # the replacement for "replace"


@dataclass
class Review:
    text: str  # the text with every accepted replacement applied
    replaced: list[tuple[Finding, str]] = field(default_factory=list)
    added_words: list[str] = field(default_factory=list)
    quit: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.replaced)


def proposal(f: Finding) -> str | None:
    """What "accept" writes: the safe fix, else the first suggestion, else nothing."""
    return f.fix if f.fix is not None else (f.suggestions[0] if f.suggestions else None)


def review(text: str, findings: list[Finding], ask: Callable[[Finding, int, int], Decision]) -> Review:
    todo = [f for f in sorted(findings, key=lambda f: (f.start, f.end)) if f.rule != "directive"]
    result = Review(text)
    added: set[str] = set()
    last_end = 0
    chosen: list[tuple[Finding, str]] = []
    for n, f in enumerate(todo, 1):
        if f.start < last_end or f.text.lower() in added:
            continue
        d = ask(f, n, len(todo))
        if d.action == "quit":
            result.quit = True
            break
        if d.action == "add":
            added.add(f.text.lower())
            result.added_words.append(f.text)
            continue
        if d.action == "accept":
            new = proposal(f)
        elif d.action == "replace":
            new = d.text
        else:
            continue
        if new is None or new == f.text:
            continue
        chosen.append((f, new))
        last_end = f.end
    out = []
    pos = 0
    for f, new in chosen:
        out.append(text[pos:f.start])
        out.append(new)
        pos = f.end
    out.append(text[pos:])
    result.text = "".join(out)
    result.replaced = chosen
    return result
