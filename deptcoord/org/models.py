"""Company, departments, people, memberships, time off and the skill catalogue: data and
invariants only."""

import zoneinfo
from datetime import time
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from deptcoord.core.language import in_language
from deptcoord.core.versioning import VersionedModel

TIMEZONE_CHOICES = sorted((name, name) for name in zoneinfo.available_timezones())


class Company(VersionedModel):
    """The one company this installation serves: its name and working calendar."""

    name = models.CharField(_("name"), max_length=200)
    holiday_country = models.CharField(_("public holidays of"), max_length=2, default="VN")
    currency = models.CharField(_("currency"), max_length=3, default="VND")
    timezone = models.CharField(
        _("time zone"), max_length=64, default="Asia/Ho_Chi_Minh", choices=TIMEZONE_CHOICES
    )

    class Meta:
        verbose_name = _("company")
        verbose_name_plural = _("companies")

    def __str__(self):
        return self.name


class CompanyDayOff(models.Model):
    """A day the whole company is off besides the public holidays (e.g. a company trip)."""

    date = models.DateField(_("date"), unique=True)
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        verbose_name = _("company day off")
        verbose_name_plural = _("company days off")
        ordering = ["date"]

    def __str__(self):
        return f"{self.date} {self.name}"


class Department(VersionedModel):
    """A department or team; ``parent`` builds the tree, the roles live in memberships."""

    code = models.CharField(_("code"), max_length=20, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=150)
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=150)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent department"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    description = models.TextField(_("description"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        ordering = ["code"]

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        """The name in the viewer's language."""
        return in_language(self.name_en, self.name_vi)


class Person(VersionedModel):
    """Someone in the company: contact, title, department, time zone and weekly capacity."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
    )
    full_name = models.CharField(_("full name"), max_length=150)
    email = models.EmailField(_("e-mail"), max_length=254)
    title_en = models.CharField(_("title (English)"), max_length=150, blank=True)
    title_vi = models.CharField(_("title (Vietnamese)"), max_length=150, blank=True)
    primary_department = models.ForeignKey(
        Department,
        verbose_name=_("department"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="primary_people",
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    timezone = models.CharField(
        _("time zone"), max_length=64, default="Asia/Ho_Chi_Minh", choices=TIMEZONE_CHOICES
    )
    language = models.CharField(_("language"), max_length=8, blank=True, choices=settings.LANGUAGES)
    weekly_capacity_hours = models.DecimalField(
        _("weekly capacity (hours)"),
        max_digits=5,
        decimal_places=1,
        default=Decimal("40"),
        validators=[MinValueValidator(0), MaxValueValidator(168)],
    )
    work_start = models.TimeField(_("working day starts"), default=time(8, 30))
    work_end = models.TimeField(_("working day ends"), default=time(17, 30))
    working_weekdays = models.CharField(
        _("working weekdays"),
        max_length=7,
        default="12345",
        help_text=_("Digits for the working days: 1 is Monday, 7 is Sunday."),
    )
    is_admin = models.BooleanField(_("administrator"), default=False)
    is_executive = models.BooleanField(_("executive"), default=False)
    is_hr = models.BooleanField(_("HR"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["full_name"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="person_email_unique_ci"),
            models.CheckConstraint(
                condition=models.Q(weekly_capacity_hours__gte=0)
                & models.Q(weekly_capacity_hours__lte=168),
                name="person_capacity_within_week",
            ),
        ]

    def __str__(self):
        return self.full_name

    @property
    def title(self) -> str:
        """The title in the viewer's language."""
        return in_language(self.title_en, self.title_vi)

    @property
    def initials(self) -> str:
        """Two letters for the avatar: the given name (last word in Vietnamese names) first."""
        words = self.full_name.split()
        if not words:
            return "?"
        return (words[-1][0] + (words[0][0] if len(words) > 1 else "")).upper()


