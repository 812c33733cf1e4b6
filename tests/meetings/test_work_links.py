"""Meetings read work through the work policy: Suggest agenda brings slipped steps and pending
requests, and an agenda item can be about a goal, project, step, request or event the minute
taker may see."""

import pytest
from django.urls import reverse

from deptcoord.meetings import services
from deptcoord.meetings.models import AgendaItem
from deptcoord.work.models import Request
from tests.factories import client_for
from tests.meetings.helpers import actor, schedule
from tests.work.helpers import monday, step

pytestmark = pytest.mark.django_db


def _sync(world):
    return schedule(
        world.coordinator,
        title_en="Marketing weekly",
        participants=[world.member],
        departments=[world.own],
    )


def _day(meeting):
    return meeting.starts_at.astimezone().date()


def test_suggest_agenda_brings_slipped_steps_and_pending_requests(world):
    sync = _sync(world)
    step(world.own, "Pushed banner", flagged=True, slip_days=2, due=monday(1))
    step(world.own, "On time", due=monday(1))
    step(world.other, "Sales slip", slip_days=3, due=monday(1))
    Request.objects.create(
        from_department=world.other,
        to_department=world.own,
        title="Photos for dealers",
        due=monday(2),
        requested_by=world.other_coordinator,
    )
    added = services.agenda_suggest(
        actor=actor(world.coordinator), meeting=sync, occurrence=_day(sync)
    )
    titles = {item.title for item in added}
    assert {"Pushed banner", "Photos for dealers"} <= titles
    assert not {"On time", "Sales slip"} & titles


def test_the_agenda_form_links_only_what_the_minute_taker_may_see(world):
    sync = _sync(world)
    mine = step(world.own, "Landing page", due=monday(1))
    hidden = step(world.other, "Dealer price list", due=monday(1))
    client = client_for(world.coordinator)
    page_url = reverse("meetings:occurrence", args=[sync.pk, _day(sync).isoformat()])
    page = client.get(page_url).content.decode()
    assert f'value="step:{mine.pk}"' in page
    assert f'value="step:{hidden.pk}"' not in page
    add_url = reverse("meetings:agenda_item_create", args=[sync.pk, _day(sync).isoformat()])
    post = {"agenda-title": "Landing page review", "agenda-minutes_allotted": 10}
    refused = client.post(add_url, {**post, "agenda-link": f"step:{hidden.pk}"})
    assert refused.status_code == 200
    assert not AgendaItem.objects.exists()
    done = client.post(add_url, {**post, "agenda-link": f"step:{mine.pk}"})
    assert done.status_code == 302
    assert AgendaItem.objects.get().step == mine
