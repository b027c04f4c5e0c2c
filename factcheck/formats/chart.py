"""A timeline's figures over time as a small SVG, written on the server: no JavaScript,
no charting package, presentation attributes only (the review page's content security
policy allows no inline styles). Each figure is a dot at its date and value, with a bar
for a range ("between 30 and 40") and an arrow for an open bound ("at least 40"); the
figures that take part in a finding are drawn in the finding's colour; undated ones stand
in a band on the right."""

from __future__ import annotations

import datetime as dt
import math
from html import escape

from .timeline import Figure, Timeline
from .words import date, measure

WIDTH, HEIGHT = 560, 200
LEFT, RIGHT, TOP, BOTTOM = 70, 20, 16, 34
UNDATED = 46
COLOR = {"error": "#b3261e", "warning": "#9a5b00", "info": "#1f5fa8", None: "#5f6368"}


def _bounds(g: Figure) -> tuple[float | None, float | None, float | None]:
    q = g.claim.quantity
    if q.base_value is not None or q.base_low is not None or q.base_high is not None:
        return q.base_value, q.base_low, q.base_high
    return q.value, q.low, q.high


def _end(day: dt.date, precision: str) -> dt.date:
    """The last day of the month (or year) ``day`` opens."""
    if precision == "year":
        return dt.date(day.year, 12, 31)
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)


def _line(x: float, y1: float, y2: float, color: str, extra: str) -> str:
    return f'<line x1="{x:.1f}" y1="{y1:.1f}" x2="{x:.1f}" y2="{y2:.1f}" stroke="{color}" {extra}/>'


def _nice(span: float) -> float:
    """A round step near ``span``: 1, 2 or 5 times a power of ten."""
    power = 10.0 ** math.floor(math.log10(span))
    return next(k * power for k in (1, 2, 5, 10) if k * power >= span)


def axis(low: float, high: float, steps: int = 4) -> list[float]:
    """Round ticks covering ``low``..``high``, from zero for counts that are all positive.

    >>> axis(12, 40), axis(28970, 31500)
    ([0.0, 10.0, 20.0, 30.0, 40.0], [0.0, 10000.0, 20000.0, 30000.0, 40000.0])
    """
    low = min(0.0, low)
    if high <= low:
        high = low + 1
    step = _nice((high - low) / steps)
    first = math.floor(low / step) * step
    count = math.ceil((high - first) / step - 1e-9)
    return [round(first + k * step, 10) for k in range(count + 1)] if count else [first, first + step]


