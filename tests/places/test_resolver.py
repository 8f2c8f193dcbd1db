"""Putting mentions on the right village, or on none."""

from geo.models import Mention
from geo.places.resolver import Context, Resolver, fits_bearing, resolve_claims


def test_bearing_geometry(embedded_gazetteer):
    g = embedded_gazetteer
    orikhiv = g.lookup("Orikhiv")[0].place
    zaporizhzhia = g.lookup("Zaporizhzhia")[0].place  # ~55 km north-west of Orikhiv
    assert fits_bearing(orikhiv, zaporizhzhia, "northwest", None)
    assert not fits_bearing(orikhiv, zaporizhzhia, "south", None)
    assert not fits_bearing(orikhiv, zaporizhzhia, "northwest", 10)


def test_regions_and_isw_city_forms(embedded_gazetteer):
    r = Resolver(embedded_gazetteer)
    res = r.resolve(Mention("Kherson Oblast", 0, 10, "Kherson Oblast", precision="region"), Context())
    assert (res.place.geonameid, res.precision) == (706442, "region")
    res = r.resolve(Mention("east (left) bank Kherson Oblast", 0, 10, "Kherson Oblast", precision="region"), Context())
    assert (res.place.admin1, res.place.source, res.precision) == ("Kherson Oblast", "derived", "region")
    res = r.resolve(Mention("Donetsk City", 0, 12, "Donetsk City"), Context())
    assert res.place.geonameid == 709717


def test_oblast_named_decides(full_gazetteer):
    r = Resolver(full_gazetteer)
    m = Mention("Urozhaine", 0, 9, "Urozhaine")
    assert r.resolve(m, Context()).place is None  # six namesakes, nothing to choose by: listed, not guessed
    res = r.resolve(m, Context(sentence_regions=("Donetsk Oblast",)))
    assert res.place.admin1 == "Donetsk Oblast" and res.rule == "oblast named"


def test_bearing_decides(full_gazetteer):
    r = Resolver(full_gazetteer)
    ref = full_gazetteer.lookup("Orikhiv")[0].place
    res = r.resolve(Mention("Robotyne", 0, 8, "Robotyne", bearing="south", reference="Orikhiv"), Context(), ref)
    assert res.place.geonameid == 695586


def test_unresolved_mentions_keep_their_candidates(full_gazetteer):
    r = Resolver(full_gazetteer)
    res = r.resolve(Mention("Novomykhailivka", 0, 15, "Novomykhailivka"), Context())
    assert res.place is None and len(res.candidates) > 5 and res.runner_up is not None


def test_single_candidate_far_from_the_fighting_is_left_for_review(embedded_gazetteer):
    # the embedded gazetteer lacks the Kharkiv Oblast Starytsia; its only namesake is in Tver Oblast
    r = Resolver(embedded_gazetteer)
    res = r.resolve(Mention("Starytsya", 0, 9, "Starytsya"), Context())
    assert res.place is None and res.review and "far from the fighting" in res.rule


def test_resolve_claims_keeps_every_mention(sample_dir, embedded_gazetteer):
    from geo.extract.claims import extract_claims
    from geo.read.reports import read_path

    report = read_path(sample_dir / "2024-06-18.txt")[0]
    claims = extract_claims(report, embedded_gazetteer.is_name)
    rows = resolve_claims(claims, embedded_gazetteer)
    assert len(rows) == sum(len(c.mentions) for c in claims)
    assert all(cp.resolution.rule for cp in rows)


def test_bearings_agree_on_the_reference_town(full_gazetteer):
    # real ISW text (2026-02-26): 104 Oleksandrivkas; the directions of the listed villages pick one
    import datetime as dt

    from geo.extract.claims import extract_claims
    from geo.models import Paragraph, Report

    text = ("Russian forces attacked northeast of Oleksandrivka near Zelenyi Hai and Ivanivka; east of Oleksandrivka "
            "near Tykhe and Ternove; and southeast of Oleksandrivka near Vyshneve and Verbove on February 25 and 26.")
    report = Report(dt.date(2026, 2, 26), "t", (Paragraph(text, "Russian Subordinate Main Effort #3"),))
    rows = resolve_claims(extract_claims(report, full_gazetteer.is_name), full_gazetteer)
    placed = {cp.resolution.mention.text: cp.resolution.place for cp in rows if cp.resolution.place}
    assert {"Ivanivka", "Vyshneve"} <= set(placed)
    assert all(p.admin1 == "Dnipropetrovsk Oblast" for name, p in placed.items() if name in ("Ivanivka", "Vyshneve"))


def _resolver_work(report_text: str, gazetteer) -> dict:
    import datetime as dt

    from geo.extract.claims import extract_claims
    from geo.models import Paragraph, Report

    paragraphs = tuple(Paragraph(p, "Russian Main Effort - Donetsk Oblast") for p in report_text.split("\n\n") if p.strip())
    report = Report(dt.date(2024, 6, 18), "t", paragraphs)
    work: dict = {}
    rows = resolve_claims(extract_claims(report, gazetteer.is_name), gazetteer, work=work)
    work["mentions"] = len(rows)
    return work


