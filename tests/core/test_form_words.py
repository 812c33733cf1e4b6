"""What a Vietnamese reader sees in forms and on the meeting page: translated blank choices,
times labelled as times, the verb "Record" apart from the noun, a step without a due date
announced in one natural sentence, and a series' repeat rule in words."""

import pytest
from django import forms
from django.utils import translation

from deptcoord.core.forms import ServiceForm
from deptcoord.meetings.forms import AgendaItemForm, MeetingForm
from deptcoord.meetings.rule_words import rule_in_words
from deptcoord.notices.models import Notification
from deptcoord.org.models import Department, Person
from deptcoord.work import services as work
from tests.factories import client_for
from tests.meetings.helpers import next_weekday, schedule
from tests.work.helpers import actor as work_actor
from tests.work.helpers import project

pytestmark = pytest.mark.django_db


class PickForm(ServiceForm):
    department = forms.ModelChoiceField(queryset=Department.objects.all())
    deputy = forms.ModelChoiceField(queryset=Person.objects.all(), required=False)
    kind = forms.ChoiceField(choices=[("", "---------"), ("a", "A")])


def test_every_select_has_a_blank_choice_in_the_readers_language(world):
    with translation.override("vi"):
        html = str(PickForm()) + str(AgendaItemForm(people=Person.objects.all()))
    assert "---------" not in html
    assert '<option value="" selected>— Chọn —</option>' in html
    assert '<option value="" selected>— không có —</option>' in html


def test_a_meetings_start_and_end_are_labelled_as_times(world):
    with translation.override("vi"):
        html = str(MeetingForm(people=Person.objects.none(), departments=Department.objects.none()))
    assert "Giờ bắt đầu" in html and "Giờ kết thúc" in html
    assert "Ngày bắt đầu" not in html


def test_the_record_button_is_a_verb_and_the_record_column_a_noun(world):
    day = next_weekday(1)
    meeting = schedule(world.coordinator, day=day, participants=[world.member])
    client = client_for(world.coordinator)
    page = client.get(
        f"/meetings/{meeting.pk}/{day:%Y-%m-%d}/", HTTP_ACCEPT_LANGUAGE="vi"
    ).content.decode()
    assert "Ghi lại</button>" in page
    with translation.override("vi"):
        assert translation.gettext("Record") == "Bản ghi"


def test_a_step_assigned_without_a_due_date_reads_naturally(world):
    plan = project(world)
    work.step_create(
        actor=work_actor(world.coordinator),
        department=world.own,
        project=plan,
        title_en="Booth design",
        assignee=world.member,
        effort_hours=4,
    )
    notice = Notification.objects.get(recipient=world.member, kind="work.assigned")
    assert notice.message_vi.endswith("“Booth design”. Việc này chưa có hạn chót.")
    assert "hạn chót chưa có" not in notice.message_vi
    assert notice.message_en.endswith("“Booth design”. It has no due date yet.")


def test_the_meeting_page_says_how_a_series_repeats_in_words(world):
    meeting = schedule(
        world.coordinator, rule="FREQ=WEEKLY;BYDAY=TU;COUNT=6", participants=[world.member]
    )
    client = client_for(world.coordinator)
    page = client.get(f"/meetings/{meeting.pk}/", HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "Hằng tuần vào thứ Ba, 6 lần" in page
    assert "FREQ=" not in page.split('id="main"')[1].split("<form")[0]
    page = client.get(f"/meetings/{meeting.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Weekly on Tuesday, 6 times" in page


@pytest.mark.parametrize(
    ("rule", "english", "vietnamese"),
    [
        (
            "FREQ=WEEKLY;BYDAY=TU;COUNT=6",
            "Weekly on Tuesday, 6 times",
            "Hằng tuần vào thứ Ba, 6 lần",
        ),
        (
            "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
            "Every working day, Monday to Friday",
            "Mọi ngày làm việc, từ thứ Hai đến thứ Sáu",
        ),
        (
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;UNTIL=20261231",
            "Every 2 weeks on Thursday, until 2026-12-31",
            "2 tuần một lần vào thứ Năm, đến hết ngày 31/12/2026",
        ),
        (
            "FREQ=MONTHLY;BYDAY=2TU",
            "Monthly on the second Tuesday",
            "Hằng tháng vào thứ Ba tuần thứ hai",
        ),
        ("FREQ=MONTHLY;BYDAY=-1FR;COUNT=1", "Monthly on the last Friday, 1 time", None),
        ("FREQ=DAILY;INTERVAL=3", "Every 3 days", "3 ngày một lần"),
        ("FREQ=MONTHLY;BYMONTHDAY=1,15", "Monthly on day 1 and 15", "Hằng tháng vào ngày 1 và 15"),
        ("FREQ=WEEKLY;BYDAY=TU,TH", "Weekly on Tuesday and Thursday", None),
        ("", "", ""),
    ],
)
def test_the_rules_the_product_writes_are_put_into_words(rule, english, vietnamese):
    with translation.override("en"):
        assert rule_in_words(rule) == english
    if vietnamese is not None:
        with translation.override("vi"):
            assert rule_in_words(rule) == vietnamese


@pytest.mark.parametrize(
    "rule", ["FREQ=HOURLY", "FREQ=WEEKLY;BYSETPOS=1", "FREQ=WEEKLY;UNTIL=20261399", "garbage;;="]
)
def test_a_rule_it_cannot_read_is_shown_as_typed_and_labelled(rule):
    with translation.override("vi"):
        assert rule_in_words(rule) == f"Lặp lại theo quy tắc {rule}"
