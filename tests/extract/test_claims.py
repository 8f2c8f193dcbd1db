"""Finding claims in real report text."""

import datetime as dt

import pytest

from geo.extract.claims import claimant_name, extract_claims, sentence_claims
from geo.models import Paragraph, Report
from geo.read.reports import read_path


@pytest.fixture(scope="module")
def is_name(embedded_gazetteer):
    return embedded_gazetteer.is_name


def one(sentence, is_name, lead_in=None):
    return [(e.kind, e.actor, e.status, e.claimant, [m.text for m in e.mentions])
            for e in sentence_claims(sentence, is_name, lead_in=lead_in)]


def test_seed_claims(sample_dir, is_name):
    got = {}
    for name in ("2024-06-18.txt", "2024-06-19.txt"):
        report = read_path(sample_dir / name)[0]
        for c in extract_claims(report, is_name):
            for m in c.mentions:
                got.setdefault((report.date.isoformat(), c.kind, c.actor, c.status), set()).add(m.text)
    assert got == {
        ("2024-06-18", "strike", "ukraine", "confirmed"): {"Rostov Oblast", "Krasnodar Krai"},
        ("2024-06-18", "advance", "russia", "confirmed"): {"Vovchansk", "Svatove", "Avdiivka"},
        ("2024-06-19", "advance", "ukraine", "confirmed"): {"Starytsya"},
        ("2024-06-19", "advance", "russia", "confirmed"): {"Chasiv Yar", "Donetsk City", "east (left) bank Kherson Oblast"},
    }


def test_political_and_background_sentences_are_not_claims(sample_dir, is_name):
    report = read_path(sample_dir / "2024-06-19.txt")[0]
    sentences = {c.sentence for c in extract_claims(report, is_name)}
    assert not any("Pyongyang" in s or "Atlantic" in s or "Finnish" in s for s in sentences)


def test_claimed_with_claimant(is_name):
    assert one("The Ukrainian General Staff reported that Russian troops attempted to attack Bohorodychne.", is_name) == [
        ("attack", "russia", "claimed", "Ukrainian General Staff", ["Bohorodychne"])]
    assert one("Russian milbloggers claimed that Ukrainian forces counterattacked near Kupyansk.", is_name) == [
        ("attack", "ukraine", "claimed", "Russian milbloggers", ["Kupyansk"])]


def test_reportedly_is_claimed_without_claimant(is_name):
    got = one("Russian forces reportedly attempted to take control of Ustynivka, about 15 km southeast of Severodonetsk.", is_name)
    assert [(k, a, s, c) for k, a, s, c, _ in got] == [("attack", "russia", "claimed", None)]


def test_negation_is_not_an_advance(is_name):
    assert one("Russian forces did not advance near Chasiv Yar on June 19.", is_name) == []
    got = one("Russian forces continued offensive operations near Chasiv Yar on June 19 but did not advance.", is_name)
    assert [g[0] for g in got] == ["attack"]


def test_repelled_attack_belongs_to_the_attacker(is_name):
    got = one("Ukrainian troops repelled a Russian attack on Bohorodychne.", is_name)
    assert [(k, a) for k, a, *_ in got] == [("attack", "russia")]


def test_strike_words(is_name):
    got = one("Russian forces conducted artillery, rocket, and tank attacks against Izyum and Slovyansk.", is_name)
    assert [(k, a, places) for k, a, _, _, places in got] == [("strike", "russia", ["Izyum", "Slovyansk"])]
    got = one("Ukraine struck a Russian airfield near Saky.", is_name)
    assert [(k, a) for k, a, *_ in got] == [("strike", "ukraine")]


def test_intentions_are_not_claims(is_name):
    assert one("Russian forces will likely continue attacks toward Chasiv Yar.", is_name) == []
    assert one("Russian forces are preparing to attack Kupyansk.", is_name) == []


def test_a_gain_a_side_is_bent_on_is_an_aim(is_name):
    assert one("Russian troops remain focused on capturing Chasiv Yar and Kupyansk.", is_name) == []
    assert one("Russian forces are prioritizing the capture of Vovchansk.", is_name) == []
    assert one("Russian forces are focusing on holding and regaining ground near Kupyansk.", is_name) == []
    assert one("Russian forces focused on Chasiv Yar and captured Kupyansk.", is_name)[0][:3] == ("advance", "russia", "confirmed")


def test_troops_shown_at_rear_work_in_a_town_gained_nothing(is_name):
    assert one("A video shows Russian soldiers in Kupyansk forcing local men to build fortifications.", is_name) == []
    assert one("Imagery showed Russian troops in Vovchansk (5km from the border) attempting to hide vehicles under nets.",
               is_name) == []
    assert one("Geolocated footage shows Ukrainian troops in Vovchansk clearing a street.", is_name)[0][:2] == ("advance", "ukraine")


def test_a_formation_named_after_a_town_is_not_where_it_acted(is_name):
    got = one("The Russian grouping in Kupyansk shelled Ukrainian positions near Vovchansk.", is_name)
    assert [(k, places) for k, _, _, _, places in got] == [("strike", ["Vovchansk"])]
    assert one("Russian forces advancing west from the Kupyansk axis continued operations.", is_name) == []
    got = one("Russian forces struck the Ukrainian grouping in Kupyansk.", is_name)
    assert [(k, places) for k, _, _, _, places in got] == [("strike", ["Kupyansk"])]


def test_advances_that_got_nowhere_were_attacks(is_name):
    got = one("Russian advances toward Kupyansk and Vovchansk made no real progress on Tuesday.", is_name)
    assert [(k, a) for k, a, _, _, _ in got] == [("attack", "russia")]
    got = one("Russian ground advances near Vovchansk have stalled.", is_name)
    assert [(k, a) for k, a, _, _, _ in got] == [("attack", "russia")]
    got = one("Russian forces made limited advances near Vovchansk, but remain stalled near Kupyansk.", is_name)
    assert got[0][0] == "advance"


def test_lead_ins_set_the_status(is_name):
    s = "A Russian milblogger claimed that Russian forces advanced near Pokrovka (southeast of Sumy City)."
    assert one(s, is_name, "Unconfirmed claims")[0][2] == "claimed"
    s = "Geolocated footage published on February 26 indicates that Russian forces recently advanced south of Vovchansk."
    assert one(s, is_name, "Assessed Russian advances")[0][:3] == ("advance", "russia", "confirmed")


def test_objective_paragraphs_are_skipped(is_name):
    report = Report(dt.date(2026, 2, 26), "t", (
        Paragraph("Russian objective: Capture the entirety of Donetsk Oblast and advance into Dnipropetrovsk Oblast", "Axis"),
    ))
    assert extract_claims(report, is_name) == []


def test_claimant_names():
    assert claimant_name("The Russian Ministry of Defense (MoD)") == "Russian MoD"
    assert claimant_name("A Russian milblogger") == "Russian milblogger"
    assert claimant_name("Ukrainian Southern Operational Command") == "Ukrainian Southern Operational Command"
    assert claimant_name("The UK Defense Ministry") == claimant_name("The British Ministry of Defense (MoD)") == "UK MoD"


# Classes of sentence the method reads by lemma and shape; each sentence is written for the test.

def test_inflections_and_nominalisations_of_event_verbs(is_name):
    assert one("Ukrainian defenders repulsed Russian assaults on Kupyansk and Izyum.", is_name) == [
        ("attack", "russia", "confirmed", None, ["Kupyansk", "Izyum"])]
    assert one("Ukrainian gunners fired tube artillery at Kherson and Nikopol.", is_name) == [
        ("strike", "ukraine", "confirmed", None, ["Kherson", "Nikopol"])]
    assert [g[:2] for g in one("Russian forces attempted advances in the vicinity of Bakhmut.", is_name)] == [("attack", "russia")]
    assert [g[:2] for g in one("Russian troops continued routine indirect fire in the Lyman direction.", is_name)] == [
        ("strike", "russia")]
    assert [g[:2] for g in one("Ukrainian troops destroyed Russian equipment near Tokmak.", is_name)] == [("strike", "ukraine")]


def test_claimed_to_verb_is_a_claim(is_name):
    assert one("The Wagner Group claimed to capture the towns of Soledar, Bakhmut, and Toretsk.", is_name) == [
        ("advance", "russia", "claimed", "Wagner Group", ["Soledar", "Bakhmut", "Toretsk"])]


def test_semicolon_lists_with_bearings(is_name):
    got = one("Ukrainian forces repelled Russian attacks against Vuhledar, just south of Marinka; Avdiivka and "
              "Krasnohorivka, west of Donetsk City; and Toretsk.", is_name)
    assert got == [("attack", "russia", "confirmed", None, ["Vuhledar", "Avdiivka", "Krasnohorivka", "Toretsk"])]


def test_fighting_with_no_side_takes_the_paragraphs_side(is_name):
    s = "Heavy fighting took place in Bakhmut and Soledar."
    assert one(s, is_name) == []  # nobody is named and nothing came before
    assert [(e.kind, e.actor) for e in sentence_claims(s, is_name, side="russia")] == [("attack", "russia")]
    assert sentence_claims("Fighting will continue near Bakhmut.", is_name, side="russia") == []


def test_mutual_accusations_give_one_claimed_row_per_side(is_name):
    got = one("Russian and Ukrainian officials traded accusations of shelling Enerhodar.", is_name)
    assert [(k, a, s, places) for k, a, s, _, places in got] == [
        ("strike", "russia", "claimed", ["Enerhodar"]), ("strike", "ukraine", "claimed", ["Enerhodar"])]


def test_look_backs_are_not_claims(is_name):
    assert one("ISW mistakenly reported that Russian forces seized Lozova.", is_name) == []
    assert one("As ISW previously reported, Russian forces captured Izyum.", is_name) == []
    assert one("The Russian offensive culminated after capturing Lysychansk.", is_name) == []
    s = "Russian forces struck Kharkiv in early July."
    assert sentence_claims(s, is_name, day=dt.date(2022, 8, 17)) == []  # an August report recounting July
    assert [e.kind for e in sentence_claims(s, is_name, day=dt.date(2022, 7, 20))] == ["strike"]
    s = "The peak came from June 1 through June 7, when Ukrainian forces struck Kursk Oblast."
    assert sentence_claims(s, is_name, day=dt.date(2026, 6, 30)) == []  # every dated day is weeks old
    s = "Ukrainian forces struck Kursk Oblast on June 28 and 29."
    assert [e.kind for e in sentence_claims(s, is_name, day=dt.date(2026, 6, 30))] == ["strike"]


def test_captives_and_unlikely_events_are_not_claims(is_name):
    assert one("Ukrainian forces captured several Russian servicemen in Izyum.", is_name) == []
    assert one("Russian forces are unlikely to launch offensive operations toward Kharkiv.", is_name) == []


def test_a_bearing_place_counts_in_its_own_clause(is_name):
    got = one("Russian forces continued routine artillery strikes west of Kherson, and in Mykolaiv and Odesa oblasts.", is_name)
    assert got == [("strike", "russia", "confirmed", None, ["Kherson", "Mykolaiv", "Odesa Oblast"])]
    got = one("Russian forces made gains within Bakhmut and north of Avdiivka.", is_name)
    assert got == [("advance", "russia", "confirmed", None, ["Bakhmut", "Avdiivka"])]
    # a bearing with places of its own in the same clause stays a bearing
    got = one("Russian forces attacked west of Donetsk City near Marinka and Krasnohorivka.", is_name)
    assert got[0][4] == ["Marinka", "Krasnohorivka"]


def test_unit_names_and_aims_are_not_events(is_name):
    assert one("Russia withdrew the 76th Air Assault Division from positions near Kyiv into Belarus.", is_name) == []
    assert one("Russian forces mined roads near Kherson in anticipation of Ukrainian advances towards Nova Kakhovka.", is_name) == []


def test_by_gerund_takes_the_clause_subject(is_name):
    got = one("Ukrainian officials claimed that Ukrainian forces answered Russian drone attacks on Odesa by striking a "
              "Russian depot in Skadovsk.", is_name)
    assert [(k, a, places) for k, a, _, _, places in got if "Skadovsk" in places] == [("strike", "ukraine", ["Skadovsk"])]


def test_hit_the_other_sides_equipment_is_a_strike(is_name):
    assert [g[:2] for g in one("Ukrainian troops hit Russian equipment in Nova Kakhovka.", is_name)] == [("strike", "ukraine")]


def test_aims_and_prevented_events_keep_their_places(is_name):
    # the places after an aim are the aim's: they do not flow to the shelling before it
    got = one("Russian forces shelled Orikhiv and regrouped near Polohy to renew offensives toward Huliaipole and Zaporizhzhia.", is_name)
    assert got == [("strike", "russia", "confirmed", None, ["Orikhiv"])]
    got = one("Russian sources claimed that Russian forces repelled a Ukrainian group from advancing on Enerhodar.", is_name)
    assert [(k, a) for k, a, *_ in got] == [("attack", "ukraine")]
    assert one("Ukrainian forces kept the ability to carry out local counterattacks near Kharkiv.", is_name) == []
    assert [g[:2] for g in one("Russian forces continued to conduct ground attacks near Bakhmut.", is_name)] == [("attack", "russia")]


def test_footage_of_troops_in_a_village_is_an_advance(is_name):
    got = one("Footage posted on Monday shows Ukrainian soldiers in Snihurivka and Bashtanka.", is_name)
    assert got == [("advance", "ukraine", "confirmed", None, ["Snihurivka", "Bashtanka"])]
    assert one("Footage shows Ukrainian soldiers training with new rifles.", is_name) == []


def test_units_name_their_side(is_name):
    got = one("Drone operators of the 7th VDV Division are reportedly striking Ukrainian positions near Orikhiv.", is_name)
    assert [(k, a, s) for k, a, s, _, _ in got] == [("strike", "russia", "claimed")]
    got = one("Russian sources claimed that the Donetsk People’s Republic (DNR) 1st Brigade advanced toward Marinka.", is_name)
    assert [(k, a, s) for k, a, s, _, _ in got] == [("advance", "russia", "claimed")]


def test_successful_attacks_gain_ground_and_forecasts_keep_their_places(is_name):
    got = one("Russian forces conducted a partially successful attack against Sievierodonetsk, and will likely attempt "
              "an encirclement around Popasna.", is_name)
    assert got == [("advance", "russia", "confirmed", None, ["Sievierodonetsk"])]
    assert [g[0] for g in one("Russian forces conducted an unsuccessful attack against Popasna.", is_name)] == ["attack"]


def test_a_noun_subject_gives_its_side_to_the_verb(is_name):
    got = one("Ukrainian counterattacks northwest of Kyiv made small gains in Irpin.", is_name)
    assert ("advance", "ukraine", "confirmed", None, ["Irpin"]) in got


def test_a_sides_event_noun_followed_by_a_forecast_is_not_a_claim(is_name):
    assert one("The current Russian offensive in Donbas is therefore highly likely to culminate soon.", is_name) == []
    assert [g[:2] for g in one("A Russian attack on Bakhmut failed on Monday.", is_name)] == [("attack", "russia")]


def test_a_purpose_clause_names_the_place_of_its_event(is_name):
    got = one("Russian forces continued assaults to recapture Kupyansk.", is_name)
    assert got == [("attack", "russia", "confirmed", None, ["Kupyansk"])]


def test_strike_nouns_and_weapon_names(is_name):
    got = one("Social media reports indicate that Ukrainian strikes hit Chaplynka.", is_name)
    assert [(k, a, places) for k, a, _, _, places in got] == [("strike", "ukraine", ["Chaplynka"])]
    got = one("Ukrainian forces shot down a Russian attack helicopter near Izyum.", is_name)
    assert got == []


def test_russian_unit_types_name_the_side(is_name):
    got = one("A Russian milblogger reported that units of the 3rd Motor Rifle Division captured positions in Svatove.", is_name)
    assert [(k, a, s, places) for k, a, s, _, places in got] == [("advance", "russia", "claimed", ["Svatove"])]


def test_accusations_fire_at_and_arson(is_name):
    got = one("Russian sources accused Ukrainian forces of shelling the area around Enerhodar on Sunday.", is_name)
    assert got == [("strike", "ukraine", "claimed", "Russian sources", ["Enerhodar"])]
    got = one("Local authorities reported that Russian forces fired 40 Grad Multiple Launch Rocket Systems (MLRS) rockets at Nikopol.", is_name)
    assert [(k, a, places) for k, a, _, _, places in got] == [("strike", "russia", ["Nikopol"])]
    assert [g[:2] for g in one("Ukrainian partisans set a warehouse on fire in Russian-occupied Melitopol.", is_name)] == [
        ("strike", "ukraine")]
    assert [g[:2] for g in one("Russian forces secured positions on the outskirts of Bakhmut.", is_name)] == [("advance", "russia")]


def test_a_town_named_only_as_a_bearing_is_a_topic(is_name):
    from geo.extract.claims import is_vague
    from geo.extract.mentions import find_mentions

    got = {m.text: m for m in find_mentions("Russian forces resumed ground attacks northwest of Slovyansk near Bohorodychne.", is_name)}
    assert is_vague(got["Slovyansk"]) and not is_vague(got["Bohorodychne"])


def test_credit_for_an_old_gain_and_abstract_objects(is_name):
    assert one("The Russian MoD praised Russian airborne forces for seizing Soledar.", is_name) == []
    assert one("Prigozhin continued to leverage the Wagner Group’s role in capturing Soledar.", is_name) == []
    got = one("Peskov undermined Wagner’s effort to advance a narrative that Wagner forces captured Soledar.", is_name)
    assert [(k, s) for k, _, s, _, _ in got] == [("advance", "claimed")]
    got = one("Prigozhin emphasized that Wagner Group forces took control of Bakhmut.", is_name)
    assert [(k, s, c) for k, _, s, c, _ in got] == [("advance", "claimed", "Prigozhin")]


def test_an_event_named_as_what_something_is_for_has_not_happened(is_name):
    # "massing troops for an offensive on X": the offensive is the purpose
    assert one("Ukrainian officials stated that Russian forces began strengthening their grouping for an offensive on "
               "Kupiansk.", is_name) == []
    assert one("Russian milbloggers fear that Ukrainian troops are gathering along the Oskil River for a counteroffensive "
               "drive toward Kupiansk.", is_name) == []
    # an event something is done, blamed or answered for did happen
    got = one("Russian forces shelled Vovchansk in retaliation for a Ukrainian strike on Kupiansk.", is_name)
    assert sorted(p[0] for *_, p in got) == ["Kupiansk", "Vovchansk"]


def test_a_compact_or_a_status_entered_or_reached_is_not_ground(is_name):
    # "entered into an agreement", "reached a deal", "entered service": the verb of an advance, no ground taken
    assert one("A Russian outlet reported that Russian reservists at a camp in Kupiansk have entered into a contract with a "
               "clinic.", is_name) == []
    assert one("Russian forces reached an agreement with local authorities in Avdiivka.", is_name) == []
    assert one("A Russian source claimed that new Russian drones entered service near Vovchansk.", is_name) == []
    # ground entered is still ground
    got = one("Russian forces entered Vovchansk and entered into the outskirts of Kupiansk.", is_name)
    assert [(k, p) for k, _, _, _, p in got] == [("advance", ["Vovchansk"]), ("advance", ["Kupiansk"])]


def test_events_used_to_date_something_else(is_name):
    assert one("Putin appointed Dvornikov immediately after Ukraine’s counteroffensive around Kyiv.", is_name) == []
    assert one("The success of Ukrainian counteroffensives in Kharkiv and Kherson Oblasts led to command changes.", is_name) == []
    assert one("The Wagner Group emerged with a reputation as an effective fighting force in Popasna.", is_name) == []
    got = one("Geolocated images show the aftermath of Ukrainian HIMARS strikes on Melitopol.", is_name)
    assert [(k, a, s) for k, a, s, _, _ in got] == [("strike", "ukraine", "confirmed")]


