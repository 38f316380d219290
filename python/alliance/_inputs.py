"""Where inputs come from: the data folder, paths, and in-memory objects
written to temporary files for the engine's readers (internal)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Iterator, Optional, Union

import pandas as pd

from . import _alliance

PathLike = Union[str, "os.PathLike[str]"]

PANEL_COLUMNS = ["iso3", "year", "variable", "value", "source"]


def data_dir() -> str:
    """The embedded data folder: ``$ALLIANCE_DATA_DIR``, else the copy
    installed with the package, else the source tree the module was built
    from (as the CLI's ``--data-dir`` default)."""
    from_env = os.environ.get("ALLIANCE_DATA_DIR")
    if from_env:
        return from_env
    installed = Path(__file__).with_name("data")
    if installed.is_dir():
        return str(installed)
    return _alliance.default_data_dir


def documented(text: str, key: str):
    """Replaces the docstring line ``{key}`` with ``text`` (shared parameter
    descriptions, kept once)."""
    placeholder = "{" + key + "}"

    def apply(function):
        lines = [text.strip("\n") if line.strip() == placeholder else line
                 for line in (function.__doc__ or "").split("\n")]
        function.__doc__ = "\n".join(lines)
        return function
    return apply


def path_or_empty(path: Optional[PathLike]) -> str:
    """A path as the engine takes it; ``None`` is "the embedded default"."""
    return "" if path is None else os.fspath(path)


def table_source(spec, table: Union[None, PathLike, pd.DataFrame]) -> None:
    """Sets ``spec.csv_text`` (a DataFrame as CSV, read as the file would be)
    or ``spec.path`` (a file) on a shim's input spec; ``None`` sets neither."""
    if isinstance(table, pd.DataFrame):
        spec.csv_text = table.to_csv(index=False, lineterminator="\n")
    elif table is not None:
        spec.path = path_or_empty(table)


@contextlib.contextmanager
def temporary_csv(frame: pd.DataFrame, suffix: str = ".csv") -> Iterator[str]:
    """Writes ``frame`` as CSV (full float precision) to a temporary file that
    lives for the ``with`` block."""
    handle, name = tempfile.mkstemp(prefix="alliance-", suffix=suffix)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            frame.to_csv(out, index=False, lineterminator="\n")
        yield name
    finally:
        os.unlink(name)


@contextlib.contextmanager
def panel_path(panel: Union[None, PathLike, pd.DataFrame]) -> Iterator[str]:
    """The path of a panel given as a path or as a DataFrame with the columns
    ``iso3, year, variable, value, source``."""
    if not isinstance(panel, pd.DataFrame):
        yield path_or_empty(panel)
        return
    missing = [c for c in PANEL_COLUMNS if c not in panel.columns]
    if missing:
        from .errors import InvalidArgument
        raise InvalidArgument(f"panel: the DataFrame has no column {', '.join(missing)} "
                              f"(expected {', '.join(PANEL_COLUMNS)})")
    with temporary_csv(panel[PANEL_COLUMNS]) as name:
        yield name


@contextlib.contextmanager
def members_path(members: Union[PathLike, pd.DataFrame]) -> Iterator[str]:
    """The path of a members table given as a path or as a DataFrame (written
    as CSV for the engine's reader, which checks it as it checks a file)."""
    if not isinstance(members, pd.DataFrame):
        yield path_or_empty(members)
        return
    if not {"id", "iso3"} & set(members.columns) and members.index.name in ("id", "iso3"):
        members = members.reset_index()  # ids as the index, as alliance.power returns them
    with temporary_csv(members) as name:
        yield name
