from django.contrib import admin
from django.urls import include, path

from kinerja.web.api import api

admin.site.site_header = "Kinerja — administrasi"
admin.site.site_title = "Kinerja"
admin.site.index_title = "Data SAKIP"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", api.urls),  # JSON API (django-ninja), kinerja/web/api.py
    path("", include("kinerja.web.urls")),
]
