"""Per request: the signed-in person, their role facts, language and time zone."""

import zoneinfo

from django.utils import timezone, translation
from django.utils.functional import SimpleLazyObject

from deptcoord.org.facts import role_facts_for_person
from deptcoord.org.models import Person


def person_for_user(user) -> Person | None:
    """The person behind a signed-in user, or None."""
    if not user.is_authenticated:
        return None
    person = Person.objects.filter(user_id=user.pk, is_active=True).first()
    if person is not None:
        person.user = user  # the user already read for the request, not read again
    return person


class PersonMiddleware:
    """Attach ``request.person`` and ``request.facts``; use the person's language and time zone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        person = person_for_user(request.user) if request.user.is_authenticated else None
        request.person = person
        request.facts = SimpleLazyObject(lambda: role_facts_for_person(person))
        if person is not None:
            if person.language:
                translation.activate(person.language)
                request.LANGUAGE_CODE = person.language
            try:
                timezone.activate(zoneinfo.ZoneInfo(person.timezone))
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                timezone.deactivate()
        response = self.get_response(request)
        timezone.deactivate()
        return response
