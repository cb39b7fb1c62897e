from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Kinerja — administrasi"
admin.site.site_title = "Kinerja"
admin.site.index_title = "Data SAKIP"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("kinerja.web.urls")),
]
