"""alliance.models against `alliance model ...`: the solution as the CLI's
JSON, the tables as its CSV; a players DataFrame as the same file."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import alliance
from conftest import assert_frame_matches_csv, assert_tables_match_cli, cli_csv, cli_rows, run_cli

PLAYERS = pd.DataFrame({"id": ["USA", "DEU", "LUX"], "income": [100.0, 40.0, 5.0], "a": [0.3, 0.25, 0.2]})


@pytest.fixture
def players_file(tmp_path):
    path = tmp_path / "players.csv"
    PLAYERS.to_csv(path, index=False)
    return path


def test_solve_is_the_cli_json(players_file):
    solution = alliance.models.solve(players_file)
    assert solution == json.loads(run_cli("model", "solve", "--players", str(players_file), "--format", "json"))
    assert set(solution) == {"nash", "lindahl", "optimum"}
    assert alliance.models.solve(PLAYERS) == solution


def test_solve_variants(players_file):
    for utility, aggregator, concept in [("cobb-douglas", "min", "all"), ("cobb-douglas", "ces:0.5", "optimum")]:
        expected = json.loads(run_cli("model", "solve", "--players", str(players_file), "--utility", utility,
                                      "--aggregator", aggregator, "--concept", concept, "--format", "json"))
        assert alliance.models.solve(players_file, utility=utility, aggregator=aggregator, concept=concept) == expected


def test_solve_tables_from_panel():
    tables = alliance.models.solve(from_panel="gdp_usd_m_current", year=2023, tables=True)
    assert_tables_match_cli(tables, "model", "solve", "--from-panel", "gdp_usd_m_current", "--year", "2023")


def test_players_from_panel():
    players = alliance.models.players(from_panel="gdp_usd_m_current", year=2023)
    assert_frame_matches_csv(players, [line.split(",") for line in run_cli(
        "model", "players", "--from-panel", "gdp_usd_m_current", "--year", "2023").splitlines()])


def test_club():
    assert_tables_match_cli(alliance.models.club(cost=2.0, members=20), "model", "club", "--cost", "2", "--members",
                            "20")


def test_joint():
    tables = alliance.models.joint(n=5, private_share=[0, 0.25, 0.5])
    assert_tables_match_cli(tables, "model", "joint", "--n", "5", "--private-share", "0,0.25,0.5")


def test_sidepay(players_file):
    tables = alliance.models.sidepay(players_file, donor="USA")
    assert_tables_match_cli(tables, "model", "sidepay", "--players", str(players_file), "--donor", "USA")


def test_players_source_errors():
    with pytest.raises(alliance.InvalidArgument, match="exactly one"):
        alliance.models.solve()
    with pytest.raises(alliance.InvalidArgument):
        alliance.models.solve(n=3, preference=1.5)


def test_sweep_is_the_cli_csv(players_file):
    sweep = alliance.models.sweep({"a:USA": (0.1, 0.9, 5), "income": "50:150:3"}, players=players_file)
    assert sweep["contributors"].dtype == "int64" and sweep["G_nash"].dtype == "float64"
    assert len(sweep) == 15
    expected = cli_rows("model", "sweep", "--players", str(players_file), "--param", "a:USA=0.1:0.9:5",
                        "--param", "income=50:150:3")
    assert_frame_matches_csv(sweep, expected)
    texts = alliance.models.sweep(["a:USA=0.1:0.9:5", "income=50:150:3"], players=PLAYERS)
    pd.testing.assert_frame_equal(texts, sweep)


def test_sweep_of_a_panel_game_and_its_errors():
    sweep = alliance.models.sweep("a=0.2:0.4:3", from_panel="gdp_usd_m_current", year=2023)
    assert_frame_matches_csv(sweep, cli_rows("model", "sweep", "--from-panel", "gdp_usd_m_current",
                                             "--year", "2023", "--param", "a=0.2:0.4:3"))
    with pytest.raises(alliance.InvalidArgument):
        alliance.models.sweep("a=0.2:1.4:3", n=3)


def test_fit_is_the_cli_csv():
    fit = alliance.models.fit()
    assert fit.names == ["fit_verdict", "fit", "fit_allies"]
    assert_tables_match_cli(fit, "model", "fit")
    ungrouped = alliance.models.fit(groups="none", joint=False, year=2022, table="fit")
    assert_frame_matches_csv(ungrouped, cli_csv("model", "fit", "--groups", "none", "--no-joint", "--year", "2022",
                                                table="fit"))
    assert set(ungrouped["model"]) == {"nash", "lindahl"}
    with pytest.raises(alliance.InvalidArgument, match="contributions"):
        alliance.models.fit(contributions="no_such_variable")
    with pytest.raises(alliance.InvalidArgument):
        alliance.models.fit(groups="region")
