from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = "开放接口"

    def ready(self):
        from api import schema  # noqa: F401  (registers the key's OpenAPI security scheme)
        from api.registration import register

        register()