def test_resolver_cost_grows_linearly_with_a_repeated_report(sample_dir, embedded_gazetteer):
    # a real report repeated: every mention is compared with a bounded number of others, so twice the text costs
    # about twice the work (comparing every mention with every other made it four times)
    body = (sample_dir / "2024-06-18.txt").read_text(encoding="utf-8")
    once, twice = (_resolver_work(body * n, embedded_gazetteer) for n in (40, 80))
    assert twice["mentions"] == 2 * once["mentions"] > 50
    assert twice["scored"] <= 2.2 * once["scored"]
    assert twice["compared"] <= 2.2 * once["compared"]


def test_resolver_cost_grows_linearly_with_one_long_sentence(embedded_gazetteer):
    # one sentence listing hundreds of villages (hostile input): each is compared with its neighbours in the list only
    villages = [c.place.name for n in ("Avdiivka", "Bakhmut", "Pokrovsk", "Kupiansk", "Toretsk", "Vovchansk", "Orikhiv")
                for c in embedded_gazetteer.lookup(n)[:1]]
    assert len(villages) == 7

    def sentence(n: int) -> str:
        return "Russian forces attacked near " + ", ".join(villages[i % len(villages)] for i in range(n)) + " on June 17."

    once, twice = (_resolver_work(sentence(n), embedded_gazetteer) for n in (150, 300))
    assert twice["mentions"] >= 1.8 * once["mentions"] > 100
    assert twice["compared"] <= 2.3 * once["compared"]


def _resolved(text: str, gazetteer, section: str | None = None) -> dict:
    import datetime as dt

    from geo.extract.claims import extract_claims
    from geo.models import Paragraph, Report

    report = Report(dt.date(2024, 3, 5), "t", (Paragraph(text, section),))
    return {cp.resolution.mention.text: cp.resolution for cp in resolve_claims(extract_claims(report, gazetteer.is_name), gazetteer)}


def test_a_stated_bearing_and_distance_rule_out_namesakes(full_gazetteer):
    from geo.places.resolver import km

    kurakhove = next(c.place for c in full_gazetteer.lookup("Kurakhove") if c.place.admin1 == "Donetsk Oblast")
    fits = _resolved("Russian forces advanced near Novomykhailivka (20 km southeast of Kurakhove) on March 4.", full_gazetteer)
    res = fits["Novomykhailivka"]
    assert res.place is not None and res.place.admin1 == "Donetsk Oblast" and 15 < km(res.place, kurakhove) < 25
    # the same village said to lie 3 km north: no Novomykhailivka does, so none is placed (there are dozens elsewhere)
    off = _resolved("Russian forces advanced near Novomykhailivka (3km north of Kurakhove) on March 4.", full_gazetteer)
    res = off["Novomykhailivka"]
    assert res.place is None and res.review and "no candidate lies 3 km north of Kurakhove" in res.rule
    assert len(res.candidates) > 10


def test_a_capital_named_bare_is_the_capital(full_gazetteer):
    got = _resolved("Ukrainian officials stated that Russian drones struck Kyiv, Sumy, and Zaporizhzhia overnight on March 4.",
                    full_gazetteer)
    for name in ("Kyiv", "Sumy", "Zaporizhzhia"):
        res = got[name]
        assert res.place.feature_code in ("PPLC", "PPLA"), name
        assert res.rule == "capital named bare" and res.runner_up is not None and res.margin >= 1, name  # villages of that name exist
    assert got["Kyiv"].place.admin1 == "Kyiv City"


def test_the_left_bank_is_drawn_on_the_left_bank(full_gazetteer):
    from geo.places.resolver import km, on_left_bank

    res = _resolved("Russian forces continued attacks on the east (left) bank of Kherson Oblast on March 4.", full_gazetteer)
    res = next(r for t, r in res.items() if "bank" in t)
    kherson = next(c.place for c in full_gazetteer.lookup("Kherson") if c.place.feature_code == "PPLA")
    assert res.precision == "region" and res.place.admin1 == "Kherson Oblast"
    assert on_left_bank(res.place.lat, res.place.lon) and km(res.place, kherson) > 40  # not Kherson City, not its centre
    assert not on_left_bank(kherson.lat, kherson.lon)
    assert "left bank" in res.rule


def test_a_report_alone_gets_the_places_it_gets_in_a_batch(sample_dir, full_gazetteer):
    from geo.pipeline import extract_many
    from geo.places.frontline import FrontSeries
    from geo.read.reports import read_path

    day18, day19 = (read_path(sample_dir / f"2024-06-{d}.txt")[0] for d in (18, 19))
    series = FrontSeries.shipped()
    alone = extract_many([day19], full_gazetteer, series=series)[0][1]
    batch = extract_many([day18, day19], full_gazetteer, series=series)[1][1]
    assert [(r["place"], r["geonameid"]) for r in alone] == [(r["place"], r["geonameid"]) for r in batch]
    starytsya = next(r for r in alone if r["place"] == "Starytsya")
    assert starytsya["admin1"] == "Kharkiv Oblast"  # on the front line of its date; the Kherson Oblast namesake is not


