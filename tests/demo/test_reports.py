"""The demo company's status reports: Marketing's accepted weekly report about the SM Home
launch, with receipts and comments, and a draft for Sales."""

from django.utils import timezone

from deptcoord.demo import goals as goals_demo
from deptcoord.demo import reports as reports_demo
from deptcoord.demo import work as work_demo
from deptcoord.demo.org import load_demo_company
from deptcoord.reports.models import StatusReport


def test_demo_reports_are_written_once(db):
    today = timezone.localdate()
    load_demo_company("!", today)
    goals_demo.load(today)
    work_demo.load(today)
    reports_demo.load(today)
    reports_demo.load(today)
    marketing = StatusReport.objects.get(department__code="MKT")
    assert marketing.state == StatusReport.State.ACCEPTED
    assert marketing.snapshot["goals"], "the frozen figures name Marketing's goals"
    assert marketing.receipts.count() == 3
    assert marketing.receipts.filter(acknowledged_at__isnull=False).count() == 2
    assert marketing.comments.count() == 2
    assert "SM Home" in marketing.narrative
    sales = StatusReport.objects.get(department__code="SAL")
    assert sales.state == StatusReport.State.DRAFT
    assert StatusReport.objects.count() == 2
