"""Form plumbing shared by every app: Bootstrap classes, versions and service errors."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from deptcoord.core.versioning import StaleVersionError


class ServiceForm(forms.Form):
    """A form whose domain checks happen in a service; the service's errors land on the fields."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput):
                widget.attrs.setdefault("class", "form-check-input")
            elif isinstance(widget, forms.Select | forms.SelectMultiple):
                widget.attrs.setdefault("class", "form-select")
            elif not isinstance(widget, forms.HiddenInput):
                widget.attrs.setdefault("class", "form-control")

    def apply_service_error(self, error: Exception) -> None:
        """Show a service's refusal on the fields it names (or at the top of the form)."""
        if isinstance(error, StaleVersionError):
            self.add_error(None, str(error.message))
            return
        if isinstance(error, ValidationError) and hasattr(error, "error_dict"):
            for field, errors in error.error_dict.items():
                target = field if field in self.fields and field != NON_FIELD_ERRORS else None
                for item in errors:
                    self.add_error(target, item)
            return
        self.add_error(None, error)

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