def test_the_compass_sector_named_separates_namesakes_that_both_lie_that_way(full_gazetteer):
    # two Stepoves lie west-ish of Orikhiv (bearings 261 and 222 degrees): "west" is the first
    got = _resolved("Russian forces shelled Stepove, west of Orikhiv, on March 4.", full_gazetteer)
    assert got["Stepove"].place.geonameid == 11011093 and got["Stepove"].rule == "bearing" and got["Stepove"].margin >= 1


def test_a_village_next_to_its_reference_town_fits_any_direction(full_gazetteer):
    # the Pavlivka 3.5 km southwest of Vuhledar's centre: next to the town, the direction said is noise, and the
    # namesakes lying due east tens of km away must not win on its letter
    got = _resolved("Ukrainian forces shelled Russian positions in Pavlivka, just east of Vuhledar, on March 4.", full_gazetteer)
    assert got["Pavlivka"].place.geonameid == 697866


def test_a_stated_distance_places_a_village_whose_stated_direction_is_off(full_gazetteer):
    # ISW's compass is often off: Kodema lies some 15 km south-southeast of Bakhmut, not southwest; no other Kodema
    # lies near, so the village at the distance stated is placed, marked for review
    got = _resolved("Russian forces attacked near Kodema (13km southwest of Bakhmut) on March 4.", full_gazetteer)
    res = got["Kodema"]
    assert res.place is not None and res.place.admin1 == "Donetsk Oblast" and res.review
    assert res.rule.startswith("at the distance stated from Bakhmut")
    # a namesake at neither the direction nor the distance stated is still refused
    far = _resolved("Russian forces attacked near Kodema (60km southwest of Bakhmut) on March 4.", full_gazetteer)
    assert far["Kodema"].place is None and far["Kodema"].review


def test_a_name_placed_with_confidence_in_a_section_settles_its_namesakes_there(full_gazetteer):
    # two Zaitseves lie 15 km apart south of Bakhmut; the bearing places the first mention, and the bare mention
    # of the same section means the same village
    import datetime as dt

    from geo.extract.claims import extract_claims
    from geo.models import Paragraph, Report

    section = "Russian Main Effort - Donetsk Oblast"
    text = ("Russian forces attacked near Zaitseve (8km southeast of Bakhmut) on March 4.",
            "Ukrainian forces reportedly struck Russian positions in Zaitseve on March 4.")
    alone = _resolved(text[1], full_gazetteer, section)["Zaitseve"]
    assert alone.place is None and alone.rule.startswith("ambiguous")
    report = Report(dt.date(2024, 3, 5), "t", tuple(Paragraph(t, section) for t in text))
    got = [cp.resolution for cp in resolve_claims(extract_claims(report, full_gazetteer.is_name), full_gazetteer)]
    assert len({r.place.geonameid for r in got if r.place is not None}) == 1 and all(r.place is not None for r in got)
    assert any(r.rule == "named so elsewhere in the section" for r in got)


def test_a_city_named_bare_before_a_list_closing_oblast_is_still_the_city(full_gazetteer):
    # the oblast closing the list is Pokrov's; Kherson City is an oblast capital ISW names without one
    got = _resolved("Russian forces shelled Kherson City and Pokrov, Dnipropetrovsk Oblast, on March 4.", full_gazetteer)
    assert got["Kherson City"].place is not None and got["Kherson City"].place.admin1 == "Kherson Oblast"
    assert got["Pokrov"].place is not None and got["Pokrov"].place.admin1 == "Dnipropetrovsk Oblast"
    # a village named with an oblast that holds none of its namesakes stays unplaced
    off = _resolved("Russian forces shelled Kherson City and Robotyne, Dnipropetrovsk Oblast, on March 4.", full_gazetteer)
    assert off["Robotyne"].place is None and off["Robotyne"].rule.startswith("no candidate in the oblast named")


def test_a_named_oblast_border_picks_the_namesake_on_it(full_gazetteer):
    # dozens of Andriivkas, several in Kherson Oblast; one lies on the oblast's border (with Mykolaiv Oblast)
    got = _resolved("Russian aircraft bombed Andriivka and Novohryhorivka near the Kherson Oblast administrative border "
                    "on March 4.", full_gazetteer)["Andriivka"]
    assert got.place is not None and got.place.geonameid == 705108 and got.rule == "near the oblast border named"
    plain = _resolved("Russian aircraft bombed Andriivka and Novohryhorivka in Kherson Oblast on March 4.", full_gazetteer)
    assert plain["Andriivka"].place is None


