"""Department documents: a title and description over a file kept in versions."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from deptcoord.core.versioning import VersionedModel


class Document(VersionedModel):
    """A department document; uploading a new file adds a version and keeps the old ones."""

    department = models.ForeignKey(
        "org.Department",
        verbose_name=_("department"),
        on_delete=models.PROTECT,
        related_name="documents",
    )
    author = models.ForeignKey(
        "org.Person",
        verbose_name=_("uploaded by"),
        on_delete=models.PROTECT,
        related_name="documents",
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    tags = models.ManyToManyField(
        "records.Tag", verbose_name=_("tags"), blank=True, related_name="documents"
    )
    current = models.ForeignKey(
        "records.DocumentVersion",
        verbose_name=_("current version"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-updated_at", "-id"]
        indexes = [models.Index(fields=["department", "-updated_at"])]

    def __str__(self):
        return self.title

    @property
    def tag_names(self) -> list[str]:
        """The tags' names, in order."""
        return sorted(tag.name for tag in self.tags.all())


def version_path(instance, filename: str) -> str:
    """Where a file is stored: never under its own name, never served directly."""
    return f"records/documents/{instance.document_id}/{instance.storage_key}"


class DocumentVersion(models.Model):
    """One uploaded file of a document, with the text extracted from it for search."""

    document = models.ForeignKey(
        Document, verbose_name=_("document"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField(_("version"))
    file = models.FileField(_("file"), upload_to=version_path, max_length=300)
    storage_key = models.CharField(max_length=40, editable=False)
    filename = models.CharField(_("file name"), max_length=255)
    file_type = models.CharField(_("file type"), max_length=10)
    size = models.PositiveBigIntegerField(_("size (bytes)"))
    text = models.TextField(_("extracted text"), blank=True)
    uploaded_by = models.ForeignKey(
        "org.Person",
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    comment = models.CharField(_("what changed"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("document version")
        verbose_name_plural = _("document versions")
        ordering = ["document_id", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "number"], name="document_version_number_unique"
            )
        ]

    def __str__(self):
        return f"{self.filename} (v{self.number})"
