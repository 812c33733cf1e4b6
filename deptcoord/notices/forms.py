"""Forms of notices."""

from django import forms
from django.utils.translation import gettext_lazy as _

from deptcoord.core.forms import ServiceForm
from deptcoord.notices.models import Delivery
from deptcoord.notices.notifications import kind_default

HOURS = [(hour, f"{hour:02d}:00") for hour in range(24)]


class PreferencesForm(ServiceForm):
    """One choice per kind of notification, and the morning e-mail."""

    morning_briefing = forms.BooleanField(
        label=_("Send me the morning briefing by e-mail"), required=False
    )
    digest_hour = forms.TypedChoiceField(
        label=_("Morning e-mail at"),
        choices=HOURS,
        coerce=int,
        help_text=_("In your own time zone."),
    )

    def __init__(self, *args, kinds: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.kinds = kinds
        for kind, label in kinds.items():
            self.fields[f"kind:{kind}"] = forms.ChoiceField(
                label=label,
                choices=Delivery.choices,
                required=False,
                help_text=_("Unless you choose: %(delivery)s")
                % {"delivery": Delivery(kind_default(kind)).label},
                widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
            )

    def kind_fields(self):
        """The bound fields of the notification kinds, in the form's order."""
        return [self[f"kind:{kind}"] for kind in self.kinds]

    def deliveries(self) -> dict[str, str]:
        """The chosen delivery per kind (kinds left out keep theirs)."""
        return {
            kind: self.cleaned_data[f"kind:{kind}"]
            for kind in self.kinds
            if self.cleaned_data.get(f"kind:{kind}")
        }
