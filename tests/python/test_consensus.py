"""alliance.power and alliance.consensus against `alliance power` and
`alliance consensus ...`."""

from __future__ import annotations

import pandas as pd
import pytest

import alliance
from conftest import SOURCE_DIR, assert_frame_matches_csv, cli_csv

EEC = SOURCE_DIR / "tests" / "fixtures" / "cli" / "eec_1958_weights.csv"
FIVE = SOURCE_DIR / "tests" / "fixtures" / "consensus" / "five_1d.csv"
EEC_WEIGHTS = {"FRA": 4, "DEU": 4, "ITA": 4, "BEL": 2, "NLD": 2, "LUX": 1}


def with_id(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.reset_index()


def test_power_eec_dict_series_and_file():
    power = alliance.power(EEC_WEIGHTS, quota=12)
    assert power.index.name == "id"
    assert power.loc["LUX", "banzhaf"] == 0
    assert power["swings"].dtype == "int64"
    assert_frame_matches_csv(with_id(power), cli_csv("power", "--weights", str(EEC), "--quota", "12"))
    pd.testing.assert_frame_equal(alliance.power(pd.Series(EEC_WEIGHTS), quota=12), power)
    pd.testing.assert_frame_equal(alliance.power(EEC, quota=12), power)


def test_power_percent_quota_and_one_index():
    shapley = alliance.power(EEC_WEIGHTS, quota="70%", index="shapley")
    assert "banzhaf" not in shapley
    assert_frame_matches_csv(with_id(shapley), cli_csv("power", "--weights", str(EEC), "--quota", "70%",
                                                       "--index", "shapley"))


def test_power_200_players_exact_swings(tmp_path):
    weights = {f"P{i:03d}": 1 + i % 7 for i in range(200)}
    path = tmp_path / "weights.csv"
    path.write_text("id,weight\n" + "".join(f"{k},{v}\n" for k, v in weights.items()))
    quota = sum(weights.values()) // 2 + 1
    power = alliance.power(weights, quota=quota, index="banzhaf")
    swings = power["swings"].tolist()
    assert all(isinstance(s, int) for s in swings)
    assert max(swings) > 2**63  # beyond int64, kept exact
    assert_frame_matches_csv(with_id(power), cli_csv("power", "--weights", str(path), "--quota", str(quota),
                                                     "--index", "banzhaf"))
    # Exact: the normalised index is the swing count over the total, to double precision.
    total = sum(swings)
    assert power["banzhaf"].tolist() == pytest.approx([s / total for s in swings], rel=1e-15)


def test_pass_probability_same_on_any_thread_count():
    one = alliance.consensus.pass_probability(rules=["unanimity", "majority"], trials=20_000, seed=5)
    assert list(one["rule"]) == ["unanimity", "majority"]
    assert_frame_matches_csv(one, cli_csv("--seed", "5", "consensus", "pass", "--rule", "unanimity,majority",
                                          "--enlargement", "--trials", "20000"))
    pd.testing.assert_frame_equal(alliance.consensus.pass_probability(
        rules=["unanimity", "majority"], trials=20_000, seed=5, threads=2), one)


def test_pass_probability_members_frame_equals_file():
    members = pd.read_csv(FIVE)
    from_frame = alliance.consensus.pass_probability("majority", members=members, trials=5000, seed=2)
    from_file = alliance.consensus.pass_probability("majority", members=FIVE, trials=5000, seed=2)
    pd.testing.assert_frame_equal(from_frame, from_file)
    assert_frame_matches_csv(from_file, cli_csv("--seed", "2", "consensus", "pass", "--rule", "majority",
                                                "--members", str(FIVE), "--trials", "5000"))


def test_enlargement():
    result = alliance.consensus.enlargement(rules=["unanimity", "majority"], spoilers=("HUN", "TUR"), trials=2000,
                                            seed=3, threads=2)
    assert_frame_matches_csv(result, cli_csv("--seed", "3", "consensus", "enlargement", "--rule",
                                             "unanimity,majority", "--spoilers", "HUN,TUR", "--trials", "2000"))


def test_winset():
    result = alliance.consensus.winset(FIVE, status_quo=0.9, rule=["majority", "unanimity"], setter=0.1,
                                       trials=1000)
    assert_frame_matches_csv(result, cli_csv("consensus", "winset", "--members", str(FIVE), "--status-quo", "0.9",
                                             "--rule", "majority,unanimity", "--setter", "0.1", "--trials", "1000"),
                             points=("median", "setter", "setter_outcome", "win_set"))


def test_errors():
    with pytest.raises(alliance.InvalidArgument, match="quota"):
        alliance.power(EEC_WEIGHTS, quota=99)
    with pytest.raises(alliance.InvalidArgument):
        alliance.power({"A": 1.5}, quota=1)
    with pytest.raises(alliance.InvalidArgument, match="rules"):
        alliance.consensus.pass_probability(rules="plurality", trials=10)
    with pytest.raises(OSError):  # core::read_file: a missing file is an I/O error
        alliance.power("no/such/weights.csv", quota=1)