def test_a_name_whose_only_namesake_is_far_is_found_under_its_other_vowel(full_gazetteer):
    # GeoNames knows "Dibrovne" only as an alternate name of a Chernihiv Oblast village; the Kharkiv Oblast village
    # by Barvinkove is "Dibrivne" (Ukrainian i where Russian keeps o)
    got = _resolved("Russian artillery hit Dibrovne and Barvinkove on March 4.", full_gazetteer)["Dibrovne"]
    assert got.place is not None and got.place.name == "Dibrivne" and got.place.admin1 == "Kharkiv Oblast" and got.review
    # a far village named with places near it of another shape only: left for review
    far = _resolved("Russian artillery hit Dibrovne and Kupiansk on March 4.", full_gazetteer)["Dibrovne"]
    assert far.place is None or far.place.admin1 == "Kharkiv Oblast"


def test_a_bearing_without_a_distance_reaches_tens_of_km_from_a_town_not_a_hundred(full_gazetteer):
    # "south of Avdiivka near Pervomaiske": the village 12 km west-southwest (ISW's compass is coarse), not the
    # namesakes 75-85 km due south that GeoNames now lists under their new names (Chorne, Kamianuvate)
    from geo.places.resolver import bearing_reach_km

    got = _resolved("Ukrainian forces repelled Russian attacks south of Avdiivka near Pervomaiske and Nevelske on March 4.",
                    full_gazetteer)["Pervomaiske"]
    assert got.place is not None and got.place.geonameid == 697562
    avdiivka = full_gazetteer.get(713122)
    kharkiv = next(c.place for c in full_gazetteer.lookup("Kharkiv") if c.place.feature_code == "PPLA")
    assert 55 <= bearing_reach_km(avdiivka) < 65 and bearing_reach_km(kharkiv) == 90


def test_a_facility_is_put_on_a_far_town_only_when_named_for_it_whole(full_gazetteer):
    r = Resolver(full_gazetteer)
    # no river row: the village of Siverskiy (Leningrad Oblast) matches only a part of the name
    river = r.resolve(Mention("Siverskyi Donets River", 0, 22, "Siverskyi Donets River", precision="feature"), Context())
    assert river.place is None and river.review
    # struck far from the front, and named for the town: Engels (Saratov Oblast) and Belbek (GeoNames' Fruktove)
    engels = r.resolve(Mention("Engels airbase", 0, 14, "Engels airbase", precision="feature"), Context())
    assert engels.place is not None and engels.place.name == "Engels"
    belbek = r.resolve(Mention("Belbek Air Base", 0, 15, "Belbek Air Base", precision="feature"), Context())
    assert belbek.place is not None and belbek.place.admin1 in ("Crimea", "Sevastopol City")
    plant = r.resolve(Mention("Artem Plant", 0, 11, "Artem Plant", precision="feature"), Context())
    assert plant.place is not None and plant.place.admin1 == "Kyiv City"


def test_a_facility_named_by_its_towns_adjective_or_owner_and_a_side_prefix(full_gazetteer):
    from geo.places.resolver import plain_mention, town_forms

    assert town_forms("Antonivskyi")[0] == "Antonivka" and "Vuhlehirsk" in town_forms("Vuhlehirska") and town_forms("Kherson") == ()
    r = Resolver(full_gazetteer)
    kherson = next(c.place for c in full_gazetteer.lookup("Kherson") if c.place.feature_code == "PPLA")
    bridge = r.resolve(Mention("Antonivskyi Bridge", 0, 18, "Antonivskyi Bridge", precision="feature"),
                       Context(sentence_places=(kherson,)))
    assert bridge.place is not None and bridge.place.name == "Antonivka" and bridge.place.admin1 == "Kherson Oblast"
    # a river is not named for a town: "Siverskyi" is no Siversk here
    assert r.resolve(Mention("Siverskyi Donets River", 0, 22, "Siverskyi Donets River", precision="feature"), Context()).place is None
    # who holds a place, and whose facility it is, are not part of its name
    held = plain_mention(Mention("Russian-occupied Nova Kakhovka", 0, 30, "Russian-occupied Nova Kakhovka"))
    assert held.name == "Nova Kakhovka"
    plant = plain_mention(Mention("Mykolaiv’s shipyard", 0, 19, "Mykolaiv’s shipyard", precision="feature"))
    assert (plant.name, plant.reference) == ("shipyard", "Mykolaiv")
    got = r.resolve(Mention("Ukrainian-controlled Orikhiv", 0, 28, "Ukrainian-controlled Orikhiv"), Context(sentence_regions=("Zaporizhzhia Oblast",)))
    assert got.place is not None and got.place.admin1 == "Zaporizhzhia Oblast"


def test_the_russian_border_named_picks_the_namesake_on_it(full_gazetteer):
    # two Ternovas in Kharkiv Oblast: one by the border north of Kharkiv, one 45 km south of it
    near = _resolved("Russian forces shelled Ternova, a village 5 km from the Russian border, on March 4.", full_gazetteer)["Ternova"]
    assert near.place is not None and near.place.geonameid == 691637 and near.rule == "near the Russian border"
    assert _resolved("Russian forces shelled Ternova on March 4.", full_gazetteer)["Ternova"].place is None


