"""Template tags of the people app: a link to a person's development page where allowed."""

from django import template

from deptcoord.access import Action, can
from deptcoord.people.models import Assessment

register = template.Library()


@register.inclusion_tag("people/_person_link.html", takes_context=True)
def development_link(context, person):
    """A link to the person's people page, shown only to those who may open it."""
    request = context.get("request")
    facts = getattr(request, "facts", None)
    allowed = facts is not None and can(facts, Action.VIEW, Assessment(person=person))
    return {"person": person, "allowed": allowed}
