#!/usr/bin/env python3
"""Measure the speller, side by side with hunspell-id when it is installed.

    python scripts/evaluate_speller.py [--shared ../shared] [--show]

1. The annotated sample (``corpus/pendampingan-sosial.txt`` with ``.errors.tsv``):
   detection recall and precision of *spelling* findings (severity error/warning; the
   punctuation rules are counted apart since the .tsv lists spelling errors only),
   auto-fix accuracy (fixes that produce exactly the annotated correction / all fixes
   made on annotated errors), and whether ``fix`` on its own output, and on the
   annotated correct text, changes nothing.
   The same, summed, for our own annotated pages: ``corpus/dev/`` (a development set:
   ``--show`` lists its misses) and ``corpus/heldout/`` (held out: only the scores are
   printed, never its misses, so that no rule is tuned on it).
2. Edited text (``shared/corpus/clean/``): error/warning findings and auto-fix changes
   per 1000 words. That text is for measuring only: nothing in it feeds any dictionary.
   ``corpus/clean-review.tsv`` is an independent review of every finding the speller made
   there (is the flagged span really a PUEBI/KBBI deviation, and what is the right form?):
   with it the script also prints how many findings are false alarms and how many fixes
   are wrong. A finding the review does not cover counts as a false alarm, and a fix
   counts as right only when the review calls the span an error and gives that exact form.

A finding "detects" an annotated error when their spans overlap on the same line.
hunspell-id is run as ``hunspell -d id_ID -l`` (one flagged word per line); its
detections are matched by word on the same line.
"""

from __future__ import annotations

import argparse
import csv
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from modulfix.checking import check_source, fixed_text  # noqa: E402
from modulfix.ingest import Source  # noqa: E402
from modulfix.rules import RULES  # noqa: E402

WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def spelling(f) -> bool:
    rule = RULES.get(f.rule)
    return f.severity in ("error", "warning") and (rule is None or rule.category != "punctuation")


def load_errors(tsv: Path, lines: list[str]) -> list[dict]:
    """Annotated errors with their character span on the line (n-th occurrence in order)."""
    rows = list(csv.DictReader(tsv.open(encoding="utf-8"), delimiter="\t"))
    used: dict[tuple[int, str], int] = {}
    out = []
    for r in rows:
        n = int(r["line"])
        word = r["word"]
        text = lines[n - 1]
        k = used.get((n, word), 0)
        pattern = re.compile(r"(?<![\w-])" + re.escape(word) + r"(?![\w])")
        matches = list(pattern.finditer(text))
        if k >= len(matches):
            raise SystemExit(f"annotation not found: line {n} {word!r}")
        m = matches[k]
        used[(n, word)] = k + 1
        out.append({"line": n, "word": word, "fix": r["fix"], "kind": r["kind"], "start": m.start(),
                    "end": m.end()})
    return out


def corrected_text(lines: list[str], errors: list[dict]) -> str:
    by_line: dict[int, list[dict]] = {}
    for e in errors:
        by_line.setdefault(e["line"], []).append(e)
    out = []
    for n, text in enumerate(lines, 1):
        for e in sorted(by_line.get(n, []), key=lambda e: -e["start"]):
            text = text[: e["start"]] + e["fix"] + text[e["end"]:]
        out.append(text)
    return "\n".join(out)


