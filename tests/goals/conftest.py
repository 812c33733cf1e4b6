"""Goals built on the standard small company: a company goal, Marketing's goal under it and a
key result of Marketing's goal owned by the member."""

from dataclasses import dataclass

import pytest

from deptcoord.goals.models import Goal, KeyResult
from tests.goals.helpers import goal, key_result


@dataclass
class Goals:
    """The goals most tests start from."""

    company: Goal
    marketing: Goal
    reach: KeyResult


@pytest.fixture
def goals(world) -> Goals:
    """A company goal, Marketing's goal aligned under it, and its key result (0 → 100)."""
    company = goal(world.executive, level=Goal.Level.COMPANY, category="product_launch")
    marketing = goal(world.head, department=world.own, parent=company)
    return Goals(company, marketing, key_result(marketing, world.member, 0, 100))
