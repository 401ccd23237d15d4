"""No docstring or comment under src/carenet quotes a measured time: figures go stale, so they
belong in what the scripts in benchmarks/ print. A docstring keeps the reason for a design choice
in words and names the benchmark that measures it (issue 17, "Tidy")."""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "src" / "carenet"

_NUMBER = r"(?<![\w.,])\d[\d,]*(?:\.\d+)?(?:\s?[-–]\s?\d[\d,]*(?:\.\d+)?)?"
_TIME_UNIT = r"(?:ms|µs|us|ns|milliseconds?|microseconds?|secs?|seconds?|minutes?|s)"
FIGURE = re.compile(
    _NUMBER
    + r"\s?(?:"
    + _TIME_UNIT
    + r"(?![\w/])"  # a time: 1.8 ms, 0.5-0.8 s, 95-112 µs
    + r"|k?\s?(?:requests|rows|records|queries|writes|calls)?\s?/\s?s\b"  # a rate: 499 requests/s, 106k rows/s
    + r"|(?:x|×|times)\s+(?:faster|slower|as fast|as slow)"  # a measured ratio: 3-10x faster
    + r")"
)
"""A measured figure: a number (or a range) with a unit of time, a rate, or an "N times faster"."""

ALLOWED_BEFORE = re.compile(
    r"(?:timeout|time-out|deadline|debounce|interval|grace|wait|waits|sleep|sleeps|every|within|at most|"
    r"at least|no more than|up to|default|defaults to|limit|target|after)"
    r"(?:\s+(?:of|is|to|=|:))?(?:\s+about)?\s*$",
    re.IGNORECASE,
)
"""Text just before a figure that makes it a setting or a target, not a measurement: "a timeout of
30 s", "polls every 2 s", "at most 100 ms" (the figure a setting's default or a target states)."""

DECADE = re.compile(r"^\d{4}s$")


def timing_figures(text: str) -> list[str]:
    """The measured figures quoted in ``text`` (whitespace folded, so a figure split over two lines counts)."""
    flat = " ".join(text.split())
    found = []
    for match in FIGURE.finditer(flat):
        if DECADE.match(match.group()) or ALLOWED_BEFORE.search(flat[max(0, match.start() - 40) : match.start()]):
            continue
        found.append(flat[max(0, match.start() - 50) : match.end() + 20])
    return found


def prose(path: Path) -> list[tuple[int, str]]:
    """Every comment and docstring of a module (a string that stands as a statement of its own:
    module, class, function and attribute docstrings), with its line."""
    source = path.read_text(encoding="utf-8")
    texts = [
        (token.start[0], token.string)
        for token in tokenize.generate_tokens(io.StringIO(source).readline)
        if token.type == tokenize.COMMENT
    ]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            texts.append((node.lineno, node.value.value))
    return texts


@pytest.mark.parametrize(
    "text",
    [
        "took a small query from 2.5 ms to 70 ms at the median",
        "main-thread CPU 1.73\n    ms before, 1.37 ms after",
        "loads the 42-system demo in 12.3-13.7 s, against 18.0-19.5 s",
        "a bare call took 95-112 µs under uvloop",
        "with 16 clients 239-335 requests/s against 196-251",
        "``COPY`` 16k rows/s at 1,000 rows",
        "measured 3-10x faster on LadybugDB",
        "the import took 16 seconds",
    ],
)
def test_a_measured_figure_is_found(text):
    assert timing_figures(text), text


@pytest.mark.parametrize(
    "text",
    [
        "a request that runs longer than a timeout of 30 s is cancelled",
        "the map polls every 2 s",
        "Target (issue 19): at most 100 ms.",
        "the debounce_s setting, default 0.5 s",
        "ties(first: 500) costs 500 + 500 x 500 = 250,500",
        "a 42-system demo in the 1990s",
        "the 95% Wilson interval",
    ],
)
def test_a_setting_or_a_target_is_not_a_measurement(text):
    assert not timing_figures(text), text


def test_no_docstring_or_comment_quotes_a_measured_time():
    offenders = [
        f"{path.relative_to(ROOT)}:{line}: ...{figure}..."
        for path in sorted(SOURCE.rglob("*.py"))
        for line, text in prose(path)
        for figure in timing_figures(text)
    ]
    assert len(list(SOURCE.rglob("*.py"))) > 50  # the scan reads the package, not an empty folder
    assert not offenders, "say it in words and name the benchmark in benchmarks/ instead:\n" + "\n".join(offenders)
