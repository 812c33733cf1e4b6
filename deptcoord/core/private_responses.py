"""Every page, export and API answer is someone's own view of the company: no shared cache (a
proxy, a browser's back-forward store on a shared computer) may keep it."""

from django.utils.cache import patch_cache_control


class PrivateResponses:
    """Mark responses ``Cache-Control: private, no-store`` unless the view chose otherwise
    (static files are served before this, with their own long-lived headers)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_store=True)
        return response
