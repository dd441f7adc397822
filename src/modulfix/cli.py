"""The command line: a thin shell over the library.

``main(argv) -> int`` never raises: every error becomes one line on stderr and a
documented exit code (see :mod:`modulfix.errors`). Heavy modules are imported inside
the command that needs them, so ``modulfix --help`` and ``explain`` start fast.
"""

from __future__ import annotations

import functools
import os
import sys

import click

from modulfix import __version__
from modulfix.errors import (EXIT_FINDINGS, EXIT_INPUT, EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE,
                             ModulfixError, OutputError, UsageError)

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


def _err(message: str) -> None:
    click.echo(f"modulfix: {message}", err=True)


def write_atomic(path: str, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    import tempfile  # here, not at the top: ~10 ms that check's start-up does not need

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
@click.option("--jobs", "-j", type=click.IntRange(0), default=0, show_default=True, metavar="N",
              help="Clean several inputs in N processes; 0: one per core once the inputs add up to "
                   "1 MB (output identical to --jobs 1).")
def clean(inputs, output, out_dir, no_spelling, comments, comments_file, encoding, max_size, jobs) -> int:
    """Turn scraped pages (INPUT, or - for stdin) into clean Markdown.

    Site chrome and comments are removed, the title and date go to YAML front matter,
    headings, lists and references are recovered, and safe spelling fixes are applied.
    Raw HTML (.html, or an HTML document on stdin) is read with trafilatura, installed
    by pip install 'modulfix[html]'; without it, HTML input exits with code 2.
    """
    from modulfix.pipeline import CleanOptions

    if output and out_dir:
        raise UsageError("give -o or --out-dir, not both")
    if len(inputs) > 1 and not out_dir:
        raise UsageError("several inputs need --out-dir DIR")
    if out_dir and "-" in inputs:
        raise UsageError("stdin (-) cannot be used with --out-dir; use -o")
    options = CleanOptions(spelling=not no_spelling, comments=comments)
    targets = _clean_targets(list(inputs), output, out_dir)
    reports: list[str] = []
    work = functools.partial(_clean_one, options=options, encoding=encoding, max_bytes=max_size * 1048576,
                             out_dir=out_dir)
    for target, (notes, text, report) in zip(targets, _map_jobs(work, list(zip(inputs, targets)), jobs,
                                                                list(inputs))):
        for note in notes:
            _err(note)
        if report.strip():
            reports.append(report)
        if not target:
            click.echo(text, nl=False)
    if reports:
        joined = "\n".join(reports)
        if comments_file:
            write_atomic(comments_file, joined.encode("utf-8"))
        else:
            click.echo(joined, err=True, nl=False)
    return EXIT_OK


def _clean_one(item: tuple[str, str | None], options, encoding: str | None, max_bytes: int,
               out_dir: str | None = None) -> tuple[list[str], str, str]:
    """One input of ``clean``, ``item`` = (input path, output path or None for stdout):
    (notes for stderr, the Markdown when it goes to stdout else "", comments report or "").

    The output file is written here, atomically: with ``--jobs``, by the worker that
    made it, so that the parent neither receives every page nor writes them one by one."""
    from modulfix.ingest import read_source
    from modulfix.pipeline import clean_document, render

    path, target = item
    source = read_source(path, encoding, max_bytes)
    doc = clean_document(source, options)
    report = ""
    if options.comments == "report":
        from modulfix.markdown import render_comments_report

        report = render_comments_report(doc)
    markdown = render(doc, options)
    if target:
        if out_dir:
            os.makedirs(out_dir, exist_ok=True)
        write_atomic(target, markdown.encode("utf-8"))
        markdown = ""
    return list(source.notes), markdown, report


def _map_jobs(func, items: list, jobs: int, paths: list[str] | None = None):
    """``map`` in input order, in ``jobs`` processes when there is enough work for them
    (``paths``: the input files of ``items``, which are those paths when not given).

    The lexicon is loaded before the pool forks, so workers share it instead of each
    loading it again."""
    paths = items if paths is None else paths
    if jobs == 0:  # auto: every core, when there is enough to share out
        from modulfix import AUTO_JOBS_MIN_BYTES

        total = 0
        for path in paths:
            try:
                total += os.path.getsize(path)
            except (OSError, ValueError):
                pass
        jobs = (os.cpu_count() or 1) if total >= AUTO_JOBS_MIN_BYTES else 1
    if jobs <= 1 or len(items) < 2 or "-" in paths:
        yield from map(func, items)
        return
    from concurrent.futures import ProcessPoolExecutor

    from modulfix.spelling import get_checker

    get_checker()
    try:
        pool = ProcessPoolExecutor(max_workers=min(jobs, len(items)))
        results = pool.map(func, items, chunksize=max(1, min(32, len(items) // (4 * jobs))))
    except (OSError, NotImplementedError, ImportError):
        yield from map(func, items)  # no worker processes here: one process
        return
    with pool:
        yield from results


def _clean_targets(inputs: list[str], output: str | None, out_dir: str | None) -> list[str | None]:
    """Every output path, checked before anything is written: no input is overwritten
    and no two inputs write the same file."""
    targets: list[str | None] = []
    for path in inputs:
        target = output
        if out_dir:
            target = os.path.join(out_dir, os.path.splitext(os.path.basename(path))[0] + ".md")
        targets.append(target)
    # Each input's absolute path and file identity, once: comparing every target with
    # every input took seconds for a thousand pages (quadratic in stat calls).
    by_name: dict[str, int] = {}
    by_file: dict[tuple[int, int], int] = {}
    for i, path in enumerate(inputs):
        if path == "-":
            continue
        by_name.setdefault(os.path.abspath(path), i)
        st = _stat(path)
        if st is not None:
            by_file.setdefault((st.st_dev, st.st_ino), i)
    for target in filter(None, targets):
        st = _stat(target)
        hits = [by_name.get(os.path.abspath(target)),
                by_file.get((st.st_dev, st.st_ino)) if st is not None else None]
        first = min((i for i in hits if i is not None), default=None)
        if first is not None:
            raise UsageError(f"{target}: refusing to overwrite the input {inputs[first]}")
    seen: dict[str, str] = {}
    for path, target in zip(inputs, targets):
        if target is None:
            continue
        key = os.path.abspath(target)
        if key in seen:
            raise UsageError(f"{seen[key]} and {path} would both be written to {target}")
        seen[key] = path
    return targets


def _stat(path: str):
    try:
        return os.stat(path)
    except (OSError, ValueError):
        return None


# ---------------------------------------------------------------- check
def _config_options(f):
    f = click.option("--isolated", is_flag=True,
                     help="Ignore every configuration file (use the defaults).")(f)
    f = click.option("--config", "config_file", metavar="FILE",
                     help="Use this modulfix.toml or pyproject.toml instead of searching for one.")(f)
    return f


def _input_options(f):
    f = click.option("--max-size", type=click.IntRange(1), default=16, show_default=True, metavar="MB",
                     help="Refuse inputs larger than this (an input over 1 MB is read in pieces, in "
                          "bounded memory: raising the limit is safe).")(f)
    f = click.option("--encoding", metavar="NAME", help="Decode inputs with this encoding.")(f)
    f = click.option("--stdin-filename", metavar="NAME",
                     help="For - (stdin): the file name used for its type, configuration, excludes and output.")(f)
    f = click.option("--no-respect-excludes", is_flag=True,
                     help="Check files named on the command line even when the configuration excludes them.")(f)
    return f


def _parse_output_files(specs: tuple[str, ...]) -> list[tuple[str, str]]:
    from modulfix.formats import FORMATS

    out = []
    for spec in specs:
        fmt, sep, path = spec.partition(":")
        if not sep or not path or fmt not in FORMATS:
            raise UsageError(f"--output-file {spec!r}: expected FORMAT:PATH with FORMAT one of "
                             f"{', '.join(FORMATS)}")
        out.append((fmt, path))
    return out


def _progress(total: int):
    """A progress bar on stderr for long runs on a terminal; a no-op context otherwise."""
    import contextlib

    if total < PROGRESS_MIN_FILES or not _stderr_is_terminal():
        return contextlib.nullcontext(None)
    return click.progressbar(length=total, label="checking", file=sys.stderr)


def _stderr_is_terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


PROGRESS_MIN_FILES = 20


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "sarif", "github"]), default=None,
              help="Report format [default: github when GITHUB_ACTIONS=true, else text].")
@click.option("--output-file", "output_files", multiple=True, metavar="FORMAT:PATH",
              help="Also write a report in FORMAT to PATH (repeatable), e.g. sarif:modulfix.sarif.")
@click.option("--min-severity", type=click.Choice(["error", "warning", "info"]), default=None,
              help="Report findings at or above this severity [default: config, else warning].")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default=None,
              help="Exit 1 when a reported finding is at or above this severity [default: config, else warning].")
