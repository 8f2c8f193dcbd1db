"""Compare extracted rows with hand-made gold labels (the format of shared/gold/README.md).

Matching rules (the project's published scoring rules):
- a prediction matches a gold row when kind and actor agree and the place agrees: the same
  geonameid; for settlement and feature rows, or within 5 km; for region rows, the same admin1
  name or within 100 km; for gold rows without a geonameid, the same normalised place text;
- matching is one-to-one and greedy, after predictions are deduplicated per report on
  (kind, actor, status, geonameid or place text);
- location accuracy is measured on gold/prediction pairs that agree on kind, actor and place
  text, so it isolates where a mention was put from whether it was found.

`HELD_OUT` names the gold reports kept blind (see the tests' floors for both halves).
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from geo.errors import GeoError

# The blind protocol: the method is changed while looking only at the development reports' misses; the held-out
# reports are scored as totals, to check that a rule helps on reports it was not written from.
HELD_OUT = ("isw-2022-04-27", "isw-2022-08-17", "isw-2022-12-20", "isw-2023-05-03-html")


def norm(text: str | None) -> str:
    s = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().lower()
    s = re.sub(r"\b(city|oblast|krai|raion|republic of|the|occupied)\b", " ", s)
    return re.sub(r"[^a-z]", "", s)


def _admin_key(text: str | None) -> str:
    return norm((text or "").replace("Oblast", "").replace("’", "'"))


def _km(a: dict, b: dict) -> float:
    if None in (a.get("lat"), a.get("lon"), b.get("lat"), b.get("lon")):
        return math.inf
    p1, p2 = math.radians(a["lat"]), math.radians(b["lat"])
    dp, dl = p2 - p1, math.radians(b["lon"] - a["lon"])
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371 * math.asin(min(1.0, math.sqrt(h)))


def same_place(gold: dict, pred: dict) -> bool:
    if gold.get("geonameid") is not None and gold.get("geonameid") == pred.get("geonameid"):
        return True
    if gold.get("precision") == "region":
        if gold.get("admin1") and _admin_key(gold["admin1"]) == _admin_key(pred.get("admin1")):
            return True
        return _km(gold, pred) <= 100
    if gold.get("geonameid") is None:
        return norm(gold.get("place")) == norm(pred.get("place"))
    return _km(gold, pred) <= 5


def dedupe(rows: list[dict]) -> list[dict]:
    seen, out = set(), []
    for r in rows:
        key = (r.get("kind"), r.get("actor"), r.get("status"), r.get("geonameid") or norm(r.get("place")))
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


@dataclass
class ReportScore:
    report: str
    gold: int = 0
    pred: int = 0
    tp: int = 0
    loc_total: int = 0
    loc_ok: int = 0
    status_ok: int = 0
    unresolved: int = 0
    misses: list[dict] = field(default_factory=list)
    extras: list[dict] = field(default_factory=list)
    misplaced: list[tuple[dict, dict]] = field(default_factory=list)


def score_report(report: str, gold: list[dict], pred: list[dict]) -> ReportScore:
    pred = dedupe(pred)
    used: set[int] = set()
    matched: list[tuple[dict, dict]] = []
    for g in gold:
        for i, p in enumerate(pred):
            if i in used or p.get("kind") != g["kind"] or p.get("actor") != g["actor"]:
                continue
            if same_place(g, p):
                used.add(i)
                matched.append((g, p))
                break
    sc = ReportScore(report, gold=len(gold), pred=len(pred), tp=len(matched))
    for g in gold:
        if g.get("geonameid") is None:
            continue
        same_text = [p for p in pred if p.get("kind") == g["kind"] and p.get("actor") == g["actor"] and norm(p.get("place")) == norm(g["place"])]
        if same_text:
            sc.loc_total += 1
            if any(same_place(g, p) for p in same_text):
                sc.loc_ok += 1
            else:
                sc.misplaced.append((g, same_text[0]))
    hit = {id(g) for g, _ in matched}
    sc.misses = [g for g in gold if id(g) not in hit]
    sc.extras = [p for i, p in enumerate(pred) if i not in used]
    sc.status_ok = sum(g["status"] == p.get("status") for g, p in matched)
    sc.unresolved = sum(p.get("geonameid") is None and p.get("lat") is None for p in pred)
    return sc


@dataclass
class Totals:
    reports: list[ReportScore]

    def _sum(self, attr: str) -> int:
        return sum(getattr(r, attr) for r in self.reports)

    @property
    def precision(self) -> float:
        return self._sum("tp") / self._sum("pred") if self._sum("pred") else 0.0

    @property
    def recall(self) -> float:
        return self._sum("tp") / self._sum("gold") if self._sum("gold") else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def location_accuracy(self) -> float:
        return self._sum("loc_ok") / self._sum("loc_total") if self._sum("loc_total") else 0.0

    @property
    def status_accuracy(self) -> float:
        return self._sum("status_ok") / self._sum("tp") if self._sum("tp") else 0.0

    @property
    def unresolved_share(self) -> float:
        return self._sum("unresolved") / self._sum("pred") if self._sum("pred") else 0.0


def load_jsonl(path: Path) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                raise GeoError(f"{path}:{n}: not a JSON object ({e.msg})") from e
    return rows


def format_report(t: Totals, show: int = 10) -> str:
    lines = []
    for r in t.reports:
        p = r.tp / r.pred if r.pred else 0.0
        rc = r.tp / r.gold if r.gold else 0.0
        f = 2 * p * rc / (p + rc) if p + rc else 0.0
        loc = f"{r.loc_ok / r.loc_total:.2f}" if r.loc_total else "n/a"
        st = f"{r.status_ok / r.tp:.2f}" if r.tp else "n/a"
        lines.append(f"{r.report}: gold {r.gold} pred {r.pred} matched {r.tp}  P={p:.2f} R={rc:.2f} F1={f:.2f}  "
                     f"location={loc} ({r.loc_ok}/{r.loc_total})  status={st}  unresolved {r.unresolved}")
    lines.append(
        f"total: P={t.precision:.3f} R={t.recall:.3f} F1={t.f1:.3f} location@5km={t.location_accuracy:.3f} "
        f"status={t.status_accuracy:.3f} unresolved={t.unresolved_share:.3f} "
        f"gold={sum(r.gold for r in t.reports)} pred={sum(r.pred for r in t.reports)}"
    )
    if show:
        misses = [(r.report, g) for r in t.reports for g in r.misses]
        extras = [(r.report, p) for r in t.reports for p in r.extras]
        misplaced = [(r.report, g, p) for r in t.reports for g, p in r.misplaced]
        if misplaced:
            lines.append("worst misplacements (gold place vs where it was put):")
            for rid, g, p in misplaced[:show]:
                lines.append(f"  {rid}: {g['place']!r} gold {g.get('geonameid')} ({g.get('admin1')}) -> {p.get('geonameid')} "
                             f"({p.get('admin1')}, {p.get('rule', '')})  «{g['quote'][:90]}»")
        if misses:
            lines.append("missed claims:")
            for rid, g in misses[:show]:
                lines.append(f"  {rid}: {g['kind']} {g['actor']} {g['status']} {g['place']!r}  «{g['quote'][:100]}»")
        if extras:
            lines.append("claims not in the gold:")
            for rid, p in extras[:show]:
                lines.append(f"  {rid}: {p.get('kind')} {p.get('actor')} {p.get('status')} {p.get('place')!r}  «{str(p.get('quote'))[:100]}»")
    return "\n".join(lines)
