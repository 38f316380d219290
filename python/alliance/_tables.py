"""Tables of the engine as pandas DataFrames (internal)."""

from __future__ import annotations

from typing import Dict, Iterator, List, Mapping, Optional, Union

import numpy as np
import pandas as pd


def frame(entry: dict, index: Optional[str] = None) -> pd.DataFrame:
    """One table from the extension module as a DataFrame.

    Columns keep the CLI's CSV names and the dtypes the module chose (float64
    with NaN for missing reals, int64, bool for yes/no, object for text and for
    integers beyond int64). ``index`` names a column to use as the index.
    ``attrs`` holds the table's ``name``, ``title`` and ``notes``.
    """
    columns: List[str] = entry["columns"]
    data = [_column(values) for values in entry["data"]]
    if len(set(columns)) < len(columns):  # a dict would merge repeated names
        result = pd.DataFrame(dict(enumerate(data)), columns=range(len(columns)), copy=False)
        result.columns = columns
    elif index is None:
        result = pd.DataFrame(dict(zip(columns, data)), columns=columns, copy=False)
    else:
        # Built with its index at once: set_index() would cost more than the engine call.
        at = columns.index(index)
        result = pd.DataFrame({c: d for c, d in zip(columns, data) if c != index},
                              index=pd.Index(data[at], name=index), copy=False)
    result.attrs.update(name=entry["name"], title=entry["title"], notes=list(entry["notes"]))
    return result


def _column(values):
    # Lists are text or exact integers: keep them as Python objects, uninferred.
    if isinstance(values, list):
        array = np.empty(len(values), dtype=object)
        array[:] = values
        return array
    return values


class Tables(Mapping[str, pd.DataFrame]):
    """The tables of one command, by the CLI's ``--table`` names.

    ``result["shares"]`` and ``result.shares`` are the same DataFrame; the
    order is the CLI's (the first table is the one its CSV output holds).
    ``titles`` and ``notes`` give each table's title and notes.
    """

    def __init__(self, entries: List[dict]):
        self._frames: Dict[str, pd.DataFrame] = {}
        self.titles: Dict[str, str] = {}
        self.notes: Dict[str, List[str]] = {}
        for entry in entries:
            self._frames[entry["name"]] = frame(entry)
            self.titles[entry["name"]] = entry["title"]
            self.notes[entry["name"]] = list(entry["notes"])

    @property
    def names(self) -> List[str]:
        """The table names, in the CLI's order."""
        return list(self._frames)

    def __getitem__(self, name: str) -> pd.DataFrame:
        try:
            return self._frames[name]
        except KeyError:
            raise KeyError(f"no table named {name!r}; the tables are {', '.join(self._frames)}") from None

    def __getattr__(self, name: str) -> pd.DataFrame:
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self._frames[name]
        except KeyError:
            raise AttributeError(f"no table named {name!r}; the tables are {', '.join(self._frames)}") from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._frames)

    def __len__(self) -> int:
        return len(self._frames)

    def __dir__(self):
        return list(super().__dir__()) + list(self._frames)

    def __repr__(self) -> str:
        shapes = ", ".join(f"{name} {df.shape[0]}x{df.shape[1]}" for name, df in self._frames.items())
        return f"<alliance.Tables: {shapes}>"


def select(entries: List[dict], table: Optional[str]) -> Union[Tables, pd.DataFrame]:
    """All tables, or the one named ``table`` (the CLI's ``--table``)."""
    tables = Tables(entries)
    return tables if table is None else tables[table]
