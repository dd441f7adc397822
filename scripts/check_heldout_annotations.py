#!/usr/bin/env python3
"""Check the annotations of the held-out speller pages (standard library only).

    python3 scripts/check_heldout_annotations.py [DIR ...] [--avoid TSV ...]

DIR defaults to ``corpus/dev`` and ``corpus/heldout``. Every ``NAME.errors.tsv`` there must have a
``NAME.txt`` beside it, and for each page this checks that

* the file is UTF-8 with the header ``line<TAB>word<TAB>fix<TAB>kind`` and 4 fields a row;
* ``line`` is a line of NAME.txt, ``kind`` is one of the known kinds, ``fix != word``;
* ``word`` occurs on that line as a whole span (the same match rule as
  ``scripts/evaluate_speller.py``: not preceded by a word character or ``-``, not
  followed by a word character), exactly as many times as rows annotate it there;
* rows are in reading order (line, then column) and their spans do not overlap;
* the kinds with a fixed shape have it: ``split`` (the word has a space the fix
  lacks), ``join`` (the fix has a space the word lacks), ``repeat`` (the word is the fix
  twice), ``case`` (word and fix differ only in case).

Across pages no erroneous word may be reused, nor may one be taken from the files given
with ``--avoid`` (by default ``corpus/pendampingan-sosial.errors.tsv``, the tuning sample).
Prints a summary (words and errors by kind per page) and exits 1 on any problem.
"""

from __future__ import annotations

import argparse
import collections
import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KINDS = ("typo", "baku", "split", "join", "realword", "case", "repeat")
HEADER = ["line", "word", "fix", "kind"]
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def span_pattern(word: str) -> re.Pattern:
    return re.compile(r"(?<![\w-])" + re.escape(word) + r"(?![\w])")


def shape_problem(word: str, fix: str, kind: str) -> str | None:
    if kind == "split" and not (" " in word and word.replace(" ", "") == fix.replace(" ", "")
                                and word.count(" ") > fix.count(" ")):
        return "split: the word should be the fix broken apart by a space"
    if kind == "join" and not (" " in fix and fix.replace(" ", "") == word.replace(" ", "")
                               and fix.count(" ") > word.count(" ")):
        return "join: the word should be the fix with a space removed"
    if kind == "repeat" and word.split() != fix.split() * 2:
        return "repeat: the word should be the fix written twice"
    if kind == "case" and word.lower() != fix.lower():
        return "case: word and fix should differ only in letter case"
    return None


