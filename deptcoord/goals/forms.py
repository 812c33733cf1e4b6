"""Forms for goals, key results, check-ins, templates and standards (types only; the services
do the domain checks and their errors land on these fields)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from deptcoord.core.forms import DateInput, ServiceForm
from deptcoord.core.validation import LocalDecimalField
from deptcoord.goals.models import Confidence, Direction, Goal, Metric, Standard
from deptcoord.goals.models.choices import STANDARD_METRICS
from deptcoord.goals.periods import Period, period_label

CUSTOM = "custom"


class PeriodSelect(forms.Select):
    """A period picker whose options carry their dates, so choosing one fills the date fields."""

    def __init__(self, periods: list[Period] = (), attrs=None):
        super().__init__(attrs)
        self.periods = {period.key: period for period in periods}

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        period = self.periods.get(value)
        if period is not None:
            option["attrs"].update(
                {"data-start": period.start.isoformat(), "data-end": period.end.isoformat()}
            )
        return option


def period_field(periods: list[Period]) -> forms.ChoiceField:
    """A preset chooser in front of the two date fields (the dates are what is saved)."""
    choices = [(CUSTOM, _("Custom dates")), *[(period.key, period.label) for period in periods]]
    return forms.ChoiceField(
        label=_("Period"),
        choices=choices,
        required=False,
        widget=PeriodSelect(periods, attrs={"class": "form-select", "data-period-preset": ""}),
        help_text=_("Pick a quarter, month or year, or type the dates below."),
    )


def value_field(label, required: bool = False, **extra) -> forms.DecimalField:
    """A number typed the way the viewer writes numbers (1.234,5 in Vietnamese)."""
    return LocalDecimalField(label=label, required=required, **extra)


class GoalChoiceField(forms.ModelChoiceField):
    """A goal chosen by its title, with its department (or the company) and period."""

    def label_from_instance(self, obj):
        owner = obj.department.name if obj.department_id else obj.get_level_display()
        return f"{obj.title} · {owner} · {period_label(obj.period_start, obj.period_end)}"


class GoalForm(ServiceForm):
    """Create or change a goal."""

    title_en = forms.CharField(label=_("Title in English"), max_length=200, required=False)
    title_vi = forms.CharField(label=_("Title in Vietnamese"), max_length=200, required=False)
    level = forms.ChoiceField(label=_("Level"), choices=Goal.Level.choices)
    department = forms.ModelChoiceField(
        label=_("Department or team"),
        queryset=None,
        required=False,
        empty_label=_("— none (company goal) —"),
    )
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=None)
    parent = GoalChoiceField(
        label=_("Aligned under"),
        queryset=None,
        required=False,
        empty_label=_("— not aligned —"),
        help_text=_("The goal this one contributes to."),
    )
    category = forms.ChoiceField(label=_("Category"), choices=Goal.Category.choices)
    kind = forms.ChoiceField(label=_("Kind"), choices=Goal.Kind.choices)
    commitment = forms.ChoiceField(
        label=_("Commitment"),
        choices=Goal.Commitment.choices,
        help_text=_("Committed goals are expected in full; aspirational OKRs stretch."),
    )
    period_start = forms.DateField(label=_("Period starts"), widget=DateInput)
    period_end = forms.DateField(label=_("Period ends"), widget=DateInput)
    priority = forms.TypedChoiceField(
        label=_("Priority"), choices=Goal.Priority.choices, coerce=int
    )
    status = forms.ChoiceField(label=_("Status"), choices=Goal.Status.choices)
    weight = value_field(
        _("Weight in the parent goal"), help_text=_("1 unless it counts more or less.")
    )
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    private = forms.BooleanField(
        label=_("Private goal"),
        required=False,
        help_text=_(
            "Only its department, those who oversee it and the goals aligned with it can read "
            "it. Leave unticked so that everyone in the company can see what it aims at."
        ),
    )

    def __init__(self, *args, departments, people, parents, periods, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = departments
        self.fields["owner"].queryset = people
        self.fields["parent"].queryset = parents
        self.fields["period"] = period_field(periods)
        self.order_fields(["title_en", "title_vi", "level", "department", "owner", "parent"])


MEASURE_FIELDS = ["metric", "unit", "currency", "milestones", "start_value", "target_value"]


class MeasureFields(ServiceForm):
    """What a key result measures: shared by key results and template key results."""

    title_en = forms.CharField(label=_("Title in English"), max_length=200, required=False)
    title_vi = forms.CharField(label=_("Title in Vietnamese"), max_length=200, required=False)
    metric = forms.ChoiceField(
        label=_("Measured as"),
        choices=Metric.choices,
        widget=forms.Select(attrs={"data-metric": ""}),
    )
    unit = forms.CharField(
        label=_("Unit"),
        max_length=30,
        required=False,
        help_text=_("What is counted, e.g. units, stores, tickets."),
    )
    currency = forms.CharField(label=_("Currency"), max_length=3, required=False, initial="VND")
    milestones = forms.CharField(
        label=_("Milestones"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("One a line, in the order they are reached."),
    )
    start_value = value_field(_("Start value"))
    target_value = value_field(_("Target"))
    direction = forms.ChoiceField(label=_("Direction"), choices=Direction.choices)
    weight = value_field(_("Weight"), help_text=_("How much it counts in the goal (1 by default)."))


class KeyResultForm(MeasureFields):
    """Add or change a key result."""

    owner = forms.ModelChoiceField(label=_("Owner"), queryset=None)
    start_date = forms.DateField(
        label=_("Starts"),
        widget=DateInput,
        required=False,
        help_text=_("Leave empty to use the goal's period."),
    )
    due_date = forms.DateField(label=_("Due"), widget=DateInput, required=False)

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = people


class TemplateKeyResultForm(MeasureFields):
    """A key result every goal rolled out from a template gets."""


class CheckInForm(ServiceForm):
    """A new value, the owner's confidence and a note."""

    value = value_field(_("New value"), required=True)
    confidence = forms.ChoiceField(
        label=_("Confidence"),
        choices=Confidence.choices,
        initial=Confidence.ON_TRACK,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    day = forms.DateField(
        label=_("Measured on"),
        widget=DateInput,
        required=False,
        help_text=_("Today unless you report an earlier value."),
    )

    def __init__(self, *args, key_result, **kwargs):
        super().__init__(*args, **kwargs)
        if key_result.metric == Metric.YES_NO:
            self.initial.setdefault("value", int(key_result.current_value))
            self.fields["value"] = forms.TypedChoiceField(
                label=_("Done?"),
                choices=[(1, _("Done")), (0, _("Not yet"))],
                coerce=int,
                widget=forms.Select(attrs={"class": "form-select"}),
            )
        elif key_result.metric == Metric.MILESTONE:
            reached = [(0, _("None yet"))] + [
                (index, f"{index}. {name}")
                for index, name in enumerate(key_result.milestone_names, start=1)
            ]
            self.initial.setdefault("value", int(key_result.current_value))
            self.fields["value"] = forms.TypedChoiceField(
                label=_("Milestone reached"),
                choices=reached,
                coerce=int,
                widget=forms.Select(attrs={"class": "form-select"}),
            )
        self.fields["confidence"].widget.attrs.pop("class", None)


class TemplateForm(ServiceForm):
    """A goal template's own fields."""

    title_en = forms.CharField(label=_("Title in English"), max_length=200, required=False)
    title_vi = forms.CharField(label=_("Title in Vietnamese"), max_length=200, required=False)
    category = forms.ChoiceField(label=_("Category"), choices=Goal.Category.choices)
    kind = forms.ChoiceField(label=_("Kind"), choices=Goal.Kind.choices, initial=Goal.Kind.KPI)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class NewTemplateForm(TemplateForm):
    """A new template belongs to a department."""

    department = forms.ModelChoiceField(label=_("Department"), queryset=None)

    def __init__(self, *args, departments, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = departments
        self.order_fields(["department"])


class RollOutForm(ServiceForm):
    """Whom to give a personal goal from the template, for which period, under which goal."""

    department = forms.ModelChoiceField(label=_("People of"), queryset=None)
    title_contains = forms.CharField(
        label=_("Whose title contains"),
        max_length=100,
        required=False,
        help_text=_("E.g. “Account executive”. Leave empty for every member."),
    )
    parent = GoalChoiceField(
        label=_("Aligned under"), queryset=None, required=False, empty_label=_("— not aligned —")
    )
    period_start = forms.DateField(label=_("Period starts"), widget=DateInput)
    period_end = forms.DateField(label=_("Period ends"), widget=DateInput)
    status = forms.ChoiceField(
        label=_("Start the goals as"),
        choices=[(Goal.Status.ACTIVE, _("Active")), (Goal.Status.DRAFT, _("Draft"))],
    )

    def __init__(self, *args, departments, parents, periods, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = departments
        self.fields["parent"].queryset = parents
        self.fields["period"] = period_field(periods)
        self.order_fields(["department", "title_contains", "parent", "period"])


class StandardForm(ServiceForm):
    """Define or change a standard."""

    title_en = forms.CharField(label=_("Title in English"), max_length=200, required=False)
    title_vi = forms.CharField(label=_("Title in Vietnamese"), max_length=200, required=False)
    metric = forms.ChoiceField(
        label=_("Measured as"), choices=[(m.value, m.label) for m in STANDARD_METRICS]
    )
    comparison = forms.ChoiceField(label=_("Must be"), choices=Standard.Comparison.choices)
    threshold = value_field(_("Threshold"), required=True)
    unit = forms.CharField(label=_("Unit"), max_length=30, required=False)
    currency = forms.CharField(label=_("Currency"), max_length=3, required=False, initial="VND")
    frequency = forms.ChoiceField(label=_("Measured"), choices=Standard.Frequency.choices)
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=None)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    is_active = forms.BooleanField(label=_("Active"), required=False, initial=True)

    def __init__(self, *args, people, departments=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = people
        if departments is not None:
            self.fields["department"] = forms.ModelChoiceField(
                label=_("Department"),
                queryset=departments,
                widget=forms.Select(attrs={"class": "form-select"}),
            )
            self.order_fields(["department"])
            del self.fields["is_active"]


class MeasurementForm(ServiceForm):
    """A standard's value for a period."""

    day = forms.DateField(
        label=_("Day in the period"),
        widget=DateInput,
        help_text=_("Any day of the week, month or quarter measured."),
    )
    value = value_field(_("Value"), required=True)
    note = forms.CharField(label=_("Note"), max_length=500, required=False)
