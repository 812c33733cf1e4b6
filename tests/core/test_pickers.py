"""Forms choose people, departments, goals and steps with pickers: a plain select that works
without scripts, whose options also carry a short name and a line describing each record (a
person's department and title), in the reader's language, read in one query."""

from django import forms
from django.test.html import parse_html
from django.urls import reverse
from django.utils import translation

from deptcoord.core.forms import ServiceForm
from deptcoord.core.widgets import MultiPicker, Picker
from deptcoord.org.models import Department, Person
from tests.factories import DepartmentFactory, client_for, member


class InviteForm(ServiceForm):
    people = forms.ModelMultipleChoiceField(queryset=None)
    department = forms.ModelChoiceField(queryset=None, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["people"].queryset = Person.objects.order_by("full_name")
        self.fields["department"].queryset = Department.objects.all()


class ProjectDepartmentsForm(ServiceForm):
    departments = forms.ModelMultipleChoiceField(queryset=Department.objects.all())


def test_the_meeting_form_offers_people_with_their_department_and_title(world):
    tuan = member(world.own, full_name="Ngô Đức Tuấn", title_en="Coordinator")
    page = client_for(world.coordinator).get(reverse("meetings:meeting_create"))
    html = page.content.decode()
    select = html[html.index('name="required_people"') - 200 :]
    select = select[: select.index("</select>")]
    assert 'data-picker="many"' in select and 'data-placeholder="Type a name to search…"' in select
    assert 'data-no-results="No match found"' in select
    assert (
        f'<option value="{tuan.pk}" data-name="Ngô Đức Tuấn" data-sub="Marketing · Coordinator">'
        in select
    )
    assert '<label class="form-label" for="id_required_people">' in html


def test_in_vietnamese_the_line_and_the_prompt_are_vietnamese(world):
    member(world.own, full_name="Ngô Đức Tuấn")
    with translation.override("vi"):
        html = str(InviteForm()["people"])
    assert 'data-sub="Phòng Marketing · Chuyên viên"' in html
    assert 'data-placeholder="Gõ tên để tìm…"' in html and "Không tìm thấy" in html


def test_the_options_and_their_lines_are_read_in_one_query(world, django_assert_num_queries):
    for number in range(30):
        member(world.other, full_name=f"Trần Văn {number}")
    form = InviteForm()
    with django_assert_num_queries(1):
        html = str(form["people"])
    assert html.count("data-sub=") == Person.objects.count()


def test_a_short_list_of_departments_stays_a_plain_select_a_long_one_is_a_picker(world):
    assert "data-picker" not in str(InviteForm()["department"])
    assert 'data-picker="many"' in str(ProjectDepartmentsForm()["departments"])
    for _number in range(6):
        DepartmentFactory()
    assert 'data-picker="one"' in str(InviteForm()["department"])


def test_the_form_still_validates_what_was_chosen(world):
    form = InviteForm(data={"people": [world.member.pk, world.peer.pk]})
    assert isinstance(form.fields["people"].widget, MultiPicker)
    assert isinstance(form.fields["department"].widget, Picker)
    assert form.is_valid() and set(form.cleaned_data["people"]) == {world.member, world.peer}
    refused = InviteForm(data={"people": [world.member.pk, 999_999]})
    assert not refused.is_valid() and "people" in refused.errors
    chosen = str(refused["people"])
    assert f'value="{world.member.pk}" data-name="Member"' in chosen
    assert parse_html(chosen).children[0].attributes  # still one well-formed select


def test_a_stored_name_cannot_break_the_page(world):
    member(world.own, full_name='Lê "Tâm" <script>', title_en="A & B")
    html = str(InviteForm()["people"])
    assert 'data-name="Lê &quot;Tâm&quot; &lt;script&gt;"' in html and "A &amp; B" in html
