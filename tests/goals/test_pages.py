"""The goals pages: the tree and its branches, check-ins from a goal page, forms, filters."""

from django.urls import reverse

from deptcoord.goals.models import Goal, KeyResult
from tests.factories import client_for
from tests.goals.helpers import check_in, goal, period


def test_the_tree_shows_top_goals_with_their_first_level(world, goals):
    check_in(goals.reach, 40)
    response = client_for(world.coordinator).get(reverse("goals:tree"))
    rows = response.context["page"].rows
    assert [row.goal for row in rows] == [goals.company]
    assert [child.goal for child in rows[0].children] == [goals.marketing]
    assert rows[0].children[0].goal.progress == 40
    page = response.content.decode()
    assert "Company goal" in page and "Department goal" in page and "40%" in page


def test_the_tree_writes_stored_titles_as_text_and_speaks_vietnamese(world, goals):
    markup = '<b>Grow</b> & "win"'
    Goal.objects.filter(pk=goals.company.pk).update(title_en=markup, title_vi=markup)
    world.coordinator.language = "vi"
    world.coordinator.save()
    page = client_for(world.coordinator).get(reverse("goals:tree"), {"q": ""}).content.decode()
    assert "<b>Grow</b>" not in page
    shown = "&lt;b&gt;Grow&lt;/b&gt; &amp; &quot;win&quot;"
    assert f">{shown}</a>" in page
    assert f"1 mục tiêu con của “{shown}”" in page  # the branch's toggle, told to screen readers
    assert "1 mục tiêu con</span>" in page
    assert f'aria-controls="goal-children-{goals.company.pk}"' in page


def test_a_branch_opens_with_htmx(world, goals):
    team = goal(
        world.team_member,
        level=Goal.Level.TEAM,
        department=world.team,
        parent=goals.marketing,
        title_en="Ads",
    )
    client = client_for(world.head)
    url = reverse("goals:children", kwargs={"pk": goals.marketing.pk}) + "?depth=2"
    response = client.get(url, headers={"HX-Request": "true"})
    assert [row.goal for row in response.context["rows"]] == [team]
    assert "<html" not in response.content.decode() and "Ads" in response.content.decode()


def test_filters_narrow_the_tree_and_the_list(world, goals):
    client = client_for(world.admin)
    response = client.get(reverse("goals:tree"), {"department": world.own.pk})
    assert [row.goal for row in response.context["page"].rows] == [goals.marketing]
    response = client.get(reverse("goals:list"), {"category": "product_launch"})
    assert list(response.context["page"].object_list) == [goals.company]
    response = client.get(reverse("goals:list"), {"period": "2026-Q7"})  # ignored when unknown
    assert response.context["filters"].period != "2026-Q7"
    response = client.get(reverse("goals:tree"), {"q": "nothing like it"})
    assert "No goal matches these filters" in response.content.decode()


def test_a_guest_sees_an_empty_tree(world, goals):
    response = client_for(world.guest).get(reverse("goals:tree"))
    assert response.context["page"].paginator.count == 0


def test_check_in_from_the_goal_page_sends_the_card_back(world, goals):
    client = client_for(world.member)
    url = reverse("goals:check_in", kwargs={"pk": goals.reach.pk})
    response = client.post(
        url,
        {"value": "35", "confidence": "at_risk", "note": "Slow week"},
        headers={"HX-Request": "true"},
    )
    page = response.content.decode()
    assert response.status_code == 200 and f'id="kr-card-{goals.reach.pk}"' in page
    assert "Check-in saved." in page and "35" in page
    assert 'id="goal-summary"' in page and 'hx-swap-oob="true"' in page  # the goal's figures too
    assert KeyResult.objects.get(pk=goals.reach.pk).current_value == 35
    refused = client.post(
        url, {"value": "", "confidence": "on_track"}, headers={"HX-Request": "true"}
    )
    assert refused.status_code == 200 and "invalid-feedback" in refused.content.decode()


def test_check_in_from_the_key_result_page_redirects(world, goals):
    client = client_for(world.head)
    url = reverse("goals:check_in", kwargs={"pk": goals.reach.pk})
    response = client.post(url, {"value": "20", "confidence": "on_track"})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Check-in saved." in page and "kr-chart-data" in page


def test_create_a_goal_aligned_under_a_parent(world, goals):
    client = client_for(world.head)
    form = client.get(reverse("goals:goal_create") + f"?parent={goals.marketing.pk}")
    initial = form.context["form"].initial
    assert (initial["parent"], initial["level"]) == (goals.marketing.pk, "team")
    start, end = period()
    response = client.post(
        reverse("goals:goal_create"),
        {
            "title_en": "Ads",
            "level": "team",
            "department": world.team.pk,
            "owner": world.head.pk,
            "parent": goals.marketing.pk,
            "category": "marketing_strategy",
            "kind": "okr",
            "commitment": "committed",
            "period": "custom",
            "period_start": start.isoformat(),
            "period_end": end.isoformat(),
            "priority": "2",
            "status": "active",
            "weight": "1",
        },
    )
    created = Goal.objects.get(title_en="Ads")
    assert response["Location"] == reverse("goals:goal_detail", kwargs={"pk": created.pk})
    assert created.parent == goals.marketing


def test_a_member_cannot_create_a_department_goal_and_is_told_why(world):
    start, end = period()
    response = client_for(world.member).post(
        reverse("goals:goal_create"),
        {
            "title_en": "Mine",
            "level": "department",
            "department": world.own.pk,
            "owner": world.member.pk,
            "category": "other",
            "kind": "okr",
            "commitment": "committed",
            "period_start": start.isoformat(),
            "period_end": end.isoformat(),
            "priority": "2",
            "status": "active",
        },
    )
    assert response.status_code == 200
    assert "You may not create this goal there" in response.content.decode()
    assert not Goal.objects.exists()


def test_a_stale_edit_shows_the_message_and_keeps_the_other_change(world, goals):
    client = client_for(world.head)
    url = reverse("goals:goal_edit", kwargs={"pk": goals.marketing.pk})
    data = client.get(url).context["form"].initial
    fields = {key: value for key, value in data.items() if value is not None}
    fields.update(
        period_start=goals.marketing.period_start.isoformat(),
        period_end=goals.marketing.period_end.isoformat(),
        title_en="First",
    )
    client.post(url, fields)
    fields["title_en"] = "Second"
    response = client.post(url, fields)
    assert "Someone else changed this record" in response.content.decode()
    assert Goal.objects.get(pk=goals.marketing.pk).title_en == "First"


def test_the_standard_and_template_pages_render(world, goals):
    client = client_for(world.head)
    for name in (
        "goals:standards",
        "goals:templates",
        "goals:standard_create",
        "goals:template_create",
    ):
        assert client.get(reverse(name)).status_code == 200
