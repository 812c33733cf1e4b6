"""Feedback: praise, advice and formal warnings, their escalation levels, annotations, and the
record of who read a confidential one."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from deptcoord.core.language import in_language
from deptcoord.core.versioning import VersionedModel


class FeedbackLevel(VersionedModel):
    """A step of the company's escalation ladder for warnings (verbal, written, final…)."""

    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=120, blank=True)
    rank = models.PositiveSmallIntegerField(_("rank"), default=1)
    description = models.TextField(_("description"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("escalation level")
        verbose_name_plural = _("escalation levels")
        ordering = ["rank", "id"]

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        """The name in the viewer's language."""
        return in_language(self.name_en, self.name_vi)


class Feedback(VersionedModel):
    """Praise, advice or a formal warning about a person.

    Who may read it follows its kind (see ``people/access.py``); the subject's department head
    is derived from the subject's current department, so warnings follow a person who moves.
    A warning the subject acknowledged is never edited again, only annotated.
    """

    class Kind(models.TextChoices):
        PRAISE = "praise", _("Praise")
        ADVICE = "advice", _("Advice")
        WARNING = "warning", _("Warning")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public (recognition wall)")
        PRIVATE = "private", _("Private")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    visibility = models.CharField(
        _("visibility"), max_length=20, choices=Visibility.choices, default=Visibility.PRIVATE
    )
    subject = models.ForeignKey(
        "org.Person", verbose_name=_("about"), on_delete=models.CASCADE, related_name="feedback"
    )
    author = models.ForeignKey(
        "org.Person",
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="feedback_given",
    )
    body = models.TextField(_("feedback"))
    level = models.ForeignKey(
        FeedbackLevel,
        verbose_name=_("level"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="warnings",
    )
    reason = models.TextField(_("reason"), blank=True)
    acknowledged_at = models.DateTimeField(_("acknowledged at"), null=True, blank=True)
    created_at = models.DateTimeField(_("given at"), auto_now_add=True)

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["kind", "visibility"])]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.subject}"

    @property
    def is_confidential(self) -> bool:
        """Warnings and advice are confidential; their reads are recorded."""
        return self.kind in (self.Kind.WARNING, self.Kind.ADVICE)

    @property
    def is_acknowledged(self) -> bool:
        """Whether the subject acknowledged it."""
        return self.acknowledged_at is not None


class FeedbackAnnotation(models.Model):
    """A note added to feedback after the fact (the only change an acknowledged warning takes)."""

    feedback = models.ForeignKey(
        Feedback, verbose_name=_("feedback"), on_delete=models.CASCADE, related_name="annotations"
    )
    author = models.ForeignKey(
        "org.Person",
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="feedback_annotations",
    )
    body = models.TextField(_("annotation"))
    created_at = models.DateTimeField(_("added at"), auto_now_add=True)

    class Meta:
        verbose_name = _("annotation")
        verbose_name_plural = _("annotations")
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.feedback}: {self.body[:40]}"


class ConfidentialRead(models.Model):
    """One read of a confidential record (a warning, advice or a private 1:1 note): who, when,
    and through which door (page, API, export)."""

    reader = models.ForeignKey(
        "org.Person",
        verbose_name=_("reader"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="confidential_reads",
    )
    feedback = models.ForeignKey(
        Feedback,
        verbose_name=_("feedback"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reads",
    )
    private_note = models.ForeignKey(
        "people.PrivateNote",
        verbose_name=_("private note"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reads",
    )
    via = models.CharField(_("via"), max_length=20)
    read_at = models.DateTimeField(_("read at"), auto_now_add=True)

    class Meta:
        verbose_name = _("confidential read")
        verbose_name_plural = _("confidential reads")
        ordering = ["-read_at", "-id"]

    def __str__(self):
        return f"{self.reader} · {self.read_at:%Y-%m-%d %H:%M}"
