"""clean on raw HTML: main text as Markdown (headings, lists, emphasis, links), title and
date to front matter, comments split with author and date and scored for spam, the same
line rules for chrome that slipped through. Needs trafilatura (the ``html`` extra, also
in ``test``)."""

from __future__ import annotations

import sys

import pytest

from conftest import CORPUS, NO_SPELLING, clean, split_front_matter
from modulfix.ingest import Source
from modulfix.pipeline import CleanOptions, clean_document, clean_text, render

pytest.importorskip("trafilatura")

HTML = CORPUS / "html"


def _read(name: str) -> str:
    return (HTML / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def wordpress():
    return clean_document(Source("wordpress-id-koperasi.html", _read("wordpress-id-koperasi.html")), NO_SPELLING)


@pytest.fixture(scope="module")
def blogger():
    return clean_document(Source("blogger-id-pantun.html", _read("blogger-id-pantun.html")), NO_SPELLING)


def test_wordpress_text_title_date_and_formatting(wordpress):
    meta, body = split_front_matter(render(wordpress, NO_SPELLING))
    assert meta == {"title": "Modul Koperasi Sekolah", "date": "2019-03-12", "language": "id"}
    assert body.lstrip().startswith("# Modul Koperasi Sekolah\n")
    assert "\n## A. Tujuan Pembelajaran\n" in body and "\n### Latihan\n" in body
    assert "\n1. menjelaskan pengertian koperasi sekolah;\n" in body
    assert "\n- melatih pencatatan keuangan;\n" in body
    assert "*kewirausahaan*" in body and "**laporan keuangan**" in body
    assert "[Undang-Undang Perkoperasian](https://example.org/uu-koperasi)" in body
    for chrome in ("Beranda", "Bagikan ini", "Tinggalkan Balasan", "WordPress.com", "Catatan Bu Ratna", "slot"):
        assert chrome not in body


def test_wordpress_comments_split_and_scored(wordpress):
    assert [(c.author, c.date, c.spam) for c in wordpress.comments] == [
        ("Dedi Kurniawan", "2019-03-13 10:22", False),
        ("Slot Gacor Hari Ini", "2019-03-20 01:33", True),
        ("Sri Wahyuni", "2019-03-21 07:05", False),
    ]
    assert wordpress.comments[0].text.startswith("Bu, apakah koperasi sekolah")


def test_blogger_headings_shifted_chrome_lines_removed(blogger):
    meta, body = split_front_matter(render(blogger, NO_SPELLING))
    assert meta == {"title": "Menulis Pantun", "date": "2016-05-16", "language": "id"}
    assert [ln for ln in body.splitlines() if ln.startswith("#")] == [
        "# Menulis Pantun", "## Ciri-ciri Pantun", "## Langkah Menulis Pantun"]
    assert "*sampiran*" in body and "**Tugas:**" in body
    assert "Baca juga" not in body and "Bagikan ini" not in body  # line rules after extraction
    assert "Diposkan oleh" not in body and "Arsip Blog" not in body


def test_blogger_comments_keep_report_never_spam(blogger):
    assert [(c.author, c.date, c.spam) for c in blogger.comments] == [
        ("Ayu Lestari", "2016-05-17 08:30", False),
        ("Anonim", "2016-05-20 02:14", True),
        ("Pak Yoga", "2016-05-21 19:40", False),
    ]
    kept = clean_text(_read("blogger-id-pantun.html"), "p.html", CleanOptions(spelling=False, comments="keep"))
    assert "## Komentar" in kept and "Ayu Lestari (2016-05-17 08:30): Terima kasih pak" in kept
    assert "VIAGRA" not in kept and "pharma" not in kept
    assert clean(kept) == kept  # the output is stable Markdown


@pytest.mark.parametrize("name", ["wordpress-id-koperasi.html", "blogger-id-pantun.html"])
def test_html_on_stdin_is_sniffed_and_output_is_idempotent(name):
    out = clean(_read(name))  # path "-": recognised by its <!DOCTYPE html>
    assert out.startswith("---\ntitle: ")
    assert clean(out) == out


def test_html_name_without_markup_is_plain_text():
    out = clean("JUDUL MODUL\n\nIsi modul yang ditulis sebagai teks biasa.\n", "catatan.html")
    assert "# JUDUL MODUL" in out


def test_cli_html_without_trafilatura_is_one_line_exit_2(tmp_path, monkeypatch, capsys):
    from modulfix.cli import main

    page = tmp_path / "page.html"
    page.write_text(_read("blogger-id-pantun.html"), encoding="utf-8")
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # makes "import trafilatura" fail
    code = main(["clean", "--no-spelling", str(page)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "pip install 'modulfix[html]'" in err and "Traceback" not in err


def test_cli_html_comments_report(tmp_path, capsys):
    from modulfix.cli import main

    page = tmp_path / "page.html"
    page.write_text(_read("wordpress-id-koperasi.html"), encoding="utf-8")
    report = tmp_path / "komentar.txt"
    code = main(["clean", "--no-spelling", str(page), "--comments", "report", "--comments-file", str(report)])
    assert code == 0
    text = report.read_text(encoding="utf-8")
    assert "2 komentar pembaca (1 spam dibuang)" in text
    assert "Dedi Kurniawan, 2019-03-13 10:22" in text and "slot" not in text.lower()


def test_title_heading_inside_the_article_is_not_repeated_or_demoted():
    page = ("<!DOCTYPE html><html><head><title>Modul Gizi</title></head><body><article><h1>Modul Gizi</h1>"
            "<p>Gizi seimbang penting bagi anak usia dini dan orang dewasa di desa.</p><h2>A. Pengertian</h2>"
            "<p>Gizi seimbang adalah susunan makanan sehari-hari yang sesuai kebutuhan tubuh.</p>"
            "</article></body></html>")
    _, body = split_front_matter(clean(page))
    assert [ln for ln in body.splitlines() if ln.startswith("#")] == ["# Modul Gizi", "## A. Pengertian"]


def test_empty_html_page_gives_front_matter_only():
    assert clean("<html><body></body></html>") == "---\nlanguage: id\n---\n"
