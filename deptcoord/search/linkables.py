"""The kinds of record a note or a document can link to: each app registers its own (goals and
key results, projects and steps, meetings, people) with ``register_linkable`` in its
``AppConfig.ready``, and a link resolves its target through this registry. It lives below every
app that fills it, beside the search sources, so that none of them imports the records app."""

from dataclasses import dataclass

from django.db.models import Model, Q, QuerySet
from django.urls import reverse

from deptcoord.access import RoleFacts, visible


@dataclass(frozen=True)
class Linkable:
    """A kind of record that can be linked: its model, how it is named, where its page is."""

    kind: str
    model: type[Model]
    label: object
    icon: str
    url_name: str
    name_fields: tuple[str, ...]

    def name(self, obj) -> str:
        """The record's name as shown on a link."""
        return str(obj)

    def url(self, obj) -> str:
        """The record's page."""
        return reverse(self.url_name, kwargs={"pk": obj.pk})

    def visible(self, facts: RoleFacts) -> QuerySet:
        """The records of this kind the person may see."""
        return visible(facts, self.model._default_manager.all())

    def matching(self, facts: RoleFacts, words: list[str]) -> QuerySet:
        """Visible records whose name contains every word (for the link picker)."""
        result = self.visible(facts)
        for word in words:
            condition = Q()
            for name in self.name_fields:
                condition |= Q(**{f"{name}__icontains": word})
            result = result.filter(condition)
        return result


_linkables: dict[str, Linkable] = {}


def register_linkable(linkable: Linkable) -> Linkable:
    """Let notes and documents link to records of this kind."""
    _linkables[linkable.kind] = linkable
    return linkable


def linkables() -> dict[str, Linkable]:
    """Every kind that can be linked."""
    return dict(_linkables)


def linkable_for_model(model: type[Model]) -> Linkable | None:
    """The linkable kind of a model, or None."""
    for linkable in _linkables.values():
        if linkable.model is model:
            return linkable
    return None