def check_page(tsv: Path) -> tuple[list[str], dict]:
    problems: list[str] = []
    name = tsv.name[: -len(".errors.tsv")]
    txt = tsv.with_name(name + ".txt")
    where = tsv.relative_to(ROOT) if tsv.is_relative_to(ROOT) else tsv
    if not txt.is_file():
        return [f"{where}: {txt.name} is missing"], {}
    try:
        text = txt.read_text(encoding="utf-8")
        raw = tsv.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        return [f"{where}: not UTF-8 ({e})"], {}
    if "\r" in text or "\r" in raw:
        problems.append(f"{where}: CR line endings")
    lines = text.split("\n")
    rows = list(csv.reader(raw.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE))
    if not rows or rows[0] != HEADER:
        return [f"{where}: header must be {HEADER}, got {rows[0] if rows else None}"], {}
    wanted = collections.Counter()
    parsed = []
    for i, r in enumerate(rows[1:], 2):
        at = f"{where}:{i}"
        if len(r) != 4:
            problems.append(f"{at}: {len(r)} fields, expected 4: {r}")
            continue
        ln, word, fix, kind = r
        if not ln.isdigit() or not 1 <= int(ln) <= len(lines):
            problems.append(f"{at}: line {ln!r} is not a line of {txt.name} (1..{len(lines)})")
            continue
        n = int(ln)
        if kind not in KINDS:
            problems.append(f"{at}: kind {kind!r} not one of {', '.join(KINDS)}")
        if not word or word != word.strip() or not fix or fix != fix.strip():
            problems.append(f"{at}: empty word/fix or surrounding spaces: {word!r} -> {fix!r}")
        if fix == word:
            problems.append(f"{at}: fix equals word {word!r}")
        if kind in KINDS and (msg := shape_problem(word, fix, kind)):
            problems.append(f"{at}: {msg} ({word!r} -> {fix!r})")
        wanted[(n, word)] += 1
        parsed.append((i, n, word, fix, kind))
    # resolve each row to the k-th occurrence of its word on its line
    used: collections.Counter = collections.Counter()
    spans = []
    for i, n, word, fix, kind in parsed:
        if not word:
            continue
        matches = list(span_pattern(word).finditer(lines[n - 1]))
        if len(matches) != wanted[(n, word)] and used[(n, word)] == 0:
            problems.append(f"{where}:{i}: {word!r} occurs {len(matches)} time(s) as a whole span on "
                            f"line {n} but is annotated {wanted[(n, word)]} time(s)")
        k = used[(n, word)]
        used[(n, word)] += 1
        if k < len(matches):
            spans.append((i, n, matches[k].start(), matches[k].end(), word))
    for (i1, n1, s1, e1, w1), (i2, n2, s2, e2, w2) in zip(spans, spans[1:]):
        if (n2, s2) < (n1, s1):
            problems.append(f"{where}:{i2}: out of reading order: {w2!r} (line {n2}, col {s2 + 1}) "
                            f"comes before {w1!r} (line {n1}, col {s1 + 1})")
        elif n1 == n2 and s2 < e1:
            problems.append(f"{where}:{i2}: span of {w2!r} overlaps {w1!r} on line {n2}")
    stats = {
        "name": name,
        "lines": len(lines) - (1 if text.endswith("\n") else 0),
        "words": len(WORD.findall(text)),
        "tokens": len(text.split()),
        "errors": len(parsed),
        "kinds": collections.Counter(p[4] for p in parsed),
        "wrong": {p[2].lower() for p in parsed},
    }
    return problems, stats


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dirs", nargs="*", type=Path, default=[ROOT / "corpus" / "dev", ROOT / "corpus" / "heldout"])
    ap.add_argument("--avoid", nargs="*", type=Path,
                    default=[ROOT / "corpus" / "pendampingan-sosial.errors.tsv"],
                    help="annotation files whose erroneous words must not be reused")
    args = ap.parse_args(argv)
    problems: list[str] = []
    pages = []
    for d in args.dirs:
        tsvs = sorted(d.glob("*.errors.tsv"))
        if not tsvs:
            problems.append(f"{d}: no *.errors.tsv")
        for tsv in tsvs:
            p, s = check_page(tsv.resolve())
            problems += p
            if s:
                pages.append(s)
        for txt in sorted(d.glob("*.txt")):
            if not txt.with_name(txt.stem + ".errors.tsv").is_file():
                problems.append(f"{txt}: no {txt.stem}.errors.tsv beside it")
    owners = collections.defaultdict(list)
    for s in pages:
        for w in s["wrong"]:
            owners[w].append(s["name"])
    for w, names in sorted(owners.items()):
        if len(names) > 1:
            problems.append(f"erroneous word {w!r} reused on pages {', '.join(names)}")
    for tsv in args.avoid or []:
        if tsv.is_file():
            avoid = {r["word"].lower() for r in csv.DictReader(tsv.open(encoding="utf-8"), delimiter="\t")}
            for w in sorted(avoid & set(owners)):
                problems.append(f"erroneous word {w!r} also annotated in {tsv.name}")
    total = collections.Counter()
    for s in pages:
        total.update(s["kinds"])
        kinds = ", ".join(f"{k} {s['kinds'][k]}" for k in KINDS if s["kinds"][k])
        print(f"{s['name']}: {s['lines']} lines, {s['words']} words ({s['tokens']} tokens), "
              f"{s['errors']} errors: {kinds}")
    if pages:
        print(f"total: {len(pages)} pages, {sum(s['words'] for s in pages)} words, "
              f"{sum(total.values())} errors: " + ", ".join(f"{k} {total[k]}" for k in KINDS if total[k]))
    for p in problems:
        print("PROBLEM", p, file=sys.stderr)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
