"""Public-goods games among allies (``alliance model ...``; docs/models/).

Players are given as one of:

- ``players``: a DataFrame or a CSV path with the columns ``id``, ``income``
  and ``a`` (Cobb-Douglas: the preference for the public good, in (0, 1)) or
  ``b`` (quasi-linear), and optionally ``weight`` (the weighted aggregator);
- ``from_panel``: a panel variable whose value in ``year`` is each ally's
  income (e.g. ``"gdp_usd_m_current"``: GDP in million current US dollars),
  every ally with the same ``preference``;
- ``n``: that many identical players with ``income`` and ``preference``.
"""

from __future__ import annotations

import json
from typing import Any, Dict, Mapping, Optional, Sequence, Tuple, Union

import pandas as pd

from . import _alliance
from ._inputs import PathLike, data_dir, path_or_empty, table_source
from ._tables import Tables, select
from .errors import InvalidArgument

__all__ = ["solve", "players", "club", "joint", "sidepay", "sweep", "fit"]

Players = Union[None, PathLike, pd.DataFrame]


def _spec(players: Players, from_panel: Optional[str], n: Optional[int], year: int, income: float,
          preference: float, utility: str, aggregator: str) -> "_alliance.PlayersSpec":
    given = [players is not None, from_panel is not None, n is not None]
    if sum(given) != 1:
        raise InvalidArgument("give exactly one of players, from_panel and n")
    spec = _alliance.PlayersSpec()
    spec.data_dir = data_dir()
    table_source(spec, players)
    spec.from_panel = from_panel or ""
    spec.n = int(n or 0)
    spec.year = int(year)
    spec.income = float(income)
    spec.preference = float(preference)
    spec.utility = utility
    spec.aggregator = aggregator
    return spec


def solve(players: Players = None, utility: str = "cobb-douglas", aggregator: str = "sum", concept: str = "all",
          from_panel: Optional[str] = None, year: int = 2023, preference: float = 0.5, n: Optional[int] = None,
          income: float = 100.0, tables: bool = False) -> Union[Dict[str, Any], Tables]:
    """Nash, Lindahl and the Samuelson optimum of one game (``alliance model solve``).

    Args:
        players, from_panel, n: the players (see the module's help); give one.
        utility: ``"cobb-douglas"``, ``"quasi-linear-log"`` or ``"quasi-linear-sqrt"``.
        aggregator: ``"sum"``, ``"weighted"``, ``"min"`` (weakest link), ``"max"``
            (best shot) or ``"ces:RHO"`` with RHO in (-inf, 0) or (0, 1].
        concept: ``"nash"``, ``"lindahl"``, ``"optimum"`` or ``"all"``.
        year: the year of ``from_panel``; default 2023.
        preference: every ``from_panel`` or ``n`` player's a (Cobb-Douglas) or b.
        income: every ``n`` player's income.
        tables: False (default): the dict of the CLI's ``--format json``
            (``{"nash": {"G", "contributions"}, "lindahl": {...}, "optimum":
            {"G"}}``); True: the CLI's tables (``summary``, ``nash``,
            ``lindahl``) as an :class:`alliance.Tables`.
    """
    spec = _spec(players, from_panel, n, year, income, preference, utility, aggregator)
    if tables:
        return Tables(_alliance.models_solve(spec, concept))
    return json.loads(_alliance.models_solve_json(spec, concept))


def players(players: Players = None, utility: str = "cobb-douglas", from_panel: Optional[str] = None,
            year: int = 2023, preference: float = 0.5, n: Optional[int] = None,
            income: float = 100.0) -> pd.DataFrame:
    """The players file a game would use (``alliance model players``), e.g.
    the allies' GDP: ``players(from_panel="gdp_usd_m_current", year=2023)``.

    Args: as in :func:`solve`.
    """
    spec = _spec(players, from_panel, n, year, income, preference, utility, "sum")
    return Tables(_alliance.models_players(spec))["players"]


def club(cost: float = 1.0, fixed_cost: float = 1.0, congestion: float = 0.75, benefit_exponent: float = 0.5,
         facility: Optional[float] = None, members: int = 32, table: Optional[str] = None) -> Union[Tables, pd.DataFrame]:
    """Buchanan's club: per-member benefit and cost by membership, the optimal
    size and facility (``alliance model club``).

    Args:
        cost: c, the cost of one unit of facility (> 0).
        fixed_cost: F, the fixed cost of the club (>= 0).
        congestion: beta, the congestion exponent (> 0).
        benefit_exponent: alpha, the returns to the facility, in (0, 1).
        facility: X, the facility of the table; default the optimum X**.
        members: the largest membership in the table (32: NATO in 2024).
        table: ``None`` (default) for both tables (``club_summary``, ``club``),
            or one name.
    """
    return select(_alliance.models_club(float(benefit_exponent), float(congestion), float(cost), float(fixed_cost),
                                        None if facility is None else float(facility), int(members)), table)


def joint(players: Players = None, private_share: Union[float, Sequence[float]] = 0.0, utility: str = "cobb-douglas",
          n: Optional[int] = None, income: float = 100.0, preference: float = 0.5,
          table: Optional[str] = None) -> Union[Tables, pd.DataFrame]:
    """Joint products: Nash against the optimum as the ally-private share of
    defence grows (``alliance model joint``).

    Args:
        players, n, income, preference: the players (a file or DataFrame, or n
            identical ones, which adds the closed-form ratio).
        private_share: theta in [0, 1], one value or several.
        utility: as in :func:`solve`.
        table: ``None`` (default) for both tables (``joint``, ``joint_players``),
            or one name.
    """
    shares = [float(private_share)] if isinstance(private_share, (int, float)) else [float(s) for s in private_share]
    spec = _spec(players, None, n, 2023, income, preference, utility, "sum")
    return select(_alliance.models_joint(spec, shares), table)


