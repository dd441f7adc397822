#!/usr/bin/env python3
"""Speed, memory and scale of modulfix, measured as whole processes (issue 6).

    python scripts/benchmark.py [--quick] [--runs N] [--words N] [--json OUT.json]

Run it with the interpreter of the environment where modulfix is installed (the
``modulfix`` script next to it is used, else ``python -m modulfix``). It writes its
inputs into a temporary directory, runs every command as a separate process several
times and prints the median wall time, the words and megabytes per second and the
peak resident memory (RSS as GNU ``time -f %M`` reports it, else ``wait4``: the largest
single process of the run, workers of ``--jobs`` included; not their sum), then the
ratios and every target of the issue with PASS/FAIL. The first line describes the
machine. Nothing here is a unit test: targets live in this script only.

Inputs (``--shared`` defaults to ``../shared``, then ``/work/shared``):

* ``small.txt`` -- one paragraph, for the cold start;
* ``corpus.txt`` -- ``shared/corpus/clean/*.txt`` (edited text) repeated to ``--words``
  words (default 1,000,000): ``check``, ``fix`` and hunspell-id;
* ``pages/`` -- the scraped pages of ``corpus/*.txt`` copied to the same number of words,
  one file per page: ``clean`` (MB of scraped text per second) and, as JSON Lines,
  ``batch``;
* ``scale-{1,4,16}x.txt`` -- ``--scale-words`` (default 250,000) words times 1, 4, 16,
  one file each (``--max-size`` is raised to fit), for ``check``; ``pages-{1,4,16}x.jsonl``
  the same for ``batch``: linear time (the time each added word costs is the same from 1x
  to 4x as from 4x to 16x) and flat memory (peak RSS extrapolated to a 200 MB input).
  The 4x and 16x inputs repeat the 1x text, so in every run its first copy fills the
  speller's per-word caches and the later copies find them warm. Comparing *added* CPU
  per word (not CPU per word of whole runs) is what makes the test fair: start-up, the
  lexicon load and that first-copy warm-up are in all three runs and cancel out, and
  both differences consist of warm copies only, so only work that grows faster (or
  slower) than the text -- memory that grows with it, document-wide state -- moves the
  ratio away from 1. ``check`` reads inputs over 1 MB in pieces, so all three take
  the same path;
* ``split/`` -- ``corpus.txt`` cut into 8 files, for ``check --jobs 1`` vs ``--jobs 2``
  (reported n/a when ``check`` has no ``--jobs``). The two run in turn (1, 2, 1, 2, ...)
  so that a machine whose speed drifts within minutes slows both alike; the ratio of
  each pair of runs is printed too.

``check`` and ``clean`` use one process per core by default once their input reaches
1 MB (``--jobs 0``); the throughput section runs them as a user would and again with
``--jobs 1``, and the summary judges both. Scaling is measured with ``--jobs 1`` (the cost
of the algorithm, not of the number of cores). hunspell runs on one core. ``check``,
``check --jobs 1`` and hunspell-id run in turn (check, check --jobs 1, hunspell, check,
...), and their speed ratio is the median of the ratios of each round: this machine's
speed drifts by tens of per cent within minutes, and a ratio of two medians measured
minutes apart would carry that drift.

Every ``clean`` run writes into a folder of its own (deleting thousands of files right
before a timed run made the file system's clean-up part of it: the same ``clean`` took
5.4 s into a new folder and 7.9 to 9.1 s after each deletion), and ``clean`` and
``clean --jobs 1`` run in turn.

Words are whitespace-separated tokens (as ``wc -w`` counts them); MB is 10^6 bytes.
Repeated text keeps the speller's per-word caches warm, so throughput on a real crawl
with more distinct words is lower; the figures are for comparing runs and tools on one
machine. ``check`` exits 1 when it finds something: 0 and 1 both count as success.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCALES = (1, 4, 16)

# The targets of issue 6 (medians, one machine, 2 cores).
COLD_START_MS = 150
CHECK_VS_HUNSPELL = 3.0
CLEAN_MB_S = 1.0
PEAK_RSS_MB = 300
LINEAR_TOLERANCE = 0.10
JOBS2_SPEEDUP = 1.7


# ---------------------------------------------------------------- running

@dataclass
class Run:
    seconds: float
    rss_mb: float
    code: int
    cpu: float = math.nan  # user + system seconds of the process and its workers


@dataclass
class Measure:
    name: str
    runs: list[Run] = field(default_factory=list)
    words: int = 0
    nbytes: int = 0
    error: str = ""

    @property
    def ok(self) -> bool:
        return bool(self.runs) and not self.error

    @property
    def seconds(self) -> float:
        return statistics.median(r.seconds for r in self.runs) if self.runs else math.nan

    @property
    def cpu(self) -> float:
        return statistics.median(r.cpu for r in self.runs) if self.runs else math.nan

    @property
    def rss_mb(self) -> float:
        return max(r.rss_mb for r in self.runs) if self.runs else math.nan

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.ok and self.words else math.nan

    @property
    def mb_per_s(self) -> float:
        return self.nbytes / 1e6 / self.seconds if self.ok and self.nbytes else math.nan


def _gnu_time() -> str | None:
    """GNU time, when installed: it measures the child alone (``wait4`` on our own child
    would also count the memory of this Python process, which the child starts as a copy of)."""
    path = shutil.which("time") or ("/usr/bin/time" if os.path.exists("/usr/bin/time") else None)
    if not path:
        return None
    try:
        ok = subprocess.run([path, "-f", "%M", "true"], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return path if ok.returncode == 0 and ok.stderr.strip().isdigit() else None


GNU_TIME = _gnu_time()


def run_once(cmd: list[str], env: dict[str, str], stdin: Path | None = None,
             ok_codes: tuple[int, ...] = (0,), cwd: Path | None = None) -> Run:
    """One whole process: wall time, peak RSS (MB) and exit code."""
    fin = open(stdin, "rb") if stdin else subprocess.DEVNULL  # noqa: SIM115
    err = tempfile.TemporaryFile()  # noqa: SIM115
    fd, rss_file = tempfile.mkstemp(prefix="modulfix-bench-rss-")
    os.close(fd)
    full = [GNU_TIME, "-f", "%M %U %S", "-o", rss_file, *cmd] if GNU_TIME else cmd
    try:
        start = time.perf_counter()
        proc = subprocess.Popen(full, stdin=fin, stdout=subprocess.DEVNULL, stderr=err, env=env, cwd=cwd)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        if code not in ok_codes:
            err.seek(0)
            last = err.read().decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
            raise RuntimeError(f"exit {code}: {last[0][:200]}")
        kb, cpu = usage.ru_maxrss, usage.ru_utime + usage.ru_stime
        if GNU_TIME:
            tail = (Path(rss_file).read_text().strip().splitlines()[-1:] or [""])[0].split()
            if len(tail) == 3 and tail[0].isdigit():
                kb, cpu = int(tail[0]), float(tail[1]) + float(tail[2])
        return Run(elapsed, kb / 1024, code, cpu)
    finally:
        err.close()
        os.unlink(rss_file)
        if stdin:
            fin.close()


def _command(cmd, k: int) -> list[str]:
    """A command, or a function of the run's number giving one (a fresh output folder
    for each run: deleting the last run's thousands of files just before timing the next
    made the file system's clean-up part of the measurement)."""
    return cmd(k) if callable(cmd) else cmd


