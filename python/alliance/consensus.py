"""Pillar 5: decision-making by consensus, the spatial model of decision
rules (``alliance consensus ...``; docs/consensus.md), and voting power
(:func:`alliance.power`).

Rules are names as the CLI's ``--rule`` takes them: ``"unanimity"``,
``"majority"``, ``"qmv:M"``, ``"qmv:M:W"`` (double majority), ``"weighted:Q"``,
``"coalition:USA+GBR+..."``, ``"quad"``, an expression such as ``"members >=
55% and gdp >= 65%"``, or a preset (``"eu-lisbon"``, ``"eu-nice"``,
``"nato-qmv-gdp"``). Members are a DataFrame or CSV file ``id,x[,y][,weight]``
(ideal points on [0, 1]). Monte Carlo results depend on ``trials`` and
``seed`` only, never on ``threads``.
"""

from __future__ import annotations

from typing import Iterable, Mapping, Optional, Sequence, Union

import pandas as pd

from . import _alliance
from ._inputs import PathLike, data_dir, members_path, path_or_empty, table_source
from ._tables import frame
from .errors import InvalidArgument

__all__ = ["pass_probability", "enlargement", "winset", "power"]

Members = Union[None, PathLike, pd.DataFrame]
Rules = Union[str, Sequence[str]]


def _rules(rules: Rules) -> str:
    return rules if isinstance(rules, str) else ",".join(rules)


def _members(members: Members, n: Optional[int] = None, dimension: int = 1) -> "_alliance.MembersSpec":
    spec = _alliance.MembersSpec()
    spec.data_dir = data_dir()
    table_source(spec, members)
    spec.n = int(n or 0)
    spec.dimension = int(dimension)
    return spec


def _point(point: Union[None, float, Sequence[float]]) -> str:
    if point is None:
        return ""
    if isinstance(point, (int, float)):
        return repr(float(point))
    return ",".join(repr(float(x)) for x in point)


def _check_run(trials: int, threads: int) -> None:
    if int(trials) < 1:
        raise InvalidArgument(f"trials: {trials} must be at least 1")
    if int(threads) < 1:
        raise InvalidArgument(f"threads: {threads} must be at least 1")


def pass_probability(rules: Rules = ("unanimity", "majority"), n: Optional[int] = None, members: Members = None,
                     status_quo: Union[None, float, Sequence[float]] = None, dimension: int = 1,
                     trials: int = 100_000, seed: int = 1, threads: int = 1) -> pd.DataFrame:
    """The probability that a random proposal beats the status quo under each
    rule, and the share of gridlock (``alliance consensus pass``).

    Args:
        rules: one rule or several (see the module's help).
        n: that many members with ideal points drawn uniformly each trial.
        members: fixed ideal points (DataFrame or CSV ``id,x[,y][,weight]``).
            With neither ``n`` nor ``members``: the current allies with drawn
            ideal points (the CLI's ``--enlargement``).
        status_quo: fix the status quo at x (1-D) or (x, y) (2-D); default
            drawn each trial.
        dimension: the policy space's dimension for ``n`` members (1 or 2).
        trials: Monte Carlo trials (the standard errors shrink as trials^-1/2).
        seed: the random stream; same seed, same numbers on any thread count.
        threads: worker threads (>= 1).

    Returns:
        One row per rule: rule, members, dimension, trials, p, se, gridlock,
        gridlock_se.
    """
    if n is not None and members is not None:
        raise InvalidArgument("give at most one of n and members")
    _check_run(trials, threads)
    return frame(_alliance.consensus_pass(_members(members, n, dimension), _rules(rules), _point(status_quo),
                                          int(trials), int(seed), int(threads))[0])


def enlargement(rules: Rules = ("unanimity", "majority"), spoilers: Iterable[str] = (), spoiler_point: float = 0.0,
                members: Members = None, trials: int = 100_000, seed: int = 1, threads: int = 1) -> pd.DataFrame:
    """Pass probability and gridlock at each NATO enlargement, per rule
    (``alliance consensus enlargement``).

    Args:
        rules: one rule or several; weighted rules use 2023 GDP (US$ m).
        spoilers: allies (ISO3) whose ideal point is fixed at
            ``spoiler_point`` from the step they join, e.g. ``("HUN", "TUR")``.
        spoiler_point: the spoilers' ideal point on [0, 1]; default 0.
        members: fixed ideal points per ally (ids ISO3) instead of drawn ones.
        trials, seed, threads: as in :func:`pass_probability`.
    """
    _check_run(trials, threads)
    spoiler_list = [spoilers] if isinstance(spoilers, str) else list(spoilers)
    return frame(_alliance.consensus_enlargement(_members(members), _rules(rules), spoiler_list, float(spoiler_point),
                                                 int(trials), int(seed), int(threads))[0])


