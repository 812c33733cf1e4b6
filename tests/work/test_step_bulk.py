"""Changing several steps at once: all of them or none, each checked as a single edit is,
each recorded, assignees told as for single edits."""

import json
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.urls import reverse

from deptcoord.audit.models import AuditEntry
from deptcoord.notices.models import Notification
from deptcoord.work import services
from deptcoord.work.models import Step
from deptcoord.work.services.steps import StaleStepsError
from tests.factories import client_for
from tests.work.helpers import actor, monday, project, step

pytestmark = pytest.mark.django_db


def _three(world, plan=None, **fields):
    plan = plan or project(world)
    start = monday(0)
    return [
        step(world.own, f"Step {index}", plan, start=start, due=start + timedelta(days=3), **fields)
        for index in range(3)
    ]


def _items(steps):
    return [(made.pk, made.version) for made in steps]


def test_a_due_date_for_three_steps_at_once_is_recorded_for_each(world):
    steps = _three(world)
    new_due = monday(2)
    changed = services.steps_bulk_update(
        actor=actor(world.coordinator), items=_items(steps), due=new_due
    )
    assert len(changed) == 3
    for made in steps:
        made.refresh_from_db()
        assert made.due == new_due
        assert made.version == 2
    entries = AuditEntry.objects.filter(action="work.step.bulk_update")
    assert sorted(int(entry.target_id) for entry in entries) == sorted(s.pk for s in steps)
    assert all("due" in entry.changes for entry in entries)


def test_assigning_three_steps_of_a_project_makes_one_notification(world):
    steps = _three(world)
    services.steps_bulk_update(
        actor=actor(world.coordinator), items=_items(steps), assignee=world.member
    )
    notes = Notification.objects.filter(recipient=world.member, kind="work.assigned")
    assert notes.count() == 1
    assert notes.get().count == 3
    assert "3" in notes.get().message_en
    assert set(Step.objects.values_list("assignee", flat=True)) == {world.member.pk}


def test_one_stale_version_refuses_the_whole_change_naming_the_step(world):
    steps = _three(world)
    Step.objects.filter(pk=steps[1].pk).update(version=5)
    with pytest.raises(StaleStepsError) as refusal:
        services.steps_bulk_update(
            actor=actor(world.coordinator), items=_items(steps), status="done"
        )
    assert "Step 1" in str(refusal.value.message)
    assert "Step 0" not in str(refusal.value.message)
    assert not Step.objects.filter(status="done").exists()
    assert not AuditEntry.objects.filter(action="work.step.bulk_update").exists()


def test_a_hidden_step_answers_as_not_found_and_nothing_changes(world):
    steps = _three(world)
    hidden = step(world.other, "Sales only", None, start=monday(0), due=monday(1))
    with pytest.raises(Http404):
        services.steps_bulk_update(
            actor=actor(world.member),
            items=[*_items(steps), (hidden.pk, hidden.version)],
            status="in_progress",
        )
    with pytest.raises(Http404):
        services.steps_bulk_update(
            actor=actor(world.coordinator), items=[(999999, 1)], status="done"
        )
    assert not Step.objects.filter(status="in_progress").exists()


def test_a_due_date_before_a_start_refuses_all_naming_the_step(world):
    steps = _three(world)
    late = steps[2]
    Step.objects.filter(pk=late.pk).update(start=monday(3), due=monday(4))
    late.refresh_from_db()
    with pytest.raises(ValidationError) as refusal:
        services.steps_bulk_update(
            actor=actor(world.coordinator), items=_items(steps), due=monday(1)
        )
    text = " ".join(refusal.value.message_dict["due"])
    assert "Step 2" in text and "Step 0" not in text
    assert not Step.objects.filter(due=monday(1)).exists()


def test_an_assignee_outside_the_department_is_refused_for_all(world):
    steps = _three(world)
    with pytest.raises(ValidationError) as refusal:
        services.steps_bulk_update(
            actor=actor(world.coordinator), items=_items(steps), assignee=world.other_member
        )
    assert len(refusal.value.message_dict["assignee"]) == 3
    assert not Step.objects.filter(assignee__isnull=False).exists()
    assert not Notification.objects.exists()