def measure(name: str, cmd, env: dict[str, str], runs: int, words: int = 0, nbytes: int = 0,
            stdin: Path | None = None, ok_codes: tuple[int, ...] = (0,), before=None) -> Measure:
    m = Measure(name, words=words, nbytes=nbytes)
    for k in range(runs):
        if before:
            before()
        try:
            m.runs.append(run_once(_command(cmd, k), env, stdin, ok_codes))
        except (RuntimeError, OSError) as exc:
            m.error = str(exc)
            break
    progress(m)
    return m


def measure_group(names: tuple[str, ...], cmds: tuple[list[str], ...], env: dict[str, str], runs: int,
                  words: int = 0, nbytes: int = 0, ok_codes: tuple[int, ...] = (0,),
                  stdins: tuple[Path | None, ...] | None = None) -> tuple[Measure, ...]:
    """Several commands run in turn (A B C A B C ...), so that a machine whose speed
    drifts within minutes slows them alike and the ratios of runs of the same round
    stay fair (see :func:`round_ratio`)."""
    group = tuple(Measure(n, words=words, nbytes=nbytes) for n in names)
    stdins = stdins or (None,) * len(cmds)
    for k in range(runs):
        for m, cmd, stdin in zip(group, cmds, stdins):
            if m.error:
                continue
            try:
                m.runs.append(run_once(_command(cmd, k), env, stdin, ok_codes))
            except (RuntimeError, OSError) as exc:
                m.error = str(exc)
    for m in group:
        progress(m)
    return group


