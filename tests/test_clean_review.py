"""Lint of corpus/clean-review.tsv, the independent review of the speller's findings on the
edited text that scripts/evaluate_speller.py reads to count false alarms and wrong fixes."""

import csv
from pathlib import Path

REVIEW = Path(__file__).resolve().parent.parent / "corpus" / "clean-review.tsv"
HEADER = ["file", "line", "column", "text", "verdict", "correct", "fix_ok", "note"]


def _rows():
    with REVIEW.open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_review_rows_are_well_formed():
    rows = _rows()
    assert rows[0] == HEADER
    keys = set()
    for row in rows[1:]:
        assert len(row) == len(HEADER), row
        file, line, column, text, verdict, correct, fix_ok, note = row
        assert file.endswith(".txt") and "/" not in file, row
        assert int(line) >= 1 and int(column) >= 1, row
        assert text and text == text.strip(), row
        assert verdict in ("error", "false", "unsure"), row
        # an error names its correct form; a false alarm has none
        assert bool(correct) == (verdict == "error") and correct != text, row
        assert fix_ok in ("yes", "no", ""), row
        assert note, row
        key = (file, int(line), int(column), text)
        assert key not in keys, row
        keys.add(key)


def test_review_rows_are_in_reading_order():
    keys = [(r[0], int(r[1]), int(r[2])) for r in _rows()[1:]]
    assert keys == sorted(keys)
