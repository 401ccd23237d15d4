"""Fuzz every importer with generated files (prints figures; asserts nothing). Issue 16.

Each importer :func:`carenet.interchange.read_file` dispatches to gets generated files for a
bounded time: template CSVs of every kind (read a column at a time and row by row), the NHS ODS
extracts, survey edge lists, node-link JSON and XLSX workbooks. Inputs come from hypothesis
strategies: raw bytes; CSV text with the kind's own header and cells drawn from values that sit
near the rules (uids, dates, numbers, quotes, line breaks, formula text, odd Unicode, long
cells), sometimes in another encoding or with a byte-order mark; JSON shaped like node-link
documents or arbitrary; and workbooks built with openpyxl, or a real template workbook with bytes
flipped, truncated or its zip entries replaced.

A clean answer is a :class:`~carenet.interchange.records.Parsed` (with or without problems) or
one of carenet's own errors (:class:`carenet.errors.CarenetError`); anything else raised is a
non-clean failure, printed with its input (shortened). The reading happens in this process, with
each file written under a temporary folder as an upload is.

    .venv/bin/python benchmarks/fuzz_importers.py [--seconds 120] [--seed 16] [--round 10]
"""

from __future__ import annotations

import argparse
import collections
import io
import json
import random
import sys
import tempfile
import time
import traceback
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from carenet.errors import CarenetError
from carenet.interchange import KINDS, read_file, template_workbook_bytes
from carenet.interchange.limits import Limits
from carenet.interchange.ods import LAYOUTS
from carenet.interchange.survey import COLUMNS as SURVEY_COLUMNS

LIMITS = Limits(cell_chars=2_000, xlsx_bytes=20_000_000, xlsx_ratio=200)

CELLS = st.one_of(
    st.sampled_from(
        [
            "",
            " ",
            "uid-1",
            "s1-team-1",
            "s1-org-1",
            "health",
            "social_care",
            "nhs_trust",
            "team",
            "2025-04-01",
            "2025-02-30",
            "0001-01-01",
            "9999-12-31",
            "true",
            "no",
            "1",
            "0",
            "-1",
            "1e308",
            "nan",
            "inf",
            "3.5",
            "4",
            "5",
            "referral;joint_meeting",
            ";;",
            "a;b;;c",
            "#note",
            "=1+1",
            '\'=HYPERLINK("x")',
            "@SUM(A1)",
            "\t",
            "\r\n",
            '"',
            '""',
            ",",
            "\u00a0",
            "\u202e",
            "\ufeff",
            "\u2028",
            "\x00",
            "𝔘𝔫𝔦",
            "x" * 2_001,
        ]
    ),
    st.text(max_size=40),
    st.integers().map(str),
    st.floats(allow_nan=True).map(repr),
    st.dates().map(lambda d: d.isoformat()),
)


def _csv_text(header: list[str]) -> st.SearchStrategy[bytes]:
    """CSV files with ``header`` (sometimes shuffled, cut, doubled) and rows of near-miss cells."""

    def build(draw_header, rows, separator, ending, encoding, bom, quote_all):
        buf = io.StringIO()
        import csv

        writer = csv.writer(
            buf, delimiter=separator, lineterminator=ending, quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL
        )
        writer.writerow(draw_header)
        for row in rows:
            writer.writerow(row)
        text = buf.getvalue()
        try:
            data = text.encode(encoding)
        except UnicodeEncodeError:
            data = text.encode("utf-8", "surrogatepass") if encoding == "utf-8" else text.encode("utf-8", "replace")
        return (b"\xef\xbb\xbf" if bom else b"") + data

    headers = st.one_of(
        st.just(header), st.permutations(header), st.lists(st.sampled_from(header + ["extra", ""]), max_size=12)
    )
    return st.builds(
        build,
        headers,
        st.lists(st.lists(CELLS, max_size=len(header) + 2), max_size=12),
        st.sampled_from([",", ",", ",", ";", "\t"]),
        st.sampled_from(["\n", "\r\n", "\r"]),
        st.sampled_from(["utf-8", "utf-8", "utf-8", "latin-1", "utf-16"]),
        st.booleans(),
        st.booleans(),
    )


