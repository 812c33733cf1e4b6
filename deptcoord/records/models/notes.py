"""Department notes written in Markdown, their tags and their links to other records."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from deptcoord.core.versioning import VersionedModel


class Tag(models.Model):
    """A label shared by notes and documents, stored in its normalised form (lower case)."""

    name = models.CharField(_("name"), max_length=40, unique=True)

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Note(VersionedModel):
    """A department note: a brief, a decision, an FAQ, written in Markdown by one person."""

    class Source(models.TextChoices):
        WRITTEN = "written", _("Written")
        MEETING_DECISION = "meeting_decision", _("Meeting decision")

    department = models.ForeignKey(
        "org.Department",
        verbose_name=_("department"),
        on_delete=models.PROTECT,
        related_name="notes",
    )
    author = models.ForeignKey(
        "org.Person", verbose_name=_("author"), on_delete=models.PROTECT, related_name="notes"
    )
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text (Markdown)"), blank=True)
    tags = models.ManyToManyField(Tag, verbose_name=_("tags"), blank=True, related_name="notes")
    is_pinned = models.BooleanField(_("pinned"), default=False)
    is_private = models.BooleanField(_("only for those who run the department"), default=False)
    source = models.CharField(
        _("source"), max_length=30, choices=Source.choices, default=Source.WRITTEN
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("note")
        verbose_name_plural = _("notes")
        ordering = ["-is_pinned", "-updated_at", "-id"]
        indexes = [models.Index(fields=["department", "-is_pinned", "-updated_at"])]

    def __str__(self):
        return self.title

    @property
    def tag_names(self) -> list[str]:
        """The tags' names, in order."""
        return sorted(tag.name for tag in self.tags.all())


class RecordLink(models.Model):
    """A link from a note or a document to another record: a goal, a project, a step, a
    meeting or a person (any model registered as linkable)."""

    note = models.ForeignKey(
        Note, null=True, blank=True, on_delete=models.CASCADE, related_name="links"
    )
    document = models.ForeignKey(
        "records.Document", null=True, blank=True, on_delete=models.CASCADE, related_name="links"
    )
    target_type = models.ForeignKey(
        ContentType, verbose_name=_("record type"), on_delete=models.CASCADE
    )
    target_id = models.PositiveBigIntegerField(_("record"))
    created_at = models.DateTimeField(_("linked at"), auto_now_add=True)

    class Meta:
        verbose_name = _("link")
        verbose_name_plural = _("links")
        ordering = ["id"]
        indexes = [models.Index(fields=["target_type", "target_id"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(note__isnull=False, document__isnull=True)
                | models.Q(note__isnull=True, document__isnull=False),
                name="record_link_has_one_source",
            ),
            models.UniqueConstraint(
                fields=["note", "target_type", "target_id"], name="record_link_once_per_note"
            ),
            models.UniqueConstraint(
                fields=["document", "target_type", "target_id"],
                name="record_link_once_per_document",
            ),
        ]

    def __str__(self):
        return f"{self.target_type.model}#{self.target_id}"

    @property
    def source(self):
        """The note or document the link starts from."""
        return self.note if self.note_id else self.document
