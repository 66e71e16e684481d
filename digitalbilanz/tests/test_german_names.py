"""Names of local authorities declined with their type ("in der Stadt Leverkusen")."""

import pytest

from digitalbilanz.core.choices import MunicipalityKind
from digitalbilanz.core.models import Municipality
from digitalbilanz.german import AuthorityName


@pytest.mark.parametrize(
    ("name", "kind", "nominative", "genitive", "located", "short"),
    [
        (
            "Leverkusen",
            "stadt",
            "die Stadt Leverkusen",
            "der Stadt Leverkusen",
            "in der Stadt Leverkusen",
            "die Stadt",
        ),
        (
            "Stadt Leverkusen",
            "stadt",
            "die Stadt Leverkusen",
            "der Stadt Leverkusen",
            "in der Stadt Leverkusen",
            "die Stadt",
        ),
        (
            "Burscheid",
            "gemeinde",
            "die Gemeinde Burscheid",
            "der Gemeinde Burscheid",
            "in der Gemeinde Burscheid",
            "die Gemeinde",
        ),
        ("Mettmann", "kreis", "der Kreis Mettmann", "des Kreises Mettmann", "im Kreis Mettmann", "der Kreis"),
        (
            "Kreis Mettmann",
            "kreis",
            "der Kreis Mettmann",
            "des Kreises Mettmann",
            "im Kreis Mettmann",
            "der Kreis",
        ),
        # A more precise type noun in the stored name wins over the kind.
        (
            "Landkreis Harburg",
            "kreis",
            "der Landkreis Harburg",
            "des Landkreises Harburg",
            "im Landkreis Harburg",
            "der Landkreis",
        ),
        (
            "Samtgemeinde Harsefeld",
            "gemeinde",
            "die Samtgemeinde Harsefeld",
            "der Samtgemeinde Harsefeld",
            "in der Samtgemeinde Harsefeld",
            "die Samtgemeinde",
        ),
        (
            "Verbandsgemeinde Daun",
            "gemeinde",
            "die Verbandsgemeinde Daun",
            "der Verbandsgemeinde Daun",
            "in der Verbandsgemeinde Daun",
            "die Verbandsgemeinde",
        ),
        (
            "Amt Hüttener Berge",
            "gemeinde",
            "das Amt Hüttener Berge",
            "des Amtes Hüttener Berge",
            "im Amt Hüttener Berge",
            "das Amt",
        ),
        # Without a known type: the bare name, never a guessed article.
        ("Leverkusen", "", "Leverkusen", "von Leverkusen", "in Leverkusen", "Leverkusen"),
        ("Leverkusen", "bezirk", "Leverkusen", "von Leverkusen", "in Leverkusen", "Leverkusen"),
        # A name that merely starts with a type word keeps it as part of the name.
        (
            "Stadt",
            "gemeinde",
            "die Gemeinde Stadt",
            "der Gemeinde Stadt",
            "in der Gemeinde Stadt",
            "die Gemeinde",
        ),
    ],
)
def test_declined_forms(name, kind, nominative, genitive, located, short):
    named = AuthorityName(name, kind)
    assert (named.nominative, named.genitive, named.located, named.short) == (
        nominative,
        genitive,
        located,
        short,
    )


def test_every_municipality_kind_has_its_type():
    for kind in MunicipalityKind.values:
        named = AuthorityName("Musterort", kind)
        assert named.located != "in Musterort", kind
        assert named.full.endswith(" Musterort") and named.full != "Musterort", kind


def test_municipality_offers_its_declined_name():
    town = Municipality(name="Mettmann", slug="mettmann", kind=MunicipalityKind.DISTRICT)
    assert town.named.located == "im Kreis Mettmann"
    assert town.named.genitive == "des Kreises Mettmann"


def test_org_unit_label_does_not_repeat_its_code():
    from digitalbilanz.core.models import OrgUnit

    assert str(OrgUnit(code="ivl", name="ivl GmbH (IT-Dienstleister)")) == "ivl GmbH (IT-Dienstleister)"
    assert str(OrgUnit(code="KDN", name="KDN")) == "KDN"
    assert str(OrgUnit(code="FB 11", name="Fachbereich Personal")) == "FB 11 – Fachbereich Personal"
    # A name that only starts with the same letters is no repetition.
    assert str(OrgUnit(code="IT", name="ITEOS")) == "IT – ITEOS"
