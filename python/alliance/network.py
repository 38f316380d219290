"""Pillar 3: the compensation network of the article's Table 2
(``alliance network ...``; docs/capability.md explains the columns)."""

from __future__ import annotations

from typing import Optional, Union

import pandas as pd

from . import _alliance
from ._inputs import PathLike, data_dir, path_or_empty
from ._tables import Tables, select

__all__ = ["compensation", "audit", "dot", "render"]


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


def dot(data: Optional[PathLike] = None, categories: Optional[PathLike] = None) -> str:
    """The compensation network as Graphviz source (``alliance network
    compensation --format dot``): one node per actor (shape and colour by
    role), one edge per deal and compensator, and the equipment unlocked for
    Ukraine. The same network gives the same text.

    Args:
        data, categories: as in :func:`compensation`.
    """
    return _alliance.network_drawing(data_dir(), path_or_empty(data), path_or_empty(categories), False, "", "")


def render(output: Optional[PathLike] = None, data: Optional[PathLike] = None,
           categories: Optional[PathLike] = None, dot_program: str = "dot") -> str:
    """Draws the compensation network as SVG with Graphviz (``alliance network
    render``).

    Args:
        output: the SVG file to write (atomically); ``None``: write nothing.
        data, categories: as in :func:`compensation`.
        dot_program: the Graphviz program (a name on ``PATH`` or a path);
            default ``"dot"``.

    Returns:
        The SVG text.

    Raises:
        alliance.NotFound: the Graphviz program cannot be started.
        alliance.IOFailure: ``output`` cannot be written.
    """
    return _alliance.network_drawing(data_dir(), path_or_empty(data), path_or_empty(categories), True,
                                     str(dot_program), path_or_empty(output))
