"""Choices shared by goals, key results, templates and standards."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Metric(models.TextChoices):
    """What a key result or standard measures."""

    NUMBER = "number", _("Number")
    PERCENT = "percent", _("Percent")
    MONEY = "money", _("Money")
    YES_NO = "yes_no", _("Yes/no")
    MILESTONE = "milestone", _("Milestones")


STANDARD_METRICS = [Metric.NUMBER, Metric.PERCENT, Metric.MONEY]


class Direction(models.TextChoices):
    """Whether the number should go up or down (the same values as the forecast's)."""

    INCREASE = "increase", _("Increase")
    DECREASE = "decrease", _("Decrease")


class Confidence(models.TextChoices):
    """How the owner feels about reaching the target, reported with each check-in."""

    ON_TRACK = "on_track", _("On track")
    AT_RISK = "at_risk", _("At risk")
    OFF_TRACK = "off_track", _("Off track")


CONFIDENCE_RANK = {Confidence.ON_TRACK: 0, Confidence.AT_RISK: 1, Confidence.OFF_TRACK: 2}


def value_fields(**extra) -> dict:
    """The decimal used for every measured value: money in VND needs 16 digits before the point."""
    return {"max_digits": 20, "decimal_places": 4, **extra}
