"""Accessibility helpers shared by every template: page titles, accessible fields, table regions.

* ``{% pagetitle %}…{% endpagetitle %}`` builds the ``<title>`` once for every page: the page's
  own title, the municipality and the product, prefixed with „Fehler: “ while a form on the
  page has errors (WCAG 2.4.2, 3.3.1).
* ``{{ field|a11y_widget }}`` renders a field's widget with ``aria-required`` when the field is
  required: Django leaves out ``required`` on a select without an empty choice, so a screen
  reader would not learn that the field must be filled (WCAG 3.3.2).
* ``{% scrollregion %}<table>…</table>{% endscrollregion %}`` wraps a table in a focusable,
  labelled region that scrolls sideways on its own, so the page never does (WCAG 1.4.10).
"""

import itertools
import re

from django import forms, template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

register = template.Library()

_region_ids = itertools.count(1)


def _forms_with_errors(context):
    for value in context.flatten().values():
        if isinstance(value, forms.BaseForm) and value.is_bound and value.errors:
            yield value
        elif isinstance(value, forms.BaseFormSet) and value.is_bound and not value.is_valid():
            yield value


class PageTitleNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        own = " ".join(self.nodelist.render(context).split())
        parts = [own] if own else []
        municipality = context.get("municipality")
        name = getattr(municipality, "name", "")
        if name and name not in own:
            parts.append(name)
        parts.append(_("Digitalbilanz"))
        title = " – ".join(dict.fromkeys(parts))
        if any(True for _form in _forms_with_errors(context)):
            title = _("Fehler: %(title)s") % {"title": title}
        return title


@register.tag
def pagetitle(parser, token):
    nodelist = parser.parse(("endpagetitle",))
    parser.delete_first_token()
    return PageTitleNode(nodelist)


@register.filter
def a11y_widget(field):
    """The field's widget, with ``aria-required`` on required single inputs."""
    attrs = {}
    if field.field.required and not field.use_fieldset and field.widget_type != "checkbox":
        attrs["aria-required"] = "true"
    return field.as_widget(attrs=attrs)


@register.simple_tag
def field_description_ids(field):
    """The ids a fieldset's description points to (Django sets none on grouped widgets)."""
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}_helptext")
    if field.errors:
        ids.append(f"{field.auto_id}_error")
    return " ".join(ids)


class ScrollRegionNode(template.Node):
    CAPTION = re.compile(r"<caption(?P<attrs>[^>]*)>")
    ID = re.compile(r'\bid="(?P<id>[^"]+)"')

    TABLE = re.compile(r"<table[^>]*>")

    def __init__(self, nodelist, label=None):
        self.nodelist = nodelist
        self.label = label

    def render(self, context):
        inner = self.nodelist.render(context)
        match = self.CAPTION.search(inner)
        if match is None and self.label is not None:
            # No visible caption: the label becomes one for screen readers (tables need a name).
            table = self.TABLE.search(inner)
            if table:
                caption = format_html('<caption class="sr-only">{}</caption>', self.label.resolve(context))
                inner = inner[: table.end()] + caption + inner[table.end() :]
                match = self.CAPTION.search(inner)
        if match is None:
            return inner  # a table without a caption cannot name its region; leave it alone
        found = self.ID.search(match.group("attrs"))
        if found:
            caption_id = found.group("id")
        else:
            caption_id = f"tabelle-{next(_region_ids)}"
            start = match.start() + len("<caption")
            inner = f'{inner[:start]} id="{caption_id}"{inner[start:]}'
        return format_html(
            '<div class="scroll" role="region" aria-labelledby="{}" tabindex="0">{}</div>',
            caption_id,
            mark_safe(inner),
        )


@register.tag
def scrollregion(parser, token):
    """``{% scrollregion %}`` or ``{% scrollregion _("Name") %}`` for a table without a caption."""
    bits = token.split_contents()
    label = parser.compile_filter(bits[1]) if len(bits) > 1 else None
    nodelist = parser.parse(("endscrollregion",))
    parser.delete_first_token()
    return ScrollRegionNode(nodelist, label)


@register.filter
def has_conflict(formset):
    """True if a form of the formset was refused because its record changed meanwhile."""
    return any(getattr(form, "conflict", False) for form in formset.forms)


@register.filter
def has_required(form):
    """True if a visible field of the form must be filled (the asterisk then needs explaining)."""
    return any(field.field.required for field in form.visible_fields())
