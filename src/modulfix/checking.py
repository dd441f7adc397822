"""``check`` and ``fix`` as library functions: files in, findings and fixed text out.

Start reading from :func:`check_source`. Plain text is checked line by line. Markdown
files skip what is not prose: YAML front matter, fenced and indented code blocks,
inline code and HTML comments (each switchable in the ``[markdown]`` configuration);
URLs and e-mail addresses are never words (the tokenizer skips them). Directive
comments (``<!-- modulfix: ... -->``) are never checked, in any file type.

The speller's findings are then adjusted for the project, in this order: forced
corrections replace whatever the speller said about the same word; inline directives
and ``[sic]`` suppress findings; allowed words (``allow``, word lists, the project word
list) drop findings whose text is one of them (case-insensitive); per-rule
configuration changes a severity or turns a rule off. Nothing here prints;
:mod:`modulfix.cli` formats the results.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

import modulfix.project_rules  # noqa: F401 - registers forced-correction and directive
from modulfix import directives
from modulfix.document import Document, Finding
from modulfix.errors import InputError
from modulfix.ingest import Source

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".mdown", ".mkd", ".text")
SKIP_DIRS = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox"}
_SKIP_DIRS = SKIP_DIRS
_FENCE = re.compile(r"^\s{0,3}(```+|~~~+)")
_INLINE_CODE = re.compile(r"`+[^`\n]*`+")
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)


@dataclass(frozen=True)
class FileSettings:
    """How one file is read and which project adjustments apply (picklable, for --jobs)."""

    markdown: bool = False
    allow: frozenset[str] = frozenset()
    corrections: tuple[tuple[str, str], ...] = ()
    rules: tuple[tuple[str, str], ...] = ()  # rule id -> severity | "off"
    skip_code: bool = True
    skip_front_matter: bool = True
    skip_html_comments: bool = True
    correction_source: str = "corrections"

    @classmethod
    def from_config(cls, cfg, kind: str) -> FileSettings:
        from modulfix.config import display

        return cls(markdown=kind == "markdown", allow=cfg.allowed_words(),
                   corrections=tuple(sorted(cfg.corrections.items())),
                   rules=tuple(sorted(cfg.rules.items())),
                   skip_code=cfg.markdown["skip-code"],
                   skip_front_matter=cfg.markdown["skip-front-matter"],
                   skip_html_comments=cfg.markdown["skip-html-comments"],
                   correction_source=f"{display(cfg.path)}: corrections" if cfg.path else "corrections")


@dataclass
class FileResult:
    source: Source
    findings: list[Finding]
    doc: Document
    suppressed: int = 0  # findings dropped by directives, [sic] or allowed words
    extra: dict = field(default_factory=dict)


def expand_paths(paths: list[str]) -> Iterator[str]:
    """Files named, and text files under directories (sorted, hidden dirs skipped)."""
    for p in paths:
        if p == "-":
            yield p
        elif os.path.isdir(p):
            found = []
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
                found.extend(os.path.join(root, f) for f in files if f.lower().endswith(TEXT_SUFFIXES))
            yield from sorted(found)
        elif not os.path.exists(p):
            raise InputError(f"{p}: no such file or directory")
        else:
            yield p


def _subtract(spans: list[tuple[int, int]], holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` minus ``holes`` (both sorted lists of ``[start, end)``)."""
    if not holes:
        return spans
    out: list[tuple[int, int]] = []
    for start, end in spans:
        pos = start
        for a, b in holes:
            if b <= pos or a >= end:
                continue
            if a > pos:
                out.append((pos, a))
            pos = max(pos, b)
        if pos < end:
            out.append((pos, end))
    return out


@dataclass
class ProseState:
    """Where the line walk of :func:`prose_lines` stands: at the start of a text, or
    between two pieces of one."""

    line: int = 0  # 0-based number of the next line
    front: bool = False  # inside YAML front matter
    fence: str = ""  # the fence of the code block it is inside, or ""


def prose_lines(text: str, markdown: bool, state: ProseState, *, skip_code: bool = True,
                skip_front_matter: bool = True, final: bool = True) -> list[tuple[int, int]]:
    """(start, end) spans of ``text`` that are prose, line by line (comments not yet
    left out), from ``state`` on; ``state`` is updated. A piece of a text that is not
    its last (``final=False``) ends just after a newline."""
    spans: list[tuple[int, int]] = []
    pos = 0
    lines = text.split("\n")
    if not final:
        lines.pop()  # the "" after the last newline: the next piece's first line
    n = state.line
    in_front, fence = state.front, state.fence
    for line in lines:
        start, end = pos, pos + len(line)
        pos = end + 1
        if n == 0:
            in_front = markdown and skip_front_matter and line.strip() == "---"
        n += 1
        if in_front:
            if n > 1 and line.strip() in ("---", "..."):
                in_front = False
            continue
        if markdown and skip_code:
            m = _FENCE.match(line)
            if fence:
                if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                    fence = ""
                continue
            if m:
                fence = m.group(1)
                continue
            if line.startswith(("    ", "\t")) and not line.strip()[:1].isalpha():
                continue
            last = start
            for cm in _INLINE_CODE.finditer(line):
                spans.append((last, start + cm.start()))
                last = start + cm.end()
            spans.append((last, end))
        else:
            spans.append((start, end))
    state.line, state.front, state.fence = n, in_front, fence
    return spans


