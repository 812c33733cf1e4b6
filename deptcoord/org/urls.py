"""URLs of the organisation pages."""

from django.urls import path, register_converter

from deptcoord.org.views import departments, people, transfer

app_name = "org"


class FileFormatConverter:
    """The export formats: csv or xlsx."""

    regex = "csv|xlsx"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(FileFormatConverter, "fileformat")

urlpatterns = [
    path("", departments.department_tree, name="tree"),
    path("departments/new/", departments.department_create, name="department_create"),
    path("departments/<int:pk>/", departments.department_detail, name="department_detail"),
    path("departments/<int:pk>/edit/", departments.department_edit, name="department_edit"),
    path(
        "departments/<int:pk>/active/",
        departments.department_toggle_active,
        name="department_toggle_active",
    ),
    path("departments/<int:pk>/members/", departments.membership_add, name="membership_add"),
    path("memberships/<int:pk>/role/", departments.membership_role, name="membership_role"),
    path("memberships/<int:pk>/remove/", departments.membership_remove, name="membership_remove"),
    path(
        "departments/export.<fileformat:file_format>",
        transfer.departments_export,
        name="departments_export",
    ),
    path("people/", people.people_list, name="people"),
    path("people/new/", people.person_create, name="person_create"),
    path("people/export.<fileformat:file_format>", transfer.people_export, name="people_export"),
    path("people/<int:pk>/", people.person_detail, name="person_detail"),
    path("people/<int:pk>/edit/", people.person_edit, name="person_edit"),
    path("people/<int:pk>/active/", people.person_toggle_active, name="person_toggle_active"),
    path("people/<int:pk>/roles/", people.person_roles, name="person_roles"),
    path("people/<int:pk>/invite/", people.person_invite, name="person_invite"),
    path("people/<int:pk>/time-off/", people.time_off_create, name="time_off_create"),
    path("time-off/<int:pk>/delete/", people.time_off_delete, name="time_off_delete"),
    path("import/<str:kind>/", transfer.import_upload, name="import"),
    path("import/<uuid:upload_id>/confirm/", transfer.import_confirm, name="import_confirm"),
]
