"""Planted-error suite generator for the faithfulness harness (deterministic, seeded).

Faithful sentences are extractive summaries of each side: the side's own passages from
``pipeline.group``, used as they are or lightly paraphrased (a subordinate clause
dropped, "said" → "stated", a number written in words, "did not" → "didn't"). Errors are
planted one per case, each in several realistic forms:

- ``number``: a quantity changed by ±1, x10 or /10, written in digits or words; a year,
  month or weekday moved;
- ``entity``: a name swapped for another name of the same article;
- ``negation``: a negation removed ("did not commit" → "committed", "no X" → "X",
  "denied" → "confirmed") or inserted ("has" → "has not", "never", "refused to");
- ``side``: a faithful sentence of another side filed under this side;
- ``quote``: a quotation altered (a word replaced, dropped, doubled up or two swapped);
- ``unattributed``: a side's quoted claim restated as plain fact, speaker dropped.

Usage: ``python eval/plant.py [--seed 7] [--out eval/suite/planted.jsonl]``; each JSONL line
is ``{"article", "profile", "side", "sentence", "kind", "detail", "passage"}``.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summarize import pipeline  # noqa: E402
from summarize.align import content_words  # noqa: E402
from summarize.names import TITLES  # noqa: E402
from summarize.quantities import MONTHS, WEEKDAYS, quantities  # noqa: E402
from summarize.read import normalise  # noqa: E402
from summarize.records import Grouping  # noqa: E402
from summarize.speech import quoted_regions  # noqa: E402

KINDS = ("faithful", "number", "entity", "negation", "side", "quote", "unattributed")
PER_KIND = 12  # cases per kind per article (fewer when the article offers fewer)
FAITHFUL_PER_KIND = 24
MIN_WORDS, MAX_WORDS = 7, 70
# '"We have to do it," he said.': a sentence of function words only can be checked
# against nothing, so it is no base for a case
MIN_CONTENT_WORDS = 3

_SMALL = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_SPEECH_SWAPS = [
    (r"\bsaid\b", "stated"),
    (r"\bsays\b", "states"),
    (r"\btold reporters\b", "told journalists"),
    (r"\baccording to\b", "as reported by"),
    (r"\bsaid\b", "noted"),
]
_CLAUSE_DROPS = [
    # the closing comma is no thousands separator ("which is almost $8,000 more")
    r",\s+(?:which|who|including|citing|while|as)\b[^,;\"]{6,}?,(?!\d)",
    r"\s+[-\u2014\u2013]{1,2}\s+[^\"\u2014\u2013]{6,}?\s+[-\u2014\u2013]{1,2}(?=\s)",
    r"\s*\([^()\"]{4,}\)",
    r",\s+(?:including|citing|with|as)\b[^,;\"]{6,}(?=\.$)",
    r"^(?:In|On|At|After|Since|During|This|Last)\s[^,\"]{2,30},\s+",
]
_INTENSIFIERS = ["very", "deeply", "completely", "entirely", "truly"]
_QUOTE_SWAPS = {
    "concerned": "worried",
    "urge": "ask",
    "allow": "permit",
    "access": "entry",
    "end": "stop",
    "lie": "myth",
    "facts": "events",
    "failure": "defeat",
    "support": "back",
    "supports": "backs",
    "effect": "impact",
    "critical": "vital",
    "damaging": "harmful",
    "victory": "win",
    "troubling": "worrying",
    "pressure": "strain",
    "opportunities": "chances",
    "clear": "plain",
    "problems": "issues",
    "hard": "difficult",
    "attack": "assault",
}
_NEGATION_REMOVALS: list[tuple[str, Callable[[re.Match[str]], str], str]] = [
    (
        r"\b(is|are|was|were|has|have|had|will|would|could|should|must|do|does)\s+not\s+",
        lambda m: m.group(1) + " ",
        "'X not' → 'X'",
    ),
    (
        r"\b(is|are|was|were|has|have|had|do|does|did|would|could|should)n't\b",
        lambda m: m.group(1),
        "'Xn't' → 'X'",
    ),
    (r"\bcannot\b", lambda m: "can", "'cannot' → 'can'"),
    (r"\bnever\s+", lambda m: "", "'never' removed"),
    (
        r"\b[Nn]o\s+(?=[a-z]{3,})(?!one\b|longer\b)",
        lambda m: "some " if m.group(0)[0] == "n" else "Some ",
        "'no' → 'some'",
    ),
    (r"\bdenied\b", lambda m: "confirmed", "'denied' → 'confirmed'"),
    (r"\bdenies\b", lambda m: "admits", "'denies' → 'admits'"),
    (r"\brefused to\b", lambda m: "agreed to", "'refused to' → 'agreed to'"),
    (r"\bdeclined to\b", lambda m: "agreed to", "'declined to' → 'agreed to'"),
    (r"\bfailed to\b", lambda m: "managed to", "'failed to' → 'managed to'"),
    (r"\bwithout\b", lambda m: "with", "'without' → 'with'"),
    (r"\bnothing\b", lambda m: "something", "'nothing' → 'something'"),
]
_NEGATION_INSERTIONS: list[tuple[str, Callable[[re.Match[str]], str], str]] = [
    (
        r"\b(is|are|was|were|has|have|will|would|could|should|must)\s+(?!not\b|no\b|never\b)(?=[a-z])",
        lambda m: m.group(1) + " not ",
        "'X' → 'X not'",
    ),
    (r"\b(can)\s+(?=[a-z])", lambda m: "cannot ", "'can' → 'cannot'"),
    (r"\b(has|have|had)\s+(?=[a-z]+ed\b)", lambda m: m.group(1) + " never ", "'has' → 'has never'"),
]


@dataclass(frozen=True)
class Base:
    """A faithful sentence of one side, and the passage it came from."""

    side: str
    text: str
    passage: str
    passage_text: str
    paragraph_text: str


@dataclass(frozen=True)
class Case:
    article: str
    profile: str
    side: str
    sentence: str
    kind: str
    detail: str
    passage: str

    def to_json(self) -> dict[str, str]:
        return {
            "article": self.article,
            "profile": self.profile,
            "side": self.side,
            "sentence": self.sentence,
            "kind": self.kind,
            "detail": self.detail,
            "passage": self.passage,
        }


def articles(root: Path = ROOT) -> list[tuple[str, str]]:
    """(article, profile) paths relative to the repository: the example, then eval/."""
    out = [("examples/xinjiang-unhrc-cbc.txt", "examples/xinjiang-unhrc.yaml")]
    for profile in sorted((root / "eval" / "profiles").glob("*.yaml")):
        article = root / "eval" / "articles" / f"{profile.stem}.txt"
        if article.is_file():
            out.append((str(article.relative_to(root)), str(profile.relative_to(root))))
    return out


def words_in(text: str) -> int:
    return len(text.split())


def _balanced(text: str) -> bool:
    return normalise(text).count('"') % 2 == 0


def bases(grouping: Grouping) -> list[Base]:
    out: list[Base] = []
    paragraphs: dict[int, list[str]] = {}
    for ap in grouping.passages:
        paragraphs.setdefault(ap.passage.paragraph, []).append(ap.passage.text)
    for s in grouping.profile.stakeholders:
        for ap in grouping.side(s.id):
            p = ap.passage
            if p.kind != "body" or not MIN_WORDS <= words_in(p.text) <= MAX_WORDS:
                continue
            if len(set(content_words(p.text))) < MIN_CONTENT_WORDS:
                continue
            text = " ".join(p.text.split())
            out.append(Base(s.id, text, p.id, p.text, " ".join(paragraphs[p.paragraph])))
    return out


# ---------------------------------------------------------------- faithful paraphrases


def number_words(n: int) -> str | None:
    if 0 <= n < 20:
        return _SMALL[n]
    if 20 <= n < 100:
        tens, unit = divmod(n, 10)
        return _TENS[tens] + (f"-{_SMALL[unit]}" if unit else "")
    return None


def paraphrases(base: Base) -> Iterator[tuple[str, str]]:
    """Faithful rewrites of a base sentence: (text, what changed)."""
    text = base.text
    for pattern in _CLAUSE_DROPS:
        m = re.search(pattern, text)
        # never inside a quotation: that would misquote, not paraphrase
        if m and not _in_quote(text, m.start()) and '"' not in normalise(m.group()):
            shorter = (text[: m.start()] + text[m.end() :]).strip()
            if m.start() == 0:
                shorter = shorter[:1].upper() + shorter[1:]
            elif not m.group().rstrip().endswith(","):
                shorter = re.sub(r"\s+([.,])", r"\1", shorter)
            else:
                shorter = text[: m.start()] + " " + text[m.end() :].lstrip()
            if words_in(shorter) >= MIN_WORDS and _balanced(shorter):
                yield " ".join(shorter.split()), f"dropped '{m.group().strip()}'"
    for pattern, repl in _SPEECH_SWAPS:
        m = re.search(pattern, text)
        # '"... as she has said, ..."': a speech verb inside a quote is the speaker's word
        if m and not _in_quote(text, m.start()):
            yield text[: m.start()] + repl + text[m.end() :], f"{pattern} → {repl}"
    for q in quantities(text):
        if q.key.startswith("n:") and q.surface.isdigit() and not _in_quote(text, q.start):
            spelled = number_words(int(q.surface))
            if spelled:
                yield text[: q.start] + spelled + text[q.end :], f"{q.surface} → {spelled}"
    m = re.search(r"\b(did|does|do|is|are|was|has|have) not\b", text)
    if m and not _in_quote(text, m.start()):
        yield text[: m.start()] + m.group(1) + "n't" + text[m.end() :], "not → n't"


def _in_quote(text: str, at: int) -> bool:
    return normalise(text[:at]).count('"') % 2 == 1


# ---------------------------------------------------------------- planted errors


def plant_number(rng: random.Random, base: Base) -> tuple[str, str] | None:
    have = {q.key for q in quantities(base.paragraph_text)}
    options = [q for q in quantities(base.text) if not _in_quote(base.text, q.start)]
    rng.shuffle(options)
    for q in options:
        if q.key.startswith("month:"):
            names = [m for m in MONTHS if len(m) > 3 and MONTHS[m] != q.key[6:]]
            new = rng.choice(sorted(names)).capitalize()
        elif q.key.startswith("day:"):
            new = rng.choice(sorted(d for d in WEEKDAYS if WEEKDAYS[d] != q.key[4:])).capitalize()
        else:
            value = float(q.key[2:])
            if 1800 <= value <= 2100 and value == int(value):
                new = str(int(value) + rng.choice([-3, -2, -1, 1, 2]))
            else:
                new = _changed_number(rng, q.surface, value)
        candidate = base.text[: q.start] + new + base.text[q.end :]
        if not any(k not in have for k in {x.key for x in quantities(new)}):
            continue
        return candidate, f"'{q.surface}' → '{new}'"
    return None


def _changed_number(rng: random.Random, surface: str, value: float) -> str:
    how = rng.choice(["plus", "minus", "times", "words"])
    scale = ""
    for word in ("million", "billion", "thousand"):
        if surface.lower().endswith(word):
            scale = " " + word
            value = value / {"million": 1e6, "billion": 1e9, "thousand": 1e3}[word]
    if how == "times":
        new = value * 10
    elif how == "minus" and value > 1:
        new = value - 1
    else:
        new = value + 1
    if new == int(new):
        spelled = number_words(int(new))
        if how == "words" and spelled:
            return spelled + scale
        if new >= 1000:
            return f"{int(new):,}" + scale
        return str(int(new)) + scale
    return f"{new:g}" + scale


_NAME = re.compile(
    r"(?<![\w.])(?:[A-Z][a-z]+(?:[ -](?:[A-Z][a-z]+|[A-Z]\.))*|[A-Z]{2,}|U\.[SNK]\.)(?![A-Za-z])"
)


def names_in(text: str) -> list[str]:
    """Capitalised names not at a sentence or quote start."""
    plain = normalise(text)
    out: list[str] = []
    for m in _NAME.finditer(plain):
        before = plain[: m.start()].rstrip()
        if not before or before[-1] in '".:;!?':
            continue
        out.append(text[m.start() : m.end()])
    return out


def plant_entity(rng: random.Random, base: Base, pool: list[str]) -> tuple[str, str] | None:
    mine = names_in(base.text)
    rng.shuffle(mine)
    context = base.paragraph_text.lower()
    for name in mine:
        shape = len(name.split())
        if name.lower().rstrip(".") in TITLES or name.lower() in (*MONTHS, *WEEKDAYS):
            continue
        others = [
            n
            for n in pool
            if n != name
            and n[:4].lower() != name[:4].lower()
            and len(n.split()) == shape
            and n.lower() not in context
            and not any(w.lower() in context for w in n.split() if len(w) > 3)
        ]
        if not others:
            continue
        new = rng.choice(others)
        return base.text.replace(name, new, 1), f"'{name}' → '{new}'"
    return None


_SUBJECT_VERB = re.compile(r"\b(?:he|she|they|it|[A-Z][a-z]+)\s+([a-z]{3,}(?:ed|es|s))\b")


def _lemma(verb: str, vocab: set[str]) -> str | None:
    """The base form of a past or third-person verb, if the article uses it."""
    if verb.endswith("ied"):
        tries = [verb[:-3] + "y"]
    elif verb.endswith("ed"):
        tries = [verb[:-1], verb[:-2], verb[:-3]]
    elif verb.endswith("es"):
        tries = [verb[:-1], verb[:-2]]
    else:
        tries = [verb[:-1]]
    for t in tries:
        if t in vocab and len(t) >= 3 and t not in ("not", "did", "does", "was", "had"):
            return t
    return None


def _did_not(base: Base, vocab: set[str]) -> list[tuple[str, str]]:
    out = []
    for m in _SUBJECT_VERB.finditer(base.text):
        if _in_quote(base.text, m.start()):
            continue
        verb = m.group(1)
        lemma = _lemma(verb, vocab)
        if lemma is None or verb in ("was", "has", "is", "does", "this", "its"):
            continue
        aux = "did not" if verb.endswith("ed") else "does not"
        changed = base.text[: m.start(1)] + f"{aux} {lemma}" + base.text[m.end(1) :]
        out.append((changed, f"'{verb}' → '{aux} {lemma}'"))
    return out


def plant_negation(rng: random.Random, base: Base, vocab: set[str]) -> tuple[str, str] | None:
    if rng.random() < 0.3:
        options_did = _did_not(base, vocab)
        if options_did:
            return rng.choice(options_did)
    options = [("remove", *x) for x in _NEGATION_REMOVALS] + [
        ("insert", *x) for x in _NEGATION_INSERTIONS
    ]
    rng.shuffle(options)
    for _, pattern, repl, what in options:
        matches = [
            m for m in re.finditer(pattern, base.text) if not _in_quote(base.text, m.start())
        ]
        if not matches:
            continue
        m = rng.choice(matches)
        changed = base.text[: m.start()] + repl(m) + base.text[m.end() :]
        return changed, what
    return None


def plant_quote(rng: random.Random, base: Base) -> tuple[str, str] | None:
    plain = normalise(base.text)
    quotes = [m for m in re.finditer(r'"([^"]{12,})"', plain) if len(m.group(1).split()) >= 3]
    if not quotes:
        return None
    m = rng.choice(quotes)
    inner = base.text[m.start(1) : m.end(1)]
    edges = list(re.finditer(r"\S+", inner))
    if len(edges) < 3:
        return None
    # Only words strictly inside the quote: trimming an edge word leaves a true quote.
    words = [
        w
        for w in re.finditer(r"[A-Za-z]{3,}", inner)
        if edges[0].end() <= w.start() and w.end() <= edges[-1].start()
    ]
    if not words:
        return None
    how = rng.choice(["replace", "drop", "swap", "insert"])
    offset = m.start(1)
    w = rng.choice(words)
    s, e = offset + w.start(), offset + w.end()
    if how == "replace":
        new = _QUOTE_SWAPS.get(w.group().lower())
        if new is None:
            new = rng.choice(["major", "serious", "certain", "real", "total"])
        changed = base.text[:s] + new + base.text[e:]
        what = f"'{w.group()}' → '{new}' inside the quote"
    elif how == "drop":
        changed = base.text[:s] + base.text[e:].lstrip()
        what = f"'{w.group()}' dropped from the quote"
    elif how == "swap":
        allw = list(re.finditer(r"[A-Za-z]{3,}", inner))
        i = next(k for k, x in enumerate(allw) if x.start() == w.start())
        if i + 1 >= len(allw):
            i -= 1
        a, b = allw[i], allw[i + 1]
        s, e = offset + a.start(), offset + b.end()
        middle = base.text[offset + a.end() : offset + b.start()]
        changed = base.text[:s] + b.group() + middle + a.group() + base.text[e:]
        what = f"'{a.group()}' and '{b.group()}' swapped in the quote"
    else:
        word = rng.choice(_INTENSIFIERS)
        changed = base.text[:s] + word + " " + base.text[s:]
        what = f"'{word}' inserted into the quote"
    if " ".join(normalise(changed).split()) == " ".join(normalise(base.text).split()):
        return None
    return " ".join(changed.split()), what


def plant_unattributed(base: Base) -> tuple[str, str] | None:
    """A quoted claim restated as fact: the quote's words, no marks, no speaker."""
    plain = normalise(base.text)
    # Quotations as the marks pair up: the words between two quotations (
    # '"...," Smith said, referring to X, "..."') are the writer's, not a claim.
    for start, end in quoted_regions(base.text, 0, len(base.text)):
        closed = start > 0 and plain[start - 1] == '"' and end < len(plain) and plain[end] == '"'
        if not closed or len(plain[start:end].rstrip(",.!?")) < 25:
            continue
        claim = base.text[start:end].strip().strip("'").strip().rstrip(",.!?")
        if words_in(claim) < 6 or claim[:1].islower():
            return None
        return claim + ".", "quote marks and speaker dropped"
    return None


