"""The compiled lexicon: every word list the speller reads, in one picklable object.

Start reading from :func:`load`. Sources (see ``dictionaries/README.md``):

* PySastrawi's ``kata-dasar.txt`` -- roots, *minus* every non-standard form we know
  (``nonstandard.tsv``, ``english.tsv`` left columns, ``roots-exclude.txt``);
* our own lists in ``dictionaries/`` -- standard words, compounds, bound forms ...;
* wordfreq's Indonesian list -- frequencies. It is used two ways only: to *rank*
  standard forms (the filter that decides "standard" is ours, not wordfreq's), and
  to know that a string is *attested* (names, loans) so that it is not called a typo.

Compiling takes a second or two, so the result is cached in the user cache directory
(``MODULFIX_CACHE_DIR`` overrides it), keyed by a fingerprint of every source, the
package version and :data:`FORMAT`. A stale, foreign or corrupt cache is rebuilt.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from modulfix import __version__
from modulfix.resources import dictionaries_dir

FORMAT = 11  # bump when the compiled layout or the build logic changes


@dataclass
class Lexicon:
    fingerprint: str = ""
    roots: frozenset[str] = frozenset()  # standard roots (Sastrawi minus non-standard + ours)
    words: frozenset[str] = frozenset()  # standard words that are not derivable (ours)
    nonstandard: dict[str, tuple[str, bool]] = field(default_factory=dict)  # wrong -> (right, safe)
    english: dict[str, tuple[str, bool]] = field(default_factory=dict)
    compounds: dict[str, str] = field(default_factory=dict)  # "kerjasama" -> "kerja sama"
    compound_heads: dict[str, set[str]] = field(default_factory=dict)  # "kerja" -> {"sama"}
    joined_compounds: frozenset[str] = frozenset()
    bound_forms: frozenset[str] = frozenset()
    bound_free: frozenset[str] = frozenset()  # bound forms that are also words (antar, anti)
    pun_joined: frozenset[str] = frozenset()
    di_places: dict[str, str] = field(default_factory=dict)  # word -> class
    per_units: frozenset[str] = frozenset()  # nouns written apart after per (per hari)
    function_words: frozenset[str] = frozenset()
    proper_case: dict[str, str] = field(default_factory=dict)
    melting_exceptions: frozenset[str] = frozenset()
    attested: dict[str, float] = field(default_factory=dict)  # wordfreq zipf of any string
    english_words: dict[str, float] = field(default_factory=dict)  # wordfreq en zipf
    # rarer English words (wordfreq en "large", zipf 2.5 to 3) and common Italian, Spanish and
    # Portuguese ones (the languages Latin terms look like: arteri karotis interna), one per
    # line: read as a set only when an unknown word is judged (see foreign_rare), so start-up
    # does not pay
    foreign_band: str = ""
    standard: dict[str, float] = field(default_factory=dict)  # every standard form -> zipf
    confusables: dict[str, dict[str, str]] = field(default_factory=dict)  # cue -> written -> meant
    quiet_words: frozenset[str] = frozenset()  # attested words no rule fires on (a speed-up)
    sources: dict[str, str] = field(default_factory=dict)  # list name -> file it came from

    def zipf(self, word: str) -> float:
        return self.attested.get(word, 0.0)

    @property
    def foreign_rare(self) -> frozenset[str]:
        got = self.__dict__.get("_foreign_rare")
        if got is None:
            got = self.__dict__["_foreign_rare"] = frozenset(self.foreign_band.split("\n"))
        return got

    def is_base(self, word: str) -> bool:
        """A standard form listed as is (no analysis needed)."""
        return word in self.roots or word in self.words or word in self.joined_compounds


# ---------------------------------------------------------------- sources

def _sastrawi_roots_path() -> Path:
    import Sastrawi  # light: the package __init__ imports nothing

    return Path(Sastrawi.__file__).parent / "Stemmer" / "data" / "kata-dasar.txt"


def _wordfreq_paths() -> list[Path]:
    try:
        import importlib.util

        spec = importlib.util.find_spec("wordfreq")
    except (ImportError, ValueError):
        return []
    if spec is None or not spec.origin:
        return []
    data = Path(spec.origin).parent / "data"
    return [p for p in (data / "small_id.msgpack.gz", data / "small_en.msgpack.gz") if p.exists()]


DATA_FILES = (
    "nonstandard.tsv", "english.tsv", "compounds.txt", "joined-compounds.txt",
    "bound-forms.txt", "pun-joined.txt", "di-places.txt", "function-words.txt",
    "proper-case.tsv", "words.txt", "roots-exclude.txt", "melting-exceptions.txt",
    "confusables.tsv", "per-units.txt",
)


# The code that decides what is compiled: a change to it must invalidate the caches
# (the suggestion index holds every word that morphology accepts).
_CODE_FILES = ("lexicon.py", "morphology.py", "speller.py", "suggest.py", "checker.py")  # checker: quiet words


def source_paths() -> list[Path]:
    d = dictionaries_dir()
    paths = [d / name for name in DATA_FILES]
    here = Path(__file__).resolve().parent
    paths.extend(here / name for name in _CODE_FILES)
    paths.append(_sastrawi_roots_path())
    paths.extend(_wordfreq_paths())
    return paths


def fingerprint(paths: list[Path] | None = None) -> str:
    h = hashlib.sha256(f"modulfix {__version__} format {FORMAT}\n".encode())
    for p in paths if paths is not None else source_paths():
        h.update(p.name.encode() + b"\0")
        try:
            h.update(p.read_bytes())
        except OSError:
            h.update(b"<missing>")
        h.update(b"\0")
    return h.hexdigest()


def read_rows(path: Path, columns: int = 1) -> list[list[str]]:
    """Rows of a data file: ``#`` comments and blank lines skipped, tab-separated."""
    if not path.exists():
        return []
    rows = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        parts = raw.split("\t") if columns > 1 else [raw.strip()]
        parts = [p.strip() for p in parts]
        parts += [""] * (columns - len(parts))
        rows.append(parts)
    return rows


