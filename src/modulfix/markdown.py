"""Stage 5, markdown: render the annotated document as CommonMark with front matter.

Start reading from :func:`render`. Each block's text is its source segments with the
speller's safe fixes applied (:func:`_segment_text`); text from plain input is escaped
so that it parses back as the same text (:func:`escape_inline`,
:func:`_escape_block_start`), while Markdown input is already Markdown and is copied.
Rendering the parse of our own output gives the same bytes: that is the idempotence
``clean`` promises.
"""

from __future__ import annotations

import bisect
import re

from modulfix.document import Block, Document, Finding

FRONT_MATTER_KEYS = ("title", "date", "language", "source")

# Characters that start inline Markdown constructs (emphasis, code, links, HTML,
# escapes); escaping them always is what keeps the text literal.
_INLINE_SPECIAL_RE = re.compile(r"[\\`*_\[\]<]|&(?=#?\w{1,32};)")
# What would start another block at the beginning of a paragraph or item.
_BLOCK_START_RE = re.compile(r"(\d{1,9})([.)])(?=\s|$)|([-+=#>~|])")
_YAML_PLAIN_RE = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^#]*")
_YAML_SPECIAL = frozenset("true false yes no on off null ~ y n".split())
_YAML_NUMBER_RE = re.compile(r"[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?|0x[0-9a-f]+|0o[0-7]+|\.inf|\.nan",
                             re.IGNORECASE)
_ISO_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_LIST_KINDS = ("list_item", "reference")


def render(doc: Document, comments: str = "drop") -> str:
    """The module as Markdown: front matter, body, and genuine comments if ``keep``."""
    parts = [_front_matter(doc)]
    body = _body(doc)
    if comments == "keep":
        body += _comments_section(doc)
    if body:
        parts.append(body)
    return "\n".join(parts).rstrip("\n") + "\n"


def render_comments_report(doc: Document) -> str:
    """Plain text: author, date and text of each genuine (non-spam) comment."""
    genuine = [c for c in doc.comments if not c.spam]
    out = [f"{doc.path}: {len(genuine)} komentar pembaca ({len(doc.comments) - len(genuine)} spam dibuang)"]
    for n, c in enumerate(genuine, 1):
        out.append("")
        out.append(f"{n}. {c.author or 'Anonim'}" + (f", {c.date}" if c.date else ""))
        out.append(f"   {c.text}")
    return "\n".join(out) + "\n"


# --- front matter -------------------------------------------------------------------


def _front_matter(doc: Document) -> str:
    meta = dict(doc.metadata)
    meta["language"] = meta.get("language") or "id"
    keys = [k for k in FRONT_MATTER_KEYS if meta.get(k)]
    keys += [k for k in meta if k not in FRONT_MATTER_KEYS and meta[k]]
    lines = ["---"] + [f"{k}: {yaml_scalar(meta[k], k)}" for k in keys] + ["---"]
    return "\n".join(lines) + "\n"


def yaml_scalar(value: str, key: str = "") -> str:
    """A YAML scalar that reads back as exactly ``value`` (a string; dates stay dates)."""
    value = " ".join(value.split()) if key == "title" else value
    if key == "date" and _ISO_DATE_RE.fullmatch(value):
        return value
    needs_quotes = (
        not _YAML_PLAIN_RE.fullmatch(value) or value != value.strip() or ": " in value
        or value.endswith(":") or value.lower() in _YAML_SPECIAL or _YAML_NUMBER_RE.fullmatch(value)
        or _ISO_DATE_RE.match(value) or not value.isprintable()
    )
    if not needs_quotes:
        return value
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    escaped = "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in escaped)
    return f'"{escaped}"'


# --- body ------------------------------------------------------------------------------


def _body(doc: Document) -> str:
    fixes = _Fixes(doc.findings)
    out: list[str] = []
    prev: Block | None = None
    for block in doc.blocks:
        rendered = _block(doc, block, fixes)
        if not rendered:
            continue
        if prev is not None:
            out.append("\n" if _tight(prev, block) else "\n\n")
        out.append(rendered)
        prev = block
    return "".join(out) + ("\n" if out else "")


def _tight(prev: Block, block: Block) -> bool:
    """Consecutive items of one list are written without a blank line between them."""
    return prev.kind in _LIST_KINDS and block.kind in _LIST_KINDS and _is_ordered(prev) == _is_ordered(block)


