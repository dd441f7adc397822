"""Project configuration: ``[tool.modulfix]`` in ``pyproject.toml``, or ``modulfix.toml``
/ ``.modulfix.toml``.

Start reading from :func:`load_for`. The configuration of a file is found by searching
upward from the file's directory to the repository root (the first directory holding
``.git``); in each directory ``.modulfix.toml`` wins over ``modulfix.toml``, which wins
over a ``pyproject.toml`` that has a ``[tool.modulfix]`` table (a ``pyproject.toml``
without one is passed over). ``--config FILE`` names the file; ``--isolated`` uses the
defaults. Relative paths and globs in a file are relative to the directory holding it.

Every key is checked: an unknown key or a bad value is a :class:`ConfigError` naming
the file and the key. Nothing here prints.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field

from modulfix.errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CONFIG_NAMES = (".modulfix.toml", "modulfix.toml", "pyproject.toml")
DEFAULT_WORDS_FILE = ".modulfix-words.txt"
DEFAULT_BASELINE = ".modulfix-baseline.json"
SEVERITY_VALUES = ("error", "warning", "info")
RULE_VALUES = SEVERITY_VALUES + ("off",)
FAIL_ON_VALUES = SEVERITY_VALUES + ("never",)
DEFAULT_FILE_TYPES: dict[str, tuple[str, ...]] = {
    "markdown": ("*.md", "*.markdown", "*.mdown", "*.mkd"),
    "text": ("*.txt", "*.text"),
}
MARKDOWN_KEYS = ("skip-code", "skip-front-matter", "skip-html-comments")

# key -> one-line description (also the order ``modulfix config`` prints them in)
KEYS = {
    "allow": "words accepted as written (case-insensitive)",
    "word-lists": "extra word-list files: one word per line, '#' starts a comment",
    "words-file": "the project word list (read when present; `modulfix words add` writes it)",
    "corrections": "forced corrections: wrong = \"right\" (always reported, always fixed)",
    "rules": "per-rule severity: rule-id = \"error\" | \"warning\" | \"info\" | \"off\"",
    "include": "globs of files to check (default: every file of a known type)",
    "exclude": "globs of files never checked, also when named on the command line",
    "file-types": "which files are read and how: markdown = [globs], text = [globs]",
    "markdown": "skip-code, skip-front-matter, skip-html-comments (true/false)",
    "fail-on": "failure threshold: error | warning | info | never",
    "min-severity": "report findings at or above: error | warning | info",
    "baseline": "baseline file used by `check` when it exists",
}


@dataclass
class Config:
    """The effective configuration of one project directory."""

    path: str | None = None  # the file it was read from; None = defaults
    root: str = "."  # the directory relative paths and globs are resolved against
    allow: tuple[str, ...] = ()
    word_lists: tuple[str, ...] = ()  # as written in the file
    words_file: str = DEFAULT_WORDS_FILE
    corrections: dict[str, str] = field(default_factory=dict)
    rules: dict[str, str] = field(default_factory=dict)
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    file_types: dict[str, tuple[str, ...]] = field(default_factory=lambda: dict(DEFAULT_FILE_TYPES))
    markdown: dict[str, bool] = field(default_factory=lambda: dict.fromkeys(MARKDOWN_KEYS, True))
    fail_on: str | None = None
    min_severity: str | None = None
    baseline: str | None = None
    _words: frozenset[str] | None = field(default=None, repr=False)

    # ------------------------------------------------------------ paths
    def resolve(self, path: str) -> str:
        return path if os.path.isabs(path) else os.path.normpath(os.path.join(self.root, path))

    @property
    def words_path(self) -> str:
        return self.resolve(self.words_file)

    def allowed_words(self) -> frozenset[str]:
        """``allow`` plus every word list plus the project word list, lowercased."""
        if self._words is None:
            words = {w.lower() for w in self.allow}
            for name in self.word_lists:
                words |= read_word_list(self.resolve(name), self._where("word-lists"))
            if os.path.isfile(self.words_path):
                words |= read_word_list(self.words_path, self._where("words-file"))
            self._words = frozenset(words)
        return self._words

    def word_list_paths(self) -> frozenset[str]:
        """Absolute paths of the word lists (never checked as prose in directory walks)."""
        return frozenset(os.path.abspath(self.resolve(p)) for p in (*self.word_lists, self.words_file))

    def _where(self, key: str) -> str:
        return f"{display(self.path)}: {key}" if self.path else key

    # ------------------------------------------------------------ files
    def file_type(self, path: str) -> str | None:
        """``markdown`` or ``text`` for a file of a known type, else None."""
        rel = self.relative(path)
        for kind in ("markdown", "text"):
            if any(glob_match(g, rel) for g in self.file_types.get(kind, ())):
                return kind
        return None

    def relative(self, path: str) -> str:
        rel = os.path.relpath(os.path.abspath(path), os.path.abspath(self.root))
        return rel.replace(os.sep, "/")

    def excluded(self, path: str) -> bool:
        """True when ``path`` is outside ``include`` or inside ``exclude``."""
        rel = self.relative(path)
        if self.include and not any(glob_match(g, rel) for g in self.include):
            return True
        return any(glob_match(g, rel) for g in self.exclude)

    def dir_excluded(self, path: str) -> bool:
        rel = self.relative(path)
        return rel != "." and any(glob_match(g, rel) for g in self.exclude)

    # ------------------------------------------------------------ printing
    def to_toml(self) -> str:
        """The effective configuration as a ``modulfix.toml`` (``modulfix config``)."""
        out = [f"# from: {display(self.path) if self.path else '(defaults)'}",
               f"# root: {display(self.root)}", ""]
        out.append(f"allow = {_toml_list(self.allow)}")
        out.append(f"word-lists = {_toml_list(self.word_lists)}")
        out.append(f"words-file = {_toml_str(self.words_file)}")
        out.append(f"include = {_toml_list(self.include)}")
        out.append(f"exclude = {_toml_list(self.exclude)}")
        if self.fail_on:
            out.append(f"fail-on = {_toml_str(self.fail_on)}")
        if self.min_severity:
            out.append(f"min-severity = {_toml_str(self.min_severity)}")
        if self.baseline:
            out.append(f"baseline = {_toml_str(self.baseline)}")
        out += ["", "[corrections]"]
        out += [f"{_toml_key(k)} = {_toml_str(v)}" for k, v in sorted(self.corrections.items())]
        out += ["", "[rules]  # other rules: their default severity (modulfix explain --list)"]
        out += [f"{_toml_key(k)} = {_toml_str(v)}" for k, v in sorted(self.rules.items())]
        out += ["", "[file-types]"]
        out += [f"{k} = {_toml_list(v)}" for k, v in sorted(self.file_types.items())]
        out += ["", "[markdown]"]
        out += [f"{k} = {'true' if v else 'false'}" for k, v in self.markdown.items()]
        return "\n".join(out) + "\n"


def _all_rules(rules):
    import modulfix.project_rules  # noqa: F401 - registers forced-correction, directive

    return rules


def _toml_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _toml_key(s: str) -> str:
    return s if re.fullmatch(r"[A-Za-z0-9_-]+", s) else _toml_str(s)


def _toml_list(items) -> str:
    return "[" + ", ".join(_toml_str(i) for i in items) + "]"


def display(path: str | None) -> str:
    """A path as shown in messages: relative to the working directory when inside it."""
    if not path:
        return "-"
    try:
        rel = os.path.relpath(path)
    except ValueError:  # pragma: no cover - another drive on Windows
        return path
    return path if rel.startswith("..") else rel


# ---------------------------------------------------------------- globs
_GLOB_CACHE: dict[str, re.Pattern[str]] = {}


def _glob_regex(pattern: str) -> re.Pattern[str]:
    """gitignore-like: ``*`` and ``?`` stay inside one directory, ``**`` crosses them; a
    pattern without ``/`` matches a name at any depth; ``dir/`` matches a directory."""
    rx = _GLOB_CACHE.get(pattern)
    if rx is not None:
        return rx
    pat = pattern.strip()
    if pat.startswith("./"):
        pat = pat[2:]
    pat = pat.rstrip("/")
    anchored = "/" in pat
    pat = pat.lstrip("/")
    out = []
    i = 0
    while i < len(pat):
        c = pat[i]
        if pat.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pat.startswith("**", i):
            out.append(".*")
            i += 2
        elif c == "*":
            out.append("[^/]*")
            i += 1
        elif c == "?":
            out.append("[^/]")
            i += 1
        elif c == "[":
            j = pat.find("]", i + 1)
            if j == -1:
                out.append(re.escape(c))
                i += 1
            else:
                body = pat[i + 1:j]
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append("[" + body.replace("\\", "\\\\") + "]")
                i = j + 1
        else:
            out.append(re.escape(c))
            i += 1
    prefix = "" if anchored else "(?:.*/)?"
    rx = re.compile(prefix + "".join(out) + "(?:/.*)?")
    _GLOB_CACHE[pattern] = rx
    return rx


def glob_match(pattern: str, rel: str) -> bool:
    """Does ``rel`` (a ``/``-separated path relative to the config root) match?"""
    return _glob_regex(pattern).fullmatch(rel) is not None


# ---------------------------------------------------------------- word lists
def read_word_list(path: str, where: str = "") -> set[str]:
    """Words of a plain word list: one per line, ``#`` starts a comment, blank lines skipped."""
    try:
        with open(path, encoding="utf-8-sig") as fh:
            lines = fh.read().splitlines()
    except FileNotFoundError:
        raise ConfigError(f"{where}: word list {display(path)} not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{where}: cannot read word list {display(path)} ({exc})") from None
    words = set()
    for line in lines:
        word = line.split("#", 1)[0].strip()
        if word:
            words.add(word.lower())
    return words


