"""Stage 1, ingest: bytes -> text.

Two modes:

* :func:`decode` keeps the text exactly as written (only a BOM is removed and
  remembered) -- used by ``check`` and ``fix``, whose positions and output must
  match the file byte for byte outside the corrected spans;
* :func:`normalize` is what ``clean`` uses on top: newlines to ``\\n``, Unicode NFC,
  non-breaking spaces to spaces, zero-width characters, soft hyphens and control
  characters removed.
"""

from __future__ import annotations

import os
import re
import sys
import unicodedata
from dataclasses import dataclass, field

from modulfix.errors import InputError

# Encodings tried in order when the bytes are not valid UTF-8. windows-1252 is the
# usual culprit for Indonesian pages saved from old editors; latin-1 never fails.
FALLBACK_ENCODINGS = ("cp1252", "latin-1")

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u205f\u3000"), " ")
_DROP = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES_AND_DROP = {**_SPACES, **_DROP}
_CONTROL_BYTES = bytes(b for b in range(32) if b < 9 or 13 < b < 32)  # what looks_binary counts
# C0/C1 controls except tab, newline and form feed (a PDF page break, made a newline).
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


@dataclass
class Source:
    """Decoded input: ``text`` plus what is needed to write it back unchanged."""

    path: str
    text: str
    encoding: str = "utf-8"
    bom: bool = False
    notes: list[str] = field(default_factory=list)

    @property
    def is_markdown(self) -> bool:
        return self.path.lower().endswith((".md", ".markdown", ".mdown", ".mkd"))


# Inputs larger than this are refused with a clear message (``--max-size`` raises it):
# a scraped module is a few hundred kilobytes; 16 MB is a data dump, not a page. (``check``
# and ``fix`` read inputs over 1 MB in pieces, see :mod:`modulfix.streamcheck`, so a raised
# limit does not raise their memory.)
MAX_BYTES = 16 * 1024 * 1024


def _too_large(path: str, size: int, limit: int) -> InputError:
    return InputError(f"{path}: too large ({size / 1048576:.1f} MB > {limit / 1048576:.0f} MB; "
                      f"raise the limit with --max-size MB)")


def read_bytes(path: str, max_bytes: int = MAX_BYTES) -> bytes:
    """Read ``path`` (``-`` = stdin) with one-line errors for every failure."""
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise _too_large("<stdin>", len(data), max_bytes)
        return data
    if not os.path.exists(path):
        raise InputError(f"{path}: no such file")
    if os.path.isdir(path):
        raise InputError(f"{path}: is a directory (give a file, or use check on a directory)")
    try:
        size = os.path.getsize(path)
        if size > max_bytes:
            raise _too_large(path, size, max_bytes)
        with open(path, "rb") as fh:
            return fh.read()
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


def looks_binary(data: bytes) -> bool:
    """NUL bytes outside a UTF-16/32 text, or mostly non-text bytes."""
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls / len(sample) > 0.10


def decode(data: bytes, path: str = "-", encoding: str | None = None) -> Source:
    """Decode bytes to text without changing anything but a leading BOM."""
    if encoding:
        try:
            return Source(path, data.decode(encoding), encoding)
        except (LookupError, UnicodeDecodeError) as exc:
            raise InputError(f"{path}: cannot decode as {encoding}: {exc}") from None
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(enc.replace("-sig", ""))
            except UnicodeDecodeError:
                raise InputError(f"{path}: invalid {enc} after its byte-order mark") from None
            return Source(path, text, enc.replace("-sig", ""), bom=True)
    if looks_binary(data):
        raise InputError(f"{path}: not a text file (binary data)")
    try:
        return Source(path, data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    for enc in FALLBACK_ENCODINGS:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        note = (f"{path}: not valid UTF-8 (first bad byte at offset {first_bad}); "
                f"decoded as {enc}")
        return Source(path, text, enc, notes=[note])
    raise InputError(f"{path}: cannot decode")  # pragma: no cover - latin-1 never fails


def read_source(path: str, encoding: str | None = None, max_bytes: int = MAX_BYTES) -> Source:
    return decode(read_bytes(path, max_bytes), path, encoding)


def encode(source: Source, text: str) -> bytes:
    """Encode ``text`` the way ``source`` was encoded (BOM included)."""
    enc = source.encoding
    if source.bom:
        enc = {"utf-8": "utf-8-sig"}.get(enc, enc)
        if enc.startswith(("utf-16", "utf-32")):
            bom = next(b for b, e in _BOMS if e == enc)
            return bom + text.encode(enc)
    return text.encode(enc)


def normalize(text: str) -> str:
    """Normalise text for ``clean``: newlines, NFC, spaces, invisible characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    if not text.isascii():  # every character replaced or dropped here is outside ASCII
        text = text.translate(_SPACES_AND_DROP)
    text = _CONTROL_RE.sub("", text)
    return unicodedata.normalize("NFC", text)
