"""Boilerplate stage: dates, chrome that must go, body words that must stay, comments, spam."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from modulfix import boilerplate
from modulfix.document import CONTENT, Document

from conftest import clean, split_front_matter


@pytest.mark.parametrize("text, iso", [
    ("Friday 21 December 2018", "2018-12-21"),
    ("Rabu, 30 Januari 2013", "2013-01-30"),
    ("Januari 5, 2015", "2015-01-05"),
    ("Posted on March 3, 2016", "2016-03-03"),
    ("Jum'at, 7 Agustus 2020", "2020-08-07"),
    ("Sept 9, 2011 by admin", "2011-09-09"),
    ("2019-04-01", "2019-04-01"),
    ("tanpa tanggal", None),
    ("31 Februari 2020", "2020-02-31"),  # not validated beyond ranges: we record what the page says
])
def test_parse_date(text, iso):
    assert boilerplate.parse_date(text) == iso


def _labels(text: str) -> dict[str, str]:
    doc = Document(text)
    boilerplate.annotate(doc)
    return {ln.text: ln.label for ln in doc.lines if ln.text.strip()}


def test_chrome_words_inside_sentences_stay():
    lines = ["Judul Modul", "", "Balas surat itu segera setelah diterima.", "Beranda rumah dipakai belajar.",
             "Setiap komentar mahasiswa dinilai.", 'Ia menulis "Reply to all" di surel.', "Home industry tumbuh.",
             "Beranda", "Balas"]
    labels = _labels("\n".join(lines))
    for sentence in lines[2:7]:
        assert labels[sentence] == CONTENT
    assert labels["Beranda"] == "chrome"


def test_blogger_classic_english_comments():
    body = ["Pendidikan Orang Dewasa", ""] + [f"Paragraf {i} tentang pembelajaran orang dewasa di desa." for i in range(8)]
    comments = ["2 comments:", "", "Sari said...", "Terima kasih, materinya membantu tugas pembelajaran saya.",
                "March 3, 2016 at 10:15 AM", "Delete", "Promo Loan said...",
                "Need cash fast? Get a loan today, click https://loan.example.com or WhatsApp +6281234567890",
                "March 4, 2016 at 1:05 AM", "Delete", "Post a Comment", "", "Newer Post", "Older Post", "Home",
                "Subscribe to: Post Comments (Atom)"]
    doc = Document("\n".join(body + comments))
    boilerplate.annotate(doc)
    assert [(c.author, c.date, c.spam) for c in doc.comments] == [
        ("Sari", "2016-03-03 10:15", False), ("Promo Loan", "2016-03-04 01:05", True)]
    assert all(ln.label == CONTENT for ln in doc.lines[2:10])
    assert all(ln.label != CONTENT for ln in doc.lines[10:] if ln.text)


def test_comment_marker_needs_a_meta_line_to_open_a_section():
    text = "Judul\n\n" + "Isi modul yang cukup panjang.\n" * 5 + "Komentar\nKalimat biasa sesudahnya tetap isi.\n"
    labels = _labels(text)
    assert labels["Kalimat biasa sesudahnya tetap isi."] == CONTENT


@pytest.mark.parametrize("comment, spam", [
    ("Terima kasih bu, sangat membantu.", False),
    ("Izin bertanya, apakah modul ini boleh dipakai di PKBM kami?", False),
    ("Jual obat herbal ampuh, hubungi WA 0812-3456-7890", True),
    ("Situs slot gacor terpercaya, bonus deposit 100% di www.slotgacor88.example.com", True),
    ("Great post! I will share this with my friends, check out my site for cheap essays", True),
])
def test_spam_score(comment, spam):
    post = {"modul", "pembelajaran", "warga", "belajar", "tutor"}
    assert (boilerplate.spam_score(comment, post) >= boilerplate.SPAM_THRESHOLD) is spam


def test_comments_keep_and_report():
    from modulfix import markdown
    from modulfix.ingest import Source
    from modulfix.pipeline import CleanOptions, clean_document, clean_text
    from conftest import read_case

    text, _ = read_case("blogger-id-evaluasi")
    kept = clean_text(text, options=CleanOptions(spelling=False, comments="keep"))
    assert "## Komentar" in kept and "Rahmat Hidayat (2014-03-12 10:15): Terima kasih bu" in kept
    assert "slot gacor" not in kept
    assert clean_text(kept, options=CleanOptions(spelling=False, comments="keep")) == kept
    assert "## Komentar" not in clean(text)
    doc = clean_document(Source("x.txt", text), CleanOptions(spelling=False))
    report = markdown.render_comments_report(doc)
    assert "Nur Aini, 2014-04-02 21:40" in report and "slot" not in report


def test_title_after_site_header_and_repeated_title_dropped():
    text = ("Blog Pendidikan\nBerbagi ilmu\nRabu, 30 Januari 2013\nModul Satu\n\n"
            "Isi modul ini menjelaskan pembelajaran orang dewasa secara ringkas.\nModul Satu\n")
    meta, body = split_front_matter(clean(text))
    assert meta["title"] == "Modul Satu" and meta["date"] == "2013-01-30"
    assert "Blog Pendidikan" not in body and body.count("Modul Satu") == 1


# --- every date form seen, as a whole post-date line ------------------------------------

@pytest.mark.parametrize("line, iso", [
    ("Friday, September 16, 2016", "2016-09-16"),
    ("Posted on March 3, 2016 by Bidan Rina", "2016-03-03"),
    ("Diposting pada 21 September 2022 oleh admin", "2022-09-21"),
    ("Tayang: 16 Juli 2021   10:05 Diperbarui: 16 Juli 2021   10:12", "2021-07-16"),
    ("Rabu, 11 Oktober 2023 | 13:45 WIB", "2023-10-11"),
    ("Diterbitkan: 8 Januari 2020", "2020-01-08"),
    ("Maret 12, 2019 3 komentar", "2019-03-12"),
    ("5 Agt. 2019", "2019-08-05"),
    ("30/01/2013", "2013-01-30"),
])
def test_post_date_lines(line, iso):
    from modulfix import dates

    assert dates.post_date_re().fullmatch(line)
    assert boilerplate.parse_date(line) == iso


def test_dates_are_not_read_inside_numbers():
    assert boilerplate.parse_date("NIP 1982-03-150") is None
    assert boilerplate.parse_date("kode 130/01/20135") is None


# --- generic rules for unknown templates -------------------------------------------------

BODY = [f"Paragraf {i} menjelaskan pembelajaran orang dewasa di desa dengan contoh yang nyata." for i in range(8)]


def test_navigation_bar_widget_list_and_byline_removed():
    text = "\n".join(["Portal Warga", "Edukasi", "Modul Literasi Digital", "Rabu, 11 Oktober 2023 | 13:45 WIB",
                      "Penulis: Tim Redaksi", ""] + BODY + [
        "", "Baca Juga", "Cara Mengatur Waktu Layar Anak", "Pentingnya Membaca Bersama", "",
        "Tentang Kami | Redaksi | Kebijakan Privasi", "Copyright © 2023 Portal Warga."])
    labels = _labels(text)
    for chrome in ("Portal Warga", "Edukasi", "Penulis: Tim Redaksi", "Baca Juga", "Cara Mengatur Waktu Layar Anak",
                   "Pentingnya Membaca Bersama", "Tentang Kami | Redaksi | Kebijakan Privasi",
                   "Copyright © 2023 Portal Warga."):
        assert labels[chrome] == "chrome", chrome
    assert labels["Modul Literasi Digital"] == "title"
    assert all(labels[b] == CONTENT for b in BODY)


def test_names_next_to_uploader_labels_and_follow_buttons():
    text = "\n".join(["Uploaded by", "Rina Marlina", "Modul PKBM", ""] + BODY + ["Fasilitator Desa", "Follow"])
    labels = _labels(text)
    assert labels["Rina Marlina"] == labels["Fasilitator Desa"] == "chrome"


def test_repeated_lines_running_headers_and_module_labels():
    page = ["Modul Uji", ""]
    for n in (1, 2):
        page += BODY[:3] + ["Jawab:", "Modul Keaksaraan Fungsional", str(n), ""]
    labels = _labels("\n".join(page))
    assert labels["Modul Keaksaraan Fungsional"] == "chrome"  # next to page numbers, on both pages
    assert labels["Jawab:"] == CONTENT  # a recurring module label stays
    widget = ["Modul Uji", ""] + BODY[:2] + ["Ikuti blog ini lewat surel"] + BODY[2:4] + [
        "Ikuti blog ini lewat surel"] + BODY[4:6] + ["Ikuti blog ini lewat surel", "Contoh", "Contoh", "Contoh"]
    labels = _labels("\n".join(widget))
    assert labels["Ikuti blog ini lewat surel"] == "chrome" and labels["Contoh"] == CONTENT


def test_title_is_the_longest_head_line_before_a_trailing_date():
    text = "\n".join(["Kompasiana", "Humaniora", "Belajar Berdiferensiasi di Kelas Paket B", "Sri Mulyani",
                      "Tutor Kesetaraan", "Tayang: 16 Juli 2021 10:05", ""] + BODY)
    doc = Document(text)
    boilerplate.annotate(doc)
    assert doc.metadata == {"title": "Belajar Berdiferensiasi di Kelas Paket B", "date": "2021-07-16"}
    labels = {ln.text: ln.label for ln in doc.lines}
    assert labels["Humaniora"] == labels["Sri Mulyani"] == labels["Tutor Kesetaraan"] == "chrome"


def test_title_inside_a_page_title_with_the_blog_name():
    text = "\n".join(["Bahan Ajar PLS: Evaluasi Pembelajaran Orang Dewasa", "Bahan Ajar PLS", "Beranda",
                      "Rabu, 30 Januari 2013", "Evaluasi Pembelajaran Orang Dewasa", ""] + BODY)
    meta, body = split_front_matter(clean(text))
    assert meta["title"] == "Evaluasi Pembelajaran Orang Dewasa" and meta["date"] == "2013-01-30"
    assert "Bahan Ajar PLS" not in body and body.count("Evaluasi Pembelajaran Orang Dewasa") == 1


def test_wrapped_title_is_not_split_at_its_colon():
    text = "\n".join(["Modul TIK Dasar: Mengenal Aplikasi Pengolah Kata", "", "MODUL TIK DASAR",
                      "MENGENAL APLIKASI PENGOLAH KATA", ""] + BODY)
    meta, _ = split_front_matter(clean(text))
    assert meta["title"] == '"Modul TIK Dasar: Mengenal Aplikasi Pengolah Kata"'


def test_table_of_contents_without_leaders_is_dropped():
    text = "\n".join(["MODUL", "", "DAFTAR ISI", "BAB I   PENDAHULUAN        1", "BAB II  PEMBAHASAN        3", "",
                      "BAB I", "PENDAHULUAN", ""] + BODY)
    out = clean(text)
    assert "DAFTAR ISI" not in out and "PEMBAHASAN" not in out and "## BAB I PENDAHULUAN" in out


def test_spam_line_outside_comments_and_selling_words_in_the_body():
    text = "\n".join(["Modul Promosi Usaha", ""] + BODY + [
        "Promo dan diskon adalah cara menarik pembeli; hitung dulu labanya sebelum memberi diskon.",
        "Jasa Pembuatan Website Murah, Hubungi WA 0821-3333-4444, Gratis Domain!"])
    labels = _labels(text)
    assert labels["Jasa Pembuatan Website Murah, Hubungi WA 0821-3333-4444, Gratis Domain!"] == "spam"
    assert labels["Promo dan diskon adalah cara menarik pembeli; hitung dulu labanya sebelum memberi diskon."] \
        == CONTENT


@pytest.mark.parametrize("comment, spam", [
    ("Thanks, very useful for my class.", False),  # short English thanks: a reader, not spam
    ("Mantap pak, SANGAT MEMBANTU!!", False),
    ("EARN $500 DAILY WITH BITCOIN TRADING!!! Join our Telegram group now, contact admin@signal.example.com", True),
    ("Butuh dana cepat? Pinjaman online tanpa jaminan, hubungi WA 0857-1122-3344", True),
    ("Nice article! Very informative, visit my blog for more tips at http://homework.example.org", True),
])
def test_spam_features(comment, spam):
    post = {"modul", "pembelajaran", "warga", "belajar", "tutor", "kelas", "membantu"}
    assert (boilerplate.spam_score(comment, post) >= boilerplate.SPAM_THRESHOLD) is spam


def test_language_mismatch_only_against_the_post_language():
    from modulfix.spam import language, spam_score

    english = "Thank you for this article, it is very clear and I will use it with my students"
    assert language(english.lower().split()) == "en"
    assert spam_score(english, set(), "en") < spam_score(english, set(), "id")


def test_hard_wrapped_paragraph_does_not_swallow_a_heading():
    text = ("MODUL UJI\n"
            "Ekosistem adalah kesatuan antara makhluk hidup dan lingkungannya yang\n"
            "saling memengaruhi. Sawah, kolam, dan hutan merupakan contoh ekosistem\n"
            "yang dapat diamati di sekitar kita dan dipakai sebagai bahan belajar.\n"
            "Komponen Ekosistem\n"
            "Komponen biotik terdiri atas produsen, konsumen, dan pengurai yang hidup\n"
            "bersama dalam satu lingkungan, sedangkan komponen abiotik meliputi air,\n"
            "tanah, udara, cahaya, dan suhu yang memengaruhi kehidupan di dalamnya.\n"
            "Pembagian tugas yang jelas memudahkan pengelola mempertanggungjawabkan\n"
            "kegiatan kepada masyarakat dan pemerintah setempat secara terbuka.\n")
    _, body = split_front_matter(clean(text))
    paragraphs = body.strip().split("\n\n")
    assert "Komponen Ekosistem" in paragraphs
    assert any(p.endswith("pemerintah setempat secara terbuka.") and "dalamnya. Pembagian" in p for p in paragraphs)


def test_markdown_lines_from_html_get_the_line_rules_but_not_code():
    doc = Document("# Judul\n\nIsi modul.\n\n**Bagikan ini:**\n\n- Facebook\n\n```\n}\nmenu\n```\n", is_markdown=True)
    boilerplate.annotate(doc, lines_only=True)
    labels = {ln.text: ln.label for ln in doc.lines if ln.text}
    assert labels["**Bagikan ini:**"] == labels["- Facebook"] == "chrome"
    assert labels["}"] == labels["menu"] == labels["Isi modul."] == CONTENT


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Hubungi", "08123456789", "0812 3456 7890", "+6281234567890", "wa.me",
                                 "http://x.id", "https://toko.com/a", "www.jual", "info@toko.co.id", "a@b",
                                 "toko.COM", "situs.online", "kata.id", "1.08", "2008", "08", "@", ".", " ",
                                 "Diskon", "obat", "x.comx", "Www.", "HTTP://", "+62", "email:", "-", "9"]),
                max_size=12))
def test_contact_count_is_the_three_patterns_counted(parts):
    from modulfix.spam import EMAIL_RE, PHONE_RE, URL_RE, contact_count

    text = " ".join(parts)
    assert contact_count(text) == len(URL_RE.findall(text)) + len(EMAIL_RE.findall(text)) + len(PHONE_RE.findall(text))