def svg(t: Timeline, width: int = WIDTH, height: int = HEIGHT) -> str:
    """The chart of ``t`` as an ``<svg>`` element (empty string when no figure has a value)."""
    points: list[tuple[Figure, float, float | None, float | None]] = []
    for g in t.figures:
        value, low, high = _bounds(g)
        finite = [y for y in (value, low, high) if y is not None and math.isfinite(y)]
        if finite:
            lo = low if low is not None and math.isfinite(low) else None
            hi = high if high is not None and math.isfinite(high) else None
            points.append((g, value if value is not None and math.isfinite(value) else finite[0], lo, hi))
    if not points:
        return ""
    ys = [y for _, v, lo, hi in points for y in (v, lo, hi) if y is not None]
    ticks = axis(min(ys), max(ys))
    y0, y1 = ticks[0], ticks[-1]
    days = [g.when.toordinal() for g, *_ in points if g.when is not None]
    days += [_end(g.when, g.precision).toordinal() for g, *_ in points if g.when and g.precision in ("month", "year")]
    has_undated = any(g.when is None for g, *_ in points)
    x_right = width - RIGHT - (UNDATED if has_undated else 0)
    d0, d1 = (min(days), max(days)) if days else (0, 1)
    if d0 == d1:
        d0, d1 = d0 - 1, d1 + 1
    plot_h = height - TOP - BOTTOM

    def px(day: dt.date | None, k: int) -> float:
        if day is None:
            return x_right + 12 + (k % 3) * 10
        return LEFT + (day.toordinal() - d0) / (d1 - d0) * (x_right - LEFT)

    def py(v: float) -> float:
        return TOP + (1 - (v - y0) / (y1 - y0)) * plot_h

    unit_claim = points[0][0].claim
    name = escape(t.name)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline-chart" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="figures over time: {name}">',
        f"<title>{name}</title>",
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>',
        f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{x_right}" y2="{TOP + plot_h}" stroke="#9aa0a6"/>',
        f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{TOP + plot_h}" stroke="#9aa0a6"/>',
    ]
    for v in ticks:
        label = escape(measure(v, unit_claim))
        out.append(
            f'<text x="{LEFT - 6}" y="{py(v) + 4:.1f}" font-size="13" text-anchor="end" fill="#3c4043">{label}</text>'
        )
        out.append(f'<line x1="{LEFT}" y1="{py(v):.1f}" x2="{x_right}" y2="{py(v):.1f}" stroke="#eceff1"/>')
    if days:
        # the axis' two ends, each at the precision of the figure that sets it: a month
        # known only as a month reads "March 2024" at both ends, and is written once
        dated = [g for g, *_ in points if g.when is not None]
        first = min(dated, key=lambda g: g.when or dt.date.min)
        left = date(first.when, first.precision)
        ends = [(_end(g.when, g.precision) if g.precision in ("month", "year") else g.when, g) for g in dated if g.when]
        _, last = max(ends, key=lambda e: e[0])
        right = date(last.when, last.precision)
        out.append(f'<text x="{LEFT}" y="{height - 12}" font-size="13" fill="#3c4043">{escape(left)}</text>')
        if right != left:
            out.append(
                f'<text x="{x_right}" y="{height - 12}" font-size="13" text-anchor="end" fill="#3c4043">'
                f"{escape(right)}</text>"
            )
    if has_undated:
        out.append(
            f'<text x="{x_right + 22}" y="{height - 12}" font-size="13" text-anchor="middle" '
            'fill="#3c4043">undated</text>'
        )
    for k, (g, v, lo, hi) in enumerate(points):
        x = px(g.when, k)
        severity = max((m.severity for m in g.marks), key=lambda s: ("info", "warning", "error").index(s), default=None)
        color = COLOR.get(severity, COLOR[None])
        tip = escape(f"{g.value} · {g.who} · {g.outlet or g.claim.document} · {g.date}")
        out.append(f'<g class="figure-point"><title>{tip}</title>')
        if lo is not None and hi is not None and lo != hi:
            out.append(_line(x, py(lo), py(hi), color, 'stroke-width="3"'))
        elif lo is not None and hi is None:
            out.append(_line(x, py(lo), TOP, color, 'stroke-dasharray="3 2"'))
            out.append(
                f'<path d="M{x - 4:.1f},{TOP + 6} L{x:.1f},{TOP} L{x + 4:.1f},{TOP + 6}" fill="none" stroke="{color}"/>'
            )
        elif hi is not None and lo is None:
            out.append(_line(x, py(hi), TOP + plot_h, color, 'stroke-dasharray="3 2"'))
        if g.when is not None and g.precision in ("month", "year"):
            # known to the month (or year) only: a faint span over it, the dot at its start
            end = _end(g.when, g.precision)
            x2 = min(px(end, k), x_right)
            out.append(
                f'<line x1="{x:.1f}" y1="{py(v):.1f}" x2="{x2:.1f}" y2="{py(v):.1f}" stroke="{color}" '
                'stroke-opacity="0.35" stroke-width="6" stroke-linecap="round"/>'
            )
        out.append(f'<circle cx="{x:.1f}" cy="{py(v):.1f}" r="5" fill="{color}" stroke="#ffffff" stroke-width="1.5"/>')
        out.append("</g>")
    out.append("</svg>")
    return "".join(out)