def test_the_assignee_moves_their_own_steps_along_but_may_not_redate_them(world):
    steps = _three(world, assignee=world.member)
    services.steps_bulk_update(actor=actor(world.member), items=_items(steps), status="done")
    assert set(Step.objects.values_list("status", flat=True)) == {"done"}
    assert set(Step.objects.values_list("progress", flat=True)) == {100}
    for made in steps:
        made.refresh_from_db()
    with pytest.raises(PermissionDenied) as refusal:
        services.steps_bulk_update(actor=actor(world.member), items=_items(steps), due=monday(3))
    assert "Step 0" in str(refusal.value.message)
    assert not Step.objects.filter(due=monday(3)).exists()


def test_nothing_selected_or_nothing_to_change_is_refused(world):
    steps = _three(world)
    with pytest.raises(ValidationError):
        services.steps_bulk_update(actor=actor(world.coordinator), items=[], status="done")
    with pytest.raises(ValidationError):
        services.steps_bulk_update(actor=actor(world.coordinator), items=_items(steps))


def _post(client, body):
    return client.post("/api/v1/steps/bulk", data=json.dumps(body), content_type="application/json")


def test_the_api_changes_several_steps_or_none(world):
    steps = _three(world)
    client = client_for(world.coordinator)
    new_due = monday(2)
    body = {"items": [{"id": s.pk, "version": s.version} for s in steps], "due": str(new_due)}
    response = _post(client, body)
    assert response.status_code == 200, response.content
    assert response.json()["updated"] == 3
    assert {item["due"] for item in response.json()["steps"]} == {new_due.isoformat()}
    # The same versions again are stale now: 409 naming the steps, nothing changed.
    body["due"] = str(monday(3))
    response = _post(client, body)
    assert response.status_code == 409
    assert "Step 0" in response.json()["detail"]
    assert not Step.objects.filter(due=monday(3)).exists()
    # A hidden step answers 404; someone outside the department 422 per step.
    hidden = step(world.other, "Sales only", None)
    fresh = [{"id": s.pk, "version": s.version + 1} for s in steps]
    response = _post(
        client_for(world.member),
        {"items": [*fresh, {"id": hidden.pk, "version": 1}], "status": "done"},
    )
    assert response.status_code == 404
    response = _post(client, {"items": fresh, "assignee_id": world.other_member.pk})
    assert response.status_code == 422
    assert len(response.json()["errors"]) == 3
    assert response.json()["errors"][0]["field"] == "assignee"
    response = _post(client, {"items": fresh, "assignee_id": None})
    assert response.status_code == 200


def test_the_bulk_change_is_in_the_contract_with_its_errors(world):
    schema = client_for(world.coordinator).get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/steps/bulk"]["post"]
    assert {"403", "404", "409", "422"} <= set(operation["responses"])


def _htmx(client, url, data):
    return client.post(url, data, HTTP_HX_REQUEST="true")


def test_the_project_page_changes_the_selected_steps_and_says_how_many(world):
    plan = project(world)
    steps = _three(world, plan)
    client = client_for(world.coordinator)
    url = reverse("work:project", args=[plan.pk])
    picked = [f"{made.pk}:{made.version}" for made in steps]
    response = _htmx(client, url, {"step": picked, "due": monday(2).isoformat()})
    assert response.status_code == 200
    assert "Updated 3 steps." in response.content.decode()
    assert set(Step.objects.values_list("due", flat=True)) == {monday(2)}
    # The same versions again: refused, naming the steps, nothing changed, still selected.
    response = _htmx(client, url, {"step": picked, "status": "done"})
    page = response.content.decode()
    assert "Nothing was changed" in page and "“Step 0”" in page
    assert page.count("checked") == 3
    assert not Step.objects.filter(status="done").exists()


def test_vietnamese_result_of_a_bulk_change(world):
    steps = _three(world)
    world.coordinator.language = "vi"
    world.coordinator.save()
    client = client_for(world.coordinator)
    response = _htmx(
        client,
        reverse("work:department_steps", args=[world.own.pk]),
        {"step": [f"{s.pk}:{s.version}" for s in steps], "status": "in_progress"},
    )
    assert "Đã cập nhật 3 việc" in response.content.decode()


def test_a_status_changed_in_place_comes_back_in_its_row(world):
    made = _three(world, assignee=world.member)[0]
    client = client_for(world.member)
    url = reverse("work:step_inline", args=[made.pk])
    response = _htmx(
        client, url, {"field": "status", "status": "in_progress", "version": made.version}
    )
    row = response.content.decode()
    assert response.status_code == 200
    assert row.strip().startswith(f'<tr id="step-row-{made.pk}"')
    assert 'value="in_progress" selected' in row
    made.refresh_from_db()
    assert made.status == "in_progress" and made.version == 2
    # A stale version: the row says why and shows the step as it is.
    response = _htmx(client, url, {"field": "status", "status": "done", "version": 1})
    row = response.content.decode()
    assert "Someone else changed this record" in row
    assert 'value="in_progress" selected' in row
    made.refresh_from_db()
    assert made.status == "in_progress"
    # The assignee may not move the due date: the row has no date field for them.
    assert 'name="due"' not in row
    response = _htmx(client, url, {"field": "due", "due": "2030-01-01", "version": 2})
    assert response.status_code == 403


