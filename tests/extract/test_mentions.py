"""The place recogniser on real ISW sentences, with the embedded gazetteer's name test."""

import pytest

from geo.extract.mentions import find_mentions


@pytest.fixture(scope="module")
def is_name(embedded_gazetteer):
    return embedded_gazetteer.is_name


def names(sentence, is_name, role=None):
    return [(m.text, m.role) if role is None else m.text for m in find_mentions(sentence, is_name) if role in (None, m.role)]


def test_list_after_near(is_name):
    s = "Russian forces recently marginally advanced near Vovchansk, Svatove, and Avdiivka."
    assert names(s, is_name, "target") == ["Vovchansk", "Svatove", "Avdiivka"]


def test_regions_and_cities(is_name):
    s = ("Ukrainian forces recaptured positions near Starytsya and Russian forces recently advanced near Chasiv Yar "
         "and Donetsk City and in east (left) bank Kherson Oblast.")
    got = find_mentions(s, is_name)
    by_text = {m.text: m for m in got}
    assert by_text["Donetsk City"].name == "Donetsk City"
    assert by_text["east (left) bank Kherson Oblast"].precision == "region"
    assert by_text["east (left) bank Kherson Oblast"].name == "Kherson Oblast"


def test_plural_oblasts(is_name):
    got = find_mentions("Russian forces attacked in Sumy and Kursk oblasts on February 25.", is_name)
    assert [(m.name, m.precision) for m in got] == [("Sumy Oblast", "region"), ("Kursk Oblast", "region")]


def test_plural_oblasts_with_a_part_named(is_name):
    # "and eastern Y oblasts": the compass word names a part of the next oblast, the list is still of oblasts
    got = find_mentions("Russian artillery hit areas in Kharkiv, Luhansk, and southern Donetsk oblasts overnight.", is_name)
    assert [(m.name, m.precision) for m in got] == [("Kharkiv Oblast", "region"), ("Luhansk Oblast", "region"),
                                                    ("Donetsk Oblast", "region")]
    got = find_mentions("Ukrainian troops pressed on in northern Kherson and western Zaporizhia oblasts.", is_name)
    assert [(m.name, m.precision) for m in got] == [("Kherson Oblast", "region"), ("Zaporizhia Oblast", "region")]


def test_fighting_for_a_place(is_name):
    # "fighting for X", "the battle for X": the place fought over; "fight for Russia" names no place
    assert names("Chechen units kept fighting for Kreminna and Svatove through the night.", is_name, "target") == [
        "Kreminna", "Svatove"]
    assert names("The battle for Avdiivka went on.", is_name, "target") == ["Avdiivka"]
    assert names("Volunteers said they fight for Russia.", is_name) == []


def test_apposition_locates_the_place_before(is_name):
    # "X, a village near Y", "X, on the eastern outskirts of Y": Y says where X is; it is not acted on
    assert names("Russian troops shelled Novoselivske, a small village near Svatove, on Friday.", is_name, "target") == [
        "Novoselivske"]
    assert names("Fighting went on in Rubizhne, on the western outskirts of Kreminna, and in Svatove.", is_name, "target") == [
        "Rubizhne", "Svatove"]
    # an adverb before it changes nothing: "X, directly on the outskirts of Y"
    assert names("Russian forces attacked Marinka, directly on the western outskirts of Donetsk City.", is_name, "target") == [
        "Marinka"]


def test_road_ends_are_references(is_name):
    # "the highway from A to B", "the road to C": towns that name a road, not the places acted on
    got = find_mentions("Russian troops shelled Kreminna on the road from Svatove to Lysychansk.", is_name)
    assert [(m.text, m.role) for m in got] == [("Kreminna", "target"), ("Svatove", "reference"), ("Lysychansk", "reference")]


def test_list_goes_on_after_an_aside(is_name):
    # a bearing or a bracket inside a list does not end it
    assert names("Russian troops attacked Kreminna west of the P66 road and Svatove and Starobilsk east of it.", is_name,
                 "target") == ["Kreminna", "Svatove", "Starobilsk"]
    assert names("Russian missiles hit Izium, Kharkiv Oblast, (a rail hub), Kupiansk and Balakliia.", is_name,
                 "target") == ["Izium", "Kupiansk", "Balakliia"]


def test_across_from_and_distance_from_are_references(is_name):
    # "across the river from X", "(less than 10km from the Y)": places named to say where the target lies
    assert names("Russian guns shelled Nikopol (across the Dnipro River from Enerhodar) overnight.", is_name, "target") == [
        "Nikopol"]
    assert names("Russian guns shelled Ochakiv (less than 10km from the Kinburn Spit) overnight.", is_name, "target") == [
        "Ochakiv"]
    assert names("Russian troops tried to advance across the river from Lysychansk.", is_name, "target") == ["Lysychansk"]


def test_bearing_to_a_named_feature_with_the(is_name):
    # "just north of the Antonivsky Bridge": the bridge is the reference, as "north of Kherson City" is
    got = find_mentions("Russian guns shelled Nikopol, just north of the Antonivsky Bridge, overnight.", is_name)
    assert [(m.text, m.role) for m in got] == [("Nikopol", "target"), ("Antonivsky Bridge", "reference")]


def test_parenthesised_bearing_attaches_to_the_place_before(is_name):
    got = find_mentions("A Russian milblogger claimed that Russian forces advanced near Pokrovka (southeast of Sumy City).", is_name)
    target = [m for m in got if m.role == "target"]
    assert [(m.text, m.bearing, m.reference) for m in target] == [("Pokrovka", "southeast", "Sumy City")]
    assert [m.role for m in got if m.text == "Sumy City"] == ["anchor"]


def test_inline_bearing_applies_to_the_places_after_it(is_name):
    s = "Russian forces attacked north of Sumy City near Oleksiivka and northeast of Kupyansk toward Petropavlivka."
    got = {m.text: m for m in find_mentions(s, is_name)}
    assert got["Sumy City"].role == "reference"
    assert (got["Oleksiivka"].bearing, got["Oleksiivka"].reference) == ("north", "Sumy City")
    assert (got["Petropavlivka"].bearing, got["Petropavlivka"].reference) == ("northeast", "Kupyansk")


