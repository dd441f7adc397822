"""Stage 3, structure: content lines -> headings, paragraphs, list items, references.

Start reading from :func:`annotate`. Plain text goes through three steps:

1. :func:`_classify` reads each kept line's numbering marker (``A.``, ``1.``, ``a)``,
   ``II.``, ``1.2``, ``BAB III``, bullets) and undoes letter spacing;
2. :func:`_is_heading` tells a numbered HEADING (short, alone, followed by text)
   from a LIST ITEM (indented, in a run of consecutive numbers, or after a colon);
3. :class:`_Levels` infers heading levels from how numbering styles nest and
   restart, and hard-wrapped lines are joined back into paragraphs.

Every block is built from :class:`Segment` slices of the source, stripped of
whitespace and of the marker (kept in ``Block.marker``). Markdown input (our own
output, or a human's) is parsed by :func:`_parse_markdown` and its structure kept,
which is what makes ``clean`` idempotent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from modulfix.document import BLANK, CHROME, COMMENT, CONTENT, DATE, SPAM, TITLE, Block, Document, Line, Segment

_REMOVED = (CHROME, COMMENT, SPAM, DATE)  # labels of lines that never reach the Markdown

MAX_HEADING_WORDS = 12
MAX_HEADING_CHARS = 100
MAX_LEVEL = 6
WRAP_MIN_LINES = 5  # lines of similar length needed to call a page hard-wrapped
WRAP_FULL = 0.7  # a line this close to the wrap width was cut by the wrap

# Numbering markers, tried in order on the line without its indentation. Each has
# groups "num" (the value as written) and "delim".
_MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("bab", re.compile(r"(?P<m>BAB\s+(?P<num>[IVXLC]{1,7}|\d{1,3}))(?P<delim>[.:]?)(?:\s+|$)", re.IGNORECASE)),
    ("dec", re.compile(r"(?P<m>(?P<num>\d{1,3}(?:\.\d{1,3})+)(?P<delim>\.?))\s+")),
    ("num", re.compile(r"(?P<m>(?P<num>\d{1,3})(?P<delim>[.)]))\s+")),
    ("paren", re.compile(r"(?P<m>\((?P<num>\d{1,3}|[a-z])(?P<delim>\)))\s+")),
    ("roman", re.compile(r"(?P<m>(?P<num>[IVXLC]{2,7}|[ivxlc]{2,7})(?P<delim>[.)]))\s+")),
    ("alpha", re.compile(r"(?P<m>(?P<num>[A-Za-z])(?P<delim>[.)]))\s+")),
)
_BULLET_RE = re.compile(r"(?P<m>[-•*·▪●◦–—➢➤✓])\s+")
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
_SENTENCE_END = (".", "!", "?", ":", ";")
REFERENCE_HEADINGS = frozenset({
    "daftar pustaka", "referensi", "daftar referensi", "bibliografi", "daftar rujukan",
    "rujukan", "references", "bibliography", "sumber bacaan",
})


def looks_like_markdown(text: str) -> bool:
    """YAML front matter at the top, or at least one ATX heading line (``# Judul``)."""
    if text.startswith("---\n") or text.startswith("---\r\n"):
        return True
    return _ATX_ANY_RE.search(text) is not None


_ATX_ANY_RE = re.compile(r"(?m)^ {0,3}#{1,6} \S")


def annotate(doc: Document) -> None:
    """Build ``doc.blocks`` from the kept lines (or from the Markdown source)."""
    if doc.is_markdown:
        _parse_markdown(doc)
    else:
        doc.blocks = _Builder(doc).build()


# --- classification --------------------------------------------------------------------


@dataclass
class _Item:
    """One kept line with what its numbering says."""

    line: Line
    seg: Segment  # text after the marker, stripped
    text: str  # the logical text (letter spacing undone), marker removed
    kind: str = "text"  # title | numbered | bullet | text
    style: str = ""
    value: int = 0
    marker: str = ""
    indented: bool = False
    gap_blank: bool = False  # blank lines between the previous kept line and this one
    gap_other: bool = False  # removed (chrome) lines between them
    normalised: bool = False  # text differs from the source (letter spacing)


def _roman_value(s: str) -> int:
    total = 0
    values = [_ROMAN[c] for c in s.lower()]
    for i, v in enumerate(values):
        total += -v if i + 1 < len(values) and values[i + 1] > v else v
    return total


def _unspace(text: str) -> str | None:
    """``P E N D A H U L U A N`` -> ``PENDAHULUAN`` (words split at 2+ spaces), or None."""
    words = re.split(r" {2,}", text)
    letters = [w.split(" ") for w in words]
    if sum(len(w) for w in letters) < 4 or any(len(c) != 1 for w in letters for c in w):
        return None
    return " ".join("".join(w) for w in letters)


def _classify(line: Line) -> _Item:
    """Split a line into marker and text; record the numbering style and value."""
    raw = line.text
    lead = len(raw) - len(raw.lstrip())
    body = raw.strip()
    seg_start = line.start + lead
    item = _Item(line, Segment(seg_start, seg_start + len(body)), body, indented=lead > 0)
    if line.label == TITLE:
        item.kind = "title"
        return item
    logical = _unspace(body)
    if logical is not None:
        item.text, item.normalised = logical, True
    for style, rx in _MARKERS:
        m = rx.match(item.text)
        if m:
            _set_marker(item, style, m)
            return item
    m = _BULLET_RE.match(item.text)
    if m:
        item.kind, item.marker = "bullet", m.group("m")
        _cut(item, m.end())
    return item


def _set_marker(item: _Item, style: str, m: re.Match[str]) -> None:
    num, delim = m.group("num"), m.group("delim")
    item.kind, item.marker = "numbered", m.group("m")
    if style in ("bab", "roman"):
        item.value = int(num) if num.isdigit() else _roman_value(num)
        item.style = "bab" if style == "bab" else ("ROMAN" if num.isupper() else "roman") + delim
    elif style == "dec":
        item.value, item.style = int(num.rsplit(".", 1)[1]), f"dec{num.count('.')}"
    elif style == "num":
        item.value, item.style = int(num), "num" + delim
    elif style == "paren":
        item.value = int(num) if num.isdigit() else ord(num) - 96
        item.style = "paren-num" if num.isdigit() else "paren-alpha"
    else:
        item.value = ord(num.lower()) - 96
        item.style = ("UPPER" if num.isupper() else "lower") + delim
    _cut(item, m.end())


def _cut(item: _Item, n: int) -> None:
    """Remove the first ``n`` characters (the marker) from the item's text and segment."""
    rest = item.text[n:]
    item.text = rest.strip()
    if not item.normalised:
        start = item.seg.start + n + (len(rest) - len(rest.lstrip()))
        item.seg = Segment(start, max(start, item.seg.end))


def _resolve_roman_letters(items: list[_Item]) -> None:
    """``I.``, ``V.``, ``X.``, ``C.``, ``L.`` are letters or roman numerals: a letter when
    it continues the lettering (``B.`` -> ``C.``), a numeral when it continues the
    roman numbering (``IV.`` -> ``V.``) or when it is ``I.`` starting one."""
    last: dict[str, int] = {}
    for it in items:
        if it.kind != "numbered":
            continue
        letter = it.marker[0] if len(it.marker) == 2 else ""
        if letter.lower() in _ROMAN and it.style[:5].lower() in ("upper", "lower"):
            case = "ROMAN" if letter.isupper() else "roman"
            roman_style = case + it.style[5:]
            roman = _roman_value(letter)
            continues_letters = last.get(it.style) == it.value - 1
            continues_roman = last.get(roman_style) == roman - 1
            if not continues_letters and (continues_roman or roman == 1):
                it.style, it.value = roman_style, roman
        last[it.style] = it.value


# --- headings vs list items ------------------------------------------------------------


def _adjacent_same_style(items: list[_Item], i: int, step: int) -> bool:
    """Is the neighbour (only blank lines between) the same numbering, one step away?"""
    j = i + step
    if not 0 <= j < len(items):
        return False
    a, b = (items[i], items[j]) if step > 0 else (items[j], items[i])
    if b.gap_other or items[j].kind != "numbered" or items[j].style != items[i].style:
        return False
    return b.value == a.value + 1


def _is_heading(items: list[_Item], i: int) -> bool:
    """A numbered line is a heading when it is short, not indented, not one of a run
    of consecutive numbers, not introduced by a colon, and followed by more text."""
    it = items[i]
    if it.indented or not it.text or i + 1 >= len(items):
        return False
    if it.style == "bab":
        return True
    words = it.text.split()
    if len(words) > MAX_HEADING_WORDS or len(it.text) > MAX_HEADING_CHARS:
        return False
    if it.text.endswith((".", ",", ";", ":")):
        return False
    if i > 0 and items[i - 1].kind != "title" and items[i - 1].text.endswith(":"):
        return False
    if _adjacent_same_style(items, i, -1) or _adjacent_same_style(items, i, 1):
        return False
    nxt = items[i + 1]
    return not (nxt.kind == "text" and not nxt.gap_blank and nxt.text[:1].islower())


def _is_caps_heading(it: _Item) -> bool:
    """An unnumbered all-capitals line such as ``PENDAHULUAN`` or ``KATA PENGANTAR``."""
    text = it.text
    if it.kind != "text" or not text.isupper() or text.endswith((".", ",", ";")):
        return False  # isupper first: a cheap no for almost every line
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters) and len(text.split()) <= 10


