"""Accuracy on the shared gold labels, so the figures cannot silently regress.

The project's targets are claim F1 0.90, location accuracy 0.97 and status accuracy 0.95 over every gold
report, each extracted on its own, and claim F1 0.85 on reports the method was never tuned on. The floors
below are the figures the method reaches now (measured, rounded down to two decimals), not the targets:
it does not reach them yet (see the README's "Accuracy" table). The held-out reports (`HELD_OUT`) were
kept blind while the method changed; their floor guards that the method generalises.
"""

from geo.evaluation import HELD_OUT, dedupe, same_place, score_report
from geo.pipeline import evaluate

FLOOR = {"f1": 0.91, "location": 0.99, "status": 0.96}  # all gold reports; the targets are 0.90 / 0.97 / 0.95
HELD_OUT_FLOOR = {"f1": 0.80, "location": 0.98, "status": 0.92}  # the blind reports; targets on unseen reports 0.85 / 0.95 / 0.93


def test_scoring_rules():
    gold = [{"kind": "advance", "actor": "russia", "status": "confirmed", "place": "Avdiivka", "geonameid": 713122,
             "lat": 48.14019, "lon": 37.75008, "admin1": "Donetsk Oblast", "precision": "settlement", "quote": "q"},
            {"kind": "strike", "actor": "ukraine", "status": "confirmed", "place": "Rostov Oblast", "geonameid": 501165,
             "lat": 47.6, "lon": 41.0, "admin1": "Rostov Oblast", "precision": "region", "quote": "q"}]
    pred = [dict(gold[0], geonameid=None, lat=48.15, lon=37.76),  # 1.3 km away: the same place
            dict(gold[0], geonameid=None, lat=48.15, lon=37.76),  # a duplicate, removed before matching
            dict(gold[1], geonameid=None, lat=47.2, lon=39.7, place="Rostov")]  # same admin1
    assert len(dedupe(pred)) == 2
    assert same_place(gold[0], pred[0]) and same_place(gold[1], pred[2])
    s = score_report("r", gold, pred)
    assert (s.tp, s.pred, s.status_ok) == (2, 2, 2)
    far = dict(gold[0], geonameid=1, lat=51.7766, lon=32.79988)  # the Chernihiv Oblast Avdiyivka
    assert not same_place(gold[0], far)


def test_gold_figures_with_the_full_gazetteer(shared, gold_reports, full_gazetteer):
    totals = evaluate(shared / "gold", gold_reports, full_gazetteer)
    assert len(totals.reports) == len(list((shared / "gold").glob("*.jsonl")))
    assert totals.f1 >= FLOOR["f1"], totals.f1
    assert totals.location_accuracy >= FLOOR["location"], totals.location_accuracy
    assert totals.status_accuracy >= FLOOR["status"], totals.status_accuracy


def test_held_out_figures_with_the_full_gazetteer(shared, gold_reports, full_gazetteer):
    held = [rid for rid in HELD_OUT if (shared / "gold" / f"{rid}.jsonl").is_file()]
    assert held, "the held-out gold reports are missing"
    totals = evaluate(shared / "gold", gold_reports, full_gazetteer, held)
    assert totals.f1 >= HELD_OUT_FLOOR["f1"], totals.f1
    assert totals.location_accuracy >= HELD_OUT_FLOOR["location"], totals.location_accuracy
    assert totals.status_accuracy >= HELD_OUT_FLOOR["status"], totals.status_accuracy


def test_gold_runs_with_the_embedded_gazetteer(shared, gold_reports, embedded_gazetteer):
    totals = evaluate(shared / "gold", gold_reports, embedded_gazetteer)
    assert 0 < totals.f1 < 1 and totals.reports