def test_a_due_date_before_the_start_is_refused_in_the_row(world):
    made = _three(world)[0]
    client = client_for(world.coordinator)
    url = reverse("work:step_inline", args=[made.pk])
    early = made.start - timedelta(days=1)
    response = _htmx(client, url, {"field": "due", "due": early.isoformat(), "version": 1})
    assert "before the start" in response.content.decode()
    made.refresh_from_db()
    assert made.due != early


def test_a_hidden_step_cannot_be_changed_in_place(world):
    hidden = step(world.other, "Sales only", None)
    response = _htmx(
        client_for(world.member),
        reverse("work:step_inline", args=[hidden.pk]),
        {"field": "status", "status": "done", "version": 1},
    )
    assert response.status_code == 404


def test_my_steps_show_due_dates_and_undated_steps_last(world):
    undated = step(world.own, "Undated", None, assignee=world.member)
    dated = step(world.own, "Dated", None, assignee=world.member, due=monday(1))
    page = client_for(world.member).get(reverse("work:my_steps")).content.decode()
    assert page.index("Dated") < page.index("Undated")
    assert monday(1).isoformat() in page
    assert "No due date" in page
    assert dated.pk and undated.pk


def test_done_steps_are_folded_under_the_open_ones(world):
    plan = project(world)
    steps = _three(world, plan)
    Step.objects.filter(pk=steps[0].pk).update(status="done")
    page = client_for(world.coordinator).get(reverse("work:project", args=[plan.pk]))
    text = page.content.decode()
    assert "1 step done" in text
    assert text.index("Step 1") < text.index("<details") < text.index("Step 0")


def test_each_row_offers_its_department_with_its_assignee_chosen(world):
    plan = project(world)
    start = monday(0)
    mine = step(world.own, "Member's", plan, start=start, due=start, assignee=world.member)
    lent = step(world.own, "Lent", plan, start=start, due=start, assignee=world.other_member)
    open_ = step(world.own, "Nobody's", plan, start=start, due=start)
    page = client_for(world.coordinator).get(reverse("work:project", args=[plan.pk]))
    text = page.content.decode()

    def assignee_select(made):
        start_at = text.index(f'id="assignee-{made.pk}"')
        return text[start_at : text.index("</select>", start_at)]

    member_row = assignee_select(mine)
    assert f'<option value="{world.member.pk}" selected>' in member_row
    assert f'value="{world.other_member.pk}"' not in member_row  # Sales is not offered
    lent_row = assignee_select(lent)
    # Someone from another department keeps the step, offered first and chosen.
    assert lent_row.index(f'<option value="{world.other_member.pk}" selected>') < lent_row.index(
        f'value="{world.member.pk}"'
    )
    nobody_row = assignee_select(open_)
    assert 'value="none" selected' in nobody_row and "selected>" not in nobody_row.replace(
        'value="none" selected>', ""
    )


def test_a_title_with_markup_and_quotes_is_text_everywhere_in_its_row(world):
    plan = project(world)
    start = monday(0)
    title = """<b>Launch</b> 'A' & "B" {"field": "x"}"""
    made = step(world.own, title, plan, start=start, due=start, assignee=world.member)
    world.coordinator.language = "vi"
    world.coordinator.save()
    page = client_for(world.coordinator).get(reverse("work:project", args=[plan.pk]))
    text = page.content.decode()
    row = text[text.index(f'<tr id="step-row-{made.pk}"') :]
    row = row[: row.index("</tr>")]
    assert "<b>" not in row
    shown = "&lt;b&gt;Launch&lt;/b&gt; &#x27;A&#x27; &amp; &quot;B&quot; {&quot;field&quot;: &quot;x&quot;}"
    assert row.count(shown) == 5  # the link, and the labels of the checkbox and three controls
    assert f"Trạng thái của “{shown}”" in row
    # each control still posts its own field and version
    for field in ("assignee", "due", "status"):
        values = f"""hx-vals='{{"field": "{field}", "version": "1", "layout": "project"}}'"""
        assert values in row