# ---------------------------------------------------------------- discovery
def repo_root(start: str) -> str | None:
    """The nearest directory at or above ``start`` that holds ``.git``."""
    d = os.path.abspath(start)
    while True:
        if os.path.exists(os.path.join(d, ".git")):
            return d
        parent = os.path.dirname(d)
        if parent == d:
            return None
        d = parent


def find_config_file(start: str) -> tuple[str | None, dict]:
    """(path, table) of the nearest configuration at or above ``start``."""
    d = os.path.abspath(start)
    while True:
        for name in CONFIG_NAMES:
            candidate = os.path.join(d, name)
            if os.path.isfile(candidate):
                table = _read_table(candidate)
                if table is not None:
                    return candidate, table
        if os.path.exists(os.path.join(d, ".git")):
            return None, {}
        parent = os.path.dirname(d)
        if parent == d:
            return None, {}
        d = parent


def _read_table(path: str) -> dict | None:
    """The modulfix table of a config file (None: a pyproject.toml without one)."""
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{display(path)}: invalid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{display(path)}: cannot read ({exc.strerror or exc})") from None
    if os.path.basename(path) == "pyproject.toml":
        tool = data.get("tool", {})
        if not isinstance(tool, dict) or "modulfix" not in tool:
            return None
        table = tool["modulfix"]
        if not isinstance(table, dict):
            raise ConfigError(f"{display(path)}: [tool.modulfix] must be a table")
        return table
    return data


