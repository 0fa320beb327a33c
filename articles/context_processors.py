from django.conf import settings


def site(request):
    """The publication's name and one-line description, for every template."""
    name = settings.MASTHEAD_SITE_NAME
    return {"site_name": name, "site_description": f"Independent reporting on war and violence from {name}."}
