"""The board pack as one self-contained HTML document (charts inline as SVG, styles inline, no
scripts, nothing fetched), and as PDF through Chromium's print.

The pack comes from :func:`carenet.services.board.board_pack`; every text is escaped here.
"""

from __future__ import annotations

import html
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from carenet.interchange import charts

STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Arial,sans-serif;color:#1b1b1b;max-width:60rem;
margin:2rem auto;padding:0 1rem;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.2rem}
h2{font-size:1.2rem;border-bottom:2px solid #0072B2;padding-bottom:.2rem;margin-top:2rem}
figure{display:inline-block;margin:.5rem 1rem .5rem 0;vertical-align:top}
figcaption{font-size:.8rem;color:#444;max-width:30rem}
table{border-collapse:collapse;font-size:.8rem;margin:.5rem 0}
th,td{border:1px solid #ccc;padding:.2rem .4rem;text-align:left;vertical-align:top}
caption{text-align:left;font-weight:600;padding:.3rem 0}.meta{color:#555;font-size:.85rem}
section{page-break-inside:auto}h2{page-break-after:avoid}figure{page-break-inside:avoid}
"""


def _chart(spec: dict[str, Any]) -> str:
    kind = spec["kind"]
    if kind == "demand":
        return charts.demand_chart(spec["name"], spec["years"], spec["demand"], spec["available"])
    if kind == "shares":
        return charts.share_chart(spec["name"], spec["groups"], spec["series"])
    if kind == "scatter":
        return charts.scatter_chart(spec["name"], spec["points"], xlabel=spec["xlabel"], ylabel=spec["ylabel"])
    if kind == "network":
        return charts.network_chart(spec["name"], spec["nodes"], spec["edges"])
    raise ValueError(f"no chart kind {kind!r}")


def _table(t: dict[str, Any]) -> str:
    if not t["rows"]:
        return f'<p class="meta">{html.escape(t["caption"])}: none.</p>'
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in t["columns"])
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape('' if v is None else str(v))}</td>" for v in row) + "</tr>"
        for row in t["rows"]
    )
    caption = html.escape(t["caption"])
    return f"<table><caption>{caption}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def render_html(pack: dict[str, Any]) -> str:
    """The pack as one HTML document."""
    parts = [
        f'<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>{html.escape(pack["title"])}</title>'
        f"<style>{STYLE}</style></head><body>",
        f"<h1>{html.escape(pack['title'])}</h1>",
        f'<p class="meta">Prepared by carenet on {html.escape(pack["generated_on"])} for the board. Small numbers are '
        "suppressed throughout (shown as *).</p>",
    ]
    for section in pack["sections"]:
        parts.append(f'<section id="{html.escape(section["id"])}"><h2>{html.escape(section["title"])}</h2>')
        parts += [f"<p>{html.escape(s)}</p>" for s in section["sentences"]]
        for spec in section["charts"]:
            parts.append(f"<figure>{_chart(spec)}<figcaption>{html.escape(spec['title'])}</figcaption></figure>")
        parts += [_table(t) for t in section["tables"]]
        parts.append("</section>")
    parts.append('<section id="sources"><h2>Data: dates and sources</h2>')
    parts.append(
        _table(
            {
                "caption": "Datasets",
                "columns": ["dataset", "date", "source"],
                "rows": [[s["dataset"], s["date"], s["source"]] for s in pack["sources"]],
            }
        )
    )
    parts.append("</section></body></html>")
    return "\n".join(parts)


def chromium_path() -> str | None:
    """Chromium for printing: ``CARENET_CHROMIUM``, else ``chromium`` on the PATH."""
    return os.environ.get("CARENET_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


def print_pdf(document: str, out: Path, *, timeout: float = 120.0) -> Path:
    """Print the HTML ``document`` to ``out`` as PDF with headless Chromium. Raises RuntimeError."""
    browser = chromium_path()
    if browser is None:
        raise RuntimeError("no Chromium to print with: install Debian's chromium or set CARENET_CHROMIUM")
    out = Path(out).resolve()
    with tempfile.TemporaryDirectory(prefix="carenet-print-") as folder:
        page = Path(folder) / "pack.html"
        page.write_text(document, encoding="utf-8")
        command = [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--user-data-dir={folder}/profile",
            f"--print-to-pdf={out}",
            page.as_uri(),
        ]
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    if done.returncode != 0 or not out.is_file() or out.stat().st_size == 0:
        raise RuntimeError(f"Chromium could not print the pack (exit {done.returncode}): {done.stderr[-500:]}")
    return out
