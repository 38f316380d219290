"""Pillar 1: the supply of security public goods (``alliance supply ...``).

Every function reads the embedded data (or your rules and panel), calls the
same library functions as the CLI and returns its tables as DataFrames, with
the CLI's column names and ``--table`` names (docs/supply.md explains the
columns).
"""

from __future__ import annotations

from typing import Dict, Iterable, Optional, Sequence, Tuple, Union

import pandas as pd

from . import _alliance
from ._inputs import PathLike, data_dir, documented as _documented, panel_path, path_or_empty
from ._tables import Tables, select

__all__ = ["classify", "summary", "audit", "sensitivity", "burden", "panel"]

Panel = Union[None, PathLike, pd.DataFrame]

_COMMON_PARAMETERS = """
        rules: the indicator rules (a TOML file); ``None``: the article's rules,
            ``data/rules/paper2024.toml``.
        panel: your own long-format panel instead of the embedded datasets: a path
            to a CSV file or a DataFrame, both with the columns ``iso3`` (ISO
            3166-1 alpha-3), ``year`` (integer), ``variable``, ``value`` (in the
            variable's own unit, e.g. percent of GDP; NaN for a value the source
            does not give) and ``source`` (an id of ``sources``). ``None``: the
            embedded data. ``alliance.data.panel()`` gives the embedded panel in
            this form, ready to edit.
        sources: the sources table (CSV ``id,citation``) for ``panel``; ``None``:
            ``data/sources.csv``.
        year: the classification year (an integer year, e.g. 2023); ``None``:
            the rules' year.
        edition: the NATO edition of the NATO variables: ``"nato_2024_june"``
            (``None``, the default: the newest) or ``"nato_2023_july"``."""


def _run(shim, rules, panel, sources, year, *args, edition=None):
    with panel_path(panel) as panel_file:
        inputs = _alliance.SupplyInputs(data_dir(), path_or_empty(rules), panel_file, path_or_empty(sources),
                                        None if year is None else int(year), edition or "")
        return shim(inputs, *args)


@_documented(_COMMON_PARAMETERS, "common")
def classify(source: str = "published", rules: Optional[PathLike] = None, panel: Panel = None,
             year: Optional[int] = None, sources: Optional[PathLike] = None,
             table: Optional[str] = "classification",
             edition: Optional[str] = None) -> Union[pd.DataFrame, Tables]:
    """Indicators met and tier per ally and good (``alliance supply classify``).

    Args:
        source: ``"published"``: the article's own indicator booleans (Table
            1); ``"data"``: recompute every indicator from the panel.
    {common}
        table: which table to return, by the CLI's ``--table`` name:
            ``"classification"`` (default; columns ``iso3, country, good,
            indicators_met, count, tier``; 60 rows for the article's 30
            allies x 2 goods), ``"tiers"`` or ``"indicator_sources"``;
            ``None``: all of them as a :class:`alliance.Tables`.

    Returns:
        The named DataFrame, or every table when ``table`` is ``None``.

    Raises:
        alliance.InvalidArgument: ``source`` or ``year`` is not valid.
        alliance.ParseError: the rules or the panel are malformed.
        alliance.NotFound: a file does not exist.
    """
    return select(_run(_alliance.supply_classify, rules, panel, sources, year, source, edition=edition), table)


@_documented(_COMMON_PARAMETERS, "common")
def summary(source: str = "published", rules: Optional[PathLike] = None, panel: Panel = None,
            year: Optional[int] = None, sources: Optional[PathLike] = None,
            table: Optional[str] = None,
            edition: Optional[str] = None) -> Union[Tables, pd.DataFrame]:
    """Share of active allies per good, group, region and size class
    (``alliance supply summary``).

    Args:
        source: ``"published"`` (the article's booleans) or ``"data"``
            (recomputed from the panel).
    {common}
        table: ``None`` (default) for every table as a :class:`alliance.Tables`
            (``shares``, ``active_by_size``, ``size_classes``), or one name.

    Returns:
        The tables; shares are in percent (0-100).
    """
    return select(_run(_alliance.supply_summary, rules, panel, sources, year, source, edition=edition), table)


