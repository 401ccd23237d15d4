"""Sector coverage per place: absent, cut-off and unlinked sectors; forums missing a sector."""

from __future__ import annotations

from carenet.analytics import forum_sector_gaps, missing_sectors, sector_pair_gaps


def test_missing_and_unconnected_sectors_per_place(ics):
    gaps = missing_sectors(ics, ["health", "social_care", "housing"])
    got = [(g.group, g.sector, g.status, g.nodes) for g in gaps]
    assert got == [
        ("p1", "housing", "absent", 0),
        ("p2", "health", "absent", 0),
        ("p2", "social_care", "absent", 0),
        ("p2", "housing", "unconnected", 2),  # x1 - x2 only talk to each other
    ]
    # p1 has health and social care tied to each other (h1 -> s1)
    assert all(g.group != "p1" or g.status == "absent" for g in gaps)


def test_sector_tied_only_elsewhere_still_counts_as_connected(ics):
    ics.add_edge("x1", "s2")  # housing in p2 tied to social care in p1
    gaps = missing_sectors(ics, ["housing"], by="place")
    assert [(g.group, g.status) for g in gaps] == [("p1", "absent")]


def test_sector_pairs_without_any_tie(ics):
    rows = sector_pair_gaps(ics, ["health", "social_care", "housing"])
    got = {(r["group"], r["sector"], r["other_sector"]) for r in rows}
    assert got == {
        # p1: health and social care are tied (h1 -> s1); neither reaches housing
        ("p1", "health", "housing"),
        ("p1", "social_care", "housing"),
        # p2: housing reaches neither
        ("p2", "housing", "health"),
        ("p2", "housing", "social_care"),
    }
    assert all(r["nodes"] == (3 if r["sector"] == "health" else 2) for r in rows)


def test_a_tie_to_another_place_links_the_pair(ics):
    ics.add_edge("h3", "x1")  # health in p1 reaches housing in p2, and back
    got = {
        (r["group"], r["sector"], r["other_sector"])
        for r in sector_pair_gaps(ics, ["health", "social_care", "housing"])
    }
    assert got == {("p1", "social_care", "housing"), ("p2", "housing", "social_care")}


def test_sectors_absent_from_the_whole_graph_are_not_paired(ics):
    assert sector_pair_gaps(ics, ["health", "leisure"]) == []


def test_forums_missing_an_expected_sector():
    members = {
        "icp": ["health", "social_care", "voluntary"],
        "place-2-board": ["health", "social_care", None],
        "empty": [],
    }
    assert forum_sector_gaps(members, ["health", "voluntary"]) == [
        {"forum": "place-2-board", "missing": ["voluntary"]},
        {"forum": "empty", "missing": ["health", "voluntary"]},
    ]
