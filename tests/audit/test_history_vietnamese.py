"""History reads right in the reader's language: field labels, choice labels, dates and times as
the page writes them, money, people's names, lists joined, Yes/No, and every old shape of entry
still shown, never a raw value, an ISO timestamp or a Python list."""

import re
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from deptcoord.audit.history import changed_labels, describe
from deptcoord.audit.models import AuditEntry
from deptcoord.audit.services import audit_record
from deptcoord.core.actor import Actor
from deptcoord.org.facts import role_facts_for_person
from deptcoord.work.models import Step
from deptcoord.work.services import step_create, step_update
from tests.factories import client_for
from tests.goals.helpers import check_in, goal, key_result

RAW = ["in_progress", "at_risk", "True", "False", "2026-11-24", "2026-12-07T", "['", "check_in"]


def lines_in(language, target_type, changes, action="x.update"):
    """The (label, before, after) of each line of an entry, read in ``language``."""
    entry = SimpleNamespace(action=action, target_type=target_type, changes=changes)
    with translation.override(language):
        shown = describe(entry)
        return shown.summary, [(line.field, line.before, line.after) for line in shown.lines]


def test_a_choice_reads_as_its_label():
    assert lines_in("vi", "work.Step", {"status": ["in_progress", "todo"]})[1] == [
        ("Trạng thái", "Đang làm", "Cần làm")
    ]
    assert lines_in("en", "work.Step", {"status": ["in_progress", "todo"]})[1] == [
        ("Status", "In progress", "To do")
    ]


def test_a_date_a_time_and_a_moment_read_as_the_page_writes_them():
    _summary, lines = lines_in(
        "vi",
        "people.Feedback",
        {"acknowledged_at": [None, "2026-12-07T00:07:46.476172+00:00"]},
    )
    assert lines == [("Thời điểm xác nhận", "—", "07:07 07/12/2026")]  # Hà Nội time
    assert lines_in("vi", "work.Step", {"due": ["2026-11-24", None]})[1][0][1:] == (
        "24/11/2026",
        "—",
    )
    assert lines_in("vi", "org.Person", {"work_start": ["08:30:00", "09:00:00"]})[1][0][1:] == (
        "08:30",
        "09:00",
    )


def test_money_and_numbers_read_with_the_readers_separators():
    money = {"budget": ["1000000", "2500000"], "currency": ["VND", "VND"]}
    assert lines_in("vi", "work.Project", money)[1][0][1:] == ("1.000.000\xa0₫", "2.500.000\xa0₫")
    assert lines_in("en", "work.Project", money)[1][0][1:] == ("₫1,000,000", "₫2,500,000")
    check_in = {"value": [None, "1234.5"]}
    assert lines_in("vi", "goals.KeyResult", check_in, "goals.key_result.check_in")[1] == [
        ("Giá trị", "—", "1.234,5")
    ]


def test_a_person_a_list_and_a_yes_no():
    person = {"assignee": [None, {"id": 4, "label": "Trần Hoài Vân"}]}
    assert lines_in("vi", "work.Step", person)[1] == [("Người phụ trách", "—", "Trần Hoài Vân")]
    people = {"participant_list": [[], ["Trần Hoài Vân", "Lê Minh (optional)"]]}
    assert lines_in("vi", "meetings.Meeting", people)[1] == [
        ("Người tham dự", "—", "Trần Hoài Vân và Lê Minh (không bắt buộc)")
    ]
    new_shape = [{"id": 4, "label": "Trần Hoài Vân", "required": True}]
    assert lines_in("vi", "meetings.Meeting", {"participant_list": [None, new_shape]})[1][0][2] == (
        "Trần Hoài Vân"
    )
    assert lines_in("vi", "work.Step", {"flagged": [False, True]})[1] == [
        ("Bị gắn cờ", "Không", "Có")
    ]


def test_free_text_stays_as_written():
    text = {"description": ["", "Gọi lại 2026-11-24, in_progress"]}
    assert lines_in("vi", "work.Step", text)[1][0][2] == "Gọi lại 2026-11-24, in_progress"


