from django.conf import settings


def site(request):
    """The publication's name, for every template."""
    return {"site_name": settings.MASTHEAD_SITE_NAME}
