"""Forms of the reports app."""

from django import forms
from django.utils.translation import gettext_lazy as _

from deptcoord.core.forms import DateInput, ServiceForm
from deptcoord.reports.models import StatusReport


class ReportCreateForm(ServiceForm):
    """A department and a period to report on."""

    department = forms.ModelChoiceField(label=_("Department"), queryset=None)
    kind = forms.ChoiceField(label=_("Kind"), choices=StatusReport.Kind.choices)
    period_start = forms.DateField(label=_("Period starts"), widget=DateInput())
    period_end = forms.DateField(label=_("Period ends"), widget=DateInput())

    def __init__(self, *args, departments=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = departments


class NarrativeForm(ServiceForm):
    """The coordinator's words on the period."""

    narrative = forms.CharField(
        label=_("Narrative"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "Markdown: **bold**, lists with “-”, links. What went well, what did not, what you need."
        ),
    )


class SubmitForm(ServiceForm):
    """Who receives the report."""

    recipients = forms.ModelMultipleChoiceField(
        label=_("Send to"),
        queryset=None,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Heads of other departments and executives, found by typing their names."),
    )

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recipients"].queryset = people


class CommentForm(ServiceForm):
    """A comment on a report."""

    body = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}))


class DecisionForm(ServiceForm):
    """Accept the report or send it back."""

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("accept", _("Accept")), ("revise", _("Send back for revision"))],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when you send the report back."),
    )