def test_the_only_town_among_namesakes_scored_alike(full_gazetteer):
    # Lozova, a town of 54,000, and a hamlet of that name 90 km east: a hamlet leading by a hair does not win
    from geo.places.resolver import _Scored

    r = Resolver(full_gazetteer)
    cands = {c.place.geonameid: c for c in full_gazetteer.lookup("Lozova") if c.place.admin1 == "Kharkiv Oblast"}
    town, hamlet = cands[702760], cands[702758]
    got = r._the_only_town([_Scored(hamlet, 3.0), _Scored(town, 2.8)], 5_000, 5, Context())
    assert got is not None and got[0].cand is town and got[3] == "population"
    # but not against what the sentence says: the hamlet is listed with places close to it
    near = _Scored(hamlet, 3.0, {"listed with places close to it": 0.75})
    assert r._the_only_town([near, _Scored(town, 2.8)], 5_000, 5, Context()) is None
    assert r._the_only_town([_Scored(hamlet, 3.0), _Scored(town, 2.4)], 5_000, 5, Context()) is None  # 0.6 behind: not alike


def test_a_village_the_gazetteer_lacks_goes_where_the_text_puts_it(full_gazetteer):
    from geo.places.resolver import km

    soledar = next(c.place for c in full_gazetteer.lookup("Soledar") if c.place.admin1 == "Donetsk Oblast")
    got = _resolved("Russian forces attacked near Dvorichchia (3km west of Soledar) on March 4.", full_gazetteer)["Dvorichchia"]
    assert got.place is not None and got.place.source == "derived" and got.review and got.precision == "settlement"
    assert 2.5 < km(got.place, soledar) < 3.5 and got.place.lon < soledar.lon and got.place.geonameid < 0
    # too far for a point the text gives: left for review
    far = _resolved("Russian forces attacked near Dvorichchia (60km west of Soledar) on March 4.", full_gazetteer)["Dvorichchia"]
    assert far.place is None and far.review


def test_a_river_with_a_row_for_each_stretch_is_one_river(full_gazetteer):
    # GeoNames has two "Oskil" stream rows in Kharkiv Oblast; the river is either, not an ambiguity
    r = Resolver(full_gazetteer)
    got = r.resolve(Mention("Oskil River", 0, 11, "Oskil River", precision="feature"), Context())
    assert got.place is not None and got.place.admin1 == "Kharkiv Oblast" and got.place.feature_class == "H"
    assert got.rule in ("one river, several rows", "single candidate", "namesakes within 5 km: one place")


def test_a_city_named_by_its_own_name_beats_a_city_once_so_called(full_gazetteer):
    # GeoNames keeps "Slavyansk" among the old names of Nikopol; "Slovyansk" named bare is the city of Donetsk Oblast,
    # even where the front line of the day favours Nikopol on the Dnipro
    import datetime as dt

    from geo.places.frontline import FrontSeries

    r = Resolver(full_gazetteer, frontline=FrontSeries.shipped().prior_for(dt.date(2022, 4, 28)), day=dt.date(2022, 4, 28))
    got = r.resolve(Mention("Slovyansk", 0, 9, "Slovyansk"), Context(kind="attack"))
    assert got.place is not None and got.place.admin1 == "Donetsk Oblast" and got.place.population > 100_000


def test_a_city_named_bare_is_placed_though_a_bearing_of_its_sentence_points_elsewhere(full_gazetteer):
    r = Resolver(full_gazetteer)
    kyiv = next(c.place for c in full_gazetteer.lookup("Kyiv") if c.place.feature_code == "PPLC")
    # "east of Kyiv, in Sumy Oblast, and around Kharkiv": the bearing is Kyiv's, not Kharkiv's (400 km east)
    got = r.resolve(Mention("Kharkiv", 0, 7, "Kharkiv", bearing="east", reference="Kyiv"), Context(), kyiv)
    assert got.place is not None and got.place.feature_code == "PPLA" and got.review


def test_a_ground_claim_far_from_the_front_line_takes_the_other_shape_of_its_name_on_it(full_gazetteer):
    # GeoNames' only "Nikolske" is the town once called Volodarske, 60 km behind the line of November 2022; the
    # village by Vuhledar on the line is "Mykilske" there (alternate name "Nikolskoye"): a ground claim means that one
    import datetime as dt

    from geo.extract.claims import extract_claims
    from geo.models import Paragraph, Report
    from geo.places.frontline import FrontSeries

    day = dt.date(2022, 11, 14)
    line = FrontSeries.shipped().prior_for(day)

    def placed(text: str, frontline) -> dict:
        report = Report(day, "t", (Paragraph(text, None),))
        rows = resolve_claims(extract_claims(report, full_gazetteer.is_name), full_gazetteer, frontline=frontline)
        return {cp.resolution.mention.text: cp.resolution for cp in rows}

    got = placed("Russian troops attacked toward Nikolske and Vuhledar on November 13.", line)["Nikolske"]
    assert got.place is not None and got.place.name == "Mykilske" and got.review and "far from the front line" in got.rule
    assert got.runner_up is not None and got.runner_up.population > 5_000
    # without a front line of the day, the text alone does not say
    alone = placed("Russian troops attacked toward Nikolske and Vuhledar on November 13.", None)["Nikolske"]
    assert alone.place is not None and alone.place.name != "Mykilske"


