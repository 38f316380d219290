"""alliance.power and alliance.consensus against `alliance power` and
`alliance consensus ...`."""

from __future__ import annotations

import pandas as pd
import pytest

import alliance
from conftest import SOURCE_DIR, assert_frame_matches_csv, cli_csv, run_cli

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


COMPOSITE_MEMBERS = pd.DataFrame({"id": ["A", "B", "C", "D", "E"], "population": [10, 20, 30, 25, 15],
                                  "gdp": [5, 1, 2, 8, 4]})
COMPOSITE_RULE = "(members >= 60% and population >= 65%) or gdp >= 15"


def test_power_of_a_composite_rule_is_the_cli_csv(tmp_path):
    path = tmp_path / "members.csv"
    COMPOSITE_MEMBERS.to_csv(path, index=False)
    power = alliance.power(rule=COMPOSITE_RULE, members=path)
    assert list(power.columns[:2]) == ["population", "gdp"]
    assert {"coleman_prevent", "coleman_initiate"} <= set(power.columns)
    assert power["swings"].dtype == "int64"
    assert_frame_matches_csv(with_id(power), cli_csv("power", "--rule", COMPOSITE_RULE, "--members", str(path)))
    assert any(note.startswith("rule: ") for note in power.attrs["notes"])
    pd.testing.assert_frame_equal(alliance.power(rule=COMPOSITE_RULE, members=COMPOSITE_MEMBERS), power)
    # The ids as the index, as alliance.power returns them, are read too.
    pd.testing.assert_frame_equal(alliance.power(rule=COMPOSITE_RULE, members=COMPOSITE_MEMBERS.set_index("id")),
                                  power)
    shapley = alliance.power(rule=COMPOSITE_RULE, members=path, index="shapley", threads=2)
    assert_frame_matches_csv(with_id(shapley), cli_csv("power", "--rule", COMPOSITE_RULE, "--members", str(path),
                                                       "--index", "shapley"))
    assert "banzhaf" not in shapley and "swings" not in shapley


def test_power_of_a_composite_rule_errors(tmp_path):
    with pytest.raises(alliance.InvalidArgument):
        alliance.power(rule=COMPOSITE_RULE)
    with pytest.raises(alliance.InvalidArgument):
        alliance.power(EEC_WEIGHTS, quota=12, rule=COMPOSITE_RULE, members=COMPOSITE_MEMBERS)
    path = tmp_path / "members.csv"
    COMPOSITE_MEMBERS.drop(columns="gdp").to_csv(path, index=False)
    with pytest.raises(alliance.ParseError) as error:
        alliance.power(rule=COMPOSITE_RULE, members=path)
    assert (error.value.file, error.value.line, error.value.column) == (str(path), 1, 1)
    assert "gdp" in str(error.value)


def cli_notes(*args: str):
    """The `note:` lines of the CLI's table output."""
    return [line.strip()[len("note: "):] for line in run_cli(*args).splitlines() if line.strip().startswith("note: ")]


def test_enlargement_notes_are_the_cli_notes():
    steps = alliance.consensus.enlargement(rules=["unanimity", "weighted:0.5"], spoilers=("HUN", "TUR"),
                                           spoiler_point=0.25, trials=2000, seed=3)
    assert steps.attrs["notes"] == cli_notes("consensus", "enlargement", "--rule", "unanimity,weighted:0.5",
                                             "--spoilers", "HUN,TUR", "--spoiler-point", "0.25", "--trials", "2000",
                                             "--seed", "3")
    assert any("HUN,TUR" in note for note in steps.attrs["notes"])
    assert any(note.startswith("weights: ") for note in steps.attrs["notes"])