def cases_for(article: str, profile: str, seed: int) -> list[Case]:
    grouping = pipeline.group(str(ROOT / article), str(ROOT / profile))
    rng = random.Random(seed * 1_000_003 + zlib.crc32(article.encode()))
    all_bases = bases(grouping)
    faithful: list[Base] = []
    for b in all_bases:
        faithful.append(b)
        for text, _what in paraphrases(b):
            faithful.append(Base(b.side, text, b.passage, b.passage_text, b.paragraph_text))
    vocab = set(re.findall(r"[a-z]+", grouping.source.text))
    pool = sorted(
        {
            n
            for ap in grouping.passages
            for n in names_in(ap.passage.text)
            if n.lower().rstrip(".") not in TITLES
            and n.lower() not in MONTHS
            and n.lower() not in WEEKDAYS
        }
    )
    sides = [s.id for s in grouping.profile.stakeholders]
    out: list[Case] = []

    def add(b: Base, sentence: str, kind: str, detail: str, side: str | None = None) -> None:
        out.append(Case(article, profile, side or b.side, sentence, kind, detail, b.passage))

    picks = rng.sample(faithful, min(FAITHFUL_PER_KIND, len(faithful)))
    for b in picks:
        add(
            b,
            b.text,
            "faithful",
            "extractive" if b.text == " ".join(b.passage_text.split()) else "paraphrase",
        )
    planters: dict[str, Callable[[Base], tuple[str, str] | None]] = {
        "number": lambda b: plant_number(rng, b),
        "entity": lambda b: plant_entity(rng, b, pool),
        "negation": lambda b: plant_negation(rng, b, vocab),
        "quote": lambda b: plant_quote(rng, b),
        "unattributed": plant_unattributed,
    }
    for kind, planter in planters.items():
        order = faithful[:]
        rng.shuffle(order)
        made = 0
        used: set[str] = set()
        for b in order:
            if made >= PER_KIND:
                break
            if b.passage in used:
                continue
            planted = planter(b)
            if planted is None:
                continue
            sentence, detail = planted
            add(b, sentence, kind, detail)
            used.add(b.passage)
            made += 1
    order = faithful[:]
    rng.shuffle(order)
    moved = 0
    for b in order:
        others = [s for s in sides if s != b.side]
        if moved >= PER_KIND or not others:
            break
        target = rng.choice(others)
        add(b, b.text, "side", f"{b.side}'s sentence filed under {target}", side=target)
        moved += 1
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", default=str(ROOT / "eval" / "suite" / "planted.jsonl"))
    args = parser.parse_args(argv)
    cases = [c for a, p in articles() for c in cases_for(a, p, args.seed)]
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    text = "".join(json.dumps(c.to_json(), ensure_ascii=False) + "\n" for c in cases)
    tmp = out.with_suffix(out.suffix + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(out)
    counts = {k: sum(1 for c in cases if c.kind == k) for k in KINDS}
    print(f"{out}: {len(cases)} cases " + json.dumps(counts), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
