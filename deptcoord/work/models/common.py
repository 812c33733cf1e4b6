"""What the work records share: money and hour fields, and the priority of a step."""

from django.db import models
from django.utils.translation import gettext_lazy as _

MONEY = {"max_digits": 16, "decimal_places": 2}
HOURS = {"max_digits": 8, "decimal_places": 2}


class Priority(models.IntegerChoices):
    """How urgent a step is (lower sorts first)."""

    HIGH = 1, _("High")
    MEDIUM = 2, _("Medium")
    LOW = 3, _("Low")
