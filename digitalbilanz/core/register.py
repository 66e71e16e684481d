"""What core contributes to the shared registries (autodiscovered by ``digitalbilanz.registry``)."""

from digitalbilanz.core.defaults import CORE_PARAMETERS
from digitalbilanz.core.opendata import PARAMETERS
from digitalbilanz.core.parameters import register_parameters
from digitalbilanz.registry.tables import register_table

# Parameters
register_parameters(*CORE_PARAMETERS)

# Open-data tables (files, catalogue, API)
register_table(PARAMETERS)
