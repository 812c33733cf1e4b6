"""Changing the company's settings: name, holiday country, currency, time zone."""

import holidays
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from deptcoord.access import Action
from deptcoord.audit.changes import diff, snapshot
from deptcoord.audit.services import audit_record
from deptcoord.core.actor import Actor, authorize
from deptcoord.core.versioning import check_version, lock
from deptcoord.org import messages
from deptcoord.org.models import Company
from deptcoord.org.validation import require_text

COMPANY_FIELDS = ["name", "holiday_country", "currency", "timezone"]
UNKNOWN_COUNTRY = _("There is no public-holiday calendar for the country code “%(code)s”.")


@transaction.atomic
def company_update(*, actor: Actor, expected_version: int | None, **changes) -> Company:
    """Change the company settings."""
    company = lock(Company, Company.objects.get_or_create(pk=1, defaults={"name": "—"})[0].pk)
    authorize(actor, Action.CHANGE, company)
    check_version(company, expected_version)
    errors: dict = {}
    if "name" in changes:
        changes["name"] = require_text(errors, "name", changes["name"])
    country = changes.get("holiday_country", company.holiday_country).upper()
    if country not in holidays.list_supported_countries():
        errors["holiday_country"] = [UNKNOWN_COUNTRY % {"code": country}]
    changes["holiday_country"] = country
    if "timezone" in changes:
        import zoneinfo

        if changes["timezone"] not in zoneinfo.available_timezones():
            errors["timezone"] = [messages.UNKNOWN_TIMEZONE % {"zone": changes["timezone"]}]
    if errors:
        raise ValidationError(errors)
    before = snapshot(company, COMPANY_FIELDS)
    for field, value in changes.items():
        setattr(company, field, value)
    changed = diff(before, snapshot(company, COMPANY_FIELDS))
    if changed:
        company.version += 1
        company.save()
        audit_record(
            actor=actor, kind="update", action="org.company.update", target=company, changes=changed
        )
    return company
