"""What a hostile visitor can send the page: query parameters and overlay choices. The page reads no server path
the operator did not configure, and a value it does not know is ignored, never a crash."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.map import content, views
from geo.map.views import View


@pytest.mark.parametrize("query, kinds", [
    ({"kind": "unknown"}, ()),
    ({"kind": "Advance"}, ("advance",)),
    ({"kind": ["advance", "<script>", "strike"]}, ("advance", "strike")),
    ({"kind": ""}, ()),
])
def test_unknown_filter_values_in_a_url_are_ignored(query, kinds):
    view = View.from_query({"date": "2024-06-19", "actor": ["Russia", "martians"], "status": "maybe", **query})
    assert view.kinds == kinds and view.actors == ("russia",) and view.statuses == ()
    assert content.map_title(view, [dt.date(2024, 6, 19)]).startswith("ISW-reported")
