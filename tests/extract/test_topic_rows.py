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


def test_a_river_beside_a_partys_direction_does_not_replace_it(full_gazetteer):
    # the river gives no row of its own (no bank named), so it cannot stand in for the direction named beside it
    text = ("The Russian MoD claimed that Russian forces repelled a Ukrainian attack in the direction of Lyman, near a "
            "Ukrainian foothold over the Siverskyi Donets River.")
    assert places(text, full_gazetteer) == [("claimed", "Lyman")]


def test_isws_opening_near_two_towns_gives_way_to_the_villages_it_details(embedded_gazetteer):
    # "continued ground attacks near X and Y on <day>" opens the paragraph as "around X" does: an area, not a place
    text = ("Russian forces continued ground assaults near Siversk and Soledar on November 20. The Ukrainian General Staff "
            "reported that Ukrainian troops repelled Russian attacks near Bilohorivka and Spirne.")
    assert places(text, embedded_gazetteer) == [("claimed", "Bilohorivka"), ("claimed", "Spirne")]
    # alone in its section, the opening keeps its towns
    text = "Russian forces continued ground assaults near Siversk and Soledar on November 20."
    assert places(text, embedded_gazetteer) == [("confirmed", "Siversk"), ("confirmed", "Soledar")]
    # "conducted ... on the southern outskirts of X on <day>" opens the same way
    text = ("Russian forces conducted several ground assaults on the southern outskirts of Bakhmut on November 20. The "
            "Ukrainian General Staff reported that Ukrainian troops repelled Russian attacks near Soledar.")
    assert places(text, embedded_gazetteer) == [("claimed", "Soledar")]


def test_a_town_named_only_in_a_roads_name_is_no_place(embedded_gazetteer):
    # "west of the X-Y highway", "toward the highway to Z": the road runs far from its towns; a claim that names no
    # other place gives no row, and a town named for itself in the same sentence stays
    text = "Ukrainian officials reported that Russian troops probed Ukrainian lines just east of the Siversk-Bakhmut highway."
    assert places(text, embedded_gazetteer) == []
    text = "Russian forces tried and failed to reach the highway to Kramatorsk on November 20."
    assert places(text, embedded_gazetteer) == []
    text = "Russian forces attacked Soledar, near the Siversk-Bakhmut highway, on November 20."
    assert places(text, embedded_gazetteer) == [("confirmed", "Soledar")]


def test_a_counteroffensive_by_a_bearing_gives_way_to_the_villages_it_retook(embedded_gazetteer):
    # the summary's attack is told where it went by the same side's named gains nearby
    text = ("Ukrainian forces pressed their counteroffensive east of Bakhmut on November 20. "
            "Ukrainian forces recaptured Soledar.")
    assert places(text, embedded_gazetteer) == [("confirmed", "Soledar")]


def test_a_gain_by_a_bearing_stays_beside_attacks_on_named_villages(embedded_gazetteer):
    # an attack does not say where the gain was: the bearing's town stays the place of the advance
    text = ("Russian forces made marginal gains south of Bakhmut on November 20. "
            "Russian forces attacked Soledar.")
    assert places(text, embedded_gazetteer) == [("confirmed", "Bakhmut"), ("confirmed", "Soledar")]


def test_an_oblasts_own_front_stays_beside_the_villages_named_after_it(embedded_gazetteer):
    # an oblast in ISW's own summary, named by its front or its borders, is a region row; a two-oblast border is a line
    text = ("Russian forces shelled settlements on the Kherson Oblast frontline on November 20. "
            "Russian forces shelled Chornobaivka.")
    assert places(text, embedded_gazetteer) == [("confirmed", "Chornobaivka"), ("confirmed", "Kherson Oblast")]
    text = ("Russian forces shelled settlements along the Kherson-Mykolaiv Oblast border on November 20. "
            "Russian forces shelled Stanislav.")
    assert places(text, embedded_gazetteer) == [("confirmed", "Stanislav")]


def test_a_river_named_without_a_bank_is_no_place(embedded_gazetteer):
    # "near the bridgehead over X River", "fire along X River", "crossings over X River": the river is a line hundreds of
    # kilometres long that only says where the bridgehead, front or crossing is; a bank of it, or a town, is a place
    text = "Russian forces conducted airstrikes on positions near the Ukrainian bridgehead over the Inhulets River."
    assert places(text, embedded_gazetteer) == []
    text = "Ukrainian forces continued to target Russian barge crossings across the Dnipro and Inhulets rivers."
    assert places(text, embedded_gazetteer) == []
    text = "Ukrainian sources reported that Russian forces continued to shell settlements along the Oskil River."
    assert places(text, embedded_gazetteer) == []
    text = "Russian forces continued to shell Ukrainian positions on the west (right) bank of the Dnipro River."
    assert places(text, embedded_gazetteer) == [("confirmed", "west (right) bank of the Dnipro River")]
    text = "Russian forces shelled Kupiansk and settlements along the Oskil River on November 20."
    assert places(text, embedded_gazetteer) == [("confirmed", "Kupiansk")]


def test_a_town_named_only_in_a_bracket_locating_the_places_before_it_is_no_place(embedded_gazetteer):
    # "A, B (all on the outskirts of X)", "Y (a suburb of X)", "Z (between X and W)": the bracket says where the places
    # before it lie; the claim is at them, not at the towns in the bracket
    text = ("The Ukrainian General Staff reported that Ukrainian forces repelled Russian attacks on Pervomaiske and "
            "Krasnohorivka (both on the western outskirts of Donetsk City) on November 20.")
    assert places(text, embedded_gazetteer) == [("claimed", "Krasnohorivka"), ("claimed", "Pervomaiske")]
    text = "Ukrainian officials stated that Ukrainian forces halted a Russian attack toward Brovary (a suburb east of Kyiv)."
    assert places(text, embedded_gazetteer) == [("claimed", "Brovary")]
    # the places before the bracket are named for themselves too: kept; a bracket with the only place keeps it
    text = "Russian forces struck Soledar (northeast of Bakhmut) and Bakhmut on November 20."
    assert places(text, embedded_gazetteer) == [("confirmed", "Bakhmut"), ("confirmed", "Soledar")]


def test_a_city_at_the_end_of_an_axis_past_a_bearing_gives_way_to_the_villages_fought_for(embedded_gazetteer):
    # "attacks north of Horlivka toward Kramatorsk": the city is where the operation heads, not where it was fought; the
    # section's named villages near it replace it; a small town past the bearing is where troops pushed, and stays
    text = ("Russian forces continued attacks north of Horlivka toward Kramatorsk on November 20. "
            "Russian forces attacked Raihorodok.")
    assert places(text, embedded_gazetteer) == [("confirmed", "Raihorodok")]
    text = ("Russian forces continued attacks southwest of Avdiivka toward Krasnohorivka on November 20. "
            "Russian forces attacked Marinka.")
    assert places(text, embedded_gazetteer) == [("confirmed", "Krasnohorivka"), ("confirmed", "Marinka")]


def test_a_partys_counteroffensive_in_the_direction_of_towns_gives_way_to_named_places(embedded_gazetteer):
    # a whole operation "in the direction of X" names its far aim, which the villages named after it replace (as gold
    # labels it); an attack in the direction of X stays (test above)
    text = ("Russian sources claimed that Ukrainian forces continued counteroffensive operations in the direction of "
            "Lyman on November 20. Russian sources claimed that Ukrainian forces attacked near Siversk.")
    assert places(text, embedded_gazetteer) == [("claimed", "Siversk")]
