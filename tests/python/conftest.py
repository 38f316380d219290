"""What the Python tests share: the CLI as the oracle, and a comparison of a
DataFrame with the CLI's CSV of the same command.

ctest sets ALLIANCE_CLI (the built binary), PYTHONPATH (the staged package)
and ALLIANCE_DATA_DIR; run by hand, the release build of the source tree is
used.
"""

from __future__ import annotations

import csv
import io
import math
import os
import subprocess
from pathlib import Path
from typing import List, Optional

import pandas as pd
import pytest

SOURCE_DIR = Path(os.environ.get("ALLIANCE_SOURCE_DIR", Path(__file__).resolve().parents[2]))
CLI = os.environ.get("ALLIANCE_CLI", str(SOURCE_DIR / "build/release/apps/alliance/alliance"))


def run_cli(*args: str, stdin: Optional[str] = None) -> str:
    """The CLI's standard output; fails the test on a non-zero exit."""
    done = subprocess.run([CLI, *args], input=stdin, capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"alliance {' '.join(args)}: exit {done.returncode}: {done.stderr}"
    return done.stdout


def cli_csv(*args: str, table: Optional[str] = None) -> List[List[str]]:
    """The CLI's CSV output (the named table, else the first) as rows of fields."""
    extra = ["--format", "csv"] + (["--table", table] if table else [])
    return list(csv.reader(io.StringIO(run_cli(*args, *extra))))


def cli_rows(*args: str) -> List[List[str]]:
    """The CLI's output as CSV rows, for commands whose output is CSV already."""
    return list(csv.reader(io.StringIO(run_cli(*args))))


def _same(value, field: str) -> bool:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return field == ""
    if isinstance(value, (bool,)) or type(value).__name__ == "bool_":
        return field == ("yes" if value else "no")
    if isinstance(value, str):
        return value == field
    if isinstance(value, int) or type(value).__name__.startswith("int"):
        return int(field) == int(value)
    # CSV holds the shortest text that reads back to the same double.
    return float(field) == float(value)


def assert_frame_matches_csv(frame: pd.DataFrame, rows: List[List[str]], points: tuple = ()) -> None:
    """Every column name and cell of `frame` equals the CLI's CSV `rows`, and
    no column holds only numbers as text (but `points`: columns of points
    written "x" or "x,y", text by design)."""
    header, body = rows[0], rows[1:]
    assert list(frame.columns) == header
    assert len(frame) == len(body), f"{len(frame)} rows, the CLI printed {len(body)}"
    for j, column in enumerate(header):
        values = frame.iloc[:, j].tolist()
        for i, field in enumerate(body):
            assert _same(values[i], field[j]), f"row {i} column {column}: {values[i]!r} != CLI {field[j]!r}"
        texts = [v for v in values if isinstance(v, str) and column not in points]
        # A column of numbers must not arrive as text (mixed columns may hold some).
        assert not texts or len(texts) < len(values) or not all(_is_number(v) for v in texts), \
            f"{column}: numbers as text"


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return text.strip() not in ("nan", "inf", "-inf", "infinity")


def assert_tables_match_cli(tables, *args: str) -> None:
    """Each table of an alliance.Tables equals the CLI's `--table` CSV."""
    for name in tables.names:
        assert_frame_matches_csv(tables[name], cli_csv(*args, table=name))


@pytest.fixture
def data_dir() -> str:
    import alliance
    return alliance._inputs.data_dir()
