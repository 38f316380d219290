"""Exceptions of the alliance package.

Every error the engine reports is an :class:`Error`. Each class also derives
from the built-in exception a Python user expects, so ``except ValueError``
catches a malformed input file and ``except FileNotFoundError`` a missing one:

========================  =====================================  ==========================
engine status             class                                  also a
========================  =====================================  ==========================
parse error               :class:`ParseError`                    ``ValueError``
invalid argument          :class:`InvalidArgument`               ``ValueError``
not found                 :class:`NotFound`                      ``FileNotFoundError``
I/O error                 :class:`IOFailure`                     ``OSError``
cancelled                 :class:`Cancelled`                     ``KeyboardInterrupt``
anything else             :class:`InternalError`                 ``RuntimeError``
========================  =====================================  ==========================

A :class:`ParseError` (and an :class:`InvalidArgument` whose message starts
with a position) carries ``file``, ``line`` and ``column`` (``None`` when the
message gives none).
"""

from __future__ import annotations

import re
from typing import Optional

__all__ = ["Error", "ParseError", "InvalidArgument", "NotFound", "IOFailure", "Cancelled",
           "InternalError", "from_status"]

# `file:line:column: what` or `file:line: what` (core::Status::parse_error).
_POSITION = re.compile(r"^(?P<file>[^\n]+?):(?P<line>\d+)(?::(?P<column>\d+))?: (?P<what>.*)$", re.S)


class Error(Exception):
    """Base class of every error the alliance engine reports."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class _Positioned(Error):
    """An error that may point into an input file."""

    def __init__(self, message: str):
        super().__init__(message)
        match = _POSITION.match(message)
        self.file: Optional[str] = match["file"] if match else None
        self.line: Optional[int] = int(match["line"]) if match else None
        self.column: Optional[int] = int(match["column"]) if match and match["column"] else None


class ParseError(_Positioned, ValueError):
    """An input file is malformed; ``file``, ``line``, ``column`` say where."""


class InvalidArgument(_Positioned, ValueError):
    """A parameter is out of range or inconsistent with the data."""


class NotFound(Error, FileNotFoundError):
    """An input file (or a named item) does not exist."""


class IOFailure(Error, OSError):
    """Reading or writing a file failed."""


class Cancelled(Error, KeyboardInterrupt):
    """The computation was interrupted."""


class InternalError(Error, RuntimeError):
    """A failure that is not the input's fault (please report it)."""


_BY_CODE = {
    "parse_error": ParseError,
    "invalid_argument": InvalidArgument,
    "not_found": NotFound,
    "io_error": IOFailure,
    "cancelled": Cancelled,
}


def from_status(code: str, message: str) -> Error:
    """The exception for an engine status ``code`` (used by the extension module)."""
    return _BY_CODE.get(code, InternalError)(message)
