"""Lint the boilerplate pattern data (``dictionaries/boilerplate/``): every entry is a valid,
bounded regular expression, listed once, in a file that says what it is for."""

from __future__ import annotations

import re

try:  # Python 3.11+
    import re._constants as sre_constants
    import re._parser as sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

import pytest

from modulfix.patterns import chrome_files, data_dir, load, read_entries

DATA = data_dir()
PATTERN_FILES = sorted([*chrome_files(DATA), *DATA.glob("comment-*.txt"), *DATA.glob("chrome-*.txt"),
                        DATA / "footer-nav.txt", DATA / "widget-heading.txt"])
WORD_FILES = sorted(DATA.glob("words/*.txt")) + [DATA / "days.txt"]
ALL_FILES = PATTERN_FILES + WORD_FILES + [DATA / "months.tsv"]


def _id(path):
    return str(path.relative_to(DATA))


@pytest.mark.parametrize("path", ALL_FILES, ids=_id)
def test_file_format(path):
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    assert b"\r" not in raw and raw.endswith(b"\n") and not raw.endswith(b"\n\n"), _id(path)
    assert text.startswith("# "), f"{_id(path)}: start with a comment saying what the file is for"
    assert read_entries(path), f"{_id(path)}: no entries"
    for number, entry in read_entries(path):
        assert entry == entry.strip(), f"{_id(path)}:{number}: surrounding whitespace"


def _unbounded_repeats(tree, inside_repeat=False):
    """Yield a description of each repetition that could make matching slow: an
    open-ended repeat of ``.`` or of a group, or a repeat nested inside another one that
    repeats more than once (``(?:...)?`` and fixed counts such as ``\\d{3}`` are fine)."""
    for op, av in tree:
        if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
            low, high, sub = av
            simple = len(sub) == 1 and sub[0][0] in (sre_constants.LITERAL, sre_constants.IN,
                                                      sre_constants.NOT_LITERAL)
            if inside_repeat and high > 1 and low != high:
                yield "variable repetition nested in a repetition"
            if high == sre_constants.MAXREPEAT and not simple:
                yield "open-ended repetition of '.' or a group (bound it: .{1,80})"
            yield from _unbounded_repeats(sub, inside_repeat or high > 1)
        elif op == sre_constants.SUBPATTERN:
            yield from _unbounded_repeats(av[-1], inside_repeat)
        elif op == sre_constants.BRANCH:
            for branch in av[1]:
                yield from _unbounded_repeats(branch, inside_repeat)


@pytest.mark.parametrize("path", PATTERN_FILES, ids=_id)
def test_patterns_are_valid_bounded_and_unique(path):
    seen: dict[str, int] = {}
    for number, entry in read_entries(path):
        where = f"{_id(path)}:{number}: {entry!r}"
        try:
            re.compile(entry, re.IGNORECASE)
        except re.error as exc:
            pytest.fail(f"{where}: invalid regex ({exc})")
        assert not entry.startswith("^") and not entry.endswith("$"), f"{where}: anchors are implicit (fullmatch)"
        problems = list(_unbounded_repeats(sre_parse.parse(entry)))
        assert not problems, f"{where}: {problems[0]}"
        assert entry.casefold() not in seen, f"{where}: duplicate of line {seen[entry.casefold()]}"
        seen[entry.casefold()] = number
        assert not re.fullmatch(entry, "", re.IGNORECASE), f"{where}: matches an empty line"


def test_no_pattern_listed_in_two_chrome_files():
    owner: dict[str, str] = {}
    for path in chrome_files(DATA):
        for number, entry in read_entries(path):
            key = entry.casefold()
            assert key not in owner, f"{_id(path)}:{number}: {entry!r} already in {owner[key]}"
            owner[key] = _id(path)


def test_comment_author_patterns_name_the_author():
    for number, entry in read_entries(DATA / "comment-author.txt"):
        assert "(?P<author>" in entry, f"comment-author.txt:{number}: needs a group named 'author'"


@pytest.mark.parametrize("path", WORD_FILES, ids=_id)
def test_word_lists_sorted_lowercase_unique(path):
    words = [e for _, e in read_entries(path)]
    assert words == sorted(set(words)), f"{_id(path)}: keep it sorted and without duplicates"
    assert all(w == w.lower() and " " not in w for w in words), _id(path)


def test_months_table():
    rows = [e.split("\t") for _, e in read_entries(DATA / "months.tsv")]
    assert all(len(r) == 2 and 1 <= int(r[1]) <= 12 for r in rows)
    names = [r[0] for r in rows]
    assert names == sorted(set(names))
    assert sorted({int(r[1]) for r in rows}) == list(range(1, 13))


def test_every_data_file_is_loaded_and_linted():
    on_disk = {p for p in DATA.rglob("*") if p.is_file() and p.name != "README.md"}
    assert on_disk == set(ALL_FILES), sorted(map(str, on_disk ^ set(ALL_FILES)))


BODY_SENTENCES = [
    "Balas surat itu segera setelah diterima.", "Beranda rumah dipakai belajar.", "Home industry tumbuh pesat.",
    "Setiap komentar mahasiswa dinilai.", "Download materi dilakukan melalui laman resmi.",
    "Share pengalaman belajar dalam kelompok kecil.", "Menu makanan bergizi untuk warga belajar",
    "Cari informasi tentang program kesetaraan.", "Label pupuk dipakai sebagai bahan bacaan.",
    "Kategori warga belajar ditentukan oleh usia.", "Simpan dokumen penilaian di lemari arsip.",
    "Transcript wawancara dilampirkan.", "Related literature menjadi rujukan utama.",
    "Pendahuluan", "Tujuan Pembelajaran", "Rangkuman", "Latihan", "Daftar Pustaka", "Evaluasi",
]


@pytest.mark.parametrize("sentence", BODY_SENTENCES)
def test_no_chrome_pattern_matches_body_text(sentence):
    assert load().chrome_reason(sentence) is None


def test_patterns_on_long_lines():
    # runs a backtracking pattern would take hours on: a regression shows as a suite that
    # does not finish (no timing here: speed is measured by scripts/benchmark.py)
    p = load()
    nasty = ["a" * 300, "." * 300, " " * 300, "1" * 300, "| " * 150, "<" * 300, "© " * 150]
    for text in nasty:  # none of them is chrome, a comment marker, a footer or an author
        assert p.chrome_reason(text) is None
        assert not p.comment_marker.fullmatch(text)
        assert not p.footer_nav.fullmatch(text)
        assert not any(rx.fullmatch(text) for rx in p.comment_author)