# ---------------------------------------------------------------- build

def build() -> Lexicon:
    d = dictionaries_dir()
    lex = Lexicon()
    lex.nonstandard = {w.lower(): (r, s != "suggest")
                       for w, r, s, *_ in read_rows(d / "nonstandard.tsv", 4)}
    lex.english = {w.lower(): (r, s != "suggest")
                   for w, r, s, *_ in read_rows(d / "english.tsv", 4)}
    compounds = [r[0].lower() for r in read_rows(d / "compounds.txt")]
    lex.compounds = {c.replace(" ", ""): c for c in compounds}
    heads: dict[str, set[str]] = {}
    for c in compounds:
        first, _, rest = c.partition(" ")
        heads.setdefault(first, set()).add(rest)
    lex.compound_heads = heads
    lex.joined_compounds = frozenset(r[0].lower() for r in read_rows(d / "joined-compounds.txt"))
    bound = read_rows(d / "bound-forms.txt", 2)
    lex.bound_forms = frozenset(r[0].lower() for r in bound)
    lex.bound_free = frozenset(r[0].lower() for r in bound if r[1].startswith("also-free"))
    lex.pun_joined = frozenset(r[0].lower() for r in read_rows(d / "pun-joined.txt"))
    lex.di_places = {r[0].lower(): r[1] for r in read_rows(d / "di-places.txt", 2)}
    lex.per_units = frozenset(r[0].lower() for r in read_rows(d / "per-units.txt"))
    lex.function_words = frozenset(r[0].lower() for r in read_rows(d / "function-words.txt"))
    lex.proper_case = {r[0].lower(): r[1] for r in read_rows(d / "proper-case.tsv", 2)}
    lex.melting_exceptions = frozenset(r[0].lower() for r in read_rows(d / "melting-exceptions.txt"))
    confusables: dict[str, dict[str, str]] = {}
    for written, meant, cues in read_rows(d / "confusables.tsv", 3):
        for cue in cues.split():
            confusables.setdefault(cue.lower(), {})[written.lower()] = meant.lower()
    lex.confusables = confusables
    excluded = {r[0].lower() for r in read_rows(d / "roots-exclude.txt", 2)}
    excluded |= set(lex.nonstandard) | set(lex.english) | set(lex.compounds)

    sastrawi = _sastrawi_roots_path().read_text(encoding="utf-8").split()
    roots = {w.strip().lower() for w in sastrawi if w.strip()}
    roots -= excluded
    words = {r[0].lower() for r in read_rows(d / "words.txt")}
    # Standard targets of our correction lists are standard words by definition.
    for right, _ in list(lex.nonstandard.values()) + list(lex.english.values()):
        for part in right.lower().split():
            words.add(part)
    lex.words = frozenset(words - excluded)
    lex.roots = frozenset(roots | set(lex.proper_case) | lex.function_words)
    lex.attested = _wordfreq_zipf("id")
    lex.english_words = _wordfreq_zipf("en")
    band = {w for w, z in _wordfreq_zipf("en", "large").items() if ENGLISH_BAND <= z < 3.0}
    for lang in ROMANCE:
        band.update(w for w, z in _wordfreq_zipf(lang).items() if z >= ROMANCE_ZIPF)
    lex.foreign_band = "\n".join(sorted(
        w for w in band if w.isascii() and w.isalpha() and w not in lex.attested and w not in lex.english_words))
    lex.sources = {
        "roots": "PySastrawi kata-dasar.txt (filtered)",
        "words": "dictionaries/words.txt",
        "nonstandard": "dictionaries/nonstandard.tsv",
        "english": "dictionaries/english.tsv",
        "compounds": "dictionaries/compounds.txt",
        "joined_compounds": "dictionaries/joined-compounds.txt",
        "bound_forms": "dictionaries/bound-forms.txt",
        "pun_joined": "dictionaries/pun-joined.txt",
        "di_places": "dictionaries/di-places.txt",
        "per_units": "dictionaries/per-units.txt",
        "function_words": "dictionaries/function-words.txt",
        "proper_case": "dictionaries/proper-case.tsv",
        "confusables": "dictionaries/confusables.tsv",
        "standard": "roots, our lists, and wordfreq words that morphology accepts",
        "attested": "wordfreq id",
        "english_words": "wordfreq en",
        "foreign_rare": "wordfreq en (large list), it, es, pt",
    }
    from modulfix.spelling.speller import Speller

    speller = Speller(lex)
    lex.standard = speller.standard_forms()
    lex.quiet_words = _quiet_words(lex, speller)
    return lex