def load_file(path: str) -> Config:
    """The configuration in ``path`` (``--config``): a modulfix.toml or a pyproject.toml."""
    if not os.path.isfile(path):
        raise ConfigError(f"{path}: configuration file not found")
    table = _read_table(path)
    if table is None:
        raise ConfigError(f"{display(path)}: no [tool.modulfix] table")
    return parse(table, path)


class ConfigCache:
    """Finds (once per directory) the configuration that applies to each file."""

    def __init__(self, config_file: str | None = None, isolated: bool = False, cwd: str | None = None):
        self.cwd = os.path.abspath(cwd or os.getcwd())
        self.fixed: Config | None = None
        if config_file:
            self.fixed = load_file(config_file)
        elif isolated:
            self.fixed = Config(root=repo_root(self.cwd) or self.cwd)
        self._by_dir: dict[str, Config] = {}
        self._by_file: dict[str, Config] = {}

    def for_dir(self, directory: str) -> Config:
        if self.fixed is not None:
            return self.fixed
        directory = os.path.abspath(directory)
        cfg = self._by_dir.get(directory)
        if cfg is None:
            path, table = find_config_file(directory)
            if path is None:
                cfg = Config(root=repo_root(directory) or self.cwd)
            else:
                cfg = self._by_file.get(path)
                if cfg is None:
                    cfg = self._by_file[path] = parse(table, path)
            self._by_dir[directory] = cfg
        return cfg

    def for_path(self, path: str) -> Config:
        if path == "-":
            return self.for_dir(self.cwd)
        return self.for_dir(os.path.dirname(os.path.abspath(path)))

    @property
    def run(self) -> Config:
        """The configuration of the working directory: run-wide keys (fail-on, baseline)."""
        return self.for_dir(self.cwd)


