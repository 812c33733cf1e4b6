"""URLs of the people pages."""

from django.urls import path, re_path

from deptcoord.people.views import (
    catalogue,
    development,
    feedback,
    in_place,
    one_on_ones,
    overview,
    skills,
)

app_name = "people"

urlpatterns = [
    path("", overview.home, name="home"),
    path("person/<int:pk>/", overview.person, name="person"),
    path("person/<int:pk>/skills/", skills.person_skills, name="person_skills"),
    path("person/<int:pk>/assess/", skills.assess, name="assess"),
    path("person/<int:pk>/role/", skills.role_assign, name="role_assign"),
    path("person/<int:pk>/plans/new/", development.plan_create, name="plan_create"),
    path("skills/", catalogue.catalogue, name="catalogue"),
    path("skills/categories/new/", catalogue.category_create, name="category_create"),
    path("skills/new/", catalogue.skill_create, name="skill_create"),
    path("skills/<int:pk>/edit/", catalogue.skill_edit, name="skill_edit"),
    path("roles/new/", catalogue.role_profile_create, name="role_profile_create"),
    path("roles/<int:pk>/", catalogue.role_profile_detail, name="role_profile_detail"),
    path("roles/<int:pk>/edit/", catalogue.role_profile_edit, name="role_profile_edit"),
    path("levels/", catalogue.levels, name="levels"),
    path("levels/<int:pk>/edit/", catalogue.level_edit, name="level_edit"),
    path("matrix/", skills.matrix, name="matrix"),
    re_path(
        r"^matrix/export\.(?P<file_format>csv|xlsx)$", skills.matrix_export, name="matrix_export"
    ),
    path("matrix/import/", skills.matrix_import, name="matrix_import"),
    path(
        "matrix/import/<uuid:pk>/confirm/",
        skills.matrix_import_confirm,
        name="matrix_import_confirm",
    ),
    path("plans/", development.plans, name="plans"),
    re_path(r"^plans\.(?P<file_format>csv|xlsx)$", development.plans_export, name="plans_export"),
    path("plans/<int:pk>/", development.plan_detail, name="plan_detail"),
    path("plans/<int:pk>/edit/", development.plan_edit, name="plan_edit"),
    path("plans/<int:pk>/actions/", development.action_add, name="action_add"),
    path("plan-actions/<int:pk>/mark/", development.action_mark, name="action_mark"),
    path("feedback/", feedback.feedback_list, name="feedback"),
    re_path(
        r"^feedback\.(?P<file_format>csv|xlsx)$", feedback.feedback_export, name="feedback_export"
    ),
    path("feedback/new/", feedback.feedback_create, name="feedback_create"),
    path("feedback/<int:pk>/", feedback.feedback_detail, name="feedback_detail"),
    path("feedback/<int:pk>/edit/", feedback.feedback_edit, name="feedback_edit"),
    path(
        "feedback/<int:pk>/acknowledge/", feedback.feedback_acknowledge, name="feedback_acknowledge"
    ),
    path(
        "feedback/<int:pk>/acknowledge-here/",
        in_place.warning_acknowledge,
        name="warning_acknowledge_in_place",
    ),
    path("feedback/<int:pk>/annotate/", feedback.feedback_annotate, name="feedback_annotate"),
    path("wall/", feedback.wall, name="wall"),
    re_path(r"^wall\.(?P<file_format>csv|xlsx)$", feedback.wall_export, name="wall_export"),
    path("one-on-ones/", one_on_ones.one_on_ones, name="one_on_ones"),
    re_path(
        r"^one-on-ones\.(?P<file_format>csv|xlsx)$",
        one_on_ones.one_on_ones_export,
        name="one_on_ones_export",
    ),
    path("one-on-ones/new/", one_on_ones.one_on_one_create, name="one_on_one_create"),
    path("one-on-ones/<int:pk>/", one_on_ones.one_on_one_detail, name="one_on_one_detail"),
    path("one-on-ones/<int:pk>/edit/", one_on_ones.one_on_one_edit, name="one_on_one_edit"),
    path("one-on-ones/<int:pk>/points/", one_on_ones.talking_point_add, name="talking_point_add"),
    path(
        "talking-points/<int:pk>/mark/", one_on_ones.talking_point_mark, name="talking_point_mark"
    ),
    path("one-on-ones/<int:pk>/notes/", one_on_ones.private_note_add, name="private_note_add"),
    path("one-on-ones/<int:pk>/actions/", one_on_ones.action_item_add, name="action_item_add"),
    path(
        "one-on-one-actions/<int:pk>/mark/", one_on_ones.action_item_mark, name="action_item_mark"
    ),
    path(
        "one-on-ones/<int:pk>/check-in/",
        one_on_ones.one_on_one_check_in,
        name="one_on_one_check_in",
    ),
]
