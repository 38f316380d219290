#!/usr/bin/python3
"""Writes the seeds of the fuzz targets whose seeds are derived from the
project's real files (docs/reliability.md), so that they are never typed by
hand and can be made again when the files change:

  nato_workbook    the June 2024 NATO workbook: the whole file (first byte 0)
                   and each part the importer reads (first byte k = 1..10, the
                   part's XML), in nato_workbook_fuzz.cc's kParts order;
  input_split      small JSON Lines and CSV corpora (first byte: bit 0 CSV,
                   bit 1 skip_bad) cut from tests/fixtures/discourse and
                   data/corpora (zstd-compressed there; read with the zstd
                   command), the CSV ones with quoted fields holding line ends;
  rule_expression  every rule expression quoted in docs/, tests/ and python/
                   (and the preset names).

Uses Debian's python3 standard library only. Usage (from anywhere):
  fuzz/make_seeds.py [TARGET...]      (default: all three)
"""
import csv
import hashlib
import io
import json
import pathlib
import re
import subprocess
import sys
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fuzz" / "seeds"

# The order of kParts in fuzz/nato_workbook_fuzz.cc.
WORKBOOK = ROOT / "data/nato/edition_2024_june/240617-def-exp-2024-TABLES-en.xlsx"
WORKBOOK_PARTS = [
    "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml",
    "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml", "xl/worksheets/sheet5.xml",
    "xl/worksheets/sheet6.xml", "xl/worksheets/sheet7.xml", "xl/worksheets/sheet8.xml",
    "xl/worksheets/sheet9.xml",
]


def write(target, name, data):
    folder = SEEDS / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)


def fresh(target):
    folder = SEEDS / target
    if folder.exists():
        for path in folder.iterdir():
            path.unlink()


# Findings of nato_workbook_fuzz, replayed as seeds: (name, part, the real
# text, its replacement); the regression tests are in
# tests/core/nato_workbook_test.cc (Issue16CellReferenceBeyondIntIsAnError).
WORKBOOK_FINDINGS = [
    ("issue_16_row_beyond_int", "xl/worksheets/sheet3.xml", b'<c r="D11" s="126">', b'<c r="D99999999999" s="126">'),
    ("issue_16_column_beyond_int", "xl/worksheets/sheet3.xml", b'<c r="D11" s="126">',
     b'<c r="ZZZZZZZZZZZZ11" s="126">'),
]


def nato_workbook():
    fresh("nato_workbook")
    write("nato_workbook", "whole.xlsx", bytes([0]) + WORKBOOK.read_bytes())
    with zipfile.ZipFile(WORKBOOK) as book:
        for k, part in enumerate(WORKBOOK_PARTS, start=1):
            name = "part%02d_%s" % (k, part.replace("/", "_"))
            write("nato_workbook", name, bytes([k]) + book.read(part))
        for name, part, real, replacement in WORKBOOK_FINDINGS:
            text = book.read(part)
            if real not in text:
                sys.exit("make_seeds: %s has no %r" % (part, real))
            mode = WORKBOOK_PARTS.index(part) + 1
            write("nato_workbook", name, bytes([mode]) + text.replace(real, replacement, 1))


def zstd_lines(path, count):
    """The first `count` lines of a zstd-compressed file, as text."""
    with subprocess.Popen(["zstd", "-dc", str(path)], stdout=subprocess.PIPE) as process:
        lines = []
        for line in io.TextIOWrapper(process.stdout, encoding="utf-8", newline=""):
            lines.append(line)
            if len(lines) == count:
                break
        process.kill()
    return lines


def shorten(text, limit):
    """`text` cut to at most `limit` characters at a space."""
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0]


def csv_text(header, rows):
    out = io.StringIO(newline="")
    writer = csv.writer(out)  # quotes fields with commas, quotes and line ends; CRLF record ends
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def input_split():
    fresh("input_split")
    jsonl, csv_mode = 0, 1
    sample = (ROOT / "tests/fixtures/discourse/sample.jsonl").read_text(encoding="utf-8").splitlines(True)
    write("input_split", "sample12.jsonl", bytes([jsonl]) + "".join(sample[:12]).encode())
    mini = (ROOT / "tests/fixtures/discourse/analysis/mini.jsonl").read_bytes()
    write("input_split", "mini.jsonl", bytes([jsonl]) + mini)
    write("input_split", "mini_skip_bad.jsonl", bytes([jsonl | 2]) + mini)
    ungdc = [json.loads(line) for line in zstd_lines(ROOT / "data/corpora/ungdc_allies/ungdc_allies_1946-2024.jsonl.zst", 3)]
    for record in ungdc:
        record["text"] = shorten(record["text"], 1200)
    text = "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in ungdc)
    write("input_split", "ungdc3.jsonl", bytes([jsonl]) + text.encode())
    # The sample's documents as CSV: its interview texts hold line ends and
    # its texts quotes, so the fields are quoted across lines.
    records = [json.loads(line) for line in sample[:16]]
    rows = [[r["id"], r["date"], r["author"], r["text"]] for r in records]
    text = csv_text(["id", "date", "author", "text"], rows)
    if "\n" not in "".join(r[3] for r in rows):
        sys.exit("make_seeds: the sample's first documents have no line end inside a text")
    write("input_split", "sample16.csv", bytes([csv_mode]) + text.encode())
    write("input_split", "sample16_skip_bad.csv", bytes([csv_mode | 2]) + text.encode())
    sotu = list(csv.reader(zstd_lines(ROOT / "data/corpora/sotu/sotu_1790-2021_stdlib.csv.zst", 4)))
    header, rows = sotu[0], [row[:-1] + [shorten(row[-1], 1500)] for row in sotu[1:4]]
    write("input_split", "sotu3.csv", bytes([csv_mode]) + csv_text(header, rows).encode())


# A quoted string in a doc, a test or a Python file.
QUOTED = re.compile(r'''"((?:[^"\\\n]|\\.)*)"|'([^'\n]*)'|`([^`\n]*)`''')
# Only the grammar's characters, starting with a criterion: a column and a
# comparison followed by a quota or the end (the documented error example).
EXPRESSION = re.compile(r"^[\w\s().%<>=]+$")
COMPARISON = re.compile(r"^\(?\s*[A-Za-z_]\w*\s*(>=|>|<)\s*(\d|$)")
PRESETS = {"eu-lisbon", "eu-nice", "nato-qmv-gdp"}


def rule_expression():
    fresh("rule_expression")
    files = sorted(
        list((ROOT / "docs").rglob("*.md")) + list((ROOT / "tests").rglob("*.cc")) +
        list((ROOT / "tests").rglob("*.py")) + list((ROOT / "python").rglob("*.py")) + [ROOT / "README.md"])
    expressions = set(PRESETS)
    for path in files:
        for match in QUOTED.finditer(path.read_text(encoding="utf-8", errors="replace")):
            text = next(group for group in match.groups() if group is not None)
            if EXPRESSION.match(text) and COMPARISON.match(text):
                expressions.add(text)
    for text in sorted(expressions):
        data = text.encode()
        write("rule_expression", hashlib.sha1(data).hexdigest()[:16], data)


TARGETS = {"nato_workbook": nato_workbook, "input_split": input_split, "rule_expression": rule_expression}

if __name__ == "__main__":
    for target in sys.argv[1:] or list(TARGETS):
        if target not in TARGETS:
            sys.exit("make_seeds: unknown target %s (one of %s)" % (target, ", ".join(TARGETS)))
        TARGETS[target]()
        print("%s: %d seeds" % (target, len(list((SEEDS / target).iterdir()))))