def load_for(path: str = ".", config_file: str | None = None, isolated: bool = False) -> Config:
    """The configuration that applies to ``path`` (a file or a directory)."""
    cache = ConfigCache(config_file, isolated)
    return cache.for_dir(path if os.path.isdir(path) else os.path.dirname(os.path.abspath(path)))


# ---------------------------------------------------------------- validation
def parse(table: dict, path: str) -> Config:
    """Check every key of ``table`` (read from ``path``) and build a :class:`Config`."""
    where = display(path)
    prefix = "[tool.modulfix] " if os.path.basename(path) == "pyproject.toml" else ""

    def bad(key: str, expected: str, value) -> ConfigError:
        return ConfigError(f"{where}: {prefix}{key}: expected {expected}, got {value!r}")

    def str_list(key: str, value) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise bad(key, "a list of non-empty strings", value)
        return tuple(value)

    def choice(key: str, value, allowed: tuple[str, ...]) -> str:
        if value not in allowed:
            raise bad(key, "one of " + ", ".join(allowed), value)
        return value

    cfg = Config(path=os.path.abspath(path), root=os.path.dirname(os.path.abspath(path)))
    for key, value in table.items():
        if key not in KEYS:
            raise ConfigError(f"{where}: {prefix}unknown key {key!r} (known: {', '.join(KEYS)})")
        if key == "allow":
            cfg.allow = str_list(key, value)
        elif key == "word-lists":
            cfg.word_lists = str_list(key, value)
        elif key == "words-file":
            if not isinstance(value, str) or not value.strip():
                raise bad(key, "a file name", value)
            cfg.words_file = value
        elif key == "corrections":
            if not isinstance(value, dict):
                raise bad(key, 'a table of wrong = "right"', value)
            for wrong, right in value.items():
                if not isinstance(right, str) or not right.strip() or not wrong.strip():
                    raise bad(f"corrections.{wrong}", "a non-empty string", right)
                if not re.fullmatch(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", wrong):
                    raise bad(f"corrections.{wrong}", "a single word as the key", wrong)
            cfg.corrections = {k.lower(): v for k, v in value.items()}
        elif key == "rules":
            from modulfix.rules import RULES

            if not isinstance(value, dict):
                raise bad(key, 'a table of rule-id = "error" | "warning" | "info" | "off"', value)
            known = _all_rules(RULES)
            for rid, sev in value.items():
                if rid not in known:
                    raise ConfigError(f"{where}: {prefix}rules.{rid}: unknown rule id "
                                      f"(see: modulfix explain --list)")
                choice(f"rules.{rid}", sev, RULE_VALUES)
            cfg.rules = dict(value)
        elif key == "include":
            cfg.include = str_list(key, value)
        elif key == "exclude":
            cfg.exclude = str_list(key, value)
        elif key == "file-types":
            if not isinstance(value, dict):
                raise bad(key, "a table: markdown = [globs], text = [globs]", value)
            types = dict(DEFAULT_FILE_TYPES)
            for kind, globs in value.items():
                if kind not in DEFAULT_FILE_TYPES:
                    raise ConfigError(f"{where}: {prefix}file-types.{kind}: unknown file type "
                                      f"(known: markdown, text)")
                if not isinstance(globs, list) or not all(isinstance(g, str) and g for g in globs):
                    raise bad(f"file-types.{kind}", "a list of globs", globs)
                types[kind] = tuple(globs)
            cfg.file_types = types
        elif key == "markdown":
            if not isinstance(value, dict):
                raise bad(key, "a table of " + ", ".join(MARKDOWN_KEYS), value)
            for opt, flag in value.items():
                if opt not in MARKDOWN_KEYS:
                    raise ConfigError(f"{where}: {prefix}markdown.{opt}: unknown key "
                                      f"(known: {', '.join(MARKDOWN_KEYS)})")
                if not isinstance(flag, bool):
                    raise bad(f"markdown.{opt}", "true or false", flag)
                cfg.markdown[opt] = flag
        elif key == "fail-on":
            cfg.fail_on = choice(key, value, FAIL_ON_VALUES)
        elif key == "min-severity":
            cfg.min_severity = choice(key, value, SEVERITY_VALUES)
        elif key == "baseline":
            if not isinstance(value, str) or not value.strip():
                raise bad(key, "a file name", value)
            cfg.baseline = value
    for name in cfg.word_lists:
        if not os.path.isfile(cfg.resolve(name)):
            raise ConfigError(f"{where}: {prefix}word-lists: {name}: file not found")
    return cfg
