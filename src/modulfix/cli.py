"""The command line: a thin shell over the library.

``main(argv) -> int`` never raises: every error becomes one line on stderr and a
documented exit code (see :mod:`modulfix.errors`). Heavy modules are imported inside
the command that needs them, so ``modulfix --help`` and ``explain`` start fast.
"""

from __future__ import annotations

import os
import sys
import tempfile

import click

from modulfix import __version__
from modulfix.errors import (EXIT_FINDINGS, EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE,
                             ModulfixError, OutputError, UsageError)

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


def _err(message: str) -> None:
    click.echo(f"modulfix: {message}", err=True)


def write_atomic(path: str, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    directory = os.path.dirname(os.path.abspath(path)) or "."
    try:
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=".modulfix-", suffix=".tmp")
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        if os.path.exists(path):
            os.chmod(tmp, os.stat(path).st_mode & 0o7777)
        os.replace(tmp, path)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.exists(a) and os.path.exists(b) and os.path.samefile(a, b)
    except OSError:
        return False


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="modulfix")
def cli() -> None:
    """Clean scraped Indonesian course modules and check their spelling (PUEBI/KBBI)."""


# ---------------------------------------------------------------- clean
@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", "output", metavar="OUT.md", help="Write the Markdown here (one input).")
@click.option("--out-dir", metavar="DIR", help="Write NAME.md for each input into DIR.")
@click.option("--no-spelling", is_flag=True, help="Do not apply spelling fixes.")
@click.option("--comments", type=click.Choice(["drop", "report", "keep"]), default="drop", show_default=True,
              help="Genuine comments: drop them, report them (stderr or --comments-file), or keep them "
                   "under '## Komentar'. Spam is never kept.")
@click.option("--comments-file", metavar="PATH", help="With --comments report: write the report here.")
@click.option("--encoding", metavar="NAME", help="Decode inputs with this encoding instead of detecting it.")
@click.option("--max-size", type=click.IntRange(1), default=16, show_default=True, metavar="MB",
              help="Refuse inputs larger than this.")
def clean(inputs, output, out_dir, no_spelling, comments, comments_file, encoding, max_size) -> int:
    """Turn scraped pages (INPUT, or - for stdin) into clean Markdown.

    Site chrome and comments are removed, the title and date go to YAML front matter,
    headings, lists and references are recovered, and safe spelling fixes are applied.
    """
    from modulfix.ingest import read_source
    from modulfix.pipeline import CleanOptions, clean_document, render

    if output and out_dir:
        raise UsageError("give -o or --out-dir, not both")
    if len(inputs) > 1 and not out_dir:
        raise UsageError("several inputs need --out-dir DIR")
    if out_dir and "-" in inputs:
        raise UsageError("stdin (-) cannot be used with --out-dir; use -o")
    options = CleanOptions(spelling=not no_spelling, comments=comments)
    targets = _clean_targets(list(inputs), output, out_dir)
    reports: list[str] = []
    for path, target in zip(inputs, targets):
        source = read_source(path, encoding, max_size * 1048576)
        for note in source.notes:
            _err(note)
        doc = clean_document(source, options)
        text = render(doc, options)
        if comments == "report":
            from modulfix.markdown import render_comments_report

            report = render_comments_report(doc)
            if report.strip():
                reports.append(report)
        if target:
            if out_dir:
                os.makedirs(out_dir, exist_ok=True)
            write_atomic(target, text.encode("utf-8"))
        else:
            click.echo(text, nl=False)
    if reports:
        joined = "\n".join(reports)
        if comments_file:
            write_atomic(comments_file, joined.encode("utf-8"))
        else:
            click.echo(joined, err=True, nl=False)
    return EXIT_OK


def _clean_targets(inputs: list[str], output: str | None, out_dir: str | None) -> list[str | None]:
    """Every output path, checked before anything is written: no input is overwritten
    and no two inputs write the same file."""
    targets: list[str | None] = []
    for path in inputs:
        target = output
        if out_dir:
            target = os.path.join(out_dir, os.path.splitext(os.path.basename(path))[0] + ".md")
        targets.append(target)
    for target in filter(None, targets):
        for path in inputs:
            if path != "-" and (_same_file(path, target)
                                or os.path.abspath(path) == os.path.abspath(target)):
                raise UsageError(f"{target}: refusing to overwrite the input {path}")
    seen: dict[str, str] = {}
    for path, target in zip(inputs, targets):
        if target is None:
            continue
        key = os.path.abspath(target)
        if key in seen:
            raise UsageError(f"{seen[key]} and {path} would both be written to {target}")
        seen[key] = path
    return targets


# ---------------------------------------------------------------- check
def _severity_ok(sev: str, minimum: str) -> bool:
    return SEVERITY_RANK.get(sev, 2) >= SEVERITY_RANK[minimum]


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--min-severity", type=click.Choice(["error", "warning", "info"]), default="warning",
              show_default=True, help="Report findings at or above this severity.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default="warning",
              show_default=True, help="Exit 1 when a finding at or above this severity is reported.")
@click.option("--encoding", metavar="NAME", help="Decode inputs with this encoding.")
@click.option("--max-size", type=click.IntRange(1), default=16, show_default=True, metavar="MB",
              help="Refuse inputs larger than this.")