def test_distance_bearing(is_name):
    s = "The Ukrainian General Staff reported that Russian troops attempted to attack Bohorodychne, about 30 km southeast of Izyum."
    bohorodychne = [m for m in find_mentions(s, is_name) if m.role == "target"][0]
    assert (bohorodychne.bearing, bohorodychne.reference, bohorodychne.distance_km) == ("southeast", "Izyum", 30.0)


def test_direction_is_a_reference_not_a_target(is_name):
    got = find_mentions("Russian forces continued offensive operations in the Kupyansk direction on February 26.", is_name)
    assert [(m.text, m.role) for m in got] == [("Kupyansk", "reference")]


def test_named_features(is_name):
    got = find_mentions("Ukrainian forces struck the Antonivskyi Bridge over the Dnipro River again.", is_name)
    assert [(m.text, m.precision, m.role) for m in got] == [
        ("Antonivskyi Bridge", "feature", "target"), ("Dnipro River", "feature", "reference")]


def test_people_and_bodies_are_not_places(is_name):
    s = ("Russian President Vladimir Putin and North Korean dictator Kim Jong Un signed a comprehensive strategic "
         "partnership agreement in Pyongyang on June 19.")
    assert names(s, is_name, "target") == []


def test_offsets_point_into_the_sentence(is_name):
    s = "Russian forces recently advanced near Chasiv Yar and Donetsk City."
    for m in find_mentions(s, is_name):
        assert s[m.start:m.end] == m.text


def test_direction_of_a_village_with_its_own_bearing_is_a_target(is_name):
    s = "Ukrainian forces attacked in the direction of Soledar (10km northeast of Bakhmut)."
    assert names(s, is_name, "target") == ["Soledar"]
    s = "Russian forces continued attacks in the direction of Slovyansk."
    assert names(s, is_name, "target") == []


def test_facility_of_a_town(is_name):
    got = find_mentions("Russian forces struck the Port of Odesa and a refinery in Tuapse.", is_name)
    port = got[0]
    assert (port.text, port.precision, port.reference) == ("Port of Odesa", "feature", "Odesa")
    assert [m.text for m in got[1:]] == ["Tuapse"]


def test_unknown_names_after_an_event_word(is_name):
    # hyphenated and misspelled villages the gazetteer lacks, where only a place can stand
    s = "Ukrainian forces repulsed Russian attacks on Zelena-Dolyntsia and Kvitkove."
    assert names(s, is_name, "target") == ["Zelena-Dolyntsia", "Kvitkove"]
    assert names("The Russian Ministry of Defense spokesperson Konashenkov spoke.", is_name) == []


def test_unknown_village_names_where_fighting_or_ground_is(is_name):
    # "fighting in X", "gains in Y", "the outskirts of Z", "striking W": a village the gazetteer lacks
    assert names("Ukrainian troops are fighting in Zhovtoyarka.", is_name, "target") == ["Zhovtoyarka"]
    assert names("Russian forces reached the outskirts of Kvitkove on May 3.", is_name, "target") == ["Kvitkove"]
    assert names("Drone footage shows artillery striking Bilozorivske at dawn.", is_name, "target") == ["Bilozorivske"]
    # not an adjective of a people, a region's nickname, or a street
    assert names("Russian forces targeted Syrian civilians in 2016.", is_name) == []
    assert names("Russian forces conducted offensive operations in Donbas.", is_name) == []
    assert names("Ukrainian forces struck positions on Petrenka street.", is_name) == []


def test_unknown_names_of_people_are_not_places(is_name):
    # a name the gazetteer lacks with a verb of saying after it, or a person's role in apposition, is a person
    s = "Ukrainian forces struck the bridge near Kupiansk, and Hrytsenko stated that the strike disabled it."
    assert names(s, is_name, "target") == ["Kupiansk"]
    s = "Partisans attacked Petro Savchuk, the occupation deputy police chief of Svatove, on Tuesday."
    assert "Petro Savchuk" not in [text for text, _ in names(s, is_name)]
    s = "Partisans reportedly shot at Ivan Lysenko, a local collaborator, near Vovchansk."
    assert names(s, is_name, "target") == ["Vovchansk"]
    # a village the gazetteer lacks in the same shapes is still one
    s = "Russian forces attacked near Kupiansk and Kvitkove, a village east of the river."
    assert names(s, is_name, "target") == ["Kupiansk", "Kvitkove"]


def test_a_place_named_before_the_kind_of_the_next_only_qualifies_it(is_name):
    # "the Kharkiv suburb of X", "the Donetsk Oblast town of X": the first name says where X is; X is the place
    s = "Russian troops shelled the Donetsk Oblast town of Avdiivka and the Kharkiv suburb of Vovchansk overnight."
    assert names(s, is_name, "target") == ["Avdiivka", "Vovchansk"]
    # a district named after its city is still the district's own name
    assert "Kyivskyi" in names("Russian missiles hit the Kyivskyi district of Kharkiv City.", is_name, "target")


def test_multi_word_names_are_read_whole(full_gazetteer):
    s = "Russian forces attacked near Stara Krasnianka, Velykyi Burluk, and Davydiv Brid."
    assert [m.text for m in find_mentions(s, full_gazetteer.is_name)] == ["Stara Krasnianka", "Velykyi Burluk", "Davydiv Brid"]


def test_pairs_of_multi_word_names_and_name_prefixes(full_gazetteer):
    s = "Ukrainian forces struck Russian positions in the Nova Kakhovka-Beryslav area."
    got = find_mentions(s, full_gazetteer.is_name)
    assert [(m.text, m.role) for m in got] == [("Nova Kakhovka", "reference"), ("Beryslav", "reference")]
    # a first word such as "Druha" or "Stara" is never a place alone, whatever the spelling of the rest
    s = "Russian forces shelled Druha Zhuravka and Stara Krasnyanka."
    assert [m.text for m in find_mentions(s, full_gazetteer.is_name)] == ["Druha Zhuravka", "Stara Krasnyanka"]


def test_adjectives_bodies_and_streets_are_not_places(is_name, full_gazetteer):
    assert names("Russian forces continued shelling of Ukrainian-liberated villages near Kharkiv.", is_name, "target") == ["Kharkiv"]
    s = "Russian sources claimed that the 5th Brigade of the Donetsk People’s Republic repelled an assault on Marinka."
    assert "Donetsk People’s Republic" not in [m.text for m in find_mentions(s, is_name)]
    s = "Footage shows Russian troops on Persha Lisova Street in Bakhmut."
    assert [m.text for m in find_mentions(s, full_gazetteer.is_name)] == ["Bakhmut"]


