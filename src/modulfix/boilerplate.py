"""Stage 2, boilerplate: label every source line and split out the comments.

Start reading from :func:`annotate`. The order matters:

1. the comment section (marker near the end, confirmed by a comment meta line, closed
   by footer navigation) is found first, split into :class:`Comment` records and
   scored for spam (:mod:`modulfix.spam`), so that nothing inside it is mistaken for
   body text;
2. whole-line site chrome, by template, from the data in ``dictionaries/boilerplate/``
   (:mod:`modulfix.patterns`); then the generic rules for unknown templates: UI words,
   counters, leaked markup (also data), spam lines outside a comment section, and short
   lines repeated across the page;
3. PDF debris: page numbers, table-of-contents lines (with dotted leaders, or page
   numbers after a ``DAFTAR ISI`` heading), running headers repeated on every page;
4. the head of the page: the post date (kept as metadata, :mod:`modulfix.dates`) and the
   title, with any site header (blog name, tagline, menu) before them.

Only whole lines are ever matched, so real sentences that contain chrome words
("Balas surat itu ...") stay content. Markdown input is left alone: it is our own
output or a human's, and :mod:`modulfix.structure` parses it; Markdown extracted from
HTML (``lines_only=True``) gets the line rules but keeps its structure.
"""

from __future__ import annotations

import re
from collections import Counter

from modulfix import dates
from modulfix.document import BLANK, CHROME, COMMENT, CONTENT, DATE, SPAM, TITLE, Comment, Document, Line
from modulfix.patterns import load as _patterns
from modulfix.spam import SPAM_THRESHOLD, WORD_RE, contact_count, language, spam_score

__all__ = ["annotate", "parse_date", "spam_score", "SPAM_THRESHOLD"]

MAX_CHROME_CHARS = 300  # longer lines are never chrome; also bounds every regex's work
COMMENT_ZONE = 0.4  # a comment section starts in the last 60% of the lines
CONFIRM_WINDOW = 6  # non-blank lines after a marker in which a comment meta line must appear
HEAD_WINDOW = 14  # non-blank lines searched for the date and the title
TITLE_MAX_WORDS = 16
REPEATED_MIN = 3  # a short line seen this often is a running header or a repeated widget
REPEATED_MAX_WORDS = 12

_NUMBERED_RE = re.compile(r"(?:[A-Za-z]|\d{1,3}|[IVXLC]{1,6})[.)]\s")
_MARKER_RE = re.compile(r"(?:[A-Za-z]|\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,7})[.)]\s|[-•*·▪●◦–—➢➤✓]\s|\(\w{1,3}\)\s")
# A table-of-contents entry: text, a dotted leader, a page number ("KATA PENGANTAR ...... i").
TOC_RE = re.compile(r".{1,120}?(?:\.{4,}|…{2,}|(?:\. ){4,}|_{4,})\s{0,5}\.?\s{0,5}(?:\d{1,4}|[ivxlc]{1,6})",
                    re.IGNORECASE)
# After a DAFTAR ISI heading, entries may have no leader: "BAB I PENDAHULUAN      1".
_TOC_PLAIN_RE = re.compile(r".{1,120}?\S\s{1,40}(?:\d{1,4}|[ivxlc]{1,6})", re.IGNORECASE)
TOC_HEADING_RE = re.compile(r"daftar isi|table of contents|contents|isi modul", re.IGNORECASE)
# Separators between a title and the blog name in a page title: "Judul | Blog", "Blog: Judul".
_TITLE_SPLIT_RE = re.compile(r"\s[|–—-]\s|:\s|\s»\s")
_SITE_RE = re.compile(r"\.(?:com|net|org|id|info)\b|blogspot|wordpress|\bblog\b", re.IGNORECASE)


