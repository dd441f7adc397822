"""Dates as the templates write them, read into ISO ``YYYY-MM-DD``.

Forms seen in the wild (month and day names from ``dictionaries/boilerplate/``):
``Rabu, 30 Januari 2013``, ``Friday 21 December 2018``, ``Friday, December 21, 2018``,
``Januari 5, 2015``, ``Posted on March 3, 2016``, ``5 Agt. 2019``, ``2019-04-01``,
``30/01/2013`` (day first, as Indonesian pages write it).

:func:`post_date_re` matches a line that is only a post date (with the templates'
prefixes and suffixes), :func:`comment_date_re` a comment meta line (a date WITH a
time). All regexes are compiled once, on first use, and are bounded: no nested
repetition, so a long line cannot make them slow.
"""

from __future__ import annotations

import functools
import re

from modulfix.patterns import load

_TIME = r"(?:\d{1,2}[.:]\d{2}(?:[.:]\d{2})?\s{0,3}(?:am|pm|wib|wita|wit)?)"


@functools.lru_cache(maxsize=1)
def date_core() -> str:
    """A date in any of the orders the templates use. Named groups: day/month/year
    (day first), day2/month2/year2 (month first), year3/month3/day3 (ISO) and
    day4/month4/year4 (numeric, day first)."""
    p = load()
    months = "|".join(sorted((re.escape(m) for m in p.months), key=len, reverse=True))
    days = "|".join(re.escape(d) for d in p.days)
    day = rf"(?:(?:{days}),?\s{{1,3}})?"
    month = rf"(?P<month>{months})\.?"
    month2 = rf"(?P<month2>{months})\.?"
    return (
        rf"{day}(?:(?P<day>\d{{1,2}})\s{{1,3}}{month},?\s{{1,3}}(?P<year>\d{{4}})"
        rf"|{month2}\s{{1,3}}(?P<day2>\d{{1,2}}),?\s{{1,3}}(?P<year2>\d{{4}})"
        rf"|(?P<year3>\d{{4}})-(?P<month3>\d{{2}})-(?P<day3>\d{{2}})"
        rf"|(?P<day4>\d{{1,2}})/(?P<month4>\d{{1,2}})/(?P<year4>\d{{4}}))(?!\d)"
    )


@functools.lru_cache(maxsize=1)
def date_re() -> re.Pattern[str]:
    return re.compile(date_core(), re.IGNORECASE)


# Words before a post date on its line ("Posted on", "Diposting pada", "Tayang").
_PREFIX = (r"(?:(?:posted|published|updated|diposting|diposkan|diterbitkan|dipublikasikan|diperbarui"
           r"|tayang|terbit|ditulis|dibuat)(?:\s{1,3}(?:on|pada|tanggal|oleh\s.{1,60}?\s(?:pada|on)))?"
           r"\s{0,3}:?\s{0,3}|on\s|pada\s)?")
# What may follow it: a time, WordPress's comment count, the author.
_SUFFIX = (r"(?:,?\s{1,3}(?:at|pukul|jam|-|\||·)?\s{0,3}" + _TIME + r")?"
           r"(?:\s{1,3}(?:diperbarui|updated|last updated)\s{0,3}:?\s{0,3}[^|]{1,40})?"
           r"(?:\s{1,3}(?:\||·|•|-|—))?"
           r"(?:\s{1,3}(?:\d{1,5}\s(?:komentar|comments?|tanggapan)|no comments|tidak ada komentar"
           r"|tinggalkan komentar|leave a comment|(?:by|oleh)\s.{1,60}))?")


@functools.lru_cache(maxsize=1)
def post_date_re() -> re.Pattern[str]:
    """A line that is only a post date, maybe with the templates' prefixes/suffixes."""
    return re.compile(r"\s{0,3}" + _PREFIX + date_core() + _SUFFIX + r"\s{0,3}", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def comment_date_re() -> re.Pattern[str]:
    """A comment meta line: a date with a time, possibly after an author name and a UI
    word ("Blog27999 delete 5 March 2020 at 08:35", "12 Maret 2014 pukul 10.15")."""
    return re.compile(
        r"(?P<author>.{0,60}?)\s{0,3}(?:delete|hapus)?\s{0,3}(?:on\s|pada\s)?" + date_core()
        + r"(?:\s{1,3}(?:at|pukul|jam)|,|\s-)?\s{1,3}(?P<time>" + _TIME + r")",
        re.IGNORECASE,
    )


_CLOCK = re.compile(r"\d[.:]\d\d")  # what every time of day in a comment meta line has


def comment_date_match(text: str) -> re.Match[str] | None:
    """``comment_date_re().fullmatch(text)``, after a quick look for a time of day (most
    lines have none, and the full pattern is slow to fail)."""
    return comment_date_re().fullmatch(text) if _CLOCK.search(text) else None


def parse_date(text: str, limit: int = 300) -> str | None:
    """ISO ``YYYY-MM-DD`` of the first date in ``text`` (English or Indonesian), or None."""
    m = date_re().search(text[:limit])
    return iso_date(m) if m else None


def iso_date(m: re.Match[str]) -> str | None:
    """The ISO date of a :func:`date_core` match; None when it is not a real date."""
    g = m.groupdict()
    months = load().months
    if g.get("year3"):
        year, month, day = int(g["year3"]), int(g["month3"]), int(g["day3"])
    elif g.get("year4"):
        year, month, day = int(g["year4"]), int(g["month4"]), int(g["day4"])
    elif g.get("year"):
        year, month, day = int(g["year"]), months[g["month"].lower()], int(g["day"])
    else:
        year, month, day = int(g["year2"]), months[g["month2"].lower()], int(g["day2"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def comment_timestamp(m: re.Match[str]) -> str:
    """``YYYY-MM-DD HH:MM`` from a :func:`comment_date_re` match (24-hour clock)."""
    date = iso_date(m)
    time = m.group("time").lower()
    clock = re.match(r"(\d{1,2})[.:](\d{2})", time)
    hour, minute = int(clock.group(1)), int(clock.group(2))
    if "pm" in time and hour < 12:
        hour += 12
    if "am" in time and hour == 12:
        hour = 0
    return f"{date} {hour:02d}:{minute:02d}" if date else ""