def test_places_joined_by_a_dash(is_name):
    got = find_mentions("Local residents reported Ukrainian strikes in the Kherson–Nova Kakhovka area.", is_name)
    assert [(m.text, m.role) for m in got] == [("Kherson", "reference"), ("Nova Kakhovka", "reference")]


def test_a_distance_with_no_direction_names_a_reference(is_name):
    got = find_mentions("Russian forces seized Pidlisne and Ustynivka, all within 10 km of Lysychansk.", is_name)
    assert [(m.text, m.role) for m in got if m.text == "Lysychansk"] == [("Lysychansk", "reference")]


def test_pairs_named_as_borders(is_name):
    got = find_mentions("Russian forces shelled settlements on the Kherson-Mykolaiv and Kharkiv-Donetsk Oblast borders.", is_name)
    assert [m.role for m in got] == ["reference"] * 4
    assert all(m.bearing.startswith(("Kherson-Mykolaiv", "Kharkiv-Donetsk")) and m.bearing.endswith(" borders") for m in got)


def test_chains_of_places_joined_by_dashes_are_not_cut_at_a_space(full_gazetteer):
    s = "Russian troops shelled positions along the Kramatorsk-Chasiv Yar-Bakhmut road on Tuesday."
    got = find_mentions(s, full_gazetteer.is_name)
    assert [(m.text, m.role) for m in got] == [("Kramatorsk", "reference"), ("Chasiv Yar", "reference"), ("Bakhmut", "reference")]
    assert all(s[m.start:m.end] == m.text for m in got)
    assert "Yar" not in [m.text for m in got]


def test_region_word_after_a_pair_makes_both_oblasts(is_name):
    s = "Russian forces attacked along the Kharkiv-Donetsk Oblast border."
    got = [(m.name, m.precision) for m in find_mentions(s, is_name)]
    assert got == [("Kharkiv Oblast", "region"), ("Donetsk Oblast", "region")]
    # two borders of one oblast name that oblast (test_two_borders_of_one_oblast_name_that_oblast)
    s = "Ukrainian forces shelled the Mykolaiv-Kherson and Kherson-Zaporizhia Oblast borders."
    assert {m.name for m in find_mentions(s, is_name)} == {"Kherson Oblast"}


def test_a_place_in_another_country_is_not_a_place_of_action(is_name):
    s = "Satellite images showed Russian tanks arriving at a range near Brest, Belarus, and Russian forces shelled Sumy."
    assert names(s, is_name, "target") == ["Sumy"]


def test_a_bearing_inside_a_remark_in_brackets_is_a_reference(is_name):
    s = "Russian forces attacked Vysoke (the village lies on the border some 50 km southeast of Sumy City)."
    assert names(s, is_name, "target") == ["Vysoke"]


def test_a_river_delta_is_not_the_city_of_its_name(is_name):
    got = [(m.name, m.precision) for m in find_mentions("Fighting continued on islands in the Dnipro delta.", is_name)]
    assert got == [("Dnipro delta", "feature")]


def test_a_list_with_bracketed_bearings_keeps_unknown_names(is_name):
    s = ("Footage shows Ukrainian troops in Kherson (5km north of Beryslav), Xyzivka (9km north of Beryslav), "
         "and Snihurivka (30km north of Beryslav).")
    assert names(s, is_name, "target") == ["Kherson", "Xyzivka", "Snihurivka"]


def test_administrative_districts_are_raions(full_gazetteer):
    got = find_mentions("Ukrainian forces struck Russian positions in the Melitopol and Polohy administrative districts.",
                        full_gazetteer.is_name)
    assert [(m.name, m.precision) for m in got] == [("Melitopol Raion", "region"), ("Polohy Raion", "region")]


def test_countries_are_not_places_of_action(is_name):
    assert names("Russia could launch an offensive toward Moldova and Transnistria.", is_name) == []


@pytest.mark.parametrize("s, targets, anchors", [
    ("Ukrainian troops repelled Russian attacks on Kamianka and Dovhenke, both located in the vicinity of Izyum, on June 2.",
     ["Kamianka", "Dovhenke"], ["Izyum"]),
    ("Russian forces captured Pisky and Opytne—all settlements on the northwestern outskirts of Donetsk City.",
     ["Pisky", "Opytne"], ["Donetsk City"]),
    ("Ukrainian troops liberated Kyselivka and Chornobaivka, all settlements in western Kherson Oblast.",
     ["Kyselivka", "Chornobaivka"], ["Kherson Oblast"]),
])
def test_a_remark_after_a_list_locates_its_places(is_name, s, targets, anchors):
    assert names(s, is_name, "target") == targets
    assert names(s, is_name, "anchor") == anchors
    town = [a for a in anchors if "Oblast" not in a]
    assert all(m.reference == (town[0] if town else None) for m in find_mentions(s, is_name) if m.role == "target")


def test_a_place_after_a_list_remark_in_a_clause_of_its_own_is_a_target(is_name):
    s = "Russian forces attacked Dovhenke and Kamianka, both northwest of Izyum, and shelled Izyum itself."
    assert names(s, is_name, "target") == ["Dovhenke", "Kamianka", "Izyum"]


def test_around_a_town_and_near_another_place_is_no_list(is_name):
    s = "Russian forces launched limited assaults around Kupyansk and near the Kharkiv-Luhansk Oblast border."
    assert [(m.text, m.role, m.bearing) for m in find_mentions(s, is_name)][0] == ("Kupyansk", "reference", "around Kupyansk")
    assert names("Russian forces attacked around Kupyansk and Petropavlivka.", is_name, "target") == ["Kupyansk", "Petropavlivka"]