def annotate(doc: Document, lines_only: bool = False) -> None:
    """Label ``doc.lines``, fill ``doc.metadata`` (title, date) and ``doc.comments``.

    ``lines_only``: the text is Markdown extracted from HTML (title, date and comments
    already known): apply the chrome and spam line rules, nothing else.
    """
    if doc.is_markdown and not lines_only:
        return
    lines = doc.lines
    if lines_only:
        _label_markdown_chrome(lines)
        _label_spam_lines(doc, lines)
        _score_comments(doc, len(lines))
        return
    end = _label_comment_section(doc)
    body = lines[:end]
    _label_chrome(body)
    _label_spam_lines(doc, body)
    _label_head(doc, body)
    _label_repeated(body, _key(doc.metadata.get("title", "")))


def parse_date(text: str) -> str | None:
    """ISO ``YYYY-MM-DD`` of the first date in ``text`` (English or Indonesian), or None."""
    return dates.parse_date(text, MAX_CHROME_CHARS)


# --- comment section -----------------------------------------------------------------


def _short(line: Line) -> str | None:
    """The stripped text of a line that could be chrome, or None (blank or too long)."""
    text = line.text.strip()
    if not text or len(text) > MAX_CHROME_CHARS:
        return None
    return text


def _author_match(text: str) -> re.Match[str] | None:
    for rx in _patterns().comment_author:
        m = rx.fullmatch(text)
        if m:
            return m
    return None


def _is_comment_meta(text: str) -> bool:
    return bool(dates.comment_date_match(text) or _author_match(text)
                or _patterns().comment_action.fullmatch(text))


def _find_comment_start(lines: list[Line]) -> int | None:
    """Index of the first confirmed comment marker in the last part of the page."""
    first = int(len(lines) * COMMENT_ZONE)
    marker = _patterns().comment_marker
    for i in range(first, len(lines)):
        text = _short(lines[i])
        if text is None or not marker.fullmatch(text):
            continue
        following = [t for t in (_short(ln) for ln in lines[i + 1:i + 1 + 3 * CONFIRM_WINDOW]) if t]
        if any(_is_comment_meta(t) for t in following[:CONFIRM_WINDOW]):
            return i
    return None


def _label_comment_section(doc: Document) -> int:
    """Label the comment section and what follows it; return where the page body ends."""
    lines = doc.lines
    start = _find_comment_start(lines)
    if start is None:
        return len(lines)
    end = len(lines)
    footer = _patterns().footer_nav
    for i in range(start + 1, len(lines)):
        text = _short(lines[i])
        if text and footer.fullmatch(text):
            end = i
            break
    doc.comments = _split_comments(lines, start, end)
    _score_comments(doc, start)
    for i in range(start, len(lines)):
        line = lines[i]
        if line.label == BLANK:
            continue
        if i >= end:
            line.label, line.reason = CHROME, "footer after comment section"
        elif line.label == CONTENT:
            line.label, line.reason = COMMENT, "comment section"
    for comment in doc.comments:
        for number in comment.lines:
            line = lines[number - 1]
            line.label = SPAM if comment.spam else COMMENT
            line.reason = f"comment text (spam score {comment.spam_score:.2f})"
    return start


def _split_comments(lines: list[Line], start: int, end: int) -> list[Comment]:
    """Group the section's lines into comments: author/date meta lines, text, actions.

    Templates differ in order (name before or after the text, date before or after),
    so a comment is closed by an action line (``Reply``/``Balas``), a new marker, or
    an author line arriving when the current comment already has text.
    """
    p = _patterns()
    comments: list[Comment] = []
    current = Comment()
    texts: list[str] = []

    def flush() -> None:
        nonlocal current, texts
        if texts:
            current.text = " ".join(texts)
            comments.append(current)
        current, texts = Comment(), []

    for i in range(start, end):
        if lines[i].label == BLANK:
            continue
        text = _short(lines[i])
        if text is None:
            texts.append(lines[i].text.strip())
            current.lines.append(i + 1)
            continue
        author, date = _comment_meta(text)
        if author is not None or date is not None:
            if texts and (author or current.date):
                flush()
            current.author = author or current.author
            current.date = date or current.date
        elif p.comment_action.fullmatch(text) or p.comment_marker.fullmatch(text):
            flush()
        elif p.chrome_reason(text):
            continue
        elif not texts and not current.author and len(text.split()) <= 5 and _next_is_date(lines, i, end):
            current.author = text
        else:
            texts.append(text)
            current.lines.append(i + 1)
    flush()
    return comments


