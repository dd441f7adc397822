"""Every corpus case: golden output, kept and dropped lines, structure, CommonMark, stability.

``corpus/NAME.txt`` is the input, ``NAME.lines.tsv`` labels each input line
(keep | drop | spam | date | title | blank) and ``NAME.expected.md`` is the golden
output of ``clean`` with the speller off. Goldens are rewritten only when
``MODULFIX_UPDATE_GOLDEN=1`` is set.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
from markdown_it import MarkdownIt

from conftest import CASES, CORPUS, NO_SPELLING, UPDATE_GOLDEN, clean, read_case, split_front_matter
from modulfix.markdown import yaml_scalar

KEEP = ("keep", "title")
KNOWN_MISSES: dict[str, set[int]] = {}
for _row in (CORPUS / "known-misses.tsv").read_text(encoding="utf-8").splitlines():
    if _row and not _row.startswith(("#", "name\t")):
        KNOWN_MISSES.setdefault(_row.split("\t")[0], set()).add(int(_row.split("\t")[1]))
PAGES = {row.split("\t")[0]: row.split("\t")[1:3]
         for row in (CORPUS / "pages.tsv").read_text(encoding="utf-8").splitlines()
         if row and not row.startswith(("#", "name\t"))}

# Hand-written expectations per case: front matter, headings (as Markdown lines, in
# order) and list items (ordered "N. text", bullets "- text", references included).
EXPECT: dict[str, dict] = {
    "pendampingan-sosial": {
        "meta": {"title": "MATERI PENDAMPINGAN SOSIAL", "date": "2018-12-21", "language": "id"},
        "headings": [
            "# MATERI PENDAMPINGAN SOSIAL",
            "## A. Deskripsi Singkat Mata Kuliah",
            "## B. Kegunaan/Manfaat Mata Kuliah",
            "## C. Standar Kompetensi Mata Kuliah",
            "## D. Susunan Urutan Bahan Ajar",
            "## E. Petunjuk Bagi Mahasiswa",
            "## A. Kompetensi Dasar dan Indikator",
            "## B. Diskripsi Singkat",
            "## C. Materi",
            "### 1. Pendampingan sosial",
            "### 2. Bidang tugas",
            "#### A. Pemungkinan atau fasilitasi",
            "#### B. Penguatan",
            "#### C. Perlindungan",
            "## Daftar Pustaka",
        ],
        "items": [
            "1. Pendampingan sosial", "2. Bidang tugas pendamping sosial",
            "1. Memahami tentang pendamping sosial", "2. Menjelaskan tentang pendampingan sosial",
            "3. Menjelaskan bidang tugas pendamping sosial",
            "1. Merancang perbaikan kehidupan sosial ekonomi", "2. Memobilisasi sumberdaya setempat",
            "3. Memcahkan maslah", "4. Menciptakan atau membuka akses bagi pemenuhan kebutuhan",
            "5. Menjalin kerjassam fdengan berbagai pihak yang relevan dengan konteks pemberdayaaan masyarakat",
            "- Suharto Edi (2014). Membangun Masyarakat memberdayakan Rakyat kajian Strategis "
            "Pembangunan Kesejahteraan Sosial & Pekerjaan Sosisal. Bandung. Reflika Aditama",
        ],
    },
    "blogger-id-evaluasi": {
        "meta": {"title": "MODUL 3 EVALUASI PEMBELAJARAN ORANG DEWASA", "date": "2013-01-30", "language": "id"},
        "headings": [
            "# MODUL 3 EVALUASI PEMBELAJARAN ORANG DEWASA", "## A. Tujuan Pembelajaran", "## B. Uraian Materi",
            "### 1. Pengertian Evaluasi", "### 2. Prinsip Evaluasi Andragogi", "### 3. Teknik Evaluasi",
            "## C. Rangkuman", "## Daftar Pustaka",
        ],
        "items": [
            "1. Menjelaskan pengertian evaluasi pembelajaran orang dewasa",
            "2. Membedakan evaluasi formatif dan evaluasi sumatif",
            "3. Menyusun instrumen penilaian sederhana untuk kelompok belajar",
            "- a. Evaluasi dilakukan bersama warga belajar, bukan hanya oleh tutor",
            "- b. Hasil evaluasi digunakan untuk memperbaiki program",
            "- c. Penilaian menghargai pengalaman dan pengetahuan awal warga belajar",
            "- observasi partisipatif", "- wawancara", "- portofolio hasil karya", "- tes unjuk kerja",
            "- Knowles, M. S. (1984). Andragogy in Action. San Francisco: Jossey-Bass.",
            "- Sudjana, D. (2005). Metode dan Teknik Pembelajaran Partisipatif. Bandung: Falah Production.",
        ],
    },
    "wordpress-id-media": {
        # ": " inside the title needs YAML quotes
        "meta": {"title": '"Modul 5: Media Pembelajaran Berbasis Lingkungan"', "date": "2015-01-05",
                 "language": "id"},
        "headings": [
            "# Modul 5: Media Pembelajaran Berbasis Lingkungan", "## 1. Pengertian Media Berbasis Lingkungan",
            "## 2. Jenis Media Lingkungan", "## 3. Langkah Pemanfaatan", "## 4. Penilaian", "## Referensi",
        ],
        "items": [
            "- a) lingkungan alam, misalnya sungai, kebun, dan hutan kecil di dekat desa;",
            "- b) lingkungan sosial, misalnya pasar, koperasi, dan kegiatan gotong royong;",
            "- c) lingkungan buatan, misalnya bendungan, jembatan, dan pusat kegiatan belajar masyarakat.",
            "1. Menentukan tujuan belajar yang ingin dicapai.",
            "2. Memilih lokasi yang aman dan mudah dijangkau.",
            "3. Menyusun lembar pengamatan untuk warga belajar.",
            "4. Melaksanakan kunjungan dan diskusi di lokasi.",
            "5. Merefleksikan hasil pengamatan di kelas.",
            "- Arsyad, A. (2011). Media Pembelajaran. Jakarta: Rajawali Pers.",
            "- Sadiman, A. S. dkk. (2009). Media Pendidikan: Pengertian, Pengembangan, dan Pemanfaatannya. "
            "Jakarta: Rajawali Pers.",
        ],
    },
    "docsite-perencanaan": {
        "meta": {"title": "Perencanaan Pembelajaran Keaksaraan Fungsional", "language": "id"},
        "headings": [
            "# Perencanaan Pembelajaran Keaksaraan Fungsional", "## BAB I PENDAHULUAN", "### A. Latar Belakang",
            "### B. Tujuan", "## BAB II PERENCANAAN PEMBELAJARAN", "### A. Pengertian Perencanaan",
            "### B. Langkah-langkah Perencanaan", "### C. Komponen Rencana Pembelajaran", "## Daftar Pustaka",
        ],
        "items": [
            "1. menjelaskan pengertian perencanaan pembelajaran keaksaraan;",
            "2. menyusun rencana pembelajaran yang berangkat dari potensi dan masalah yang dihadapi warga belajar;",
            "3. menilai kesesuaian rencana dengan kebutuhan warga belajar.",
            "1. mengidentifikasi kebutuhan belajar melalui wawancara dan pengamatan;",
            "2. merumuskan tujuan belajar bersama warga belajar;",
            "3. memilih bahan dan metode yang sesuai dengan tujuan;",
            "4. menetapkan cara menilai kemajuan belajar.",
            "- Kusnadi. (2005). Pendidikan Keaksaraan: Filosofi, Strategi, Implementasi. Jakarta: Direktorat "
            "Pendidikan Masyarakat.",
            "- Sudjana, D. (2004). Pendidikan Nonformal: Wawasan, Sejarah Perkembangan, Filsafat, Teori "
            "Pendukung, Asas. Bandung: Falah Production.",
        ],
    },
    "polos-kesetaraan": {
        "meta": {"title": "KONSEP DASAR PENDIDIKAN KESETARAAN", "language": "id"},
        "headings": [
            "# KONSEP DASAR PENDIDIKAN KESETARAAN", "## I. PENDAHULUAN", "## II. PROGRAM PAKET A, B, DAN C",
            "### 1. Paket A", "### 2. Paket B", "### 3. Paket C", "## III. PENILAIAN", "## Referensi",
        ],
        "items": [
            "1. menjelaskan landasan hukum pendidikan kesetaraan;",
            "2. membandingkan program Paket A, Paket B, dan Paket C;",
            "3. menghitung nilai akhir warga belajar sesuai pedoman penilaian.",
            "- Nilai sikap tidak dihitung dalam rumus di atas.",
            "- Nilai keterampilan dilaporkan terpisah.",
            "- Kementerian Pendidikan dan Kebudayaan. (2016). Pedoman Penyelenggaraan Pendidikan Kesetaraan. "
            "Jakarta: Direktorat Pembinaan Pendidikan Keaksaraan dan Kesetaraan.",
            "- Undang-Undang Republik Indonesia Nomor 20 Tahun 2003 tentang Sistem Pendidikan Nasional.",
        ],
    },
    "kata-chrome-komunikasi": {
        "meta": {"title": "KOMUNIKASI TERTULIS DI LINGKUNGAN KERJA", "date": "2019-06-14", "language": "id"},
        "headings": [
            "# KOMUNIKASI TERTULIS DI LINGKUNGAN KERJA", "## A. Menanggapi Surat Masuk",
            "## B. Pengumuman untuk Warga Belajar", "## C. Menanggapi Komentar di Forum Daring", "## D. Latihan",
        ],
        "items": [
            "1. Balas surat undangan rapat dari kepala desa dengan bahasa resmi.",
            "2. Tulis pengumuman untuk beranda rumah belajar tentang perubahan jadwal.",
            "3. Berikan komentar tertulis atas draf surat yang disusun kelompok lain.",
        ],
    },
}

_MD = MarkdownIt("commonmark")
_WORD_RE = re.compile(r"[^\W_]+")


def _words(text: str) -> Counter:
    return Counter(w.casefold() for w in _WORD_RE.findall(text))


def _source_words(rows: list[tuple[int, str, str]]) -> Counter:
    """Words of the keep/title lines, with PDF debris undone the way a reader would:
    hyphenated line breaks joined (``pem-`` + ``belajaran``), letter spacing closed."""
    lines = []
    for _, label, text in rows:
        if label in ("keep", "title"):
            words = re.split(r" {2,}", text.strip())
            if sum(len(w) for w in words) >= 4 and all(len(c) == 1 for w in words for c in w.split(" ")):
                text = " ".join(w.replace(" ", "") for w in words)
            lines.append(text)
    joined = re.sub(r"(?<=[^\W\d_])-\n\s*(?=[a-z])", "", "\n".join(lines))
    return _words(joined)


def _inline_text(token) -> str:
    """The literal text of an inline token (escapes resolved, emphasis markers dropped)."""
    return "".join(c.content for c in token.children or [] if c.type in ("text", "code_inline"))


def _parsed(body: str) -> tuple[list[str], list[str]]:
    """(headings, list items) as Markdown lines, read back by a CommonMark parser."""
    tokens = _MD.parse(body)
    headings, items = [], []
    ordered_stack = []
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open":
            headings.append(f"{tok.tag[1:] and '#' * int(tok.tag[1:])} {_inline_text(tokens[i + 1])}")
        elif tok.type in ("ordered_list_open", "bullet_list_open"):
            ordered_stack.append(tok.type.startswith("ordered"))
        elif tok.type in ("ordered_list_close", "bullet_list_close"):
            ordered_stack.pop()
        elif tok.type == "list_item_open":
            text = _inline_text(tokens[i + 2])
            items.append(f"{tok.info}{tok.markup} {text}" if ordered_stack[-1] else f"- {text}")
    return headings, items


@pytest.mark.parametrize("name", CASES)
def test_golden(name, cleaned):
    expected_path = CORPUS / f"{name}.expected.md"
    if UPDATE_GOLDEN and name != "pendampingan-sosial":  # the sample's golden never changes
        expected_path.write_text(cleaned[name], encoding="utf-8", newline="\n")
    assert cleaned[name] == expected_path.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", CASES)
def test_lines_tsv_covers_every_input_line(name):
    text, rows = read_case(name)
    source = text.split("\n")
    if text.endswith("\n"):
        source.pop()
    assert [r[0] for r in rows] == list(range(1, len(source) + 1))
    assert [r[2] for r in rows] == source
    assert {r[1] for r in rows} <= {"keep", "drop", "spam", "date", "title", "blank"}


def _expected_meta(name: str) -> dict[str, str]:
    """Hand-written in EXPECT, or from the annotations: the title line's text and the
    page's date in corpus/pages.tsv (the score-gate pages)."""
    if name in EXPECT:
        return EXPECT[name]["meta"]
    _, rows = read_case(name)
    meta = {}
    title = next((" ".join(t.split()) for _, label, t in rows if label == "title"), None)
    if title:
        meta["title"] = yaml_scalar(title, "title")
    date = PAGES[name][1]
    if date != "-":
        meta["date"] = date
    meta["language"] = "id"
    return meta


