"""Case transfer: give a correction the capitalisation of the word it replaces.

``transfer_case("Nasehat", "nasihat") == "Nasihat"``, ``transfer_case("RESIKO", "risiko")
== "RISIKO"``; a lowercase original leaves the correction as it is (proper nouns keep
their own capitals: ``transfer_case("islam", "Islam") == "Islam"``).
"""

from __future__ import annotations


def transfer_case(original: str, replacement: str) -> str:
    if not original or not replacement:
        return replacement
    letters = [c for c in original if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if original[0].isupper():
        return replacement[0].upper() + replacement[1:]
    return replacement