def test_a_new_reported_clause_or_a_road_description_ends_the_scope(is_name):
    got = one("A Russian milblogger added that Russian forces captured Kreminna and that the area around Svatove is a grey zone.", is_name)
    assert [places for *_, places in got] == [["Kreminna"]]
    got = one("Russian forces attacked Bakhmut near the highway that runs from Soledar to Siversk.", is_name)
    assert [places for *_, places in got] == [["Bakhmut"]]


def test_a_unit_with_no_side_reported_by_the_russian_side(is_name):
    got = one("A Russian milblogger claimed that elements of the 155th Naval Infantry Brigade are conducting small arms "
              "engagements on the outskirts of Vuhledar.", is_name)
    assert got == [("attack", "russia", "claimed", "Russian milblogger", ["Vuhledar"])]
    assert one("The Ukrainian General Staff reported that elements of the 92nd Brigade repelled attacks near Kupyansk.", is_name) == []


def test_any_force_noun_names_the_side(is_name):
    # paratroopers, conscripts, mercenaries...: a side's troops whatever the noun
    assert one("Russian paratroopers seized Soledar after heavy fighting.", is_name) == [
        ("advance", "russia", "confirmed", None, ["Soledar"])]
    assert one("Ukrainian conscripts shelled Vuhledar.", is_name)[0][:2] == ("strike", "ukraine")


def test_perfect_infinitive_after_saying_is_the_speakers_deed(is_name):
    # "claimed to have captured": a done deed of the speaker's side, not an aim
    got = one("The Russian Ministry of Defense falsely claimed on May 2 to have captured Lyman.", is_name)
    assert got == [("advance", "russia", "claimed", "Russian MoD", ["Lyman"])]


def test_take_with_a_place_as_object(is_name):
    assert one("Russian troops took Soledar.", is_name) == [("advance", "russia", "confirmed", None, ["Soledar"])]
    assert one("Russian troops continued their attempts to take Siversk.", is_name)[0][:2] == ("attack", "russia")
    assert one("Russian troops took part in drills near Kherson.", is_name) == []


def test_events_in_a_future_clause_are_forecasts(is_name):
    s = ("The Russian seizure of Vuhledar will release forces, perhaps including entire brigades of the 5th Army, "
         "for a Russian offensive toward Kurakhove.")
    assert one(s, is_name) == []
    s = "Russian forces will likely keep pressing near Bakhmut, and Russian forces attacked Soledar."
    assert one(s, is_name) == [("attack", "russia", "confirmed", None, ["Soledar"])]


def test_sentences_that_sum_up_the_war_are_background(is_name):
    assert one("Kyiv has conducted three large counteroffensives in this war, all of them near Izyum.", is_name) == []
    assert one("The regiment was among the first Russian units to storm Kharkiv City in the early weeks of the "
               "full-scale invasion.", is_name) == []
    # the day's event dated against the start of the war stays
    assert one("Russian forces struck Sumy City for the first time since the start of the full-scale invasion.",
               is_name) == [("strike", "russia", "confirmed", None, ["Sumy City"])]


def test_abilities_are_not_events(is_name):
    assert one("Commentators debated the capacity of Russian forces for renewed assaults on Kyiv.", is_name) == []


def test_force_moves_keep_their_places(is_name):
    # a withdrawal or redeployment is not the side's own claim, and the place after it is not the earlier event's (a
    # town the side withdrew from is the other side's gain: test_a_side_that_withdrew_from_a_town_gave_it_to_the_other_side)
    assert one("Russian forces assaulted Soledar and later withdrew from Bakhmut.", is_name) == [
        ("attack", "russia", "confirmed", None, ["Soledar"]), ("advance", "ukraine", "confirmed", None, ["Bakhmut"])]
    assert one("Russian forces assaulted Soledar and later redeployed from Bakhmut.", is_name) == [
        ("attack", "russia", "confirmed", None, ["Soledar"])]
    assert one("Ukrainian forces counterattacked, not counting the redeployment of Russian forces from Izyum.",
               is_name) == []


def test_an_attack_made_with_a_weapon_is_a_strike(is_name):
    got = one("Ukrainian forces tried to attack a Russian frigate near Sevastopol with two unmanned surface vessels.",
              is_name)
    assert got == [("strike", "ukraine", "confirmed", None, ["Sevastopol"])]


def test_weapon_compounds_are_not_events(is_name):
    assert one("Russian forces moved main battle tanks to Kupyansk.", is_name) == []


def test_an_operation_named_by_its_place_is_not_a_claim(is_name):
    s = "Ukrainian forces advanced near Pavlivka, as they did in the Kherson counteroffensive."
    assert one(s, is_name) == [("advance", "ukraine", "confirmed", None, ["Pavlivka"])]
    # a name of two words: "the Kharkiv Oblast counteroffensive", "the Kherson City offensive"
    s = "The Russian garrison in Lyman consists of units badly damaged in the Kharkiv Oblast counteroffensive."
    assert one(s, is_name) == []


def test_a_campaign_named_by_its_theatre_inside_another_clause_is_not_a_claim(is_name):
    # "the Ukrainian counteroffensive in X" inside another clause names the operation, not the day's fighting
    s = "Russian outlets portrayed the Ukrainian counteroffensive in Kharkiv Oblast as a failure."
    assert one(s, is_name) == []
    s = "Russian commanders lost control after the first weeks of the Ukrainian counteroffensive in Kharkiv Oblast."
    assert one(s, is_name) == []
    s = "The documents were written before Ukraine's counter-offensive in Kharkiv Oblast began."
    assert one(s, is_name) == []
    # the same words as the sentence's subject, and the same noun carried out by a side, stay events
    s = "The Ukrainian counteroffensive in Kharkiv Oblast continued on Monday."
    assert [(k, a) for k, a, _, _, _ in one(s, is_name)] == [("attack", "ukraine")]
    s = "Ukrainian forces continued counteroffensives in Kherson Oblast on Monday."
    assert [(k, a) for k, a, _, _, _ in one(s, is_name)] == [("attack", "ukraine")]


def test_what_the_repelled_side_attempted_is_its_attack(is_name):
    s = "Ukrainian forces repelled Russian efforts to gain control of Vysoke."
    assert one(s, is_name) == [("attack", "russia", "confirmed", None, ["Vysoke"])]


def test_the_month_may_is_not_a_modal(is_name):
    assert one("On May 3, Russian forces attacked Soledar.", is_name) == [("attack", "russia", "confirmed", None, ["Soledar"])]
    assert one("Russian forces may attack Soledar.", is_name) == []


def test_a_claimant_is_a_party_or_nobody():
    # fragments of a clause are not speakers; bodies, offices, media and named people are
    for fragment in ("This account", "If confirmed, these reports", "It is unclear whether the", "These Russian",
                     "Russian forces destroyed Ukrainian command", "They later", "Moreover, the report of a Russian attack on Lyman",
                     "Russian officials probably intend these statements about a"):
        assert claimant_name(fragment) is None, fragment
    assert claimant_name("However, Ukraine’s Eastern Group of Forces spokesperson Serhiy Cherevaty") == \
        "Ukraine’s Eastern Group of Forces spokesperson Serhiy Cherevaty"
    assert claimant_name("Zaporizhia Oblast occupation head Yevhen Balitsky, who repeated an earlier") == \
        "Zaporizhia Oblast occupation head Yevhen Balitsky"
    assert claimant_name("Deputy LNR Interior Minister Vitaly Kiselev tentatively amplified") == \
        "Deputy LNR Interior Minister Vitaly Kiselev"
    assert claimant_name("Russian Defense Ministry") == "Russian MoD"
    assert claimant_name("Kadyrov") == "Kadyrov"
    one_s = sentence_claims("These reports suggest that Russian forces seized Soledar.", lambda n: n == "Soledar")
    assert [(e.status, e.claimant) for e in one_s] == [("claimed", None)]


def test_a_bearing_town_in_a_clause_of_its_own_is_the_claims_place(is_name):
    # a strike "west of X" and a gain "north of X" beside another place: X is where it happened
    got = one("Russian forces continued tube artillery strikes west of Orikhiv and in Zaporizhia Oblast.", is_name)
    assert got == [("strike", "russia", "confirmed", None, ["Orikhiv", "Zaporizhia Oblast"])]
    got = one("Russian forces made gains inside Bakhmut and south of Avdiivka.", is_name)
    assert got == [("advance", "russia", "confirmed", None, ["Bakhmut", "Avdiivka"])]
    # a bearing town alone in a ground claim stays a topic (the section's named places replace it)
    got = sentence_claims("Russian forces attacked northwest of Bakhmut.", is_name)
    assert [m.role for e in got for m in e.mentions] == ["reference"]


def test_footage_inside_what_a_party_said_does_not_confirm_it(is_name):
    s = "A Russian milblogger claimed that recent footage shows that Russian forces conducted artillery strikes on Soledar."
    assert one(s, is_name) == [("strike", "russia", "claimed", "Russian milblogger", ["Soledar"])]
    s = "Russian sources claimed gains near Bakhmut, and geolocated footage shows Russian forces shelling Soledar."
    assert [e[2] for e in one(s, is_name) if e[0] == "strike"] == ["confirmed"]


def test_a_speaker_named_again_is_a_person_not_a_place():
    is_name = {"Zolote", "Bakhmut", "Soledar"}.__contains__  # "Zolote" stands for a surname that is also a village
    s = ("Militia spokesperson Eduard Zolote claimed that Russian forces attacked Soledar, and Russian milbloggers "
         "attacked Zolote for his optimism.")
    got = [(e.kind, [m.text for m in e.mentions]) for e in sentence_claims(s, is_name)]
    assert got == [("attack", ["Soledar"])]


def test_a_river_beside_a_village_only_says_where_it_is(is_name):
    s = "Russian forces attempted an assault on Snihurivka, on the western bank of the Inhulets River."
    assert one(s, is_name) == [("attack", "russia", "confirmed", None, ["Snihurivka"])]


def test_a_purpose_after_the_object_ends_the_claims_places(is_name):
    s = "Ukrainian forces struck the Antonivskyi Bridge as part of an effort to isolate Russian forces in Kherson."
    assert one(s, is_name) == [("strike", "ukraine", "confirmed", None, ["Antonivskyi Bridge"])]


def test_around_a_town_is_an_area_for_ground_claims_but_the_place_of_a_strike(is_name):
    got = sentence_claims("Russian forces conducted limited attacks around Bakhmut.", is_name)
    assert [(m.role, m.bearing) for e in got for m in e.mentions] == [("reference", "around Bakhmut")]
    got = sentence_claims("Russian forces continued artillery strikes around Bakhmut.", is_name)
    assert [(m.text, m.role) for e in got for m in e.mentions] == [("Bakhmut", "target")]
    got = sentence_claims("Ukrainian forces continued long-range strikes in the Bakhmut direction.", is_name)
    assert [(m.text, m.role) for e in got for m in e.mentions] == [("Bakhmut", "target")]
    # a list after "around" names the places
    assert one("Russian troops attacked around Soledar, Bakhmut, and Lyman.", is_name)[0][4] == ["Soledar", "Bakhmut", "Lyman"]


def test_a_date_after_since_starts_a_span_and_does_not_date_the_event(is_name):
    s = "Russian forces shelled Soledar, where Ukrainian forces have held positions since June 2."
    got = sentence_claims(s, is_name, day=dt.date(2022, 7, 20))
    assert [(e.kind, [m.text for m in e.mentions]) for e in got] == [("strike", ["Soledar"])]
    s = "Russian forces shelled Soledar on June 2."  # a day two weeks old or more: background
    assert sentence_claims(s, is_name, day=dt.date(2022, 7, 20)) == []


def test_a_negated_stop_is_a_continuing_event(is_name):
    s = "The Ukrainian General Staff reported that Russian forces have not given up efforts to surround Izyum."
    assert one(s, is_name) == [("attack", "russia", "claimed", "Ukrainian General Staff", ["Izyum"])]
    assert one("Russian forces did not attack Izyum.", is_name) == []
    # "surrounding" is an adjective: the settlements around a town are not attacked by the word
    assert one("Russian forces shelled Kharkiv City and the surrounding villages.", is_name) == [
        ("strike", "russia", "confirmed", None, ["Kharkiv City"])]


def test_an_infinitive_ends_at_and(is_name):
    # "operations to surround Sumy and launched attacks": "launched" is not part of the aim
    s = "Russian forces have not abandoned operations to encircle Izyum and shelled Vuhledar."
    assert ("strike", "russia", "confirmed", None, ["Vuhledar"]) in one(s, is_name)


def test_targeting_after_an_event_names_its_objective(is_name):
    s = "Small Russian attacks northwest of Kyiv targeting Irpin continued."
    assert one(s, is_name) == [("attack", "russia", "confirmed", None, ["Irpin"])]


def test_a_strike_noun_with_an_effect_verb_is_a_strike_where_the_effect_was(is_name):
    s = "Ukrainian General Staff reported that Ukrainian strikes killed 30 personnel in Melitopol on July 19."
    assert one(s, is_name) == [("strike", "ukraine", "claimed", "Ukrainian General Staff", ["Melitopol"])]


def test_hypothetical_and_prevented_events_are_not_claims(is_name):
    assert one("Officials urged more troops in case of a Ukrainian attack on Belgorod Oblast.", is_name) == []
    assert one("Russian forces are unlikely to cut the Ukrainian lines of supply merely by seizing roads to Siversk.",
               is_name) == []
    assert one("Russian forces focused on preventing Ukrainian advances toward Izyum.", is_name) == []
    # a comparison's base is an event of its own
    s = "Russian forces are unlikely to mount operations larger than the Russian attacks on Irpin."
    assert one(s, is_name) == [("attack", "russia", "confirmed", None, ["Irpin"])]


def test_what_a_side_tries_to_block_is_not_a_claim(is_name):
    s = "Russian troops blew up two bridges in a last attempt to block Ukrainian advances toward Kherson."
    assert one(s, is_name) == []


def test_an_event_in_brackets_does_not_own_the_places_after_them(is_name):
    s = "Fighting continued in two areas: near Bakhmut (where Russian forces attack daily); and near Kreminna."
    assert one(s, is_name) == [("attack", "russia", "confirmed", None, ["Bakhmut"])]
    s = "Russian forces attacked Soledar (a town north of Bakhmut) and Bakhmutske."
    assert one(s, is_name)[0][4][0] == "Soledar"


def test_an_attempt_covers_the_infinitives_joined_to_it(is_name):
    s = "Russian troops attempted to break through Ukrainian lines and advance towards Siversk."
    assert one(s, is_name) == [("attack", "russia", "confirmed", None, ["Siversk"])]


def test_participles_used_as_adjectives_and_seized_property_are_not_gains(is_name):
    assert one("Ukrainian troops drove a captured Russian tank near Kupyansk.", is_name) == []
    assert one("Russian forces shelled liberated settlements in Kherson Oblast.", is_name) == [
        ("strike", "russia", "confirmed", None, ["Kherson Oblast"])]
    assert one("Russian forces are seizing businesses in Melitopol.", is_name) == []
    assert one("Ukrainian forces recaptured positions near Lyman.", is_name) == [
        ("advance", "ukraine", "confirmed", None, ["Lyman"])]


def test_a_participle_after_a_comma_takes_the_clauses_subject(is_name):
    s = "Ukrainian forces pursued Russian forces near Izyum, capturing Kupyansk."
    assert [e[:2] for e in one(s, is_name)] == [("advance", "ukraine")]


def test_what_a_side_did_rather_than_is_not_a_claim(is_name):
    s = "Russian forces shelled Soledar rather than advancing toward Bakhmut."
    assert one(s, is_name) == [("strike", "russia", "confirmed", None, ["Soledar"])]
    # the event a few words after "rather than" / "instead of" is the one not done
    s = "Russian forces shelled Soledar rather than resuming large ground offensives toward Bakhmut."
    assert one(s, is_name) == [("strike", "russia", "confirmed", None, ["Soledar"])]
    s = "Ukrainian forces held Kupiansk instead of defending against the Russian offensive near Kharkiv."
    assert one(s, is_name) == []


def test_fighting_between_both_sides_takes_the_paragraphs_attacker(is_name):
    s = "A Russian milblogger claimed that Russian and Ukrainian forces are fighting within Bakhmut."
    assert [(e.kind, e.actor) for e in sentence_claims(s, is_name, side="russia")] == [("attack", "russia")]
    assert [(e.kind, e.actor) for e in sentence_claims(s, is_name, side="ukraine")] == [("attack", "ukraine")]


def test_sources_reporting_fighting_do_not_give_it_their_side(is_name):
    # "officials confirmed striking X" is their own side's strike; fighting they report is the paragraph's attacker's
    s = "Ukrainian and Russian officials alike acknowledged fighting near Soledar and Bakhmut."
    assert [(e.kind, e.actor) for e in sentence_claims(s, is_name, side="russia")] == [("attack", "russia")]
    s = "Russian milbloggers reported fighting around Kupyansk."
    assert [(e.kind, e.actor) for e in sentence_claims(s, is_name, side="ukraine")] == [("attack", "ukraine")]


def test_no_confirmed_or_claimed_attacks_is_a_negation(is_name):
    assert one("Russian forces did not conduct any confirmed or claimed ground attacks near Vuhledar.", is_name) == []


def test_forces_that_claim_are_a_party(is_name):
    assert one("Ukrainian forces claimed they recaptured Kupyansk.", is_name) == [
        ("advance", "ukraine", "claimed", "Ukrainian forces", ["Kupyansk"])]


def test_claims_and_reports_of_an_event_are_claimed(is_name):
    assert [e[2] for e in one("ISW observed Russian claims of Ukrainian strikes on Melitopol.", is_name)] == ["claimed"]
    assert [e[2] for e in one("Reports emerged that Ukrainian forces had reached Kherson.", is_name)] == ["claimed"]


def test_more_verbs_of_saying(is_name):
    s = "Russian sources described Russian attacks near Vuhledar as costly."
    assert one(s, is_name) == [("attack", "russia", "claimed", "Russian sources", ["Vuhledar"])]
    s = "Ukrainian officials reiterated that Ukrainian forces struck Nova Kakhovka."
    assert [e[2] for e in one(s, is_name)] == ["claimed"]


def test_a_sides_event_noun_followed_by_a_modal_is_speculation(is_name):
    assert one("The Russian offensive around Bakhmut may be culminating.", is_name) == []


def test_events_in_a_may_or_could_clause_are_speculation(is_name):
    s = "Occupation officials claimed that Ukrainian forces may push south along the river for several days and capture Kherson."
    assert one(s, is_name) == []
    # the month is not the modal, and "may have" keeps its own reading
    assert one("Russian forces attacked Soledar on May 3.", is_name)[0][:2] == ("attack", "russia")


def test_a_ground_attack_with_support_is_not_a_strike(is_name):
    s = "Russian forces conducted ground attacks with drone support near Soledar."
    assert one(s, is_name) == [("attack", "russia", "confirmed", None, ["Soledar"])]


def test_a_strike_on_an_area_is_placed_at_the_area(is_name):
    s = "Residents posted imagery of the aftermath of Ukrainian strikes in the Nova Kakhovka-Kherson area."
    got = sentence_claims(s, is_name)
    assert [(m.text, m.role) for e in got for m in e.mentions] == [("Nova Kakhovka", "target"), ("Kherson", "target")]


