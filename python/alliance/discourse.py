"""Pillar 2: lexicon measurement of dated corpora (``alliance discourse ...``;
docs/discourse.md defines the measures).

A corpus is one of:

- ``None``: the default embedded corpus, ``"@ungdc-allies"`` (the allies'
  UN General Debate speeches); ``"@sotu"`` names the US State of the Union
  addresses. An embedded corpus brings its own reader options and default
  grouping, as in the CLI; every function here defaults to it, as the
  CLI's commands do;
- a path, or a list of paths (``"@name"`` among them): JSON Lines files, CSV files (``*.csv``), folders
  of ``.txt`` files, compressed ``.zst``/``.gz`` (docs/formats/corpus.md);
- a pandas DataFrame with the columns ``id``, ``date`` and ``text`` (the
  names ``id_field``, ``date_field`` and ``text_field`` give); every other
  column is metadata that ``by=`` can group on. Dates are ``YYYY-MM-DD``
  strings, RFC 3339 timestamps or datetime64 values;
- an iterable of dicts with the same keys (e.g. tweets as parsed JSON).

A DataFrame is streamed to the engine without copying the texts, so a corpus
in memory is counted about as fast as the same corpus in a file.

A lexicon is ``None`` (the article's, ``data/paper2024/lexicon.yaml``), a path
(quanteda YAML, LIWC ``.dic``, Lexicoder ``.lc3``) or a dict ``{category:
[patterns]}`` whose patterns are words, globs (``law*``) or phrases, as in
docs/formats/lexicon.md.
"""

from __future__ import annotations

import json
import os
import warnings
from pathlib import Path
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Union

import pandas as pd

from . import _alliance
from ._inputs import PathLike, data_dir, documented as _documented, path_or_empty
from ._tables import Tables, frame
from .errors import InvalidArgument

__all__ = ["count", "kwic", "types", "trend", "compare"]

Corpus = Union[None, PathLike, Sequence[PathLike], pd.DataFrame, Iterable[Mapping[str, Any]]]
Lexicon = Union[None, PathLike, Mapping[str, Union[str, Sequence[str]]]]

_READER_OPTIONS = {"tokenizer", "text_field", "date_field", "id_field", "year_field", "year_day", "skip_bad",
                   "local_dates", "corpus_format", "metadata"}

_READER_PARAMETERS = """
    Reader options (as the CLI's):
        tokenizer: ``"simple"`` (the canonical tokenizer) or ``"icu"``
            (Unicode word breaks).
        text_field, date_field, id_field: the columns (or JSON keys) holding
            the text, the date and the document id; default ``text``, ``date``,
            ``id``.
        year_field: a column holding a year YYYY, used as YYYY-``year_day``
            when a document has no date; default none.
        year_day: ``MM-DD``, the day of a document dated by ``year_field``;
            default ``01-01``.
        skip_bad: skip bad documents (with a warning that counts them) instead
            of raising at the first one; default False.
        local_dates: a timestamp's date is its writer's calendar date, not the
            UTC one; default False.
        corpus_format: for files: ``"auto"`` (by name), ``"jsonl"`` or ``"csv"``.
        metadata: for a folder of ``.txt`` files, the metadata CSV (column
            ``file``); default ``FOLDER/metadata.csv``."""


def _is_path(value: Any) -> bool:
    return isinstance(value, (str, os.PathLike))


def _column_values(series: pd.Series, is_date: bool) -> List[Any]:
    # The engine takes the cells as they are: str in place, None/NaN/NA as
    # missing, anything else as its str() (a scan for missing values here
    # would cost more than the encoding).
    if is_date and pd.api.types.is_datetime64_any_dtype(series):
        series = series.dt.strftime("%Y-%m-%d")
    return series.tolist()


def _lexicon_yaml(lexicon: Mapping[str, Union[str, Sequence[str]]]) -> str:
    # JSON strings are YAML double-quoted scalars: any category or pattern text is safe.
    lines = []
    for category, patterns in lexicon.items():
        lines.append(f"{json.dumps(str(category))}:")
        for pattern in [patterns] if isinstance(patterns, str) else patterns:
            lines.append(f"  - {json.dumps(str(pattern))}")
    return "\n".join(lines) + "\n"