def evaluate_sample(txt: Path, tsv: Path, show: bool) -> dict:
    text = txt.read_text(encoding="utf-8")
    lines = text.split("\n")
    errors = load_errors(tsv, lines)
    res = check_source(Source(str(txt), text))
    doc = res.doc
    found = []
    for f in res.findings:
        if not spelling(f):
            continue
        line, col = doc.position(f.start)
        found.append((f, line, col - 1, col - 1 + (f.end - f.start)))
    detected = set()
    true_findings = 0
    fixes_made = fixes_right = 0
    suggested = first_right = 0  # true findings without a fix, with suggestions; the first one right
    for f, line, s, e in found:
        hits = [i for i, err in enumerate(errors) if err["line"] == line and s < err["end"] and err["start"] < e]
        if hits:
            true_findings += 1
            detected.update(hits)
            if f.fix is None and f.suggestions:
                suggested += 1
                err = errors[hits[0]]
                ls = lines[line - 1]
                lo, hi = min(s, err["start"]), max(e, err["end"])
                if ls[lo:s] + f.suggestions[0] + ls[e:hi] == ls[lo:err["start"]] + err["fix"] + ls[err["end"]:hi]:
                    first_right += 1
                elif show:
                    print(f"  first suggestion wrong, line {line}: {f.text!r} -> {f.suggestions[:3]} "
                          f"(expected {err['fix']!r})")
            if f.fix is not None:
                fixes_made += 1
                err = errors[hits[0]]
                ls = lines[line - 1]
                # the text after applying this fix, over the annotated span
                lo, hi = min(s, err["start"]), max(e, err["end"])
                after = ls[lo:s] + f.fix + ls[e:hi]
                before_expected = ls[lo:err["start"]] + err["fix"] + ls[err["end"]:hi]
                if after == before_expected:
                    fixes_right += 1
                elif show:
                    print(f"  wrong fix line {line}: {f.text!r} -> {f.fix!r} (expected {err['fix']!r})")
        elif show:
            print(f"  false alarm line {line}: {f.text!r} [{f.rule}] {f.suggestions[:3]}")
    if show:
        for i, err in enumerate(errors):
            if i not in detected:
                print(f"  missed line {err['line']}: {err['word']!r} -> {err['fix']!r} ({err['kind']})")
    fixed = fixed_text(res)
    again = fixed_text(check_source(Source(str(txt), fixed)))
    gold = corrected_text(lines, errors)
    gold_res = check_source(Source(str(txt), gold))
    gold_changes = [f for f in gold_res.findings if f.fix is not None and spelling(f)]
    if show:
        for f in gold_changes:
            print(f"  fix changes the corrected text: {f.text!r} -> {f.fix!r} [{f.rule}]")
    return {
        "errors": len(errors), "detected": len(detected), "findings": len(found), "true_findings": true_findings,
        "recall": len(detected) / len(errors), "precision": true_findings / max(1, len(found)),
        "fixes": fixes_made, "fixes_right": fixes_right,
        "fix_accuracy": fixes_right / max(1, fixes_made), "fixed_share": fixes_right / len(errors),
        "fix_idempotent": again == fixed, "gold_spelling_changes": len(gold_changes),
        "suggested": suggested, "first_right": first_right,
        "first_share": first_right / max(1, suggested),
    }


REVIEW = ROOT / "corpus" / "clean-review.tsv"
VERDICTS = ("error", "false", "unsure")