def test_an_area_listed_with_oblasts_is_struck_as_they_are(is_name):
    s = ("Russian troops kept up routine shelling along the contact line in the Siversk-Soledar area, southern "
         "Donetsk Oblast, and western Zaporizhia Oblast.")
    got = sentence_claims(s, is_name)
    assert [(m.text, m.role) for e in got for m in e.mentions] == [
        ("Siversk", "target"), ("Soledar", "target"), ("Donetsk Oblast", "target"), ("Zaporizhia Oblast", "target")]
    # an area named before the strike, as where the striking side stands, is not struck
    s = "Milbloggers discussed fighting in the Siversk area, claiming that Ukrainian troops there shell Soledar."
    assert [m.text for e in sentence_claims(s, is_name) if e.kind == "strike" for m in e.mentions] == ["Soledar"]


def test_due_to_is_not_an_infinitive_and_struck_down_is_air_defence(is_name):
    s = "Officials are evacuating residents due to intensified Ukrainian shelling of Svatove."
    assert one(s, is_name) == [("strike", "ukraine", "confirmed", None, ["Svatove"])]
    assert one("Russian forces struck down nine Ukrainian drones near Svatove.", is_name) == []


def test_a_comment_clause_ends_a_claims_places(is_name):
    s = "Ukrainian aviation hit Russian positions in Snihurivka, indicating that Ukrainian aircraft still fly near Kherson."
    assert one(s, is_name) == [("strike", "ukraine", "confirmed", None, ["Snihurivka"])]


def test_forces_that_report_are_a_party(is_name):
    assert one("Ukrainian forces reported repelling Russian assaults near Vuhledar.", is_name) == [
        ("attack", "russia", "claimed", "Ukrainian forces", ["Vuhledar"])]


def test_a_look_back_over_months_covers_the_undated_sentences_after_it(is_name):
    para = ("Russia has failed to reach its main objectives over the past eleven months. Russian forces failed to "
            "capture Kyiv and Kharkiv City. Russian forces attacked Soledar on July 19.")
    report = Report(date=dt.date(2022, 7, 20), title="t", url="u", paragraphs=(Paragraph(text=para),))
    got = [(c.kind, [m.text for m in c.mentions]) for c in extract_claims(report, is_name)]
    assert got == [("attack", ["Soledar"])]


def test_a_strike_on_one_sides_positions_is_the_other_sides(is_name):
    s = "The Russian MoD continued to emphasize claimed strikes on Ukrainian positions in Zaporizhia Oblast."
    assert one(s, is_name) == [("strike", "russia", "claimed", "Russian MoD", ["Zaporizhia Oblast"])]


def test_unit_names_and_support_weapons_do_not_make_an_assault_a_strike(is_name):
    s = "Elements of Russia’s 1st Guards Tank Army continued assaults on Izyum."
    assert [e[0] for e in one(s, is_name)] == ["attack"]
    s = "Russian forces with heavy air and artillery support continued assaults on Ukrainian positions in Mariupol."
    assert one(s, is_name) == [("attack", "russia", "confirmed", None, ["Mariupol"])]
    assert one("Russian forces captured “some” Ukrainian personnel near Mariupol.", is_name) == []


@pytest.mark.parametrize("s", [
    "Russian troops attacked northeast of Kupyansk along the Kharkiv-Belgorod Oblast border on May 5.",
    "Russian forces launched limited assaults around Kupyansk and near the Kharkiv-Luhansk Oblast border on May 5.",
])
def test_an_oblast_border_beside_a_town_only_says_where_the_fighting_is(is_name, s):
    assert one(s, is_name) == [("attack", "russia", "confirmed", None, ["Kupyansk"])]


def test_an_oblast_border_alone_stays_the_place(is_name):
    got = one("Russian forces attacked along the Kharkiv-Luhansk Oblast border on May 5.", is_name)
    assert got == [("attack", "russia", "confirmed", None, ["Kharkiv", "Luhansk Oblast"])]


def test_defensive_operations_are_not_attacks(is_name):
    # holding ground is not a ground assault; an offensive operation in the same shape still is
    assert one("Ukrainian troops kept conducting active defense operations west of Kreminna on Tuesday.", is_name) == []
    assert one("Russian units continued to conduct defensive operations in Sumy Oblast.", is_name) == []
    assert one("Russian units continued offensive operations near Kreminna.", is_name) == [
        ("attack", "russia", "confirmed", None, ["Kreminna"])]


def test_participle_before_a_side_word_is_an_adjective(is_name):
    # "advancing Russian armour" qualifies the target; the strike keeps the place
    assert one("Drone footage shows Ukrainian forces striking advancing Russian armour west of Kreminna.", is_name) == [
        ("strike", "ukraine", "confirmed", None, ["Kreminna"])]
    assert one("Ukrainian artillery hit an attacking Russian column in Kreminna on Monday.", is_name) == [
        ("strike", "ukraine", "confirmed", None, ["Kreminna"])]


def test_accused_side_shelling_a_facility(is_name):
    # the accused side's strike on a named facility, claimed by the accuser
    got = one("Occupation officials again accused Ukraine of shelling the Kakhovka Hydroelectric Power Plant overnight.", is_name)
    assert [(k, a, s) for k, a, s, _, _ in got] == [("strike", "ukraine", "claimed")]


def test_a_strike_on_a_side_is_not_its_own(is_name):
    # the speaker's side word is not the actor of a strike on that side's own troops or ships
    got = one("Russian occupation officials in Crimea reported a drone attack on the Russian naval base in Sevastopol on Sunday.",
              is_name)
    assert [(k, a, s, places) for k, a, s, _, places in got] == [("strike", "ukraine", "claimed", ["Sevastopol"])]


def test_small_units_name_the_actor(is_name):
    # "a Russian platoon" is the subject, not the Ukrainian officials who report it
    got = one("Ukrainian military officials said that a Russian platoon tried to advance to Kreminna on Friday.", is_name)
    assert [(k, a, s) for k, a, s, _, _ in got] == [("attack", "russia", "claimed")]


def test_confirmed_as_an_adjective_is_no_attribution(is_name):
    # "any confirmed attacks" says what ISW could confirm; nobody is quoted, so the shelling after it is ISW's own
    assert one("Russian troops made no confirmed advances near Kreminna on Monday and shelled Svatove.", is_name) == [
        ("strike", "russia", "confirmed", None, ["Svatove"])]


def test_purpose_clause_places_are_not_the_events(is_name):
    # "in an effort to advance to X", "likely to cut the road to Y": the aim names X and Y, the event is elsewhere
    assert one("Russian troops shelled Kreminna, likely in an effort to advance to Svatove.", is_name) == [
        ("strike", "russia", "confirmed", None, ["Kreminna"])]
    assert one("Russian troops attacked Kreminna likely to cut the road to Svatove.", is_name) == [
        ("attack", "russia", "confirmed", None, ["Kreminna"])]
    assert one("Russian troops attacked in an attempt to seize Svatove.", is_name) == []


def test_capability_preparation_and_aim_are_not_events(is_name):
    # what a side cannot do, prepares, or seeks is not done; the place after "seek to" is the aim's, not the attack's
    assert one("Ukrainian troops cannot stop Russian forces from encircling Svatove this month.", is_name) == []
    assert one("A Russian source said Ukrainian troops are preparing an offensive on Kreminna.", is_name) == []
    assert one("Russian forces are setting information conditions to justify a strike on Svatove.", is_name) == []
    assert one("Russian troops attacking from Kreminna likely seek to cut the road to Svatove.", is_name) == [
        ("attack", "russia", "confirmed", None, ["Kreminna"])]
    assert one("Russian milbloggers discussed the potential of a Ukrainian offensive on Svatove.", is_name) == []


def test_capitalised_and_quoted_units_name_the_side(is_name):
    # "Russian Special Forces", 'the DNR "Vostok" Battalion': the side's units, so the event is that side's
    got = one('A Russian milblogger claimed that the DNR "Vostok" Battalion captured Kreminna.', is_name)
    assert [(k, a, s, places) for k, a, s, _, places in got] == [("advance", "russia", "claimed", ["Kreminna"])]
    got = one("Ukrainian Special Forces struck a Russian depot in Svatove on Monday.", is_name)
    assert [(k, a, s, places) for k, a, s, _, places in got] == [("strike", "ukraine", "confirmed", ["Svatove"])]


def test_a_bearing_town_is_placed_before_a_road_end(is_name):
    # no village named: the town the bearing is taken from, not the far end of the road
    assert one("Russian troops attacked east of Svatove to cut the highway to Lysychansk.", is_name) == [
        ("attack", "russia", "confirmed", None, ["Svatove"])]


def test_destroying_a_military_object_is_a_strike(is_name):
    # "destroyed an ammunition depot in X", "damaged a command post ... in Y": a strike there, whoever's the object is
    got = one("The Southern Command said Ukrainian troops destroyed an ammunition depot in Svatove overnight.", is_name)
    assert [(k, a, places) for k, a, _, _, places in got] == [("strike", "ukraine", ["Svatove"])]


def test_assault_personnel_is_not_an_assault(is_name):
    # "assault personnel", "assault echelons": a kind of troops, not an event at the place
    assert one("Ukrainian troops killed Russian assault personnel in Kreminna on Monday.", is_name) == []
    assert one("Moscow plans two new Russian airborne assault divisions in occupied Svatove.", is_name) == []


def test_the_other_sides_object_is_not_the_next_verbs_subject(is_name):
    # "Ukrainian troops downed a Russian helicopter and destroyed X": the object is not the subject of the second verb
    got = one("Ukrainian troops shot down a Russian helicopter and destroyed an ammunition depot in Svatove.", is_name)
    assert [(k, a, places) for k, a, _, _, places in got] == [("strike", "ukraine", ["Svatove"])]
    # but a side word with a participle of its own is that participle's subject
    got = one("Ukrainian artillery hit Russian troops attempting to advance on Kreminna.", is_name)
    assert ("attack", "russia", ["Kreminna"]) in [(k, a, places) for k, a, _, _, places in got]


def test_the_adjective_event_noun_refers_back(is_name):
    # "the failed attack on X", "their previous capture of Y": an event referred to, not the day's claim
    assert one("Russian units rested after the failed attack on Kreminna.", is_name) == []
    assert one("Russian forces used their previous capture of Svatove to regroup.", is_name) == []
    assert one("Russian forces conducted a failed attack on Kreminna.", is_name) == [
        ("attack", "russia", "confirmed", None, ["Kreminna"])]


def test_a_build_up_for_a_coming_offensive_is_not_an_attack(is_name):
    # reserves gathered "for a renewed offensive on X" prepare an attack; none took place
    assert one("Russian forces are massing troops near Svatove for a renewed offensive on Kreminna.", is_name) == []
    assert one("Milbloggers claimed en masse that Russian forces attacked Kreminna.", is_name)[0][:2] == ("attack", "russia")


def test_a_launch_area_is_not_where_a_strike_fell(is_name):
    # "shelled X from Y": Y is where the guns stood
    assert one("Russian forces shelled Nikopol from Enerhodar on Monday.", is_name) == [
        ("strike", "russia", "confirmed", None, ["Nikopol"])]
    assert one("Russian forces fired rockets at Kharkiv City from Belgorod Oblast.", is_name) == [
        ("strike", "russia", "confirmed", None, ["Kharkiv City"])]


def test_where_a_strike_s_shooters_are_is_not_where_it_fell(is_name):
    # "partisans in X Oblast ... a strike on Y", "forces in X shelled Y": the subject's place is its launch area
    s = "Ukrainian partisans in Luhansk Oblast guided a Ukrainian strike on a Russian depot in Svatove on Monday."
    assert [m for _, _, _, _, m in one(s, is_name)] == [["Svatove"]]
    assert one("Russian forces in Enerhodar shelled Nikopol on Monday.", is_name) == [
        ("strike", "russia", "confirmed", None, ["Nikopol"])]


def test_a_town_that_only_locates_the_listed_places_is_not_a_place_of_the_claim(is_name):
    # "near A and B, both north and northeast of X": X says where A and B lie, in an apposition of its own
    s = "Russian forces attacked near Soledar and Bakhmutske, both east and northeast of Bakhmut, on Monday."
    assert [m for _, _, _, _, m in one(s, is_name)] == [["Soledar", "Bakhmutske"]]
    # a bearing's town in a clause of its own, before the other place, is still where that claim is
    s = "Russian forces attacked west of Bakhmut and near Soledar on Monday."
    assert "Bakhmut" in one(s, is_name)[0][4]


def test_sources_discussing_an_event_claim_it(is_name):
    # "Russian sources discussed Ukrainian attacks near X": the sources' account, not ISW's own
    got = one("Russian sources discussed Ukrainian ground attacks near Svatove on Monday.", is_name)
    assert [(k, a, s) for k, a, s, _, _ in got] == [("attack", "ukraine", "claimed")]


def test_an_event_told_after_a_time_word_with_a_new_article(is_name):
    # "retreated after a failed assault on X": a new event, the day's; "after the capture of X" looks back
    got = one("The General Staff said Russian troops withdrew after a failed assault on Kreminna.", is_name)
    assert [(k, a, places) for k, a, _, _, places in got] == [("attack", "russia", ["Kreminna"])]
    assert one("Russian troops regrouped after the capture of Kreminna.", is_name) == []


def test_supposed_and_purported_events_are_claimed(is_name):
    # "the aftermath of purported Ukrainian strikes in X": hedged, not ISW's own finding
    got = one("Footage shows the aftermath of purported Ukrainian strikes in Svatove.", is_name)
    assert [(k, a, s) for k, a, s, _, _ in got] == [("strike", "ukraine", "claimed")]


def test_a_threat_of_an_event_is_not_the_event(is_name):
    # "mitigate the threat of Ukrainian counteroffensives in X": feared, not done
    assert one("Russian forces dug in to mitigate the threat of Ukrainian counteroffensives in Svatove.", is_name) == []


def test_a_push_in_a_direction_is_an_attack(is_name):
    # "push" with a direction: an attempt or a continuing push is an attack, a push done with a bearing is ground gained
    got = one("Local officials said that Russian troops attempted to push from Horlivka toward Toretsk on Tuesday.", is_name)
    assert [(k, a, s) for k, a, s, _, _ in got] == [("attack", "russia", "claimed")] and "Toretsk" in got[0][4]
    assert one("Ukrainian forces continued pushing south toward Tokmak.", is_name) == [
        ("attack", "ukraine", "confirmed", None, ["Tokmak"])]
    assert [g[0] for g in one("Ukrainian troops pushed east of Kupiansk overnight.", is_name)] == ["advance"]
    # not a push of the day: a passive, a noun, an aim coordinated after "seek to"
    assert one("Russian forces were pushed east of Kupiansk.", is_name) == []
    assert one("Analysts expect a renewed Russian push toward Toretsk.", is_name) == []


def test_improving_tactical_positions_is_an_attack(is_name):
    # the General Staff's phrase for a local assault that gained nothing
    assert one("The General Staff of Ukraine said Russian units tried to improve their tactical positions near Vuhledar.",
               is_name) == [("attack", "russia", "claimed", "Ukrainian General Staff", ["Vuhledar"])]


def test_shelling_the_city_named_before_strikes_it(is_name):
    # "the city" after a strike is the town the sentence named before, even when that town's own event is negated
    assert one("Russian troops made no ground attacks on Zaporizhzhia itself but again shelled the city overnight.", is_name) == [
        ("strike", "russia", "confirmed", None, ["Zaporizhzhia"])]
    # the village, not the city it is placed by
    got = one("Russian forces attacked Pervomaiske, west of Donetsk City, and shelled the settlement.", is_name)
    assert ("strike", "russia", "confirmed", None, ["Pervomaiske"]) in got


def test_an_event_after_a_time_word_with_no_article(is_name):
    # "during assaults on X", "retreated following failed attacks near Y": the day's event, told as the time of another
    got = one("Officials said Ukrainian defenders forced Russian units to fall back during assaults on Synkivka.", is_name)
    assert [(k, a, p) for k, a, _, _, p in got] == [("attack", "russia", ["Synkivka"])]
    got = one("Russian forces retreated following failed attacks near Robotyne.", is_name)
    assert [(k, a, p) for k, a, _, _, p in got] == [("attack", "russia", ["Robotyne"])]
    # "after their ...", "during the ...": an earlier event that dates another
    assert one("Russian forces withdrew after their failed assaults on Chernihiv.", is_name) == []


def test_continuing_to_repel_is_a_repelled_attack(is_name):
    # "continued to repel" reports the repelled attacks; "to repel" alone is an aim
    assert one("Ukrainian defenders continued to repel Russian assaults near Kupiansk and Vovchansk.", is_name) == [
        ("attack", "russia", "confirmed", None, ["Kupiansk", "Vovchansk"])]
    assert one("Russian forces are building trenches near Tokmak to repel a future Ukrainian offensive.", is_name) == []


def test_driving_the_other_side_out_is_ground_gained(is_name):
    # the subject took the ground it drove the other side from; the troops are not captives
    assert one("Ukrainian troops expelled Russian forces from Vovchansk overnight.", is_name) == [
        ("advance", "ukraine", "confirmed", None, ["Vovchansk"])]
    got = one("A Russian blogger claimed that Russian troops drove Ukrainian units out of positions near Kreminna.", is_name)
    assert [(k, a, s) for k, a, s, _, _ in got] == [("advance", "russia", "claimed")]


def test_a_peoples_militia_is_an_actor(is_name):
    # "the LNR People's Militia" names a side's force as much as "LNR troops" does
    got = one("A milblogger claimed that the LNR People’s Militia seized Kreminna.", is_name)
    assert [(k, a, s, p) for k, a, s, _, p in got] == [("advance", "russia", "claimed", ["Kreminna"])]


def test_a_relative_clause_about_a_units_past_is_background(is_name):
    # "units that had fought near X", "troops that seized Y remain ...": what a force did before, to say which force it is
    assert one("Russian forces kept regrouping, adding battalions that had fought near Chernihiv.", is_name) == []
    assert one("The Ukrainian General Staff said the Russian 25th Brigade, which had attacked Vovchansk, is resting near Belgorod.",
               is_name) == []
    assert one("The whereabouts of the Russian units that captured Lyman remain unknown.", is_name) == []
    # the present perfect tells the same: "detachments that have conducted operations with X in Y", to say which
    assert one("A milblogger claimed that Russia is forming new regiments of detachments that have fought "
               "alongside Wagner in Soledar.", is_name) == []
    # an attempt in a relative clause is the day's event, and so is a strike that destroyed something
    got = one("Ukrainian forces repelled Russian troops that attempted to cross the river near Kreminna.", is_name)
    assert [(k, a) for k, a, _, _, _ in got] == [("attack", "russia")]
    assert one("Russian forces launched a missile strike that destroyed a school in Kharkiv.", is_name) == [
        ("strike", "russia", "confirmed", None, ["Kharkiv"])]
    # a span of the war told in passing
    assert one("The regiment took losses while fighting near Kyiv earlier in the war.", is_name) == []


def test_a_denied_report_is_not_a_claim(is_name):
    # what a party denies after "refuted claims that", "denied reports that" did not happen by anyone's account here
    assert one("Ukrainian officials denied Russian reports that Russian forces had seized Vovchansk.", is_name) == []
    assert one("A milblogger refuted claims by other bloggers that the 25th Brigade of the Russian army captured Lyman.",
               is_name) == []
    # the denial ends where the speaker goes on to claim something of their own
    got = one("Russian sources refuted claims that Russian forces seized Soledar and claimed that Russian forces attacked "
              "Bakhmut.", is_name)
    assert [(k, a, p) for k, a, _, _, p in got] == [("attack", "russia", ["Bakhmut"])]


