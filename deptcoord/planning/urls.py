"""Pages of the planner, under /plan/."""

from django.urls import path, re_path

from deptcoord.planning import views

app_name = "planning"

urlpatterns = [
    path("", views.run_list, name="list"),
    re_path(r"^plans\.(?P<file_format>csv|xlsx)$", views.runs_export, name="list_export"),
    path("new/", views.run_new, name="new"),
    path("compare/", views.compare, name="compare"),
    path("<int:pk>/", views.run_detail, name="detail"),
    path("<int:pk>/progress/", views.run_progress, name="progress"),
    path("<int:pk>/what-if/<int:index>/", views.run_what_if, name="what_if"),
    path("<int:pk>/apply/", views.run_apply, name="apply"),
]