def test_a_bearing_after_a_pair_locates_the_pair(is_name):
    # "the X-Y line, about 15 km northwest of Z", "the X-Y area (about 10 km south of Z)": Z says where the pair is
    s = "A milblogger claimed that Ukrainian troops attacked along the Terny-Torske line, about 15 km northwest of Kreminna."
    got = [(m.text, m.role, m.bearing, m.reference) for m in find_mentions(s, is_name)]
    assert got == [("Terny", "reference", "northwest", "Kreminna"), ("Torske", "reference", "northwest", "Kreminna"),
                   ("Kreminna", "anchor", None, None)]
    s = "Drone footage showed Ukrainian strikes in the Oleshky-Hola Prystan area (about 10 km south of Kherson City)."
    got = [(m.text, m.role, m.reference) for m in find_mentions(s, is_name)]
    assert got == [("Oleshky", "reference", "Kherson City"), ("Hola Prystan", "reference", "Kherson City"),
                   ("Kherson City", "anchor", None)]
    # the ends of a direction stay a direction
    s = "Russian forces attacked in the Terny-Torske direction west of Kreminna and near Svatove."
    got = [(m.text, m.role, m.bearing) for m in find_mentions(s, is_name)]
    assert got[:3] == [("Terny", "reference", "Terny-Torske direction"), ("Torske", "reference", "Terny-Torske direction"),
                       ("Kreminna", "anchor", None)]


def test_the_bank_of_a_river_is_named_with_it(is_name):
    # "the eastern bank of the Oskil River": the claim is on one bank, and the place is named so (the river stays its name)
    s = "Ukrainian troops crossed to the eastern bank of the Oskil River and Russian guns shelled the right (west) bank of the Dnipro River."
    got = [(m.text, m.name, m.precision) for m in find_mentions(s, is_name)]
    assert got == [("eastern bank of the Oskil River", "Oskil River", "feature"),
                   ("right (west) bank of the Dnipro River", "Dnipro River", "feature")]


def test_a_bearing_right_after_a_village_is_its_own(is_name):
    # "X northwest of Y" with no comma or bracket: Y says where X is, as "X (northwest of Y)" does
    s = "Ukrainian troops reportedly retook Kyselivka northwest of Kherson City on Tuesday."
    got = [(m.text, m.role, m.bearing, m.reference) for m in find_mentions(s, is_name)]
    assert got == [("Kyselivka", "target", "northwest", "Kherson City"), ("Kherson City", "anchor", None, None)]


def test_bearings_given_respectively_pair_off_with_the_list(is_name):
    # "A and B, 10 and 25 km south of Y, respectively": each place has its own distance, the direction is shared
    s = "Russian troops shelled Vodyane and Pavlivka, roughly 35 and 55 km southwest of Donetsk City, respectively."
    got = [(m.text, m.role, m.bearing, m.reference, m.distance_km) for m in find_mentions(s, is_name)]
    assert got == [("Vodyane", "target", "southwest", "Donetsk City", 35.0),
                   ("Pavlivka", "target", "southwest", "Donetsk City", 55.0), ("Donetsk City", "anchor", None, None, None)]
    s = "Fighting went on near Vershyna and Zaitseve, east and south of Bakhmut, respectively."
    got = [(m.text, m.role, m.bearing) for m in find_mentions(s, is_name)]
    assert got == [("Vershyna", "target", "east"), ("Zaitseve", "target", "south"), ("Bakhmut", "anchor", None)]


def test_the_second_of_a_pair_stands_where_the_first_does(is_name):
    # "in Zolote-Hirske", "the directions of A-B, C-D": both halves are named, the second as the first is
    s = "Russian troops said they had surrounded a Ukrainian company in Zolote-Hirske last week."
    assert [(m.text, m.role) for m in find_mentions(s, is_name)] == [("Zolote", "reference"), ("Hirske", "reference")]
    s = "Ukrainian forces repelled attacks in the direction of Pasika-Bohorodychne overnight."
    got = [(m.text, m.bearing) for m in find_mentions(s, is_name)]
    assert got == [("Pasika", "direction of Pasika"), ("Bohorodychne", "direction of Bohorodychne")]
    # "the Avdiivka-Donetsk city area": a lower-case "city" before the label
    s = "Russian artillery hit the Avdiivka-Donetsk city area again."
    assert [(m.text, m.bearing) for m in find_mentions(s, is_name)] == [("Avdiivka", "Avdiivka-Donetsk area"),
                                                                       ("Donetsk", "Avdiivka-Donetsk area")]


def test_a_shorter_spelling_of_a_two_word_name_is_read_whole(is_name):
    # "Velyky Burlyk", "Vesele Dolyna": the first word in a spelling the gazetteer lacks is never the place alone;
    # nor is the name before an ordinal ("Mykhailivka Druha")
    assert names("Ukrainian troops reportedly entered Velyky Burlyk on Monday.", is_name, "target") == ["Velyky Burlyk"]
    assert names("Russian troops attacked near Vesele Dolyna and Semihirya.", is_name, "target") == ["Vesele Dolyna", "Semihirya"]
    assert names("Wagner fighters claimed to take Mykhailivka Druha overnight.", is_name, "target") == ["Mykhailivka Druha"]


def test_a_list_before_a_plural_feature_noun_names_features(is_name):
    # "the Inhulets and Dnipro Rivers": two rivers, not the village of Inhulets and the city of Dnipro
    s = "Ukrainian guns kept hitting Russian ferries on the Dnipro and Inhulets rivers this week."
    got = [(m.name, m.precision, m.role) for m in find_mentions(s, is_name)]
    assert got == [("Dnipro River", "feature", "reference"), ("Inhulets River", "feature", "reference")]
    s = "Ukrainian rockets struck the Antonivskyi and Kakhovka Bridges again."
    assert [(m.name, m.precision) for m in find_mentions(s, is_name)] == [("Antonivskyi Bridge", "feature"),
                                                                         ("Kakhovka Bridge", "feature")]
    # sides are no names: "Russian and Ukrainian bridges" names no feature
    assert find_mentions("Both Russian and Ukrainian bridges were hit.", is_name) == []


def test_a_river_and_a_town_joined_by_a_dash_are_a_pair(is_name):
    # "the Oskil River-Kreminna line": the town after the dash is the line's other end, not lost
    s = "Russian guns kept firing along the Dnipro River-Kherson line this morning."
    got = [(m.name, m.role, m.bearing) for m in find_mentions(s, is_name)]
    assert got == [("Dnipro River", "reference", "Dnipro River-Kherson line"),
                   ("Kherson", "reference", "Dnipro River-Kherson line")]


