"""Quantities in text: numbers (digits or words, with scale words), years, months, weekdays.

Each is reduced to a canonical key, so "1 million", "a million" and "1,000,000" compare
equal, as do "60" and "sixty". Used by alignment (numbers as matchable tokens) and by
the number check of the faithfulness harness.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from summarize.read import normalise

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
_DOZEN = {"dozen": 12}
MONTHS = {
    "january": "jan",
    "jan": "jan",
    "february": "feb",
    "feb": "feb",
    "march": "mar",
    "mar": "mar",
    "april": "apr",
    "apr": "apr",
    "may": "may",
    "june": "jun",
    "jun": "jun",
    "july": "jul",
    "jul": "jul",
    "august": "aug",
    "aug": "aug",
    "september": "sep",
    "sept": "sep",
    "sep": "sep",
    "october": "oct",
    "oct": "oct",
    "november": "nov",
    "nov": "nov",
    "december": "dec",
    "dec": "dec",
}
WEEKDAYS = {
    "monday": "mon",
    "tuesday": "tue",
    "wednesday": "wed",
    "thursday": "thu",
    "friday": "fri",
    "saturday": "sat",
    "sunday": "sun",
}
# The words that name the day of the news ("Monday" ... "today"), and the same as a regex
# alternation, weekdays capitalised.
_NEWS_DAY_WORDS = ("today", "tonight", "yesterday")
NEWS_DAY_WORDS = frozenset([*WEEKDAYS, *_NEWS_DAY_WORDS])
NEWS_DAYS = "|".join([*(day.capitalize() for day in WEEKDAYS), *_NEWS_DAY_WORDS])
# "one" is often a pronoun ("one of the", "no one"): a number only outside these.
_ONE_BEFORE = frozenset({"no", "any", "every", "each", "the", "this", "that", "which", "some"})
_ONE_AFTER = frozenset({"of", "another", "or", "and", "'s", "who", "that", "day", "time"})

_TOKEN = re.compile(
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[A-Za-z]+(?:-[A-Za-z]+)*|%|\S",
)


@dataclass(frozen=True)
class Quantity:
    """One quantity in a text: its canonical key and exact offsets."""

    key: str  # "n:1000000", "month:feb", "day:mon"
    start: int
    end: int
    surface: str


def _number_key(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return f"n:{text}"


def _digits(token: str) -> Decimal | None:
    try:
        return Decimal(token.replace(",", ""))
    except InvalidOperation:
        return None


def _word_value(words: list[str]) -> Decimal | None:
    """Value of a run of number words ("two hundred and five", "a million"), else None."""
    total = Decimal(0)
    current = Decimal(0)
    seen = False
    for word in words:
        if word in ("a", "an") and not seen:
            current, seen = Decimal(1), True
        elif word in _UNITS:
            current += _UNITS[word]
            seen = True
        elif word in _TENS:
            current += _TENS[word]
            seen = True
        elif word in _DOZEN:
            current = (current or Decimal(1)) * _DOZEN[word]
            seen = True
        elif word == "hundred":
            current = (current or Decimal(1)) * 100
            seen = True
        elif word in _SCALES:
            total += (current or Decimal(1)) * _SCALES[word]
            current = Decimal(0)
            seen = True
        elif word == "and":
            continue
        else:
            return None
    return total + current if seen else None


@lru_cache(maxsize=8192)
def is_number_word(word: str) -> bool:
    parts = word.split("-")
    return all(p in _UNITS or p in _TENS or p in _SCALES or p in _DOZEN for p in parts)


def quantities(text: str) -> list[Quantity]:
    """All quantities in ``text``, in order, with offsets into ``text``."""
    plain = normalise(text)
    tokens = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(plain)]
    out: list[Quantity] = []
    i = 0
    while i < len(tokens):
        word, start, end = tokens[i]
        lower = word.lower()
        prev = tokens[i - 1][0].lower() if i > 0 else ""
        attached = start > 0 and (plain[start - 1].isalpha() or plain[start - 1] in "-_/")
        if word[0].isdigit() and not attached and not (end < len(plain) and plain[end].isalpha()):
            value = _digits(word)
            j = i + 1
            if j < len(tokens) and tokens[j][0].lower() in _SCALES and value is not None:
                value *= _SCALES[tokens[j][0].lower()]
                end = tokens[j][2]
                j += 1
            if value is not None:
                out.append(Quantity(_number_key(value), start, end, text[start:end]))
            i = j
            continue
        if lower in MONTHS and word[0].isupper() and (lower != "may" or i > 0):
            out.append(Quantity(f"month:{MONTHS[lower]}", start, end, text[start:end]))
            i += 1
            continue
        if lower in WEEKDAYS:
            out.append(Quantity(f"day:{WEEKDAYS[lower]}", start, end, text[start:end]))
            i += 1
            continue
        starts_words = is_number_word(lower) or (
            lower in ("a", "an")
            and i + 1 < len(tokens)
            and tokens[i + 1][0].lower() in (*_SCALES, *_DOZEN)
        )
        if starts_words:
            j = i
            words: list[str] = []
            while j < len(tokens):
                w = tokens[j][0].lower()
                if is_number_word(w) or (w in ("a", "an") and not words):
                    words.extend(w.split("-"))
                elif w == "and" and words and j + 1 < len(tokens):
                    if not is_number_word(tokens[j + 1][0].lower()):
                        break
                    words.append(w)
                else:
                    break
                j += 1
            nxt = tokens[j][0].lower() if j < len(tokens) else ""
            pronoun_one = words == ["one"] and (prev in _ONE_BEFORE or nxt in _ONE_AFTER)
            value = _word_value(words)
            if value is not None and not pronoun_one:
                end = tokens[j - 1][2]
                out.append(Quantity(_number_key(value), start, end, text[start:end]))
                i = j
                continue
        i += 1
    return out


def quantity_keys(text: str) -> set[str]:
    return {q.key for q in quantities(text)}
