"""The spiders: ``whoscored`` and ``fotmob`` (opt-in only)."""
