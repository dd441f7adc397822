"""Errors that reach the user as one line, each with a documented exit code.

Exit codes (documented in README.md, "Exit codes"):

* 0 -- success; for ``check``: nothing at or above the failure threshold
* 1 -- ``check``: findings at or above the failure threshold
* 2 -- usage or configuration error
* 3 -- an input path is missing, unreadable, a directory where a file was needed,
  or not text (binary)
* 4 -- an output could not be written
* 70 -- internal error (a bug: please report it); the message names the exception
* 130 -- interrupted (Ctrl-C)
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INPUT = 3
EXIT_OUTPUT = 4
EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130


class ModulfixError(Exception):
    """Base class: ``str(err)`` is the one-line message, ``exit_code`` the code."""

    exit_code = EXIT_INTERNAL


class UsageError(ModulfixError):
    exit_code = EXIT_USAGE


class ConfigError(ModulfixError):
    exit_code = EXIT_USAGE


class InputError(ModulfixError):
    exit_code = EXIT_INPUT


class OutputError(ModulfixError):
    exit_code = EXIT_OUTPUT
