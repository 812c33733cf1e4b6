"""Overdue development actions remind the person and their coordinator, once a day."""

from freezegun import freeze_time

from deptcoord.notices.models import Notification
from deptcoord.people import services
from deptcoord.people.tasks import remind_overdue_actions
from tests.people.helpers import actor, days, plan


def test_overdue_actions_remind_person_and_coordinator_once_a_day(world, catalogue):
    development = plan(world.member, world.coordinator, start=-30)
    overdue = services.action_add(
        actor=actor(world.coordinator),
        plan_id=development.pk,
        kind="training",
        title="SEO course",
        due=days(-2),
    )
    services.action_add(
        actor=actor(world.coordinator),
        plan_id=development.pk,
        kind="training",
        title="Later course",
        due=days(10),
    )
    remind_overdue_actions.call()
    reminded = Notification.objects.filter(kind="people.action_overdue")
    assert sorted(reminded.values_list("recipient__full_name", flat=True)) == [
        "Coordinator",
        "Member",
    ]
    assert "SEO course" in reminded.first().message_en
    remind_overdue_actions.call()
    assert reminded.count() == 2
    with freeze_time(days(1).isoformat() + " 09:00"):
        remind_overdue_actions.call()
    assert reminded.count() == 4
    services.action_mark(actor=actor(world.member), action_id=overdue.pk, done=True)
    with freeze_time(days(2).isoformat() + " 09:00"):
        remind_overdue_actions.call()
    assert reminded.count() == 4
