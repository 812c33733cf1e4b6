"""A note or a document links to any kind of record its app registered as linkable: goals and
key results, projects, steps, meetings and people resolve through the one registry."""

import pytest
from django.core.exceptions import ValidationError

from deptcoord.org.facts import role_facts_for_person
from deptcoord.records import messages, services
from deptcoord.records.selectors import links_for
from deptcoord.search.linkables import linkable_for_model, linkables
from tests.goals.helpers import goal, key_result
from tests.records.helpers import actor, counts, note


def test_every_app_registers_its_own_linkable_kinds():
    from deptcoord.goals.models import Goal, KeyResult
    from deptcoord.org.models import Person

    kinds = linkables()
    assert {"goal", "key_result", "project", "step", "meeting", "person"} <= set(kinds)
    assert linkable_for_model(Goal).kind == "goal"
    assert linkable_for_model(KeyResult).kind == "key_result"
    assert linkable_for_model(Person).kind == "person"


def test_a_link_to_a_goal_and_a_key_result_shows_their_names_and_pages(world):
    launch = goal(world.head, department=world.own, title_en="Launch SM Home")
    units = key_result(launch, world.member, title_en="Units sold")
    written = note(world.coordinator, world.own, links=[("goal", launch.pk)])
    services.record_link_add(
        actor=actor(world.coordinator), kind="key_result", target_id=units.pk, note_id=written.pk
    )
    rows = links_for(role_facts_for_person(world.member), written)
    assert [(row.linkable.kind, row.name, row.url) for row in rows] == [
        ("goal", "Launch SM Home", f"/goals/{launch.pk}/"),
        ("key_result", "Units sold", f"/goals/key-results/{units.pk}/"),
    ]


def test_a_kind_nobody_registered_cannot_be_linked(world):
    written = note(world.coordinator, world.own)
    before = counts()
    with pytest.raises(ValidationError) as refused:
        services.record_link_add(
            actor=actor(world.coordinator), kind="invoice", target_id=1, note_id=written.pk
        )
    assert refused.value.message_dict["target"] == [str(messages.LINK_UNKNOWN)]
    assert counts() == before
