"""Embedded posts: a tweet printed inside an article is its author's own statement.

Scraped news keeps an embed either as markup (``<tweet author="@x" ...>text</tweet>``)
or as the plain text a page shows ("text pic.twitter.com/... — Jane Roe (@janeroe)
June 28, 2016"). Segmenting files both as page furniture; here, once the profile is
known, a post by a side's person becomes that side's statement, sentence by sentence,
while its credit line, links and scraped sign-up lines stay furniture. A post by someone
outside the profile stays furniture too: a bystander's embed carries no side.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace

from summarize.records import AttributedPassage, Profile
from summarize.transcript import sides_by_form

TWEET_CONFIDENCE = 0.85
_OPEN = re.compile(r"<tweet\b(?P<attrs>[^<>]*)>", re.I)
_CLOSE = re.compile(r"</tweet>", re.I)
_AUTHOR_ATTR = re.compile(r"""(?<![\w-])author\s*=\s*["']@?(?P<handle>\w{1,30})["']""", re.I)
# "— Donald J. Trump (@realDonaldTrump) June 29, 2016": the embed's credit line; its dash
# follows a space, unlike a hyphen inside the post ("a long-shot no more")
_CREDIT = re.compile(
    r"(?<=\s)[\u2014\u2013-]\s*(?P<name>[^()\n\u2014]{2,60}?)\s*\(@(?P<handle>\w{1,30})\)\s*"
    r"(?:[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4})"
)
_LINK = re.compile(r"(?:https?://|pic\.twitter\.com/)\S*", re.I)
_TAG = re.compile(r"<[^<>]*>")


@dataclass(frozen=True)
class Post:
    """An embedded post: where it lies, and its author's handle and credited name."""

    start: int
    end: int
    handle: str
    name: str


def embedded_posts(text: str) -> list[Post]:
    """Every embedded post of the text, by its markup (a tag left unclosed runs to the
    end of its paragraph) or by its plain-text credit line (the post then runs from the
    start of the credit's line)."""
    closes = [m.start() for m in _CLOSE.finditer(text)]
    opens = list(_OPEN.finditer(text))
    posts: list[Post] = []
    for k, m in enumerate(opens):
        nxt = opens[k + 1].start() if k + 1 < len(opens) else len(text)
        at = bisect_left(closes, m.end())
        if at < len(closes) and closes[at] < nxt:
            end = closes[at] + len("</tweet>")
        else:
            blank = text.find("\n\n", m.end(), nxt)
            end = blank if blank >= 0 else nxt
        credit = _CREDIT.search(text, m.end(), end)
        attr = _AUTHOR_ATTR.search(m.group("attrs"))
        handle = attr.group("handle") if attr else credit.group("handle") if credit else ""
        posts.append(Post(m.start(), end, handle, credit.group("name") if credit else ""))
    for c in _CREDIT.finditer(text):
        if any(p.start <= c.start() < p.end for p in posts):
            continue
        line_start = text.rfind("\n", 0, c.start()) + 1
        posts.append(Post(line_start, c.end(), c.group("handle"), c.group("name")))
    return sorted(posts, key=lambda p: p.start)


def _compact(words: str) -> str:
    return re.sub(r"[^a-z0-9]", "", words.lower())


def author_side(post: Post, forms: dict[str, str | None]) -> tuple[str, str] | None:
    """(side, the form that matched) of a post's author: the credited name as a side's
    name form, else a form found inside the handle ("@realDonaldTrump", "@SpeakerRyan")."""
    name = post.name.strip().lower()
    without_initials = re.sub(r"\s+[a-z]\.(?=\s)", "", name)  # "Donald J. Trump"
    for key in (name, without_initials):
        sid = forms.get(key)
        if sid is not None:
            return sid, post.name.strip()
    handle = _compact(post.handle)
    found = []
    for form, sid in forms.items():
        key = _compact(form)
        # a full name anywhere ("realDonaldTrump"); one word only at either end
        # ("SpeakerRyan"), so that "@StopTrumpNow" is no Trump's
        inside = key in handle if " " in form else handle.startswith(key) or handle.endswith(key)
        if sid is not None and len(key) >= 4 and inside:
            found.append((len(key), form, sid))
    if not found:
        return None
    longest = max(found)[0]
    sides = {sid for n, _, sid in found if n == longest}
    if len(sides) != 1:
        return None
    return sides.pop(), next(form for n, form, _ in found if n == longest)


def _has_words(text: str) -> bool:
    """What is left of a post's sentence without markup, links and its credit line has
    words in lower case: "No problem!" does; "SIGN UP FOR OUR NEWSLETTER" does not."""
    rest = _CREDIT.split(_LINK.sub(" ", _TAG.sub(" ", text)))[0]
    return any(w.islower() for w in re.findall(r"[A-Za-z']{2,}", rest))


def with_posts(attributed: Sequence[AttributedPassage], text: str,
               profile: Profile) -> list[AttributedPassage]:
    """``attributed`` with each sentence of a side's embedded post given to that side as
    body text; every other passage unchanged."""
    posts = embedded_posts(text)
    if not posts:
        return list(attributed)
    forms = sides_by_form(profile)
    authors = [author_side(post, forms) for post in posts]  # once a post, not a sentence
    out: list[AttributedPassage] = []
    for ap in attributed:
        p = ap.passage
        at = next((k for k, q in enumerate(posts) if q.start <= p.start < q.end), None)
        post = posts[at] if at is not None else None
        found = authors[at] if at is not None else None
        if post is None or found is None or p.kind == "duplicate":
            out.append(ap)
        elif not _has_words(text[p.start : min(p.end, post.end)]):
            # a side's credit line or link alone ("— Jane Roe (@janeroe) June 29, 2016")
            out.append(AttributedPassage(replace(p, kind="boilerplate"), None, 0.9,
                                         f"credit of a post by @{post.handle}"))
        else:
            sid, form = found
            out.append(AttributedPassage(replace(p, kind="body"), sid, TWEET_CONFIDENCE,
                                         f"post by @{post.handle} ({form}) → {sid}"))
    return out
