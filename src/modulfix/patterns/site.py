"""Site-template strings seen in scraped Indonesian course pages, as data.

Every chrome pattern must match a WHOLE stripped line (``fullmatch``): that is what
keeps body sentences such as "Balas surat itu ..." or "Beranda rumah ..." safe.
Groups are named after the template or concept they come from (see
``/work/shared/docs/boilerplate.md``); the group name becomes the line's ``reason``.
All patterns are matched case-insensitively and compiled once, at import.
Patterns stay anchored and bounded (``.{1,80}``) so that no line can make them slow.
"""

from __future__ import annotations

import re

# --- dates -------------------------------------------------------------------------

# Month names (full and abbreviated) in English and Indonesian -> month number.
MONTHS: dict[str, int] = {
    "january": 1, "januari": 1, "jan": 1,
    "february": 2, "februari": 2, "pebruari": 2, "feb": 2, "peb": 2,
    "march": 3, "maret": 3, "mar": 3,
    "april": 4, "apr": 4,
    "may": 5, "mei": 5,
    "june": 6, "juni": 6, "jun": 6,
    "july": 7, "juli": 7, "jul": 7,
    "august": 8, "agustus": 8, "aug": 8, "agu": 8, "agt": 8, "agus": 8,
    "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oktober": 10, "oct": 10, "okt": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11,
    "december": 12, "desember": 12, "dec": 12, "des": 12,
}

# Day names that may precede a date ("Friday 21 December 2018", "Rabu, 30 Januari 2013").
DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad")

_MONTH = "(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = "(?:(?:" + "|".join(DAYS) + r"),?\s+)?"
_TIME = r"(?:\d{1,2}[.:]\d{2}(?:[.:]\d{2})?\s*(?:am|pm|wib|wita|wit)?)"

# A date in any of the orders the templates use. Named groups: day, month, year.
DATE_CORE = (
    rf"{_DAY}(?:(?P<day>\d{{1,2}})\s+{_MONTH}\s+(?P<year>\d{{4}})"
    rf"|{_MONTH.replace('month', 'month2')}\s+(?P<day2>\d{{1,2}}),?\s+(?P<year2>\d{{4}})"
    rf"|(?P<year3>\d{{4}})-(?P<month3>\d{{2}})-(?P<day3>\d{{2}}))"
)
DATE_RE = re.compile(DATE_CORE, re.IGNORECASE)

# A line that is only the post date, maybe with the templates' prefixes/suffixes.
POST_DATE_RE = re.compile(
    r"(?:posted on|diposting (?:pada|oleh .{1,60} pada)|diposkan pada|diterbitkan|published)?\s*"
    + DATE_CORE
    + r"(?:\s+(?:at|pukul)\s+" + _TIME + r")?"
    # WordPress meta tail: "2 komentar", "Tinggalkan komentar", "by Name", "oleh Name"
    + r"(?:\s+(?:\d+\s+(?:komentar|comments?)|tinggalkan komentar|leave a comment"
    + r"|(?:by|oleh)\s+.{1,60}))?",
    re.IGNORECASE,
)

# A comment meta line: a date WITH a time, possibly after an author name and a UI word
# ("Blog27999 delete 5 March 2020 at 08:35", "12 Maret 2014 pukul 10.15").
COMMENT_DATE_RE = re.compile(
    r"(?P<author>.{0,60}?)\s*(?:delete|hapus)?\s*" + DATE_CORE
    + r"(?:\s+(?:at|pukul|jam)|,)?\s+(?P<time>" + _TIME + r")",
    re.IGNORECASE,
)

# Author lines that open a comment; group "author" is the name.
COMMENT_AUTHOR_RE = re.compile(
    r"(?P<author>.{1,60}?)\s+(?:mengatakan|said|berkata|menulis)\s*(?:\.\.\.|…|:)"
    r"|(?P<author2>.{1,60}?)\s+(?:says|berkata|menulis):",
    re.IGNORECASE,
)


def _group(*patterns: str) -> re.Pattern[str]:
    """One alternation of whole-line patterns (callers use ``fullmatch``)."""
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


# --- chrome: whole lines that are page furniture, by template ------------------------

