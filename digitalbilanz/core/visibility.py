"""The one visibility rule of Digitalbilanz.

Every read of publishable data (web UI, portal, API, exports, reports) goes through
``VisibilityQuerySet.visible_to``. Levels are ordered public < council < internal:

* anonymous visitors and users without a membership in the municipality: public only;
* council members: public and council;
* readers, editors and admins of the municipality (administration staff): all levels;
* superusers: all levels.

Editing rights are a separate question (see ``core.permissions``).
"""

from digitalbilanz.core.choices import Role, Visibility
from digitalbilanz.core.datachanges import DataQuerySet

LEVEL_ORDER = [Visibility.PUBLIC, Visibility.COUNCIL, Visibility.INTERNAL]


def levels_for_role(role: str | None) -> list[str]:
    """Visibility levels a role may read (``None`` = anonymous or outsider)."""
    if role in (Role.ADMIN, Role.EDITOR, Role.READER):
        return [level.value for level in LEVEL_ORDER]
    if role == Role.COUNCIL:
        return [Visibility.PUBLIC.value, Visibility.COUNCIL.value]
    return [Visibility.PUBLIC.value]


def levels_for_audience(audience: str) -> list[str]:
    """Levels for a publication audience (report editions, exports): public or council."""
    if audience == Visibility.COUNCIL:
        return [Visibility.PUBLIC.value, Visibility.COUNCIL.value]
    if audience == Visibility.PUBLIC:
        return [Visibility.PUBLIC.value]
    raise ValueError(f"unknown audience {audience!r}")


def levels_for(user, municipality) -> list[str]:
    """Levels ``user`` may read in ``municipality``; ``user`` may also be an API key (api app):
    a key reads what its owner may read, and only in its own municipality."""
    if getattr(user, "is_api_key", False):
        if not user.acts_in(municipality):
            return [Visibility.PUBLIC.value]
        user = user.user
    if user is not None and getattr(user, "is_superuser", False) and user.is_active:
        return [level.value for level in LEVEL_ORDER]
    from digitalbilanz.core.models import Membership

    return levels_for_role(Membership.role_of(user, municipality))


def stricter(*levels: str) -> str:
    """The most restrictive of several levels (a line inherits its measure's level)."""
    return max(levels, key=lambda level: LEVEL_ORDER.index(level))


class VisibilityQuerySet(DataQuerySet):
    """QuerySet with the single visibility rule.

    ``visibility_paths`` on the model lists the lookups whose level must also be readable,
    e.g. a line is readable only if the line *and* its measure are.
    """

    def for_municipality(self, municipality):
        return self.filter(municipality=municipality)

    def with_levels(self, levels):
        query = self
        for path in getattr(self.model, "visibility_paths", ("visibility",)):
            query = query.filter(**{f"{path}__in": levels})
        return query

    def visible_to(self, user, municipality):
        """Records of ``municipality`` that ``user`` (may be anonymous) is allowed to read."""
        return self.for_municipality(municipality).with_levels(levels_for(user, municipality))

    def for_audience(self, municipality, audience):
        return self.for_municipality(municipality).with_levels(levels_for_audience(audience))

    def public(self):
        return self.with_levels([Visibility.PUBLIC.value])
