"""Geometry for the server-drawn SVG charts: timeline bars, dyad network, event map.

Only numbers are computed here; the templates draw them, so every label goes through autoescape.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

QUAD_COLORS = {1: "#4c9f70", 2: "#1f6f43", 3: "#e0a030", 4: "#c0392b"}


def timeline_bars(days: list[dict[str, Any]], width: int = 900, height: int = 220) -> dict[str, Any]:
    """Stacked bars, one per day, QuadClass 1 at the bottom."""
    if not days:
        return {"bars": [], "width": width, "height": height, "max": 0, "ticks": []}
    days = fill_days(days)
    top = max(d["total"] for d in days) or 1
    step = width / len(days)
    bar_w = min(max(step * 0.8, 0.5), 40)
    bars = []
    for i, d in enumerate(days):
        y = height
        parts = []
        for q in (1, 2, 3, 4):
            n = d.get(f"q{q}") or 0
            if not n:
                continue
            h = n / top * height
            y -= h
            parts.append({"q": q, "n": n, "y": round(y, 2), "h": round(h, 2), "color": QUAD_COLORS[q]})
        bars.append(
            {
                "x": round(i * step, 2),
                "w": round(bar_w, 2),
                "date": str(d["date"]),
                "total": d["total"],
                "parts": parts,
            }
        )
    every = max(1, len(days) // 8)
    ticks = [{"x": b["x"] + b["w"] / 2, "label": b["date"]} for b in bars[::every]]
    return {"bars": bars, "width": width, "height": height, "max": top, "ticks": ticks}


def fill_days(days: list[dict[str, Any]], max_span: int = 1100) -> list[dict[str, Any]]:
    """Add the empty days between the first and the last, so the x axis is time (up to ~3 years)."""
    first, last = days[0]["date"], days[-1]["date"]
    if not isinstance(first, dt.date) or (last - first).days > max_span:
        return days
    by_date = {d["date"]: d for d in days}
    out = []
    for i in range((last - first).days + 1):
        day = first + dt.timedelta(days=i)
        out.append(by_date.get(day) or {"date": day, "total": 0})
    return out


def network(dyads: list[dict[str, Any]], size: int = 600) -> dict[str, Any]:
    """A circular layout: actors on a ring (busiest first), a weighted arrow per dyad."""
    weight: dict[str, int] = {}
    for d in dyads:
        for side in ("source", "target"):
            weight[d[side]] = weight.get(d[side], 0) + d["n"]
    order = sorted(weight, key=lambda k: (-weight[k], k))
    c, r = size / 2, size / 2 - 80
    nodes = {}
    for i, name in enumerate(order):
        angle = 2 * math.pi * i / max(len(order), 1) - math.pi / 2
        x, y = c + r * math.cos(angle), c + r * math.sin(angle)
        anchor = "start" if math.cos(angle) > 0.2 else "end" if math.cos(angle) < -0.2 else "middle"
        lx, ly = c + (r + 12) * math.cos(angle), c + (r + 12) * math.sin(angle) + 4
        nodes[name] = {
            "name": name,
            "x": round(x, 1),
            "y": round(y, 1),
            "r": round(4 + 3 * math.sqrt(weight[name]), 1),
            "n": weight[name],
            "lx": round(lx, 1),
            "ly": round(ly, 1),
            "anchor": anchor,
        }
    top = max((d["n"] for d in dyads), default=1)
    edges = []
    for d in dyads:
        a, b = nodes[d["source"]], nodes[d["target"]]
        g = d.get("goldstein")
        color = "#888" if g is None else ("#c0392b" if g < -2 else "#e0a030" if g < 0 else "#2e8b57")
        if a is b:
            path = f"M{a['x']} {a['y']} c -30 -40 30 -40 0 0"
        else:  # a gentle curve, so A->B and B->A do not overlap
            mx, my = (a["x"] + b["x"]) / 2, (a["y"] + b["y"]) / 2
            dx, dy = b["x"] - a["x"], b["y"] - a["y"]
            qx, qy = mx - dy * 0.15, my + dx * 0.15
            # stop the arrow at the target's rim, along the curve's final direction
            ux, uy = b["x"] - qx, b["y"] - qy
            norm = math.hypot(ux, uy) or 1
            ex, ey = b["x"] - ux / norm * (b["r"] + 2), b["y"] - uy / norm * (b["r"] + 2)
            path = f"M{a['x']} {a['y']} Q{qx:.1f} {qy:.1f} {ex:.1f} {ey:.1f}"
        edges.append({**d, "path": path, "width": round(1 + 6 * d["n"] / top, 2), "color": color})
    return {"nodes": list(nodes.values()), "edges": edges, "size": size}


def map_points(points: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Event places in the basemap's coordinates (x = lon + 180, y = 90 - lat)."""
    top = max((p["n"] for p in points), default=1)
    out = []
    for p in points:
        share = (p.get("n_conflict") or 0) / p["n"]
        out.append(
            {
                **p,
                "x": round(p["lon"] + 180, 3),
                "y": round(90 - p["lat"], 3),
                "r": round(1 + 5 * math.sqrt(p["n"] / top), 2),
                "color": "#c0392b" if share >= 0.5 else "#1f6f43",
            }
        )
    return out