CHROME: tuple[tuple[str, re.Pattern[str]], ...] = (
    # Blogger, third-party theme with English UI (the sample page).
    ("blogger-theme", _group(
        r"-->", r"<!--", r"author photo", r"your advertise here", r"advertisement",
        r"next article next post", r"previous article previous post",
        r"related posts?", r"share this post", r"tweet", r"share", r"this post have \d+ komentar",
    )),
    # Share buttons and menus of every template: a platform name alone on a line.
    ("share-buttons", _group(
        r"twitter", r"facebook", r"whatsapp", r"telegram", r"linkedin", r"pinterest", r"surel",
        r"cetak", r"print", r"menu", r"cari", r"search", r"klik untuk berbagi .{1,60}",
        r"click to share .{1,60}", r"lewati ke konten", r"skip to content",
    )),
    # Blogger with Indonesian UI.
    ("blogger-id", _group(
        r"beranda", r"diposkan oleh .{1,60}? di \d{1,2}[.:]\d{2}",
        r"kirimkan ini lewat email", r"blogthis!", r"(?:berbagi|bagikan) ke (?:twitter|facebook|pinterest)",
        r"posting lebih baru", r"posting lama", r"langganan: posting komentar \(atom\)",
        r"poskan komentar", r"posting komentar", r"tidak ada komentar:?", r"label: .{1,80}",
        r"menampilkan postingan yang diurutkan menurut relevansi untuk kueri .{1,120}",
        r"adsense", r"download file", r"arsip blog", r"mengenai saya", r"lihat profil lengkapku",
    )),
    # Blogger, classic English UI.
    ("blogger-en", _group(
        r"post a comment", r"newer post", r"older post", r"home", r"no comments:?",
        r"subscribe to: post comments \(atom\)", r"posted by .{1,60}? at \d{1,2}[.:]\d{2}\s*(?:am|pm)?",
        r"labels: .{1,80}", r"email this", r"share to (?:twitter|facebook|pinterest)",
        r"blog archive", r"about me", r"view my complete profile",
    )),
    # WordPress, Indonesian UI.
    ("wordpress-id", _group(
        r"kategori: .{1,80}", r"bagikan ini:", r"menyukai ini:", r"suka memuat\.\.\.", r"terkait",
        r"tinggalkan balasan", r"batalkan balasan", r"tinggalkan komentar",
        r"alamat email anda tidak akan dipublikasikan\..{0,120}", r"komentar\s*\*?", r"nama\s*\*?",
        r"email\s*\*?", r"situs web", r"kirim komentar", r"beritahu saya .{1,80}",
        r"blog di wordpress\.com\.", r"navigasi pos", r"pos sebelumnya", r"pos berikutnya",
        r"tulisan sebelumnya", r"tulisan berikutnya", r"simpan nama, email, dan situs web saya .{1,120}",
        r"ikuti", r"tags?: .{1,80}", r"bagikan:",
    )),
    # WordPress, English UI.
    ("wordpress-en", _group(
        r"share this:", r"like this:", r"like loading\.\.\.", r"related", r"leave a reply",
        r"leave a comment", r"cancel reply", r"post navigation", r"previous post", r"next post",
        r"your email address will not be published\..{0,120}", r"categories?: .{1,80}",
        r"website", r"post comment", r"notify me of .{1,80}",
    )),
    # Document-sharing sites (scribd, 123dok, pdfcoffee, cupdf, anyflip, SlideShare).
    ("document-site", _group(
        r"anda di halaman \d+\s*dari \d+", r"you are on page \d+\s*of \d+", r"download as pdf or txt",
        r"\d{1,3}% ?found this document (?:un)?useful.{0,40}", r"uploaded by.{0,60}",
        r"available formats", r"(?:•\s*)?tidak ada hasil yang ditemukan", r"n/a", r"protected",
        r"academic year: \d{4}", r"membagikan [\"“].{1,200}[\"”]", r"copied!", r"teks penuh",
        r"\(\d{1,4}\)", r"views \d+ downloads \d+ file size .{1,20}", r"top banner", r"download",
        r"welcome message from author", r"transcript", r"page \d+: .{1,200}", r"upload: .{1,60}",
        r"post on .{1,60}", r"category: documents", r"the words you are searching are inside this book\.",
        r"published by .{1,60}, .{1,60}", r"download to read offline", r"unduh sekarang",
        r"jump to page", r"lompat ke halaman", r"simpan", r"cari di dalam dokumen",
    )),
    # PDF debris: page numbers, repository stamps, running page labels.
    ("pdf-page-number", _group(
        r"[-–—]?\s*\d{1,4}\s*[-–—]?", r"(?:halaman|hal\.|page) \d{1,4}(?: (?:dari|of) \d{1,4})?",
        r"(?-i:[ivxlc]{1,6})", r"\d{1,4}\s*\|\s*.{1,80}", r".{1,80}\s*\|\s*\d{1,4}",
        r"plagiat merupakan tindakan tidak terpuji",
    )),
)