class _Levels:
    """Heading levels from a stack of numbering styles (the title is level 1).

    Same style as the top -> sibling (even when it restarts at ``A``); a style deeper
    in the stack continues it only with the successor of that level's last value
    (``C.`` -> ``D.``), popping back to it; anything else nests one level deeper.
    Unnumbered capital headings (``caps``) always continue their level; the first
    ``BAB`` after front-matter headings (``KATA PENGANTAR``) is their sibling.
    """

    def __init__(self) -> None:
        self.stack: list[list] = []

    def level(self, style: str, value: int) -> int:
        stack = self.stack
        if style == "bab" and all(s[0] == "caps" for s in stack):
            stack.clear()  # BAB I follows KATA PENGANTAR as its sibling, not its child
        if stack and stack[-1][0] == style:
            stack[-1][1] = value
            return self._cap(len(stack))
        for k in range(len(stack) - 2, -1, -1):
            if stack[k][0] == style and (style == "caps" or value == stack[k][1] + 1):
                del stack[k + 1:]
                stack[k][1] = value
                return self._cap(k + 1)
        stack.append([style, value])
        return self._cap(len(stack))

    def reset(self) -> None:
        self.stack.clear()

    @staticmethod
    def _cap(depth: int) -> int:
        return min(MAX_LEVEL, depth + 1)


