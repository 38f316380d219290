"""Runs every ```python block of docs/python.md, in order, in one namespace."""

from __future__ import annotations

import re

from conftest import SOURCE_DIR

BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def test_walk_through_runs(tmp_path, monkeypatch, capsys):
    blocks = BLOCK.findall((SOURCE_DIR / "docs" / "python.md").read_text(encoding="utf-8"))
    assert len(blocks) >= 5
    monkeypatch.chdir(tmp_path)
    namespace: dict = {}
    for number, block in enumerate(blocks, 1):
        exec(compile(block, f"docs/python.md block {number}", "exec"), namespace)  # noqa: S102
    printed = capsys.readouterr().out
    assert "(60, 6)" in printed
    assert "InvalidArgument" in printed and "IOFailure" in printed
