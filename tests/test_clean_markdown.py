"""Markdown stage and Markdown input: fixes, escaping, YAML, structure kept, idempotence."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from modulfix import markdown, structure
from modulfix.document import Block, Document, Finding, Segment

from conftest import clean, split_front_matter


def _doc_with(text: str, findings: list[Finding], kind: str = "paragraph") -> Document:
    doc = Document(text)
    doc.blocks = [Block(kind, [Segment(0, len(text))], level=2 if kind == "heading" else 0)]
    doc.findings = findings
    return doc


def _finding(text: str, word: str, fix: str | None, italic: bool = False, nth: int = 0) -> Finding:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return Finding("test", start, start + len(word), word, "", fix=fix, italic=italic)


def test_fixes_applied_inside_segments_and_first_of_overlap_wins():
    text = "Pendampingan sosial merupaka suatu strategi (problem solver) dlam masyarakat"
    findings = [
        _finding(text, "merupaka", "merupakan"),
        _finding(text, "merupaka suatu", "XXX"),  # overlaps the first: ignored
        _finding(text, "problem solver", None, italic=True),
        _finding(text, "dlam", "dalam"),
        Finding("info", 0, 3, "Pen", "", fix=None),  # suggestion only: not applied
    ]
    out = markdown.render(_doc_with(text, findings))
    assert out.endswith("\nPendampingan sosial merupakan suatu strategi (*problem solver*) dalam masyarakat\n")


def test_italic_is_not_doubled_on_markdown_input():
    text = "istilah *problem solver* di sini"
    doc = _doc_with(text, [_finding(text, "problem solver", None, italic=True)])
    doc.is_markdown = True
    assert markdown.render(doc).endswith("\nistilah *problem solver* di sini\n")


@pytest.mark.parametrize("text", [
    "1. bukan daftar", "# bukan judul", "- bukan butir", "+ plus", "> kutipan", "*) catatan", "_miring_",
    "a < b dan [tautan](x)", "`kode`", "tanda \\ miring", "&amp; entitas & dan", "---", "~~~", "=== garis",
    "2) kurung", "akhir #", "**tebal**",
])
def test_escaped_text_parses_back_to_itself(text):
    out = markdown.render(_doc_with(text, []))
    tokens = MarkdownIt("commonmark").parse(split_front_matter(out)[1])
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    assert "".join(c.content for c in tokens[1].children) == text


def test_heading_trailing_hashes_escaped():
    out = markdown.render(_doc_with("Bagian C #", [], kind="heading"))
    tokens = MarkdownIt("commonmark").parse(split_front_matter(out)[1])
    assert tokens[1].children[0].content == "Bagian C #"


@pytest.mark.parametrize("value, rendered", [
    ("MATERI PENDAMPINGAN SOSIAL", "MATERI PENDAMPINGAN SOSIAL"),
    ("Modul 5: Media", '"Modul 5: Media"'),
    ("yes", '"yes"'),
    ("2018", '"2018"'),
    ("#tagar", '"#tagar"'),
    ('Kata "kutip" dan \\', 'Kata "kutip" dan \\'),
    ('"Kutip" di awal \\', '"\\"Kutip\\" di awal \\\\"'),
    ("- daftar", '"- daftar"'),
    ("Sosial & Pekerjaan", "Sosial & Pekerjaan"),
    ("& awal", '"& awal"'),
    ("judul # tagar", '"judul # tagar"'),
])
def test_yaml_quoting_round_trips(value, rendered):
    assert markdown.yaml_scalar(value) == rendered
    assert structure._yaml_scalar(rendered) == value


@pytest.mark.parametrize("text, expected", [
    ("---\ntitle: x\n---\n", True), ("# Judul\n\nIsi", True), ("Teks\n## Sub\n", True),
    ("#tagar saja\nTeks biasa", False), ("Teks biasa\n-->\n", False),
])
def test_looks_like_markdown(text, expected):
    assert structure.looks_like_markdown(text) is expected


def test_markdown_input_structure_kept():
    text = ("---\ntitle: 'Modul ''A'''\ndate: 2020-01-02\nsource: https://contoh.example/modul\n---\n\n"
            "# Modul 'A'\n\nParagraf satu\nberlanjut.\n\n## Sub Bagian ##\n\n- butir satu\n- butir dua\n\n"
            "3. tiga\n4. empat\n\n```python\nx  =  1\n\n# bukan judul\n```\n\nSetext\n------\n\n> kutipan\n> lanjut\n")
    out = clean(text, "modul.md")
    meta, body = split_front_matter(out)
    assert meta == {"title": "Modul 'A'", "date": "2020-01-02", "language": "id",
                    "source": "https://contoh.example/modul"}
    assert body == ("\n# Modul 'A'\n\nParagraf satu berlanjut.\n\n## Sub Bagian\n\n- butir satu\n- butir dua\n\n"
                    "3. tiga\n4. empat\n\n```python\nx  =  1\n\n# bukan judul\n```\n\n## Setext\n\n"
                    "> kutipan\n> lanjut\n")
    assert clean(out) == out


def test_empty_and_chrome_only_pages():
    assert clean("") == "---\nlanguage: id\n---\n"
    assert clean("-->\nBeranda\n") == "---\nlanguage: id\n---\n"
    assert clean(clean("")) == clean("")


def test_program_code_in_plain_text_is_kept_line_for_line():
    text = ("Perhatikan contoh berikut.\n"
            "nilai = 75\n"
            "if nilai >= 70:\n"
            "    print(\"Lulus\")\n"
            "else:\n"
            "    print(\"Remedial\")\n"
            "\n"
            "Pada contoh tersebut, variabel nilai dibandingkan dengan KKM.\n")
    body = split_front_matter(clean(text))[1]
    assert "```\nnilai = 75\nif nilai >= 70:\n    print(\"Lulus\")\nelse:\n    print(\"Remedial\")\n```" in body
    tokens = MarkdownIt("commonmark").parse(body)
    assert [t.type for t in tokens if t.type == "fence"] == ["fence"]


def test_prose_with_an_equals_sign_is_no_code():
    body = split_front_matter(clean("Jika x = 5 maka y = 10.\nNilai itu dipakai lagi.\n"))[1]
    assert "```" not in body


def test_wrapped_paragraph_goes_on_after_a_semicolon_and_past_a_long_line():
    wrapped = [
        "Program tidak selalu dijalankan baris demi baris secara berurutan. Sering kali",
        "komputer harus mengambil keputusan berdasarkan suatu kondisi, dan struktur inilah",
        "yang disebut percabangan. Jika kondisi benar, blok perintah tertentu dijalankan;",
        "jika salah, program menjalankan blok lain atau melompatinya. Dalam bahasa Python,",
        "blok perintah ditandai dengan indentasi sebanyak empat spasi, bukan dengan kurung",
        "kurawal seperti pada bahasa lain. Penerjemah (interpreter) membaca kode itu baris",
        "Python menerjemahkan kode baris demi baris dan langsung mengenali tipe datanya.",
        "",
        "Keterangan gambar yang tidak dibungkus sama sekali sehingga satu barisnya melampaui lebar baris halaman, "
        "sampai lebih dari seratus dua puluh huruf.",
    ]
    body = split_front_matter(clean("MODUL PEMROGRAMAN\n\n" + "\n".join(wrapped) + "\n"))[1]
    paragraphs = [p.strip() for p in body.split("\n\n") if p.strip() and not p.strip().startswith("#")]
    assert "dijalankan; jika salah" in paragraphs[0]
    assert "membaca kode itu baris Python menerjemahkan" in paragraphs[0]