def test_a_town_named_with_a_compass_word_for_its_part_is_the_town(is_name):
    # "on eastern X", "in central X", "in northern and western X": the town itself, read with the compass words
    got = find_mentions("Russian troops stormed eastern Mariupol and fought in central Bakhmut on Monday.", is_name)
    assert [(m.text, m.name, m.role) for m in got] == [("eastern Mariupol", "Mariupol", "target"),
                                                       ("central Bakhmut", "Bakhmut", "target")]
    got = find_mentions("Fighting went on in northern and western Bakhmut overnight.", is_name)
    assert [(m.text, m.name) for m in got] == [("northern and western Bakhmut", "Bakhmut")]
    # an oblast's namesake with a compass word is often the oblast's part; a riverbank is no town
    assert find_mentions("Ukrainian troops advanced in western Kherson overnight.", is_name) == []
    assert names("Russian guns shelled the eastern Inhulets riverbank again.", is_name, "target") == []


def test_every_town_before_a_plural_label_is_named_by_its_direction(is_name):
    # "in the A and B directions", "on the A, B, and C axes": none of the towns is a place acted on
    got = find_mentions("Russian troops kept attacking in the Kupyansk and Lyman directions this week.", is_name)
    assert [(m.name, m.role, m.bearing) for m in got] == [("Kupyansk", "reference", "Kupyansk direction"),
                                                         ("Lyman", "reference", "Lyman direction")]
    got = find_mentions("Attacks went on near Siversk and on the Bakhmut, Avdiivka, and Marinka axes.", is_name)
    assert [(m.name, m.role) for m in got] == [("Siversk", "target"), ("Bakhmut", "reference"), ("Avdiivka", "reference"),
                                               ("Marinka", "reference")]


def test_both_after_a_locative_word_starts_a_list(is_name):
    # "toward both X and Y", "in both the X and Y": the list is read as after "toward"
    assert names("Russian troops pushed toward both Slovyansk and Barvinkove overnight.", is_name, "target") == [
        "Slovyansk", "Barvinkove"]


def test_settlements_surrounding_a_town_name_it_as_an_area(is_name):
    got = find_mentions("Russian guns kept shelling settlements surrounding Kupiansk overnight.", is_name)
    assert [(m.name, m.role, m.bearing) for m in got] == [("Kupiansk", "reference", "around Kupiansk")]


def test_a_town_s_occupation_body_is_no_place(is_name):
    # "a member of the Melitopol occupation council": a body named after the town, not where anything happened
    assert names("Partisans attacked a member of the Melitopol occupation council in Tokmak.", is_name, "target") == ["Tokmak"]


@pytest.mark.parametrize("sentence, place, bearing, reference, km", [
    # a spelled-out number, a bracket
    ("Russian troops shelled Dovhenke (nine kilometers south of Izyum) on Monday.", "Dovhenke", "south", "Izyum", 9.0),
    # a settlement described in apposition, with a qualifier
    ("Ukrainian forces struck Russian positions in Bohorodychne, a settlement roughly 25 kilometers southeast of Izyum.",
     "Bohorodychne", "southeast", "Izyum", 25.0),
    # "due" and "directly" between the distance and the direction
    ("Russian forces attacked Kamianka, about 12km due north of Izyum.", "Kamianka", "north", "Izyum", 12.0),
    ("Russian forces attacked Kamianka (some 12 km directly north of Izyum).", "Kamianka", "north", "Izyum", 12.0),
    # a hyphenated distance and miles
    ("Russian forces shelled Dovhenke, a village just under 6 miles south of Izyum.", "Dovhenke", "south", "Izyum", 9.7),
    ("Russian forces shelled Dovhenke, about a 20-kilometer drive south of Izyum.", "Dovhenke", None, None, None),
    # the apposition says where the village lies before its distance, or gives a bearing alone
    ("Russian troops shelled Druzhba, a small settlement along the T0513 highway 10km southwest of Bakhmut.",
     "Druzhba", "southwest", "Bakhmut", 10.0),
    ("Ukrainian forces struck Svitlodarsk, a settlement just north of Debaltseve.", "Svitlodarsk", "north", "Debaltseve", None),
])
def test_distance_shapes_of_a_bearing(is_name, sentence, place, bearing, reference, km):
    got = {m.text: m for m in find_mentions(sentence, is_name)}
    assert (got[place].bearing, got[place].reference, got[place].distance_km) == (bearing, reference, km)


def test_a_village_on_a_towns_outskirts_is_located_by_the_town(is_name):
    # the town locates the village (on the side named), it is not a place acted on of its own
    for s in ("Russian forces attacked Pisky on the northwestern outskirts of Donetsk City on Tuesday.",
              "Russian forces attacked Pisky (on the northwestern outskirts of Donetsk City) on Tuesday."):
        got = [(m.text, m.role, m.bearing, m.reference) for m in find_mentions(s, is_name)]
        assert got == [("Pisky", "target", "northwest", "Donetsk City"), ("Donetsk City", "anchor", None, None)]
    s = "Ukrainian forces struck a depot in Chornobaivka on the outskirts of Kherson City."
    got = [(m.text, m.role, m.bearing, m.reference) for m in find_mentions(s, is_name)]
    assert got == [("Chornobaivka", "target", None, "Kherson City"), ("Kherson City", "anchor", None, None)]


def test_all_after_a_list_leaves_the_places_with_their_own_bearing(is_name):
    s = ("Russian troops attacked Dibrova (3km south of Kreminna), Bilohorivka (12 km south of Kreminna), "
         "and Torske and Yampolivka, all roughly 15km west of Kreminna.")
    got = {m.text: (m.bearing, m.distance_km) for m in find_mentions(s, is_name) if m.role == "target"}
    assert got == {"Dibrova": ("south", 3.0), "Bilohorivka": ("south", 12.0), "Torske": ("west", 15.0),
                   "Yampolivka": ("west", 15.0)}


def test_a_distance_without_a_bearing_is_said_of_the_place_before(is_name):
    s = "Ukrainian artillery destroyed a Russian pontoon bridge near Bilohorivka, roughly 12 km from Rubizhne."
    got = {m.text: (m.role, m.bearing, m.reference, m.distance_km) for m in find_mentions(s, is_name)}
    assert got["Bilohorivka"] == ("target", None, "Rubizhne", 12.0)
    assert got["Rubizhne"][0] == "reference"


