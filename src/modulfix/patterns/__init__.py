"""Pattern data for the boilerplate stage, loaded from ``dictionaries/boilerplate/``.

The data is plain text, one regular expression (or literal) per line, ``#`` comments
and blank lines allowed anywhere (see ``dictionaries/boilerplate/README.md``):

* ``chrome/NAME.txt`` -- whole-line site chrome, one file per template or concept;
  ``NAME`` becomes the ``reason`` of every line it removes;
* ``comment-marker.txt``, ``comment-action.txt``, ``comment-author.txt``,
  ``footer-nav.txt`` -- the parts of a comment section;
* ``chrome-next.txt``, ``chrome-before.txt`` -- chrome labels whose neighbouring short
  line (a name) is chrome too; ``widget-heading.txt`` -- widget titles whose list of
  links below is chrome;
* ``words/*.txt`` -- word lists (spam words, English and Indonesian function words);
* ``months.tsv``, ``days.txt`` -- what dates are read with (:mod:`modulfix.dates`).

Every pattern is matched against a WHOLE stripped line (``fullmatch``), ignoring case:
that is what keeps body sentences such as "Balas surat itu ..." safe. :func:`load`
compiles everything once per process.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

# Generic chrome files are tried after the template files, in this order, so that a
# line is credited to its template when one knows it.
GENERIC_LAST = ("generic-ui", "counters", "leaked-markup", "pdf-page")


@dataclass(frozen=True)
class Patterns:
    chrome: tuple[tuple[str, re.Pattern[str]], ...]  # (reason, alternation), in match order
    comment_marker: re.Pattern[str]
    comment_action: re.Pattern[str]
    comment_author: tuple[re.Pattern[str], ...]  # each with a group "author"
    footer_nav: re.Pattern[str]
    chrome_next: re.Pattern[str]
    chrome_before: re.Pattern[str]
    widget_heading: re.Pattern[str]
    spam_words: frozenset[str]
    english_words: frozenset[str]
    indonesian_words: frozenset[str]
    months: dict[str, int]
    days: tuple[str, ...]

    def chrome_reason(self, text: str) -> str | None:
        """The template/concept name of the chrome pattern matching the whole line.

        One combined pattern, one named group per file in match order: the regex engine
        tries the alternatives in order, exactly as a loop over the files would, but in C.
        """
        m = self._chrome_all.fullmatch(text)
        return self.chrome[int(m.lastgroup[1:])][0] if m and m.lastgroup else None

    @functools.cached_property
    def _chrome_all(self) -> re.Pattern[str]:
        return re.compile("|".join(f"(?P<g{i}>{rx.pattern})" for i, (_, rx) in enumerate(self.chrome)),
                          re.IGNORECASE)


def data_dir() -> Path:
    from modulfix.resources import dictionaries_dir

    return dictionaries_dir() / "boilerplate"


def read_entries(path: Path) -> list[tuple[int, str]]:
    """(line number, entry) of a data file: comments and blank lines skipped, the
    entry stripped of trailing whitespace only (a leading space would be part of it)."""
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        entry = line.rstrip()
        if entry and not entry.startswith("#"):
            out.append((number, entry))
    return out


def alternation(patterns: list[str]) -> re.Pattern[str]:
    """One case-insensitive alternation of whole-line patterns (callers ``fullmatch``)."""
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def chrome_files(directory: Path | None = None) -> list[Path]:
    """The chrome files in match order: templates alphabetically, then the generic ones."""
    directory = directory or data_dir()
    files = sorted((directory / "chrome").glob("*.txt"))
    rank = {name: i for i, name in enumerate(GENERIC_LAST)}
    return sorted(files, key=lambda p: (rank.get(p.stem, -1), p.stem))


def _entries(directory: Path, name: str) -> list[str]:
    return [e for _, e in read_entries(directory / name)]


@functools.lru_cache(maxsize=4)
def load(directory: str | None = None) -> Patterns:
    """Read and compile the pattern data (once per directory)."""
    root = Path(directory) if directory else data_dir()
    chrome = tuple((p.stem, alternation([e for _, e in read_entries(p)])) for p in chrome_files(root))
    months = {}
    for entry in _entries(root, "months.tsv"):
        name, number = entry.split("\t")
        months[name] = int(number)
    return Patterns(
        chrome=chrome,
        comment_marker=alternation(_entries(root, "comment-marker.txt")),
        comment_action=alternation(_entries(root, "comment-action.txt")),
        comment_author=tuple(re.compile(p, re.IGNORECASE) for p in _entries(root, "comment-author.txt")),
        footer_nav=alternation(_entries(root, "footer-nav.txt")),
        chrome_next=alternation(_entries(root, "chrome-next.txt")),
        chrome_before=alternation(_entries(root, "chrome-before.txt")),
        widget_heading=alternation(_entries(root, "widget-heading.txt")),
        spam_words=frozenset(_entries(root, "words/spam.txt")),
        english_words=frozenset(_entries(root, "words/english.txt")),
        indonesian_words=frozenset(_entries(root, "words/indonesian.txt")),
        months=months,
        days=tuple(_entries(root, "days.txt")),
    )