def round_ratio(fast: Measure, slow: Measure) -> float | None:
    """The median over rounds of ``slow``'s time / ``fast``'s time, for two measures of
    :func:`measure_group` (None when they do not have the same runs)."""
    if not (fast.ok and slow.ok) or len(fast.runs) != len(slow.runs):
        return None
    return statistics.median(b.seconds / a.seconds for a, b in zip(fast.runs, slow.runs))


def measure_pair(names: tuple[str, str], cmds: tuple[list[str], list[str]], env: dict[str, str], runs: int,
                 words: int = 0, nbytes: int = 0, ok_codes: tuple[int, ...] = (0,)) -> tuple[Measure, Measure]:
    """Two commands run in turn (A B A B ...): see :func:`measure_group`."""
    pair = measure_group(names, cmds, env, runs, words, nbytes, ok_codes)
    a, b = pair
    if not a.error and not b.error and a.runs and len(a.runs) == len(b.runs):
        ratios = sorted(x.seconds / y.seconds for x, y in zip(a.runs, b.runs))
        print(f"  {'':34} each pair of runs: {', '.join(f'{r:.2f}x' for r in ratios)}", flush=True)
    return pair


def progress(m: Measure) -> None:
    if m.error:
        print(f"  {m.name:34} FAILED: {m.error}", flush=True)
        return
    rate = ""
    if m.words:
        rate += f"  {m.words_per_s:>11,.0f} words/s"
    if m.nbytes:
        rate += f"  {m.mb_per_s:6.2f} MB/s"
    print(f"  {m.name:34} {fmt_time(m.seconds):>9}  cpu {fmt_time(m.cpu):>9}  peak {m.rss_mb:4.0f} MB{rate}"
          f"   (runs: {', '.join(fmt_time(r.seconds) for r in m.runs)})", flush=True)


def fmt_time(s: float) -> str:
    if math.isnan(s):
        return "n/a"
    return f"{s * 1000:.0f} ms" if s < 1 else f"{s:.2f} s"


# ---------------------------------------------------------------- inputs

def count_words(path: Path) -> int:
    with open(path, "rb") as fh:
        return sum(len(line.split()) for line in fh)


def repeat_to(sources: list[Path], words: int, out: Path) -> tuple[int, int]:
    """Concatenate ``sources`` again and again until ``words`` words; (words, bytes)."""
    texts = [p.read_bytes() for p in sources]
    texts = [t if t.endswith(b"\n") else t + b"\n" for t in texts]
    unit = sum(len(t.split()) for t in texts)
    copies = max(1, math.ceil(words / unit))
    with open(out, "wb") as fh:
        for _ in range(copies):
            for t in texts:
                fh.write(t)
    return unit * copies, out.stat().st_size