def test_region_that_locates_the_place_before(is_name):
    # "X, southern Y Oblast", "X in the Z Raion of Y Oblast", "Z Raion, Y Oblast", "south of X, Y Oblast": the region
    # says where the place before it lies; a list of oblasts stays a list
    assert names("Russian shelling hit Ochakiv, southern Mykolaiv Oblast, overnight.", is_name, "target") == ["Ochakiv"]
    assert names("Russian artillery shelled Marhanets in the Nikopol Raion of Dnipropetrovsk Oblast.", is_name,
                 "target") == ["Marhanets"]
    assert names("Ukrainian strikes hit Skadovsk Raion, Kherson Oblast, on Monday.", is_name, "target") == ["Skadovsk Raion"]
    got = find_mentions("Russian troops pushed west of Orikhiv, Zaporizhia Oblast, on Tuesday.", is_name)
    assert [(m.text, m.role) for m in got] == [("Orikhiv", "reference"), ("Zaporizhia Oblast", "anchor")]
    assert names("Russian forces fired on Kherson, Zaporizhia, and Mykolaiv oblasts.", is_name, "target") == [
        "Kherson", "Zaporizhia", "Mykolaiv Oblast"]


def test_near_in_brackets_locates_the_place_before(is_name):
    # "X (near Y)": Y says where X lies; it is not a place acted on
    got = find_mentions("Ukrainian partisans blew up a rail bridge in Yakymivka (near Melitopol) overnight.", is_name)
    assert [(m.text, m.role, m.reference) for m in got] == [("Yakymivka", "target", "Melitopol"), ("Melitopol", "anchor", None)]
    assert names("Russian helicopters struck Kozacha Lopan and Dementiivka (both just outside Kharkiv) on Monday.", is_name,
                 "target") == ["Kozacha Lopan", "Dementiivka"]
    # "(in X, not Y Oblast)": which namesake is meant
    got = find_mentions("Russian forces attacked Rubizhne (in Kharkiv, not Luhansk Oblast) on Monday.", is_name)
    assert [(m.text, m.role, m.reference) for m in got if m.text != "Luhansk Oblast"] == [
        ("Rubizhne", "target", "Kharkiv"), ("Kharkiv", "anchor", None)]


def test_a_stop_word_with_a_possessive_is_no_place(is_name):
    # "Putin’s war", "the DNR's 1st Army Corps": a person or a body, as the word alone is
    assert names("Ukrainian forces continue to resist Putin’s war in Kharkiv.", is_name, "target") == ["Kharkiv"]
    assert names("Elements in the DNR's 1st Army Corps fought near Avdiivka.", is_name, "target") == ["Avdiivka"]


def test_a_name_before_a_street_hotel_or_unit_noun_is_no_place(is_name):
    # "Druzhba Street", "the Viktoriya Hotel", "Azov Regiment servicemen": a street, a building or a unit named, not a town
    assert names("Russian forces attacked along Shevchenko Street in the center of Kharkiv.", is_name, "target") == ["Kharkiv"]
    assert names("A Ukrainian strike hit the Kherson Hotel in Melitopol.", is_name, "target") == ["Melitopol"]
    assert names("Russian forces struck a prison holding Azov Regiment servicemen near Donetsk.", is_name, "target") == ["Donetsk"]


def test_two_oblast_names_before_a_front_or_border_are_oblasts(is_name):
    # "along the Kherson-Mykolaiv frontline", "near the Kharkiv-Luhansk border": the two oblasts, not their capitals
    got = [(m.name, m.precision) for m in find_mentions("Russian artillery kept firing along the Mykolaiv-Kherson "
                                                        "frontline on Tuesday.", is_name)]
    assert got == [("Mykolaiv Oblast", "region"), ("Kherson Oblast", "region")]
    # a pair with a town that is no oblast's name stays two towns ("the Kharkiv City-Izyum line")
    got = [m.name for m in find_mentions("Ukrainian forces struck trucks on the Kupiansk-Kharkiv line.", is_name)]
    assert got == ["Kupiansk", "Kharkiv"]


def test_two_borders_of_one_oblast_name_that_oblast(is_name):
    # "the A-B and A-C Oblast borders": the edges of A, the one oblast the pairs share
    got = [(m.name, m.precision) for m in find_mentions("Russian guns hit villages along the Mykolaiv-Kherson and "
                                                        "Kherson-Zaporizhia Oblast borders on Tuesday.", is_name)]
    assert got == [("Kherson Oblast", "region")]
    # two pairs that share no oblast stay four oblasts
    got = [m.name for m in find_mentions("Russian guns hit villages along the Mykolaiv-Kherson and Kharkiv-Luhansk "
                                         "Oblast borders on Tuesday.", is_name)]
    assert got == ["Mykolaiv Oblast", "Kherson Oblast", "Kharkiv Oblast", "Luhansk Oblast"]


@pytest.mark.parametrize("sentence, expected", [
    # a day said of a listed place
    ("Russian forces shelled Kreminna on March 3 and Svatove and Lyman on March 4.", ["Kreminna", "Svatove", "Lyman"]),
    # the road a listed place lies on
    ("Russian troops struck Orikhiv on the T0815 highway and Tokmak and Polohy farther south.", ["Orikhiv", "Tokmak", "Polohy"]),
    ("Ukrainian forces attacked Kupyansk at the P07 and T2104 intersection and Izyum from the north.", ["Kupyansk", "Izyum"]),
    # its unit, the weapon used on it
    ("Russian forces hit Vysokopillia Hromada, Beryslav, and Nikopol.", ["Vysokopillia", "Beryslav", "Nikopol"]),
    ("Russian troops struck Nikopol with tube artillery and Enerhodar with Grad MLRS.", ["Nikopol", "Enerhodar"]),
])
def test_list_goes_on_after_a_locator_of_its_last_place(is_name, sentence, expected):
    assert names(sentence, is_name, "target") == expected


def test_oblast_after_the_town_that_locates_a_place_is_an_anchor(is_name):
    got = find_mentions("Russian forces struck Vasylivka south of Orikhiv, Zaporizhia Oblast.", is_name)
    assert [(m.text, m.role) for m in got] == [("Vasylivka", "target"), ("Orikhiv", "anchor"), ("Zaporizhia Oblast", "anchor")]


