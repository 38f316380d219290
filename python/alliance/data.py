"""The embedded data (``alliance data ...``)."""

from __future__ import annotations

from typing import Iterable, Optional, Sequence, Union

import pandas as pd

from . import _alliance
from ._inputs import PathLike, data_dir, path_or_empty
from ._tables import frame

__all__ = ["panel", "import_nato_workbook", "revisions", "EDITIONS"]


# The embedded editions of NATO's "Defence Expenditure of NATO Countries",
# oldest first (docs/data.md).
EDITIONS = ("nato_2023_july", "nato_2024_june")


def panel(variables: Optional[Iterable[str]] = None, rules: Optional[PathLike] = None,
          edition: Optional[str] = None) -> pd.DataFrame:
    """The embedded panel, derived variables included (``alliance data panel``).

    Args:
        variables: keep only these variable names (e.g. ``["defexp_pct_gdp"]``);
            ``None``: every variable.
        rules: the rules whose derivations and Kiel cut-off apply (a TOML
            file); ``None``: the article's rules.
        edition: the NATO edition of the NATO variables: ``"nato_2024_june"``
            (``None``, the default: the newest) or ``"nato_2023_july"``.

    Returns:
        A DataFrame with the columns ``iso3`` (str), ``year`` (int64),
        ``variable`` (str), ``value`` (float64 in the variable's unit; NaN where
        the source gives no value) and ``source`` (a source id), in the CLI's
        row order. It is the format ``panel=`` of :mod:`alliance.supply` reads.

    Raises:
        alliance.InvalidArgument: none of ``variables`` is in the panel.
    """
    inputs = _alliance.SupplyInputs(data_dir(), path_or_empty(rules), "", "", None, edition or "")
    columns = _alliance.data_panel(inputs, list(variables or []))
    result = pd.DataFrame(columns, columns=["iso3", "year", "variable", "value", "source"])
    return result.astype({"iso3": object, "variable": object, "source": object})


def import_nato_workbook(path: PathLike, edition: Optional[str] = None) -> pd.DataFrame:
    """NATO's "Defence Expenditure of NATO Countries" workbook (``.xlsx``, as
    NATO publishes it) in the long panel format (``alliance data import
    nato-workbook``).

    Args:
        path: the workbook.
        edition: the edition's label, every value's ``source``; ``None``: the
            one the file name implies (NATO's start with ``YYMMDD-``:
            ``240617-...`` is ``"nato_2024_june"``).

    Returns:
        A DataFrame ``iso3, year, variable, value, source, estimate``
        (``estimate`` int64: 1 for a year NATO marks as an estimate, "2023e",
        else 0):
        the first five columns are the format ``panel=`` of
        :mod:`alliance.supply` reads.

    Raises:
        alliance.InvalidArgument: no ``edition`` and the file name implies none.
        alliance.ParseError: the workbook is not the expected layout.
    """
    return frame(_alliance.data_import_workbook(data_dir(), path_or_empty(path), edition or "")[0])


def revisions(from_edition: str = "nato_2023_july", to_edition: str = "nato_2024_june",
              variables: Union[None, str, Sequence[str]] = None) -> pd.DataFrame:
    """The values NATO revised between two embedded editions (``alliance data
    revisions --from ... --to ...``).

    Args:
        from_edition: the older edition (one of :data:`EDITIONS`).
        to_edition: the newer edition.
        variables: compare only these variables; ``None``: every variable both
            editions give.

    Returns:
        One row per value both editions give that changed: ``iso3``,
        ``year``, ``variable``, ``from``, ``to`` and ``change`` (to - from, in
        the variable's unit); the counts of unchanged values and of values only
        one edition gives are in ``attrs["notes"]``.
    """
    chosen = [] if variables is None else [variables] if isinstance(variables, str) else list(variables)
    return frame(_alliance.data_revisions(data_dir(), from_edition, to_edition, chosen)[0])
