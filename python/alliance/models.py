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
from typing import Any, Dict, Optional, Sequence, Union

import pandas as pd

from . import _alliance
from ._inputs import PathLike, data_dir, table_source
from ._tables import Tables, select
from .errors import InvalidArgument

__all__ = ["solve", "players", "club", "joint", "sidepay"]

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