def test_a_report_said_to_be_false_is_not_a_claim(is_name):
    # what reports are said to be false or incorrect of did not happen ("reports that X retook Y are false")
    assert one("Press reports that Ukrainian forces have liberated all of Kharkiv Oblast are incorrect.", is_name) == []
    assert one("A Russian occupation official claimed that online reports that Ukrainian troops retook Vovchansk and "
               "Kupiansk were false.", is_name) == []
    # a claim ISW only doubts stays a claim, as "falsely claimed" does
    got = one("A Russian milblogger claimed that Russian forces captured Avdiivka, though this claim is likely false.", is_name)
    assert [(k, a, s, p) for k, a, s, _, p in got] == [("advance", "russia", "claimed", ["Avdiivka"])]


def test_ground_one_side_lost_is_the_others_gain(is_name):
    # "Russian forces lost territory near X": Ukrainian forces gained it; the same for "have been losing ground"
    assert one("Russian forces lost territory near Kupiansk overnight.", is_name) == [
        ("advance", "ukraine", "confirmed", None, ["Kupiansk"])]
    got = one("A Russian blogger claimed that Ukrainian troops are losing positions around Vuhledar.", is_name)
    assert [(k, a, s) for k, a, s, _, _ in got] == [("advance", "russia", "claimed")]
    # a soldier who lost a weapon, or forces that did not lose ground, gained nobody anything
    assert one("Russian forces have not lost ground near Vovchansk.", is_name) == []


def test_an_event_carried_on_is_not_a_noun_phrase(is_name):
    # "continued their assault on X", "are likely intensifying their strikes on Y": the subject does it on the day
    assert one("Russian troops continued their assault on Vovchansk overnight.", is_name) == [
        ("attack", "russia", "confirmed", None, ["Vovchansk"])]
    assert one("Russian forces are likely intensifying their strikes on Kharkiv.", is_name) == [
        ("strike", "russia", "confirmed", None, ["Kharkiv"])]
    # a noun phrase stays one, and "conducted the attack" names an attack told before
    assert one("Officials discussed the capture of Soledar by Russian forces.", is_name) == []
    assert one("Russian officials claimed that Ukrainian forces conducted the attack in revenge for events in Kherson.",
               is_name) == []


def test_a_finite_verb_after_and_is_not_governed_by_the_aim_before_it(is_name):
    # "focused on preventing Ukrainian advances and shelled X": the shelling happened; the prevented advance did not
    assert one("Russian troops focused on preventing Ukrainian counterattacks and shelled Vovchansk.", is_name) == [
        ("strike", "russia", "confirmed", None, ["Vovchansk"])]
    # an infinitive after "and" stays the aim's
    assert one("Russian forces are preparing to attack Kupiansk and seize Vovchansk.", is_name) == []


def test_repelled_attacks_with_no_side_named_are_the_other_sides(is_name):
    # "Ukrainian forces repelled attacks near X": the attacks were Russian, not Ukrainian
    got = one("The General Staff said Ukrainian troops repelled ground attacks near Kupiansk and Vovchansk.", is_name)
    assert [(k, a, p) for k, a, _, _, p in got] == [("attack", "russia", ["Kupiansk", "Vovchansk"])]
    assert [(k, a, p) for k, a, _, _, p in one("Russian forces repulsed an assault on Svatove.", is_name)] == [
        ("attack", "ukraine", ["Svatove"])]


def test_penetrating_defenses_is_ground_gained(is_name):
    # "penetrated Russian defenses around X": the subject gained ground; "attackers" name a side's force
    assert one("Ukrainian forces penetrated Russian defenses around Svatove overnight.", is_name) == [
        ("advance", "ukraine", "confirmed", None, ["Svatove"])]
    assert [(k, a) for k, a, _, _, _ in one("Russian attackers penetrated into Vovchansk.", is_name)] == [("advance", "russia")]
    # struggling to penetrate is an attempt, not a gain
    assert [k for k, _, _, _, _ in one("Russian troops struggled to penetrate defenses near Kupiansk.", is_name)] == ["attack"]


def test_a_hyphenated_participle_is_an_adjective(is_name):
    # "newly-liberated Kharkiv Oblast", "Ukrainian-liberated X": who holds the place, not an event; the places after it
    # are the places of the sentence's event
    assert one("Russian occupation officials fled newly-liberated Kharkiv Oblast.", is_name) == []
    got = one("A milblogger said that Russian forces attacked near Ukrainian-liberated Vovchansk and Kupiansk.", is_name)
    assert [(k, a, p) for k, a, _, _, p in got] == [("attack", "russia", ["Vovchansk", "Kupiansk"])]
    # "counter-offensive" is still an event word
    assert [k for k, _, _, _, _ in one("Ukrainian forces continued counter-offensive operations near Kupiansk.", is_name)] == ["attack"]


def test_a_past_season_or_year_is_background():
    # "seized X in the early summer of 2022" in a January 2023 report, "the territory Russia seized in 2014"
    from geo.extract.claims import _past_season

    jan23, oct22 = dt.date(2023, 1, 20), dt.date(2022, 10, 16)
    assert _past_season("Russian troops captured Lysychansk in the early summer of 2022.", jan23)
    assert _past_season("Ukraine must liberate the territory Russia seized in 2014.", oct22)
    assert _past_season("Russian forces tried to seize Severodonetsk during spring–summer 2022.", dt.date(2022, 12, 24))
    # the report's own season or year, a span still going on, and a forecast are not
    assert not _past_season("Russian forces attacked Bakhmut in the fall.", oct22)
    assert not _past_season("Fighting has been heavier than at any time since summer 2022.", oct22)
    assert not _past_season("Russian forces struck Kyiv in 2023.", jan23)


def test_a_sentence_about_a_past_season_gives_no_claim(is_name):
    got = sentence_claims("Russian forces captured Lysychansk in the early summer of 2022.", is_name, day=dt.date(2023, 1, 21))
    assert got == []


def test_bearing_town_beside_oblasts_is_a_topic(is_name):
    # a regional summary: the oblasts are the places, the town only locates the third area
    events = sentence_claims("Ukrainian troops attacked in southern Zaporizhia Oblast, eastern Kherson Oblast, and "
                             "southwest of Orikhiv on May 3.", is_name)
    assert [(m.text, m.role) for m in events[0].mentions] == [
        ("Zaporizhia Oblast", "target"), ("Kherson Oblast", "target"), ("Orikhiv", "reference")]
    # beside another town, the bearing's town is the claim's place in a clause of its own
    events = sentence_claims("Russian forces conducted ground attacks within Siversk and north of Avdiivka on May 3.", is_name)
    assert [(m.text, m.role) for m in events[0].mentions] == [("Siversk", "target"), ("Avdiivka", "target")]


def test_possible_or_imminent_event_is_not_a_claim(is_name):
    # a feared or expected event is not one that happened
    assert one("Russian milbloggers voiced concern about a possible Ukrainian counteroffensive near Tokmak.", is_name) == []
    assert one("Ukrainian officials warned of an imminent Russian assault on Kupiansk.", is_name) == []
    assert one("Russian forces attacked near Kupiansk on May 3.", is_name) == [("attack", "russia", "confirmed", None, ["Kupiansk"])]


def test_an_offensive_a_force_could_possibly_mount_is_not_a_claim(is_name):
    assert one("A Russian source claimed that Ukrainian forces are regrouping near Izium to possibly launch an assault on Kupiansk.",
               is_name) == []
    assert one("Ukrainian officials stated that Russian forces lack reserves sufficient to sustain an offensive on Kupiansk.",
               is_name) == []


def test_a_side_s_warships_bombers_or_rocket_launchers_strike_for_that_side(is_name):
    assert one("Russian warships shelled Kherson and Mykolaiv on May 3.", is_name) == [
        ("strike", "russia", "confirmed", None, ["Kherson", "Mykolaiv"])]
    assert one("Ukrainian officials said that Russian MLRS struck Kharkiv on May 3.", is_name)[0][:2] == ("strike", "russia")
    # taking off from an airbase is a force move: the strike is placed at its target only
    events = sentence_claims("Six Russian bombers departed from the Millerovo airbase in Rostov Oblast and "
                             "launched cruise missiles at Kharkiv on May 3.", is_name)
    assert [m.text for e in events for m in e.mentions] == ["Kharkiv"]


def test_a_unit_of_a_named_side_is_that_side_s_subject(is_name):
    # the side word after the unit ("troops of the Donetsk People's Republic"), not before it
    assert one("Troops of the Donetsk People’s Republic took control of Kupiansk on May 3.", is_name) == [
        ("advance", "russia", "confirmed", None, ["Kupiansk"])]
    assert one("A milblogger claimed that elements of the Russian Western Military District seized Kupiansk.", is_name)[0][:3] == (
        "advance", "russia", "claimed")
    assert one("Militia forces of the Luhansk People’s Republic claimed that they captured Kupiansk.", is_name)[0][:2] == (
        "advance", "russia")


def test_ground_taken_in_the_settlement_named_before(is_name):
    # the advance names the place only as "the settlement": the village the sentence named before
    assert one("Footage shows a Ukrainian flag over a school in Kupiansk, indicating that Ukrainian forces have "
               "taken control of the settlement.", is_name) == [("advance", "ukraine", "confirmed", None, ["Kupiansk"])]
    # a claim recalled is not one made today
    assert one("Footage shows Ukrainian forces operating in Kupiansk despite Russian claims that Russian forces "
               "captured the settlement.", is_name) == []


def test_a_strike_on_a_side_s_object_is_the_other_side_s(is_name):
    assert one("Witnesses saw a strike on a Russian ammunition depot in Kherson on May 3.", is_name) == [
        ("strike", "ukraine", "confirmed", None, ["Kherson"])]
    assert one("Officials reported another strike reportedly on a Ukrainian fuel depot in Kharkiv.", is_name)[0][:2] == (
        "strike", "russia")


def test_a_weapon_only_russia_fires_names_the_striking_side(is_name):
    assert one("Five Shahed-136 drones struck Kharkiv on May 3.", is_name) == [("strike", "russia", "confirmed", None, ["Kharkiv"])]
    assert one("Officials said Kalibr missiles struck Mykolaiv on May 3.", is_name)[0][:2] == ("strike", "russia")


def test_a_side_s_targets_are_a_noun_not_its_strike(is_name):
    # "destroyed Russian military targets in X": whose targets they were, not who struck
    assert all(e[1] != "russia" for e in one("Witnesses said explosions destroyed Russian military targets in Melitopol.", is_name))
    assert one("The Russian military targets energy infrastructure in Odesa.", is_name) == [("strike", "russia", "confirmed", None, ["Odesa"])]


def test_stopping_a_side_s_advances_is_repelling_its_attacks(is_name):
    assert one("Ukrainian artillery kept firing, stopping Russian advances near Siversk.", is_name) == [
        ("attack", "russia", "confirmed", None, ["Siversk"])]


def test_casualties_after_and_keep_the_strike_s_places(is_name):
    # "destroyed X and wounded 40 soldiers in Y": the casualties are the strike's, Y is where it hit
    assert one("Officials said Ukrainian forces destroyed a Russian radar and wounded 40 soldiers in Tokmak.", is_name) == [
        ("strike", "ukraine", "claimed", "Officials", ["Tokmak"])]


def test_making_progress_in_a_place_is_ground_gained(is_name):
    assert one("Russian troops continued to make slow but steady progress in Bakhmut on May 3.", is_name) == [
        ("advance", "russia", "confirmed", None, ["Bakhmut"])]
    # little or no progress is none, and progress toward a town is an approach
    assert one("Russian troops made little progress in Bakhmut on May 3.", is_name) == []
    assert [e[0] for e in one("Russian troops are making slow progress toward Siversk.", is_name)] != ["advance"]


def test_a_side_that_crossed_a_river_took_ground_at_the_towns_named(is_name):
    assert one("A Russian milblogger claimed that Ukrainian troops forded the Oskil River at Kupiansk.", is_name) == [
        ("advance", "ukraine", "claimed", "Russian milblogger", ["Kupiansk"])]
    # the river alone places no crossing; a crossing attempted is an attack
    assert one("Russian forces crossed the Dnipro River on May 3.", is_name) == []
    assert [e[0] for e in one("Russian forces attempted to cross the Dnipro River near Kherson.", is_name)] == ["attack"]


def test_a_strike_in_the_settlement_is_in_the_town_named_before(is_name):
    # "footage showed damage in X following Russian artillery fire on the settlement", "shelling in the settlement"
    assert one("Footage showed damage in Kupiansk after Russian artillery fire on the settlement.", is_name) == [
        ("strike", "russia", "confirmed", None, ["Kupiansk"])]
    assert one("Residents of Kupiansk reported Russian shelling in the settlement overnight.", is_name)[0][:2] == ("strike", "russia")
    # a fight there is left alone: whose fight it is, the sentence often does not say
    assert all(e[0] != "attack" for e in one("Russian forces shelled Kupiansk, and milbloggers noted fighting in the settlement.", is_name))


def test_partisans_that_blew_something_up_struck_there(is_name):
    assert one("Ukrainian partisans blew up a rail bridge near Tokmak overnight.", is_name) == [
        ("strike", "ukraine", "confirmed", None, ["Tokmak"])]
    # troops blowing up a bridge as they pull back: their own demolition, not a strike
    assert one("Russian forces blew up a bridge near Tokmak and withdrew.", is_name) == []


def test_once_again_is_no_condition(is_name):
    # "once" opens a condition ("once Russian forces take X"); "once again" repeats what happened
    assert one("Russian troops once again attacked near Bakhmut on May 3.", is_name) == [
        ("attack", "russia", "confirmed", None, ["Bakhmut"])]
    assert one("Once Russian troops take Bakhmut they will attack Siversk.", is_name) == []


def test_a_force_that_occupied_a_place_took_it(is_name):
    assert one("A milblogger claimed that Ukrainian assault groups occupied the village of Kupiansk.", is_name)[0][:2] == (
        "advance", "ukraine")
    # "occupied" before a name is an adjective, and occupying positions is no gain
    assert one("Russian forces in occupied Tokmak arrested civilians.", is_name) == []
    assert one("Russian forces occupied defensive positions near Tokmak.", is_name) == []


def test_a_source_named_last_covers_the_sentence(is_name):
    # "according to X" at the end of the sentence attributes everything before it
    assert one("Russian forces shelled Kupiansk and Kharkiv on May 3, according to the Ukrainian General Staff.", is_name) == [
        ("strike", "russia", "claimed", "Ukrainian General Staff", ["Kupiansk", "Kharkiv"])]
    # not a party: ISW's own statement stands
    assert one("Russian forces shelled Kupiansk on May 3 according to plan.", is_name)[0][2] == "confirmed"


def test_a_partys_concern_about_an_event_is_its_claim(is_name):
    # a worry voiced by a party reports the event as its statement does
    assert one("Several Russian milbloggers voiced concerns that Ukrainian forces are attacking near Kupiansk.", is_name) == [
        ("attack", "ukraine", "claimed", "Russian milbloggers", ["Kupiansk"])]
    assert one("Russian officials expressed growing concern over Ukrainian strikes on Kharkiv on May 3.", is_name)[0][:4] == (
        "strike", "ukraine", "claimed", "Russian officials")


def test_an_editors_note_or_correction_is_not_a_claim(is_name):
    # notes and corrections speak of the report itself: its sections, its earlier errors
    paragraphs = (
        Paragraph("Note: Ukraine’s counteroffensive in Kharkiv Oblast has met its goals, so this section will not appear again.", "Axis"),
        Paragraph("Correction: Russian troops seized Kupiansk, not Kharkiv, as we reported on May 2.", "Axis"),
        Paragraph("Russian forces shelled Kupiansk on May 3.", "Axis"),
    )
    report = Report(date=dt.date(2022, 5, 3), title="t", url="u", paragraphs=paragraphs)
    assert [(c.kind, [m.text for m in c.mentions]) for c in extract_claims(report, is_name)] == [("strike", ["Kupiansk"])]


def test_russia_seizing_a_building_behind_its_lines_is_not_ground_gained(is_name):
    # in the occupied-areas section Russia's "seizing" is requisition; elsewhere it is an advance
    text = "Officials reported that Russian forces seized a hospital in Kupiansk to treat wounded servicemen."
    occupied = Report(date=dt.date(2022, 12, 3), title="t", url="u",
                      paragraphs=(Paragraph(text, "Activity in Russian-occupied Areas"),))
    front = Report(date=dt.date(2022, 12, 3), title="t", url="u", paragraphs=(Paragraph(text, "Kharkiv axis"),))
    assert extract_claims(occupied, is_name) == []
    assert [(c.kind, c.actor) for c in extract_claims(front, is_name)] == [("advance", "russia")]


def test_what_downed_weapons_were_doing_is_the_other_sides_strike(is_name):
    # the air defence's side shot the weapons down; the strike they were on is the other side's
    assert one("City officials reported that Ukrainian forces shot down 12 of 15 drones targeting Kharkiv.", is_name)[0][:2] == (
        "strike", "russia")
    assert one("Russian air defenses intercepted missiles before they struck Kupiansk on May 3.", is_name)[0][:2] == (
        "strike", "ukraine")
    # a side named after the downing is the striking side
    assert one("Ukrainian air defense shot down drones that Russian forces launched at Kharkiv.", is_name)[0][:2] == (
        "strike", "russia")


def test_geolocated_footage_of_the_claimed_event_makes_it_isws_own(is_name):
    # footage in a clause of its own shows the same side doing the same kind of thing at the claim's place
    s = ("A local official reported that Ukrainian forces liberated Kupiansk, and geolocated footage shows Ukrainian "
         "soldiers raising a flag in the center of the town.")
    assert one(s, is_name) == [("advance", "ukraine", "confirmed", None, ["Kupiansk"])]
    # footage of the other side, or of something else, leaves the claim the party's
    s = ("The General Staff reported that Ukrainian forces repelled Russian assaults on Kupiansk, and geolocated footage "
         "showed Ukrainian artillery striking Russian forces near the town.")
    assert one(s, is_name)[0][2:4] == ("claimed", "Ukrainian General Staff")


def test_geolocated_footage_a_party_publishes_or_that_confirms_claims_is_isws(is_name):
    s = "A Russian milblogger posted geolocated footage showing Russian forces advancing near Kupiansk."
    assert one(s, is_name) == [("advance", "russia", "confirmed", None, ["Kupiansk"])]
    s = "Geolocated footage confirms Ukrainian claims that Ukrainian forces recaptured Kupiansk."
    assert one(s, is_name) == [("advance", "ukraine", "confirmed", None, ["Kupiansk"])]
    # footage that is not said to be geolocated stays the party's
    s = "A Russian milblogger posted footage showing Russian forces advancing near Kupiansk."
    assert one(s, is_name)[0][2] == "claimed"


def test_a_launch_area_named_alone_is_not_where_the_strike_fell(is_name):
    # the target names no place: the launch area gets no row either
    assert one("Russian forces fired on villages across the river from positions in occupied Kupiansk on May 3.", is_name) == []
    # a distance ("7 km from X") and a stretch of front ("from X to south of Y") are not launch areas
    assert one("Ukrainian artillery struck Russian equipment 7 km from Kupiansk on May 3.", is_name)[0][4] == ["Kupiansk"]
    assert one("Russian forces shelled settlements along the front from Kupiansk to south of Kharkiv.", is_name)[0][4][0] == "Kupiansk"


def test_a_second_infinitive_shares_the_aim_or_inability_of_the_first(is_name):
    # "hope to X and advance on Y", "unable to X or resume offensives toward Y": neither is an event of the day
    assert one("Russian forces likely hope to cross the river and advance on Kupiansk from the south.", is_name) == []
    assert one("Russian forces are unable to hold the bridgehead or resume offensive operations toward Kharkiv.", is_name) == []
    # after a verb that carries on, both are events
    assert [g[4] for g in one("Russian forces continued to attack Kupiansk and advance on Kharkiv.", is_name)] == [
        ["Kupiansk"], ["Kharkiv"]]


