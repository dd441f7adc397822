"""Stage 2, boilerplate: label every source line and split out the comments.

Start reading from :func:`annotate`. The order matters:

1. the comment section (marker near the end, confirmed by a comment meta line, closed
   by footer navigation) is found first, split into :class:`Comment` records and
   scored for spam, so that nothing inside it is mistaken for body text;
2. whole-line site chrome (:mod:`modulfix.patterns.site`), PDF debris (page numbers,
   table-of-contents leaders, running headers repeated on every page);
3. the head of the page: the post date (kept as metadata) and the title, with any
   site header (blog name, tagline) before them.

Only whole lines are ever matched, so real sentences that contain chrome words
("Balas surat itu ...") stay content. Markdown input is left alone: it is our own
output or a human's, and :mod:`modulfix.structure` parses it.
"""

from __future__ import annotations

import re
from collections import Counter

from modulfix.document import BLANK, CHROME, COMMENT, CONTENT, DATE, SPAM, TITLE, Comment, Document, Line
from modulfix.patterns import site

MAX_CHROME_CHARS = 300  # longer lines are never chrome; also bounds every regex's work
COMMENT_ZONE = 0.4  # a comment section starts in the last 60% of the lines
CONFIRM_WINDOW = 6  # non-blank lines after a marker in which a comment meta line must appear
HEAD_WINDOW = 12  # non-blank lines searched for the date and the title
TITLE_MAX_WORDS = 16
SPAM_THRESHOLD = 0.5
REPEATED_MIN = 3  # a short line seen this often on a page with page numbers is a running header

_WORD_RE = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")
_NUMBERED_RE = re.compile(r"(?:[A-Za-z]|\d{1,3}|[IVXLC]{1,6})[.)]\s")


def annotate(doc: Document) -> None:
    """Label ``doc.lines``, fill ``doc.metadata`` (title, date) and ``doc.comments``."""
    if doc.is_markdown:
        return
    lines = doc.lines
    end = _label_comment_section(doc)
    _label_chrome(lines[:end])
    _label_head(doc, lines[:end])


# --- comment section -----------------------------------------------------------------


def _short(line: Line) -> str | None:
    """The stripped text of a line that could be chrome, or None (blank or too long)."""
    text = line.text.strip()
    if not text or len(text) > MAX_CHROME_CHARS:
        return None
    return text


def _is_comment_meta(text: str) -> bool:
    return bool(site.COMMENT_DATE_RE.fullmatch(text) or site.COMMENT_AUTHOR_RE.fullmatch(text)
                or site.COMMENT_ACTION_RE.fullmatch(text))


def _find_comment_start(lines: list[Line]) -> int | None:
    """Index of the first confirmed comment marker in the last part of the page."""
    first = int(len(lines) * COMMENT_ZONE)
    for i in range(first, len(lines)):
        text = _short(lines[i])
        if text is None or not site.COMMENT_MARKER_RE.fullmatch(text):
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
    for i in range(start + 1, len(lines)):
        text = _short(lines[i])
        if text and site.FOOTER_NAV_RE.fullmatch(text):
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
        text = _short(lines[i]) if lines[i].label != BLANK else None
        if text is None and lines[i].label != BLANK:
            texts.append(lines[i].text.strip())
            current.lines.append(i + 1)
            continue
        if text is None:
            continue
        author, date = _comment_meta(text)
        if author is not None or date is not None:
            if texts and (author or current.date):
                flush()
            current.author = author or current.author
            current.date = date or current.date
        elif site.COMMENT_ACTION_RE.fullmatch(text) or site.COMMENT_MARKER_RE.fullmatch(text):
            flush()
        elif any(rx.fullmatch(text) for _, rx in site.CHROME):
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
    m = site.COMMENT_DATE_RE.fullmatch(text)
    if m:
        return m.group("author").strip() or None, _comment_timestamp(m)
    m = site.COMMENT_AUTHOR_RE.fullmatch(text)
    if m:
        return (m.group("author") or m.group("author2")).strip(), None
    return None, None


def _comment_timestamp(m: re.Match[str]) -> str:
    """``YYYY-MM-DD HH:MM`` from a comment date match (24-hour clock)."""
    date = _iso_date(m)
    time = m.group("time").lower()
    clock = re.match(r"(\d{1,2})[.:](\d{2})", time)
    hour, minute = int(clock.group(1)), int(clock.group(2))
    if "pm" in time and hour < 12:
        hour += 12
    if "am" in time and hour == 12:
        hour = 0
    return f"{date} {hour:02d}:{minute:02d}" if date else ""


def _next_is_date(lines: list[Line], i: int, end: int) -> bool:
    """WordPress puts the author's name alone on a line, right above the comment date."""
    for j in range(i + 1, min(end, i + 3)):
        text = _short(lines[j])
        if text:
            m = site.COMMENT_DATE_RE.fullmatch(text)
            return bool(m) and not m.group("author").strip()
    return False


def _score_comments(doc: Document, section_start: int) -> None:
    """Set each comment's spam score from plain-text features (see :func:`spam_score`)."""
    post_words = {w.lower() for ln in doc.lines[:section_start] for w in _WORD_RE.findall(ln.text)}
    for comment in doc.comments:
        comment.spam_score = spam_score(comment.text, post_words)
        comment.spam = comment.spam_score >= SPAM_THRESHOLD


