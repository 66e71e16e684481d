"""Vega-Lite specifications of the portfolio's report charts (the report engine renders them)."""

from digitalbilanz.registry.blocks import vega_lite

GREEN, RED, BLUE = "#1a6b3c", "#b3261e", "#1f4e79"


def yearly_balance(yearly: dict) -> dict:
    data = [{"Jahr": str(y), "Saldo": v} for y, v in yearly.items()]
    spec = vega_lite(180, data)
    spec.update(
        mark={"type": "bar"},
        encoding={
            "x": {"field": "Jahr", "type": "ordinal", "axis": {"labelAngle": 0}},
            "y": {"field": "Saldo", "type": "quantitative", "title": "Saldo (€)", "axis": {"format": ",.0f"}},
            "color": {
                "condition": {"test": "datum.Saldo < 0", "value": RED},
                "value": GREEN,
            },
        },
    )
    return spec


def npv_by_measure(rows: list[dict]) -> dict:
    """Stacked bars KN/h and KN/nh per measure (rows: code, kn_h, kn_nh)."""
    data = []
    for r in rows:
        data.append({"Maßnahme": r["code"], "Teil": "KN/h (haushaltswirksam)", "Wert": r["kn_h"]})
        data.append({"Maßnahme": r["code"], "Teil": "KN/nh (nicht haushaltswirksam)", "Wert": r["kn_nh"]})
    spec = vega_lite(max(60, 22 * len(rows)), data)
    spec.update(
        mark={"type": "bar"},
        encoding={
            "y": {"field": "Maßnahme", "type": "nominal", "sort": None, "title": None},
            "x": {
                "field": "Wert",
                "type": "quantitative",
                "title": "Kapitalwert (€)",
                "axis": {"format": ",.0f"},
            },
            "color": {
                "field": "Teil",
                "type": "nominal",
                "title": None,
                "scale": {"range": [BLUE, "#7fa7d1"]},
                "legend": {"orient": "bottom"},
            },
        },
    )
    return spec


def slips(rows: list[dict]) -> dict:
    """Horizontal bars: days of delay per open milestone (rows: label, days)."""
    data = [{"Meilenstein": r["label"], "Tage": r["days"]} for r in rows]
    spec = vega_lite(max(60, 22 * len(rows)), data)
    spec.update(
        mark={"type": "bar", "color": RED},
        encoding={
            "y": {"field": "Meilenstein", "type": "nominal", "sort": None, "title": None},
            "x": {
                "field": "Tage",
                "type": "quantitative",
                "title": "Verzug gegenüber Basisplan (Tage)",
                "axis": {"format": ",.0f"},
            },
        },
    )
    return spec
