"""Stakeholder profiles: YAML in, validated ``Profile`` out, and alias matching.

Errors name the file and the field: ``p.yaml: stakeholders[1].id 'coalition' is used twice``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from summarize.aliases import is_person
from summarize.errors import ProfileError
from summarize.names import TITLES
from summarize.quantities import MONTHS, WEEKDAYS
from summarize.read import normalise
from summarize.records import Grouping, Profile, Stakeholder

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_TOP_KEYS = {"name", "stakeholders"}
_STAKEHOLDER_KEYS = {"id", "label", "description", "aliases"}
RESERVED_IDS = {"none", "boilerplate"}


def _text(value: Any, where: str, field: str, required: bool = True) -> str:
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        raise ProfileError(f"{where}: {field} must be a non-empty string, got {value!r}")
    return value.strip()


def _stakeholder(raw: Any, index: int, where: str) -> Stakeholder:
    at = f"stakeholders[{index}]"
    if not isinstance(raw, dict):
        raise ProfileError(f"{where}: {at} must be a mapping with id, label and aliases")
    unknown = sorted(set(map(str, raw)) - _STAKEHOLDER_KEYS)
    if unknown:
        raise ProfileError(
            f"{where}: {at} has unknown key '{unknown[0]}' "
            f"(expected {', '.join(sorted(_STAKEHOLDER_KEYS))})"
        )
    sid = _text(raw.get("id"), where, f"{at}.id")
    if not _ID.match(sid):
        raise ProfileError(f"{where}: {at}.id '{sid}' must match [a-z0-9-]+")
    if sid in RESERVED_IDS:
        raise ProfileError(f"{where}: {at}.id '{sid}' is reserved for unattributed passages")
    label = _text(raw.get("label"), where, f"{at}.label")
    description = _text(raw.get("description"), where, f"{at}.description", required=False)
    aliases = raw.get("aliases")
    if not isinstance(aliases, list) or not aliases:
        raise ProfileError(f"{where}: {at}.aliases must be a non-empty list of names")
    clean: list[str] = []
    for j, alias in enumerate(aliases):
        text = _text(alias, where, f"{at}.aliases[{j}]")
        if text.lower() not in (a.lower() for a in clean):
            clean.append(text)
    return Stakeholder(id=sid, label=label, description=description, aliases=tuple(clean))


def parse_profile(data: Any, where: str) -> Profile:
    """Validate an already-parsed YAML document into a ``Profile``."""
    if not isinstance(data, dict):
        raise ProfileError(f"{where}: expected a mapping with name and stakeholders")
    unknown = sorted(set(map(str, data)) - _TOP_KEYS)
    if unknown:
        raise ProfileError(f"{where}: unknown key '{unknown[0]}' (expected name, stakeholders)")
    name = _text(data.get("name"), where, "name")
    raw_list = data.get("stakeholders")
    if not isinstance(raw_list, list) or not raw_list:
        raise ProfileError(f"{where}: stakeholders must be a non-empty list")
    stakeholders: list[Stakeholder] = []
    for i, raw in enumerate(raw_list):
        s = _stakeholder(raw, i, where)
        if any(other.id == s.id for other in stakeholders):
            raise ProfileError(f"{where}: stakeholders[{i}].id '{s.id}' is used twice")
        stakeholders.append(s)
    return Profile(name=name, stakeholders=_without_bare_names(stakeholders), path=where)


def _without_bare_names(stakeholders: list[Stakeholder]) -> tuple[Stakeholder, ...]:
    """A profile that lists "Trump" beside "Donald Trump" means the same person: the
    engine finds him by his surname anyway, and as a person ("the Republican nominee",
    "he"), which a one-word name on its own is not. The bare name stays where another
    side's person shares it ("Clinton" for Hillary beside another side's "Bill Clinton")."""
    def names(s: Stakeholder) -> set[str]:
        return {w.rstrip(".") for a in s.aliases if is_person(a.split()) for w in a.split()}

    out: list[Stakeholder] = []
    for s in stakeholders:
        others = set().union(*(names(o) for o in stakeholders if o is not s))
        own = names(s)
        kept = tuple(a for a in s.aliases if " " in a or a not in own or a in others)
        out.append(replace(s, aliases=kept))
    return tuple(out)


class _UniqueKeyLoader(yaml.SafeLoader):
    """YAML keeps the last of two equal keys without a word; a profile that names a field
    twice is a mistake to report, not to guess at."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"key '{key}' is given twice", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def load_profile(path: str) -> Profile:
    p = Path(path)
    if not p.exists():
        raise ProfileError(f"{path}: no such profile file")
    if p.is_dir():
        raise ProfileError(f"{path}: is a folder, expected a profile YAML file")
    try:
        text = p.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ProfileError(f"{path}: profile is not UTF-8 text") from None
    except OSError as e:
        raise ProfileError(f"{path}: cannot read: {e.strerror}") from None
    try:
        data = yaml.load(text, Loader=_UniqueKeyLoader)  # a SafeLoader: plain data only
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        at = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(e, "problem", None) or "invalid YAML"
        raise ProfileError(f"{path}: malformed YAML{at}: {problem}") from None
    return parse_profile(data, path)