def test_every_case_is_a_gate_page():
    assert sorted(PAGES) == CASES


@pytest.mark.parametrize("name", CASES)
def test_front_matter(name, cleaned):
    meta, _ = split_front_matter(cleaned[name])
    assert meta == _expected_meta(name)


@pytest.mark.parametrize("name", CASES)
def test_headings_and_lists_parse_as_commonmark(name, cleaned):
    _, body = split_front_matter(cleaned[name])
    headings, items = _parsed(body)
    if name not in EXPECT:  # the golden file pins them; check they parse and the title leads
        meta = _expected_meta(name)
        if "title" in meta:
            assert headings[0].startswith("# ")
        assert all(re.fullmatch(r"#{1,6} \S.*", h) for h in headings)
        return
    assert headings == EXPECT[name]["headings"]
    assert items == EXPECT[name]["items"]


@pytest.mark.parametrize("name", CASES)
def test_every_kept_word_survives(name, cleaned):
    _, rows = read_case(name)
    _, body = split_front_matter(cleaned[name])
    missed = [(n, "keep", t) for n, label, t in rows if n in KNOWN_MISSES.get(name, ()) and label not in KEEP]
    assert _words(body) == _source_words(rows) + _source_words(missed)


def test_known_misses_are_still_misses(cleaned):
    """A line listed in corpus/known-misses.tsv that clean now gets right must leave the list."""
    from modulfix.document import CONTENT, TITLE
    from modulfix.ingest import Source
    from modulfix.pipeline import clean_document

    for name, numbers in KNOWN_MISSES.items():
        text, rows = read_case(name)
        doc = clean_document(Source(f"{name}.txt", text), NO_SPELLING)
        for n in numbers:
            gold_kept = rows[n - 1][1] in KEEP
            assert (doc.lines[n - 1].label in (CONTENT, TITLE)) != gold_kept, \
                f"{name}:{n} is right now: remove it from corpus/known-misses.tsv"


@pytest.mark.parametrize("name", CASES)
def test_no_dropped_line_survives(name, cleaned):
    _, rows = read_case(name)
    _, body = split_front_matter(cleaned[name])
    kept = {t.strip() for _, label, t in rows if label in ("keep", "title")}
    body_lines = {re.sub(r"^(?:#+|-|\d+\.) ", "", ln).replace("\\", "") for ln in body.splitlines()}
    for number, label, text in rows:
        text = text.strip()
        if label not in ("drop", "spam", "date") or text in kept or number in KNOWN_MISSES.get(name, ()):
            continue
        if len(text.split()) >= 5:
            assert text not in body, f"line {number} survived: {text!r}"
        else:
            assert text not in body_lines, f"line {number} survived: {text!r}"


@pytest.mark.parametrize("name", CASES)
def test_clean_is_idempotent(name, cleaned):
    assert clean(cleaned[name], f"{name}.md") == cleaned[name]
    assert clean(cleaned[name]) == cleaned[name]  # recognised as Markdown without the .md name
