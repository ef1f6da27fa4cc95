"""Benchmarks: ``python -m benchmarks.run_all`` (``make bench``) runs every ``bench_*.py`` here."""
