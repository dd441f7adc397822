"""Report formats for ``check``: text, json (JSON Lines), sarif (2.1.0), github annotations.

Start reading from :class:`Writer`: reports (one per file, or per piece of a large
file, in run order) go in one at a time and come out as text through a ``write``
function; :func:`render` makes one string of a list. Nothing here prints. Positions
are 1-based lines and columns counted in Unicode code points; end columns point just
after the span.

* ``text``   -- ``path:line:col: rule-id message (suggestion, ...)``
* ``json``   -- one object per finding (path, line, column, end_line, end_column, text,
  rule, severity, message, suggestions, fix, source, fingerprint)
* ``sarif``  -- one SARIF 2.1.0 log: each rule that has results, with its documentation; results with
  ruleId, level, message, region, ``partialFingerprints`` and ``fixes`` for safe fixes
* ``github`` -- ``::error file=…,line=…,col=…,endColumn=…,title=…::message`` workflow
  commands, with repository-relative paths
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field

from modulfix.document import Finding

FORMATS = ("text", "json", "sarif", "github")
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "modulfix/v1"
_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


@dataclass
class Report:
    """The findings of one file, or of one piece of a file read in pieces, as shown."""

    path: str  # as named or found (text, json)
    rel: str  # /-separated, relative to the repository root (github, sarif)
    findings: list[Finding]
    positions: list[tuple[int, int, int, int]]  # 1-based (line, col, end line, end col) of each
    fingerprints: list[str] = field(default_factory=list)
    file: int = 0  # which file of the run (the pieces of one file share it)


def repo_relative(path: str, root: str) -> str:
    """``path`` relative to ``root``, ``/``-separated, never starting with ``./``."""
    if path in ("-", "<stdin>"):
        return "<stdin>"
    absolute = os.path.abspath(path)
    rel = os.path.relpath(absolute, root)
    if rel.startswith(".."):
        return absolute.replace(os.sep, "/")
    return rel.replace(os.sep, "/")


def render(fmt: str, reports: list[Report], version: str = "") -> str:
    """All of ``reports`` in format ``fmt``, as one string."""
    import io

    out = io.StringIO()
    writer = Writer(fmt, out.write, version)
    for r in reports:
        writer.add(r)
    writer.close()
    return out.getvalue()


class Writer:
    """``fmt`` written report by report through ``write``: text, json and github at
    once; SARIF, one JSON document, at :meth:`close` (its results are kept until then,
    small records without the text)."""

    def __init__(self, fmt: str, write, version: str = ""):
        if fmt not in FORMATS:
            raise ValueError(fmt)
        self.fmt, self.write, self.version = fmt, write, version
        self._results: list[tuple] = []
        self._artifacts: list[dict] = []
        self._last_file: int | None = None

    def add(self, r: Report) -> None:
        if self.fmt == "sarif":
            self._keep(r)
        elif r.findings:
            self.write({"text": _text, "json": _json, "github": _github}[self.fmt](r))

    def close(self) -> None:
        if self.fmt == "sarif":
            _write_sarif(self.write, self._artifacts, self._results, self.version)

    def _keep(self, rep: Report) -> None:
        if not rep.findings:
            return
        artifact = {"uri": rep.rel, "uriBaseId": "%SRCROOT%"} if rep.rel != "<stdin>" else {"uri": "stdin"}
        if rep.file != self._last_file:
            self._artifacts.append({"location": dict(artifact)})
            self._last_file = rep.file
        for f, pos, fp in zip(rep.findings, rep.positions, rep.fingerprints or [""] * len(rep.findings)):
            self._results.append((f, pos, fp, artifact))


def _text(r: Report) -> str:
    out = []
    for f, (line, col, _, _) in zip(r.findings, r.positions):
        sugg = f" ({', '.join(f.suggestions)})" if f.suggestions else ""
        out.append(f"{r.path}:{line}:{col}: {f.rule} {f.message}{sugg}\n")
    return "".join(out)


def _json(r: Report) -> str:
    out = []
    for f, (line, col, end_line, end_col), fp in zip(r.findings, r.positions,
                                                      r.fingerprints or [""] * len(r.findings)):
        out.append(json.dumps({
            "path": r.path, "line": line, "column": col, "end_line": end_line, "end_column": end_col,
            "text": f.text, "rule": f.rule, "severity": f.severity, "message": f.message,
            "suggestions": list(f.suggestions), "fix": f.fix, "source": f.source, "fingerprint": fp,
        }, ensure_ascii=False) + "\n")
    return "".join(out)


# ---------------------------------------------------------------- github
def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def _github(r: Report) -> str:
    out = []
    for f, (line, col, end_line, end_col) in zip(r.findings, r.positions):
        props = [f"file={_escape_property(r.rel)}", f"line={line}"]
        if end_line != line:
            props.append(f"endLine={end_line}")
        else:
            props += [f"col={col}", f"endColumn={end_col}"]
        props.append(f"title={_escape_property('modulfix ' + f.rule)}")
        sugg = f" ({', '.join(f.suggestions)})" if f.suggestions else ""
        msg = f"{f.text}: {f.message}{sugg}"
        out.append(f"::{_GITHUB_LEVEL.get(f.severity, 'error')} {','.join(props)}::{_escape_data(msg)}\n")
    return "".join(out)


# ---------------------------------------------------------------- sarif
def _sarif_rules(ids: set[str]) -> list[dict]:
    """A reportingDescriptor for each rule id in ``ids`` (sorted), with its documentation."""
    import modulfix.project_rules  # noqa: F401 - registers forced-correction and directive
    from modulfix.rules import RULES

    out = []
    for rid in sorted(ids):
        rule = RULES.get(rid)
        if rule is None:
            out.append({"id": rid})
            continue
        first = rule.what.split(". ")[0].rstrip(".") + "."
        out.append({
            "id": rule.id,
            "name": "".join(p.capitalize() for p in rule.id.split("-")),
            "shortDescription": {"text": first},
            "fullDescription": {"text": rule.what},
            "help": {"text": rule.doc(), "markdown": _rule_markdown(rule)},
            "defaultConfiguration": {"level": _SARIF_LEVEL.get(rule.severity, "error")},
            "properties": {"tags": [rule.category]},
        })
    return out


def _rule_markdown(rule) -> str:
    return (f"**{rule.id}** ({rule.category})\n\n{rule.what}\n\n**Why:** {rule.why}\n\n"
            f"**Example:** `{rule.example}`\n\n**Use instead:** `{rule.instead}`\n\n"
            f"**Fix safety:** {rule.fix}\n")


def sarif(reports: list[Report], version: str = "") -> str:
    return render("sarif", reports, version)


def _sarif_result(f: Finding, pos: tuple[int, int, int, int], fp: str, artifact: dict, index: dict) -> dict:
    line, col, end_line, end_col = pos
    region = {"startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col,
              "snippet": {"text": f.text}}
    sugg = f" ({', '.join(f.suggestions)})" if f.suggestions else ""
    res: dict = {
        "ruleId": f.rule,
        "level": _SARIF_LEVEL.get(f.severity, "error"),
        "message": {"text": f"{f.text}: {f.message}{sugg}"},
        "locations": [{"physicalLocation": {"artifactLocation": dict(artifact), "region": region}}],
        "partialFingerprints": {FINGERPRINT_KEY: fp},
    }
    res["ruleIndex"] = index[f.rule]
    if f.fix is not None:
        res["fixes"] = [{
            "description": {"text": f"Replace '{f.text}' with '{f.fix}'"},
            "artifactChanges": [{
                "artifactLocation": dict(artifact),
                "replacements": [{
                    "deletedRegion": {"startLine": line, "startColumn": col,
                                      "endLine": end_line, "endColumn": end_col},
                    "insertedContent": {"text": f.fix},
                }],
            }],
        }]
    return res


_RESULTS = "\x00results\x00"
_RESULT_INDENT = " " * 8  # results[] items in the log below, as json.dumps(indent=2) puts them


def _write_sarif(write, artifacts: list[dict], results: list[tuple], version: str) -> None:
    """One SARIF 2.1.0 log, written a result at a time (the text of ``json.dumps(log,
    indent=2)`` of the whole log)."""
    rules = _sarif_rules({r[0].rule for r in results})
    index = {r["id"]: n for n, r in enumerate(rules)}
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "modulfix",
                "version": version,
                "semanticVersion": version,
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "artifacts": artifacts,
            "results": _RESULTS if results else [],
        }],
    }
    if not version:
        del log["runs"][0]["tool"]["driver"]["version"]
        del log["runs"][0]["tool"]["driver"]["semanticVersion"]
    head, _, tail = (json.dumps(log, ensure_ascii=False, indent=2) + "\n").partition(json.dumps(_RESULTS))
    write(head)
    if results:
        write("[\n")
        for n, (f, pos, fp, artifact) in enumerate(results):
            item = json.dumps(_sarif_result(f, pos, fp, artifact, index), ensure_ascii=False, indent=2)
            sep = ",\n" if n + 1 < len(results) else "\n"
            write(_RESULT_INDENT + item.replace("\n", "\n" + _RESULT_INDENT) + sep)
        write(_RESULT_INDENT[:-2] + "]")
    write(tail)
