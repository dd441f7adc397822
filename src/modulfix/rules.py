"""Every rule: a stable id, a default severity, a category and its documentation.

The documentation follows one template (what it does / why / example / use instead /
fix safety) and is what ``modulfix explain RULE`` prints. Rule ids never change
meaning; a retired id is never reused.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    category: str  # spelling | punctuation | style
    what: str
    why: str
    example: str
    instead: str
    fix: str

    def doc(self) -> str:
        return (f"{self.id} ({self.category}, default severity: {self.severity})\n\n"
                f"What it does\n  {self.what}\n\nWhy\n  {self.why}\n\n"
                f"Example\n  {self.example}\n\nUse instead\n  {self.instead}\n\n"
                f"Fix safety\n  {self.fix}\n")


_RULES = [
    Rule("typo", "error", "spelling",
         "Flags a word that is neither a standard form nor a correct derivation of one, is not an "
         "attested name or loan, and has a standard form within two edits; and a capitalised word "
         "written once that one slip makes of a name the same document writes at least twice "
         "(Pasifki beside Pasifik, Pasifik), which is suggested, never fixed.",
         "Typos make a module look careless and break search.",
         "pemberdaytaan masyaraka", "pemberdayaan masyarakat",
         "Auto-fixed only when one correction clearly wins (attested, at least ten times more frequent "
         "than any equally close rival) and the difference looks like a slip: a letter left out, "
         "doubled or swapped, or a neighbouring key (a one-letter difference of another kind only "
         "towards a very frequent or long word; two edits only in a long word that keeps its first "
         "letter and where both edits are slips; a word of nine letters or more with exactly one "
         "correction within two edits; two common words run together, split the one way they can "
         "be; a seven-letter string only into two very common words: airlaut). A swap of two "
         "letters in a derivation of a common root that nobody writes online (pereaski: pereaksi) "
         "is reported when no other one-edit reading has a root anyone uses. Never auto-fixed: a capitalised word mid-sentence (a name?) unless it is a slip of "
         "a name always capitalised (di Indonesai), a word built like a listed loanword (konformasi "
         "beside konformitas), and a word next to other unknown words, which is reported as "
         "unknown-word (a scientific name or a foreign phrase). In an all-caps heading a slip of a "
         "heading word is fixed (BAB II PEMBAHSAN). Otherwise suggestions only."),
    Rule("typo-likely", "warning", "spelling",
         "Flags a rare word that is grammatical on paper but one edit away from a far more frequent "
         "word with a different root (melakkan = me+lak+kan vs melakukan), when the difference is a "
         "slip (a letter left out or doubled, swapped letters, a neighbouring key); or a string "
         "web text attests (so wordfreq knows it) that has no analysis of its own and is one such "
         "slip from a commoner word (menggangu), or one vowel away from a far commoner one (setalah), "
         "or a derivation that lost its root's final vowel before -an where a far commoner one keeps "
         "it (perusahan: per- + usah + -an, for perusahaan: per- + usaha + -an); or a three-letter "
         "string, between lowercase words, one slip from a very common function word (dna: dan, "
         "pda: pada), offered with its acronym reading (DNA): either way it is wrong as written. "
         "A regular derivation the same document writes twice or more is its word, not a slip "
         "(perundungan, beside perundingan).",
         "Stemmers accept such typos because some root fits; frequency tells they are slips.",
         "kerangka kerja melakkan pendampingan", "melakukan",
         "Auto-fixed only for an attested string at least 300 times rarer than its single neighbour, "
         "and for an unwritten form of seven letters or more on a root nobody uses that is a clear "
         "slip of its one frequent neighbour (berkimpul: berkumpul); otherwise suggestions only."),
    Rule("unknown-word", "info", "spelling",
         "Reports a word the dictionaries do not know and for which no close standard form exists, "
         "which stands next to other unknown words (Quercus rubor), which is short and only one "
         "unexplained change from other words (pameo: pamer), which is built like a listed "
         "loanword (inaktif beside aktif, industrialis beside industrial), or which ends like a "
         "loanword (-asi, -itas, -isme, -sional) that no close correction keeps (diseminasi), "
         "the -if/-ik adjective of a listed noun in -i (degresif, empatik) or the -tik/-tis "
         "adjective of one in -sis (osmotik beside osmosis), re- before a listed "
         "loanword (redistribusi), a rare Latin term without its final vowel (sistol beside "
         "sistole), ber-, ter-, per-, di-, ke- or se- on a word written online that no root "
         "builds, two edits from anything else (berwewenang), a unit symbol right after a number (250 kkal), "
         "or a word the document writes three times or more letter for letter (tubulus), unless "
         "its correction is sure enough to be applied (slips rarely repeat). "
         "A capitalised word after a place noun (desa Alasa), after a lowercase di, ke or dari "
         "(ke Dalat), or defined as one (Kanaungan adalah desa) is a name, and half of a hyphenated word written with spaces (kolang - kaling) is "
         "not judged on its own.",
         "Rare valid words and names exist; without a close candidate a typo is unlikely.",
         "karitatif", "(nothing; add the word to a project word list if it is right)", "Never fixed."),
    Rule("nonstandard", "error", "spelling",
         "Flags a non-standard (tidak baku) spelling listed in dictionaries/nonstandard.tsv, and "
         "derivations of it (mempraktekkan); and an apostrophe inside a word written the Arabic "
         "way where the word without it is standard (Jum'at: Jumat, do'a: doa).",
         "PUEBI and KBBI fix one standard spelling; modules should use it.",
         "praktek, resiko, Diskripsi Singkat", "praktik, risiko, Deskripsi Singkat",
         "Safe: auto-fixed, except pairs marked 'suggest' (ambiguous: rubah can be 'fox'). "
         "Capitalised mid-sentence (Propinsi Bali, bahasa Perancis) it is a warning with the "
         "suggestion and no fix, and it is not reported in a name that may spell itself the old "
         "way (PT Tri Usaha Bhakti, Putera Sampoerna, U.S. Geological Survey)."),
    Rule("english-term", "error", "spelling",
         "Flags an English word inside an Indonesian sentence whose adapted Indonesian spelling is "
         "standard (dictionaries/english.tsv: system, public, trend), and a lowercase English word "
         "whose spelling by the regular rules of loan adaptation (th -> t, ph -> f, ch -> k, c -> "
         "k/s, x -> ks, y -> i, double consonants single, -tion -> -si, -ic -> -ik, -ive -> -if, "
         "-ity -> -itas, ...) is a common standard word (thermometer: termometer, photosynthesis: "
         "fotosintesis). A whole English phrase, an English compound (capability - based), or "
         "an enumeration of English terms (physical, data link, network, session, dan "
         "application) is left alone; an English word whose Indonesian counterpart is another word (online: "
         "daring) is a foreign-term.",
         "EYD V spells adapted loanwords the Indonesian way; English spellings mid-sentence are slips.",
         "partisipasi public yang kuat", "partisipasi publik yang kuat",
         "Safe for the listed words: the adapted spelling is the same word. A spelling found by the "
         "adaptation rules is a warning with the suggestion: the writer may mean the English term."),
    Rule("foreign-term", "info", "spelling",
         "Reports an English or other foreign term inside Indonesian text, with the Indonesian "
         "equivalent as a suggestion when dictionaries/english.tsv lists one (online: daring). "
         "A rarer English word (wordfreq zipf 2.5-3: baboon) or a common Italian, Spanish or "
         "Portuguese one (the look of Latin terms: arteri karotis interna) is one too, unless a "
         "very common Indonesian word is one slip away; and an unknown word followed by its meaning "
         "(tsu yang berarti pelabuhan, X artinya Y) is a word cited from another language.",
         "PUEBI writes foreign terms in italics; they are not misspellings.",
         "pemecah masalah (problem solver)", "pemecah masalah (*problem solver*)",
         "clean renders the span in italics; check and fix leave the text alone."),
    Rule("old-spelling", "warning", "spelling",
         "Reports a word in the spelling before EYD (1972; Soewandi, van Ophuijsen): tj, dj, nj, "
         "sj, ch, oe and j for y (tjara: cara, menjatakan: menyatakan, boelan: bulan, Djakarta: "
         "Jakarta), when the modern spelling is a standard word or place.",
         "Modules quote old texts (the proclamation of 1945) and sometimes copy their spelling "
         "by mistake; the modern spelling is the standard one.",
         "dengan tjara saksama", "dengan cara saksama",
         "Never fixed. In a line with another such word it is a quotation of an old text and is "
         "reported as info; alone it is a warning. A person's name keeps its spelling (Tjandra, "
         "Noer)."),
    Rule("affix-melting", "error", "spelling",
         "Flags a meN-/peN- word whose nasal is wrong for its root: k/p/t/s before a vowel melt "
         "(mengoordinasi, memengaruhi, menaati, menyukseskan); clusters keep them.",
         "PUEBI rule; the unmelted forms are common errors that stemmers accept.",
         "mengkoordinasi, pengkoordinasian, mempengaruhi", "mengoordinasi, pengoordinasian, memengaruhi",
         "Safe for k/p/t; for s and other nasal errors only when the corrected form is attested, "
         "otherwise a suggestion (warning). Lexicalised exceptions: dictionaries/melting-exceptions.txt."),
    Rule("kan-an", "error", "spelling",
         "Flags -kan/-an confusion after a root ending in k: -kan doubles the k, -an does not; "
         "where both readings are words, a per-/peN-/ke- noun written with -kkan (pertunjukkan) "
         "or a bare -an form whose -kkan verb is far commoner (letakan: letakkan) is suggested; a "
         "-kan form whose only reading takes a listed root nobody writes (memasukan: meN- + pasu "
         "+ -kan) is fixed to the commoner -kkan verb of a root in k (memasukkan).",
         "dimasukan and penunjukkan are frequent errors.",
         "dimasukan, penunjukkan", "dimasukkan, penunjukan",
         "Safe when the corrected form is the only valid analysis; by frequency a warning with "
         "the suggestion (gerakkan and masukan are words too)."),
    Rule("prefix-be", "error", "spelling",
         "Flags ber- before a root whose first syllable ends in -er where the be- form is written "
         "online and far more often (berkerja, berternak, berserta, berpergian).",
         "PUEBI writes ber- as be- before r and before a first syllable ending in -er; a few "
         "words keep ber- (bercermin, berperkara), and for those the be- form is not written.",
         "berkerja, berserta", "bekerja, beserta",
         "Safe when the be- form is far commoner (zipf gap 1.5); otherwise a warning with the "
         "suggestion."),
    Rule("preposition-joined", "error", "spelling",
         "Flags the preposition di/ke written joined to a place, direction or time word, di "
         "joined to a function word that no verb is made of (disetiap, diberbagai, dikemudian) "
         "when that joined form is written online, per (each) joined between a word and "
         "itself (satu persatu), and per joined to a noun of time or measure "
         "(dictionaries/per-units.txt: perhari, perorang).",
         "di/ke as prepositions are written apart; as prefixes they are joined (PUEBI).",
         "dimana, disini, disekitar, kemana", "di mana, di sini, di sekitar, ke mana",
         "Safe: the word list (dictionaries/di-places.txt) excludes real passive verbs, and a "
         "function word with verb forms (bagi: membagi, dapat: mendapat) is never split off; "
         "X perX is always X per X."),
    Rule("prefix-di-apart", "error", "spelling",
         "Flags the passive prefix di- written apart from a verb with -kan/-i, from a verb "
         "root before an agent (di pompa oleh), or after a modal (mudah di konfigurasi), from a "
         "per- verb (di percepat, di perluas; not a per-...-an noun, di perbatasan, nor a slip of "
         "one, di permukan), and a bare "
         "passive as common as its root (di bimbing). Never before a capital (di Sendai: a place).",
         "di- as a prefix is joined (PUEBI).",
         "di lakukan, di berikan, darah di pompa oleh jantung", "dilakukan, diberikan, dipompa oleh",
         "Safe for a valid di-...-kan/-i passive and before oleh; after a modal, and by "
         "frequency alone, a warning with the suggestion (di balik is also 'behind')."),
    Rule("compound-joined", "error", "spelling",
         "Flags a compound written joined that PUEBI writes apart, also with only a prefix or only "
         "a suffix (bekerja sama), or written with a hyphen (gotong-royong, kerja-sama).",
         "Compounds are written apart unless prefix and suffix come together.",
         "kerjasama, sumberdaya, seringkali", "kerja sama, sumber daya, sering kali", "Safe."),
    Rule("compound-confix", "error", "spelling",
         "Flags a compound with a prefix and a suffix written apart.",
         "With a confix the compound is joined (PUEBI).",
         "pertanggung jawaban", "pertanggungjawaban", "Safe."),
    Rule("bound-form", "error", "spelling",
         "Flags a bound form (non, antar, pasca, sub ...) written apart or with a hyphen before a "
         "lowercase word; anti, antar, pasca, pra and non, which are words too, are suggested "
         "joined before a root or a peN-/per-/ke-...-an noun (anti nyamuk, anti perundungan).",
         "Bound forms are joined; before a capital they take a hyphen (non-Indonesia).",
         "non formal, antar kota", "nonformal, antarkota",
         "Safe when the joined word is standard; if the second part is a typo, the corrected join "
         "is offered (non foral -> nonformal)."),
    Rule("pun-apart", "error", "spelling",
         "Flags the particle pun joined to a word where PUEBI writes it apart.",
         "pun meaning 'even/also' is written apart (apa pun, siapa pun, di mana pun); only a fixed "
         "list is joined (dictionaries/pun-joined.txt: walaupun, meskipun, adapun ...).",
         "apapun, siapapun", "apa pun, siapa pun", "Safe."),
    Rule("pun-joined", "error", "spelling",
         "Flags pun written apart in the fixed words where it is joined.",
         "PUEBI lists the words with a joined pun (walaupun, meskipun, ataupun ...).",
         "walau pun, meski pun", "walaupun, meskipun", "Safe."),
    Rule("split-word", "error", "spelling",
         "Flags a word broken apart by a stray space: a suffix or particle written apart "
         "(Membangkit kan), a lone prefix, also capitalised (pe nyuluhan, ber diferensiasi, Ber "
         "tambah; per or ke before a word nobody writes: per mukiman, Ke luarga), a "
         "fragment (keuang an, keseim bangan, eri trosit, eritro sit; ketidak tegasan, since ketidak "
         "is no word alone) or two unwritten halves of a regular "
         "derivation (perke cambahan). The joined word must be standard or a common attested "
         "word, not English (base camp); two real words (di rumah, pen biru) are never joined.",
         "Suffixes, particles and prefixes are joined; broken words come from PDF extraction and slips.",
         "Membangkit kan, pe nyuluhan", "Membangkitkan, penyuluhan",
         "Safe when the joined word is standard and a half is no word of its own; a warning "
         "(suggestion) when the halves are words but the joined form is the common one."),
    Rule("reduplication", "error", "spelling",
         "Flags reduplication written with the digit 2 or with a space.",
         "Reduplication takes a hyphen (PUEBI).",
         "anak2, anak anak, masing masing, berjam jam, sayur sayuran",
         "anak-anak, masing-masing, berjam-jam, sayur-sayuran",
         "Fixed: anak2; a half that is no word alone (masing masing, kupu kupu); an affixed "
         "reduplication (berjam jam, sewaktu waktu) or one with meN- on the second half (surat "
         "menyurat, tolong menolong), or one with -an on the second half (sayur sayuran), unless "
         "the root has verb forms (makan makanan: a verb and its object); a reduplication with a "
         "sound change the root list has (kocar-kacir, mondar-mandir, warna-warni) written apart "
         "when a half is no word alone (two words, tumpang tindih, are left alone); se-...-nya "
         "written apart (sekurang kurangnya, sebaik baiknya); ke-/per-...-an reduplication written "
         "apart (kemerah merahan, perundang undangan); ber-/ter-/se-/per- reduplication whose "
         "second half is no standard word alone (pertama tama). A repeated word with a "
         "space (anak anak) is a suggestion (warning): it may be a slip; after a compound that "
         "ends with it (tata bahasa bahasa Melayu) it is not reported."),
    Rule("compound-apart", "error", "spelling",
         "Flags a compound written apart whose standard spelling is one word "
         "(dictionaries/joined-compounds.txt): olah raga, nara sumber, kasat mata; also with a "
         "prefix on its first half (berolah raga: berolahraga).",
         "KBBI writes these compounds as one word.",
         "kami olah raga pagi", "kami olahraga pagi",
         "Safe, except when both halves are function words (dari pada, apa lagi: a suggestion)."),
    Rule("realword", "error", "spelling",
         "Flags a correct word typed where its look-alike is meant, in a context that decides it "
         "(dictionaries/confusables.tsv): bahwa after a verb of saying or showing, bawah after "
         "di/ke/dari, dengan after sesuai/bersama; and tahu before a year or before ajaran, "
         "anggaran or silam (tahun).",
         "A spell checker that looks at words alone cannot see these; a fixed context can.",
         "hasil survei menunjukkan bawah", "hasil survei menunjukkan bahwa",
         "Safe: the cue word decides."),
    Rule("repeated-word", "error", "spelling",
         "Flags a function word written twice in a row, and a verb made with meN-, di-, ter- or "
         "ber- written twice (menjadi menjadi): such verbs reduplicate only their root "
         "(menjadi-jadi), so a whole second copy is a slip.",
         "A doubled function word or affixed verb is a slip.",
         "sebuah hasil dari dari suatu kegiatan; hal itu menjadi menjadi masalah",
         "sebuah hasil dari suatu kegiatan; hal itu menjadi masalah",
         "Safe, except after ber- (berbeda berbeda may mean berbeda-beda): a warning there. A "
         "function word whose reduplication is a word (tiap tiap, lagi lagi) is reported by the "
         "reduplication rule instead, with both corrections and no fix."),
    Rule("capital-sentence", "warning", "style",
         "Flags a sentence that starts with a lowercase letter after a full stop.",
         "A sentence starts with a capital letter (PUEBI).",
         "selesai. kemudian", "selesai. Kemudian",
         "Suggestion only: a full stop may end an abbreviation the dictionaries do not know."),
    Rule("capital-midsentence", "error", "style",
         "Flags a function word capitalised in the middle of a sentence: between lowercase words, "
         "or after a comma before a lowercase word (km/jam, Tetapi tinggi); and a common word "
         "capitalised once between lowercase words that the same document writes in lowercase at "
         "least twice elsewhere (dinding Kapiler untuk, beside kapiler), unless it is a place noun, "
         "in a title-case heading, or after a title (Nomor 1 Tahun 1974 tentang Perkawinan).",
         "Capitals mark sentence starts and names; function words are never names.",
         "tidak berdaya baik Karena hambatan", "tidak berdaya baik karena hambatan",
         "Safe, except for words that mostly open a sentence (namun, sementara, selanjutnya, "
         "kemudian, akhirnya): there a missing full stop is as likely, so the lowercase is only "
         "suggested. A common word capitalised by document evidence is a warning with the "
         "suggestion: it may be a name the document also uses as a word."),
    Rule("capital-proper", "error", "style",
         "Flags a word that is always capitalised written in lowercase (religions, days, months, "
         "places in dictionaries/proper-case.tsv), an author's name in an in-text citation "
         "written in lowercase: (mulyasa, 2013), sanjaya (2008), an unknown word after a "
         "capitalised place noun, also one that could be read as two words run together: Kecamatan "
         "cugenang, Kecamatan gunungpati (Gunungpati, not gunung pati), and an acronym the same document writes "
         "in capitals in running text, written once in lowercase (FIVB ... fivb); and a word "
         "that is no standard Indonesian nor English, written once in lowercase right after a "
         "capitalised word, that the same document capitalises elsewhere (Gorys keraf, with Keraf "
         "in the references).",
         "PUEBI capitalises names of religions, days, months, God, places and people.",
         "agama islam, hari senin; (mulyasa, 2013)", "agama Islam, hari Senin; (Mulyasa, 2013)",
         "Safe (a citation's author, and a document's acronym, are checked only when the word "
         "is not standard Indonesian; a lowercase form written twice is meant so: 25 bps). A "
         "name known only from the document is a warning with the suggestion, never fixed."),
    Rule("punct-double", "warning", "punctuation",
         "Flags doubled punctuation: ',,' ',.' '.,' ',)'.",
         "Doubled marks are slips.", "sosial,, secara", "sosial, secara", "Safe."),
    Rule("punct-space-before", "warning", "punctuation",
         "Flags a space before , . ; : ? !",
         "No space goes before these marks.", "dalam : mengetahui", "dalam: mengetahui", "Safe."),
    Rule("punct-space-after", "warning", "punctuation",
         "Flags a missing space after , ; : before a word, and after . ? ! between two "
         "sentences (a standard word, then a capitalised one).",
         "One space follows these marks.", "meliputi :pendampingan; yang ada.Hal ini",
         "meliputi: pendampingan; yang ada. Hal ini",
         "Safe (numbers such as 1,5 and 10:30, abbreviations, initials and domains are not touched)."),
    Rule("punct-bracket-space", "warning", "punctuation",
         "Flags a space just inside brackets or curly quotes.",
         "No space goes inside brackets and quotes.", "“ membantu orang”, (sebagai pendamping )",
         "“membantu orang”, (sebagai pendamping)", "Safe."),
]

RULES: dict[str, Rule] = {r.id: r for r in _RULES}
SPELLING_CATEGORIES = frozenset({"spelling"})


def get(rule_id: str) -> Rule | None:
    return RULES.get(rule_id)
