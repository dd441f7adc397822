"""clean is idempotent on generated pages, and linear on pathological input."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import clean

CHROME = ["-->", "author photo", "Beranda", "Posting Lama", "your advertise here", "Kategori: Modul",
          "Bagikan ini:", "12", "Halaman 3 dari 9", "Copied!", "Teks penuh"]
HEADINGS = ["A. Pendahuluan", "B. Tujuan Pembelajaran", "1. Pengertian", "2. Ruang Lingkup",
            "BAB II", "KATA PENGANTAR", "a. Prinsip", "II. METODE", "DAFTAR PUSTAKA", "Rangkuman"]
ITEMS = ["  1. menjelaskan konsep", "  2. menyusun rencana;", "- observasi", "• wawancara",
         "  a. diskusi kelompok", "3) refleksi", "* tanda bintang"]
SENTENCES = ["Pendidikan nonformal melayani warga belajar dewasa.",
             "Tutor menyusun rencana pembelajaran bersama warga belajar dan",
             "lingkungan sekitarnya menjadi sumber belajar yang murah.",
             "Rumus NA = (UH × 30%) + (UAS × 70%) dengan syarat <60 remedial.",
             "Catatan *) wajib diisi di berkas nilai_akhir.xlsx [lihat lampiran].",
             "1. Angka di awal kalimat bukan daftar.", "# bukan judul", "- bukan butir", "> bukan kutipan",
             "Balas surat itu segera.", "Beranda rumah dipakai belajar.", "pem-", "belajaran dimulai pagi.",
             "P E N D A H U L U A N", "Sosial & Pekerjaan &amp; entitas", "tanda \\ garis miring terbalik",
             "akhir judul #", "---", "```", "    kode terindentasi", "`kode` dan _miring_ dan **tebal**"]
COMMENTS = ["3 komentar:", "Budi mengatakan...", "Terima kasih infonya bu.", "12 Maret 2014 pukul 10.15",
            "Balas", "avatar", "Anonymous delete 5 March 2020 at 08:35",
            "CLICK this link for cheap slot gacor www.promo.example.com", "Reply"]
FOOTER = ["Next article Next Post", "Posting Lebih Baru", "Beranda"]

line = st.one_of(st.sampled_from(CHROME), st.sampled_from(HEADINGS), st.sampled_from(ITEMS),
                 st.sampled_from(SENTENCES), st.just(""), st.text(alphabet="ab *_[]<>#-+1.`\\&;:()", max_size=12))
page = st.builds(
    lambda head, title, body, comments, footer: "\n".join(head + title + body + comments + footer),
    st.lists(st.sampled_from(CHROME + ["Friday 21 December 2018", "Rabu, 30 Januari 2013"]), max_size=3),
    st.lists(st.sampled_from(["MATERI PENDAMPINGAN SOSIAL", "Modul 5: Media Pembelajaran", "yes", "2018"]), max_size=1),
    st.lists(line, max_size=30),
    st.lists(st.sampled_from(COMMENTS), max_size=8),
    st.lists(st.sampled_from(FOOTER), max_size=2),
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page)
def test_clean_twice_equals_clean_once(text):
    once = clean(text)
    assert once.endswith("\n") and not once.endswith("\n\n")
    assert clean(once) == once


# The three tests below feed inputs that a backtracking regex or a quadratic loop would
# take hours on; they assert what comes out, not how fast (speed is measured by
# scripts/benchmark.py): a regression shows as a suite that does not finish.

def test_one_megabyte_single_line():
    text = ("Pendidikan nonformal melayani warga belajar dewasa, " * 20000)[:1_000_000]
    out = clean(text + "\n")
    assert out.count("\n") < 10
    assert out.count("Pendidikan nonformal melayani warga belajar dewasa") >= 19_000


def test_pathological_lines():
    """Inputs shaped to defeat backtracking: long runs of dots, digits, spaces, marks."""
    lines = ["." * 200_000 + " 1", "1." * 100_000, "a " * 100_000, "#" * 100_000, "*_[<" * 50_000,
             "Januari 5, " * 50_000, "BAB " * 50_000]
    for text in lines:
        out = clean(text)
        assert out.endswith("\n") and len(out) >= len(text.strip()) // 4, text[:20]


def test_many_lines():
    text = "A. Judul\nPendidikan nonformal melayani warga belajar dewasa.\n\n" * 20_000  # ~1.2 MB
    out = clean(text)
    assert out.count("Pendidikan nonformal melayani warga belajar dewasa.") == 20_000


def _dev_pages():
    root = Path(__file__).resolve().parent.parent / "corpus"
    return sorted(p for d in ("dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12") for p in (root / d).glob("*.txt"))



@pytest.mark.parametrize("path", _dev_pages(), ids=lambda p: p.stem)
def test_clean_with_the_speller_is_idempotent_on_modules(path):
    """With the speller on: a hyphenated line break's first half is never "fixed" on its
    own (pengu- / kuran), and a reference list read back from Markdown gets no italics."""
    from modulfix.pipeline import clean_text

    once = clean_text(path.read_text(encoding="utf-8"), str(path))
    assert clean_text(once, "out.md") == once