def load_review(path: Path = REVIEW) -> dict[tuple[str, int, int, str], dict]:
    """The reviewed findings of the edited text, by (file, line, column, text)."""
    if not path.is_file():
        return {}
    rows = csv.DictReader(path.open(encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE)
    return {(r["file"], int(r["line"]), int(r["column"]), r["text"]): r for r in rows}


def evaluate_clean(files: list[Path], show: bool) -> dict:
    words = flagged = fixes = 0
    t0 = time.perf_counter()
    counts: dict[str, int] = {}
    review = load_review()
    judged = dict.fromkeys(VERDICTS + ("unreviewed",), 0)
    fixes_right = 0
    not_real: list[str] = []
    for p in files:
        text = p.read_text(encoding="utf-8")
        words += len(WORD.findall(text))
        res = check_source(Source(str(p), text))
        for f in res.findings:
            if f.severity not in ("error", "warning") and f.fix is None:
                continue
            line = text.count("\n", 0, f.start) + 1
            column = f.start - (text.rfind("\n", 0, f.start) + 1) + 1
            r = review.get((p.name, line, column, f.text))
            verdict = r["verdict"] if r else "unreviewed"
            if f.severity in ("error", "warning"):
                flagged += 1
                key = f"{f.rule}:{f.text}"
                counts[key] = counts.get(key, 0) + 1
                judged[verdict] += 1
                if verdict != "error":
                    not_real.append(f"{p.name}:{line}:{column}: {f.text!r} [{f.rule}] {verdict}")
            if f.fix is not None:
                fixes += 1
                key = f"FIX {f.rule}:{f.text}->{f.fix}"
                counts[key] = counts.get(key, 0) + 1
                right = verdict == "error" and f.fix == r["correct"]
                fixes_right += right
                if not right:
                    not_real.append(f"{p.name}:{line}:{column}: {f.text!r} -> {f.fix!r} [{f.rule}] wrong fix "
                                    f"(review: {verdict}{', ' + repr(r['correct']) if r and r['correct'] else ''})")
    secs = time.perf_counter() - t0
    if show:
        for item in not_real:
            print(f"  edited text: {item}")
    if show:
        for k, n in sorted(counts.items(), key=lambda kv: -kv[1])[:60]:
            print(f"  {n:3} {k}")
    by_rule: dict[str, int] = {}
    fixes_by_rule: dict[str, int] = {}
    for key, n in counts.items():
        table = fixes_by_rule if key.startswith("FIX ") else by_rule
        rule = key.removeprefix("FIX ").split(":", 1)[0]
        table[rule] = table.get(rule, 0) + n
    false_alarms = flagged - judged["error"]
    return {"words": words, "flagged": flagged, "per_1000": 1000 * flagged / words,
            "fixes_per_1000": 1000 * fixes / words, "seconds": secs, "by_rule": by_rule,
            "fixes_by_rule": fixes_by_rule, "reviewed": bool(review), "judged": judged,
            "false_alarms": false_alarms, "false_per_1000": 1000 * false_alarms / words,
            "fixes": fixes, "fixes_right": fixes_right,
            "wrong_fixes_per_1000": 1000 * (fixes - fixes_right) / words}


# ---------------------------------------------------------------- hunspell-id
def hunspell_available() -> bool:
    if not shutil.which("hunspell"):
        return False
    r = subprocess.run(["hunspell", "-D"], input="", capture_output=True, text=True)
    return "id_ID" in (r.stdout + r.stderr)


def hunspell_flags(lines: list[str]) -> list[set[str]]:
    """Words hunspell-id rejects, per line."""
    out = []
    for text in lines:
        r = subprocess.run(["hunspell", "-d", "id_ID", "-l"], input=text, capture_output=True, text=True)
        out.append(set(r.stdout.split()))
    return out


def hunspell_sample(txt: Path, tsv: Path) -> dict:
    lines = txt.read_text(encoding="utf-8").split("\n")
    errors = load_errors(tsv, lines)
    flags = hunspell_flags(lines)
    total = sum(len([w for w in WORD.findall(line) if w in flags[i]]) for i, line in enumerate(lines))
    detected = 0
    true_flags = 0
    for i, line in enumerate(lines):
        for m in WORD.finditer(line):
            if m.group() not in flags[i]:
                continue
            hit = any(e["line"] == i + 1 and m.start() < e["end"] and e["start"] < m.end() for e in errors)
            true_flags += hit
    for e in errors:
        line = lines[e["line"] - 1]
        if any(w in flags[e["line"] - 1] for w in WORD.findall(line[e["start"]:e["end"]])):
            detected += 1
    return {"recall": detected / len(errors), "precision": true_flags / max(1, total), "findings": total,
            "errors": len(errors), "detected": detected, "true_findings": true_flags}


def page_set(folder: Path) -> list[tuple[Path, Path]]:
    return [(t, t.with_name(t.stem + ".errors.tsv")) for t in sorted(folder.glob("*.txt"))
            if t.with_name(t.stem + ".errors.tsv").is_file()]


def evaluate_set(pages: list[tuple[Path, Path]], show: bool) -> dict | None:
    """The sample's measures, summed over a folder of annotated pages."""
    if not pages:
        return None
    keys = ("errors", "detected", "findings", "true_findings", "fixes", "fixes_right", "gold_spelling_changes",
            "suggested", "first_right")
    tot = dict.fromkeys(keys, 0)
    stable = True
    for txt, tsv in pages:
        if show:
            print(f"  -- {txt.name}")
        r = evaluate_sample(txt, tsv, show)
        for k in keys:
            tot[k] += r[k]
        stable &= r["fix_idempotent"]
    return {**tot, "pages": len(pages), "recall": tot["detected"] / tot["errors"],
            "precision": tot["true_findings"] / max(1, tot["findings"]),
            "fix_accuracy": tot["fixes_right"] / max(1, tot["fixes"]),
            "fixed_share": tot["fixes_right"] / tot["errors"], "fix_idempotent": stable,
            "first_share": tot["first_right"] / max(1, tot["suggested"])}


def hunspell_set(pages: list[tuple[Path, Path]]) -> dict | None:
    if not pages:
        return None
    rs = [hunspell_sample(t, e) for t, e in pages]
    errors = sum(r["errors"] for r in rs)
    return {"recall": sum(r["detected"] for r in rs) / errors,
            "precision": sum(r["true_findings"] for r in rs) / max(1, sum(r["findings"] for r in rs))}


def hunspell_clean(files: list[Path]) -> dict:
    words = flagged = 0
    t0 = time.perf_counter()
    for p in files:
        text = p.read_text(encoding="utf-8")
        words += len(WORD.findall(text))
        r = subprocess.run(["hunspell", "-d", "id_ID", "-l"], input=text, capture_output=True, text=True)
        flagged += len(r.stdout.split())
    return {"words": words, "flagged": flagged, "per_1000": 1000 * flagged / words,
            "seconds": time.perf_counter() - t0}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"), help="path of the shared/ folder")
    ap.add_argument("--show", action="store_true", help="list misses, false alarms and wrong fixes")
    args = ap.parse_args()
    shared = Path(args.shared)
    txt = shared / "corpus" / "pendampingan-sosial.txt"
    tsv = shared / "corpus" / "pendampingan-sosial.errors.tsv"
    clean_files = sorted((shared / "corpus" / "clean").glob("*.txt"))
    s = evaluate_sample(txt, tsv, args.show)
    sets = {name: page_set(ROOT / "corpus" / name) for name in ("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12", "heldout")}
    # held-out pages are measured, never shown: their misses must not steer the rules
    results = {name: evaluate_set(pages, args.show and name != "heldout") for name, pages in sets.items()}
    c = evaluate_clean(clean_files, args.show)
    hs = hc = None
    hsets: dict = {}
    if hunspell_available():
        hs = hunspell_sample(txt, tsv)
        hc = hunspell_clean(clean_files)
        hsets = {name: hunspell_set(pages) for name, pages in sets.items()}

    def col(v, fmt="{:.3f}"):
        return "n/a" if v is None else fmt.format(v)

    print(f"{'metric':44} {'modulfix':>10} {'hunspell-id':>12} {'target':>8}")
    rows = [
        ("sample: detection recall", s["recall"], hs and hs["recall"], ">=0.95"),
        ("sample: detection precision", s["precision"], hs and hs["precision"], ">=0.90"),
        ("sample: auto-fix accuracy", s["fix_accuracy"], None, ">=0.90"),
        ("sample: errors fixed correctly (share)", s["fixed_share"], None, ""),
        ("sample: first suggestion right (unfixed)", s["first_share"], None, ""),
    ]
    for name, a, b, t in rows:
        print(f"{name:44} {col(a):>10} {col(b):>12} {t:>8}")
    print(f"{'sample: errors / detected / findings / fixes':44} "
          f"{s['errors']}/{s['detected']}/{s['findings']}/{s['fixes']}")
    print(f"{'sample: fix(fix(x)) == fix(x)':44} {str(s['fix_idempotent']):>10}")
    print(f"{'sample: spelling fixes on corrected text':44} {s['gold_spelling_changes']:>10} {'':>12} {'0':>8}")
    for name, r in results.items():
        if r is None:
            continue
        h = hsets.get(name)
        label = f"{name} ({r['pages']} pages)"
        for metric, a, b, t in (("detection recall", r["recall"], h and h["recall"], ""),
                                ("detection precision", r["precision"], h and h["precision"], ""),
                                ("auto-fix accuracy", r["fix_accuracy"], None, ""),
                                ("errors fixed correctly (share)", r["fixed_share"], None, ""),
                                ("first suggestion right (unfixed)", r["first_share"], None, "")):
            print(f"{label + ': ' + metric:44} {col(a):>10} {col(b):>12} {t:>8}")
        print(f"{label + ': errors / detected / findings / fixes':44} "
              f"{r['errors']}/{r['detected']}/{r['findings']}/{r['fixes']}")
        print(f"{label + ': fix stable; changes to corrected text':44} {str(r['fix_idempotent']):>10} "
              f"{r['gold_spelling_changes']:>12}")
    print(f"{'clean: words':44} {c['words']:>10}")
    print(f"{'clean: error/warning findings per 1000 words':44} {c['per_1000']:>10.2f} "
          f"{col(hc and hc['per_1000'], '{:.2f}'):>12} {'<=5':>8}")
    print(f"{'clean: auto-fix changes per 1000 words':44} {c['fixes_per_1000']:>10.2f} {'':>12} {'<=1':>8}")
    if c["reviewed"]:
        j = c["judged"]
        print(f"{'clean: findings real / false / unsure / unreviewed':44} "
              f"{j['error']}/{j['false']}/{j['unsure']}/{j['unreviewed']} (corpus/clean-review.tsv)")
        print(f"{'clean: false alarms per 1000 words':44} {c['false_per_1000']:>10.2f}")
        print(f"{'clean: fixes right / all':44} {c['fixes_right']}/{c['fixes']}")
        print(f"{'clean: wrong auto-fixes per 1000 words':44} {c['wrong_fixes_per_1000']:>10.2f}")
    print(f"{'clean: seconds (in-process, warm cache)':44} {c['seconds']:>10.2f} "
          f"{col(hc and hc['seconds'], '{:.2f}'):>12}")
    print("clean: error/warning findings per 1000 words, by rule:")
    for rule, n in sorted(c["by_rule"].items(), key=lambda kv: -kv[1]):
        print(f"  {rule:24} {1000 * n / c['words']:6.2f}  ({n})")
    print("clean: auto-fix changes per 1000 words, by rule:")
    for rule, n in sorted(c["fixes_by_rule"].items(), key=lambda kv: -kv[1]):
        print(f"  {rule:24} {1000 * n / c['words']:6.2f}  ({n})")
    if hs is None:
        print("hunspell-id: not installed (apt-get install hunspell hunspell-id)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