def test_a_village_gazetteer_knows_only_by_its_russian_name_is_found_when_its_namesakes_do_not_fit(full_gazetteer):
    import datetime as dt

    from geo.extract.claims import extract_claims
    from geo.models import Paragraph, Report
    from geo.places.frontline import FrontSeries
    from geo.places.resolver import km

    def placed(paragraphs: tuple[str, ...], day: dt.date) -> dict:
        report = Report(day, "t", tuple(Paragraph(t, None) for t in paragraphs))
        rows = resolve_claims(extract_claims(report, full_gazetteer.is_name), full_gazetteer,
                              frontline=FrontSeries.shipped().prior_for(day))
        return {cp.resolution.mention.text: cp.resolution for cp in rows}

    # GeoNames' only Trypillia lies by Kyiv; the Luhansk Oblast village by Toshkivka is there as "Tripol'ye" only
    got = placed(("Russian forces attacked Toshkivka and Trypillya on May 21.",), dt.date(2022, 5, 22))["Trypillya"]
    assert got.place is not None and got.place.admin1 == "Luhansk Oblast" and got.review and "spelled" in got.rule
    # "Svitlychne" named with Orikhove in a section about Popasna: the Luhansk Oblast village GeoNames calls
    # "Svetlichnoye", not the namesake by Kharkiv that lies on the front line of April 2022 too
    got = placed(("Russian forces shelled Popasna and Hirske on April 28.",
                  "Ukrainian officials said Russian troops assaulted Orikhove and Svitlychne on April 28."), dt.date(2022, 4, 29))
    assert got["Orikhove"].place is not None and got["Orikhove"].place.admin1 == "Luhansk Oblast"
    svit = got["Svitlychne"]
    assert svit.place is not None and svit.place.admin1 == "Luhansk Oblast" and svit.review
    assert 5 < km(svit.place, got["Orikhove"].place) < 20


def test_a_name_whose_only_namesake_is_far_is_found_spelled_all_but_so_near_the_other_places(full_gazetteer):
    # GeoNames' only "Mayorske" lies in Odesa Oblast; the town by Horlivka is "Maiorsk" (a letter more): a fuzzy
    # match, taken only close to the other places the text names, and for review
    got = _resolved("Russian troops attacked Mayorske and Zaitseve near Horlivka on March 4.", full_gazetteer)
    assert got["Mayorske"].place is not None and got["Mayorske"].place.name == "Maiorsk" and got["Mayorske"].review
    assert got["Mayorske"].place.admin1 == got["Horlivka"].place.admin1 == "Donetsk Oblast"
    # named alone, nothing says which village of a like spelling is meant
    assert _resolved("Russian troops attacked Mayorske on March 4.", full_gazetteer)["Mayorske"].place is None


def _resolved_on(day, text: str, gazetteer, section: str | None = None) -> dict:
    from geo.extract.claims import extract_claims
    from geo.models import Paragraph, Report

    report = Report(day, "t", (Paragraph(text, section),))
    return {cp.resolution.mention.text: cp.resolution for cp in resolve_claims(extract_claims(report, gazetteer.is_name), gazetteer)}


def test_a_mention_left_open_is_tried_again_once_the_places_after_it_are_placed(full_gazetteer, monkeypatch):
    import datetime as dt

    # Lukashi is placed only in the second pass (by the town of the next sentence), after Bohdanivka (46 namesakes) was
    # tried: Bohdanivka is tried once more, with Lukashi beside it, and is the one of Kyiv Oblast, east of Kyiv
    seen = []
    resolve = Resolver.resolve

    def spy(self, mention, ctx, ref=None, given=None):
        if mention.name == "Bohdanivka":
            seen.append([p.name for p in ctx.sentence_places])
        return resolve(self, mention, ctx, ref, given)

    monkeypatch.setattr(Resolver, "resolve", spy)
    text = ("Russian troops shelled the outskirts of Bohdanivka, Lukashi and Slavutych on March 9. "
            "Russian forces also shelled Baryshivka on March 9.")
    got = _resolved_on(dt.date(2022, 3, 10), text, full_gazetteer)
    assert got["Lukashi"].place is not None and got["Lukashi"].place.admin1 == "Kyiv Oblast"
    assert "Lukashi" not in seen[-2] and "Lukashi" in seen[-1]
    assert got["Bohdanivka"].place is None or got["Bohdanivka"].place.geonameid == 711919


