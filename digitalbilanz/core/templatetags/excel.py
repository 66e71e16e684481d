"""``{% excel_links municipality "measures" "lines" %}``: the links of a list page to the
spreadsheet round-trip (download the tables as XLSX to edit, upload the edited file).

Shown only where the round-trip is installed; the page decides (``can_edit``) whether to show it.
"""

from urllib.parse import urlencode

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag
def excel_links(municipality, *tables):
    try:
        export = reverse("roundtrip:export", args=[municipality.slug])
        upload = reverse("roundtrip:index", args=[municipality.slug])
    except NoReverseMatch:
        return ""
    query = urlencode([("tabelle", t) for t in tables])
    return format_html(
        '<p class="excel-links"><a href="{}?{}">{}</a> · <a href="{}#upload-heading">{}</a></p>',
        export,
        query,
        _("Als Excel bearbeiten"),
        upload,
        _("Excel-Datei hochladen"),
    )