@pytest.mark.parametrize("sentence, expected", [
    # a name the gazetteer lacks (a misspelling, a hamlet) first in a list after a plain locative word
    ("Russian forces conducted airstrikes on Zvanivkke and Siversk.", ["Zvanivkke", "Siversk"]),
    ("Ukrainian forces struck Russian positions in Tymkivkoye, Svatove, and Kreminna.", ["Tymkivkoye", "Svatove", "Kreminna"]),
])
def test_unknown_name_first_in_a_list_of_known_places(is_name, sentence, expected):
    assert names(sentence, is_name, "target") == expected


def test_unknown_name_after_a_plain_locative_alone_is_not_a_place(is_name):
    assert names("Russian forces shelled positions in Tymkivkoye on May 3.", is_name, "target") == []
    assert names("Officials in Tymkivkoye, Russian sources said, fled.", is_name, "target") == []


@pytest.mark.parametrize("text, want", [
    ("Russian forces attacked to the north, west, and south of Kreminna near Dibrova and Makiivka.", "north/west/south"),
    ("Russian forces attacked northern and eastern of Kreminna near Dibrova and Makiivka.", "north/east"),
    ("Ukrainian forces repelled assaults near Dibrova and Makiivka (both northeast and southwest of Kreminna).",
     "northeast/southwest"),
])
def test_a_bearing_of_several_directions_keeps_each(is_name, text, want):
    # the places may lie any of the ways named, not only the first or the last one
    got = {m.text: m for m in find_mentions(text, is_name)}
    assert (got["Dibrova"].bearing, got["Dibrova"].reference) == (want, "Kreminna")
    assert got["Makiivka"].bearing == want


@pytest.mark.parametrize("noun", ["road bridge", "railway bridge", "rail bridge"])
def test_a_road_or_railway_bridge_is_one_feature(is_name, noun):
    got = find_mentions(f"Ukrainian artillery hit the Antonivsky {noun} near Kherson City on August 5.", is_name)
    bridge = next(m for m in got if m.precision == "feature")
    assert (bridge.text, bridge.reference) == (f"Antonivsky {noun}", "Kherson City")


def test_what_a_bridge_carries_is_no_part_of_its_name(is_name):
    # "the Darivka pontoon bridge", "the Antonivskyi railway bridge": the bridge's name, looked up without the kind
    got = find_mentions("Ukrainian artillery hit the Darivka pontoon bridge and the Antonivskyi railway bridge.", is_name)
    assert [(m.text, m.name, m.precision) for m in got] == [
        ("Darivka pontoon bridge", "Darivka Bridge", "feature"), ("Antonivskyi railway bridge", "Antonivskyi Bridge", "feature")]


def test_region_that_holds_the_raion_hromada_or_area_before(is_name):
    # "Z Raion in Y Oblast", "A and B hromadas in Y Oblast", "the X area of Y Oblast": the region says where the units
    # before it lie; "X Raion and Y Oblast" stays a list
    assert names("Russian drones hit Nikopol and Polohy Raion in Zaporizhia Oblast overnight.", is_name, "target") == [
        "Nikopol", "Polohy Raion"]
    assert names("Russian artillery shelled Ochakiv and Shyroke hromadas in Mykolaiv Oblast on Sunday.", is_name,
                 "target") == ["Ochakiv", "Shyroke"]
    got = find_mentions("Russian guns kept shelling the Nikopol area of Dnipropetrovsk Oblast.", is_name)
    assert [(m.text, m.role) for m in got] == [("Nikopol", "reference"), ("Dnipropetrovsk Oblast", "anchor")]
    assert names("Russian drones hit Polohy Raion and Mykolaiv Oblast overnight.", is_name, "target") == [
        "Polohy Raion", "Mykolaiv Oblast"]
    got = find_mentions("Ukrainian rockets hit depots in the Nova Kakhovka and Skadovsk areas of Kherson Oblast.", is_name)
    assert [m.role for m in got] == ["reference", "reference", "anchor"]
    got = find_mentions("Russian missiles hit the Ochakiv and Shyroke hromadas of Polohy Raion, Zaporizhia Oblast.", is_name)
    assert [(m.text, m.role) for m in got] == [("Ochakiv", "target"), ("Shyroke", "target"), ("Polohy Raion", "anchor"),
                                               ("Zaporizhia Oblast", "anchor")]


def test_a_works_named_with_what_it_makes(is_name):
    # "the X metal plant", "the Y chemical plant in Z": the works, placed at its town, not a village called X
    got = find_mentions("Russian troops stormed the Lenin metal plant in northern Mariupol on Monday.", is_name)
    assert [(m.text, m.precision, m.reference) for m in got] == [
        ("Lenin metal plant", "feature", "Mariupol"), ("northern Mariupol", "settlement", None)]
    got = find_mentions("Ukrainian drones hit the Khimprom chemical plant near Kherson.", is_name)
    assert [(m.text, m.precision, m.reference) for m in got][:1] == [("Khimprom chemical plant", "feature", "Kherson")]
    assert find_mentions("Russian forces struck a Ukrainian metal plant.", is_name) == []


def test_bare_oblast_names_after_the_frontline_in_are_oblasts(is_name):
    # "along the frontline in Donetsk and Luhansk", "the line of contact in Zaporizhia": a front runs through oblasts;
    # towns after it stay towns
    got = find_mentions("Russian artillery hit the whole frontline in Kharkiv and Luhansk on Sunday.", is_name)
    assert [(m.name, m.precision) for m in got] == [("Kharkiv Oblast", "region"), ("Luhansk Oblast", "region")]
    got = find_mentions("Russian forces fired along the line of contact in Zaporizhia.", is_name)
    assert [(m.name, m.precision) for m in got] == [("Zaporizhia Oblast", "region")]
    got = find_mentions("Russian forces shelled the frontline in Kreminna and Svatove.", is_name)
    assert [(m.name, m.precision) for m in got] == [("Kreminna", "settlement"), ("Svatove", "settlement")]
    got = find_mentions("Russian missiles hit Kharkiv and Luhansk on Sunday.", is_name)
    assert [m.precision for m in got] == ["settlement", "settlement"]


