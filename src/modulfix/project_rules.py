"""Rules that come from the project rather than the speller: registered into
:data:`modulfix.rules.RULES` on import, so ``explain``, ``--format sarif`` and the
``[rules]`` configuration know them like any other rule.
"""

from __future__ import annotations

from modulfix.rules import RULES, Rule

FORCED_CORRECTION = Rule(
    "forced-correction", "error", "spelling",
    "Flags a word listed under `corrections` in the project configuration (wrong = \"right\").",
    "A team may settle a spelling the dictionaries leave open (a house style, a name, a term "
    "of the course); every occurrence should then follow it.",
    "nasehat (with corrections = { nasehat = \"nasihat\" })", "nasihat",
    "Safe: the project chose the replacement; the word's capitalisation is kept.")

DIRECTIVE = Rule(
    "directive", "warning", "style",
    "Flags a malformed `<!-- modulfix: ... -->` directive, or one naming an unknown rule id.",
    "A mistyped directive would otherwise silently ignore nothing (or too much).",
    "<!-- modulfix: disable=typos -->", "<!-- modulfix: disable=typo -->",
    "Never fixed.")

for _rule in (FORCED_CORRECTION, DIRECTIVE):
    RULES.setdefault(_rule.id, _rule)