class Membership(models.Model):
    """A person's role in a department: head, coordinator or member."""

    class Role(models.TextChoices):
        HEAD = "head", _("Head")
        COORDINATOR = "coordinator", _("Coordinator")
        MEMBER = "member", _("Member")

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="memberships"
    )
    department = models.ForeignKey(
        Department,
        verbose_name=_("department"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    since = models.DateField(_("since"), null=True, blank=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["person", "department"], name="membership_once")
        ]

    def __str__(self):
        return f"{self.person} — {self.department} ({self.get_role_display()})"


class TimeOff(VersionedModel):
    """Days a person is away: leave, sick days, training or business trips."""

    class Kind(models.TextChoices):
        LEAVE = "leave", _("Annual leave")
        SICK = "sick", _("Sick leave")
        TRAINING = "training", _("Training")
        TRIP = "trip", _("Business trip")
        OTHER = "other", _("Other")

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="time_off"
    )
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.LEAVE)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("time off")
        verbose_name_plural = _("time off")
        ordering = ["-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="time_off_ends_after_start",
            )
        ]

    def __str__(self):
        return f"{self.person}: {self.start_date} – {self.end_date}"


# The skill catalogue: the levels people are assessed at (0–5), categories and skills. The tables
# keep the names they had when the catalogue lived in the people app.
LOWEST_LEVEL = 0
HIGHEST_LEVEL = 5
LEVELS = range(LOWEST_LEVEL, HIGHEST_LEVEL + 1)


class SkillCategory(VersionedModel):
    """A group of skills in the catalogue, e.g. "Marketing" or "General"."""

    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=120, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        db_table = "people_skillcategory"
        verbose_name = _("skill category")
        verbose_name_plural = _("skill categories")
        ordering = ["position", "name_en", "id"]

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        """The name in the viewer's language."""
        return in_language(self.name_en, self.name_vi)


class Skill(VersionedModel):
    """A skill people are assessed on (levels 0–5), in one category of the catalogue."""

    category = models.ForeignKey(
        SkillCategory, verbose_name=_("category"), on_delete=models.PROTECT, related_name="skills"
    )
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=120, blank=True)
    description = models.TextField(_("description"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        db_table = "people_skill"
        verbose_name = _("skill")
        verbose_name_plural = _("skills")
        ordering = ["category__position", "name_en", "id"]

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        """The name in the viewer's language."""
        return in_language(self.name_en, self.name_vi)


class ExtraHours(models.Model):
    """Hours a person agreed to work on top of their week for a stretch of days (overtime for a
    launch, say): the planner and the workload count them as capacity."""

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="extra_hours"
    )
    first_day = models.DateField(_("first day"))
    last_day = models.DateField(_("last day"))
    hours_per_week = models.DecimalField(_("extra hours per week"), max_digits=5, decimal_places=2)
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        Person,
        verbose_name=_("agreed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("extra hours")
        verbose_name_plural = _("extra hours")
        ordering = ["-first_day", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(last_day__gte=models.F("first_day")),
                name="extra_hours_end_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(hours_per_week__gt=0, hours_per_week__lte=80),
                name="extra_hours_per_week_bounded",
            ),
        ]

    def __str__(self):
        return f"{self.person}: +{self.hours_per_week:g} h/w {self.first_day} – {self.last_day}"


class WeekLoad(models.Model):
    """A person's committed hours in one week (the Monday), kept as the services change steps,
    meetings, time off and hours, and rebuilt every night: the workload reads it instead of
    spreading every step again on each page."""

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="week_loads"
    )
    week = models.DateField(_("week"))
    base_hours = models.FloatField(_("working hours"), default=0)
    time_off_hours = models.FloatField(_("time off"), default=0)
    meeting_hours = models.FloatField(_("meetings"), default=0)
    available_hours = models.FloatField(_("hours left for work"), default=0)
    work_hours = models.FloatField(_("assigned work"), default=0)
    # {step id: hours that week}: which records the assigned work comes from
    shares = models.JSONField(_("hours by record"), default=dict)
    computed_at = models.DateTimeField(_("computed at"), auto_now=True)

    class Meta:
        verbose_name = _("week load")
        verbose_name_plural = _("week loads")
        constraints = [
            models.UniqueConstraint(fields=["person", "week"], name="org_weekload_once"),
        ]

    def __str__(self):
        return f"{self.person_id} · {self.week}"


class WeekLoadStale(models.Model):
    """A person whose week loads a change has made out of date: refreshed when the change
    commits, or by the next read."""

    person = models.OneToOneField(
        Person, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    marked_at = models.DateTimeField(auto_now=True)
    # only the person's assigned work moved: their working hours, time off and meetings stand
    work_only = models.BooleanField(default=False)

    def __str__(self):
        return f"{self.person_id} · {self.marked_at}"