@click.option("--baseline", "baseline_file", metavar="FILE",
              help="Report only findings not recorded in this baseline (see: modulfix baseline).")
@click.option("--diff-base", metavar="REF", help="Report only findings on lines changed since the git revision REF.")
@click.option("--jobs", "-j", type=click.IntRange(0), default=0, show_default=True, metavar="N",
              help="Check in N processes; 0: one per core once there is at least 1 MB to check. "
                   "The output is the same for any N.")
@_config_options
@_input_options
def check(paths, fmt, output_files, min_severity, fail_on, baseline_file, diff_base, jobs, config_file,
          isolated, no_respect_excludes, stdin_filename, encoding, max_size) -> int:
    """Report spelling and PUEBI findings in PATHS (files, directories, or - for stdin).

    Text output: path:line:col: rule-id message (suggestion, ...). Exit 0 when nothing is at
    or above the --fail-on threshold (also when every file is excluded), 1 with findings,
    2 on a usage or configuration error, 3 when an input is missing or unreadable.
    """
    from modulfix.checkrun import CheckOptions, execute, prepare
    from modulfix.formats import Writer

    fmt = fmt or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    extra = _parse_output_files(output_files)
    run = prepare(CheckOptions(list(paths), encoding, max_size * 1048576, config_file, isolated,
                               not no_respect_excludes, stdin_filename, baseline_file, diff_base, jobs,
                               min_severity, fail_on))
    files = [AtomicFile(path) for _, path in extra]
    try:
        writers = [Writer(name, f.write, __version__) for (name, _), f in zip(extra, files)]
        writers.append(Writer(fmt, lambda text: click.echo(text, nl=False), __version__))

        def emit(report) -> None:
            for w in writers:
                w.add(report)

        with _progress(len(run.targets)) as bar:
            outcome = execute(run, emit, (lambda: bar.update(1)) if bar is not None else None, _err)
        for w in writers:
            w.close()
        for f in files:
            f.commit()
    finally:
        for f in files:
            f.discard()
    return outcome.exit_code