# --- building blocks -------------------------------------------------------------------


@dataclass
class _Builder:
    """Walks the classified lines once, emitting blocks."""

    doc: Document
    blocks: list[Block] = field(default_factory=list)
    levels: _Levels = field(default_factory=_Levels)
    wrap: int = 0  # wrap width of a hard-wrapped page, 0 when lines are not wrapped
    in_references: bool = False

    def build(self) -> list[Block]:
        items = self._items()
        _resolve_roman_letters(items)
        self.wrap = _wrap_width(items)
        code = _code_runs(items)
        skip = -1
        for i, it in enumerate(items):
            if i <= skip:
                continue
            if i in code:  # program code in plain text: kept line for line, fenced
                last = items[code[i]].line
                self.blocks.append(Block("code", [Segment(it.line.start, last.start + len(last.text.rstrip()))],
                                         marker="```"))
                self.in_references = False
                skip = code[i]
                continue
            if self._bab_title(items, i):
                skip = i + 1
            self._add(items, i)
        return self.blocks

    def _items(self) -> list[_Item]:
        items: list[_Item] = []
        blank = other = False
        for line in self.doc.lines:
            if line.label == BLANK:
                blank = True
            elif line.label in (CONTENT, TITLE):
                item = _classify(line)
                item.gap_blank, item.gap_other = blank, other
                items.append(item)
                blank = other = False
            else:
                other = True
        return items

    def _bab_title(self, items: list[_Item], i: int) -> bool:
        """``BAB II`` alone on its line takes the next capitals line as its title."""
        it = items[i]
        if it.style != "bab" or it.text or i + 1 >= len(items):
            return False
        nxt = items[i + 1]
        if not _is_caps_heading(nxt):
            return False
        it.text, it.seg, it.normalised = nxt.text, nxt.seg, nxt.normalised
        return True

    def _add(self, items: list[_Item], i: int) -> None:
        it = items[i]
        if it.kind == "title":
            self.blocks.append(Block("heading", [it.seg], level=1))
            self.levels.reset()
            return
        if it.text.rstrip(":").casefold() in REFERENCE_HEADINGS and it.kind == "text":
            self._reference_heading(it)
            return
        if self.in_references and not (_is_caps_heading(it) or it.style == "bab"):
            self._reference(it)
            return
        self.in_references = False
        if it.kind == "numbered" and _is_heading(items, i):
            self._heading(it, it.style, it.value)
        elif it.kind == "numbered":
            self._list_item(it)
        elif it.kind == "bullet":
            self.blocks.append(Block("list_item", [it.seg], marker=it.marker))
        elif _is_caps_heading(it) and self._caps_continues(items, i):
            self.blocks[-1].segments.append(it.seg)  # a capitals heading wrapped over two lines
        elif _is_caps_heading(it):
            self._heading(it, "caps", 0)
        elif self._continues(it):
            self._extend(it)
        else:
            self.blocks.append(Block("paragraph", [it.seg], text=it.text if it.normalised else None))

    def _caps_continues(self, items: list[_Item], i: int) -> bool:
        """Two capitals lines in a row (no blank between) are one heading: a cover title
        or a chapter title wrapped by the PDF."""
        prev = self.blocks[-1] if self.blocks else None
        it = items[i]
        return (i > 0 and prev is not None and prev.kind == "heading" and prev.text is None
                and not prev.marker and not it.gap_blank and not it.gap_other and not it.normalised
                and _is_caps_heading(items[i - 1]) and not self.in_references)

    def _heading(self, it: _Item, style: str, value: int) -> None:
        level = self.levels.level(style, value)
        text = it.text if it.normalised else None
        self.blocks.append(Block("heading", [it.seg], level=level, marker=_clean_marker(it.marker),
                                 text=text))

    def _reference_heading(self, it: _Item) -> None:
        self.levels.reset()
        self.levels.level("caps", 0)
        title = " ".join(w.capitalize() for w in it.text.rstrip(":").split())
        self.blocks.append(Block("heading", [it.seg], level=2, text=title))
        self.in_references = True

    def _reference(self, it: _Item) -> None:
        """One reference per line, except hanging-indent, lower-case or wrapped continuations
        (a wrapped reference line does not end with the full stop that closes an entry)."""
        prev = self.blocks[-1] if self.blocks else None
        if prev is not None and prev.kind == "reference" and not it.gap_blank and (
                it.indented and it.kind == "text" or it.text[:1].islower()
                or self._full(prev) and not self._last_text(prev).endswith(".")):
            self._extend(it)
            return
        marker = it.marker if it.kind == "bullet" else ""
        seg = it.seg if it.kind == "bullet" else _whole(it.line)
        self.blocks.append(Block("reference", [seg], marker=marker))

    def _list_item(self, it: _Item) -> None:
        ordered = it.style.startswith("num")
        self.blocks.append(Block("list_item", [it.seg], marker=it.marker, ordered=ordered,
                           number=it.value if ordered else None,
                           text=it.text if it.normalised else None))

    def _continues(self, it: _Item) -> bool:
        """Does this plain text line continue the previous paragraph or item?

        A blank line always ends a paragraph, unless removed chrome (a page footer)
        sits in the gap and the sentence is visibly unfinished. Without a gap, a line
        continues when the previous one was cut: hyphenated, wrapped at the page's
        wrap width, or unfinished before a lower-case word. A short capitalised line
        without final punctuation after a finished sentence is a heading of its own
        ("Komponen Ekosistem"), never glued onto the paragraph above it.
        """
        prev = self.blocks[-1] if self.blocks else None
        if prev is None or prev.kind not in ("paragraph", "list_item") or prev.text is not None:
            return False
        last = self._last_text(prev)
        # a sentence never starts in lowercase: after ; or : the clause goes on
        unfinished = not last.endswith((".", "!", "?")) and it.text[:1].islower()
        if it.gap_blank:
            return it.gap_other and (unfinished or last.endswith("-"))
        if last.endswith(_SENTENCE_END) and _heading_like(it) and not (
                self.wrap and len(it.line.text.strip()) >= WRAP_FULL * self.wrap):
            return False  # (a line as long as the wrap width is a wrapped one)
        return unfinished or _hyphen_break(last, it.text) or self._full(prev)

    def _full(self, block: Block) -> bool:
        """Was the block's last line cut by the page's wrap width? A full line ending in a
        full stop is still a wrap: paragraphs end on short lines in PDF text."""
        seg = block.segments[-1]
        return bool(self.wrap) and seg.end - seg.start >= WRAP_FULL * self.wrap \
            and not self._last_text(block).endswith(":")

    def _last_text(self, block: Block) -> str:
        seg = block.segments[-1]
        return self.doc.text[seg.start:seg.end]

    def _extend(self, it: _Item) -> None:
        """Append the line to the previous block, undoing a hyphenated line break."""
        block = self.blocks[-1]
        last = block.segments[-1]
        if _hyphen_break(self._last_text(block), it.text):
            word = re.search(r"(\w+)-$", self._last_text(block)).group(1)
            if not _reduplication(word, it.text):
                block.segments[-1] = Segment(last.start, last.end - 1, last.sep)
            block.segments.append(Segment(it.seg.start, it.seg.end, ""))
        else:
            block.segments.append(it.seg)