def prose_spans(text: str, markdown: bool, *, skip_code: bool = True, skip_front_matter: bool = True,
                skip_html_comments: bool = True,
                holes: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """(start, end) spans of the text that are prose to check (``holes`` left out)."""
    spans = prose_lines(text, markdown, ProseState(), skip_code=skip_code, skip_front_matter=skip_front_matter)
    all_holes = list(holes or [])
    if markdown and skip_html_comments:
        all_holes += [(m.start(), m.end()) for m in _HTML_COMMENT.finditer(text)]
    return _subtract(spans, sorted(all_holes))


class CommentScanner:
    """The HTML comments of a text read in pieces (each but the last ends just after a
    newline): what ``_HTML_COMMENT.finditer`` finds in the whole text."""

    def __init__(self) -> None:
        self.ranges: list[tuple[int, int]] = []
        self._base = 0
        self._open: int | None = None  # start of a comment not closed yet

    def feed(self, text: str) -> None:
        base, pos = self._base, 0
        if self._open is not None:
            close = text.find("-->", max(0, self._open + 4 - base))
            if close < 0:
                self._base += len(text)
                return
            self.ranges.append((self._open, base + close + 3))
            self._open, pos = None, close + 3
        while (start := text.find("<!--", pos)) >= 0:
            close = text.find("-->", start + 4)
            if close < 0:
                self._open = base + start
                break
            self.ranges.append((base + start, base + close + 3))
            pos = close + 3
        self._base += len(text)

    def finish(self) -> list[tuple[int, int]]:
        if self._open is not None:
            self.ranges.append((self._open, self._base))
            self._open = None
        return self.ranges


def _corrections(text: str, spans: list[tuple[int, int]], settings: FileSettings) -> list[Finding]:
    """A finding for every word of a span listed in ``corrections`` (URLs and e-mail
    addresses are not words: the speller's tokenizer decides)."""
    from modulfix.spelling.casing import transfer_case
    from modulfix.spelling.checker import tokenize

    table = dict(settings.corrections)
    out: list[Finding] = []
    for start, end in spans:
        for tok in tokenize(text[start:end], start):
            if tok.kind != "word":
                continue
            right = table.get(tok.text.lower())
            if right is None:
                continue
            fixed = transfer_case(tok.text, right)
            if fixed == tok.text:
                continue
            out.append(Finding("forced-correction", tok.start, tok.end, tok.text,
                               "project correction", severity="error",
                               suggestions=(fixed,), fix=fixed, source=settings.correction_source))
    return out


def check_source(source: Source, settings: FileSettings | None = None) -> FileResult:
    """Check one decoded file with the project ``settings`` (default: none)."""
    if settings is None:
        settings = FileSettings(markdown=source.is_markdown)
    text = source.text
    markdown = settings.markdown
    doc = Document(text, path=source.path, encoding=source.encoding, is_markdown=markdown)
    marks = directives.parse(text)
    spans = prose_spans(text, markdown, skip_code=settings.skip_code,
                        skip_front_matter=settings.skip_front_matter,
                        skip_html_comments=settings.skip_html_comments, holes=marks.comments)
    findings, dropped = check_spans(text, 0, spans, settings, marks)
    doc.findings = findings
    return FileResult(source, findings, doc, dropped)


def check_spans(text: str, base: int, spans: list[tuple[int, int]], settings: FileSettings,
                marks: directives.Directives, names: frozenset[str] | None = None,
                paragraph_start: bool = True) -> tuple[list[Finding], int]:
    """The findings in the prose ``spans`` of ``text`` (offsets into ``text``), which
    starts at offset ``base`` of its file, and how many were suppressed.

    ``marks`` (offsets into the file) and ``names`` are those of the whole file (no
    ``names``: those of ``text``); ``paragraph_start``: whether the first span starts a
    paragraph. The findings' offsets are into the file."""
    from modulfix.spelling import check_text

    found = check_text(text, spans, names, paragraph_start)
    if settings.corrections:
        forced = _corrections(text, spans, settings)
        if forced:
            found = [f for f in found if not any(f.start < g.end and f.end > g.start for g in forced)]
            found += forced
    if base:
        for f in found:
            f.start += base
            f.end += base
    found += marks.problems
    overrides = dict(settings.rules)
    findings: list[Finding] = []
    dropped = 0
    for f in found:
        if f.rule != "directive" and (marks.suppresses(f) or f.text.lower() in settings.allow):
            dropped += 1
            continue
        level = overrides.get(f.rule)
        if level == "off":
            continue
        if level is not None and level != f.severity:
            f = replace(f, severity=level)
        findings.append(f)
    findings.sort(key=lambda f: (f.start, f.end, f.rule))
    return findings, dropped


def fixed_text(result: FileResult, settings: FileSettings | None = None) -> str:
    """The text with every safe fix applied, settled: fixing it again changes nothing."""
    from dataclasses import replace as _replace

    from modulfix.fixes import settle

    def again(text: str) -> list[Finding]:
        return check_source(_replace(result.source, text=text), settings).findings

    return settle(result.source.text, again, result.findings)