def build_inputs(tmp: Path, shared: Path, args) -> dict:
    clean_dir = shared / "corpus" / "clean"
    edited = sorted(clean_dir.glob("*.txt"))
    if not edited:
        sys.exit(f"benchmark: no edited text in {clean_dir} (give --shared DIR)")
    pages_src = sorted((ROOT / "corpus").glob("*.txt"))

    small = tmp / "small.txt"
    para = next(line for line in edited[0].read_text(encoding="utf-8").splitlines() if len(line.split()) > 20)
    small.write_text(para + "\n", encoding="utf-8")

    corpus = tmp / "corpus.txt"
    cw, cb = repeat_to(edited, args.words, corpus)

    pages = tmp / "pages"
    pages.mkdir()
    unit = sum(count_words(p) for p in pages_src)
    copies = max(1, math.ceil(args.words / unit))
    pw = pb = 0
    with open(tmp / "pages.jsonl", "w", encoding="utf-8") as jl:
        for i in range(copies):
            for p in pages_src:
                text = p.read_text(encoding="utf-8")
                target = pages / f"{p.stem}-{i:05d}.txt"
                target.write_text(text, encoding="utf-8")
                jl.write(json.dumps({"id": target.stem, "text": text}, ensure_ascii=False) + "\n")
                pw += len(text.split())
                pb += len(text.encode("utf-8"))

    scales = {}
    w1, b1 = repeat_to(edited, args.scale_words, tmp / "scale-1x.txt")
    for k in SCALES:
        path = tmp / f"scale-{k}x.txt"
        if k != 1:
            copy_times(tmp / "scale-1x.txt", k, path)
        scales[k] = (path, w1 * k, b1 * k)

    # the same for batch: pages as JSON Lines, about --scale-words words at 1x
    batch_scales = {}
    with open(tmp / "pages.jsonl", "rb") as fh, open(tmp / "pages-1x.jsonl", "wb") as out:
        bw = bb = 0
        for line in fh:
            if bw >= args.scale_words:
                break
            text = json.loads(line)["text"]
            bw += len(text.split())
            bb += len(text.encode("utf-8"))
            out.write(line)
    for k in SCALES:
        path = tmp / f"pages-{k}x.jsonl"
        if k != 1:
            copy_times(tmp / "pages-1x.jsonl", k, path)
        batch_scales[k] = (path, bw * k, bb * k)

    split = tmp / "split"
    split.mkdir()
    lines = corpus.read_bytes().splitlines(keepends=True)
    per = math.ceil(len(lines) / 8)
    for i in range(8):
        (split / f"part-{i}.txt").write_bytes(b"".join(lines[i * per:(i + 1) * per]))

    return {"small": small, "corpus": (corpus, cw, cb), "pages": (pages, pw, pb),
            "pages_jsonl": tmp / "pages.jsonl", "scales": scales, "batch_scales": batch_scales, "split": split}


def copy_times(src: Path, k: int, out: Path) -> None:
    data = src.read_bytes()
    with open(out, "wb") as fh:
        for _ in range(k):
            fh.write(data)


# ---------------------------------------------------------------- the machine

def machine_line(modulfix: list[str], env: dict[str, str]) -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        affinity = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        affinity = os.cpu_count() or 0
    version = subprocess.run(modulfix + ["--version"], capture_output=True, text=True, env=env).stdout.strip()
    py = subprocess.run([sys.executable, "-c", "import sys; print(sys.version.split()[0])"],
                        capture_output=True, text=True).stdout.strip()
    mem = ""
    try:
        kb = int(next(x for x in Path("/proc/meminfo").read_text().splitlines()
                      if x.startswith("MemTotal")).split()[1])
        mem = f", {kb / 1048576:.0f} GiB"
    except (OSError, StopIteration, ValueError):
        pass
    load = ""
    if hasattr(os, "getloadavg"):
        load = f"; load {os.getloadavg()[0]:.2f}"  # other work on the machine skews every figure
    return (f"machine: {cpu}, {affinity} cores{mem}; {platform.system()} {platform.release()}; "
            f"Python {py}; {version or 'modulfix ?'}{load}")


def modulfix_command(arg: str | None) -> list[str]:
    if arg:
        return arg.split()
    script = Path(sys.executable).parent / "modulfix"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "modulfix"]


def has_option(modulfix: list[str], command: str, option: str, env: dict[str, str]) -> bool:
    out = subprocess.run(modulfix + [command, "--help"], capture_output=True, text=True, env=env)
    return out.returncode == 0 and option in out.stdout