def default_profile(where: str = "(no profile)") -> Profile:
    """With no profile, nothing can be attributed; everything is background."""
    return Profile(name="none", stakeholders=(), path=where)


def alias_warnings(profile: Profile, text: str, where: str) -> list[str]:
    """One warning per stakeholder none of whose aliases occurs in ``text``.

    Not an error: the profile may be shared across articles, and a side that is not in
    this one is simply empty. Matching is as loose as it gets (case-insensitive
    substring of the normalised text), so a warning means the name truly is absent.
    """
    plain = normalise(text).lower()
    out: list[str] = []
    for s in profile.stakeholders:
        if not any(normalise(a).lower() in plain for a in s.aliases):
            names = ", ".join(s.aliases[:4]) + (", ..." if len(s.aliases) > 4 else "")
            out.append(
                f"{where}: no alias of stakeholder '{s.id}' ({names}) appears in the article; "
                f"its side will be empty (profile {profile.path})"
            )
    return out


_NAME_WORD = re.compile(r"[A-Z][\w'\u2019.-]*")
# Capitalised words that are no one's name: a speaker ending in one is a description.
_NOT_NAMES = frozenset(
    [*(w.lower() for w in (*WEEKDAYS, *MONTHS)), *"i you we they it one another".split()]
)
OUTSIDERS_LISTED = 5


def _outsider_key(named: str) -> tuple[bool, str]:
    """(is a description, key): one key per person however the article names them
    ("Senator Bob Corker", "Mr. Corker": corker); a description keys on itself."""
    words = named.split()
    run: list[str] = []
    for w in reversed(words):
        bare = w.strip(".,;:'\u2019").lower()
        if not _NAME_WORD.fullmatch(w) or bare in TITLES or bare in _NOT_NAMES:
            break
        run.append(bare)
    return (False, run[0]) if run else (True, " ".join(words).lower())


def outsider_warnings(grouping: Grouping, where: str) -> list[str]:
    """One line naming the speakers outside the profile whose lines went to no side,
    most quoted first: the names a user adds to a side's aliases to give it their lines."""
    lines: dict[tuple[bool, str], list[str]] = {}
    for ap in grouping.passages:
        if ap.outsider is not None and ap.stakeholder is None:
            lines.setdefault(_outsider_key(ap.outsider), []).append(ap.outsider)
    if not lines:
        return []
    # Names before descriptions, which are often a misread clause; sorted() is stable, so
    # speakers quoted equally often stay in article order.
    ranked = [lines[k] for k in sorted(lines, key=lambda k: (-len(lines[k]), k[0]))]
    shown = [f"{max(forms, key=len)} ({len(forms)})" for forms in ranked[:OUTSIDERS_LISTED]]
    more = f" and {len(ranked) - OUTSIDERS_LISTED} more" if len(ranked) > OUTSIDERS_LISTED else ""
    path = grouping.profile.path
    return [
        f"{where}: {len(ranked)} speaker{'s' if len(ranked) > 1 else ''} outside the profile, "
        f"their passages on no side: {', '.join(shown)}{more}; add a name to a side's "
        f"aliases to give it their lines" + (f" (profile {path})" if path else "")
    ]


def profile_warnings(grouping: Grouping) -> list[str]:
    """What the profile misses in this article: sides none of whose names occur in it,
    and speakers it leaves out."""
    where = grouping.source.path
    return alias_warnings(grouping.profile, grouping.source.text, where) + \
        outsider_warnings(grouping, where)
