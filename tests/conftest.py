"""Shared fixtures: the public data sets, and a clean workspace folder per test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import streamlit.testing.v1.app_test as _app_test
from streamlit.runtime.pages_manager import PagesManager

ROOT = Path(__file__).resolve().parents[1]
# Beside the project (a clone), or beside the folder of git work trees (``wt/NAME``).
DATASETS = next((p for p in (ROOT.parent / "shared" / "datasets", ROOT.parents[1] / "shared" / "datasets")
                 if p.exists()), ROOT.parent / "shared" / "datasets")


class _NavigationPagesManager(PagesManager):
    """AppTest resets Streamlit's "pages/ folder means multipage v1" flag before every run, so
    from the second run on it would run a page without app.py around it. The real server clears
    the flag when app.py calls st.navigation; do the same here (see streamlit PR #14217)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        PagesManager.uses_pages_directory = False


_app_test.PagesManager = _NavigationPagesManager


def dataset(relative: str) -> Path:
    """Path of a public data set file; skips (never in CI) when the folder is absent."""
    path = DATASETS / relative
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{path} is missing in CI: shared/datasets must be beside the project")
        pytest.skip(f"public data set not present: {path} (clone the shared/ folder beside the project)")
    return path


@pytest.fixture(autouse=True)
def _isolated_workspace(tmp_path_factory, monkeypatch):
    """Every test gets its own empty workspace folder, so nothing leaks into data/workspace."""
    folder = tmp_path_factory.mktemp("workspace")
    monkeypatch.setenv("SALES_WORKSPACE", str(folder))
    monkeypatch.setenv("SALES_TODAY", "2026-11-30")
    yield folder


@pytest.fixture(scope="session")
def maven_deals():
    """The Maven CRM pipeline as the importer loads it (the real path a user's file takes)."""
    from analytics.ingest.importer import import_file

    path = dataset("maven-crm/sales_pipeline.csv")
    result = import_file(path.read_bytes(), path.name)[0]
    assert result.rows_loaded == 8800
    return result.frame


@pytest.fixture(scope="session")
def pg_cluster():
    """A throw-away PostgreSQL cluster for the whole run (see tests/pg.py); skips without the
    server binaries, except in CI, where scripts/test installs them."""
    from tests.pg import Cluster, server_bin

    bin_dir = server_bin()
    if bin_dir is None:
        if os.environ.get("CI") == "true":
            pytest.fail("PostgreSQL's server binaries are missing in CI: scripts/test installs them as root")
        pytest.skip("PostgreSQL server not installed (apt-get install postgresql, or run scripts/test as root)")
    cluster = Cluster(bin_dir).start()
    yield cluster
    cluster.stop()


@pytest.fixture
def pg_url(pg_cluster):
    """A new empty database on the throw-away cluster, dropped after the test."""
    url = pg_cluster.new_database()
    yield url
    pg_cluster.drop_database(url)
