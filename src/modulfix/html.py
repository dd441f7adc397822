"""Raw HTML input for ``clean``: main text, title, date and comments, as Markdown.

Start reading from :func:`extract`. The main text comes from trafilatura (the
best-measured open-source extractor, Apache-2.0), asked for Markdown with formatting and
links, so headings, lists, emphasis and links survive; its title and date go to the
front matter. trafilatura returns comments as bare paragraphs, so :func:`_comments` first
reads them from the markup the blog engines write (WordPress ``li.comment``, Blogger
``comment-block``, classic Blogger ``dl#comments-block``) to keep each author and date,
and falls back to trafilatura's paragraphs. Spam scoring and the line rules for chrome
that slipped through run afterwards, in :mod:`modulfix.boilerplate`.

trafilatura is an optional dependency (``pip install 'modulfix[html]'``): it is imported
here, only when an HTML input is met, and its absence is one clear error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from modulfix.document import Comment, Document
from modulfix.errors import ConfigError

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
_SNIFF_RE = re.compile(r"\s*(?:<\?xml[^>]{0,200}>\s*)?(?:<!--.{0,2000}?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                       re.IGNORECASE | re.DOTALL)
MISSING = ("HTML input needs trafilatura, which is not installed: pip install 'modulfix[html]' "
           "(or save the page as text)")


def looks_like_html(text: str, path: str = "-") -> bool:
    """An ``.html`` file with markup in it, or text that opens like an HTML document."""
    if path.lower().endswith(HTML_SUFFIXES):
        return re.search(r"<[A-Za-z!]", text[:65536]) is not None
    return _SNIFF_RE.match(text[:4096]) is not None


def build_document(source) -> Document:
    """A :class:`Document` of the page's main text as Markdown (``is_markdown``), with
    the title and date in its metadata and the comments split out."""
    from modulfix.ingest import normalize

    extracted = extract(source.text, source.path)
    doc = Document(normalize(extracted.markdown), path=source.path, encoding=source.encoding,
                   is_markdown=True, notes=list(source.notes))
    if extracted.title:
        doc.metadata["title"] = extracted.title
    if extracted.date:
        doc.metadata["date"] = extracted.date
    doc.comments = extracted.comments
    return doc


@dataclass
class Extracted:
    markdown: str  # the main text as Markdown, the title as its first heading
    title: str = ""
    date: str = ""  # ISO YYYY-MM-DD, or ""
    comments: list[Comment] = field(default_factory=list)


def extract(html: str, path: str = "-") -> Extracted:
    """The main text (Markdown), title, date and comments of an HTML page."""
    try:
        import trafilatura
    except ImportError:
        raise ConfigError(f"{path}: {MISSING}") from None
    options = dict(include_formatting=True, include_links=True, include_tables=True, include_images=False)
    doc = trafilatura.bare_extraction(html, include_comments=True, with_metadata=True, **options)
    body = trafilatura.extract(html, output_format="markdown", include_comments=False, with_metadata=False,
                               **options) or ""
    title = " ".join((getattr(doc, "title", None) or "").split()) if doc is not None else ""
    date = (getattr(doc, "date", None) or "") if doc is not None else ""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        date = ""
    if title:
        body = _without_leading_title(body, title)
    body = _clean_markdown(body)
    if title:
        body = f"# {title}\n\n{body}" if body else f"# {title}\n"
    comment_text = (getattr(doc, "comments", None) or "") if doc is not None else ""
    return Extracted(body, title, date, _comments(html, comment_text))


_ATX_RE = re.compile(r"(#{1,6})(?= )")


def _clean_markdown(text: str) -> str:
    """trafilatura's Markdown, with its line noise removed (trailing spaces, runs of
    blank lines) and its headings shifted so that the highest is level 2: the title is
    the only level-1 heading, whatever ``<h3>``/``<h4>`` the theme used."""
    text = re.sub(r"[ \t]+\n", "\n", text.strip())
    text = re.sub(r"\n{3,}", "\n\n", text)
    lines = text.split("\n")
    fenced, levels = _fenced(lines), []
    for i, line in enumerate(lines):
        m = _ATX_RE.match(line)
        if m and not fenced[i]:
            levels.append(len(m.group(1)))
    if levels:
        shift = 2 - min(levels)
        for i, line in enumerate(lines):
            m = _ATX_RE.match(line)
            if m and not fenced[i]:
                lines[i] = "#" * max(1, min(6, len(m.group(1)) + shift)) + line[m.end():]
    text = "\n".join(lines)
    return text + "\n" if text else ""


def _fenced(lines: list[str]) -> list[bool]:
    inside, out = False, []
    for line in lines:
        fence = re.match(r" {0,3}(?:`{3,}|~{3,})", line)
        out.append(inside or bool(fence))
        if fence:
            inside = not inside
    return out


def _without_leading_title(body: str, title: str) -> str:
    """The body without its first line when that line is the title (as a heading or
    not): the title is put back as the one level-1 heading."""
    lines = body.lstrip("\n").split("\n")
    if lines and " ".join(lines[0].lstrip("#").split()).casefold() == title.casefold():
        return "\n".join(lines[1:])
    return body


# --- comments ------------------------------------------------------------------------

# Elements holding one comment's text, by engine; their comment is the nearest ancestor
# that also holds an author.
_TEXT_XPATH = (
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' comment-content ')]"
    " | //*[contains(concat(' ', normalize-space(@class), ' '), ' comment-text ')]"
    " | //dl[@id='comments-block']/dd[contains(@class, 'comment-body')]"
)
_AUTHOR_XPATH = (
    ".//*[contains(concat(' ', normalize-space(@class), ' '), ' fn ')]"
    " | .//cite[contains(@class, 'user')] | .//*[contains(@class, 'comment-author-name')]"
    " | .//*[contains(@class, 'comment-author')]"
)
_DATE_XPATH = (
    ".//time | .//*[contains(@class, 'datetime')] | .//*[contains(@class, 'comment-timestamp')]"
    " | .//*[contains(@class, 'comment-date')] | .//*[contains(@class, 'comment-metadata')]"
)
_SAYS_RE = re.compile(r"\s*(?:berkata|mengatakan|says|said|menulis)\s*(?::|\.\.\.|…)?\s*$", re.IGNORECASE)
_ISO_TIME_RE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2}))?")


def _comments(html: str, fallback: str) -> list[Comment]:
    comments = _structured_comments(html)
    if comments or not fallback.strip():
        return comments
    return [Comment(text=" ".join(p.split())) for p in re.split(r"\n\s*\n|\n", fallback) if p.strip()]


def _structured_comments(html: str) -> list[Comment]:
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return []
    comments = []
    for holder in root.xpath(_TEXT_XPATH):
        text = " ".join(holder.text_content().split())
        if not text:
            continue
        comment = Comment(text=text)
        node = holder
        if holder.tag == "dd":  # classic Blogger: <dt> author+date, <dd> body, <dd> footer
            dt = holder.getprevious()
            footer = holder.getnext()
            comment.author = _author_text(dt) if dt is not None else ""
            comment.date = _date_text(footer) if footer is not None else ""
        else:
            for _ in range(5):
                node = node.getparent()
                if node is None:
                    break
                authors = node.xpath(_AUTHOR_XPATH)
                if authors:
                    comment.author = _author_text(authors[0])
                    dates = node.xpath(_DATE_XPATH)
                    comment.date = _date_text(dates[0]) if dates else ""
                    break
        comments.append(comment)
    return comments


def _author_text(element) -> str:
    fn = element.xpath(".//*[contains(concat(' ', normalize-space(@class), ' '), ' fn ')]")
    text = " ".join((fn[0] if fn else element).text_content().split())
    return _SAYS_RE.sub("", text)[:80]


def _date_text(element) -> str:
    """``YYYY-MM-DD HH:MM`` (or the date alone) of a comment's date element."""
    from modulfix import dates

    times = [element] if element.tag == "time" else element.xpath(".//time")
    for t in times:
        m = _ISO_TIME_RE.match(t.get("datetime") or "")
        if m:
            return m.group(1) + (f" {m.group(2)}:{m.group(3)}" if m.group(2) else "")
    text = " ".join(element.text_content().split())[:200]
    m = dates.comment_date_re().search(text)
    if m:
        return dates.comment_timestamp(m)
    return dates.parse_date(text) or ""
