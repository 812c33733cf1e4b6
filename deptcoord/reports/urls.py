"""URLs of status reports (Today lives at the site root)."""

from django.urls import path, re_path

from deptcoord.reports.views import status

app_name = "reports"

urlpatterns = [
    path("reports/", status.report_list, name="list"),
    re_path(r"^reports\.(?P<file_format>csv|xlsx)$", status.reports_export, name="list_export"),
    path("reports/new/", status.report_create, name="create"),
    path("reports/rollup/", status.rollup, name="rollup"),
    path("reports/<int:pk>/", status.report_detail, name="detail"),
    path("reports/<int:pk>/edit/", status.report_edit, name="edit"),
    path("reports/<int:pk>/submit/", status.report_submit, name="submit"),
    path("reports/<int:pk>/acknowledge/", status.report_acknowledge, name="acknowledge"),
    path("reports/<int:pk>/comments/", status.report_comment, name="comment"),
    path("reports/<int:pk>/decide/", status.report_decide, name="decide"),
    path("reports/<int:pk>/delete/", status.report_delete, name="delete"),
    path("reports/<int:pk>/pdf/", status.report_pdf, name="pdf"),
    path("reports/<int:pk>/xlsx/", status.report_xlsx, name="xlsx"),
]
