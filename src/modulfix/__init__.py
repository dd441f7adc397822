"""modulfix: clean scraped Indonesian course modules into structured Markdown and
check their spelling against PUEBI/KBBI.

The library never prints; see :mod:`modulfix.cli` for the command line.
"""

__version__ = "0.1.0"
