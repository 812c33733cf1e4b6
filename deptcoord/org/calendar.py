"""The company's working calendar: weekends, public holidays (Vietnam by default, Tết included)
and the company's own days off."""

from datetime import date, timedelta
from functools import lru_cache

import holidays
from django.utils.translation import get_language

from deptcoord.core.request_memo import forget_on_write, remembered
from deptcoord.org.models import Company, CompanyDayOff

COMPANY = "org.company"
forget_on_write(Company, COMPANY)


def company_row() -> Company | None:
    """The company's row (None before it is made), read once per request: its holidays,
    currency and the records it owns are asked for all over a page."""
    return remembered(COMPANY, lambda: Company.objects.filter(pk=1).first())


@lru_cache(maxsize=32)
def _public_holidays(country: str, year: int, language: str) -> dict[date, str]:
    try:
        calendar = holidays.country_holidays(country, years=year, language=language)
    except (NotImplementedError, KeyError):
        return {}
    return dict(calendar.items())


def days_off_between(start: date, end: date) -> dict[date, str]:
    """Public holidays and company days off from start to end inclusive, with their names."""
    company = company_row()
    country = company.holiday_country if company else "VN"
    language = "vi" if (get_language() or "en").startswith("vi") else "en_US"
    found: dict[date, str] = {}
    for year in range(start.year, end.year + 1):
        for day, name in _public_holidays(country, year, language).items():
            if start <= day <= end:
                found[day] = name
    for day_off in CompanyDayOff.objects.filter(date__range=(start, end)):
        found[day_off.date] = day_off.name
    return dict(sorted(found.items()))


def upcoming_days_off(today: date, days: int = 60) -> dict[date, str]:
    """The days off in the coming weeks."""
    return days_off_between(today, today + timedelta(days=days))