def test_the_leader_alone_in_the_oblast_of_the_sentences_other_places(full_gazetteer):
    from geo.places.resolver import _Scored

    r = Resolver(full_gazetteer)
    cands = {c.place.admin1: c for c in full_gazetteer.lookup("Bilohorivka") if c.place.admin1 in ("Luhansk Oblast", "Donetsk Oblast")}
    luhansk, donetsk = cands["Luhansk Oblast"], cands["Donetsk Oblast"]
    towns = tuple(next(c.place for c in full_gazetteer.lookup(n) if c.place.admin1 == "Luhansk Oblast") for n in ("Lysychansk", "Rubizhne"))
    ctx = Context(sentence_places=towns)
    got = r._the_only_one_in_their_oblast([_Scored(luhansk, 3.1), _Scored(donetsk, 3.0)], ctx)
    assert got is not None and got[0].cand is luhansk
    # it breaks a tie for the leader, it does not overturn a lead
    assert r._the_only_one_in_their_oblast([_Scored(donetsk, 3.1), _Scored(luhansk, 3.0)], ctx) is None
    # one other place, or places of two oblasts, say nothing of an oblast
    assert r._the_only_one_in_their_oblast([_Scored(luhansk, 3.1), _Scored(donetsk, 3.0)], Context(sentence_places=towns[:1])) is None
    bakhmut = next(c.place for c in full_gazetteer.lookup("Bakhmut") if c.place.admin1 == "Donetsk Oblast")
    assert r._the_only_one_in_their_oblast([_Scored(luhansk, 3.1), _Scored(donetsk, 3.0)],
                                           Context(sentence_places=towns + (bakhmut,))) is None


def test_the_oblast_a_claim_names_as_its_own_place_separates_namesakes(full_gazetteer):
    # four Zatokas: the claim's own "other places in Odesa Oblast" says which, though it scores nothing by itself
    got = _resolved("Russian aircraft fired missiles at the resort village of Zatoka and at other places in Odesa Oblast on March 3.",
                    full_gazetteer)["Zatoka"]
    assert got.place is not None and got.place.admin1 == "Odesa Oblast" and "the oblast its claim names" in got.rule
    assert _resolved("Russian aircraft fired missiles at Zatoka on March 3.", full_gazetteer)["Zatoka"].place is None


def test_an_oblast_right_after_another_place_is_that_places_oblast():
    from geo.places.resolver import BOUND_OBLAST

    for text in ("the Blahodatne in southern ", "struck Charivne, ", "near Vovchansk in the "):
        assert BOUND_OBLAST.search(text) is not None
    assert BOUND_OBLAST.search("and other unspecified areas in ") is None  # no place before it
    assert BOUND_OBLAST.search("Blahodatne in southern ").group(1) == "Blahodatne"


def test_a_headings_list_of_oblasts_is_read(full_gazetteer):
    from geo.places.resolver import _heading_oblast_list

    assert _heading_oblast_list("Main Effort—Southern Kharkiv, Donetsk, Luhansk Oblasts", full_gazetteer) == (
        "Kharkiv Oblast", "Donetsk Oblast", "Luhansk Oblast")
    assert _heading_oblast_list("Main Effort—Donetsk and Luhansk oblasts", full_gazetteer) == ("Donetsk Oblast", "Luhansk Oblast")
    assert _heading_oblast_list("Supporting Effort—Southern Axis", full_gazetteer) == ()


def test_a_ground_claim_chosen_by_weak_evidence_far_from_the_line_with_a_namesake_on_it_is_left_open(full_gazetteer):
    import datetime as dt

    from geo.places.frontline import FrontSeries
    from geo.places.resolver import _Scored

    day = dt.date(2022, 4, 29)
    r = Resolver(full_gazetteer, frontline=FrontSeries.shipped().prior_for(day), day=day)
    cands = {c.place.admin1: c for c in full_gazetteer.lookup("Svitlychne")}
    rear, on_line = cands["Luhansk Oblast"], cands["Kharkiv Oblast"]  # 68 km behind the line of April 2022; on it
    weak = _Scored(rear, 4.25, {"section heading": 1.0, "near other places in the section": 1.0})
    assert r._off_the_line_with_a_namesake_on_it(weak, [weak, _Scored(on_line, 3.25)], Context(kind="attack"))
    # what the text says of the place itself stands; a strike may land far behind the line
    named = _Scored(rear, 6.25, {"oblast named": 3.0})
    assert not r._off_the_line_with_a_namesake_on_it(named, [named, _Scored(on_line, 3.25)], Context(kind="attack"))
    assert not r._off_the_line_with_a_namesake_on_it(weak, [weak, _Scored(on_line, 3.25)], Context(kind="strike"))


def test_a_section_heading_naming_oblasts_separates_namesakes(full_gazetteer):
    got = _resolved("Local officials said that Ukrainian forces repelled a Russian attack on Svitlychne on March 4.", full_gazetteer,
                    section="Subordinate Main Effort—Donetsk and Luhansk Oblasts")["Svitlychne"]
    assert got.place is not None and got.place.admin1 == "Luhansk Oblast" and got.rule == "section heading"


