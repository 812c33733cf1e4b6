"""API endpoints for the skills catalogue, role profiles, assessments and a person's skills."""

from django.http import Http404, HttpResponse
from ninja import Router, Status
from ninja.pagination import paginate

from deptcoord.access import Action, can, get_visible_or_404, require, visible
from deptcoord.core.actor import actor_from
from deptcoord.core.http import PrimaryKey, expected_version, with_etag
from deptcoord.core.pagination import ListPagination
from deptcoord.org.models import Person
from deptcoord.people import selectors, services
from deptcoord.people.api.schemas import (
    AssessmentIn,
    AssessmentOut,
    CategoryIn,
    CategoryOut,
    PersonSkillsOut,
    RoleAssignIn,
    RoleProfileIn,
    RoleProfileOut,
    SkillIn,
    SkillOut,
    SkillPatch,
    TargetsIn,
)
from deptcoord.people.models import Assessment, RoleProfile, Skill, SkillCategory

router = Router(tags=["skills"])


def person_records_or_404(request, pk) -> Person:
    """A person whose development records the caller may see."""
    person = get_visible_or_404(request.facts, Person, pk=pk)
    if not can(request.facts, Action.VIEW, Assessment(person=person)):
        raise Http404
    return person


@router.get("/skill-categories", response=list[CategoryOut], summary="List skill categories")
@paginate(ListPagination)
def list_categories(request):
    """The catalogue's categories in order."""
    return visible(request.facts, SkillCategory.objects.all())


@router.post("/skill-categories", response={201: CategoryOut}, summary="Add a skill category")
def create_category(request, payload: CategoryIn):
    """Add a category (admins and HR)."""
    category = services.skill_category_create(actor=actor_from(request, "api"), **payload.dict())
    return Status(201, category)


@router.get("/skills", response=list[SkillOut], summary="List skills")
@paginate(ListPagination)
def list_skills(request):
    """The catalogue's skills."""
    return visible(request.facts, Skill.objects.all()).order_by("category__position", "id")


@router.post("/skills", response={201: SkillOut}, summary="Add a skill")
def create_skill(request, payload: SkillIn):
    """Add a skill to a category (admins and HR)."""
    data = payload.dict()
    require(request.facts, Action.CHANGE, Skill())
    category = get_visible_or_404(request.facts, SkillCategory, pk=data.pop("category_id"))
    skill = services.skill_create(actor=actor_from(request, "api"), category=category, **data)
    return Status(201, skill)


@router.patch("/skills/{int:pk}", response=SkillOut, summary="Change a skill")
def update_skill(request, response: HttpResponse, payload: SkillPatch, pk: PrimaryKey):
    """Rename, describe or deactivate a skill; If-Match or `version` guards."""
    skill = get_visible_or_404(request.facts, Skill, pk=pk)
    require(request.facts, Action.CHANGE, skill)
    data = payload.dict(exclude_unset=True)
    version = expected_version(request, data.pop("version", None), skill.version)
    skill = services.skill_update(
        actor=actor_from(request, "api"), skill_id=skill.pk, expected_version=version, **data
    )
    return with_etag(response, skill)


@router.get("/role-profiles", response=list[RoleProfileOut], summary="List role profiles")
@paginate(ListPagination)
def list_role_profiles(request):
    """Role profiles with their target levels."""
    return selectors.role_profiles(request.facts).order_by("name_en", "id")


@router.post("/role-profiles", response={201: RoleProfileOut}, summary="Add a role profile")
def create_role_profile(request, payload: RoleProfileIn):
    """Add a role profile (admins and HR)."""
    profile = services.role_profile_create(actor=actor_from(request, "api"), **payload.dict())
    return Status(201, profile)


@router.get("/role-profiles/{int:pk}", response=RoleProfileOut, summary="Read a role profile")
def read_role_profile(request, response: HttpResponse, pk: PrimaryKey):
    """A role profile with its targets and version as ETag."""
    return with_etag(response, get_visible_or_404(request.facts, RoleProfile, pk=pk))


@router.put("/role-profiles/{int:pk}/targets", response=RoleProfileOut, summary="Set target levels")
def set_targets(request, response: HttpResponse, payload: TargetsIn, pk: PrimaryKey):
    """Set the role's target level per skill (levels 0–5)."""
    profile = get_visible_or_404(request.facts, RoleProfile, pk=pk)
    require(request.facts, Action.CHANGE, profile)
    version = expected_version(request, payload.version, profile.version)
    profile = services.role_targets_set(
        actor=actor_from(request, "api"),
        role_profile_id=profile.pk,
        targets={target.skill_id: target.level for target in payload.targets},
        expected_version=version,
    )
    return with_etag(response, profile)


@router.get("/assessments", response=list[AssessmentOut], summary="List assessments")
@paginate(ListPagination)
def list_assessments(request, person_id: PrimaryKey | None = None):
    """Assessments the caller may see, newest first."""
    result = visible(request.facts, Assessment.objects.all())
    if person_id:
        result = result.filter(person_id=person_id)
    return result.order_by("-day", "-id")


@router.post("/assessments", response={201: AssessmentOut}, summary="Assess a skill")
def create_assessment(request, payload: AssessmentIn):
    """Record a level 0–5: a self-assessment for oneself, else a coordinator assessment."""
    person = person_records_or_404(request, payload.person_id)
    require(request.facts, Action.ASSESS, Assessment(person=person))
    assessment = services.assessment_create(
        actor=actor_from(request, "api"),
        person=person,
        skill=payload.skill_id,
        level=payload.level,
        day=payload.day,
        note=payload.note,
    )
    return Status(201, assessment)


@router.get("/people/{int:pk}/skills", response=PersonSkillsOut, summary="A person's skills")
def person_skills(request, pk: PrimaryKey):
    """Levels against the role's targets, gaps, strengths and mentoring suggestions."""
    person = person_records_or_404(request, pk)
    view = selectors.person_skills(request.facts, person)
    return {
        "person_id": person.pk,
        "role_profile_id": view.role_profile.pk if view.role_profile else None,
        "skills": [
            {
                "skill_id": row["skill"].pk,
                "skill": row["skill"].name,
                "level": row["level"],
                "target": row["target"],
                "gap": row["gap"],
                "strength": row["strength"],
            }
            for row in view.rows
        ],
        "suggestions": [
            {
                "skill_id": item.skill_id,
                "mentor_id": item.mentor_id,
                "mentor_level": item.mentor_level,
                "same_department": item.same_department,
                "free_hours": item.free_hours,
            }
            for item, _skill, _mentor in view.suggestions
        ],
    }


@router.put("/people/{int:pk}/role-profile", response=PersonSkillsOut, summary="Set role profile")
def assign_role(request, payload: RoleAssignIn, pk: PrimaryKey):
    """Give the person a role profile (their skill targets), or none."""
    person = person_records_or_404(request, pk)
    profile = None
    if payload.role_profile_id is not None:
        profile = get_visible_or_404(request.facts, RoleProfile, pk=payload.role_profile_id)
    services.person_profile_set(
        actor=actor_from(request, "api"), person=person, role_profile=profile
    )
    return person_skills(request, pk)
