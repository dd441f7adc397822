"""Suggestions: symspellpy over *standard* forms only, re-ranked.

One-edit corrections are generated directly (:meth:`Speller.neighbours`); this index is
loaded only for two-edit corrections, when no one-edit correction exists.
Start reading from :meth:`Suggester.suggest`. The symspell index holds every attested
standard form (roots, our word lists, written-apart compounds with their space, and the
words of wordfreq's list that our own validity test accepts), each with its frequency;
unattested standard forms are found only at one edit (see :func:`build_index`).
Non-standard variants are indexed too, but a hit on one is reported as its standard
form (``respn`` -> ``respon`` -> ``respons``), so no suggestion is ever non-standard.

Ranking: edit distance first, then frequency, with bonuses for a keyboard-adjacent
substitution, a transposition, and a kept first letter. Candidates built by morphology
(correct the root, keep the affixes: ``pembeimbingan`` -> ``pembimbingan``) join in.
When no fix is applied, :func:`reader_order` puts a letter left out first unless the
first correction is much commoner (``menetukan``: ``menentukan`` before ``menemukan``).
"""

from __future__ import annotations

import os
import pickle
import tempfile
from dataclasses import dataclass
from pathlib import Path

from modulfix.spelling.lexicon import FORMAT, Lexicon, cache_dir, load_pickle, prune

# Two-consonant word starts that Indonesian words and names have; any other pair of
# consonants at the start (pkerja, bkerja) is a slip.
ONSETS = frozenset(
    "bl br by cl cr dr dw dy fl fr gl gr gw kh kl kr kw ky mb mp nd ng nj ny pl pr ps py "
    "sf sk sl sm sn sp sr st sw sy tr ts tw vl".split())
VOWELS = frozenset("aeiou")

_ROWS = ("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm")
_STAGGER = (0.0, 0.5, 0.75, 1.25)  # how far each row of a QWERTY keyboard sits to the right
_POS = {ch: (r, c + _STAGGER[r]) for r, row in enumerate(_ROWS) for c, ch in enumerate(row)}


def keyboard_adjacent(a: str, b: str) -> bool:
    """Do the keys touch: beside each other in a row, or overlapping in the next row
    (u: j and h, not k; s: z and x, not c)?"""
    pa, pb = _POS.get(a), _POS.get(b)
    if pa is None or pb is None or pa == pb:
        return False
    if pa[0] == pb[0]:
        return abs(pa[1] - pb[1]) == 1
    return abs(pa[0] - pb[0]) == 1 and abs(pa[1] - pb[1]) <= 0.75


_NEAR = {a: "".join(b for b in "abcdefghijklmnopqrstuvwxyz" if keyboard_adjacent(a, b))
         for a in "abcdefghijklmnopqrstuvwxyz"}


try:  # symspellpy's own C++ companion (the symspellpy[editdistpy] extra)
    from editdistpy import damerau_osa as _damerau_osa

    _osa = _damerau_osa.distance
except ImportError:  # pragma: no cover - a declared dependency
    _osa = None


