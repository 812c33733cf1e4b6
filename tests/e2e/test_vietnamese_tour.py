"""A walk through every page of the demo company in Vietnamese, on a phone 360 px wide: no
English of the product, no raw stored value, machine date or Python repr, and no page wider than
the phone. A coordinator reads every page; the administrator reads those refused to them."""

import re
import time
from io import StringIO

from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from deptcoord.org.models import Membership, Person
from tests.e2e.page_checks import (
    COLLECT_TEXT,
    MEASURE_WIDTH,
    Finding,
    text_findings,
    untranslated_phrases,
    width_findings,
)
from tests.e2e.tour_pages import ALLAUTH_PAGES, NOT_PAGES, QUERIES, RECORDS, probe_url, walk

PHONE = {"width": 360, "height": 740}

# Counts the htmx requests in flight (a page loads its bell and some panels after it opens),
# so that a page is read once they have landed rather than after a fixed pause.
COUNT_HTMX = """
window.tourPending = 0;
document.addEventListener("htmx:beforeRequest", () => { window.tourPending += 1; });
document.addEventListener("htmx:afterRequest", () => {
  setTimeout(() => { window.tourPending -= 1; }, 50);
});
"""
SETTLED = "() => document.readyState === 'complete' && window.tourPending === 0"

# What looks like a finding but is meant: (URL name or "*", rule, pattern of the detail, why).
INTENTIONAL = [
    ("*", "iso-date", r"^2026-11-30 in «.*30/11/2026", "import help: accepted date formats"),
    ("work:plan_import", "raw-value", r"^skill_level in", "import help names a file column"),
    # A decision filed as a note keeps the title its filer wrote, in the filer's language and
    # date format (the demo's people leave the language to their browser, so English): the
    # note's own text, as stored.
    ("*", "iso-date", r"of “[^”]*”, \d{4}-", "stored decision note titles"),
]


def demo_company(tmp_path, settings):
    """The demo company, every person reading Vietnamese; returns its shared password."""
    settings.VAR_DIR = tmp_path
    call_command("load_demo", stdout=StringIO())
    Person.objects.update(language="vi")
    return (tmp_path / "demo-password.txt").read_text().strip()


def pages_to_visit(admin) -> tuple[list[tuple[str, str]], list[str]]:
    """(URL name, URL) of every page, and the names of patterns the tour does not know."""
    client = Client()
    client.force_login(admin.user)
    pages, unknown = [], []
    for name, arguments, view in walk():
        if name.startswith("api:") or name in NOT_PAGES or "file_format" in arguments:
            continue
        if view.startswith("allauth.") and name not in ALLAUTH_PAGES:
            continue
        if client.get(probe_url(name, arguments)).status_code == 405:
            continue  # answers POST only
        if arguments and name not in RECORDS:
            unknown.append(name)
            continue
        kwargs = RECORDS[name]() if arguments else {}
        query = QUERIES[name]() if name in QUERIES else ""
        pages.append((name, reverse(name, kwargs=kwargs) + query))
    return pages, unknown


def signed_in_tab(browser, live_server, person, password):
    """A phone-sized tab in Vietnamese, signed in through the real form."""
    context = browser.new_context(base_url=live_server.url, locale="vi-VN", viewport=PHONE)
    context.add_init_script(COUNT_HTMX)
    context.set_default_timeout(15000)
    tab = context.new_page()
    tab.goto("/accounts/login/")
    tab.fill("#id_login", person.email)
    tab.fill("#id_password", password)
    tab.locator("main form button[type=submit]").click()
    expect(tab).to_have_url(re.compile(r"/$"))
    return tab


def read(tab, name, english, status) -> tuple[list, list[str]]:
    """Findings on the page open in ``tab``, and the sideways scrollers that are fine."""
    tab.wait_for_function(SETTLED)
    findings = [] if status == 200 else [Finding(name, "status", f"{tab.url} answered {status}")]
    if tab.locator("html").get_attribute("lang") != "vi":
        findings.append(Finding(name, "language", "the page is not in Vietnamese"))
    findings += text_findings(name, tab.evaluate(COLLECT_TEXT), english)
    width, accepted = width_findings(name, tab.evaluate(MEASURE_WIDTH))
    return findings + width, accepted


def expected(finding, entries) -> bool:
    """Whether one of the ``entries`` (INTENTIONAL rows) covers the finding."""
    return any(
        page in ("*", finding.page) and kind == finding.kind and re.search(detail, finding.detail)
        for page, kind, detail, _reason in entries
    )


def test_every_page_reads_in_vietnamese_on_a_phone(browser, live_server, tmp_path, settings):
    started = time.monotonic()
    password = demo_company(tmp_path, settings)
    coordinator = (
        Membership.objects.filter(department__code="MKT", role="coordinator").first().person
    )
    admin = Person.objects.get(email="admin@saomai.vn")
    pages, unknown = pages_to_visit(admin)
    assert unknown == [], "pages with arguments the tour has no demo record for (tour_pages.py)"
    english = untranslated_phrases()

    findings, scrollers, refused = [], [], []
    tab = signed_in_tab(browser, live_server, coordinator, password)
    tab.goto("/accounts/login/")  # signed in: sends them on; the form itself is read below
    navigation = {
        href.split("?")[0]
        for href in tab.eval_on_selector_all("nav a.nav-link[href]", "a => a.map(x => x.pathname)")
    }
    for name, url in pages:
        response = tab.goto(url)
        if response.status in (403, 404):
            refused.append((name, url))
            continue
        found, fine = read(tab, name, english, response.status)
        findings += found
        scrollers += fine

    admin_tab = signed_in_tab(browser, live_server, admin, password)
    for name, url in refused:
        response = admin_tab.goto(url)
        found, fine = read(admin_tab, name, english, response.status)
        findings += found
        scrollers += fine
    signed_out = browser.new_context(base_url=live_server.url, locale="vi-VN", viewport=PHONE)
    signed_out.add_init_script(COUNT_HTMX)
    login = signed_out.new_page()
    login.goto("/accounts/login/")
    found, fine = read(login, "account_login", english, 200)
    findings += found
    signed_out.close()

    visited = {url.split("?")[0] for _name, url in pages}
    assert navigation and navigation <= visited, navigation - visited
    print(f"\n{len(pages)} pages in {time.monotonic() - started:.0f}s; admin only: {refused}")
    print("Sideways scrollers around wide tables or charts:", *sorted(set(scrollers)), sep="\n  ")
    unexpected = sorted({f for f in findings if not expected(f, INTENTIONAL)})
    assert unexpected == [], "\n" + "\n".join(map(str, unexpected))