def _ods_rows() -> st.SearchStrategy[bytes]:
    code = st.one_of(st.from_regex(r"[A-Z0-9]{3,6}", fullmatch=True), CELLS)
    row = st.tuples(code, CELLS, st.lists(CELLS, min_size=0, max_size=25))
    return st.lists(row, max_size=10).map(
        lambda rows: "".join(
            ",".join(['"' + c.replace('"', '""') + '"' for c in [a, b, *rest]]) + "\n" for a, b, rest in rows
        ).encode("utf-8", "replace")
    )


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=5),
    max_leaves=20,
)
LABELS = ["Team", "Organisation", "Person", "System", "Place", "Demographic", "Baseline", "Nope", ""]
RELS = ["COLLABORATES_WITH", "PART_OF", "WORKS_WITH", "MEMBER_OF", "DESCRIBES", "NOPE"]


def _node_link() -> st.SearchStrategy[bytes]:
    node = st.fixed_dictionaries(
        {"id": CELLS, "type": st.sampled_from(LABELS)},
        optional={
            "name": CELLS,
            "sector": CELLS,
            "kind": CELLS,
            "level": CELLS,
            "uid": CELLS,
            "ethnic_category": CELLS,
            "extra": JSON,
        },
    )
    edge = st.fixed_dictionaries(
        {"source": CELLS, "target": CELLS, "type": st.sampled_from(RELS)},
        optional={"uid": CELLS, "kinds": st.lists(CELLS, max_size=3), "trust": JSON, "wave": CELLS},
    )
    doc = st.fixed_dictionaries(
        {"nodes": st.lists(node, max_size=8)},
        optional={
            "edges": st.lists(edge, max_size=8),
            "links": st.lists(edge, max_size=3),
            "directed": JSON,
            "multigraph": JSON,
            "graph": JSON,
        },
    )
    return st.one_of(
        doc.map(lambda d: json.dumps(d, default=str).encode()),
        JSON.map(lambda d: json.dumps(d).encode()),
        st.binary(max_size=200),
    )


_TEMPLATE = template_workbook_bytes()


def _workbook(kind: str, rows: list[list[str]], header_cut: int, formula: bool) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = kind
    names = KINDS[kind].names
    ws.append(names[: max(1, len(names) - header_cut)])
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    for row in rows:  # characters a worksheet cannot hold at all are left out (openpyxl refuses them)
        ws.append([ILLEGAL_CHARACTERS_RE.sub("", c) if isinstance(c, str) else c for c in row])
    if formula:
        ws["A3"] = "=1+1"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _mutated(data: bytes, rnd: random.Random, how: int) -> bytes:
    if how == 0:  # flip bytes
        out = bytearray(data)
        for _ in range(rnd.randint(1, 20)):
            out[rnd.randrange(len(out))] = rnd.randrange(256)
        return bytes(out)
    if how == 1:  # truncate
        return data[: rnd.randrange(len(data))]
    # replace one entry of the zip with junk, or a highly compressible one
    src = zipfile.ZipFile(io.BytesIO(data))
    names = src.namelist()
    victim = rnd.choice(names)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for name in names:
            payload = src.read(name)
            if name == victim:
                payload = rnd.choice([b"", b"<x", b"\x00" * 1000, b"<a>" * 2000, rnd.randbytes(300)])
            out.writestr(name, payload)
    return buf.getvalue()


def _xlsx() -> st.SearchStrategy[bytes]:
    kinds = st.sampled_from(sorted(KINDS))
    built = st.builds(
        _workbook,
        kinds,
        st.lists(
            st.lists(
                st.one_of(CELLS, st.integers(), st.floats(allow_nan=False), st.booleans(), st.dates()), max_size=8
            ),
            max_size=6,
        ),
        st.integers(0, 3),
        st.booleans(),
    )
    mutated = st.builds(
        lambda s, how: _mutated(_TEMPLATE, random.Random(s), how), st.integers(0, 2**32), st.integers(0, 2)
    )
    return st.one_of(built, mutated, st.binary(max_size=300))