def _comment_meta(text: str) -> tuple[str | None, str | None]:
    """(author, date) of a meta line; (None, None) when it is not one."""
    m = dates.comment_date_match(text)
    if m:
        author = m.group("author").strip().rstrip(",|-·").strip()
        return author or None, dates.comment_timestamp(m)
    m = _author_match(text)
    if m:
        return m.group("author").strip(), None
    return None, None


def _next_is_date(lines: list[Line], i: int, end: int) -> bool:
    """WordPress puts the author's name alone on a line, right above the comment date."""
    for j in range(i + 1, min(end, i + 3)):
        text = _short(lines[j])
        if text:
            m = dates.comment_date_match(text)
            return bool(m) and not m.group("author").strip()
    return False


def _post_vocabulary(lines: list[Line]) -> tuple[set[str], str]:
    words = [w.lower() for ln in lines if ln.label in (CONTENT, TITLE) for w in WORD_RE.findall(ln.text[:5000])]
    return set(words), language(words) or "id"


def _score_comments(doc: Document, section_start: int) -> None:
    """Set each comment's spam score from plain-text features (see :func:`spam_score`)."""
    post_words, lang = _post_vocabulary(doc.lines[:section_start])
    for comment in doc.comments:
        comment.spam_score = spam_score(comment.text, post_words, lang)
        comment.spam = comment.spam_score >= SPAM_THRESHOLD


# --- chrome and PDF debris -----------------------------------------------------------


_MD_DECORATION_RE = re.compile(r"\s{0,3}(?:#{1,6}\s+|[-*+]\s+|\d{1,9}[.)]\s+)?")
_MD_LINK_RE = re.compile(r"!?\[([^\[\]]{0,300})\]\([^()\s]{0,2000}\)")
_MD_FENCE_RE = re.compile(r" {0,3}(?:`{3,}|~{3,})")


def _markdown_plain(text: str) -> str:
    """The words of a Markdown line: no heading or list marker, emphasis or link syntax."""
    text = text[_MD_DECORATION_RE.match(text).end():]
    text = _MD_LINK_RE.sub(r"\1", text)
    return text.strip().strip("*_").strip()


def _label_markdown_chrome(lines: list[Line]) -> None:
    """Chrome that slipped through an HTML extractor, in its Markdown output: the same
    whole-line patterns on each line's words (never inside a fenced code block)."""
    p = _patterns()
    in_code = False
    for line in lines:
        if _MD_FENCE_RE.match(line.text):
            in_code = not in_code
            continue
        text = _short(line)
        if in_code or text is None or line.label != CONTENT:
            continue
        plain = _markdown_plain(text)
        if not plain:
            continue
        reason = p.chrome_reason(plain)
        if reason:
            line.label, line.reason = CHROME, reason
        elif TOC_RE.fullmatch(plain):
            line.label, line.reason = CHROME, "table of contents"


def _label_chrome(lines: list[Line]) -> None:
    """Label whole-line site chrome and table-of-contents lines, then the lines that
    chrome gives away: a name next to an uploader label or a follow button, the links
    under a widget title, navigation bars at the top and bottom of the page."""
    p = _patterns()
    for line in lines:
        text = _short(line)
        if text is None or line.label != CONTENT:
            continue
        reason = p.chrome_reason(text)
        if reason:
            line.label, line.reason = CHROME, reason
        elif TOC_RE.fullmatch(text):
            line.label, line.reason = CHROME, "table of contents"
    _label_toc(lines)
    nonblank = [ln for ln in lines if ln.label != BLANK]
    _label_names(nonblank)
    _label_widgets(lines)
    _label_nav_bars(nonblank)


def _name_like(line: Line) -> bool:
    text = _short(line)
    return (line.label == CONTENT and text is not None and len(text.split()) <= 5 and len(text) <= 60
            and not text.endswith((".", ",", ";", ":", "?", "!")))


