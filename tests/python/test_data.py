"""alliance.data against `alliance data ...`: the embedded panel of each
edition, NATO's workbook imported, and the revisions between editions."""

from __future__ import annotations

import shutil

import pytest

import alliance
from conftest import SOURCE_DIR, assert_frame_matches_csv, cli_csv, cli_rows

WORKBOOK = SOURCE_DIR / "data" / "nato" / "edition_2024_june" / "240617-def-exp-2024-TABLES-en.xlsx"


def test_panel_of_an_edition_is_the_cli_csv():
    variables = ["defexp_pct_gdp"]
    older = alliance.data.panel(variables=variables, edition="nato_2023_july")
    assert_frame_matches_csv(older, cli_rows("data", "panel", "--variable", "defexp_pct_gdp",
                                             "--edition", "nato_2023_july"))
    assert not older.equals(alliance.data.panel(variables=variables))


def test_import_nato_workbook_is_the_cli_csv(tmp_path):
    imported = alliance.data.import_nato_workbook(WORKBOOK)
    assert list(imported.columns) == ["iso3", "year", "variable", "value", "source", "estimate"]
    assert imported["year"].dtype == "int64" and imported["value"].dtype == "float64"
    assert imported["estimate"].dtype == "int64" and set(imported["estimate"]) == {0, 1}
    assert set(imported["source"]) == {"nato_2024_june"}
    assert_frame_matches_csv(imported, cli_rows("data", "import", "nato-workbook", str(WORKBOOK)))
    renamed = tmp_path / "tables.xlsx"
    shutil.copyfile(WORKBOOK, renamed)
    with pytest.raises(alliance.InvalidArgument, match="edition"):
        alliance.data.import_nato_workbook(renamed)
    custom = alliance.data.import_nato_workbook(renamed, edition="nato_custom")
    assert set(custom["source"]) == {"nato_custom"}


def test_revisions_are_the_cli_csv():
    revisions = alliance.data.revisions("nato_2023_july", "nato_2024_june")
    assert list(revisions.columns) == ["iso3", "year", "variable", "from", "to", "change"]
    assert_frame_matches_csv(revisions, cli_csv("data", "revisions", "--from", "nato_2023_july",
                                                "--to", "nato_2024_june"))
    only = alliance.data.revisions(variables="defexp_pct_gdp")
    assert set(only["variable"]) <= {"defexp_pct_gdp"}
    with pytest.raises(alliance.InvalidArgument, match="nato_2024_june"):
        alliance.data.revisions("nato_1999_may", "nato_2024_june")


def test_panel_of_unknown_variables_is_an_invalid_argument():
    with pytest.raises(alliance.InvalidArgument, match="no variable named no_such_variable"):
        alliance.data.panel(variables=["no_such_variable"])
