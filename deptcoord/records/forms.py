"""Forms for notes, documents and links (types only; the services do the checks and their
errors land on these fields)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from deptcoord.core.forms import ServiceForm
from deptcoord.records.file_types import ACCEPTED_EXTENSIONS

TAGS_HELP = _("Separate tags with commas, e.g. launch, pricing.")


class NoteForm(ServiceForm):
    """Write or change a note."""

    title = forms.CharField(
        label=pgettext_lazy("name of a note or document", "Title"), max_length=200
    )
    body = forms.CharField(
        label=_("Text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 14, "class": "form-control font-monospace"}),
        help_text=_("Markdown: **bold**, *italic*, # headings, - lists, [links](https://…)."),
    )
    tags = forms.CharField(label=_("Tags"), required=False, help_text=TAGS_HELP)
    is_pinned = forms.BooleanField(
        label=_("Pin to the top of the department's notes"), required=False
    )
    is_private = forms.BooleanField(
        label=_("Only for the department's head and coordinators"), required=False
    )


class NewNoteForm(NoteForm):
    """A new note, in a department the person may write in."""

    department = forms.ModelChoiceField(label=_("Department"), queryset=None)

    field_order = ["department", "title", "body", "tags", "is_pinned", "is_private"]

    def __init__(self, *args, departments=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = departments


def file_input() -> forms.FileField:
    """A file chooser offering the accepted types."""
    return forms.FileField(
        label=_("File"),
        widget=forms.ClearableFileInput(
            attrs={"accept": ",".join(ACCEPTED_EXTENSIONS), "class": "form-control"}
        ),
        help_text=_("PDF, Word, Excel, PowerPoint, ODT, TXT, Markdown, CSV, PNG or JPEG."),
    )


class DocumentForm(ServiceForm):
    """Change a document's title, description and tags."""

    title = forms.CharField(
        label=pgettext_lazy("name of a note or document", "Title"), max_length=200
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    tags = forms.CharField(label=_("Tags"), required=False, help_text=TAGS_HELP)


class NewDocumentForm(DocumentForm):
    """A new document: its department, its details and its first file."""

    department = forms.ModelChoiceField(label=_("Department"), queryset=None)
    file = file_input()

    field_order = ["department", "title", "file", "description", "tags"]

    def __init__(self, *args, departments=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = departments


class VersionForm(ServiceForm):
    """A new file for a document."""

    file = file_input()
    comment = forms.CharField(label=_("What changed"), max_length=300, required=False)


class LinkForm(forms.Form):
    """A record to link, as picked in the link picker (``kind:id``)."""

    pick = forms.RegexField(regex=r"^[a-z_]{1,40}:[0-9]{1,18}$")

    def clean(self):
        cleaned = super().clean()
        if "pick" in cleaned:
            kind, target_id = cleaned.pop("pick").split(":")
            cleaned.update(kind=kind, target_id=int(target_id))
        return cleaned