def _is_ordered(block: Block) -> bool:
    return block.kind == "list_item" and block.ordered


def _block(doc: Document, block: Block, fixes: _Fixes) -> str:
    if block.kind in ("code", "raw"):
        body = "\n".join(doc.text[s.start:s.end] for s in block.segments)
        return f"{block.marker}\n{body}\n{block.marker}" if block.marker else body
    text = _text(doc, block, fixes)
    if not text:
        return ""
    if block.kind == "heading":
        marker = f"{block.marker} " if block.marker else ""
        return "#" * max(1, min(6, block.level)) + " " + marker + text
    if _is_ordered(block):
        return f"{block.number}. {text}"
    if block.kind in _LIST_KINDS:
        marker = f"{block.marker} " if block.marker and not _is_bullet(block.marker) else ""
        return f"- {marker}{text}"
    return text


def _is_bullet(marker: str) -> bool:
    return len(marker) == 1 and not marker.isalnum()


def _text(doc: Document, block: Block, fixes: _Fixes) -> str:
    """The block's text: segments joined, fixes applied, escaped unless it is Markdown."""
    escape = not doc.is_markdown
    if block.text is not None:
        text = escape_inline(block.text) if escape else block.text
    else:
        pieces = []
        for seg in block.segments:
            piece = _segment_text(doc, seg.start, seg.end, fixes, escape)
            if piece:
                pieces.append((seg.sep if pieces else "") + piece)
        text = "".join(pieces)
    if not escape:
        return text
    if block.kind == "heading":
        return _escape_heading_end(text)
    if block.kind != "list_item" or not block.marker or _is_bullet(block.marker) or block.ordered:
        return _escape_block_start(text)
    return text


class _Fixes:
    """Safe fixes sorted by position, found per segment by bisection."""

    def __init__(self, findings: list[Finding]) -> None:
        self.items = sorted((f for f in findings if f.fix is not None or f.italic),
                            key=lambda f: (f.start, f.end))
        self.starts = [f.start for f in self.items]

    def within(self, start: int, end: int) -> list[Finding]:
        """Non-overlapping findings inside ``[start, end)``; on overlap the first wins."""
        chosen: list[Finding] = []
        pos = start
        for f in self.items[bisect.bisect_left(self.starts, start):]:
            if f.start >= end:
                break
            if f.end <= end and f.start >= pos and f.end > f.start:
                chosen.append(f)
                pos = f.end
        return chosen


def _segment_text(doc: Document, start: int, end: int, fixes: _Fixes, escape: bool) -> str:
    """Source slice with fixes applied; italic findings wrapped in ``*...*``."""
    src = doc.text
    esc = escape_inline if escape else (lambda s: s)
    out: list[str] = []
    pos = start
    for f in fixes.within(start, end):
        out.append(esc(src[pos:f.start]))
        replacement = esc(f.fix if f.fix is not None else src[f.start:f.end])
        already = src[f.start - 1:f.start] == "*" and src[f.end:f.end + 1] == "*"
        out.append(f"*{replacement}*" if f.italic and not already and replacement.strip() == replacement
                   and replacement else replacement)
        pos = f.end
    out.append(esc(src[pos:end]))
    return "".join(out)


def escape_inline(text: str) -> str:
    """Backslash-escape characters that would start inline Markdown."""
    return _INLINE_SPECIAL_RE.sub(lambda m: "\\" + m.group(0), text)


def _escape_block_start(text: str) -> str:
    """Escape what would make the text start a list, heading, quote or rule."""
    m = _BLOCK_START_RE.match(text)
    if not m:
        return text
    if m.group(1):
        return m.group(1) + "\\" + text[len(m.group(1)):]
    return "\\" + text


def _escape_heading_end(text: str) -> str:
    """A trailing ``#`` run after a space would be read as the closing sequence."""
    stripped = text.rstrip("#")
    if stripped != text and (not stripped or stripped.endswith((" ", "\t"))):
        return stripped + "\\" + text[len(stripped):]
    return text


# --- comments -----------------------------------------------------------------------


def _comments_section(doc: Document) -> str:
    genuine = [c for c in doc.comments if not c.spam]
    if not genuine:
        return ""
    items = []
    for c in genuine:
        who = c.author or "Anonim"
        head = f"{who} ({c.date})" if c.date else who
        items.append("- " + escape_inline(f"{head}: {' '.join(c.text.split())}"))
    return "\n## Komentar\n\n" + "\n".join(items) + "\n"
