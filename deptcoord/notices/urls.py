"""URLs of notifications: the bell, the list, the settings and the unsubscribe link."""

from django.urls import path

from deptcoord.notices import views

app_name = "notices"

urlpatterns = [
    path("notifications/", views.notifications, name="notifications"),
    path("notifications/bell/", views.notification_bell, name="notification_bell"),
    path("notifications/read-all/", views.notifications_read_all, name="notifications_read_all"),
    path("notifications/<int:pk>/open/", views.notification_open, name="notification_open"),
    path("notifications/settings/", views.preferences, name="preferences"),
    path("notifications/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