@_documented(_COMMON_PARAMETERS, "common")
def audit(rules: Optional[PathLike] = None, panel: Panel = None, year: Optional[int] = None,
          sources: Optional[PathLike] = None, table: Optional[str] = None,
          edition: Optional[str] = None) -> Union[Tables, pd.DataFrame]:
    """Recomputed indicators against the published ones, with explanations and
    consistency checks (``alliance supply audit``).

    Args:
    {common}
        table: ``None`` (default) for every table (``audit``, ``agreement``,
            ``tiers``, ``checks``, ``reported_figures``), or one name.
    """
    return select(_run(_alliance.supply_audit, rules, panel, sources, year, edition=edition), table)


def _variation(parameter: str, values: Union[str, Iterable[object]]) -> str:
    if isinstance(values, str):
        return f"{parameter}={values}"
    return f"{parameter}=" + ",".join(str(v) for v in values)


@_documented(_COMMON_PARAMETERS, "common")
def sensitivity(vary: Dict[str, Union[str, Sequence[object]]], rules: Optional[PathLike] = None,
                panel: Panel = None, year: Optional[int] = None, sources: Optional[PathLike] = None,
                table: Optional[str] = None,
                edition: Optional[str] = None) -> Union[Tables, pd.DataFrame]:
    """Tiers as rule parameters vary, recomputed from the data
    (``alliance supply sensitivity``).

    Args:
        vary: parameter -> the values to try, e.g. ``{"B2.value": [2, 2.5,
            3.5]}`` (a threshold in the indicator's unit), ``{"B1.stat":
            ["median", "mean"]}`` or ``{"data.kiel_cutoff": ["2023-06",
            "2024-12"]}``; one CLI ``--vary`` per entry.
    {common}
        table: ``None`` (default) for every table, or one name.
    """
    variations = [_variation(parameter, values) for parameter, values in vary.items()]
    return select(_run(_alliance.supply_sensitivity, rules, panel, sources, year, variations, edition=edition),
                  table)


@_documented(_COMMON_PARAMETERS, "common")
def burden(year: Union[None, int, str] = None, rules: Optional[PathLike] = None, panel: Panel = None,
           sources: Optional[PathLike] = None, table: Optional[str] = None,
           edition: Optional[str] = None) -> Union[Tables, pd.DataFrame]:
    """The Olson-Zeckhauser test, Gini, Herfindahl and burden shares
    (``alliance supply burden``).

    Args:
        year: a year (e.g. 2014), ``"all"`` for every year with data (then one
            row of statistics per year), or ``None`` for the rules' year.
        rules, panel, sources, edition: as in :func:`classify`.
        table: ``None`` (default) for every table (``burden_statistics``;
            ``burden_shares`` for a single year: shares in percent), or one name.
    """
    all_years = isinstance(year, str) and year == "all"
    return select(_run(_alliance.supply_burden, rules, panel, sources, None if all_years else year, all_years,
                       edition=edition), table)


def _year_range(years: Union[None, int, str, Tuple[int, int]]) -> Tuple[Optional[int], Optional[int]]:
    if years is None:
        return None, None
    if isinstance(years, str):
        first, _, last = years.partition(":")
        years = (int(first), int(last or first))
    elif isinstance(years, int):
        years = (years, years)
    first, last = (int(y) for y in years)
    if first > last:
        from .errors import InvalidArgument
        raise InvalidArgument(f"years: {first}:{last} ends before it starts")
    return first, last


def panel(years: Union[None, int, str, Tuple[int, int]] = None, rules: Optional[PathLike] = None,
          panel: Panel = None, sources: Optional[PathLike] = None,
          table: Optional[str] = None,
          edition: Optional[str] = None) -> Union[Tables, pd.DataFrame]:
    """The tier of every ally in every year, the moves between tiers and each
    ally's path (``alliance supply panel``). Each year is classified in data
    mode with that year's members, Kiel cut-off and derivations.

    Args:
        years: the years: ``(first, last)``, ``"FIRST:LAST"`` or one year;
            ``None`` (default): every year with data for the rules' variables.
        rules, panel, sources, edition: as in :func:`classify`.
        table: ``None`` (default) for every table (``panel``: tier per ally,
            good and year; ``transitions``: moves between consecutive years;
            ``transition_matrix``: the moves pooled, from-tier rows;
            ``paths``: each ally's tier per year; ``indicators_by_year``:
            allies meeting each indicator per year), or one name.
    """
    first, last = _year_range(years)
    return select(_run(_alliance.supply_panel, rules, panel, sources, None, first, last, edition=edition), table)
