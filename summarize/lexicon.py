"""The small English lexicon the phrase and clause readers share: tokens, determiners,
the role nouns that speak for a body, the papers a side issues, time words."""

from __future__ import annotations

import re
from dataclasses import dataclass

# a number with thousands commas ("15,000") is one token, as ``verbs._NUMBER`` reads it
_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?!\d)|\w+(?:['.\-]\w+)*\.?|[^\w\s]")

PRONOUNS = frozenset("he she they it we i".split())
DETERMINERS = frozenset(
    "the a an this that these those its their his her our your some another other separate "
    "one".split()
)
INDEFINITE = frozenset("a an another one some".split())
# Nouns whose "of"-complement is what the phrase is about ("members of", "a draft of").
TRANSPARENT = frozenset(
    "coalition alliance group bloc association team panel delegation body majority minority "
    "number dozens hundreds thousands millions members member one some many most all both "
    "each several few part rest draft copy version text section half".split()
)
# People and organs that speak for a body: "Verizon executives", "spokesperson for X".
ROLE = frozenset(
    "spokesperson spokesman spokeswoman spokespeople official officials executive executives "
    "chief leader leaders leadership lawyer lawyers attorney attorneys counsel representative "
    "representatives negotiator negotiators envoy ambassador diplomat diplomats minister "
    "ministers ministry director president chairman chairwoman chair secretary head staff "
    "aide aides adviser advisers advisor advisors management board government authorities "
    "administration regime officer officers general governor senator member members "
    "cabinet embassy mission delegation delegates premier chancellor ally allies surrogate "
    "surrogates campaign host anchor correspondent columnist agent agents investigator "
    "investigators prosecutor prosecutors staffer staffers source sources lawmaker "
    "lawmakers team camp organizers organisers operatives strategist strategists wife "
    "husband widow family relatives supporters backers loyalists followers".split()
)
# What a side holds: "RT's defense has been that ..." states RT's position.
STANCE_NOUNS = frozenset(
    "position view argument defense defence response reply message claim stance line case "
    "demand demands complaint objection answer explanation point contention".split()
)
# What a side puts out in writing: "Ivana Trump's brief said ...".
# The papers an article says a side issued ("X released a report"), after which "the
# report" is X's: a narrower list, since "the plan" or "the order" often names another's.
ISSUED_DOCUMENTS = ("report", "letter", "statement", "memo", "study", "complaint", "lawsuit",
                    "petition", "motion", "proposal", "filing", "brief", "review", "editorial",
                    "ad", "spot", "commercial", "video")
DOCUMENT_NOUNS = frozenset(ISSUED_DOCUMENTS) | frozenset(
    "submission ruling opinion decision order tweet post release document documents email "
    "emails affidavit indictment testimony announcement notice resolution bill plan forecast "
    "outlook guidance budget endorsement ads advertisement commercials column op-ed".split()
)
# "the Royal Bank of Scotland Group" is still the bank
ORG_SUFFIXES = frozenset("group inc corp co ltd plc llc holdings company corporation".split())
TIME_LEAD = frozenset("this last next earlier later".split())
TIME_WORDS = frozenset("week month year day morning afternoon evening night weekend summer "
                        "spring fall autumn winter".split())


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def low(self) -> str:
        return self.text.lower().rstrip(".")

    @property
    def base(self) -> str:
        low = self.low
        return low[:-2] if low.endswith("'s") else low

    @property
    def word(self) -> bool:
        return self.text[:1].isalnum()


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    end = len(text) if end is None else end
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]


# "His lawyer said", "Her submission to the court noted": the agent or the paper of the
# person (or body, for "its") the article is following.
POSSESSED_PHRASE = re.compile(
    rf"^(?:(?:many|some|most|all|several|few|one|two|three)\s+of\s+)?"
    rf"(?:his|her|their|its)\s+(?:[\w-]+\s+){{0,2}}?"
    rf"(?:{'|'.join(sorted(ROLE | set(ISSUED_DOCUMENTS)))}|office|submission|filings|"
    rf"papers)\b", re.I
)
# "a spokeswoman", "the campaign manager": a bare role with no name of its own
BARE_ROLE_PHRASE = re.compile(
    rf"^(?:a|an|the)\s+(?:[a-z-]+\s+){{0,2}}(?:{'|'.join(sorted(ROLE))})$"
)

# A campaign's ad and whoever voices it: '"...," the narrator in the 30-second spot says'
AD_WORD = re.compile(r"\b(?:ad|ads|spot|commercial)\b", re.I)
NARRATOR = re.compile(r"\b(?:narrator|announcer|voice-?over)\b", re.I)
