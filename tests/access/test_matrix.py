"""The access matrix over the policy itself, the pages and the API: roles × records × actions."""

import pytest
from django.urls import reverse

from deptcoord.access import Action, can, get_visible_or_404
from deptcoord.api.services import token_create
from deptcoord.audit.models import AuditEntry
from deptcoord.core.actor import Actor
from deptcoord.core.models import ImportUpload
from deptcoord.org.facts import role_facts_for_person
from deptcoord.org.models import Company, Membership, TimeOff
from tests.access.matrix import API, EXTENSIONS, PAGES, POLICY, ROLES
from tests.factories import client_for


def target_for(world, role: str, name: str):
    """The record a row is about, as it stands for the role."""
    person = world.person(role)
    simple = {
        "own": world.own,
        "team": world.team,
        "other": world.other,
        "peer": world.peer,
        "other_member": world.other_member,
        "self": person,
    }
    if name in simple:
        return simple[name]
    if name == "time_off_peer":
        return TimeOff.objects.get(person=world.peer)
    if name == "membership_peer":
        return Membership.objects.get(person=world.peer, department=world.own)
    if name == "company":
        return Company.objects.get_or_create(pk=1, defaults={"name": "Sao Mai"})[0]
    for extension in EXTENSIONS:
        found = extension.target(world, role, name)
        if found is not None:
            return found
    if name == "upload":
        return ImportUpload.objects.create(
            kind="org.people",
            filename="p.csv",
            content="email,full_name\nmoi@example.com,Người Mới\n".encode(),
            uploaded_by_id=world.admin.pk,
        )
    raise KeyError(name)


def policy_target(world, role, row):
    """Records for the policy rows that depend on who is asking."""
    person = world.person(role)
    if row.kind == "time_off" and row.target == "self":
        return TimeOff.objects.create(person=person, start_date="2027-02-01", end_date="2027-02-01")
    if row.kind == "token":
        owner = person if row.target == "self" else world.peer
        token, _raw = token_create(
            actor=Actor(person=owner, facts=role_facts_for_person(owner)), name="script"
        )
        return token
    if row.kind in ("time_off", "membership"):
        return target_for(world, role, f"{row.kind}_{row.target}")
    return target_for(world, role, row.target)


@pytest.mark.parametrize("row", POLICY, ids=lambda r: f"{r.kind}-{r.target}-{r.action}")
def test_policy(world, row):
    """Exactly the listed roles may take the action; the others are refused."""
    for role in ROLES:
        facts = role_facts_for_person(world.person(role))
        obj = policy_target(world, role, row)
        assert can(facts, Action(row.action), obj) == (role in row.allowed), (role, row)


VIEW_ROWS = [row for row in POLICY if row.action == "view" and row.kind != "company"]


@pytest.mark.parametrize("row", VIEW_ROWS, ids=lambda r: f"{r.kind}-{r.target}")
def test_hidden_records_answer_404(world, row):
    """A record a role may not view is not found at all through the policy's lookup."""
    for role in ROLES:
        facts = role_facts_for_person(world.person(role))
        obj = policy_target(world, role, row)
        model = type(obj)
        if role in row.allowed:
            assert get_visible_or_404(facts, model, pk=obj.pk) == obj
        else:
            with pytest.raises(Exception) as raised:
                get_visible_or_404(facts, model, pk=obj.pk)
            assert raised.type.__name__ == "Http404"


def _url(world, role, row):
    kwargs = dict(row.kwargs)
    if row.target:
        kwargs["pk" if row.name != "org:import_confirm" else "upload_id"] = target_for(
            world, role, row.target if row.target != "token_peer" else "peer"
        ).pk
    if row.target == "token_peer":
        token, _raw = token_create(
            actor=Actor(person=world.peer, facts=role_facts_for_person(world.peer)), name="t"
        )
        kwargs["pk"] = token.pk
    return reverse(row.name, kwargs=kwargs)


def _data_changes():
    return AuditEntry.objects.exclude(kind="security").count()


@pytest.mark.parametrize("row", PAGES, ids=lambda r: f"{r.name}-{r.target}-{r.method}")
@pytest.mark.parametrize("role", ROLES)
def test_pages(world, row, role):
    """Allowed roles get the page (or their write succeeds); others get 403 or 404 and change nothing."""
    client = client_for(world.person(role))
    url = _url(world, role, row)
    before = _data_changes()
    response = client.post(url, row.data) if row.method == "POST" else client.get(url)
    if role in row.ok:
        assert response.status_code in (200, 302), (role, url, response.status_code)
    else:
        expected = 404 if role in row.hidden else 403
        assert response.status_code == expected, (role, url, response.status_code)
        assert _data_changes() == before, "a refused request changed data"


@pytest.mark.parametrize("row", PAGES, ids=lambda r: f"{r.name}-{r.target}-{r.method}")
def test_pages_need_sign_in(world, row):
    """Without a session every page sends the visitor to sign in (or refuses the write)."""
    from django.test import Client

    url = _url(world, "admin", row)
    response = Client().post(url, row.data) if row.method == "POST" else Client().get(url)
    if row.name == "set_language":
        assert response.status_code == 302
        return
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def _api_body(world, target, body):
    if callable(body):
        return body(world)
    if target == "membership_new":
        return {"person_id": world.other_member.pk, "department_id": world.own.pk, "role": "member"}
    if target == "time_off_new":
        return {"person_id": world.peer.pk, "start_date": "2027-03-01", "end_date": "2027-03-02"}
    return body


@pytest.mark.parametrize("row", API, ids=lambda r: f"{r[0]}-{r[1]}-{r[2]}")
@pytest.mark.parametrize("role", ROLES)
def test_api(world, row, role):
    """The API answers like the pages: allowed roles succeed, others 403 or 404, nothing changes."""
    method, template, target, ok, hidden, body = row
    path = template
    if "{id}" in template:
        path = template.replace("{id}", str(target_for(world, role, target).pk))
    client = client_for(world.person(role))
    before = _data_changes()
    # Updates must name a version; "*" says "whatever it is", so the row tests access alone.
    headers = {"If-Match": "*"} if method in ("PATCH", "PUT", "DELETE") else {}
    response = client.generic(
        method,
        path,
        data=_json(_api_body(world, target, body)),
        content_type="application/json",
        headers=headers,
    )
    if role in ok:
        assert response.status_code in (200, 201, 204), (role, path, response.content)
    else:
        expected = 404 if role in hidden else 403
        assert response.status_code == expected, (role, path, response.status_code)
        assert _data_changes() == before


def _json(body):
    import json

    return json.dumps(body) if body is not None else ""


@pytest.mark.parametrize("row", API, ids=lambda r: f"{r[0]}-{r[1]}")
def test_api_needs_authentication(world, row):
    """Without a session or token the API answers 401."""
    from django.test import Client

    method, template, *_ = row
    path = template.replace("{id}", "1")
    response = Client().generic(method, path, data="{}", content_type="application/json")
    assert response.status_code == 401
