"""Running modulfix on Dask (:mod:`modulfix.distributed`), locally: the same results as
``modulfix batch``, and the README's example run as written."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from modulfix.batch import BatchOptions, process_record, run
from modulfix.distributed import process_partition

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


def pages() -> list[dict]:
    return [{"id": p.stem, "text": p.read_text(encoding="utf-8")} for p in sorted(CORPUS.glob("*.txt"))]


def test_partition_takes_lines_bytes_and_records():
    rec = {"id": 1, "text": "Masyarakat desa merupaka kelompok."}
    line = json.dumps(rec)
    got = list(process_partition([line, "", line.encode(), rec, "oops"], BatchOptions(check_only=True)))
    assert [r["id"] for r in got] == [1, 1, 1, None]
    assert got[0] == got[1] == got[2] == process_record(rec, BatchOptions(check_only=True))
    assert got[3]["error"].startswith("not valid JSON")


def test_dask_bag_gives_the_batch_results(tmp_path):
    db = pytest.importorskip("dask.bag")
    from modulfix.distributed import process_bag, to_jsonl

    lines = [json.dumps(p, ensure_ascii=False) for p in pages()] + ["{broken"]
    (tmp_path / "in.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    bag = db.read_text(str(tmp_path / "in.jsonl"), blocksize=4096)  # several partitions
    assert bag.npartitions > 1
    written = to_jsonl(process_bag(bag), str(tmp_path / "out" / "part-*.jsonl"), scheduler="synchronous")
    assert len(written) == bag.npartitions
    got = []
    for path in written:  # in partition order
        got += [json.loads(x) for x in Path(path).read_text(encoding="utf-8").splitlines()]
    expected = io.BytesIO()
    run(io.BytesIO((tmp_path / "in.jsonl").read_bytes()), expected)
    want = [json.loads(x) for x in expected.getvalue().decode("utf-8").splitlines()]
    want[-1]["error"] = want[-1]["error"].split(": ", 1)[1]  # batch names the line; a bag has no line numbers
    assert got == want


def test_dask_bag_of_records():
    db = pytest.importorskip("dask.bag")
    from modulfix.distributed import process_bag

    recs = pages()
    got = process_bag(db.from_sequence(recs, npartitions=2), BatchOptions(check_only=True)).compute(
        scheduler="synchronous")
    assert [r["id"] for r in got] == [r["id"] for r in recs]
    assert all(r["error"] is None and r["markdown"] is None for r in got)


def readme_example() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Speed and scale\n", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```python\n(.*?)```", section, re.DOTALL)
    (code,) = [b for b in blocks if "modulfix.distributed" in b]
    return code


def test_readme_dask_example_runs(tmp_path, monkeypatch):
    pytest.importorskip("dask.bag")
    code = readme_example()
    (tmp_path / "crawl").mkdir()
    recs = pages()
    for name, part in (("a", recs[:3]), ("b", recs[3:])):
        (tmp_path / "crawl" / f"{name}.jsonl").write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in part), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    exec(compile(code, "README.md", "exec"), {"__name__": "readme"})
    out = sorted((tmp_path / "out").glob("*.jsonl"))
    got = [json.loads(x) for p in out for x in p.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["id"] for r in got) == sorted(r["id"] for r in recs)
    assert all(r["error"] is None and r["markdown"].startswith("---\n") for r in got)
