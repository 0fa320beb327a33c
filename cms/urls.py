from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from articles.pagecache import cache_for_readers as cached
from articles.sitemaps import SITEMAPS
from articles.views import robots_txt

urlpatterns = [
    path("admin/", admin.site.urls),
    path("sitemap.xml", cached(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", cached(robots_txt), name="robots"),
    path("", include("articles.urls")),
]
