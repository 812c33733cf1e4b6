"""Forms of the meetings pages; the services do the domain checks."""

from django import forms
from django.utils.translation import gettext_lazy as _

from deptcoord.core.forms import DateInput, ServiceForm, TimeInput
from deptcoord.core.validation import LocalIntegerField
from deptcoord.meetings.models import Event, Meeting
from deptcoord.org.models import TIMEZONE_CHOICES

REPEAT_CHOICES = [
    ("", _("Does not repeat")),
    ("daily", _("Every working day (Monday to Friday)")),
    ("weekly", _("Every week on the same day")),
    ("biweekly", _("Every two weeks on the same day")),
    ("monthly", _("Every month on the same weekday (e.g. 2nd Tuesday)")),
    ("custom", _("Custom rule (RRULE)")),
]
WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def build_rule(repeat: str, day, until=None, count=None, raw: str = "") -> str:
    """An RRULE from the builder's choices (a raw rule is used as typed)."""
    if repeat == "custom":
        return raw.strip()
    if not repeat or day is None:
        return ""
    weekday = WEEKDAYS[day.weekday()]
    rule = {
        "daily": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
        "weekly": f"FREQ=WEEKLY;BYDAY={weekday}",
        "biweekly": f"FREQ=WEEKLY;INTERVAL=2;BYDAY={weekday}",
        "monthly": f"FREQ=MONTHLY;BYDAY={(day.day - 1) // 7 + 1}{weekday}",
    }[repeat]
    if count:
        rule += f";COUNT={count}"
    elif until:
        rule += f";UNTIL={until:%Y%m%d}"
    return rule


def describe_rule(rule: str) -> str:
    """Which builder choice a stored rule matches ("custom" when none)."""
    if not rule:
        return ""
    core = ";".join(p for p in rule.split(";") if not p.startswith(("UNTIL", "COUNT")))
    if core == "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR":
        return "daily"
    if core.startswith("FREQ=WEEKLY;INTERVAL=2;BYDAY=") and "," not in core:
        return "biweekly"
    if core.startswith("FREQ=WEEKLY;BYDAY=") and "," not in core:
        return "weekly"
    if core.startswith("FREQ=MONTHLY;BYDAY="):
        return "monthly"
    return "custom"


class PeopleField(forms.ModelMultipleChoiceField):
    """People from any department, named with their department."""

    widget = forms.SelectMultiple(attrs={"size": 8})

    def label_from_instance(self, obj):
        department = obj.primary_department.name if obj.primary_department else ""
        return f"{obj.full_name} · {department}" if department else obj.full_name


class WhenFields(ServiceForm):
    """Date, times and zone of a meeting or an occurrence."""

    day = forms.DateField(label=_("Date"), widget=DateInput)
    start_time = forms.TimeField(label=_("Start time"), widget=TimeInput)
    end_time = forms.TimeField(label=_("End time"), widget=TimeInput)