# Program code pasted into plain text (Python, pseudo-C): a statement, an assignment or an
# indented call, a line to itself. Two such lines in a row, one of them indented or
# opening a block (if x:, {), are a code block; prose never looks like that.
_CODE_START_RE = re.compile(
    r"\s*(?:if|elif|else|for|while|def|return|print|import|from|class|try|except|finally|with|switch|"
    r"case|break|continue|do|var|let|const|function|public|private|static|void|int|float|double|char|"
    r"String|bool|echo|printf|scanf|cout|cin|#include|using|begin|end)\b[^.!?]*$")
_CODE_ASSIGN_RE = re.compile(r"\s*[A-Za-z_][\w.\[\]]*\s*(?:[-+*/%]?=|==|!=|<=|>=|\+\+|--)\s*[^\s=][^.!?]*$")
_CODE_CALL_RE = re.compile(r"\s+[A-Za-z_][\w.]*\(.*\)[;:]?\s*$")


def _code_like(line: str) -> bool:
    body = line.strip()
    if not body or len(body.split()) > 10:
        return False
    if body in ("{", "}", "};", "end", "end;"):
        return True
    return bool(_CODE_START_RE.match(line) and any(c in body for c in "(:;{=<>\"'")
                or _CODE_ASSIGN_RE.match(line) or _CODE_CALL_RE.match(line))