def _label_names(nonblank: list[Line]) -> None:
    """``Uploaded by`` / NAME, NAME / ``Follow``: the name is chrome too."""
    p = _patterns()
    for k, line in enumerate(nonblank):
        if line.label != CHROME:
            continue
        text = line.text.strip()
        if k + 1 < len(nonblank) and p.chrome_next.fullmatch(text) and _name_like(nonblank[k + 1]):
            nonblank[k + 1].label, nonblank[k + 1].reason = CHROME, f"name after {text!r}"
        if k > 0 and p.chrome_before.fullmatch(text) and _name_like(nonblank[k - 1]):
            nonblank[k - 1].label, nonblank[k - 1].reason = CHROME, f"name before {text!r}"


def _label_widgets(lines: list[Line]) -> None:
    """Under a widget title (``Artikel Terkait``, ``Baca Juga``), the list of post
    titles up to the next blank line."""
    widget = _patterns().widget_heading
    for i, line in enumerate(lines):
        text = _short(line)
        if text is None or line.label not in (CHROME, CONTENT) or not widget.fullmatch(text.rstrip(":").strip()):
            continue
        line.label, line.reason = CHROME, line.reason or "widget title"
        for ln in lines[i + 1:]:
            t = _short(ln)
            if ln.label == BLANK or t is None or ln.label not in (CONTENT, CHROME) or not _title_like(t):
                break
            ln.label, ln.reason = CHROME, "widget list"


_NAV_SPLIT_RE = re.compile(r"\s[|•·]\s")
NAV_ZONE = 0.15  # navigation bars are looked for in the first and last 15% of the lines


def _label_nav_bars(nonblank: list[Line]) -> None:
    """``Tentang Kami | Redaksi | Kebijakan Privasi`` at the top or bottom of the page:
    three or more short items separated by bars or bullets."""
    zone = max(3, int(len(nonblank) * NAV_ZONE))
    for k, line in enumerate(nonblank):
        if zone <= k < len(nonblank) - zone or line.label != CONTENT:
            continue
        text = _short(line)
        parts = _NAV_SPLIT_RE.split(text) if text else []
        if len(parts) >= 3 and all(0 < len(p.split()) <= 4 and len(p) <= 40 and not p.endswith(".")
                                   for p in parts):
            line.label, line.reason = CHROME, "navigation bar"


def _label_toc(lines: list[Line]) -> None:
    """``DAFTAR ISI`` and the entries under it: dotted leaders, or text and a page number."""
    for i, line in enumerate(lines):
        text = _short(line)
        if text is None or line.label != CONTENT or not TOC_HEADING_RE.fullmatch(text.rstrip(":")):
            continue
        entries = []
        for ln in lines[i + 1:]:
            t = _short(ln)
            if ln.label == BLANK:
                if entries:
                    break
                continue
            if ln.reason in ("table of contents", "pdf-page"):
                entries.append(ln)
                continue
            if t is None or ln.label != CONTENT or not _TOC_PLAIN_RE.fullmatch(t):
                break
            entries.append(ln)
        if any(ln.reason == "table of contents" for ln in entries) or len(entries) >= 2:
            line.label, line.reason = CHROME, "table of contents"
            for ln in entries:
                ln.label, ln.reason = CHROME, "table of contents"


