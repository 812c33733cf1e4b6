"""The skills catalogue, role profiles with target levels, and the escalation levels."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from deptcoord.access import Action, get_visible_or_404, require
from deptcoord.core.actor import actor_from
from deptcoord.org import selectors as org
from deptcoord.people import selectors, services
from deptcoord.people.forms import (
    FeedbackLevelForm,
    RoleProfileForm,
    RoleTargetsForm,
    SkillCategoryForm,
    SkillForm,
)
from deptcoord.people.models import FeedbackLevel, RoleProfile, Skill, SkillCategory
from deptcoord.people.views.common import SERVICE_ERRORS, cleaned, may

CATEGORY_FIELDS = ["name_en", "name_vi", "position"]
SKILL_FIELDS = ["category", "name_en", "name_vi", "description", "is_active"]
ROLE_FIELDS = ["name_en", "name_vi", "description"]
LEVEL_FIELDS = ["name_en", "name_vi", "rank", "description", "is_active"]


@login_required
def catalogue(request):
    """The skills catalogue by category, and the role profiles with their targets."""
    require(request.facts, Action.VIEW, SkillCategory())
    keeper = may(request, Action.CHANGE, SkillCategory())
    context = {
        "categories": selectors.catalogue(request.facts, include_inactive=keeper),
        "profiles": selectors.role_profiles(request.facts),
        "can_change": keeper,
        "category_form": SkillCategoryForm(prefix="category") if keeper else None,
    }
    return render(request, "people/catalogue.html", context)


@login_required
@require_POST
def category_create(request):
    """Add a category to the catalogue."""
    require(request.facts, Action.CHANGE, SkillCategory())
    form = SkillCategoryForm(request.POST, prefix="category")
    if form.is_valid():
        try:
            services.skill_category_create(
                actor=actor_from(request), **cleaned(form, CATEGORY_FIELDS)
            )
        except SERVICE_ERRORS as error:
            form.apply_service_error(error)
        else:
            messages.success(request, _("Category added."))
            return redirect("people:catalogue")
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)
    return redirect("people:catalogue")


def _skill_form(request, skill=None):
    initial = {"is_active": True, "category": request.GET.get("category")}
    if skill is not None:
        initial = {field: getattr(skill, field) for field in SKILL_FIELDS}
        initial.update(category=skill.category_id, version=skill.version)
    return SkillForm(request.POST or None, initial=initial, categories=SkillCategory.objects.all())


@login_required
def skill_create(request):
    """Add a skill to the catalogue."""
    require(request.facts, Action.CHANGE, Skill())
    form = _skill_form(request)
    if request.method == "POST" and form.is_valid():
        fields = cleaned(form, SKILL_FIELDS)
        fields.pop("is_active", None)
        try:
            services.skill_create(actor=actor_from(request), **fields)
        except SERVICE_ERRORS as error:
            form.apply_service_error(error)
        else:
            messages.success(request, _("Skill added to the catalogue."))
            return redirect("people:catalogue")
    return render(request, "people/simple_form.html", _form_context(form, _("New skill")))


@login_required
def skill_edit(request, pk):
    """Rename, move or deactivate a skill."""
    skill = get_visible_or_404(request.facts, Skill, pk=pk)
    require(request.facts, Action.CHANGE, skill)
    form = _skill_form(request, skill)
    if request.method == "POST" and form.is_valid():
        try:
            services.skill_update(
                actor=actor_from(request),
                skill_id=skill.pk,
                expected_version=form.expected_version(),
                **cleaned(form, SKILL_FIELDS),
            )
        except SERVICE_ERRORS as error:
            form.apply_service_error(error)
        else:
            messages.success(request, _("Changes saved."))
            return redirect("people:catalogue")
    context = _form_context(form, skill.name, history=org.history(request.facts, skill))
    return render(request, "people/simple_form.html", context)


def _form_context(form, title, **extra) -> dict:
    return {"form": form, "title": title, "back": "people:catalogue", **extra}


@login_required
def role_profile_create(request):
    """Add a role profile; its target levels are set on its page."""
    require(request.facts, Action.CHANGE, RoleProfile())
    form = RoleProfileForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            profile = services.role_profile_create(
                actor=actor_from(request), **cleaned(form, ROLE_FIELDS)
            )
        except SERVICE_ERRORS as error:
            form.apply_service_error(error)
        else:
            messages.success(request, _("Role profile added. Now set its target levels."))
            return redirect("people:role_profile_detail", pk=profile.pk)
    return render(request, "people/simple_form.html", _form_context(form, _("New role profile")))


@login_required
def role_profile_edit(request, pk):
    """Rename or describe a role profile."""
    profile = get_visible_or_404(request.facts, RoleProfile, pk=pk)
    require(request.facts, Action.CHANGE, profile)
    initial = {field: getattr(profile, field) for field in ROLE_FIELDS}
    form = RoleProfileForm(request.POST or None, initial={**initial, "version": profile.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.role_profile_update(
                actor=actor_from(request),
                role_profile_id=profile.pk,
                expected_version=form.expected_version(),
                **cleaned(form, ROLE_FIELDS),
            )
        except SERVICE_ERRORS as error:
            form.apply_service_error(error)
        else:
            messages.success(request, _("Changes saved."))
            return redirect("people:role_profile_detail", pk=profile.pk)
    return render(request, "people/simple_form.html", _form_context(form, profile.name))


@login_required
def role_profile_detail(request, pk):
    """A role profile's target level per skill (editable by admins and HR)."""
    facts = request.facts
    profile = get_visible_or_404(facts, RoleProfile, pk=pk)
    skills = list(selectors.active_skills(facts))
    current = {target.skill_id: str(target.level) for target in profile.targets.all()}
    initial = {f"skill_{pk}": level for pk, level in current.items()}
    keeper = may(request, Action.CHANGE, profile)
    form = RoleTargetsForm(
        request.POST or None, initial={**initial, "version": profile.version}, skills=skills
    )
    if request.method == "POST":
        require(facts, Action.CHANGE, profile)
        if form.is_valid():
            try:
                services.role_targets_set(
                    actor=actor_from(request),
                    role_profile_id=profile.pk,
                    targets=form.targets(),
                    expected_version=form.expected_version(),
                )
            except SERVICE_ERRORS as error:
                form.apply_service_error(error)
            else:
                messages.success(request, _("Target levels saved."))
                return redirect("people:role_profile_detail", pk=profile.pk)
    context = {
        "profile": profile,
        "form": form,
        "can_change": keeper,
        "targets": [(skill, current.get(skill.pk)) for skill in skills if skill.pk in current],
        "history": org.history(facts, profile),
    }
    return render(request, "people/role_profile_detail.html", context)


