"""alliance.report writes the same tables as `alliance report`, on any thread count."""

from __future__ import annotations

import json

import alliance
from conftest import run_cli


def test_report_writes_index(tmp_path):
    index = alliance.report(output=tmp_path / "py", seed=3, threads=2)
    assert index == str(tmp_path / "py" / "index.html")
    run_cli("--seed", "3", "-q", "report", "--output", str(tmp_path / "cli"))
    py_run = json.loads((tmp_path / "py" / "run.json").read_text())
    cli_run = json.loads((tmp_path / "cli" / "run.json").read_text())
    assert py_run.get("seed") == cli_run.get("seed")
    py_tables = sorted(p.name for p in (tmp_path / "py" / "tables").iterdir())
    assert py_tables == sorted(p.name for p in (tmp_path / "cli" / "tables").iterdir())
    for name in py_tables:
        if name.endswith(".csv"):
            assert (tmp_path / "py" / "tables" / name).read_text() == \
                (tmp_path / "cli" / "tables" / name).read_text(), name