def _label_repeated(lines: list[Line], title_key: str = "") -> None:
    """Short lines repeated across the page: running headers and footers of a PDF,
    widgets and bylines of a site template.

    A line repeated next to page numbers (within two lines of one, every time) is a
    running header or footer. On a page with page numbers, any short line seen three
    times is one too. Without page numbers a line seen three times must also look like
    furniture rather than a recurring module label ("Jawab:", "Contoh", "1. Pendahuluan"):
    several words, no final punctuation, no numbering marker.
    """
    nonblank = [ln for ln in lines if ln.label != BLANK]
    page_at = [k for k, ln in enumerate(nonblank) if ln.reason == "pdf-page"]
    near_page: set[int] = set()
    for k in page_at:
        near_page.update(range(max(0, k - 2), k + 3))
    groups: dict[str, list[int]] = {}
    for k, ln in enumerate(nonblank):
        text = _short(ln)
        if ln.label == CONTENT and text and len(text.split()) <= REPEATED_MAX_WORDS:
            groups.setdefault(_key(text), []).append(k)
    for key, where in groups.items():
        if len(where) < 2 or key == title_key:
            continue
        text = nonblank[where[0]].text.strip()
        furniture = not text.endswith((".", ":", "?", "!", ";", ",")) and not _MARKER_RE.match(text)
        if furniture and all(k in near_page for k in where):
            reason = "running header"
        elif len(where) < REPEATED_MIN:
            continue
        elif len(page_at) >= REPEATED_MIN - 1:
            reason = "running header"
        elif furniture and len(text.split()) >= 2:
            reason = "repeated line"
        else:
            continue
        for k in where:
            nonblank[k].label, nonblank[k].reason = CHROME, reason


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _label_spam_lines(doc: Document, lines: list[Line]) -> None:
    """Spam outside a comment section (sidebar ads, injected links): a line with contact
    data (URL, e-mail, phone) and selling words, or English selling text with a link."""
    p = _patterns()
    vocabulary = None  # the post's words and language: read once, when a line needs them
    for line in lines:
        if line.label != CONTENT:
            continue
        text = line.text[:MAX_CHROME_CHARS * 2]
        contacts = contact_count(text)
        if not contacts:
            continue
        selling = sum(w.lower() in p.spam_words for w in WORD_RE.findall(text))
        if selling < 2:
            continue
        if vocabulary is None:
            vocabulary = _post_vocabulary(lines)
        if spam_score(text, *vocabulary) >= SPAM_THRESHOLD:
            line.label, line.reason = SPAM, "spam line (contact data and selling words)"


# --- head: date and title -------------------------------------------------------------


def _label_head(doc: Document, lines: list[Line]) -> None:
    """Find the post date and the title among the first lines; the rest of the head
    before them (blog name, tagline, menu) is site header."""
    head = _head_lines(lines)
    date_line = next((ln for ln in head if dates.post_date_re().fullmatch(ln.text.strip())), None)
    if date_line is None:
        date_line = _late_date(lines, head)
    if date_line is not None:
        date_line.label, date_line.reason = DATE, "post date"
        iso = parse_date(date_line.text)
        if iso:
            doc.metadata["date"] = iso
    title = _pick_title(lines, head, date_line)
    if title is None:
        return
    title_line, title_text = title
    title_line.label, title_line.reason = TITLE, "first heading-like line of the head"
    doc.metadata["title"] = title_text
    if title_text != " ".join(title_line.text.split()):
        title_line.label, title_line.reason = CHROME, "page title with the blog name"
        title_line = _same_text_line(lines, title_text, after=title_line) or title_line
        if title_line.label == CONTENT:
            title_line.label, title_line.reason = TITLE, "title (after a page title with the blog name)"
    for line in head:
        if line is title_line or line.start > title_line.start:
            break
        if line.label == CONTENT:
            line.label, line.reason = CHROME, "site header before the title"
    if date_line is not None and date_line.start > title_line.start:
        for line in head:
            if title_line.start < line.start < date_line.start and line.label == CONTENT:
                line.label, line.reason = CHROME, "byline between the title and the date"
        nxt = next((ln for ln in lines if ln.start > date_line.start and ln.label != BLANK), None)
        if nxt is not None and nxt in head and _name_like(nxt) and len(nxt.text.split()) <= 3:
            nxt.label, nxt.reason = CHROME, "byline after the date"
    _label_repeated_title(lines, title_line, title_text)


def _late_date(lines: list[Line], head: list[Line]) -> Line | None:
    """A post-date line just after the title and a byline (``Posted on ... by``,
    ``Diposting pada``) or among the first lines after chrome."""
    seen = 0
    for line in lines:
        if line.label == BLANK:
            continue
        seen += 1
        if seen > HEAD_WINDOW + 4:
            break
        text = line.text.strip()
        if line.label in (CONTENT, CHROME) and len(text) <= MAX_CHROME_CHARS and dates.post_date_re().fullmatch(text):
            return line
    return None


