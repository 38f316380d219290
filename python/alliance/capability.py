"""Pillar 3: the institutional system and the capability matrix
(``alliance capability ...``; docs/capability.md explains the columns)."""

from __future__ import annotations

from typing import Iterable, Optional, Union

import pandas as pd

from . import _alliance
from ._inputs import PathLike, data_dir, path_or_empty
from ._tables import Tables, select

__all__ = ["institutions", "matrix", "cover"]


def institutions(data: Optional[PathLike] = None, links: Optional[PathLike] = None,
                 table: Optional[str] = None) -> Union[Tables, pd.DataFrame]:
    """Reach from the political framework, single points of failure and the
    longest chain (``alliance capability institutions``).

    Args:
        data: the instruments (CSV ``id,name,name_zh,year,level,function,
            source_paragraph``); ``None``: the embedded ones.
        links: the links (CSV ``from,to,relation,source_paragraph``); ``None``:
            the embedded ones.
        table: ``None`` (default) for every table (``instruments``, ``levels``,
            ``longest_chain``), or one name.
    """
    return select(_alliance.capability_institutions(data_dir(), path_or_empty(data), path_or_empty(links)), table)


def matrix(data: Optional[PathLike] = None, table: Optional[str] = None) -> Union[Tables, pd.DataFrame]:
    """Suppliers, strategic reliance, responsibility ambiguity and critical
    suppliers per capability (``alliance capability matrix``).

    Args:
        data: the contributions (CSV ``iso3,capability,project,level,value,
            unit,source_paragraph,quote``); ``None``: the embedded ones.
        table: ``None`` (default) for every table (``capabilities``,
            ``matrix``: ally x capability weights), or one name.
    """
    return select(_alliance.capability_matrix(data_dir(), path_or_empty(data)), table)


def cover(exclude: Iterable[str] = (), data: Optional[PathLike] = None, limit: int = 100,
          table: Optional[str] = None) -> Union[Tables, pd.DataFrame]:
    """The exact minimum sets of allies that cover every capability
    (``alliance capability cover``).

    Args:
        exclude: allies left out, as ISO 3166-1 alpha-3 codes (e.g.
            ``["USA"]``); default none.
        data: the contributions, as in :func:`matrix`.
        limit: list at most this many minimum covers (1-100000; default 100).
        table: ``None`` (default) for every table (``cover``,
            ``minimum_covers``, ``uncovered``, ``critical_suppliers``), or one
            name.
    """
    excluded = [exclude] if isinstance(exclude, str) else list(exclude)
    if not 1 <= int(limit) <= 100000:
        from .errors import InvalidArgument
        raise InvalidArgument(f"limit: {limit} is outside 1-100000")
    return select(_alliance.capability_cover(data_dir(), path_or_empty(data), excluded, int(limit)), table)
