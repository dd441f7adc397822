"""Word verdicts: is one word standard, non-standard, a typo, a name, a foreign term?

Start reading from :meth:`Speller.verdict`. The order of questions is the order of
confidence: explicit data first (non-standard pairs, compounds, di-/ke- places), then the
lexicon and morphology, then attestation (wordfreq: names, loans), then English, and
only then "unknown, probably a typo" with suggestions. Every verdict says *how* it was
reached (``how``) so that ``modulfix trace`` can explain it.
"""

from __future__ import annotations

import re

from collections.abc import Callable
from dataclasses import dataclass, field

from modulfix.spelling.lexicon import ENGLISH_BAND, Lexicon
from modulfix.spelling.morphology import Analysis, analyze, generate
from modulfix.spelling.suggest import (Candidate, Suggester, damerau, has_slip_of_two, is_double_slip, is_slip,
                                      is_stutter, slip_sources, within)

# A rare derived form this close to a much more frequent standard word is a likely
# typo (melakkan vs melakukan, pengutan vs penguatan).
# The neighbour must be attested and more frequent than the rare word's own root
# (membedayakan: root bedaya unattested, memberdayakan 3.4) -- a derivation of a common
# root is a real word more often than a slip (perkuatan from kuat, not perbuatan).
ROOT_GAP = 0.5
VERY_FREQUENT_ZIPF = 4.5
# An unknown word is reported as a typo (error) only when a correction is plausible:
# one edit to an attested word, or two edits to a common one in a long word.
# Otherwise it is 'unknown-word' (info): rare valid words and names are not errors.
TYPO_D1_ZIPF = 3.0
# Loanwords come in families (informasi, informatif, informatika; aktif, inaktif):
# an unknown word built like a listed, attested member is more likely a rare loanword
# than a typo (see Speller.loan_family).
LOAN_SUFFIXES = ("isasi", "ivitas", "asi", "itas", "isme", "if", "is", "ik", "ika", "ial", "ator", "or",
                 "ensi", "ansi")
# endings only loanwords have, and so many of them that the lexicon cannot list them all
LOAN_ENDINGS = ("isasi", "ivitas", "asi", "itas", "isme", "sional")
# endings of loanwords (-logi, -grafi, -asi, -itas ...): an attested word so shaped is a
# suggestion target even when the root list lacks it
LOAN_SHAPES = ("logi", "grafi", "metri", "asi", "itas", "isme", "isasi", "tika")
# loan adaptation (adapted_loan): English endings, then letters
_LOAN_ENDS = (("graphy", ("grafi",)), ("logy", ("logi",)), ("tion", ("si",)), ("sion", ("si",)),
              ("ical", ("ikal", "is")), ("ism", ("isme",)), ("ity", ("itas",)), ("ive", ("if",)),
              ("ic", ("ik",)), ("ment", ("men",)), ("ance", ("ansi",)), ("ence", ("ensi",)), ("ure", ("ur",)))
_LOAN_LETTERS = (("th", "t"), ("ph", "f"), ("ch", "k"), ("ck", "k"), ("qu", "kw"), ("q", "k"),
                 ("x", "ks"), ("oo", "u"), ("ee", "i"), ("ae", "e"), ("ou", "u"))
# the second half of learned compounds (tensimeter, mikroskop), words of their own too
COMBINING_FORMS = frozenset(("meter", "skop", "graf", "grafi", "logi", "fon", "foto", "kultur", "sentris"))
LOAN_PREFIXES = ("in", "im", "il", "ir", "de", "dis", "re", "hiper", "hipo", "inter", "intra", "trans")
TYPO_D2_ZIPF = 4.0
# A prefix without sound change on a word written online that is no root (ber-wewenang) is
# a derivation the lexicon cannot build, not two slips, when that word is this common.
PREFIXED_ATTESTED_ZIPF = 3.5
# A one-letter difference that is not a typical slip (see suggest.is_slip) is fixed only
# towards a very frequent word (dengat -> dengan); otherwise it is a suggestion.
NON_SLIP_FIX_ZIPF = 5.0
# A run-together word is split automatically only into common words (about five per
# million words or more: sarung tangan, kode etik) or around a function word; the split
# must be the only one into two such words, and the joined form no word anyone writes.
SPLIT_FIX_ZIPF = 3.7
# An attested but non-standard-looking string is a likely typo when a standard word one
# edit away is this much more frequent (zipf difference; 2.0 = 100 times).
ATTESTED_TYPO_GAP = 2.3
# ... or this much, when the difference is a typical slip (a letter left out or doubled,
# a neighbouring key): perusahan vs perusahaan.
ATTESTED_SLIP_GAP = 1.8
# A correct and attested derivation is a slip only when its neighbour is this much more
# frequent and one typical slip away (sebagi/sebagai 2.8; mencair/mencari 2.2 is a word).
ATTESTED_DERIVED_GAP = 2.6
# -kan/-an (Speller._kan_an_by_frequency): how much commoner the other reading must be
KAN_AN_GAP = 0.7
# ber-/be- (Speller._be_by_frequency): the be- form must be written online at least this
# often, this much more often than the ber- form (and this much for a fix, not a suggestion)
BE_MIN_ZIPF = 3.0
BE_GAP = 0.8
BE_FIX_GAP = 1.5
# A listed root this rare (not written online) does not make a reading of a word in -kan
# that a common root in k with -kkan explains (memasukan: meN- + pasu + -kan)
UNWRITTEN_ROOT_ZIPF = 1.5
# a word written online at most this often may be in the spelling before EYD (jang: 4.34)
OLD_SPELLING_MAX_ZIPF = 4.5
# a seven-letter unknown word is split only into two words at least this common (airlaut)
SPLIT_SHORT_ZIPF = 5.0
# ... or when a commoner word keeps the root's final vowel before -an (perusahan, perusahaan)
ROOT_VOWEL_GAP = 1.5
# A 3-4 letter string at most this frequent, one letter short of a function word at least
# this frequent, is a slip (yng: yang).
SHORT_SLIP_MAX_ZIPF = 3.6
SHORT_SLIP_TARGET_ZIPF = 6.0
# Speller.neighbours generates every edit of its first words and looks them up; after this
# many it builds an index for the rest (a run that judges more words pays for it at once)
NEIGHBOURS_BEFORE_INDEX = 400
# English words (wordfreq en) at least this frequent are treated as foreign terms.
ENGLISH_ZIPF = 3.0


def _vowel_for_vowel(a: str, b: str) -> bool:
    """Do ``a`` and ``b`` differ by one vowel written for another (setalah/setelah)?"""
    if len(a) != len(b):
        return False
    d = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    return len(d) == 1 and a[d[0]] in "aeiou" and b[d[0]] in "aeiou"


class Memo(dict):
    """The results of a pure one-argument function, computed on first use.

    A lookup that hits costs one dict lookup (``memo[w]``); a miss calls the function. At
    ``limit`` entries the memo starts again, so that a stream of new words keeps memory
    flat.
    """

    __slots__ = ("fn", "limit")

    def __init__(self, fn: Callable, limit: int):
        super().__init__()
        self.fn = fn
        self.limit = limit

    def __missing__(self, key):
        if len(self) >= self.limit:
            self.clear()
        value = self[key] = self.fn(key)
        return value


def swapped(a: str, b: str) -> bool:
    """Do ``a`` and ``b`` differ by two neighbouring letters swapped?"""
    if len(a) != len(b):
        return False
    d = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    return len(d) == 2 and d[1] == d[0] + 1 and a[d[0]] == b[d[1]] and a[d[1]] == b[d[0]]


@dataclass
class Verdict:
    word: str
    status: str  # "ok" | "error" | "warning" | "info"
    rule: str = ""
    message: str = ""
    suggestions: tuple[str, ...] = ()
    fix: str | None = None
    source: str = ""
    how: str = ""
    analyses: list[Analysis] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.status == "ok"


def _ok(word: str, how: str, source: str = "") -> Verdict:
    return Verdict(word, "ok", how=how, source=source)


