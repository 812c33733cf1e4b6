"""Forms for departments, people, memberships, time off, imports and profiles (types only;
the services do the domain checks)."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from deptcoord.core.forms import DateInput, ServiceForm, TimeInput
from deptcoord.core.validation import LocalDecimalField
from deptcoord.org.models import TIMEZONE_CHOICES, Department, Membership, TimeOff


class DepartmentForm(ServiceForm):
    """Create or change a department."""

    code = forms.CharField(
        label=_("Code"), max_length=20, help_text=_("Short and unique, e.g. MKT.")
    )
    name_en = forms.CharField(label=_("Name in English"), max_length=150)
    name_vi = forms.CharField(label=_("Name in Vietnamese"), max_length=150)
    parent = forms.ModelChoiceField(
        label=_("Parent department"),
        queryset=Department.objects.none(),
        required=False,
        empty_label=_("— none (top level) —"),
    )
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args, parents=None, **kwargs):
        super().__init__(*args, **kwargs)
        if parents is not None:
            self.fields["parent"].queryset = parents


class PersonForm(ServiceForm):
    """Add or change a person."""

    full_name = forms.CharField(label=_("Full name"), max_length=150)
    email = forms.EmailField(label=_("E-mail"), max_length=254)
    title_en = forms.CharField(label=_("Job title in English"), max_length=150, required=False)
    title_vi = forms.CharField(label=_("Job title in Vietnamese"), max_length=150, required=False)
    primary_department = forms.ModelChoiceField(
        label=_("Department"),
        queryset=Department.objects.none(),
        required=False,
        empty_label=_("— none —"),
    )
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    timezone = forms.ChoiceField(
        label=_("Time zone"), choices=TIMEZONE_CHOICES, initial="Asia/Ho_Chi_Minh"
    )
    language = forms.ChoiceField(
        label=_("Language"),
        choices=[("", _("Browser’s language")), *settings.LANGUAGES],
        required=False,
    )
    weekly_capacity_hours = LocalDecimalField(
        label=_("Weekly capacity (hours)"),
        max_digits=5,
        decimal_places=1,
        initial=40,
        help_text=_("Hours a week this person can give to planned work (0–168)."),
    )
    work_start = forms.TimeField(label=_("Working day starts"), widget=TimeInput, initial="08:30")
    work_end = forms.TimeField(label=_("Working day ends"), widget=TimeInput, initial="17:30")
    working_weekdays = forms.CharField(
        label=_("Working weekdays"),
        max_length=7,
        initial="12345",
        help_text=_("Digits for the working days: 1 is Monday, 7 is Sunday."),
    )

    def __init__(self, *args, departments=None, **kwargs):
        super().__init__(*args, **kwargs)
        if departments is not None:
            self.fields["primary_department"].queryset = departments


class CompanyRolesForm(ServiceForm):
    """Grant or withdraw the company-wide roles."""

    is_admin = forms.BooleanField(label=_("Administrator"), required=False)
    is_executive = forms.BooleanField(label=_("Executive"), required=False)
    is_hr = forms.BooleanField(label=_("HR"), required=False)


class MembershipForm(ServiceForm):
    """Add a person to a department with a role."""

    person = forms.ModelChoiceField(
        label=_("Person"), queryset=None, empty_label=_("— choose a person —")
    )
    role = forms.ChoiceField(
        label=_("Role"), choices=Membership.Role.choices, initial=Membership.Role.MEMBER
    )

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people


class TimeOffForm(ServiceForm):
    """Record time off."""

    start_date = forms.DateField(label=_("First day"), widget=DateInput)
    end_date = forms.DateField(label=_("Last day"), widget=DateInput)
    kind = forms.ChoiceField(label=_("Kind"), choices=TimeOff.Kind.choices)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class ProfileForm(ServiceForm):
    """A person's own settings."""

    language = forms.ChoiceField(
        label=_("Language"),
        choices=[("", _("Browser’s language")), *settings.LANGUAGES],
        required=False,
    )
    timezone = forms.ChoiceField(label=_("Time zone"), choices=TIMEZONE_CHOICES)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
