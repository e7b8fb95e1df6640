"""Metrics: every figure a user sees, computed once, on the canonical tables in DuckDB."""
