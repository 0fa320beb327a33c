"""Project-wide response headers that neither Django nor a well-kept library sets."""

from django.conf import settings


class CrossOriginResourcePolicyMiddleware:
    """``Cross-Origin-Resource-Policy`` (settings.CROSS_ORIGIN_RESOURCE_POLICY) on every response, so
    another site cannot load Masthead's pages or feeds as resources of its own (Spectre-class leaks)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = getattr(settings, "CROSS_ORIGIN_RESOURCE_POLICY", "same-origin")

    def __call__(self, request):
        response = self.get_response(request)
        if self.policy:
            response.headers.setdefault("Cross-Origin-Resource-Policy", self.policy)
        return response