def damerau(a: str, b: str, limit: int = 3) -> int:
    """Optimal-string-alignment distance (small strings; capped at ``limit + 1``)."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    if _osa is not None:
        d = _osa(a, b, limit)
        return limit + 1 if d < 0 else d
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[len(b)]


def typo_bonus(word: str, cand: str) -> float:
    """How plausible a one-edit typo is: adjacent keys, swapped letters, same start."""
    bonus = 0.0
    if word[:1] == cand[:1]:
        bonus += 0.3
    if len(word) == len(cand):
        diffs = [i for i, (x, y) in enumerate(zip(word, cand)) if x != y]
        if len(diffs) == 1 and keyboard_adjacent(word[diffs[0]], cand[diffs[0]]):
            bonus += 0.7
        if len(diffs) == 2 and diffs[1] == diffs[0] + 1 and word[diffs[0]] == cand[diffs[1]]:
            bonus += 0.7
    elif len(word) + 1 == len(cand):
        bonus += 0.5  # a letter left out: the commonest slip (membedayakan)
    elif len(word) == len(cand) + 1:
        # an inserted letter, often doubled or next to its neighbour on the keyboard
        for i in range(len(word)):
            if word[:i] + word[i + 1:] == cand:
                near = [word[j] for j in (i - 1, i + 1) if 0 <= j < len(word)]
                if any(n == word[i] or keyboard_adjacent(n, word[i]) for n in near):
                    bonus += 0.5
                break
    return bonus


def cluster_repair(word: str, cand: str) -> bool:
    """Is ``cand`` ``word`` with a vowel put back between two consonants that no
    Indonesian word starts or ends with (pkerja: pekerja; tahapn: tahapan; alamt:
    alamat)? Typing fast drops vowels; such a cluster is the trace."""
    if len(cand) != len(word) + 1 or len(word) < 3:
        return False
    for i in (1, len(word) - 1):
        if cand[i] in VOWELS and cand[:i] + cand[i + 1:] == word:
            pair = word[i - 1:i + 1]
            if not (pair[0] in VOWELS or pair[1] in VOWELS or not pair.isalpha()):
                if i == 1 and pair not in ONSETS:
                    return True
                if i == len(word) - 1 and pair != "ng":
                    return True
    return False


# What a letter left out weighs when suggestions are ordered for a reader: counted once
# more on top of typo_bonus (on the sample and the development sets the first suggestion
# of unfixed typos was right for 172 of 215 before this ordering, 180 with it)
OMISSION_FIRST = 0.5


def reader_order(word: str, cands: list[Candidate]) -> list[Candidate]:
    """Suggestions in the order a reader should see them when none is applied: a
    one-edit correction that puts back a vowel dropped from a cluster no Indonesian
    word has (:func:`cluster_repair`), or more generally a letter left out (the
    commonest slip), goes first unless the first correction is much more frequent
    (menetukan: menentukan before menemukan; tahapn: tahapan before tahan)."""
    if not cands or cands[0].distance != 1:
        return cands

    def weight(c: Candidate) -> float:
        if c.distance != 1 or " " in c.text:
            return 0.0
        if cluster_repair(word, c.text):
            return 2.0
        return OMISSION_FIRST if len(c.text) == len(word) + 1 else 0.0

    first = cands[0]
    best = max(cands, key=lambda c: (c.score + weight(c), c is first))
    if best is first or weight(best) <= weight(first) or best.score + weight(best) <= first.score + weight(first):
        return cands
    return [best] + [c for c in cands if c is not best]


def is_slip(word: str, cand: str, strict: bool = False) -> bool:
    """Does ``word`` differ from ``cand`` by one typical keyboard slip?

    A letter left out (melakkan/melakukan), two letters swapped (pertempruan), a
    neighbouring key hit instead (berkimpul/berkumpul), or a letter doubled
    (berlimpahh) or typed next to its neighbour on the keyboard (perlindunganm; not
    when ``strict``: bertapa/berapa are two words). Other one-letter differences
    (tertata/tertawa, jendila/jendela) are as often two different words as a
    slip, so they are weaker evidence.
    """
    if len(word) + 1 == len(cand):
        return any(cand[:i] + cand[i + 1:] == word for i in range(len(cand)))
    if len(word) == len(cand):
        diffs = [i for i, (x, y) in enumerate(zip(word, cand)) if x != y]
        if len(diffs) == 1:
            return keyboard_adjacent(word[diffs[0]], cand[diffs[0]])
        return (len(diffs) == 2 and diffs[1] == diffs[0] + 1
                and word[diffs[0]] == cand[diffs[1]] and word[diffs[1]] == cand[diffs[0]])
    if len(word) == len(cand) + 1:
        for i in range(len(word)):
            if word[:i] + word[i + 1:] != cand:
                continue
            near = [word[j] for j in (i - 1, i + 1) if 0 <= j < len(word)]
            if any(n == word[i] or (not strict and keyboard_adjacent(n, word[i])) for n in near):
                return True
        return False
    return False


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _near(ch: str) -> str:
    return _NEAR.get(ch, "")


def _one_edit(word: str) -> set[str]:
    """Every string one edit (a letter left out, added, changed, or two swapped) from ``word``."""
    steps = {word[:i] + word[i + 1:] for i in range(len(word))}
    steps.update(word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1))
    for i in range(len(word) + 1):
        steps.update(word[:i] + c + word[i:] for c in _LETTERS)
        if i < len(word):
            steps.update(word[:i] + c + word[i + 1:] for c in _LETTERS)
    steps.discard(word)
    return steps


def _slip_typos(cand: str, strict: bool) -> set[str]:
    """Every ``t`` with ``is_slip(t, cand, strict)``: what one slip makes of ``cand``."""
    n = len(cand)
    out = {cand[:i] + cand[i + 1:] for i in range(n)}  # a letter left out
    out.update(cand[:i] + cand[i + 1] + cand[i] + cand[i + 2:] for i in range(n - 1))  # swapped
    for i in range(n):
        out.update(cand[:i] + k + cand[i + 1:] for k in _near(cand[i]))  # a neighbouring key
    for i in range(n + 1):  # a letter added beside its double, or beside a neighbouring key
        around = cand[i - 1:i] + cand[i:i + 1]
        extra = set(around)
        if not strict:
            for c in around:
                extra.update(_near(c))
        out.update(cand[:i] + x + cand[i:] for x in extra)
    out.discard(cand)
    return out


def _slip_fixes(word: str, strict: bool) -> set[str]:
    """Every ``m`` with ``is_slip(word, m, strict)``: what ``word`` may be a slip of."""
    n = len(word)
    out = set()
    for i in range(n + 1):
        out.update(word[:i] + c + word[i:] for c in _LETTERS)  # it left a letter out
    out.update(word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(n - 1))
    for i in range(n):
        out.update(word[:i] + k + word[i + 1:] for k in _near(word[i]))
        near = word[i - 1:i] + word[i + 1:i + 2]
        if word[i] in near or (not strict and any(keyboard_adjacent(c, word[i]) for c in near)):
            out.add(word[:i] + word[i + 1:])  # it added this letter
    out.discard(word)
    return out


def is_double_slip(word: str, cand: str, strict: bool = False) -> bool:
    """Is ``word`` two keyboard slips (see :func:`is_slip`, with ``strict``) away from
    ``cand``: Bebrpa from Beberapa (two letters left out), Sleian from Selain (two
    swaps)? Two unrelated letters changed (Comita, Cerita) are not."""
    return not _slip_fixes(word, strict).isdisjoint(_slip_typos(cand, strict))


def has_slip_of_two(word: str, cand: str) -> bool:
    """Is one of the two edits between ``word`` and ``cand`` a strict slip (masyrakata:
    a letter left out of masyarakat, and one added)? Two letters changed for others
    (indentasi, investasi) or two added (relasional, rasional) are not."""
    return not (_slip_typos(cand, True).isdisjoint(_one_edit(word))
                and _slip_fixes(word, True).isdisjoint(_one_edit(cand)))


def slip_sources(word: str) -> set[str]:
    """Every string one edit from ``word`` (a superset of the words one slip makes it:
    filter with :func:`is_slip`)."""
    n = len(word)
    out = {word[:i] + word[i + 1:] for i in range(n)}
    out.update(word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(n - 1))
    for i in range(n + 1):
        head, tail = word[:i], word[i:]
        out.update([head + c + tail for c in _LETTERS])
        if tail:
            out.update([head + c + tail[1:] for c in _LETTERS])
    out.discard(word)
    return out


def is_slip_source(word: str, term: str) -> bool:
    """Is ``term`` in ``slip_sources(word)`` (one edit: a letter of ``word`` left out, two
    neighbours swapped, or a letter a-z added or put for another), without generating
    them all?"""
    n, m = len(word), len(term)
    if m == n - 1:
        i = next((k for k in range(m) if word[k] != term[k]), m)
        return word[i + 1:] == term[i:]
    if m == n + 1:
        i = next((k for k in range(n) if word[k] != term[k]), n)
        return term[i] in _LETTERS and term[i + 1:] == word[i:]
    if m != n:
        return False
    d = [k for k in range(n) if word[k] != term[k]]
    if len(d) == 1:
        return term[d[0]] in _LETTERS
    return len(d) == 2 and d[1] == d[0] + 1 and word[d[0]] == term[d[1]] and word[d[1]] == term[d[0]]


def one_edit_index(terms) -> dict[str, object]:
    """A table of ``terms`` by themselves and by every string one letter shorter (a
    symmetric-delete index of distance 1): every term one edit from a word shares a key
    with it (see :func:`one_edit_terms`). A key's value is its one term, or a tuple."""
    index: dict[str, object] = {}
    get = index.get
    for t in terms:
        for k in {t, *[t[:i] + t[i + 1:] for i in range(len(t))]}:
            old = get(k)
            if old is None:
                index[k] = t
            elif type(old) is str:
                index[k] = (old, t)
            else:
                index[k] = old + (t,)  # type: ignore[operator]
    return index


