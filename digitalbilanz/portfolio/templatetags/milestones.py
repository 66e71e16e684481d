"""``{% load milestones %}``: a milestone's readable predecessor and whether its date contradicts it."""

from django import template

from digitalbilanz.portfolio.rules import dependency_conflicts

register = template.Library()


@register.filter
def dependency(milestone, readable):
    """``{"before": predecessor, "conflict": bool}`` if the milestone depends on one of the
    ``readable`` milestones (the ones on the page), else None — a hidden predecessor stays unnamed."""
    readable = list(readable)
    before = next((m for m in readable if m.pk == milestone.after_id), None)
    if before is None:
        return None
    return {"before": before, "conflict": milestone.pk in dependency_conflicts([milestone, before])}
