"""alliance: measure and model collective action in military alliances.

The Python face of the ``alliance`` engine (docs/python.md). Each pillar is a
module whose functions mirror the CLI's commands and return pandas
DataFrames with the columns of the CLI's CSV:

- :mod:`alliance.supply`: pillar 1, the supply of security public goods;
- :mod:`alliance.discourse`: pillar 2, lexicon measurement of corpora;
- :mod:`alliance.network` and :mod:`alliance.capability`: pillar 3;
- :mod:`alliance.models`: public-goods games (Nash, Lindahl, optimum...);
- :mod:`alliance.consensus` and :func:`alliance.power`: pillar 5;
- :mod:`alliance.data`: the embedded panel;
- :func:`alliance.report`: the whole report folder.

Errors are :class:`alliance.Error` subclasses (:mod:`alliance.errors`).
"""

from __future__ import annotations

import os
from typing import Optional

from . import capability, consensus, data, discourse, errors, models, network, supply
from . import _alliance
from ._inputs import PathLike, data_dir, path_or_empty
from ._tables import Tables
from .consensus import power
from .errors import (Cancelled, Error, InternalError, InvalidArgument, IOFailure, NotFound,
                     ParseError)

__all__ = ["supply", "discourse", "network", "capability", "models", "consensus", "power", "data", "errors",
           "report", "Tables", "Error", "ParseError",
           "InvalidArgument", "NotFound", "IOFailure", "Cancelled", "InternalError"]

__version__ = "0.1.0"


def report(output: PathLike = "out/report", config: Optional[PathLike] = None, seed: int = 1,
           threads: int = 1) -> str:
    """Runs every pillar and writes the report folder (``alliance report``).

    Args:
        output: the report folder (replaced atomically); default
            ``out/report`` under the current directory.
        config: a ``report.toml`` with your own panel, rules and parameters
            (docs/report.md); ``None``: the embedded data.
        seed: the seed of every Monte Carlo stream (recorded in ``run.json``).
        threads: worker threads of the Monte Carlo steps (>= 1); the numbers do
            not depend on it.

    Returns:
        The path of the report's ``index.html``.

    Raises:
        alliance.ParseError: the config is malformed.
        alliance.IOFailure: the folder cannot be written.
    """
    if int(threads) < 1:
        raise InvalidArgument(f"threads: {threads} must be at least 1")
    _alliance.report(data_dir(), os.fspath(output), path_or_empty(config), int(seed), int(threads))
    return os.path.join(os.fspath(output), "index.html")
