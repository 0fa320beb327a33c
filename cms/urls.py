from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from articles import sitemaps
from articles.pagecache import cache_for_readers as cached
from articles.views import favicon, media_file, robots_txt

urlpatterns = [
    path("admin/", admin.site.urls),
    path("sitemap.xml", cached(sitemaps.index), name="sitemap"),
    path("sitemap-<str:section>.xml", cached(sitemap), {"sitemaps": sitemaps.SECTIONS}, name="sitemap-section"),
    path("robots.txt", cached(robots_txt), name="robots"),
    path("favicon.ico", favicon, name="favicon"),
    path("media/<path:path>", media_file, name="media"),
    path("", include("articles.urls")),
]
