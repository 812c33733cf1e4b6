"""Forms for projects, steps, requests, recurring activities, time and expenses (types only; the
services do the domain checks and their errors land on these fields)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from deptcoord.core.forms import DateInput, ServiceForm
from deptcoord.core.validation import LocalDecimalField, LocalIntegerField
from deptcoord.org.models import LEVELS
from deptcoord.work.models import Expense, Project, Step


def hours_field(label, required=False, **extra):
    """Hours typed the way the viewer writes numbers."""
    return LocalDecimalField(label=label, required=required, **extra)


class PersonChoiceField(forms.ModelChoiceField):
    """A person by name and e-mail."""

    def label_from_instance(self, obj):
        return f"{obj.full_name} · {obj.email}"


class ProjectForm(ServiceForm):
    """A project's fields."""

    code = forms.CharField(label=_("Code"), max_length=20)
    title_en = forms.CharField(label=_("Title (English)"), max_length=200, required=False)
    title_vi = forms.CharField(label=_("Title (Vietnamese)"), max_length=200, required=False)
    lead_department = forms.ModelChoiceField(label=_("Lead department"), queryset=None)
    departments = forms.ModelMultipleChoiceField(
        label=_("Participating departments"), queryset=None, required=False
    )
    coordinator = PersonChoiceField(label=_("Coordinator"), queryset=None)
    goals = forms.ModelMultipleChoiceField(label=_("Goals served"), queryset=None, required=False)
    invited = forms.ModelMultipleChoiceField(
        label=_("Invited guests"),
        queryset=None,
        required=False,
        help_text=_("People outside the departments taking part who may follow the project."),
    )
    start = forms.DateField(label=_("Starts"), widget=DateInput)
    end = forms.DateField(label=_("Ends"), widget=DateInput)
    status = forms.ChoiceField(label=_("Status"), choices=Project.Status.choices)
    budget = LocalDecimalField(label=_("Planned budget"), required=False)
    currency = forms.CharField(label=_("Currency"), max_length=3, initial="VND")
    budget_alert_percent = LocalIntegerField(
        label=_("Alert at this share of the budget (percent)"), initial=80, required=False
    )
    description = forms.CharField(label=_("Description"), widget=forms.Textarea, required=False)

    def __init__(self, *args, departments, lead_departments, people, goals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead_department"].queryset = lead_departments
        self.fields["departments"].queryset = departments
        self.fields["coordinator"].queryset = people
        self.fields["invited"].queryset = people
        self.fields["goals"].queryset = goals
        self.fields["departments"].widget.attrs["size"] = 6


class StepForm(ServiceForm):
    """A step's fields."""

    title_en = forms.CharField(label=_("Title (English)"), max_length=200, required=False)
    title_vi = forms.CharField(label=_("Title (Vietnamese)"), max_length=200, required=False)
    department = forms.ModelChoiceField(label=_("Department"), queryset=None)
    assignee = PersonChoiceField(label=_("Assignee"), queryset=None, required=False)
    effort_hours = hours_field(_("Effort (hours)"))
    start = forms.DateField(label=_("Starts"), widget=DateInput, required=False)
    due = forms.DateField(label=_("Due"), widget=DateInput, required=False)
    status = forms.ChoiceField(label=_("Status"), choices=Step.Status.choices)
    progress = LocalIntegerField(label=_("Progress (%)"), required=False)
    priority = forms.TypedChoiceField(
        label=_("Priority"), choices=Step.Priority.choices, coerce=int
    )
    is_milestone = forms.BooleanField(label=_("Milestone"), required=False)
    required_skill = forms.ModelChoiceField(
        label=_("Required skill"),
        queryset=None,
        required=False,
        help_text=_("The planner gives the step only to people assessed at this level or above."),
    )
    required_level = forms.TypedChoiceField(
        label=_("Required level"),
        choices=[("", "—")] + [(level, str(level)) for level in LEVELS],
        coerce=int,
        empty_value=None,
        required=False,
    )
    description = forms.CharField(label=_("Description"), widget=forms.Textarea, required=False)

    def __init__(self, *args, departments, people, skills, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = departments
        self.fields["assignee"].queryset = people
        self.fields["required_skill"].queryset = skills
        self.fields["description"].widget.attrs["rows"] = 3


class ProgressForm(ServiceForm):
    """What the assignee changes: status and progress."""

    status = forms.ChoiceField(label=_("Status"), choices=Step.Status.choices)
    progress = LocalIntegerField(label=_("Progress (%)"), required=False)


class DependencyForm(ServiceForm):
    """A step this one waits for."""

    predecessor = forms.ModelChoiceField(label=_("Waits for"), queryset=None)
    lag_days = LocalIntegerField(label=_("Lag (working days)"), initial=0, required=False)

    def __init__(self, *args, steps, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["predecessor"].queryset = steps
        self.fields["predecessor"].label_from_instance = _step_label


def _step_label(step):
    project = step.project.code if step.project_id else "—"
    return f"{step.title} · {step.department.code} · {project}"


class CommentForm(ServiceForm):
    """A comment; @name mentions the person whose e-mail starts with name."""

    body = forms.CharField(
        label=_("Comment"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Mention someone with @ and the part of their e-mail before the @."),
    )


class TimeForm(ServiceForm):
    """Time spent on a step."""

    date = forms.DateField(label=_("Date"), widget=DateInput)
    hours = hours_field(_("Hours"), required=True)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class ExpenseForm(ServiceForm):
    """Money spent on a project."""

    date = forms.DateField(label=_("Date"), widget=DateInput)
    amount = LocalDecimalField(label=_("Amount"))
    category = forms.ChoiceField(label=_("Category"), choices=Expense.Category.choices)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class RequestForm(ServiceForm):
    """A request for work to another department."""

    from_department = forms.ModelChoiceField(label=_("From"), queryset=None)
    to_department = forms.ModelChoiceField(label=_("To"), queryset=None)
    title = forms.CharField(label=_("What"), max_length=200)
    reason = forms.CharField(
        label=_("Why"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    due = forms.DateField(label=_("Needed by"), widget=DateInput)
    effort_hours = hours_field(_("Effort (hours)"))
    project = forms.ModelChoiceField(label=_("Project"), queryset=None, required=False)

    def __init__(self, *args, from_departments, to_departments, projects, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["from_department"].queryset = from_departments
        self.fields["to_department"].queryset = to_departments
        self.fields["project"].queryset = projects


class AcceptForm(ServiceForm):
    """Accepting a request: who does it and, possibly, another date."""

    assignee = PersonChoiceField(label=_("Assignee"), queryset=None, required=False)
    proposed_due = forms.DateField(
        label=_("Proposed date"),
        widget=DateInput,
        required=False,
        help_text=_("Leave empty to deliver by the date asked."),
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = people


class DeclineForm(ServiceForm):
    """Declining a request, with the reason."""

    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


class RecurringForm(ServiceForm):
    """A recurring department activity."""

    department = forms.ModelChoiceField(label=_("Department"), queryset=None)
    title_en = forms.CharField(label=_("Title (English)"), max_length=200, required=False)
    title_vi = forms.CharField(label=_("Title (Vietnamese)"), max_length=200, required=False)
    rrule = forms.CharField(
        label=_("Recurrence rule"),
        max_length=500,
        help_text=_("RFC 5545, for example FREQ=WEEKLY;BYDAY=FR for every Friday."),
    )
    starts_on = forms.DateField(label=_("First occurrence on or after"), widget=DateInput)
    effort_hours = hours_field(_("Effort (hours)"))
    assignee = PersonChoiceField(label=_("Assignee"), queryset=None, required=False)
    lead_days = LocalIntegerField(label=_("Create steps this many days ahead"), initial=14)
    is_active = forms.BooleanField(label=_("Active"), required=False, initial=True)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args, departments, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = departments
        self.fields["assignee"].queryset = people
