"""URLs of the goals pages."""

from django.urls import path, re_path

from deptcoord.goals.views import goal_templates, goals, key_results, standards, transfer, tree

app_name = "goals"

urlpatterns = [
    path("", tree.goal_tree, name="tree"),
    path("list/", tree.goal_list, name="list"),
    path("new/", goals.goal_create, name="goal_create"),
    path("<int:pk>/", goals.goal_detail, name="goal_detail"),
    path("<int:pk>/children/", tree.goal_children, name="children"),
    path("<int:pk>/edit/", goals.goal_edit, name="goal_edit"),
    path("<int:pk>/delete/", goals.goal_delete, name="goal_delete"),
    path("<int:pk>/key-results/new/", key_results.key_result_create, name="key_result_create"),
    path("key-results/<int:pk>/", key_results.key_result_detail, name="key_result_detail"),
    path("key-results/<int:pk>/edit/", key_results.key_result_edit, name="key_result_edit"),
    path("key-results/<int:pk>/delete/", key_results.key_result_delete, name="key_result_delete"),
    path("key-results/<int:pk>/check-in/", key_results.check_in, name="check_in"),
    re_path(r"^export\.(?P<file_format>csv|xlsx)$", transfer.goals_export, name="export"),
    path("import/<str:kind>/", transfer.import_upload, name="import"),
    path("import/<uuid:pk>/confirm/", transfer.import_confirm, name="import_confirm"),
    path("templates/", goal_templates.template_list, name="templates"),
    path("templates/new/", goal_templates.template_create, name="template_create"),
    path("templates/<int:pk>/", goal_templates.template_detail, name="template_detail"),
    path("templates/<int:pk>/edit/", goal_templates.template_edit, name="template_edit"),
    path("templates/<int:pk>/delete/", goal_templates.template_delete, name="template_delete"),
    path(
        "templates/<int:pk>/key-results/",
        goal_templates.template_key_result_add,
        name="template_key_result_add",
    ),
    path(
        "template-key-results/<int:pk>/remove/",
        goal_templates.template_key_result_remove,
        name="template_key_result_remove",
    ),
    path(
        "templates/<int:pk>/roll-out/", goal_templates.template_roll_out, name="template_roll_out"
    ),
    path("standards/", standards.standard_list, name="standards"),
    re_path(
        r"^standards\.(?P<file_format>csv|xlsx)$",
        standards.standards_export,
        name="standards_export",
    ),
    path("standards/new/", standards.standard_create, name="standard_create"),
    path("standards/<int:pk>/", standards.standard_detail, name="standard_detail"),
    path("standards/<int:pk>/edit/", standards.standard_edit, name="standard_edit"),
    path(
        "standards/<int:pk>/measurements/",
        standards.measurement_record,
        name="measurement_record",
    ),
]