def targets() -> list[tuple[str, str, st.SearchStrategy[bytes], bool]]:
    """(importer, file name, inputs, columnar)."""
    out = []
    for name, kind in sorted(KINDS.items()):
        strategy = st.one_of(_csv_text(list(kind.names)), st.binary(max_size=300))
        out.append((f"template {name} (columns)", f"{name}.csv", strategy, True))
        out.append((f"template {name} (rows)", f"{name}.csv", strategy, False))
    for stem in sorted(LAYOUTS):
        out.append((f"ODS {stem}", f"{stem}.csv", st.one_of(_ods_rows(), st.binary(max_size=300)), True))
    survey = st.one_of(
        _csv_text([c.name for c in SURVEY_COLUMNS]), _csv_text(["ego", "alter", "type"]), st.binary(max_size=300)
    )
    out.append(("survey", "survey.csv", survey, True))
    out.append(("node-link JSON", "graph.json", _node_link(), True))
    out.append(("XLSX", "book.xlsx", _xlsx(), True))
    out.append(
        ("unknown CSV", "anything.csv", st.one_of(_csv_text(["uid", "name", "what"]), st.binary(max_size=300)), True)
    )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=120.0, help="time to run for")
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--round", type=int, default=10, help="inputs per importer between turns")
    args = parser.parse_args()

    tried: collections.Counter[str] = collections.Counter()
    outcomes: collections.Counter[str] = collections.Counter()
    failures: dict[tuple[str, str], tuple[str, bytes]] = {}
    deadline = time.monotonic() + args.seconds
    folder = Path(tempfile.mkdtemp(prefix="carenet-fuzz-"))
    plan = targets()
    turn = 0
    while time.monotonic() < deadline:
        for label, file_name, strategy, columnar in plan:
            if time.monotonic() >= deadline:
                break

            @seed(args.seed * 100_003 + turn)
            @settings(
                max_examples=args.round,
                deadline=None,
                database=None,
                derandomize=False,
                suppress_health_check=list(HealthCheck),
            )
            @given(strategy)
            def one(data: bytes) -> None:  # run within this iteration of the loop: B023 is noqa below
                if time.monotonic() >= deadline:
                    return
                tried[label] += 1  # noqa: B023
                path = folder / file_name  # noqa: B023
                path.write_bytes(data)
                try:
                    parsed = read_file(path, columnar=columnar, limits=LIMITS)  # noqa: B023
                    outcomes["problems" if parsed.problems else "read"] += 1
                except CarenetError:
                    outcomes["carenet error"] += 1
                except Exception as exc:  # noqa: BLE001 - what the fuzzing looks for
                    outcomes["non-clean"] += 1
                    frame = traceback.extract_tb(exc.__traceback__)[-1]
                    key = (label, f"{type(exc).__name__} at {Path(frame.filename).name}:{frame.lineno}")  # noqa: B023
                    failures.setdefault(key, (str(exc)[:200], data[:300]))

            try:
                one()
            except Exception as exc:  # noqa: BLE001 - a strategy that failed to build an input, not an importer
                outcomes["generator error"] += 1
                print(f"generator error for {label}: {type(exc).__name__}: {str(exc)[:120]}", file=sys.stderr)
            turn += 1
    total = sum(tried.values())
    print(f"fuzz_importers: {total:,} inputs in {args.seconds:.0f} s (seed {args.seed}), {len(plan)} importers")
    for label, _, _, _ in plan:
        print(f"  {label:<40} {tried[label]:>7,}")
    print("outcomes: " + ", ".join(f"{k} {v:,}" for k, v in sorted(outcomes.items())))
    if not failures:
        print("non-clean failures: none")
    for (label, where), (message, data) in sorted(failures.items()):
        print(f"NON-CLEAN {label}: {where}: {message}\n  input: {data!r}")
    sys.exit(0)


if __name__ == "__main__":
    main()
