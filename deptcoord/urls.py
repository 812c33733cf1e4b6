"""The site's URLs."""

from django.urls import include, path, re_path

from deptcoord.api import views as tokens
from deptcoord.api.router import api
from deptcoord.core import health, import_views
from deptcoord.org.views import profile
from deptcoord.reports import views as reports

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("", reports.today, name="today"),
    path("org/", include("deptcoord.org.urls")),
    path("goals/", include("deptcoord.goals.urls")),
    path("plan/", include("deptcoord.planning.urls")),
    path("meetings/", include("deptcoord.meetings.urls")),
    path("people/", include("deptcoord.people.urls")),
    path("work/", include("deptcoord.work.urls")),
    path("records/", include("deptcoord.records.urls")),
    path("", include("deptcoord.notices.urls")),
    path("", include("deptcoord.reports.urls")),
    path(
        "imports/<str:kind>/template.<str:file_format>",
        import_views.import_template,
        name="import_template",
    ),
    path("me/", profile.profile, name="profile"),
    path("me/tokens/", tokens.token_create, name="token_create"),
    path("me/tokens/<int:pk>/revoke/", tokens.token_revoke, name="token_revoke"),
    path("language/", profile.set_language, name="set_language"),
    path("invite/<str:uidb64>/<str:token>/", profile.accept_invitation, name="accept_invitation"),
    path("accounts/", include("allauth.urls")),
    path("api/", api.urls),
    re_path(r"^api/(?P<rest>.*)$", tokens.api_not_found, name="api_not_found"),
]
