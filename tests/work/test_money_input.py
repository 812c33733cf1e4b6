"""Amounts typed as each language writes them: an expense of 1.500.000 in Vietnamese is one
and a half million đồng, 1,500,000 in English the same; the budget alert writes money as the
pages do."""

import pytest
from django.urls import reverse
from django.utils import timezone

from deptcoord.work.models import Expense
from tests.factories import client_for
from tests.work.helpers import project


@pytest.mark.parametrize(("language", "typed"), [("vi", "1.500.000"), ("en", "1,500,000")])
def test_an_expense_in_the_viewers_numbers(world, language, typed):
    plan = project(world, budget=10_000_000)
    world.coordinator.language = language
    world.coordinator.save(update_fields=["language"])
    response = client_for(world.coordinator).post(
        reverse("work:expense_add", kwargs={"pk": plan.pk}),
        {"date": timezone.localdate().isoformat(), "amount": typed, "category": "other"},
    )
    assert response.status_code == 302
    assert Expense.objects.get(project=plan).amount == 1_500_000


@pytest.mark.parametrize(("language", "text"), [("vi", "10.000.000\u00a0₫"), ("en", "₫10,000,000")])
def test_the_budget_page_writes_money_in_the_viewers_language(world, language, text):
    plan = project(world, budget=10_000_000)
    world.coordinator.language = language
    world.coordinator.save(update_fields=["language"])
    response = client_for(world.coordinator).get(
        reverse("work:project_budget", kwargs={"pk": plan.pk})
    )
    assert text in response.content.decode()
