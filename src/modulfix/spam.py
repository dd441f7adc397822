"""Comment spam, scored from features that work on plain text.

:func:`spam_score` adds up, capped at 1:

* language mismatch: the comment is English while the post is Indonesian
  (function words from ``dictionaries/boilerplate/words/``) -- 0.35;
* commercial and gambling words, Indonesian and English (``words/spam.txt``) -- 0.3 each;
* URLs, e-mail addresses and phone numbers -- 0.3 each;
* shouting: a large share of all-capital words -- 0.2;
* little overlap with the post's vocabulary -- 0.2.

No feature alone reaches :data:`SPAM_THRESHOLD` except two contact items or two selling
words; genuine reader comments (thanks, questions about the post) score 0-0.2.
"""

from __future__ import annotations

import re

from modulfix.patterns import load

SPAM_THRESHOLD = 0.5

WORD_RE = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")
URL_RE = re.compile(r"https?://|www\.|\b[\w-]{2,63}\.(?:com|net|org|id|info|xyz|co|biz|site|online|top|link)\b",
                    re.IGNORECASE)
EMAIL_RE = re.compile(r"\b[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,4}\b")
PHONE_RE = re.compile(r"(?:\+62|\b0)8\d(?:[\s.-]?\d){6,11}\b")
# what any match of the three has: a scheme, www., a dot before a listed domain, an @, or
# the start of a phone number (a quick search; most lines have none of them)
_CONTACT_HINT = re.compile(r"https?://|www\.|\.(?:com|net|org|id|info|xyz|co|biz|site|online|top|link)\b|@|\+62|08\d",
                           re.IGNORECASE)


def contact_count(text: str) -> int:
    """URLs, e-mail addresses and phone numbers in ``text``, each pattern counted on its own."""
    if not _CONTACT_HINT.search(text):
        return 0
    return len(URL_RE.findall(text)) + len(EMAIL_RE.findall(text)) + len(PHONE_RE.findall(text))


def language(words: list[str]) -> str:
    """``en``, ``id`` or ``""`` (undecided) from the share of function words."""
    if len(words) < 4:
        return ""
    p = load()
    en = sum(w in p.english_words for w in words)
    idn = sum(w in p.indonesian_words for w in words)
    if en / len(words) > 0.15 and en > 2 * idn:
        return "en"
    if idn >= en:
        return "id"
    return ""


def spam_score(text: str, post_words: set[str], post_language: str = "id") -> float:
    """A 0..1 score: the sum of the features found in ``text``, capped at 1."""
    text = text[:5000]
    p = load()
    words = WORD_RE.findall(text)
    lower = [w.lower() for w in words]
    score = 0.0
    lang = language(lower)
    if lang and post_language and lang != post_language:
        score += 0.35
    score += min(0.6, 0.3 * sum(w in p.spam_words for w in lower))
    contacts = contact_count(text)
    score += min(0.6, 0.3 * contacts)
    caps = [w for w in words if len(w) >= 2 and w.isupper()]
    if words and len(caps) / len(words) > 0.1 and len(caps) >= 2:
        score += 0.2
    content = [w for w in lower if len(w) >= 4]
    if len(content) >= 5 and sum(w in post_words for w in content) / len(content) < 0.3:
        score += 0.2
    return min(1.0, round(score, 2))
