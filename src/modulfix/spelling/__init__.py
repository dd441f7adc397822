"""Stage 4, spelling: the Indonesian speller and PUEBI rules.

Public entry points: :func:`check_text` (``check``/``fix``) and :func:`annotate`
(``clean``). The lexicon, morphology and suggestion index are loaded on first use.
"""

from __future__ import annotations

from modulfix.document import Document, Finding

_CHECKER = None


def get_checker():
    global _CHECKER
    if _CHECKER is None:
        from modulfix.spelling.checker import Checker
        from modulfix.spelling.lexicon import load
        from modulfix.spelling.speller import Speller

        _CHECKER = Checker(Speller(load()))
    return _CHECKER


def check_text(text: str, spans: list[tuple[int, int]] | None = None, names: frozenset[str] | None = None,
               paragraph_start: bool = True) -> list[Finding]:
    """Findings for ``text`` (all of it, or only the given ``(start, end)`` spans).

    ``names`` and ``paragraph_start``: when ``text`` is one piece of a longer document,
    the document's names and whether the piece starts a paragraph."""
    if spans is None:
        spans = []
        start = 0
        for line in text.split("\n"):
            spans.append((start, start + len(line)))
            start += len(line) + 1
    findings = get_checker().check_lines(text, spans, names, paragraph_start)
    findings.sort(key=lambda f: (f.start, f.end, f.rule))
    return findings


def annotate(doc: Document) -> None:
    """``clean``: check every block segment and record the findings on the document."""
    spans = [(s.start, s.end) for b in doc.blocks if b.kind not in ("code", "raw") for s in b.segments]
    findings = check_text(doc.text, spans)
    # a reference is cited as published: no italics forced into its title (in Markdown
    # input, the items under a Daftar Pustaka heading: clean's own output reads the same)
    from modulfix.structure import REFERENCE_HEADINGS

    refs: list[tuple[int, int]] = []
    in_refs = False
    for b in doc.blocks:
        if b.kind == "heading":
            title = b.text if b.text is not None else " ".join(doc.text[s.start:s.end] for s in b.segments)
            in_refs = title.strip().strip("#").strip().rstrip(":").casefold() in REFERENCE_HEADINGS
        elif b.kind == "reference" or (in_refs and b.kind in ("list_item", "paragraph")):
            refs.extend((s.start, s.end) for s in b.segments)
    for f in findings:
        if f.italic and any(a <= f.start < b for a, b in refs):
            f.italic = False
    doc.findings.extend(findings)