def _head_lines(lines: list[Line]) -> list[Line]:
    """Non-blank, non-chrome lines before the first paragraph-like line (at most a few)."""
    head: list[Line] = []
    seen = 0
    for line in lines:
        if line.label == BLANK:
            continue
        seen += 1
        if seen > HEAD_WINDOW:
            break
        if line.label != CONTENT:
            continue
        text = line.text.strip()
        if not _title_like(text) and not dates.post_date_re().fullmatch(text[:MAX_CHROME_CHARS]):
            break
        head.append(line)
    return head


def _title_like(text: str) -> bool:
    """Short, not a sentence, not a numbered heading or list item."""
    return (0 < len(text) <= 200 and len(text.split()) <= TITLE_MAX_WORDS
            and not text.endswith((".", ",", ";", ":")) and not _NUMBERED_RE.match(text))


def _pick_title(lines: list[Line], head: list[Line], date_line: Line | None) -> tuple[Line, str] | None:
    """The title line and its text.

    A title inside a page title with the blog name ("Blog: Judul", "Judul | Blog") is
    the title. Without a date, the first head line repeated later on the page (the
    document's own first line) or else the first head line. With a date: Blogger puts it
    above the title, WordPress and Kompasiana below it (with the author between them):
    the first candidate after the date, else the longest one before it.
    """
    candidates = [ln for ln in head if ln is not date_line and ln.label == CONTENT and _title_like(ln.text.strip())]
    if not candidates:
        return None
    for ln in candidates:
        part = _title_part(ln, lines)
        if part:
            return ln, part
    if date_line is None:
        counts = Counter(_key(ln.text) for ln in lines if ln.label in (CONTENT, CHROME) and _short(ln))
        repeated = [ln for ln in candidates if counts[_key(ln.text)] >= 2 and len(ln.text.split()) >= 2]
        chosen = repeated[0] if repeated else candidates[0]
    else:
        after = [ln for ln in candidates if ln.start > date_line.start]
        before = [ln for ln in candidates if ln.start < date_line.start]
        if after and len(after[0].text.split()) >= 3:
            chosen = after[0]
        else:
            # the longest line: titles are longer than blog names, categories and author
            # names (ties: the line after the date, else the one nearest the date)
            pool = list(reversed(before)) + after[:1]
            chosen = max(pool, key=lambda ln: (len(ln.text.split()), ln in after))
    return chosen, " ".join(chosen.text.split())


def _title_part(line: Line, lines: list[Line]) -> str | None:
    """The title inside "Blog: Judul" / "Judul | Blog": a part that is also a line of its
    own on the page, when the other parts are the site's name (a line of its own, not
    the line just before the title's, which would make it a title wrapped in two) or a
    domain."""
    text = " ".join(line.text.split())
    parts = _TITLE_SPLIT_RE.split(text)
    if len(parts) < 2:
        return None
    nonblank = [ln for ln in lines if ln is not line and ln.label != BLANK and _short(ln)]
    where = {}
    for k, ln in enumerate(nonblank):
        where.setdefault(_key(ln.text), k)
    for part in parts:
        k = where.get(_key(part))
        if len(part.split()) < 2 or k is None or k > HEAD_WINDOW:
            continue
        others = [o for o in parts if o is not part]
        if all(_SITE_RE.search(o) or where.get(_key(o), k - 1) < k - 1 for o in others):
            return part
    return None


def _same_text_line(lines: list[Line], text: str, after: Line) -> Line | None:
    key = _key(text)
    return next((ln for ln in lines if ln.start > after.start and _short(ln) and _key(ln.text) == key), None)


def _label_repeated_title(lines: list[Line], title: Line, title_text: str) -> None:
    """Templates repeat the title (share boxes, breadcrumbs): other copies are chrome."""
    key = _key(title_text)
    for line in lines:
        if line is not title and line.label in (CONTENT, CHROME) and _short(line) and _key(line.text) == key:
            line.label, line.reason = CHROME, "title repeated"
