"""URLs of the records pages."""

from django.urls import path, re_path

from deptcoord.records.views import departments, documents, links, notes, search

app_name = "records"

urlpatterns = [
    path("", search.search, name="search"),
    path("jump/", search.jump, name="jump"),
    path("departments/<int:pk>/", departments.department_records, name="department"),
    re_path(
        r"^departments/(?P<pk>\d+)/records\.(?P<file_format>csv|xlsx)$",
        departments.department_records_export,
        name="department_export",
    ),
    path("departments/<int:pk>/activity/", departments.department_activity, name="activity"),
    re_path(
        r"^departments/(?P<pk>\d+)/activity\.(?P<file_format>csv|xlsx)$",
        departments.department_activity_export,
        name="activity_export",
    ),
    path("departments/<int:pk>/notes/new/", notes.note_create, name="note_create"),
    path("departments/<int:pk>/documents/new/", documents.document_create, name="document_create"),
    path("notes/preview/", notes.note_preview, name="note_preview"),
    path("notes/<int:pk>/", notes.note_detail, name="note_detail"),
    path("notes/<int:pk>/edit/", notes.note_edit, name="note_edit"),
    path("notes/<int:pk>/delete/", notes.note_delete, name="note_delete"),
    path("notes/<int:pk>/links/", links.note_link_add, name="note_link_add"),
    path("documents/<int:pk>/", documents.document_detail, name="document_detail"),
    path("documents/<int:pk>/edit/", documents.document_edit, name="document_edit"),
    path("documents/<int:pk>/versions/", documents.document_upload, name="document_upload"),
    path("documents/<int:pk>/delete/", documents.document_delete, name="document_delete"),
    path("documents/<int:pk>/links/", links.document_link_add, name="document_link_add"),
    path("versions/<int:pk>/download/", documents.version_download, name="download"),
    path("links/<int:pk>/remove/", links.link_remove, name="link_remove"),
    path("links/options/", links.link_options, name="link_options"),
]