def sidepay(players: Players = None, donor: Optional[str] = None, deliveries: str = "nash",
            utility: str = "cobb-douglas", aggregator: str = "sum", n: Optional[int] = None, income: float = 100.0,
            preference: float = 0.5, table: Optional[str] = None) -> Union[Tables, pd.DataFrame]:
    """Side payments: the transfers that make a contributor, and the
    Nash-to-Lindahl scheme (``alliance model sidepay``).

    Args:
        players, n, income, preference: the players.
        donor: the id of the player who pays the transfers (Cobb-Douglas).
        deliveries: who delivers under the scheme: ``"nash"`` (the Nash
            contributors, scaled) or ``"lindahl"`` (each its own payment).
        utility, aggregator: as in :func:`solve` (the scheme needs ``"sum"``).
        table: ``None`` (default) for every table (``thresholds``, ``scheme``),
            or one name.
    """
    spec = _spec(players, None, n, 2023, income, preference, utility, aggregator)
    return select(_alliance.models_sidepay(spec, donor or "", deliveries), table)


SweepRange = Union[str, Tuple[float, float, int]]


def _sweep_params(params: Union[str, Sequence[str], Mapping[str, SweepRange]]) -> list:
    if isinstance(params, str):
        return [params]
    if isinstance(params, Mapping):
        texts = []
        for name, grid in params.items():
            if isinstance(grid, str):
                texts.append(f"{name}={grid}")
            else:
                start, stop, steps = grid
                texts.append(f"{name}={float(start)!r}:{float(stop)!r}:{int(steps)}")
        return texts
    return [str(p) for p in params]


def sweep(params: Union[str, Sequence[str], Mapping[str, SweepRange]], players: Players = None,
          utility: str = "cobb-douglas", aggregator: str = "sum", from_panel: Optional[str] = None, year: int = 2023,
          preference: float = 0.5, n: Optional[int] = None, income: float = 100.0) -> pd.DataFrame:
    """The solution path over a grid of parameter values (``alliance model sweep``).

    Args:
        params: the grid: ``{"a": (0.1, 0.9, 9)}`` (from, to, number of
            points, both ends included), ``{"income:USA": "100:400:4"}``, or the
            CLI's texts ``["a=0.1:0.9:9"]``. NAME is ``n`` (number of players,
            cycling through the base players), ``income`` (every income scaled so
            the first player's takes the value), ``income:ID``, ``a``, ``a:ID``
            (Cobb-Douglas preference, in (0, 1)), ``b``, ``b:ID`` (quasi-linear,
            > 0), ``weight:ID`` (> 0, the weighted aggregator) or ``rho`` (the
            CES exponent). Several parameters make a grid whose last parameter
            varies fastest.
        players, from_panel, n: the base game's players (see the module's
            help); give one.
        utility, aggregator, year, preference, income: as in :func:`solve`.

    Returns:
        One row per grid point: the parameters' values (a column each, named
        as the parameter), ``G_nash`` (the largest Nash G when the equilibria
        form a set), ``G_nash_low``, ``contributors``, ``G_lindahl``,
        ``G_optimum`` and ``ratio`` (G_nash / G_optimum), as the CLI's CSV.
    """
    spec = _spec(players, from_panel, n, year, income, preference, utility, aggregator)
    return Tables(_alliance.models_sweep(spec, _sweep_params(params)))["sweep"]


def fit(contributions: str = "defexp_usd_m_current", income: str = "gdp_usd_m_current", year: int = 2023,
        groups: str = "size", rules: Optional[PathLike] = None, joint: bool = True,
        table: Optional[str] = None) -> Union[Tables, pd.DataFrame]:
    """Calibration: does Nash or Lindahl fit the allies' observed
    contributions better, overall and by size class (``alliance model fit``).

    Args:
        contributions: the panel variable of contributions, e.g.
            ``"defexp_usd_m_current"`` (defence expenditure, US$ million,
            current) or ``"kiel_military_eur_bn"`` (EUR billion, converted to
            US$ million at the year's average rate).
        income: the panel variable of income, e.g. ``"gdp_usd_m_current"``.
        year: the year of both variables; default 2023.
        groups: ``"size"`` (the rules' size classes; each model is also refitted
            per class) or ``"none"``.
        rules: the rules file with the allies and size classes; ``None``: the
            article's, ``data/rules/paper2024.toml``.
        joint: also fit the two-parameter Nash model with joint products
            (``False``: the CLI's ``--no-joint``).
        table: ``None`` (default) for every table (``fit_verdict``: Nash
            against Lindahl by AIC per group; ``fit``: each model's parameters
            and loss; ``fit_allies``: observed and fitted contribution per
            ally), or one name.
    """
    if groups not in ("size", "none"):
        raise InvalidArgument(f"groups: '{groups}' must be size or none")
    return select(_alliance.models_fit(data_dir(), path_or_empty(rules), contributions, income, int(year),
                                       groups == "size", bool(joint)), table)