def test_old_shapes_still_read():
    legacy_check_in = {"check_in": [None, "2026-12-01: 42"], "confidence": [None, "at_risk"]}
    summary, lines = lines_in("vi", "goals.KeyResult", legacy_check_in, "goals.key_result.check_in")
    assert summary == "Đã cập nhật tiến độ."
    assert lines == [
        ("Cập nhật tiến độ", "—", "01/12/2026: 42"),
        ("Mức độ tự tin", "—", "Có rủi ro"),
    ]
    python_list = {"goals": ["[]", "['Tăng doanh thu', 'Giữ khách']"]}
    assert lines_in("vi", "goals.GoalTemplate", python_list)[1][0][1:] == (
        "—",
        "Tăng doanh thu và Giữ khách",
    )
    period = {"period": [None, "2026-01-01/2026-03-31"]}
    assert lines_in("vi", "goals.GoalTemplate", period)[1][0][2] == "01/01/2026 – 31/03/2026"
    assert lines_in("vi", "org.Person", {"role:MKT": ["member", "coordinator"]})[1] == [
        ("Vai trò tại MKT", "Thành viên", "Điều phối viên")
    ]
    assert lines_in("vi", "gone.Model", {"odd_key": [None, "stays"]})[1] == [
        ("Odd key", "—", "stays")
    ]


def test_a_download_and_a_refusal_read_as_sentences():
    export = lines_in("vi", "work.Project", {"format": "xlsx", "rows": 1200}, "work.step.export")
    assert export == ("Đã xuất 1.200 dòng dạng XLSX.", [])
    denied = lines_in("vi", "goals.KeyResult", {"action": "check_in"}, "access.denied")
    assert "cập nhật tiến độ" in denied[0] and "check_in" not in denied[0]


def test_the_activity_feed_names_fields_by_their_labels():
    entry = SimpleNamespace(
        action="work.step.update",
        target_type="work.Step",
        changes={"status": ["todo", "done"], "due": [None, "2026-12-01"], "flagged": [0, 1]},
    )
    with translation.override("vi"):
        assert changed_labels(entry) == "Trạng thái, Hạn hoàn thành và Bị gắn cờ"


@pytest.mark.django_db
def test_a_step_history_panel_reads_in_vietnamese(world):
    actor = Actor(person=world.coordinator, facts=role_facts_for_person(world.coordinator))
    step = step_create(actor=actor, department=world.own, title_en="Print leaflets")
    step = step_update(
        actor=actor,
        step_id=step.pk,
        expected_version=step.version,
        status=Step.Status.IN_PROGRESS,
        due="2026-11-24",
        assignee=world.member,
    )
    audit_record(  # an entry written the way an older version wrote it
        actor=actor,
        kind="update",
        action="work.step.update",
        target=step,
        changes={"flagged": [False, True], "tags": ["[]", "['Trần Hoài Vân']"]},
    )
    client = client_for(world.coordinator)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "vi"
    page = client.get(reverse("work:step", args=[step.pk])).content.decode()
    history = page[page.index('id="history-title"') :]
    history = re.sub(r"<[^>]+>", " ", history[: history.index("</section>")])  # what is read
    for raw in RAW:
        assert raw not in history, raw
    for shown in ("Trạng thái", "Đang làm", "Hạn hoàn thành", "24/11/2026", "Member", "Có"):
        assert shown in history, shown
    assert AuditEntry.objects.filter(target_id=str(step.pk)).count() == 3


def test_notification_settings_read_as_kinds_and_deliveries():
    changes = {"work.assigned": ["immediately", "off"], "morning_briefing": [True, False]}
    summary, lines = lines_in("vi", "org.Person", changes, "reports.preferences.set")
    assert summary == "Đã thay đổi cài đặt thông báo."
    assert lines[0][1:] == ("Gửi email ngay", "Chỉ xem trong ứng dụng")
    assert "work.assigned" not in lines[0][0]
    assert lines[1] == ("E-mail buổi sáng", "Có", "Không")
    new, old = [["work.assigned"]], ["work.assigned", "work.assigned"]  # a change; a bare list
    for kinds in ([[], *new], old):
        line = lines_in("vi", "org.Person", {"digest_kinds_off": kinds}, "reports.unsubscribe")
        assert "work.assigned" not in str(line) and line[1][0][0].startswith("Loại thông báo")


@pytest.mark.django_db
def test_a_check_in_reads_in_vietnamese_on_its_key_results_page(world):
    result = key_result(goal(world.head, department=world.own), world.member)
    made = check_in(result, "1234.5", days_ago=1, confidence="at_risk", note="Chậm hàng")
    client = client_for(world.head)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "vi"
    page = client.get(reverse("goals:key_result_detail", args=[result.pk])).content.decode()
    history = page[page.index('id="history-title"') :]
    history = re.sub(r"<[^>]+>", " ", history[: history.index("</section>")])
    for raw in [*RAW, made.day.isoformat(), "1234.5"]:
        assert raw not in history, raw
    for shown in ("Đã cập nhật tiến độ.", "Có rủi ro", f"{made.day:%d/%m/%Y}", "1.234,5"):
        assert shown in history, shown
