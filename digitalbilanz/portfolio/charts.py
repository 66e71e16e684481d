"""Small server-side SVG charts (no JavaScript, no external assets).

Every chart carries ``role="img"``, a <title> and a <desc> with the figures in words; pages show
the same data as a table beside it, which is the accessible alternative.
"""

import uuid

from django.utils.html import escape
from django.utils.safestring import mark_safe

from digitalbilanz.core.templatetags.dbformat import de_date, de_number, signed_days

WIDTH, HEIGHT, PAD = 640, 240, 48
LEFT = 96  # room for the axis labels
POSITIVE, NEGATIVE, AXIS = "#1a6b3c", "#b3261e", "#444"


def balance_chart(yearly: dict[int, float], title: str) -> str:
    """Bar chart of the yearly balance (benefits − costs) in euros."""
    if not yearly:
        return ""
    years = sorted(yearly)
    values = [yearly[y] for y in years]
    top, bottom = max(max(values), 0.0), min(min(values), 0.0)
    span = (top - bottom) or 1.0
    plot_h = HEIGHT - 2 * PAD
    zero_y = PAD + top / span * plot_h
    slot = (WIDTH - LEFT - PAD) / len(years)
    parts = [
        _axis_label(LEFT - 6, PAD + 4, _euro_short(top), "end"),
        _axis_label(LEFT - 6, HEIGHT - PAD + 4, _euro_short(bottom), "end"),
        f'<line x1="{LEFT}" y1="{zero_y:.1f}" x2="{WIDTH - PAD}" y2="{zero_y:.1f}" '
        f'stroke="{AXIS}" stroke-width="1"/>',
    ]
    for i, (year, value) in enumerate(zip(years, values, strict=True)):
        height = abs(value) / span * plot_h
        y = zero_y - height if value >= 0 else zero_y
        x = LEFT + i * slot + slot * 0.15
        color = POSITIVE if value >= 0 else NEGATIVE
        parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{slot * 0.7:.1f}" '
            f'height="{max(height, 0.5):.1f}" fill="{color}"/>'
        )
        parts.append(_axis_label(x + slot * 0.35, HEIGHT - PAD + 18, str(year), "middle"))
    desc = "; ".join(f"{y}: {de_number(v)} €" for y, v in zip(years, values, strict=True))
    return _svg(title, desc, "".join(parts))


# Milestone states differ by shape (and fill), never by colour alone (WCAG 1.4.1); the legend
# above the chart names each shape. state → (label, SVG element drawn around (x, y)).
MILESTONE_MARKERS = {
    "baseline": (
        "Basisplan",
        '<circle cx="{x:.1f}" cy="{y:.1f}" r="6" fill="#fff" stroke="' + AXIS + '" stroke-width="2"/>',
    ),
    "reached": (
        "erreicht",
        '<rect x="{x0:.1f}" y="{y0:.1f}" width="12" height="12" fill="' + POSITIVE + '"/>',
    ),
    "slipped": (
        "verschobene Prognose",
        '<path d="M {x:.1f} {top:.1f} L {right:.1f} {bottom:.1f} L {left:.1f} {bottom:.1f} Z" '
        'fill="#8a5a00"/>',
    ),
    "forecast": (
        "Prognose",
        '<path d="M {x:.1f} {top:.1f} L {right:.1f} {y:.1f} L {x:.1f} {bottom:.1f} L {left:.1f} {y:.1f} Z" '
        'fill="#fff" stroke="' + AXIS + '" stroke-width="2"/>',
    ),
}


def milestone_state(milestone) -> str:
    if milestone.actual_date:
        return "reached"
    return "slipped" if milestone.slip_days > 0 else "forecast"


def marker(state: str, x: float, y: float) -> str:
    """The SVG shape of a milestone state, centred on (x, y)."""
    shape = MILESTONE_MARKERS[state][1]
    return shape.format(x=x, y=y, x0=x - 6, y0=y - 6, top=y - 7, bottom=y + 6, left=x - 7, right=x + 7)