def test_a_claimed_event_as_an_adjective_is_hedged(is_name):
    # "a claimed strike" is hedged as "an alleged strike" is; geolocated footage of it backs it
    assert one("Footage posted on May 3 shows the aftermath of a claimed Ukrainian strike on a depot in Kupiansk.", is_name)[0][2] == "claimed"
    assert one("Geolocated footage shows the aftermath of a claimed Ukrainian strike on a depot in Kupiansk.", is_name)[0][2] == "confirmed"


def test_what_isw_reads_from_a_partys_report_is_its_own_assessment(is_name):
    # ", indicating that X" after a party's report: the party reported the shelling, ISW infers the advance
    got = one("The General Staff reported that Russian forces shelled Kupiansk, indicating that Ukrainian forces "
              "have advanced into Kharkiv Oblast.", is_name)
    assert [(k, a, s) for k, a, s, _, _ in got] == [("strike", "russia", "claimed"), ("advance", "ukraine", "confirmed")]


def test_what_isw_reads_in_a_which_clause_is_its_own_assessment(is_name):
    # ", which indicates that X" is the same reading as ", indicating that X"
    got = one("The General Staff reported that Russian forces shelled Kupiansk, which likely indicates that Ukrainian "
              "forces have advanced into Kharkiv Oblast.", is_name)
    assert [(k, a, s) for k, a, s, _, _ in got] == [("strike", "russia", "claimed"), ("advance", "ukraine", "confirmed")]
    got = one("The General Staff reported that Russian forces shelled Kupiansk—which suggests that Ukrainian "
              "forces have advanced into Kharkiv Oblast.", is_name)
    assert [s for _, _, s, _, _ in got] == ["claimed", "confirmed"]


def test_verbs_that_report_speech_before_that_make_a_claim(is_name):
    # "remarked/maintained/insinuated that X": the speaker's claim; "maintained positions" is no speech
    got = one("A Russian milblogger remarked that Russian troops attacked Ukrainian positions near Kupiansk.", is_name)
    assert got == [("attack", "russia", "claimed", "Russian milblogger", ["Kupiansk"])]
    got = one("The mayor insinuated on May 3 that Ukrainian forces liberated Kupiansk.", is_name)
    assert [(k, s) for k, _, s, _, _ in got] == [("advance", "claimed")]
    got = one("Russian forces maintained positions near Kupiansk and attacked Ukrainian positions in Kupiansk.", is_name)
    assert [s for _, _, s, _, _ in got] == ["confirmed"]


def test_sabotage_groups_and_air_assault_units_attack_on_the_ground(is_name):
    # a DRG's assault and an air assault division's assaults are ground attacks; a partisans' sabotage attack is a strike
    got = one("The General Staff reported that Russian sabotage and reconnaissance groups attempted to assault Kupiansk.", is_name)
    assert [(k, a) for k, a, _, _, _ in got] == [("attack", "russia")]
    got = one("Elements of the Russian 83rd Guards Air Assault Brigade conducted assaults near Kupiansk.", is_name)
    assert [(k, a) for k, a, _, _, _ in got] == [("attack", "russia")]
    got = one("Ukrainian partisans conducted a sabotage attack on a rail depot in Kupiansk.", is_name)
    assert [(k, a) for k, a, _, _, _ in got] == [("strike", "ukraine")]


def test_claims_that_isws_reading_corroborates_are_its_own(is_name):
    # ", which corroborates claims that X", ", corroborating Ukrainian claims of X": ISW backs the claims
    got = one("Residents reported explosions in Kupiansk, which corroborates Ukrainian claims that Ukrainian strikes "
              "hit Kupiansk.", is_name)
    assert [(k, a, s) for k, a, s, _, _ in got] == [("strike", "ukraine", "confirmed")]
    got = one("Footage showed that Ukrainian forces struck Kupiansk, corroborating Ukrainian claims of Ukrainian strikes "
              "on Kupiansk.", is_name)
    assert {(k, a, s) for k, a, s, _, _ in got} == {("strike", "ukraine", "confirmed")}
    # a party confirming a report is still the party's claim
    got = one("Ukrainian officials confirmed reports that Ukrainian strikes hit Kupiansk.", is_name)
    assert [s for _, _, s, _, _ in got] == ["claimed"]


def test_a_repelled_side_needs_an_attack_or_a_force(is_name):
    # "halted the construction of the Wagner Line", "pushed back against a Russian propagandist's claim": no attack repelled
    assert one("Kharkiv Oblast officials halted the construction of the Wagner Line near Kupiansk.", is_name) == []
    assert one("Ukraine defeated Russia in the battle for Kupiansk in September.", is_name) == []
    got = one("Ukrainian forces repelled a Russian sabotage and reconnaissance group near Kupiansk.", is_name)
    assert [(k, a) for k, a, _, _, _ in got] == [("attack", "russia")]
    got = one("Ukrainian forces repelled Russian forces' attempts to advance near Kupiansk.", is_name)
    assert [(k, a) for k, a, _, _, _ in got] == [("attack", "russia")]


def test_what_a_fact_indicates_is_isws_reading(is_name):
    # a fact (not a party) that "indicates/suggests/shows" an event: ISW's own reading; a report that does stays a claim
    got = one("The arrival of fresh reserves indicates that Russian forces attacked Kupiansk on May 3.", is_name)
    assert [(k, s) for k, _, s, _, _ in got] == [("attack", "confirmed")]
    got = one("These reports indicate that Russian forces attacked Kupiansk on May 3.", is_name)
    assert [(k, s) for k, _, s, _, _ in got] == [("attack", "claimed")]
    # the means of an aim is the aim: "intend to take control of X by seizing Y"
    assert one("Russian forces intend to take control of Kharkiv Oblast by seizing Kupiansk.", is_name) == []


def test_a_stated_share_of_a_place_held_is_ground_gained(is_name):
    # "control 60% of X", "in control of two-thirds of X": the side holds part of the place it fights for
    assert one("A Russian milblogger claimed that Russian forces control 60% of Kupiansk.", is_name) == [
        ("advance", "russia", "claimed", "Russian milblogger", ["Kupiansk"])]
    assert one("Russian forces are now in control of more than two-thirds of Kharkiv.", is_name)[0][:2] == ("advance", "russia")
    # what the defender still holds, or a vague "most of", is not a gain
    assert one("Ukrainian forces still control half of Kupiansk.", is_name) == []
    assert one("Ukrainian forces control most of Kupiansk.", is_name) == []


def test_firing_a_weapon_near_or_along_a_place_is_a_strike_there(is_name):
    # "fired artillery near X", "firing rockets near Y", "fired along the line of contact in Z": no "at/on" needed
    assert one("Russian forces fired artillery near Kupiansk on May 3.", is_name) == [
        ("strike", "russia", "confirmed", None, ["Kupiansk"])]
    assert one("Russian forces continued to fire along the line of contact in Kharkiv Oblast.", is_name)[0][4] == ["Kharkiv Oblast"]
    # firing with no weapon and no direction is not a strike ("fired the commander")
    assert one("The Russian MoD fired the commander of forces near Kupiansk.", is_name) == []


def test_hitting_a_military_object_is_a_strike_with_no_weapon_named(is_name):
    # "hit an ammunition depot in X", "hit civilian infrastructure in Y": the object says it was a strike
    assert one("Ukrainian forces hit an ammunition depot in Kupiansk on May 3.", is_name) == [
        ("strike", "ukraine", "confirmed", None, ["Kupiansk"])]
    assert one("Officials reported that Russian forces hit civilian infrastructure in Kharkiv.", is_name)[0][:2] == ("strike", "russia")
    # "hit" with any other object and no weapon stays no strike
    assert one("Russian forces hit a wall of resistance near Kupiansk.", is_name) == []


def test_explosions_put_down_to_a_sides_strikes_are_its_strikes_there(is_name):
    # "explosions in X and Y, possibly from Ukrainian strikes": the places named before the cause are struck
    got = one("Ukrainian officials reported explosions in Kupiansk and Kharkiv, possibly from Ukrainian strikes.", is_name)
    assert [(k, a, s, places) for k, a, s, _, places in got] == [("strike", "ukraine", "claimed", ["Kupiansk", "Kharkiv"])]
    # "potential" names the cause, not an aim
    assert one("Footage shows explosions in Kupiansk due to potential Russian strikes.", is_name)[0][:2] == ("strike", "russia")
    # a side's strikes with no explosion before them are still no event of their own
    assert one("Russian forces in Kupiansk fear Ukrainian strikes.", is_name) == []


def test_taking_ground_or_territory_at_a_place_is_ground_gained(is_name):
    # "took further ground northeast of X", "continue to take territory in Y"
    assert one("Ukrainian forces took further ground northeast of Kharkiv on May 3.", is_name) == [
        ("advance", "ukraine", "confirmed", None, ["Kharkiv"])]
    assert one("Russian forces continue to take territory in Kupiansk.", is_name)[0][:2] == ("advance", "russia")
    # "took positions", "take part" stay no gain
    assert one("Russian forces took positions near Kupiansk.", is_name) == []


def test_a_military_raid_is_a_ground_attack_and_a_police_raid_is_not(is_name):
    # "special forces conducted a raid across the river near X": a ground attack (a successful one holds no ground)
    assert one("Ukrainian special forces conducted a raid near Kupiansk on May 3.", is_name) == [
        ("attack", "ukraine", "confirmed", None, ["Kupiansk"])]
    assert one("Russian forces conducted successful raids on Ukrainian positions near Kupiansk.", is_name)[0][0] == "attack"
    # search, mobilization and occupation raids on homes and residents, and air raid alerts, are not
    assert one("Russian forces conducted raids on residents' homes in Kupiansk.", is_name) == []
    assert one("Russian forces are intensifying raids to identify deserters in Kupiansk.", is_name) == []
    assert one("Russian occupation officials conducted search raids in Kupiansk.", is_name) == []


def test_a_sides_strikes_that_rendered_or_cut_off_something_struck_there(is_name):
    # "Ukrainian strikes rendered a rail bridge unusable in X", "Russian strikes cut off water to residents of Y"
    assert one("Ukrainian strikes rendered a rail bridge unusable in Kupiansk.", is_name) == [
        ("strike", "ukraine", "confirmed", None, ["Kupiansk"])]
    assert one("Officials said that Russian strikes cut off power to half of Kharkiv on May 3.", is_name)[0][:2] == ("strike", "russia")


def test_holding_all_of_a_place_is_ground_gained(is_name):
    # "fully control X", "control all of X except ...": the whole place held by the side that fought for it
    assert one("Officials reported that Ukrainian forces fully control Kupiansk.", is_name)[0][:2] == ("advance", "ukraine")
    assert one("Russian forces control all of Kupiansk except for the industrial zone.", is_name)[0][4] == ["Kupiansk"]
    assert one("Russian forces do not control all of Kupiansk.", is_name) == []


def test_a_sides_attempts_to_advance_are_its_attacks(is_name):
    # "continued Russian attempts to advance through the fortifications in X": the side's noun is the subject
    assert one("Russian sources reported continued Russian attempts to advance through Ukrainian defenses in Kupiansk.",
               is_name)[0][:2] == ("attack", "russia")
    # "previous attempts" recount
    assert one("Previous Russian attempts to advance through Ukrainian defenses in Kupiansk failed.", is_name) == []


def test_a_sides_casualties_are_victims_not_the_subject(is_name):
    # "strikes on X killed 40 Russian servicemen and destroyed a depot in Y": the destroying is the strikes', not Russia's
    got = one("Ukrainian strikes on a concentration area killed 40 Russian servicemen and destroyed a depot in Kupiansk.", is_name)
    assert {(k, a) for k, a, *_ in got} == {("strike", "ukraine")}
    # a strike with no side named that killed one side's troops is the other side's
    assert one("A precision strike on Kupiansk killed up to 30 Russian servicemen.", is_name)[0][:2] == ("strike", "ukraine")


def test_a_foothold_or_bridgehead_gained_is_ground_gained(is_name):
    # "gained a foothold on the outskirts of X", "established a bridgehead in Y": done, not aimed at
    assert one("Russian sources claimed that Russian forces gained a foothold on the outskirts of Kupiansk.", is_name)[0][:3] == (
        "advance", "russia", "claimed")
    assert one("Ukrainian forces established a bridgehead in Kupiansk.", is_name)[0][:2] == ("advance", "ukraine")
    # trying to gain a foothold is an attempt, not ground gained: an attack, as "attempted to advance" is
    assert [e[:2] for e in one("Russian forces are trying to gain a foothold in Kupiansk.", is_name)] == [("attack", "russia")]


def test_restored_control_or_a_front_pushed_forward_is_ground_gained(is_name):
    # "restored control over X", "pushed the Kharkiv Oblast frontline 10 km east"
    assert one("Russian sources claimed that Russian forces restored control over Kupiansk.", is_name)[0][:2] == ("advance", "russia")
    assert one("Ukrainian forces pushed the Kharkiv Oblast frontline 10 km east.", is_name)[0][:2] == ("advance", "ukraine")


def test_a_launch_area_after_the_or_positions_on(is_name):
    # "from positions on the X", "launched drones from the X": where the strike was fired from, not where it fell
    assert one("Russian forces shelled Nikopol from positions on the Zaporizhzhia NPP grounds overnight.", is_name) == [
        ("strike", "russia", "confirmed", None, ["Nikopol"])]
    got = one("Ukrainian forces launched drones from the Antonivskyi Bridge to hit targets in Crimea.", is_name)
    assert [g[4] for g in got] == [["Crimea"]]


def test_an_attack_at_a_bearing_gives_way_to_the_advance_that_names_its_gain(is_name):
    # "counterattacks west of X and recaptured Y": Y is the claim; X only says where the counterattacks were
    got = one("Ukrainian forces continued counterattacks southwest of Izyum and recaptured Kamianka.", is_name)
    assert [(k, a, places) for k, a, _, _, places in got] == [("advance", "ukraine", ["Kamianka"])]
    # an attack with no gain named keeps its bearing town
    got = one("Russian forces attacked west of Kherson and shelled Mykolaiv.", is_name)
    assert [(k, places) for k, _, _, _, places in got] == [("attack", ["Kherson"]), ("strike", ["Mykolaiv"])]


def test_what_a_gain_would_allow_or_what_was_needed_or_planned_is_no_event(is_name):
    # "allows/enabling X to advance on Y", "needed to encircle Y", "planned to attack Y": a possibility or a plan
    assert one("The capture of Kreminna allows Russian forces to advance on Lyman and attack Siversk.", is_name) == []
    assert one("Ukrainian drives in the north, enabling them to advance on Kupiansk, were fast.", is_name) == []
    assert one("Russian forces remain far from the roads needed to encircle Bakhmut.", is_name) == []
    assert one("Russian commanders initially planned to attack Vuhledar from two directions.", is_name) == []


def test_where_attackers_set_out_from_is_not_attacked_when_the_goal_is_named(is_name):
    # "attacked X from positions in Y": Y is the attackers' own ground; alone, it stays the only place given
    got = one("Russian troops attempted to attack Kupiansk from positions in Svatove on Monday.", is_name)
    assert [g[4] for g in got] == [["Kupiansk"]]
    got = one("Russian sources claimed that Russian troops are advancing from positions in Svatove.", is_name)
    assert [g[4] for g in got] == [["Svatove"]]
    # "stopped groups from probing positions around X": X is where the probing was
    got = one("Ukrainian forces stopped Russian groups from probing Ukrainian positions around Kupiansk and Svatove.", is_name)
    assert [g[4] for g in got] == [["Kupiansk", "Svatove"]]


def test_preparing_seeking_or_the_aim_of_an_event_is_no_event(is_name):
    # "preparing defenses for street fighting", "were preparing missile strikes on X", "seeking to take X",
    # "with the aim of resuming offensive operations on X": plans, not the day's events
    assert one("Russian forces in Kupiansk are preparing defenses in the city for street fighting.", is_name) == []
    assert one("A Russian general claimed that Ukrainian forces were preparing massive missile strikes on Kharkiv.", is_name) == []
    assert one("Russian officials fear that Ukrainian forces are seeking to take control of Svatove.", is_name) == []
    assert one("Russian forces regrouped near Melitopol with the aim of resuming offensive operations on Orikhiv.", is_name) == []
    # "prepared" as an adjective is not a plan
    got = one("Russian forces attacked Ukrainian positions near Bakhmut despite prepared defenses.", is_name)
    assert [g[4] for g in got] == [["Bakhmut"]]


def test_a_place_in_a_but_clause_that_negates_or_forecasts_is_no_place_of_the_event(is_name):
    # "advanced near X but remain stalled south of Y", "captured X, but ... will need to cut roads from Y": Y is no event's
    got = one("Russian forces made limited advances west of Lyman on May 3 but remain stalled south of Izium.", is_name)
    assert [g[4] for g in got] == [["Lyman"]]
    got = one("Russian forces captured Soledar, but they will need to cut roads from Bakhmut to isolate it.", is_name)
    assert [g[4] for g in got] == [["Soledar"]]
    # the event's own object after "but": "shelled but did not damage X"
    got = one("Russian forces shelled but did not damage residential areas in Sloviansk.", is_name)
    assert [g[4] for g in got] == [["Sloviansk"]]


def test_an_event_word_that_qualifies_a_noun_is_no_event(is_name):
    # "offensive lines", "battle banners", "captured lines": the event word names a line or a banner, not a fight
    assert one("Russian troops kept their positions along offensive lines in Kupiansk on Monday.", is_name) == []
    assert one("The Kremlin handed battle banners to Russian units from Svatove.", is_name) == []
    assert one("Ukrainian officials said that Russian forces are holding captured lines near Bakhmut.", is_name) == []
    # the event itself still counts: "attacked Ukrainian lines near X"
    got = one("Russian forces attacked Ukrainian lines near Bakhmut.", is_name)
    assert [g[4] for g in got] == [["Bakhmut"]]


def test_a_participle_with_its_agent_after_a_noun_is_no_event_of_the_day(is_name):
    # "X, a town recaptured by Ukrainian forces in September", "a plan captured from Russian forces": what was taken before
    got = one("Russian forces attacked Kupiansk, a town recaptured by Ukrainian forces in early September in the east of "
              "Kharkiv Oblast.", is_name)
    assert [(g[0], g[1], g[4]) for g in got] == [("attack", "russia", ["Kupiansk"])]
    assert one("Ukrainian forces published a plan reportedly captured from Russian forces in Kherson Oblast.", is_name) == []
    # the finite verb of a force keeps its event: "Ukrainian forces recaptured from Russian forces the town of X"
    got = one("Ukrainian forces recaptured from Russian forces the town of Kupiansk.", is_name)
    assert [(g[0], g[1], g[4]) for g in got] == [("advance", "ukraine", ["Kupiansk"])]


def test_the_whole_of_a_capture_as_a_goal_is_no_event(is_name):
    # "in favor of the total capture of X", "the overall capture of Y": a goal or a topic, not the day's gain
    assert one("Russian forces regrouped near Kreminna, and their commanders now press for the total capture of Bakhmut.",
               is_name) == []
    assert one("Russian officials are handling the evacuation of Ukrainian forces from Kupiansk and the overall capture of "
               "Svatove.", is_name) == []
    # carried out by the subject, it is the day's: "completed the full capture of X"
    got = one("Russian forces completed the full capture of Soledar on Monday.", is_name)
    assert [(g[0], g[1], g[4]) for g in got] == [("advance", "russia", ["Soledar"])]


