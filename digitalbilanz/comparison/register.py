"""What the comparison app contributes to the shared surfaces (see ``digitalbilanz.registry``)."""

from django.utils.translation import gettext_lazy as _

from digitalbilanz.comparison import api, views
from digitalbilanz.registry.api import ApiPath, register_path
from digitalbilanz.registry.portal import Section, register_section

# Portal sections: participants link to the national comparison
register_section(
    Section(
        "comparison",
        _("Vergleich"),
        order=95,
        path="vergleich/",
        view=views.municipality_link,
        visible=lambda municipality: municipality.comparison_opt_in,
    )
)

# API paths outside the table registry (OpenAPI document)
register_path(ApiPath("/vergleich/", api.openapi))
