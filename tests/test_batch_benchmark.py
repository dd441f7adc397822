"""scripts/benchmark.py's own logic, on made-up measurements (nothing is timed here:
the targets are checked by the benchmark itself, on a real run)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("modulfix_benchmark", ROOT / "scripts" / "benchmark.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    yield module
    del sys.modules[spec.name]


def measure(bench, name, seconds, rss=100.0, words=0, nbytes=0):
    return bench.Measure(name, [bench.Run(s, rss, 0, s * 0.98) for s in seconds], words, nbytes)


def test_repeat_to_reaches_the_word_count(bench, tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("satu dua tiga\nempat", encoding="utf-8")  # no final newline: one is added
    words, nbytes = bench.repeat_to([src], 10, tmp_path / "out.txt")
    assert (words, nbytes) == (12, 60)
    assert bench.count_words(tmp_path / "out.txt") == 12


def test_run_once_measures_a_whole_process(bench):
    run = bench.run_once([sys.executable, "-c", "sum(range(3_000_000))"], env=None)
    assert run.code == 0 and run.seconds > 0 and run.rss_mb > 1 and 0 < run.cpu < 60
    with pytest.raises(RuntimeError, match=r"^exit 3: boom$"):
        bench.run_once([sys.executable, "-c", "import sys; print('boom', file=sys.stderr); sys.exit(3)"], env=None)
    assert bench.run_once([sys.executable, "-c", "raise SystemExit(1)"], env=None, ok_codes=(0, 1)).code == 1


def test_summary_judges_every_target(bench, capsys):
    w = 1_000_000
    r = {
        "cold": measure(bench, "cold", [0.12, 0.13, 0.2]),
        "check": measure(bench, "check", [2.0, 2.1, 9.0], words=w, nbytes=7_000_000),
        "hunspell": measure(bench, "hunspell", [12.0], words=w, nbytes=7_000_000),
        "clean": measure(bench, "clean", [10.0], words=w, nbytes=5_000_000),
        "scale1": measure(bench, "s1", [1.0], rss=140, words=w, nbytes=10_000_000),
        "scale4": measure(bench, "s4", [4.0], rss=150, words=4 * w, nbytes=40_000_000),
        "scale16": measure(bench, "s16", [16.0], rss=290, words=16 * w, nbytes=160_000_000),
        "check_one": measure(bench, "check1", [3.0], words=w, nbytes=7_000_000),
        "clean_one": measure(bench, "clean1", [7.5], words=w, nbytes=7_500_000),
        "check_jobs1": measure(bench, "j1", [10.0]),
        "check_jobs2": measure(bench, "j2", [5.5]),
    }
    bench.summary(r, {})
    out = capsys.readouterr().out
    lines = {line[8:].split("  ")[0]: line for line in out.splitlines() if line[2:6] in ("PASS", "FAIL", "n/a ")}
    assert "PASS" in lines["cold start, check, cache present"]  # median 130 ms
    assert "PASS" in lines["check throughput (default --jobs)"] and "5.71x hunspell" in lines["check throughput (default --jobs)"]
    assert "PASS" in lines["check throughput, one process (--jobs 1)"]  # 4.00x
    assert "FAIL" in lines["clean throughput (scraped pages, default --jobs)"]  # 0.5 MB/s
    assert "PASS" in lines["clean throughput, one process (--jobs 1)"]  # 1.0 MB/s
    assert "PASS" in lines["check scaling: added CPU per word, 4x->16x vs 1x->4x"]
    assert "FAIL" in lines["check memory: 1x / 4x / 16x"]  # +1.17 MB per input MB -> ~337 MB for 200 MB
    assert "~337 MB for 200 MB" in lines["check memory: 1x / 4x / 16x"]
    assert "PASS" in lines["check --jobs 2 vs --jobs 1"]  # 1.82x
    assert "PASS" in lines["peak RSS, any modulfix run"]  # 290 MB


def test_ratios_to_hunspell_are_judged_round_by_round(bench, capsys):
    """check and hunspell ran in turn: a slow phase of the machine that hit one round
    hits both, so each round's ratio counts, not the ratio of the two medians."""
    w = 1_000_000
    r = {
        # rounds (check, hunspell): (2, 6), (4, 12), (4.5, 12.6): 3.0x, 3.0x, 2.8x
        "check": measure(bench, "check", [2.0, 4.0, 4.5], words=w),
        "hunspell": measure(bench, "hunspell", [6.0, 12.0, 12.6], words=w),
        # 3.0x, 2.4x, 3.0x: a fast first round for both, where the medians alone
        # (4.2 s and 12.0 s) would give 2.86x
        "check_one": measure(bench, "check1", [2.0, 5.0, 4.2], words=w),
    }
    assert bench.round_ratio(r["check"], r["hunspell"]) == pytest.approx(3.0)
    assert bench.round_ratio(r["check_one"], r["hunspell"]) == pytest.approx(3.0)
    assert bench.round_ratio(r["check"], measure(bench, "h", [6.0], words=w)) is None  # not run in turn
    bench.summary(r, {})
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if "check throughput (default --jobs)" in x)
    assert "PASS" in line and "3.00x hunspell, median of 3 rounds run in turn" in line
