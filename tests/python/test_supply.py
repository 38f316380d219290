"""alliance.supply and alliance.data against the CLI's CSV of the same command."""

from __future__ import annotations

import subprocess

import pandas as pd
import pytest

import alliance
from conftest import CLI, assert_frame_matches_csv, assert_tables_match_cli, cli_csv, cli_rows


def test_classify_published_is_table_1():
    table1 = alliance.supply.classify(source="published")
    assert table1.shape == (60, 6)
    assert list(table1.columns) == ["iso3", "country", "good", "indicators_met", "count", "tier"]
    assert table1["count"].dtype == "int64"
    assert_frame_matches_csv(table1, cli_csv("supply", "classify", "--from", "published"))


def test_classify_every_table_from_data():
    tables = alliance.supply.classify(source="data", table=None)
    assert tables.names == ["classification", "tiers", "indicator_sources"]
    assert_tables_match_cli(tables, "supply", "classify", "--from", "data")


def test_classify_year():
    assert_frame_matches_csv(alliance.supply.classify(source="data", year=2023),
                             cli_csv("supply", "classify", "--from", "data", "--year", "2023"))


def test_summary():
    tables = alliance.supply.summary(source="published")
    assert set(tables) == {"shares", "active_by_size", "size_classes"}
    assert tables.shares["pct_of_classified"].dtype == "float64"
    assert_tables_match_cli(tables, "supply", "summary", "--from", "published")


def test_audit():
    tables = alliance.supply.audit()
    assert tables.tiers["agree"].dtype == bool
    assert_tables_match_cli(tables, "supply", "audit")


def test_sensitivity():
    tables = alliance.supply.sensitivity(vary={"B2.value": [2, 2.5, 3.5], "B1.stat": ["median", "mean"]})
    assert_tables_match_cli(tables, "supply", "sensitivity", "--vary", "B2.value=2,2.5,3.5",
                            "--vary", "B1.stat=median,mean")


@pytest.mark.parametrize("year", [2014, "all"])
def test_burden(year):
    tables = alliance.supply.burden(year=year)
    assert tables.burden_statistics["n"].dtype == "int64"
    assert_tables_match_cli(tables, "supply", "burden", "--year", str(year))


def test_data_panel():
    panel = alliance.data.panel()
    assert list(panel.columns) == ["iso3", "year", "variable", "value", "source"]
    assert panel["year"].dtype == "int64" and panel["value"].dtype == "float64"
    assert_frame_matches_csv(panel, cli_rows("data", "panel"))
    gdp = alliance.data.panel(variables=["defexp_pct_gdp"])
    assert set(gdp["variable"]) == {"defexp_pct_gdp"}
    assert_frame_matches_csv(gdp, cli_rows("data", "panel", "--variable", "defexp_pct_gdp"))


def test_panel_dataframe_equals_panel_file(tmp_path):
    panel = alliance.data.panel()
    # A user's edit: Germany at 2.5 % of GDP in 2024.
    row = (panel.iso3 == "DEU") & (panel.variable == "defexp_pct_gdp") & (panel.year == 2024)
    assert row.sum() == 1
    panel.loc[row, "value"] = 2.5
    path = tmp_path / "panel.csv"
    panel.to_csv(path, index=False)
    from_frame = alliance.supply.classify(source="data", panel=panel, table=None)
    from_file = alliance.supply.classify(source="data", panel=path, table=None)
    for name in from_frame:
        pd.testing.assert_frame_equal(from_frame[name], from_file[name])
    assert_tables_match_cli(from_frame, "supply", "classify", "--from", "data", "--panel", str(path))


def test_tables_object():
    tables = alliance.supply.summary()
    assert tables["shares"] is tables.shares
    assert tables.titles["shares"]
    assert tables.shares.attrs["name"] == "shares"
    with pytest.raises(KeyError, match="shares"):
        tables["nope"]
    with pytest.raises(AttributeError):
        tables.nope
    assert alliance.supply.summary(table="size_classes").equals(tables.size_classes)


def test_help_explains_parameters():
    doc = alliance.supply.classify.__doc__
    for parameter in ("source", "rules", "panel", "sources", "year", "table"):
        assert f"    {parameter}:" in doc


def test_panel_over_time_is_the_cli_csv():
    tables = alliance.supply.panel(years=(2021, 2023))
    assert tables.names == ["panel", "transitions", "transition_matrix", "paths", "indicators_by_year", "met_by_year"]
    assert_tables_match_cli(tables, "supply", "panel", "--years", "2021:2023")
    one_year = alliance.supply.panel(years="2022", table="panel")
    assert_frame_matches_csv(one_year, cli_csv("supply", "panel", "--years", "2022", table="panel"))
    with pytest.raises(alliance.InvalidArgument):
        alliance.supply.panel(years=(2023, 2021))


def test_edition_reaches_the_engine_as_the_cli_edition():
    # The July 2023 edition keeps the 2023 estimates of the NATO percentages
    # only: the burden test needs variables it lacks, in the CLI and here alike.
    done = subprocess.run([CLI, "supply", "burden", "--edition", "nato_2023_july"], capture_output=True, text=True)
    assert done.returncode == 2
    with pytest.raises(alliance.InvalidArgument) as error:
        alliance.supply.burden(edition="nato_2023_july")
    assert done.stderr.strip().endswith(str(error.value))
    with pytest.raises(alliance.InvalidArgument, match="nato_1999"):
        alliance.supply.classify(source="data", edition="nato_1999")
    pd.testing.assert_frame_equal(alliance.supply.burden(edition="nato_2024_june").burden_statistics,
                                  alliance.supply.burden().burden_statistics)
