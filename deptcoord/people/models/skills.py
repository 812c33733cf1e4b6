"""Role profiles with their target levels, and assessments (the catalogue of skills is org's)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from deptcoord.core.language import in_language
from deptcoord.core.versioning import VersionedModel
from deptcoord.org.models import HIGHEST_LEVEL, Skill


class RoleProfile(VersionedModel):
    """A role in the company, e.g. "Digital marketing specialist", with target skill levels."""

    name_en = models.CharField(_("name (English)"), max_length=150, blank=True)
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=150, blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("role profile")
        verbose_name_plural = _("role profiles")
        ordering = ["name_en", "id"]

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        """The name in the viewer's language."""
        return in_language(self.name_en, self.name_vi)


class RoleTarget(models.Model):
    """The level (0–5) a role profile expects in one skill."""

    role_profile = models.ForeignKey(
        RoleProfile,
        verbose_name=_("role profile"),
        on_delete=models.CASCADE,
        related_name="targets",
    )
    skill = models.ForeignKey(
        Skill, verbose_name=_("skill"), on_delete=models.PROTECT, related_name="targets"
    )
    level = models.PositiveSmallIntegerField(_("target level"))

    class Meta:
        verbose_name = _("target level")
        verbose_name_plural = _("target levels")
        constraints = [
            models.UniqueConstraint(fields=["role_profile", "skill"], name="one_target_per_skill"),
            models.CheckConstraint(
                condition=models.Q(level__lte=HIGHEST_LEVEL), name="target_level_at_most_5"
            ),
        ]

    def __str__(self):
        return f"{self.skill}: {self.level}"


class PersonProfile(VersionedModel):
    """The role profile a person holds (their skill targets come from it)."""

    person = models.OneToOneField(
        "org.Person",
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="skills_profile",
    )
    role_profile = models.ForeignKey(
        RoleProfile,
        verbose_name=_("role profile"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="holders",
    )

    class Meta:
        verbose_name = _("person's role profile")
        verbose_name_plural = _("people's role profiles")

    def __str__(self):
        return f"{self.person}: {self.role_profile or '—'}"


class Assessment(models.Model):
    """A dated level (0–5) of one person in one skill, by themselves or their coordinator.

    Assessments are never edited: a new one records a change, so the history stays whole.
    """

    class Kind(models.TextChoices):
        SELF = "self", _("Self-assessment")
        COORDINATOR = "coordinator", _("Coordinator assessment")

    person = models.ForeignKey(
        "org.Person", verbose_name=_("person"), on_delete=models.CASCADE, related_name="assessments"
    )
    skill = models.ForeignKey(
        Skill, verbose_name=_("skill"), on_delete=models.PROTECT, related_name="assessments"
    )
    level = models.PositiveSmallIntegerField(_("level"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    assessed_by = models.ForeignKey(
        "org.Person",
        verbose_name=_("assessed by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="assessments_made",
    )
    day = models.DateField(_("date"))
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        ordering = ["-day", "-id"]
        indexes = [models.Index(fields=["person", "skill", "day"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(level__lte=HIGHEST_LEVEL), name="assessed_level_at_most_5"
            )
        ]

    def __str__(self):
        return f"{self.person} · {self.skill}: {self.level}"