def spam_score(text: str, post_words: set[str]) -> float:
    """A 0..1 score: the sum of the features found, capped at 1.

    Each feature alone stays below the threshold except contact data and links
    together with selling words; genuine reader comments (short Indonesian thanks or
    remarks about the post) score 0-0.2.
    """
    words = _WORD_RE.findall(text)
    lower = [w.lower() for w in words]
    score = 0.0
    if lower and sum(w in site.ENGLISH_STOPWORDS for w in lower) / len(lower) > 0.15:
        score += 0.35
    score += min(0.6, 0.3 * sum(w in site.COMMERCIAL_WORDS for w in lower))
    score += min(0.6, 0.3 * (len(site.URL_RE.findall(text)) + len(site.EMAIL_RE.findall(text))
                             + len(site.PHONE_RE.findall(text))))
    caps = [w for w in words if len(w) >= 2 and w.isupper()]
    if words and len(caps) / len(words) > 0.1:
        score += 0.2
    content = [w for w in lower if len(w) >= 4]
    if len(content) >= 5 and sum(w in post_words for w in content) / len(content) < 0.3:
        score += 0.2
    return min(1.0, round(score, 2))


# --- chrome and PDF debris -----------------------------------------------------------


def _label_chrome(lines: list[Line]) -> None:
    """Label whole-line site chrome, table-of-contents lines and running headers."""
    for line in lines:
        text = _short(line)
        if text is None or line.label != CONTENT:
            continue
        for reason, rx in site.CHROME:
            if rx.fullmatch(text):
                line.label, line.reason = CHROME, reason
                break
        else:
            if site.TOC_RE.fullmatch(text):
                line.label, line.reason = CHROME, "table of contents"
    _label_toc_heading(lines)
    _label_running_headers(lines)


def _label_toc_heading(lines: list[Line]) -> None:
    """``DAFTAR ISI`` is chrome when the next non-blank line is a table-of-contents entry."""
    for i, line in enumerate(lines):
        text = _short(line)
        if text is None or line.label != CONTENT or not site.TOC_HEADING_RE.fullmatch(text):
            continue
        nxt = next((ln for ln in lines[i + 1:] if ln.label != BLANK), None)
        if nxt is not None and nxt.reason == "table of contents":
            line.label, line.reason = CHROME, "table of contents"


def _label_running_headers(lines: list[Line]) -> None:
    """Short lines repeated on every page of a PDF (only on pages with page numbers)."""
    pages = sum(1 for ln in lines if ln.reason == "pdf-page-number")
    if pages < REPEATED_MIN - 1:
        return
    counts = Counter(t for t in (_short(ln) for ln in lines if ln.label == CONTENT) if t)
    for line in lines:
        text = _short(line)
        if line.label == CONTENT and text and counts[text] >= REPEATED_MIN and len(text.split()) <= 12:
            line.label, line.reason = CHROME, "running header"


# --- head: date and title -------------------------------------------------------------


def _label_head(doc: Document, lines: list[Line]) -> None:
    """Find the post date and the title among the first lines; the rest of the head
    before them (blog name, tagline) is site header."""
    head = _head_lines(lines)
    date_line = next((ln for ln in head if site.POST_DATE_RE.fullmatch(ln.text.strip())), None)
    if date_line is not None:
        date_line.label, date_line.reason = DATE, "post date"
        doc.metadata["date"] = parse_date(date_line.text) or ""
        if not doc.metadata["date"]:
            del doc.metadata["date"]
    title = _pick_title(head, date_line)
    if title is None:
        return
    title.label, title.reason = TITLE, "first heading-like line of the head"
    doc.metadata["title"] = " ".join(title.text.split())
    for line in head:
        if line is title:
            break
        if line.label == CONTENT:
            line.label, line.reason = CHROME, "site header before the title"
    _label_repeated_title(lines, title)


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
        if not _title_like(line.text.strip()) and not site.POST_DATE_RE.fullmatch(line.text.strip()):
            break
        head.append(line)
    return head


def _title_like(text: str) -> bool:
    """Short, not a sentence, not a numbered heading or list item."""
    return (0 < len(text) <= 200 and len(text.split()) <= TITLE_MAX_WORDS
            and not text.endswith((".", ",", ";", ":")) and not _NUMBERED_RE.match(text))


def _pick_title(head: list[Line], date_line: Line | None) -> Line | None:
    """Blogger puts the date above the title, WordPress below it: prefer the first
    candidate after the date, else the last one before it, else the first one."""
    candidates = [ln for ln in head if ln is not date_line and _title_like(ln.text.strip())]
    if not candidates:
        return None
    if date_line is None:
        return candidates[0]
    after = [ln for ln in candidates if ln.start > date_line.start]
    before = [ln for ln in candidates if ln.start < date_line.start]
    return after[0] if after else before[-1]


def _label_repeated_title(lines: list[Line], title: Line) -> None:
    """Templates repeat the title (share boxes, breadcrumbs): later copies are chrome."""
    key = " ".join(title.text.split()).casefold()
    for line in lines:
        if line is not title and line.label == CONTENT and " ".join(line.text.split()).casefold() == key:
            line.label, line.reason = CHROME, "title repeated"


def parse_date(text: str) -> str | None:
    """ISO ``YYYY-MM-DD`` of the first date in ``text`` (English or Indonesian), or None."""
    m = site.DATE_RE.search(text[:MAX_CHROME_CHARS])
    return _iso_date(m) if m else None


def _iso_date(m: re.Match[str]) -> str | None:
    """The ISO date of a :data:`site.DATE_CORE` match; None when it is not a real date."""
    g = m.groupdict()
    if g.get("year3"):
        year, month, day = int(g["year3"]), int(g["month3"]), int(g["day3"])
    elif g.get("year"):
        year, month, day = int(g["year"]), site.MONTHS[g["month"].lower()], int(g["day"])
    else:
        year, month, day = int(g["year2"]), site.MONTHS[g["month2"].lower()], int(g["day2"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"
