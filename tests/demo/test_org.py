"""The demo company a new installation shows."""

from django.core.management import call_command

from deptcoord.audit.services import verify_chain
from deptcoord.org.models import Department, Membership, Person, TimeOff


def test_demo_company_loads_once(db, settings, tmp_path, capsys):
    settings.VAR_DIR = tmp_path
    call_command("load_demo")
    output = capsys.readouterr().out
    assert "admin@saomai.vn" in output
    names = set(Department.objects.values_list("name_en", flat=True))
    assert {
        "Marketing",
        "Sales",
        "Product",
        "Finance and Accounting",
        "Customer Care",
        "Human Resources",
    } <= names
    assert Department.objects.filter(name_vi="Phòng Kinh doanh").exists()
    people = Person.objects.count()
    assert 55 <= people <= 70
    for code in ("MKT", "SAL", "PRD", "CS"):
        roles = set(Membership.objects.filter(department__code=code).values_list("role", flat=True))
        assert {"head", "coordinator", "member"} <= roles
    assert TimeOff.objects.count() >= 5
    assert Person.objects.filter(is_executive=True).exists() and Person.objects.filter(is_hr=True)
    assert verify_chain() == []
    password = (tmp_path / "demo-password.txt").read_text().strip()
    call_command("load_demo")  # second start keeps the data and prints the same login
    assert Person.objects.count() == people
    assert password in capsys.readouterr().out


def test_demo_person_signs_in(db, settings, tmp_path, client):
    settings.VAR_DIR = tmp_path
    call_command("load_demo")
    password = (tmp_path / "demo-password.txt").read_text().strip()
    response = client.post("/accounts/login/", {"login": "admin@saomai.vn", "password": password})
    assert response.status_code == 302
    assert (
        "Phòng Marketing" in client.get("/org/", headers={"Accept-Language": "vi"}).content.decode()
    )