# A table-of-contents entry: text, a dotted leader, a page number ("KATA PENGANTAR ...... i").
TOC_RE = re.compile(r".{1,120}?(?:\.{4,}|…{2,}|(?:\. ){4,})\s*\.?\s*(?:\d{1,4}|[ivxlc]{1,6})",
                    re.IGNORECASE)
TOC_HEADING_RE = re.compile(r"daftar isi|table of contents|contents", re.IGNORECASE)

# --- comment sections ------------------------------------------------------------------

# Lines that open a comment section (confirmed by a comment meta line soon after).
COMMENT_MARKER_RE = _group(
    r"this post have \d+ komentar", r"\d+ komentar:?", r"\d+ comments?:?",
    r"(?:\d+|satu|dua|tiga) tanggapan (?:untuk|pada) .{1,200}",
    r"(?:\d+|one|two|three) (?:thoughts?|responses?|replies|comments?) (?:on|to) .{1,200}",
    r"poskan komentar", r"posting komentar", r"post a comment", r"tinggalkan balasan",
    r"tinggalkan komentar", r"leave a reply", r"leave a comment", r"komentar", r"comments",
)

# Per-comment furniture: avatars and action links.
COMMENT_ACTION_RE = _group(
    r"avatar", r"reply", r"balas", r"hapus", r"delete", r"tanggapi", r"balasan", r"suka",
    r"like", r"laporkan", r"report", r"reply ↓", r"balas ↓", r"muat lebih banyak.{0,40}",
    r"load more.{0,40}",
)

# Footer navigation: closes a comment section.
FOOTER_NAV_RE = _group(
    r"next article next post", r"previous article previous post", r"posting lebih baru",
    r"posting lama", r"beranda", r"newer post", r"older post", r"home", r"post navigation",
    r"navigasi pos", r"langganan: posting komentar \(atom\)", r"subscribe to: post comments \(atom\)",
    r"blog di wordpress\.com\.", r"previous post", r"next post",
)

# --- spam features -------------------------------------------------------------------

# Frequent English function words: many of them in a comment on an Indonesian page is
# a language mismatch, the strongest single spam signal on plain text.
ENGLISH_STOPWORDS = frozenset(
    "a an the and or but if of to in on at by for with from as is are was were be been "
    "it its this that these those you your i we they he she my our their me us them "
    "have has had do does did not no so what how why when who which there here can will "
    "would should could just really only all more most some any about into than then "
    "very also out up".split()
)

# Commercial, gambling and contact words (Indonesian and English).
COMMERCIAL_WORDS = frozenset(
    "click klik link casino kasino slot gacor judi togel poker bandar taruhan jackpot maxwin "
    "deposit bonus obat jual dijual beli pinjaman kredit promo diskon murah wa whatsapp "
    "hubungi telegram viagra loan cash bitcoin crypto forex investasi cheap buy order "
    "discount free gratis cod pesan".split()
)

URL_RE = re.compile(r"https?://|www\.|\b[\w-]{2,63}\.(?:com|net|org|id|info|xyz|co)\b", re.IGNORECASE)
EMAIL_RE = re.compile(r"\b[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+\b")
PHONE_RE = re.compile(r"(?:\+62|\b0)8\d(?:[\s.-]?\d){6,11}\b")