# ---------------------------------------------------------------- main

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true",
                    help="a short run: 200,000 words, 50,000-word scaling base, fewer runs")
    ap.add_argument("--runs", type=int, help="runs of each large measurement (default 3; quick 1)")
    ap.add_argument("--words", type=int, help="words of the throughput corpus (default 1,000,000)")
    ap.add_argument("--scale-words", type=int, help="words of the 1x scaling input (default 250,000)")
    ap.add_argument("--shared", type=Path, help="the shared/ folder (corpus/clean/*.txt)")
    ap.add_argument("--modulfix", help="the command to run (default: modulfix next to this Python)")
    ap.add_argument("--only", help="comma-separated sections: cold,throughput,hunspell,scaling,jobs")
    ap.add_argument("--keep", type=Path, help="write the inputs here and keep them")
    ap.add_argument("--json", type=Path, help="also write every measurement as JSON here")
    args = ap.parse_args(argv)
    args.runs = args.runs or (1 if args.quick else 3)
    args.words = args.words or (200_000 if args.quick else 1_000_000)
    args.scale_words = args.scale_words or (50_000 if args.quick else 250_000)
    small_runs = 5 if args.quick else 10
    sections = set((args.only or "cold,throughput,hunspell,scaling,jobs").split(","))

    shared = args.shared
    if shared is None:
        shared = next((p for p in (ROOT.parent / "shared", Path("/work/shared")) if (p / "corpus").is_dir()),
                      ROOT.parent / "shared")
    modulfix = modulfix_command(args.modulfix)

    tmp = args.keep or Path(tempfile.mkdtemp(prefix="modulfix-bench-"))
    tmp.mkdir(parents=True, exist_ok=True)
    cache = tmp / "cache"
    # Bytecode caches on, as in an installed package (a PYTHONDONTWRITEBYTECODE=1 shell
    # would recompile every module at every start and add ~40 ms to each cold start).
    env = dict(os.environ, MODULFIX_CACHE_DIR=str(cache))
    for var in ("PYTHONDONTWRITEBYTECODE", "PYTHONPROFILEIMPORTTIME", "PYTHONDEVMODE"):
        env.pop(var, None)
    results: dict[str, Measure] = {}
    here = os.getcwd()
    os.chdir(tmp)  # no project configuration (modulfix.toml, pyproject.toml) applies
    try:
        print(machine_line(modulfix, env), flush=True)
        print(f"command: {' '.join(modulfix)}; inputs in {tmp}", flush=True)
        inp = build_inputs(tmp, shared, args)
        corpus, cw, cb = inp["corpus"]
        pages, pw, pb = inp["pages"]
        print(f"inputs: corpus.txt {cw:,} words {cb / 1e6:.1f} MB; pages/ {len(os.listdir(pages))} files "
              f"{pw:,} words {pb / 1e6:.1f} MB; scaling base {inp['scales'][1][1]:,} words", flush=True)

        # cache build first (so every later run finds the cache)
        print("\ncold start (one paragraph, whole process)", flush=True)
        small = str(inp["small"])
        if "cold" in sections:
            results["python"] = measure("python -c pass", [sys.executable, "-c", "pass"], env, small_runs)
            results["version"] = measure("modulfix --version", modulfix + ["--version"], env, small_runs)
        results["cache_build"] = measure(
            "check, no cache (builds it)", modulfix + ["check", small], env,
            runs=min(args.runs, 3) if "cold" in sections else 1, ok_codes=(0, 1),
            before=lambda: shutil.rmtree(cache, ignore_errors=True))
        run_once(modulfix + ["check", small], env, ok_codes=(0, 1))  # leave the cache in place
        if "cold" in sections:
            results["cold"] = measure("check, cache present", modulfix + ["check", small], env, small_runs,
                                      ok_codes=(0, 1))
            results["cold_clean"] = measure("clean, cache present", modulfix + ["clean", small], env,
                                            small_runs)

        big = ["--max-size", str(max(16, math.ceil(cb / 1048576) + 1))]
        hunspell = shutil.which("hunspell")
        has_id = bool(hunspell) and subprocess.run([hunspell, "-D"], capture_output=True, text=True,
                                                   stdin=subprocess.DEVNULL).stderr.find("id_ID") >= 0
        hunspell_cmd = [hunspell or "hunspell", "-i", "UTF-8", "-d", "id_ID", "-l"]
        if "throughput" in sections:
            print(f"\nthroughput ({cw:,} words; pages: {pw:,} words)", flush=True)
            # check (default), check --jobs 1 and hunspell-id run in turn, round after
            # round: the ratios to hunspell are judged round by round (see round_ratio)
            group = [("check", "check corpus.txt", modulfix + ["check", *big, str(corpus)], None)]
            if has_option(modulfix, "check", "--jobs", env):  # the default may use every core
                group.append(("check_one", "check --jobs 1 corpus.txt",
                             modulfix + ["check", "--jobs", "1", *big, str(corpus)], None))
            if has_id and "hunspell" in sections:
                group.append(("hunspell", "hunspell -d id_ID -l (in turn)", hunspell_cmd, corpus))
            keys, names, cmds, stdins = zip(*group)
            results.update(zip(keys, measure_group(names, cmds, env, args.runs, cw, cb, ok_codes=(0, 1),
                                                   stdins=stdins)))
            results["fix"] = measure("fix corpus.txt", modulfix + ["fix", *big, str(corpus)], env,
                                     args.runs, cw, cb)
            # clean and clean --jobs 1 in turn, each run into a new folder (see _command)
            page_files = sorted(map(str, pages.glob("*.txt")))
            group = [("clean", "clean --out-dir pages/*.txt",
                      lambda k: modulfix + ["clean", "--out-dir", str(tmp / f"out-{k}"), *page_files])]
            if has_option(modulfix, "clean", "--jobs", env):
                group.append(("clean_one", "clean --jobs 1 --out-dir pages/*.txt",
                              lambda k: modulfix + ["clean", "--jobs", "1", "--out-dir", str(tmp / f"out-one-{k}"),
                                                    *page_files]))
            keys, names, cmds = zip(*group)
            results.update(zip(keys, measure_group(names, cmds, env, args.runs, pw, pb)))
            if has_option(modulfix, "batch", "--jobs", env):
                results["batch"] = measure(
                    "batch pages.jsonl (clean+check)",
                    modulfix + ["batch", str(inp["pages_jsonl"]), "-o", str(tmp / "out.jsonl")],
                    env, args.runs, pw, pb)
            else:
                print("  batch                              n/a (no batch command)")

        if "hunspell" in sections:
            if not has_id:
                print("\nhunspell-id on the same corpus\n"
                      "  hunspell -d id_ID                  n/a (apt-get install hunspell hunspell-id)")
            elif "throughput" not in sections:  # else it ran in turn with check, above
                print("\nhunspell-id on the same corpus", flush=True)
                results["hunspell"] = measure("hunspell -d id_ID -l", hunspell_cmd, env, args.runs, cw, cb,
                                              stdin=corpus)

        if "scaling" in sections:
            print("\nscaling (one input each; batch's largest is run once)", flush=True)
            for k, (path, w, b) in inp["scales"].items():
                opt = ["--max-size", str(max(16, math.ceil(b / 1048576) + 1))]
                one = ["--jobs", "1"] if has_option(modulfix, "check", "--jobs", env) else []
                results[f"scale{k}"] = measure(f"check {k}x ({w:,} words, {b / 1e6:.0f} MB)",
                                               modulfix + ["check", *one, *opt, str(path)],
                                               env, args.runs, w, b, ok_codes=(0, 1))
            if has_option(modulfix, "batch", "--jobs", env):
                for k, (path, w, b) in inp["batch_scales"].items():
                    results[f"bscale{k}"] = measure(
                        f"batch {k}x ({w:,} words, {b / 1e6:.0f} MB)",
                        modulfix + ["batch", str(path), "-o", str(tmp / "out.jsonl")],
                        env, 1 if k == SCALES[-1] else args.runs, w, b)

        if "jobs" in sections:
            print("\nparallelism (check on 8 files; batch on pages.jsonl)", flush=True)
            split = inp["split"]
            # --jobs 1 and --jobs 2 run in turn (see measure_pair)
            if has_option(modulfix, "check", "--jobs", env):
                results["check_jobs1"], results["check_jobs2"] = measure_pair(
                    tuple(f"check --jobs {j} split/" for j in (1, 2)),
                    tuple(modulfix + ["check", "--jobs", str(j), str(split)] for j in (1, 2)),
                    env, args.runs, cw, cb, ok_codes=(0, 1))
            else:
                print("  check --jobs                       n/a (check has no --jobs)")
            if has_option(modulfix, "clean", "--jobs", env):
                page_files = sorted(map(str, pages.glob("*.txt")))
                results["clean_jobs1"], results["clean_jobs2"] = measure_pair(
                    tuple(f"clean --jobs {j} --out-dir pages/*.txt" for j in (1, 2)),
                    tuple((lambda k, j=j: modulfix + ["clean", "--jobs", str(j), "--out-dir",
                                                      str(tmp / f"out-jobs{j}-{k}"), *page_files])
                          for j in (1, 2)),
                    env, args.runs, pw, pb)
            if has_option(modulfix, "batch", "--jobs", env):
                results["batch_jobs1"], results["batch_jobs2"] = measure_pair(
                    tuple(f"batch --jobs {j} pages.jsonl" for j in (1, 2)),
                    tuple(modulfix + ["batch", "--jobs", str(j), str(inp["pages_jsonl"]), "-o",
                                      str(tmp / "out.jsonl")] for j in (1, 2)),
                    env, args.runs, pw, pb)

        summary(results, inp)
        if hasattr(os, "getloadavg"):
            print(f"load at the end: {os.getloadavg()[0]:.2f} (above ~0.5 other work was running: rerun)")
        if args.json:
            args.json.write_text(json.dumps({k: {"seconds": m.seconds, "peak_rss_mb": m.rss_mb, "words": m.words,
                                                 "bytes": m.nbytes, "runs": [r.seconds for r in m.runs],
                                                 "error": m.error}
                                             for k, m in results.items()}, indent=1), encoding="utf-8")
    finally:
        os.chdir(here)
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


