"""alliance.network and alliance.capability against the CLI's CSV."""

from __future__ import annotations

import shutil

import pytest

import alliance
from conftest import assert_frame_matches_csv, assert_tables_match_cli, cli_csv, run_cli


def test_network_compensation():
    tables = alliance.network.compensation()
    assert tables.names[0] == "actors"
    assert tables.actors["items_given"].dtype == "int64"
    assert_tables_match_cli(tables, "network", "compensation")


def test_network_audit():
    assert_frame_matches_csv(alliance.network.audit(), cli_csv("network", "audit"))


def test_institutions():
    tables = alliance.capability.institutions()
    assert tables.instruments["reachable"].dtype == bool
    assert_tables_match_cli(tables, "capability", "institutions")


def test_matrix():
    assert_tables_match_cli(alliance.capability.matrix(), "capability", "matrix")


def test_cover():
    assert_tables_match_cli(alliance.capability.cover(), "capability", "cover")
    assert_tables_match_cli(alliance.capability.cover(exclude=["USA"], limit=5), "capability", "cover",
                            "--exclude", "USA", "--limit", "5")


def test_network_dot_and_render(tmp_path):
    assert alliance.network.dot() == run_cli("network", "compensation", "--format", "dot")
    if shutil.which("dot") is None:
        pytest.skip("Graphviz is not installed")
    output = tmp_path / "network.svg"
    svg = alliance.network.render(output)
    assert "<svg" in svg and output.read_text(encoding="utf-8") == svg
    cli_output = tmp_path / "cli.svg"
    run_cli("network", "render", "--output", str(cli_output))
    assert cli_output.read_text(encoding="utf-8") == svg
    with pytest.raises(alliance.NotFound):
        alliance.network.render(dot_program=str(tmp_path / "no-such-dot"))
