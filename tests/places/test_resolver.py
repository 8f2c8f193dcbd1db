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
    res = r.resolve(Mention("east (left) bank Kherson Oblast", 0, 10, "Kherson Oblast", precision="region"), Context())
    assert (res.place.geonameid, res.precision) == (706442, "region")
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