class Speller:
    def __init__(self, lex: Lexicon):
        self.lex = lex
        self._standard: dict[str, float] | None = None
        self._suggester: Suggester | None = None
        self._variants: dict[str, str] | None = None
        self._max_zipf: float | None = None
        self._two_edit: tuple | None = None
        self._one_edit: dict | None = None
        self._neighbour_lookups = 0
        self._stems: dict = {}  # prefix analyses of stems, shared by the words of a root
        # verdicts, analyses and candidates are pure functions of the word: memoised
        self.verdict: Callable[[str], Verdict] = Memo(self._verdict, 200_000).__getitem__  # type: ignore
        # also asked alone (a document's capitalised words, acronyms): memoised too
        self.known_verdict: Callable[[str], Verdict | None] = Memo(self._known_verdict, 200_000).__getitem__  # type: ignore
        self.analyses: Callable[[str], tuple[Analysis, ...]] = Memo(self._analyses, 200_000).__getitem__  # type: ignore
        self.candidates: Callable[[str], list[Candidate]] = Memo(self._candidates, 20_000).__getitem__  # type: ignore
        self.neighbours: Callable[[str], list[Candidate]] = Memo(self._neighbours, 50_000).__getitem__  # type: ignore
        self.name_like: Callable[[str], bool] = Memo(self._name_like, 50_000).__getitem__  # type: ignore

    # ------------------------------------------------------------ lexicon
    def is_root(self, w: str) -> bool:
        lex = self.lex
        return w in lex.roots or w in lex.words or w in lex.joined_compounds

    def _analyses(self, w: str) -> tuple[Analysis, ...]:
        found = tuple(analyze(w, self.is_root, self.lex.melting_exceptions, self._stems))
        if w.startswith("se") and w.endswith("an") and len(w) > 6 and not any(a.valid for a in found):
            # se- before a lexicalised -an noun (sebagian: se- + bagian, sekalian): only
            # when that noun is itself a common standard word
            noun = w[2:]
            if self.lex.zipf(noun) >= 3.0:
                inner = [a for a in self.analyses(noun) if a.valid and a.prefixes == () and a.suffix == "an"]
                if inner:
                    found += (Analysis(inner[0].root, ("se",), "an"),)
        if w.startswith("ketidak") and w.endswith("an") and len(w) >= 12 and not any(a.valid for a in found):
            # ke-...-an around tidak + a word, written as one (ketidakadilan, ketidaktegasan,
            # ketidakberdayaan): the word inside must be a standard word people write
            inner = w[7:-2]
            if self.is_valid(inner) and self.lex.zipf(inner) >= 3.0:
                found += (Analysis(inner, ("ke", "tidak"), "an"),)
        return found

    def is_valid(self, w: str) -> bool:
        """Standard as written: a listed form or a correct derivation of one."""
        if self.is_root(w):
            return True
        if w in self.lex.nonstandard or w in self.lex.compounds:
            return False
        return any(a.valid for a in self.analyses(w)) or bool(self.bound_split(w))

    def bound_split(self, w: str) -> str:
        """A bound form joined to a standard word (antarsesama, nonmigas): the bound form."""
        for n in (2, 3, 4, 5, 6):
            head, rest = w[:n], w[n:]
            if head in self.lex.bound_forms and len(rest) >= 3 and rest not in self.lex.nonstandard \
                    and (self.is_root(rest) or any(a.valid for a in self.analyses(rest))):
                return head
        return ""

    def is_valid_hyphenated(self, w: str) -> bool:
        parts = w.split("-")
        return all(p and self.is_valid(p) for p in parts)

    # ------------------------------------------------------------ verdicts
    def _verdict(self, w: str) -> Verdict:
        """Verdict for a lowercase word (no hyphen, letters only)."""
        return self.known_verdict(w) or self._unknown(w)

    def _known_verdict(self, w: str) -> Verdict | None:
        """The verdict of :meth:`verdict` when ``w`` is listed, derived, attested or
        foreign; None for an unknown word (whose verdict needs the costly search for
        corrections: ``typo`` or ``unknown-word``)."""
        lex = self.lex
        if w in lex.nonstandard:
            right, safe = lex.nonstandard[w]
            return Verdict(w, "error", "nonstandard", f"non-standard spelling; PUEBI/KBBI: {right}",
                           (right,), right if safe else None, lex.sources["nonstandard"],
                           how="listed non-standard form")
        if w in lex.compounds:
            right = lex.compounds[w]
            return Verdict(w, "error", "compound-joined",
                           f"compound written joined; write it apart: {right}", (right,), right,
                           lex.sources["compounds"], how="listed compound")
        place = self._preposition_split(w)
        if place:
            return Verdict(w, "error", "preposition-joined",
                           f"preposition written as a prefix; write it apart: {place}", (place,),
                           place, lex.sources["per_units" if w.startswith("per") else "di_places"],
                           how="per + unit of time or measure" if w.startswith("per") else
                           "di-/ke- + place, direction or time word")
        if self.is_root(w):
            return _ok(w, "listed standard form", self._list_of(w))
        analyses = self.analyses(w)
        valid = [a for a in analyses if a.valid]
        if valid and all("pun" in a.clitics for a in valid) and w not in lex.pun_joined:
            stem = w[:-3]
            base = self.verdict(stem)
            if base.fix and base.rule in ("preposition-joined", "nonstandard", "compound-joined"):
                stem = base.fix  # dimanapun -> di mana pun, not dimana pun
            return Verdict(w, "error", "pun-apart", f"pun is written apart here: {stem} pun",
                           (f"{stem} pun",), f"{stem} pun", lex.sources["pun_joined"],
                           how="only analysis: " + valid[0].describe())
        if valid:
            best = min(valid, key=lambda a: (len(a.prefixes) + bool(a.suffix) + len(a.clitics), -len(a.root)))
            v = _ok(w, "derived: " + best.describe(), self._list_of(best.root))
            v.analyses = list(analyses)
            near = self._unwritten_reading(w, valid, analyses) or self._near_frequent(w, best) \
                or self._kan_an_by_frequency(w, valid) or self._be_by_frequency(w, valid)
            return near or v
        head = self.bound_split(w)
        if head and not (lex.zipf(w[len(head):]) == 0 and any(
                c.zipf >= 3.0 and is_slip(w, c.text, strict=True) for c in self.neighbours(w)[:3])) and not (
                lex.zipf(w) == 0 and any(c.zipf >= 4.0 and swapped(w, c.text) for c in self.neighbours(w)[:3])):
            # not pra- + sati (a listed root nobody writes) when a slip of prasasti explains
            # it, nor inter- + kasi, which nobody writes, two letters swapped from interaksi
            return _ok(w, f"bound form {head}- + {w[len(head):]}", lex.sources["bound_forms"])
        issue = self._affix_issue(w, analyses) or self._kan_an(w)
        if issue:
            return issue
        variant = self._nonstandard_root(w) or self._nonstandard_head(w) or self._dutch_sis(w)
        if variant:
            return variant
        compound = self._affixed_compound(w)
        if compound:
            return compound
        if w in lex.english:
            right = lex.english[w][0]
            return Verdict(w, "info", "foreign-term", f"English word; Indonesian: {right}", (right,),
                           how="listed English word", source=lex.sources["english"])
        z = lex.zipf(w)
        if z < OLD_SPELLING_MAX_ZIPF:
            modern = self.old_spelling(w)
            if modern:  # djakarta, jang: written online, but in the spelling before EYD
                return Verdict(w, "warning", "old-spelling", f"spelling from before EYD (1972): {modern}",
                               (modern,), None, "EYD spelling reform",
                               how=f"attested (zipf {z:.2f}); old spelling (tj dj nj sj ch oe j) of {modern}")
        if z > 0:
            typo = self._attested_typo(w, z) or self._short_slip(w, z)
            return typo or _ok(w, f"attested (wordfreq id zipf {z:.2f})", "wordfreq id")
        ez = lex.english_words.get(w, 0.0)
        if ez >= ENGLISH_ZIPF:
            return Verdict(w, "info", "foreign-term", "foreign term: italicise it, or use the Indonesian term",
                           how=f"English (wordfreq en zipf {ez:.2f})", source="wordfreq en")
        return None

    def _list_of(self, w: str) -> str:
        lex = self.lex
        if w in lex.words:
            return lex.sources["words"]
        if w in lex.joined_compounds:
            return lex.sources["joined_compounds"]
        return lex.sources["roots"]

    def _preposition_split(self, w: str) -> str:
        # diantaranya -> di antaranya, disinilah -> di sinilah (dimanapun: see pun-apart)
        for clitic in ("nya", "ku", "mu", "lah", "kah"):
            if w.endswith(clitic) and len(w) > len(clitic) + 4:
                place = self._preposition_split_bare(w[:-len(clitic)])
                if place:
                    return place + clitic
        return self._preposition_split_bare(w)

    def _preposition_split_bare(self, w: str) -> str:
        lex = self.lex
        rest = w[2:]
        if w.startswith("di") and len(rest) >= 3 and rest in lex.function_words and lex.zipf(w) > 0 \
                and w not in lex.words and w not in lex.roots and not self._has_verb_forms(rest):
            # disetiap, diberbagai, dikemudian (hari): di- makes verbs, and these function words
            # have none, so the preposition is written joined (people do: the form is attested)
            return f"di {rest}"
        for prep in ("di", "ke"):
            if w.startswith(prep) and len(w) > len(prep) + 2:
                rest = w[len(prep):]
                cls = lex.di_places.get(rest)
                if cls is None or (prep == "ke" and cls.endswith("di-only")):
                    continue
                if w in lex.joined_compounds or w in lex.words:
                    continue
                return f"{prep} {rest}"
        rest = w[3:]
        if w.startswith("per") and rest in lex.per_units and w not in lex.words and not self.is_root(w):
            return f"per {rest}"  # perhari, perorang: per (each) is written apart
        return ""

    def _has_verb_forms(self, root: str) -> bool:
        """Is any verb made of ``root`` written online (membagi, mendapatkan, dibagikan)?"""
        z = self.lex.zipf
        me = generate(root, ("meN",))
        return any(z(f) > 0 for f in (me, me + "kan", me + "i", "di" + root + "kan", "di" + root + "i"))

    def passive_by_frequency(self, rest: str) -> bool:
        """"di bimbing": the joined passive is about as frequent as the root."""
        lex = self.lex
        if rest in lex.di_places or len(rest) < 3 or not self.is_root(rest) or rest in lex.function_words:
            return False
        zj = lex.zipf("di" + rest)
        return zj >= 3.0 and zj - lex.zipf(rest) >= -0.8

    def _affix_issue(self, w: str, analyses: tuple[Analysis, ...]) -> Verdict | None:
        """meN-/peN- allomorphy errors (mengkoordinasi) with the corrected form.

        k/p/t + vowel kept intact is a sure error. For s + vowel (mostly loanwords:
        mensukseskan) and for a wrong nasal we require the corrected form to be attested,
        and otherwise only suggest it.
        """
        sure, likely, unsure = set(), set(), set()
        for a in analyses:
            if not a.issue or not a.correct or not self.is_valid(a.correct):
                continue
            attested = self.lex.zipf(a.correct) > 0
            if a.issue == "unmelted" and not attested and (len(w) <= 8 or self.lex.zipf(a.root) < 3.0):
                unsure.add(a.correct)  # mentawai: menawai (men- + tawa + -i) nobody writes: a name?
            elif a.issue == "unmelted" or (a.issue == "unmelted-s" and attested):
                sure.add(a.correct)
            elif a.issue == "wrong-allomorph" and attested:
                likely.add(a.correct)
            elif a.issue == "unmelted-s":
                unsure.add(a.correct)
        how = "; ".join(a.describe() + f" [{a.issue}]" for a in analyses if a.issue)
        for fixes, status in ((sure, "error"), (likely, "error"), (unsure, "warning")):
            if fixes:
                fx = sorted(fixes)
                msg = ("k/p/t/s before a vowel melts after meN-/peN- (PUEBI)" if fixes is not likely
                       else "wrong form of the meN-/peN- prefix")
                fix = fx[0] if len(fx) == 1 and status == "error" else None
                return Verdict(w, status, "affix-melting", f"{msg}: {', '.join(fx)}", tuple(fx), fix,
                               "morphology", how=how)
        return None

    def _kan_an(self, w: str) -> Verdict | None:
        """-kan/-an doubling: dimasukan -> dimasukkan, penunjukkan -> penunjukan."""
        fixed = ""
        if w.endswith("kkan"):
            alt = w[:-4] + "kan"
            if self.is_valid(alt) and any(a.valid and a.suffix == "an" for a in self.analyses(alt)):
                fixed = alt
        elif w.endswith("kan") and len(w) > 5 and w[:-2].endswith("k"):
            alt = w[:-2] + "kan"  # dimasuk+an -> dimasuk+kan
            if any(a.valid and a.suffix == "kan" and a.root.endswith("k") for a in self.analyses(alt)):
                fixed = alt
        if not fixed:
            return None
        return Verdict(w, "error", "kan-an", f"-kan after a root ending in k doubles the k; -an does not: {fixed}",
                       (fixed,), fixed, "morphology", how=f"{w} has no valid analysis; {fixed} has")

    def _kan_an_by_frequency(self, w: str, valid: list[Analysis]) -> Verdict | None:
        """-kan/-an after a root in k where both readings are words, but one is far commoner
        in its place: a per-/peN-/ke- noun in -an written with -kkan (pertunjukkan:
        pertunjukan), and a bare root in k with -an where the imperative in -kkan is meant
        (letakan: letakkan). Suggested only: gerakkan and masukan are words too."""
        if not w.endswith("kan") or len(w) < 7:
            return None
        z = self.lex.zipf
        if not w.endswith("kkan") and all(a.prefixes and a.suffix == "kan" and z(a.root) < UNWRITTEN_ROOT_ZIPF
                                          for a in valid):
            # memasukan (meN- + pasu + -kan), diletakan (di- + leta + -kan): the only readings
            # take a listed root nobody writes, while the -kkan verb of a root in k is common
            alt = w[:-2] + "kan"
            roots = [a.root for a in self.analyses(alt) if a.valid and a.suffix == "kan" and a.root.endswith("k")]
            if roots and z(alt) >= max(3.5, z(w)) and max(z(r) for r in roots) >= 3.0:
                return Verdict(w, "error", "kan-an",
                               f"-kan after a root ending in k doubles the k; -an does not: {alt}", (alt,), alt,
                               "morphology + wordfreq",
                               how=f"{w} reads only as {valid[0].describe()}, a root nobody writes; "
                                   f"{alt} is far commoner (zipf {z(alt):.2f} vs {z(w):.2f})")
        if w.endswith("kkan") and any(a.prefixes[:1] in (("per",), ("peN",), ("ke",)) and a.suffix == "kan"
                                      for a in valid):
            alt = w[:-4] + "kan"
            want = "an"
        elif not w.endswith("kkan") and any(not a.prefixes and a.suffix == "an" and a.root.endswith("k")
                                            for a in valid) and all(z(a.root) < 3.0 for a in valid
                                                                    if a.suffix == "kan"):
            alt = w[:-2] + "kan"
            want = "kan"
        else:
            return None
        if z(alt) < max(3.5, z(w) + KAN_AN_GAP) or self.is_root(w) or not any(
                a.valid and a.suffix == want for a in self.analyses(alt)):
            return None
        return Verdict(w, "warning", "kan-an", f"-kan after a root ending in k doubles the k; -an does not: {alt}?",
                       (alt,), None, "morphology + wordfreq",
                       how=f"both {w} and {alt} are words; {alt} is far commoner (zipf {z(alt):.2f} vs {z(w):.2f})")

    def _unwritten_reading(self, w: str, valid: list[Analysis], analyses: tuple[Analysis, ...]) -> Verdict | None:
        """A word nobody writes whose only valid readings take a listed root nobody writes,
        while a common root explains it with a known error: that error, as if no reading
        were valid. mempelopori (meN- + per- + lopor + -i; meN- + pelopor + -i, unmelted:
        memelopori), kedudukkan (keduduk + -kan; ke- + duduk + -an written with -kkan)."""
        z = self.lex.zipf
        if z(w) >= UNWRITTEN_ROOT_ZIPF or any(z(a.root) >= UNWRITTEN_ROOT_ZIPF for a in valid):
            return None  # (menyusut: written online, though its root susut is not)
        common = tuple(a for a in analyses if a.issue and z(a.root) >= 3.0)
        issue = self._affix_issue(w, common) if common else None
        if issue is None and w.endswith("kkan"):
            kan = self._kan_an(w)
            if kan is not None and z(kan.fix or "") >= 3.5:
                issue = kan
        if issue is not None:
            issue.how = (f"its only valid reading takes a root nobody writes ({valid[0].describe()}); "
                         + issue.how.replace(f"{w} has no valid analysis; ", ""))
        return issue

    def _be_by_frequency(self, w: str, valid: list[Analysis]) -> Verdict | None:
        """ber- before a root whose first syllable ends in -er is be- (PUEBI): bekerja,
        beternak, beserta, bepergian. A few words keep ber- (bercermin, berperkara), so the
        be- form must be one people write, and far more often than the ber- form."""
        if not w.startswith("ber") or len(w) < 7 or not any(
                a.prefixes[:1] == ("ber",) and len(a.root) >= 4 and a.root[0] not in "aeiou"
                and a.root[1:3] == "er" for a in valid):
            return None
        alt = "be" + w[3:]
        z = self.lex.zipf
        if z(alt) < BE_MIN_ZIPF or z(alt) < z(w) + BE_GAP or not self.is_valid(alt):
            return None
        how = f"ber- before a first syllable in -er is be-; {alt} is far commoner (zipf {z(alt):.2f} vs {z(w):.2f})"
        if z(alt) >= z(w) + BE_FIX_GAP:
            return Verdict(w, "error", "prefix-be", f"ber- is written be- before this root: {alt}", (alt,), alt,
                           "morphology + wordfreq", how=how)
        return Verdict(w, "warning", "prefix-be", f"ber- is written be- before this root: {alt}?", (alt,), None,
                       "morphology + wordfreq", how=how)

    def _nonstandard_root(self, w: str) -> Verdict | None:
        """A derivation of a non-standard root: mempraktekkan -> mempraktikkan."""
        lex = self.lex
        found = analyze(w, lambda r: r in lex.nonstandard or r in lex.english)
        for a in found:
            if a.root not in lex.nonstandard and not a.derived:
                continue  # a bare English word is a matter for the english-term rule
            right, safe = lex.nonstandard.get(a.root) or lex.english.get(a.root)
            if " " in right:
                continue
            fixed = generate(right, a.prefixes, a.suffix, a.clitics)
            if self.is_valid(fixed):
                return Verdict(w, "error", "nonstandard", f"non-standard root {a.root!r}; PUEBI/KBBI: {fixed}",
                               (fixed,), fixed if safe else None, lex.sources["nonstandard"],
                               how=f"derived from non-standard root: {a.describe()}")
        return None

    def _nonstandard_head(self, w: str) -> Verdict | None:
        """A listed non-standard form at the start of a loanword no affix explains:
        ekstrimitas -> ekstremitas, praktekum -> praktikum. The result must be a standard
        form, at least as frequent as ``w``."""
        lex = self.lex
        std = self.standard_forms()
        z = lex.zipf(w)
        for i in range(len(w) - 2, 4, -1):
            got = lex.nonstandard.get(w[:i])
            if got is None or " " in got[0]:
                continue
            fixed = got[0] + w[i:]
            if fixed in std and std[fixed] >= z:
                safe = got[1] and std[fixed] >= 3.0
                return Verdict(w, "error", "nonstandard", f"non-standard stem {w[:i]!r}; PUEBI/KBBI: {fixed}",
                               (fixed,), fixed if safe else None, lex.sources["nonstandard"],
                               how=f"{w[:i]} + {w[i:]}: {w[:i]} is written {got[0]}")
        return None

    def _dutch_sis(self, w: str) -> Verdict | None:
        """The Dutch-style ending -sa of a loan whose standard form ends in -sis
        (fotosintesa -> fotosintesis, like analisa -> analisis): the -sis form must be a
        standard, attested word."""
        if not w.endswith("sa") or len(w) < 7:
            return None
        fixed = w[:-1] + "is"
        z = self.lex.zipf(fixed)
        if fixed not in self.standard_forms() or z <= self.lex.zipf(w):
            return None
        return Verdict(w, "error", "nonstandard", f"loanword ending -sa; PUEBI/KBBI: {fixed}", (fixed,),
                       fixed if z >= 3.0 else None, "morphology",
                       how=f"-sa for -sis: {fixed} is the standard form (zipf {z:.2f})")

    def _affixed_compound(self, w: str) -> Verdict | None:
        """bekerjasama -> bekerja sama; dikerjasamakan is right (confix joins it)."""
        lex = self.lex
        for a in analyze(w, lambda r: r in lex.compounds):
            if not a.prefixes and not a.suffix and not a.clitics:
                continue
            if a.prefixes and a.suffix:
                return _ok(w, "compound with a confix, written joined: " + a.describe(), lex.sources["compounds"])
            first, _, rest = lex.compounds[a.root].partition(" ")
            fixed = f"{generate(first, a.prefixes)} {rest}{a.suffix}{''.join(a.clitics)}"
            return Verdict(w, "error", "compound-joined",
                           f"compound with only a prefix or a suffix is written apart: {fixed}", (fixed,),
                           fixed, lex.sources["compounds"], how=a.describe())
        return None

    def _near_frequent(self, w: str, best: Analysis) -> Verdict | None:
        """A rare derivation one edit from a frequent word: melakkan (lak) vs melakukan.

        A neighbour built on the same root is another affix choice, not a typo
        (pemungkinan vs kemungkinan).
        """
        lex = self.lex
        if not best.derived or len(w) < 5:
            return None
        z = lex.zipf(w)
        if z > 0:
            return self._attested_typo(w, z, derived=True)
        if len(w) < 6:
            return None
        # the roots of its valid readings: an invalid one (mengambar: meN- + gambar with the
        # wrong nasal) is the slip itself, not another affix choice on the neighbour's root
        roots = {a.root for a in self.analyses(w) if a.valid}
        # how much the root is used: bare, or as its meN- or di- verb (redam is never written
        # alone, but meredam is common, so teredam is no slip of terendam)
        root_zipf = max(lex.zipf(f) for f in (best.root, generate(best.root, ("meN",)), "di" + best.root)
                        if f != w)
        # two letters swapped towards a common word is a slip even when the rare form's
        # root is common too (terbukit: ter- + bukit, for terbukti)
        cands = [c for c in self.neighbours(w)
                 if " " not in c.text
                 and (c.zipf - root_zipf >= ROOT_GAP or (c.zipf >= VERY_FREQUENT_ZIPF and swapped(w, c.text)))
                 and self._far_more_plausible(w, c, root_zipf)
                 and not roots & {a.root for a in self.analyses(c.text)}]
        if not cands:
            return None
        top = cands[0]
        # nobody writes the form and nobody uses its root (menutut: meN- + tutut, berkimpul):
        # a clear slip of the one frequent word is fixed
        fix = top.text if (len(cands) == 1 and root_zipf < 3.0 and top.zipf >= 4.5 and len(w) >= 7
                           and is_slip(w, top.text, strict=True)) else None
        return Verdict(w, "warning", "typo-likely",
                       f"rare form ({best.describe()}); did you mean {top.text}?",
                       tuple(c.text for c in cands[:3]), fix, "morphology + wordfreq",
                       how=f"derived: {best.describe()}, unattested, one edit from frequent {top.text!r}")

    @staticmethod
    def _far_more_plausible(w: str, c: Candidate, root_zipf: float) -> bool:
        """Is the frequent neighbour a likelier reading than a rare derivation?

        Very frequent neighbours (tesebut/tersebut), a keyboard slip or swap towards a
        frequent word (berkimpul/berkumpul), or a root nobody uses (berkekatan) tip it.
        """
        from modulfix.spelling.suggest import typo_bonus

        if not is_slip(w, c.text, strict=True):
            return False  # tertata/tertawa, bertapa/berapa: both real words
        if c.zipf >= VERY_FREQUENT_ZIPF:
            return True
        bonus = typo_bonus(w, c.text)
        if c.zipf >= 4.0 and bonus >= 1.0:
            return True
        return root_zipf == 0 and (c.zipf >= 3.5 or (c.zipf >= 3.3 and bonus >= 0.8))

    def _short_slip(self, w: str, z: float) -> Verdict | None:
        """A short string one letter short of a very common function word (yng: yang).

        Web text attests such strings (chat shorthand), so wordfreq knows them; in a
        module they are slips. Only a left-out letter counts: a swap may be an acronym
        written in lowercase (dna)."""
        if not 3 <= len(w) <= 4:
            return None
        if len(w) == 3 and z < 5.0:
            # a lowercase acronym (dna, pda) two letters swapped from or one short of a very
            # common function word: a slip, or an acronym that wants its capitals either way
            acro = [c for c in self.neighbours(w) if c.text in self.lex.function_words and c.zipf >= 6.5
                    and (swapped(w, c.text) or (len(c.text) == 4 and is_slip(w, c.text, strict=True)))]
            if len(acro) == 1 and (z > SHORT_SLIP_MAX_ZIPF or w in self.lex.english_words):
                top = acro[0]
                return Verdict(w, "warning", "typo-likely", f"a slip of {top.text}, or an acronym ({w.upper()})?",
                               (top.text, w.upper()), None, "wordfreq id",
                               how=f"short string (zipf {z:.2f}) one slip from the function word {top.text!r} "
                                   f"(zipf {top.zipf:.2f})")
        if z > SHORT_SLIP_MAX_ZIPF or w in self.lex.english_words:
            return None
        cands = [c for c in self.neighbours(w) if c.text in self.lex.function_words
                 and c.zipf >= SHORT_SLIP_TARGET_ZIPF and len(c.text) == len(w) + 1]
        if len(cands) != 1:
            return None
        top = cands[0]
        return Verdict(w, "error", "typo", f"a letter left out of {top.text}?", (top.text,), top.text,
                       "wordfreq id", how=f"short slip (zipf {z:.2f}) of the function word {top.text!r} "
                                          f"(zipf {top.zipf:.2f})")

    def _attested_typo(self, w: str, z: float, derived: bool = False) -> Verdict | None:
        if len(w) < 5 or z + ATTESTED_SLIP_GAP > self._top_zipf():
            return None  # no standard word is frequent enough to make this one a slip
        if self.lex.english_words.get(w, 0.0) >= ENGLISH_ZIPF:
            return None  # a common English word (manga, sharing): a foreign term, not a slip
        from modulfix.spelling.suggest import typo_bonus

        roots = {a.root for a in self.analyses(w)}
        if derived:
            # a strict slip, or one vowel for another (setalah: setelah); or the final vowel
            # of a root lost before -an, where the commoner word keeps it (perusahan:
            # per- + usah + -an, for perusahaan: per- + usaha + -an)
            cands = [c for c in self.neighbours(w)
                     if " " not in c.text and ((c.zipf - z >= ATTESTED_DERIVED_GAP
                                                and (is_slip(w, c.text, strict=True) or _vowel_for_vowel(w, c.text))
                                                and not roots & {a.root for a in self.analyses(c.text)})
                                               or (c.zipf - z >= ROOT_VOWEL_GAP and self._root_vowel_lost(w, c.text)))]
        else:
            cands = [c for c in self.neighbours(w)
                     if " " not in c.text
                     and (c.zipf - z >= ATTESTED_TYPO_GAP
                          or (c.zipf - z >= ATTESTED_SLIP_GAP and typo_bonus(w, c.text) >= 0.8))
                     and not roots & {a.root for a in self.analyses(c.text)}]
            if not cands and len(w) >= 7 and w not in self.lex.english_words and not self.is_valid(w):
                # a misspelling common enough on the web to be attested (menggangu): no
                # analysis of its own, one typical slip from a commoner word that has one
                weak = [c for c in self.neighbours(w) if " " not in c.text and c.zipf >= z + 0.3
                        and is_slip(w, c.text, strict=True) and self.is_valid(c.text)
                        and c.text not in self.lex.proper_case]  # merinci is no slip of Kerinci
                if weak:
                    top = weak[0]
                    return Verdict(w, "warning", "typo-likely", f"probably a typo for {top.text}",
                                   tuple(c.text for c in weak[:3]), None, "wordfreq id",
                                   how=f"attested (zipf {z:.2f}) but no analysis; {top.text!r} "
                                       f"(zipf {top.zipf:.2f}) is one slip away")
        if not cands:
            return None
        top = cands[0]
        rivals = [c for c in cands[1:] if c.zipf - z >= ATTESTED_TYPO_GAP]
        safe = top.zipf - z >= ATTESTED_TYPO_GAP + 0.5 and all(c.zipf < top.zipf - 1.0 for c in rivals)
        return Verdict(w, "warning", "typo-likely", f"probably a typo for {top.text}",
                       tuple(c.text for c in cands[:3]), top.text if safe else None,
                       "wordfreq id", how=f"attested but rare (zipf {z:.2f}); {top.text!r} zipf {top.zipf:.2f}")

    def _unknown(self, w: str) -> Verdict:
        modern = self.old_spelling(w)
        if modern:
            return Verdict(w, "warning", "old-spelling", f"spelling from before EYD (1972): {modern}",
                           (modern,), None, "EYD spelling reform",
                           how=f"old spelling (tj dj nj sj ch oe j) of {modern}")
        cands = self.candidates(w)
        if not cands:
            return Verdict(w, "info", "unknown-word", "word not in the dictionary (no close standard form)",
                           how="unknown; no standard form within two edits", source="lexicon")
        top = cands[0]
        base = self._prefixed_attested(w) if top.distance == 2 else ""
        if base:
            # berwewenang: ber- on wewenang, a word written online that the root list files
            # under another head (wenang); a regular derivation is likelier than two slips
            return Verdict(w, "info", "unknown-word",
                           f"word not in the dictionary (a derivation of {base}?); closest: {top.text}",
                           tuple(c.text for c in cands[:5]), None, "symspell over standard forms",
                           how=f"unknown; a prefix on the attested word {base}, two edits from {top.text}")
        # not indentasi (investasi) nor relasional (rasional): no edit of the two is a slip
        slipped = top.distance == 2 and (has_slip_of_two(w, top.text) or is_double_slip(w, top.text))
        plausible = (top.distance == 1 and top.zipf >= TYPO_D1_ZIPF) or top.how == "split" or (
            slipped and top.zipf >= TYPO_D2_ZIPF and len(w) >= 7) or (
            slipped and top.zipf >= 5.5 and len(w) >= 6) or (
            top.how == "morphology" and top.distance == 1 and any(
                c.how == "morphology" and c.distance == 1 and (c.zipf > 0 or self._confixed(c.text))
                for c in cands[:3])) or (
            # a slip in a long listed word nobody writes online (prolifersi, gramulasi); a
            # letter changed for one that is not its neighbour may be another rare term
            # (nekrotik, neurotik)
            top.distance == 1 and len(w) >= 8 and top.text in self.lex.roots and is_slip(w, top.text, strict=True))
        if not plausible and top.distance == 1 and len(w) >= 7:
            # two letters swapped in a derivation of a common root that nobody writes online
            # (pereaski: pereaksi, peN- + reaksi), when no other one-edit reading has a
            # root anyone uses (peresaki: per- + resak + -i)
            roots = {c.text: self._affixed_root_zipf(c.text) for c in cands if c.distance == 1}
            best = max(roots, key=lambda t: (roots[t], t))
            if swapped(w, best) and roots[best] >= 4.0 and all(z < 3.0 for t, z in roots.items() if t != best):
                cands = [c for c in cands if c.text == best] + [c for c in cands if c.text != best]
                top, plausible = cands[0], True
        if plausible and len(w) <= 5 and top.how != "split" and not any(
                self._slip_to(w, c) for c in cands[:3] if c.distance == 1 and c.zipf >= TYPO_D1_ZIPF) and not (
                top.zipf >= NON_SLIP_FIX_ZIPF and _vowel_for_vowel(w, top.text)
                and not any(c.zipf >= 4.0 for c in cands[1:] if c.distance == 1)):
            # a short word one unexplained change from others (pameo: pamer, kodon:
            # konon) is as likely a rare word or a name as a slip, unless it is one vowel
            # for another in a very common word with no rival (kamor: kamar)
            plausible = False
        if not plausible:
            return Verdict(w, "info", "unknown-word", f"word not in the dictionary; closest: {top.text}",
                           tuple(c.text for c in cands[:5]), None, "symspell over standard forms",
                           how="unknown; no plausible correction: " + ", ".join(
                               f"{c.text} (d={c.distance}, zipf {c.zipf:.2f})" for c in cands[:3]))
        if top.distance == 1 and any(w[:i] + w[i + 1:] == top.text for i in range(1, len(w))
                                     if w[i] == "h" and w[i - 1] in "td"):
            # kethuk, gendhing, pathet: Javanese writes th and dh; an h typed after a t or a
            # d is no keyboard slip
            return Verdict(w, "info", "unknown-word",
                           f"word not in the dictionary (a Javanese spelling of {top.text}?)",
                           tuple(c.text for c in cands[:5]), None, "symspell over standard forms",
                           how=f"unknown; {top.text} without the h of th/dh")
        if top.zipf < NON_SLIP_FIX_ZIPF and w in self.lex.foreign_rare:
            # baboon (babon), lox (los), interna (internal): a rarer English word or a common
            # Italian, Spanish or Portuguese one is likelier than a slip, unless a very common
            # Indonesian word is one slip away
            return Verdict(w, "info", "foreign-term", "foreign term: italicise it, or use the Indonesian term",
                           tuple(c.text for c in cands[:5]), None, self.lex.sources.get("foreign_rare", "wordfreq"),
                           how=f"a foreign word (wordfreq en zipf {ENGLISH_BAND}-3, or it/es/pt); "
                               f"closest Indonesian: {top.text}")
        shape = next((x for x in LOAN_ENDINGS if w.endswith(x)), "")
        if shape and len(w) >= 8 and top.how != "split" and not top.text.endswith(shape) and not (
                top.zipf >= TYPO_D1_ZIPF and is_slip(w, top.text, strict=True)):
            # diseminasi (diseminai, diseminari): a slip rarely makes a perfect loanword
            # ending out of a word without one; a loanword the lexicon lacks is likelier
            return Verdict(w, "info", "unknown-word",
                           f"word not in the dictionary (a loanword in -{shape}?); closest: {top.text}",
                           tuple(c.text for c in cands[:5]), None, "symspell over standard forms",
                           how=f"unknown; ends like a loanword (-{shape}), which no correction keeps: "
                               + ", ".join(f"{c.text} (d={c.distance})" for c in cands[:3]))
        noun = w[:-1]
        if len(w) >= 7 and w[-2:] in ("ik", "if") and not (w[-2:] == "if" and noun.endswith("asi")) and (
                noun == top.text or (
                noun in self.standard_forms() and any(c.text == noun for c in cands))) and not any(
                c.zipf >= NON_SLIP_FIX_ZIPF for c in cands if c.distance == 1 and c.text != noun):
            # empatik beside empati, as simpatik beside simpati; degresif beside degresi, as
            # agresif beside agresi: a loan adjective made from a noun in -i, not a letter
            # typed after the i (but -asi makes -atif: antisipasif is antisipatif)
            return Verdict(w, "info", "unknown-word",
                           f"word not in the dictionary (an adjective of {noun}?); closest: {top.text}",
                           tuple(c.text for c in cands[:5]), None, "symspell over standard forms",
                           how=f"unknown; the -{w[-2:]} adjective of the listed noun {noun}")
        noun = w[:-3] + "sis"
        if len(w) >= 7 and w.endswith(("tik", "tis")) and self.is_valid(noun) and not (
                top.zipf >= TYPO_D1_ZIPF and is_slip(w, top.text, strict=True)):
            # osmotik beside osmosis, as hipnotik beside hipnosis and simbiotik beside
            # simbiosis: the loan adjective of a listed noun in -sis, not a slip
            return Verdict(w, "info", "unknown-word",
                           f"word not in the dictionary (an adjective of {noun}?); closest: {top.text}",
                           tuple(c.text for c in cands[:5]), None, "symspell over standard forms",
                           how=f"unknown; the -{w[-3:]} adjective of the listed noun {noun}")
        latin = next((c.text for c in cands if c.distance == 1 and c.text[:-1] == w and c.text[-1] in "ae"
                      and c.zipf < 3.0 and len(w) >= 5 and w[-1] not in "aeiou"), "")
        if latin and not any(c.zipf >= NON_SLIP_FIX_ZIPF for c in cands if c.distance == 1):
            # sistol beside sistole, arteriol beside arteriola: Indonesian drops the final
            # vowel of Latin terms; a rare term's spelling variant, not a slip (bersam for
            # bersama, a common word, is still a typo)
            return Verdict(w, "info", "unknown-word",
                           f"word not in the dictionary (a form of the term {latin}?); closest: {top.text}",
                           tuple(c.text for c in cands[:5]), None, "symspell over standard forms",
                           how=f"unknown; the listed term {latin} without its Latin final vowel")
        family = self.loan_family(w)
        if family and top.distance == 1 and top.zipf >= TYPO_D1_ZIPF and top.text[:len(w) - 3] == w[:len(w) - 3]:
            family = ""  # efektis: a slip in the suffix of efektif, not another loanword
        if family and not (top.zipf >= TYPO_D1_ZIPF and is_slip(w, top.text, strict=True)):
            # konformasi beside konformitas, inaktif beside aktif: a rare loanword built
            # the way its listed relatives are, more likely than a typo that is no slip
            return Verdict(w, "info", "unknown-word",
                           f"word not in the dictionary (a loanword like {family}?); closest: {top.text}",
                           tuple(c.text for c in cands[:5]), None, "symspell over standard forms",
                           how=f"unknown; shaped like the listed loanword {family}")
        fix = None if family else self.safe_fix(w, cands)
        if fix is None:  # only suggested: in the order a reader should weigh them
            from modulfix.spelling.suggest import reader_order

            shown = reader_order(w, cands)
        else:
            shown = cands
        return Verdict(w, "error", "typo", f"unknown word; did you mean {shown[0].text}?",
                       tuple(c.text for c in shown[:5]), fix, "symspell over standard forms",
                       how="unknown: " + ", ".join(f"{c.text} (d={c.distance}, {c.how})" for c in cands[:3]))

    def _name_like(self, w: str) -> bool:
        """An unknown word with no correction any rule for capitalised words could use.

        Those rules (Checker._strong_typo, _heading_slip) only act on a correction written
        online (zipf >= 3) within two edits, or on two common words run together; without
        one a capitalised word is a name wherever it stands, and the costly search for
        every correction (:meth:`candidates`) is skipped. Attested standard forms are all in
        the two-edit index; attested words that only morphology reaches (keseimbangan)
        are looked for with the affixes kept, as :meth:`_morph_candidates` does. Two edits
        count only in the shapes the rules for capitals accept (see Checker._strong_typo)."""
        lex = self.lex
        if self.known_verdict(w) is not None or w in lex.foreign_rare or self.split_candidate(w):
            return False
        # one edit from an attested standard form, or from a variant of one: the two-edit
        # index holds exactly those, and a one-edit lookup in it is cheap
        near = within(self.suggester()._index(), w, 1)
        if near is None:  # a symspellpy whose insides within() cannot read
            near = [(c.text, c.distance) for c in self.suggester().suggest(w, max_distance=1, limit=1)]
        if any(t != w for t, _d in near):
            return False
        if len(w) > 4 and self._common_within_two(w):
            return False
        return not any(lex.zipf(c) >= 3.0 for c in self._morph_candidates(w, affixed_only=True))

    def _common_within_two(self, w: str) -> bool:
        """Is ``w`` two edits from a very common word with the same first and last letters
        (Bebrpa: beberapa), or a very common word with two or three letters typed twice
        (Pelayananan)? What _strong_typo looks for two edits away; answered from a small
        table of the common words instead of the two-edit index (name_like asks it of every
        capitalised word nobody writes, and the index lookup is ten times slower)."""
        from modulfix.spelling.suggest import damerau

        common, stutter = self._two_edit_tables()
        n = len(w)
        if n >= 6:
            for term in common.get((w[0], w[-1]), ()):
                if abs(len(term) - n) <= 2 and damerau(w, term, 2) <= 2:
                    return True
        for extra in (2, 3):
            for i in range(extra, n - extra + 1):
                if w[i - extra:i] == w[i:i + extra]:
                    for term in stutter.get(w[:i] + w[i + extra:], ()):
                        if damerau(w, term, 2) <= 2:
                            return True
        return False

    def _two_edit_tables(self):
        """The terms of the two-edit index (attested standard forms and the variants of
        them) whose standard form is very common: by the first and last letters of that
        form (zipf >= 5.5), and by the form itself (zipf >= 4, for is_stutter)."""
        if self._two_edit is None:
            std = self.standard_forms()
            common: dict[tuple[str, str], list[str]] = {}
            stutter: dict[str, list[str]] = {}
            pairs = [(t, t) for t, z in std.items() if z >= 4.0]
            pairs += [(wrong, right) for wrong, right in self.variant_map().items() if std.get(right, 0.0) >= 4.0]
            for term, right in pairs:
                stutter.setdefault(right, []).append(term)
                if std[right] >= 5.5 and right:
                    common.setdefault((right[0], right[-1]), []).append(term)
            self._two_edit = (common, stutter)
        return self._two_edit

    def _root_vowel_lost(self, w: str, c: str) -> bool:
        """Is ``w`` ``c`` with the final vowel of its root lost before -an: the same affixes
        on a root one vowel shorter (perusahan: per- + usah + -an; perusahaan: per- +
        usaha + -an)?"""
        if len(c) != len(w) + 1 or not w.endswith("an"):
            return False
        mine = {(a.prefixes, a.root) for a in self.analyses(w) if a.valid and a.suffix == "an" and not a.clitics}
        return any(a.valid and a.suffix == "an" and not a.clitics and a.root[-1:] in "aeiou"
                   and (a.prefixes, a.root[:-1]) in mine for a in self.analyses(c))

    def adapted_loan(self, w: str) -> str:
        """The Indonesian spelling of the English word ``w`` by the regular rules of loan
        adaptation (PUEBI, Pedoman Umum Pembentukan Istilah: thermometer -> termometer,
        photosynthesis -> fotosintesis, information -> informasi) when that spelling is a
        common standard word; "" otherwise. Only a learned word shows the rules: an English
        suffix with an Indonesian counterpart (-tion, -ity, -ic ...), or th, ph, ch in a word
        of eight letters or more; putting -> puting or orange -> orang are other words."""
        if len(w) < 5 or not w.isascii() or not w.isalpha():
            return ""
        stems = []
        for end, news in _LOAN_ENDS:
            if w.endswith(end) and len(w) > len(end) + 3:
                stems = [w[:-len(end)] + new for new in news]
                break
        if not stems:
            if len(w) < 8 or not any(x in w for x in ("th", "ph", "ch")):
                return ""
            stems = [w]
        std = self.standard_forms()
        for out in stems:
            for old, new in _LOAN_LETTERS:
                out = out.replace(old, new)
            out = re.sub(r"c(?=[eiy])", "s", out).replace("c", "k")
            out = re.sub(r"(?<=[^aeiou])y|y(?=[^aeiou])", "i", out)
            out = re.sub(r"([bdfgklmnprstz])\1", r"\1", out)  # single consonants: grammar -> gramar
            candidates = [out] + ([out[:-1]] if out.endswith(("ne", "me", "le", "te")) else [])
            for c in candidates:
                if c != w and len(c) >= 5 and len(c) >= len(w) - 3 and std.get(c, 0.0) >= 3.0 \
                        and c not in self.lex.english_words:
                    return c
        return ""

    def old_spelling(self, w: str) -> str:
        """The EYD spelling of a word written the way before 1972 (Soewandi, van Ophuijsen:
        tjara -> cara, menjatakan -> menyatakan, djalan -> jalan, boelan -> bulan, chas ->
        khas) when that is a standard word; "" otherwise."""
        if len(w) < 4 or not any(x in w for x in ("tj", "dj", "nj", "sj", "oe", "ch", "j")):
            return ""
        out = w.replace("dj", "J").replace("nj", "ny").replace("sj", "sy").replace("tj", "c")
        out = out.replace("j", "y").replace("J", "j").replace("oe", "u").replace("ch", "kh")
        if out == w:
            return ""
        if "-" in out:
            return out if self.is_valid_hyphenated(out) else ""
        if out in self.lex.proper_case:
            return self.lex.proper_case[out]
        return out if self.is_valid(out) and (self.lex.zipf(out) >= 3.0 or self.is_root(out)) else ""

    def _affixed_root_zipf(self, w: str) -> float:
        """The zipf of the commonest root ``w`` is a valid affixed derivation of (0 if none)."""
        return max((self.lex.zipf(a.root) for a in self.analyses(w) if a.valid and (a.prefixes or a.suffix)),
                   default=0.0)

    def _prefixed_attested(self, w: str) -> str:
        """The word after a prefix that needs no sound change (ber-, ter-, per-, di-, ke-,
        se-), when that word is a standard form written online (zipf >= PREFIXED_ATTESTED_ZIPF)
        that morphology cannot build (no root, no derivation of one): morphology derives
        only from roots, so ber-wewenang is unknown although wewenang is common (not
        di-menjadi: menjadi is built from jadi). '' when there is none."""
        for pre in ("ber", "ter", "per", "di", "ke", "se"):
            rest = w[len(pre):]
            if w.startswith(pre) and len(rest) >= 5 and not self.is_root(rest) \
                    and self.lex.zipf(rest) >= PREFIXED_ATTESTED_ZIPF and self._attested_ok(rest) \
                    and not any(a.valid for a in self.analyses(rest)) \
                    and self.lex.english_words.get(rest, 0.0) < ENGLISH_ZIPF and rest not in self.lex.foreign_rare:
                return rest
        return ""

    def _attested_ok(self, w: str) -> bool:
        """A common word accepted only because it is attested (keseimbangan: ke- + se-imbang
        + -an is beyond the two prefixes morphology peels; wirausahawan: -wan)."""
        if self.lex.zipf(w) < 3.0:
            return False
        v = self.known_verdict(w)
        return v is not None and v.ok

    def _confixed(self, w: str) -> bool:
        """A regular derivation of a common content word (pem-bimbing-an, di-bimbing),
        even when nobody has written it online; not ke-ketimbang-an nor per-sistem, nor a
        prefix alone on a loan adjective (di-sensasional: di- makes verbs of verbs)."""
        lex = self.lex
        return any(a.valid and (a.suffix or (a.prefixes[-1:] in (("meN",), ("di",), ("ber",), ("ter",))
                                             and not a.root.endswith(("al", "if"))))
                   and a.prefixes and lex.zipf(a.root) >= 3.0 and a.root not in lex.function_words
                   for a in self.analyses(w))

    def loan_family(self, w: str) -> str:
        """A listed loanword ``w`` is built like: the same stem with another loan suffix
        (konform-asi: konform-itas), or the word after a Latin prefix (in-aktif: aktif).
        "" when there is none."""
        std = self.standard_forms()
        for suffix in LOAN_SUFFIXES:
            stem = w[:-len(suffix)]
            if w.endswith(suffix) and len(stem) >= 5:
                for other in LOAN_SUFFIXES:
                    if other != suffix and (stem + other in std or self.lex.zipf(stem + other) >= 3.0):
                        return stem + other
        for suffix in ("isasi", "isme", "itas", "is"):
            stem = w[:-len(suffix)]
            if w.endswith(suffix) and len(stem) >= 5 and stem.endswith("al") and (
                    stem in std or self.lex.zipf(stem) >= 3.0):
                return stem  # industrial-is, global-isasi, formal-itas: a loan adjective in -al
        for prefix in LOAN_PREFIXES:
            rest = w[len(prefix):]
            if w.startswith(prefix) and len(rest) >= 5 and rest in std and rest.endswith(LOAN_SUFFIXES + ("si",)):
                return rest
        return ""

    # ------------------------------------------------------------ suggestions
    def suggester(self) -> Suggester:
        if self._suggester is None:
            self._suggester = Suggester(self.lex, self.standard_forms(), self.variant_map())
        return self._suggester

    def variant_map(self) -> dict[str, str]:
        if self._variants is None:
            out = {w: r for w, (r, _s) in self.lex.nonstandard.items()}
            out.update(self.lex.compounds)
            self._variants = out
        return self._variants

    def _top_zipf(self) -> float:
        if self._max_zipf is None:
            self._max_zipf = max(self.standard_forms().values(), default=0.0)
        return self._max_zipf

    def _neighbours(self, w: str) -> list[Candidate]:
        """Standard forms one edit from ``w`` (no index needed: edits are generated and
        looked up), best first. Cheap enough to ask for every rare word (memoised as
        ``neighbours``: the cores of affixed words repeat)."""
        from modulfix.spelling.suggest import slip_sources, typo_bonus

        std = self.standard_forms()
        variants = self.variant_map()
        if self._neighbour_lookups < NEIGHBOURS_BEFORE_INDEX or not self.lex.fingerprint:
            # (a lexicon being built has no fingerprint yet to cache an index under)
            self._neighbour_lookups += 1
            edits = slip_sources(w)  # set intersections run in C: only the hits reach Python
            found_std, found_variants = std.keys() & edits, variants.keys() & edits
        else:
            edits = self._one_edit_terms(w)
            found_std = {e for e in edits if e in std}
            found_variants = {e for e in edits if e in variants}
        hits = {e: (std[e], "edit") for e in found_std}
        for e in sorted(found_variants):  # two variants of one form (sholawat, shalawat): the same one first
            right = variants[e]  # respn -> respon -> respons; kerjassam -> kerjasama -> kerja sama
            if right in std and right != w:
                hits.setdefault(right, (std[right], f"variant {e}"))
        out = [Candidate(e, 1, z, z + typo_bonus(w, e), how) for e, (z, how) in hits.items()]
        out.sort(key=lambda c: (-c.score, c.text))
        return out

    def _one_edit_terms(self, w: str) -> set[str]:
        """What ``slip_sources(w)`` has of the standard forms and their variants, from two
        indexes instead of the edits: the two-edit index (attested forms; a one-edit
        lookup) and a symmetric-delete table of the rest, built on first use."""
        from modulfix.spelling.suggest import is_slip_source, one_edit_index, one_edit_terms

        if self._one_edit is None:
            std = self.standard_forms()
            rest = [t for t, z in std.items() if z <= 0]
            rest += [e for e, r in self.variant_map().items() if r in std and std[r] <= 0]
            self._one_edit = one_edit_index(rest)
        sym = self.suggester()._index()
        near = within(sym, w, 1)
        if near is None:  # a symspellpy whose insides within() cannot read
            from symspellpy import Verbosity

            near = [(x.term, x.distance) for x in sym.lookup(w, Verbosity.ALL, max_edit_distance=1)]
        found = {t for t, _d in near if t != w and is_slip_source(w, t)}
        return found | one_edit_terms(self._one_edit, w)

    def standard_forms(self) -> dict[str, float]:
        """Every standard form with its zipf (0 when unattested): the suggestion space.

        Compiled once into the lexicon cache (it runs morphology over wordfreq's list)."""
        if self._standard is None and self.lex.standard:
            self._standard = self.lex.standard
        if self._standard is None:
            lex = self.lex
            std: dict[str, float] = {}
            for w in lex.roots | lex.words | lex.joined_compounds:
                std[w] = lex.zipf(w)
            for c in lex.compounds.values():
                std[c] = max((lex.zipf(p) for p in c.split()), default=0.0) - 0.3
            for w, z in lex.attested.items():
                if w not in std and w.isalpha() and self.is_valid(w):
                    std[w] = z
            self._standard = std
            # loanwords the root list lacks but people write (topologi, literasi, mitigasi):
            # suggestion targets too, unless a listed error, English, built wrongly
            # (mengkonfirmasi), or a slip of a commoner standard form (applikasi: aplikasi)
            loans = {}
            for w, z in lex.attested.items():
                if z >= 3.0 and w not in std and w.isalpha() and w.endswith(LOAN_SHAPES) \
                        and w not in lex.nonstandard and lex.english_words.get(w, 0.0) < ENGLISH_ZIPF \
                        and not any(a.issue for a in self.analyses(w)) and self._nonstandard_root(w) is None \
                        and not any(std[e] >= z for e in std.keys() & slip_sources(w)):
                    loans[w] = z
            std.update(loans)
        return self._standard

    def _candidates(self, w: str) -> list[Candidate]:
        """Corrections for an unknown word, best first.

        One-edit neighbours are generated directly; the symspell index (two edits) is
        loaded only when no one-edit correction exists, so most checks never load it.
        """
        sug = self.suggester()
        found = {c.text: c for c in self.neighbours(w)[:10]}
        # a place name one letter away (sleman) does not end the search for a common word
        # (up to four letters symspell looks one edit away only, which neighbours covers)
        if len(w) > 4 and not any(c.zipf >= TYPO_D1_ZIPF and c.text not in self.lex.proper_case
                                  for c in found.values()):
            for c in sug.suggest(w, limit=10):
                found.setdefault(c.text, c)
        for text in self._morph_candidates(w):
            sug.add_candidate(found, w, text, "morphology")
        split = self.split_candidate(w)
        if split:
            sug.add_candidate(found, w, split, "split")
        ranked = sorted(found.values(), key=lambda c: (c.distance, -c.score, c.text))
        return [c for c in ranked if c.distance <= 2]

    def _morph_candidates(self, w: str, affixed_only: bool = False) -> list[str]:
        """Correct the root, keep the affixes: pembeimbingan -> pembimbingan."""
        out: set[str] = set()
        lex = self.lex
        if len(w) < 7:
            return []
        for pre in ("meng", "meny", "mem", "men", "me", "peng", "peny", "pem", "pen", "pe", "di",
                    "ber", "ter", "per", "ke", "se", ""):
            if not w.startswith(pre):
                continue
            for suf in ("kan", "an", "i", "nya", "annya", "kannya", "wan", ""):
                if suf and not w.endswith(suf):
                    continue
                core = w[len(pre): len(w) - len(suf) if suf else None]
                if len(core) < 4 or self.is_root(core) or (affixed_only and not pre and not suf):
                    continue
                for c in self.neighbours(core)[:3]:
                    if " " in c.text or not (c.text in lex.roots or c.text in lex.words or self._attested_ok(c.text)):
                        continue
                    for cand in {pre + c.text + suf, pre + c.text[1:] + suf}:
                        if cand != w and damerau(cand, w) <= 2 and (self.is_valid(cand) or self._attested_ok(cand)):
                            out.add(cand)
        return sorted(out)

    @staticmethod
    def _slip_to(w: str, c: Candidate) -> bool:
        """A slip towards the candidate, or towards the listed variant it stands for
        (respn is a slip of respon, which is written respons)."""
        via = c.how[len("variant "):] if c.how.startswith("variant ") else c.text
        return is_slip(w, via)

    def _safe_split(self, split: str) -> bool:
        """Two common words (hubunganmasyarakat) or a function word run on (tambahandan);
        a rare part (industrialis -> industri alis) more likely means an unknown word."""
        lex = self.lex
        parts = split.split()
        return any(p in lex.function_words for p in parts) or min(lex.zipf(p) for p in parts) >= SPLIT_FIX_ZIPF

    def split_candidate(self, w: str) -> str:
        """hubunganmasyarakat -> 'hubungan masyarakat' when exactly one split is good."""
        if len(w) < 7:
            return ""
        lex = self.lex
        good = []
        def word(x: str, floor: float) -> bool:
            """Common and standard, or common, long, not English and not listed as wrong
            (pemrograman, which KBBI keeps though the melting rule would make it pemprograman)."""
            return lex.zipf(x) >= floor and x not in lex.nonstandard and x not in lex.compounds and (
                self.is_valid(x) or (len(x) >= 6 and lex.english_words.get(x, 0.0) < ENGLISH_ZIPF))

        for i in range(3, len(w) - 2):
            a, b = w[:i], w[i:]
            if len(w) == 7 and not (word(a, SPLIT_SHORT_ZIPF) and word(b, SPLIT_SHORT_ZIPF)):
                continue  # airlaut: two very common short words only
            if word(a, 3.5) and word(b, 3.5):
                good.append(f"{a} {b}")
            elif len(w) >= 9 and max(lex.zipf(a), lex.zipf(b)) >= 4.5 and b not in COMBINING_FORMS \
                    and word(a, 3.0) and word(b, 3.0):
                good.append(f"{a} {b}")  # jadwalronda: a rarer word beside a common one, nine letters or more
        return good[0] if len(good) == 1 else ""

    @staticmethod
    def _slipped_twice(w: str, cand: str) -> bool:
        """Two edits of which at least one is a clear slip (masyrakata), or two slips, or
        a syllable typed twice; a compound is compared written joined (kerjassam:
        kerjasama, written kerja sama)."""
        joined = cand.replace(" ", "")
        return has_slip_of_two(w, joined) or is_double_slip(w, joined) or is_stutter(w, joined)

    def safe_fix(self, w: str, cands: list[Candidate]) -> str | None:
        """Auto-fix only when one correction is clearly right."""
        if len(w) < 4 or not cands:
            return None
        top = cands[0]
        if top.distance > 2 or (top.distance == 2 and len(w) < 7):
            return None
        rivals = [c for c in cands[1:] if c.distance == top.distance]
        if top.how == "split":
            if not self._safe_split(top.text):
                return None
            return top.text if not rivals or all(c.score < top.score - 1.0 for c in rivals) else None
        if top.how.startswith("variant ") and any(c.how == "edit" and c.zipf >= TYPO_D1_ZIPF for c in rivals):
            return None  # enerjik: a slip of enerji (energi), or energik written with j?
        alone = len(w) >= 9 and top.zipf >= 3.0 and len(cands) == 1
        if top.distance == 1 and not self._slip_to(w, top) and top.zipf < NON_SLIP_FIX_ZIPF \
                and not (len(w) >= 9 and top.zipf >= TYPO_D2_ZIPF) and not alone:
            # jendila/jendela: two words as often as a slip; but a long word with one
            # correction within two edits (pendahualuan: pendahuluan) has no other reading
            return None
        if top.distance == 1 and not self._slip_to(w, top) and any(
                c.zipf >= TYPO_D1_ZIPF and is_slip(w, c.text, strict=True) for c in rivals):
            return None  # bilangn: bilang is commoner, but bilangan is the one a slip explains
        if top.distance == 2 and (len(w) < 8 or w[0] != top.text[0] or top.zipf < TYPO_D2_ZIPF
                                  or any(c.zipf >= TYPO_D1_ZIPF for c in rivals)
                                  or not self._slipped_twice(w, top.text)):
            # two slips in a long word with one reading (berwewenang); not enerjik/energi,
            # reprofil/profil, nor a word two edits from several (penyebaran, penyegaran),
            # nor two changes no slip explains (subkutan, sebutan)
            return None
        # a rival is close when neither its plausibility score nor its frequency is
        # clearly (1.0 = ten times) below the top one (penduduka: penduduk 5.05 beats
        # pendudukan 3.58 by frequency even though both are one slip away)
        if any(c.score > top.score - 1.0 and not (c.zipf <= top.zipf - 1.0 and c.score <= top.score)
               for c in rivals):
            return None
        if top.zipf < 3.0:
            return None  # an unattested correction may itself be wrong: suggest only
        if top.distance == 2 and any(self.is_valid(e) for e in slip_sources(w) if len(e) == len(w) + 1):
            # kesetimbagan: a letter left out of a valid word nobody writes (kesetimbangan)
            # is likelier than two slips of a common one (keseimbangan)
            return None
        return top.text
