"""Pillar 3: the compensation network of the article's Table 2
(``alliance network ...``; docs/capability.md explains the columns)."""

from __future__ import annotations

from typing import Optional, Union

import pandas as pd

from . import _alliance
from ._inputs import PathLike, data_dir, path_or_empty
from ._tables import Tables, select

__all__ = ["compensation", "audit"]


def compensation(data: Optional[PathLike] = None, categories: Optional[PathLike] = None,
                 prices: Optional[PathLike] = None, table: Optional[str] = None) -> Union[Tables, pd.DataFrame]:
    """Roles, degrees, items by category, equipment unlocked for Ukraine and
    components (``alliance network compensation``).

    Args:
        data: the compensation table (CSV ``deal,compensators,compensated,...``);
            ``None``: the article's Table 2.
        categories: item categories (CSV ``item,category,note``); ``None``: the
            embedded ones.
        prices: unit prices (CSV ``item,unit_price,currency,year,source``) to
            value each deal (adds the ``deal_values`` table, in that currency);
            ``None``: no valuation.
        table: ``None`` (default) for every table (``actors``, ``degrees``,
            ``actor_categories``, ``deals``, ``unlocked``, ``components``...),
            or one name.
    """
    return select(_alliance.network_compensation(data_dir(), path_or_empty(data), path_or_empty(categories),
                                                 path_or_empty(prices)), table)


def audit(data: Optional[PathLike] = None, categories: Optional[PathLike] = None,
          claims: Optional[PathLike] = None, table: Optional[str] = "audit") -> Union[Tables, pd.DataFrame]:
    """What the article's text says about roles, against Table 2
    (``alliance network audit``).

    Args:
        data, categories: as in :func:`compensation`.
        claims: the text claims (CSV ``claim,iso3,role,counterpart,...``);
            ``None``: the embedded ones.
        table: ``"audit"`` (default; the only table) or ``None`` for a
            :class:`alliance.Tables`.
    """
    return select(_alliance.network_audit(data_dir(), path_or_empty(data), path_or_empty(categories),
                                          path_or_empty(claims)), table)
