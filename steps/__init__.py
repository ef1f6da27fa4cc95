"""ZenML steps: each calls one ``football_rag`` function, reports what a reviewer needs, and returns."""
