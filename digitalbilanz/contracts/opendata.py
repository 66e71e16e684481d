"""Open-data tables of the contracts app (registered in ``contracts/register.py``).

Contracts and their values are two tables: each value row has its own visibility, so a public
contract can be listed while its money stays internal.
"""

from django.utils.translation import gettext_lazy as _

from digitalbilanz.contracts.choices import Basis, ContractKind
from digitalbilanz.contracts.forms import ApiContractForm, ApiContractValueForm
from digitalbilanz.contracts.models import Contract, ContractValue
from digitalbilanz.core.permissions import can_edit
from digitalbilanz.registry.tables import Column as C
from digitalbilanz.registry.tables import Filter, Parent, Table, Writes, id_column

CONTRACT_COLUMNS = (
    id_column(_("Eindeutige, dauerhafte Kennung des Vertrags.")),
    C("vendor", "string", _("Vertragspartner"), _("Anbieter oder Dienstleister.")),
    C("subject", "string", _("Gegenstand"), _("Was der Vertrag umfasst.")),
    C("kind", "string", _("Art"), _("licence, rental, service oder usage_fee.")),
    C("basis", "string", _("Abrechnung"), _("per_device, per_user oder flat.")),
    C("start", "date", _("Vertragsbeginn"), _("Erster Tag des Vertrags.")),
    C("minimum_term_months", "integer", _("Mindestlaufzeit"), _("In Monaten."), unit="Monate"),
    C("notice_months", "integer", _("Kündigungsfrist"), _("Monate vor Ende der Laufzeit."), unit="Monate"),
    C("auto_renewal", "boolean", _("automatische Verlängerung"), _("Verlängert sich ohne Kündigung.")),
    C("renewal_months", "integer", _("Verlängerung um"), _("In Monaten."), unit="Monate"),
    C("terminated_to", "date", _("gekündigt zum"), _("Leer: nicht gekündigt.")),
    C(
        "measures",
        "string",
        _("Maßnahmen"),
        _("Nummern der verbundenen öffentlichen Maßnahmen, durch Komma getrennt."),
        lambda c: ", ".join(m.code for m in c.measures.all() if m.visibility == "public"),
    ),
)


def contract_rows(municipality, levels):
    return Contract.objects.for_municipality(municipality).with_levels(levels).prefetch_related("measures")


def _may_edit_contract(user, municipality, contract):
    return can_edit(user, municipality, contract.org_unit)


def _may_edit_value(user, municipality, value):
    return can_edit(user, municipality, value.contract.org_unit)


def _with_user(user, municipality):
    return {"user": user}


CONTRACT_PARENT = Parent(
    "contract",
    _("Vertrag"),
    lambda principal, municipality: Contract.objects.visible_to(principal, municipality),
    code_field="pk",
)

CONTRACTS = Table(
    "contracts",
    _("Verträge"),
    _("Lizenz-, Miet-, Dienstleistungs- und Nutzungsentgeltverträge mit Laufzeit und Kündigungsfrist."),
    CONTRACT_COLUMNS,
    contract_rows,
    keywords=(_("Verträge"), _("Lizenzen")),
    order=87,
    filters=(
        Filter("kind", "choice", "kind", _("Art des Vertrags."), tuple(ContractKind.values)),
        Filter("basis", "choice", "basis", _("Abrechnung."), tuple(Basis.values)),
    ),
    writes=Writes(
        ApiContractForm,
        _may_edit_contract,
        form_kwargs=_with_user,
        lookups=(("org_unit", "code"),),
        save_with_user=True,
    ),
)

VALUE_COLUMNS = (
    id_column(_("Eindeutige, dauerhafte Kennung des Vertragswerts.")),
    C("contract", "integer", _("Vertrag"), _("Kennung des Vertrags."), lambda v: v.contract_id),
    C("valid_from", "date", _("gültig ab"), _("Ab diesem Tag gilt der Wert.")),
    C("annual_cost", "number", _("Jahreskosten"), _("Kosten je Jahr in Euro."), unit="EUR"),
    C("units", "integer", _("Anzahl"), _("Geräte oder Nutzer/innen.")),
    C("unit_price", "number", _("Preis je Einheit"), _("Je Gerät oder Nutzer/in und Jahr."), unit="EUR"),
    C("source", "string", _("Quelle"), _("Quelle des Werts.")),
)


def value_rows(municipality, levels):
    return ContractValue.objects.for_municipality(municipality).with_levels(levels)


VALUES = Table(
    "contract_values",
    _("Vertragswerte"),
    _("Jahreskosten der Verträge im Zeitverlauf (nur veröffentlichte Werte)."),
    VALUE_COLUMNS,
    value_rows,
    keywords=(_("Verträge"),),
    order=88,
    writes=Writes(ApiContractValueForm, _may_edit_value, parent=CONTRACT_PARENT, save_with_user=True),
)