class AtomicFile:
    """A file written piece by piece (text as UTF-8, or bytes) into a temporary file
    beside ``path``, which replaces ``path`` at :meth:`commit` (its directory is created
    first)."""

    def __init__(self, path: str, binary: bool = False):
        import tempfile

        self.path = path
        parent = os.path.dirname(path)
        try:
            if parent:
                os.makedirs(parent, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"{path}: cannot create its directory ({exc.strerror or exc})") from None
        try:
            fd, self.tmp = tempfile.mkstemp(dir=parent or ".", prefix=".modulfix-", suffix=".tmp")
        except OSError as exc:
            raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
        self.fh = os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="")

    def write(self, text) -> None:
        try:
            self.fh.write(text)
        except OSError as exc:
            raise OutputError(f"{self.path}: cannot write ({exc.strerror or exc})") from None

    def commit(self) -> None:
        try:
            self.fh.close()
            if os.path.exists(self.path):
                os.chmod(self.tmp, os.stat(self.path).st_mode & 0o7777)
            os.replace(self.tmp, self.path)
        except OSError as exc:
            raise OutputError(f"{self.path}: cannot write ({exc.strerror or exc})") from None
        self.tmp = ""

    def discard(self) -> None:
        if self.tmp:
            self.fh.close()
            try:
                os.unlink(self.tmp)
            except OSError:
                pass
            self.tmp = ""


# ---------------------------------------------------------------- baseline
@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", "output", metavar="FILE",
              help="Write the baseline here [default: the configured baseline, else .modulfix-baseline.json].")
@click.option("--jobs", "-j", type=click.IntRange(0), default=0, show_default=True, metavar="N",
              help="Check in N processes; 0: one per core once there is at least 1 MB to check.")
@_config_options
@_input_options
def baseline(paths, output, jobs, config_file, isolated, no_respect_excludes, stdin_filename, encoding,
             max_size) -> int:
    """Record today's findings in PATHS so that `check --baseline FILE` reports only new ones.

    Entries are keyed by path, rule, text and a hash of the surrounding words (not by line
    number), so they survive edits elsewhere in the file.
    """
    from modulfix.checkrun import CheckOptions, build_baseline
    from modulfix.config import DEFAULT_BASELINE, ConfigCache, display

    if output is None:
        cfg = ConfigCache(config_file, isolated).run
        output = cfg.resolve(cfg.baseline) if cfg.baseline else DEFAULT_BASELINE
    base, errors = build_baseline(CheckOptions(list(paths), encoding, max_size * 1048576, config_file, isolated,
                                               not no_respect_excludes, stdin_filename, jobs=jobs), output)
    for message in errors:
        _err(message)
    if errors:
        return EXIT_INPUT
    write_atomic(output, base.dumps().encode("utf-8"))
    _err(f"{display(output)}: recorded {len(base)} finding(s)")
    return EXIT_OK