def one_edit_terms(index: dict[str, object], word: str) -> set[str]:
    """The terms of a :func:`one_edit_index` that are in ``slip_sources(word)``."""
    get = index.get
    found: set[str] = set()
    for k in {word, *[word[:i] + word[i + 1:] for i in range(len(word))]}:
        v = get(k)
        if v is None:
            continue
        if type(v) is str:
            found.add(v)  # type: ignore[arg-type]
        else:
            found.update(v)  # type: ignore[arg-type]
    return {t for t in found if t != word and is_slip_source(word, t)}


def is_stutter(word: str, cand: str) -> bool:
    """Is ``word`` ``cand`` with two or three letters typed twice (pelayananan)?"""
    extra = len(word) - len(cand)
    if extra not in (2, 3):
        return False
    for i in range(extra, len(cand) + 1):
        if word[:i] + word[i + extra:] == cand and word[i - extra:i] == word[i:i + extra]:
            return True
    return False


@dataclass(frozen=True)
class Candidate:
    text: str
    distance: int
    zipf: float
    score: float
    how: str  # "symspell", "variant of X", "morphology", "split"


class Suggester:
    def __init__(self, lex: Lexicon, standard: dict[str, float], variants: dict[str, str]):
        self.lex = lex
        self.standard = standard  # standard form -> zipf (0 when unattested)
        self.variants = variants  # non-standard form -> standard form
        self._sym = None

    # -------------------------------------------------------------- index
    def _index(self):
        if self._sym is None:
            sym = _load_or_build_index(self.lex.fingerprint, self.standard, self.variants)
            fast = _fast_comparer()
            if fast is not None:
                sym.distance_comparer = fast  # set after the cache: a local class does not pickle
            self._sym = sym
        return self._sym

    # -------------------------------------------------------------- lookup
    def suggest(self, word: str, max_distance: int = 2, limit: int = 5) -> list[Candidate]:
        from symspellpy import Verbosity

        word = word.lower()
        max_distance = 1 if len(word) <= 4 else max_distance
        found: dict[str, Candidate] = {}
        sym = self._index()
        near = within(sym, word, max_distance)
        if near is None:  # a symspellpy whose insides are not what within() reads
            near = [(item.term, item.distance) for item in sym.lookup(word, Verbosity.ALL, max_edit_distance=max_distance)]
        for term, distance in near:
            how = "symspell"
            if term in self.variants:
                how = f"variant {term}"
                term = self.variants[term]
            if term == word:
                continue
            self._add(found, word, term, distance, how)
        ranked = sorted(found.values(), key=lambda c: (c.distance, -c.score, c.text))
        return ranked[:limit]

    def add_candidate(self, found: dict[str, Candidate], word: str, term: str, how: str) -> None:
        self._add(found, word, term, damerau(word, term), how)

    def _add(self, found: dict[str, Candidate], word: str, term: str, distance: int, how: str) -> None:
        z = self.standard.get(term, self.lex.zipf(term))
        score = z + (typo_bonus(word, term) if distance == 1 else 0.0)
        old = found.get(term)
        if old is None or (distance, -score) < (old.distance, -old.score):
            found[term] = Candidate(term, distance, z, score, how)