def test_a_facility_named_after_a_town_beside_the_larger_town_named_with_it_is_in_the_town_it_is_named_after(full_gazetteer):
    r = Resolver(full_gazetteer)
    # "the Antonivsky road bridge near Kherson City": Antonivka, 10 km from the city's centre, as the bridge named alone
    bridge = r.resolve(Mention("Antonivsky road bridge", 0, 22, "Antonivsky road bridge", precision="feature",
                               reference="Kherson City"), Context())
    assert bridge.place.geonameid == 713304 and bridge.precision == "feature"
    # a refinery named after a city, standing in a village by it, is in that village
    plant = r.resolve(Mention("Lysychansk Oil Refinery", 0, 23, "Lysychansk Oil Refinery", precision="feature",
                              reference="Verkhnokamyanka"), Context())
    assert plant.place is not None and plant.place.name != "Lysychansk"
    # a facility named after the town named with it is in that town
    port = r.resolve(Mention("Port of Mariupol", 0, 16, "Port of Mariupol", precision="feature", reference="Mariupol"), Context())
    assert port.place.name == "Mariupol"


def test_lone_candidate_far_from_the_places_of_its_claim_is_none(full_gazetteer):
    # the only Prechystivka the gazetteer knows lies by Vuhledar: named with Snihurivka and Bashtanka (Mykolaiv
    # Oblast), 250 km away, it is another village the gazetteer lacks; named with Vuhledar it is that one, and named
    # with one far place only it stands (a strike list may name places on two fronts)
    r = Resolver(full_gazetteer)
    m = Mention("Prechystivka", 0, 12, "Prechystivka")
    snihurivka = next(c.place for c in full_gazetteer.lookup("Snihurivka") if c.place.admin1 == "Mykolaiv Oblast")
    bashtanka = next(c.place for c in full_gazetteer.lookup("Bashtanka") if c.place.admin1 == "Mykolaiv Oblast")
    two = (snihurivka, bashtanka)
    res = r.resolve(m, Context(sentence_places=two, claim_places=two, kind="strike"))
    assert res.place is None and res.review and "far from every other place" in res.rule
    res = r.resolve(m, Context(sentence_places=two[:1], claim_places=two[:1], kind="strike"))
    assert res.place is not None and res.place.admin1 == "Donetsk Oblast"
    vuhledar = next(c.place for c in full_gazetteer.lookup("Vuhledar") if c.place.admin1 == "Donetsk Oblast")
    res = r.resolve(m, Context(sentence_places=(snihurivka, vuhledar), claim_places=(snihurivka, vuhledar), kind="strike"))
    assert res.place is not None and res.place.admin1 == "Donetsk Oblast"


def test_bearing_no_namesake_fits_leaves_a_far_pick_unplaced(full_gazetteer):
    # "Rubizhne, west of Kharkiv": no Rubizhne lies west of Kharkiv within a bearing's reach; the town of Rubizhne
    # (Luhansk Oblast, the most populous) lies 190 km to the east-southeast: none, for review
    r = Resolver(full_gazetteer)
    kharkiv = next(c.place for c in full_gazetteer.lookup("Kharkiv") if c.place.admin1 == "Kharkiv Oblast" and c.place.population > 1e6)
    res = r.resolve(Mention("Rubizhne", 0, 8, "Rubizhne", bearing="west", reference="Kharkiv"), Context(kind="attack"), kharkiv)
    assert res.place is None and res.review and "no candidate lies west of Kharkiv" in res.rule
    # northeast of Kharkiv: the village there, as before
    res = r.resolve(Mention("Rubizhne", 0, 8, "Rubizhne", bearing="northeast", reference="Kharkiv"), Context(kind="attack"), kharkiv)
    assert res.place is not None and res.place.admin1 == "Kharkiv Oblast"


def test_misspellings_with_only_fuzzy_namesakes(full_gazetteer):
    r = Resolver(full_gazetteer)
    # two letters swapped: of the fuzzy matches (Lyptsi, Male Vesele, Lyse, ...), the one spelled so but for the swap
    res = r.resolve(Mention("Lytpsi", 0, 6, "Lytpsi"), Context(kind="attack"))
    assert res.place is not None and res.place.name == "Lyptsi" and res.review and "letters swapped" in res.rule
    # a letter dropped: the only Zelendolsk is an alternate name of Zelenodolsk in Tatarstan; the Dnipropetrovsk Oblast
    # town (12,700 people) lies 55 km from Nikopol, named with it
    nikopol = next(c.place for c in full_gazetteer.lookup("Nikopol") if c.place.admin1 == "Dnipropetrovsk Oblast")
    res = r.resolve(Mention("Zelendolsk", 0, 10, "Zelendolsk"), Context(sentence_places=(nikopol,), claim_places=(nikopol,), kind="strike"))
    assert res.place is not None and res.place.admin1 == "Dnipropetrovsk Oblast" and res.review
