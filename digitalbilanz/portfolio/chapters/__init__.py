"""The portfolio's chapters of the Digitalisierungsbericht, registered in ``portfolio/register.py``.

* ``data.py`` — the section ``sections["portfolio"]`` (collected through the visibility rule)
  and its open problems;
* ``changes.py`` / ``change_blocks.py`` — what changed between two editions, and its tables;
* ``summary.py``, ``fields.py``, ``economics.py`` — the chapters (economics adds the method,
  parameters and lines to the appendix);
* ``charts.py`` — Vega-Lite specifications of their charts.
"""
