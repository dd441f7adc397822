"""One ``check`` (or ``fix``) run over many paths: which files, read, checked, in order.

Start reading from :func:`collect`, then :func:`check_all`. Every named path must exist
(else :class:`InputError`, exit 3) before any work is done. Directories are walked in
sorted order, hidden files and directories and the project's word lists left out; a file
is taken when its type is known (``[file-types]``) and it is not
excluded (``include``/``exclude``, relative to the directory of the configuration that
applies to it). Named files are subject to the excludes too, unless
``respect_excludes=False``. ``check_all`` returns results in input order whatever the
number of worker processes. Nothing here prints.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from modulfix.checking import SKIP_DIRS, FileResult, FileSettings, check_source
from modulfix.config import Config, ConfigCache
from modulfix.errors import InputError, ModulfixError
from modulfix.ingest import Source


@dataclass
class Target:
    path: str  # as named or found ("-" for stdin)
    config: Config
    kind: str  # markdown | text
    name: str = ""  # the name shown for stdin (--stdin-filename) or the path

    @property
    def shown(self) -> str:
        return self.name or ("<stdin>" if self.path == "-" else self.path)

    def settings(self) -> FileSettings:
        return FileSettings.from_config(self.config, self.kind)


def collect(paths: Iterable[str], cache: ConfigCache, respect_excludes: bool = True,
            stdin_filename: str | None = None) -> list[Target]:
    """The files to check, in a stable order (named order; sorted inside directories)."""
    paths = list(paths)
    for p in paths:
        if p != "-" and not os.path.lexists(p):
            raise InputError(f"{p}: no such file or directory")
    out: list[Target] = []
    for p in paths:
        if p == "-":
            name = stdin_filename or ""
            cfg = cache.for_path(stdin_filename) if stdin_filename else cache.for_path("-")
            if stdin_filename and respect_excludes and cfg.excluded(stdin_filename):
                continue
            kind = (cfg.file_type(stdin_filename) if stdin_filename else None) or "text"
            out.append(Target("-", cfg, kind, name))
        elif os.path.isdir(p):
            out.extend(_walk(p, cache, respect_excludes))
        else:
            cfg = cache.for_path(p)
            if respect_excludes and cfg.excluded(p):
                continue
            out.append(Target(p, cfg, cfg.file_type(p) or "text"))
    return out


def _walk(top: str, cache: ConfigCache, respect_excludes: bool) -> list[Target]:
    found: list[Target] = []
    for root, dirs, files in os.walk(top):
        cfg = cache.for_dir(root)
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith(".")
                         and not (respect_excludes and cfg.dir_excluded(os.path.join(root, d))))
        own = cfg.word_list_paths()
        for f in files:
            path = os.path.join(root, f)
            if f.startswith("."):
                continue  # hidden files, and our own .modulfix-words.txt
            kind = cfg.file_type(path)
            if kind is None or (respect_excludes and cfg.excluded(path)) or os.path.abspath(path) in own:
                continue
            found.append(Target(path, cfg, kind))
    found.sort(key=lambda t: t.path)
    return found


@dataclass
class Item:
    target: Target
    source: Source | None = None
    error: str | None = None  # the one-line message when the file could not be read
    result: FileResult | None = None


def read_all(targets: list[Target], encoding: str | None, max_bytes: int) -> list[Item]:
    """Read every target; an unreadable one keeps its message instead of stopping the run."""
    from modulfix.ingest import read_source

    items = []
    for t in targets:
        try:
            src = read_source(t.path, encoding, max_bytes)
            if t.name:
                src.path = t.name
            items.append(Item(t, src))
        except ModulfixError as exc:
            items.append(Item(t, error=str(exc)))
    return items


def _check_one(args: tuple[Source, FileSettings]) -> FileResult:
    return check_source(*args)


def check_all(items: list[Item], jobs: int = 1, progress: Callable[[], None] | None = None) -> None:
    """Check every readable item, filling ``item.result``; input order is kept."""
    todo = [it for it in items if it.source is not None]
    work = [(it.source, it.target.settings()) for it in todo]
    if jobs > 1 and len(work) > 1:
        from concurrent.futures import ProcessPoolExecutor

        from modulfix.spelling import get_checker

        get_checker()  # load once here: forked workers inherit it, others read the cache
        with ProcessPoolExecutor(max_workers=min(jobs, len(work))) as pool:
            chunk = max(1, len(work) // (jobs * 8))  # small files: fewer round trips
            for it, res in zip(todo, pool.map(_check_one, work, chunksize=chunk)):
                it.result = res
                if progress:
                    progress()
    else:
        for it, args in zip(todo, work):
            it.result = _check_one(args)
            if progress:
                progress()


def default_jobs(value: int) -> int:
    """``--jobs 0`` means one per core."""
    return value if value > 0 else (os.cpu_count() or 1)


# ---------------------------------------------------------------- a whole check run
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


def severity_at_least(sev: str, minimum: str) -> bool:
    return SEVERITY_RANK.get(sev, 2) >= SEVERITY_RANK[minimum]


@dataclass
class CheckOptions:
    paths: list[str]
    encoding: str | None = None
    max_bytes: int = 16 * 1048576
    config_file: str | None = None
    isolated: bool = False
    respect_excludes: bool = True
    stdin_filename: str | None = None
    baseline: str | None = None
    diff_base: str | None = None
    jobs: int = 1
    min_severity: str | None = None
    fail_on: str | None = None


@dataclass
class Outcome:
    reports: list  # formats.Report, one per checked file, in run order
    notes: list[str]  # decoding notes and unreadable inputs, for stderr
    failed: bool  # a reported finding at or above the failure threshold
    input_error: bool  # an input could not be read

    @property
    def exit_code(self) -> int:
        from modulfix.errors import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK

        return EXIT_INPUT if self.input_error else EXIT_FINDINGS if self.failed else EXIT_OK


@dataclass
class Run:
    options: CheckOptions
    cache: ConfigCache
    targets: list[Target]

    @property
    def run_config(self) -> Config:
        return self.cache.run


def prepare(options: CheckOptions) -> Run:
    """Configuration and the list of files (errors here: exit 2 or 3, nothing checked yet)."""
    cache = ConfigCache(options.config_file, options.isolated)
    targets = collect(options.paths, cache, options.respect_excludes, options.stdin_filename)
    for t in targets:
        t.config.allowed_words()  # a missing word list is a config error before any work
    return Run(options, cache, targets)


def report_root() -> str:
    """Where repository-relative paths start: $GITHUB_WORKSPACE, the git root, or the cwd."""
    from modulfix.config import repo_root

    ws = os.environ.get("GITHUB_WORKSPACE")
    if ws and os.path.isdir(ws):
        return os.path.abspath(ws)
    cwd = os.getcwd()
    return repo_root(cwd) or cwd


def execute(run: Run, progress: Callable[[], None] | None = None) -> Outcome:
    """Read, check and filter every file of ``run`` (baseline, changed lines, severity)."""
    from modulfix import baseline as bl
    from modulfix.formats import Report, repo_relative

    opts = run.options
    cfg = run.run_config
    min_sev = opts.min_severity or cfg.min_severity or "warning"
    fail_on = opts.fail_on or cfg.fail_on or "warning"
    base = None
    if opts.baseline:
        base = bl.Baseline.load(opts.baseline)
    elif cfg.baseline and os.path.isfile(cfg.resolve(cfg.baseline)):
        base = bl.Baseline.load(cfg.resolve(cfg.baseline))
    changed = None
    if opts.diff_base:
        from modulfix.gitdiff import changed_lines

        changed = changed_lines(opts.diff_base)
    items = read_all(run.targets, opts.encoding, opts.max_bytes)
    check_all(items, default_jobs(opts.jobs), progress)
    root = report_root()
    notes: list[str] = []
    reports = []
    failed = input_error = False
    for it in items:
        if it.error is not None:
            notes.append(it.error)
            input_error = True
            continue
        assert it.source is not None and it.result is not None
        notes.extend(it.source.notes)
        text = it.source.text
        findings = it.result.findings
        # fingerprints over all the file's findings, so filters never renumber them
        prints = dict(zip(map(id, findings), bl.fingerprints(text, findings)))
        if base is not None:
            findings = base.filter(it.target.name or it.target.path, text, findings)
        if changed is not None:
            if it.target.path == "-":
                findings = []
            else:
                lines = changed.lines(it.target.path)
                if lines is not None:
                    findings = [f for f in findings if it.result.doc.position(f.start)[0] in lines]
        findings = [f for f in findings if severity_at_least(f.severity, min_sev)]
        if fail_on != "never" and any(severity_at_least(f.severity, fail_on) for f in findings):
            failed = True
        shown = it.target.shown
        rel = repo_relative(it.target.name or it.target.path, root)
        reports.append(Report(shown, rel, it.result.doc, findings, [prints[id(f)] for f in findings]))
    return Outcome(reports, notes, failed, input_error)


def build_baseline(options: CheckOptions, path: str):
    """A :class:`~modulfix.baseline.Baseline` of every finding (all severities) in the paths."""
    from modulfix.baseline import Baseline

    run = prepare(options)
    items = read_all(run.targets, options.encoding, options.max_bytes)
    check_all(items, default_jobs(options.jobs))
    base = Baseline(path)
    errors = []
    for it in items:
        if it.error is not None:
            errors.append(it.error)
            continue
        assert it.source is not None and it.result is not None
        base.add(it.target.name or it.target.path, it.source.text, it.result.findings)
    return base, errors