def test_a_bracketed_distance_without_a_town_is_from_the_town_of_its_clause(is_name):
    s = ("Ukrainian forces repelled Russian assaults north of Kreminna near Kuzemivka (12km northwest) and Makiivka "
         "(about 20 km north), and south of Kreminna near Dibrova (5km south).")
    got = {m.text: (m.bearing, m.reference, m.distance_km) for m in find_mentions(s, is_name)}
    assert got["Kuzemivka"] == ("northwest", "Kreminna", 12.0)
    assert got["Makiivka"] == ("north", "Kreminna", 20.0)
    assert got["Dibrova"] == ("south", "Kreminna", 5.0)
    # a bracket that names its own town stays the place's own bearing
    s = "Russian forces attacked north of Kreminna near Makiivka (20km south of Svatove)."
    got = {m.text: (m.bearing, m.reference, m.distance_km) for m in find_mentions(s, is_name)}
    assert got["Makiivka"] == ("south", "Svatove", 20.0)


def test_bearing_after_an_aside_in_brackets(is_name):
    # an aside between a village and its bearing does not hide the bearing: it is still the village's own
    s = ("Russian milbloggers claimed that Russian troops entered Kyselivka (which Russian sources still call by its "
         "Soviet-era name) about 15km northwest of Kherson City.")
    got = {m.text: m for m in find_mentions(s, is_name)}
    assert (got["Kyselivka"].bearing, got["Kyselivka"].reference, got["Kyselivka"].distance_km) == ("northwest", "Kherson City", 15)
    assert got["Kherson City"].role != "target"


def test_words_that_are_not_places(full_gazetteer):
    # GeoNames has a village Hromada, a village Nova and a Siverskiy (Leningrad Oblast): none is meant by a hromada's
    # unit word, a postal company or the river named without "River"
    is_full = full_gazetteer.is_name
    s = ("Russian forces fired rockets at the Pokrovske Hromada (a territorial community) and shelled a queue at the "
         "Nova Poshta post office in Kharkiv City on May 3.")
    assert names(s, is_full, "target") == ["Pokrovske", "Kharkiv City"]
    s = "Ukrainian troops held their positions on the Siverskyi Donets north of Lysychansk and repelled an assault near Bilohorivka."
    assert [m.text for m in find_mentions(s, is_full) if m.role == "target"] == ["Bilohorivka"]
    s = "Russian forces tried to cross the Siverskyi Donets River near Serebrianka."
    assert [m.text for m in find_mentions(s, is_full) if m.precision == "feature"] == ["Siverskyi Donets River"]


def test_a_units_home_is_not_where_it_fought(full_gazetteer):
    # where a unit is based or its men come from is their home, not a place of the claim
    is_full = full_gazetteer.is_name
    s = ("Ukrainian forces struck a depot of the 5th Tank Brigade (based in Ulan Ude, Buryatia) near Nova Kakhovka on "
         "August 2, and mobilized men from Tatarstan reportedly attacked near Bilohorivka.")
    assert names(s, is_full, "target") == ["Nova Kakhovka", "Bilohorivka"]
    # men driven out of a village are not its natives
    s = "Ukrainian forces expelled Russian servicemen from Dovhenke and advanced toward Sulyhivka."
    assert names(s, is_full, "target")[:1] == ["Dovhenke"]


def test_bearing_of_two_towns_does_not_place_the_second(is_name):
    # "west of A and B": the bearing is given from both towns, B is not west of A; "north of A near B and C" still places
    s = "Russian troops probed west of Kreminna and Rubizhne toward Svatove on Friday."
    got = {m.text: m for m in find_mentions(s, is_name)}
    assert got["Kreminna"].role == "reference"
    assert (got["Rubizhne"].bearing, got["Rubizhne"].reference) == (None, None)
    s = "Russian troops probed about 10 km south of Kreminna or Rubizhne and north of Sumy City near Oleksiivka."
    got = {m.text: m for m in find_mentions(s, is_name)}
    assert (got["Rubizhne"].bearing, got["Rubizhne"].reference) == (None, None)
    assert (got["Oleksiivka"].bearing, got["Oleksiivka"].reference) == ("north", "Sumy City")


def test_an_oblast_after_towns_named_as_directions_only_says_where_they_lie(is_name):
    # "in the direction of A and B in northern X Oblast": the oblast locates the towns, as it does after towns attacked
    s = "A Russian source claimed that Ukrainian troops pushed in the direction of Svatove and Kupiansk in eastern Kharkiv Oblast."
    got = {m.text: m for m in find_mentions(s, is_name)}
    assert got["Kharkiv Oblast"].role == "anchor"
    assert got["Kupiansk"].bearing == "direction of Kupiansk"


def test_towns_in_a_clause_saying_where_a_road_goes_are_no_places(is_name):
    # "the road that runs between X and Y", "the route to X, running through Y", "the highways to X": the road's ends
    s = "Russian troops kept shelling the road that runs between Siversk and Soledar on Monday."
    got = {m.text: m for m in find_mentions(s, is_name)}
    assert got["Siversk"].role == "reference" and got["Soledar"].role == "reference"
    s = "Ukrainian artillery hit the last supply route to Kreminna, running through Svatove, on Monday."
    got = {m.text: m for m in find_mentions(s, is_name)}
    assert got["Svatove"].role == "reference"
    s = "Russian forces tried to cut the two highways to Kramatorsk."
    assert [m.role for m in find_mentions(s, is_name)] == ["reference"]


def test_tokens_cut_at_spaces_are_the_word_pattern_s_tokens():
    # the tokeniser's fast path (a piece of Latin letters is one token) gives what the pattern alone gives, offsets
    # included, for punctuation, digits, other scripts and other white space
    import dataclasses

    from geo.extract.mentions import WORD, _tokens, replace
    from geo.models import Mention

    for text in ("Troops  moved\ttoward Lyman, 4.5km east; then\u00a0Київ’s  outskirts (Ål, ß) x–y 12,000 —",
                 "", " ", "  two  spaces  ", "Yahidne\nand\u2003Kupyansk-Vuzlovyi's", "α-β γ 2023-01-18."):
        assert _tokens(text) == [(m.group(), m.start(), m.end()) for m in WORD.finditer(text)]
    m = Mention("Lyman", 3, 8, "Lyman", bearing="east", distance_km=4.5)
    assert replace(m, role="reference", reference="X") == dataclasses.replace(m, role="reference", reference="X")