def _legend(y):
    parts, x = [], 8
    for state, (label, _shape) in MILESTONE_MARKERS.items():
        parts.append(marker(state, x + 7, y))
        parts.append(_axis_label(x + 18, y + 4, label, "start"))
        x += 30 + 7 * len(label)
    return parts


def milestone_timeline(milestones) -> str:
    """Baseline vs. forecast/actual per milestone on one time axis; each state has its own shape."""
    items = list(milestones)
    if not items:
        return ""
    dates = [d for m in items for d in (m.baseline_date, m.forecast_date, m.actual_date) if d]
    start, end = min(dates), max(dates)
    days = max((end - start).days, 1)
    row_h, left, legend_h = 28, 220, 24
    height = PAD + legend_h + row_h * len(items)

    def x_of(day):
        return left + (day - start).days / days * (WIDTH - left - 20)

    parts, descs = _legend(12), []
    for i, m in enumerate(items):
        y = legend_h + PAD / 2 + i * row_h + row_h / 2
        current = m.actual_date or m.forecast_date
        state = milestone_state(m)
        parts.append(_axis_label(8, y + 4, m.title[:32], "start"))
        dashed = "" if state == "reached" else ' stroke-dasharray="4 3"'
        parts.append(
            f'<line x1="{x_of(m.baseline_date):.1f}" y1="{y}" x2="{x_of(current):.1f}" '
            f'y2="{y}" stroke="{NEGATIVE if m.slip_days > 0 else AXIS}" stroke-width="2"{dashed}/>'
        )
        parts.append(marker("baseline", x_of(m.baseline_date), y))
        parts.append(marker(state, x_of(current), y))
        descs.append(
            f"{m.title}: Basisplan {de_date(m.baseline_date)}, "
            f"{MILESTONE_MARKERS[state][0]} {de_date(current)} "
            f"({signed_days(m.slip_days)})"
        )
    parts.append(_axis_label(left, height - 6, de_date(start), "start"))
    parts.append(_axis_label(WIDTH - 20, height - 6, de_date(end), "end"))
    return _svg("Zeitplan der Meilensteine", "; ".join(descs), "".join(parts), height)


def status_chart(by_status):
    """Horizontal bars: number of measures per status (the table beside it has the same data)."""
    top = max((count for _, count in by_status), default=0) or 1
    parts, row_h = [], 30
    for i, (label, count) in enumerate(by_status):
        y = 10 + i * row_h
        width = count / top * 380
        parts.append(
            f'<text x="180" y="{y + 18}" font-size="13" text-anchor="end" fill="#222">{escape(label)}</text>'
        )
        parts.append(f'<rect x="190" y="{y + 4}" width="{max(width, 1):.1f}" height="20" fill="#0b4f8a"/>')
        parts.append(f'<text x="{196 + width:.1f}" y="{y + 18}" font-size="13" fill="#222">{count}</text>')
    desc = "; ".join(f"{label}: {count}" for label, count in by_status)
    return _svg("Maßnahmen nach Status", desc, "".join(parts), 20 + row_h * len(by_status))


def _svg(title, desc, body, height=HEIGHT):
    uid = uuid.uuid4().hex[:8]
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="t{uid} d{uid}" class="chart"><title id="t{uid}">{escape(title)}</title>'
        f'<desc id="d{uid}">{escape(desc)}</desc>{body}</svg>'
    )


def _axis_label(x, y, text, anchor):
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="12" text-anchor="{anchor}" '
        f'fill="#222">{escape(text)}</text>'
    )


def _euro_short(value):
    if abs(value) >= 1_000_000:
        return f"{de_number(value / 1_000_000, 1)} Mio. €"
    if abs(value) >= 1_000:
        return f"{de_number(value / 1_000, 0)} Tsd. €"
    return f"{de_number(value)} €"
