"""Lint the language data in ``dictionaries/``.

Every file: UTF-8, LF newlines, a final newline, ``#`` comments only at the top, no blank
lines, the right number of tab-separated columns, allowed values, no duplicates, sorted by the
casefolded first column. Across files: no correction is itself listed as wrong, no wrong form is
listed as standard, and every correction is a word the lexicon knows.

Set ``MODULFIX_UPDATE_DATA=1`` to rewrite an unsorted file in sorted order instead of failing.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import pytest

DATA = Path(__file__).parent.parent / "dictionaries"

# file name -> (number of columns, {column index: allowed values or a predicate})
SPECS: dict[str, tuple[int, dict]] = {
    "nonstandard.tsv": (4, {2: {"fix", "suggest"}}),
    "english.tsv": (4, {2: {"fix", "suggest"}}),
    "compounds.txt": (1, {}),
    "joined-compounds.txt": (1, {}),
    "bound-forms.txt": (2, {1: lambda v: v.startswith(("bound: ", "also-free: "))}),
    "pun-joined.txt": (1, {0: lambda v: v.endswith("pun")}),
    "di-places.txt": (2, {1: lambda v: v.removesuffix("/di-only") in DI_CLASSES}),
    "function-words.txt": (1, {}),
    "proper-case.tsv": (2, {}),
    "words.txt": (1, {}),
    "roots-exclude.txt": (2, {}),
    "per-units.txt": (1, {}),
    "confusables.tsv": (3, {2: lambda v: v.split() == sorted(set(v.split())) and v == " ".join(v.split())}),
}
DI_CLASSES = {"place", "direction", "time", "demonstrative", "question"}
# Files whose entries are single lowercase words (compounds: lowercase words joined by one space).
LOWERCASE_FIRST = set(SPECS) - {"proper-case.tsv"}


def _lines(name: str) -> list[str]:
    return (DATA / name).read_bytes().decode("utf-8").split("\n")


def _split(name: str) -> tuple[list[str], list[str]]:
    """(header comment lines, data lines) of a well-formed file."""
    lines = _lines(name)[:-1]  # the text ends with "\n"
    n = 0
    while n < len(lines) and lines[n].startswith("#"):
        n += 1
    return lines[:n], lines[n:]


@lru_cache(maxsize=None)
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    columns = SPECS[name][0]
    _, data = _split(name)
    if columns == 1:
        return tuple((line,) for line in data)
    return tuple(tuple(line.split("\t")) for line in data)


def first(name: str) -> list[str]:
    return [r[0] for r in rows(name)]


@lru_cache(maxsize=None)
def kata_dasar() -> frozenset[str]:
    import Sastrawi

    path = Path(Sastrawi.__file__).parent / "Stemmer" / "data" / "kata-dasar.txt"
    return frozenset(w.strip() for w in path.read_text(encoding="utf-8").splitlines() if w.strip())


@lru_cache(maxsize=None)
def wrong_forms() -> frozenset[str]:
    return frozenset(first("nonstandard.tsv") + first("english.tsv"))


@lru_cache(maxsize=None)
def lexicon() -> frozenset[str]:
    """Single words the speller accepts from our data: filtered roots plus our own lists."""
    excluded = set(first("roots-exclude.txt")) | wrong_forms()
    return frozenset(
        (kata_dasar() - excluded)
        | set(first("words.txt"))
        | set(first("joined-compounds.txt"))
        | set(first("function-words.txt"))
        | set(first("pun-joined.txt"))
        | set(first("proper-case.tsv"))
    )


@lru_cache(maxsize=None)
def _stemmer():
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


def known(word: str) -> bool:
    """In the lexicon, a reduplication of known words, a bound form + word, or an affixed
    form whose Sastrawi stem is in the lexicon."""
    w = word.lower()
    if w in lexicon():
        return True
    if "-" in w:
        return all(known(p) for p in w.split("-"))
    if w in set(first("bound-forms.txt")):
        return True
    stem = _stemmer().stem(w)
    return stem != w and stem in lexicon()


# ------------------------------------------------------------------ per-file format

FILES = sorted(SPECS)


def test_every_data_file_is_linted():
    on_disk = {p.name for p in DATA.iterdir() if p.is_file() and p.name != "README.md"}
    # Files owned by the speller (melting-exceptions.txt) are linted by its own tests.
    assert set(SPECS) <= on_disk, f"missing data files: {sorted(set(SPECS) - on_disk)}"


@pytest.mark.parametrize("name", FILES)
def test_encoding_and_newlines(name):
    raw = (DATA / name).read_bytes()
    raw.decode("utf-8")  # raises on invalid UTF-8
    assert not raw.startswith(b"\xef\xbb\xbf"), f"{name}: has a byte-order mark"
    assert b"\r" not in raw, f"{name}: CR characters (use LF newlines)"
    assert raw.endswith(b"\n"), f"{name}: no final newline"
    assert not raw.endswith(b"\n\n"), f"{name}: blank line at the end"


@pytest.mark.parametrize("name", FILES)
def test_comments_only_at_top_and_no_blank_lines(name):
    header, data = _split(name)
    assert header, f"{name}: no header comment describing the file"
    assert data, f"{name}: no entries"
    for i, line in enumerate(data, start=len(header) + 1):
        assert line.strip(), f"{name}:{i}: blank line"
        assert not line.startswith("#"), f"{name}:{i}: comment below the first entry"
        assert line == line.strip(), f"{name}:{i}: leading/trailing whitespace: {line!r}"


@pytest.mark.parametrize("name", FILES)
def test_columns_and_values(name):
    columns, allowed = SPECS[name]
    header, data = _split(name)
    for i, line in enumerate(data, start=len(header) + 1):
        parts = line.split("\t")
        assert len(parts) == columns, f"{name}:{i}: {len(parts)} columns, want {columns}: {line!r}"
        for j, part in enumerate(parts):
            assert part and part == part.strip(), f"{name}:{i}: empty or padded column {j + 1}"
            assert "  " not in part, f"{name}:{i}: double space in {part!r}"
        for j, rule in allowed.items():
            ok = parts[j] in rule if isinstance(rule, set) else rule(parts[j])
            assert ok, f"{name}:{i}: column {j + 1} has a value not allowed: {parts[j]!r}"


@pytest.mark.parametrize("name", sorted(LOWERCASE_FIRST))
def test_entries_are_lowercase_words(name):
    multiword = name == "compounds.txt"
    for entry in first(name):
        assert entry == entry.lower(), f"{name}: not lowercase: {entry!r}"
        words = entry.split(" ")
        if multiword:
            assert 2 <= len(words) <= 3, f"{name}: a compound has 2 or 3 words: {entry!r}"
        else:
            assert len(words) == 1, f"{name}: one word per entry: {entry!r}"
        for w in words:
            assert w.replace("-", "").isalpha(), f"{name}: not a word: {entry!r}"


@pytest.mark.parametrize("name", FILES)
def test_no_duplicates(name):
    seen: dict[str, int] = {}
    for i, key in enumerate(first(name)):
        k = key.casefold()
        assert k not in seen, f"{name}: duplicate entry {key!r}"
        seen[k] = i


def sort_key(line: str) -> str:
    return line.split("\t")[0].casefold()


@pytest.mark.parametrize("name", FILES)
def test_sorted(name):
    header, data = _split(name)
    expected = sorted(data, key=sort_key)
    if data == expected:
        return
    if os.environ.get("MODULFIX_UPDATE_DATA") == "1":
        text = "\n".join(header + expected) + "\n"
        (DATA / name).write_text(text, encoding="utf-8", newline="\n")
        rows.cache_clear()
        return
    bad = next(i for i, (a, b) in enumerate(zip(data, expected)) if a != b)
    pytest.fail(
        f"{name}: not sorted at entry {bad + 1} ({data[bad].split(chr(9))[0]!r}, expected "
        f"{expected[bad].split(chr(9))[0]!r} there); run with MODULFIX_UPDATE_DATA=1 to sort"
    )


# ------------------------------------------------------------------ cross-file consistency

@pytest.mark.parametrize("name", ["nonstandard.tsv", "english.tsv"])
def test_no_correction_is_itself_wrong(name):
    for wrong, right, *_ in rows(name):
        assert wrong != right.lower(), f"{name}: {wrong!r} corrects to itself"
        for w in right.lower().replace("-", " ").split():
            assert w not in wrong_forms(), f"{name}: correction of {wrong!r} is listed wrong: {w!r}"


def test_nonstandard_and_english_do_not_overlap():
    both = set(first("nonstandard.tsv")) & set(first("english.tsv"))
    assert not both, f"listed in both nonstandard.tsv and english.tsv: {sorted(both)}"


@pytest.mark.parametrize("name", ["words.txt", "joined-compounds.txt", "function-words.txt",
                                  "pun-joined.txt", "proper-case.tsv"])
def test_no_wrong_form_listed_as_standard(name):
    bad = sorted(set(first(name)) & (wrong_forms() | set(first("roots-exclude.txt"))))
    assert not bad, f"{name}: lists forms that are non-standard elsewhere: {bad}"


def test_no_compound_whose_joined_form_is_standard():
    standard = set(first("words.txt")) | set(first("joined-compounds.txt"))
    bad = [c for c in first("compounds.txt") if c.replace(" ", "") in standard]
    assert not bad, f"compounds.txt: joined form listed as standard: {bad}"


def test_compound_parts_are_known_words():
    bad = [c for c in first("compounds.txt") if not all(known(w) for w in c.split())]
    assert not bad, f"compounds.txt: parts unknown to the lexicon: {bad}"


@pytest.mark.parametrize("name", ["nonstandard.tsv", "english.tsv"])
def test_every_correction_is_known(name):
    unknown = sorted({
        f"{wrong}->{right}"
        for wrong, right, *_ in rows(name)
        if not all(known(w) for w in right.split())
    })
    assert not unknown, (
        f"{name}: corrections not in kata-dasar.txt (after exclusions), words.txt or "
        f"analysable; add them to words.txt if they are KBBI standard: {unknown}"
    )


def test_words_txt_adds_something():
    redundant = sorted(set(first("words.txt")) & (kata_dasar() - set(first("roots-exclude.txt"))))
    assert not redundant, f"words.txt: already in kata-dasar.txt: {redundant}"


def test_roots_exclude_entries_are_in_kata_dasar():
    stray = sorted(set(first("roots-exclude.txt")) - kata_dasar())
    assert not stray, f"roots-exclude.txt: not in kata-dasar.txt, nothing to exclude: {stray}"


def test_roots_exclude_does_not_repeat_wrong_forms():
    dup = sorted(set(first("roots-exclude.txt")) & wrong_forms())
    assert not dup, f"roots-exclude.txt: already excluded via nonstandard/english: {dup}"


def test_english_words_are_not_indonesian_standard_words():
    standard = set(first("words.txt")) | set(first("joined-compounds.txt")) | set(first("function-words.txt"))
    bad = sorted(set(first("english.tsv")) & standard)
    assert not bad, f"english.tsv: these are standard Indonesian words: {bad}"


def test_only_adapted_spellings_are_auto_fixed():
    # a translation or an equivalent rewrites the writer's sentence; only spellings are fixed
    bad = [r[0] for r in rows("english.tsv")
           if r[2] == "fix" and r[3].split(";")[0].strip() not in ("loanword", "KBBI", "puebi.md")]
    assert not bad, f"english.tsv: entries marked fix that are not adapted spellings: {bad}"


def test_confusables_are_pairs_of_standard_words():
    lex = lexicon()
    bad = [r for r in rows("confusables.tsv") if r[0] == r[1] or r[0] not in lex or r[1] not in lex]
    assert not bad, f"confusables.tsv: both forms must be standard words, and differ: {bad}"


def test_di_places_joined_forms_are_errors():
    """diX (and keX unless di-only) must not be a word the lexicon accepts."""
    for word, cls in rows("di-places.txt"):
        assert known(word), f"di-places.txt: {word!r} itself is not a known word"
        preps = ("di",) if cls.endswith("/di-only") else ("di", "ke")
        for prep in preps:
            joined = prep + word
            assert joined not in lexicon(), (
                f"di-places.txt: {joined!r} is a standard word; mark {word!r} '/di-only' or drop it"
            )


def test_proper_case_capitalises():
    for low, right in rows("proper-case.tsv"):
        assert right.casefold() == low, f"proper-case.tsv: {low!r} -> {right!r} changes letters"
        assert right[0].isupper(), f"proper-case.tsv: {right!r} is not capitalised"
    clash = sorted(set(first("proper-case.tsv")) & set(first("function-words.txt")))
    assert not clash, f"both always-capitalised and function words: {clash}"


def test_pun_joined_and_bound_forms_are_distinct_from_compounds():
    compounds_words = {w for c in first("compounds.txt") for w in c.split()}
    bound = sorted(set(first("bound-forms.txt")) & compounds_words)
    assert not bound, f"bound forms used as free words in compounds.txt: {bound}"


def test_minimum_sizes():
    # Floors agreed for the first release; lowering one needs a reason in the commit message.
    floors = {"nonstandard.tsv": 300, "english.tsv": 120, "compounds.txt": 150,
              "di-places.txt": 80, "function-words.txt": 100}
    for name, floor in floors.items():
        assert len(rows(name)) >= floor, f"{name}: {len(rows(name))} entries, floor is {floor}"
