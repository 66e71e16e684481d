"""The comparison for the budget plan as an Excel workbook (values, no formulas), laid out like
the budget plan: one row per column of the comparison, one column per year, a sum column.

Sheet 1 "Gegenüberstellung": the total, then one block per product group. Sheet 2
"Maßnahmen": one row per measure and year. Every number is a value from the one
``BudgetPlanComparison`` that the page shows, so the totals cannot differ.
"""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from digitalbilanz.economics.budget_plan import COLUMNS
from digitalbilanz.finance.comparison import column_label
from digitalbilanz.spreadsheet import append_row

FORMATS = {
    "work_hours": '#,##0.0" Std."',
    "work_fte": "#,##0.00",
}
EURO = '#,##0.00 "€";-#,##0.00 "€"'
BOLD = Font(bold=True)


def _number(value):
    return float(value)


def _block(sheet, title, by_year, years):
    append_row(sheet, [title])
    sheet.cell(sheet.max_row, 1).font = BOLD
    append_row(sheet, [_("Position")] + [str(y) for y in years] + [_("Summe")])
    for cell in sheet[sheet.max_row]:
        cell.font = BOLD
    for column in COLUMNS:
        values = [getattr(by_year[y], column) for y in years]
        total = sum(values) if column != "work_fte" else None
        row = [column_label(column)] + [_number(v) for v in values]
        if column == "work_fte":
            hours = sum(by_year[y].work_hours for y in years)
            total = (hours / by_year[years[0]].hours_per_fte).quantize(values[0])
        row.append(_number(total))
        append_row(sheet, row)
        for cell in sheet[sheet.max_row][1:]:
            cell.number_format = FORMATS.get(column, EURO)
    append_row(sheet, [])


def comparison_workbook(result) -> bytes:
    years = result.years
    book = Workbook()
    sheet = book.active
    sheet.title = _("Gegenüberstellung")
    append_row(
        sheet,
        [
            _("Gegenüberstellung für den Haushaltsplan %(year)s (mit Planungsjahren bis %(last)s) – %(town)s")
            % {"year": result.budget_year, "last": years[-1], "town": result.municipality.name}
        ],
    )
    sheet.cell(1, 1).font = BOLD
    append_row(
        sheet,
        [
            _(
                "Nettoeffekt = Einsparungen − Investition − laufende Kosten; die Arbeitsverbesserung "
                "(%(hours)s Std. je VZÄ) ist nicht haushaltswirksam und steht daneben."
            )
            % {"hours": f"{result.hours_per_fte:,.0f}".replace(",", ".")}
        ],
    )
    append_row(sheet, [])
    _block(sheet, _("Insgesamt"), result.comparison.totals, years)
    for group, cells in result.comparison.groups().items():
        _block(sheet, result.group_label(group), cells, years)
    sheet.column_dimensions["A"].width = 42
    for letter in "BCDEF":
        sheet.column_dimensions[letter].width = 18

    detail = book.create_sheet(_("Maßnahmen"))
    append_row(detail, [_("Produktgruppe"), _("Maßnahme"), _("Jahr")] + [column_label(c) for c in COLUMNS])
    for cell in detail[1]:
        cell.font = BOLD
    for (group, measure), cells in result.comparison.rows.items():
        for year in years:
            cell = cells[year]
            append_row(
                detail,
                [result.group_label(group), measure, year] + [_number(getattr(cell, c)) for c in COLUMNS],
            )
            for item, column in zip(detail[detail.max_row][3:], COLUMNS, strict=True):
                item.number_format = FORMATS.get(column, EURO)
    detail.column_dimensions["A"].width = 36
    detail.column_dimensions["B"].width = 44
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