def _index_path(fp: str) -> Path:
    return cache_dir() / f"symspell-{FORMAT}-{fp[:16]}.pickle"


def _load_or_build_index(fp: str, standard: dict[str, float], variants: dict[str, str]):
    path = _index_path(fp)
    try:
        obj = load_pickle(path)
        if isinstance(obj, tuple) and len(obj) == 2 and obj[0] == fp:
            return obj[1]
    except Exception:  # missing, corrupt, foreign: rebuild
        pass
    sym = build_index(standard, variants)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".symspell-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump((fp, sym), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        prune(path)
    except OSError:
        pass
    return sym


def within(sym, word: str, max_distance: int) -> list[tuple[str, int]] | None:
    """Every term of the symspell index ``sym`` within ``max_distance`` (Damerau-OSA) of
    ``word``, with its distance: what ``sym.lookup(word, Verbosity.ALL, max_distance)``
    finds (a test compares the two on thousands of words), in a third of the time: the
    same deletes looked up in the same table, every term they reach measured once in C,
    without symspellpy's per-candidate bookkeeping in Python. None when the index does not
    have the tables this reads (then use ``sym.lookup``)."""
    deletes = getattr(sym, "_deletes", None)
    words = getattr(sym, "_words", None)
    prefix = getattr(sym, "_prefix_length", None)
    if deletes is None or words is None or prefix is None or _osa is None:
        return None
    n = len(word)
    if n - max_distance > sym._max_length:
        return []
    head = word[:prefix]
    keys = {head}
    frontier = keys
    for _ in range(max_distance):
        frontier = {x[:i] + x[i + 1:] for x in frontier for i in range(len(x))}
        keys = keys | frontier
    get = deletes.get
    terms = set().union(*[get(k, ()) for k in keys])
    terms.update(k for k in keys if k in words)  # terms that are themselves deletes of the word
    if word in words:
        terms.add(word)
    lo, hi = n - max_distance, n + max_distance
    out = []
    for term in terms:
        if lo <= len(term) <= hi:
            d = _osa(word, term, max_distance)
            if d >= 0:
                out.append((term, d))
    return out


