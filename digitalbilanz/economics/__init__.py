"""Economic appraisal of digitalisation measures (WiBe 5.0 style).

Pure Python + NumPy, no Django: plain dataclasses in, plain dataclasses out.

* :func:`appraise` / :func:`appraise_portfolio` — net present value KN, KN/h,
  KN/nh, KN/R, payback year, benefit–cost ratio, yearly balance;
* :func:`score` — weighted scoring for the modules Q and E;
* :func:`monte_carlo` — NPV percentiles and payback probability under
  triangular uncertainty (vectorised engine: :func:`monte_carlo_arrays`).
* :func:`workplace_model` — desks needed and freed, saving against the cost of
  mobile workplaces, and the lines for the measure economics (methods §6).

Every result carries an :class:`Explanation` in German. Invalid input raises
:class:`EconomicsError` (a ``ValueError``) with a German message.
"""

from .errors import EconomicsError
from .explain import Explanation, format_eur, format_number, format_percent
from .model import (
    Appraisal,
    Criterion,
    Line,
    MeasureSimulation,
    MonteCarloResult,
    Parameters,
    PortfolioAppraisal,
    PortfolioSimulation,
    PortfolioYearRow,
    ScoreResult,
    Source,
    YearRow,
)
from .montecarlo import ArraySimulation, monte_carlo, monte_carlo_arrays
from .npv import appraise, appraise_portfolio, discount_factors, npv_sensitivity, validate_lines
from .scoring import score

# Workplaces, mobile work and desk sharing (methods §6)
from .workplaces import WorkplaceInputs, WorkplaceResult, desks_needed, workplace_lines, workplace_model

__all__ = [
    "Appraisal",
    "ArraySimulation",
    "Criterion",
    "EconomicsError",
    "Explanation",
    "Line",
    "MeasureSimulation",
    "MonteCarloResult",
    "Parameters",
    "PortfolioAppraisal",
    "PortfolioSimulation",
    "PortfolioYearRow",
    "ScoreResult",
    "Source",
    "YearRow",
    "appraise",
    "appraise_portfolio",
    "discount_factors",
    "format_eur",
    "format_number",
    "format_percent",
    "monte_carlo",
    "monte_carlo_arrays",
    "npv_sensitivity",
    "score",
    "validate_lines",
]

# Workplaces, mobile work and desk sharing (methods §6)
__all__ += [
    "WorkplaceInputs",
    "WorkplaceResult",
    "desks_needed",
    "workplace_lines",
    "workplace_model",
]
