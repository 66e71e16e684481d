"""Economic appraisal of digitalisation measures (WiBe 5.0 style).

Pure Python + NumPy, no Django: plain dataclasses in, plain dataclasses out.

* :func:`appraise` / :func:`appraise_portfolio` — net present value KN, KN/h,
  KN/nh, KN/R, payback year, benefit–cost ratio, yearly balance;
* :func:`score` — weighted scoring for the modules Q and E;
* :func:`monte_carlo` — NPV percentiles and payback probability under
  triangular uncertainty (vectorised engine: :func:`monte_carlo_arrays`);
* :func:`process_cost` / :func:`rank_services` — process cost of an online service per
  channel, duplicate-structure effects, break-even online share, projections and priority
  ranking (vectorised engine: :func:`duplicate_structure_arrays`);
* :func:`workplace_model` — desks needed and freed, saving against the cost of
  mobile workplaces, and the lines for the measure economics (methods §6).
* :mod:`.contracts` — contract periods, earliest possible exit, bound and reducible cost per
  year, double per-device fees (methods §6; imported as ``economics.contracts``).

Every result carries an :class:`Explanation` in German. Invalid input raises
:class:`EconomicsError` (a ``ValueError``) with a German message.
"""

from .errors import EconomicsError
from .explain import Explanation, format_eur, format_number, format_percent
from .model import (
    CHANNELS,
    LEVELS,
    Activity,
    Appraisal,
    BreakEven,
    ChannelCost,
    Criterion,
    Line,
    MeasureSimulation,
    MonteCarloResult,
    Parameters,
    PortfolioAppraisal,
    PortfolioSimulation,
    PortfolioYearRow,
    PriorityRanking,
    PriorityRow,
    ProcessCost,
    ProcessCostParameters,
    Projection,
    ScoreResult,
    ServiceCosts,
    Source,
    YearRow,
)
from .montecarlo import ArraySimulation, monte_carlo, monte_carlo_arrays
from .npv import appraise, appraise_portfolio, discount_factors, npv_sensitivity, validate_lines
from .process_cost import (
    ArrayProcessCost,
    duplicate_structure_arrays,
    process_cost,
    rank_services,
    service_arrays,
)
from .scoring import score

# Workplaces, mobile work and desk sharing (methods §6)
from .workplaces import WorkplaceInputs, WorkplaceResult, desks_needed, workplace_lines, workplace_model

__all__ = [
    "CHANNELS",
    "LEVELS",
    "Activity",
    "Appraisal",
    "ArrayProcessCost",
    "ArraySimulation",
    "BreakEven",
    "ChannelCost",
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
    "PriorityRanking",
    "PriorityRow",
    "ProcessCost",
    "ProcessCostParameters",
    "Projection",
    "ScoreResult",
    "ServiceCosts",
    "Source",
    "YearRow",
    "appraise",
    "appraise_portfolio",
    "discount_factors",
    "duplicate_structure_arrays",
    "format_eur",
    "format_number",
    "format_percent",
    "monte_carlo",
    "monte_carlo_arrays",
    "npv_sensitivity",
    "process_cost",
    "rank_services",
    "score",
    "service_arrays",
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
