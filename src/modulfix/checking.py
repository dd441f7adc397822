"""``check`` and ``fix`` as library functions: files in, findings and fixed text out.

Plain text is checked line by line. Markdown files skip what is not prose: YAML front
matter, fenced code blocks, inline code and URLs (the tokenizer already skips URLs).
Nothing here prints; :mod:`modulfix.cli` formats the results.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass

from modulfix.document import Document, Finding
from modulfix.errors import InputError
from modulfix.ingest import Source

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".mdown", ".mkd", ".text")
_SKIP_DIRS = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox"}
_FENCE = re.compile(r"^\s{0,3}(```+|~~~+)")
_INLINE_CODE = re.compile(r"`+[^`\n]*`+")


@dataclass
class FileResult:
    source: Source
    findings: list[Finding]
    doc: Document


def expand_paths(paths: list[str]) -> Iterator[str]:
    """Files named, and text files under directories (sorted, hidden dirs skipped)."""
    for p in paths:
        if p == "-":
            yield p
        elif os.path.isdir(p):
            found = []
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS and not d.startswith("."))
                found.extend(os.path.join(root, f) for f in files if f.lower().endswith(TEXT_SUFFIXES))
            yield from sorted(found)
        elif not os.path.exists(p):
            raise InputError(f"{p}: no such file or directory")
        else:
            yield p


def prose_spans(text: str, markdown: bool) -> list[tuple[int, int]]:
    """(start, end) spans of the text that are prose to check."""
    spans: list[tuple[int, int]] = []
    pos = 0
    lines = text.split("\n")
    in_front = markdown and lines and lines[0].strip() == "---"
    fence = ""
    for n, line in enumerate(lines):
        start, end = pos, pos + len(line)
        pos = end + 1
        if in_front:
            if n > 0 and line.strip() in ("---", "..."):
                in_front = False
            continue
        if markdown:
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
    return spans


def check_source(source: Source) -> FileResult:
    from modulfix.spelling import check_text

    text = source.text
    doc = Document(text, path=source.path, encoding=source.encoding)
    markdown = source.is_markdown
    findings = check_text(text, prose_spans(text, markdown))
    doc.findings = findings
    return FileResult(source, findings, doc)


def fixed_text(result: FileResult) -> str:
    """The text with every safe fix applied, settled: fixing it again changes nothing."""
    from dataclasses import replace as _replace

    from modulfix.fixes import settle

    def again(text: str) -> list[Finding]:
        return check_source(_replace(result.source, text=text)).findings

    return settle(result.source.text, again, result.findings)
