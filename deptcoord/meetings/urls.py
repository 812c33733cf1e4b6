"""URLs."""

app_name = "meetings"
urlpatterns = []
