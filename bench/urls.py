"""Masthead's URLs plus /__ceiling__/: the cheapest Django view, through the same middleware.

Its throughput, measured in the same run, is the ceiling every page is compared with.
"""

from django.http import HttpResponse
from django.urls import include, path


def ceiling(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("__ceiling__/", ceiling), path("", include("cms.urls"))]