@login_required
def levels(request):
    """The company's escalation levels for warnings; admins and HR add and change them."""
    facts = request.facts
    require(facts, Action.VIEW, FeedbackLevel())
    keeper = may(request, Action.CHANGE, FeedbackLevel())
    form = FeedbackLevelForm(request.POST or None) if keeper else None
    if request.method == "POST":
        require(facts, Action.CHANGE, FeedbackLevel())
        if form.is_valid():
            fields = cleaned(form, LEVEL_FIELDS)
            fields.pop("is_active", None)
            try:
                services.feedback_level_create(actor=actor_from(request), **fields)
            except SERVICE_ERRORS as error:
                form.apply_service_error(error)
            else:
                messages.success(request, _("Escalation level added."))
                return redirect("people:levels")
    context = {
        "levels": selectors.levels(facts, include_inactive=True),
        "form": form,
        "can_change": keeper,
    }
    return render(request, "people/levels.html", context)


@login_required
def level_edit(request, pk):
    """Rename, reorder or retire an escalation level."""
    level = get_visible_or_404(request.facts, FeedbackLevel, pk=pk)
    require(request.facts, Action.CHANGE, level)
    initial = {field: getattr(level, field) for field in LEVEL_FIELDS}
    form = FeedbackLevelForm(request.POST or None, initial={**initial, "version": level.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.feedback_level_update(
                actor=actor_from(request),
                level_id=level.pk,
                expected_version=form.expected_version(),
                **cleaned(form, LEVEL_FIELDS),
            )
        except SERVICE_ERRORS as error:
            form.apply_service_error(error)
        else:
            messages.success(request, _("Changes saved."))
            return redirect("people:levels")
    context = {"form": form, "title": level.name, "back": "people:levels"}
    return render(request, "people/simple_form.html", context)
