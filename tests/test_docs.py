"""The README's column reference is generated from the schema and must stay in step."""

from __future__ import annotations

from analytics.ingest.templates import format_reference_markdown
from tests.conftest import ROOT


def test_readme_column_reference_matches_the_schema():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("<!-- columns:start -->\n") + len("<!-- columns:start -->\n")
    end = text.index("<!-- columns:end -->")
    assert text[start:end] == format_reference_markdown(), (
        "README column reference is stale: regenerate it from analytics.ingest.templates.format_reference_markdown()")


def test_readme_gives_the_two_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "scripts/run" in text and "scripts/test" in text
    assert "scripts/test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
