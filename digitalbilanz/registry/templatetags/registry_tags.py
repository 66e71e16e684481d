"""``{% app_navigation %}``: the registered app navigation for the page's municipality."""

from django import template

from digitalbilanz.registry.navigation import links

register = template.Library()


@register.inclusion_tag("registry/app_navigation.html", takes_context=True)
def app_navigation(context):
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    return {
        "links": links(context["user"], context["municipality"], match.url_name if match else ""),
    }