def check(paths, fmt, min_severity, fail_on, encoding, max_size) -> int:
    """Report spelling and PUEBI findings in PATHS (files, directories, or - for stdin).

    Text output: path:line:col: rule-id message (suggestion, ...). Exit 0 when clean,
    1 with findings, 2 on a usage error, 3 when an input is missing or unreadable.
    """
    import json

    from modulfix.checking import check_source, expand_paths
    from modulfix.ingest import read_source

    failed = False
    for path in expand_paths(list(paths)):
        source = read_source(path, encoding, max_size * 1048576)
        for note in source.notes:
            _err(note)
        result = check_source(source)
        shown = "<stdin>" if path == "-" else path
        for f in result.findings:
            if not _severity_ok(f.severity, min_severity):
                continue
            if fail_on != "never" and _severity_ok(f.severity, fail_on):
                failed = True
            line, col = result.doc.position(f.start)
            end_line, end_col = result.doc.position(f.end)
            if fmt == "json":
                click.echo(json.dumps({
                    "path": shown, "line": line, "column": col, "end_line": end_line, "end_column": end_col,
                    "text": f.text, "rule": f.rule, "severity": f.severity, "message": f.message,
                    "suggestions": list(f.suggestions), "fix": f.fix, "source": f.source,
                }, ensure_ascii=False))
            else:
                sugg = f" ({', '.join(f.suggestions)})" if f.suggestions else ""
                click.echo(f"{shown}:{line}:{col}: {f.rule} {f.message}{sugg}")
    return EXIT_FINDINGS if failed else EXIT_OK


# ---------------------------------------------------------------- fix
@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--diff", is_flag=True, help="Print a unified diff instead of the corrected text.")
@click.option("--write", "-w", "write", is_flag=True, help="Rewrite the files in place (atomically).")
@click.option("--encoding", metavar="NAME", help="Decode inputs with this encoding.")
@click.option("--max-size", type=click.IntRange(1), default=16, show_default=True, metavar="MB",
              help="Refuse inputs larger than this.")
def fix(paths, diff, write, encoding, max_size) -> int:
    """Apply the safe fixes to PATHS (or - for stdin).

    Only the corrected spans change: same lines, same spacing elsewhere. The corrected
    text goes to stdout unless --diff or --write is given.
    """
    import difflib

    from modulfix.checking import check_source, expand_paths, fixed_text
    from modulfix.ingest import encode, read_source

    files = list(expand_paths(list(paths)))
    if write and "-" in files:
        raise UsageError("--write cannot rewrite stdin")
    if not write and not diff and len(files) != 1:
        raise UsageError("give one input, or use --write or --diff for several")
    for path in files:
        source = read_source(path, encoding, max_size * 1048576)
        result = check_source(source)
        new = fixed_text(result)
        if diff:
            name = "<stdin>" if path == "-" else path
            click.echo("".join(difflib.unified_diff(
                source.text.splitlines(keepends=True), new.splitlines(keepends=True),
                f"a/{name}", f"b/{name}")), nl=False)
        if write:
            if new != source.text:
                write_atomic(path, encode(source, new))
        elif not diff:
            sys.stdout.buffer.write(new.encode("utf-8"))
            sys.stdout.flush()
    return EXIT_OK


# ---------------------------------------------------------------- explain / trace
@cli.command()
@click.argument("rule", required=False)
@click.option("--list", "list_all", is_flag=True, help="List every rule id.")
def explain(rule, list_all) -> int:
    """Print the documentation of RULE (what, why, example, correct form, fix safety)."""
    from modulfix import rules

    if list_all or not rule:
        for r in rules.RULES.values():
            click.echo(f"{r.id:22} {r.severity:8} {r.what.split('. ')[0]}")
        return EXIT_OK
    found = rules.get(rule)
    if found is None:
        raise UsageError(f"unknown rule {rule!r} (see: modulfix explain --list)")
    click.echo(found.doc(), nl=False)
    return EXIT_OK


@cli.command()
@click.argument("words", nargs=-1, required=True)
def trace(words) -> int:
    """Tell why each WORD is accepted or flagged: which list, which analysis, which rule."""
    from modulfix.spelling import get_checker

    sp = get_checker().sp
    for word in words:
        low = word.lower()
        v = sp.verdict(low)
        click.echo(f"{word}: {'accepted' if v.ok else v.status + ' [' + v.rule + ']'}")
        click.echo(f"  how: {v.how}")
        if v.source:
            click.echo(f"  source: {v.source}")
        if v.message:
            click.echo(f"  message: {v.message}")
        if v.suggestions:
            click.echo(f"  suggestions: {', '.join(v.suggestions)}" + (f"  (auto-fix: {v.fix})" if v.fix else ""))
        for a in sp.analyses(low):
            state = "valid" if a.valid else f"{a.issue} -> {a.correct}"
            click.echo(f"  analysis: {a.describe()}  [{state}]")
        z = sp.lex.zipf(low)
        click.echo(f"  wordfreq id zipf: {z:.2f}" + ("" if z else " (not attested)"))
    return EXIT_OK


# ---------------------------------------------------------------- entry point
def main(argv: list[str] | None = None) -> int:
    """Run the CLI; return the exit code (never raises, never shows a traceback)."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        rv = cli.main(args=args, prog_name="modulfix", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.exceptions.Abort:
        _err("interrupted")
        return EXIT_INTERRUPTED
    except click.ClickException as exc:
        _err(exc.format_message())
        return EXIT_USAGE
    except ModulfixError as exc:
        _err(str(exc))
        return exc.exit_code
    except KeyboardInterrupt:
        _err("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        except OSError:
            pass
        return EXIT_OK
    except MemoryError:
        _err("out of memory")
        return EXIT_INTERNAL
    except Exception as exc:  # a bug: one line, not a traceback
        _err(f"internal error: {type(exc).__name__}: {exc} (please report this)")
        return EXIT_INTERNAL
    return rv if isinstance(rv, int) else EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
