"""SARIF output has what GitHub code scanning requires, and ``--jobs`` never changes output.

Required by code scanning (docs: "SARIF support for code scanning"): ``version`` 2.1.0,
``$schema``, ``runs[].tool.driver`` with ``name`` and ``rules`` (each with ``id``, a
description and ``help``), results with ``ruleId``, ``level``, ``message.text`` and a
physical location whose region is 1-based, and ``partialFingerprints``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from modulfix.cli import main

TEXT = ("Pelatihan daring dimulai besok.\n"
        "Masyarakat desa merupaka kelompok yang kuat dimana pun.\n"
        "“Éé” daring lagi.\n")
CONFIG = 'corrections = { daring = "dalam jaringan" }\n[rules]\ntypo = "warning"\n'


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def project(tmp_path, monkeypatch):
    for name in ("GITHUB_ACTIONS", "GITHUB_WORKSPACE"):
        monkeypatch.delenv(name, raising=False)
    (tmp_path / "modulfix.toml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "bab").mkdir()
    (tmp_path / "bab" / "modul.md").write_text(TEXT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def sarif_of(capsys, *paths):
    code, out, err = run(capsys, "check", "--format", "sarif", *paths)
    assert code == 1, err
    return json.loads(out)


def test_sarif_has_what_code_scanning_requires(capsys, project):
    log = sarif_of(capsys, "bab/modul.md")
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-2.1.0.json")
    (run_,) = log["runs"]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "modulfix" and driver["version"]
    rules = driver["rules"]
    ids = [r["id"] for r in rules]
    assert len(ids) == len(set(ids))
    for r in rules:
        assert r["shortDescription"]["text"] and r["fullDescription"]["text"]
        assert "What it does" in r["help"]["text"] and r["help"]["markdown"]
        assert r["defaultConfiguration"]["level"] in ("error", "warning", "note")
    results = run_["results"]
    assert {"forced-correction", "typo", "preposition-joined"} <= {r["ruleId"] for r in results}
    prints = set()
    for res in results:
        assert res["ruleId"] in ids
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
        assert res["level"] in ("error", "warning", "note")
        assert res["message"]["text"]
        loc = res["locations"][0]["physicalLocation"]
        uri = loc["artifactLocation"]["uri"]
        assert uri == "bab/modul.md"  # repository-relative, no ./, no absolute path
        region = loc["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        line = TEXT.splitlines()[region["startLine"] - 1]
        assert line[region["startColumn"] - 1:region["endColumn"] - 1] == region["snippet"]["text"]
        fp = res["partialFingerprints"]["modulfix/v1"]
        assert fp and fp not in prints
        prints.add(fp)
    by_rule: dict = {}
    for r in results:
        by_rule.setdefault(r["ruleId"], r)
    assert by_rule["typo"]["level"] == "warning"  # configured severity
    fix = by_rule["forced-correction"]["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert fix["insertedContent"]["text"] == "dalam jaringan"
    assert fix["deletedRegion"]["startColumn"] == TEXT.index("daring") + 1
    # the third line starts with non-ASCII: columns are code points
    third = [r for r in results if r["locations"][0]["physicalLocation"]["region"]["startLine"] == 3][0]
    assert third["locations"][0]["physicalLocation"]["region"]["startColumn"] == len("“Éé” ") + 1
    assert run_["columnKind"] == "unicodeCodePoints"


def test_fingerprints_survive_edits_elsewhere(capsys, project):
    before = {r["ruleId"] + r["message"]["text"]: r["partialFingerprints"]
              for r in sarif_of(capsys, "bab/modul.md")["runs"][0]["results"]}
    p = project / "bab" / "modul.md"
    p.write_text("# Judul\n\nParagraf baru di atas.\n\n" + TEXT, encoding="utf-8")
    after = {r["ruleId"] + r["message"]["text"]: r["partialFingerprints"]
             for r in sarif_of(capsys, "bab/modul.md")["runs"][0]["results"]}
    assert before == after


def test_output_file_sarif_equals_format_sarif(capsys, project):
    code, out, _ = run(capsys, "check", "--output-file", "sarif:r/out.sarif", "--output-file", "json:r/out.jsonl",
                       "bab/modul.md")
    assert code == 1 and out.startswith("bab/modul.md:1:")
    _, sarif_out, _ = run(capsys, "check", "--format", "sarif", "bab/modul.md")
    _, json_out, _ = run(capsys, "check", "--format", "json", "bab/modul.md")
    assert (project / "r" / "out.sarif").read_text(encoding="utf-8") == sarif_out
    assert (project / "r" / "out.jsonl").read_text(encoding="utf-8") == json_out


def test_github_annotations_are_repository_relative(capsys, project, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_WORKSPACE", str(project))
    monkeypatch.chdir(project / "bab")
    code, out, _ = run(capsys, "check", "modul.md")
    assert code == 1
    lines = out.splitlines()
    assert lines and all(line.startswith(("::error file=bab/modul.md,line=", "::warning file=bab/modul.md,line="))
                         for line in lines)
    assert f",col={TEXT.index('daring') + 1},endColumn={TEXT.index('daring') + 7}," in lines[0]


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_jobs_2_is_byte_identical_to_jobs_1(capsys, tmp_path, monkeypatch, fmt):
    for name in ("GITHUB_ACTIONS", "GITHUB_WORKSPACE"):
        monkeypatch.delenv(name, raising=False)
    (tmp_path / "modulfix.toml").write_text(CONFIG, encoding="utf-8")
    texts = [TEXT, "Kelas dimana saja.\n", "Masyarakat desa merupakan kelompok yang kuat.\n", TEXT * 3,
             "mempengaruhi kerjasama\n", "daring\n" * 5]
    for n, t in enumerate(texts):
        sub = tmp_path / ("z" if n % 2 else "a") / f"f{5 - n}.md"
        sub.parent.mkdir(exist_ok=True)
        sub.write_text(t, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code1, out1, _ = run(capsys, "check", "--format", fmt, "--jobs", "1", ".")
    code2, out2, _ = run(capsys, "check", "--format", fmt, "--jobs", "2", ".")
    assert (code1, out1) == (code2, out2)
    assert out1.count("forced-correction") >= 5


def test_sarif_is_valid_json_for_stdin(capsys, project, monkeypatch):
    import io
    import sys

    class Stdin:
        buffer = io.BytesIO(TEXT.encode("utf-8"))

    monkeypatch.setattr(sys, "stdin", Stdin())
    code, out, _ = run(capsys, "check", "--format", "sarif", "-")
    assert code == 1
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in json.loads(out)["runs"][0]["results"]}
    assert uris == {"stdin"}


def test_sarif_rules_match_explain(capsys, project):
    log = sarif_of(capsys, "bab/modul.md")
    for rule in log["runs"][0]["tool"]["driver"]["rules"]:
        code, out, _ = run(capsys, "explain", rule["id"])
        assert code == 0 and out == rule["help"]["text"]


def test_readme_does_not_lose_quick_start():
    lines = [ln for ln in (Path(__file__).resolve().parent.parent / "README.md").read_text(
        encoding="utf-8").splitlines() if ln.startswith("    $ ")]
    assert "modulfix clean" in lines[0] and "pytest" in lines[1]
