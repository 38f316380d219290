"""The embedded data (``alliance data ...``)."""

from __future__ import annotations

from typing import Iterable, Optional

import pandas as pd

from . import _alliance
from ._inputs import PathLike, data_dir, path_or_empty

__all__ = ["panel"]


def panel(variables: Optional[Iterable[str]] = None, rules: Optional[PathLike] = None) -> pd.DataFrame:
    """The embedded panel, derived variables included (``alliance data panel``).

    Args:
        variables: keep only these variable names (e.g. ``["defexp_pct_gdp"]``);
            ``None``: every variable.
        rules: the rules whose derivations and Kiel cut-off apply (a TOML
            file); ``None``: the article's rules.

    Returns:
        A DataFrame with the columns ``iso3`` (str), ``year`` (int64),
        ``variable`` (str), ``value`` (float64 in the variable's unit; NaN where
        the source gives no value) and ``source`` (a source id), in the CLI's
        row order. It is the format ``panel=`` of :mod:`alliance.supply` reads.

    Raises:
        alliance.InvalidArgument: none of ``variables`` is in the panel.
    """
    inputs = _alliance.SupplyInputs(data_dir(), path_or_empty(rules), "", "", None)
    columns = _alliance.data_panel(inputs, list(variables or []))
    result = pd.DataFrame(columns, columns=["iso3", "year", "variable", "value", "source"])
    return result.astype({"iso3": object, "variable": object, "source": object})