def test_what_an_act_is_meant_to_justify_or_assist_is_no_event(is_name):
    # "to justify slow, costly, and largely unsuccessful advances towards X", "to assist Russian forces in conducting
    # drone strikes on Y": the purpose of what the sentence tells, not an event of the day
    assert one("Russian officials described Ukrainian defenses as strong to justify slow, costly, and largely unsuccessful "
               "Russian advances towards Kupiansk.", is_name) == []
    assert one("Foreign instructors are in Svatove to assist Russian forces in conducting drone strikes on Kharkiv.", is_name) == []


def test_an_event_a_gain_is_a_prerequisite_or_a_bridgehead_for_is_no_event(is_name):
    # "a prerequisite for a Russian advance towards X", "a bridgehead/springboard for offensives on Y": what the gain
    # would serve, not an event of the day; the gain itself stays
    assert one("A Russian milblogger claimed that holding Svatove is a prerequisite for a Russian advance towards Kupiansk "
               "from the east.", is_name) == []
    assert one("Russian sources claimed that the capture of Soledar gives Russian forces a springboard for offensives on "
               "Kramatorsk.", is_name) == []
    got = one("Russian forces took Soledar, creating a bridgehead for attacks on Kramatorsk.", is_name)
    assert [(g[0], g[4]) for g in got] == [("advance", ["Soledar"])]


def test_the_town_an_attack_sets_out_from_is_not_attacked(is_name):
    # "attempted to advance from X to Y", "assaults from X on Y", "from the direction of X towards Y": X is the start line,
    # Y the place attacked
    got = one("Ukrainian troops repelled a Russian attempt to advance from Soledar to Bakhmut.", is_name)
    assert [(g[0], g[1], g[4]) for g in got] == [("attack", "russia", ["Bakhmut"])]
    got = one("Russian forces conducted assaults from the direction of Kreminna (5km east of Dibrova) towards Torske.",
              is_name)
    assert [(g[0], g[4]) for g in got] == [("attack", ["Torske"])]
    # the ground the enemy was driven from is where the fighting is: "drove Russian forces from X toward Y"
    got = one("Ukrainian forces counterattacked and drove Russian forces from Dibrova toward Kreminna.", is_name)
    assert [(g[0], g[4]) for g in got] == [("attack", ["Dibrova", "Kreminna"])]


def test_the_towns_naming_a_road_by_its_ends_are_no_places_of_the_claim(is_name):
    # "the R66 Svatove-Kreminna highway" says which road; its towns are not where the fighting was
    got = one("Ukrainian troops are advancing towards the R66 Svatove-Kreminna highway north of Kreminna.", is_name)
    assert [(k, places) for k, _, _, _, places in got] == [("advance", ["Kreminna"])]
    got = one("Russian forces attacked Kozacha Lopan, just west of the Kharkiv City-Belgorod highway.", is_name)
    assert [places for *_, places in got] == [["Kozacha Lopan"]]
    got = one("Russian artillery fired at Ukrainian positions in the direction of the Svatove-Kreminna highway.", is_name)
    assert [places for *_, places in got] in ([], [[]])


def test_fighting_before_the_paragraph_names_a_side_is_the_side_it_names_after(is_name):
    # "Fighting continued near X. Russian forces attacked Y": the side the paragraph describes as attacking, named after
    # the fighting; "Russian and Ukrainian forces continued offensive operations near X" names both, so the same
    def claims(*paragraphs):
        report = Report(date=dt.date(2022, 9, 5), title="t", url="u",
                        paragraphs=tuple(Paragraph(p, "Eastern axis") for p in paragraphs))
        return [(c.kind, c.actor, c.status, [m.text for m in c.mentions]) for c in extract_claims(report, is_name)]

    assert claims("Heavy fighting went on near Vovchansk without any change of the front line. Ukrainian forces attacked "
                  "near Kupiansk on September 5.") == [("attack", "ukraine", "confirmed", ["Vovchansk"]),
                                                      ("attack", "ukraine", "confirmed", ["Kupiansk"])]
    assert claims("Ukrainian and Russian forces reportedly continued offensive operations near Siversk. The General Staff "
                  "reported that Russian troops attacked near Soledar.") == [
        ("attack", "russia", "claimed", ["Siversk"]), ("attack", "russia", "claimed", ["Soledar"])]
    # a side named in the next paragraph is not this paragraph's
    assert claims("Heavy fighting went on near Vovchansk.", "Russian forces attacked near Kupiansk.") == [
        ("attack", "russia", "confirmed", ["Kupiansk"])]


def test_a_weapon_before_its_strike_verb_is_the_subject(is_name):
    # "four Russian rockets hit X", "Ukrainian counterbattery fire struck Y": the side of the weapon's adjective; "The
    # missiles struck Z" with no side: the side of the paragraph's strike just told
    got = one("Local officials said that four Russian rockets hit a school in Nikopol.", is_name)
    assert [(g[0], g[1], g[4]) for g in got] == [("strike", "russia", ["Nikopol"])]
    got = one("Ukrainian counterbattery fire struck a Russian mortar crew near Kupiansk.", is_name)
    assert [(g[0], g[1], g[4]) for g in got] == [("strike", "ukraine", ["Kupiansk"])]
    para = "Russian forces launched several missiles at Kharkiv Oblast overnight. The missiles struck a warehouse in Lozova."
    report = Report(date=dt.date(2022, 9, 5), title="t", url="u", paragraphs=(Paragraph(para, "Kharkiv axis"),))
    assert [(c.kind, c.actor, [m.text for m in c.mentions]) for c in extract_claims(report, is_name)] == [
        ("strike", "russia", ["Kharkiv Oblast"]), ("strike", "russia", ["Lozova"])]
    # alone, the weapons name no side
    assert one("The missiles struck a warehouse in Lozova.", is_name) == []


def test_an_event_in_a_where_clause_is_at_the_places_before_it(is_name):
    # "..., where fighting is ongoing": the relative clause's event is at the place (or the list of places) it is said of,
    # past a bracket that locates it; a hedge in its predicate ("is reportedly ongoing") makes it claimed
    got = one("Footage shows Russian troops on the eastern edge of Siversk, where street fighting went on as of May 4.", is_name)
    assert [(g[0], g[1], g[2], g[4]) for g in got] == [("attack", "russia", "confirmed", ["Siversk"])]
    got = sentence_claims("Russian efforts are focused on taking Soledar and Siversk, where heavy fighting is reportedly "
                          "ongoing.", is_name, side="russia")
    assert [(e.kind, e.actor, e.status, [m.text for m in e.mentions]) for e in got] == [
        ("attack", "russia", "claimed", ["Soledar", "Siversk"])]
    got = one("Russian troops are entrenched near Lyman (30km north of Kramatorsk), where fighting continues.", is_name)
    assert [(g[0], g[4]) for g in got] == [("attack", ["Lyman"])]
    # a place the clause is not said of is not its place
    assert one("Russian forces shelled Siversk, where fighting may resume.", is_name) == [
        ("strike", "russia", "confirmed", None, ["Siversk"])]


def test_the_town_of_the_attackers_subject_gives_way_to_where_they_go(is_name):
    # "troops in X are attacking toward Y", "sabotage groups near X attacked Y": X is where they are; alone, X stays
    got = one("Russian troops in Kreminna are pushing west toward Torske on Tuesday.", is_name)
    assert [places for *_, places in got] == [["Torske"]]
    got = one("Russian sabotage groups near Bakhmut unsuccessfully attacked Soledar.", is_name)
    assert [places for *_, places in got] == [["Soledar"]]
    got = one("Russian forces in Bakhmut advanced up to 200 meters on Tuesday.", is_name)
    assert [places for *_, places in got] == [["Bakhmut"]]


def test_two_seasons_of_a_past_year_are_a_look_back(is_name):
    # "in the summer and fall of 2022", "during the spring or early summer of 2022" in a 2023 report: background
    s = "Russian forces attacked Siversk repeatedly in the summer and fall of 2022."
    assert sentence_claims(s, is_name, day=dt.date(2023, 1, 20)) == []
    s = "Ukrainian forces struck Kherson Oblast during the spring or early summer of 2022."
    assert sentence_claims(s, is_name, day=dt.date(2023, 1, 20)) == []
    s = "Russian forces attacked Siversk on January 19."
    assert [e.kind for e in sentence_claims(s, is_name, day=dt.date(2023, 1, 20))] == ["attack"]


def test_no_evidence_that_a_long_subject_acted_is_no_claim(is_name):
    # "there is no evidence that <a subject of several words> advanced": negated however far the "no" stands
    assert one("There is no evidence that elements of the Russian 20th Combined Arms Army captured Soledar.", is_name) == []
    assert one("Russian sources claimed gains, but there is no evidence that Russian or proxy forces have advanced "
               "beyond Soledar.", is_name) == []
    got = one("There is no visual evidence that Russian forces captured Soledar, but Russian forces advanced near Bakhmut.",
              is_name)
    assert [(k, places) for k, _, _, _, places in got] == [("advance", ["Bakhmut"])]


def test_troops_shown_in_a_town_against_a_claim_to_have_taken_it_hold_it(is_name):
    # README: a control statement answering "recent Russian claims that they captured X" is no advance
    assert one("New footage shows Ukrainian troops in Kurakhove despite Russian claims that they seized the town.",
               is_name) == []
    assert one("Geolocated footage shows Ukrainian soldiers in Toretsk, indicating that earlier Russian claims of "
               "taking Toretsk are false.", is_name) == []
    got = one("Geolocated footage shows Ukrainian soldiers in Toretsk on Monday.", is_name)
    assert [(k, a, places) for k, a, _, _, places in got] == [("advance", "ukraine", ["Toretsk"])]


def test_the_towns_an_attack_set_out_from_after_its_destination_are_not_attacked(is_name):
    # "toward Y from X and Z", "on Y (a bearing) from the direction of X": X and Z are the start line, Y the place attacked
    got = one("Russian troops tried to advance toward Bakhmut from Soledar and Yakovlivka on May 3.", is_name)
    assert [(g[0], g[4]) for g in got] == [("attack", ["Bakhmut"])]
    got = one("Ukrainian forces attacked on Kreminna (20km west of Rubizhne) from the direction of Torske.", is_name)
    assert [(g[0], g[4]) for g in got] == [("attack", ["Kreminna"])]
    # the ground the enemy was driven from is where the fighting is
    # (pushing the other side back is ground gained: an advance)
    got = one("Ukrainian forces counterattacked and pushed Russian troops back toward Kreminna from Torske.", is_name)
    assert [(g[0], g[4]) for g in got] == [("advance", ["Kreminna", "Torske"])]


def test_the_towns_an_attack_set_out_from_near_or_around_are_not_attacked(is_name):
    # "from near|around|occupied X (bracket) toward Y", "from X and Z in the direction of Y", "to occupied positions in Y"
    got = one("Russian forces tried to advance from near Soledar (10km northeast of Bakhmut) toward Bakhmut.", is_name)
    assert [(g[0], g[4]) for g in got] == [("attack", ["Bakhmut"])]
    got = one("Russian troops failed to advance from occupied Yakovlivka to positions in Soledar.", is_name)
    assert [(g[0], g[4]) for g in got] == [("attack", ["Soledar"])]
    got = one("Russian forces attempted to advance on Bakhmut from around Soledar and Yakovlivka.", is_name)
    assert [(g[0], g[4]) for g in got] == [("attack", ["Bakhmut"])]


def test_a_bearing_narrowed_to_an_area_or_direction_gives_way_to_it(is_name):
    got = one("Russian forces attacked southwest of Bakhmut in the Soledar area on Monday.", is_name)
    assert [(g[0], g[4]) for g in got] == [("attack", ["Soledar"])]
    got = one("Russian forces made gains north of Bakhmut in the direction of Soledar.", is_name)
    assert [(g[0], g[4]) for g in got] == [("advance", ["Soledar"])]
    got = one("Russian forces attacked southwest of Bakhmut.", is_name)
    assert [(g[0], g[4]) for g in got] == [("attack", ["Bakhmut"])]


def test_the_town_of_forces_an_aim_would_help_is_not_a_place_of_the_event(is_name):
    got = one("Russian forces attacked Soledar to support stalled forces in Bakhmut.", is_name)
    assert [(g[0], g[4]) for g in got] == [("attack", ["Soledar"])]
    got = one("Ukrainian troops advanced near Soledar to link up with Ukrainian forces in Bakhmut.", is_name)
    assert [(g[0], g[4]) for g in got] == [("advance", ["Soledar"])]


def test_forcing_the_enemy_from_its_positions_in_a_town_is_a_gain_there(is_name):
    # "forced X forces from their positions near Y", "pushed X forces out from a stronghold in Y": the ground was taken
    got = one("Russian forces forced Ukrainian troops from their positions near Soledar.", is_name)
    assert [(g[0], g[1], g[4]) for g in got] == [("advance", "russia", ["Soledar"])]
    got = one("Ukrainian forces pushed Russian forces out from a stronghold in Kreminna.", is_name)
    assert [(g[0], g[1], g[4]) for g in got] == [("advance", "ukraine", ["Kreminna"])]


def test_a_part_of_the_settlement_named_before_is_the_ground_taken(is_name):
    # "seized the northern half of the settlement", "a foothold in the outskirts of the settlement": the town named before
    got = one("Russian forces attacked Soledar and established a foothold on the eastern outskirts of the settlement.", is_name)
    assert [(g[0], g[4]) for g in got] == [("attack", ["Soledar"]), ("advance", ["Soledar"])]


def test_oblast_borders_stay_beside_another_oblasts_front(is_name):
    # "along the A-B and A-C Oblast borders and on the D Oblast frontline": every oblast named; a town named with the
    # border still locates the claim instead ("northwest of X along the A-B Oblast border")
    got = one("Russian forces shelled positions along the Mykolaiv-Kherson and Kherson-Zaporizhia Oblast borders and "
              "settlements on the Donetsk Oblast frontline.", is_name)
    assert [(g[0], g[4]) for g in got] == [("strike", ["Kherson", "Donetsk Oblast"])]


def test_a_side_that_withdrew_from_a_town_gave_it_to_the_other_side(is_name):
    # "Ukrainian forces withdrew from X (to Y)": the other side's gain at X, claimed by whoever said it
    got = one("The Russian MoD claimed that Ukrainian forces withdrew from Soledar to Bakhmut.", is_name)
    assert [(g[0], g[1], g[2], g[4]) for g in got] == [("advance", "russia", "claimed", ["Soledar"])]
    got = one("Russian forces retreated westward from Kreminna on Tuesday.", is_name)
    assert [(g[0], g[1], g[4]) for g in got] == [("advance", "ukraine", ["Kreminna"])]
    # units named by the participle, a formation moved elsewhere, a withdrawal called false: no ground given up
    assert one("Russian units withdrawn from Kharkiv are resting near Belgorod.", is_name) == []
    assert one("Unspecified Russian elements withdrew from Kherson to Melitopol.", is_name) == []
    assert one("Reports that Ukrainian forces withdrew from Soledar are false.", is_name) == []


def test_control_inferred_from_footage(is_name):
    # footage of troops near a town that "indicates that they control the settlement": the town named last
    assert one("Geolocated footage posted on May 2 shows Ukrainian troops east of Kupyansk and north of Svatove and likely "
               "indicates that Ukrainian forces control the settlement.", is_name) == [
        ("advance", "ukraine", "confirmed", None, ["Svatove"])]
    assert one("Geolocated imagery suggests that Russian forces now control most of Marinka.", is_name) == [
        ("advance", "russia", "confirmed", None, ["Marinka"])]
    # a defender's hold, and control inferred from shelling: not ground gained
    assert one("Drone footage indicates that Ukrainian forces likely hold positions near Siversk.", is_name) == []
    assert one("Russian forces shelled Kreminna, indicating that Ukrainian troops control this settlement.", is_name) == [
        ("strike", "russia", "confirmed", None, ["Kreminna"])]


def test_what_an_event_does_not_portend(is_name):
    # the event something is said not to foretell has not happened, and its place is not the earlier event's
    assert one("The Russian activity is likely an information operation and does not portend a resumption of a "
               "Russian offensive near Vuhledar.", is_name) == []
    assert one("Russian forces captured Siversk on May 3, but this is unlikely to presage an imminent Russian encirclement "
               "of Kramatorsk.", is_name) == [("advance", "russia", "confirmed", None, ["Siversk"])]
    assert one("Russian forces captured Siversk on May 3 and are unlikely to presage an encirclement of Kramatorsk.", is_name) == [
        ("advance", "russia", "confirmed", None, ["Siversk"])]


def test_defenders_fighting_on_hold_out(is_name):
    assert one("Ukrainian defenders continued to fight in Marinka despite heavy losses.", is_name) == []
    assert one("The Ukrainian defenders of Avdiivka continue to fight.", is_name) == []
    assert one("Russian troops continued to attack Ukrainian defenders in Marinka.", is_name) == [
        ("attack", "russia", "confirmed", None, ["Marinka"])]


def test_pictures_of_destroyed_equipment_are_the_other_sides_strike(is_name):
    assert one("Ukrainian officials published images of destroyed Russian artillery in Marinka.", is_name) == [
        ("strike", "ukraine", "claimed", "Ukrainian officials", ["Marinka"])]
    assert one("Russian milbloggers shared footage of two burning Ukrainian tanks near Vuhledar.", is_name) == [
        ("strike", "russia", "claimed", "Russian milbloggers", ["Vuhledar"])]


def test_a_season_after_from_dates_the_sentence(is_name):
    got = sentence_claims("Russian milbloggers shared pictures of a destroyed Russian radar in Orikhiv from fall 2022.", is_name,
                          day=dt.date(2023, 1, 20))
    assert got == []


def test_positions_established_are_ground_gained(is_name):
    assert one("Geolocated footage shows that Ukrainian forces established positions in southern Kreminna.", is_name) == [
        ("advance", "ukraine", "confirmed", None, ["southern Kreminna"])]
    assert one("Russian milbloggers claimed that Wagner fighters took up positions near Siversk.", is_name) == [
        ("advance", "russia", "claimed", "Russian milbloggers", ["Siversk"])]
    # defensive positions dug, and the positions an attack set out from, are no gain
    assert one("Russian forces took up defensive positions in Svatove.", is_name) == []
    got = one("Russian forces attacked Bakhmut from established positions in Siversk.", is_name)
    assert [g[0] for g in got] == ["attack"]


def test_a_scouting_verb_shares_its_object_with_the_event_before_it(is_name):
    # "conducted strikes and reconnoitered positions around A and B": the places are the strikes' too
    got = one("Russian forces conducted artillery strikes and reconnoitered Ukrainian positions around Lyman and Siversk.", is_name)
    assert [(g[0], g[4]) for g in got] == [("strike", ["Lyman", "Siversk"])]
    got = one("Ukrainian forces counterattacked and probed Russian defenses near Kreminna.", is_name)
    assert [(g[0], g[4]) for g in got] == [("attack", ["Kreminna"])]


def test_a_side_that_abandoned_its_positions_in_a_town_gave_it_to_the_other_side(is_name):
    # "abandoned their positions in X", "forced X troops to abandon Y": the other side's gain, as "withdrew from X"
    got = one("The Ukrainian General Staff stated that Russian forces abandoned their positions in Kreminna.", is_name)
    assert [(g[0], g[1], g[2], g[4]) for g in got] == [("advance", "ukraine", "claimed", ["Kreminna"])]
    got = one("Ukrainian forces forced Russian troops to abandon Lyman on Sunday.", is_name)
    assert [(g[0], g[1], g[4]) for g in got] == [("advance", "ukraine", ["Lyman"])]
    # the town named again after the verb is the one named before
    got = one("Ukrainian forces shelled Russian positions in Svatove, and Russian troops have abandoned Svatove.", is_name)
    assert [(g[0], g[1], g[4]) for g in got] == [("strike", "ukraine", ["Svatove"]), ("advance", "ukraine", ["Svatove"])]
    # efforts, vehicles, men deserting: no ground given up
    assert [g[0] for g in one("Russian forces abandoned efforts to encircle Kyiv.", is_name)] != ["advance"]
    assert one("Russian troops abandoned several tanks near Izyum.", is_name) == []
    assert one("A milblogger claimed that Russian personnel abandoned their positions in Lyman.", is_name) == []


