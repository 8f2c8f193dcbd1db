"""Topic sentences placed only by a line, area or direction give way to the section's named places."""

import datetime as dt

from geo.models import Paragraph, Report
from geo.pipeline import extract


def places(text, gazetteer):
    report = Report(date=dt.date(2022, 11, 20), title="t", url="u",
                    paragraphs=(Paragraph(text=text, section="Donetsk Oblast"),))
    return sorted({(cp.claim.status, cp.resolution.mention.text) for cp in extract(report, gazetteer)})


def test_a_partys_claim_along_a_line_gives_way_to_named_places(embedded_gazetteer):
    text = ("Russian sources claimed that Ukrainian forces continued attacks along the Bakhmut-Soledar line on November 20. "
            "Russian sources claimed that Ukrainian forces attacked near Siversk.")
    assert places(text, embedded_gazetteer) == [("claimed", "Siversk")]


def test_a_partys_claim_in_the_direction_of_a_town_stays(embedded_gazetteer):
    # "in the direction of X" names the party's target: a claim of its own beside the named places
    text = ("The Russian MoD claimed that Russian forces repelled Ukrainian attacks in the direction of Lyman. "
            "Russian sources claimed that Ukrainian forces attacked near Siversk.")
    assert places(text, embedded_gazetteer) == [("claimed", "Lyman"), ("claimed", "Siversk")]


def test_a_town_named_only_in_a_roads_name_is_no_place(embedded_gazetteer):
    # "west of the X-Y highway", "toward the highway to Z": the road runs far from its towns; a claim that names no
    # other place gives no row, and a town named for itself in the same sentence stays
    text = "Ukrainian officials reported that Russian troops probed Ukrainian lines just east of the Siversk-Bakhmut highway."
    assert places(text, embedded_gazetteer) == []
    text = "Russian forces tried and failed to reach the highway to Kramatorsk on November 20."
    assert places(text, embedded_gazetteer) == []
    text = "Russian forces attacked Soledar, near the Siversk-Bakhmut highway, on November 20."
    assert places(text, embedded_gazetteer) == [("confirmed", "Soledar")]
