#!/usr/bin/env python3
"""Score the boilerplate stage of ``modulfix clean`` on the annotated corpus.

    python scripts/evaluate_boilerplate.py            # per-template table, totals, jusText
    python scripts/evaluate_boilerplate.py --lines    # also every misclassified line
    python scripts/evaluate_boilerplate.py --json     # the totals as JSON (what the gate pins)

Every ``corpus/NAME.lines.tsv`` labels each input line keep | title | date | drop | spam |
blank; ``corpus/pages.tsv`` gives each page's template and its date in ISO form (``-``
when the page has none). Per template it prints:

* keep P / keep R -- precision and recall of the lines kept in the module body (keep and
  title lines are content; drop, spam and date lines are not);
* removed -- share of drop, spam and date lines removed from the body;
* spam leaked -- spam lines kept in the body or inside a comment not flagged as spam
  (that comment would be shown by ``--comments report|keep``);
* date / title -- pages whose front-matter date / title is exactly right (a date found on a
  page without one counts as wrong).

With jusText installed (``pip install justext``) the same line scores are printed for
jusText 3 with its Indonesian stoplist, each line wrapped as an HTML paragraph (jusText
has no title or date output, and no comment spam scoring: a spam line it keeps is leaked).
"""

from __future__ import annotations

import argparse
import html
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
KEEP = ("keep", "title")
REMOVE = ("drop", "spam", "date")


@dataclass
class Score:
    """Counts over a set of pages; the ratios are properties."""

    pages: int = 0
    keep_total: int = 0  # gold keep/title lines
    keep_kept: int = 0  # ... that were kept
    kept_total: int = 0  # non-blank lines kept
    remove_total: int = 0  # gold drop/spam/date lines
    removed: int = 0  # ... that were removed
    spam_total: int = 0
    spam_leaked: int = 0
    dates_total: int = 0
    dates_right: int = 0
    titles_total: int = 0
    titles_right: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name, value in vars(other).items():
            if isinstance(value, int):
                setattr(self, name, getattr(self, name) + value)
            else:
                getattr(self, name).extend(value)

    @property
    def keep_precision(self) -> float:
        return self.keep_kept / self.kept_total if self.kept_total else 1.0

    @property
    def keep_recall(self) -> float:
        return self.keep_kept / self.keep_total if self.keep_total else 1.0

    @property
    def chrome_removed(self) -> float:
        return self.removed / self.remove_total if self.remove_total else 1.0

    @property
    def date_found(self) -> float:
        return self.dates_right / self.dates_total if self.dates_total else 1.0

    @property
    def title_found(self) -> float:
        return self.titles_right / self.titles_total if self.titles_total else 1.0

    def summary(self) -> dict[str, float | int]:
        return {
            "keep_precision": round(self.keep_precision, 4), "keep_recall": round(self.keep_recall, 4),
            "chrome_removed": round(self.chrome_removed, 4), "spam_leaked": self.spam_leaked,
            "date_found": round(self.date_found, 4), "title_found": round(self.title_found, 4),
            "pages": self.pages, "lines": self.keep_total + self.remove_total,
        }


def read_pages(corpus: Path = CORPUS) -> list[tuple[str, str, str | None]]:
    """(name, template, ISO date or None) of every annotated page."""
    pages = []
    for row in (corpus / "pages.tsv").read_text(encoding="utf-8").splitlines():
        if not row or row.startswith("#") or row.startswith("name\t"):
            continue
        name, template, date = row.split("\t")[:3]
        pages.append((name, template, None if date == "-" else date))
    return pages