def _spec(corpus: Corpus, lexicon: Lexicon, options: Dict[str, Any]) -> "_alliance.CorpusSpec":
    unknown = set(options) - _READER_OPTIONS
    if unknown:
        raise TypeError(f"unknown reader option {', '.join(sorted(unknown))}; "
                        f"the options are {', '.join(sorted(_READER_OPTIONS))}")
    spec = _alliance.CorpusSpec()
    spec.data_dir = data_dir()
    spec.tokenizer = options.get("tokenizer", "simple")
    spec.text_field = options.get("text_field", "text")
    spec.date_field = options.get("date_field", "date")
    spec.id_field = options.get("id_field", "id")
    spec.year_field = options.get("year_field") or ""
    spec.skip_bad = bool(options.get("skip_bad", False))
    spec.local_dates = bool(options.get("local_dates", False))
    spec.format = options.get("corpus_format", "auto")
    spec.metadata = path_or_empty(options.get("metadata"))
    if "year_day" in options:
        spec.year_day = options["year_day"]
    if corpus is None:
        spec.paths = []  # the default embedded corpus
    elif _is_path(corpus):
        spec.paths = [os.fspath(corpus)]
    elif isinstance(corpus, (list, tuple)) and corpus and all(_is_path(c) for c in corpus):
        spec.paths = [os.fspath(c) for c in corpus]
    else:
        table = corpus if isinstance(corpus, pd.DataFrame) else pd.DataFrame.from_records(list(corpus))
        spec.columns = [str(c) for c in table.columns]
        spec.values = [_column_values(table[c], str(c) == spec.date_field) for c in table.columns]
    if lexicon is None:
        spec.lexicon_path = str(Path(data_dir()) / "paper2024" / "lexicon.yaml")
    elif _is_path(lexicon):
        spec.lexicon_path = os.fspath(lexicon)
    else:
        spec.lexicon_yaml = _lexicon_yaml(lexicon)
    return spec


def _year_as_int(result: pd.DataFrame) -> pd.DataFrame:
    """A ``year`` key holds calendar years: int64, not labels (the engine's
    group keys are text)."""
    if "year" in result and len(result) and result["year"].map(lambda v: isinstance(v, str) and v.isdigit()).all():
        result["year"] = result["year"].astype("int64")
    return result


def _tables(result) -> List[dict]:
    entries, messages, skipped = result
    if skipped:
        listed = "; ".join(messages)
        warnings.warn(f"alliance: skipped {skipped} bad document(s): {listed}", stacklevel=3)
    return entries


@_documented(_READER_PARAMETERS, "reader")
def count(corpus: Corpus = None, lexicon: Lexicon = None, by: Optional[Sequence[str]] = None,
          split_date: Optional[str] = None, tokenizer: str = "simple", threads: int = 1,
          max_groups: int = 1_000_000, breaks: Sequence[str] = (), country_field: Optional[str] = None,
          joins: Sequence[str] = (), join_missing: str = "error", **reader: Any) -> pd.DataFrame:
    """Lexicon matches per group of documents and category
    (``alliance discourse count``).

    Args:
        corpus: the documents (see the module's help); default the allies' UN
            General Debate speeches (``"@ungdc-allies"``).
        lexicon: the categories and their patterns; default the article's.
        by: the group keys, in order: ``"year"``, ``"quarter"``, ``"month"``,
            ``"week"``, ``"period"`` (pre/post ``split_date``, or the periods of
            ``breaks``), ``"member"``, ``"region"``, ``"group:NAME"`` (from the
            country, see ``country_field``) or any metadata column. Default
            ``("year", "author")``; an embedded corpus's own default otherwise.
        split_date: ``YYYY-MM-DD`` for ``by`` holding ``"period"``: documents
            before it are ``pre``, the others ``post``.
        breaks: ``YYYY-MM-DD`` dates, ascending, that cut the timeline into
            periods named by their first day (instead of ``split_date``).
        country_field: the column holding each document's ISO 3166-1 alpha-3
            country, for the keys ``member``, ``region`` and ``group:NAME``.
        joins: ``"FILE:FIELD=COLUMN"`` each: the CSV FILE's row whose COLUMN
            equals the document's FIELD lends its columns as group keys.
        join_missing: ``"error"`` (default) or ``"keep"`` a document whose
            FIELD is not in a joined table (its joined keys empty).
        threads: worker threads (>= 1); the counts do not depend on it.
        max_groups: refuse more distinct groups than this (memory grows with
            every group).
    {reader}

    Returns:
        One row per group x category: the ``by`` keys (text, but ``year``
        as int64), ``category``, ``matches``, ``docs``, ``tokens`` (int64),
        ``per_doc`` (matches per document) and ``per_1k_tokens`` (matches per
        1,000 tokens), float64.
    """
    if join_missing not in ("error", "keep"):
        raise InvalidArgument(f"join_missing: '{join_missing}' must be error or keep")
    spec = _spec(corpus, lexicon, dict(reader, tokenizer=tokenizer))
    grouping = _alliance.Grouping()
    grouping.by = [] if by is None else [by] if isinstance(by, str) else list(by)
    grouping.split_date = split_date or ""
    grouping.breaks = list(breaks)
    grouping.country_field = country_field or ""
    grouping.joins = [joins] if isinstance(joins, str) else list(joins)
    grouping.join_missing_keep = join_missing == "keep"
    grouping.max_groups = int(max_groups)
    return _year_as_int(frame(_tables(_alliance.discourse_count(spec, grouping, int(threads)))[0]))


