"""Analytics: linking the sources of a match, the tables (matches, events, shots, lineups, timeline) and the metrics."""
