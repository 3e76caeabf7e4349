"""summarize: a briefing by side from news coverage of a dispute, every sentence cited."""

__version__ = "0.1.0"
