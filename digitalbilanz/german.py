"""German number formats (1.234.567,89; −3 Tage), free of any app: used by templates, reports
and the registry's block vocabulary alike."""

from decimal import Decimal

from django.utils.translation import gettext as _


def de_number(value, decimals: int = 0) -> str:
    """Format a number the German way: thousands with '.', decimals with ','."""
    if value is None or value == "":
        return "–"
    number = float(value) if not isinstance(value, Decimal) else value
    text = f"{number:,.{decimals}f}"
    text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    if text.startswith("-"):
        text = "−" + text[1:]
    return text


def signed_days(value):
    if value is None:
        return "–"
    if value > 0:
        return _("+%(days)s Tage") % {"days": de_number(value)}
    if value < 0:
        return _("−%(days)s Tage") % {"days": de_number(-value)}
    return _("±0 Tage")


# --- Names of local authorities with their type ("die Stadt Leverkusen") -----------------------
#
# German needs the type of a local authority and its article around its name: "in der Stadt
# Leverkusen", "Maßnahmen der Stadt Leverkusen", "im Kreis Mettmann", "des Amtes Hüttener Berge".
# The forms below are German grammar, not translatable text: the product writes German names of
# German authorities. Each type noun: (article nominative, genitive noun phrase, "in" phrase).
_AUTHORITY_TYPES = {
    "Stadt": ("die Stadt", "der Stadt", "in der Stadt"),
    "Gemeinde": ("die Gemeinde", "der Gemeinde", "in der Gemeinde"),
    "Samtgemeinde": ("die Samtgemeinde", "der Samtgemeinde", "in der Samtgemeinde"),
    "Verbandsgemeinde": ("die Verbandsgemeinde", "der Verbandsgemeinde", "in der Verbandsgemeinde"),
    "Kreis": ("der Kreis", "des Kreises", "im Kreis"),
    "Landkreis": ("der Landkreis", "des Landkreises", "im Landkreis"),
    "Amt": ("das Amt", "des Amtes", "im Amt"),
}
# The type noun of each ``MunicipalityKind`` value. A stored name may carry a more precise noun
# ("Landkreis Mettmann" of kind "kreis", "Samtgemeinde Harsefeld" of kind "gemeinde"); it wins.
_KIND_TYPES = {"stadt": "Stadt", "gemeinde": "Gemeinde", "kreis": "Kreis"}


class AuthorityName:
    """The declined forms of a local authority's name.

    ``name`` is the stored name ("Stadt Leverkusen" or just "Leverkusen"), ``kind`` the
    ``MunicipalityKind`` value. A name that already starts with a type noun keeps that noun
    ("Landkreis Mettmann" stays a Landkreis); otherwise the kind supplies it. With neither, the
    forms fall back to the bare name and never guess an article ("in Leverkusen", "von Leverkusen").
    """

    def __init__(self, name: str, kind: str | None = None):
        name = (name or "").strip()
        first, _sep, rest = name.partition(" ")
        if first in _AUTHORITY_TYPES and rest.strip():
            self.type_noun, self.base = first, rest.strip()
        else:
            self.type_noun, self.base = _KIND_TYPES.get(kind or ""), name

    def _form(self, index: int, fallback: str) -> str:
        if self.type_noun is None:
            return fallback
        return f"{_AUTHORITY_TYPES[self.type_noun][index]} {self.base}"

    @property
    def full(self) -> str:
        """Type and name without article: "Stadt Leverkusen" (titles, addresses)."""
        return f"{self.type_noun} {self.base}" if self.type_noun else self.base

    @property
    def nominative(self) -> str:
        """ "die Stadt Leverkusen", "der Kreis Mettmann", "das Amt Schlei-Ostsee"."""
        return self._form(0, self.base)

    @property
    def short(self) -> str:
        """The type with its article but without the name: "die Stadt", "der Kreis" (text that
        already named the authority); the bare name without a type."""
        return _AUTHORITY_TYPES[self.type_noun][0] if self.type_noun else self.base

    @property
    def genitive(self) -> str:
        """ "der Stadt Leverkusen", "des Kreises Mettmann" – or "von Leverkusen" without a type."""
        return self._form(1, f"von {self.base}")

    @property
    def located(self) -> str:
        """ "in der Stadt Leverkusen", "im Kreis Mettmann" – or "in Leverkusen" without a type."""
        return self._form(2, f"in {self.base}")

    def __str__(self):
        return self.full