# ---------------------------------------------------------------- config
@cli.command("config")
@click.argument("path", required=False, default=".")
@_config_options
def config_cmd(path, config_file, isolated) -> int:
    """Print the effective configuration for PATH (a file or directory; default: here)."""
    from modulfix.config import load_for

    cfg = load_for(path, config_file, isolated)
    cfg.allowed_words()  # report a missing word list here too
    click.echo(cfg.to_toml(), nl=False)
    return EXIT_OK


# ---------------------------------------------------------------- words
@cli.group()
def words() -> None:
    """Manage the project word list (words accepted as written)."""


@words.command("add")
@click.argument("new_words", metavar="WORD...", nargs=-1, required=True)
@_config_options
def words_add(new_words, config_file, isolated) -> int:
    """Add WORDs to the project word list (words-file; kept sorted, no duplicates)."""
    from modulfix.config import ConfigCache, display
    from modulfix.words import merge, read_text

    cfg = ConfigCache(config_file, isolated).run
    path = cfg.words_path
    text, added = merge(read_text(path), list(new_words))
    if added or not os.path.exists(path):
        write_atomic(path, text.encode("utf-8"))
    click.echo(f"{display(path)}: added {len(added)} word(s)" + (f": {' '.join(added)}" if added else ""))
    return EXIT_OK


# ---------------------------------------------------------------- fix
@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--diff", is_flag=True, help="Print a unified diff instead of the corrected text.")
@click.option("--write", "-w", "write", is_flag=True, help="Rewrite the files in place (atomically).")
@click.option("--interactive", "-i", is_flag=True,
              help="Review each finding on the terminal (accept, pick, edit, skip, add to word list, quit); "
                   "writes the files.")
@_config_options
@_input_options
def fix(paths, diff, write, interactive, config_file, isolated, no_respect_excludes, stdin_filename, encoding,
        max_size) -> int:
    """Apply the safe fixes to PATHS (or - for stdin).

    Only the corrected spans change: same lines, same spacing elsewhere. The corrected
    text goes to stdout unless --diff, --write or --interactive is given. The project
    configuration applies (allowed words, corrections, rules, excludes, directives).
    """
    import difflib

    from modulfix.checkrun import CheckOptions, check_all, prepare, read_all
    from modulfix.checking import fixed_text
    from modulfix.errors import InputError
    from modulfix.ingest import encode
    from modulfix.streamcheck import is_big as _is_big

    if interactive and (diff or write):
        raise UsageError("-i writes the files itself; give it without --diff or --write")
    if (write or interactive) and "-" in paths:
        raise UsageError(f"{'--write' if write else '-i'} cannot rewrite stdin")
    if interactive and not _is_terminal():
        raise UsageError("-i needs a terminal (use --diff or --write in scripts)")
    run = prepare(CheckOptions(list(paths), encoding, max_size * 1048576, config_file, isolated,
                               not no_respect_excludes, stdin_filename))
    stream = not write and not diff and not interactive
    if stream and len(paths) != 1 or stream and os.path.isdir(paths[0]):
        raise UsageError("give one input, or use --write or --diff for several")
    if stream:
        return _fix_to_stdout(paths[0], run.targets[0] if run.targets else None, encoding, max_size * 1048576)
    code = EXIT_OK
    for target in run.targets:  # one file at a time: memory for one file, not all of them
        if write and not diff and not interactive and _is_big(target.path):
            try:
                _fix_in_place(target, encoding, max_size * 1048576)
            except InputError as exc:
                _err(str(exc))
                code = EXIT_INPUT
            continue
        items = read_all([target], encoding, max_size * 1048576)
        check_all(items)
        it = items[0]
        if it.error is not None:
            _err(it.error)
            code = EXIT_INPUT
            continue
        source, result = it.source, it.result
        if interactive:
            if _fix_interactive(it.target, source, result) == "quit":
                break
            continue
        new = fixed_text(result, it.target.settings())
        if diff:
            name = it.target.shown
            click.echo("".join(difflib.unified_diff(
                source.text.splitlines(keepends=True), new.splitlines(keepends=True),
                f"a/{name}", f"b/{name}")), nl=False)
        if write:
            if new != source.text:
                write_atomic(it.target.path, encode(source, new))
    return code


