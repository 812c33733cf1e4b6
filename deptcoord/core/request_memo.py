"""Facts that every part of a page asks for, read once per request.

The department tree (for the access rules of goals, notes and the Today scope) and the company's
row (its holidays, currency and the records it owns) were read again by each rule and card that
needed them: over a tenth of a page's statements. Within a request (``RequestMemo``, a
middleware) the first read is kept and handed to the next; a write of the model in this process
forgets it (``forget_on_write``), so a request that moves a department sees the new tree at
once. Outside a request (tasks, commands) nothing is kept.
"""

from collections.abc import Callable
from contextvars import ContextVar
from functools import partial

from django.db.models.signals import post_delete, post_save

_memo: ContextVar[dict | None] = ContextVar("deptcoord_request_memo", default=None)


def remembered[T](key: str, read: Callable[[], T]) -> T:
    """``read()``, once per request for each key (each time outside a request). The value is
    shared by the request's readers: none may change it."""
    memo = _memo.get()
    if memo is None:
        return read()
    if key not in memo:
        memo[key] = read()
    return memo[key]


def forget(*keys: str) -> None:
    """Let the next reader in this request read these anew."""
    memo = _memo.get()
    if memo:
        for key in keys:
            memo.pop(key, None)


def _written(keys, **_kwargs) -> None:
    forget(*keys)


def forget_on_write(model, *keys: str) -> None:
    """Forget the keys whenever a record of the model is saved or deleted."""
    receiver = partial(_written, keys)
    uid = f"request_memo:{model._meta.label}:{','.join(keys)}"
    post_save.connect(receiver, sender=model, dispatch_uid=uid, weak=False)
    post_delete.connect(receiver, sender=model, dispatch_uid=uid, weak=False)


class RequestMemo:
    """Keep what ``remembered`` reads for the length of each request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _memo.set({})
        try:
            return self.get_response(request)
        finally:
            _memo.reset(token)
