"""URLs of notifications (Today lives at the site root)."""

from django.urls import path

from deptcoord.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.notifications, name="notifications"),
    path("bell/", views.notification_bell, name="notification_bell"),
    path("read-all/", views.notifications_read_all, name="notifications_read_all"),
    path("<int:pk>/open/", views.notification_open, name="notification_open"),
    path("settings/", views.preferences, name="preferences"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