def summary(r: dict[str, Measure], inp: dict) -> None:
    def get(key: str) -> Measure | None:
        m = r.get(key)
        return m if m is not None and m.ok else None

    def verdict(ok: bool | None) -> str:
        return "n/a " if ok is None else ("PASS" if ok else "FAIL")

    rows: list[tuple[str, str, str, bool | None]] = []
    cold = get("cold")
    rows.append(("cold start, check, cache present", f"{fmt_time(cold.seconds)}" if cold else "n/a",
                 f"<= {COLD_START_MS} ms", cold.seconds * 1000 <= COLD_START_MS if cold else None))
    build = get("cache_build")
    if build:
        rows.append(("cold start, check, no cache (build)", fmt_time(build.seconds), "(reported)", None))
    check, hun = get("check"), get("hunspell")

    def vs_hunspell(m: Measure) -> tuple[float | None, str]:
        """The speed ratio to hunspell: round by round when they ran in turn, else of medians."""
        if not hun:
            return None, " (hunspell n/a)"
        of_medians = m.words_per_s / hun.words_per_s
        by_round = round_ratio(m, hun)
        if by_round is None:
            return of_medians, f" = {of_medians:.2f}x hunspell ({hun.words_per_s:,.0f})"
        return by_round, (f" = {by_round:.2f}x hunspell, median of {len(m.runs)} rounds run in turn "
                          f"(ratio of medians {of_medians:.2f}x; hunspell {hun.words_per_s:,.0f})")

    if check:
        ratio, text = vs_hunspell(check)
        rows.append(("check throughput (default --jobs)", f"{check.words_per_s:,.0f} words/s" + text,
                     f">= {CHECK_VS_HUNSPELL:.0f}x hunspell-id", ratio >= CHECK_VS_HUNSPELL if ratio else None))
    one = get("check_one")
    if one:
        ratio, text = vs_hunspell(one)
        rows.append(("check throughput, one process (--jobs 1)", f"{one.words_per_s:,.0f} words/s" + text,
                     f">= {CHECK_VS_HUNSPELL:.0f}x hunspell-id", ratio >= CHECK_VS_HUNSPELL if ratio else None))
    fix = get("fix")
    if fix:
        rows.append(("fix throughput", f"{fix.words_per_s:,.0f} words/s, {fix.mb_per_s:.2f} MB/s", "(reported)", None))
    clean = get("clean")
    if clean:
        rows.append(("clean throughput (scraped pages, default --jobs)",
                     f"{clean.mb_per_s:.2f} MB/s, {clean.words_per_s:,.0f} words/s",
                     f">= {CLEAN_MB_S:.0f} MB/s", clean.mb_per_s >= CLEAN_MB_S))
    cone = get("clean_one")
    if cone:
        rows.append(("clean throughput, one process (--jobs 1)", f"{cone.mb_per_s:.2f} MB/s, {cone.words_per_s:,.0f} words/s",
                     f">= {CLEAN_MB_S:.0f} MB/s", cone.mb_per_s >= CLEAN_MB_S))
    batch = get("batch")
    if batch:
        rows.append(("batch throughput (clean+check)", f"{batch.mb_per_s:.2f} MB/s, {batch.words_per_s:,.0f} words/s",
                     "(reported)", None))
    peaks = [(k, m.rss_mb) for k, m in r.items() if m.ok and k not in ("python", "hunspell")]
    if peaks:
        worst = max(peaks, key=lambda kv: kv[1])
        rows.append(("peak RSS, any modulfix run", f"{worst[1]:.0f} MB ({r[worst[0]].name})",
                     f"<= {PEAK_RSS_MB} MB", worst[1] <= PEAK_RSS_MB))
    for name, label in (("scale", "check"), ("bscale", "batch")):
        m1, m4, m16 = (get(f"{name}{k}") for k in SCALES)
        if not (m1 and m4 and m16):
            continue
        # Linear means t = a + b * words: the cost of each added word is the same from 1x
        # to 4x as from 4x to 16x. (Time per word is no test on repeated text: its first
        # copy fills the speller's per-word caches, so later copies cost less.) Judged on
        # the least disturbed run (the smallest CPU time): other work on a shared machine
        # only ever adds time, and a difference of medians amplifies that noise.
        def added(pick) -> tuple[float, float]:
            t1, t4, t16 = (pick(m) for m in (m1, m4, m16))
            return (t4 - t1) / (m4.words - m1.words), (t16 - t4) / (m16.words - m4.words)

        low, high = added(lambda m: min(r.cpu for r in m.runs))
        wlow, whigh = added(lambda m: m.seconds)
        rows.append((f"{label} scaling: added CPU per word, 4x->16x vs 1x->4x",
                     f"{high / low:.3f} ({1e6 * low:.2f} -> {1e6 * high:.2f} us/word; medians of wall time: {whigh / wlow:.3f}; "
                     f"{m1.words_per_s:,.0f} / {m4.words_per_s:,.0f} / {m16.words_per_s:,.0f} words/s)",
                     f"1 +/- {LINEAR_TOLERANCE:.2f}", abs(high / low - 1) <= LINEAR_TOLERANCE))
        growth = (m16.rss_mb - m4.rss_mb) / ((m16.nbytes - m4.nbytes) / 1e6)
        at200 = m16.rss_mb + growth * (200 - m16.nbytes / 1e6)
        rows.append((f"{label} memory: 1x / 4x / 16x", f"{m1.rss_mb:.0f} / {m4.rss_mb:.0f} / {m16.rss_mb:.0f} MB; "
                     f"+{growth:.2f} MB per input MB -> ~{at200:,.0f} MB for 200 MB",
                     f"<= {PEAK_RSS_MB} MB at any size", at200 <= PEAK_RSS_MB))
    cj2 = get("clean_jobs2")
    if cj2:
        rows.append(("clean throughput, --jobs 2 (2 cores)", f"{cj2.mb_per_s:.2f} MB/s, {cj2.words_per_s:,.0f} words/s",
                     f">= {CLEAN_MB_S} MB/s", cj2.mb_per_s >= CLEAN_MB_S))
    for name in ("check", "clean", "batch"):
        j1, j2 = get(f"{name}_jobs1"), get(f"{name}_jobs2")
        if j1 and j2:
            s = j1.seconds / j2.seconds
            rows.append((f"{name} --jobs 2 vs --jobs 1", f"{s:.2f}x ({fmt_time(j1.seconds)} -> {fmt_time(j2.seconds)})",
                         f">= {JOBS2_SPEEDUP}x", s >= JOBS2_SPEEDUP))
        elif name == "check":
            rows.append(("check --jobs 2 vs --jobs 1", "n/a", f">= {JOBS2_SPEEDUP}x", None))
    print("\nsummary (medians)")
    width = max(len(x[0]) for x in rows)
    for what, measured, target, ok in rows:
        print(f"  {verdict(ok)}  {what:{width}}  {measured}   target {target}")


if __name__ == "__main__":
    sys.exit(main())
