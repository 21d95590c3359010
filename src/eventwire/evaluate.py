"""`eventwire eval`: score records against gold files (the formats of FORMAT.md).

Analysts check the coder against their own gold with it. The figures follow the public scoring
rules: events P/R/F1 per sentence over (source, target, code) tuples at several levels, quotes with
a half-overlap text match and a surname speaker match, places accuracy at 161 km, extraction token F1.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

NOT_ASSERTED = {"hypothetical", "negated"}
PRONOUNS = {"he", "she", "they", "i", "we", "it", "you", "him", "her", "them"}
KINDS = ("events", "quotes", "places", "extraction")


def norm(s: str | None) -> str:
    s = unicodedata.normalize("NFKC", s or "")
    for a, b in (("\u201c", '"'), ("\u201d", '"'), ("\u2019", "'"), ("\u2018", "'")):
        s = s.replace(a, b)
    return re.sub(r"\s+", " ", s).strip().lower()


def load_jsonl(path: str | Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


# -- events -----------------------------------------------------------------------------------
def _plover_type(ev: dict) -> str:
    pl = ev.get("plover")
    return ((pl.get("type") if isinstance(pl, dict) else pl) or "").upper()


def _code(ev: dict) -> str:
    return str(ev.get("code") or "")


EVENT_LEVELS: tuple[tuple[str, str, Callable[[str, str, dict], tuple]], ...] = (
    ("root+countries", "code", lambda s, t, e: (s[:3], t[:3], _code(e)[:2])),
    ("code+countries", "code", lambda s, t, e: (s[:3], t[:3], _code(e))),
    ("root+actor codes", "code", lambda s, t, e: (s, t, _code(e)[:2])),
    ("plover+countries", "plover", lambda s, t, e: (s[:3], t[:3], _plover_type(e))),
)


def _event_tuples(events: Iterable[dict], level) -> Counter:
    _, field, key = level
    out: Counter = Counter()
    for ev in events:
        if ev.get("modality") in NOT_ASSERTED:
            continue
        if not (_plover_type(ev) if field == "plover" else _code(ev)):
            continue
        src = (ev.get("source_code") or ev.get("source") or "").upper()
        tgt = (ev.get("target_code") or ev.get("target") or "").upper()
        out[key(src, tgt, ev)] += 1
    return out


def score_events(gold: list[dict], pred: dict[str, dict]) -> list[str]:
    gold_events = [e for g in gold for e in g["events"]]
    has_code = any(_code(e) for e in gold_events)
    has_plover = any(_plover_type(e) for e in gold_events)
    levels = [
        lv
        for lv in EVENT_LEVELS
        if (lv[1] == "code" and (has_code or not has_plover)) or (lv[1] == "plover" and has_plover)
    ]
    lines, figures = [], []
    for level in levels:
        tp = n_pred = n_gold = 0
        for g in gold:
            gt = _event_tuples(g["events"], level)
            pt = _event_tuples((pred.get(g["id"]) or {}).get("events", []), level)
            tp += sum((gt & pt).values())
            n_pred += sum(pt.values())
            n_gold += sum(gt.values())
        p, r, f = prf(tp, n_pred, n_gold)
        figures.append((level[0], f))
        lines.append(
            f"{level[0]:18} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (tp {tp}, pred {n_pred}, gold {n_gold})"
        )
    empty = [g for g in gold if not g["events"]]
    coded = sum(
        1
        for g in empty
        if any(_event_tuples((pred.get(g["id"]) or {}).get("events", []), lv) for lv in levels)
    )
    lines.append(f"sentences with no gold event: {len(empty)}, of which coded anyway: {coded}")
    missing = [g for g in gold if g["id"] not in pred]
    if missing:
        lines.append(f"records missing from output: {len(missing)}")
    lines.append(
        "events F1 " + ", ".join(f"{f:.3f} ({n})" for n, f in figures) + f" on {len(gold)} sentences"
    )
    return lines


# -- quotes -----------------------------------------------------------------------------------
def _overlap(a: str | None, b: str | None) -> float:
    wa, wb = set(norm(a).split()), set(norm(b).split())
    return len(wa & wb) / max(1, min(len(wa), len(wb)))


def _words(s: str | None) -> list[str]:
    return re.findall(r"\w+", norm(s))


def _match_quotes(gold_quotes: list[dict], pred_quotes: list[dict]) -> tuple[int, int]:
    """Greedy one-to-one: text overlap >= half; speaker when the gold surname is a word of speaker_name."""
    tp_span = tp_full = 0
    used: set[int] = set()
    for gq in gold_quotes:
        for i, q in enumerate(pred_quotes):
            if i in used or _overlap(q.get("text"), gq["text"]) < 0.5:
                continue
            used.add(i)
            tp_span += 1
            surname = _words(gq.get("speaker"))[-1:]
            said_by = _words(q.get("speaker_name"))
            pronoun = norm(gq.get("speaker")) in PRONOUNS
            if (
                (surname and surname[0] in said_by)
                or (pronoun and said_by)
                or (not gq.get("speaker") and not said_by)
            ):
                tp_full += 1
            break
    return tp_span, tp_full


def score_quotes(gold: list[dict], pred: dict[str, dict]) -> list[str]:
    views = (
        ("direct quotes", lambda q: q.get("kind", "direct") != "indirect"),
        ("all attributions", lambda q: True),
    )
    lines, figures = [], []
    for name, keep in views:
        tp_span = tp_full = n_pred = n_gold = 0
        for g in gold:
            gq = [q for q in g["quotes"] if keep(q)]
            pq = [q for q in (pred.get(g["id"]) or {}).get("quotes", []) if keep(q)]
            a, b = _match_quotes(gq, pq)
            tp_span, tp_full, n_pred, n_gold = tp_span + a, tp_full + b, n_pred + len(pq), n_gold + len(gq)
        p, r, f = prf(tp_span, n_pred, n_gold)
        p2, r2, f2 = prf(tp_full, n_pred, n_gold)
        figures.append((f, f2))
        lines.append(
            f"{name:17} span P {p:.3f} R {r:.3f} F1 {f:.3f} | +speaker P {p2:.3f} R {r2:.3f} F1 {f2:.3f}"
            f"  (gold {n_gold}, pred {n_pred})"
        )
    (fd, fd2), (fa, fa2) = figures
    lines.append(
        f"quotes F1 {fd2:.3f} direct with speaker ({fd:.3f} span only), "
        f"{fa2:.3f} all attributions with speaker ({fa:.3f} span only) on {len(gold)} documents"
    )
    return lines


# -- places -----------------------------------------------------------------------------------
def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def score_places(gold: list[dict], pred: dict[str, dict]) -> list[str]:
    n = found = close = 0
    for g in gold:
        pp = (pred.get(g["id"]) or {}).get("places", [])
        for gp in g["places"]:
            n += 1
            cand = [p for p in pp if any(s[0] < gp["end"] and gp["start"] < s[1] for s in p.get("spans", []))]
            cand = cand or [p for p in pp if norm(p.get("name")) == norm(gp["name"])]
            if not cand:
                continue
            found += 1
            p = cand[0]
            if p.get("lat") is None or gp.get("lat") is None:
                continue
            if km((p["lat"], p["lon"]), (gp["lat"], gp["lon"])) <= 161:
                close += 1
    return [
        f"toponyms recognised {found}/{n}; resolved within 161 km {close}/{n}",
        f"places acc@161km {close / max(1, n):.3f} over all gold toponyms ({close / max(1, found):.3f} of recognised)",
    ]


# -- extraction -------------------------------------------------------------------------------
def _tokens(s: str | None) -> Counter:
    return Counter(re.findall(r"\w+", norm(s)))


def score_extraction(gold: list[dict], pred: dict[str, dict]) -> list[str]:
    ps, rs, fs = [], [], []
    for g in gold:
        body = ((pred.get(g["id"]) or {}).get("article") or {}).get("body") or ""
        gt, pt = _tokens(g["article_body"]), _tokens(body)
        p, r, f = prf(sum((gt & pt).values()), sum(pt.values()), sum(gt.values()))
        ps.append(p)
        rs.append(r)
        fs.append(f)
    n = max(1, len(fs))
    return [
        f"extraction P {sum(ps) / n:.3f}  R {sum(rs) / n:.3f}  F1 {sum(fs) / n:.3f} (mean over {len(fs)} pages)"
    ]


SCORERS = {
    "events": score_events,
    "quotes": score_quotes,
    "places": score_places,
    "extraction": score_extraction,
}


def detect_kind(gold: list[dict]) -> str:
    first = gold[0] if gold else {}
    for kind, field in (
        ("events", "events"),
        ("quotes", "quotes"),
        ("places", "places"),
        ("extraction", "article_body"),
    ):
        if field in first:
            return kind
    raise ValueError(
        "cannot tell the gold file's kind: expected events, quotes, places or article_body fields"
    )
