"""The library functions behind each CLI command, composed from the stage modules."""

from __future__ import annotations

from summarize.attribute import attribute_passages
from summarize.profile import default_profile, load_profile
from summarize.read import DEFAULT_MAX_CHARS, read_source
from summarize.records import Grouping
from summarize.segment import segment


def group(
    path: str, profile_path: str | None = None, max_chars: int = DEFAULT_MAX_CHARS
) -> Grouping:
    """Read, segment and attribute one article."""
    profile = load_profile(profile_path) if profile_path else default_profile()
    source = read_source(path, max_chars=max_chars)
    passages = segment(source)
    return Grouping(source, profile, attribute_passages(passages, profile, source.text))
