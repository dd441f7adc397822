"""The project word list: a plain file, one word per line, ``#`` comments, sorted.

:func:`add_words` merges new words in, keeping the comment lines at the top of the
file, sorting the words (case-insensitively, then by exact spelling) and dropping
duplicates (a word already listed in any capitalisation is not added again).
"""

from __future__ import annotations

import os
import re

from modulfix.errors import UsageError

_VALID = re.compile(r"[^\s#]+")


def check_word(word: str) -> str:
    word = word.strip()
    if not _VALID.fullmatch(word):
        raise UsageError(f"not a single word: {word!r} (one word each, no spaces or '#')")
    return word


def merge(existing: str, new: list[str]) -> tuple[str, list[str]]:
    """(new file text, words actually added)."""
    header: list[str] = []
    words: dict[str, str] = {}
    seen_word = False
    for line in existing.splitlines():
        stripped = line.strip()
        word = line.split("#", 1)[0].strip()
        if not word:
            if stripped and not seen_word:
                header.append(line.rstrip())
            continue
        seen_word = True
        words.setdefault(word.lower(), line.rstrip())
    added = []
    for w in map(check_word, new):
        if w.lower() not in words:
            words[w.lower()] = w
            added.append(w)
    body = sorted(words.values(), key=lambda s: (s.split("#", 1)[0].strip().lower(), s))
    return "".join(line + "\n" for line in header + body), added


def read_text(path: str) -> str:
    """The word list's text ("" when it does not exist yet)."""
    if not os.path.exists(path):
        return ""
    try:
        with open(path, encoding="utf-8-sig") as fh:
            return fh.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read the word list ({exc})") from None
