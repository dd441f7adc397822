"""modulfix: clean scraped Indonesian course modules into structured Markdown and
check their spelling against PUEBI/KBBI.

The library never prints; see :mod:`modulfix.cli` for the command line.
"""

__version__ = "0.1.0"

# With --jobs 0 (the default of check, clean and baseline) the work is shared out among
# the cores only from this much input: below it, starting workers costs more than they save.
AUTO_JOBS_MIN_BYTES = 1 << 20
