"""One error family for the whole library; the CLI maps it to exit codes."""

from __future__ import annotations


class SummarizeError(Exception):
    """Base of every error the library raises on purpose.

    Messages say what went wrong, where, and what was expected, in one line,
    e.g. ``profile.yaml: stakeholders[1].id 'coalition' is used twice``.
    """

    exit_code = 2


class InputError(SummarizeError):
    """An input article or other user file cannot be read or used."""


class ProfileError(SummarizeError):
    """A stakeholder profile is malformed or invalid."""


class ModelError(SummarizeError):
    """A model cannot be resolved, loaded or run."""


class OutputError(SummarizeError):
    """An output path cannot be written."""
