from django.urls import path

from backend.services import apis

urlpatterns = [
    path("services", apis.ServiceSearchApi.as_view(), name="services-search"),
    path("services/<str:code>", apis.ServiceGuideApi.as_view(), name="services-guide"),
]