def _fix_to_stdout(path: str, target, encoding: str | None, max_bytes: int) -> int:
    """``fix`` of one input to stdout; an input larger than the streaming size is read,
    fixed and written in pieces (bounded memory). An excluded input passes unchanged."""
    from modulfix.checking import check_source, fixed_text
    from modulfix.ingest import decode, read_source
    from modulfix.streamcheck import open_text, settle, spool_stdin, stream_bytes

    tf = source = None
    if path == "-":
        data, spooled = spool_stdin(max_bytes, stream_bytes())
        if data is not None:
            source = decode(data, "-", encoding)
        else:
            tf = open_text(spooled, "-", encoding, max_bytes, temporary=True)
    elif os.path.isfile(path) and os.path.getsize(path) > stream_bytes():
        tf = open_text(path, path, encoding, max_bytes)
    else:
        source = read_source(path, encoding, max_bytes)
    try:
        out = sys.stdout.buffer
        if source is not None:
            if target is not None:
                if target.name:
                    source.path = target.name
                settings = target.settings()
                out.write(fixed_text(check_source(source, settings), settings).encode("utf-8"))
            else:
                out.write(source.text.encode("utf-8"))
        else:
            fixed = settle(tf, target.settings()) if target is not None else tf
            try:
                for piece in fixed.pieces():
                    out.write(piece.encode("utf-8"))
            finally:
                fixed.close()
        out.flush()
    finally:
        if tf is not None:
            tf.close()
    return EXIT_OK


def _fix_in_place(target, encoding: str | None, max_bytes: int) -> None:
    """``fix --write`` of an input larger than the streaming size, in pieces: written
    (atomically, in its encoding, with its byte-order mark) only when a fix changes it."""
    from modulfix.ingest import _BOMS
    from modulfix.streamcheck import open_text, settle

    tf = open_text(target.path, target.path, encoding, max_bytes)
    try:
        fixed = settle(tf, target.settings())
        if fixed is tf:
            return
        try:
            out = AtomicFile(target.path, binary=True)
            try:
                if tf.bom:
                    out.write(next(b for b, e in _BOMS if e.replace("-sig", "") == tf.encoding))
                for piece in fixed.pieces():
                    out.write(piece.encode(tf.encoding))
                out.commit()
            finally:
                out.discard()
        finally:
            fixed.close()
    finally:
        tf.close()


def _is_terminal() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def _fix_interactive(target, source, result) -> str:
    """The terminal dialogue of ``fix -i`` for one file; writes it and the word list."""
    from modulfix.ingest import encode
    from modulfix.interactive import Decision, proposal, review
    from modulfix.words import merge, read_text

    doc = result.doc

    def ask(f, n, total) -> Decision:
        line, col = doc.position(f.start)
        ln = doc.lines[line - 1]
        a, b = f.start - ln.start, f.end - ln.start
        click.echo("")
        click.echo(f"{target.shown}:{line}:{col}: {f.rule} {f.message}  [{n}/{total}]")
        click.echo("  " + ln.text[:a] + click.style(ln.text[a:b], bold=True, underline=True) + ln.text[b:])
        choices = list(f.suggestions)
        prop = proposal(f)
        for i, s in enumerate(choices[:9], 1):
            click.echo(f"  {i}) {s}")
        keys = ([f"Enter=accept {prop!r}"] if prop else []) + (["1-9=pick"] if choices else []) + \
            ["e=edit", "s=skip", "a=add to word list", "q=quit"]
        while True:
            answer = click.prompt("  " + ", ".join(keys), default="", show_default=False,
                                  prompt_suffix=" > ").strip()
            if answer == "" and prop:
                return Decision("accept")
            if answer.isdigit() and 1 <= int(answer) <= min(9, len(choices)):
                return Decision("replace", choices[int(answer) - 1])
            if answer == "e":
                typed = click.prompt("  replace with", default=f.text)
                return Decision("replace", typed)
            if answer in ("s", "a", "q"):
                return Decision({"s": "skip", "a": "add", "q": "quit"}[answer])
            click.echo("  ?")

    outcome = review(source.text, result.findings, ask)
    if outcome.changed:
        write_atomic(target.path, encode(source, outcome.text))
        click.echo(f"{target.shown}: {len(outcome.replaced)} change(s) written")
    if outcome.added_words:
        path = target.config.words_path
        text, added = merge(read_text(path), outcome.added_words)
        write_atomic(path, text.encode("utf-8"))
        click.echo(f"{path}: added {' '.join(added) or 'nothing new'}")
    return "quit" if outcome.quit else "next"


