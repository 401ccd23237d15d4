"""One cursor format (``carenet.services.cursors``) for root connections and relations."""

from __future__ import annotations

import base64
import json

import pytest

from carenet.errors import InvalidInput
from carenet.services import cursors


def test_a_cursor_round_trips_and_is_the_documented_json():
    for key, value in (("uid", ""), ("name", "Dé Ťeam"), ("betweenness", 0.25), ("degree", None), ("tie", "t:1>2@w")):
        c = cursors.encode(key, value, "team-1")
        assert json.loads(base64.urlsafe_b64decode(c)) == [key, value, "team-1"]
        assert cursors.decode(c, key, "after") == (value, "team-1")


def test_a_cursor_of_another_order_or_no_cursor_is_refused_at_its_argument():
    with pytest.raises(InvalidInput) as e:
        cursors.decode(cursors.encode("name", "a", "t1"), "uid", "before")
    assert e.value.problems[0].location == "before" and "ordering by name, not uid" in e.value.problems[0].message
    for junk in (
        "not base64 !",
        base64.urlsafe_b64encode(b"[1, 2]").decode(),
        base64.urlsafe_b64encode(b"t1|x").decode(),
    ):
        with pytest.raises(InvalidInput) as e:
            cursors.decode(junk, "uid", "after")
        assert e.value.problems[0].location == "after"


def test_relation_cursors_share_the_format_and_the_old_form_is_read_for_one_release():
    row = {"uid": "team-9", "tie": "COLLABORATES_WITH:a>b@w1"}
    c = cursors.of_relation(row)
    assert json.loads(base64.urlsafe_b64decode(c)) == ["tie", row["tie"], "team-9"]
    assert cursors.decode(c, cursors.RELATION_KEY, "after") == (row["tie"], "team-9")
    old = base64.urlsafe_b64encode(f"{row['uid']}|{row['tie']}".encode()).decode()
    assert cursors.decode(old, cursors.RELATION_KEY, "after") == (row["tie"], "team-9")
    assert cursors.of_relation({"uid": "place-1"}) == cursors.encode("tie", "", "place-1")
