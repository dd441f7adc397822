"""Check a text: tokens -> word verdicts + context rules -> findings with exact spans.

Start reading from :meth:`Checker.check_lines`. Each line is judged on its own (positions
are code-point offsets into the whole text). Most lines take the *fast path*
(:meth:`Checker._screen`): every word is a cached "quiet" token and no punctuation or
two-word pattern occurs, so no rule can fire; otherwise only windows around the words that
need it are tokenised (or the whole line, for punctuation). Word rules ask
:class:`Speller` for a verdict; context rules look at neighbours: sentence starts,
repeated words, words broken apart (``Membangkit kan``, ``non foral``), passive ``di``
written apart, reduplication (``anak2``), English words inside Indonesian sentences, and
punctuation spacing. Tests check that both paths give the same findings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from modulfix.document import Finding
from modulfix.spelling.casing import transfer_case
from modulfix.spelling.speller import ENGLISH_ZIPF, LOAN_ENDINGS, Speller, Verdict, swapped as _swapped
from modulfix.spelling.morphology import nasal_form
from modulfix.spelling.suggest import ONSETS, VOWELS, is_double_slip, is_slip, is_stutter, slip_sources

_TOKEN = re.compile(
    r"(?P<url>(?:https?://|www\.)[^\s<>\"]+)"
    r"|(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
    r"|(?P<word>[^\W\d_]+(?:['’\-][^\W\d_]+)*(?:2(?![\w]))?)"
    r"|(?P<num>[\w.,/:-]*\d[\w.,/:-]*)"
    r"|(?P<space>\s+)"
    r"|(?P<punct>.)"
)
_SENT_END = frozenset(".!?")
# Capitalised nouns that name a place when a name follows them (Kecamatan Cugenang)
# a word shaped like an Indonesian derivation: a prefix and a suffix (menjanjikan, diberikan)
_INDONESIAN_SHAPE = re.compile(r"(?:me|di|ber|ter|pe|per|ke)[a-z]{3,}(?:kan|an|i|nya)")
_PLACE_NOUNS = frozenset("Desa Kelurahan Kecamatan Kabupaten Kota Provinsi Pulau Kepulauan Gunung Sungai Danau "
                         "Selat Teluk Jalan Kampung Dusun Nagari".split())
# what follows an author's name in an in-text citation: (Mulyasa, 2013), Mulyasa (2013)
_CITE_TAIL = re.compile(r"(?:\s+(?:dkk|et al)\.?)?,\s*(?:19|20)\d\d[a-z]?\s*[),:;]")
_CITE_YEAR = re.compile(r"\s+\((?:19|20)\d\d[a-z]?\s*[),:;]")
_MISSING = object()
# function words that mostly open a sentence: capitalised mid-sentence, a missing full stop
# is as likely as a wrong capital (see Checker._capitalized)
_OPENERS = frozenset("namun sementara selanjutnya kemudian akhirnya".split())
# words that start the name of a company, a foundation or a person (see Checker._own_name)
_NAME_MARKERS = frozenset("pt cv ud pd tbk yayasan toko apotek apotik koperasi imam haji kh kyai kiai "
                          "raden mas sri".split())
_TAHU_YEAR = re.compile(r"(?<![^\W\d_])([Tt]ahu)\s+((?:19|20)\d\d(?!\d|[.,]\d)|ajaran\b|anggaran\b|silam\b)")
# the verdict a capitalised word gets when no correction is near enough to matter
NAME = Verdict("", "info", "unknown-word", "word not in the dictionary (a name?)", how="unknown; a name")
_NAME_WORD = re.compile(r"[^\W\d_]+")
_CAPS_RUN = re.compile(r"[A-Z][A-Z]+")
# a capital that does not start a sentence or a line: after a word or a comma (dinding
# Kapiler untuk; Pemerintah Daerah, which makes Pemerintah no stray capital elsewhere)
_MID_CAP = re.compile(r"[A-Z](?<=[A-Za-z,] [A-Z])[a-z]{3,}\b")  # the capital first: a faster search
_WRAP_HEAD = re.compile(r"[^\W\d_]+(?=-\s*$)")
# The fast path: words as the tokenizer sees them (hyphen and apostrophe included) ...
_FAST_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
# ... and every pattern that sends a line to the full path: punctuation spacing or
# doubling, a lowercase letter after a sentence end, reduplication with 2.
_SLOW_LINE = re.compile(
    # the lookahead lets the engine skip every position that cannot start a match
    r"(?=[\s,;:.!?(\[{“‘])(?:\s[,.;:?!)\]}”’]|[,;:][^\W\d_]|[,.][,.)]|[(\[{“‘]\s|[.!?]\s+[a-z]"
    r"|(?<=[a-z]{3})[.!?][A-Z][a-z]|(?<=[a-z])\s\((?:19|20)\d\d|\([a-z]+(?: dkk\.?| et al\.?)?,\s*(?:19|20)\d\d)")
_REDUP_DIGIT = re.compile(r"[^\W\d_]2\b")  # anak2: searched only when the line has a 2
_OPEN = frozenset("([{“‘")
_CLOSE = frozenset(")]}”’")
# A capitalised unknown word is auto-fixed only towards a word at least this frequent;
# in an all-caps heading (BAB II PEMBAHSAN), towards one at least HEADING_FIX_ZIPF.
CAPITAL_FIX_ZIPF = 4.5
# A common word written capitalised once mid-sentence is a slip of the capital when the
# document writes it in lowercase at least this often.
STRAY_LOWER_MIN = 2
HEADING_FIX_ZIPF = 3.5
# Pronouns are capitalised on purpose when they refer to God (Ia, Dia, Engkau) or as
# the polite Anda: never a capital-midsentence error.
_PRONOUNS = frozenset("ia dia engkau kau anda beliau kamu mereka kami kita aku saya".split())
SPLIT_SUFFIXES = {"kan": "kan", "nya": "nya", "lah": "lah", "kah": "kah"}
# Prefixes (and their allomorphs) that never stand alone: "ber diferensiasi" is one word.
_PREFIX_FRAGMENTS = frozenset(
    "ber be ter te per pe me mem men meng meny menge peng pem pen peny penge memper diper".split())
# Bound forms that are also words, but before a noun are most often the prefix
# (anti nyamuk, pasca panen): suggested, never fixed.
_BOUND_BEFORE_NOUN = frozenset("anti antar pasca pra non".split())
# words after which "di X" is a passive, not a place: modals and aspect markers
_PASSIVE_CUES = frozenset("dapat bisa harus akan telah sudah belum perlu mudah sulit sukar wajib boleh mesti "
                          "pernah segera".split())
# Prefixes of an affixed reduplication: berjam-jam, sewaktu-waktu, bermain-main.
_REDUP_PREFIXES = frozenset("ber be se ter".split())
# prefixes taken by a compound written joined, which joins it whole (berolahraga)
_COMPOUND_PREFIXES = ("ber", "di", "ter", "se", "per", "ke")
ABBREVIATIONS = frozenset(
    "dll dsb dst dkk hlm no nos tel tlp jl kab kec prof dr drs ir st sp spd mpd mm mt msi ltd inc co tbk pte corp "
    "mr mrs ms vs etc eg ie al ed eds vol cet tahun thn bab pasal ayat gbr tab ibid op cit spp ssp subsp cf".split())


@dataclass(slots=True)
class Token:
    kind: str
    start: int
    end: int
    text: str


def tokenize(text: str, offset: int = 0) -> list[Token]:
    return [Token(m.lastgroup or "punct", offset + m.start(), offset + m.end(), m.group())
            for m in _TOKEN.finditer(text)]


_ONSETS = ONSETS  # (see modulfix.spelling.suggest)
_VOWELS = VOWELS


SENTENCE = "sentence"  # a _token_quiet state: quiet except at a sentence start
# An unknown word the document writes this many times, letter for letter, is taken for a
# term of the text (info), unless its correction is sure enough to be applied
TERM_REPEATS = 3
_SKIP_BACK = frozenset(" \t\r\v\f\u00a0([{“‘\"'*-•–—")


def _word_starts(line: str, words: list[str]) -> list[int]:
    """The offset of each of ``words``, the matches of _FAST_WORD in ``line`` in order:
    between two matches there is no letter, so each word is found from the end of the
    one before."""
    starts = []
    at = 0
    find = line.find
    for w in words:
        at = find(w, at)
        starts.append(at)
        at += len(w)
    return starts


def _fast_sentence_start(line: str, pos: int) -> bool | None:
    """Is the word at ``pos`` at a sentence start, as ``Checker._sentence_start`` sees it?

    True or False when sure; None when a number just before makes it unclear (the
    tokenizer's number tokens swallow trailing punctuation)."""
    j = pos - 1
    while j >= 0 and line[j] in _SKIP_BACK:
        j -= 1
    if j < 0:
        return True
    c = line[j]
    if c in ".!?:;":
        return True
    k = j
    while k >= 0 and not line[k].isspace():
        if line[k].isdigit():
            return None
        k -= 1
    return False if c.isalpha() or c in ",)]}”’" else None


_EMPHASIS = re.compile(r"(?<![\w*_])([*_])(?=\S)([^*_\n]*?\S)\1(?![\w*_])")


_CODE_SPAN = re.compile(r"(`+)[^`\n]+?\1")


def _emphasis_spans(line: str) -> list[tuple[int, int]]:
    """Spans of text the writer put in *italics* or _italics_ (Markdown emphasis), or in
    `backticks` (code)."""
    spans = [m.span(2) for m in _EMPHASIS.finditer(line)]
    if "`" in line:
        spans += [m.span() for m in _CODE_SPAN.finditer(line)]
    return spans


def _no_fix(f: Finding | None) -> Finding | None:
    return replace(f, fix=None) if f is not None and f.fix is not None else f


def _neighbour_word(toks: list[Token], i: int, step: int) -> str:
    """The word next to token ``i`` (step -1 or 1) across spaces only, else ""."""
    j = i + step
    while 0 <= j < len(toks) and toks[j].kind == "space":
        j += step
    return toks[j].text if 0 <= j < len(toks) and toks[j].kind == "word" else ""


def _followed_by_meaning(toks: list[Token], i: int) -> bool:
    """Is word ``i`` followed by its meaning (tsu yang berarti pelabuhan, nami artinya
    gelombang): a word cited from another language, not a slip?"""
    words = []
    j = i + 1
    while j < len(toks) and len(words) < 2 and toks[j].kind in ("space", "word"):
        if toks[j].kind == "word":
            words.append(toks[j].text.lower())
        j += 1
    return words[:1] in (["artinya"], ["bermakna"]) or words in (["yang", "berarti"], ["yang", "artinya"],
                                                                  ["yang", "bermakna"])


def _abbreviation_of(short: str, long: str) -> bool:
    """Is ``short`` an abbreviation of ``long`` (its first letter, then some of the others
    in order, and at least two letters fewer: spt of seperti, dgn of dengan)?"""
    long = long.lower()
    if len(long) < len(short) + 2 or not short or short[0] != long[0]:
        return False
    rest = iter(long[1:])
    return all(c in rest for c in short[1:])


def _latin_letter(c: str) -> bool:
    import unicodedata

    return unicodedata.name(c, "").startswith("LATIN")


def impossible_onset(word: str) -> bool:
    w = word.lower()
    return len(w) > 3 and w[0] not in _VOWELS and w[1] not in _VOWELS and w[1] != "y" \
        and w[:2] not in _ONSETS and w[0].isalpha() and w[1].isalpha()


class NameCounter:
    """What :meth:`Checker._document_names` counts, fed span by span: a document read in
    pieces gets the same names as when it is checked whole."""

    def __init__(self) -> None:
        self.cap: dict[str, int] = {}  # lowercased -> times written with a capital first letter
        self.lower: dict[str, int] = {}  # forms written without one: how often
        self.acronyms: set[str] = set()  # as written: in capitals on a line of running text
        self.short: dict[str, int] = {}  # lowercase words of up to six letters: how often
        self.mid_cap: dict[str, int] = {}  # lowercased -> times capitalised after a word or a comma

    def add(self, text: str, spans: list[tuple[int, int]]) -> None:
        from collections import Counter

        # one search over the spans joined by a non-letter finds the words of each span
        joined = "\n".join([text[start:end] for start, end in spans])
        # a word never spans white space: count the tokens, then find the words of each
        # distinct token once (most tokens are one word: all letters)
        counts: Counter = Counter()
        find = _NAME_WORD.findall
        for tok, n in Counter(joined.split()).items():
            if tok.isalpha():
                counts[tok] += n
            else:
                for w in find(tok):
                    counts[w] += n
        cap = self.cap
        for w, n in counts.items():
            if w[0].isupper():
                cap[w.lower()] = cap.get(w.lower(), 0) + n
            else:
                self.lower[w] = self.lower.get(w, 0) + n
                if len(w) <= 6:
                    self.short[w] = self.short.get(w, 0) + n
        mid = self.mid_cap
        for w in _MID_CAP.findall(joined):
            low = w.lower()
            mid[low] = mid.get(low, 0) + 1
        # acronyms: words of two to six capitals on a line that has lowercase letters too
        # (in an all-caps heading the capitals are the heading's, not the word's)
        acronyms = self.acronyms
        for m in _CAPS_RUN.finditer(joined):
            w = m.group()
            if len(w) > 6 or w in acronyms:
                continue
            a, b = m.span()
            if (a and joined[a - 1].isalpha()) or (b < len(joined) and joined[b].isalpha()):
                continue  # part of a longer word (PMIx, McDONALD)
            start = joined.rfind("\n", 0, a) + 1
            end = joined.find("\n", b)
            line = joined[start:] if end < 0 else joined[start:end]
            if line != line.upper():
                acronyms.add(w)

    def merge(self, other: NameCounter) -> NameCounter:
        """Add the counts of ``other`` (a later part of the same document) to these."""
        for mine, theirs in ((self.cap, other.cap), (self.lower, other.lower), (self.short, other.short),
                             (self.mid_cap, other.mid_cap)):
            get = mine.get
            for w, n in theirs.items():
                mine[w] = get(w, 0) + n
        self.acronyms |= other.acronyms
        return self

    def names(self) -> DocumentNames:
        out = DocumentNames(w for w, n in self.cap.items() if n >= 2 and w not in self.lower)
        out.cap = dict(self.cap)
        out.lower = self.lower
        out.mid_cap = self.mid_cap
        # written in lowercase more than once, it is meant so (25 basis poin bps; BPS elsewhere)
        out.acronyms = frozenset(w.lower() for w in self.acronyms if self.short.get(w.lower(), 0) <= 1)
        return out


class DocumentNames(frozenset):
    """The document's names (a set of lowercased words), with ``cap``: how often each
    lowercased word is written capitalised in the document. Its capitalised words one
    slip from a more frequent one (:meth:`twins`) are computed once per document."""

    cap: dict[str, int]
    lower: dict[str, int]
    mid_cap: dict[str, int]
    acronyms: frozenset[str] = frozenset()

    def strays(self, checker: Checker) -> frozenset[str]:
        """Common words the document writes in lowercase at least twice and capitalised
        once (Kapiler beside kapiler, kapiler): that capital, mid-sentence, is a slip."""
        got = self.__dict__.get("_strays")
        if got is None:
            got = self.__dict__["_strays"] = checker.document_strays(
                self.__dict__.get("mid_cap", {}), self.__dict__.get("lower", {}))
        return got

    def twins(self, checker: Checker) -> dict[str, str]:
        got = self.__dict__.get("_twins")
        if got is None:
            got = self.__dict__["_twins"] = checker.document_twins(self.__dict__.get("cap", {}))
        return got


class Checker:
    def __init__(self, speller: Speller):
        self.sp = speller
        self.lex = speller.lex
        self._quiet = dict.fromkeys(self.lex.quiet_words, True)
        self._english_cache: dict[str, tuple[bool, bool]] = {}
        self._tails: dict[str, set[str]] = {}  # confix compound heads -> their tails
        self._heads: dict[str, bool] = {}  # token -> can it start a two-word rule (fast path)
        self._di_triggers: dict[str, bool] = {}  # lowercase word -> can "di" + it fire a rule
        # first halves of the compounds written joined (olah of olahraga, dari of daripada)
        self._compound_heads = frozenset(c[:i] for c in self.lex.joined_compounds for i in range(2, len(c) - 1))
        self._prefixed_compound_heads = frozenset(p + h for p in _COMPOUND_PREFIXES for h in self._compound_heads)
        # listed reduplications with a sound change (kocar-kacir, bolak-balik), by first half
        self._redup_heads = frozenset(w.split("-")[0] for w in self.lex.roots | self.lex.words
                                      if w.count("-") == 1)

    # ------------------------------------------------------------ entry
    def check_lines(self, text: str, spans: list[tuple[int, int]], names: frozenset[str] | None = None,
                    paragraph_start: bool = True) -> list[Finding]:
        """Check each ``text[start:end]`` span (a line, or a block segment).

        ``names`` and ``paragraph_start`` (is the first span at a paragraph start?) are
        given when ``text`` is one piece of a longer document (see :class:`NameCounter`).
        """
        self._names = self._document_names(text, spans) if names is None else names
        # capitalised slips of a name written elsewhere in the document (Pasifki: Pasifik)
        self._twins = self._names.twins(self) if isinstance(self._names, DocumentNames) else {}
        # acronyms the document writes in capitals in running text (FIVB): their lowercase
        # forms there are case errors (fivb)
        self._acronyms = getattr(self._names, "acronyms", frozenset())
        # common words written capitalised once and in lowercase elsewhere (Kapiler)
        self._strays = self._names.strays(self) if isinstance(self._names, DocumentNames) else frozenset()
        self._wrapped = self._hyphen_wraps(text, spans)
        out: list[Finding] = []
        prev_end_blank = paragraph_start
        for start, end in spans:
            line = text[start:end]
            if not line.strip():
                prev_end_blank = True
                continue
            if not self.fast:
                out.extend(self.check_line(line, start, paragraph_start=prev_end_blank))
            else:
                for a, b in self._screen(line):
                    out.extend(self.check_line(line[a:b], start + a, paragraph_start=prev_end_blank and a == 0,
                                               whole=line, whole_offset=start))
            if "ahu " in line:
                out.extend(self._year_tahu(line, start))
            prev_end_blank = False
        return out

    # ------------------------------------------------------------ fast path
    def _screen(self, line: str) -> list[tuple[int, int]]:
        """The parts of ``line`` that need the full rules: [] when the line is quiet.

        A word needs them when it is not quiet where it stands, or starts a two-word
        pattern with its neighbour. Each such word is judged in a window of two words on
        either side (every context rule looks at most one word away); a window starts
        at the line start or at a word that is quiet anywhere, so that its first word
        reads the same as in the whole line. A punctuation pattern sends the whole line.
        """
        whole = [(0, len(line))]
        if _SLOW_LINE.search(line) or ("2" in line and _REDUP_DIGIT.search(line)):
            return whole
        quiet = self._quiet
        heads = self._heads
        twins = self._twins
        acronyms = self._acronyms
        strays = self._strays
        words = _FAST_WORD.findall(line)
        starts: list[int] | None = None  # each word's offset, found only when needed
        states: list = []
        marked: list[int] = []
        prev = ""
        lprev = 0
        prev_head = False
        for n, w in enumerate(words):
            q = quiet.get(w, _MISSING)
            if q is _MISSING:
                q = quiet[w] = self._token_quiet(w)
            states.append(q)
            stray = False
            if strays and w[0].isupper() and prev[:1].islower() and w.lower() in strays:
                if starts is None:
                    starts = _word_starts(line, words)
                end = starts[n] + len(w)
                stray = line[end + 1:end + 2].islower()  # between lowercase words
            if (twins and w[0].isupper() and w.lower() in twins) or (acronyms and w in acronyms) or stray:
                marked.append(n)
            elif q is not True:
                if q is False:
                    marked.append(n)
                else:
                    if starts is None:
                        starts = _word_starts(line, words)
                    start = _fast_sentence_start(line, starts[n])
                    # None: quiet only at a sentence start; SENTENCE: quiet only elsewhere
                    if start is None or start is (q is SENTENCE):
                        marked.append(n)
            lw = len(w)
            d = lw - lprev
            if prev and (((prev_head or (w[:2] in ("me", "Me") and w.endswith(prev[2:])))
                          and self._pair_trigger(prev, w))
                         or (d == 0 and prev.lower() == w.lower())
                         or (d < 0 and lw > 2 and prev.endswith(w))  # berjam jam
                         or (d == 2 and w.endswith("an") and w.startswith(prev.lower()))  # sayur sayuran
                         or (d == 3 and w.startswith("per") and w.endswith(prev.lower()))  # satu persatu
                         or (-1 <= d <= 0 and w.endswith("an") and prev.endswith(w[:-2]))):  # kemerah merahan
                if not marked or marked[-1] != n - 1:
                    marked.append(n - 1)
                if marked[-1] != n:
                    marked.append(n)
            prev = w
            lprev = lw
            prev_head = heads.get(w)
            if prev_head is None:
                low = w.lower()
                prev_head = heads[w] = self._is_head(low)
        if not marked:
            return []
        if "@" in line or "://" in line or "www." in line:
            return whole  # a window must not cut a URL or an e-mail address
        if starts is None:
            starts = _word_starts(line, words)
        spans = [(a, a + len(w)) for a, w in zip(starts, words)]
        last = len(spans) - 1
        n_chars = len(line)

        def left_edge(j: int) -> bool:  # a quiet word that starts a token of its own
            a = spans[j][0]
            return states[j] is True and line[a - 1].isspace()

        def right_edge(j: int) -> bool:  # a quiet word not glued to what follows
            b = spans[j][1]
            return states[j] is True and (b == n_chars or not (line[b].isalnum() or line[b] in "-'’*_"))

        out: list[tuple[int, int]] = []
        for k in sorted(set(marked)):
            lo = k - 2
            while lo > 0 and not left_edge(lo):
                lo -= 1
            lo = max(lo, 0)
            hi = k + 2
            while hi < last and not right_edge(hi):
                hi += 1
            hi = min(hi, last)
            a = 0 if lo == 0 else spans[lo][0]
            b = n_chars if hi == last else spans[hi][1]
            if out and a <= out[-1][1]:
                out[-1] = (out[-1][0], max(b, out[-1][1]))
            else:
                out.append((a, b))
        return out

    def _token_quiet(self, w: str) -> bool | str | None:
        """How a token behaves when its neighbours are quiet.

        True: never flagged; None: quiet only at a sentence start (a capitalised function
        word); SENTENCE: quiet except at a sentence start (a capitalised English word or
        unknown name, which is reported there); False: not quiet.
        """
        lex, sp = self.lex, self.sp
        low = w.lower()
        if not low.isascii() or "'" in w or "’" in w or not w.replace("-", "").isalpha():
            return False
        if "-" in w:
            parts = low.split("-")
            return (self._hyphenated(Token("word", 0, len(w), w)) is None
                    and not any(self._english_dominant(p) for p in parts))
        if len(w) > 1 and w.isupper():
            # an acronym of up to four letters is never a typo: no search for corrections
            v = sp.verdict(low) if len(low) >= 5 else sp.known_verdict(low)
            rule = v.rule if v else "unknown-word"
            return rule not in ("nonstandard", "compound-joined", "preposition-joined") \
                and not (rule == "typo" and len(low) >= 5)
        if any(c.isupper() for c in w[1:]):
            return True  # mixed case (iPhone, PPh): never judged
        if low in lex.bound_forms or low in SPLIT_SUFFIXES or low == "pun":
            return False  # they start or end a two-word rule
        cap = w[0].isupper()
        if cap and low in _PREFIX_FRAGMENTS and w[1:].islower():
            return False  # Ber tambah, Penge lolaan: a capitalised half of a broken word
        if cap and low in lex.quiet_words:
            # the capitalised form of a word quiet in lowercase: the rules below would judge
            # it ok and not English, so it is quiet, or quiet at a sentence start only
            return None if low in lex.function_words and low not in _PRONOUNS else True
        english = self._english_dominant(low)
        if english and not cap:
            return False
        v = NAME if cap and sp.name_like(low) else sp.verdict(low)
        if not cap and not v.ok:
            return False
        if not cap and low not in lex.function_words and (
                low in _PREFIX_FRAGMENTS or lex.zipf(low) == 0 or (len(low) <= 4 and not sp.is_valid(low))):
            return False  # maybe half of a word broken apart (ber, an, cegahan): see _broken_word
        heads = {x.root for x in sp.analyses(low)
                 if x.prefixes and not x.suffix and not x.clitics and x.root in lex.compound_heads}
        if heads:
            self._tails[low] = set().union(*(lex.compound_heads[h] for h in heads))
        if not cap:
            return low not in lex.proper_case
        if low in lex.function_words and low not in _PRONOUNS:
            return None if v.ok and not english else False
        if v.ok and not english:
            return True
        if v.ok or v.rule in ("unknown-word", "foreign-term"):
            return SENTENCE
        return False

    def _quiet_of(self, w: str) -> bool | None:
        q = self._quiet.get(w, _MISSING)
        if q is _MISSING:
            q = self._quiet[w] = self._token_quiet(w)
        return q  # type: ignore[return-value]

    def _is_head(self, low: str) -> bool:
        """Can ``low`` be the first word of a two-word rule (the fast path asks)?"""
        return (low in ("di", "ke", "ketidak") or low in self._tails or low in self.lex.confusables
                or low in self._compound_heads or low in self._redup_heads or low[:2] == "se"
                or bool(self._prefixed_heads(low)))

    def _prefixed_heads(self, low: str) -> list[str]:
        """``low`` without a plain prefix, when that is the first half of a compound written
        joined (berolah: olah of olahraga)."""
        if low not in self._prefixed_compound_heads:
            return []
        return [low[len(p):] for p in _COMPOUND_PREFIXES if low.startswith(p) and low[len(p):] in self._compound_heads]

    def _pair_trigger(self, a: str, b: str) -> bool:
        """Could a two-word rule fire on two quiet words (dari dari, di lakukan, ...)?"""
        la, lb = a.lower(), b.lower()
        if la == lb or (la == "di" and self._di_trigger(lb)) or (len(la) > len(lb) > 2 and la.endswith(lb)):
            return True
        if len(lb) == len(la) + 2 and lb.endswith("an") and lb.startswith(la):
            return True  # sayur sayuran
        if lb == "per" + la:
            return True  # satu persatu
        if la == "ketidak":
            return True  # ketidak tegasan
        if lb.endswith("an") and la in ("ke" + lb[:-2], "per" + lb[:-2]):
            return True  # kemerah merahan, perundang undangan
        if lb in self.lex.confusables.get(la, ()) or (la + lb) in self.lex.joined_compounds:
            return True
        if la in self._prefixed_compound_heads and any(h + lb in self.lex.joined_compounds
                                                       for h in self._prefixed_heads(la)):
            return True  # berolah raga
        if la == "ke" and lb.endswith("an"):
            return True  # ke selamatan
        if la in self._redup_heads and self.sp.is_root(f"{la}-{lb}"):
            return True  # bolak balik
        if la[:2] == "se" and lb[-3:] == "nya" and la[2:] == lb[:-3]:
            return True  # sekurang kurangnya
        if lb[:2] == "me" and len(la) >= 4 and lb == nasal_form(la, "me"):
            return True  # surat menyurat
        return la in self._tails and bool(self._confix_tail(lb) & self._tails[la])

    @staticmethod
    def _after_sentence_end(toks: list[Token], i: int) -> bool:
        j = i - 1
        while j >= 0 and toks[j].kind == "space":
            j -= 1
        return j >= 0 and toks[j].text in _SENT_END

    def _confix_tail(self, low: str) -> set[str]:
        """Roots of ``low`` read as compound tail + suffix (jawaban -> jawab)."""
        return {x.root for x in self.sp.analyses(low) if not x.prefixes and x.suffix}

    def _english_dominant(self, low: str) -> bool:
        """The English test of the phrase mask (an English word, or one of both languages
        that is far more frequent in English)."""
        en = self.lex.english_words.get(low, 0.0)
        if en < ENGLISH_ZIPF:
            return False
        return not self.sp.is_valid(low) or en > self.lex.zipf(low) + 1.0

    def _verb_like(self, lb: str) -> bool:
        """Can ``di`` + ``lb`` be a passive: a root, no place or direction, with verb forms
        people write (memompa) or a loan process noun (konfigurasi)?"""
        lex, sp = self.lex, self.sp
        return len(lb) >= 4 and lb not in lex.di_places and lb not in lex.function_words and sp.is_root(lb) \
            and (sp._has_verb_forms(lb) or lb.endswith(LOAN_ENDINGS))

    def _di_trigger(self, lb: str) -> bool:
        got = self._di_triggers.get(lb)
        if got is None:
            got = self._di_triggers[lb] = self._di_trigger_of(lb)
        return got

    def _di_trigger_of(self, lb: str) -> bool:
        if self.sp.passive_by_frequency(lb) or self._verb_like(lb):
            return True
        if lb in self.lex.di_places or len(lb) <= 3 or self.sp.is_root(lb):
            return False
        return self._passive_when_joined(lb)

    def _passive_when_joined(self, lb: str) -> bool:
        """Is di + ``lb`` a passive verb only (di-...-kan, di-...-i; di percepat: a per- verb,
        per-cepat, per-luas-kan, is only ever a verb, but per-...-an is a noun: di perbatasan)?"""
        zipf = self.lex.zipf
        return any(x.valid and (
            (x.prefixes == ("di",) and x.suffix in ("kan", "i"))
            or (x.prefixes == ("di", "per") and x.suffix in ("", "kan", "i") and zipf(x.root) >= 3.5
                and len(x.root) >= 3 and self.sp.verdict(lb).rule not in ("typo", "typo-likely")))
            for x in self.sp.analyses("di" + lb))
        # (not di permukan: per-mu-kan has no root of its own, and permukan is a slip of
        # permukaan, the noun after the preposition)

    _names: frozenset[str] = frozenset()
    _acronyms: frozenset[str] = frozenset()
    _strays: frozenset[str] = frozenset()
    _listed_english: tuple = (None, frozenset())  # (line, offset) -> starts of its listed English terms
    _whole: str = ""  # the line being checked, whole (check_line may see a window of it)
    _whole_offset: int = 0  # where _whole starts in the text
    _wrapped: frozenset[int] = frozenset()

    def _hyphen_wraps(self, text: str, spans: list[tuple[int, int]]) -> frozenset[int]:
        """Offsets of the halves of words hyphenated across a line break (kesem- / patan).

        Hard-wrapped PDF text breaks words at the line end; when the halves joined (or
        kept with their hyphen: anak- / anak) make a correct word, neither half is judged.
        """
        out: set[int] = set()
        for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
            # the hyphen ends the span (check), or just follows it (clean's paragraphs
            # leave it out when they join the halves)
            hyphen = e1 - 1 if e1 - s1 >= 2 and text[e1 - 1] == "-" else e1 if text[e1:e1 + 1] == "-" else -1
            if hyphen < 0 or not text[s2:e2][:1].islower() or "\n" not in text[hyphen:s2]:
                continue
            head = _WRAP_HEAD.search(text, s1, hyphen + 1)
            tail = _NAME_WORD.match(text, s2, e2)
            if not head or not tail or head.end() != hyphen:
                continue
            a, b = head.group().lower(), tail.group()
            if self.sp.verdict(a + b).ok or (self.sp.is_valid(a) and self.sp.is_valid(b)):
                out.update((head.start(), tail.start()))
        return frozenset(out)
    _quiet: dict[str, bool | None]  # token -> quiet? (seeded from the compiled cache)
    fast = True  # False: every line and word through the full rules (tests compare both)

    @staticmethod
    def _document_names(text: str, spans: list[tuple[int, int]]) -> DocumentNames:
        """Words written capitalised at least twice and never in lowercase: names.

        Typos rarely repeat letter for letter; names (Roekman, Aslim) do.
        """
        counter = NameCounter()
        counter.add(text, spans)
        return counter.names()

    def document_strays(self, mid_cap: dict[str, int], lower: dict[str, int]) -> frozenset[str]:
        """See :meth:`DocumentNames.strays`: lowercased, standard, not a name PUEBI
        capitalises, not a function word (their own rule) nor a pronoun."""
        lex, sp = self.lex, self.sp
        return frozenset(w for w, n in mid_cap.items()
                         if n == 1 and lower.get(w, 0) >= STRAY_LOWER_MIN and len(w) >= 4 and w.isalpha()
                         and w not in lex.proper_case and w not in lex.function_words and w not in _PRONOUNS
                         and sp.is_valid(w))

    def document_twins(self, cap: dict[str, int]) -> dict[str, str]:
        """Capitalised words written once that one clear slip makes of a name written
        capitalised at least twice in the same document (Pasifki beside Pasifik, Pasifik):
        {typo: twin}. Typos rarely repeat; a name written twice is its spelling."""
        sp = self.sp
        common = sp.standard_forms()
        out: dict[str, str] = {}
        for w, n in cap.items():
            if n != 1 or len(w) < 5 or not w.isascii() or not w.isalpha() or sp.known_verdict(w) is not None:
                continue
            # a name, not a common word capitalised in other names (Masjid: Madjid, Bandara: Andara)
            found = [t for t in slip_sources(w) & cap.keys()
                     if (t in self.lex.proper_case or (cap[t] >= 2 and t not in common)) and is_slip(w, t, strict=True)]
            if len(found) == 1:
                out[w] = found[0]
        return out

    def check_line(self, line: str, offset: int, paragraph_start: bool = True,
                   whole: str | None = None, whole_offset: int | None = None) -> list[Finding]:
        """Findings on ``line`` (at ``offset``); ``whole`` is the full line (at
        ``whole_offset``) when ``line`` is a window of it (rules about the line as a whole
        read that)."""
        self._whole = line if whole is None else whole
        self._whole_offset = offset if whole_offset is None else whole_offset
        toks = tokenize(line, offset)
        out: list[Finding] = []
        words = [i for i, t in enumerate(toks) if t.kind == "word"]
        quiet = [self._quiet_of(toks[i].text) for i in words]
        english = self._english_mask(toks, words, quiet)
        consumed: set[int] = set()
        marked = [(offset + a, offset + b) for a, b in _emphasis_spans(line)] \
            if ("*" in line or "_" in line or "`" in line) else ()
        cites = "(19" in line or "(20" in line or ", 19" in line or ", 20" in line  # (mulyasa, 2013)
        for n, i in enumerate(words):
            if i in consumed:
                continue
            tok = toks[i]
            if marked and any(a <= tok.start and tok.end <= b for a, b in marked):
                continue  # *lifelong learning*: the writer marked it as a foreign term already
            nxt = toks[words[n + 1]] if n + 1 < len(words) else None
            gap = line[tok.end - offset: nxt.start - offset] if nxt else ""
            adjacent = nxt is not None and gap.strip() == "" and gap != ""
            if self.fast and quiet[n] is True and not self._after_sentence_end(toks, i) and not (
                    self._strays and tok.text[:1].isupper() and tok.text.lower() in self._strays) and (
                    not adjacent or (quiet[n + 1] is not False and not self._pair_trigger(tok.text, nxt.text))) \
                    and not (cites and tok.text[:1].islower() and self._cited_author(toks, i)):
                continue  # a quiet word with a quiet neighbour: nothing can fire
            # context rules that span two words
            if adjacent:
                f = self._pair_rules(tok, nxt, english, _neighbour_word(toks, i, -1).lower(),
                                     _neighbour_word(toks, words[n + 1], 1).lower() if tok.text == "di" else "")
                if f:
                    consumed.add(words[n + 1])
                    if f.rule == "repeated-word":
                        self._extend_repeat(f, line, offset, toks, words, n + 1, consumed)
                    out.append(f)
                    continue
            f = self._word(tok, toks, i, english, paragraph_start)
            if f:
                out.append(f)
        out = self._merge_italics(out, line, offset)
        out.extend(self._punctuation(line, offset, toks))
        return out

    @staticmethod
    def _merge_italics(findings: list[Finding], line: str, offset: int) -> list[Finding]:
        """One italic span per foreign phrase: *problem solver*, not *problem* *solver*."""
        out: list[Finding] = []
        for f in findings:
            prev = out[-1] if out else None
            if prev is not None and prev.italic and f.italic and prev.fix is None and f.fix is None \
                    and not line[prev.end - offset: f.start - offset].strip():
                prev.end = f.end
                prev.text = line[prev.start - offset: f.end - offset]
                continue
            out.append(f)
        return out

    @staticmethod
    def _extend_repeat(f: Finding, line: str, offset: int, toks: list[Token], words: list[int], m: int,
                       consumed: set[int]) -> None:
        """dari dari dari -> one finding over the whole run, so one fix settles it."""
        while m + 1 < len(words):
            a, b = toks[words[m]], toks[words[m + 1]]
            gap = line[a.end - offset: b.start - offset]
            if b.text.lower() != a.text.lower() or gap.strip() or not gap:
                break
            consumed.add(words[m + 1])
            f.end = b.end
            f.text = line[f.start - offset: f.end - offset]
            m += 1

    # ------------------------------------------------------------ words
    def _word(self, tok: Token, toks: list[Token], i: int, english: set[int],
              paragraph_start: bool) -> Finding | None:
        text = tok.text
        if tok.start in self._wrapped:
            return None  # half of a word hyphenated at the line end
        if text.endswith("2") and len(text) > 2:
            base = text[:-1]
            if self.sp.is_valid(base.lower()):
                fix = f"{base}-{base.lower()}"
                return self._finding(tok, "reduplication", "reduplication is written with a hyphen",
                                     (fix,), fix, "morphology", "error")
            return None
        if "-" in text:
            modern = self.sp.old_spelling(text.lower()) if text.replace("-", "").isalpha() else ""
            if modern and self.sp.verdict(text.lower().split("-")[-1]).rule == "old-spelling":
                return self._old_spelling(tok, modern, toks, i)  # sesingkat-singkatnja
            return self._hyphenated(tok)
        if "'" in text or "’" in text:
            return self._apostrophe(tok)
        low = text.lower()
        start = self._sentence_start(toks, i, paragraph_start)
        if text.isupper() and len(text) > 1:
            # acronyms are not errors; an all-caps word that is a listed error still is
            v = self.sp.verdict(low)
            if v.rule == "nonstandard" and _abbreviation_of(low, v.suggestions[0]) and not self._all_caps_line():
                return None  # SPT (a tax return) is an acronym; spt for seperti is a chat abbreviation
            if v.rule in ("nonstandard", "compound-joined", "preposition-joined"):
                return self._from_verdict(tok, v)
            if v.rule == "typo" and len(low) >= 5 and self._caps_heading(toks, i):
                # a slip in an all-caps heading (BAB II PEMBAHSAN, A. PENGATNAR): headings
                # are made of words, so it is judged like a lowercase word
                return self._from_verdict(tok, v) if self._all_caps_line() else self._strong_typo(tok, low, v)
            return None
        if not low.isalpha() or any(c.isupper() for c in text[1:]):
            return None  # mixed case: iPhone, McDonald, eKTP
        cap = text[0].isupper()
        if not low.isascii():
            if not all(c.isascii() or _latin_letter(c) for c in low):
                return None  # another script (α, 北京): not ours to judge
            # Indonesian spelling has no diacritics: département, gœngsi are foreign
            return self._finding(tok, "foreign-term", "foreign term: italicise it, or use the Indonesian term",
                                 (), None, "script", "info", italic=not cap)
        # a capitalised word with no correction the rules for capitals use: judged as a name
        # without the costly search (see Speller.name_like)
        v = NAME if cap and self.sp.name_like(low) else self.sp.verdict(low)
        if v.rule == "old-spelling":
            if cap and v.suggestions[0].lower() not in self.lex.proper_case:
                return None  # Tjandra, Noer: a person's name keeps the spelling it was given
            return self._old_spelling(tok, v.suggestions[0], toks, i)
        if cap and low in self._names and v.rule in ("typo", "typo-likely", "unknown-word"):
            return None  # a name used throughout the document
        if not v.ok and self._spaced_hyphen(toks, i):
            return None  # kolang - kaling: half of a hyphenated word written with spaces
        if cap and v.rule in ("typo", "typo-likely", "unknown-word") and self._named_place(toks, i) and not (
                v.fix and v.fix in self.lex.proper_case and self.lex.zipf(v.fix) >= CAPITAL_FIX_ZIPF
                and len(low) >= 5 and low[0] == v.fix[0] and is_slip(low, v.fix, strict=True)):
            # desa Alasa, Kanaungan adalah desa ...: a place name, not a slip (but Pulau
            # Sulawsi is a slip of a well-known one)
            return None
        if not cap and v.rule == "typo-likely" and v.how.startswith("short string") \
                and any(_neighbour_word(toks, i, step)[:1].isupper() for step in (-1, 1)):
            return None  # Capelle aan den IJssel: a short foreign word inside a name
        if v.rule == "typo-likely" and v.how.startswith("derived:") and self._times_written(low) >= 2:
            # perundungan three times on the page: a regular derivation the page uses again
            # and again is its word, not a slip (slips rarely repeat letter for letter)
            return None
        if not cap and v.rule in ("typo", "typo-likely", "unknown-word") and _followed_by_meaning(toks, i):
            return self._finding(tok, "foreign-term", "a word cited from another language: italicise it",
                                 (), None, "context", "info", italic=True)
        if cap and not start:
            return self._capitalized(tok, low, v, toks, i) or self._twin(tok, low, v)
        if not cap and low in self.lex.proper_case:
            right = self.lex.proper_case[low]
            return self._finding(tok, "capital-proper", f"written with a capital letter: {right}",
                                 (right,), right, self.lex.sources["proper_case"], "error")
        if not cap and len(low) >= 4 and (v.rule == "unknown-word" or (v.rule == "typo" and " " in (v.fix or ""))) \
                and _neighbour_word(toks, i, -1) in _PLACE_NOUNS and low not in self.lex.function_words:
            # Kecamatan cugenang: a place name nobody else writes; Kecamatan gunungpati is
            # one name, not two words run together
            right = text[0].upper() + text[1:]
            return self._finding(tok, "capital-proper", f"a place name after a capitalised place noun: {right}",
                                 (right,), right, "place noun", "error")
        if not cap and len(low) >= 3 and low not in self.lex.function_words and self._cited_author(toks, i) \
                and not self.sp.is_valid(low):
            right = text[0].upper() + text[1:]
            return self._finding(tok, "capital-proper", f"an author's name in a citation: {right}",
                                 (right,), right, "citation pattern", "error")
        if not cap and text == low and len(low) >= 4 and not v.ok and self._after_name(toks, i) \
                and self._name_elsewhere(low):
            # Gorys keraf, with Keraf in the reference list: a name the document capitalises
            # (right after a capitalised word; not - ecobrick beside a title's Ecobrick)
            right = text[0].upper() + text[1:]
            return self._finding(tok, "capital-proper", f"a name, written {right} elsewhere in this document",
                                 (right,) + tuple(s for s in v.suggestions[:2] if s != right), None,
                                 "document", "warning")
        if not cap and low in self._acronyms and text == low and not self.sp.is_valid(low) \
                and not self._english_dominant(low):
            right = low.upper()
            return self._finding(tok, "capital-proper", f"an acronym, written {right} elsewhere in this document",
                                 (right,), right, "document", "error")
        if v.ok and i in english:
            return self._english(tok, low, v, True, toks, i)  # Indonesian-looking word in an English phrase
        if v.ok:
            if not cap and start and self._clear_sentence_start(toks, i):
                fix = text[0].upper() + text[1:]
                return self._finding(tok, "capital-sentence", "a sentence starts with a capital letter",
                                     (fix,), None, "punctuation context", "warning")
            return None
        if v.rule == "foreign-term" or i in english:
            return self._english(tok, low, v, i in english or self._glossed(toks, i), toks, i)
        if cap and v.rule == "typo":
            found = self._strong_typo(tok, low, v, in_name=self._in_name(toks, i) and not self._title_text(toks, i),
                                      plain=_neighbour_word(toks, i, 1)[:1].islower())
            if found is None and self._heading_slip(toks, i, low, v):
                return _no_fix(self._from_verdict(tok, v))
            return found or self._twin(tok, low, v)
        if cap and v.rule == "unknown-word":
            # a capitalised word nobody knows is a name until shown otherwise
            return self._twin(tok, low, v)
        if v.rule in ("typo", "typo-likely") and not cap and self._unit_after_number(toks, i, low):
            return self._finding(tok, "unknown-word", "word not in the dictionary (a unit after a number?)",
                                 tuple(transfer_case(tok.text, s) for s in v.suggestions), None, v.source, "info")
        if not cap and v.rule == "typo" and v.fix is None and self._times_written(low) >= TERM_REPEATS:
            # tubulus four times on the page, with no correction sure enough to apply: the
            # page's term, not a slip (slips rarely repeat letter for letter: the sample's
            # come once or twice); still reported, as info. A typo with a safe fix stays one.
            return self._finding(tok, "unknown-word",
                                 f"word not in the dictionary, written {self._times_written(low)} times here "
                                 f"(a term?); closest: {v.suggestions[0]}" if v.suggestions else
                                 "word not in the dictionary (a term of this text?)",
                                 v.suggestions, None, "document", "info")
        if v.rule == "typo" and self._foreign_company(toks, i, paragraph_start) and not self._sure_slip(low, v):
            return self._finding(tok, "unknown-word",
                                 "word not in the dictionary, next to other unknown words "
                                 "(a name or a foreign phrase?)",
                                 tuple(transfer_case(tok.text, s) for s in v.suggestions), None,
                                 v.source, "info")
        return self._from_verdict(tok, v)

    def _year_tahu(self, line: str, offset: int) -> list[Finding]:
        """tahu 2019, tahu ajaran: "tahu" (know, tofu) is never followed by a year or by
        ajaran, anggaran or silam; "tahun" (year) is meant."""
        out = []
        for m in _TAHU_YEAR.finditer(line):
            word = m.group(1)
            fix = word + "n"
            out.append(self._finding(Token("word", offset + m.start(1), offset + m.end(1), word), "realword",
                                     f"before {m.group(2)!r}, {fix!r} is meant", (fix,), fix,
                                     "context (a year follows)", "error"))
        return out

    def _twin(self, tok: Token, low: str, v: Verdict) -> Finding | None:
        """A capitalised slip of a name written elsewhere in the document (see
        :meth:`document_twins`), when no other rule reported the word."""
        if low not in self._twins or v.ok or not tok.text[1:].islower():
            return None
        right = transfer_case(tok.text, self._twins[low])
        return self._finding(tok, "typo", f"written {right} elsewhere in this document; a slip?",
                             (right,), None, "document", "error")

    def _old_spelling(self, tok: Token, modern: str, toks: list[Token], i: int) -> Finding:
        """A word in the spelling before EYD: in a line with another such word it is a
        quotation of an old text (the proclamation of 1945), kept as written (info);
        alone it is a warning with the modern spelling."""
        right = transfer_case(tok.text, modern)
        quoted = any(t.kind == "word" and j != i and "-" not in t.text and t.text.isalpha()
                     and self.sp.old_spelling(t.text.lower()) and not self.sp.is_valid(t.text.lower())
                     for j, t in enumerate(toks))
        if quoted:
            return self._finding(tok, "old-spelling", f"spelling from before EYD (1972), quoted: {right}",
                                 (right,), None, "EYD spelling reform", "info")
        return self._finding(tok, "old-spelling", f"spelling from before EYD (1972): {right}", (right,), None,
                             "EYD spelling reform", "warning")

    def _apostrophe(self, tok: Token) -> Finding | None:
        """Jum'at, do'a: an apostrophe inside a word written the Arabic way, where the word
        without it is the standard one (Jumat, doa); names and other languages (O'Neil,
        Qur'an, don't) are left alone."""
        text = tok.text
        plain = text.replace("'", "").replace("’", "")
        if not (plain.isalpha() and text[0] not in "'’" and text[-1] not in "'’") or len(plain) < 3:
            return None
        low = plain.lower()
        if low in self.lex.proper_case:
            right = self.lex.proper_case[low]
        elif self.sp.is_root(low) and self.lex.zipf(low) >= 3.5 and not text[0].isupper():
            right = low
        else:
            return None
        right = transfer_case(plain, right) if right == low else right
        return self._finding(tok, "nonstandard", f"written without the apostrophe: {right}", (right,), right,
                             "apostrophe", "error")

    def _english_across_hyphen(self, toks: list[Token], i: int) -> bool:
        """Is word ``i`` joined by a hyphen (spaced or not) to an English word (capability -
        based security: an English compound)?"""
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(toks) and toks[j].kind == "space":
                j += step
            if 0 <= j < len(toks) and toks[j].text in ("-", "–"):
                other = _neighbour_word(toks, j, step).lower()
                if other.isalpha() and self._english_dominant(other):
                    return True
        return False

    def _spaced_hyphen(self, toks: list[Token], i: int) -> bool:
        """Is token ``i`` half of a valid hyphenated word written with spaces around the
        hyphen (kolang - kaling, as tokenised text and some PDFs write it)?"""
        low = toks[i].text.lower()
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(toks) and toks[j].kind == "space":
                j += step
            if not (0 <= j < len(toks)) or toks[j].text not in ("-", "–"):
                continue
            other = _neighbour_word(toks, j, step).lower()
            if other.isalpha():
                pair = f"{other}-{low}" if step < 0 else f"{low}-{other}"
                if self._hyphen_known(pair):
                    return True
        return False

    def _hyphen_known(self, pair: str) -> bool:
        """A hyphenated form listed as a word, or attested with its hyphen."""
        lex = self.lex
        return pair in lex.words or pair in lex.roots or lex.zipf(pair) > 0

    def _named_place(self, toks: list[Token], i: int) -> bool:
        """A capitalised word that names a place: right after a place noun (desa Alasa,
        di Kecamatan Alasa) or a lowercase preposition of place (ke Dalat, dari Sendai), or
        defined as one (Kanaungan adalah desa di ...)."""
        before = _neighbour_word(toks, i, -1)
        if before.capitalize() in _PLACE_NOUNS or before in ("di", "ke", "dari"):
            return True
        nxt = _neighbour_word(toks, i, 1).lower()
        if nxt not in ("adalah", "merupakan", "ialah"):
            return False
        j = i + 1
        while j < len(toks) and toks[j].text.lower() != nxt:
            j += 1
        # (context rules see two words either side: see _screen)
        return _neighbour_word(toks, j, 1).capitalize() in _PLACE_NOUNS

    def _foreign_company(self, toks: list[Token], i: int, paragraph_start: bool) -> bool:
        """Is a neighbouring word (across spaces or a hyphen) foreign or unknown too?

        Typos come alone; runs of unknown words are scientific names (Quercus
        rubor), place names and foreign phrases; but a word built like an Indonesian
        derivation (Koiso menjajikan: meN-...-kan) is Indonesian beside any name.
        """
        if len(toks[i].text) >= 8 and _INDONESIAN_SHAPE.fullmatch(toks[i].text.lower()):
            return False
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(toks) and (toks[j].kind == "space" or toks[j].text in "-–'’"):
                j += step
            if not (0 <= j < len(toks)) or toks[j].kind != "word":
                continue
            w = toks[j].text
            if "-" in w or not w.isalpha():
                continue
            low = w.lower()
            if w[0].isupper() and (w.isupper() or self._sentence_start(toks, j, paragraph_start)):
                continue  # an acronym, or a capital that only starts a sentence
            # another typo next door is no sign of a foreign phrase (scraped modules have
            # runs of them): only words with no plausible correction count
            if self.sp.verdict(low).rule in ("unknown-word", "foreign-term"):
                return True
        return False

    def _sure_slip(self, low: str, v: Verdict) -> bool:
        """A slip no foreign word explains: a long word one swap, left-out or doubled
        letter away from an attested word (menempatkkannya)."""
        from modulfix.spelling.suggest import is_slip

        if not v.fix:
            return False
        right = v.fix.lower()
        if len(low) >= 6 and _swapped(low, right) and self.lex.zipf(right) >= 4.0:
            return True  # two letters of a common word swapped (mengubha): no foreign word
        if len(low) < 9:
            return False
        return is_slip(low, right, strict=True) and self.lex.zipf(right) >= 3.0

    @staticmethod
    def _glossed(toks: list[Token], i: int) -> bool:
        """Alone in brackets or quotes: a gloss (pengawasan (controlling)), not a slip."""
        j = i - 1
        while j >= 0 and toks[j].kind == "space":
            j -= 1
        k = i + 1
        while k < len(toks) and toks[k].kind == "space":
            k += 1
        return j >= 0 and toks[j].text in _OPEN | {'"'} and k < len(toks) and toks[k].text in _CLOSE | {'"'}

    def _capitalized(self, tok: Token, low: str, v: Verdict, toks: list[Token], i: int) -> Finding | None:
        """A capital mid-sentence: a name, a title-case heading, or a wrong capital."""
        if low in self.lex.function_words and low not in _PRONOUNS and (
                self._lower_neighbours(toks, i) or (self._after_comma(toks, i)
                                                    and _neighbour_word(toks, i, 1)[:1].islower())):
            if low in _OPENERS:
                # Rp5,893 triliun Sementara kredit ...: a word that opens sentences, so a full
                # stop may be what is missing: the lowercase suggested, not applied
                return self._finding(tok, "capital-midsentence",
                                     f"a capital in the middle of a sentence: {low}, or a full stop before it?",
                                     (low,), None, self.lex.sources["function_words"], "error")
            return self._finding(tok, "capital-midsentence",
                                 f"no capital letter in the middle of a sentence: {low}",
                                 (low,), low, self.lex.sources["function_words"], "error")
        if v.ok and low in self._strays and tok.text[1:].islower() and self._lower_neighbours(toks, i) \
                and self._adjacent_words(toks, i) and not self._named_place(toks, i) \
                and tok.text not in _PLACE_NOUNS and not self._in_title(toks, i) \
                and self.sp.is_valid(_neighbour_word(toks, i, 1).lower()):
            # dinding Kapiler untuk, beside kapiler twice elsewhere: the capital is a slip
            # (not Bank danamon, Sungai citarum: there the name after it lacks its capital)
            return self._finding(tok, "capital-midsentence",
                                 f"no capital letter in the middle of a sentence: {low}? (written so elsewhere)",
                                 (low,), None, "document", "warning")
        if v.ok or v.rule in ("unknown-word", "foreign-term"):
            return None
        if v.rule in ("nonstandard", "preposition-joined", "pun-apart", "kan-an", "typo-likely") \
                and self._title_text(toks, i):
            return self._from_verdict(tok, v)  # a title-case heading: A. Konsep Sistim Informasi
        if v.rule == "typo" and self._heading_slip(toks, i, low, v):
            return _no_fix(self._from_verdict(tok, v))
        if v.rule == "nonstandard" and v.fix and not self._own_name(toks, i):
            # Dinas Kearsipan Propinsi Bali, komune Perancis: a listed non-standard spelling
            # is the same slip capitalised; reported as a suggestion, never rewritten
            f = _no_fix(self._from_verdict(tok, v))
            f.severity = "warning"
            return f
        if v.rule == "typo" and v.fix and v.fix in self.lex.proper_case and len(low) >= 5 \
                and low[0] == v.fix[0] and is_slip(low, v.fix, strict=True) \
                and (not self._in_name(toks, i) or self._named_place(toks, i)):
            # di Indonesai: a slip of a name PUEBI always capitalises; the capital is that
            # name's (not Erman Amti, a person, beside Jerman)
            return self._from_verdict(tok, v)
        if self._in_name(toks, i):
            # part of a capitalised sequence (Multi Prima, Reflika Aditama): only a slip
            # of a very common word is flagged (Pekerjaan Sosisal)
            return self._strong_typo(tok, low, v, in_name=True)
        if v.rule in ("affix-melting", "compound-joined"):
            return self._from_verdict(tok, v)
        # a capital mid-sentence makes a name likelier than a slip (desa Alsan):
        # report it, never rewrite it
        return _no_fix(self._strong_typo(tok, low, v))

    def _strong_typo(self, tok: Token, low: str, v: Verdict, in_name: bool = False,
                     plain: bool = False) -> Finding | None:
        """A capitalised unknown word is flagged only when it is clearly a slip.

        Names are short and look like nothing; slips keep the shape of a frequent word:
        a left-out, doubled or neighbouring key (Mahasiwa, Pembelajaraan), a long word
        (Penegertian), or an onset no Indonesian word has (Pkerja).
        """
        from modulfix.spelling.suggest import typo_bonus

        if v.rule != "typo" or self.lex.zipf(low) > 0 or len(low) < 4 or not low.isascii():
            return None
        every = self.sp.candidates(low)
        cands = [c for c in every if " " not in c.text]
        n = len(low)
        if every and every[0].how == "split" and not in_name and n >= 12 and self._common_split(every[0].text):
            # two common words run together (Kebijakanfiskal); place names are made that
            # way too (Karanganyar), so only suggested
            return _no_fix(self._from_verdict(tok, v))
        if not cands:
            return None
        if impossible_onset(low) and cands[0].distance == 1 and cands[0].zipf >= 4.0 and (
                not in_name or (cands[0].zipf >= 4.5 and is_slip(low, cands[0].text, strict=True))):
            # an onset no Indonesian word has (Pkerja); in a name only a clear slip of a
            # common word (Bnak Indonesia), not a foreign name (Yrama Widya)
            return self._from_verdict(tok, v)
        if n < 5:
            # four letters: only a swap or a left-out letter of a very common word (Oelh,
            # Pilh), never inside a name
            top = cands[0]
            return self._from_verdict(tok, v) if (
                not in_name and top.zipf >= 5.0 and low[0] == top.text[0] and top.distance == 1
                and (_swapped(low, top.text) or (len(top.text) == n + 1 and is_slip(low, top.text, strict=True)))
                and not any(c.zipf > top.zipf - 0.8 for c in cands[1:] if c.distance == 1)) else None

        def slip_of(c) -> bool:  # is the word clearly a slip of this candidate?
            bonus = typo_bonus(low, c.text) if c.distance == 1 else 0.0
            if in_name:
                return c.distance == 1 and n >= 7 and c.zipf >= 5.0 and bonus >= 0.5
            if c.distance == 2:
                # two slips in a short word keep its first and last letters (Bebrpa); a
                # syllable typed twice (Pelayananan) is one slip
                return (c.zipf >= 5.5 and n >= 6 and low[0] == c.text[0] and low[-1] == c.text[-1]
                        and is_double_slip(low, c.text, strict=True)) or (c.zipf >= 4.0 and is_stutter(low, c.text))
            # two letters swapped in a common word (Kredti): names rarely look like that
            return (n >= 7 and c.zipf >= 4.0 and (bonus >= 0.5 or n >= 9)) or (n >= 8 and c.zipf >= 5.0) or (
                n >= 10 and c.zipf >= 3.5) or (c.zipf >= 5.5 and bonus >= 0.5) or (
                c.zipf >= 4.5 and _swapped(low, c.text)) or (
                # a letter left out of a very common word (Apabla)
                c.zipf >= 4.8 and len(c.text) == n + 1 and low[0] == c.text[0] and is_slip(low, c.text)) or (
                # capitalised only by its place, before lowercase words (5. Tinjua kembali):
                # a swap or a left-out letter of an attested word
                # (a root, or a common word: not Kamila, Kamil + -lah)
                plain and n >= 6 and c.zipf >= 3.0 and (self.sp.is_root(c.text) or c.zipf >= 4.0) and (
                    _swapped(low, c.text) or (len(c.text) == n + 1 and is_slip(low, c.text, strict=True))))

        # any of the first few: a rare place name one letter away must not hide a common
        # word two slips away (Sleian: Sleman, Selain)
        return self._from_verdict(tok, v) if any(slip_of(c) for c in cands[:4]) else None

    @staticmethod
    def _cited_author(toks: list[Token], i: int) -> bool:
        """Is word ``i`` the author of an in-text citation: (mulyasa, 2013), mulyasa (2013)?"""
        j = i - 1
        while j >= 0 and toks[j].kind == "space":
            j -= 1
        rest = "".join(t.text for t in toks[i + 1:i + 9])
        if j >= 0 and toks[j].text == "(":
            return bool(_CITE_TAIL.match(rest))
        return bool(_CITE_YEAR.match(rest))

    def _heading_slip(self, toks: list[Token], i: int, low: str, v: Verdict) -> bool:
        """A slip in a title-case heading of common words (C. Tujuan Penulsian, E. Larutna
        Nutrisi): a clear slip of an attested word, judged as in lowercase text. A
        heading's names (Desa Cugenang) rarely are one."""
        if not v.suggestions or " " in v.suggestions[0]:
            return False
        top = v.suggestions[0].lower()
        return self.lex.zipf(top) >= 3.0 and is_slip(low, top, strict=True) and self._title_text(toks, i)

    def _common_split(self, split: str) -> bool:
        """Two common standard words of four letters or more, one of them derived
        (kebijakan fiskal); place names join roots (Karangsambung: karang, sambung)."""
        parts = split.split()
        return len(parts) == 2 and all(len(p) >= 4 and self.lex.zipf(p) >= 3.5 and self.sp.is_valid(p)
                                       for p in parts) and any(a.valid and (a.prefixes or a.suffix)
                                                    for p in parts for a in self.sp.analyses(p))

    def _all_caps_line(self) -> bool:
        """Every word of the line is in capitals (a heading: A. PENGANTAR)."""
        words = [w for w in _FAST_WORD.findall(self._whole) if len(w) > 1]
        return 0 < len(words) <= 8 and all(w.isupper() for w in words)

    def _caps_heading(self, toks: list[Token], i: int) -> bool:
        """Another all-caps word on the line is a common Indonesian word (BAB, MATERI):
        an all-caps heading, not a row of acronyms. Acronyms have few vowels."""
        low = toks[i].text.lower()
        if sum(c in "aeiou" for c in low) * 3 < len(low):
            return False
        if self._all_caps_line() and len(low) >= 6:
            return True
        for t in _FAST_WORD.findall(self._whole):  # the whole line, not a window of it
            if t != toks[i].text and len(t) >= 3 and t.isupper():
                w = t.lower()
                if self.lex.zipf(w) >= 3.5 and self.sp.verdict(w).ok and self.sp.is_valid(w):
                    return True
        return False

    def _title_text(self, toks: list[Token], i: int) -> bool:
        """A title-case heading line (A. Pengertian Koperasi Simpan Pinjam), whose
        capitalised neighbours are common Indonesian words, not a name in a sentence
        (PT Tri Usaha Bhakti, Imam Samudera, Reflika Aditama)."""
        words = _FAST_WORD.findall(self._whole)
        if len(words) > 12 or any(not (w[:1].isupper() or w in self.lex.function_words) for w in words):
            return False
        def common(w: str) -> bool:
            low = w.lower()
            return self.lex.zipf(low) >= 3.5 and self.sp.verdict(low).ok and self.sp.is_valid(low)

        seen = False
        for step in (-1, 1):
            w = _neighbour_word(toks, i, step)
            if not w[:1].isupper():
                continue
            if not common(w):
                return False
            seen = True
        if not seen:  # no word beside it (5. Percabngan (Seleksi Kondisi)): the heading's other words
            others = [w for w in words if w != toks[i].text and w[:1].isupper()]
            seen = bool(others) and all(common(w) for w in others)
        return seen

    def _own_name(self, toks: list[Token], i: int) -> bool:
        """Is token ``i`` part of a name that may spell itself the old way: after a
        company, foundation or title marker in its capitalised run (PT Tri Usaha Bhakti,
        Yayasan Menara Bhakti, Imam Samudera), before a capitalised word that is neither a
        standard word nor a listed place (a person: Putera Sampoerna), or next to an English
        word (U.S. Geological Survey)?"""
        run = []
        j = i - 1
        while j >= 0 and len(run) < 4:
            w = _neighbour_word(toks, j + 1, -1)
            if not w or not w[:1].isupper():
                break
            run.append(w)
            j -= 2
        if any(w.lower().strip(".") in _NAME_MARKERS for w in run):
            return True
        for step in (-1, 1):
            w = _neighbour_word(toks, i, step)
            if w[:1].isupper() and w[1:].islower():
                low = w.lower()
                if self._english_dominant(low):
                    return True
                if step == 1 and low not in self.sp.standard_forms() and low not in self.lex.proper_case:
                    return True
        return False

    def _unit_after_number(self, toks: list[Token], i: int, low: str) -> bool:
        """Is ``low`` shaped like a unit symbol right after a number (250 kkal, 5 mmol):
        no vowel, or a metric prefix before a unit people write (k-kal, m-mol)?"""
        j = i - 1
        if not (j >= 1 and toks[j].kind == "space" and toks[j - 1].kind == "num") or len(low) > 5:
            return False
        return not any(c in _VOWELS for c in low) or (
            len(low) >= 3 and low[0] in "kmcdgnpµ" and self.lex.zipf(low[1:]) > 0)

    def _di_place(self, low: str) -> bool:
        """A place, direction or time word that di and ke stand apart from, maybe with a
        clitic or particle (sini, sinilah, manakah, sananya)."""
        places = self.lex.di_places
        return low in places or any(low.endswith(c) and low[:-len(c)] in places
                                    for c in ("nya", "ku", "mu", "lah", "kah", "pun"))

    def _verbal_prefix(self, low: str) -> str:
        """The verbal prefix (meN, di, ter, ber) every analysis of ``low`` has, or "" (a
        root like mereka, tertawa, berbagai; a noun like peraturan)."""
        found = [x for x in self.sp.analyses(low) if x.valid]
        if not found or len(low) < 6 or any(not x.prefixes or x.suffix == "an" for x in found):
            return ""
        outer = {x.prefixes[0] for x in found}
        return outer.pop() if len(outer) == 1 and outer <= {"meN", "di", "ter", "ber"} else ""

    def _verb_root_of(self, low: str) -> str:
        """The root of a word with one prefix (menjadi: jadi), for menjadi-jadi; else ""."""
        return next((x.root for x in self.sp.analyses(low) if x.valid and len(x.prefixes) == 1), "")

    def _in_name(self, toks: list[Token], i: int) -> bool:
        """A capitalised word next to another capitalised word (a name or title)."""
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(toks) and toks[j].kind == "space" and " " in toks[j].text:
                j += step
            if 0 <= j < len(toks) and j != i and toks[j].kind == "word" and toks[j].text[:1].isupper() \
                    and abs(j - i) == 2:
                return True
        return False

    def _english(self, tok: Token, low: str, v: Verdict, in_english_phrase: bool,
                 toks: list[Token], i: int) -> Finding | None:
        entry = self.lex.english.get(low)
        if not in_english_phrase and (entry or tok.text.islower()) and self._in_english_list(tok):
            in_english_phrase = True
        if entry and not in_english_phrase and entry[1]:
            right, safe = entry
            right = transfer_case(tok.text, right)
            return self._finding(tok, "english-term",
                                 f"English word in an Indonesian sentence; standard Indonesian: {right}",
                                 (right,), right if safe else None, self.lex.sources["english"], "error")
        if not entry and not in_english_phrase and tok.text.islower() and not self._english_across_hyphen(toks, i):
            adapted = self.sp.adapted_loan(low)
            if adapted:
                # thermometer, chlorophyll: an English spelling of a word Indonesian has
                # adapted by the regular rules (th -> t, ph -> f, -tion -> -si)
                return self._finding(tok, "english-term",
                                     f"English spelling in an Indonesian sentence; adapted: {adapted}?",
                                     (adapted,), None, "loan adaptation rules", "warning")
        sugg = (transfer_case(tok.text, entry[0]),) if entry else ()
        # italics for lowercase terms only: capitalised words and title case are names
        # and titles (21st Century Skills: Learning for Life), not terms to mark
        italic = tok.text.islower() and not self._title_case_around(toks, i)
        return self._finding(tok, "foreign-term", "foreign term: italicise it, or use the Indonesian term",
                             sugg, None, "wordfreq en", "info", italic=italic)

    @staticmethod
    def _title_case_around(toks: list[Token], i: int) -> bool:
        """Capitalised words on both sides (a title: Learning for Life)."""
        return all(_neighbour_word(toks, i, step)[:1].isupper() for step in (-1, 1))

    def _hyphenated(self, tok: Token) -> Finding | None:
        parts = tok.text.split("-")
        if any(p[:1].isupper() for p in parts[1:]) or len(parts) != 2:
            return None  # non-Indonesia, names, multi-part compounds
        a, b = (p.lower() for p in parts)
        if a in self.lex.bound_forms and self.sp.is_valid(a + b):
            fix = transfer_case(parts[0], a + b)
            return self._finding(tok, "bound-form", f"bound form is joined without a hyphen: {fix}",
                                 (fix,), fix, self.lex.sources["bound_forms"], "error")
        if self.lex.compounds.get(a + b) == f"{a} {b}" and not self.sp.is_root(f"{a}-{b}"):
            # gotong-royong: a compound PUEBI writes apart takes no hyphen
            fix = f"{parts[0]} {parts[1]}"
            return self._finding(tok, "compound-joined", f"compound written with a hyphen; write it apart: {fix}",
                                 (fix,), fix, self.lex.sources["compounds"], "error")
        if self._valid_redup(a, b):
            return None
        # berturt-turut: repair the affixed half against the repeated root
        if self.sp.is_valid(b):
            from modulfix.spelling.morphology import generate
            from modulfix.spelling.suggest import damerau

            forms = {generate(b, (p,)) for p in ("ber", "ter", "se", "di", "meN", "ke")} | {b}
            close = sorted(f for f in forms if damerau(a, f) == 1)
            if len(close) == 1:
                fix = transfer_case(parts[0], close[0]) + "-" + parts[1]
                return self._finding(tok, "typo", f"unknown word; did you mean {fix}?", (fix,), fix,
                                     "morphology (reduplication)", "error")
        for p, low in ((parts[0], a), (parts[1], b)):
            v = self.sp.verdict(low)
            if not v.ok and v.rule != "foreign-term" and v.rule != "unknown-word":
                return self._finding(tok, v.rule, v.message, (), None, v.source,
                                     "warning" if v.status == "warning" else "error")
        return None

    def _derived_noun(self, low: str) -> bool:
        """A noun made with peN-...-an, per-...-an or ke-...-an (perundungan, kesehatan)."""
        return any(a.valid and a.suffix == "an" and a.prefixes[:1] in (("peN",), ("per",), ("ke",))
                   for a in self.sp.analyses(low))

    def _verb_root(self, root: str) -> bool:
        """Is ``root`` used as a verb: is any of its verb forms attested (memakan, bermain,
        mengobati)?"""
        z = self.lex.zipf
        me = nasal_form(root, "me")
        return any(z(f) > 0 for f in (me, me + "kan", me + "i", "ber" + root, "di" + root,
                                     "di" + root + "kan", "di" + root + "i"))

    def _valid_redup(self, a: str, b: str) -> bool:
        sp = self.sp
        if a == b:
            return sp.is_valid(a) or self.lex.zipf(a) > 0
        va, vb = sp.is_valid(a) or self.lex.zipf(a) > 0, sp.is_valid(b) or self.lex.zipf(b) > 0
        roots_a = {x.root for x in sp.analyses(a)} | ({a} if sp.is_root(a) else set())
        roots_b = {x.root for x in sp.analyses(b)} | ({b} if sp.is_root(b) else set())
        if roots_a & roots_b:
            return True
        if va and vb:
            return True  # sosial-ekonomi, serba-serbi, bolak-balik
        # rhyming reduplication with a non-word half: sayur-mayur, mondar-mandir, and a sound
        # word whose halves differ in the first letter only (lub-dub)
        return (va or vb) and (a[-3:] == b[-3:] or a[:2] == b[:2] or (len(a) == len(b) and a[1:] == b[1:]))

    # ------------------------------------------------------------ pairs
    def _pair_rules(self, a: Token, b: Token, english: set[int], before: str = "", after: str = "") -> Finding | None:
        """Rules on two adjacent words ``a b`` (``before``: the word before ``a``, ``after``:
        the word after ``b``, lowercase)."""
        la, lb = a.text.lower(), b.text.lower()
        lex, sp = self.lex, self.sp
        if not (a.text.isalpha() and b.text.replace("-", "").isalpha()):
            return None
        span = Token("word", a.start, b.end, f"{a.text} {b.text}")
        # repeated word: dari dari
        if la == lb:
            if la in lex.function_words and self._hyphen_known(f"{la}-{lb}"):
                # tiap tiap, lagi lagi: the function word's reduplication is a word too, so the
                # hyphen may be what is missing
                fix = f"{a.text}-{b.text}"
                return self._finding(span, "reduplication", "reduplication is written with a hyphen",
                                     (fix, a.text), None, "context", "warning")
            if la in lex.function_words:
                return self._finding(span, "repeated-word", f"repeated word: {a.text}", (a.text,), a.text,
                                     "context", "error")
            if not (a.text.islower() or (a.text[1:].islower() and b.text.islower())):
                return None  # SAME SAME, a name; Masing masing at a sentence start is fine
            fix = f"{a.text}-{b.text}"
            if not sp.is_valid(la) and lex.zipf(la) > 0:
                # masing masing: the half is no word of its own, so only the hyphen is right
                return self._finding(span, "reduplication", "reduplication is written with a hyphen",
                                     (fix,), fix, "context", "error")
            if before and before + la in lex.compounds:
                return None  # tata bahasa bahasa Melayu: a compound, then the word again
            verbal = self._verbal_prefix(la)
            if verbal and a.text.islower() and b.text.islower():
                # menjadi menjadi, ditutup ditutup: a verb made with meN-/di-/ter- is not
                # reduplicated whole (that is menjadi-jadi), so the second is a slip; with ber-
                # (berbeda berbeda) berbeda-beda may be meant: only suggested
                root = self._verb_root_of(la)
                sugg = (a.text, f"{la}-{root}") if root else (a.text,)
                if verbal == "ber":
                    return self._finding(span, "repeated-word", f"repeated word: {a.text}",
                                         sugg, None, "morphology", "warning")
                return self._finding(span, "repeated-word", f"repeated word: {a.text}", sugg,
                                     a.text, "morphology", "error")
            if sp.is_valid(la):  # anak anak, Paru paru: a suggestion, it may be a slip
                return self._finding(span, "reduplication", "reduplication is written with a hyphen",
                                     (fix, a.text), None, "context", "warning")
            return None
        # satu persatu, hari perhari: per (each) between a word and itself is written apart
        if lb == "per" + la and len(la) >= 3 and b.text.islower():
            fix = f"{a.text} per {la}"
            return self._finding(span, "preposition-joined", f"per (each) is written apart: {fix}",
                                 (fix,), fix, "context", "error")
        # reduplication with -an written apart: sayur sayuran, biji bijian (KBBI sayur-sayuran);
        # after a verb its noun is an object (makan makanan, main mainan), so a root with any
        # verb form (obat: mengobati) is left alone
        if lb == la + "an" and len(la) >= 3 and a.text[1:].islower() and b.text.islower() \
                and sp.is_root(la) and sp.is_valid(lb) and la not in lex.function_words \
                and not self._verb_root(la):
            fix = f"{a.text}-{b.text}"
            return self._finding(span, "reduplication", "reduplication is written with a hyphen",
                                 (fix,), fix, "morphology", "error")
        # reduplication with meN- on the second half: surat menyurat, tolong menolong
        if len(la) >= 4 and lb.startswith("me") and not b.text[0].isupper() and a.text[1:].islower() \
                and sp.is_root(la) and lb == nasal_form(la, "me"):
            fix = f"{a.text}-{b.text}"
            return self._finding(span, "reduplication", "reduplication is written with a hyphen",
                                 (fix,), fix, "morphology", "error")
        # affixed reduplication written apart: berjam jam, sewaktu waktu
        if len(lb) >= 3 and la.endswith(lb) and la != lb and not b.text[0].isupper() \
                and la[: len(la) - len(lb)] in _REDUP_PREFIXES and sp.is_valid(lb):
            fix = f"{a.text}-{b.text}"
            return self._finding(span, "reduplication", "reduplication is written with a hyphen",
                                 (fix,), fix, "morphology", "error")
        # the same with a second half that is no standard word alone: pertama tama (tama
        # is no word, so the hyphen is the only reading)
        if len(lb) >= 3 and la.endswith(lb) and la != lb and b.text.islower() and a.text[1:].islower() \
                and la[: len(la) - len(lb)] in _REDUP_PREFIXES | {"per"} and sp.is_valid(la) \
                and not sp.is_valid(lb) and lb not in lex.function_words:
            fix = f"{a.text}-{b.text}"
            return self._finding(span, "reduplication", "reduplication is written with a hyphen",
                                 (fix,), fix, "morphology", "error")
        # ke-/per- reduplication with -an written apart: kemerah merahan, perundang undangan
        if lb.endswith("an") and len(lb) >= 5 and b.text.islower() and a.text[1:].islower() \
                and la in ("ke" + lb[:-2], "per" + lb[:-2]) and sp.is_valid(lb[:-2]) \
                and lb[:-2] not in lex.function_words:
            fix = f"{a.text}-{b.text}"
            return self._finding(span, "reduplication", "reduplication is written with a hyphen",
                                 (fix,), fix, "morphology", "error")
        # se-...-nya reduplication written apart: sekurang kurangnya, sebaik baiknya
        if len(la) >= 5 and la[:2] == "se" and lb == la[2:] + "nya" and a.text[1:].islower() \
                and b.text.islower() and sp.is_valid(la[2:]) and lex.zipf(la[2:]) >= 3.0:
            fix = f"{a.text}-{b.text}"
            return self._finding(span, "reduplication", "reduplication is written with a hyphen",
                                 (fix,), fix, "morphology", "error")
        # a listed reduplication with a sound change written apart: kocar kacir, mondar mandir
        # (the root list has kocar-kacir), when a half is no word alone; two words (tumpang
        # tindih, siap sedia) are often written apart
        if a.text[1:].islower() and b.text.islower() and len(la) >= 3 and sp.is_root(f"{la}-{lb}") \
                and not (sp.is_valid(la) and sp.is_valid(lb)):
            fix = f"{a.text}-{b.text}"
            return self._finding(span, "reduplication", "reduplication is written with a hyphen",
                                 (fix,), fix, "morphology", "error")
        # a real word where its look-alike is meant: menunjukkan bawah -> bahwa
        meant = lex.confusables.get(la, {}).get(lb)
        if meant and not b.text[1:2].isupper():
            fix = transfer_case(b.text, meant)
            return self._finding(Token("word", b.start, b.end, b.text), "realword",
                                 f"after {a.text!r}, {fix!r} is meant", (fix,), fix,
                                 lex.sources["confusables"], "error")
        # pun written apart where it is joined: walau pun -> walaupun
        if lb == "pun" and la + "pun" in lex.pun_joined:
            fix = a.text + b.text
            return self._finding(span, "pun-joined", f"pun is joined in {la}pun", (fix,), fix,
                                 lex.sources["pun_joined"], "error")
        # word broken before a suffix: Membangkit kan
        if lb in SPLIT_SUFFIXES and len(la) >= 4 and not b.text[0].isupper() \
                and la not in lex.function_words:
            joined = la + lb
            # "kita kan" is colloquial kan (= bukan): join only into an attested word
            if sp.is_valid(joined) and sp.verdict(joined).ok and lex.zipf(joined) > 0:
                fix = a.text + b.text
                return self._finding(span, "split-word", f"suffix written apart: {fix}", (fix,), fix,
                                     "morphology", "error")
        # bound form written apart: non formal, antar kota
        if la in lex.bound_forms and not a.text[0].isupper():
            if b.text[0].isupper() and la in lex.bound_free:
                return None  # "produksi super CPO": super is a word here
            if b.text[0].isupper():
                fix = f"{a.text}-{b.text}"
                return self._finding(span, "bound-form", f"bound form before a capital takes a hyphen: {fix}",
                                     (fix,), fix, lex.sources["bound_forms"], "error")
            joined = la + lb
            if la in lex.bound_free and not (lex.zipf(joined) > 0 and sp.is_valid(joined)):
                if la in _BOUND_BEFORE_NOUN and lb not in lex.function_words and (
                        (sp.is_root(lb) and (len(lb) >= 4 or (len(lb) == 3 and lex.zipf(lb) >= 3.5))
                         and sp.verdict(lb).ok) or self._derived_noun(lb)):
                    # anti nyamuk: anti is a word too ("ia anti perubahan"), so only suggest
                    fixed = transfer_case(a.text, joined)
                    return self._finding(span, "bound-form", f"bound form is written joined: {fixed}?",
                                         (fixed,), None, lex.sources["bound_forms"], "warning")
                return None  # "ekonomi makro masih": makro is a word here
            if sp.is_valid(joined) or sp.is_valid(lb):
                fixed = transfer_case(a.text, joined)
            else:
                cands = [c for c in sp.candidates(lb) if c.distance == 1 and " " not in c.text]
                if not cands:
                    return None
                fixed = transfer_case(a.text, la + cands[0].text)
            # "antar" is also a word of its own (to deliver): then only suggest
            safe = fixed if la not in lex.bound_free else None
            return self._finding(span, "bound-form", f"bound form is written joined: {fixed}", (fixed,),
                                 safe, lex.sources["bound_forms"], "error" if safe else "warning")
        # a compound that is written joined, written apart: olah raga, dari pada
        if (la + lb) in lex.joined_compounds and not b.text[0].isupper() and a.text[1:].islower():
            fix = transfer_case(a.text, la + lb)
            both_function = la in lex.function_words and lb in lex.function_words
            return self._finding(span, "compound-apart", f"written as one word: {fix}", (fix,),
                                 None if both_function else fix, lex.sources["joined_compounds"],
                                 "warning" if both_function else "error")
        # the same with a prefix on its first half: berolah raga (berolahraga)
        if la in self._prefixed_compound_heads and not b.text[0].isupper() and a.text[1:].islower():
            for head in self._prefixed_heads(la):
                joined = la + lb
                if (head + lb) in lex.joined_compounds and sp.is_valid(joined) and head not in lex.function_words:
                    fix = transfer_case(a.text, joined)
                    return self._finding(span, "compound-apart", f"written as one word: {fix}", (fix,), fix,
                                         lex.sources["joined_compounds"], "error")
        # a word broken apart: pe nyuluhan, keuang an, ber diferensiasi
        broken = self._broken_word(a, b)
        if broken is not None:
            return broken
        # passive di- written apart: di lakukan (never before a capital: di Sendai is a place)
        if la == "di" and a.text == "di" and b.text[0].isupper():
            return None
        if la == "di" and a.text == "di" and self._di_place(lb):
            return None  # di sinilah, di manakah: the preposition before a place word
        if la == "di" and a.text == "di" and len(lb) > 3 and not sp.is_root(lb):
            joined = "di" + lb
            if self._passive_when_joined(lb):
                return self._finding(span, "prefix-di-apart", f"passive prefix di- is written joined: {joined}",
                                     (joined,), joined, "morphology", "error")
        if la == "di" and a.text == "di" and (after == "oleh" or before in _PASSIVE_CUES) and self._verb_like(lb):
            # dipompa oleh jantung, mudah dikonfigurasi: an agent, or a modal before it, makes
            # it the passive (di rumah, di sana are places: never judged here)
            joined = "di" + lb
            if after == "oleh":
                return self._finding(span, "prefix-di-apart", f"passive prefix di- is written joined: {joined}",
                                     (joined,), joined, "context", "error")
            return self._finding(span, "prefix-di-apart", f"passive prefix di- is written joined: {joined}?",
                                 (joined,), None, "context", "warning")
        if la == "di" and a.text == "di" and sp.passive_by_frequency(lb):
            joined = "di" + lb
            return self._finding(span, "prefix-di-apart", f"passive prefix di- is written joined: {joined}?",
                                 (joined,), None, "wordfreq id", "warning")
        # compound with a confix written apart: pertanggung jawaban
        heads = lex.compound_heads
        for x in sp.analyses(la) if la not in lex.function_words else ():
            if not x.prefixes or x.suffix or x.clitics or x.root not in heads:
                continue
            for y in sp.analyses(lb):
                if not y.prefixes and y.suffix and y.root in heads[x.root]:
                    joined = transfer_case(f"{a.text}{b.text}", la + lb)  # Pertanggungjawaban
                    return self._finding(span, "compound-confix",
                                         f"a compound with prefix and suffix is written joined: {joined}",
                                         (joined,), joined, lex.sources["compounds"], "error")
        return None

    def _broken_word(self, a: Token, b: Token) -> Finding | None:
        """Two tokens that are one word broken by a stray space (pe nyuluhan).

        The joined form must be a standard, attested word (or a prefix fragment plus a
        word), and a half must be no word of its own: a lone prefix (ber, penge), a
        fragment (an, nyuluhan), or an unattested derivation (cegahan) beside an
        attested joined word. Prepositions, particles and capitalised second halves are
        left to their own rules.
        """
        la, lb = a.text.lower(), b.text.lower()
        lex, sp = self.lex, self.sp
        if la == "ketidak" and b.text.islower() and sp.is_valid(la + lb):
            # ketidak tegasan: ke-tidak-...-an is one word (ketidak is none alone)
            fix = transfer_case(a.text, la + lb)
            return self._finding(Token("word", a.start, b.end, f"{a.text} {b.text}"), "split-word",
                                 f"word broken apart: {fix}", (fix,), fix, "morphology", "error")
        if la == "ke" and lb.endswith("an") and not b.text[0].isupper():
            joined = la + lb  # ke selamatan: a ke-...-an noun broken after its prefix
            zj, zb = lex.zipf(joined), lex.zipf(lb)
            # attested, and much commoner than the second half; or that half is unattested
            # (ke rentanan: rentanan nobody writes)
            if ((zj >= 4.0 and zj >= zb + 1.0) or (zj >= 3.0 and zb == 0)) and any(
                    x.valid and x.prefixes == ("ke",) and x.suffix == "an" for x in sp.analyses(joined)):
                fix = transfer_case(a.text, joined)
                return self._finding(Token("word", a.start, b.end, f"{a.text} {b.text}"), "split-word",
                                     f"word broken apart: {fix}", (fix,), None, "morphology", "warning")
        if la in ("per", "ke") and a.text[1:].islower() and b.text.islower() and len(lb) >= 4 and lex.zipf(lb) == 0:
            # per mukiman, ke luarga: per (each) and ke (to) are words, but before a word
            # nobody writes they are the prefix of a common word broken off
            joined = la + lb
            if lex.zipf(joined) >= 3.0 and sp.verdict(joined).ok and any(
                    x.valid and x.prefixes[:1] == (la,) for x in sp.analyses(joined)) or (
                    la == "ke" and joined in lex.roots and lex.zipf(joined) >= 4.0):
                fix = transfer_case(a.text, joined)
                return self._finding(Token("word", a.start, b.end, f"{a.text} {b.text}"), "split-word",
                                     f"word broken apart: {fix}", (fix,), fix, "morphology", "error")
        if la in ("di", "ke", "se") or lb in SPLIT_SUFFIXES or lb == "pun" or b.text[0].isupper() \
                or a.text.isupper() or la in lex.function_words or lb in lex.function_words \
                or la in lex.bound_forms or len(la) + len(lb) < 6:
            return None
        joined = la + lb
        zj = lex.zipf(joined)
        # a standard derivation, or a common word only attested (keseimbangan: ke-se-imbang-an
        # is beyond the prefixes morphology peels)
        if not ((sp.is_valid(joined) or (zj >= 3.0 and not self._english_dominant(la)
                                           and not self._english_dominant(lb))) and sp.verdict(joined).ok):
            return None  # (base camp: English words, written apart as in English)
        if joined[:2] in ("di", "ke") and lex.zipf(joined[2:]) >= 4.0:
            return None  # dis emua: "di semua" as likely as a passive
        bad_a, bad_b = not sp.is_valid(la), not sp.is_valid(lb)
        za, zb = lex.zipf(la), lex.zipf(lb)
        fragment = la in _PREFIX_FRAGMENTS
        # neither half is written online (perke cambahan: junk of the root list), and the
        # whole is a regular derivation of a common root
        unwritten = za == 0 and zb == 0 and sp._confixed(joined)
        # a listed word whose second half is no word nor written (eri trosit)
        # ... or whose first half is (eritro sit)
        listed = ((bad_b and zb == 0 and len(lb) >= 4) or (bad_a and za == 0 and len(la) >= 4)) and (
            joined in lex.words or joined in lex.roots)
        if not (bad_a or bad_b or fragment or unwritten or (zj >= 3.0 and (za == 0 or zb == 0))):
            return None
        if zj < 3.0 and not fragment and not unwritten and not listed \
                and not (bad_a and bad_b and sp._confixed(joined)):
            # (penga lamatan: neither half is a word, and pengalamatan is a regular
            # derivation of a common root even though nobody writes it online)
            return None
        fix = transfer_case(a.text, joined)
        span = Token("word", a.start, b.end, f"{a.text} {b.text}")
        safe = fix if (bad_a or bad_b or fragment or unwritten) else None
        return self._finding(span, "split-word", f"word broken apart: {fix}", (fix,), safe,
                             "morphology", "error" if safe else "warning")

    # ------------------------------------------------------------ context helpers
    def _sentence_start(self, toks: list[Token], i: int, paragraph_start: bool) -> bool:
        j = i - 1
        while j >= 0 and (toks[j].kind == "space" or toks[j].text in _OPEN or toks[j].text in "\"'*-•–—"):
            j -= 1
        if j < 0:
            return True  # start of a line: a heading, a list item or a wrapped line
        t = toks[j]
        if t.text in _SENT_END or t.text in ":;" or t.kind == "num":
            return True
        return False

    def _clear_sentence_start(self, toks: list[Token], i: int) -> bool:
        """After '. ' that ends a real sentence (not an abbreviation or a list marker)."""
        j = i - 1
        while j >= 0 and toks[j].kind == "space":
            j -= 1
        if j < 1 or toks[j].text not in _SENT_END or j == i - 1:
            return False
        k = j - 1
        prev = toks[k]
        if prev.kind != "word" or len(prev.text) <= 2 or prev.text.lower() in ABBREVIATIONS:
            return False
        if prev.text[0].isupper() and len(prev.text) <= 4:
            return False  # Ltd. Inc. Tbk. Pte. Corp.: abbreviations of names
        return not prev.text.isupper()

    @staticmethod
    def _after_comma(toks: list[Token], i: int) -> bool:
        """Is the token before word ``i`` (across spaces) a comma (km/jam, Tetapi ...)?"""
        j = i - 1
        while j >= 0 and toks[j].kind == "space":
            j -= 1
        return j > 0 and toks[j].text == ","

    def _times_written(self, low: str) -> int:
        """How often the document writes ``low``, in lowercase or capitalised."""
        names = self._names
        return getattr(names, "lower", {}).get(low, 0) + getattr(names, "cap", {}).get(low, 0)

    def _after_name(self, toks: list[Token], i: int) -> bool:
        """Right after a capitalised word that is not a sentence start (Gorys keraf)."""
        j = i - 1
        while j >= 0 and toks[j].kind == "space":
            j -= 1
        if j <= 0 or toks[j].kind != "word" or not toks[j].text[:1].isupper():
            return False
        k = j - 1
        while k >= 0 and toks[k].kind == "space":
            k -= 1
        return k >= 0 and toks[k].kind == "word"

    def _name_elsewhere(self, low: str) -> bool:
        """Is ``low`` (not a standard word, not English) written capitalised elsewhere in the
        document and nowhere else in lowercase?"""
        names = self._names
        cap, lower = getattr(names, "cap", None), getattr(names, "lower", None)
        return bool(cap) and cap.get(low, 0) >= 1 and lower is not None and lower.get(low, 0) == 1 \
            and not self.sp.is_valid(low) and self.lex.english_words.get(low, 0.0) < ENGLISH_ZIPF

    def _in_title(self, toks: list[Token], i: int) -> bool:
        """A heading in title case (Kelainan dan Penyakit pada Sistem Peredaran Darah), or
        a title inside the sentence: a capital (not a sentence start) or a number among
        the three words before (Undang-Undang Nomor 1 Tahun 1974 tentang Perkawinan)."""
        words = _FAST_WORD.findall(self._whole)
        if all(w[:1].isupper() or w in self.lex.function_words for w in words):
            return True
        j, seen = i - 1, 0
        while j >= 0 and seen < 3:
            t = toks[j]
            if t.kind == "num":
                return True
            if t.kind == "word":
                seen += 1
                if t.text[:1].isupper() and not self._after_sentence_end(toks, j) and j > 0:
                    return True
            elif t.kind == "punct" and t.text in _SENT_END:
                break
            j -= 1
        return False

    @staticmethod
    def _adjacent_words(toks: list[Token], i: int) -> bool:
        """Words right before and after token ``i``, with only spaces between."""
        def word_at(j: int, step: int) -> bool:
            while 0 <= j < len(toks) and toks[j].kind == "space":
                j += step
            return 0 <= j < len(toks) and toks[j].kind == "word"
        return word_at(i - 1, -1) and word_at(i + 1, 1)

    @staticmethod
    def _lower_neighbours(toks: list[Token], i: int) -> bool:
        """Lowercase words on both sides, no sentence punctuation between."""
        return all(_neighbour_word(toks, i, step)[:1].islower() for step in (-1, 1))

    def _english_mask(self, toks: list[Token], words: list[int], quiet: list | None = None) -> set[int]:
        """Word tokens inside an English phrase (two or more English words in a row).

        A quiet lowercase or capitalised word is standard Indonesian and not English, so
        it is neither; only the others are classified (``quiet`` as ``_quiet_of`` gives)."""
        lex = self.lex

        cache = self._english_cache

        def classify(w: str) -> tuple[bool, bool]:
            got = cache.get(w)
            if got is None:
                low = w.lower()
                if w.isupper() and len(w) <= 5:
                    got = cache[w] = (False, False)  # an acronym (WHO, IT), not the English word
                    return got
                strong = self._english_dominant(low)
                # unknown to Indonesian: next to an English word it is English too (problem
                # solver); a listed error (difinisi) is known to be Indonesian
                # (an unknown word's verdict is one of those: no need for its costly search)
                weak = strong or (low.isascii() and lex.zipf(low) == 0 and (
                    (kv := self.sp.known_verdict(low)) is None or kv.rule in ("typo", "unknown-word", "foreign-term")))
                got = cache[w] = (strong, weak)
            return got

        if quiet is None:
            pairs = [classify(toks[i].text) for i in words]
        else:
            plain = (False, False)
            pairs = [plain if q is True and (w := toks[i].text)[1:].islower() and w.isalpha()
                     else classify(toks[i].text) for i, q in zip(words, quiet)]
        if not any(p[0] for p in pairs):
            return set()
        # a currency or unit written against its number (Rp50.000) is no English word
        pairs = [(False, False) if i + 1 < len(toks) and toks[i + 1].kind == "num" else p
                 for i, p in zip(words, pairs)]
        flags = [p[0] for p in pairs]
        weak = [p[1] for p in pairs]

        def joined(n: int, m: int) -> bool:  # only spaces between the two words
            return all(t.kind == "space" for t in toks[words[n] + 1: words[m]])

        # a capitalised English word (Galileo, a name) makes no lowercase neighbour English
        # (Galileo menunjukkkan): only lowercase ones and other capitalised ones
        caps = [toks[i].text[:1].isupper() for i in words]

        def pulls(m: int, n: int) -> bool:
            return flags[m] and (caps[n] or not caps[m])

        mask: set[int] = set()
        for n, i in enumerate(words):
            if not weak[n]:
                continue
            left = n > 0 and joined(n - 1, n) and (pulls(n - 1, n) or (flags[n] and weak[n - 1]))
            right = n + 1 < len(words) and joined(n, n + 1) and (pulls(n + 1, n) or (flags[n] and weak[n + 1]))
            if left or right:
                mask.add(i)
        if sum(flags) >= 3:
            mask |= self._english_list(toks, words, flags, weak)
        return mask

    def _in_english_list(self, tok: Token) -> bool:
        """Is ``tok`` an item of an enumeration of English terms in the whole line? (A
        window of the fast path sees two words either side only; asked only before an
        English word is reported for adaptation.)"""
        whole = self._whole
        if whole.count(",") < 2:
            return False
        key = (whole, self._whole_offset)
        if self._listed_english[0] != key:  # once per line, however many words ask
            toks = tokenize(whole, self._whole_offset)
            words = [i for i, t in enumerate(toks) if t.kind == "word"]
            self._listed_english = (key, frozenset(toks[i].start for i in self._english_mask(toks, words)))
        return tok.start in self._listed_english[1]

    @staticmethod
    def _english_list(toks: list[Token], words: list[int], flags: list[bool], weak: list[bool]) -> set[int]:
        """The words of an enumeration of English terms (physical, data link, network,
        session, presentation, dan application): items between commas, the last one
        after dan/atau, of one to three words. When three items or more, and half of
        them or more, are English (every word English or unknown, one clearly English),
        their words are cited English terms, not English words to adapt one by one."""
        items: list[list[int]] = [[]]  # positions in ``words``
        for n, i in enumerate(words):
            if n and any(t.kind == "punct" for t in toks[words[n - 1] + 1:i]):
                gap = "".join(t.text for t in toks[words[n - 1] + 1:i]).strip()
                items.append([]) if gap == "," else items.extend(([], []))  # another mark ends the list
            if toks[i].text.lower() in ("dan", "atau") and items[-1] == [] and len(items) > 1:
                continue
            items[-1].append(n)
        found: set[int] = set()
        run: list[list[int]] = []

        def close() -> None:
            english = [it for it in run if all(weak[n] for n in it) and any(flags[n] for n in it)]
            if len(english) >= 3 and 2 * len(english) >= len(run):
                found.update(words[n] for it in english for n in it)

        for it in items:
            if 1 <= len(it) <= 3:
                run.append(it)
                continue
            close()
            # a longer clause may end with the next list's first item (lapisan physical, ...)
            run = [it[-1:]] if it else []
        close()
        return found

    # ------------------------------------------------------------ punctuation
    def _punctuation(self, line: str, offset: int, toks: list[Token]) -> list[Finding]:
        out: list[Finding] = []
        n = len(toks)
        for i, t in enumerate(toks):
            if t.kind != "punct":
                continue
            prev = toks[i - 1] if i else None
            nxt = toks[i + 1] if i + 1 < n else None
            prev2 = toks[i - 2] if i > 1 else None
            # doubled marks: ",," ",." ".," ",)"
            if t.text == "." and nxt is not None and nxt.text == "," and prev is not None \
                    and prev.kind == "word" and (len(prev.text) == 1 or prev.text.lower() in ABBREVIATIONS):
                continue  # "Trilling, B., & Fadel", "dkk.,": the full stop ends an initial
            if t.text == "." and nxt is not None and nxt.text == "," and prev is not None and prev.text == ".":
                continue  # "x1, x2, ..., xn": an ellipsis before a comma
            if nxt is not None and nxt.kind == "punct" and (t.text + nxt.text) in (",,", ",.", ".,", ",)") \
                    and not (prev is not None and prev.text in _OPEN):
                keep = nxt.text if t.text == "," or nxt.text == ")" else t.text
                if t.text == "." and nxt.text == ",":
                    keep = ","
                span = Token("punct", t.start, nxt.end, t.text + nxt.text)
                if not (i + 2 < n and toks[i + 2].text == "."):
                    out.append(self._finding(span, "punct-double", f"doubled punctuation: use {keep!r}",
                                             (keep,), keep, "punctuation", "warning"))
                continue
            # space before , . ; : ? !
            if t.text in ",.;:?!" and prev is not None and prev.kind == "space" and prev2 is not None \
                    and prev2.kind == "word" and prev.start > offset and "\t" not in prev.text:
                if not (nxt is not None and nxt.text == t.text):  # not an ellipsis
                    span = Token("space", prev.start, t.end, prev.text + t.text)
                    # "meliputi :pendampingan" -> "meliputi: pendampingan" in one fix
                    glued = t.text in ",;:" and nxt is not None and nxt.kind == "word"
                    fix = t.text + " " if glued else t.text
                    out.append(self._finding(span, "punct-space-before",
                                             f"no space before {t.text!r}", (fix,), fix, "punctuation",
                                             "warning"))
                    continue
            # missing space after , ; : before a letter (not in an HTML entity: &amp;nbsp;)
            if t.text in ",;:" and prev is not None and prev.kind == "word" and nxt is not None \
                    and nxt.kind == "word" and nxt.text[:1].isalpha() \
                    and not (t.text == ";" and prev2 is not None and prev2.text == "&"):
                span = Token("punct", t.start, t.end, t.text)
                out.append(self._finding(span, "punct-space-after", f"a space goes after {t.text!r}",
                                         (t.text + " ",), t.text + " ", "punctuation", "warning"))
                continue
            # a sentence ended without a space before the next (ada.Hal): two words, not an
            # abbreviation, a domain (detik.com) or initials (S.Pd., Ir.Sukarno)
            if t.text in ".?!" and prev is not None and prev.kind == "word" and nxt is not None \
                    and nxt.kind == "word" and self._glued_sentences(prev.text, nxt.text):
                span = Token("punct", t.start, t.end, t.text)
                out.append(self._finding(span, "punct-space-after", f"a space goes after {t.text!r}",
                                         (t.text + " ",), t.text + " ", "punctuation", "warning"))
                continue
            if t.text in ":" and prev is not None and prev.kind == "space" and nxt is not None \
                    and nxt.kind == "word" and prev2 is not None and prev2.kind == "word":
                continue
            # space inside brackets and curly quotes
            if t.text in _OPEN and nxt is not None and nxt.kind == "space" and i + 2 < n \
                    and toks[i + 2].kind == "word" and toks[i + 2].text.isascii():
                span = Token("punct", t.start, nxt.end, t.text + nxt.text)
                out.append(self._finding(span, "punct-bracket-space", f"no space after {t.text!r}",
                                         (t.text,), t.text, "punctuation", "warning"))
            elif t.text in _CLOSE and prev is not None and prev.kind == "space" and prev2 is not None \
                    and prev2.kind == "word" and prev2.text.isascii():
                span = Token("punct", prev.start, t.end, prev.text + t.text)
                out.append(self._finding(span, "punct-bracket-space", f"no space before {t.text!r}",
                                         (t.text,), t.text, "punctuation", "warning"))
        return out

    def _glued_sentences(self, left: str, right: str) -> bool:
        """``left.Right``: a standard lowercase word ending one sentence, a capitalised
        standard word starting the next."""
        if len(left) < 3 or len(right) < 3 or not left.isalpha() or not right.isalpha():
            return False
        if not left.islower() or not (right[0].isupper() and right[1:].islower()):
            return False
        low = right.lower()
        if low in ("com", "net", "org", "info", "html", "php", "pdf", "doc", "docx"):
            return False  # kompas.Com, modul.Pdf
        return left not in ABBREVIATIONS and self.lex.zipf(left) > 0 and self.sp.verdict(left).ok \
            and self.lex.zipf(low) >= 3.0 and self.sp.verdict(low).ok

    # ------------------------------------------------------------ findings
    def _from_verdict(self, tok: Token, v: Verdict) -> Finding:
        sugg = tuple(transfer_case(tok.text, s) for s in v.suggestions)
        fix = transfer_case(tok.text, v.fix) if v.fix else None
        # in capitals (only an all-caps heading's words get here) a name is rarer
        least = HEADING_FIX_ZIPF if tok.text.isupper() and len(tok.text) > 1 else CAPITAL_FIX_ZIPF
        if fix and v.rule in ("typo", "typo-likely") and tok.text[:1].isupper() and (
                self.lex.zipf(v.fix.lower()) < least
                or not (is_slip(v.word, v.fix.lower()) or len(v.word) >= 10)):
            # a capitalised word may be a name: suggest unless it is a slip (Sauatu) of a
            # very common word, or a long one (Penegertian); not Kebiasain: a village?
            # (BAB II PEMBAHSAN: a heading's slip of a common word is fixed)
            fix = None
        sev = v.status if v.status in ("error", "warning", "info") else "error"
        return self._finding(tok, v.rule, v.message, sugg, fix, v.source, sev)

    @staticmethod
    def _finding(tok: Token, rule: str, message: str, suggestions: tuple[str, ...], fix: str | None,
                 source: str, severity: str, italic: bool = False) -> Finding:
        return Finding(rule=rule, start=tok.start, end=tok.end, text=tok.text, message=message,
                       severity=severity, suggestions=suggestions, fix=fix, source=source, italic=italic)
