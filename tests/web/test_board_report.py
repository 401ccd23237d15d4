"""``carenet report board`` for the demo system: HTML opened in Debian's Chromium (every chart
drawn), PDF printed by Chromium, and the time it takes (printed, never asserted)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from mapbrowser import Browser, missing_requirements
from typer.testing import CliRunner

from carenet.cli.main import app

runner = CliRunner()
pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def demo_data(tmp_path_factory) -> str:
    why = missing_requirements()
    if why:
        pytest.skip(why)
    data = str(tmp_path_factory.mktemp("board") / "data")
    assert runner.invoke(app, ["generate", "--data-dir", data]).exit_code == 0
    return data


def test_the_html_pack_opens_and_every_chart_is_drawn(demo_data, tmp_path: Path) -> None:
    out = tmp_path / "board.html"
    started = time.perf_counter()
    result = runner.invoke(
        app,
        ["report", "board", "--system", "s1-system", "--format", "html", "--out", str(out), "--data-dir", demo_data],
    )
    print(f"carenet report board --format html: {time.perf_counter() - started:.1f} s")
    assert result.exit_code == 0, result.output
    document = out.read_text(encoding="utf-8")
    expected = document.count("<svg data-chart=")
    assert expected >= 4 + 8 + 2  # demand per place, representation per place and dimension, network, culture
    with Browser() as browser:
        browser.goto(out.as_uri())
        drawn = browser.js("""
            return [...document.querySelectorAll('svg[data-chart]')].map(svg => {
              const box = svg.getBoundingClientRect();
              return {name: svg.dataset.chart, width: box.width, height: box.height,
                      marks: svg.querySelectorAll('path, rect, use, text').length};
            });""")
        sections = browser.js("return [...document.querySelectorAll('section h2')].map(h => h.textContent)")
    assert len(drawn) == expected
    empty = [c["name"] for c in drawn if not (c["width"] > 50 and c["height"] > 50 and c["marks"] > 5)]
    assert not empty, json.dumps(drawn)
    assert {"demand-s1-place-1", "representation-ethnic_group-s1-place-2", "leaders-network", "culture-scatter"} <= {
        c["name"] for c in drawn
    }
    assert sections[-1] == "Data: dates and sources" and "Culture beside the network" in sections


def test_the_pdf_pack_is_printed(demo_data, tmp_path: Path) -> None:
    out = tmp_path / "board.pdf"
    started = time.perf_counter()
    result = runner.invoke(
        app, ["report", "board", "--system", "s1-system", "--format", "pdf", "--out", str(out), "--data-dir", demo_data]
    )
    print(f"carenet report board --format pdf: {time.perf_counter() - started:.1f} s")
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert data.startswith(b"%PDF-") and data.count(b"/Type /Page") - data.count(b"/Type /Pages") >= 3


def test_an_unknown_system_or_format_is_refused(demo_data, tmp_path: Path) -> None:
    bad = runner.invoke(
        app,
        [
            "report",
            "board",
            "--system",
            "s1-system",
            "--format",
            "docx",
            "--out",
            str(tmp_path / "x"),
            "--data-dir",
            demo_data,
        ],
    )
    assert bad.exit_code != 0 and "html or pdf" in bad.output
    missing = runner.invoke(
        app, ["report", "board", "--system", "nowhere", "--out", str(tmp_path / "x.html"), "--data-dir", demo_data]
    )
    assert missing.exit_code != 0 and not (tmp_path / "x.html").exists()