class MeetingForm(WhenFields):
    """A meeting or series: when, where, who, and how it repeats."""

    title_en = forms.CharField(label=_("Title (English)"), max_length=200, required=False)
    title_vi = forms.CharField(label=_("Title (Vietnamese)"), max_length=200, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=Meeting.Kind.choices)
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=TIMEZONE_CHOICES)
    repeat = forms.ChoiceField(label=_("Repeats"), choices=REPEAT_CHOICES, required=False)
    until = forms.DateField(label=_("Until"), widget=DateInput, required=False)
    count = LocalIntegerField(
        label=_("Number of meetings"), min_value=1, max_value=500, required=False
    )
    rrule = forms.CharField(
        label=_("Recurrence rule (RRULE)"),
        max_length=500,
        required=False,
        help_text=_("For example FREQ=WEEKLY;BYDAY=TU,TH or FREQ=MONTHLY;BYMONTHDAY=1."),
    )
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    video_link = forms.URLField(label=_("Video link"), max_length=500, required=False)
    required_people = PeopleField(label=_("Required participants"), queryset=None, required=False)
    optional_people = PeopleField(label=_("Optional participants"), queryset=None, required=False)
    guests = forms.CharField(
        label=_("External guests"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("E-mail addresses, one per line."),
    )
    departments = forms.ModelMultipleChoiceField(
        label=_("Departments taking part"),
        queryset=None,
        required=False,
        help_text=_("Left empty: the departments of the people invited."),
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, people, departments, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["required_people"].queryset = people
        self.fields["optional_people"].queryset = people
        self.fields["departments"].queryset = departments
        self.fields["rrule"].widget.attrs["data-rule-raw"] = ""
        self.fields["repeat"].widget.attrs["data-rule-repeat"] = ""

    def guest_list(self) -> list[str]:
        """The guests' e-mail addresses as typed (the service checks them)."""
        text = self.cleaned_data.get("guests") or ""
        return [line.strip() for line in text.replace(",", "\n").splitlines() if line.strip()]


class OccurrenceMoveForm(WhenFields):
    """Move one occurrence."""

    note = forms.CharField(label=_("Note for the invitees"), max_length=300, required=False)


class AgendaItemForm(ServiceForm):
    """A new agenda item."""

    title = forms.CharField(label=_("Item"), max_length=200)
    presenter = forms.ModelChoiceField(label=_("Presenter"), queryset=None, required=False)
    minutes_allotted = LocalIntegerField(label=_("Minutes"), initial=10, min_value=1, max_value=240)
    link = forms.ChoiceField(
        label=_("Related to"),
        required=False,
        help_text=_("A goal, project, step, request or event the item is about."),
    )

    def __init__(self, *args, people, links=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["presenter"].queryset = people
        self.fields["link"].choices = [("", "—"), *links]


class AgendaItemEditForm(ServiceForm):
    """An agenda item's title, presenter and time."""

    title = forms.CharField(label=_("Item"), max_length=200)
    presenter = forms.ModelChoiceField(label=_("Presenter"), queryset=None, required=False)
    minutes_allotted = LocalIntegerField(label=_("Minutes"), min_value=1, max_value=240)

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["presenter"].queryset = people


class NotesForm(ServiceForm):
    """The notes taken on an agenda item."""

    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    shared_with_hr = forms.BooleanField(label=_("Share these notes with HR"), required=False)


class DecisionForm(ServiceForm):
    """A decision taken."""

    text = forms.CharField(label=_("Decision"), widget=forms.Textarea(attrs={"rows": 2}))


class ActionItemForm(ServiceForm):
    """A new action item."""

    title = forms.CharField(label=_("Action"), max_length=200)
    assignee = forms.ModelChoiceField(
        label=_("Assignee"), queryset=None, required=False, help_text=_("Left empty: you.")
    )
    due_date = forms.DateField(label=_("Due"), widget=DateInput, required=False)

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = people


class FindTimeForm(ServiceForm):
    """Who, how long and when to search for a common free time."""

    required_people = PeopleField(label=_("Required participants"), queryset=None)
    optional_people = PeopleField(label=_("Optional participants"), queryset=None, required=False)
    must_attend = PeopleField(label=_("Must attend"), queryset=None, required=False)
    duration = LocalIntegerField(
        label=_("Length (minutes)"), initial=60, min_value=1, max_value=720
    )
    window_start = forms.DateField(label=_("From"), widget=DateInput)
    window_end = forms.DateField(label=_("To (inclusive)"), widget=DateInput)
    quorum = LocalIntegerField(
        label=_("Quorum (%)"),
        initial=100,
        min_value=0,
        max_value=1000,
        help_text=_("Accept slots where this share of the required participants can come."),
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("required_people", "optional_people", "must_attend"):
            self.fields[name].queryset = people


class EventForm(ServiceForm):
    """An event on the company calendar."""

    title_en = forms.CharField(label=_("Title (English)"), max_length=200, required=False)
    title_vi = forms.CharField(label=_("Title (Vietnamese)"), max_length=200, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=Event.Kind.choices)
    start_date = forms.DateField(label=_("First day"), widget=DateInput)
    end_date = forms.DateField(label=_("Last day"), widget=DateInput, required=False)
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    departments = forms.ModelMultipleChoiceField(
        label=_("Departments involved"), queryset=None, required=False
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, departments, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["departments"].queryset = departments
