"""The stages wired together: ingest -> boilerplate -> structure -> spelling -> markdown.

Each function here is pure (text in, document or text out) and never prints.
Heavy stages are imported inside the function that needs them.
"""

from __future__ import annotations

from dataclasses import dataclass

from modulfix.document import Document
from modulfix.ingest import Source, normalize


@dataclass
class CleanOptions:
    spelling: bool = True  # apply the speller's safe fixes (and italics)
    comments: str = "drop"  # drop | report | keep


def build_document(source: Source) -> Document:
    """Ingest: a normalised :class:`Document` from decoded input."""
    is_md = source.is_markdown or looks_like_markdown(source.text)
    return Document(normalize(source.text), path=source.path, encoding=source.encoding,
                    is_markdown=is_md, notes=list(source.notes))


def looks_like_markdown(text: str) -> bool:
    """Markdown we wrote (or a human did): YAML front matter or ATX headings."""
    from modulfix.structure import looks_like_markdown as _looks

    return _looks(text)


def clean_document(source: Source, options: CleanOptions | None = None) -> Document:
    """Run every stage of ``clean`` and return the annotated document."""
    from modulfix import boilerplate, html, structure

    options = options or CleanOptions()
    if html.looks_like_html(source.text, source.path):
        doc = html.build_document(source)  # needs trafilatura (the 'html' extra)
        boilerplate.annotate(doc, lines_only=True)
    else:
        doc = build_document(source)
        boilerplate.annotate(doc)
    structure.annotate(doc)
    if options.spelling:
        from modulfix.spelling import annotate as spell

        spell(doc)
    return doc


def render(doc: Document, options: CleanOptions | None = None) -> str:
    from modulfix import markdown

    options = options or CleanOptions()
    return markdown.render(doc, comments=options.comments)


def clean_text(text: str, path: str = "-", options: CleanOptions | None = None) -> str:
    """``clean`` on a string: the Markdown it produces."""
    options = options or CleanOptions()
    doc = clean_document(Source(path, text), options)
    return render(doc, options)
