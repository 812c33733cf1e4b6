"""Form selects write their options in Python: the page gets the same HTML as Django's own
select widgets would give, escaped, with the chosen options selected."""

from django import forms
from django.template import Context, Template
from django.test.html import parse_html

from deptcoord.core.forms import QuickSelect, QuickSelectMultiple, ServiceForm

CHOICES = [
    ("", "— choose —"),
    ("Marketing", [("1", "Ngô Đức Tuấn"), ("2", 'Phạm "Tâm" <Hải>')]),
    ("3", "Lê & Trần"),
]


class PickForm(ServiceForm):
    person = forms.ChoiceField(choices=CHOICES)
    people = forms.MultipleChoiceField(choices=CHOICES[1:], required=False)


def test_a_select_renders_as_django_would():
    for value in ("", "2", "3"):
        attrs = {"id": "id_person", "class": "form-select", "required": True}
        ours = QuickSelect(choices=CHOICES).render("person", value, attrs)
        django = forms.Select(choices=CHOICES).render("person", value, attrs)
        assert parse_html(ours) == parse_html(django)
    assert 'value="2" selected>Phạm &quot;Tâm&quot; &lt;Hải&gt;</option>' in QuickSelect(
        choices=CHOICES
    ).render("person", "2")


def test_a_multiple_select_marks_every_chosen_option():
    ours = QuickSelectMultiple(choices=CHOICES[1:]).render("people", ["1", "3"], {"id": "p"})
    django = forms.SelectMultiple(choices=CHOICES[1:]).render("people", ["1", "3"], {"id": "p"})
    assert parse_html(ours) == parse_html(django)
    assert ours.count(" selected") == 2 and " multiple" in ours


def test_service_forms_use_them_and_keep_their_bootstrap_class():
    form = PickForm(initial={"person": "3"})
    assert isinstance(form.fields["person"].widget, QuickSelect)
    assert isinstance(form.fields["people"].widget, QuickSelectMultiple)
    html = str(form["person"])
    assert 'class="form-select"' in html and 'value="3" selected' in html and "required" in html


def test_the_options_tag_writes_escaped_options_with_the_chosen_one_selected():
    template = Template("{% load deptcoord %}{% options people chosen %}")
    html = template.render(Context({"people": [(1, "An"), (2, "<Bình>")], "chosen": 2}))
    assert html == '<option value="1">An</option><option value="2" selected>&lt;Bình&gt;</option>'