def _code_runs(items: list[_Item]) -> dict[int, int]:
    """First item -> last item of each run of program-code lines."""
    runs: dict[int, int] = {}
    i = 0
    while i < len(items):
        j = i
        while j < len(items) and items[j].kind != "title" and _code_like(items[j].line.text) \
                and (j == i or not items[j].gap_blank):
            j += 1
        texts = [items[k].line.text for k in range(i, j)]
        if j - i >= 2 and any(t[:1] in " \t" or t.rstrip().endswith((":", "{", ";")) for t in texts):
            runs[i] = j - 1
            i = j
        else:
            i += 1
    return runs


def _heading_like(it: _Item) -> bool:
    """A short capitalised line without final punctuation: "Komponen Ekosistem"."""
    words = it.text.split()
    return (it.kind == "text" and 0 < len(words) <= 8 and it.text[:1].isupper()
            and not it.text.endswith((".", ",", ";", ":", "!", "?", "-")))


def _reduplication(word: str, nxt: str) -> bool:
    """Is ``word-`` + ``nxt`` a reduplicated word (``anak-anak``, ``sehari-hari``,
    ``anak-anaknya``) rather than a word hyphenated across lines (``wa-`` + ``wancara``)?"""
    m = re.match(r"\w+", nxt)
    if not m:
        return False
    a, b = word.casefold(), m.group(0).casefold()
    return a == b or (len(b) >= 3 and a.endswith(b)) or (len(a) >= 4 and b.startswith(a))