def _quiet_words(lex: Lexicon, speller) -> frozenset[str]:
    """Attested lowercase words on which no rule can fire: precomputed so that every
    process (and every --jobs worker) starts with the common words already judged."""
    from modulfix.spelling.checker import Checker

    checker = Checker(speller)
    quiet = {w for w in lex.attested if w.isalpha() and w.islower() and checker._token_quiet(w) is True}
    return frozenset(quiet - set(checker._tails))


# English words at least this frequent (wordfreq zipf) are foreign terms rather than typos
# when no very common Indonesian word is one slip away (baboon, lox); see Speller._unknown
ENGLISH_BAND = 2.5
# ... and so are words this frequent in the languages Latin terms look like (interna)
ROMANCE = ("it", "es", "pt")
ROMANCE_ZIPF = 3.5


def _wordfreq_zipf(lang: str, wordlist: str = "small") -> dict[str, float]:
    try:
        import math

        import wordfreq
    except ImportError:  # pragma: no cover - a declared dependency
        return {}
    out: dict[str, float] = {}
    for word, freq in wordfreq.get_frequency_dict(lang, wordlist=wordlist).items():
        if freq > 0:
            out[word] = round(math.log10(freq) + 9, 2)
    return out


# ---------------------------------------------------------------- cache

def cache_dir() -> Path:
    env = os.environ.get("MODULFIX_CACHE_DIR")
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("modulfix", appauthor=False))


def cache_path(fp: str) -> Path:
    return cache_dir() / f"lexicon-{FORMAT}-{fp[:16]}.pickle"


def load_pickle(path: Path):
    """``pickle.load`` of a cache file, with the cyclic garbage collector paused: a cache
    is hundreds of thousands of small objects, and the collections their creation sets
    off (which find nothing to free) took half the load time."""
    import gc

    enabled = gc.isenabled()
    gc.disable()
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    finally:
        if enabled:
            gc.enable()


def _read_cache(path: Path, fp: str) -> Lexicon | None:
    try:
        obj = load_pickle(path)
    except Exception:  # missing, truncated, corrupt or foreign: rebuild
        return None
    if not isinstance(obj, Lexicon) or obj.fingerprint != fp:
        return None
    return obj


def _write_cache(path: Path, lex: Lexicon) -> None:
    """Atomic write; a cache we cannot write is not an error (we just rebuild next time)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".lexicon-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(lex, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        prune(path)
    except OSError:
        try:
            os.unlink(tmp)  # type: ignore[possibly-undefined]
        except (OSError, UnboundLocalError):
            pass


def prune(current: Path) -> None:
    """Remove caches of other fingerprints of the same kind (they are stale)."""
    kind = current.name.split("-", 1)[0]
    for old in current.parent.glob(f"{kind}-*.pickle"):
        if old != current:
            try:
                old.unlink()
            except OSError:
                pass


_LOADED: Lexicon | None = None


def load(use_cache: bool = True) -> Lexicon:
    """The lexicon, from the cache when it is fresh, else built (and cached)."""
    global _LOADED
    if _LOADED is not None:
        return _LOADED
    fp = fingerprint()
    path = cache_path(fp)
    lex = _read_cache(path, fp) if use_cache else None
    if lex is None:
        lex = build()
        lex.fingerprint = fp
        if use_cache:
            _write_cache(path, lex)
    _LOADED = lex
    return lex


def reset() -> None:
    """Forget the loaded lexicon (tests)."""
    global _LOADED
    _LOADED = None
