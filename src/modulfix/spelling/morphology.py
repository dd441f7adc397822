"""Indonesian morphology: is a word a correct derivation of a standard root?

Start reading from :func:`analyze`. A word is peeled from the outside in:

    particle (-lah -kah -tah -pun) > clitic (-nya -ku -mu) > suffix (-kan -i -an)
    > prefix chain (one outer prefix, optionally one inner: memper-, keber-, pember-, ...)
    > root

For each way of peeling, the root must be a standard root and the *surface* prefix must
be exactly the one PUEBI's allomorphy produces for that root (:func:`men_form`):
``meng + koordinasi`` is an analysis, but PUEBI writes ``mengoordinasi``, so the
analysis carries ``issue="unmelted"`` and the corrected word. A word is valid when at
least one analysis has no issue. Stemmers (Sastrawi) only ask "does some stem exist",
which accepts ``mengkoordinasikan`` and even ``melakkan`` (-> ``lak``); we ask "is this
exactly how the stem is spelled with these affixes".
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

VOWELS = frozenset("aeiou")
PARTICLES = ("lah", "kah", "tah", "pun")
CLITICS = ("nya", "ku", "mu")
SUFFIXES = ("kan", "i", "an")

# Which suffixes each outermost prefix may take (confixes included: ke-an, peN-an,
# per-an, ber-an). "" = no prefix.
_SUFFIX_OK: dict[str, frozenset[str]] = {
    "": frozenset({"", "kan", "i", "an"}),
    "meN": frozenset({"", "kan", "i"}),
    "di": frozenset({"", "kan", "i"}),
    "ter": frozenset({"", "kan", "i"}),
    "ber": frozenset({"", "kan", "an"}),
    "ke": frozenset({"", "an"}),
    "peN": frozenset({"", "an"}),
    "per": frozenset({"", "kan", "i", "an"}),
    "se": frozenset({""}),
}
# Prefix chains: (outer, inner).
_CHAINS = frozenset({
    ("meN", "per"), ("di", "per"), ("ter", "per"), ("ke", "ber"), ("ke", "ter"),
    ("meN", "ber"), ("di", "ber"),  # memberdayakan, diberdayakan
    ("meN", "ke"), ("peN", "ke"), ("di", "ke"),  # mengetahui, pengetahuan, diketahui
    ("peN", "ber"), ("peN", "per"), ("ber", "ke"), ("se", "per"), ("ke", "per"),
    ("ke", "se"),  # kesetimbangan, kesesuaian: ke-...-an on se- + root (setimbang, sesuai)
})


@dataclass(frozen=True)
class Analysis:
    root: str
    prefixes: tuple[str, ...] = ()  # canonical, outer first: ("meN", "per")
    suffix: str = ""
    clitics: tuple[str, ...] = ()  # clitic then particle, as written
    issue: str = ""  # "" = valid; "unmelted", "melted-cluster", "wrong-allomorph"
    correct: str = ""  # the PUEBI spelling when issue is set

    @property
    def valid(self) -> bool:
        return not self.issue

    @property
    def derived(self) -> bool:
        return bool(self.prefixes or self.suffix or self.clitics)

    def describe(self) -> str:
        parts = [p + "-" for p in self.prefixes] + [self.root]
        parts += ["-" + self.suffix] if self.suffix else []
        parts += ["-" + c for c in self.clitics]
        return " + ".join(parts)


def monosyllabic(word: str) -> bool:
    """One vowel letter (bom, cat, tes, klik): such roots take menge-/penge-.

    Vowel *groups* would be wrong: kuat and lain have two syllables (ku-at, la-in).
    """
    return sum(ch in VOWELS for ch in word) == 1 and len(word) <= 4


def nasal_form(root: str, base: str = "me") -> str:
    """The meN-/peN- form of ``root`` per PUEBI (``base`` is ``me`` or ``pe``).

    k, p, t, s before a vowel melt (mengoordinasi, memengaruhi, menaati, menyukseskan);
    clusters keep them (mengkritik, memproduksi, mentransfer); one-syllable roots take
    menge- (mengebom); c never melts (mencuci).
    """
    r = root
    if not r:
        return base
    c, nxt = r[0], r[1:2]
    if monosyllabic(r):
        return base + "nge" + r
    if c in VOWELS:
        return base + "ng" + r
    if r.startswith(("ng", "ny")) or c in "lmnrwy":
        return base + r
    if c in "bfv":
        return base + "m" + r
    if c == "p":
        return base + "m" + (r[1:] if nxt in VOWELS else r)
    if r.startswith("sy") or c in "cdjz":
        return base + "n" + r
    if c == "t":
        return base + "n" + (r[1:] if nxt in VOWELS else r)
    if c == "s":
        return base + ("ny" + r[1:] if nxt in VOWELS else "n" + r)
    if c == "k" and not r.startswith("kh"):
        return base + "ng" + (r[1:] if nxt in VOWELS else r)
    return base + "ng" + r  # g, h, kh, q, x


def _nasal_candidates(stem: str, base: str) -> Iterator[tuple[str, str]]:
    """(root, surface prefix) pairs a meN-/peN- word may hide."""
    for surf in ("nge", "ny", "ng", "m", "n", ""):
        pre = base + surf
        if not stem.startswith(pre) or len(stem) <= len(pre) + 1:
            continue
        rest = stem[len(pre):]
        yield rest, pre
        if surf == "ny":
            yield "s" + rest, pre
        elif surf == "ng" and rest[0] in VOWELS:
            yield "k" + rest, pre
        elif surf == "m" and rest[0] in VOWELS:
            yield "p" + rest, pre
        elif surf == "n" and rest[0] in VOWELS:
            yield "t" + rest, pre


def _plain_candidates(stem: str, prefix: str) -> Iterator[tuple[str, str, bool]]:
    """(root, surface, ok) for ber-/ter-/per-/di-/ke-/se- and their allomorphs."""
    if prefix in ("di", "ke", "se"):
        if stem.startswith(prefix) and len(stem) > len(prefix) + 1:
            yield stem[len(prefix):], prefix, True
        return
    full = prefix  # ber, ter, per
    short = prefix[:-1]  # be, te, pe
    if stem.startswith(full) and len(stem) > len(full) + 1:
        rest = stem[len(full):]
        # ber + r-root is written be-: berenang; a double r is a wrong form
        yield rest, full, True
    if stem.startswith(short) and len(stem) > len(short) + 1:
        rest = stem[len(short):]
        # be-/te-/pe- before r (berasa <- ber+rasa) and before a first syllable
        # ending in -er (bekerja, beternak, pekerja, petani via pe-; te- only before
        # per/ber).
        if rest[0] == "r":
            yield rest, short, True
        elif prefix == "ber" and len(rest) > 3 and rest[1:3] == "er":
            yield rest, short, True
        elif prefix == "ter" and len(rest) > 4 and rest[:3] in ("per", "ber"):
            # te- before per/ber (tepercaya, teperdaya, tepergok, tebersit); not before
            # other -er syllables, where te- is a slip of ter- (teserang: terserang)
            yield rest, short, True
        elif prefix == "per" and rest[0] not in VOWELS:
            yield rest, short, True  # pe- of agent nouns: petani, pedagang, pekerja
    if prefix in ("ber", "per") and stem.startswith(short + "l") and stem[len(short) + 1:] == "ajar":
        yield "ajar", short + "l", True  # belajar, pelajar


# the prefixes a stem may start with, by its first letter, in the order they are tried
# (meN-, peN-, di-, ke-, se-, ber-, ter-, per-): a stem is never tried for the others
_PREFIXES_OF = {"m": ("meN",), "p": ("peN", "per"), "d": ("di",), "k": ("ke",), "s": ("se",),
                "b": ("ber",), "t": ("ter",)}


def _prefix_analyses(stem: str, is_root: Callable[[str], bool], outer: str = "",
                     depth: int = 0) -> Iterator[tuple[tuple[str, ...], str, str, str]]:
    """Yield (prefixes, root, issue, correct_stem) for a suffix-less stem."""
    if is_root(stem):
        yield (), stem, "", stem
    if depth >= 2:
        return
    for prefix in _PREFIXES_OF.get(stem[:1], ()):
        if depth == 1 and (outer, prefix) not in _CHAINS:
            continue
        if prefix in ("meN", "peN"):
            base = "me" if prefix == "meN" else "pe"
            for root, surf in _nasal_candidates(stem, base):
                for inner, r, issue, corr in _sub(root, is_root, prefix, depth):
                    if inner:
                        if inner[0] in ("per", "ber"):
                            # per-/ber- keep their p/b after the nasal: memper-, pember-
                            if surf == base + "m":
                                yield (prefix,) + inner, r, issue, surf + corr
                        elif stem == nasal_form(corr, base):
                            # ke- melts like any k: mengetahui = meN- + ke-tahu-i
                            yield (prefix,) + inner, r, issue, stem
                        continue
                    want = nasal_form(r, base)
                    if stem == want:
                        yield (prefix,), r, issue, want
                    elif base == "pe" and surf == "pe" and r[0] not in VOWELS:
                        yield (prefix,), r, issue, stem  # pe- agent nouns: pekerja, petani
                    elif stem == surf + r and surf != base:
                        # the root kept intact behind a nasal: mengkoordinasi, mensukseskan
                        yield (prefix,), r, _nasal_issue(r, surf[len(base):]), want
        else:
            for root, surf, _ok in _plain_candidates(stem, prefix):
                for inner, r, issue, corr in _sub(root, is_root, prefix, depth):
                    yield (prefix,) + inner, r, issue, surf + corr


def _sub(rest: str, is_root: Callable[[str], bool], outer: str, depth: int):
    if is_root(rest):
        yield (), rest, "", rest
    if depth == 0:
        for pre, r, issue, corr in _prefix_analyses(rest, is_root, outer, depth + 1):
            if pre:
                yield pre, r, issue, corr


_UNMELTED_NASAL = {"k": "ng", "p": "m", "t": "n", "s": "n"}


def _nasal_issue(root: str, nasal: str) -> str:
    """``unmelted`` for k/p/t/s + vowel kept behind its own nasal, else a wrong nasal."""
    c = root[:1]
    if c in _UNMELTED_NASAL and root[1:2] in VOWELS and nasal == _UNMELTED_NASAL[c]:
        return "unmelted-s" if c == "s" else "unmelted"
    return "wrong-allomorph"


def analyze(word: str, is_root: Callable[[str], bool],
            exceptions: frozenset[str] = frozenset(), stems: dict | None = None) -> list[Analysis]:
    """Every analysis of lowercase ``word`` whose root satisfies ``is_root``.

    ``stems`` memoises the prefix analyses of suffix-less stems across calls (words
    of one root share them: pembangunan, pembangunannya); it belongs to one ``is_root``."""
    out: list[Analysis] = []
    seen: set[tuple] = set()
    for stem1, particle in _strip(word, PARTICLES):
        for stem2, clitic in _strip(stem1, CLITICS):
            clitics = tuple(c for c in (clitic, particle) if c)
            for stem3, suffix in _strip(stem2, SUFFIXES):
                if suffix == "i" and stem3.endswith("i"):
                    continue  # -i never follows a root ending in i (dieksekusii is a slip)
                if stems is None:
                    found = _prefix_analyses(stem3, is_root)
                else:
                    found = stems.get(stem3)
                    if found is None:
                        if len(stems) >= 100_000:
                            stems.clear()
                        found = stems[stem3] = tuple(_prefix_analyses(stem3, is_root))
                for prefixes, root, issue, corr in found:
                    outer = prefixes[0] if prefixes else ""
                    if suffix not in _SUFFIX_OK[outer]:
                        continue
                    if issue and (stem3 + suffix in exceptions or stem3 in exceptions):
                        issue = ""
                    key = (root, prefixes, suffix, clitics, issue)
                    if key in seen:
                        continue
                    seen.add(key)
                    correct = corr + suffix + "".join(clitics) if issue else ""
                    out.append(Analysis(root, prefixes, suffix, clitics, issue, correct))
    return out


def _strip(word: str, affixes: tuple[str, ...]) -> Iterator[tuple[str, str]]:
    yield word, ""
    for a in affixes:
        if word.endswith(a) and len(word) - len(a) >= 2:
            yield word[: -len(a)], a


def generate(root: str, prefixes: tuple[str, ...] = (), suffix: str = "",
             clitics: tuple[str, ...] = ()) -> str:
    """Spell ``prefixes + root + suffix + clitics`` the PUEBI way (inverse of analyze)."""
    s = root
    for i in range(len(prefixes) - 1, -1, -1):
        p = prefixes[i]
        inner = prefixes[i + 1] if i + 1 < len(prefixes) else ""
        if p in ("meN", "peN"):
            base = "me" if p == "meN" else "pe"
            s = base + "m" + s if inner in ("per", "ber") else nasal_form(s, base)
        elif p in ("ber", "ter", "per"):
            if s == "ajar" and p in ("ber", "per"):
                s = p[:-1] + "l" + s
            elif s.startswith("r") or (p == "ber" and len(s) > 3 and s[1:3] == "er"):
                s = p[:-1] + s
            else:
                s = p + s
        else:
            s = p + s
    return s + suffix + "".join(clitics)
