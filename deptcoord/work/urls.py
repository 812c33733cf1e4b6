"""URLs of the work pages."""

from django.urls import path, re_path

from deptcoord.work.views import in_place, others, projects, schedule, steps

app_name = "work"

urlpatterns = [
    path("", projects.project_list, name="projects"),
    re_path(
        r"^projects\.(?P<file_format>csv|xlsx)$", projects.projects_export, name="projects_export"
    ),
    path("projects/new/", projects.project_create, name="project_create"),
    path("projects/<int:pk>/", projects.project_detail, name="project"),
    path("projects/<int:pk>/edit/", projects.project_edit, name="project_edit"),
    path("projects/<int:pk>/timeline/", projects.project_timeline, name="project_timeline"),
    path("projects/<int:pk>/board/", projects.project_board, name="project_board"),
    path("projects/<int:pk>/budget/", projects.project_budget, name="project_budget"),
    path("projects/<int:pk>/expenses/", projects.expense_add, name="expense_add"),
    path("projects/<int:pk>/time/", projects.project_time, name="project_time"),
    path("projects/<int:pk>/workload/", projects.project_workload, name="project_workload"),
    re_path(
        r"^projects/(?P<pk>\d+)/steps\.(?P<file_format>csv|xlsx)$",
        projects.project_steps_export,
        name="project_steps_export",
    ),
    path("projects/<int:pk>/import/", projects.plan_import, name="plan_import"),
    path("imports/<uuid:pk>/confirm/", projects.plan_import_confirm, name="plan_import_confirm"),
    path("expenses/<int:pk>/delete/", projects.expense_delete, name="expense_delete"),
    path("steps/new/", steps.step_create, name="step_create"),
    path("steps/<int:pk>/", steps.step_detail, name="step"),
    path("steps/<int:pk>/edit/", steps.step_edit, name="step_edit"),
    path("steps/<int:pk>/progress/", steps.step_progress, name="step_progress"),
    path(
        "steps/<int:pk>/reschedule/preview/",
        schedule.reschedule_preview,
        name="step_reschedule_preview",
    ),
    path("steps/<int:pk>/reschedule/", schedule.reschedule, name="step_reschedule"),
    path("steps/<int:pk>/shift-pushed/", schedule.slip_shift, name="slip_shift"),
    path("steps/<int:pk>/inline/", steps.step_inline, name="step_inline"),
    path("steps/<int:pk>/delete/", steps.step_delete, name="step_delete"),
    path("steps/<int:pk>/done-here/", in_place.step_done, name="step_done_in_place"),
    path("steps/<int:pk>/clear-flag/", steps.step_flag_clear, name="step_flag_clear"),
    path("steps/<int:pk>/links/", steps.dependency_add, name="dependency_add"),
    path("links/<int:pk>/delete/", steps.dependency_delete, name="dependency_delete"),
    path("steps/<int:pk>/comments/", steps.comment_add, name="comment_add"),
    path("comments/<int:pk>/delete/", steps.comment_delete, name="comment_delete"),
    path("steps/<int:pk>/time/", steps.time_log, name="time_log"),
    path("time/<int:pk>/delete/", steps.time_entry_delete, name="time_entry_delete"),
    path("my-steps/", steps.my_steps, name="my_steps"),
    re_path(
        r"^my-steps\.(?P<file_format>csv|xlsx)$", steps.my_steps_export, name="my_steps_export"
    ),
    path("departments/<int:pk>/steps/", steps.department_steps, name="department_steps"),
    re_path(
        r"^departments/(?P<pk>\d+)/steps\.(?P<file_format>csv|xlsx)$",
        steps.department_steps_export,
        name="department_steps_export",
    ),
    path("requests/", others.request_list, name="requests"),
    re_path(
        r"^requests\.(?P<file_format>csv|xlsx)$", others.requests_export, name="requests_export"
    ),
    path("requests/new/", others.request_create, name="request_create"),
    path("requests/<int:pk>/", others.request_detail, name="request"),
    path("requests/<int:pk>/accept/", others.request_accept, name="request_accept"),
    path("requests/<int:pk>/answer-here/", in_place.request_answer, name="request_answer_in_place"),
    path("requests/<int:pk>/decline/", others.request_decline, name="request_decline"),
    path("requests/<int:pk>/withdraw/", others.request_withdraw, name="request_withdraw"),
    path("recurring/", others.recurring_list, name="recurring"),
    re_path(
        r"^recurring\.(?P<file_format>csv|xlsx)$",
        others.recurring_export,
        name="recurring_export",
    ),
    path("recurring/new/", others.recurring_create, name="recurring_create"),
    path("recurring/<int:pk>/edit/", others.recurring_edit, name="recurring_edit"),
    path("recurring/<int:pk>/delete/", others.recurring_delete, name="recurring_delete"),
    path("workload/", others.workload, name="workload"),
    re_path(
        r"^timesheet\.(?P<file_format>csv|xlsx)$", others.timesheet_export, name="timesheet_export"
    ),
]
