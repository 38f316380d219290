"""alliance.network and alliance.capability against the CLI's CSV."""

from __future__ import annotations

import alliance
from conftest import assert_frame_matches_csv, assert_tables_match_cli, cli_csv


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