def winset(members: Members, status_quo: Union[float, Sequence[float]], rule: Rules = "majority",
           setter: Union[None, float, Sequence[float]] = None, trials: int = 100_000, seed: int = 1,
           threads: int = 1) -> pd.DataFrame:
    """The win-set of a status quo, the agenda setter's outcome and its
    distance from the median (``alliance consensus winset``).

    Args:
        members: the ideal points (DataFrame or CSV ``id,x[,y][,weight]``).
        status_quo: x (1-D) or (x, y) (2-D).
        rule: one rule or several.
        setter: the agenda setter's ideal point; default none.
        trials, seed, threads: the Monte Carlo estimate of a 2-D win-set's size.
    """
    _check_run(trials, threads)
    return frame(_alliance.consensus_winset(_members(members), _rules(rule), _point(status_quo), _point(setter),
                                            int(trials), int(seed), int(threads))[0])


def power(weights: Union[None, PathLike, Mapping[str, int], pd.Series] = None, quota: Union[None, int, str] = None,
          member_quota: Optional[int] = None, index: str = "both", rule: Optional[str] = None,
          members: Members = None, threads: int = 1, memory_limit: int = 1024) -> pd.DataFrame:
    """Exact voting-power indices (``alliance power``): of a weighted (or
    double majority) game, given ``weights`` and ``quota``, or of a composite
    decision rule over several weights, given ``rule`` and ``members``.

    Args:
        weights: each member's whole-number weight (>= 0): a dict or Series
            ``{id: weight}``, or a CSV file ``id,weight``.
        quota: the winning weight: a whole number, or ``"P%"`` of the total.
        member_quota: double majority: a winning coalition also needs this many
            members; default none.
        index: ``"banzhaf"``, ``"shapley"`` or ``"both"``.
        rule: instead of ``weights``/``quota``: a rule expression over the
            members' weight columns, e.g. ``"(members >= 55% and population >=
            65%) or against < 4"``, or a preset (``"eu-lisbon"``,
            ``"eu-nice"``, ``"nato-qmv-gdp"``).
        members: for ``rule``: a DataFrame or CSV file with an ``id`` (or
            ``iso3``) column and one whole-number column per weight the rule
            names.
        threads: worker threads of a composite rule's enumeration (>= 1); the
            indices do not depend on it.
        memory_limit: refuse a game whose count tables need more than this many
            MiB (the CLI's ``--memory-limit``); default 1024.

    Returns:
        A DataFrame indexed by ``id`` with the weight column(s) (``weight``, or
        the rule's columns), ``banzhaf`` (normalised), ``banzhaf_absolute``,
        ``swings`` (exact: Python ints when a count exceeds int64) and
        ``shapley``, as the indices asked for; a composite rule adds
        ``coleman_prevent`` and ``coleman_initiate`` (the power to act is in
        ``attrs["notes"]``).
    """
    if index not in ("banzhaf", "shapley", "both"):
        raise InvalidArgument(f"index: '{index}' must be banzhaf, shapley or both")
    if not 1 <= int(memory_limit) <= 1 << 24:
        raise InvalidArgument(f"memory_limit: {memory_limit} is outside [1, {1 << 24}] MiB")
    if rule is not None:
        return _composite_power(rule, members, weights, quota, index, threads, memory_limit)
    if weights is None or quota is None:
        raise InvalidArgument("power: give weights and quota, or rule and members")
    if isinstance(weights, str) or hasattr(weights, "__fspath__"):
        return frame(_alliance.power_file(path_or_empty(weights), str(quota), int(member_quota or 0), index,
                                          int(memory_limit))[0], index="id")
    items = list(weights.items())
    ids = [str(key) for key, _ in items]
    values = []
    for key, value in items:
        if isinstance(value, float) and not value.is_integer() or int(value) < 0:
            raise InvalidArgument(f"weights: {key}: {value} is not a whole number >= 0")
        values.append(int(value))
    return frame(_alliance.power(ids, values, str(quota), int(member_quota or 0), index, int(memory_limit))[0],
                 index="id")


def _composite_power(rule: str, members: Members, weights, quota, index: str, threads: int,
                     memory_limit: int) -> pd.DataFrame:
    if members is None:
        raise InvalidArgument("power: a rule needs members (a DataFrame or CSV file)")
    if weights is not None or quota is not None:
        raise InvalidArgument("power: rule/members and weights/quota are alternatives; give one pair")
    if int(threads) < 1:
        raise InvalidArgument(f"threads: {threads} must be at least 1")
    with members_path(members) as path:
        return frame(_alliance.power_rule(str(rule), path, index, int(memory_limit), int(threads))[0], index="id")
