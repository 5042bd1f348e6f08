from django.apps import AppConfig


class ApprenticeshipsConfig(AppConfig):
    name = "apprenticeships"
    verbose_name = "企业新型学徒制培训备案与补贴"

    def ready(self):
        from apprenticeships.registration import register

        register()