def test_trying_to_move_towards_a_town_or_to_break_defenses_is_an_attack(is_name):
    # "tried to move towards X", "trying to move from X to Y", "attempted to break Ukrainian defenses near Z"
    got = one("Russian forces shelled Kreminna and tried to move towards Siversk.", is_name)
    assert [(g[0], g[4]) for g in got] == [("strike", ["Kreminna"]), ("attack", ["Siversk"])]
    got = one("A milblogger claimed that Russian forces are trying to move from Soledar to Siversk.", is_name)
    assert [(g[0], g[2], g[4]) for g in got] == [("attack", "claimed", ["Siversk"])]
    got = one("Russian forces from Izyum attempted to break Ukrainian lines of defense near Lyman.", is_name)
    assert [(g[0], g[4]) for g in got] == [("attack", ["Lyman"])]
    # a move that is no ground movement
    assert one("The Russian military tried to move to an all-volunteer army in 2008.", is_name) == []


def test_a_claimant_of_several_parties_names_them_all():
    # "X and Y" as the subject of a verb of saying: both parties, not the first or the last one alone
    assert claimant_name("The Ukrainian General Staff and Russian sources") == "Ukrainian General Staff and Russian sources"
    assert claimant_name("The Russian MoD and several Russian milbloggers") == "Russian MoD and Russian milbloggers"
    assert claimant_name("Both Russian and Ukrainian sources") == "Russian and Ukrainian sources"
    assert claimant_name("Ukrainian, Russian, and social media sources") == "Ukrainian, Russian, and social media sources"
    # sources with no side of their own are the side's named before them
    assert claimant_name("Ukrainian officials and other sources") == "Ukrainian officials and Ukrainian sources"
    # one party whose name holds "and" stays one party
    assert claimant_name("Troops from the Donetsk and Luhansk People’s Republics") == \
        "Troops from the Donetsk and Luhansk People’s Republics"
    # a third country's sources are not a side's
    assert claimant_name("Western intelligence sources") == "Western intelligence sources"


def test_a_claimant_after_a_lead_word_or_clause():
    assert claimant_name("Nevertheless, the Luhansk People’s Republic People’s Militia") == \
        "Luhansk People’s Republic People’s Militia"
    assert claimant_name("After the missiles hit the city, the Kharkiv Oblast Head") == "Kharkiv Oblast Head"


def test_a_second_verb_of_saying_keeps_its_speaker(is_name):
    got = one("The Melitopol Mayor reported that Russian forces began hiding military equipment in schools and confirmed "
              "that Ukrainian drones struck Melitopol.", is_name)
    assert [(k, a, s, c) for k, a, s, c, _ in got] == [("strike", "ukraine", "claimed", "Melitopol Mayor")]


def test_a_country_named_as_a_place_is_not_the_side_of_the_noun_after_it(is_name):
    # "operations in eastern Ukraine made gains": Ukraine is where, not whose; the gains are the Russian operations'
    got = one("Russian offensive operations in eastern Ukraine made minor advances near Soledar on May 3.", is_name)
    assert [(k, a) for k, a, *_ in got if "Soledar" in _[-1]] == [("advance", "russia")]


def test_a_statement_or_a_complaint_is_a_claim(is_name):
    # a speaker's statement, assessment or complaint "that X" reports X as its verbs of saying do
    got = one("The IAEA issued a statement on May 4 that Russian strikes hit Zaporizhzhia.", is_name)
    assert [(k, a, s, c) for k, a, s, c, _ in got] == [("strike", "russia", "claimed", "IAEA")]
    got = one("Several Russian milbloggers made gloomy assessments that Ukrainian forces struck Melitopol.", is_name)
    assert [(k, a, s, c) for k, a, s, c, _ in got] == [("strike", "ukraine", "claimed", "Russian milbloggers")]
    got = one("A pro-Russian reporter complained that Russian forces are still attacking Marinka.", is_name)
    assert [(k, a, s) for k, a, s, c, _ in got] == [("attack", "russia", "claimed")]
    # ISW's own assessment stays its own
    got = one("The footage supports ISW’s assessment that Russian forces struck Melitopol.", is_name)
    assert [(k, a, s) for k, a, s, c, _ in got] == [("strike", "russia", "confirmed")]


def test_no_confirmation_that_is_no_event(is_name):
    assert one("Local sources noted that there is no official confirmation that Ukrainian forces have liberated "
               "Melitopol southeast of Zaporizhzhia.", is_name) == []


def test_reports_isw_cannot_confirm_are_claims(is_name):
    got = one("Ukrainian forces likely counterattacked near Marinka, though ISW cannot independently confirm these reports.",
              is_name)
    assert [(k, a, s, c) for k, a, s, c, _ in got] == [("attack", "ukraine", "claimed", None)]
    # what ISW cannot confirm is a detail, not the event: the attack stays ISW's own
    got = one("Russian forces attacked Marinka, though ISW cannot confirm any changes in control of terrain.", is_name)
    assert [(k, a, s) for k, a, s, c, _ in got] == [("attack", "russia", "confirmed")]


def test_an_adverb_after_the_speaker_is_not_its_name():
    assert claimant_name("Russian forces had falsely") == "Russian forces"
    assert claimant_name("The Russian MoD officially") == "Russian MoD"


def test_kinds_of_sources_keep_their_names(is_name):
    # sources named by a kind, with no side's name, are not "Russian sources"
    assert claimant_name("LNR sources") == "LNR sources"
    assert claimant_name("Several social media sources") == "social media sources"
    assert claimant_name("Several sources") == "Russian sources"  # no kind named: as before
    # a list of sides before the last item is one subject, not cut at its ", and"
    got = one("Ukrainian, Russian, and social media sources reported that Russian forces struck Odesa.", is_name)
    assert [c for *_, c, _ in got] == ["Ukrainian, Russian, and social media sources"]


def test_an_events_own_clause_naming_the_town_again_places_it_there(is_name):
    # "... and pushed Russian troops from the southern part of the settlement": the town the sentence named before
    got = one("Ukrainian forces attacked near Kreminna and pushed Russian troops from the southern part of the settlement.", is_name)
    assert [(g[0], g[1], g[4]) for g in got] == [("attack", "ukraine", ["Kreminna"]), ("advance", "ukraine", ["Kreminna"])]
    got = one("A Russian milblogger claimed that Russian forces attacked Soledar from the east and reached the railway station on "
              "the western outskirts of the town.", is_name)
    assert [(g[0], g[2], g[4]) for g in got] == [("attack", "claimed", ["Soledar"]), ("advance", "claimed", ["Soledar"])]
    # fighting goes with the same side's gain there ("control half of X, and street fighting continues across the city")
    got = one("Russian forces control half of Bakhmut, and street fighting continues across the city.", is_name)
    assert [(g[0], g[1], g[4]) for g in got] == [("advance", "russia", ["Bakhmut"]), ("attack", "russia", ["Bakhmut"])]


def test_a_town_named_again_is_not_placed_from_a_claimant_or_a_defender(is_name):
    # the town of the officials who said it is not where the attacks were
    assert one("Officials in Kupiansk reported that Russian forces conducted unsuccessful attacks and remain far from the "
               "city.", is_name) == []
    # the defenders' fighting in a town the other side struck is not an attack of theirs
    got = one("Russian forces shelled Kupiansk, and Ukrainian forces are still fighting in the settlement.", is_name)
    assert [(g[0], g[1], g[4]) for g in got] == [("strike", "russia", ["Kupiansk"])]
    # the town named again in a clause of its own ("though the settlement remains contested") is not the event's
    got = one("Russian forces shelled Kupiansk, and Ukrainian forces counterattacked, though the settlement remains contested.",
              is_name)
    assert [(g[0], g[1], g[4]) for g in got] == [("strike", "russia", ["Kupiansk"])]
    # nor is a move ahead of an event ("in advance of attempts to move on the city")
    got = one("Russian forces shelled Kupiansk, likely in advance of attempts to move on the city.", is_name)
    assert [(g[0], g[1], g[4]) for g in got] == [("strike", "russia", ["Kupiansk"])]


def test_probing_the_other_sides_defenses_is_an_attack(is_name):
    # "probing Russian defenses in X", "probed Ukrainian positions near Y", "probing of Russian positions": a small assault
    got = one("A Russian milblogger claimed that Ukrainian forces are probing Russian defenses in Kreminna.", is_name)
    assert [(g[0], g[1], g[2], g[4]) for g in got] == [("attack", "ukraine", "claimed", ["Kreminna"])]
    got = one("Russian troops probed Ukrainian positions near Soledar on Tuesday.", is_name)
    assert [(g[0], g[1], g[4]) for g in got] == [("attack", "russia", ["Soledar"])]
    got = one("Ukrainian forces continued methodical probing of Russian positions near Kupiansk.", is_name)
    assert [(g[0], g[1], g[4]) for g in got] == [("attack", "ukraine", ["Kupiansk"])]
    # a probe of something else is no assault
    assert one("Russian investigators opened a probe into Ukrainian officials in Kherson.", is_name) == []


def test_attacks_an_attempt_was_made_through_are_events_of_the_day(is_name):
    # "attempted to advance toward X through attacks on A and B": the means of the attempt, each an attack there
    got = one("Officials reported that Russian forces attempted to advance toward Bakhmut through attacks on Soledar and "
              "Kreminna.", is_name)
    assert [(g[0], g[1], g[2], g[4]) for g in got] == [("attack", "russia", "claimed", ["Bakhmut"]),
                                                       ("attack", "russia", "claimed", ["Soledar", "Kreminna"])]
    # "through the counteroffensive near X" still dates something else
    assert one("Russian forces held their positions through the Ukrainian counteroffensive near Kupiansk.", is_name) == []


def test_forces_fighting_somewhere_named_as_a_prepositions_object_is_no_fighting(is_name):
    # "donations for Russian forces fighting in X", "relatives of servicemen fighting in Y": who the people are, not a
    # fight the sentence reports
    s = "An occupation official called for donations to buy radios for Russian forces fighting in Zaporizhia on May 3."
    assert one(s, is_name) == []
    s = "Relatives of Russian servicemen fighting in Kharkiv Oblast complained to local officials on May 3."
    assert one(s, is_name) == []
    # footage of them fighting, and forces that are the subject, fight there
    s = "Geolocated footage posted on May 3 shows Russian forces fighting near Kupiansk."
    assert [e[:2] for e in one(s, is_name)] == [("attack", "russia")]
    s = "A milblogger posted footage of Russian forces fighting near Kupiansk on May 3."
    assert [(e[0], e[1], e[4]) for e in one(s, is_name)] == [("attack", "russia", ["Kupiansk"])]
    # any event participle: "to link up with forces advancing in X" is where the others are, not an advance reported
    s = "Russian forces near Izyum likely intend to link up with Russian forces advancing west in Luhansk Oblast."
    assert one(s, is_name) == []
    # a drone attacking a place is a strike there
    s = "Video shows an explosion from a Ukrainian drone attacking an oil depot in Luhansk Oblast on May 3."
    assert [e[0] for e in one(s, is_name)] != []


def test_an_event_noun_told_as_an_earlier_one_is_background(is_name):
    # "previous Ukrainian strikes on X", "earlier Russian assaults on Y": recounted, not the day's claims
    s = "The strike was not filmed, unlike previous Ukrainian strikes on facilities in Crimea."
    assert one(s, is_name) == []
    s = "Officials said that earlier Russian assaults on Kupiansk had exhausted the attacking units."
    assert one(s, is_name) == []
    # recent strikes are the report's news
    s = "The Ukrainian General Staff reported that recent Ukrainian strikes on Tokmak destroyed an ammunition depot."
    assert [e[:2] for e in one(s, is_name)] == [("strike", "ukraine")]


def test_a_ground_event_given_as_the_cause_of_something_else_is_no_claim(is_name):
    # "filtration measures as a result of the Ukrainian counteroffensive in X", "deserters who fled Ukrainian
    # counteroffensives in Y", "in response to Ukrainian attacks on Z": why something else happened, not reported here
    s = "Occupation authorities intensified filtration measures as a result of the Ukrainian counteroffensive in Kherson Oblast."
    assert one(s, is_name) == []
    s = "Russian commanders are searching Horlivka for deserters who fled Ukrainian counteroffensives in Kharkiv Oblast."
    assert one(s, is_name) == []
    # a strike given as the cause was still struck
    s = "Russian forces reinforced air defenses on Snake Island in response to Ukrainian strikes on the island."
    assert [e[:2] for e in one(s, is_name)] == [("strike", "ukraine")]


def test_a_second_bare_infinitive_of_an_aim_is_the_aim(is_name):
    # "presumably to isolate and then take X", "the campaign to encircle and seize Y": what is aimed at, not taken
    s = "Russian forces are pushing toward Kupiansk, presumably to isolate and then take Kreminna later this month."
    assert [e[0] for e in one(s, is_name) if "Kreminna" in e[4]] == []
    s = "Analysts blamed the failure of the winter campaign to surround and capture Kreminna on poor logistics."
    assert one(s, is_name) == []
    # the same pair after a verb of trying is the attempt itself
    s = "Russian forces attempted to surround and capture Kreminna on May 3."
    assert [(e[0], e[1], e[4]) for e in one(s, is_name)] == [("attack", "russia", ["Kreminna"])]


def test_an_event_given_up_for_another_is_no_claim(is_name):
    # "prioritizing X at the expense of efforts to take Y": the efforts are the alternative not pursued
    s = "Russian forces are prioritizing assaults near Kupiansk at the expense of efforts to take Kreminna."
    assert [(e[0], e[4]) for e in one(s, is_name)] == [("attack", ["Kupiansk"])]
    # "did not launch X or conduct Y": the negation covers the verb after "or"
    s = "Russian forces did not attack near Kupiansk or conduct offensive operations around Kreminna on May 3."
    assert one(s, is_name) == []


def test_advances_a_consequence_slowed_are_not_reported(is_name):
    # "withdrew forces from other axes, slowing down Russian advances in X": analysis of an effect, no advance of the day
    s = "Commanders likely moved these units to Bakhmut, slowing down Russian advances in Zaporizhia and Luhansk Oblast."
    assert one(s, is_name) == []
    s = "Russian forces made small advances near Kreminna and slowed the Ukrainian counteroffensive."
    assert [(e[0], e[1], e[4]) for e in one(s, is_name)] == [("advance", "russia", ["Kreminna"])]


def test_a_person_s_efforts_that_someone_deflected_are_no_attack(is_name):
    # "deflected Russian President Putin's efforts ... during a meeting in X": politics at the meeting's place
    s = "The Belarusian president thwarted Russian President Vladimir Putin’s efforts to secure concessions during talks in Kharkiv on May 3."
    assert one(s, is_name) == []
    # a side's attacks that were deflected are still attacks
    s = "Ukrainian forces repelled Russian assaults near Kreminna on May 3."
    assert [(e[0], e[1]) for e in one(s, is_name)] == [("attack", "russia")]


def test_the_people_of_a_side_as_the_subject_of_a_military_verb(is_name):
    # "the Russians shelled X": the side's forces did it, not the side named earlier in the sentence
    s = "The mayor said that Ukrainian forces hold Kupiansk but that the Russians continue to shell the town and Kreminna."
    assert [(e[0], e[1]) for e in one(s, is_name)] == [("strike", "russia")]
    s = "A milblogger claimed that Ukrainians took control of Kreminna on May 3."
    assert [(e[0], e[1], e[4]) for e in one(s, is_name)] == [("advance", "ukraine", ["Kreminna"])]
    # the people as civilians do nothing military
    assert one("Thousands of Ukrainians fled Kupiansk while Russian forces shelled the Kharkiv Oblast border.", is_name) == [
        ("strike", "russia", "confirmed", None, ["Kharkiv Oblast"])]


def test_a_place_in_the_other_side_s_clause_is_not_the_earlier_event_s(is_name):
    # "Ukrainian forces counterattacked near X, and Russian forces continued to secure gains around Y": Y is in the Russian
    # clause, whose verb is no event; the Ukrainian counterattack is not at Y
    s = "Ukrainian forces counterattacked near Kupiansk on May 3, and Russian forces continued to hold positions around Kreminna."
    assert [(e[0], e[1], e[4]) for e in one(s, is_name)] == [("attack", "ukraine", ["Kupiansk"])]
    s = "Footage showed that Russian forces advanced near Kupiansk, and other footage indicated that Ukrainian forces held their positions near Kreminna."
    assert [(e[0], e[1], e[4]) for e in one(s, is_name)] == [("advance", "russia", ["Kupiansk"])]
    # the other side named as the object of the event keeps the place with it
    s = "Ukrainian partisans struck collaborators and Russian artillery systems in Kreminna on May 3."
    assert [(e[0], e[1], e[4]) for e in one(s, is_name)] == [("strike", "ukraine", ["Kreminna"])]


def test_strikes_on_advancing_forces_are_strikes(is_name):
    # "strikes on advancing Russian forces in X": "advancing" describes the target, the event is the strike
    s = "Geolocated footage shows Ukrainian forces conducting strikes on advancing Russian forces in Kreminna."
    assert [(e[0], e[1], e[4]) for e in one(s, is_name)] == [("strike", "ukraine", ["Kreminna"])]


def test_a_passive_event_is_its_agent_s(is_name):
    # "Ukrainian troops claiming to be encircled by Russian troops in X": the agent after "by" acts, not the subject
    s = "Footage shows Ukrainian soldiers saying that they were encircled by Russian troops near Kreminna on May 3."
    assert [(e[0], e[1], e[4]) for e in one(s, is_name)] == [("attack", "russia", ["Kreminna"])]


def test_a_side_s_event_noun_called_unlikely_is_a_forecast(is_name):
    # "Successful Russian offensive operations in X are extremely unlikely": a judgement about the future, no event
    s = "Successful Ukrainian counteroffensives near Kreminna are highly unlikely this winter."
    assert one(s, is_name) == []
    s = "Russian assaults near Kreminna remain unlikely to succeed."
    assert one(s, is_name) == []


def test_a_side_s_unit_after_of_is_no_subject(is_name):
    # "destroyed the depot and command post of the Russian 247th Regiment in X and struck Y": the Russian unit owns the
    # command post; the second strike is still the Ukrainian units'
    s = ("Ukrainian artillery units destroyed the depot and command post of the Russian 20th Motorized Rifle Division in "
         "Kreminna and struck a headquarters in Kupiansk.")
    assert {(e[0], e[1]) for e in one(s, is_name)} == {("strike", "ukraine")}


def test_trying_to_gain_a_foothold_is_an_attack(is_name):
    # "are trying to gain a foothold in X": a ground assault that has not (yet) taken ground
    s = "The Ukrainian General Staff stated that Russian troops attempted to gain a foothold in Kreminna and Kupiansk on May 3."
    assert [(e[0], e[1], e[2], e[4]) for e in one(s, is_name)] == [("attack", "russia", "claimed", ["Kreminna", "Kupiansk"])]
    s = "Russian forces gained a foothold in Kreminna on May 3."
    assert [(e[0], e[1]) for e in one(s, is_name)] == [("advance", "russia")]


