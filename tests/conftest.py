"""Shared helpers for the clean-stage tests: corpus cases and a spelling-free clean."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from modulfix.pipeline import CleanOptions, clean_text

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
CASES = sorted(p.name[:-len(".lines.tsv")] for p in CORPUS.glob("*.lines.tsv"))
UPDATE_GOLDEN = os.environ.get("MODULFIX_UPDATE_GOLDEN") == "1"
NO_SPELLING = CleanOptions(spelling=False)


def clean(text: str, path: str = "-") -> str:
    """``clean`` with the speller off: what the corpus goldens record."""
    return clean_text(text, path=path, options=NO_SPELLING)


def read_case(name: str) -> tuple[str, list[tuple[int, str, str]]]:
    """The input text of a corpus case and its annotated lines (number, label, text)."""
    text = (CORPUS / f"{name}.txt").read_text(encoding="utf-8")
    rows = []
    for row in (CORPUS / f"{name}.lines.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        number, label, line = row.split("\t", 2)
        rows.append((int(number), label, line))
    return text, rows


def split_front_matter(markdown: str) -> tuple[dict[str, str], str]:
    """(front matter as a dict of raw values, body) of our output."""
    assert markdown.startswith("---\n")
    head, _, body = markdown[4:].partition("\n---\n")
    meta = dict(line.split(": ", 1) for line in head.splitlines())
    return meta, body


@pytest.fixture(scope="session")
def cleaned() -> dict[str, str]:
    """Every corpus case cleaned once per session (speller off)."""
    return {name: clean(read_case(name)[0], f"{name}.txt") for name in CASES}
