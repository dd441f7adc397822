"""One ``check`` (or ``fix``) run over many paths: which files, read, checked, in order.

Start reading from :func:`collect`, then :func:`results` (``check``, ``baseline``) or
:func:`check_all` (``fix``, one file at a time). Every named path must exist
(else :class:`InputError`, exit 3) before any work is done. Directories are walked in
sorted order, hidden files and directories and the project's word lists left out; a file
is taken when its type is known (``[file-types]``) and it is not
excluded (``include``/``exclude``, relative to the directory of the configuration that
applies to it). Named files are subject to the excludes too, unless
``respect_excludes=False``. :func:`results` streams: files are read one at a time (in
the workers, with ``jobs > 1``), a file over 1 MB in pieces (:mod:`modulfix.streamcheck`),
and only findings with their positions and baseline keys come back, in input order
whatever the number of worker processes; :func:`execute` filters them and hands each
report on at once. Nothing here prints.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from modulfix import AUTO_JOBS_MIN_BYTES
from modulfix.checking import SKIP_DIRS, FileResult, FileSettings, check_source
from modulfix.config import Config, ConfigCache
from modulfix.errors import InputError, ModulfixError
from modulfix.ingest import Source
from modulfix.streamcheck import (Checked, check_piece, checked_whole, is_big, open_pieces, open_text, spool_stdin,
                                  stream_bytes)


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


def auto_jobs(value: int, targets: list[Target]) -> int:
    """The number of processes for ``--jobs value``: 0 is one per core, but only when
    the files to check add up to :data:`AUTO_JOBS_MIN_BYTES` (stdin counts as small)."""
    if value > 0:
        return value
    total = 0
    for t in targets:
        if t.path != "-":
            try:
                total += os.path.getsize(t.path)
            except OSError:
                pass
        if total >= AUTO_JOBS_MIN_BYTES:
            return default_jobs(0)
    return 1


# ---------------------------------------------------------------- streaming: file by file, piece by piece
@dataclass
class Done:
    """What checking a file, or one piece of a large file, sends back: no text."""

    index: int  # which target
    checked: Checked | None = None
    notes: list[str] = field(default_factory=list)  # decoding notes (with the first piece)
    error: str | None = None  # the file could not be read
    last: bool = True  # the file's last piece


_GROUP_FILES = 16  # small files sent to a worker at once ...
_GROUP_BYTES = 1 << 18  # ... or fewer when they add up to this (a large file goes alone: balance)


def _check_files(args: list[tuple]) -> list[Done]:
    """Read and check whole files (in a worker, or here): findings back, not the text."""
    from modulfix.ingest import read_source

    out = []
    for index, path, name, settings, encoding, max_bytes, source in args:
        try:
            if source is None:
                source = read_source(path, encoding, max_bytes)
                if name:
                    source.path = name
            res = check_source(source, settings)
        except ModulfixError as exc:
            out.append(Done(index, error=str(exc)))
            continue
        out.append(Done(index, checked_whole(source.text, res.findings, res.doc, res.suppressed),
                        list(source.notes)))
    return out


def _check_pieces(args: tuple) -> list[Done]:
    index, piece, settings, notes, last = args
    return [Done(index, check_piece(piece, settings), notes, last=last)]


def _tasks(targets: list[Target], encoding: str | None, max_bytes: int, count: Callable | None = None) -> Iterator:
    """What to check, in order: (function, argument) pairs, or a :class:`Done` already
    known (an unreadable input). Small files are grouped; a large file (or stdin) is
    scanned here and sent as pieces (``count``: how its names pass is counted, see
    :func:`~modulfix.streamcheck.open_pieces`)."""
    from modulfix.ingest import decode

    threshold = stream_bytes()
    group: list[tuple] = []
    size = 0
    for index, t in enumerate(targets):
        settings = t.settings()
        tf = None
        try:
            if t.path == "-":
                data, spooled = spool_stdin(max_bytes, threshold)
                if data is not None:
                    source = decode(data, "-", encoding)
                    if t.name:
                        source.path = t.name
                    group.append((index, "-", t.name, settings, encoding, max_bytes, source))
                    size += len(data)
                else:
                    tf = open_text(spooled, "-", encoding, max_bytes, temporary=True)
            else:
                if is_big(t.path):
                    tf = open_text(t.path, t.path, encoding, max_bytes)
                else:
                    group.append((index, t.path, t.name, settings, encoding, max_bytes, None))
                    try:
                        size += os.path.getsize(t.path)
                    except OSError:
                        pass
        except ModulfixError as exc:
            if group:
                yield _check_files, group
                group, size = [], 0
            yield Done(index, error=str(exc))
            continue
        if group and (tf is not None or len(group) >= _GROUP_FILES or size >= _GROUP_BYTES):
            yield _check_files, group
            group, size = [], 0
        if tf is not None:
            try:
                notes = tf.notes
                for piece in open_pieces(tf, settings, count=count):
                    yield _check_pieces, (index, piece, settings, notes, piece.final)
                    notes = []
            finally:
                tf.close()
    if group:
        yield _check_files, group


def results(targets: list[Target], encoding: str | None = None, max_bytes: int = 16 * 1048576,
            jobs: int = 1) -> Iterator[Done]:
    """The findings of every target, file by file and piece by piece, in input order,
    checked in ``jobs`` processes (at most a few pieces per worker in flight)."""
    several = len(targets) > 1 or any(t.path == "-" or is_big(t.path) for t in targets)
    if jobs <= 1 or not several:
        for task in _tasks(targets, encoding, max_bytes):
            if isinstance(task, Done):
                yield task
            else:
                yield from task[0](task[1])
        return
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    from modulfix.spelling import get_checker

    get_checker()  # load once here: forked workers inherit it, others read the cache
    try:
        pool = ProcessPoolExecutor(max_workers=jobs)
        # while this process reads a large file's first passes, the workers load the
        # suggestion index they will need (best effort: one warm-up task each)
        for _ in range(jobs):
            pool.submit(_warm_up)
    except (OSError, NotImplementedError, ImportError):
        # no worker processes here (a sandbox without semaphores or fork): one process
        yield from results(targets, encoding, max_bytes, 1)
        return
    with pool:
        window: deque = deque()
        for task in _tasks(targets, encoding, max_bytes, _pooled_count(pool, jobs)):
            window.append(task if isinstance(task, Done) else pool.submit(task[0], task[1]))
            while len(window) > 3 * jobs:
                yield from _collect(window.popleft())
        while window:
            yield from _collect(window.popleft())


def _pooled_count(pool, jobs: int) -> Callable[[Iterable], Iterator]:
    """A large file's names pass in the workers: each piece counted by one, the
    counters back in order, a few pieces in flight (memory stays bounded)."""
    from collections import deque

    from modulfix.streamcheck import count_names

    def count(parts: Iterable) -> Iterator:
        window: deque = deque()
        for part in parts:
            window.append(pool.submit(count_names, part))
            while len(window) > 2 * jobs:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()

    return count


def _warm_up() -> None:
    from modulfix.spelling import get_checker

    get_checker().sp.suggester()._index()


def _collect(item) -> list[Done]:
    return [item] if isinstance(item, Done) else item.result()


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
    jobs: int = 0  # 0: one per core from AUTO_JOBS_MIN_BYTES of input (see auto_jobs)
    min_severity: str | None = None
    fail_on: str | None = None


@dataclass
class Outcome:
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


def execute(run: Run, emit: Callable, progress: Callable[[], None] | None = None,
            note: Callable[[str], None] | None = None) -> Outcome:
    """Read, check and filter every file of ``run`` (baseline, changed lines, severity),
    giving each file's :class:`~modulfix.formats.Report` to ``emit`` as soon as it is
    ready (a file read in pieces gives one per piece) and each note to ``note``."""
    from collections import Counter

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
    root = report_root()
    notes: list[str] = []
    failed = input_error = False
    current = -1
    seen: Counter = Counter()
    left: dict = {}

    def tell(message: str) -> None:
        notes.append(message)
        if note:
            note(message)

    for done in results(run.targets, opts.encoding, opts.max_bytes, auto_jobs(opts.jobs, run.targets)):
        t = run.targets[done.index]
        if done.error is not None:
            tell(done.error)
            input_error = True
            if progress:
                progress()
            continue
        assert done.checked is not None
        for message in done.notes:
            tell(message)
        if done.index != current:  # numbering and baseline counts are per file
            current, seen, left = done.index, Counter(), {}
        ch = done.checked
        # fingerprints over all the file's findings, so filters never renumber them
        prints = bl.fingerprints_of(ch.keys, seen)
        keep = list(range(len(ch.findings)))
        if base is not None:
            kept = {id(f) for f in base.filter_keyed(t.name or t.path, ch.findings, ch.keys, left)}
            keep = [i for i in keep if id(ch.findings[i]) in kept]
        if changed is not None:
            if t.path == "-":
                keep = []
            else:
                lines = changed.lines(t.path)
                if lines is not None:
                    keep = [i for i in keep if ch.positions[i][0] in lines]
        keep = [i for i in keep if severity_at_least(ch.findings[i].severity, min_sev)]
        if fail_on != "never" and any(severity_at_least(ch.findings[i].severity, fail_on) for i in keep):
            failed = True
        emit(Report(t.shown, repo_relative(t.name or t.path, root), [ch.findings[i] for i in keep],
                    [ch.positions[i] for i in keep], [prints[i] for i in keep], done.index))
        if done.last and progress:
            progress()
    return Outcome(notes, failed, input_error)


def build_baseline(options: CheckOptions, path: str):
    """A :class:`~modulfix.baseline.Baseline` of every finding (all severities) in the paths."""
    from modulfix.baseline import Baseline

    run = prepare(options)
    base = Baseline(path)
    errors = []
    for done in results(run.targets, options.encoding, options.max_bytes, auto_jobs(options.jobs, run.targets)):
        if done.error is not None:
            errors.append(done.error)
            continue
        assert done.checked is not None
        t = run.targets[done.index]
        base.add_keys(t.name or t.path, done.checked.keys)
    return base, errors
