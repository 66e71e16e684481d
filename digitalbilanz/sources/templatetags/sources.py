"""``{% sourced text %}``: a text with its source markers linked for the page's reader.

App pages (below ``/app/``) link what the signed-in user may read; every other page, and
portal templates explicitly with ``audience="public"``, only public sources.
The readable sources are read once per request and municipality.
"""

from django import template

from digitalbilanz.sources.markers import link_markers, targets

register = template.Library()


def _readable(context, audience):
    municipality = context.get("municipality")
    request = context.get("request")
    if municipality is None:
        return {}
    cache_owner = request if request is not None else context.render_context
    cache = getattr(cache_owner, "_source_targets", None)
    if cache is None:
        cache = {}
        try:
            cache_owner._source_targets = cache
        except AttributeError:
            pass
    user = getattr(request, "user", None)
    outside_app = request is None or not request.path.startswith("/app/")
    if audience is None and (outside_app or user is None or not user.is_authenticated):
        audience = "public"  # the portal and anything outside the app: public sources only
    key = (municipality.pk, audience or "")
    if key not in cache:
        cache[key] = targets(municipality, user=user, audience=audience)
    return cache[key]


@register.simple_tag(takes_context=True)
def sourced(context, text, audience=None, linebreaks=False):
    """The text, escaped, with its readable source markers as links."""
    return link_markers(text, _readable(context, audience), linebreaks=linebreaks)
