"""Where the shipped language data lives.

In a wheel, ``dictionaries/`` is installed inside the package (``modulfix/dictionaries``);
in a source checkout it is the repository's top-level ``dictionaries/``.
``MODULFIX_DICTIONARIES`` points elsewhere (tests, experiments).
"""

from __future__ import annotations

import os
from pathlib import Path

from modulfix.errors import ModulfixError


def dictionaries_dir() -> Path:
    env = os.environ.get("MODULFIX_DICTIONARIES")
    if env:
        return Path(env)
    here = Path(__file__).resolve().parent
    for candidate in (here / "dictionaries", here.parent.parent / "dictionaries"):
        if (candidate / "nonstandard.tsv").exists():
            return candidate
    raise ModulfixError("modulfix: language data not found (broken installation: no dictionaries/)")
