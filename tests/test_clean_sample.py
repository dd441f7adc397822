"""The sample page (corpus/pendampingan-sosial.txt): what the brief promises about it."""

from __future__ import annotations

from conftest import NO_SPELLING, read_case, split_front_matter

from modulfix.document import CHROME, COMMENT, SPAM
from modulfix.ingest import Source
from modulfix.pipeline import clean_document, render

NAME = "pendampingan-sosial"


def _doc():
    text, _ = read_case(NAME)
    return clean_document(Source(f"{NAME}.txt", text), NO_SPELLING)


def test_chrome_and_comment_lines_are_removed_and_content_kept():
    doc = _doc()
    _, rows = read_case(NAME)
    removed = [ln.number for ln in doc.lines if ln.label in (CHROME, COMMENT, SPAM)]
    expected_removed = [n for n, label, _ in rows if label in ("drop", "spam")]
    assert len(removed) == 17 and removed == expected_removed
    kept = [n for n, label, _ in rows if label in ("keep", "title", "date")]
    assert len(kept) == 41
    assert all(doc.lines[n - 1].label in ("content", "title", "date") for n in kept)


def test_title_and_date():
    doc = _doc()
    assert doc.metadata["title"] == "MATERI PENDAMPINGAN SOSIAL"
    assert doc.metadata["date"] == "2018-12-21"
    meta, body = split_front_matter(render(doc, NO_SPELLING))
    assert meta == {"title": "MATERI PENDAMPINGAN SOSIAL", "date": "2018-12-21", "language": "id"}
    assert body.lstrip().startswith("# MATERI PENDAMPINGAN SOSIAL\n")


def test_comments_split_and_scored():
    doc = _doc()
    assert [(c.author, c.date, c.spam) for c in doc.comments] == [
        ("Blog27999", "2020-03-05 08:35", True),
        ("Anonymous", "2022-02-27 22:09", False),
    ]
    assert doc.comments[0].lines == [67, 69, 71, 73]
    assert doc.comments[1].text.startswith("mohon untuk tulisan")
    assert doc.comments[0].spam_score >= 0.5 > doc.comments[1].spam_score


def test_segments_are_exact_source_slices():
    doc = _doc()
    for block in doc.blocks:
        for seg in block.segments:
            piece = doc.text[seg.start:seg.end]
            assert piece == piece.strip() and piece
    first_item = next(b for b in doc.blocks if b.kind == "list_item")
    assert first_item.marker == "1." and first_item.number == 1
    assert doc.text[first_item.segments[0].start:first_item.segments[0].end] == "Pendampingan sosial"
    heading = next(b for b in doc.blocks if b.kind == "heading" and b.marker == "A.")
    assert doc.text[heading.segments[0].start:heading.segments[0].end] == "Deskripsi Singkat Mata Kuliah"