# ---------------------------------------------------------------- explain / trace
@cli.command()
@click.argument("rule", required=False)
@click.option("--list", "list_all", is_flag=True, help="List every rule id.")
def explain(rule, list_all) -> int:
    """Print the documentation of RULE (what, why, example, correct form, fix safety)."""
    import modulfix.project_rules  # noqa: F401 - forced-correction, directive
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


# ---------------------------------------------------------------- batch
@cli.command()
@click.argument("input_path", metavar="[IN.jsonl|-]", required=False, default="-")
@click.option("-o", "--output", "output", metavar="OUT.jsonl", help="Write the results here (default: stdout).")
@click.option("--jobs", "-j", type=click.IntRange(0), default=1, show_default=True, metavar="N",
              help="Process records in N processes (0: one per core); the output is the same for any N.")
@click.option("--check-only", is_flag=True, help="Only check each text (no clean): markdown, title and date are null.")
@click.option("--min-severity", type=click.Choice(["error", "warning", "info"]), default="warning",
              show_default=True, help="Report findings at or above this severity.")
@click.option("--max-size", type=click.IntRange(1), default=16, show_default=True, metavar="MB",
              help="A record whose text is larger than this gets an error instead of a result.")
def batch(input_path, output, jobs, check_only, min_severity, max_size) -> int:
    """Clean and check a collection as JSON Lines: {"id", "text"} per line in, one
    {"id", "markdown", "title", "date", "findings", "error"} per record out, in order.

    Streams in constant memory. A bad record (not JSON, no text, too large) gets an
    "error" and the run goes on. Exit 0 when every line was read and a result written
    (records with an "error" included; their count goes to stderr), 2 on a usage error,
    3 when IN cannot be read, 4 when OUT cannot be written.
    """
    from modulfix.batch import BatchOptions, run
    from modulfix.errors import InputError

    if output and input_path != "-" and (_same_file(input_path, output)
                                         or os.path.abspath(input_path) == os.path.abspath(output)):
        raise UsageError(f"{output}: refusing to overwrite the input {input_path}")
    if input_path != "-" and os.path.isdir(input_path):
        raise InputError(f"{input_path}: is a directory (give a JSON Lines file)")
    options = BatchOptions(check_only=check_only, min_severity=min_severity, max_bytes=max_size * 1048576)
    try:
        infile = sys.stdin.buffer if input_path == "-" else open(input_path, "rb")  # noqa: SIM115
    except FileNotFoundError:
        raise InputError(f"{input_path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{input_path}: cannot read ({exc.strerror or exc})") from None
    try:
        try:
            outfile = open(output, "wb") if output else sys.stdout.buffer  # noqa: SIM115
        except OSError as exc:
            raise OutputError(f"{output}: cannot write ({exc.strerror or exc})") from None
        try:
            sys.stdout.flush()
            stats = run(infile, outfile, options, jobs or os.cpu_count() or 1,
                        in_name="<stdin>" if input_path == "-" else input_path, out_name=output or "<stdout>")
        except BrokenPipeError:
            if output:
                raise
            _silence_stdout()  # the reader went away (| head): not an error
            return EXIT_OK
        finally:
            if output:
                outfile.close()
    finally:
        if input_path != "-":
            infile.close()
    if stats.errors:
        _err(f"{stats.errors} of {stats.records} records could not be processed (see their \"error\")")
    return EXIT_OK


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the flush at exit does not fail on a closed pipe."""
    try:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, sys.stdout.fileno())
        os.close(fd)
    except (OSError, ValueError, AttributeError):
        pass


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


def run() -> None:  # pragma: no cover - the console script; tests call main()
    """The ``modulfix`` command: :func:`main`, then exit without tearing the interpreter
    down. Freeing the lexicon's objects one by one took about 20 ms of the 140 ms that
    ``check`` takes on one paragraph, and nothing is left to clean up by then (outputs
    are written and closed, temporary files removed), so the process ends right after its
    streams are flushed; a run that started worker processes exits the usual way."""
    code = main()
    if "multiprocessing" in sys.modules:
        sys.exit(code)  # worker processes were started: let the interpreter see them out
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass  # the reader went away (a closed pipe): nothing more can be said
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
