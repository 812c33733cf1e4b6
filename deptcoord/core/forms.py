"""Form plumbing shared by every app: Bootstrap classes, versions and service errors."""

from django import forms
from django.db.models import fields as model_fields
from django.utils.translation import gettext_lazy as _

from deptcoord.core.bounds import bound_form_fields
from deptcoord.core.service_calls import show_on_form
from deptcoord.core.widgets import PICKERS, QuickSelect, QuickSelectMultiple

QUICK = {forms.Select: QuickSelect, forms.SelectMultiple: QuickSelectMultiple}

# Django's blank choice ("---------", or "- Select an option -" with no Vietnamese translation)
# is replaced by one that says what leaving it means, in the reader's language.
CHOOSE = _("— choose —")
NONE = _("— none —")


def is_django_blank(label) -> bool:
    """True for Django's own label of a select's empty choice."""
    return label is model_fields.BLANK_CHOICE_LABEL or (
        isinstance(label, str) and label in ("---------", "- Select an option -")
    )


def label_blank_choice(field: forms.Field) -> None:
    """Give a select's empty choice a label in the reader's language instead of Django's
    dashes: "— choose —" when a choice is required, "— none —" when it may stay empty."""
    blank = CHOOSE if field.required else NONE
    if isinstance(field, forms.ModelChoiceField):
        if is_django_blank(field.empty_label):
            field.empty_label = blank
    elif isinstance(field, forms.ChoiceField):
        choices = list(field.choices)
        if any(value == "" and is_django_blank(label) for value, label in choices):
            field.choices = [
                (value, blank if value == "" and is_django_blank(label) else label)
                for value, label in choices
            ]


class ServiceForm(forms.Form):
    """A form whose domain checks happen in a service; the service's errors land on the fields.
    Its dates and text follow the input rules of ``core.bounds``; its selects of records are
    pickers (``core.widgets``)."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        bound_form_fields(self.fields)
        for field in self.fields.values():
            label_blank_choice(field)
            faster = PICKERS if isinstance(field, forms.ModelChoiceField) else QUICK
            if type(field.widget) in faster:
                quick = faster[type(field.widget)](attrs=field.widget.attrs)
                quick.choices = field.widget.choices
                quick.is_required = field.widget.is_required
                field.widget = quick
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput):
                widget.attrs.setdefault("class", "form-check-input")
            elif isinstance(widget, forms.Select | forms.SelectMultiple):
                widget.attrs.setdefault("class", "form-select")
            elif not isinstance(widget, forms.HiddenInput):
                widget.attrs.setdefault("class", "form-control")

    def apply_service_error(self, error: Exception) -> None:
        """Show a service's refusal on the fields it names (or at the top of the form)."""
        show_on_form(self, error)

    def expected_version(self) -> int | None:
        """The version the person edited."""
        return self.cleaned_data.get("version")


class DateInput(forms.DateInput):
    """A native date picker."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    """A native time picker."""

    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%H:%M")
