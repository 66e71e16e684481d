"""What core contributes to the shared registries (autodiscovered by ``digitalbilanz.registry``)."""

from digitalbilanz.core.defaults import CORE_PARAMETERS
from digitalbilanz.core.parameters import register_parameters

# Parameters
register_parameters(*CORE_PARAMETERS)