def _hyphen_break(last: str, nxt: str) -> bool:
    return len(last) > 2 and last.endswith("-") and last[-2].isalpha() and nxt[:1].islower()


def _clean_marker(marker: str) -> str:
    return " ".join(marker.split())


def _whole(line: Line) -> Segment:
    raw = line.text
    lead = len(raw) - len(raw.lstrip())
    return Segment(line.start + lead, line.start + len(raw.rstrip()))


def _wrap_width(items: list[_Item]) -> int:
    """The line width of a hard-wrapped page (PDF text), or 0 for one-line paragraphs."""
    lengths = [len(it.line.text.strip()) for it in items if it.kind == "text"]
    long = sorted(n for n in lengths if n >= 40)
    if len(long) < WRAP_MIN_LINES:
        return 0
    # the width most lines reach: a few longer lines (an unwrapped heading or list item)
    # must not hide it
    width = long[(len(long) - 1) * 9 // 10]
    if width > 120:
        return 0
    return width if sum(n >= WRAP_FULL * width for n in long) >= WRAP_MIN_LINES else 0


# --- Markdown input ------------------------------------------------------------------

_FENCE_RE = re.compile(r" {0,3}(`{3,}|~{3,})")
_ATX_RE = re.compile(r" {0,3}(#{1,6})(?:[ \t]+|$)")
_MD_BULLET_RE = re.compile(r" {0,3}([-*+])(?:[ \t]+|$)")
_MD_ORDERED_RE = re.compile(r" {0,3}(\d{1,9})([.)])(?:[ \t]+|$)")
_SETEXT_RE = re.compile(r" {0,3}(=+|-+)[ \t]*")
_RAW_START_RE = re.compile(r" {0,3}(?:>|\||<|(?:[-*_][ \t]*){3,}$)")
_FRONT_KEY_RE = re.compile(r"([A-Za-z_][\w-]{0,63}):(?:[ \t]+(.*))?")


def _parse_markdown(doc: Document) -> None:
    """Keep the structure of Markdown input: front matter, headings, lists, code, text."""
    lines = doc.lines
    i = _front_matter(doc)
    blocks: list[Block] = []
    while i < len(lines):
        i = _md_block(doc, lines, i, blocks)
    doc.blocks = blocks


def _front_matter(doc: Document) -> int:
    """Read ``key: value`` scalars of YAML front matter into metadata; index after it."""
    lines = doc.lines
    if not lines or lines[0].text.rstrip() != "---":
        return 0
    for j in range(1, len(lines)):
        text = lines[j].text.rstrip()
        if text in ("---", "..."):
            for ln in lines[1:j]:
                m = _FRONT_KEY_RE.fullmatch(ln.text.rstrip())
                if m:
                    doc.metadata[m.group(1)] = _yaml_scalar(m.group(2) or "")
            return j + 1
    return 0


def _yaml_scalar(value: str) -> str:
    """The string a YAML scalar denotes (plain, 'single' or "double" quoted)."""
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return re.sub(r'\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)', _unescape_yaml, value[1:-1])
    return re.sub(r"\s+#.*$", "", value)


def _unescape_yaml(m: re.Match[str]) -> str:
    esc = m.group(1)
    if esc[0] in "ux":
        return chr(int(esc[1:], 16))
    return {"n": "\n", "t": "\t", "0": "\0"}.get(esc, esc)


def _md_block(doc: Document, lines: list[Line], i: int, blocks: list[Block]) -> int:
    """Parse the block starting at line ``i``; return the index of the next line."""
    text = lines[i].text
    if not text.strip() or lines[i].label in _REMOVED:
        return i + 1
    fence = _FENCE_RE.match(text)
    if fence:
        return _md_code(lines, i, fence.group(1), blocks)
    m = _ATX_RE.match(text)
    if m:
        blocks.append(Block("heading", [_md_heading_segment(lines[i], m.end())], level=len(m.group(1))))
        return i + 1
    if _RAW_START_RE.match(text):
        return _md_raw(lines, i, blocks)
    m = _MD_ORDERED_RE.match(text) or _MD_BULLET_RE.match(text)
    if m:
        ordered = m.group(1).isdigit()
        block = Block("list_item", [_stripped(lines[i], m.end())], ordered=ordered,
                      number=int(m.group(1)) if ordered else None,
                      marker=m.group(1) + m.group(2) if ordered else "")
        blocks.append(block)
        return _md_continuation(lines, i + 1, block)
    block = Block("paragraph", [_stripped(lines[i], 0)])
    blocks.append(block)
    j = _md_continuation(lines, i + 1, block)
    if j == i + 2 and len(block.segments) == 2 and _SETEXT_RE.fullmatch(lines[i + 1].text):
        level = 1 if "=" in lines[i + 1].text else 2
        blocks[-1] = Block("heading", block.segments[:1], level=level)
    return j


def _md_continuation(lines: list[Line], j: int, block: Block) -> int:
    """Lazy continuation lines of a paragraph or list item."""
    while j < len(lines):
        text = lines[j].text
        if (not text.strip() or lines[j].label in _REMOVED or _FENCE_RE.match(text) or _ATX_RE.match(text)
                or _MD_BULLET_RE.match(text) or _MD_ORDERED_RE.match(text)
                or (block.kind == "list_item" and _RAW_START_RE.match(text))):
            break
        block.segments.append(_stripped(lines[j], 0))
        j += 1
    return j


def _md_code(lines: list[Line], i: int, fence: str, blocks: list[Block]) -> int:
    """A fenced code block, kept verbatim from the opening to the closing fence."""
    j = i + 1
    while j < len(lines):
        m = _FENCE_RE.match(lines[j].text)
        if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) and not lines[j].text.strip().strip(fence[0]):
            break
        j += 1
    last = min(j, len(lines) - 1)
    blocks.append(Block("code", [Segment(lines[i].start, lines[last].end)]))
    return last + 1


def _md_raw(lines: list[Line], i: int, blocks: list[Block]) -> int:
    """Block quotes, tables, HTML and rules: kept verbatim up to the next blank line."""
    j = i
    while j + 1 < len(lines) and lines[j + 1].text.strip() and lines[j + 1].label not in _REMOVED:
        j += 1
    blocks.append(Block("raw", [Segment(lines[i].start, lines[j].end)]))
    return j + 1


def _md_heading_segment(line: Line, start: int) -> Segment:
    """The heading text without the optional closing ``#`` sequence."""
    text = line.text.rstrip()
    end = len(text)
    stripped = text.rstrip("#")
    if len(stripped) < end and (len(stripped) <= start or stripped[-1] in " \t"):
        end = len(stripped.rstrip())
    content = text[start:end]
    lead = len(content) - len(content.lstrip())
    return Segment(line.start + start + lead, line.start + max(start + lead, end))


def _stripped(line: Line, start: int) -> Segment:
    text = line.text
    body = text[start:]
    lead = len(body) - len(body.lstrip())
    return Segment(line.start + start + lead, line.start + len(text.rstrip()))
