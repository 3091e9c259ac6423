from django.urls import path

from backend.supervision import apis

urlpatterns = [
    path("supervision/figures", apis.FiguresApi.as_view(), name="supervision-figures"),
]