def _fast_comparer():
    """symspellpy's distance checks in C++ (editdistpy) instead of Python: half the time
    of a two-edit lookup. ``None`` (symspellpy's pure-Python default) without it."""
    if _osa is None:  # pragma: no cover - a declared dependency
        return None
    from symspellpy.abstract_distance_comparer import AbstractDistanceComparer
    from symspellpy.editdistance import DistanceAlgorithm, EditDistance

    class OsaFast(AbstractDistanceComparer):
        def distance(self, string_1: str | None, string_2: str | None, max_distance: int) -> int:
            return _osa(string_1 or "", string_2 or "", max_distance)

    return EditDistance(DistanceAlgorithm.USER_PROVIDED, OsaFast())


def build_index(standard: dict[str, float], variants: dict[str, str]):
    """The two-edit index: attested standard forms only (and variants of them).

    A correction two edits away is only ever used when it is common (a typo needs zipf
    >= 4 at two edits, a fix >= 3), so the unattested half of the standard forms would
    double the index, and its load time in every process, for suggestions that never
    win. One-edit corrections still come from every standard form (Speller.neighbours).
    """
    from symspellpy import SymSpell

    # prefix_length does not change what a lookup finds, only the trade between the size
    # of the index (loaded once per process) and the candidates each lookup checks: 6 loads
    # in half the time of 7 and breaks even after about 4,000 lookups, more than a run
    # over a few hundred pages makes
    sym = SymSpell(max_dictionary_edit_distance=2, prefix_length=6)
    for term, z in standard.items():
        if z > 0:
            sym.create_dictionary_entry(term, max(1, int(10 ** z)))
    for wrong, right in variants.items():
        z = standard.get(right, 0.0)
        if z > 0:
            sym.create_dictionary_entry(wrong, max(1, int(10 ** z)))
    return sym
