"""The department tree and the company's row are read once per request, and a write of either
within the request is seen by the next reader."""

from datetime import date

from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from deptcoord.core.request_memo import RequestMemo
from deptcoord.org.calendar import days_off_between
from deptcoord.org.models import Department
from deptcoord.org.selectors import company
from deptcoord.org.tree import department_and_teams, parent_of
from tests.factories import DepartmentFactory, client_for
from tests.goals.helpers import goal

TREE_READ = 'FROM "org_department" ORDER BY'


def _tree_reads(captured) -> int:
    return sum(TREE_READ in query["sql"] for query in captured)


def test_a_page_reads_the_department_tree_once(world):
    goal(world.head, department=world.team, title_en="Team goal")
    for person in (world.coordinator, world.member):
        with CaptureQueriesContext(connection) as captured:
            page = client_for(person).get("/goals/")
        assert page.status_code == 200
        assert _tree_reads(captured) <= 1  # the rules of every goal on the page share it
    with CaptureQueriesContext(connection) as captured:
        client_for(world.member).get("/records/?q=team")  # four kinds' rules read the tree
    assert _tree_reads(captured) <= 1


def test_a_department_moved_within_a_request_is_seen_at_once(world):
    seen = {}

    def view(request):
        seen["before"] = department_and_teams(world.own.pk)
        new_team = DepartmentFactory(code="MKT-EV", parent=world.own)
        seen["after"] = department_and_teams(world.own.pk)
        seen["new"] = new_team.pk
        company_row = company()
        company_row.currency = "USD"
        company_row.save()
        seen["currency"] = company().currency
        return HttpResponse()

    RequestMemo(view)(RequestFactory().get("/"))
    assert seen["new"] not in seen["before"] and seen["new"] in seen["after"]
    assert seen["currency"] == "USD"


def test_outside_a_request_each_read_is_fresh(world):
    before = parent_of()
    moved = Department.objects.get(pk=world.team.pk)
    moved.parent = world.other
    moved.save()
    assert before[world.team.pk] == world.own.pk and parent_of()[world.team.pk] == world.other.pk


def test_the_company_row_is_read_once_for_its_holidays_and_its_settings(world):
    company()  # the company's row is made on first use
    reads = []

    def view(request):
        with CaptureQueriesContext(connection) as captured:
            company()
            days_off_between(date(2026, 1, 1), date(2026, 12, 31))
            company()
        reads.append(sum('FROM "org_company"' in query["sql"] for query in captured))
        return HttpResponse()

    RequestMemo(view)(RequestFactory().get("/"))
    assert reads == [1]
