"""The plan setup form: what to plan (a department or a project), the time frame, the goals."""

from django import forms
from django.utils.translation import gettext_lazy as _

from deptcoord.core.forms import DateInput, ServiceForm
from deptcoord.goals.models import Goal


class PlanForm(ServiceForm):
    """Plan a department or a project over a time frame."""

    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    department = forms.ModelChoiceField(label=_("Department"), queryset=None, required=False)
    project = forms.ModelChoiceField(
        label=_("Or a project"),
        queryset=None,
        required=False,
        help_text=_("A project is planned across all its departments."),
    )
    start = forms.DateField(label=_("From"), widget=DateInput)
    end = forms.DateField(label=_("To"), widget=DateInput)
    goals = forms.ModelMultipleChoiceField(
        label=_("Goals"),
        queryset=Goal.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave all unticked to plan for the active goals of the period."),
    )

    def __init__(self, *args, departments, projects, goals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = departments
        self.fields["project"].queryset = projects
        self.fields["goals"].queryset = goals
        self.fields["goals"].widget.attrs = {"class": "form-check-input"}