def test_a_party_claiming_control_of_a_place_claims_its_side_s_advance(is_name):
    # "the Russian MoD claimed full control of X": the speaker's own side took X, as the speaker says
    s = "The Russian Defense Ministry claimed full control of Kreminna on May 3."
    assert one(s, is_name) == [("advance", "russia", "claimed", "Russian MoD", ["Kreminna"])]
    s = "Ukrainian officials claimed control over Kupiansk and Kreminna on May 3."
    assert [(e[0], e[1], e[2], e[4]) for e in one(s, is_name)] == [("advance", "ukraine", "claimed", ["Kupiansk", "Kreminna"])]


def test_using_a_weapon_against_a_place_is_a_strike(is_name):
    # "began using heavy artillery against X", "used incendiary munitions against positions in Y"
    s = "Russian forces began using heavy artillery against Kupiansk on May 3."
    assert [(e[0], e[1], e[4]) for e in one(s, is_name)] == [("strike", "russia", ["Kupiansk"])]
    s = "Footage shows Ukrainian forces using cluster munitions against Russian positions in Kreminna."
    assert [(e[0], e[1], e[4]) for e in one(s, is_name)] == [("strike", "ukraine", ["Kreminna"])]


def test_a_place_in_a_later_speaker_s_title_is_no_place_of_the_event(is_name):
    # "..., and the Head of the X Regional Administration claimed that ...": X names the speaker's office
    s = ("Russian forces shelled Kupiansk, and the Head of the Luhansk Regional State Administration claimed that Russian "
         "troops attacked Kreminna on May 3.")
    places = {m for e in one(s, is_name) for m in e[4]}
    assert places == {"Kupiansk", "Kreminna"}


def test_pushing_the_other_side_back_is_ground_gained(is_name):
    # "pushed Russian forces back to within 10km of X", "pushed Ukrainian troops further west of Y": the other side gave ground
    s = "Ukrainian forces pushed Russian troops back to a distance of 5km from Kupiansk on May 3."
    assert [(e[0], e[1], e[4]) for e in one(s, is_name)] == [("advance", "ukraine", ["Kupiansk"])]
    s = "Russian sources claimed that Russian troops pushed Ukrainian forces further west of Kreminna on May 3."
    assert [(e[0], e[1], e[2]) for e in one(s, is_name)] == [("advance", "russia", "claimed")]
    # an attempt is an attack; an aim is no event
    s = "Russian forces attempted to push Ukrainian forces back from positions in Kreminna on May 3."
    assert [(e[0], e[1]) for e in one(s, is_name)] == [("attack", "russia")]
    assert one("Ukrainian forces will likely try to push Russian forces back from Kupiansk.", is_name) == []
    # "and further pushed Russian forces back": "further" is an adverb of the verb, not a noun's determiner
    s = "Ukrainian forces retook Kupiansk and further pushed Russian forces back to the outskirts of Kreminna on May 3."
    assert {m for e in one(s, is_name) for m in e[4]} == {"Kupiansk", "Kreminna"}


def test_an_event_in_the_area_is_at_the_town_named_before_it(is_name):
    # "units stationed near X ... after Ukrainian forces struck supply columns in the area": the area is X's
    s = ("A Russian milblogger stated that Russian units stationed near Kreminna lack ammunition after Ukrainian forces "
         "struck supply columns in the area on May 3.")
    assert [(e[0], e[1], e[4]) for e in one(s, is_name)] == [("strike", "ukraine", ["Kreminna"])]
    # "the area of X" names its own place; an area with no town before it stays unplaced
    assert one("Ukrainian forces struck supply columns in the area on May 3.", is_name) == []


def test_a_list_of_bearings_names_each_town_as_a_place(is_name):
    # "striking positions south of A, west of B, and west of C": each bearing is an item of the list, A as much as B and C
    s = "Geolocated footage shows Ukrainian forces striking Russian positions south of Kreminna, west of Kupiansk, and east of Lyman."
    assert [(e[0], e[1], e[4]) for e in one(s, is_name)] == [("strike", "ukraine", ["Kreminna", "Kupiansk", "Lyman"])]
    # a bearing that locates the village before it is no item of its own
    s = "Geolocated footage shows Ukrainian forces striking Russian positions near Ploshchanka, west of Kreminna."
    assert [(e[0], e[4]) for e in one(s, is_name)] == [("strike", ["Ploshchanka"])]


def test_a_strike_on_the_other_side_s_forces_is_not_their_own(is_name):
    # with no side named for the subject, a strike verb whose object is a side's forces or equipment is the other side's
    s = "The Russian MoD claimed that Black Sea Fleet warships struck Ukrainian depots in Kupiansk on May 3."
    assert [(e[0], e[1], e[2], e[4]) for e in one(s, is_name)] == [("strike", "russia", "claimed", ["Kupiansk"])]
    s = "Geolocated footage shows a Ukrainian Warmate loitering munition striking a Russian air defense system near Kreminna."
    assert [(e[0], e[1], e[4]) for e in one(s, is_name)] == [("strike", "ukraine", ["Kreminna"])]
    # a participle that describes the units is no strike
    s = "The General Staff reported that artillery units are active in Kupiansk, damaged Russian airborne units are rotating to Kreminna."
    assert one(s, is_name) == []


def test_a_side_s_attempts_are_that_side_s_attacks(is_name):
    # "continued Ukrainian attempts to cross the river near X": the side adjective names who attempts
    s = "Russian sources discussed continued Ukrainian attempts to cross the Zherebets River near Kreminna and Kupiansk."
    assert [(e[0], e[1], e[2], e[4]) for e in one(s, is_name)] == [("attack", "ukraine", "claimed", ["Kreminna", "Kupiansk"])]


def test_damage_following_a_side_s_strikes_is_that_strike_s(is_name):
    # "damage to X following a Ukrainian HIMARS strike", "smoke after the Ukrainian strikes on Y": the strike is what caused
    # the damage, not a time anchor for something else
    s = "Imagery posted on May 3 shows damage to the railway bridge in Kupiansk following a Ukrainian HIMARS strike."
    assert [(e[0], e[1], e[4]) for e in one(s, is_name)] == [("strike", "ukraine", ["Kupiansk"])]
    s = "Local sources published footage of smoke after the Ukrainian strikes on a depot in Kreminna."
    assert [(e[0], e[1], e[4]) for e in one(s, is_name)] == [("strike", "ukraine", ["Kreminna"])]


def test_dropping_munitions_on_a_place_is_a_strike(is_name):
    # "dropped phosphorous munitions on X", "dropping explosives on equipment in Y"
    s = "Russian forces shelled Kupiansk and dropped incendiary munitions on Kreminna on May 3."
    assert {(e[0], e[1], tuple(e[4])) for e in one(s, is_name)} == {("strike", "russia", ("Kupiansk",)), ("strike", "russia", ("Kreminna",))}
    s = "Geolocated footage shows Ukrainian forces dropping explosives on Russian positions in Kreminna."
    assert [(e[0], e[1], e[4]) for e in one(s, is_name)] == [("strike", "ukraine", ["Kreminna"])]
    # morale or temperatures that drop are no strike
    assert one("Russian morale may drop further as temperatures drop near Kreminna.", is_name) == []


def test_strikes_told_without_a_side_are_the_paragraph_s_strikes(is_name):
    # "Residents also reported strikes in X", "footage shows strikes on Y": with no side in the sentence, the strikes are
    # those of the side whose strike the paragraph has just told, as a weapon named alone is
    para = ("Ukrainian forces struck a Russian ammunition depot in Nova Kakhovka on May 3. "
            "Local residents also reported strikes near Skadovsk overnight.")
    report = Report(date=dt.date(2022, 5, 3), title="t", url="u", paragraphs=(Paragraph(para, "Southern axis"),))
    assert [(c.kind, c.actor, [m.text for m in c.mentions]) for c in extract_claims(report, is_name)] == [
        ("strike", "ukraine", ["Nova Kakhovka"]), ("strike", "ukraine", ["Skadovsk"])]
    # alone, the strikes have no side; with both sides named, they are both sides' (not the paragraph's side alone)
    assert one("Local residents also reported strikes near Skadovsk overnight.", is_name) == []
    para = ("Ukrainian forces struck a Russian ammunition depot in Nova Kakhovka on May 3. "
            "Russian and Ukrainian forces continued routine artillery strikes near Skadovsk.")
    report = Report(date=dt.date(2022, 5, 3), title="t", url="u", paragraphs=(Paragraph(para, "Southern axis"),))
    assert [(c.kind, c.actor) for c in extract_claims(report, is_name)] == [
        ("strike", "ukraine"), ("strike", "russia"), ("strike", "ukraine")]


def test_a_side_s_partial_success_at_a_place_is_ground_gained(is_name):
    # the Ukrainian General Staff's "had “partial success” in X" and "experienced successes around Y" report ground gained
    s = "The General Staff said that Russian troops had “partial success” near Kreminna and Lozova on May 3."
    assert [(e[0], e[1], e[2], e[4]) for e in one(s, is_name)] == [("advance", "russia", "claimed", ["Kreminna", "Lozova"])]
    s = "A milblogger claimed that Ukrainian forces are expanding their successes in Kupiansk."
    assert [(e[0], e[1], e[4]) for e in one(s, is_name)] == [("advance", "ukraine", ["Kupiansk"])]
    # success as a topic, with no verb of having it, is no event
    assert one("Russian milbloggers mocked Ukrainian claims of success near Kreminna.", is_name) == []
    assert one("Russian forces lack the strength for success in Kupiansk.", is_name) == []


def test_what_goes_on_after_a_denied_event_is_at_its_places(is_name):
    # "did not assault X or Y but continued to shell both towns": the shelling is where the assaults were denied
    s = "Russian troops did not launch any assaults on Kupiansk or Lozova on May 3 but continued to shell both towns."
    assert [(e[0], e[1], e[4]) for e in one(s, is_name)] == [("strike", "russia", ["Kupiansk", "Lozova"])]
    # a bearing's town stands for the area
    s = "Ukrainian forces did not attack north of Kreminna and continued heavy shelling on May 3."
    assert [(e[0], e[1], e[4]) for e in one(s, is_name)] == [("strike", "ukraine", ["Kreminna"])]
    # a strike with places of its own keeps them; one that does not go on ("and shelled") is not placed by the denial
    s = "Russian troops did not launch any assaults on Kupiansk and continued to shell Lozova."
    assert [(e[0], e[4]) for e in one(s, is_name)] == [("strike", ["Lozova"])]
    assert one("Russian troops did not launch any assaults on Kupiansk, although shelling is possible.", is_name) == []


def test_a_ground_attack_with_no_place_is_where_its_purpose_points(is_name):
    # "launched assaults in an effort to break defenses west of X", "counterattacks in order to regain positions near Y":
    # where the attackers tried to go is where they attacked
    s = "Russian troops launched ground assaults in an effort to break Ukrainian lines west of Kreminna on May 3."
    assert [(e[0], e[1], e[4]) for e in one(s, is_name)] == [("attack", "russia", ["Kreminna"])]
    s = "Ukrainian forces conducted counterattacks in order to regain positions near Kupiansk and Lozova."
    assert [(e[0], e[1], e[4]) for e in one(s, is_name)] == [("attack", "ukraine", ["Kupiansk", "Lozova"])]
    # not what the aim would take: the attack may be far from it
    assert one("Russian troops attacked in an effort to advance to Kupiansk and Lozova.", is_name) == []
    # an attack with a place of its own keeps it; a strike's purpose is not where it fell
    s = "Russian troops attacked Lozova in an effort to advance toward Kupiansk."
    assert [(e[0], e[4]) for e in one(s, is_name)] == [("attack", ["Lozova"])]
    assert one("Russian troops intensified shelling in an effort to prevent Ukrainian advances near Kupiansk.", is_name) == []


def test_the_towns_an_attack_set_out_from_the_direction_of_are_not_attacked(is_name):
    # "from the direction of X" after a list of destinations, "near Y from the direction of X", "in Y from X": X is the
    # start line, never a place attacked, while the claim names where the attack went
    got = one("A Russian source claimed that Ukrainian troops attacked in the direction of Svatove and Kuzemivka, and "
              "from the direction of Nyzhnia Duvanka.", is_name)
    assert [(g[0], g[4]) for g in got] == [("attack", ["Svatove", "Kuzemivka"])]
    got = one("Ukrainian forces tried to break through near Kreminna from the direction of Torske and Dibrova.", is_name)
    assert [(g[0], g[4]) for g in got] == [("attack", ["Kreminna"])]
    got = one("Russian troops unsuccessfully tried to retake positions in Bilohorivka from Kreminna on Tuesday.", is_name)
    assert [(g[0], g[4]) for g in got] == [("attack", ["Bilohorivka"])]


def test_a_side_pausing_its_own_attacks_is_no_attack(is_name):
    # "X forces paused offensive operations on Y": the side stopped its own attacks there; the other side's attacks
    # that a side paused or halted stay attacks, as does the offensive the sentence says went on elsewhere
    assert one("Ukrainian troops paused their ground assaults near Svatove on Friday to bring up reserves.", is_name) == []
    got = one("Russian forces kept up a small offensive near Vuhledar but paused offensive operations on Marinka.", is_name)
    assert [(g[0], g[1], g[4]) for g in got] == [("attack", "russia", ["Vuhledar"])]
    got = one("Ukrainian forces paused Russian attacks on Kreminna on Friday.", is_name)
    assert [(g[0], g[1], g[4]) for g in got] == [("attack", "russia", ["Kreminna"])]


def test_the_city_of_the_sentence_before(is_name):
    # "Russian troops entered Kupiansk on May 3. They continued to shell the city.": the sentence names no town of its own,
    # and the one before names one only
    para = "Russian troops captured Lozova on May 3. Russian artillery continued to shell the city on May 4."
    report = Report(date=dt.date(2022, 5, 4), title="t", url="u", paragraphs=(Paragraph(para, "Kharkiv axis"),))
    assert [(c.kind, c.actor, [m.text for m in c.mentions]) for c in extract_claims(report, is_name)] == [
        ("advance", "russia", ["Lozova"]), ("strike", "russia", ["Lozova"])]
    # two towns before: which one is not told
    para = "Russian troops captured Lozova and Kupiansk on May 3. Russian artillery continued to shell the city on May 4."
    report = Report(date=dt.date(2022, 5, 4), title="t", url="u", paragraphs=(Paragraph(para, "Kharkiv axis"),))
    assert [(c.kind, [m.text for m in c.mentions]) for c in extract_claims(report, is_name)] == [
        ("advance", ["Lozova", "Kupiansk"])]


def test_fighting_with_no_side_in_a_section_takes_its_heading_s_attacker(is_name):
    # no sentence of the section names who attacks: the side its heading names as making the effort
    def claims_of(heading, para):
        report = Report(date=dt.date(2022, 5, 3), title="t", url="u", paragraphs=(Paragraph(para, heading),))
        return [(c.kind, c.actor, [m.text for m in c.mentions]) for c in extract_claims(report, is_name)]
    para = "Fighting continued near Kupiansk on May 3."
    assert claims_of("Supporting Effort #1—Kharkiv axis", para) == [("attack", "russia", ["Kupiansk"])]
    assert claims_of("Ukrainian Counteroffensives", para) == [("attack", "ukraine", ["Kupiansk"])]
    assert claims_of("Mobilization and Force Generation Efforts", para) == []
    # a side the paragraph names later still comes first
    para = "Fighting continued near Kupiansk on May 3. Ukrainian forces attacked Lozova."
    assert claims_of("Supporting Effort #1—Kharkiv axis", para) == [
        ("attack", "ukraine", ["Kupiansk"]), ("attack", "ukraine", ["Lozova"])]


def test_partisans_killings_and_explosions_are_strikes(is_name):
    # "partisans detonated an IED and killed an official in X", "partisans were responsible for an explosion at a depot in Y"
    s = "Local sources reported that Ukrainian partisans killed a collaborator in Kreminna on May 3."
    assert [(e[0], e[1], e[4]) for e in one(s, is_name)] == [("strike", "ukraine", ["Kreminna"])]
    s = "Officials stated that partisans were responsible for an explosion at a rail depot in Lozova on May 3."
    assert [(e[0], e[1], e[4]) for e in one(s, is_name)] == [("strike", "ukraine", ["Lozova"])]
    # a killing or an explosion with no partisans is no strike of its own
    assert one("Russian sources reported explosions at a depot in Lozova and claimed that shelling killed a civilian.", is_name) == []


def test_lazy_actors_read_as_the_actor_list():
    # the actors of a sentence, found only when a rule first asks, read as `_actors` gives them
    from geo.extract.claims import _LazyActors, _actors

    s = "Ukrainian troops repelled an assault near Hlyboke while Russian units shelled the outskirts of Vovchansk."
    lazy = _LazyActors(s)
    assert lazy.found is None
    assert list(lazy) == _actors(s) and len(lazy) == len(_actors(s)) == 2 and bool(lazy) and lazy[-1] == _actors(s)[-1]
    assert not _LazyActors("Fighting continued near Hlyboke.")


def test_villages_an_attack_went_for_are_its_places_beside_an_oblast_or_a_town(is_name):
    # "in the directions of A, B and C" beside an oblast, a river or a town of its own: the villages, as gold labels
    # "attacks in the direction of X"; never the start line ("from the direction of X")
    got = one("Russian sources said Ukrainian troops made four attacks in the directions of Kreminna, Svatove, and Lyman "
              "along the front in northern Luhansk Oblast.", is_name)
    assert [(g[0], g[4]) for g in got] == [("attack", ["Kreminna", "Svatove", "Lyman", "Luhansk Oblast"])]
    got = one("Russian troops pushed towards Siversk and in the direction of Soledar and Bakhmut last week.", is_name)
    assert [(g[0], g[4]) for g in got] == [("attack", ["Siversk", "Soledar", "Bakhmut"])]
    got = one("Ukrainian forces tried to cross the Oskil River in the direction of Kreminna and Svatove.", is_name)
    assert [(g[0], g[4]) for g in got] == [("attack", ["Kreminna", "Svatove"])]
    got = one("Russian forces attacked Siversk from the direction of Soledar and Bakhmut.", is_name)
    assert [(g[0], g[4]) for g in got] == [("attack", ["Siversk"])]
    # ISW's own summary of an operation: its directions are a topic, not places
    got = one("Ukrainian forces continued offensive operations in eastern Kharkiv Oblast in the direction of Kreminna "
              "and Svatove on Monday.", is_name)
    assert [(g[0], g[4]) for g in got] == [("attack", ["Kharkiv Oblast"])]


def test_a_sides_advances_within_a_town_are_its_place(is_name):
    # "within X" places a side's noun event as "in X" does ("discussed Russian advances within X")
    got = one("Russian bloggers went on discussing small Russian advances within Soledar.", is_name)
    assert [(g[0], g[1], g[4]) for g in got] == [("advance", "russia", ["Soledar"])]


@pytest.mark.parametrize("text", [
    "the tank brigade and its air defenses held",
    "mortar crews of the tank army fired",
    "sabotage and reconnaissance groups near the village",
    "a drone team and the artillery brigade",
    "FAB-tank brigade-500 bombs",
    "local partisans and saboteurs",
    "glide air support bomb",
    "nothing to see here",
])
def test_weapon_and_partisan_tests_match_the_cut_text(text):
    # the cheap test first (the uncut text), then the cut one: the same answer as testing the cut text alone
    from geo.extract import claims as C
    assert C._names_weapon(text) == bool(C.STRIKE_WEAPONS.search(C.NOT_WEAPON.sub("", text)))
    assert C._names_partisan(text) == bool(C.PARTISAN.search(C.NOT_WEAPON.sub("", text)))