def read_labels(name: str, corpus: Path = CORPUS) -> tuple[str, list[tuple[int, str, str]]]:
    text = (corpus / f"{name}.txt").read_text(encoding="utf-8")
    rows = []
    for row in (corpus / f"{name}.lines.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        number, label, line = row.split("\t", 2)
        rows.append((int(number), label, line))
    return text, rows


def _line_score(rows, kept: set[int], leaked: set[int], name: str, show: bool) -> Score:
    s = Score(pages=1)
    for number, label, text in rows:
        if label == "blank" or not text.strip():
            continue
        is_kept = number in kept
        s.kept_total += is_kept
        if label in KEEP:
            s.keep_total += 1
            s.keep_kept += is_kept
            if not is_kept and show:
                s.errors.append(f"{name}:{number}: lost {label} line: {text[:90]!r}")
        else:
            s.remove_total += 1
            s.removed += not is_kept
            if is_kept and show:
                s.errors.append(f"{name}:{number}: kept {label} line: {text[:90]!r}")
        if label == "spam":
            s.spam_total += 1
            if number in leaked:
                s.spam_leaked += 1
                if show:
                    s.errors.append(f"{name}:{number}: spam leaked: {text[:90]!r}")
    return s


def score_modulfix(name: str, date: str | None, corpus: Path = CORPUS, show: bool = False) -> Score:
    from modulfix.document import CONTENT, TITLE
    from modulfix.ingest import Source
    from modulfix.pipeline import CleanOptions, clean_document

    text, rows = read_labels(name, corpus)
    doc = clean_document(Source(f"{name}.txt", text), CleanOptions(spelling=False))
    kept = {ln.number for ln in doc.lines if ln.label in (CONTENT, TITLE)}
    genuine = {n for c in doc.comments if not c.spam for n in c.lines}
    s = _line_score(rows, kept, kept | genuine, name, show)
    title = next((" ".join(t.split()) for _, label, t in rows if label == "title"), None)
    s.titles_total = 1 if title else 0
    s.titles_right = int(bool(title) and doc.metadata.get("title") == title)
    s.dates_total = 1
    s.dates_right = int(doc.metadata.get("date") == date)
    if show and title and not s.titles_right:
        s.errors.append(f"{name}: title {doc.metadata.get('title')!r}, expected {title!r}")
    if show and not s.dates_right:
        s.errors.append(f"{name}: date {doc.metadata.get('date')!r}, expected {date!r}")
    return s


def score_justext(name: str, corpus: Path = CORPUS, show: bool = False) -> Score:
    """jusText on the page's lines, each wrapped as ``<p>``."""
    import justext

    text, rows = read_labels(name, corpus)
    lines = [(n, t) for n, label, t in rows if t.strip()]
    page = "<html><body>" + "".join(f"<p>{html.escape(t.strip())}</p>" for _, t in lines) + "</body></html>"
    paragraphs = justext.justext(page.encode("utf-8"), justext.get_stoplist("Indonesian"))
    kept: set[int] = set()
    pos = 0
    for number, t in lines:  # one paragraph per <p>, in order; match texts to be safe
        key = " ".join(html.unescape(html.escape(t)).split())
        for j in range(pos, min(pos + 3, len(paragraphs))):
            if " ".join(paragraphs[j].text.split()) == key:
                if not paragraphs[j].is_boilerplate:
                    kept.add(number)
                pos = j + 1
                break
    s = _line_score(rows, kept, kept, name, show)
    return s


def evaluate(corpus: Path = CORPUS, show: bool = False, justext: bool = False) -> dict[str, Score]:
    """Scores per template, plus ``"ALL"``."""
    scores: dict[str, Score] = defaultdict(Score)
    for name, template, date in read_pages(corpus):
        s = score_justext(name, corpus, show) if justext else score_modulfix(name, date, corpus, show)
        scores[template].add(s)
        scores["ALL"].add(s)
    return dict(scores)


def _table(scores: dict[str, Score], metadata: bool = True) -> str:
    head = f"{'template':16} {'pages':>5} {'lines':>5} {'keep P':>7} {'keep R':>7} {'removed':>8} {'spam leaked':>12}"
    if metadata:
        head += f" {'date':>7} {'title':>7}"
    out = [head, "-" * len(head)]
    for template in sorted(scores, key=lambda t: (t == "ALL", t)):
        s = scores[template]
        if template == "ALL":
            out.append("-" * len(head))
        row = (f"{template:16} {s.pages:5d} {s.keep_total + s.remove_total:5d} {s.keep_precision:7.3f} "
               f"{s.keep_recall:7.3f} {s.chrome_removed:8.3f} {s.spam_leaked:5d} / {s.spam_total:<4d}")
        if metadata:
            row += f" {s.dates_right:3d}/{s.dates_total:<3d} {s.titles_right:3d}/{s.titles_total:<3d}"
        out.append(row)
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lines", action="store_true", help="list every misclassified line and wrong title/date")
    ap.add_argument("--json", action="store_true", help="print the totals as JSON")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args(argv)
    ours = evaluate(args.corpus, show=args.lines)
    if args.json:
        print(json.dumps(ours["ALL"].summary(), indent=2))
        return 0
    print("modulfix clean (boilerplate stage), line labels on corpus/:")
    print(_table(ours))
    for err in ours["ALL"].errors:
        print("  " + err)
    try:
        import justext  # noqa: F401
    except ImportError:
        print("\njusText comparison skipped: pip install justext")
        return 0
    theirs = evaluate(args.corpus, show=args.lines, justext=True)
    print("\njusText 3 (Indonesian stoplist), each line wrapped as <p>:")
    print(_table(theirs, metadata=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