@_documented(_READER_PARAMETERS, "reader")
def kwic(corpus: Corpus = None, lexicon: Lexicon = None, category: Optional[str] = None,
         pattern: Optional[str] = None, window: int = 5, sample: Optional[int] = None, seed: int = 1,
         tokenizer: str = "simple", **reader: Any) -> pd.DataFrame:
    """Keyword in context: every match of a category or of one pattern
    (``alliance discourse kwic``).

    Args:
        corpus, lexicon: as in :func:`count`.
        category: a category of the lexicon; give exactly one of ``category``
            and ``pattern``.
        pattern: one value instead of a category: a word, glob or phrase.
        window: tokens of original text on each side (>= 0); default 5.
        sample: list a reproducible uniform sample of this many matches
            (a precision audit); default every match.
        seed: the seed of the sample; same seed and corpus, same lines.
    {reader}
    """
    spec = _spec(corpus, lexicon, dict(reader, tokenizer=tokenizer))
    return frame(_tables(_alliance.discourse_kwic(spec, category or "", pattern or "", int(window),
                                                  None if sample is None else int(sample), int(seed)))[0])


@_documented(_READER_PARAMETERS, "reader")
def types(corpus: Corpus = None, lexicon: Lexicon = None, category: Optional[str] = None,
          tokenizer: str = "simple", **reader: Any) -> pd.DataFrame:
    """Every distinct token (or phrase) each pattern counted, most frequent
    first (``alliance discourse types``): what ``law*`` really caught.

    Args:
        corpus, lexicon: as in :func:`count`.
        category: only this category; default all.
    {reader}
    """
    spec = _spec(corpus, lexicon, dict(reader, tokenizer=tokenizer))
    return frame(_tables(_alliance.discourse_types(spec, category or ""))[0])


@_documented(_READER_PARAMETERS, "reader")
def trend(corpus: Corpus = None, lexicon: Lexicon = None, category: str = "", by: str = "year",
          measure: str = "per_1k_tokens", threads: int = 1, tokenizer: str = "simple",
          table: Optional[str] = None, **reader: Any) -> Union[Tables, pd.DataFrame]:
    """Mann-Kendall trend test and Sen's slope of a category's rate over
    periods (``alliance discourse trend``).

    Args:
        corpus, lexicon: as in :func:`count`.
        category: the category (required).
        by: the period: ``"year"``, ``"month"`` or a column sorting in time
            order; Sen's slope is per year, per month or per period.
        measure: ``"per_1k_tokens"`` or ``"per_doc"``.
        threads: worker threads (>= 1); the result does not depend on it.
        table: ``None`` (default) for both tables (``trend``, ``series``), or
            one name.
    {reader}
    """
    spec = _spec(corpus, lexicon, dict(reader, tokenizer=tokenizer))
    tables = Tables(_tables(_alliance.discourse_trend(spec, category, by, measure, int(threads))))
    for name in tables:
        _year_as_int(tables[name])
    return tables if table is None else tables[table]


@_documented(_READER_PARAMETERS, "reader")
def compare(corpus: Corpus = None, lexicon: Lexicon = None, split_date: str = "", category: Optional[str] = None,
            bootstrap: int = 2000, level: float = 0.95, seed: int = 1, threads: int = 1,
            tokenizer: str = "simple", **reader: Any) -> pd.DataFrame:
    """Rates after minus before a split date, with seeded percentile bootstrap
    intervals (``alliance discourse compare``).

    Args:
        corpus, lexicon: as in :func:`count`.
        split_date: ``YYYY-MM-DD`` (required): ``pre`` before it, ``post`` from it.
        category: only this category; default all.
        bootstrap: bootstrap replicates (>= 1); default 2000.
        level: the confidence level of the intervals (0.5-0.999); default 0.95.
        seed: the bootstrap seed; the intervals do not depend on ``threads``.
        threads: bootstrap worker threads (>= 1).
    {reader}
    """
    if not 0.5 <= float(level) <= 0.999:
        raise InvalidArgument(f"level: {level} is outside 0.5-0.999")
    spec = _spec(corpus, lexicon, dict(reader, tokenizer=tokenizer))
    return frame(_tables(_alliance.discourse_compare(spec, split_date, category or "", int(bootstrap), float(level),
                                                     int(seed), int(threads)))[0])
