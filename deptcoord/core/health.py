"""What a load balancer asks: is this process alive, and can it serve?

``/healthz`` answers as long as the process runs. ``/readyz`` answers 200 only when the database
answers, the cache answers (Redis, when configured) and a background worker was seen within
``ALIVE_WITHIN``; otherwise 503 naming the failing check. Neither needs a sign-in and neither
says anything about the data.
"""

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from deptcoord.core.models import WorkerHeartbeat
from deptcoord.core.workers import ALIVE_WITHIN


@never_cache
@require_GET
def healthz(request):
    """The process is alive."""
    return JsonResponse({"status": "ok"})


def _database() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone()[0] == 1


def _cache() -> bool:
    key = "deptcoord:readyz"
    cache.set(key, "1", 10)
    return cache.get(key) == "1"


def _worker() -> bool:
    return WorkerHeartbeat.objects.filter(seen_at__gte=timezone.now() - ALIVE_WITHIN).exists()


CHECKS = {"database": _database, "cache": _cache, "worker": _worker}


@never_cache
@require_GET
def readyz(request):
    """Ready to serve: every check passes (503 and the names of those that fail otherwise)."""
    failing = []
    for name, check in CHECKS.items():
        if name == "cache" and not settings.REDIS_URL:
            continue  # the database cache is the database, checked above
        try:
            passed = check()
        except Exception:  # a check that cannot run has failed; the answer says which
            passed = False
        if not passed:
            failing.append(name)
    status = 503 if failing else 200
    return JsonResponse({"status": "fail" if failing else "ok", "failing": failing}, status=status)
