"""What the portfolio app contributes to the shared registries (autodiscovered)."""

from digitalbilanz.core.parameters import register_parameters
from digitalbilanz.portfolio.parameters import PORTFOLIO_PARAMETERS

# Parameters
register_parameters(*PORTFOLIO_PARAMETERS)
