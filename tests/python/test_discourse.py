"""alliance.discourse against `alliance discourse ...`; in-memory corpora
(DataFrame, dicts) and lexicons (dict) against the same data in files."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import alliance
from conftest import SOURCE_DIR, assert_frame_matches_csv, assert_tables_match_cli, cli_csv, run_cli

SAMPLE = SOURCE_DIR / "tests" / "fixtures" / "discourse" / "sample.jsonl"
LEXICON = SOURCE_DIR / "tests" / "fixtures" / "discourse" / "lexicon_quanteda.yaml"


def cli_tsv(*args: str):
    """The CLI's TSV: every real number in shortest round-trip form (the
    count's CSV keeps DISCOURSE.md's 6 decimals)."""
    text = run_cli(*args, "--format", "tsv")
    return [line.split("\t") for line in text.rstrip("\n").split("\n")]


def sample_frame() -> pd.DataFrame:
    return pd.read_json(SAMPLE, lines=True, dtype=False, convert_dates=False)


def test_count_embedded_corpora():
    counts = alliance.discourse.count()
    assert counts["year"].dtype == "int64"
    assert counts["matches"].dtype == "int64" and counts["per_1k_tokens"].dtype == "float64"
    assert_frame_matches_csv(counts, cli_tsv("discourse", "count"))
    sotu = alliance.discourse.count("@sotu", by=["year"])
    assert_frame_matches_csv(sotu, cli_tsv("discourse", "count", "@sotu", "--by", "year"))


def test_count_file_frame_and_dicts_agree():
    from_file = alliance.discourse.count(SAMPLE, lexicon=LEXICON)
    assert_frame_matches_csv(from_file, cli_tsv("discourse", "count", str(SAMPLE), "--lexicon", str(LEXICON)))
    from_frame = alliance.discourse.count(sample_frame(), lexicon=LEXICON)
    pd.testing.assert_frame_equal(from_frame, from_file)
    records = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
    pd.testing.assert_frame_equal(alliance.discourse.count(iter(records), lexicon=LEXICON), from_file)


def test_count_by_metadata_and_period():
    frame = sample_frame()
    by_channel = alliance.discourse.count(frame, lexicon=LEXICON, by=("month", "channel"))
    assert_frame_matches_csv(by_channel, cli_tsv("discourse", "count", str(SAMPLE), "--lexicon", str(LEXICON),
                                                 "--by", "month,channel"))
    period = alliance.discourse.count(frame, lexicon=LEXICON, by=["period", "author"], split_date="2017-01-20")
    assert set(period["period"]) == {"pre", "post"}


def read_simple_yaml(path):
    """A quanteda YAML lexicon of `category:` and `  - pattern` lines as a dict."""
    lexicon, category = {}, None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith(" "):
            lexicon[category].append(line.strip()[2:].strip().strip('"'))
        else:
            category = line.rstrip(":").strip()
            lexicon[category] = []
    return lexicon


def test_lexicon_dict_equals_file():
    lexicon = read_simple_yaml(LEXICON)
    assert len(lexicon) >= 2
    pd.testing.assert_frame_equal(alliance.discourse.count(SAMPLE, lexicon=lexicon),
                                  alliance.discourse.count(SAMPLE, lexicon=LEXICON))


def test_dates_as_datetimes():
    frame = sample_frame()
    frame["date"] = pd.to_datetime(frame["date"])
    pd.testing.assert_frame_equal(alliance.discourse.count(frame, lexicon=LEXICON),
                                  alliance.discourse.count(SAMPLE, lexicon=LEXICON))


def test_threads_do_not_change_counts():
    frame = pd.concat([sample_frame()] * 50, ignore_index=True)
    one = alliance.discourse.count(frame, lexicon=LEXICON, threads=1)
    pd.testing.assert_frame_equal(alliance.discourse.count(frame, lexicon=LEXICON, threads=2), one)
    pd.testing.assert_frame_equal(alliance.discourse.count(frame, lexicon=LEXICON, threads=4), one)


def test_kwic():
    lines = alliance.discourse.kwic(SAMPLE, lexicon=LEXICON, category="universal_values", window=3)
    assert_frame_matches_csv(lines, cli_csv("discourse", "kwic", str(SAMPLE), "--lexicon", str(LEXICON),
                                            "--category", "universal_values", "--window", "3"))
    sampled = alliance.discourse.kwic(sample_frame(), pattern="secur*", sample=5, seed=7)
    assert len(sampled) == 5
    if "file" in sampled:
        assert set(sampled["file"]) == {"<corpus>"}
    assert_frame_matches_csv(sampled.drop(columns=["file"]) if "file" in sampled else sampled,
                             _without_file(cli_csv("--seed", "7", "discourse", "kwic", str(SAMPLE),
                                                   "--pattern", "secur*", "--sample", "5")))


def _without_file(rows):
    if "file" not in rows[0]:
        return rows
    at = rows[0].index("file")
    return [row[:at] + row[at + 1:] for row in rows]


def test_types():
    assert_frame_matches_csv(alliance.discourse.types(SAMPLE, lexicon=LEXICON),
                             cli_csv("discourse", "types", str(SAMPLE), "--lexicon", str(LEXICON)))


def test_trend():
    tables = alliance.discourse.trend(category="universal_values")
    assert tables.names == ["trend", "series"]
    assert_tables_match_cli(tables, "discourse", "trend", "--category", "universal_values")


def test_compare_same_on_any_thread_count():
    result = alliance.discourse.compare(SAMPLE, lexicon=LEXICON, split_date="2017-01-20", bootstrap=200, seed=3,
                                        threads=2)
    assert_frame_matches_csv(result, cli_csv("--seed", "3", "discourse", "compare", str(SAMPLE), "--lexicon",
                                             str(LEXICON), "--split-date", "2017-01-20", "--bootstrap", "200"))
    pd.testing.assert_frame_equal(result, alliance.discourse.compare(
        SAMPLE, lexicon=LEXICON, split_date="2017-01-20", bootstrap=200, seed=3, threads=1))


def test_bad_document_in_a_frame_points_to_the_corpus():
    frame = sample_frame().head(5)
    frame.loc[3, "date"] = "2020-02-30"
    with pytest.raises(alliance.ParseError) as caught:
        alliance.discourse.count(frame, lexicon=LEXICON)
    assert caught.value.file == "<corpus>"
    assert caught.value.line == 4  # the document's position: row 3 is the fourth
    with pytest.warns(UserWarning, match="skipped 1 bad document"):
        counts = alliance.discourse.count(frame, lexicon=LEXICON, skip_bad=True)
    assert counts["docs"].sum() > 0


def test_unknown_category_and_option():
    with pytest.raises(alliance.InvalidArgument):
        alliance.discourse.types(SAMPLE, lexicon=LEXICON, category="nope")
    with pytest.raises(TypeError, match="unknown reader option"):
        alliance.discourse.count(SAMPLE, text_column="text")


def test_frame_encoding_matches_the_same_texts_in_a_file(tmp_path):
    # Texts of every str width (ASCII, Latin-1, UCS-2, UCS-4) with characters
    # that need care (quotes, backslashes, controls, non-ASCII) at every
    # position around the encoder's 16-unit blocks, and cells that are not text.
    specials = ["é", "\u201c", "😀", '"', "\\", "\n", "\t", "\x01", "\x7f", "ÿ"]
    texts = []
    for k, special in enumerate(specials):
        for position in range(0, 40, 3):
            words = "freedom democracy law fair share unity " * 2
            texts.append(words[:position] + special + words[position:] + f" lawful{special}law")
    frame = pd.DataFrame({"id": range(len(texts)), "date": ["2021-05-0%d" % (1 + i % 9) for i in range(len(texts))],
                          "author": [None if i % 7 == 0 else float("nan") if i % 11 == 0 else f"a{i % 3}"
                                     for i in range(len(texts))],
                          "text": texts})
    path = tmp_path / "corpus.jsonl"
    with open(path, "w", encoding="utf-8") as out:
        for record in frame.to_dict("records"):
            record["id"] = str(record["id"])
            record["author"] = record["author"] if isinstance(record["author"], str) else None
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    lexicon = {"values": ["freedom*", "democr*", "law*"], "fairness": ["fair*", "share*"]}
    pd.testing.assert_frame_equal(alliance.discourse.count(frame, lexicon=lexicon, by=("author",)),
                                  alliance.discourse.count(path, lexicon=lexicon, by=("author",)))
    in_memory = alliance.discourse.kwic(frame, lexicon=lexicon, category="values", window=3)
    in_file = alliance.discourse.kwic(path, lexicon=lexicon, category="values", window=3)
    columns = [c for c in in_memory.columns if c != "file"]
    pd.testing.assert_frame_equal(in_memory[columns], in_file[columns])
