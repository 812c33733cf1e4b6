"""Forms of the people pages; the services check the domain rules and their errors land here."""

from django import forms
from django.utils.translation import gettext_lazy as _

from deptcoord.core.forms import DateInput, ServiceForm
from deptcoord.core.validation import LocalIntegerField
from deptcoord.people.models import (
    LEVELS,
    DevelopmentAction,
    DevelopmentPlan,
    Feedback,
    OneOnOne,
)

LEVEL_CHOICES = [(str(level), str(level)) for level in LEVELS]
LEVEL_HELP = _("0 none · 1 aware · 2 basic · 3 independent · 4 advanced · 5 expert")


class DateTimeInput(forms.DateTimeInput):
    """A native date-and-time picker."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


class NamesForm(ServiceForm):
    """English and Vietnamese names."""

    name_en = forms.CharField(label=_("Name (English)"), required=False, max_length=150)
    name_vi = forms.CharField(label=_("Name (Vietnamese)"), required=False, max_length=150)


class SkillCategoryForm(NamesForm):
    """A category of the catalogue."""

    position = LocalIntegerField(label=_("Position"), min_value=0, max_value=999, initial=0)


class SkillForm(NamesForm):
    """A skill of the catalogue."""

    category = forms.ModelChoiceField(label=_("Category"), queryset=None)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    is_active = forms.BooleanField(label=_("Active"), required=False, initial=True)

    def __init__(self, *args, categories=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = categories


class RoleProfileForm(NamesForm):
    """A role profile's names and description."""

    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class RoleTargetsForm(ServiceForm):
    """One target level per skill of the catalogue (empty: no target)."""

    def __init__(self, *args, skills=(), **kwargs):
        super().__init__(*args, **kwargs)
        for skill in skills:
            self.fields[f"skill_{skill.pk}"] = forms.ChoiceField(
                label=skill.name,
                required=False,
                choices=[("", "—"), *LEVEL_CHOICES],
            )
            self.fields[f"skill_{skill.pk}"].category = skill.category

    def targets(self) -> dict:
        """The chosen levels as ``{skill_id: level or None}``."""
        return {
            int(name.removeprefix("skill_")): (value if value != "" else None)
            for name, value in self.cleaned_data.items()
            if name.startswith("skill_")
        }


class FeedbackLevelForm(NamesForm):
    """An escalation level."""

    rank = LocalIntegerField(label=_("Rank"), min_value=1, max_value=99, initial=1)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    is_active = forms.BooleanField(label=_("Active"), required=False, initial=True)


class AssessmentForm(ServiceForm):
    """A level in a skill on a day."""

    skill = forms.ModelChoiceField(label=_("Skill"), queryset=None)
    level = forms.ChoiceField(label=_("Level"), choices=LEVEL_CHOICES, help_text=LEVEL_HELP)
    day = forms.DateField(label=_("Date"), widget=DateInput)
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, skills=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["skill"].queryset = skills


class RoleAssignForm(ServiceForm):
    """The role profile a person holds."""

    role_profile = forms.ModelChoiceField(label=_("Role profile"), queryset=None, required=False)

    def __init__(self, *args, profiles=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role_profile"].queryset = profiles


class PlanForm(ServiceForm):
    """A development plan's period, goal and status."""

    period_start = forms.DateField(label=_("Starts"), widget=DateInput)
    period_end = forms.DateField(label=_("Ends"), widget=DateInput)
    goal = forms.CharField(label=_("Development goal"), widget=forms.Textarea(attrs={"rows": 3}))
    status = forms.ChoiceField(
        label=_("Status"), choices=DevelopmentPlan.Status.choices, initial="active"
    )


class ActionForm(ServiceForm):
    """An action of a development plan."""

    kind = forms.ChoiceField(label=_("Kind"), choices=DevelopmentAction.Kind.choices)
    title = forms.CharField(label=_("What"), max_length=200)
    skill = forms.ModelChoiceField(label=_("Skill"), queryset=None, required=False)
    mentor = forms.ModelChoiceField(label=_("Mentor"), queryset=None, required=False)
    step = forms.ModelChoiceField(
        label=_("Step"),
        queryset=None,
        required=False,
        help_text=_("For a stretch assignment: one of the person’s steps."),
    )
    due = forms.DateField(label=_("Due"), widget=DateInput)

    def __init__(self, *args, skills=None, people=None, steps=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["skill"].queryset = skills
        self.fields["mentor"].queryset = people
        self.fields["step"].queryset = steps


class FeedbackForm(ServiceForm):
    """Praise, advice or a warning for a colleague."""

    subject = forms.ModelChoiceField(label=_("About"), queryset=None)
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=Feedback.Kind.choices,
        widget=forms.Select(attrs={"data-feedback-kind": ""}),
    )
    visibility = forms.ChoiceField(
        label=_("Visibility"),
        choices=Feedback.Visibility.choices,
        help_text=_("Public praise appears on the department’s recognition wall."),
    )
    level = forms.ModelChoiceField(
        label=_("Escalation level"),
        queryset=None,
        required=False,
        help_text=_("Warnings only."),
    )
    body = forms.CharField(label=_("Feedback"), widget=forms.Textarea(attrs={"rows": 4}))
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required for a warning: what happened, when."),
    )

    def __init__(self, *args, people=None, levels=None, kinds=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subject"].queryset = people
        self.fields["level"].queryset = levels
        if kinds is not None:
            self.fields["kind"].choices = [
                choice for choice in Feedback.Kind.choices if choice[0] in kinds
            ]


class FeedbackEditForm(ServiceForm):
    """Correcting feedback before it is acknowledged."""

    visibility = forms.ChoiceField(label=_("Visibility"), choices=Feedback.Visibility.choices)
    level = forms.ModelChoiceField(label=_("Escalation level"), queryset=None, required=False)
    body = forms.CharField(label=_("Feedback"), widget=forms.Textarea(attrs={"rows": 4}))
    reason = forms.CharField(
        label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, levels=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["level"].queryset = levels


class TextForm(ServiceForm):
    """One text: an annotation, a talking point, a private note."""

    body = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 2}))


class OneOnOneForm(ServiceForm):
    """Scheduling a 1:1 with a member."""

    member = forms.ModelChoiceField(label=_("Member"), queryset=None)
    scheduled_at = forms.DateTimeField(label=_("When"), widget=DateTimeInput)

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = people


class OneOnOneEditForm(ServiceForm):
    """Rescheduling a 1:1 or recording that it was held."""

    scheduled_at = forms.DateTimeField(label=_("When"), widget=DateTimeInput)
    status = forms.ChoiceField(label=_("Status"), choices=OneOnOne.Status.choices)


class ActionItemForm(ServiceForm):
    """Something agreed in a 1:1."""

    text = forms.CharField(label=_("Action item"), max_length=300)
    owner = forms.ModelChoiceField(label=_("Who"), queryset=None)
    due = forms.DateField(label=_("Due"), required=False, widget=DateInput)

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = people
