"""People in the search box, by name and job title (registered when the app is ready)."""

from django.utils.translation import gettext_lazy as _

from deptcoord.org.models import Person
from deptcoord.search.registry import SearchSource, register_source


def _person_text(person: Person) -> str:
    titles = dict.fromkeys(title for title in (person.title_en, person.title_vi) if title)
    return "\n".join(titles).strip()


register_source(
    SearchSource(
        kind="person",
        model=Person,
        label=_("Person"),
        icon="bi-person",
        title_fields=("full_name",),
        body=_person_text,
        url_name="org:person_detail",
        department_field="primary_department_id",
    )
)
