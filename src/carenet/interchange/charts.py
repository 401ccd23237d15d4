"""Charts for the board pack, drawn by matplotlib as SVG text (no files, no fonts fetched, no JS).

Every function takes figures already suppressed (``None`` or ``"*"`` where a value is held) and
never draws a held figure: a held bar is left out and labelled ``*``. Each SVG carries
``data-chart`` with the chart's name so a browser test can find it.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from typing import Any

PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
"""Okabe-Ito: told apart by people with the common colour-vision deficiencies."""


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")  # no display; SVG out
    import matplotlib.pyplot as plt

    plt.rcParams.update({"svg.fonttype": "none", "font.size": 9, "axes.spines.top": False, "axes.spines.right": False})
    return plt


def _svg(fig, name: str) -> str:
    plt = _pyplot()
    out = io.StringIO()
    fig.savefig(out, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(fig)
    text = out.getvalue()
    start = text.index("<svg")
    return text[start:].replace("<svg", f'<svg data-chart="{name}" role="img"', 1)


def demand_chart(name: str, years: Sequence[int], demand: Sequence[float], available: Sequence[float]) -> str:
    """Leaders needed each year against those expected to be there (retained plus from the pipeline)."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(4.2, 2.4))
    x = list(range(len(years)))
    ax.bar([i - 0.2 for i in x], demand, width=0.4, color=PALETTE[0], label="leaders needed")
    ax.bar([i + 0.2 for i in x], available, width=0.4, color=PALETTE[1], label="retained + from pipeline")
    ax.set_xticks(x, [str(y) for y in years])
    ax.set_ylabel("leaders")
    ax.legend(frameon=False, fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=2)
    return _svg(fig, name)


def share_chart(name: str, groups: Sequence[str], series: Mapping[str, Sequence[float | None]]) -> str:
    """Grouped bars of percentages (one series per source: leaders, workforce, community); a
    ``None`` (held) is drawn as no bar and marked ``*``."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(5.6, 2.6))
    width = 0.8 / max(1, len(series))
    for k, (label, values) in enumerate(series.items()):
        xs = [i + (k - (len(series) - 1) / 2) * width for i in range(len(groups))]
        ax.bar(
            [x for x, v in zip(xs, values, strict=True) if v is not None],
            [v for v in values if v is not None],
            width=width,
            color=PALETTE[k % len(PALETTE)],
            label=label,
        )
        for x, v in zip(xs, values, strict=True):
            if v is None:
                ax.text(x, 0.5, "*", ha="center", va="bottom", fontsize=10)
    ax.set_xticks(range(len(groups)), list(groups))
    ax.set_ylabel("percent")
    ax.legend(frameon=False, fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=len(series))
    return _svg(fig, name)


def scatter_chart(name: str, points: Sequence[tuple[float, float, bool]], *, xlabel: str, ylabel: str) -> str:
    """One dot per organisation; flagged ones in the second colour."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(4.6, 3.0))
    plain = [(x, y) for x, y, f in points if not f]
    flagged = [(x, y) for x, y, f in points if f]
    if plain:
        ax.scatter(*zip(*plain, strict=True), s=18, color=PALETTE[0], label="organisation")
    if flagged:
        ax.scatter(*zip(*flagged, strict=True), s=30, color=PALETTE[5], marker="D", label="flagged")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.legend(frameon=False, fontsize=8)
    return _svg(fig, name)


def network_chart(name: str, nodes: Mapping[Any, Mapping[str, Any]], edges: Sequence[tuple[Any, Any, float]]) -> str:
    """A small drawn map: ``nodes`` (with ``sector`` and ``size``) and weighted ``edges``, coloured by sector."""
    import networkx as nx

    plt = _pyplot()
    G = nx.Graph()
    for node, attrs in nodes.items():
        G.add_node(node, **attrs)
    for u, v, w in edges:
        G.add_edge(u, v, weight=w)
    pos = nx.spring_layout(G, seed=0, weight="weight")
    sectors = sorted({str(a.get("sector")) for a in nodes.values()})
    colour = {s: PALETTE[i % len(PALETTE)] for i, s in enumerate(sectors)}
    fig, ax = plt.subplots(figsize=(6.0, 4.2))
    nx.draw_networkx_edges(
        G,
        pos,
        ax=ax,
        width=[0.3 + min(3.0, d["weight"] / 4) for _, _, d in G.edges(data=True)],
        edge_color="#999999",
        alpha=0.6,
    )
    for sector in sectors:
        members = [n for n in G if str(G.nodes[n].get("sector")) == sector]
        nx.draw_networkx_nodes(
            G,
            pos,
            nodelist=members,
            ax=ax,
            node_color=colour[sector],
            label=sector,
            node_size=[20 + 2 * float(G.nodes[n].get("size") or 0) for n in members],
        )
    ax.legend(frameon=False, fontsize=7, loc="lower left", markerscale=0.5)
    ax.set_axis_off()
    return _svg(fig, name)
