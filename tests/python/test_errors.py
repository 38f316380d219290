"""Every engine status becomes the documented Python exception."""

from __future__ import annotations

import pytest

import alliance
from alliance import _alliance


def test_not_found_is_file_not_found_error(tmp_path):
    with pytest.raises(alliance.NotFound) as caught:
        alliance.discourse.count(tmp_path / "missing.jsonl")
    assert isinstance(caught.value, FileNotFoundError)
    assert isinstance(caught.value, alliance.Error)
    assert "missing.jsonl" in str(caught.value)


def test_a_missing_file_is_an_os_error(tmp_path):
    # core::read_file reports a missing rules file as an I/O error.
    with pytest.raises(OSError) as caught:
        alliance.supply.classify(rules=tmp_path / "missing.toml")
    assert isinstance(caught.value, alliance.Error)
    assert "missing.toml" in str(caught.value)


def test_parse_error_carries_position(tmp_path):
    panel = alliance.data.panel().head(3)
    path = tmp_path / "panel.csv"
    text = panel.to_csv(index=False)
    lines = text.splitlines()
    lines[2] = lines[2].replace(lines[2].split(",")[3], "lots", 1)  # a value that is not a number
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(alliance.ParseError) as caught:
        alliance.supply.classify(source="data", panel=path)
    error = caught.value
    assert isinstance(error, ValueError)
    assert error.file is not None and error.file.endswith("panel.csv")
    assert error.line == 3
    assert error.column is None or error.column >= 1


def test_invalid_argument_is_value_error():
    with pytest.raises(alliance.InvalidArgument) as caught:
        alliance.supply.classify(source="guessed")
    assert isinstance(caught.value, ValueError)
    assert "published or data" in str(caught.value)
    with pytest.raises(ValueError):
        alliance.supply.burden(year=1600)


def test_io_failure_is_os_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(alliance.IOFailure) as caught:
        alliance.report(output=blocker / "report")
    assert isinstance(caught.value, OSError)


@pytest.mark.parametrize("code, cls, builtin", [
    ("invalid_argument", alliance.InvalidArgument, ValueError),
    ("not_found", alliance.NotFound, FileNotFoundError),
    ("io_error", alliance.IOFailure, OSError),
    ("parse_error", alliance.ParseError, ValueError),
    ("cancelled", alliance.Cancelled, KeyboardInterrupt),
    ("internal", alliance.InternalError, RuntimeError),
])
def test_every_status_through_the_module(code, cls, builtin):
    with pytest.raises(cls) as caught:
        _alliance._raise_status(code, "what went wrong")
    assert isinstance(caught.value, builtin) and isinstance(caught.value, alliance.Error)
    assert str(caught.value) == "what went wrong"


def test_mapping_of_the_other_codes():
    parse = alliance.errors.from_status("parse_error", "a.csv:12:7: bad number 'x'")
    assert isinstance(parse, alliance.ParseError)
    assert (parse.file, parse.line, parse.column) == ("a.csv", 12, 7)
    assert isinstance(alliance.errors.from_status("cancelled", "stop"), KeyboardInterrupt)
    assert type(alliance.errors.from_status("unknown", "x")) is alliance.InternalError


def test_wrong_types_are_type_errors():
    with pytest.raises(TypeError):
        alliance.capability.cover(exclude=[1, 2])
